"""Disease rules on kinds of wording met in two blind sets, with invented sentences and near misses.

- A stage list goes on past a qualifier of one of its stages: "Stage IIIB (with pleural effusion) or IV disease"
  takes stage IV whatever qualifies the stage IIIB alternative.
- A histology named in a "For <histology> NSCLC(s) [and ...]," lead-in is the condition of the rule that follows
  (a marker rule), not a histology the trial requires.
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, ALL_EX, EL, EX, trial, verdicts

# ---------------------------------------------------------------- 1. a qualified stage, then more stages
QUALIFIED_THEN_IV = {
    "bracket": "* Stage IIIB (with pleural effusion) or IV disease",
    "bare-with": "* Stage IIIB with pleural effusion or IV disease",
    "wet": "* Stage IIIB (wet) or stage IV non-small cell lung cancer",
    "comma-or": "* Stage IIIB with malignant pericardial effusion, or stage IV NSCLC",
    "unresectable": "* Histologically confirmed stage III (unresectable) or IV NSCLC",
    "slash": "* Stage IIIB (T4 due to effusion)/IV NSCLC",
}


@pytest.mark.parametrize("inclusion", QUALIFIED_THEN_IV.values(), ids=QUALIFIED_THEN_IV.keys())
def test_stage_iv_after_a_qualified_stage_is_taken(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_EL


# near misses: the qualifier is followed by no further stage. (A stage IIIB whose qualifier is an effusion is M1a
# today, part of stage IV: see test_rules_disease_biomarker_session18_kinds.py.)
NO_STAGE_IV = {
    "iiia-or-iiib": "* Stage IIIA (N2 disease) or IIIB NSCLC",
    "node-count": "* Stage III with 1-4 involved nodes",
    "t-or-n": "* Stage IIIB (T4 or N3) NSCLC not amenable to surgery",
}


@pytest.mark.parametrize("inclusion", NO_STAGE_IV.values(), ids=NO_STAGE_IV.keys())
def test_a_qualified_stage_iii_alone_stays_stage_iii(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_EX


def test_a_stage_iv_patient_of_a_qualified_list_with_histology_limit() -> None:
    adeno, squamous, _, _ = verdicts(trial("* Non-squamous NSCLC, stage IIIB (with pleural effusion) or IV"))
    assert (adeno, squamous) == (EL, EX)


# ---------------------------------------------------------------- 2. "For <histology> NSCLC(s) [and ...]," lead-ins
LEAD_INS = {
    "two-groups": ("* For non-squamous NSCLCs and non-smoking squamous NSCLCs, no known activating mutations of EGFR "
                   "and no ALK or ROS-1 rearrangements."),
    "other-than": ("* For Non-Small Cell Lung Cancer (NSCLC) tumors other than squamous cell histology, the epidermal "
                   "growth factor receptor (EGFR) mutation status is known"),
    "patients-with": "* For patients with adenocarcinoma histology, EGFR and ALK status must be known",
    "colon": "* For non-squamous NSCLC: documented absence of EGFR mutation and ALK rearrangement",
    "never-smokers": "* For squamous cell carcinoma and never-smokers with adenocarcinoma, no sensitising KRAS or BRAF "
                     "alteration",
}


@pytest.mark.parametrize("inclusion", LEAD_INS.values(), ids=LEAD_INS.keys())
def test_a_histology_in_a_for_lead_in_is_a_condition(inclusion: str) -> None:
    assert verdicts(trial(f"* Stage IV NSCLC\n{inclusion}")) == ALL_EL


NOT_LEAD_INS = {  # near misses: the histology is what the trial takes
    "for-inclusion": "* For inclusion, patients must have non-squamous NSCLC",
    "for-this-study": "* For this study, histologically confirmed non-squamous NSCLC",
    "for-whom": "* Non-squamous NSCLC, for whom EGFR testing is negative",
    "stage-lead-in": "* For stage IV disease, non-squamous histology is required",
}


@pytest.mark.parametrize("inclusion", NOT_LEAD_INS.values(), ids=NOT_LEAD_INS.keys())
def test_a_histology_after_a_lead_in_is_still_required(inclusion: str) -> None:
    adeno, squamous, large, _ = verdicts(trial(inclusion))
    assert (adeno, squamous, large) == (EL, EX, EL)


def test_a_lead_in_with_a_separate_histology_limit() -> None:
    inclusion = ("* Stage IV adenocarcinoma of the lung\n"
                 "* For non-squamous NSCLCs and squamous NSCLCs of never-smokers, no known EGFR mutation")
    adeno, squamous, _, _ = verdicts(trial(inclusion))
    assert (adeno, squamous) == (EL, EX)
