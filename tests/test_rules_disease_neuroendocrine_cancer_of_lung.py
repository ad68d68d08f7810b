"""Disease: "SCLC or neuroendocrine cancer of the lung, with small-cell features" was read as open to every lung
cancer: "cancer of the lung" inside a neuroendocrine name was taken for lung cancer in general. A neuroendocrine
(and small cell) qualifier limits the disease: NSCLC is excluded, and without the small cell qualifier a large cell
or unspecified NSCLC (possibly LCNEC) stays a question."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EL, ALL_EX, EX, UN, trial, verdicts

NEUROENDOCRINE_CANCER_OF_LUNG = [
    "Extensive-stage SCLC or a neuroendocrine cancer of the lungs, with small cell features",
    "Small cell lung carcinoma, or pulmonary neuroendocrine cancer with small-cell morphology",
    "SCLC or a neuroendocrine lung cancer showing small cell histology",
    "Histologically confirmed small-cell carcinoma of the lung or neuroendocrine malignancy of the lung with "
    "small cell differentiation",
    "ES-SCLC, or a neuroendocrine tumour in the lung having small-cell features",
    "Limited stage small cell lung cancer or lung neuroendocrine cancers of small cell type",
]


@pytest.mark.parametrize("inclusion", NEUROENDOCRINE_CANCER_OF_LUNG)
def test_neuroendocrine_cancer_of_the_lung_with_small_cell_features_excludes_nsclc(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title="A Study in Lung Cancer")) == ALL_EX


@pytest.mark.parametrize("inclusion", [
    "SCLC or neuroendocrine cancer of the lung",
    "Small cell lung cancer or a pulmonary neuroendocrine malignancy",
])
def test_near_miss_without_small_cell_qualifier_large_cell_stays_a_question(inclusion: str) -> None:
    got = verdicts(trial(bullets(inclusion), title="A Study in Lung Cancer"))
    assert got == (EX, EX, UN, UN)


@pytest.mark.parametrize("inclusion", [
    "NSCLC or neuroendocrine cancer of the lung",
    "Stage IV lung cancer, including neuroendocrine cancer of the lung with small cell features",
    "Lung cancer of any histology, or a neuroendocrine cancer of the lung",
])
def test_near_miss_lung_cancer_named_as_such_stays_open(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title="A Study in Lung Cancer")) == ALL_EL
