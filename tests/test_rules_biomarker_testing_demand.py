"""A sentence that names genes and how (or that) they must be tested, with no result, is a testing demand, never a
marker requirement.

- "EGFR and ALK according to local testing", "ROS1 and BRAF as determined by NGS", "EGFR/ALK per central laboratory":
  only the method follows bare genes. Read as a finding, every patient without EGFR or ALK was barred (inclusion) or
  every carrier (exclusion). Now nobody is barred either way.
- "EGFR and ALK must be tested", "Testing for EGFR and ALK is mandatory", "Results of EGFR/ALK testing must be
  available": in an inclusion list the test is asked for, so any result passes and only a patient with no result is in
  question (unknown, never excluded), as "EGFR and ALK status must be known" already was. Among exclusions it sets
  nothing.

Near-misses keep their verdicts: a change named ("KRAS G12C mutation by local testing"), a result said ("EGFR and ALK
negative according to local testing", "must be tested and found negative"), a testing demand for one histology or one
carrier group (the squamous patient needs no test), a waived test. Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_EX20, KRAS_G12C, NO_DRIVER, ROS1, UNTESTED, exc, inc, patient, verdict

CARRIERS_AND_OTHERS = (EGFR_19, ALK, ROS1, KRAS_G12C, NO_DRIVER, EGFR_EX20)

METHOD_ONLY = [
    "EGFR and ALK according to local testing",
    "EGFR, ALK and ROS1 (NSCLC) per central laboratory",
    "ROS1 and BRAF as determined by NGS at screening",
    "EGFR/ALK status by a validated assay in a CLIA-certified laboratory",
    "HER2 and MET based on tissue or plasma NGS (e.g. FoundationOne)",
    "KRAS, NRAS and BRAF using a local PCR-based test",
    "EGFR/ALK/ROS1 via liquid biopsy, such as Guardant360",
]


@pytest.mark.parametrize("sentence", METHOD_ONLY)
def test_method_only_is_no_requirement_in_inclusion(sentence: str) -> None:
    text = inc("Stage IV non-small cell lung cancer", sentence)
    for profile in CARRIERS_AND_OTHERS:
        assert verdict(text, profile) == "eligible", (sentence, profile.biomarkers)


@pytest.mark.parametrize("sentence", METHOD_ONLY)
def test_method_only_is_no_exclusion(sentence: str) -> None:
    text = inc("Stage IV NSCLC") + "\n" + exc(sentence)
    for profile in CARRIERS_AND_OTHERS:
        assert verdict(text, profile) == "eligible", (sentence, profile.biomarkers)


DEMANDS = [
    "EGFR and ALK must be tested",
    "ROS1 is required to be assessed before enrolment",
    "Testing for EGFR, ALK and ROS1 is mandatory",
    "EGFR/ALK testing is required",
    "Results of EGFR and ALK testing must be available prior to randomisation",
    "Tumour tissue must have been tested for EGFR, ALK, ROS1 and BRAF",
    "KRAS and BRAF need to be evaluated at a central laboratory",
]


@pytest.mark.parametrize("sentence", DEMANDS)
def test_demanded_test_asks_only_an_untested_patient(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    for profile in CARRIERS_AND_OTHERS:
        assert verdict(text, profile) == "eligible", (sentence, profile.biomarkers)
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", DEMANDS)
def test_demanded_test_among_exclusions_sets_nothing(sentence: str) -> None:
    text = inc("Stage IV NSCLC") + "\n" + exc(sentence)
    for profile in (*CARRIERS_AND_OTHERS, UNTESTED):
        assert verdict(text, profile) == "eligible", sentence


def test_named_change_with_method_still_required() -> None:
    text = inc("Stage IV NSCLC", "KRAS G12C mutation by local testing")
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR and ALK negative according to local testing",
    "No EGFR or ALK alteration according to local testing",
    "EGFR and ALK must be tested and found negative",
])
def test_result_said_is_still_a_finding(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"


def test_demand_for_one_histology_asks_that_histology() -> None:
    # a test demanded of one histology is that histology's question (test_rules_biomarker_histology_test_demand.py)
    text = inc("Stage IV NSCLC", "EGFR testing is required for non-squamous histology")
    assert verdict(text, UNTESTED) == "unknown"
    assert verdict(text, patient(histology="squamous", negative=[])) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients with an EGFR mutation must be tested for T790M",
    "Testing for EGFR and ALK is not required",
])
def test_demand_for_some_patients_or_waived_asks_nobody(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    assert verdict(text, UNTESTED) == "eligible"
    assert verdict(text, patient(histology="squamous", negative=[])) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Documented RAS alteration by a validated local test on tumour tissue",
    "EGFRm NSCLC per local laboratory",
    "KRAS-mut per local NGS",
])
def test_gene_word_carrying_its_change_is_a_finding(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    assert verdict(text, ALK) != "eligible"  # RAS: NRAS/HRAS may be untested, so unknown; never waved through
