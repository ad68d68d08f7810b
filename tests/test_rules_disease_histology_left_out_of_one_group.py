"""Disease: "Stage IV NSCLC of any histology, except squamous in the pemetrexed arm" excluded every squamous patient:
the exception is one arm's (or cohort's, or one treatment's patients'), and the trial's other groups take squamous
disease. A histology left out of one group sets no limit for the trial. Invented sentences only; near-misses keep
the trial-wide exception."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import EL, EX, UN, trial, verdicts


@pytest.mark.parametrize("inclusion", [
    "Stage IV NSCLC of any histology, except squamous in the pemetrexed arm.",
    "Stage IV NSCLC of any histology, except squamous cell histology in Arm B.",
    "Advanced NSCLC, excluding squamous histology for patients assigned to bevacizumab.",
    "Stage IV NSCLC except squamous (for Cohort 2).",
    "Metastatic NSCLC, except squamous cell carcinoma for patients randomised to the pemetrexed arm.",
])
def test_a_histology_left_out_of_one_group_is_no_trial_limit(inclusion: str) -> None:
    assert verdicts(trial(f"* {inclusion}\n")) == (EL, EL, EL, EL)


@pytest.mark.parametrize("inclusion", [
    "Stage IV NSCLC except squamous.",
    "Metastatic NSCLC, excluding squamous cell carcinoma.",
])
def test_a_trial_wide_exception_still_excludes(inclusion: str) -> None:
    assert verdicts(trial(f"* {inclusion}\n")) == (EL, EX, EL, UN)


@pytest.mark.parametrize("inclusion", [
    "Stage IV NSCLC. // Cohort 1: PD-L1 ≥ 50%, no prior therapy. // Cohort 2: progressed after chemo-IO. // Cohort 3 "
    "(oncogene-driven): non-squamous NSCLC with an EGFR or ALK alteration and progression on targeted therapy.",
    "Stage IV NSCLC. // Cohort A (EGFR-mutant): non-squamous histology. // Cohort B: any histology, PD-L1 ≥ 1%.",
    "Metastatic NSCLC. // Part 1: any NSCLC. // Part 2 (KRAS G12C): adenocarcinoma only.",
])
def test_a_labelled_cohort_named_by_markers_limits_its_own_histology_only(inclusion: str) -> None:
    # the other cohorts take every histology: a squamous patient fits one (was: a question)
    assert verdicts(trial(bullets(inclusion))) == (EL, EL, EL, EL)


def test_a_marker_groups_histology_stays_a_question() -> None:
    text = trial(bullets("Stage IV NSCLC. // Patients with EGFR mutation must have adenocarcinoma histology."))
    assert verdicts(text)[1] == UN
