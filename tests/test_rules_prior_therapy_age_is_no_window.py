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


# The adult age floor names no subgroup: "Patients aged 18 years or older who progressed on platinum" is everyone's
# rule (all of this tool's patients are adults). Before, "patients aged 18" read as a group named by a fact prior
# therapy does not read, and the requirement became a question for every patient.
@pytest.mark.parametrize("line", [
    "Patients aged 18 years or older who progressed on prior platinum-based chemotherapy.",
    "Patients aged >= 18 with NSCLC progressing after platinum chemotherapy.",
    "Participants aged 20 years and over who have received platinum-based chemotherapy.",
    "Subjects aged at least 18 years whose disease progressed after platinum doublet chemotherapy.",
    "Patients aged 19 or older with progression following platinum-based chemotherapy.",
    "Individuals aged 21 years or above with NSCLC that progressed on platinum-containing chemotherapy.",
    "Patients aged \u2265 18 years who have progressed after a platinum-based regimen.",
    "Patients aged over 18 with progression after platinum chemotherapy.",
    # The floor without "aged": "<who> 18 years (of age) or older".
    "Patients 18 years or older who progressed on prior platinum-based chemotherapy.",
    "Subjects 18 years of age or older whose NSCLC progressed after platinum doublet chemotherapy.",
    "Participants 20 years and over who have received platinum-based chemotherapy.",
    "Patients 21 or older with progression following platinum-based chemotherapy.",
])
def test_an_adult_age_floor_names_no_subgroup(line: str) -> None:
    assert prior_verdict(AFTER_PLATINUM, inclusion=[line]) == "eligible"
    assert prior_verdict(NAIVE, inclusion=[line]) == "excluded"


@pytest.mark.parametrize("line", [
    "Patients aged 75 or older must be chemotherapy-naive.",  # a real subgroup: its rule is a question
    "Patients aged 70 years and over must not have received prior chemotherapy.",
    "Patients 75 years or older must not have received prior chemotherapy.",
    "Patients 65 years of age and older must be chemotherapy-naive.",
])
def test_an_older_age_group_stays_a_group(line: str) -> None:
    assert prior_verdict(AFTER_PLATINUM, inclusion=[line]) == "unknown"
