"""Kinds found by an operator audit of the brain-metastasis and performance-status readings (invented profiles run
over every open record; every `excluded` whose sentence holds an operator was read).

Brain metastases:
- the mention sits in the exception of a rule about CNS disease ("CNS disease other than treated, stable brain
  metastases"): the brain metastases it names are let in, the others are CNS disease and stay out;
- a negation over a comma list of qualifiers ("No active, symptomatic, or untreated brain metastases");
- an inclusion listing the states it accepts, absence first ("Absence or irradiated and stable CNS metastatic
  disease"): the list is the whole of what it accepts.
Performance status:
- "level" right after the scale's name is the value's word ("ECOG level 0-1"), not a dose level;
- a protocol page's number ("KPS >= 70 (see Annex 2)") is no score.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial, whole_parse_verdict
from trialmatch.criteria.rules import brain_metastases, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"
STATES = ("none", "treated_stable", "active", None)


def brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for none, treated_stable, active, unknown."""
    rules = brain_metastases.parse(invented_trial(inclusion and f"* {inclusion}\n", exclusion and f"* {exclusion}\n"))
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


def ps(inclusion: str) -> tuple[str, ...]:
    """Verdicts for ECOG 0..4."""
    rules = performance_status.parse(invented_trial(f"* {inclusion}\n", "* Pregnancy\n"))
    return tuple(performance_status.check(rules, Profile(ecog=e)).verdict for e in range(5))


# ---------------------------------------------------------------- brain: exception of a CNS rule
@pytest.mark.parametrize("sentence", [
    "Central nervous system disease other than stable and treated brain metastasis",
    "Any central nervous system pathology except for asymptomatic, previously irradiated brain metastases",
    "Intracranial disease, excluding brain metastases treated with SRS and stable for 4 weeks",
    "Known CNS involvement other than stable, treated brain metastases",
    "CNS disorders apart from brain metastases that were resected and are stable",
    "Brain lesions, with the exception of irradiated brain metastases stable on MRI for 8 weeks",
])
def test_cns_rule_lets_in_the_brain_metastases_its_exception_names(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, EX, UN)


def test_negated_cns_rule_in_an_inclusion_reads_the_same() -> None:
    assert brain(inclusion="No CNS disease other than treated and stable brain metastases") == (EL, EL, EX, UN)


@pytest.mark.parametrize("sentence", [
    "CNS disease other than brain metastases",
    "Central nervous system disorders except brain metastases",
])
def test_exception_naming_every_brain_metastasis_sets_no_brain_rule(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, EL, EL)


def test_neurological_disorder_may_not_take_in_brain_metastases() -> None:
    # Whether an active brain metastasis is a "neurological disease" is the writer's to say: a question.
    assert brain(exclusion="Neurological disease other than treated, stable brain metastases") == (EL, EL, UN, UN)


@pytest.mark.parametrize(("sentence", "expected"), [
    # Near misses that keep their reading: the mention is the rule's own subject.
    ("Brain metastases other than treated, stable ones", (EL, EL, EX, UN)),
    ("Active CNS disease other than stable treated brain metastases", (EL, EL, EX, UN)),
    ("Any metastatic disease to the CNS except for treated and stable brain metastases", (EL, EL, EX, UN)),
    ("Central nervous system metastases", (EL, EX, EX, UN)),
    # A treatment rule with brain metastases in its exception sets no brain rule.
    ("Prior radiotherapy except to brain metastases", (EL, EL, EL, EL)),
])
def test_near_misses_keep_their_verdicts(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected


# ---------------------------------------------------------------- brain: negated comma list
@pytest.mark.parametrize("sentence", [
    "No symptomatic, untreated, or uncontrolled CNS metastases",
    "No active, symptomatic, or untreated brain metastases",
    "Without untreated, progressing, or symptomatic brain metastases",
    "Free of untreated, symptomatic, or progressing intracranial metastases",
])
def test_negation_over_a_comma_list_of_qualifiers_is_read(sentence: str) -> None:
    assert brain(inclusion=sentence) == (EL, EL, EX, UN)


@pytest.mark.parametrize(("sentence", "expected"), [
    # Without "or" the qualifiers must all hold: an active patient may have no symptoms.
    ("Without untreated, symptomatic brain metastases", (EL, EL, UN, UN)),
    ("No symptomatic or untreated brain metastases", (EL, EL, EX, UN)),
    ("No prior therapy, brain metastases allowed if treated and stable", (EL, EL, EX, UN)),
])
def test_negated_list_near_misses(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=sentence) == expected


# ---------------------------------------------------------------- brain: "absence or <state>"
@pytest.mark.parametrize("sentence", [
    "Absence or irradiated and stable central nervous system metastatic disease",
    "Absence of, or treated and stable, brain metastases",
    "Absent or previously resected and stable intracranial metastases",
])
def test_absence_or_a_state_is_the_whole_list(sentence: str) -> None:
    assert brain(inclusion=sentence) == (EL, EL, EX, UN)


def test_absence_or_presence_sets_no_rule() -> None:
    assert brain(inclusion="Absence or presence of brain metastases") == (EL, EL, EL, EL)


def test_absence_or_untreated_leaves_treated_a_question() -> None:
    assert brain(inclusion="None, or asymptomatic untreated brain metastases") == (EL, UN, UN, UN)


def test_absence_or_in_an_exclusion_is_no_list() -> None:
    # In an exclusion the wording contradicts itself: it excludes no one.
    assert brain(exclusion="Absence or irradiated and stable CNS metastatic disease") == (UN, UN, UN, UN)


# ---------------------------------------------------------------- performance status
@pytest.mark.parametrize("sentence", [
    "ECOG level 0-1; Expected life > 6 months.",
    "ECOG PS level 0 or 1",
    "Performance status (ECOG) level 0-1",
    "WHO performance status level 0 to 1",
])
def test_level_after_the_scale_name_is_its_value(sentence: str) -> None:
    assert ps(sentence) == (EL, EL, EX, EX, EX)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("ECOG 0-1 at dose level 2", (EL, EL, EX, EX, EX)),
    ("ECOG 0-2; dose level 3 enrols ECOG 0-2 only", (EL, EL, EL, EX, EX)),
])
def test_dose_level_stays_a_label(sentence: str, expected: tuple[str, ...]) -> None:
    assert ps(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Age 18 to 80 years old, physical status score ECOG 0 to 2 or KPS >= 70 (see Annex 2);",
    "ECOG 0-2 or Karnofsky 70 or more (Attachment 4)",
    "ECOG performance status 0 to 2 (see Appendix 1)",
    "WHO PS 0-2, refer to Table 3",
    "ECOG 0-2 (schedule 1)",
])
def test_a_protocol_page_number_is_no_score(sentence: str) -> None:
    assert ps(sentence) == (EL, EL, EL, EX, EX)


def test_section_number_after_a_karnofsky_limit() -> None:
    assert ps("Karnofsky >= 70 (section 5.2)") == (EL, EL, EX, EX, EX)


# ---------------------------------------------------------------- invented profiles through the whole parse
def _patient(**fields: Any) -> Profile:
    base = {"id": "p", "summary": "p", "sex": "male", "histology": "large cell", "stage": "IV", "biomarkers": [],
            "tested_negative": [], "pdl1_tps": None, "prior_lines": None}
    return profile_from_dict({**base, **fields})


_verdict = whole_parse_verdict


def test_invented_profiles_on_an_audited_trial() -> None:
    text = invented_trial(
        "* Stage IV NSCLC\n* ECOG level 0-1;\n* No active, symptomatic, or untreated brain metastases\n",
        "* Central nervous system disease other than stable and treated brain metastasis\n"
        "* Prior radiotherapy except to brain metastases\n",
    )
    after_srs = _patient(age=83, ecog=0, brain_metastases="treated_stable",
                         prior_therapies=["stereotactic radiosurgery", "lorlatinib"])
    untreated = _patient(age=27, ecog=1, brain_metastases="active", prior_therapies=[])
    unknown = _patient(age=61, ecog=None, brain_metastases=None, prior_therapies=["whole brain radiotherapy"])
    frail = _patient(age=70, ecog=2, brain_metastases="none", prior_therapies=["docetaxel"])
    assert _verdict(text, "brain_metastases", after_srs) == EL
    assert _verdict(text, "performance_status", after_srs) == EL
    assert _verdict(text, "brain_metastases", untreated) == EX
    assert _verdict(text, "brain_metastases", unknown) == UN
    assert _verdict(text, "performance_status", unknown) == UN
    assert _verdict(text, "performance_status", frail) == EX
