"""Disease: studies whose people do not have a diagnosed lung cancer. Invented text only.

- Screening: an inclusion naming lung cancer as someone else's ("family history of lung cancer", "a first-degree
  relative with NSCLC", "mother or sister diagnosed with lung cancer", "spouse of a lung cancer patient", "lung cancer
  in a first-degree relative") is no case: the study's exclusion "History of lung cancer" still keeps every patient
  out. Near-misses: "family history of cancer" in a patient trial, and "Patients with NSCLC and their caregivers" (a
  dyad study that takes patients) stay eligible.
- Diagnostic: an inclusion of people whose lung cancer is only suspected or not yet diagnosed ("No histological or
  cytological diagnosis of lung cancer at inclusion", "radiological suspicion of lung cancer", "lung cancer not yet
  confirmed by biopsy", "without a confirmed pathological diagnosis of NSCLC") excludes a diagnosed patient.
  Near-misses: "Histological diagnosis of NSCLC", "suspected or confirmed NSCLC", "Suspected lung cancer scheduled for
  biopsy, or biopsy-proven NSCLC for restaging" (cases too), "suspected ILD cannot be ruled out", "rebiopsy at
  progression" stay eligible.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict


def _profile(histology: str | None) -> Profile:
    return profile_from_dict({"id": "invented", "age": 62, "sex": "female", "histology": histology, "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": [], "pdl1_tps": None,
                              "brain_metastases": "none", "prior_therapies": [], "prior_lines": 0})


PROFILES = (_profile("squamous"), _profile("adenocarcinoma"), _profile(None))


def _verdicts(inclusion: list[str], exclusion: list[str], title: str = "An invented lung study",
              conditions: tuple[str, ...] = ("Lung Cancer",)) -> set[str]:
    markdown = ("Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion)
                + "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion))
    trial = TrialText(nct_id="NCT00000000", title=title, conditions=conditions,
                      criteria=tuple(split_criteria(markdown)))
    dim = DIMENSIONS["disease"]
    rule = dim.parse(trial)
    return {dim.check(rule, patient).verdict for patient in PROFILES}


SCREENING_EXCLUSIONS = ["History of lung cancer", "Prior diagnosis of lung cancer (any stage)"]
KIN = [
    "family history of lung cancer (within third-degree relatives)",
    "A first-degree relative with NSCLC",
    "Mother, father or sister diagnosed with lung cancer",
    "Spouse of a lung cancer patient",
    "Lung cancer in a first-degree relative",
    "At least one sibling who has been diagnosed with non-small cell lung cancer",
    "Family hx of lung carcinoma",
    "household members of patients with lung cancer who never smoked",
]


@pytest.mark.parametrize("exclusion", SCREENING_EXCLUSIONS)
@pytest.mark.parametrize("risk", KIN)
def test_a_relatives_lung_cancer_is_no_case_in_a_screening_study(risk: str, exclusion: str) -> None:
    inclusion = ["Age 50 to 80 years", "Never smoker", "Has at least one of the following risk factors:", f"  * {risk}",
                 "  * cooking without ventilation"]
    assert _verdicts(inclusion, [exclusion], "Low-dose CT Screening in Never Smokers") == {"excluded"}


def test_family_history_of_cancer_in_a_patient_trial_stays_open() -> None:
    assert _verdicts(["Stage IV NSCLC", "Family history of cancer recorded"], ["Pregnancy"]) == {"eligible"}


def test_patients_and_their_caregivers_take_patients() -> None:
    assert _verdicts(["Patients with NSCLC and their caregivers", "Age 18 or over"], ["History of lung cancer"],
                     "A Support Programme for People With Lung Cancer and Their Carers") == {"eligible"}


UNDIAGNOSED = [
    ["Patient with a radiological suspicion of lung cancer on CT scan", "No histological or cytological diagnosis of "
     "lung cancer obtained at the time of inclusion"],
    ["Adults referred for bronchoscopy", "Lung cancer not yet confirmed by biopsy"],
    ["Pulmonary nodule on CT", "Patients without a confirmed pathological diagnosis of NSCLC"],
    ["Suspected primary lung cancer requiring a diagnostic biopsy"],
    ["Clinical suspicion of advanced lung cancer, stage III or IV on imaging"],
    ["Patients with a lung mass", "No histologically proven lung carcinoma yet"],
]


@pytest.mark.parametrize("inclusion", UNDIAGNOSED)
def test_a_diagnostic_study_excludes_a_diagnosed_patient(inclusion: list[str]) -> None:
    assert _verdicts(inclusion, ["Pregnancy"], "Liquid Biopsy for Suspected Lung Cancer",
                     ("Lung Cancer", "Suspected Lung Cancer")) == {"excluded"}


DIAGNOSED = [
    ["Histological diagnosis of NSCLC", "Stage IV"],
    ["Suspected or confirmed NSCLC, stage IV"],
    ["Stage IV NSCLC", "Suspected ILD cannot be ruled out at screening"],
    ["Stage IV NSCLC", "Willing to undergo rebiopsy at progression"],
    ["Advanced NSCLC with suspected recurrence of lung cancer after surgery"],
    ["Suspected lung cancer scheduled for biopsy, or biopsy-proven NSCLC of any stage for restaging"],
    ["Patients with suspected lung cancer awaiting bronchoscopy OR patients with confirmed lung cancer before a new "
     "line of therapy"],
]


@pytest.mark.parametrize("inclusion", DIAGNOSED)
def test_a_patient_trial_stays_open(inclusion: list[str]) -> None:
    assert _verdicts(inclusion, ["Pregnancy"], "Drug Q in Advanced Lung Cancer") == {"eligible"}
