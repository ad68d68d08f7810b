"""Brain, U kind 3: "Brain metastases count towards the total number of lesions" says how an oligometastatic cap
counts them (the disease rule's question), not a condition on brain metastases. Before, it was read as an inclusion
taking brain metastases only under conditions: every patient with brain metastases got unknown."""

from __future__ import annotations

import pytest

from tests.brain_cases import brain

E, U, X = "eligible", "unknown", "excluded"

COUNTING_NOTES = [
    "Stage IV NSCLC with 3 or fewer metastatic lesions. Brain metastases count towards the total number of lesions.",
    "Oligometastatic NSCLC (<= 5 lesions); CNS metastases are counted as one metastatic site each",
    "Intracranial metastases are included in the maximum of 5 metastases",
    "Up to 4 sites of disease // Brain lesions count toward the lesion limit",
    "Oligometastatic disease. Cerebral metastases will be counted within the total of three metastases.",
    "Brain mets count as one lesion.",
]


@pytest.mark.parametrize("inclusion", COUNTING_NOTES)
def test_a_counting_note_sets_no_brain_rule(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (E, E, E, E)


# Near-misses: a count with a condition, and a permission, keep their readings.
NEAR = [
    ("Brain metastases are counted as lesions only if untreated", (E, U, U, U)),
    ("Brain metastases are allowed if treated and stable", (E, E, X, U)),
]


@pytest.mark.parametrize(("inclusion", "expected"), NEAR)
def test_near_misses_keep_their_reading(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion) == expected
