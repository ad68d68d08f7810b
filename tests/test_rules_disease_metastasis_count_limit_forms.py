"""Disease, U kind 1: a cap on the number of metastases in the ways registry text writes it ("Stage IV disease with 3
or fewer metastatic lesions", "metastatic lesions <= 3", "the number of metastatic lesions is not more than 5", an
exclusion's "more than 3 metastatic sites") is a limit no profile settles: stage IV is a question. Before, only "up to
/ no more than N metastases" and "N metastases or fewer" were read, and the trial took every stage IV patient."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EL, ALL_UN, trial, verdicts

INCLUSION_CAPS = [
    "Stage IV NSCLC (AJCC 7th edition) with 3 or fewer metastatic lesions (not counting the primary) remaining after "
    "first-line chemotherapy",
    "Metastatic NSCLC with five or less sites of metastatic disease on PET-CT",
    "Oligometastatic NSCLC, e.g. no more than 4 extracranial metastases in bone, adrenal or liver",
    "Patients with advanced NSCLC whose number of metastatic lesions is not more than 5 can be enrolled",
    "Stage IVA-IVB lung cancer (EGFRm), metastatic lesions <= 3",
    "Cohort 2a: up to 4 distant metastatic sites, all amenable to SBRT",
    "Part B1 - metastatic NSCLC with a maximum of three synchronous metastases",
    "Stage IV NSCLC with 2 metastases or fewer at diagnosis",
]


@pytest.mark.parametrize("inclusion", INCLUSION_CAPS)
def test_a_cap_on_the_metastases_is_a_question(inclusion: str) -> None:
    assert verdicts(trial(bullets("Histologically confirmed NSCLC // " + inclusion))) == ALL_UN


EXCLUSION_CAPS = [
    "More than 3 metastatic lesions",
    "Patients with more than five distant metastases are not allowed to be enrolled",
    "> 5 sites of metastatic disease on PET-CT",
    "Greater than 4 extracranial metastases (brain lesions are counted separately)",
    "Disease with 6 or more metastases cannot be included",
    "At least 4 metastatic sites",
]


@pytest.mark.parametrize("exclusion", EXCLUSION_CAPS)
def test_an_exclusion_of_many_metastases_is_a_question(exclusion: str) -> None:
    assert verdicts(trial(bullets("Stage IV NSCLC"), bullets(exclusion))) == ALL_UN


# Near-misses: one organ's count (the brain rule's), a size, lines of therapy, a measurable lesion, another cancer.
NEAR = [
    ("Stage IV NSCLC // Up to 3 brain metastases, each <= 3 cm, are allowed", ""),
    ("Stage IV NSCLC // Patients with 3 or fewer brain metastases may enrol", ""),
    ("Stage IV NSCLC // Brain metastases <= 3 cm treated with SRS", ""),
    ("Stage IV NSCLC // No more than 3 metastases to the brain", ""),
    ("Stage IV NSCLC // At least 1 measurable lesion per RECIST 1.1", ""),
    ("Metastatic NSCLC with 2 or more prior lines of therapy", ""),
    ("Stage IV NSCLC // No more than 2 prior regimens for metastatic disease", ""),
    # an inclusion's floor asks for what nearly any stage IV patient has (one lesion to irradiate, one to measure)
    ("Advanced NSCLC // At least two metastatic lesions: one suitable for SBRT and one measurable outside the field",
     ""),
    ("Stage IV NSCLC // 2 or more metastatic sites, one of them amenable to biopsy", ""),
    ("Stage IV NSCLC", "More than 3 brain metastases"),
    ("Stage IV NSCLC", "Prior malignancy with more than 3 metastatic sites within 5 years"),
]


@pytest.mark.parametrize(("inclusion", "exclusion"), NEAR)
def test_near_misses_count_something_else(inclusion: str, exclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), bullets(exclusion))) == ALL_EL
