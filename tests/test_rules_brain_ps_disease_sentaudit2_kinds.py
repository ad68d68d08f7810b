"""Kinds found by a second sentence audit of real criteria (basket and first-in-human trials).

Disease:
- cancer abbreviations ("HCC", "mCRC", "RCC", "UC") name another cancer: that cancer's stage or curability
  sentence ("Locally advanced and/or unresectable HCC not amenable to locoregional therapy") never narrows the lung
  cancer's stage (was a stage I-III-only rule for the whole basket: a false exclusion of stage IV NSCLC);
- "LUSC" / "LUAD" are NSCLC, of squamous / adenocarcinoma histology.
Brain metastases:
- "central nervous metastases" (no "system") are CNS metastases; "Intracranial metastasis or symptomatic pleural
  effusion": the qualifier is the other condition's, the brain exclusion is bare;
- "active central nervous system lesion", "untreated intracranial lesions": an activity qualifier makes the lesions
  the metastases;
- a permission of treated metastases only, on terms an active one cannot meet ("Subjects with treated brain
  metastases are allowed but should be neurologically stable ..."), leaves active ones out.
Performance status:
- an age split whose second value names no scale ("ECOG 0-1 for patients under 70, or 0-2 for those aged 70+").
"""

from __future__ import annotations

import pytest

from tests.brain_cases import brain_verdicts
from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, disease, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"


def brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for none, treated_stable, active, unknown on a trial of one inclusion and one exclusion bullet."""
    return brain_verdicts(inclusion and f"* {inclusion}\n", exclusion and f"* {exclusion}\n", title="A trial")


def ps(inclusion: str, age: int | None = 60) -> tuple[str, ...]:
    """Verdicts for ECOG 0..4 at one age."""
    rules = performance_status.parse(invented_trial(f"* {inclusion}\n", "* Pregnancy\n"))
    return tuple(performance_status.check(rules, Profile(ecog=e, age=age)).verdict for e in range(5))


def stage_iv(inclusions: list[str], histology: str = "adenocarcinoma",
             conditions: tuple[str, ...] = ("Hepatocellular Carcinoma", "Non-Small Cell Lung Cancer")) -> str:
    text = invented_trial("".join(f"* {s}\n" for s in inclusions), "* Pregnancy\n", title="Phase 1/2 study of drug X",
                          conditions=conditions)
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


# ---------------------------------------------------------------- disease: another cancer's stage sentence
@pytest.mark.parametrize("sentence", [
    "Locally advanced and/or unresectable HCC not amenable to surgical and/or locoregional therapy.",
    "Unresectable locally advanced HCC (BCLC stage B or C) not amenable to locoregional therapy.",
    "Locally advanced or metastatic and/or unresectable HCC.",
    "Locally advanced unresectable mCRC not amenable to curative resection.",
    "Inoperable locally advanced RCC after nephrectomy.",
    "Locally advanced UC not amenable to radical cystectomy.",
    "Stage III gastric adenocarcinoma not amenable to resection.",
    "Locally advanced HNSCC without distant metastases.",
])
def test_another_cancers_stage_sentence_does_not_limit_lung_cancer(sentence: str) -> None:
    assert stage_iv([sentence]) != EX
    assert stage_iv([sentence, "Advanced or metastatic NSCLC after platinum-based chemotherapy."]) == EL


@pytest.mark.parametrize(("sentences", "histology", "expected"), [
    (["Locally advanced or metastatic and/or unresectable HCC.",
      "Disease that is not amenable to surgical and/or locoregional therapies, or progressive disease after surgical "
      "and/or locoregional therapies.", "Advanced or metastatic LUSC."], "squamous", EL),
    (["Metastatic LUAD after platinum-based chemotherapy.", "Unresectable HCC (BCLC stage C)."], "adenocarcinoma", EL),
    (["Metastatic LUAD after platinum-based chemotherapy."], "squamous", EX),  # the lung branch is adenocarcinoma
    (["Advanced or metastatic LUSC not amenable to surgical resection."], "adenocarcinoma", EX),
])
def test_lusc_and_luad_are_nsclc_of_their_histology(sentences: list[str], histology: str, expected: str) -> None:
    assert stage_iv(sentences, histology) == expected


@pytest.mark.parametrize("sentence", [
    "Locally advanced unresectable (stage III) NSCLC not amenable to curative therapy.",
    "Locally advanced unresectable LUSC not amenable to curative therapy.",
    "Stage III unresectable NSCLC; patients with metastatic CRC are not eligible.",
])
def test_the_lung_cancers_own_stage_iii_sentence_still_excludes_stage_iv(sentence: str) -> None:
    assert stage_iv([sentence]) == EX


def test_uc_as_other_letters_is_no_cancer() -> None:
    # "uc" in lower case (a university's initials) names no urothelial cancer: the stage III rule stays the lung's.
    assert stage_iv(["Locally advanced unresectable stage III NSCLC treated at uc sites."]) == EX


# ---------------------------------------------------------------- brain: "central nervous metastases"; "X or Y"
@pytest.mark.parametrize("sentence", [
    "Patients with central nervous metastases",
    "Subjects with central nervous metastases.",
    "Known central nervous metastasis",
    "Brain metastasis or ascites requiring repeated paracentesis.",
    "Known CNS metastasis, or pericardial effusion needing drainage.",
    "Intracranial metastasis or symptomatic pleural effusion requiring drainage.",
    "Brain metastases or pleural effusion requiring treatment.",
    "Active infection or brain metastases.",
    "Uncontrolled hypertension or CNS metastases",
])
def test_a_bare_brain_exclusion_beside_another_condition_excludes_any_brain_metastases(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EX, EX, UN)


@pytest.mark.parametrize("sentence", [
    "Patients with untreated central nervous metastases.",
    "Symptomatic or untreated brain metastases",
    "Patients with symptomatic or untreated brain metastases",
    "Untreated brain metastases or active infection",
    "Brain metastases or untreated leptomeningeal disease",
    "Active brain metastases or leptomeningeal metastases",
    "Unstable primary or secondary (e.g., metastatic) cerebral neoplasm",
])
def test_qualifiers_of_the_brain_metastases_themselves_stay_theirs(sentence: str) -> None:
    assert brain(exclusion=sentence)[1] == EL


def test_qualifiers_after_an_or_that_may_be_the_metastases_stay_a_question() -> None:
    assert brain(exclusion="Known brain metastases or leptomeningeal disease that are untreated or symptomatic") == (
        EL, EL, UN, UN)


# ---------------------------------------------------------------- brain: active / untreated CNS lesions
@pytest.mark.parametrize("sentence", [
    "Have active central nervous system lesion.",
    "Presence of active brain lesions.",
    "Untreated intracranial lesions.",
    "Symptomatic or progressing CNS lesions.",
    "Progressive cerebral lesions",
    "Active CNS lesions, unless treated and stable for 4 weeks",
])
def test_active_or_untreated_cns_lesions_are_active_brain_metastases(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, EX, UN)


@pytest.mark.parametrize("sentence", [
    "Brain lesions",
    "History of stroke or brain lesions",
    "Untreated brain lesions from a prior stroke",
    "No active brain lesions",
])
def test_lesions_without_an_activity_qualifier_or_of_another_cause_set_no_rule(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, EL, EL)


# ---------------------------------------------------------------- brain: a permission of treated ones only
@pytest.mark.parametrize("sentence", [
    "Subjects with treated brain metastases are allowed but should be neurologically stable (for 4 weeks "
    "post-treatment as assessed by CNS imaging and prior to study enrollment) and off steroids for at least 2 weeks "
    "before administration of any study treatment.",
    "Patients with treated brain metastases may enrol if stable for 4 weeks.",
    "Previously irradiated CNS metastases are permitted provided they are radiologically stable.",
    "Participants with previously treated CNS metastases may participate if they have been stable on MRI for at "
    "least 4 weeks.",
])
def test_a_permission_of_treated_brain_metastases_on_terms_leaves_active_ones_out(sentence: str) -> None:
    assert brain(inclusion=sentence) == (EL, EL, EX, UN)
    assert brain(exclusion=sentence) == (EL, EL, EX, UN)


@pytest.mark.parametrize("sentence", [
    "Patients with treated or untreated asymptomatic brain metastases are allowed.",
    "Treated brain metastases are allowed.",
    "Treated, asymptomatic brain metastases off steroids for 14 days are allowed.",
    "Patients with treated brain metastases are eligible provided they are off steroids; untreated asymptomatic brain "
    "metastases are also allowed.",
])
def test_a_permission_that_lets_untreated_ones_in_or_sets_no_terms_leaves_active_ones_a_question(
        sentence: str) -> None:
    assert brain(inclusion=sentence)[2] == UN


def test_a_condition_on_treated_ones_alone_says_nothing_of_untreated_ones() -> None:
    sentence = ("Patients with treated brain metastases must have completed radiotherapy at least 14 days before "
                "enrolment.")
    assert brain(inclusion=sentence)[2] == EL


def test_another_criterion_letting_untreated_ones_in_makes_active_ones_a_question() -> None:
    inclusion = ("Subjects with treated brain metastases are allowed if stable for 4 weeks.\n"
                 "* Untreated asymptomatic brain metastases not requiring immediate local therapy are allowed.")
    assert brain(inclusion=inclusion)[2] == UN


# ---------------------------------------------------------------- performance status: the second value unnamed
@pytest.mark.parametrize(("sentence", "young", "old"), [
    ("ECOG 0-1 for patients under 70, or 0-2 for those aged 70+", (EL, EL, EX, EX, EX), (EL, EL, EL, EX, EX)),
    ("ECOG PS 0-1 if younger than 75 years; 0-2 if aged 75 years or older", (EL, EL, EX, EX, EX),
     (EL, EL, EL, EX, EX)),
    ("WHO performance status 0 or 1 for patients aged < 70 years and 0, 1 or 2 for patients aged >= 70 years",
     (EL, EL, EX, EX, EX), (EL, EL, EL, EX, EX)),
    ("ECOG 0-2 for patients aged 18-69, or 0-1 for those 70 or older", (EL, EL, EL, EX, EX), (EL, EL, EX, EX, EX)),
    ("Karnofsky >= 70 for patients under 65, or >= 60 for those aged 65 or older", (EL, EL, EX, EX, EX),
     (EL, EL, UN, EX, EX)),
])
def test_an_age_split_whose_second_value_names_no_scale_is_read_per_age(sentence: str, young: tuple[str, ...],
                                                                         old: tuple[str, ...]) -> None:
    assert ps(sentence, age=55) == young
    assert ps(sentence, age=80) == old


def test_the_age_split_without_the_patients_age_is_a_question_where_ages_differ() -> None:
    assert ps("ECOG 0-1 for patients under 70, or 0-2 for those aged 70+", age=None) == (EL, EL, UN, EX, EX)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("ECOG 0-2, aged 18-75 years, 1-3 prior lines", (EL, EL, EL, EX, EX)),
    ("ECOG 0-1 and age 18 years or older, with at least 2 measurable lesions", (EL, EL, EX, EX, EX)),
    ("ECOG 0-1, or 2 for patients aged 75 years or older", (EL, EL, UN, EX, EX)),
])
def test_numbers_that_are_no_second_score_leave_the_limit_as_it_was(sentence: str,
                                                                     expected: tuple[str, ...]) -> None:
    assert ps(sentence, age=None) == expected


# ---------------------------------------------------------------- invented profiles through the whole parse
def test_invented_profiles_on_an_hcc_and_lusc_basket() -> None:
    text = invented_trial(
        "* Part 1: locally advanced or metastatic and/or unresectable HCC.\n"
        "* Disease that is not amenable to surgical and/or locoregional therapies.\n"
        "* Part 1: advanced or metastatic LUSC not amenable to surgical resection.\n"
        "* ECOG 0-1 for patients under 70, or 0-2 for those aged 70+\n",
        "* Patients with central nervous metastases\n",
        title="Phase 1/2 study of drug X", conditions=("Hepatocellular Carcinoma", "Lung Squamous Cell Carcinoma"))
    rules = {name: module.parse(text) for name, module in
             (("disease", disease), ("ps", performance_status), ("brain", brain_metastases))}
    squamous_old = profile_from_dict({"id": "sq-old", "histology": "squamous", "stage": "IV", "ecog": 2, "age": 78,
                                      "brain_metastases": "none"})
    adeno_treated = profile_from_dict({"id": "adeno", "histology": "adenocarcinoma", "stage": "IV", "ecog": 2,
                                       "age": 60, "brain_metastases": "treated_stable"})
    assert disease.check(rules["disease"], squamous_old).verdict == EL
    assert performance_status.check(rules["ps"], squamous_old).verdict == EL
    assert brain_metastases.check(rules["brain"], squamous_old).verdict == EL
    assert performance_status.check(rules["ps"], adeno_treated).verdict == EX
    assert brain_metastases.check(rules["brain"], adeno_treated).verdict == EX
