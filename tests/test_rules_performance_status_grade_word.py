"""A performance score whose value is introduced by "grade" ("ECOG Performance Status of Grade 0 or 1").

"grade" after another word belongs to another scale (a tumour grade, a CTCAE toxicity grade) and must stay
no limit; right after the scale's own name ("performance status", "PS") it is the score's value word.
"""

from __future__ import annotations

import pytest

from tests.invented import invented_trial
from trialmatch.criteria.rules import performance_status
from trialmatch.matching.profile import Profile

EL, EX = "eligible", "excluded"


def ps_verdicts(inclusion: str) -> tuple[str, ...]:
    """The verdicts for ECOG 0..4 of a trial with this inclusion criterion."""
    rules = performance_status.parse(invented_trial(f"* {inclusion}\n", "* Pregnancy\n"))
    return tuple(performance_status.check(rules, Profile(ecog=e)).verdict for e in range(5))


@pytest.mark.parametrize("sentence", [
    "Eastern Cooperative Oncology Group Performance Status of Grade 0 or 1",
    "ECOG performance status grade 0-1",
    "ECOG PS grade 0 or 1 at screening",
    "WHO performance status: grade 0 to 1",
    "Zubrod performance status of grade 0-1",
])
def test_grade_after_the_scale_name_is_its_value(sentence: str) -> None:
    assert ps_verdicts(sentence) == (EL, EL, EX, EX, EX)


def test_grade_two_allowed_reads_to_two() -> None:
    assert ps_verdicts("ECOG performance status of grade 2 or lower") == (EL, EL, EL, EX, EX)


@pytest.mark.parametrize("sentence", [
    "WHO grade 3 tumour on biopsy",
    "Tumour grade 1 or 2 on the pathology report",
    "Neuropathy of CTCAE grade 0 or 1",
])
def test_grade_of_another_scale_sets_no_limit(sentence: str) -> None:
    assert ps_verdicts(sentence) == (EL, EL, EL, EL, EL)


def test_another_scales_grade_beside_a_score_keeps_the_score() -> None:
    assert ps_verdicts("ECOG 0-1 and WHO grade 3 tumour") == (EL, EL, EX, EX, EX)
