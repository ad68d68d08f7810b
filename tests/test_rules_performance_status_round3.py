"""Performance status, round 3.

- one bullet with a limit per cancer ("Patients with glioma: KPS >= 70; patients with solid tumours: ECOG <= 2"): the
  other cancer's limit is dropped, ours (solid tumours, NSCLC) still applies;
- an enrolment quota is no condition on the patient ("ECOG 0-2 (ECOG 2 limited to 20% of patients)");
- a score whose door has an age on it ("ECOG 2 with age >= 70, or ECOG 0-1") is settled by the patient's age.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"
# (ECOG, age) pairs every test reads
PATIENTS = ((1, 60), (2, 67), (2, 78), (2, None), (3, 80))


def _verdicts(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    rules = performance_status.parse(invented_trial(inclusion, exclusion))
    return tuple(performance_status.check(rules, Profile(ecog=e, age=a)).verdict for e, a in PATIENTS)


# ---------------------------------------------------------------- a limit per cancer in one bullet
@pytest.mark.parametrize(("inclusion", "expected"), [
    ("* Patients with glioma: KPS >= 70; patients with solid tumours: ECOG <= 2", (EL, EL, EL, EL, EX)),
    ("* Glioblastoma: KPS >= 60; NSCLC: ECOG 0-1", (EL, EX, EX, EX, EX)),
    ("* Patients with glioma: KPS >= 70. Patients with solid tumors: ECOG 0-1", (EL, EX, EX, EX, EX)),
    ("* Primary brain tumours: Karnofsky >= 60; patients with lung cancer: WHO PS 0-2", (EL, EL, EL, EL, EX)),
])
def test_our_cancer_limit_beside_another_cancers(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion) == expected


@pytest.mark.parametrize("inclusion", [
    "* Patients with glioma: KPS >= 70; ECOG 0-1 is also acceptable",  # may go on about the glioma patients
    "* Patients with glioma: KPS >= 70; patients with breast cancer: ECOG 0-1",  # another cancer again
    "* Patients with glioma: KPS >= 70",
])
def test_other_cancers_limits_set_no_rule(inclusion: str) -> None:
    assert _verdicts(inclusion) == (EL,) * len(PATIENTS)


# ---------------------------------------------------------------- a quota is not a limit
@pytest.mark.parametrize("inclusion", [
    "* ECOG 0-2 (ECOG 2 limited to 20% of patients)",
    "* ECOG 0 to 2; PS 2 restricted to a maximum of 10 participants",
    "* ECOG 0-2 (ECOG 2 limited to approximately 20 patients)",
    "* ECOG performance status 0-2 (PS 2 limited to no more than 25 % of enrolled subjects)",
])
def test_a_quota_lets_the_score_in(inclusion: str) -> None:
    assert _verdicts(inclusion) == (EL, EL, EL, EL, EX)


def test_a_restriction_to_a_group_stays_a_question() -> None:
    assert _verdicts("* ECOG 0-2 (ECOG 2 limited to patients aged 70 or older)") == (EL, UN, UN, UN, EX)


# ---------------------------------------------------------------- a door with an age on it
@pytest.mark.parametrize(("inclusion", "expected"), [
    ("* ECOG 2 with age >= 70, or ECOG 0-1", (EL, EX, EL, UN, EX)),
    ("* ECOG 0-1 or ECOG 2 with age > 75", (EL, EX, EL, UN, EX)),
    ("* ECOG PS 0-1, or PS 2 and age 70 years or older", (EL, EX, EL, UN, EX)),
    ("* Age >= 70 and ECOG 0-2, or ECOG 0-1", (EL, EX, EL, UN, EX)),
    ("* ECOG 2 with age < 65, or ECOG 0-1", (EL, EX, EX, UN, EX)),
    ("* Performance status: one of the following\n    * ECOG 0-1\n    * ECOG 2 with age >= 70",
     (EL, EX, EL, UN, EX)),
])
def test_the_age_settles_a_door_with_an_age(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion) == expected


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    # another condition than age: still a question
    ("* ECOG 2 with creatinine clearance < 50, or ECOG 0-1", "", (EL, UN, UN, UN, EX)),
    # an exclusion of a score and an age: not read against the age
    ("", "* ECOG 2 and age >= 70", (EL, UN, UN, UN, EL)),
    # a plain limit with an age everyone must meet anyway
    ("* ECOG 0-1 and age >= 18", "", (EL, EX, EX, EX, EX)),
])
def test_near_misses_of_an_age_door(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion, exclusion) == expected


def test_reads_the_age_only_when_a_door_has_one() -> None:
    with_age = performance_status.parse(invented_trial("* ECOG 2 with age >= 70, or ECOG 0-1"))
    plain = performance_status.parse(invented_trial("* ECOG 0-1"))
    assert performance_status.reads(with_age) == {"ecog", "age"}
    assert performance_status.reads(plain) == {"ecog"}


# ---------------------------------------------------------------- invented profiles
def _profile(ecog: int, age: int) -> Profile:
    return profile_from_dict({"id": "p", "age": age, "histology": "squamous", "stage": "IV", "biomarkers": [],
                              "pdl1_tps": 0, "prior_therapies": ["carboplatin", "paclitaxel", "cemiplimab"],
                              "prior_lines": 1, "ecog": ecog, "brain_metastases": "none"})


def test_invented_profiles() -> None:
    rules = performance_status.parse(invented_trial("* ECOG 2 with age >= 70, or ECOG 0-1"))
    assert performance_status.check(rules, _profile(2, 67)).verdict == EX
    assert performance_status.check(rules, _profile(2, 78)).verdict == EL
    assert performance_status.check(rules, _profile(0, 45)).verdict == EL
    rules = performance_status.parse(invented_trial(
        "* Patients with glioma: KPS >= 70; patients with solid tumours: ECOG <= 2"))
    assert performance_status.check(rules, _profile(3, 60)).verdict == EX
    rules = performance_status.parse(invented_trial("* ECOG 0-2 (ECOG 2 limited to 20% of patients)"))
    assert performance_status.check(rules, _profile(2, 50)).verdict == EL
