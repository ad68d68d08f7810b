"""Performance status on two kinds of wording, each with invented sentences and near misses:

- a score joined by "and" to another condition the profile cannot show, beside another score as an alternative
  ("* ECOG 2-3  * ECOG 0-1 AND creatinine clearance < 60 mL/min"): that door's scores are a question, the other
  door's stay eligible, scores in neither are excluded; alone, "ECOG 0-1 and life expectancy > 12 weeks" stays a
  plain limit;
- "or missing" / "or unknown" after a score: a score not on record, not another way in for a known score.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import performance_status
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"


def _trial(inclusion: str, exclusion: str = "") -> TrialText:
    return invented_trial(inclusion, exclusion, "An invented trial")


def _verdicts(inclusion: str, exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for ECOG 0, 1, 2, 3 and 4."""
    rules = performance_status.parse(_trial(inclusion, exclusion))
    return tuple(performance_status.check(rules, Profile(ecog=e)).verdict for e in range(5))


# ---------------------------------------------------------------- a door on a condition among alternatives
DOORS = {
    "sub-bullets-and-creatinine": (
        "* Not suitable for first-line chemotherapy, as defined by the following criteria:\n"
        "  * ECOG performance status 2-3\n  * ECOG performance status 0-1 AND creatinine clearance < 60 mL/min",
        (UN, UN, EL, EL, EX)),
    "sub-bullets-with-creatinine": (
        "* Patients must meet one of the following:\n  * ECOG PS 2 or 3\n"
        "  * ECOG PS 0 or 1 with creatinine clearance below 50 mL/min",
        (UN, UN, EL, EL, EX)),
    "sub-bullets-and-age": (
        "* Unfit for platinum doublet chemotherapy, defined as one of the following:\n"
        "  * WHO performance status 2\n  * WHO performance status 0-1 and age >= 75 years",
        (UN, UN, EL, EX, EX)),
    "sub-bullets-and-comorbidity": (
        "* Considered frail, meaning either:\n  * Zubrod performance status of 2\n"
        "  * Zubrod performance status of 0 or 1 and a Charlson comorbidity index of 3 or more",
        (UN, UN, EL, EX, EX)),
    "one-sentence-door-second": ("* ECOG 2-3, or ECOG 0-1 and creatinine clearance < 60 mL/min", (UN, UN, EL, EL, EX)),
    "one-sentence-door-first": ("* ECOG 0-1 and creatinine clearance < 60 mL/min, or ECOG 2-3", (UN, UN, EL, EL, EX)),
    "condition-before-the-score": ("* Creatinine clearance < 60 mL/min and ECOG 0-1, or ECOG 2",
                                   (UN, UN, EL, EX, EX)),
    "nested-doors": ("* Age >= 70 years and ECOG 0-2, or ECOG 0-1", (EL, EL, UN, EX, EX)),
}
PLAIN = {  # near misses: no alternative beside it, the condition is everyone's, or the same limit said twice
    "life-expectancy": ("* ECOG 0-1 and life expectancy > 12 weeks", (EL, EL, EX, EX, EX)),
    "life-expectancy-with": ("* ECOG 0-1 with a life expectancy of at least 12 weeks", (EL, EL, EX, EX, EX)),
    "adequate-organ-function": ("* ECOG performance status 0-1 and adequate organ function", (EL, EL, EX, EX, EX)),
    "lone-lab-condition": ("* ECOG 0-1 and creatinine clearance >= 60 mL/min", (EL, EL, EX, EX, EX)),
    "lone-list-with-lab": ("* ECOG 0, 1, 2 or 3 and creatinine clearance < 60 mL/min", (EL, EL, EL, EL, EX)),
    "same-limit-in-karnofsky": ("* ECOG 0-1 and creatinine clearance >= 50 mL/min (Karnofsky >= 70)",
                                (EL, EL, EX, EX, EX)),
    "alternatives-with-life-expectancy": (
        "* Frail patients, defined as:\n  * ECOG 2\n  * ECOG 0-1 and life expectancy > 12 weeks",
        (EL, EL, EL, EX, EX)),
    "another-index-is-no-score": ("* ECOG 0-1 and a Charlson comorbidity index of 3 or more", (EL, EL, EX, EX, EX)),
    "separate-bullets": ("* ECOG 0-1 and creatinine clearance >= 50 mL/min\n* Age 18 years or older",
                         (EL, EL, EX, EX, EX)),
}


@pytest.mark.parametrize(("inclusion", "expected"), DOORS.values(), ids=DOORS.keys())
def test_a_score_joined_to_another_condition_among_alternatives_is_a_question(
        inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion) == expected


@pytest.mark.parametrize(("inclusion", "expected"), PLAIN.values(), ids=PLAIN.keys())
def test_a_score_with_a_condition_alone_stays_a_plain_limit(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion) == expected


def test_the_door_on_a_condition_says_why() -> None:
    rules = performance_status.parse(_trial("* ECOG 2-3, or ECOG 0-1 and creatinine clearance < 60 mL/min"))
    finding = performance_status.check(rules, Profile(ecog=1))
    assert finding.verdict == UN
    assert "another condition" in finding.reason
    assert "creatinine" in finding.evidence


# ---------------------------------------------------------------- "or missing": a record, not a way in
MISSING = {
    "ecog-or-missing-or-karnofsky": (
        "* Eastern Cooperative Oncology Group (ECOG) performance status of 0, 1, or missing or Karnofsky performance "
        "status >=70 or missing", (EL, EL, EX, EX, EX)),
    "ecog-or-unknown": ("* ECOG 0, 1 or unknown", (EL, EL, EX, EX, EX)),
    "who-or-not-documented": ("* Performance status (WHO) 0-1 or not documented", (EL, EL, EX, EX, EX)),
    "ecog-0-2-or-missing": ("* ECOG 0-2, or missing", (EL, EL, EL, EX, EX)),
    "karnofsky-or-not-available": ("* KPS >= 70 or not available", (EL, EL, EX, EX, EX)),
}
ANOTHER_WAY_IN = {  # near misses: a real fact after "or" still lets others in
    "or-age": ("* ECOG 0-1 or age >= 70", (EL, EL, UN, UN, UN)),
    "missing-then-age": ("* ECOG 0-1, or missing, or age >= 70 years", (EL, EL, UN, UN, UN)),
}


@pytest.mark.parametrize(("inclusion", "expected"), MISSING.values(), ids=MISSING.keys())
def test_a_score_not_on_record_is_no_way_in(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion) == expected


@pytest.mark.parametrize(("inclusion", "expected"), ANOTHER_WAY_IN.values(), ids=ANOTHER_WAY_IN.keys())
def test_another_fact_after_or_is_still_a_way_in(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion) == expected


def _profile(pid: str, ecog: int | None) -> Profile:
    return profile_from_dict({
        "id": pid, "age": 80, "sex": "female", "histology": "large cell", "stage": "IV",
        "biomarkers": [{"gene": "MET", "alteration": "amplification"}], "tested_negative": [], "pdl1_tps": None,
        "prior_therapies": [], "prior_lines": 0, "ecog": ecog, "brain_metastases": "treated_stable"})


def test_invented_profiles_on_alternatives_and_missing_scores() -> None:
    profiles = {f"met-amp-ecog{e}": _profile(f"met-amp-ecog{e}", e) for e in (0, 1, 2, 3, 4, None)}
    doors = performance_status.parse(_trial(
        "* Not a candidate for platinum chemotherapy because of either:\n  * WHO PS 2-3\n"
        "  * WHO PS 0-1 and estimated glomerular filtration rate below 45 mL/min"))
    missing = performance_status.parse(_trial("* ECOG 0 or 1, or missing; or Karnofsky >= 70, or missing"))
    assert [performance_status.check(doors, p).verdict for p in profiles.values()] == [UN, UN, EL, EL, EX, UN]
    assert [performance_status.check(missing, p).verdict for p in profiles.values()] == [EL, EL, EX, EX, EX, UN]
