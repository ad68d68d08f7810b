"""Kinds from the disagreements of three opened blind sets and an audit over invented profiles (session 19).

Brain metastases:
- a permission whose subject is "asymptomatic and/or treated" brain metastases lets untreated, asymptomatic ones in
  too: whether an active one may join is a question (was an exclusion once another sentence named stability);
- a sentence after a permission that names brain metastases again sets its own rule, often for a subset ("Any
  untreated brain metastases must be <= 20 mm"); it is not one more condition of the permission (was read as
  "only untreated ones", excluding treated, stable ones);
- an exclusion of brain metastases "for whom resection is appropriate" / "in whom radiotherapy is planned": a
  condition on the patient the profile does not give (was any brain metastases);
- "Brain metastases are assessed using the RANO-BM criteria": how they are measured, no rule (was a question);
- "Brain metastatic disease cannot be confidently excluded due to inability to receive contrast": a scan rule, which
  known metastases do not meet or fail (was any brain metastases);
- a bracketed heading "[Exclusion Criteria]" starts the exclusions ("Subjects without CNS metastasis" under it was
  an inclusion requiring none).
Performance status:
- one ECOG score with a "?" beside it ("PS ?1", "PS =2?"): the comparator was lost in encoding; only the score named
  fits as an inclusion, the others are a question (was read as "= 1", or as an exclusion of that score);
- a run of labelled fields ("Age: 70 and over Performance status: ECOG 0-2 Life expectancy: ... Hepatic: (Unless
  caused by tumor) ..."): the performance field is the limit, another field's "unless" or age is not its condition
  (was a question).
Disease:
- "Adenocarcinoma patients may be consented before their EGFR status is known": a rule for that histology's patients,
  not the only histology taken (excluded large cell).
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, STATES, UN, brain, ecog
from brain_cases import bullets as _bullets

from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, disease, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell", "nsclc-nos")


# ---------------------------------------------------------------- brain: "asymptomatic and/or treated" subject
@pytest.mark.parametrize("inclusion", [
    "Patients who have asymptomatic and or treated brain metastases are eligible, but must be reviewed by the study "
    "chair. Lesions treated with radiosurgery must be stable for 4 weeks after treatment.",
    "Participants with asymptomatic and/or previously treated CNS metastases may enrol. Irradiated lesions must be "
    "radiologically stable for at least 28 days.",
    "Subjects with treated or asymptomatic brain metastases are allowed provided they are stable on imaging.",
    "Asymptomatic or irradiated brain metastases are permitted. Treated lesions must have been stable for one month.",
])
def test_asymptomatic_or_treated_subject_leaves_active_a_question(inclusion: str) -> None:
    none, treated, active, _ = brain(inclusion)
    assert (none, treated) == (EL, EL)
    assert active == UN


@pytest.mark.parametrize("inclusion", [
    # Treated ones only, on terms an active one fails: untreated ones stay out.
    "Patients with treated brain metastases are eligible provided they are stable for 4 weeks after radiotherapy.",
    "Previously irradiated brain metastases are permitted if radiologically stable for at least 28 days.",
])
def test_treated_only_permission_still_leaves_active_out(inclusion: str) -> None:
    assert brain(inclusion)[:3] == (EL, EL, EX)


# ---------------------------------------------------------------- brain: a later sentence about a subset
@pytest.mark.parametrize("inclusion", [
    "Brain metastases must be asymptomatic and not in need of immediate local therapy. Any untreated brain "
    "metastases must be <= 20 mm in diameter.",
    "CNS metastases must be asymptomatic. Untreated brain metastases must measure less than 1 cm.",
    "Participants with brain metastases are eligible, including those with untreated ones. Brain metastases must not "
    "require urgent radiotherapy. Any untreated brain lesion must be 15 mm or smaller.",
    "Intracranial metastases must be neurologically asymptomatic. New or untreated brain metastases must be no "
    "larger than 10 mm.",
])
def test_subset_sentence_after_permission_does_not_exclude_treated(inclusion: str) -> None:
    none, treated, active, _ = brain(inclusion)
    assert (none, treated) == (EL, EL)
    assert active != EX


@pytest.mark.parametrize("inclusion", [
    # A second sentence that names no brain metastases still carries the conditions of the first.
    "Patients with brain metastases are eligible if treated. Stability must be shown on MRI 4 weeks after treatment.",
    # A second sentence that names them sets a rule of its own, read as one.
    "Brain metastases are allowed. Brain metastases must have been treated and be stable for 4 weeks.",
])
def test_conditions_in_next_sentences_still_apply(inclusion: str) -> None:
    assert brain(inclusion)[:3] == (EL, EL, EX)


def test_all_of_the_following_keeps_its_listed_conditions() -> None:
    # A permission over "all of the following": each listed condition is one of its own, CNS words or not.
    inclusion = ("Patients with CNS metastases are eligible, provided they meet all of the following criteria: "
                 "Measurable disease outside the CNS; No ongoing symptoms attributed to CNS metastases; No active CNS "
                 "metastases; No evidence of interim CNS progression after CNS-directed therapy")
    assert brain(inclusion)[:3] == (EL, EL, EX)


# ---------------------------------------------------------------- brain: "for whom" condition
@pytest.mark.parametrize("exclusion", [
    "Participants with brain metastases for whom complete surgical resection is clinically appropriate",
    "Patients with CNS metastases for whom immediate radiotherapy is indicated",
    "Brain metastases in whom neurosurgery is planned before study start",
    "Subjects with intracranial metastases whose resection is considered appropriate by the neurosurgeon",
])
def test_for_whom_condition_is_a_question(exclusion: str) -> None:
    none, treated, active, _ = brain(exclusion=exclusion)
    assert none == EL
    assert EX not in (treated, active)


@pytest.mark.parametrize("exclusion, expected", [
    ("Participants with brain metastases", (EL, EX, EX)),
    ("Patients with untreated brain metastases", (EL, EL, EX)),
    ("Untreated brain metastases for which radiotherapy is planned", (EL, EL, EX)),
])
def test_near_miss_plain_exclusions_stay(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion)[:3] == expected


# ---------------------------------------------------------------- brain: how metastases are assessed
@pytest.mark.parametrize("inclusion", [
    "Brain metastases are assessed using the RANO-BM criteria.",
    "CNS lesions will be evaluated per RANO-BM.",
    "Intracranial metastases will be measured according to modified RECIST 1.1.",
    "Brain lesions are followed by contrast MRI.",
])
def test_assessment_method_sets_no_rule(inclusion: str) -> None:
    assert brain(inclusion) == (EL, EL, EL, EL)


@pytest.mark.parametrize("inclusion", [
    "Brain metastases are evaluated by MRI and must be stable for 4 weeks.",
    "Brain metastases will be assessed by MRI only if treated and stable.",
])
def test_assessment_with_a_condition_still_reads(inclusion: str) -> None:
    assert brain(inclusion)[2] != EL


# ---------------------------------------------------------------- brain: bracketed heading
@pytest.mark.parametrize("line", [
    "Subjects without CNS metastasis",
    "Patients with no brain metastases",
])
def test_bracketed_exclusion_heading(line: str) -> None:
    trial = invented_trial("", "")
    markdown = f"[Inclusion Criteria]\n\n1. Advanced NSCLC\n\n[Exclusion Criteria]\n\n1. {line}\n2. Pregnancy\n"
    from trialmatch.criteria.text import TrialText, split_criteria
    trial = TrialText(nct_id="NCT00000000", title=trial.title, conditions=(), criteria=tuple(split_criteria(markdown)))
    assert [c.section for c in trial.criteria if "metast" in c.text] == ["exclusion"]
    rules = brain_metastases.parse(trial)
    verdicts = [brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES]
    assert verdicts[1:3] == [EL, EL]


# ---------------------------------------------------------------- performance status: garbled comparator
@pytest.mark.parametrize("inclusion, score", [
    ("ECOG PS ?1", 1),
    ("Ecog ps =2?;", 2),
    ("WHO performance status ? 1", 1),
    ("Eastern Cooperative Oncology Group performance status ?2", 2),
])
def test_garbled_comparator_inclusion(inclusion: str, score: int) -> None:
    verdicts = ecog(inclusion)
    assert verdicts[score] == EL
    assert EX not in verdicts


@pytest.mark.parametrize("exclusion", ["ECOG PS ?2", "Ecog ps =2?;", "WHO PS ? 3"])
def test_garbled_comparator_exclusion_is_a_question(exclusion: str) -> None:
    assert EX not in ecog(exclusion=exclusion)


@pytest.mark.parametrize("inclusion, expected", [
    ("ECOG PS 1", (EX, EL, EX, EX, EX)),
    ("ECOG performance status of 0 or 1?", (EL, EL, EX, EX, EX)),
    ("ECOG PS 0-1 (is the patient fit?)", (EL, EL, EX, EX, EX)),
    ("Karnofsky ?70%", (EL, EL, EX, EX, EX)),
])
def test_near_miss_readable_limits_stay(inclusion: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion) == expected


# ---------------------------------------------------------------- performance status: labelled fields
@pytest.mark.parametrize("inclusion, expected", [
    ("PATIENT CHARACTERISTICS: Age: 70 and over Performance status: ECOG 0-2 Life expectancy: Not specified "
     "Hepatic: (Unless caused by tumour) Bilirubin no greater than 1.5 times ULN", (EL, EL, EL, EX, EX)),
    ("PATIENT CHARACTERISTICS: Age: 18 and over Performance status: Karnofsky 70-100% Life expectancy: At least 12 "
     "weeks Hematopoietic: WBC at least 3,000/mm3 Renal: Creatinine normal unless due to dehydration",
     (EL, EL, EX, EX, EX)),
    ("Age: 65 and over Performance status: Zubrod 0-1 Other: No active infection except mild cystitis",
     (EL, EL, EX, EX, EX)),
    ("Performance status: WHO 0-2 Hematopoietic: Platelets at least 100,000/mm3 Other: No other cancer except "
     "skin cancer", (EL, EL, EL, EX, EX)),
])
def test_labelled_fields_read_the_performance_field(inclusion: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion) == expected


@pytest.mark.parametrize("inclusion", [
    # The exception is the performance field's own: its scores stay a question.
    "Age: 18 and over Performance status: ECOG 0-1 (ECOG 2 allowed if due to bone pain) Life expectancy: 3 months",
    "Performance status: ECOG 0-1, unless the decline is due to tumour Hepatic: Bilirubin normal",
])
def test_labelled_field_keeps_its_own_exception(inclusion: str) -> None:
    assert ecog(inclusion)[2] == UN


# ---------------------------------------------------------------- brain: a scan that cannot rule metastases out
@pytest.mark.parametrize("exclusion", [
    "Brain metastatic disease cannot be confidently excluded due to inability to receive both CT and MRI contrast.",
    "CNS metastases can not be ruled out because the patient cannot undergo brain MRI.",
    "Brain metastases cannot be reliably excluded owing to a gadolinium allergy.",
    "Participants in whom brain metastases cannot be excluded by imaging",
])
def test_cannot_be_excluded_is_a_scan_rule(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, EL)


@pytest.mark.parametrize("exclusion, expected", [
    ("Known brain metastases", (EL, EX, EX)),
    ("Untreated brain metastases are excluded", (EL, EL, EX)),
])
def test_near_miss_exclusions_of_known_metastases_stay(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion)[:3] == expected


# ---------------------------------------------------------------- disease: a rule for one histology's patients
def histology(inclusion: str) -> tuple[str, ...]:
    """Disease verdicts for stage IV adenocarcinoma, squamous, large cell and NSCLC NOS."""
    rules = disease.parse(invented_trial(_bullets(inclusion), "* Pregnancy\n", title="A study in metastatic NSCLC",
                                         conditions=("Non-small Cell Lung Cancer",)))
    return tuple(disease.check(rules, Profile(histology=h, stage="IV")).verdict for h in HISTOLOGIES)


@pytest.mark.parametrize("inclusion", [
    "Metastatic NSCLC. Adenocarcinoma patients may be consented before their EGFR and ALK status is known.",
    "Stage IV NSCLC of any histology. Squamous patients can be enrolled without KRAS testing.",
    "Metastatic non-small cell lung cancer // Adenocarcinoma patients will be tested centrally for ROS1 before dosing",
    "Advanced NSCLC. Non-squamous participants may be registered before PD-L1 results are available.",
])
def test_rule_for_one_histologys_patients_is_no_limit(inclusion: str) -> None:
    assert EX not in histology(inclusion)


@pytest.mark.parametrize("inclusion, out", [
    ("Metastatic lung adenocarcinoma", "large cell"),
    ("Stage IV squamous NSCLC", "adenocarcinoma"),
])
def test_near_miss_histology_requirements_stay(inclusion: str, out: str) -> None:
    assert histology(inclusion)[HISTOLOGIES.index(out)] == EX


# ---------------------------------------------------------------- invented profiles nobody tuned rules on
def _patient(**facts: object) -> object:
    base = {"id": "p", "age": 63, "sex": "female", "histology": "adenocarcinoma", "stage": "IV", "biomarkers": [],
            "tested_negative": [], "pdl1_tps": None, "prior_therapies": [], "prior_lines": None, "ecog": 1,
            "brain_metastases": None}
    return profile_from_dict({**base, **facts})


def test_invented_profiles_on_this_rounds_kinds() -> None:
    ntrk_treated = _patient(histology="large cell", ecog=2, brain_metastases="treated_stable",
                            biomarkers=[{"gene": "NTRK1", "alteration": "fusion"}], prior_therapies=["entrectinib"],
                            prior_lines=1)
    c797s_active = _patient(ecog=0, brain_metastases="active", prior_therapies=["osimertinib", "carboplatin"],
                            biomarkers=[{"gene": "EGFR", "alteration": "C797S"}], prior_lines=2)
    trial = invented_trial(
        _bullets("Metastatic NSCLC. Adenocarcinoma patients may be consented before their EGFR status is known. // "
                 "Patients who have asymptomatic and/or treated brain metastases are eligible after review by the "
                 "study chair. Irradiated lesions must be stable for 4 weeks. // ECOG PS ?2"),
        _bullets("Participants with brain metastases for whom complete resection is clinically appropriate"),
        title="An invented basket trial", conditions=("Non-small Cell Lung Cancer",))
    for dimension, patient, expected in [
        (disease, ntrk_treated, EL), (brain_metastases, ntrk_treated, UN), (performance_status, ntrk_treated, EL),
        (brain_metastases, c797s_active, UN), (performance_status, c797s_active, UN),
    ]:
        assert dimension.check(dimension.parse(trial), patient).verdict == expected, (dimension.NAME, patient)
