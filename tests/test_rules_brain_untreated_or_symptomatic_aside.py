"""Brain: "Known brain metastases which are untreated or symptomatic (patients with previously treated, asymptomatic
brain metastases that are radiologically stable are eligible)" gave the active (new, untreated) profile unknown: the
permission's alternatives were read from the mention on, so the banned "untreated" was taken for one of the
permitted kinds. An aside holding the permission verb starts the permission, as a semicolon does; the ban on
untreated ones then excludes the active profile."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

UNTREATED_OR_SYMPTOMATIC_WITH_ASIDE = [
    "Known brain metastases which are untreated or symptomatic (patients with previously treated, asymptomatic "
    "brain metastases that are radiologically stable may enrol)",
    "CNS metastases that are untreated and/or symptomatic (subjects with treated, stable CNS disease may enroll)",
    "Symptomatic or untreated brain metastases (patients with irradiated, asymptomatic lesions are allowed)",
    "Active (untreated or progressing) brain metastases (those with previously treated stable brain metastases "
    "are eligible)",
    "Known untreated or symptomatic intracranial metastases (asymptomatic patients with treated lesions stable for "
    "4 weeks may participate)",
    "Brain metastases, untreated or symptomatic (participants with resected or irradiated, clinically stable "
    "metastases are permitted)",
]


@pytest.mark.parametrize("exclusion", UNTREATED_OR_SYMPTOMATIC_WITH_ASIDE)
def test_untreated_named_in_the_ban_excludes_active(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)


def test_near_miss_untreated_and_symptomatic_both_needed_stays_a_question() -> None:
    exclusion = "Brain metastases that are untreated and symptomatic (patients with treated stable ones are eligible)"
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


def test_near_miss_asymptomatic_let_in_whatever_the_treatment_stays_a_question() -> None:
    exclusion = "Brain metastases which are untreated or symptomatic (patients with asymptomatic ones are eligible)"
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


def test_near_miss_symptomatic_only_stays_a_question() -> None:
    exclusion = "Symptomatic brain metastases (patients with asymptomatic brain metastases are eligible)"
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)
