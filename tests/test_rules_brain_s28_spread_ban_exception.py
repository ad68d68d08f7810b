"""Brain: "Evidence of extrathoracic metastatic disease, including brain metastases, unless treated and stable" (an
exclusion) gave eligible to everyone: after "including" the mention is skipped as an example of the wider ban, and the
ban itself was dropped because of the exception ("read by the mention's own reading", which never came). The
exception now loosens the ban instead: treated, stable metastases stay eligible, untreated / active ones are
excluded, and a profile whose brain was not imaged stays a question. The same shape with "except", "other than", a
bracketed permission or a permission clause after a semicolon."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

# none, treated_stable, active, not given
UNTREATED_OUT = (EL, EL, EX, UN)

SPREAD_BAN_WITH_EXCEPTION = [
    "Evidence of extra-thoracic metastatic disease, including brain metastases, unless previously treated and stable",
    "Distant metastatic disease (M1b/M1c), including CNS metastases, except treated and radiologically stable brain "
    "metastases",
    "Extracranial or intracranial metastases, including intracranial metastases, other than irradiated and stable "
    "ones",
    "Any evidence of metastatic spread including brain metastases (patients with treated, stable brain metastases "
    "are allowed)",
    "Patients with distant metastases, including cerebral metastases, are not allowed to be enrolled, except those "
    "whose brain lesions were resected or irradiated and have been stable for 4 weeks",
    "Known stage IV disease including brain metastases; subjects with previously treated brain metastases that are "
    "stable for at least 28 days can be enrolled",
    "Metastases outside the chest, including brain metastasis (BM), unless treated and clinically stable off "
    "steroids",
]


@pytest.mark.parametrize("exclusion", SPREAD_BAN_WITH_EXCEPTION)
def test_exception_to_a_spread_ban_keeps_the_untreated_ban(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == UNTREATED_OUT


def test_near_miss_spread_ban_without_exception_excludes_all_brain_metastases() -> None:
    assert brain(exclusion="Evidence of extrathoracic metastatic disease, including brain metastases") == (
        EL, EX, EX, UN)


def test_near_miss_exception_naming_no_brain_state_stays_a_question() -> None:
    got = brain(exclusion="Extracranial metastatic disease, including brain metastases, unless approved by the sponsor")
    assert got[2] != EX and got[1] != EX


def test_near_miss_inclusion_population_example_sets_no_rule() -> None:
    inclusion = "Stage IV NSCLC, including patients with brain metastases, unless untreated"
    assert brain(inclusion=inclusion)[1] != EX


def test_near_miss_examples_with_eg_keep_their_own_reading() -> None:
    assert brain(exclusion="Distant metastases (e.g. brain metastases) unless treated and stable") == UNTREATED_OUT
