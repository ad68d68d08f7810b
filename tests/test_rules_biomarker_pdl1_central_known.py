"""A PD-L1 result of any level that the trial's own laboratory produces at screening ("Known tumor PD-L1 status as
determined by the SP263 assay performed by a central laboratory"): every patient will have one, so a patient without
a result yet is not held back. Before, it read as "a PD-L1 result (any level)" and a patient without one was a
question. Keyed on the central or screening test only: "Known PD-L1 expression (any value)" stays a question (the
convention of synthP kind 11), and so does a local laboratory's result.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, verdict

NO_PDL1 = patient("RET:fusion")
PDL1_LOW = patient(pdl1=5)

CENTRAL = [
    "Known tumor PD-L1 status as determined by the SP263 assay performed by a central laboratory",
    "PD-L1 status must be known, as assessed centrally (22C3 pharmDx)",
    "Documented PD-L1 result from central testing at screening",
    "PD-L1 expression status determined at screening by the central laboratory, any value",
    "Available PD-L1 result (TPS, any level) - tested by the sponsor's central lab before enrolment",
    "Known PD-L1 expression level, with the test done centrally during screening",
]


@pytest.mark.parametrize("sentence", CENTRAL)
def test_a_result_the_trial_makes_itself_holds_nobody_back(sentence: str) -> None:
    assert verdict(inc(sentence), NO_PDL1) == "eligible"
    assert verdict(inc(sentence), PDL1_LOW) == "eligible"


# ---- near-misses ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Known PD-L1 expression (any value)",
    "Known PD-L1 status determined by a local laboratory",
    "Known PD-L1 status, from a central or local laboratory",
])
def test_a_result_the_patient_brings_is_still_a_question_without_one(sentence: str) -> None:
    assert verdict(inc(sentence), NO_PDL1) == "unknown"


def test_a_central_level_is_still_a_level() -> None:
    text = inc("PD-L1 TPS >= 50% confirmed by a central laboratory")
    assert verdict(text, PDL1_LOW) == "excluded"
    assert verdict(text, NO_PDL1) == "unknown"
