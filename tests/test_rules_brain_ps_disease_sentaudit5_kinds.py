"""Kinds found by sentence audits of US cancer-centre and European / Australian trial pages, and one a previous round
left.

Performance status:
- "< or = 2", "less or equal to 2", "inferior or equal to 2" (translated) are bounds, not the value alone (was "ECOG 2
  only", a false exclusion of ECOG 0-1);
- lay wording of the ECOG 2/3 boundary with no scale ("well enough to be up and about for at least half the day";
  "in bed or a chair for more than half the day" as an exclusion); vaguer lay wording is left alone.
Brain metastases:
- an exclusion of a subset ("a single brain metastasis amenable to radiosurgery", "solitary ... suitable for
  resection", "all amenable to SRS") is a question, not an exclusion of every brain metastasis;
- an alternative that starts with a count ("or 1 extracranial lesion amenable to biopsy") is another way into a brain
  requirement;
- lay "spread to the brain" / "secondary cancer in the brain"; "with or without leptomeningeal disease" leaves the
  meninges open (no longer read past); "BM" after a status word, or where the trial spells it out as brain
  metastases; a requirement whose lead-in the reader took for a cohort ("NSCLC with brain metastases: ..."); a count
  of "intraparenchymal" brain metastases is a requirement.
Disease:
- a histology item under a subgroup's conditional lead-in ("Stable disease allowed provided 1 of the following ...:")
  or among alternatives with other kinds of items ("One of the following: adenocarcinoma / EGFR mutation") binds no
  one (was a requirement for everyone).
"""

from __future__ import annotations

import pytest

from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, disease, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"
STATES = ("none", "treated_stable", "active", None)


def brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for none, treated_stable, active, unknown; " // " starts another bullet."""
    inc = inclusion and "* " + inclusion.replace(" // ", "\n* ") + "\n"
    exc = exclusion and "* " + exclusion.replace(" // ", "\n* ") + "\n"
    rules = brain_metastases.parse(invented_trial(inc, exc))
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


def ecog(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for ECOG 0-4."""
    rules = performance_status.parse(invented_trial(inclusion and f"* {inclusion}\n", exclusion and f"* {exclusion}\n"))
    return tuple(performance_status.check(rules, Profile(ecog=e)).verdict for e in range(5))


HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell")


def histology(lines: list[str]) -> tuple[str, ...]:
    """Disease verdicts for stage IV adenocarcinoma, squamous and large cell; a line starting with two spaces is a
    sub-bullet of the line before."""
    text = "".join(f"  * {line.strip()}\n" if line.startswith("  ") else f"* {line}\n" for line in lines)
    trial = invented_trial("* Stage IV non-small cell lung cancer\n" + text, "* Pregnancy\n", title="A study",
                           conditions=("Non-small Cell Lung Cancer",))
    rules = disease.parse(trial)
    return tuple(disease.check(rules, Profile(histology=h, stage="IV")).verdict for h in HISTOLOGIES)


# ---------------------------------------------------------------- PS: "< or =", "less or equal to"
@pytest.mark.parametrize(("sentence", "expected"), [
    ("PS (WHO performance status) < or =2", (EL, EL, EL, EX, EX)),
    ("ECOG performance status < or = 1", (EL, EL, EX, EX, EX)),
    ("WHO performance status less or equal to 2", (EL, EL, EL, EX, EX)),
    ("Zubrod performance status inferior or equal to 2", (EL, EL, EL, EX, EX)),
    ("ECOG PS lower or equal to 1", (EL, EL, EX, EX, EX)),
    ("Performance status (ECOG) smaller or equal to 2", (EL, EL, EL, EX, EX)),
    ("Karnofsky performance status superior or equal to 70%", (EL, EL, EX, EX, EX)),
    ("WHO PS inferior to 2", (EL, EL, EX, EX, EX)),
])
def test_or_equal_wordings_are_bounds(sentence: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion=sentence) == expected


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    ("", "ECOG > or = 2", (EL, EL, EX, EX, EX)),
    ("ECOG PS greater or equal to 2", "", (EX, EX, EL, EL, EL)),
    # near misses that already read right, and a PS-2-only trial
    ("PS (WHO) ≤ 2", "", (EL, EL, EL, EX, EX)),
    ("Performance status =< 2 (WHO scale)", "", (EL, EL, EL, EX, EX)),
    ("ECOG PS 2 or less", "", (EL, EL, EL, EX, EX)),
    ("WHO performance status of 2", "", (EX, EX, EL, EX, EX)),
    ("ECOG less than or equal to 1", "", (EL, EL, EX, EX, EX)),
])
def test_near_misses_of_or_equal(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion=inclusion, exclusion=exclusion) == expected


# ---------------------------------------------------------------- PS: lay wording without a number
@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("Are well enough to be up and about for at least half the day", ""),
    ("You are up and about for more than half the day", ""),
    ("Able to look after yourself and up and about for most of the day", ""),
    ("", "You are in bed or a chair for more than half the day"),
    ("", "Confined to bed or chair for more than half of the day"),
    ("", "You spend more than half the day in bed"),
    ("", "Patients who spend most of the day lying down"),
])
def test_lay_ecog_two_three_boundary(inclusion: str, exclusion: str) -> None:
    assert ecog(inclusion=inclusion, exclusion=exclusion) == (EL, EL, EL, EX, EX)


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("You are not up and about for at least half the day", ""),  # negated: not read
    ("", "Are well enough to be up and about for at least half the day"),  # the other section: not read
    ("Able to look after yourself", ""),  # vague: maps to no one score
    ("Fairly active and able to do light housework", ""),
    ("You are up and about", ""),
])
def test_lay_wording_that_is_not_plain_sets_no_limit(inclusion: str, exclusion: str) -> None:
    assert ecog(inclusion=inclusion, exclusion=exclusion) == (EL, EL, EL, EL, EL)


def test_lay_wording_beside_a_number_keeps_the_number() -> None:
    sentence = "Are well enough to be up and about for at least half the day (performance status 0 or 1)"
    assert ecog(inclusion=sentence) == (EL, EL, EX, EX, EX)


# ---------------------------------------------------------------- brain: an exclusion of a subset
@pytest.mark.parametrize("sentence", [
    "Patients with a single brain metastasis amenable to radiosurgery of resection",
    "Solitary brain metastasis suitable for surgical resection",
    "Patients whose brain metastases are all amenable to stereotactic radiosurgery",
    "Brain metastases that are candidates for surgical resection",
    "Resectable brain metastasis",
    "Isolated brain metastasis amenable to surgery",
    "A single brain metastasis",
])
def test_a_subset_of_brain_metastases_excluded_is_a_question(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, UN, UN, UN)


def test_a_subset_exclusion_under_a_plain_inclusion() -> None:
    assert brain(inclusion="Metastatic NSCLC.",
                 exclusion="Patients with a single brain metastasis amenable to radiosurgery or resection") == (
        EL, UN, UN, UN)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Untreated brain metastases", (EL, EL, EX, UN)),
    ("Any brain metastases, treated or untreated", (EL, EX, EX, UN)),
    ("Brain metastases (single or multiple)", (EL, EX, EX, UN)),
    ("Brain metastases, single or multiple, treated or untreated", (EL, EX, EX, UN)),
    ("Brain metastases not amenable to local therapy", (EL, EL, UN, UN)),
    ("Known brain metastases, unless treated and stable", (EL, EL, EX, UN)),
    ("Untreated solitary brain metastasis", (EL, EL, UN, UN)),  # untreated and solitary: a subset of the active
])
def test_near_misses_of_a_subset(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected


# ---------------------------------------------------------------- brain: an alternative starting with a count
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Patients must have brain metastases, or 1 extracranial lesion amenable to biopsy", (UN, EL, EL, UN)),
    ("Patients must have untreated brain metastases, or 2 or more extracranial lesions measurable by RECIST",
     (UN, UN, EL, UN)),
    ("Must have at least one brain metastasis, or 1 measurable lesion outside the brain", (UN, UN, UN, UN)),
])
def test_a_counted_alternative_is_another_way_in(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Patients must have brain metastases of 5 mm, or 10 mm if on CT",  # a size, not another way in
    "Patients must have at least 1 untreated brain metastasis ≥ 5 mm, or 2 lesions ≥ 3 mm",  # the brain's lesions
    "Patients with at least 3 brain metastases, or 1-2 brain metastases not suitable for radiosurgery",
])
def test_a_size_or_brain_count_is_no_other_way_in(sentence: str) -> None:
    assert brain(inclusion=sentence)[0] == EX


# ---------------------------------------------------------------- brain: lay wording
@pytest.mark.parametrize(("sentence", "expected"), [
    ("You have cancer spread to the brain that has not been treated", (EL, EL, EX, UN)),
    ("Secondary cancer in the brain that is getting worse", (EL, EL, EX, UN)),
    ("Your cancer has spread to your brain and is causing symptoms", (EL, EL, UN, UN)),
    ("Cancer that has spread to the brain", (EL, EX, EX, UN)),
    ("Your cancer has spread to the brain, unless it has been treated and is stable", (EL, EL, EX, UN)),
    ("You have recently been diagnosed with cancer that has newly spread to the brain", (EL, EL, EX, UN)),
])
def test_lay_brain_metastases_in_an_exclusion(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("You have cancer that has spread to the brain", (EX, EL, EL, UN)),
    ("You have secondary cancer in the brain", (EX, EL, EL, UN)),
    ("The cancer has not spread to the brain", (EL, EX, EX, UN)),
    ("Your cancer hasn't spread to your brain", (EL, EX, EX, UN)),
])
def test_lay_brain_metastases_in_an_inclusion(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Cancer spread to the lungs",
    "Cancer that started in the brain",
    "Infection spreading to the brain",
    "A secondary cancer of another organ",
    "Prior secondary cancer in the last 5 years",
])
def test_near_misses_of_lay_brain_wording(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, EL, EL)


# ---------------------------------------------------------------- brain: "with or without leptomeningeal disease"
@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    ("", "Brain metastases with or without leptomeningeal disease", (EL, EX, EX, UN)),
    ("", "Untreated brain metastases with or without leptomeningeal involvement", (EL, EL, EX, UN)),
    ("", "CNS metastases, with or without meningeal carcinomatosis", (EL, EX, EX, UN)),
    ("NSCLC with brain metastases with or without leptomeningeal disease", "", (EX, EL, EL, UN)),
])
def test_with_or_without_meninges_leaves_the_brain_rule(inclusion: str, exclusion: str,
                                                        expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion, exclusion=exclusion) == expected


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("Patients with or without leptomeningeal disease", ""),
    ("Patients with or without brain metastases", ""),
    ("", "Leptomeningeal disease with or without brain metastases"),
])
def test_near_misses_of_with_or_without_meninges(inclusion: str, exclusion: str) -> None:
    assert EX not in brain(inclusion=inclusion, exclusion=exclusion)


# ---------------------------------------------------------------- brain: "BM"
@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    ("", "Symptomatic BM", (EL, EL, UN, UN)),
    ("", "Untreated BMs", (EL, EL, EX, UN)),
    ("", "Active BM requiring steroids", (EL, EL, UN, UN)),  # both must hold, as when spelled out
    ("", "Untreated brain metastases (BM) // BM requiring steroids", (EL, EL, EX, UN)),
    ("Patients with asymptomatic BM", "", (EL, EL, UN, UN)),
])
def test_bm_is_brain_metastases_after_a_status_or_where_spelled_out(inclusion: str, exclusion: str,
                                                                    expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion, exclusion=exclusion) == expected


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("", "Patients with BM"),  # not spelled out anywhere
    ("", "Adequate bone marrow (BM) function // Active BM"),  # here BM is the bone marrow
    ("Measurable disease per RANO-BM", ""),
])
def test_bm_near_misses(inclusion: str, exclusion: str) -> None:
    assert brain(inclusion=inclusion, exclusion=exclusion) == (EL, EL, EL, EL)


# ---------------------------------------------------------------- brain: requirements read as conditions
@pytest.mark.parametrize("sentence", [
    "NSCLC with brain metastases: 3 or more lesions, or 1-2 lesions not amenable to surgery",
    "NSCLC with brain metastases: at least one lesion of 5 mm or more",
    "One to 3 intraparenchymal brain metastases by contrast-enhanced MRI, meeting the following criteria:",
    "Two to five brain metastases on MRI, each meeting the following:",
    "At least one untreated brain metastasis measuring 5-30 mm.",
])
def test_a_brain_requirement_leaves_out_patients_without(sentence: str) -> None:
    assert brain(inclusion=sentence)[0] == EX


@pytest.mark.parametrize("sentence", [
    "Up to 3 brain metastases allowed if treated",
    "Patients with 1-3 brain metastases are eligible",
    "If brain metastases are present, one to three intraparenchymal brain metastases",
])
def test_near_misses_of_a_brain_requirement(sentence: str) -> None:
    assert brain(inclusion=sentence)[0] == EL


# ---------------------------------------------------------------- disease: items under a conditional lead-in
@pytest.mark.parametrize("lines", [
    ["Stable disease allowed provided 1 of the following criteria is met:", "EGFR mutation (exon 19 or 21)",
     "Having ≥ 2 of the following 3 factors:", "Female", "Never smoked",
     "Histologically confirmed adenocarcinoma of the lung", "No brain metastases"],
    ["Patients older than 75 years are eligible provided at least one of the following is true:",
     "  Adenocarcinoma histology", "  ECOG performance status 0"],
    ["Patients with stable disease may enrol only if one of the following applies:", "  KRAS G12C mutation",
     "  Adenocarcinoma histology"],
    ["Prior pembrolizumab is permitted if all of the following hold:", "  Adenocarcinoma histology",
     "  Progression more than 6 months after the last dose"],
    ["One of the following:", "  Adenocarcinoma histology", "  EGFR mutation"],
    ["Any of the following:", "Adenocarcinoma histology", "PD-L1 TPS of 50% or more"],
])
def test_histology_under_a_condition_or_among_other_ways_in_is_a_question(lines: list[str]) -> None:
    assert histology(lines) == (EL, UN, UN)


def test_a_non_squamous_alternative_still_takes_large_cell() -> None:
    lines = ["Prior immunotherapy is permitted if any of the following criteria are met:", "  Non-squamous histology",
             "  ROS1 fusion"]
    assert histology(lines) == (EL, UN, EL)


@pytest.mark.parametrize(("lines", "expected"), [
    # a list of histologies alone is the set the trial takes
    (["Tumour must be one of the following:", "  Adenocarcinoma", "  Large cell carcinoma"], (EL, EX, EL)),
    (["Histology must be one of the following:", "Adenocarcinoma", "Large cell carcinoma"], (EL, EX, EL)),
    # everyone's list, and lead-ins that are no list of alternatives
    (["Patients must meet all of the following:", "  Adenocarcinoma histology", "  Measurable disease"], (EL, EX, EX)),
    (["Patients are eligible if they meet all of the following:", "Adenocarcinoma histology", "Measurable disease"],
     (EL, EX, EX)),
    (["Measurable disease:", "Adenocarcinoma histology"], (EL, EX, EX)),
    (["PATIENT CHARACTERISTICS:", "Adenocarcinoma histology"], (EL, EX, EX)),
    # the list ended at a heading
    (["Stable disease allowed provided 1 of the following criteria is met:", "EGFR mutation", "DISEASE "
      "CHARACTERISTICS:", "Adenocarcinoma histology"], (EL, EX, EX)),
])
def test_near_misses_of_a_conditional_lead_in(lines: list[str], expected: tuple[str, ...]) -> None:
    assert histology(lines) == expected


# ---------------------------------------------------------------- invented profiles through the new kinds
def _profile(**facts: object) -> Profile:
    base: dict[str, object] = {"id": "invented", "histology": "squamous", "stage": "IV", "alterations": [],
                               "pdl1_tps": None, "prior_therapies": [], "prior_lines": 0, "ecog": 1,
                               "brain_metastases": "treated_stable", "age": 66}
    base.update(facts)
    return profile_from_dict(base)


def test_invented_profiles_through_the_new_kinds() -> None:
    trial = invented_trial(
        "* Stage IV NSCLC\n* WHO performance status inferior or equal to 2\n"
        "* Stable disease allowed provided one of the following is met:\n* KRAS G12D mutation\n"
        "* Histologically confirmed adenocarcinoma\n",
        "* Patients with a solitary brain metastasis suitable for radiosurgery\n",
        title="A study", conditions=("Non-small Cell Lung Cancer",))
    rules = {"disease": disease.parse(trial), "ps": performance_status.parse(trial),
             "brain": brain_metastases.parse(trial)}
    squamous_ecog2 = _profile(histology="squamous", ecog=2, brain_metastases="active")
    large_cell_ecog0 = _profile(histology="large cell", ecog=0, brain_metastases="treated_stable")
    nos_ecog3 = _profile(histology="nsclc-nos", ecog=3, brain_metastases=None)
    for patient in (squamous_ecog2, large_cell_ecog0):
        assert disease.check(rules["disease"], patient).verdict == UN
        assert performance_status.check(rules["ps"], patient).verdict == EL
        assert brain_metastases.check(rules["brain"], patient).verdict == UN
    assert performance_status.check(rules["ps"], nos_ecog3).verdict == EX
    assert brain_metastases.check(rules["brain"], _profile(brain_metastases="none")).verdict == EL
