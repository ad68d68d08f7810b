"""A lower-case "m" for metastatic glued to a cancer's abbreviation ("mPDAC", "mCRC", "mNSCLC") still names that
cancer: a rule written for "participants with mPDAC" belongs to the pancreatic cohort and must not bind a lung
cancer patient, and an "mNSCLC cohort" is the lung cancer patient's own."""

from __future__ import annotations

import pytest
from invented import invented_trial, whole_parse_verdict

from trialmatch.criteria.rules.reader.scope import cancers_named
from trialmatch.matching.profile import profile_from_dict


@pytest.mark.parametrize(("text", "cancer"), [
    ("Participants must have mPDAC not previously treated", "pancreatic"),
    ("mCRC cohort: at least two prior regimens", "colorectal"),
    ("For the mNSCLC expansion:", "nsclc"),
    ("mTNBC arm only", "breast"),
    ("Patients with mSCLC after platinum", "sclc"),
])
def test_metastatic_prefix_still_names_the_cancer(text: str, cancer: str) -> None:
    assert cancer in cancers_named(text)


@pytest.mark.parametrize("text", [
    "mutations in KRAS",          # an ordinary word starting with m
    "mpdac written in lower case",  # no upper-case abbreviation after the m
    "amCRC is no abbreviation we know",
    "Meeting the protocol criteria",
])
def test_an_m_that_is_not_a_prefix_names_nothing(text: str) -> None:
    assert cancers_named(text) == ()


TREATED_NSCLC = profile_from_dict({
    "id": "treated", "age": 60, "sex": "female", "histology": "adenocarcinoma", "stage": "IV",
    "biomarkers": [], "tested_negative": ["EGFR", "ALK"], "pdl1_tps": 30,
    "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1, "ecog": 1,
    "brain_metastases": "none"})


@pytest.mark.parametrize("sentence", [
    "For the gemcitabine combination: participant must have mPDAC that has not been previously treated with "
    "chemotherapy.",
    "Participants with mCRC must not have received prior chemotherapy for metastatic disease.",
    "mPDAC cohort: no prior systemic chemotherapy.",
])
def test_another_cancers_chemotherapy_ban_does_not_bind_a_lung_cancer_patient(sentence: str) -> None:
    trial = invented_trial(inclusion=f"* Advanced solid tumours including NSCLC\n* {sentence}",
                           conditions=("Solid Tumor", "Non-small Cell Lung Cancer", "Pancreatic Cancer"))
    assert whole_parse_verdict(trial, "prior_therapy", TREATED_NSCLC) != "excluded"


def test_the_same_ban_without_a_cancer_name_still_binds() -> None:
    trial = invented_trial(inclusion="* Advanced NSCLC\n* Participant must not have been previously treated with "
                                     "chemotherapy.")
    assert whole_parse_verdict(trial, "prior_therapy", TREATED_NSCLC) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Participants must have metastatic colorectal cancer that progressed on oxaliplatin.",
    "Patients should have pancreatic ductal adenocarcinoma which has not been treated with chemotherapy.",
    "For the doublet arm: subjects must have mCRC that was never treated with irinotecan.",
    "Participant will need to have a melanoma that progressed on a PD-1 inhibitor.",
    "Arm B - patients must have metastatic breast cancer that has not been treated with chemotherapy.",
    "Participants must have head and neck squamous cell carcinoma that progressed after platinum.",
    "Subjects must have castration-resistant prostate cancer which progressed after docetaxel.",
    "Patients must have hepatocellular carcinoma that has not received any systemic therapy.",
])
def test_a_sentence_asking_for_another_cancer_is_that_cancers_rule(sentence: str) -> None:
    trial = invented_trial(inclusion=f"* Advanced solid tumours including NSCLC\n* {sentence}",
                           conditions=("Solid Tumor", "Non-small Cell Lung Cancer"))
    assert whole_parse_verdict(trial, "prior_therapy", TREATED_NSCLC) != "excluded"


@pytest.mark.parametrize("sentence", [
    "Participants must have NSCLC that has not been treated with chemotherapy.",
    "Patients must have lung cancer which has not received any chemotherapy.",
    "Subjects must have solid tumours that have not been treated with chemotherapy.",
])
def test_a_sentence_asking_for_lung_cancer_still_binds(sentence: str) -> None:
    trial = invented_trial(inclusion=f"* Advanced NSCLC\n* {sentence}")
    assert whole_parse_verdict(trial, "prior_therapy", TREATED_NSCLC) == "excluded"
