"""Brain metastases, four kinds of sentence, with invented sentences and near misses per profile state (none,
treated and stable, active, not given):

- CNS words only in an exception or allowance of a rule about earlier treatment or other metastases ("Prior
  chemotherapy or surgery for NSCLC, except resection of a single brain metastasis"): no brain rule;
- brain metastases "not amenable to radiosurgery or surgery": treated, stable ones are in, active ones a question;
- an inclusion asking for brain metastases to be present ("NSCLC with brain metastases", ">= 3 brain lesions on
  MRI", "at least one measurable intracranial lesion"), which makes the whole trial a brain-metastasis trial;
- a list of sites before "metastases" ("brain, central nervous system and/or spinal cord metastases").
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, STATES, UN
from brain_cases import brain_verdicts as _verdicts
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.matching.profile import Profile, profile_from_dict

# ---------------------------------------------------------------- CNS words only in an exception
EXCEPTION_ONLY = {
    "bracketed-exception-is-resection": (
        "* Prior chemotherapy, radiotherapy or therapeutic surgery for NSCLC (an exception is the resection of one "
        "single CNS or adrenal metastasis, as above)"),
    "with-the-exception-of-radiosurgery": (
        "* Previous systemic therapy or radiotherapy for lung cancer, with the exception of stereotactic radiosurgery "
        "of a solitary brain metastasis"),
    "except-resection": "* Any prior surgery for the primary tumour, except resection of a single brain metastasis",
    "bracketed-allowance": (
        "* Prior thoracic radiotherapy or surgery (resection of up to two brain metastases is allowed)"),
    "other-than": "* Prior anticancer treatment other than surgery for brain metastases",
    "excluding-palliative-radiotherapy": (
        "* Radiotherapy within 14 days before the first dose, excluding palliative radiotherapy to CNS metastases"),
    "other-metastases-count": (
        "* More than three distant metastases (a resected solitary brain metastasis is not counted and is allowed)"),
    "unless-for-leptomeningeal": "* Prior treatment with a PD-1 inhibitor, unless given for leptomeningeal disease",
}
EXCEPTION_NEAR_MISSES = {  # the rule itself names the brain: its exception loosens it
    "cns-rule-with-brain-exception": (
        "* Known CNS metastases, except treated brain metastases stable for 4 weeks", (EL, EL, EX, UN)),
    "active-with-bracketed-exception": (
        "* Active brain metastases (except those resected and stable)", (EL, EL, EX, UN)),
    "brain-rule-except-resected-one": (
        "* Brain metastases, except a single resected brain metastasis", (EL, EL, EX, UN)),
    "prior-radiotherapy-for-brain-metastases": (
        "* Prior radiotherapy for brain metastases", (EL, UN, EL, UN)),
}


@pytest.mark.parametrize("exclusion", EXCEPTION_ONLY.values(), ids=EXCEPTION_ONLY.keys())
def test_cns_words_only_in_an_exception_set_no_brain_rule(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == NO_RULE


@pytest.mark.parametrize(("exclusion", "expected"), EXCEPTION_NEAR_MISSES.values(), ids=EXCEPTION_NEAR_MISSES.keys())
def test_an_exception_to_a_brain_rule_still_reads(exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(exclusion=exclusion) == expected


@pytest.mark.parametrize("inclusion", [
    "* Neurosurgical resection of one single central nervous system (CNS) metastasis before study inclusion is "
    "allowed",
    "* Surgical resection of a solitary brain metastasis before enrolment is permitted",
])
def test_an_allowed_resection_of_a_brain_metastasis_sets_no_rule(inclusion: str) -> None:
    assert _verdicts(inclusion=inclusion) == NO_RULE


# ---------------------------------------------------------------- not amenable to local treatment
NOT_AMENABLE = {
    "not-amendable-misspelt": "* Brain metastases not amendable for radiosurgery or neurosurgery",
    "not-amenable-to-local-therapy": (
        "* CNS metastases not amenable to local therapy (surgery or stereotactic radiotherapy)"),
    "not-suitable-for-surgery": "* Brain metastases that are not suitable for surgery or radiosurgery",
    "cannot-be-treated": "* Intracranial metastases that cannot be treated with surgery or radiotherapy",
    "ineligible-for-srs": "* Brain metastases ineligible for stereotactic radiosurgery",
    "untreated-not-amenable": "* Untreated brain metastases not amenable to local treatment",
    "symptomatic-not-amenable": "* Symptomatic brain metastases that are not amenable to stereotactic radiosurgery",
}
NOT_AMENABLE_NEAR_MISSES = {  # "not eligible" for the study, not for a treatment: any brain metastases are out
    "not-eligible-for-this-study": ("* Patients with brain metastases are not eligible for this study",
                                    (EL, EX, EX, UN)),
    "not-eligible-for-the-trial": ("* Brain metastases not eligible for the trial", (EL, EX, EX, UN)),
    "untreated-alone": ("* Untreated brain metastases", (EL, EL, EX, UN)),
}


@pytest.mark.parametrize("exclusion", NOT_AMENABLE.values(), ids=NOT_AMENABLE.keys())
def test_metastases_not_amenable_to_local_treatment(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, EL, UN, UN)


@pytest.mark.parametrize(("exclusion", "expected"), NOT_AMENABLE_NEAR_MISSES.values(),
                         ids=NOT_AMENABLE_NEAR_MISSES.keys())
def test_not_eligible_for_the_study_is_no_amenability(exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(exclusion=exclusion) == expected


def test_exception_only_treatment_rule_beside_an_amenability_rule() -> None:
    exclusion = ("* Prior systemic therapy or radiotherapy for NSCLC (an exception is the excision of one isolated "
                 "brain or adrenal metastasis)\n"
                 "* Brain metastases not amenable to stereotactic radiosurgery or surgery")
    assert _verdicts(exclusion=exclusion) == (EL, EL, UN, UN)


# ---------------------------------------------------------------- inclusions that ask for brain metastases
LESION_COUNTS = {
    "at-least-one-measurable-brain-lesion": "* At least one measurable brain lesion (>= 5 mm) on contrast MRI",
    "count-range": "* 1 to 4 brain metastases on MRI",
    "three-or-more-symbol": "* ≥ 3 brain lesions on MRI",
    "two-or-more-words": "* Two or more brain metastases on gadolinium-enhanced MRI",
    "mri-showing-intracranial-lesion": "* MRI showing at least one intracranial lesion of 10 mm or more",
    "measurable-lesion-in-the-brain": "* A measurable lesion in the brain of at least 5 mm",
}
REQUIRED = {
    "nsclc-with-brain-metastases": ("* Stage IV NSCLC with brain metastases", (EX, EL, EL, UN)),
    "plain-nsclc-with": ("* NSCLC with brain metastases", (EX, EL, EL, UN)),
    "adenocarcinoma-with-asymptomatic": (
        "* Advanced lung adenocarcinoma with asymptomatic brain metastases", (EX, EL, UN, UN)),
    "confirmed-by-mri": ("* Brain metastases confirmed by MRI", (EX, EL, EL, UN)),
    "must-have": ("* Patients must have brain metastases", (EX, EL, EL, UN)),
}
NOT_REQUIRED = {  # permissions, caps and conditions: a patient without brain metastases stays in
    "eligible-if-stable": ("* Patients with brain metastases are eligible if they are stable", (EL, EL, EX, UN)),
    "treated-allowed": ("* Treated brain metastases allowed", (EL, EL, UN, UN)),
    "count-permitted": ("* Patients with 1-3 brain metastases are eligible", NO_RULE),
    "up-to-three": ("* Up to 3 brain metastases", (EL, UN, UN, UN)),
    "zero-to-three": ("* 0-3 brain metastases", (EL, UN, UN, UN)),
    "if-present": ("* If brain metastases are present, at least one measurable brain lesion is required",
                   (EL, UN, UN, UN)),
    "for-patients-with": ("* For patients with CNS metastases, at least one measurable intracranial lesion", NO_RULE),
    "extracranial-lesion": ("* At least one measurable extracranial lesion", NO_RULE),
    "brain-lesions-not-measurable": (
        "* At least one measurable lesion per RECIST 1.1 (brain lesions are not considered measurable)", NO_RULE),
    "weeks-since-radiotherapy": ("* At least 2 weeks since radiotherapy for brain metastases", NO_RULE),
    "with-or-without": ("* NSCLC with or without brain metastases", NO_RULE),
    "including-patients-with": ("* NSCLC, including patients with brain metastases", NO_RULE),
    "asymptomatic-alone": ("* Asymptomatic brain metastases", (EL, EL, UN, UN)),
}


@pytest.mark.parametrize("inclusion", LESION_COUNTS.values(), ids=LESION_COUNTS.keys())
def test_a_count_or_measurable_brain_lesion_is_required(inclusion: str) -> None:
    assert _verdicts(inclusion=inclusion) == (EX, UN, UN, UN)


@pytest.mark.parametrize(("inclusion", "expected"), REQUIRED.values(), ids=REQUIRED.keys())
def test_an_inclusion_asking_for_brain_metastases(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion=inclusion) == expected


@pytest.mark.parametrize(("inclusion", "expected"), NOT_REQUIRED.values(), ids=NOT_REQUIRED.keys())
def test_permissions_caps_and_conditions_require_nothing(inclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion=inclusion) == expected


WHOLE_BRAIN_TRIALS = {
    "asymptomatic-or-relieved-and-three-lesions": (
        "* Histologically confirmed non-squamous NSCLC\n"
        "* Asymptomatic brain metastases, or brain metastases relieved by mannitol and clinically stable for 2 weeks\n"
        "* MRI showing >= 3 brain lesions, or 1-2 brain lesions not needing local treatment\n"
        "* ECOG 0-1"),
    "asymptomatic-and-measurable-lesion": (
        "* Asymptomatic brain metastases\n"
        "* At least one measurable intracranial lesion of 5 mm or more\n"
        "* No prior systemic therapy"),
    "stable-and-two-or-more": (
        "* Two or more brain metastases on gadolinium MRI\n"
        "* Brain metastases that are asymptomatic or neurologically stable without steroids"),
}


@pytest.mark.parametrize("inclusion", WHOLE_BRAIN_TRIALS.values(), ids=WHOLE_BRAIN_TRIALS.keys())
def test_a_trial_whose_inclusions_ask_for_brain_metastases(inclusion: str) -> None:
    # No brain metastases: out. Whether a patient's metastases are enough, or fit the states named, is a question.
    assert _verdicts(inclusion=inclusion) == (EX, UN, UN, UN)


def test_a_permission_alone_does_not_make_a_brain_trial() -> None:
    inclusion = ("* Asymptomatic brain metastases, or brain metastases relieved by mannitol and clinically stable\n"
                 "* Patients with treated brain metastases are allowed")
    assert _verdicts(inclusion=inclusion)[0] == EL


# ---------------------------------------------------------------- lists of sites
SITE_LISTS = {
    "diagnosis-of-brain-cns-spinal-cord": (
        "* Diagnosis of brain, central nervous system, and/or spinal cord metastases", (EL, EX, EX, UN)),
    "presence-of-brain-cns-or-spinal": ("* Presence of brain, CNS or spinal cord metastases", (EL, EX, EX, UN)),
    "history-of-brain-spinal-lepto": (
        "* History of brain, spinal cord, or leptomeningeal metastases", (EL, EX, EX, UN)),
    "cns-brain-spinal": ("* CNS, brain or spinal cord metastases", (EL, EX, EX, UN)),
    "brain-liver-bone": ("* Brain, liver, or bone metastases", (EL, EX, EX, UN)),
    "active-brain-spinal-lepto": (
        "* Active brain, spinal cord and/or leptomeningeal metastases", (EL, EL, EX, UN)),
    "list-unless-treated-and-stable": (
        "* Brain, spinal or meningeal metastases unless treated and stable", (EL, EL, EX, UN)),
    "untreated-or-symptomatic-list": (
        "* Untreated or symptomatic brain, spinal cord or leptomeningeal metastases", (EL, EL, EX, UN)),
    "list-with-abbreviation-and-exception": (
        "* Brain, central nervous system (CNS) or leptomeningeal metastases, except treated and stable brain "
        "metastases", (EL, EL, EX, UN)),
}
SITE_LIST_NEAR_MISSES = {
    "no-brain-in-list": ("* Bone, liver or lung metastases", NO_RULE),
    "primary-brain-tumour-in-list": (
        "* Primary brain tumour, spinal cord compression or carcinomatous meningitis", (EL, EL, EL, UN)),
}


@pytest.mark.parametrize(("exclusion", "expected"), SITE_LISTS.values(), ids=SITE_LISTS.keys())
def test_a_list_of_sites_names_brain_metastases(exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(exclusion=exclusion) == expected


@pytest.mark.parametrize(("exclusion", "expected"), SITE_LIST_NEAR_MISSES.values(), ids=SITE_LIST_NEAR_MISSES.keys())
def test_a_list_without_brain_metastases(exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(exclusion=exclusion) == expected


def test_no_brain_cns_or_spinal_metastases_as_an_inclusion() -> None:
    assert _verdicts(inclusion="* No brain, CNS or spinal cord metastases") == (EL, EX, EX, UN)


# ---------------------------------------------------------------- invented whole profiles
def _profile(pid: str, brain: str | None, **extra: object) -> Profile:
    base: dict[str, object] = {"id": pid, "age": 71, "sex": "female", "histology": "large cell", "stage": "IV",
                               "biomarkers": [], "tested_negative": ["EGFR", "ALK"], "pdl1_tps": None,
                               "prior_therapies": [], "prior_lines": None, "ecog": 3, "brain_metastases": brain}
    return profile_from_dict({**base, **extra})


PROFILES = (
    _profile("nrg1-no-brain", "none", biomarkers=[{"gene": "NRG1", "alteration": "fusion"}]),
    _profile("egfr-g719x-treated-brain", "treated_stable", biomarkers=[{"gene": "EGFR", "alteration": "G719X"}],
             prior_therapies=["afatinib"], prior_lines=1),
    _profile("kras-g12d-active-brain", "active", biomarkers=[{"gene": "KRAS", "alteration": "G12D"}], ecog=0),
    _profile("nos-brain-unknown", None, histology="nsclc-nos", pdl1_tps=50),
)
PROFILE_CASES = {
    "exception-only-and-not-amenable": (
        "", "* Prior chemotherapy or surgery for lung cancer (except the removal of a single CNS metastasis)\n"
            "* Brain metastases not suitable for radiosurgery", (EL, EL, UN, UN)),
    "brain-cns-spinal-list": ("", "* Diagnosis of brain, CNS and/or spinal cord metastases", (EL, EX, EX, UN)),
    "lesion-count-trial": ("* Asymptomatic brain metastases\n* 1-3 brain metastases on MRI", "", (EX, UN, UN, UN)),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), PROFILE_CASES.values(), ids=PROFILE_CASES.keys())
def test_invented_profiles(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    rules = brain_metastases.parse(invented_trial(inclusion, exclusion, "An invented trial in advanced NSCLC"))
    assert tuple(brain_metastases.check(rules, p).verdict for p in PROFILES) == expected


# ---------------------------------------------------------------- what a requirement's own words say
def _titled(title: str, inclusion: str = "") -> tuple[str, ...]:
    rules = brain_metastases.parse(invented_trial(inclusion, "", title))
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


@pytest.mark.parametrize(("title", "expected"), [
    ("Osimertinib for NSCLC With Asymptomatic Brain Metastases", (EX, EL, UN, UN)),
    ("A Study of Drug X in Lung Cancer With Treated and Stable Brain Metastases", (EX, EL, UN, UN)),
    ("Radiotherapy for NSCLC With Symptomatic Brain Metastases", (EX, UN, EL, UN)),
    ("Drug Y in NSCLC With Brain Metastases", (EX, EL, EL, UN)),
])
def test_a_titled_requirement_keeps_its_qualifier(title: str, expected: tuple[str, ...]) -> None:
    assert _titled(title) == expected


def test_treated_or_untreated_leaves_the_treatment_open_in_a_brain_trial() -> None:
    assert _titled("A drug for NSCLC with brain metastases",
                   "* Documented brain metastases (treated or untreated)") == (EX, EL, EL, UN)


@pytest.mark.parametrize("inclusion", [
    "* At least one measurable intracranial lesion of 10 mm or more\n* Must meet one of the following:\n"
    "  * Untreated brain metastases\n  * Brain metastases progressing after radiotherapy",
    "* Must meet one of the following:\n  * Untreated brain metastases\n"
    "  * Brain metastases progressing after radiotherapy\n"
    "* At least one measurable intracranial lesion of 10 mm or more",
])
def test_alternatives_in_a_trial_whose_inclusions_ask_for_brain_metastases(inclusion: str) -> None:
    # Each alternative asks for active metastases once the trial is a brain-metastasis trial, wherever the count sits.
    assert _verdicts(inclusion=inclusion) == (EX, EX, UN, UN)
