"""Helpers shared by the disease kind tests: an invented trial, and its verdicts for the four histologies."""

from __future__ import annotations

from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile

HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell", "nsclc-nos")
EL, UN, EX = "eligible", "unknown", "excluded"
ALL_EL, ALL_UN, ALL_EX = (EL,) * 4, (UN,) * 4, (EX,) * 4


def trial(inclusion: str, exclusion: str = "", title: str = "", conditions: tuple[str, ...] = ()) -> TrialText:
    title = title or "A Study of Drug X in NSCLC"
    return invented_trial(inclusion, exclusion, title, conditions or (title,))


def verdicts(text: TrialText, stage: str | None = "IV") -> tuple[str, ...]:
    """Verdicts for adenocarcinoma, squamous, large cell and NSCLC-NOS, in that order."""
    rules = disease.parse(text)
    return tuple(disease.check(rules, Profile(stage=stage, histology=h)).verdict for h in HISTOLOGIES)
