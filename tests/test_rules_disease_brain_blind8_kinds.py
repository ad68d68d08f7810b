"""Disease and brain metastases: kinds of sentence met on older first/second-line trials. Invented sentences of each
kind and of near-miss kinds, per profile state or histology."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases, disease
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile

EL, UN, EX = "eligible", "unknown", "excluded"
STATES = ("none", "treated_stable", "active", None)
HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell", "nsclc-nos")


def _trial(inclusion: str = "", exclusion: str = "") -> TrialText:
    return invented_trial(inclusion, exclusion, "An invented trial in metastatic NSCLC")


def _histology(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    rules = disease.parse(_trial(inclusion, exclusion))
    return tuple(disease.check(rules, Profile(histology=h, stage="IV")).verdict for h in HISTOLOGIES)


def _brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    rules = brain_metastases.parse(_trial(inclusion, exclusion))
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


# ---------------------------------------------------------------- 1. garbled double negatives never exclude
# "No absence or <state> CNS disease": the absence of CNS disease and the state named are what it lets in; it is not
# understood in full, so active metastases are a question, in either section.
NO_ABSENCE_OR = {
    "cns-irradiated-stable": "* No absence or irradiated and stable central nervous system metastatic disease.",
    "brain-treated-stable": "* No absence or treated, stable brain metastases",
    "intracranial-radiated": "* Not absent, or previously radiated and stable intracranial metastases.",
    "absence-of-brain-or-stable": "* No absence of brain metastases or brain metastases treated and stable",
}


@pytest.mark.parametrize("sentence", NO_ABSENCE_OR.values(), ids=NO_ABSENCE_OR.keys())
@pytest.mark.parametrize("section", ["inclusion", "exclusion"])
def test_no_absence_or_state_lets_none_and_treated_in(section: str, sentence: str) -> None:
    assert _brain(**{section: sentence}) == (EL, EL, UN, UN)


# Other contradicting negations: whom they leave out is a question, never an exclusion.
OTHER_DOUBLE_NEGATIVES = {
    "not-without": "* Not without brain metastases.",
    "no-lack-of": "* No lack of known CNS metastases",
    "no-absence-alone": "* No absence of brain metastases",
    "without-absence": "* Patients without absence of active cerebral metastases",
    "after-mention": "* Absence of brain metastases, or brain metastases that are not without prior radiotherapy",
}


@pytest.mark.parametrize("sentence", OTHER_DOUBLE_NEGATIVES.values(), ids=OTHER_DOUBLE_NEGATIVES.keys())
@pytest.mark.parametrize("section", ["inclusion", "exclusion"])
def test_double_negative_never_excludes(section: str, sentence: str) -> None:
    assert EX not in _brain(**{section: sentence})


# Near misses: one negation, read as before.
SINGLE_NEGATION = {
    "absence-or-stable-inclusion": ("inclusion", "* Absence of brain metastases or irradiated and stable brain "
                                                 "metastases.", (EL, EL, EX, UN)),
    "no-brain-or-stable-inclusion": ("inclusion", "* No brain metastases, or irradiated and stable brain metastases.",
                                     (EL, EL, EX, UN)),
    "active-exclusion": ("exclusion", "* Active brain metastases", (EL, EL, EX, UN)),
    "unless-stable-exclusion": ("exclusion", "* Known brain metastases, unless treated and stable", (EL, EL, EX, UN)),
    "bare-exclusion": ("exclusion", "* Brain metastases.", (EL, EX, EX, UN)),
}


@pytest.mark.parametrize(("section", "sentence", "expected"), SINGLE_NEGATION.values(), ids=SINGLE_NEGATION.keys())
def test_single_negation_read_as_before(section: str, sentence: str, expected: tuple[str, ...]) -> None:
    assert _brain(**{section: sentence}) == expected


# ---------------------------------------------------------------- 2. a histology left out inside an inclusion
# "excluding / other than / except <histology>" in the sentence that states the disease, beside the lung cancer's own
# "malignant pleural effusion" (a stage feature, not another malignancy): the histology named is out, NSCLC NOS a
# question.
EXCLUDING_IN_INCLUSION = {
    "excluding-with-effusion": "* Advanced NSCLC, stage IIIB with malignant pleural effusion or stage IV, excluding "
                               "squamous cell histology, with measurable disease",
    "other-than-pericardial": "* Stage IV NSCLC other than squamous cell carcinoma, or stage IIIB with malignant "
                              "pericardial effusion",
    "except-malignant-effusion": "* Histologically confirmed NSCLC of any type except squamous, with malignant "
                                 "effusion or distant metastases",
    "effusion-in-brackets": "* Stage IIIB (malignant pleural effusion) or IV non-small cell lung cancer, excluding "
                            "predominantly squamous histology",
    "excluding-no-effusion": "* Recurrent or metastatic non-small cell lung cancer, excluding squamous cell carcinoma",
}


@pytest.mark.parametrize("sentence", EXCLUDING_IN_INCLUSION.values(), ids=EXCLUDING_IN_INCLUSION.keys())
def test_excluding_histology_in_inclusion_shuts_it_out(sentence: str) -> None:
    assert _histology(inclusion=sentence) == (EL, EX, EL, UN)


HISTOLOGY_NEAR_MISSES = {
    "both-histologies": "* Stage IIIB with malignant pleural effusion or stage IV NSCLC, squamous or non-squamous",
    "other-malignancy-history": "* Stage IIIB with malignant pleural effusion or stage IV NSCLC; patients with a "
                                "history of malignant melanoma are excluded",
    "prior-squamous-malignancy": "* Stage IV NSCLC, excluding patients with a prior malignancy of squamous cell type",
    "excluding-small-cell": "* Advanced NSCLC with malignant pleural effusion, excluding small cell histology",
}


@pytest.mark.parametrize("sentence", HISTOLOGY_NEAR_MISSES.values(), ids=HISTOLOGY_NEAR_MISSES.keys())
def test_histology_near_misses_leave_every_histology_in(sentence: str) -> None:
    assert _histology(inclusion=sentence) == (EL, EL, EL, EL)


def test_skin_squamous_history_beside_effusion_is_not_the_lung_histology() -> None:
    exclusion = "* Prior malignancy (squamous cell carcinoma of the skin allowed); malignant pleural effusion"
    assert _histology(exclusion=exclusion) == (EL, EL, EL, EL)


# ------------------------------------------------------------- 3a. "uncontrolled" brain metastases exclude active ones
UNCONTROLLED = {
    "bare": "* Uncontrolled brain metastases",
    "known-or-suspected": "* Known or suspected uncontrolled CNS metastases",
    "not-under-control": "* Brain metastases that are not under control",
    "poorly-controlled": "* Poorly controlled intracranial metastatic disease",
    "not-adequately-controlled": "* Central nervous system metastases not adequately controlled",
}


@pytest.mark.parametrize("sentence", UNCONTROLLED.values(), ids=UNCONTROLLED.keys())
def test_uncontrolled_exclusion_excludes_active(sentence: str) -> None:
    assert _brain(exclusion=sentence) == (EL, EL, EX, UN)


# Near misses: "uncontrollable" (cannot be controlled) and "unstable" (often defined by an urgent need) leave active
# ones a question, as does "uncontrolled" in a trial whose inclusions take some untreated brain metastases.
UNCONTROLLED_NEAR_MISSES = {
    "uncontrollable": ("", "* Patients with uncontrollable brain metastases"),
    "unstable": ("", "* Unstable brain metastases"),
    "untreated-asymptomatic-taken": (
        "* Untreated asymptomatic brain metastases, or symptomatic ones treated locally and stable for 2 weeks",
        "* Uncontrolled central nervous system metastases"),
    "untreated-allowed-elsewhere": (
        "* Patients with untreated, asymptomatic brain metastases are eligible", "* Uncontrolled CNS metastases"),
}


@pytest.mark.parametrize(("inclusion", "exclusion"), UNCONTROLLED_NEAR_MISSES.values(),
                         ids=UNCONTROLLED_NEAR_MISSES.keys())
def test_uncontrolled_near_misses_leave_active_a_question(inclusion: str, exclusion: str) -> None:
    assert _brain(inclusion, exclusion)[2] == UN


# ------------------------------------------------------------- 3b. permissions whose conditions follow the mention
# "Patients with brain metastases only if treated and stable" (its verb left out); "Asymptomatic brain metastasis;
# must have completed radiotherapy ... and be off steroids" (the next clause sets the brain's conditions).
CONDITIONS_FOLLOW = {
    "only-if-treated": "* Patients with brain metastases only if treated and neurologically stable with no ongoing "
                       "requirement for corticosteroids",
    "only-when-irradiated": "* Subjects with CNS metastases, only when previously irradiated and stable",
    "must-have-completed-radiosurgery": "* Asymptomatic brain metastasis; must have completed radiotherapy/"
                                        "radiosurgery at least 2 weeks prior to enrollment and be off steroids.",
    "must-be-stable-after-srs": "* Intracranial metastases; patients must be stable for 4 weeks after stereotactic "
                                "radiosurgery",
    "should-have-resection": "* Brain metastases; should have been treated with surgery or radiation",
}


@pytest.mark.parametrize("sentence", CONDITIONS_FOLLOW.values(), ids=CONDITIONS_FOLLOW.keys())
def test_conditions_after_the_mention_leave_active_out(sentence: str) -> None:
    assert _brain(inclusion=sentence) == (EL, EL, EX, UN)


# Near misses: a next clause about something else, an "only if" in an exclusion, or a permission for untreated ones.
CONDITIONS_NEAR_MISSES = {
    "must-complete-chemotherapy": ("inclusion", "* Asymptomatic brain metastases; patients must have completed prior "
                                                "chemotherapy at least 4 weeks before"),
    "must-have-measurable-disease": ("inclusion", "* Asymptomatic brain metastases; must have measurable disease"),
    "untreated-off-steroids": ("inclusion", "* Untreated brain metastases; must be off steroids"),
    "only-if-stable-or-no-treatment": ("inclusion", "* Brain metastases, only if stable or not requiring treatment"),
    "exclusion-only-if-symptomatic": ("exclusion", "* Brain metastases only if symptomatic"),
}


@pytest.mark.parametrize(("section", "sentence"), CONDITIONS_NEAR_MISSES.values(), ids=CONDITIONS_NEAR_MISSES.keys())
def test_condition_near_misses_leave_active_a_question(section: str, sentence: str) -> None:
    assert _brain(**{section: sentence})[2] == UN


# ------------------------------------------------------------- 3c. trials that require leptomeningeal disease
# An inclusion stating leptomeningeal disease as a diagnosis or finding ("Patients diagnosed with leptomeningeal
# metastases", "the cytological identification of malignant cells within cerebrospinal fluid"): a patient without
# brain or CNS metastases has none; whether one with brain metastases has it, the profile does not say.
LEPTO_REQUIRED = {
    "diagnosed-with-recurrent": "* Patients diagnosed with recurrent leptomeningeal metastases by positive "
                                "cerebrospinal fluid cytological examination and persistent symptoms",
    "diagnosed-as": "* Patients diagnosed as leptomeningeal metastases from NSCLC who received intrathecal "
                    "chemotherapy",
    "who-were-diagnosed": "* Participants who were diagnosed with meningeal carcinomatosis",
    "malignant-cells-in-csf": "* The cytological identification of malignant cells within cerebrospinal fluid (CSF).",
    "tumour-cells-in-csf": "* Confirmed presence of tumour cells in the CSF",
}


@pytest.mark.parametrize("sentence", LEPTO_REQUIRED.values(), ids=LEPTO_REQUIRED.keys())
def test_leptomeningeal_diagnosis_in_inclusion_is_required(sentence: str) -> None:
    assert _brain(inclusion=sentence) == (EX, UN, UN, UN)


LEPTO_NEAR_MISSES = {
    "positive-cytology-no-documenting-word": ("inclusion", "* Positive CSF cytology for malignant cells"),
    "if-present-recorded": ("inclusion", "* Patients diagnosed with NSCLC; tumour cells in CSF, if present, will be "
                                         "recorded"),
    "exclusion-malignant-cells": ("exclusion", "* Malignant cells in the CSF"),
    "exclusion-lm-not-confirmed": ("exclusion", "* Patients with radiologic evidence of LM not confirmed by positive "
                                                "CSF cytology."),
}


@pytest.mark.parametrize(("section", "sentence"), LEPTO_NEAR_MISSES.values(), ids=LEPTO_NEAR_MISSES.keys())
def test_leptomeningeal_near_misses_exclude_no_one(section: str, sentence: str) -> None:
    assert EX not in _brain(**{section: sentence})


# ---------------------------------------------------------------- 4. early disease written by T and N without M
def _stage_iv(inclusion: str = "", exclusion: str = "") -> str:
    trial = invented_trial(inclusion, exclusion, "An invented lung cancer trial")
    return disease.check(disease.parse(trial), Profile(histology="adenocarcinoma", stage="IV")).verdict


EARLY_TN = {
    "ct1-2-n0-peripheral": "* cT1-2 N0 peripheral lung cancer",
    "clinical-t1-2-n0": "* Clinical stage T1-2 N0 non-small cell lung cancer",
    "t1n0-or-t2n0": "* T1N0 or T2N0 NSCLC, peripheral tumour <= 5 cm",
    "t1-or-t2-comma-n0": "* Peripheral T1 or T2, N0 lung cancer suitable for SBRT",
    "t1-2-n0-1": "* pT1-2 N0-1 non-small cell lung carcinoma",
}


@pytest.mark.parametrize("sentence", EARLY_TN.values(), ids=EARLY_TN.keys())
def test_early_t_and_n_without_m_excludes_stage_iv(sentence: str) -> None:
    assert _stage_iv(inclusion=sentence) == EX


EARLY_TN_NEAR_MISSES = {
    "any-t-any-n": ("* T1-4 N0-3 NSCLC", ""),
    "nodal-disease": ("* Any T, N2-3 NSCLC", ""),
    "stage-iv-with-primary-tn": ("* Stage IV NSCLC; primary tumour T1-2 N0", ""),
    "relapse-after-resection": ("* Recurrence after resection of pT1-2 N0 NSCLC", ""),
    "previously-treated-now-metastatic": ("* Patients previously treated with surgery for T1N0 disease who now have "
                                          "metastases", ""),
    "with-brain-metastasis": ("* T1-2 N0 primary with a solitary brain metastasis", ""),
    "exclusion": ("", "* T1-2 N0 disease"),
}


@pytest.mark.parametrize(("inclusion", "exclusion"), EARLY_TN_NEAR_MISSES.values(), ids=EARLY_TN_NEAR_MISSES.keys())
def test_early_tn_near_misses_do_not_exclude_stage_iv(inclusion: str, exclusion: str) -> None:
    assert _stage_iv(inclusion, exclusion) != EX
