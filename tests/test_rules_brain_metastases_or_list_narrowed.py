"""Brain metastases: an "or" list of kinds before the mention, narrowed by a qualifier right after it ("Symptomatic or
progressing CNS metastases requiring immediate local therapy"). Either kind of the list is enough, but the qualifier
after the mention holds for all of them, so an untreated (active) metastasis is excluded only if it also needs that
therapy, which the profile does not say: a question, not an exclusion. Treated, stable ones stay eligible."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

NARROWED = [
    "Symptomatic or progressing CNS metastases requiring immediate local therapy",
    "Untreated or progressive brain metastases needing corticosteroids",
    "Active or growing brain metastases that require urgent radiotherapy",
    "New or enlarging brain metastases requiring steroids for symptom control",
    "Progressive or untreated brain metastases > 2 cm",
    "Growing/untreated intracranial metastases that need immediate surgery",
    "Unstable or active cerebral metastases requiring anticonvulsants",
]


@pytest.mark.parametrize("exclusion", NARROWED)
def test_a_narrowed_list_asks_about_active_ones(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


# Near-misses: no narrowing after the mention, or the qualifier after it belongs to another condition.
NEAR = [
    "Symptomatic or progressing CNS metastases",
    "Symptomatic or untreated brain metastases",
    "Untreated or symptomatic brain metastases and leptomeningeal disease requiring steroids",
    "Untreated or symptomatic brain metastases, or brain metastases requiring steroids",
    "Active or untreated brain metastases",
]


@pytest.mark.parametrize("exclusion", NEAR)
def test_near_misses_keep_their_verdict(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)


def test_one_kind_narrowed_is_unchanged() -> None:
    assert brain(exclusion="Untreated brain metastases requiring steroids") == (EL, EL, UN, UN)
