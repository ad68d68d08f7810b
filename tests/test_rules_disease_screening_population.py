"""Disease, N kind 10: a screening or prevention trial enrols people WITHOUT lung cancer. "No prior lung cancer"
beside "At high risk for lung cancer due to tobacco use" and "No symptoms suggestive of lung cancer" was read as
open to NSCLC: the risk and symptom mentions were taken for an inclusion of people with lung cancer (cases and
controls), which cancelled the "no lung cancer" rule. Such mentions take nobody with lung cancer; "at high risk for
lung cancer" is itself a screening population."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EL, ALL_EX, trial, verdicts

SCREENING = [
    "At high risk for lung cancer due to tobacco use // No prior lung cancer // "
    "No symptoms suggestive of lung cancer",
    "Current or former smoker at increased risk of lung cancer // No history of lung cancer",
    "High risk for developing lung cancer (30 pack-years or more) // No signs suspicious for lung cancer",
    "Elevated risk of lung carcinoma by the PLCOm2012 model",
    "No known lung cancer // No medical condition that would preclude procedures for lung cancer",
    "Never diagnosed with NSCLC // Eligible for screening for lung cancer by low-dose CT",
]


@pytest.mark.parametrize("inclusion", SCREENING)
def test_a_screening_population_excludes_lung_cancer(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title="Low-Dose CT in Heavy Smokers")) == ALL_EX


NEAR = [
    # People with lung cancer are taken: a case named outside a risk or screening phrase.
    "Stage IV NSCLC // No symptoms suggestive of lung cancer progression in the brain",
    "Patients with NSCLC at high risk of lung cancer recurrence after resection // Stage IV disease",
    "Histologically confirmed lung cancer // No prior lung cancer surgery",
    "Metastatic NSCLC // Patients at high risk for lung cancer related death",
]


@pytest.mark.parametrize("inclusion", NEAR)
def test_near_misses_that_take_lung_cancer_stay_open(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion))) == ALL_EL
