"""Disease, U kind 2: a histology asked for only under a condition the profile does not record, beside one taken
outright ("non-squamous histology, or squamous histology in patients who have never smoked"): squamous patients are a
question, not taken. Before, both histologies counted as asked for and the trial set no histology limit."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import EL, EX, UN, trial, verdicts

# (adenocarcinoma, squamous, large cell, NSCLC-NOS)
CONDITIONED_SQUAMOUS = [
    "Histologically or cytologically confirmed NSCLC of non-squamous histology, or squamous histology in patients "
    "who have never smoked",
    "Non-squamous NSCLC; squamous NSCLC in never-smokers can be enrolled",
    "Patients with non-squamous NSCLC (adenocarcinoma, large cell), or squamous cell carcinoma from never smokers "
    "(< 100 cigarettes in lifetime)",
    "Non-squamous NSCLC, or squamous NSCLC provided a driver mutation (EGFR, ALK, ROS1) is documented",
    "Stage IV non-squamous NSCLC, or squamous cell histology only if the patient is a light smoker (<10 pack-years)",
    "NSCLC of non-squamous histology, or of squamous histology with a never-smoking history",
]


@pytest.mark.parametrize("inclusion", CONDITIONED_SQUAMOUS)
def test_squamous_under_a_condition_is_a_question(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion))) == (EL, UN, EL, UN)


NEAR = [
    # both taken outright: no limit
    ("Non-squamous or squamous NSCLC", (EL, EL, EL, EL)),
    # a condition on something else (a treatment the profile's lines settle elsewhere): both taken
    ("Non-squamous NSCLC, or squamous NSCLC in patients who received prior chemotherapy", (EL, EL, EL, EL)),
    # one histology with a marker condition: the marker rule's condition, the histology still asked for
    ("Non-squamous NSCLC if an EGFR mutation is present", (EL, EX, EL, UN)),
    # a testing rule for squamous patients, not a limit
    ("Non-squamous NSCLC; patients with squamous histology who have never smoked must also be tested for EGFR",
     (EL, EX, EL, UN)),
]


@pytest.mark.parametrize(("inclusion", "expected"), NEAR)
def test_near_misses_keep_their_reading(inclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(bullets(inclusion))) == expected
