"""Helpers shared by the prior-therapy audit tests: a patient on a common base, judged on one invented trial."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tests.invented import invented_trial
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

BASE: dict[str, Any] = {"age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
                        "tested_negative": [], "pdl1_tps": None, "brain_metastases": "none"}


def prior_verdict(patient: dict[str, Any], inclusion: Sequence[str] = (), exclusion: Sequence[str] = (),
                  title: str = "A trial", conditions: Sequence[str] = ()) -> str:
    """The prior-therapy verdict for BASE updated with `patient`, on a trial of these bullets."""
    text = invented_trial("".join(f"* {line}\n" for line in inclusion or ["Stage IV NSCLC"]),
                          "".join(f"* {line}\n" for line in exclusion or ["Pregnancy"]), title=title,
                          conditions=conditions)
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **patient})).verdict
