"""A marker rule, then after its colon or arrow the one group it leads to: "TPS >= 50%: Cohort 1 (drug plus
pembrolizumab)", "PD-L1 1-49% -> Arm B". The rule is that group's way in, as "Cohort 1: TPS >= 50%" is; it was read
as the whole trial's, so beside "TPS < 50%: Cohort 2" every PD-L1 result failed one of the two (a TPS 30% patient
excluded by Cohort 1's threshold). Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import patient, verdict

TPS_60 = patient(pdl1=60)
TPS_30 = patient(pdl1=30)
TPS_0 = patient(pdl1=0)
NO_PDL1 = patient()


def _criteria(*bullets: str, parent: str | None = None) -> str:
    lines = "".join(f"  * {b}\n" for b in bullets) if parent else "".join(f"* {b}\n" for b in bullets)
    head = f"* {parent}\n\n" if parent else ""
    return f"Inclusion Criteria:\n\n* Stage IV NSCLC\n{head}{lines}"


TWO_GROUPS = [
    _criteria("TPS ≥ 50%: Cohort 1 (study drug plus pembrolizumab)",
              "TPS < 50%: Cohort 2 (study drug plus pembrolizumab and chemotherapy)",
              parent="Known PD-L1 status by the 22C3 assay:"),
    _criteria("PD-L1 TPS ≥ 50%: Cohort A (monotherapy)", "PD-L1 TPS < 50%: Cohort B (combination)"),
    _criteria("TPS 50% or higher -> Cohort A", "TPS below 50% -> Cohort B", parent="PD-L1 status:"),
    _criteria("PD-L1 high (TPS ≥ 50%): Arm 1", "PD-L1 low or negative (TPS < 50%): Arm 2"),
    _criteria("PD-L1 TPS ≥ 50% → Group A (drug X alone)", "PD-L1 TPS < 50% → Group B (drug X with chemotherapy)"),
]


@pytest.mark.parametrize("criteria", TWO_GROUPS)
def test_each_level_has_its_group(criteria: str) -> None:
    for level in (TPS_60, TPS_30, TPS_0):
        assert verdict(criteria, level) == "eligible", criteria
    assert verdict(criteria, NO_PDL1) == "unknown", criteria


def test_one_labelled_group_is_no_trial_wide_threshold() -> None:
    criteria = _criteria("PD-L1 TPS ≥ 50%: Cohort 1 (study drug plus pembrolizumab)")
    assert verdict(criteria, TPS_60) == "eligible"
    assert verdict(criteria, TPS_30) == "unknown"  # other groups' rules may not be written here


# Near-misses: the label first reads as before; a colon followed by more than a label is the rule's own text.
def test_label_first_unchanged() -> None:
    criteria = _criteria("Cohort 1: PD-L1 TPS ≥ 50%", "Cohort 2: PD-L1 TPS < 50%")
    assert verdict(criteria, TPS_30) == "eligible"
    assert verdict(criteria, TPS_60) == "eligible"


def test_plain_threshold_still_binds() -> None:
    criteria = _criteria("PD-L1 TPS ≥ 50% by the 22C3 assay")
    assert verdict(criteria, TPS_30) == "excluded"


def test_colon_then_more_than_a_label_still_binds() -> None:
    criteria = _criteria("PD-L1 TPS ≥ 50%: documented by a central laboratory before enrolment")
    assert verdict(criteria, TPS_30) == "excluded"
