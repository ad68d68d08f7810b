"""A response ruler's name is not a tumour list (session 22, found on a set of real trials written from memory).

"Measurable disease as defined by Response Evaluation Criteria in Solid Tumors (RECIST) v1.1" sits in almost every
trial. Its "Solid Tumors" was read as "the trial takes solid tumours in general": a small cell lung cancer trial
became a basket open to every NSCLC patient. The ruler names how lesions are measured, not who enrols.
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, ALL_EX, trial, verdicts

SCLC_TITLE = "Drug X With Platinum-Etoposide in Extensive-Stage Small Cell Lung Cancer"
SCLC_CONDITIONS = ("Small Cell Lung Cancer",)


@pytest.mark.parametrize("line", [
    "Measurable ES-SCLC, as defined by Response Evaluation Criteria in Solid Tumors (RECIST) v1.1",
    "At least one measurable lesion per Response Evaluation Criteria In Solid Tumours version 1.1.",
    "Measurable disease according to the response evaluation criteria in solid tumors (RECIST 1.1)",
    "Evaluable or measurable disease by immune-related Response Criteria in Solid Tumors.",
    "Measurable lesions per the modified Response Evaluation Criteria for Solid Tumors (mRECIST).",
    "Must have radiographically measurable disease (Response Evaluation Criteria In Solid-Tumors v1.1).",
])
def test_a_ruler_named_for_solid_tumours_keeps_a_small_cell_trial_small_cell(line: str) -> None:
    text = trial(f"* Histologically or cytologically confirmed extensive-stage small cell lung cancer\n* {line}\n",
                 "", SCLC_TITLE, SCLC_CONDITIONS)
    assert verdicts(text) == ALL_EX


@pytest.mark.parametrize("line", [
    "Any advanced solid tumour for which no standard therapy exists, measurable per RECIST v1.1.",
    "Patients with other solid tumors, measurable by Response Evaluation Criteria in Solid Tumors, may enrol.",
    "any other solid tumour type, with lesions measurable by Response Evaluation Criteria in Solid Tumors.",
])
def test_solid_tumours_enrolled_beside_the_ruler_still_open_the_trial(line: str) -> None:
    """Near misses: the same sentence also enrols solid tumours in general, so NSCLC may join."""
    text = trial(f"* Histologically confirmed small cell lung cancer or {line}\n", "", SCLC_TITLE, SCLC_CONDITIONS)
    assert verdicts(text) == ALL_EL
