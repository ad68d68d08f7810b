"""An age named as one reason among others is a condition, not a limit by age.

"Zubrod PS 2 or 3 OR Zubrod PS 0-1 AND be deemed not a candidate for chemoradiation due to comorbidities or age >= 70"
takes a fit patient only when a doctor judges them unfit for the standard treatment: the age is one of the reasons a
doctor may give. Read as a rule by age it shut out every fit patient under 70 (a sealed set's 11 false exclusions).
Such a clause lets the score in on a condition the profile cannot settle: a question, at any age.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN
from invented import invented_trial

from trialmatch.criteria.rules import performance_status
from trialmatch.matching.profile import Profile


def _verdict(line: str, age: int, score: int) -> str:
    rules = performance_status.parse(invented_trial(f"* {line}\n", "* Pregnancy\n"))
    return performance_status.check(rules, Profile(ecog=score, age=age)).verdict


REASONS = [
    "Participants must have Zubrod performance status 2 or 3 OR Zubrod performance status 0-1 AND be deemed not a "
    "candidate for concurrent chemoradiation due to comorbidities or age >= 70",
    "ECOG performance status 2, or ECOG 0-1 if considered unfit for platinum doublet because of comorbidity or age "
    "over 75 years",
    "WHO PS 2-3, or WHO PS 0-1 and ineligible for chemotherapy owing to frailty, organ dysfunction or age of 80 years "
    "or more",
    "Performance status (ECOG) 2; patients with ECOG 0-1 may enter if unsuitable for surgery by reason of poor lung "
    "function and/or age > 70",
    "ECOG 2, or ECOG 0 to 1 when the treating physician judges them unfit due to age 70 years or older or frailty",
    "Zubrod 2, or Zubrod 0-1 with medical contraindication or advanced age (>= 75 years) precluding chemotherapy",
]


@pytest.mark.parametrize("line", REASONS)
@pytest.mark.parametrize("age", [58, 78])
def test_a_score_let_in_for_reasons_including_age_is_a_question(line: str, age: int) -> None:
    assert _verdict(line, age, 1) == UN
    assert _verdict(line, age, 2) == EL


@pytest.mark.parametrize("line", [
    "ECOG 0-1 for patients younger than 70, or 0-2 for those aged 70 or older",
    "Aged 70 or older with WHO PS 0-2, or aged under 70 with WHO PS 2",
    "ECOG 0-2; patients aged 75 or older must have ECOG 0-1",
])
def test_a_limit_by_age_alone_is_still_read_by_age(line: str) -> None:
    # Near misses: every clause's age is the whole condition, so the age settles it.
    verdicts = {(age, score): _verdict(line, age, score) for age in (60, 80) for score in (1, 2)}
    assert EX in verdicts.values()
    assert UN not in verdicts.values()


@pytest.mark.parametrize("line", [
    "ECOG 0-1, or ECOG 2 and ineligible for platinum-based chemotherapy",
    "WHO performance status 0 to 1, or 2 if not eligible for concurrent chemoradiotherapy",
    "ECOG PS 0-1; ECOG 2 allowed for patients ineligible to receive cisplatin",
])
def test_ineligible_for_a_treatment_is_a_way_in_not_a_shut_out(line: str) -> None:
    # "ineligible for X" names a treatment the patient cannot have; the scores stated stay let in.
    assert _verdict(line, 60, 1) == EL
    assert _verdict(line, 60, 2) in (EL, UN)
    assert _verdict(line, 60, 3) == EX
