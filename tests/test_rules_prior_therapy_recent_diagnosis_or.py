"""An either/or about when a patient comes: "Diagnosed with advanced disease within the previous 12 weeks, or with
progression on any line of systemic therapy within the previous 8 weeks". The windows made the sentence "timed", so
the untreated first way was never read and the second alone ("progression on any line") shut out every untreated
patient. A recent diagnosis is the untreated patient's way in beside the other, as "newly diagnosed or ..." already
was; its window dates the diagnosis and is assumed met.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE = {"prior_therapies": [], "prior_lines": 0}
CHEMO = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}

EITHER_OR = [
    "Diagnosed with advanced disease within the previous 12 weeks, or with radiological progression on any line of "
    "systemic therapy within the previous 8 weeks.",
    "Diagnosis of metastatic NSCLC within the past 3 months, or disease progression on systemic treatment in the "
    "last 6 weeks",
    "Recently diagnosed stage IV lung cancer, or progressed after at least one prior line of chemotherapy",
    "Patients diagnosed with incurable NSCLC within the last 8 weeks or who have progressed on first-line treatment "
    "within the last 4 weeks",
    "Diagnosed with advanced non-small cell lung cancer in the past two months, or relapsed after prior systemic "
    "therapy",
    "Either progression on any prior line of systemic therapy within 8 weeks, or diagnosed with advanced disease "
    "within the previous 12 weeks",
]


@pytest.mark.parametrize("inclusion", EITHER_OR)
def test_untreated_patient_has_the_recent_diagnosis_way(inclusion: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", inclusion]) == "eligible"


@pytest.mark.parametrize("inclusion", EITHER_OR)
def test_treated_patient_has_the_progression_way(inclusion: str) -> None:
    assert prior_verdict(CHEMO, inclusion=["Stage IV NSCLC", inclusion]) != "excluded"


@pytest.mark.parametrize("inclusion", [
    # No "or": the treatment asked for is asked of everyone.
    "Diagnosed with advanced NSCLC within the past 6 months and progressed after at least one prior line of "
    "platinum-based chemotherapy",
    "Must have progressed on at least one prior line of systemic therapy for advanced disease",
])
def test_near_miss_no_second_way_still_excludes_untreated(inclusion: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", inclusion]) == "excluded"
