"""Performance status: a general limit followed by a sentence letting one part's subgroup in with a score of its own
("ECOG performance status 0-1. In Cohorts 1 and 2, patients aged 75 years or older may have ECOG 2."). The part named
in the second sentence is that exception's, as in a scored aside ("ECOG 0-1 (ECOG 2 permitted in Cohort C)"); the
first limit is everyone's. Before, the whole criterion was read as the named part's, and every score it leaves out
became a question."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import performance_status
from trialmatch.matching.profile import Profile

EL, UN, EX = "eligible", "unknown", "excluded"


def verdict(sentence: str, ecog: int, age: int = 60) -> str:
    rules = performance_status.parse(invented_trial(f"* {sentence}\n", "* Pregnancy\n"))
    return str(performance_status.check(rules, Profile(ecog=ecog, age=age)).verdict)


BY_AGE = [
    "ECOG performance status 0-1. In Cohorts 1 and 2, patients aged 75 years or older may have ECOG 2.",
    "ECOG PS of 0 or 1; in Arm B, participants 70 years of age or older with ECOG PS 2 are eligible.",
    "WHO performance status 0-1. For Part 2, patients aged >= 80 years are permitted a WHO PS of 2.",
    "Eastern Cooperative Oncology Group performance status <= 1. In the expansion cohort, subjects aged 75 or over "
    "with ECOG 2 may be enrolled.",
    "ECOG 0-1. Within Cohort C, elderly patients (age >= 70) with PS 2 are allowed.",
    "Performance status (ECOG) 0 to 1. In Phase 2, patients older than 75 years can have ECOG 2.",
]


@pytest.mark.parametrize("sentence", BY_AGE)
def test_the_first_limit_is_everyones(sentence: str) -> None:
    assert [verdict(sentence, e) for e in (0, 1, 3, 4)] == [EL, EL, EX, EX]


@pytest.mark.parametrize("sentence", BY_AGE)
def test_the_part_lets_the_old_in_with_ps2(sentence: str) -> None:
    assert verdict(sentence, 2, age=85) == EL
    assert verdict(sentence, 2, age=60) == EX  # no part lets a younger patient in with PS 2


# Near-misses: the whole criterion is one part's ("... (Part A only)"), so its leftovers stay questions.
NEAR = [
    "ECOG performance status 0-1 in Cohort 3",
    "Part B: ECOG 0-1.",
]


@pytest.mark.parametrize("sentence", NEAR)
def test_one_parts_limit_stays_a_question(sentence: str) -> None:
    assert verdict(sentence, 3) == UN
