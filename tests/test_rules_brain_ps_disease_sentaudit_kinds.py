"""Kinds found by a sentence audit of real criteria nobody had read (brain metastases, performance status, disease).

Brain metastases:
- a brain scan required BECAUSE brain metastases are likely ("must have a brain MRI ... due to the high rate of CNS
  metastasis") is no requirement to have them (was a false exclusion of patients without brain metastases);
- a comma list of qualifiers with "or" inside it ("Active, or untreated, brain metastases") keeps its qualifiers
  (was a false exclusion of treated, stable patients);
- "If patients have brain metastases with neurological symptoms, they should be stabilised with prior radiotherapy":
  a condition on the metastases the if-clause names; active ones are a question (were eligible).
Performance status:
- "a performance status of 1 or higher" as an inclusion: literally it leaves out only the fittest; a question, not an
  exclusion of ECOG 0 (a Karnofsky minimum stays a minimum);
- limits that differ by age in one sentence are read for the patient's age, never as their union.
Disease:
- "locoregional recurrence ... without distant metastases" leaves stage IV out;
- "small cell neuroendocrine carcinoma" is small cell lung cancer, not large cell neuroendocrine carcinoma.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.brain_cases import brain_verdicts
from tests.invented import invented_trial, whole_parse_verdict
from trialmatch.criteria.rules import disease, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"


def brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for none, treated_stable, active, unknown on a trial of one inclusion and one exclusion bullet."""
    return brain_verdicts(inclusion and f"* {inclusion}\n", exclusion and f"* {exclusion}\n", title="A trial")


def ps(inclusion: str, age: int | None = 60, exclusion: str = "Pregnancy") -> tuple[str, ...]:
    """Verdicts for ECOG 0..4 at one age."""
    rules = performance_status.parse(invented_trial(f"* {inclusion}\n", f"* {exclusion}\n"))
    return tuple(performance_status.check(rules, Profile(ecog=e, age=age)).verdict for e in range(5))


def stage_iv(inclusion: str, histology: str = "adenocarcinoma") -> str:
    rules = disease.parse(invented_trial(f"* {inclusion}\n", "* Pregnancy\n"))
    return str(disease.check(rules, Profile(histology=histology, stage="IV")).verdict)


def disease_finding(inclusion: str, histology: str) -> Any:
    rules = disease.parse(invented_trial(f"* {inclusion}\n", "* Pregnancy\n"))
    return disease.check(rules, Profile(histology=histology, stage="IV"))


# ---------------------------------------------------------------- brain: a scan justified by the risk of metastases
@pytest.mark.parametrize("sentence", [
    "All patients must have a brain MRI within 28 days before enrolment because of the high risk of brain metastases.",
    "Participants must have a contrast-enhanced brain MRI at screening owing to the high incidence of brain "
    "metastases in this population.",
    "Subjects must have had a head CT or MRI within 4 weeks because brain metastases are common in this histology.",
    "Patients with large cell neuroendocrine tumours must have staging MRI of the brain (or CT with IV contrast if MRI "
    "is contraindicated) due to the high rate of central nervous system (CNS) metastasis",
    "Patients with adenocarcinoma must undergo brain MRI at baseline because of the high incidence of brain metastases",
    "A brain MRI is required at baseline since CNS metastases are frequent in EGFR-mutant disease",
    "Cranial imaging is mandatory at screening due to the risk of occult brain metastases",
    "Gadolinium-enhanced MRI of the head must be done within 21 days, given the high likelihood of intracranial "
    "metastases",
])
def test_a_scan_required_because_brain_metastases_are_likely_sets_no_brain_rule(sentence: str) -> None:
    assert brain(inclusion=sentence) == (EL, EL, EL, EL)


@pytest.mark.parametrize("sentence", [
    "Patients must have brain metastases visible on MRI.",
    "Patients must have MRI-confirmed brain metastases due to NSCLC.",
    "Presence of brain metastases confirmed on MRI of the brain.",
    "Patients must have at least one brain metastasis on MRI, because the trial measures intracranial response.",
])
def test_a_requirement_to_have_brain_metastases_stays_one(sentence: str) -> None:
    assert brain(inclusion=sentence)[0] == EX


def test_a_scan_without_a_reason_still_sets_no_rule() -> None:
    assert brain(inclusion="Brain MRI at screening is mandatory for all participants.") == (EL, EL, EL, EL)


# ---------------------------------------------------------------- brain: "Active, or untreated, brain metastases"
@pytest.mark.parametrize("sentence", [
    "Active, or untreated, brain metastases",
    "Symptomatic, or untreated, CNS metastases",
    "Untreated, or progressing, brain metastases",
    "Known active, or untreated, central nervous system metastases",
    "Unstable, and/or untreated, brain metastases",
])
def test_qualifiers_set_off_by_commas_keep_treated_stable_patients_in(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, EX, UN)


@pytest.mark.parametrize("sentence", [
    "Known brain metastases",
    "History of seizures, or brain metastases",
    "Leptomeningeal disease, or brain metastases",
])
def test_unqualified_brain_metastases_after_a_comma_stay_excluded(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EX, EX, UN)


# ---------------------------------------------------------------- brain: "If patients have ..., they should be ..."
@pytest.mark.parametrize("sentence", [
    "If patients have brain metastasis with neurological symptom, they should be stabilized neurologically with prior "
    "radiotherapy or surgery for the brain metastasis (no neurologic symptom in progress and without steroids)",
    "If a participant has brain metastases with neurological symptoms, these must be controlled with prior "
    "radiotherapy or surgery.",
    "If the patient has brain metastases, they should be treated with radiotherapy before enrolment.",
    "If subjects have symptomatic CNS metastases, they must be irradiated or resected first.",
])
def test_a_condition_on_the_metastases_an_if_clause_names_makes_active_ones_a_question(sentence: str) -> None:
    assert brain(inclusion=sentence) == (EL, EL, UN, UN)


def test_a_plain_if_clause_with_must_be_treated_leaves_active_ones_out() -> None:
    sentence = "If patients have brain metastases, they must have been treated and be stable for 4 weeks."
    assert brain(inclusion=sentence) == (EL, EL, EX, UN)


@pytest.mark.parametrize("sentence", [
    "If patients have brain metastases, an MRI must be done at each visit.",
    "If the patient has brain metastases, the investigator should record their number.",
])
def test_an_if_clause_whose_main_clause_is_about_something_else_sets_no_rule(sentence: str) -> None:
    assert brain(inclusion=sentence) == (EL, EL, EL, EL)


# ---------------------------------------------------------------- performance status: "1 or higher"
@pytest.mark.parametrize("sentence", [
    "Patient must have a performance status of 1 or higher",
    "ECOG performance status of 1 or higher",
    "Performance status at least 1",
    "WHO performance status >= 1",
    "Zubrod performance status greater than 0",
])
def test_a_minimum_of_one_on_the_ecog_scale_is_a_question_not_an_exclusion_of_the_fittest(sentence: str) -> None:
    assert ps(sentence) == (UN, EL, UN, UN, UN)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Karnofsky performance status 70 or higher", (EL, EL, EX, EX, EX)),
    ("Karnofsky performance status of at least 60", (EL, EL, UN, EX, EX)),
    ("Performance status 2 or higher", (EX, EX, EL, EL, EL)),
    ("ECOG performance status 0 or 1", (EL, EL, EX, EX, EX)),
])
def test_other_minimums_and_ranges_stay_as_read(sentence: str, expected: tuple[str, ...]) -> None:
    assert ps(sentence) == expected


def test_an_exclusion_of_ecog_one_or_higher_still_excludes() -> None:
    assert ps("Measurable disease", exclusion="ECOG performance status of 1 or higher") == (EL, EX, EX, EX, EX)


# ---------------------------------------------------------------- performance status: limits by age
@pytest.mark.parametrize(("sentence", "young", "old"), [
    ("Patients with ECOG PS 2 up to 74 years old, and patients with PS 0 or 1 from 75 years.",
     (EX, EX, EL, EX, EX), (EL, EL, EX, EX, EX)),
    ("Patients aged 75 or older with ECOG 0-1, or younger patients with ECOG 2.",
     (EX, EX, EL, EX, EX), (EL, EL, EX, EX, EX)),
    ("ECOG 0-2 for patients aged 75 years or older; ECOG 0-1 for patients younger than 75 years.",
     (EL, EL, EX, EX, EX), (EL, EL, EL, EX, EX)),
    ("Elderly (>= 75 years) with PS 0-2; patients under 75 must have PS 2.",
     (EX, EX, EL, EX, EX), (EL, EL, EL, EX, EX)),
    ("ECOG 0-2; patients aged 75 or older must have ECOG 0-1.",
     (EL, EL, EL, EX, EX), (EL, EL, EX, EX, EX)),
    # Near misses: a door for a worse score at some ages leaves the better scores open at every age.
    ("Zubrod 0-2, with PS 2 restricted to patients over 70 years", (EL, EL, EX, EX, EX), (EL, EL, EL, EX, EX)),
    ("ECOG 0-1; ECOG 2 is also allowed for patients aged 70 years or older.",
     (EL, EL, EX, EX, EX), (EL, EL, EL, EX, EX)),
])
def test_a_limit_by_age_is_read_for_the_patients_age(sentence: str, young: tuple[str, ...],
                                                      old: tuple[str, ...]) -> None:
    assert ps(sentence, age=58) == young
    assert ps(sentence, age=79) == old


def test_a_limit_by_age_without_the_patients_age_is_a_question_where_the_ages_differ() -> None:
    assert ps("Patients with ECOG PS 2 up to 74 years old, and patients with PS 0 or 1 from 75 years.",
              age=None) == (UN, UN, UN, EX, EX)
    assert ps("ECOG 0-1 for patients younger than 70 years, or ECOG 0-2 for patients aged 70 or older.",
              age=None) == (EL, EL, UN, EX, EX)


@pytest.mark.parametrize("sentence", [
    "Age 18 years or older, with ECOG 0-1",
    "ECOG 0-1 within 14 days of enrolment; KPS >= 70 also accepted",
])
def test_an_adult_age_or_no_age_is_no_branch(sentence: str) -> None:
    assert ps(sentence, age=80) == ps(sentence, age=30)


# ---------------------------------------------------------------- disease: recurrence without distant metastases
@pytest.mark.parametrize("sentence", [
    "Patients with locoregional recurrence after surgery for NSCLC, without distant metastases.",
    "Isolated mediastinal nodal recurrence after lobectomy for NSCLC, without distant metastases.",
    "Regional nodal relapse after prior SBRT for early-stage NSCLC, without distant disease.",
    "Locally recurrent NSCLC after resection with no evidence of distant metastatic disease.",
    "Local relapse following definitive chemoradiotherapy, with no evidence of extrathoracic metastases.",
])
def test_a_recurrence_without_distant_metastases_leaves_stage_iv_out(sentence: str) -> None:
    assert stage_iv(sentence) == EX


@pytest.mark.parametrize("sentence", [
    "Locoregional recurrence after surgery, with or without distant metastases, is allowed.",
    "Stage IV NSCLC, or locoregional recurrence after surgery without distant metastases.",
    "Locoregional recurrence after surgery without distant metastases other than a single brain lesion.",
    "Recurrence after resection of stage I-II NSCLC without distant metastases at diagnosis.",
])
def test_near_misses_of_a_recurrence_without_distant_metastases_do_not_exclude(sentence: str) -> None:
    assert stage_iv(sentence) != EX


# ---------------------------------------------------------------- disease: small cell neuroendocrine carcinoma
@pytest.mark.parametrize("sentence", [
    "Histologically or cytologically confirmed high grade small cell neuroendocrine carcinoma.",
    "Small cell neuroendocrine carcinoma of the lung, limited or extensive stage.",
    "Histologically confirmed high-grade small-cell neuroendocrine carcinoma of any primary site.",
    "Poorly differentiated small cell neuroendocrine carcinoma (SCNEC).",
])
@pytest.mark.parametrize("histology", ["large cell", "nsclc-nos", "adenocarcinoma"])
def test_small_cell_neuroendocrine_carcinoma_is_small_cell_lung_cancer(sentence: str, histology: str) -> None:
    finding = disease_finding(sentence, histology)
    assert finding.verdict == EX
    assert "small cell" in finding.reason and "large cell" not in finding.reason


def test_large_cell_neuroendocrine_beside_small_cell_stays_a_question_for_large_cell() -> None:
    sentence = "Extensive-stage SCLC or large cell neuroendocrine carcinoma of the lung."
    assert disease_finding(sentence, "large cell").verdict == UN
    assert disease_finding(sentence, "nsclc-nos").verdict == UN
    assert disease_finding(sentence, "adenocarcinoma").verdict == EX


def test_non_small_cell_neuroendocrine_wording_is_not_small_cell() -> None:
    sentence = "Confirmed stage IV non-small cell lung cancer, including large cell neuroendocrine carcinoma."
    assert disease_finding(sentence, "large cell").verdict == EL


# ---------------------------------------------------------------- invented profiles through the whole parse
def _patient(**fields: Any) -> Profile:
    base = {"id": "p", "summary": "p", "sex": "female", "histology": "adenocarcinoma", "stage": "IV", "biomarkers": [],
            "tested_negative": [], "pdl1_tps": None, "prior_lines": None}
    return profile_from_dict({**base, **fields})


_verdict = whole_parse_verdict


def test_invented_profiles_on_an_audited_trial() -> None:
    text = invented_trial(
        "* Stage IV NSCLC\n"
        "* Patients must have a brain MRI within 28 days because of the high risk of brain metastases\n"
        "* WHO PS 0-1 for patients aged 70 or older, or WHO PS 0-2 for patients younger than 70 years\n",
        "* Symptomatic, or untreated, brain metastases\n",
    )
    no_brain_old = _patient(age=81, ecog=2, brain_metastases="none", prior_therapies=["carboplatin", "pemetrexed"])
    treated_young = _patient(age=44, ecog=2, brain_metastases="treated_stable", prior_therapies=["lorlatinib"])
    active_unknown_age = _patient(age=None, ecog=2, brain_metastases="active", prior_therapies=[])
    fit_unknown_brain = _patient(age=70, ecog=0, brain_metastases=None, prior_therapies=["osimertinib"])
    assert _verdict(text, "brain_metastases", no_brain_old) == EL
    assert _verdict(text, "performance_status", no_brain_old) == EX
    assert _verdict(text, "brain_metastases", treated_young) == EL
    assert _verdict(text, "performance_status", treated_young) == EL
    assert _verdict(text, "brain_metastases", active_unknown_age) == EX
    assert _verdict(text, "performance_status", active_unknown_age) == UN
    assert _verdict(text, "brain_metastases", fit_unknown_brain) == UN
    assert _verdict(text, "performance_status", fit_unknown_brain) == EL


def test_invented_profiles_on_a_recurrence_trial_with_an_unnamed_scale() -> None:
    text = invented_trial(
        "* Locoregional recurrence of NSCLC after lobectomy, without distant metastases\n"
        "* Performance status of 1 or higher\n",
        "* Pregnancy\n",
    )
    fittest = _patient(age=52, ecog=0, brain_metastases="none", prior_therapies=["cisplatin", "vinorelbine"])
    stage_iii = _patient(age=66, ecog=1, stage="III", brain_metastases="none", prior_therapies=[])
    assert _verdict(text, "disease", fittest) == EX
    assert _verdict(text, "performance_status", fittest) == UN
    assert _verdict(text, "performance_status", stage_iii) == EL
    assert _verdict(text, "disease", stage_iii) != EX
