"""Brain, W kind 4: "Definitive clinical or radiologic evidence of metastatic disease, including brain metastases":
the imaging word ("radiologic", "radiographic") that finds the spread was read as a treatment word ("radio..."), as
if the metastases were a radiotherapy's object, and the ban of brain metastases was lost."""

from __future__ import annotations

import pytest

from tests.brain_cases import brain

E, U, X = "eligible", "unknown", "excluded"

IMAGED_SPREAD_BANS = [
    "Definitive clinical or radiologic evidence of metastatic disease, including brain metastases",
    "Radiographic evidence of distant metastases (e.g., brain metastases)",
    "Radiological evidence of extrathoracic metastatic disease, including brain metastases on MRI",
    "Radiographically confirmed M1 disease, including CNS metastases",
    "Clinical or radiographic evidence of distant spread, such as brain metastases",
    "Radiologic signs of stage IV disease, including brain metastases, cannot be enrolled",
]


@pytest.mark.parametrize("exclusion", IMAGED_SPREAD_BANS)
def test_an_imaged_spread_ban_names_brain_metastases(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (E, X, X, U)


# Near-misses: a radiotherapy's object stays no ban; without the brain example there is no brain rule.
NEAR = [
    ("Prior radiotherapy to metastatic disease, including brain metastases", (E, E, E, E)),
    ("Radiotherapy to distant metastases (e.g. brain metastases) within 2 weeks", (E, E, E, E)),
    ("Radiologic evidence of metastatic disease", (E, E, E, E)),
]


@pytest.mark.parametrize(("exclusion", "expected"), NEAR)
def test_near_misses_keep_their_reading(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion) == expected
