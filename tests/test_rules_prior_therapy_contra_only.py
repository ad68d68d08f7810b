"""A contraindication as the only way around a required treatment ("..., unless contraindicated", "(unless medically
contraindicated)", "or have it contraindicated", "unless there is a contraindication to these"): a patient without the
treatment is excluded, since a profile states what was given and states no contraindication. Sets R and Z and the
shared NCT06451497 label it so (set Z kind 7; the convention of 4ee1127 gave unknown). Another open escape beside it
("or ineligible", "or declined", "not medically indicated") keeps the sentence a question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_CHEMO_IO = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
_TKI = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
_NAIVE = {"prior_therapies": [], "prior_lines": 0}

CONTRA_ONLY = [
    "Participants must have progressed after prior platinum-based chemotherapy and an anti-PD-1/PD-L1 agent (given "
    "together or in sequence), unless contraindicated",
    "Disease progression on a platinum doublet and a checkpoint inhibitor (unless medically contraindicated)",
    "Must have received carboplatin or cisplatin plus an immune checkpoint inhibitor, unless there is a "
    "contraindication to these",
    "Subjects should have relapsed after platinum-containing chemotherapy and immunotherapy, unless "
    "clinically contraindicated",
    "Prior pembrolizumab, nivolumab or atezolizumab with platinum chemotherapy [unless contraindicated]",
    "Progressed on platinum-based chemotherapy and anti-PD-1 therapy, or have them contraindicated",
]


@pytest.mark.parametrize("sentence", CONTRA_ONLY)
def test_the_treated_patient_is_in(sentence: str) -> None:
    assert prior_verdict(_CHEMO_IO, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", CONTRA_ONLY)
@pytest.mark.parametrize("patient", [_TKI, _NAIVE])
def test_a_patient_without_the_treatment_is_out(sentence: str, patient: dict[str, object]) -> None:
    assert prior_verdict(patient, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Progressed after platinum-based chemotherapy and an anti-PD-1 agent, unless contraindicated or ineligible",
    "Prior platinum doublet and a checkpoint inhibitor (unless contraindicated or declined by the patient)",
    "Disease progression on platinum chemotherapy unless contraindicated, or patients who refused chemotherapy",
    "Must have received an anti-PD-(L)1 antibody, unless contraindicated or not medically indicated",
])
def test_another_escape_keeps_the_question(sentence: str) -> None:
    assert prior_verdict(_TKI, [sentence]) == "unknown"
