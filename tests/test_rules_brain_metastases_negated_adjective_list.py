"""Brain metastases: a negation before a comma-separated list of adjectives ("No active, measurable CNS
metastases"). The adjectives all describe the metastases ruled out, so the state word among them ("active",
"untreated", "symptomatic") still says which ones: treated, stable metastases are not meant. Before, the comma after
"No active" cut the state word off and the sentence read as "no CNS metastases" at all, shutting out treated,
stable ones (a false exclusion)."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

LISTS = [
    "No active, measurable CNS metastases",
    "Without untreated, measurable brain metastases",
    "No progressing, enhancing intracranial metastases",
    "Absence of active, evaluable brain metastases",
    "Free of new, measurable cerebral metastases",
    "No untreated, contrast-enhancing brain metastases",
]


@pytest.mark.parametrize("inclusion", LISTS)
def test_the_state_word_still_counts(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:3] == (EL, EL, EX)


NEAR = {
    "No measurable CNS metastases": (EL, EX, EX, UN),
    "No known, measurable brain metastases": (EL, EX, EX, UN),
    "No active CNS metastases": (EL, EL, EX, UN),
}


@pytest.mark.parametrize("inclusion", NEAR)
def test_near_misses_keep_their_verdict(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == NEAR[inclusion]
