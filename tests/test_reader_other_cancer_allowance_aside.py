"""An aside that lets in another cancer's treatment ("No prior chemotherapy (chemotherapy for another cancer is
allowed)", "...; treatment for a previous malignancy is permitted") is an exception to the sentence's rule, which
stays this cancer's: the shared reader must not give the whole sentence the purpose "another cancer", or the rule
is lost ("a different cancer", which the purpose never named, already kept it)."""

from __future__ import annotations

import pytest
from invented import invented_trial, whole_parse_verdict

from trialmatch.criteria.rules.reader import purpose_of
from trialmatch.matching.profile import profile_from_dict


def _patient(therapies: list[str], lines: int, histology: str = "adenocarcinoma") -> object:
    return profile_from_dict({
        "id": "p", "age": 62, "sex": "male", "histology": histology, "stage": "IV", "biomarkers": [],
        "tested_negative": ["EGFR", "ALK"], "pdl1_tps": 20, "prior_therapies": therapies, "prior_lines": lines,
        "ecog": 1, "brain_metastases": "none"})


CHEMO = _patient(["cisplatin", "gemcitabine"], 1)
CHEMO_IO = _patient(["carboplatin", "pemetrexed", "atezolizumab"], 1)
NIVO = _patient(["nivolumab"], 1)
NAIVE = _patient([], 0)


# (inclusion bullet or "", exclusion bullet or "", the treated patient it excludes)
KIND = [
    ("No prior chemotherapy (chemotherapy for another cancer is allowed)", "", CHEMO),
    ("No previous systemic therapy for advanced disease (prior treatment for a previous cancer is permitted)", "",
     CHEMO_IO),
    ("", "Prior chemotherapy for lung cancer (chemotherapy given for another malignancy is acceptable)", CHEMO),
    ("", "Any prior anti-PD-1 antibody [an anti-PD-1 antibody for an earlier melanoma or other malignancy is allowed]",
     NIVO),
    ("Chemotherapy-naive for metastatic NSCLC; chemotherapy for a second primary cancer is permitted", "", CHEMO_IO),
    ("Must not have received platinum doublet chemotherapy, but platinum given for another primary tumour is "
     "allowed", "", CHEMO),
    ("", "Previous immunotherapy (except immunotherapy for a previous malignancy > 5 years ago)", NIVO),
    # The other cancer named ("for breast cancer", "for lymphoma"), not only called "another".
    ("No prior cytotoxic chemotherapy (chemotherapy for early breast cancer is allowed)", "", CHEMO),
    ("No prior chemotherapy (except chemotherapy for lymphoma)", "", CHEMO_IO),
]


@pytest.mark.parametrize(("inclusion", "exclusion", "treated"), KIND)
def test_the_rule_outside_the_aside_still_binds(inclusion: str, exclusion: str, treated: object) -> None:
    trial = invented_trial(inclusion=f"* Stage IV NSCLC\n* {inclusion}" if inclusion else "* Stage IV NSCLC",
                           exclusion=f"* {exclusion}" if exclusion else "* Pregnancy")
    assert whole_parse_verdict(trial, "prior_therapy", treated) == "excluded"
    assert whole_parse_verdict(trial, "prior_therapy", NAIVE) == "eligible"


@pytest.mark.parametrize("sentence", [k[0] or k[1] for k in KIND])
def test_the_aside_gives_the_sentence_no_other_cancer_purpose(sentence: str) -> None:
    assert purpose_of(sentence) != "other_cancer"


# Near-misses: the other cancer is the sentence's own subject, or its bracket allows nothing (it qualifies the rule).
@pytest.mark.parametrize("sentence", [
    "Another malignancy treated with chemotherapy within 3 years",
    "History of another malignancy (basal cell carcinoma of the skin is allowed)",
    "No other active malignancy (a prior malignancy treated more than 3 years ago is allowed)",
    "Prior chemotherapy (for another cancer) within the last 3 years",
    "Prior malignancy is allowed if treated with curative intent",
    "(chemotherapy for another cancer is allowed)",
])
def test_near_misses_keep_the_other_cancer_purpose(sentence: str) -> None:
    assert purpose_of(sentence) == "other_cancer"


@pytest.mark.parametrize("exclusion", [
    "Prior chemotherapy for another cancer within the last 3 years",
    "History of another malignancy (prior chemotherapy for it is allowed)",
])
def test_near_misses_set_no_rule_on_this_cancers_treatment(exclusion: str) -> None:
    trial = invented_trial(inclusion="* Stage IV NSCLC", exclusion=f"* {exclusion}")
    assert whole_parse_verdict(trial, "prior_therapy", CHEMO) == "eligible"


def test_the_main_clause_histology_still_binds_beside_another_cancers_aside() -> None:
    trial = invented_trial(inclusion="* Adenocarcinoma of the lung (a second primary squamous cell carcinoma of the "
                                     "skin treated with curative intent is allowed)")
    assert whole_parse_verdict(trial, "disease", _patient([], 0, "squamous")) == "excluded"
    assert whole_parse_verdict(trial, "disease", NAIVE) == "eligible"
