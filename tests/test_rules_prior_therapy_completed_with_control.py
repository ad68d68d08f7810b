"""'Completed first-line chemotherapy with stable disease or better': a maintenance entry whose phase's result is
said as disease control (stable disease, response, non-progressive disease) rather than "without progression". It
set no rule; read like the "without progression" kind (current._stable_after_rules): the phase is asked for, an
untreated patient is out, a patient whose listed line is that phase is a question (round 1's reading), one who has
moved on to a later line is out."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
ONE_LINE: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
TWO_LINES: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"],
                             "prior_lines": 2}

CONTROLLED = [
    "Completed first-line platinum-based chemotherapy with stable disease or better.",
    "Patients who have completed 4 cycles of first-line chemo-immunotherapy and achieved disease control (CR, PR or "
    "SD).",
    "Completion of induction chemotherapy (4 cycles of carboplatin/etoposide) with a response or stable disease.",
    "Must have received front-line systemic therapy, with complete response, partial response or stable disease",
    "After definitive chemoradiotherapy (concurrent or sequential) with non-progressive disease.",
    "Subjects who completed 1st-line treatment (e.g., pembrolizumab plus pemetrexed) having achieved stable "
    "disease (SD) or better.",
]


@pytest.mark.parametrize("sentence", CONTROLLED)
def test_maintenance_entry_by_disease_control(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "excluded"
    assert prior_verdict(ONE_LINE, inclusion=[sentence]) == "unknown"
    assert prior_verdict(TWO_LINES, inclusion=[sentence]) == "excluded"


# Near-misses: stable disease of brain metastases, stable disease with no earlier phase named, and the same words
# with the sentence's end saying no keep their reading.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Treated brain metastases are allowed if stable disease for 4 weeks after radiotherapy.", NAIVE, "eligible"),
    ("Stable disease for at least 8 weeks.", NAIVE, "eligible"),
    ("Measurable disease; stable disease is allowed.", ONE_LINE, "eligible"),
    ("Completed first-line treatment with no progression.", NAIVE, "excluded"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == expected
