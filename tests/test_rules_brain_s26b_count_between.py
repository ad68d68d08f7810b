"""Brain: a count of brain lesions written as a range in words (session 26 round 2, kind 4; sentences invented).

"Between 2 and 8 intracranial lesions", "from 1 to 10 brain metastases", "1 through 4 brain lesions" ask, as "2-8
brain lesions" does, for brain metastases in a number the profile does not give: a patient without them is out,
one with them a question. The count was read only as "2-8", "2 to 8", "at least 2", so these set no rule.
A range from zero, or of something else than brain lesions ("between 2 and 8 weeks since brain radiotherapy"), sets
no requirement."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain

# none, treated and stable, active, not given
COUNTED = (EX, UN, UN, UN)

RANGES = [
    "Between 2 and 8 intracranial lesions",
    "Between two and eight brain metastases on contrast MRI",
    "From 1 to 10 brain metastases, none requiring immediate surgery",
    "Between 3 and 12 CNS metastases visible on gadolinium-enhanced MRI",
    "Patients with 1 through 4 cerebral metastases",
    "MRI shows between 5 and 15 brain lesions, the largest under 3 cm",
]


@pytest.mark.parametrize("inclusion", RANGES)
def test_a_range_of_brain_lesions_is_a_requirement(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == COUNTED


def test_a_range_of_untreated_ones_leaves_treated_out() -> None:
    assert brain(inclusion="Patients with between 3 and 15 untreated brain metastases")[:2] == (EX, EX)


@pytest.mark.parametrize("inclusion", [
    "Between 2 and 8 weeks since brain radiotherapy",
    "Between 2 and 8 cycles of prior chemotherapy",
    "Aged between 18 and 75 years",
])
def test_near_miss_no_brain_lesion_count(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == NO_RULE


def test_near_miss_range_from_zero_is_no_requirement() -> None:
    assert brain(inclusion="Between 0 and 3 brain metastases")[0] == EL
