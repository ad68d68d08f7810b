"""Brain-metastasis and disease kinds of helper round bio7 (invented sentences only).

1. Brain: an exclusion of known brain metastases followed, in the same bullet, by a permission whose subject carries a
   long bracketed definition before its verb ("Subjects with brain metastases who have been treated and are stable (no
   progression for 4 weeks, no new lesions, off steroids for 3 days) are allowed"). The window after the mention was
   cut before the bracket closed, so the bracket was not set aside, the verb not found and treated, stable patients
   were shut out (a false exclusion). Asides now go before the window is cut.
2. Brain: a stability window not yet reached ("stable for <4 weeks", "stable for less than 28 days", "not stable for at
   least 4 weeks"), often inside the definition of "active" metastases, is the complement of "stable for at least 4
   weeks": untreated (active) metastases have no stability to count and are out; treated, stable ones are taken to
   meet the window (time windows never exclude). It was no qualifier at all, so active patients were a question.
3. Disease: a basket of every solid tumour beside blood cancers ("solid tumor, multiple myeloma, or B cell non-Hodgkin
   lymphoma") takes NSCLC: the blood cancers are more ways in, not a list of the solid tumours meant. Before, any
   other cancer named beside the basket made NSCLC a question. A basket whose list names another solid tumour, or a
   basket with no "solid" word beside blood cancers only, stays a question.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain
from disease_cases import ALL_EL, ALL_UN, trial, verdicts

# --------------------------------------------------------------- 1. a permission with a long bracket before its verb
LONG_BRACKET_PERMISSIONS = [
    "Known central nervous system metastases. Subjects with brain metastases who have been treated and are stable "
    "(no evidence of progression on imaging for at least 4 weeks before the first dose, no new or enlarged "
    "lesions, and off steroids for at least 3 days) are allowed.",
    "Known brain metastases or leptomeningeal disease. Patients with brain metastases that were irradiated and remain "
    "stable (defined as no radiological progression for at least 28 days prior to randomisation, no new lesions on the "
    "screening scan, and no corticosteroid use for 14 days) are eligible.",
    "Known CNS metastases. Participants with brain metastases which have been resected and are stable (MRI "
    "confirming stability for at least 6 weeks after surgery, without new lesions and without a steroid "
    "requirement for 7 days) may be enrolled.",
    "Brain metastases. Patients with treated brain metastases that are stable (no progression on two consecutive "
    "scans taken at least 4 weeks apart, neurologically stable, no steroids within 2 weeks of the first dose of "
    "study drug) are permitted.",
    "Known intracranial metastases. Subjects with intracranial metastases who completed local therapy and are stable "
    "(imaging shows no progression for at least 4 weeks, no new or enlarged metastases, and steroids stopped at "
    "least 7 days before treatment) are allowed.",
    "Known brain metastases. Patients with brain metastases who have received radiotherapy and are clinically stable "
    "(stable imaging for at least four weeks before enrolment, with no new or growing lesions and no anticonvulsant or "
    "steroid need for at least ten days) can participate.",
]


@pytest.mark.parametrize("exclusion", LONG_BRACKET_PERMISSIONS)
def test_a_permission_with_a_long_bracket_lets_treated_stable_in(exclusion: str) -> None:
    assert brain("", exclusion) == (EL, EL, EX, UN)


def test_a_long_bracket_before_a_refusal_still_refuses() -> None:
    # Near-miss: the same shape, but the verb shuts the treated ones out.
    text = ("Known brain metastases. Patients with brain metastases who have been irradiated (whole-brain radiotherapy "
            "or stereotactic radiosurgery at any time before the first dose, whatever the response seen on later "
            "imaging) are not eligible.")
    assert brain("", text)[1] == EX
    # The short form was read before this round.
    assert brain("", "Known CNS metastases. Subjects with treated, stable brain metastases are allowed.") == (
        EL, EL, EX, UN)


# --------------------------------------------------------------- 2. a stability window not yet reached
SHORT_STABILITY = [
    "Active brain metastases (defined as stable for <4 weeks and/or symptomatic and/or requiring steroids)",
    "Active CNS metastases, defined as stable for less than 28 days or requiring corticosteroids",
    "Brain metastases that have been stable for fewer than 6 weeks",
    "Brain metastases not stable for at least 4 weeks on MRI",
    "Brain metastases stable for under 2 months",
    "Active intracranial disease (i.e. stable for < 1 month and/or symptomatic)",
]


@pytest.mark.parametrize("exclusion", SHORT_STABILITY)
def test_a_stability_window_not_reached_leaves_active_ones_out(exclusion: str) -> None:
    assert brain("", exclusion) == (EL, EL, EX, UN)


def test_other_stability_wordings_read_as_before() -> None:
    assert brain("", "Brain metastases, unless stable for at least 4 weeks") == (EL, EL, EX, UN)
    assert brain("", "Unstable brain metastases") == (EL, EL, UN, UN)  # "unstable" alone: a question for active


# --------------------------------------------------------------- 3. a solid-tumour basket beside blood cancers
SOLID_AND_BLOOD = [
    ("* Histologically proven locally advanced or metastatic solid tumor, multiple myeloma, or B cell non-Hodgkin "
     "lymphoma\n", "Advanced Stage Cancer", ("Non-Hodgkin Lymphoma", "Multiple Myeloma", "Advanced Solid Tumors")),
    ("* Advanced solid tumours or relapsed/refractory lymphoma\n", "Drug Z in Advanced Cancers",
     ("Solid Tumor", "Lymphoma")),
    ("* Any advanced solid malignancy or haematological malignancy\n", "A Basket Study",
     ("Solid Tumors", "Hematologic Malignancies")),
    ("* Metastatic solid tumor, chronic lymphocytic leukemia or acute myeloid leukemia\n", "Drug Q in Cancer",
     ("Solid Tumor", "CLL", "AML")),
    ("* Solid tumors and B-cell or T-cell lymphomas with the target alteration\n",
     "A Basket Study in Solid Tumours and Lymphoma", ("Solid Tumours", "Lymphoma")),
    ("* Locally advanced or metastatic solid tumour, or diffuse large B-cell lymphoma\n", "Drug R in Cancer",
     ("Solid Tumour", "Diffuse Large B-Cell Lymphoma")),
]


@pytest.mark.parametrize(("inclusion", "title", "conditions"), SOLID_AND_BLOOD)
def test_a_solid_tumour_basket_beside_blood_cancers_takes_nsclc(inclusion: str, title: str,
                                                               conditions: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, title=title, conditions=conditions)) == ALL_EL


@pytest.mark.parametrize(("inclusion", "title", "conditions"), [
    # Another solid tumour named: which solid tumours are meant is the question it was.
    ("* Advanced solid tumours (breast, ovarian or colorectal cancer) or lymphoma\n", "Drug S in Cancer",
     ("Breast Cancer", "Ovarian Cancer", "Lymphoma")),
    # No solid word: "advanced malignancies" beside blood cancers only may be a blood-cancer trial.
    ("* Advanced malignancies\n", "Advanced Malignancies", ("Lymphoma", "Leukemia")),
])
def test_other_baskets_stay_a_question(inclusion: str, title: str, conditions: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, title=title, conditions=conditions)) == ALL_UN


# --------------------------------------------------------------- 4. a heading over one rule per group
GROUP_RULES = [
    ("Brain metastases: >> Arms A and B: asymptomatic untreated brain metastases are allowed; symptomatic brain "
     "metastases are excluded. >> Arm C: untreated brain metastases excluded; treated lesions allowed if stable",
     (EL, EL, UN, UN)),
    ("CNS metastases: >> Part 1 - known brain metastases, treated or untreated >> Part 2 - untreated or symptomatic "
     "brain metastases; treated, stable brain metastases are allowed", (EL, EL, EX, UN)),
    ("CNS involvement: >> Cohorts 1-3: asymptomatic CNS metastases, untreated or treated, are permitted >> Cohorts "
     "4-5: untreated brain metastases are excluded; previously treated, stable lesions are allowed", (EL, EL, UN, UN)),
    ("Brain metastases: >> Part A: untreated brain metastases are excluded; treated, stable lesions are allowed >> "
     "Part B: untreated or progressing brain metastases are excluded", (EL, EL, EX, UN)),
    ("Intracranial disease: >> Cohort 1 - active brain metastases >> Cohort 2 - symptomatic brain metastases",
     (EL, EL, UN, UN)),
    ("Brain metastases: >> Part 1 (escalation): any brain metastases >> Part 2 (expansion): untreated brain "
     "metastases", (EL, EL, EX, UN)),
]


@pytest.mark.parametrize(("exclusion", "expected"), GROUP_RULES)
def test_a_heading_over_group_rules_is_the_best_group(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain("", exclusion) == expected


def test_a_heading_over_kinds_is_read_as_before() -> None:
    # No group labels: the heading and its items are one rule, as before this round.
    assert brain("", "Brain metastases: >> untreated >> symptomatic") == (EL, EX, EX, UN)
    # A group label with a dash names no condition: "Part B - untreated or symptomatic" reads as "Part B: ...".
    assert brain("", "Part B - untreated or symptomatic brain metastases") == brain(
        "", "Part B: untreated or symptomatic brain metastases")
