"""A contraindication named with its treatment as the only way around a required treatment ("or contraindication to
platinum", "or standard therapy is contraindicated", "or (for whom) such therapy is contraindicated"): the round-3
convention (953e457) reads it as "..., unless contraindicated": a patient without the treatment is excluded, since a
profile states what was given and states no contraindication. Another open escape beside it keeps the question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_CHEMO_IO = {"prior_therapies": ["cisplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
_TKI = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
_NAIVE = {"prior_therapies": [], "prior_lines": 0}

CONTRA_NAMED = [
    "Progression after platinum-based chemotherapy, or contraindication to platinum",
    "Must have received prior platinum doublet chemotherapy or standard therapy is contraindicated",
    "Disease progression on a platinum-containing regimen, or such therapy is contraindicated",
    "Prior carboplatin- or cisplatin-based chemotherapy, or a medical contraindication to platinum-based chemotherapy",
    "Patients who relapsed after at least one line of platinum chemotherapy or for whom chemotherapy is "
    "contraindicated",
    "Progressed on (or after) a platinum doublet, or have a contraindication to such treatment",
    "Participants should have failed platinum-based chemotherapy (PBC) or PBC therapy is clinically contraindicated",
]


@pytest.mark.parametrize("sentence", CONTRA_NAMED)
def test_the_treated_patient_is_in(sentence: str) -> None:
    assert prior_verdict(_CHEMO_IO, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", CONTRA_NAMED)
@pytest.mark.parametrize("patient", [_TKI, _NAIVE])
def test_a_patient_without_the_treatment_is_out(sentence: str, patient: dict[str, object]) -> None:
    assert prior_verdict(patient, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Progressed after platinum chemotherapy or for whom chemotherapy is contraindicated, or who refused it",
    "Progression on a platinum doublet, or such therapy is contraindicated, or patients who declined chemotherapy",
    "Prior platinum-based chemotherapy, or contraindication to platinum, or ineligible for platinum",
    "Progressed after platinum-based chemotherapy, unless the patient declined such therapy",
])
def test_another_escape_keeps_the_question(sentence: str) -> None:
    assert prior_verdict(_TKI, [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Known contraindication to platinum-based chemotherapy",
    "Patients for whom platinum therapy is contraindicated are not eligible",
])
def test_an_exclusion_about_contraindication_is_not_a_treatment_rule(sentence: str) -> None:
    assert prior_verdict(_TKI, [], [sentence]) != "excluded"
