"""Brain metastases, round 3: kinds where one clause of a sentence changes whom another leaves out.

- a brain requirement with another way in ("untreated brain metastases >= 5 mm, or leptomeningeal disease"): the
  qualifier on the brain metastases does not leave out patients the other alternative may take;
- an exception with a second, permitting clause after ";" ("unless treated and stable; in Part B, asymptomatic
  untreated brain metastases are allowed"): active patients may be let in;
- an exclusion pointing at exceptions elsewhere that were not found ("see inclusion criterion 2 for exceptions");
- "Lack of active brain metastases" / "Not known to have untreated brain metastases" as inclusions: negations;
- a brain-metastasis title still requires brain metastases when only one cohort's criterion asks for them.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN
from brain_cases import brain_verdicts as _verdicts
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.matching.profile import Profile, profile_from_dict


# ---------------------------------------------------------------- a requirement with another way in
@pytest.mark.parametrize(("inclusion", "expected"), [
    ("* Patients must have either:\n* untreated brain metastases >= 5 mm, or\n* leptomeningeal disease",
     (EX, UN, UN, UN)),
    ("* Patients must have untreated brain metastases >= 5 mm, or leptomeningeal disease", (EX, UN, EL, UN)),
    ("* Participants must have leptomeningeal disease or untreated brain metastases of at least 5 mm",
     (EX, UN, EL, UN)),
    ("* Must have untreated brain or leptomeningeal metastases", (EX, UN, EL, UN)),
    ("* Presence of progressive brain metastases and/or leptomeningeal carcinomatosis confirmed by CSF cytology",
     (EX, UN, EL, UN)),
    ("* Subjects must have newly diagnosed CNS metastases, or meningeal carcinomatosis on MRI", (EX, UN, EL, UN)),
    # an alternative that is not about the CNS: patients without brain metastases may fit it
    ("* Patients must have untreated brain metastases, or an extracranial lesion that progressed after radiotherapy",
     (UN, UN, EL, UN)),
])
def test_another_way_in_keeps_a_qualifier_from_excluding(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion) == expected


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    # an "or" between brain states, a size, or imaging is no other way in
    ("* Patients must have untreated brain metastases or brain metastases progressing after prior radiotherapy", "",
     (EX, EX, EL, UN)),
    ("* Patients must have untreated brain metastases measuring 5 mm or more", "", (EX, EX, EL, UN)),
    ("* Patients must have untreated brain metastases confirmed by CT or MRI", "", (EX, EX, EL, UN)),
    ("* Participants must have parenchymal brain metastases confirmed by CT or MRI scans, with or without symptoms",
     "", (EX, EL, EL, UN)),
    # in the exclusions "or" leaves out both
    ("", "* Untreated brain metastases or leptomeningeal disease", (EL, EL, EX, UN)),
])
def test_near_misses_of_another_way_in(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion, exclusion) == expected


# ---------------------------------------------------------------- a permitting clause after ";"
@pytest.mark.parametrize("exclusion", [
    "* Known brain metastases, unless treated and stable; in Part B, asymptomatic untreated brain metastases are "
    "allowed",
    "* Known brain metastases, unless treated and stable; asymptomatic untreated brain metastases are allowed",
    "* Brain metastases, unless previously irradiated and stable; for the expansion cohort, untreated asymptomatic "
    "CNS lesions are eligible",
    "* CNS metastases unless resected and stable; small untreated lesions may be enrolled after discussion",
])
def test_a_permitting_clause_after_a_semicolon_may_let_active_patients_in(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, EL, UN, UN)


@pytest.mark.parametrize("exclusion", [
    "* Known CNS metastases unless treated and stable for 4 weeks; patients with untreated brain metastases are "
    "not eligible",
    "* Known brain metastases, unless treated and stable; patients must be off steroids for 2 weeks",
])
def test_a_clause_after_a_semicolon_that_lets_no_one_in(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, EL, EX, UN)


# ---------------------------------------------------------------- exceptions stated elsewhere
@pytest.mark.parametrize("exclusion", [
    "* Known brain metastases (see inclusion criterion 2 for exceptions)",
    "* CNS metastases (exceptions are listed in section 5.1)",
    "* Brain metastases, except as allowed in inclusion criterion 5",
    "* Brain metastases unless otherwise specified below",
])
def test_exceptions_elsewhere_not_found_make_a_question(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, UN, UN, UN)


def test_exceptions_elsewhere_found_are_read() -> None:
    assert _verdicts("* Patients with previously treated, stable brain metastases may enrol",
                     "* Known brain metastases (see inclusion criterion 2 for exceptions)") == (EL, EL, EX, UN)


def test_a_bare_exclusion_without_pointer_still_excludes() -> None:
    assert _verdicts(exclusion="* Known brain metastases") == (EL, EX, EX, UN)


# ---------------------------------------------------------------- negations in inclusions
@pytest.mark.parametrize(("inclusion", "expected"), [
    ("* Lack of active brain metastases", (EL, EL, EX, UN)),
    ("* Not known to have untreated brain metastases", (EL, EL, EX, UN)),
    ("* Devoid of progressive brain metastases", (EL, EL, EX, UN)),
    ("* Free from untreated CNS metastases", (EL, EL, EX, UN)),
    ("* Lacking symptomatic brain metastases", (EL, EL, UN, UN)),
    ("* Lack of brain metastases", (EL, EX, EX, UN)),
])
def test_negated_inclusions(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion) == expected


# ---------------------------------------------------------------- a brain-metastasis title
@pytest.mark.parametrize("title", [
    "Drug Y Plus Chemotherapy for EGFR-mutant NSCLC With Brain Metastases",
    "A Study of Drug Z in Patients With NSCLC and Brain Metastases",
    "Drug W in Lung Cancer Patients With CNS Metastases",
])
def test_a_brain_title_requires_them_beside_one_cohorts_requirement(title: str) -> None:
    verdicts = _verdicts("* Cohort A: patients with untreated brain metastases\n* ECOG 0-1", title=title)
    assert verdicts[0] == EX
    assert verdicts[1] != EX or verdicts == (EX, EX, EL, UN)  # cohort A asks for untreated ones; others are open
    assert _verdicts("* ECOG 0-1", title=title) == (EX, EL, EL, UN)


def test_a_title_without_brain_metastases_requires_nothing() -> None:
    assert _verdicts("* Cohort A: patients with untreated brain metastases\n* Cohort B: any patient",
                     title="Drug Y in NSCLC")[0] != EX


# ---------------------------------------------------------------- invented profiles
def _profile(brain: str | None, ecog: int = 1) -> Profile:
    return profile_from_dict({"id": "p", "age": 58, "histology": "adenocarcinoma", "stage": "IV",
                              "biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "pdl1_tps": 5,
                              "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1,
                              "ecog": ecog, "brain_metastases": brain})


def test_invented_profiles_with_another_way_in() -> None:
    rules = brain_metastases.parse(invented_trial(
        "* Patients must have either:\n* untreated brain metastases >= 5 mm, or\n* leptomeningeal disease"))
    assert brain_metastases.check(rules, _profile("treated_stable")).verdict == UN
    assert brain_metastases.check(rules, _profile("none")).verdict == EX
    rules = brain_metastases.parse(invented_trial("* Lack of active brain metastases"))
    assert brain_metastases.check(rules, _profile("active")).verdict == EX
    assert brain_metastases.check(rules, _profile("treated_stable")).verdict == EL
