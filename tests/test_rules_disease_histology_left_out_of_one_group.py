"""Disease: "Stage IV NSCLC of any histology, except squamous in the pemetrexed arm" excluded every squamous patient:
the exception is one arm's (or cohort's, or one treatment's patients'), and the trial's other groups take squamous
disease. A histology left out of one group sets no limit for the trial. Invented sentences only; near-misses keep
the trial-wide exception."""

from __future__ import annotations

import pytest
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
