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


NO_STAGE_IV = {  # near misses: the qualifier is followed by no further stage
    "iiia-or-iiib": "* Stage IIIA (N2 disease) or IIIB NSCLC",
    "qualified-only": "* Stage IIIB (with pleural effusion) NSCLC",
    "node-count": "* Stage III with 1-4 involved nodes",
    "two-effusions": "* Stage IIIB with pleural effusion or pericardial effusion",
    "t-or-n": "* Stage IIIB (T4 or N3) NSCLC not amenable to surgery",
}


@pytest.mark.parametrize("inclusion", NO_STAGE_IV.values(), ids=NO_STAGE_IV.keys())
def test_a_qualified_stage_iii_alone_stays_stage_iii(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_EX


def test_a_stage_iv_patient_of_a_qualified_list_with_histology_limit() -> None:
    adeno, squamous, _, _ = verdicts(trial("* Non-squamous NSCLC, stage IIIB (with pleural effusion) or IV"))
    assert (adeno, squamous) == (EL, EX)
