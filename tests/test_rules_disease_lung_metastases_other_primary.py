"""Disease, Z kind 4: a trial for cancers spread TO the lung from another primary. The inclusion names the primary as
not the lung's ("a non-lung primary", "(not primary lung cancer)", "primary tumour other than lung") and the exclusion
shuts lung cancer out with its kinds in brackets ("Primary lung cancer (NSCLC or SCLC)"). Both were lost: the bracket
broke the tumour-type ban, and the inclusion's "primary lung cancer" was read as lung cancer taken, so an NSCLC
patient was left eligible for a SABR trial of lung metastases from colorectal or other primaries."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EL, ALL_EX, trial, verdicts

TITLE = "Stereotactic Radiotherapy for Pulmonary Oligometastases"
CONDITIONS = ("Lung Metastases", "Oligometastatic Disease")


def _sabr(inclusion: str, exclusion: str = "Pregnancy") -> tuple[str, ...]:
    text = trial(bullets(inclusion), bullets(exclusion), TITLE, CONDITIONS)
    return verdicts(text)


NON_LUNG_PRIMARY = [
    "Cytologically confirmed cancer from a non-haematological primary (not a primary lung cancer)",
    "Pulmonary metastases from a non-lung primary, each 4 cm or less",
    "Oligometastases to the lung (1-5) from a primary tumour other than lung, with the primary controlled",
    "Lung metastases of any non-pulmonary primary solid tumour",
    "Up to three lung metastases from an extrapulmonary primary malignancy",
    "Patients who have 1-3 pulmonary metastases of non-lung origin can be enrolled",
    "Metastatic disease to the lung from a solid tumour, excluding primary lung cancer",
]


@pytest.mark.parametrize("inclusion", NON_LUNG_PRIMARY)
def test_a_primary_named_as_not_the_lung_shuts_lung_cancer_out(inclusion: str) -> None:
    assert _sabr(f"Age 18 or over // {inclusion} // ECOG 0-2") == ALL_EX


LUNG_CANCER_KINDS_BANNED = [
    "Primary lung cancer (NSCLC or SCLC)",
    "Known primary lung cancer (non-small cell or small cell)",
    "Primary lung cancer (NSCLC, SCLC)",
    "Primary lung malignancy",
    "Primary lung cancer of any histology",
    "Patients with primary lung cancer are not allowed to be enrolled",
    "Primary lung cancer (small cell or non-small cell) cannot be included",
]


@pytest.mark.parametrize("exclusion", LUNG_CANCER_KINDS_BANNED)
def test_lung_cancer_of_either_kind_as_an_exclusion_bullet(exclusion: str) -> None:
    assert _sabr("Up to 3 pulmonary metastases, each 5 cm or less", f"{exclusion} // Pregnancy") == ALL_EX


SPREAD_FROM_ANOTHER_CANCER = [
    "Pulmonary oligometastases from histologically confirmed colorectal cancer, primary resected",
    "Histologically confirmed colorectal adenocarcinoma with 1-5 lung metastases",
    "Histologically proven soft tissue sarcoma metastatic to the lung",
]


@pytest.mark.parametrize("inclusion", SPREAD_FROM_ANOTHER_CANCER)
def test_the_lung_as_a_site_of_another_cancer_names_no_lung_cancer(inclusion: str) -> None:
    assert _sabr(inclusion) == ALL_EX


# Near-misses: a lung cancer trial that shuts out lung metastases of other cancers stays a lung cancer trial; NSCLC
# with lung metastases is NSCLC; a trial taking lung cancer beside other primaries' metastases takes it; a history
# rule's "primary tumour other than lung" says nothing of the cancer taken.
@pytest.mark.parametrize(("inclusion", "exclusion", "title"), [
    ("Stage IV NSCLC with lung metastases", "Lung metastases from another primary tumour", "A Study in NSCLC"),
    ("Lung metastases from NSCLC or from a non-lung primary", "Pregnancy", TITLE),
    ("Lung cancer, or pulmonary metastases from an extrapulmonary primary", "Pregnancy", TITLE),
    ("Confirmed lung cancer // History of a primary tumour other than lung within 5 years is not allowed",
     "Pregnancy", "Lung Cancer Study"),
    ("Histologically confirmed NSCLC or colorectal cancer with lung metastases", "Pregnancy", TITLE),
    ("Primary lung cancer with up to 3 pulmonary metastases", "Primary lung cancer (EGFR-mutant)", TITLE),
])
def test_near_misses_keep_lung_cancer_taken(inclusion: str, exclusion: str, title: str) -> None:
    text = trial(bullets(inclusion), bullets(exclusion), title, CONDITIONS)
    assert verdicts(text) == ALL_EL
