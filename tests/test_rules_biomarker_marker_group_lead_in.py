"""A lead-in that names marker cohorts before a rule about something else (session 31, round 3, AH).

"In the ROS1 cohorts, participants whose only measurable disease is intracranial may enrol.": the marker says which
of the trial's groups the rest is about, and the rest names no marker, so the sentence asks for none. Read as a ROS1
requirement, the trial's NTRK cohort's patients were excluded. Near-misses: a lead-in whose rest names a marker, and
a lead-in naming no marker, keep their verdicts.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, ROS1, UNTESTED, patient, verdict

NTRK = patient("NTRK1:fusion")
KRAS = patient("KRAS:G12C")
COHORTS = ("Cohort 1 (ROS1 NSCLC): ROS1 fusion; no prior TKI.",
           "Cohort 2 (NTRK): NTRK1, NTRK2 or NTRK3 gene fusion in any solid tumour.")


def trial_with(sentence: str) -> str:
    return ("Inclusion Criteria:\n\n* Molecular requirements by cohort:\n\n" + "".join(f"  * {c}\n" for c in COHORTS)
            + f"* {sentence}\n")


LEAD_INS = [
    "CNS involvement: asymptomatic brain metastases are permitted. In the ROS1 cohorts, participants whose only "
    "measurable disease is intracranial may enrol.",
    "In the ROS1 cohort, up to two prior lines of chemotherapy are allowed.",
    "For the ROS1-positive cohorts, prior crizotinib must have been stopped at least 7 days before the first dose.",
    "Within the ROS1 fusion cohort (Cohort 1), participants must have at least one lesion not previously irradiated.",
    "Among the ROS1 groups, leptomeningeal disease is permitted if asymptomatic.",
    "In both ROS1 arms, a fresh tumour biopsy is optional.",
    "In the ROS1 cohorts, patients with treated spinal cord compression that is stable are eligible.",
    "For the ROS1 cohorts, participants aged 12 years or older may enrol where local regulations permit.",
]


@pytest.mark.parametrize("sentence", LEAD_INS)
def test_marker_cohort_lead_in_asks_for_no_marker(sentence: str) -> None:
    criteria = trial_with(sentence)
    assert verdict(criteria, NTRK) == "eligible"  # the other cohort's patient
    assert verdict(criteria, ROS1) == "eligible"
    assert verdict(criteria, EGFR_19) == "excluded"  # fits no cohort
    assert verdict(criteria, UNTESTED) == "unknown"


NEAR_MISSES = [
    "In the ROS1 cohorts, ROS1 fusion must be confirmed by a central laboratory.",
    "ROS1 fusion is required for all participants.",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_a_marker_rule_after_the_lead_in_still_binds(sentence: str) -> None:
    assert verdict(trial_with(sentence), NTRK) == "excluded"


def test_lead_in_without_a_marker_keeps_its_rule() -> None:
    criteria = "Inclusion Criteria:\n\n* In the expansion cohort, participants must have KRAS G12C-mutant NSCLC.\n"
    assert verdict(criteria, KRAS) == "eligible"
    assert verdict(criteria, EGFR_19) != "eligible"
