"""Performance-status kinds of session 22 (found on a set of real trials written from memory).

A trial for patients unfit for platinum: "ECOG 2-3, OR" over a sub-bullet "* Age >= 70 with ECOG 0-1 and substantial
comorbidities". The parent's "OR" makes its sub-bullets more ways in, to be read beside it; read apart, the sub-bullet's
age was lost and every ECOG 0-1 patient fit. An age door that also needs a condition the profile does not show
(comorbidities, unsuitability for chemotherapy) is a question at a fitting age, never a plain fit.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN
from invented import invented_trial

from trialmatch.criteria.rules import performance_status
from trialmatch.matching.profile import Profile


def verdicts(inclusion: str, ages: tuple[int, ...] = (55, 75)) -> dict[tuple[int, int], str]:
    """Verdict per (ECOG, age) for ECOG 0-4 at each age."""
    rules = performance_status.parse(invented_trial(inclusion))
    return {(e, a): performance_status.check(rules, Profile(ecog=e, age=a)).verdict for e in range(5) for a in ages}


@pytest.mark.parametrize(("parent", "child"), [
    ("* ECOG performance status 2-3, OR", "  * Age >= 70 years with ECOG performance status 0-1"),
    ("* Patients unsuitable for platinum because of poor performance status (ECOG PS 2 or 3), or",
     "  * Aged 70 or older with an ECOG PS of 0 or 1"),
    ("* WHO performance status 2 or 3; or", "  * Age ≥ 75 years with WHO performance status 0-1"),
    ("* ECOG 2-3, and/or", "  * Age > 69 years with ECOG 0-1"),
    ("* Performance status (ECOG) of 2 or 3, or:", "  * Patients aged 70 years or older with ECOG PS 0 to 1"),
    ("* ECOG PS of 2-3 OR", "  * age at least 70 years with ECOG PS 0-1"),
])
def test_sub_bullets_under_a_parent_ending_on_or_are_its_alternatives(parent: str, child: str) -> None:
    got = verdicts(f"{parent}\n{child}")
    assert got[(2, 55)] == got[(3, 55)] == EL  # the parent's scores, at any age
    assert got[(0, 55)] == got[(1, 55)] == EX  # the sub-bullet's scores, too young
    assert got[(1, 75)] == EL  # ... and old enough
    assert got[(4, 75)] == EX


@pytest.mark.parametrize("child", [
    "  * Age >= 70 years with ECOG performance status 0-1 and substantial comorbidities",
    "  * Aged 70 or older with ECOG PS 0-1 and contraindications to platinum-doublet chemotherapy",
    "  * Age ≥ 75 years with ECOG 0 or 1 and judged unfit for combination chemotherapy by the investigator",
    "  * Age over 69 with ECOG 0-1 and a high burden of comorbid illness",
    "  * Age ≥ 70 years with ECOG 0-1 and with significant organ dysfunction precluding cisplatin",
    "  * Aged 70 years or more with WHO PS 0-1 and creatinine clearance below 60 mL/min",
])
def test_an_age_door_that_needs_more_than_the_age_is_a_question_at_a_fitting_age(child: str) -> None:
    got = verdicts(f"* ECOG performance status 2-3, OR\n{child}", ages=(55, 80))
    assert got[(1, 80)] == UN  # the age fits; the other condition is not in the profile
    assert got[(1, 55)] == EX  # too young for that door, whatever else
    assert got[(2, 55)] == EL


@pytest.mark.parametrize(("inclusion", "fit", "unfit"), [
    ("* ECOG performance status 2-3\n  * Assessed by the investigator at screening", 2, 0),  # a parent without "or"
    ("* ECOG performance status 0-1, as follows:\n  * confirmed at two visits", 0, 2),
])
def test_a_parent_without_or_keeps_its_own_limit(inclusion: str, fit: int, unfit: int) -> None:
    got = verdicts(inclusion)
    assert got[(fit, 55)] == EL and got[(unfit, 55)] == EX


def test_an_adult_age_beside_a_score_is_no_door() -> None:
    """ "Age >= 18 years with ECOG 0-1" is everyone's limit: ECOG 0-1 fit at any adult age."""
    got = verdicts("* Age >= 18 years with ECOG performance status 0-1")
    assert got[(1, 55)] == got[(1, 75)] == EL and got[(2, 55)] == EX
