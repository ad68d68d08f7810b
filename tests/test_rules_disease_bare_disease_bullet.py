"""Disease: an early inclusion bullet that only names other cancers, without "histologically confirmed" ("Pleural
mesothelioma or thymic carcinoma."), in a trial that names the lung nowhere, is the disease the trial takes: an NSCLC
patient is excluded, as with "Histologically confirmed malignant pleural mesothelioma". Before, without a word of
diagnosis, the trial was read as open (a miss). Invented sentences only. Near-misses: the lung named anywhere, a
basket door, a permission, or the name far down the list (a later bullet may be about something else)."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EL, ALL_EX, trial, verdicts


@pytest.mark.parametrize(("title", "inclusion"), [
    ("A Study in Thoracic Cancers", "Pleural mesothelioma or thymic carcinoma."),
    ("A Study of Drug X", "Melanoma, renal cell carcinoma or urothelial carcinoma."),
    ("A Study of Drug X", "Unresectable hepatocellular carcinoma (Child-Pugh A)."),
    ("A Phase 2 Trial of Drug Y", "Age 18 or older // Metastatic castration-resistant prostate cancer."),
    ("A Study in Thoracic Tumours", "Mesothelioma. // Thymoma."),
    ("A Study of Drug Z", "Recurrent or metastatic head and neck squamous cell carcinoma."),
])
def test_an_early_bullet_naming_only_other_cancers_excludes_nsclc(title: str, inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title=title)) == ALL_EX


@pytest.mark.parametrize(("title", "inclusion"), [
    ("A Study of Drug X in Lung Cancer", "Pleural mesothelioma or thymic carcinoma."),
    ("A Study in Thoracic Cancers", "Pleural mesothelioma or thymic carcinoma. // Non-small cell lung cancer."),
    ("A Study of Drug X", "Age 18 or older. // ECOG 0-1. // Adequate organ function. // Pleural mesothelioma."),
    ("A Study of Drug X", "Age 18 or older // Prostate cancer on active surveillance is allowed."),
    ("A Study in Solid Tumours", "Advanced HER2-positive breast or gastric cancer."),
])
def test_near_misses_stay_open(title: str, inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title=title)) == ALL_EL
