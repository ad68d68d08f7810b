"""Disease rules: stage scope, histology and cancer type, on real title and criteria sentences."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialmatch.profile import Profile
from trialmatch.rules import disease
from trialmatch.text import TrialText, split_criteria

HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell", "nsclc-nos")
EL, UN, EX = "eligible", "unknown", "excluded"


def trial(inclusion: str = "", exclusion: str = "", title: str = "A study in NSCLC",
          conditions: tuple[str, ...] = ("NSCLC",)) -> TrialText:
    markdown = f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n{exclusion}\n"
    return TrialText(nct_id="NCT00000000", title=title, conditions=conditions,
                     criteria=tuple(split_criteria(markdown)))


def verdicts(text: TrialText) -> tuple[str, ...]:
    """Verdicts for stage IV adenocarcinoma, squamous, large cell and NSCLC-NOS, in that order."""
    rules = disease.parse(text)
    return tuple(disease.check(rules, Profile(stage="IV", histology=h)).verdict for h in HISTOLOGIES)


ALL_EL, ALL_EX = (EL, EL, EL, EL), (EX, EX, EX, EX)
NON_SQUAMOUS = (EL, EX, EL, UN)

# id -> (inclusion, exclusion, title or "", expected for adenocarcinoma, squamous, large cell, nsclc-nos)
CASES = {
    "stage-ii-iii-non-operable-excludes-stage-iv": (
        "* Histologically or cytologically confirmed diagnosis of NSCLC\n"
        "* Stage II/III non-operable disease, without malignant pleural effusion", "",
        "Olaparib Dose Escalating Trial + Concurrent RT With or Without Cisplatin in Locally Advanced NSCLC", ALL_EX),
    "tnm-m0-stage-ii-or-iii-excludes-stage-iv": (
        "* Cytologically or histologically proven NSCLC\n* T2-4 N0-3 M0 disease (stage II or III, inoperable)", "",
        "PET Response During Chemoradiation of Lung Cancer", ALL_EX),
    "locally-recurrent-stage-iii-is-not-metastatic": (
        "* Patients must have histologically or cytologically documented diagnosis of NSCLC with a locally advanced, "
        "or locally recurrent, unresectable (stage III) disease", "", "", ALL_EX),
    "resectable-stage-ib-iiia-excludes-stage-iv": (
        "* Previously untreated, histologically confirmed resectable stage IB-IIIA NSCLC (AJCC 9th edition staging);",
        "* Presence of locally advanced unresectable or metastatic disease;",
        "Tislelizumab Combined With Thoracic Radiotherapy as Neoadjuvant Therapy for Resectable NSCLC", ALL_EX),
    "unicode-numerals-stage-ia2-ii-resected-excludes": (
        "* Stage IA2-II non-small cell cancer patients who after complete resection.", "",
        "Adaptive Therapy for Resected Stage ⅠA2-Ⅱ NSCLC Patients With Undetectable MRD", ALL_EX),
    "stage-iiib-or-iv-takes-stage-iv": (
        "* Histologically or cytologically confirmed non-small cell lung cancer, stage IIIB or IV", "", "", ALL_EL),
    "stage-iii-b-slash-iv-with-space-takes-stage-iv": (
        "* Histologically confirmed Stage III B/IV NSCLC", "", "", ALL_EL),
    "operable-after-discussion-is-early": (
        "* histological diagnosis of NSCLC technically operable following multidisciplinary discussion", "", "",
        ALL_EX),
    "stage-iiib-c-or-iv-letter-list-takes-stage-iv": (
        "* Have histologically- or cytologically-confirmed diagnosis of StageIIIB/C or IV NSCLC.", "", "", ALL_EL),
    "unicode-stage-iiib-to-iv-non-squamous": (
        "* Histological/cytological confirmed unresectable stage ⅢB～Ⅳ non-squamous NSCLC", "", "", NON_SQUAMOUS),
    "locally-advanced-or-metastatic-takes-stage-iv": (
        "* Histologically or cytologically confirmed locally advanced or metastatic NSCLC, who is not suitable for "
        "radical surgery or radiotherapy.", "", "", ALL_EL),
    "not-amenable-to-curative-surgery-is-not-early": (
        "* Histologically or cytologically documented, locally advanced or metastatic NSCLC not amenable to curative "
        "surgery or radiotherapy", "", "", ALL_EL),
    "prior-adjuvant-therapy-allowed-is-not-early": (
        "* Stage IV NSCLC;\n* Prior adjuvant and neo-adjuvant therapy is permitted if performed more than 12 months "
        "before registration;", "", "", ALL_EL),
    "treated-for-stage-i-iii-is-not-the-enrolled-stage": (
        "* Stage IIIB or IV NSCLC\n* Disease relapse within 6 months after adjuvant platinum-based chemotherapy for "
        "stage I-III NSCLC", "", "", ALL_EL),
    "oligometastatic-count-is-unknown": (
        "* Stage IV metastatic disease\n* Patients with 1 to 5 metastases in total, in no more than 3 organs", "", "",
        (UN, UN, UN, UN)),
    "oligometastatic-consolidation-is-stage-iv-not-early": (
        "* Oligometastatic NSCLC", "", "Local Consolidative Therapy for Oligometastatic NSCLC", (UN, UN, UN, UN)),
    "with-or-without-distant-metastases-is-not-a-limit": (
        "* NSCLC with or without distant metastases", "", "", ALL_EL),
    "no-stage-stated-is-eligible": (
        "* Histologically or cytologically confirmed diagnosis of NSCLC", "", "", ALL_EL),
    "metastatic-excluded-in-exclusions": (
        "* Histologically confirmed NSCLC", "* Evidence of distant metastases", "", ALL_EX),
    "brain-metastatic-disease-exclusion-is-not-stage": (
        "* Stage IV NSCLC", "* Known uncontrolled or symptomatic central nervous system metastatic disease.", "",
        ALL_EL),
    "liver-metastases-lab-limit-is-not-stage": (
        "* Stage IV NSCLC\n* ALT ≤2.5 × ULN in patients without liver metastases", "", "", ALL_EL),
    "non-squamous-inclusion-excludes-squamous": (
        "* Histologically or cytologically confirmed diagnosis of non-squamous-cell non-small cell lung cancer "
        "(NSCLC) Stage IV", "", "", NON_SQUAMOUS),
    "squamous-exclusion-excludes-squamous": (
        "* Pathologically diagnosed late (stage IIIB, stage IV) non-squamous non-small cell lung cancer",
        "* 1. Squamous cell carcinoma (including adenosquamous carcinoma); Small cell lung carcinoma", "",
        NON_SQUAMOUS),
    "squamous-over-ten-percent-excluded": (
        "* Stage IV NSCLC", "* Squamous cell > 10%. If small cell types are present, the subject is not eligible.", "",
        NON_SQUAMOUS),
    "skin-squamous-cancer-bullet-is-not-histology": (
        "* Stage IV NSCLC", "* Any previous malignancy except adequately treated basal or squamous cell carcinoma of "
        "the skin", "", ALL_EL),
    "adenocarcinoma-title-only-excludes-squamous": (
        "", "", "A Retrospective Study in Patients With Advanced Non Small Cell Lung Cancer (NSCLC) of "
        "Adenocarcinoma Histology", (EL, EX, EX, UN)),
    "squamous-only-trial-excludes-adenocarcinoma": (
        "* Stage IV squamous cell carcinoma of the lung", "", "", (EX, EL, EX, UN)),
    "squamous-or-non-squamous-is-any-histology": (
        "* Stage IV squamous or non-squamous NSCLC", "", "", ALL_EL),
    "non-squamous-testing-rule-is-not-a-limit": (
        "* Stage IV NSCLC\n* Participants with nonsquamous tumors were required to have available genetic testing "
        "to confirm without EGFR, ALK, or ROS1 driver mutations;", "", "", ALL_EL),
    "cohort-only-histology-limit-is-unknown": (
        "* Stage IV NSCLC\n* Cohort A: non-squamous NSCLC\n* Cohort B: NSCLC with EGFR mutation", "", "",
        (EL, UN, EL, UN)),
    "small-cell-lung-cancer-only-trial-excluded": (
        "* Histologically confirmed extensive-stage SCLC", "", "Study in Extensive-Stage Small Cell Lung Cancer",
        ALL_EX),
    "solid-tumour-basket-takes-nsclc": (
        "* Advanced or metastatic solid tumor", "", "Drug X in Advanced Solid Tumors", ALL_EL),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "title", "expected"), CASES.values(), ids=CASES.keys())
def test_disease_rule(inclusion: str, exclusion: str, title: str, expected: tuple[str, ...]) -> None:
    # The registry's condition list usually repeats the title's disease; NSCLC when no title is given.
    text = trial(inclusion, exclusion, title, (title,)) if title else trial(inclusion, exclusion)
    assert verdicts(text) == expected


def test_missing_histology_is_unknown_for_a_histology_limit() -> None:
    rules = disease.parse(trial("* Stage IV non-squamous NSCLC"))
    assert disease.check(rules, Profile(stage="IV", histology=None)).verdict == UN


def test_finding_quotes_the_sentence_and_explains() -> None:
    rules = disease.parse(trial("* Stage II/III non-operable disease"))
    finding = disease.check(rules, Profile(stage="IV", histology="adenocarcinoma"))
    assert finding.verdict == EX
    assert finding.evidence == "Stage II/III non-operable disease"
    assert "stage IV" in finding.reason


def test_rules_survive_a_json_round_trip() -> None:
    rules = disease.parse(trial("* Stage IIIB/IV non-squamous NSCLC", "* Squamous cell histology"))
    assert json.loads(json.dumps(rules)) == rules


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000), st.text(max_size=200))
def test_parse_never_raises_and_stays_fast(body: str, title: str) -> None:
    text = TrialText(nct_id="X", title=title, conditions=(title[:50],), criteria=tuple(split_criteria(body)))
    started = time.perf_counter()
    rules = disease.parse(text)
    assert time.perf_counter() - started < 0.5
    json.dumps(rules)
    for histology in (*HISTOLOGIES, None):
        disease.check(rules, Profile(stage="IV", histology=histology))


WORDS = ["stage", " IV", " III", "B", "/", "-", " or", " non", "-squamous", " squamous", " metastatic", " advanced",
         " locally", " resectable", " not", " no", " M0", " cell", " small", " lung cancer", " NSCLC", ",", ". ", " "]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=600))
def test_parse_survives_long_stage_like_noise(tokens: list[str]) -> None:
    body = "".join(tokens)
    started = time.perf_counter()
    disease.parse(trial(body, body, body[:300]))
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("sentence", ["metastatic ", "no metastatic disease ", "stage I-", "non-squamous resectable "])
def test_parse_is_linear_on_long_repetitive_criteria(sentence: str) -> None:
    body = sentence * (60_000 // len(sentence))
    started = time.perf_counter()
    disease.parse(trial(f"* {body}", f"* {body}", body[:2000]))
    assert time.perf_counter() - started < 3.0
