"""Disease kinds a red-team probe found: trials for large cell neuroendocrine carcinoma, or for NSCLC transformed
to small cell, under a header that says NSCLC or lung cancer. Invented sentences only."""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, ALL_UN, EL, EX, UN, trial, verdicts

NEUROENDOCRINE = (EX, EX, UN, UN)  # adenocarcinoma, squamous out; a large cell or unspecified NSCLC may be one


@pytest.mark.parametrize("sentence", [
    "Histologically confirmed large cell neuroendocrine carcinoma (LCNEC) of the lung",
    "Metastatic pulmonary large-cell neuroendocrine carcinoma, histologically documented",
    "Pathologically documented pulmonary LCNEC, stage IV",
])
@pytest.mark.parametrize("title", ["A Study of Drug X in Advanced Lung Cancer", "A Study of Drug X in NSCLC"])
def test_neuroendocrine_trial(sentence: str, title: str) -> None:
    assert verdicts(trial(f"* {sentence}\n* Measurable disease\n", title=title)) == NEUROENDOCRINE


@pytest.mark.parametrize("sentence", [
    "NSCLC that has transformed to small cell lung cancer after EGFR TKI",
    "EGFR-mutant NSCLC with histologic transformation to small cell carcinoma",
    "Non-small cell lung cancer with documented small cell transformation on re-biopsy",
])
@pytest.mark.parametrize("title", ["A Study of Drug X in Advanced Lung Cancer", "A Study of Drug X in NSCLC"])
def test_transformed_to_small_cell_is_a_question(sentence: str, title: str) -> None:
    assert verdicts(trial(f"* {sentence}\n", title=title)) == ALL_UN


@pytest.mark.parametrize("inclusion", [
    "* Stage IV NSCLC, including large cell neuroendocrine carcinoma\n",
    "* Stage IV NSCLC or large cell neuroendocrine carcinoma of the lung\n",
    "* Patients with LCNEC are eligible\n* Metastatic disease\n",
    "* Stage IV EGFR-mutant NSCLC (small cell transformation allowed)\n",
    "* Stage IV NSCLC without evidence of small cell transformation\n",
    "* Cohort B: histologically confirmed LCNEC of the lung\n* Cohort A: NSCLC\n",
])
def test_nsclc_trials_naming_them_stay_open(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_EL


@pytest.mark.parametrize("exclusion", [
    "* Large cell neuroendocrine carcinoma\n",
    "* Transformation to small cell lung cancer\n",
])
def test_excluding_them_leaves_nsclc_open(exclusion: str) -> None:
    assert verdicts(trial("* Stage IV NSCLC\n", exclusion))[:2] == (EL, EL)


def test_histology_list_naming_lcnec_leaves_large_cell_a_question() -> None:
    text = trial("* Histologically confirmed NSCLC (adenocarcinoma, squamous or large cell neuroendocrine carcinoma)\n")
    assert verdicts(text) == (EL, EL, UN, UN)
