"""Disease, N kind 20: "small cell lung cancer or a neuroendocrine carcinoma of the lung with small cell features"
closes the neuroendocrine set to the small cell kind. Large cell and unspecified NSCLC were left a question (they
may be large cell neuroendocrine carcinoma); with small cell features named, they are excluded like any NSCLC."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EX, EX, UN, trial, verdicts

SMALL_CELL_KIND = [
    "Proven small cell lung cancer or a neuroendocrine carcinoma of the lung with small cell features",
    "SCLC, or neuroendocrine carcinoma with small cell morphology",
    "Small cell lung carcinoma or a neuroendocrine tumor showing small cell histology",
    "Extensive-stage SCLC or a neuroendocrine carcinoma of the lung with small-cell features",
    "Small cell lung cancer (including neuroendocrine carcinoma with predominantly small cell differentiation)",
    "Limited-stage small cell lung cancer or neuroendocrine carcinomas of small cell type",
]


@pytest.mark.parametrize("inclusion", SMALL_CELL_KIND)
def test_small_cell_features_close_the_door_to_large_cell(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title="Radiotherapy for Small Cell Lung Cancer")) == ALL_EX


def test_near_miss_any_neuroendocrine_carcinoma_stays_a_question_for_large_cell() -> None:
    inclusion = bullets("Small cell lung cancer or high-grade neuroendocrine carcinoma of the lung")
    got = verdicts(trial(inclusion, title="Radiotherapy for Small Cell Lung Cancer"))
    assert got[0] == EX and got[2] == UN
