"""Disease, N kind 12: a window on the number of metastases ("Total number of metastases 4-10") is a limit no
profile settles: stage IV is a question, not plainly eligible. Before, only "up to / no more than N" counts were
read as an oligometastatic limit."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EL, ALL_UN, trial, verdicts

WINDOWS = [
    "Total number of metastases 4-10",
    "Number of metastatic lesions between 2 and 5",
    "Between 3 and 8 metastatic lesions on PET-CT",
    "2 to 6 metastases, all amenable to SABR",
    "Number of sites of disease: 1-5",
    "Metastatic NSCLC with 4 to 10 oligometastases",
]


@pytest.mark.parametrize("inclusion", WINDOWS)
def test_a_count_window_is_a_question(inclusion: str) -> None:
    assert verdicts(trial(bullets("Metastatic NSCLC // " + inclusion))) == ALL_UN


NEAR = [
    "Metastatic NSCLC // 2 to 4 weeks since last radiotherapy",
    "Metastatic NSCLC // Between 1 and 3 prior lines of therapy",
    "Metastatic NSCLC // Number of prior regimens 1-2",
]


@pytest.mark.parametrize("inclusion", NEAR)
def test_near_misses_count_something_else(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion))) == ALL_EL
