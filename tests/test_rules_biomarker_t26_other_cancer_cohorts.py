"""Basket cohorts of other cancers that were not known as such ("Cohort A: anal squamous cell carcinoma", "Cohort C:
neuroendocrine tumors of the lung, appendix or pancreas", "Cohort E: cervical squamous cell cancer"): none of them
takes an NSCLC patient, so a marker asked by the one cohort open to any solid tumour ("Cohort K: any solid tumour that
is MSI-H") is a question for them. Before, an unrecognised cohort with no marker rule let everyone in.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, NO_DRIVER, inc, verdict

OTHER = [
    "Cohort A: squamous cell carcinoma of the anal canal",
    "Cohort B: well-differentiated neuroendocrine tumours of the lung, small bowel or pancreas",
    "Cohort C: recurrent cervical squamous cell carcinoma",
    "Cohort D: vulvar squamous cell cancer",
    "Cohort E: salivary gland adenocarcinoma",
    "Cohort F: atypical lung carcinoid",
    "Cohort G: penile carcinoma",
]


@pytest.mark.parametrize("other", OTHER)
def test_another_cancers_cohort_opens_no_way_in(other: str) -> None:
    text = inc("Advanced solid tumour of one of these types:", other,
               "Cohort K: any advanced solid tumour that is MSI-H or dMMR by local testing")
    assert verdict(text, NO_DRIVER) == "unknown"
    assert verdict(text, EGFR_19) == "unknown"


@pytest.mark.parametrize("own", [
    "Cohort A: large cell neuroendocrine carcinoma of the lung",  # an NSCLC-like histology some trials take
    "Cohort A: non-small cell lung cancer after platinum",
    "Cohort A: advanced lung adenocarcinoma",
])
def test_a_lung_cancer_cohort_still_opens_a_way_in(own: str) -> None:
    text = inc("Advanced solid tumour of one of these types:", own,
               "Cohort K: any advanced solid tumour that is MSI-H or dMMR by local testing")
    assert verdict(text, NO_DRIVER) == "eligible"
