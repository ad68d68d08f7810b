"""An age written "N years of age" in the same sentence as a treatment rule is an age, not a time window: "Patients
must be at least 18 years of age with NSCLC that has progressed after platinum-based chemotherapy" asks for the
platinum. Before, "18 years of" was taken for a window ("2 years of enrolment"), the sentence for a washout, and the
requirement was never read (every untreated patient was let in)."""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

AFTER_PLATINUM = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
NAIVE = {"prior_therapies": [], "prior_lines": 0}
AFTER_OSIMERTINIB = {"prior_therapies": ["osimertinib"], "prior_lines": 1}


@pytest.mark.parametrize("line", [
    "Patients must be at least 18 years of age with NSCLC that has progressed after platinum-based chemotherapy.",
    "Patients must be 18 years of age or older with NSCLC that has progressed after platinum-based chemotherapy.",
    "Men or women 20 years of age or above whose NSCLC progressed on a platinum doublet.",
    "Participants at least 19 years of age with disease progression after platinum-containing chemotherapy.",
    "Adults >= 18 years of age with NSCLC that has progressed on or after platinum chemotherapy.",
    "Subjects 18 to 75 years of age with NSCLC that progressed following platinum-based chemotherapy.",
    "At least 21 years of age, with documented progression during or after platinum-based chemotherapy.",
    "Patients over 18 years of age who have progressed after first-line platinum-based chemotherapy.",
])
def test_an_age_beside_a_progression_requirement_keeps_the_requirement(line: str) -> None:
    assert prior_verdict(AFTER_PLATINUM, inclusion=[line]) == "eligible"
    assert prior_verdict(NAIVE, inclusion=[line]) == "excluded"
    assert prior_verdict(AFTER_OSIMERTINIB, inclusion=[line]) == "excluded"


@pytest.mark.parametrize("line", [
    "No chemotherapy within 2 years of enrolment.",
    "No prior immunotherapy in the 2 years of screening.",
    "Prior chemotherapy completed more than 3 years of randomisation is allowed.",
])
def test_a_window_in_years_is_still_a_window(line: str) -> None:
    # Windows are assumed met: they never exclude, whatever the patient had.
    for patient in (AFTER_PLATINUM, NAIVE):
        assert prior_verdict(patient, exclusion=[line] if line.startswith("No") else None,
                             inclusion=None if line.startswith("No") else [line]) != "excluded"
