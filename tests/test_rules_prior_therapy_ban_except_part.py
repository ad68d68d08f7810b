"""A ban closing with an exception for one part of the trial ("Prior amivantamab, except Cohort C"): read against the
trial's parts, it does not bind the excepted part and binds every other part fully. A patient with the drug who cannot
be in the excepted part (its own rule shuts them out) is excluded (Z kind 8, PT half); one who fits the excepted part
stays in; an excepted part the trial does not name keeps the question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_AMI_NO_OSI = {"prior_therapies": ["carboplatin", "pemetrexed", "amivantamab"], "prior_lines": 1}
_AMI_AFTER_OSI = {"prior_therapies": ["osimertinib", "amivantamab"], "prior_lines": 2}
_PLATINUM = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}

_PARTS = {
    "cohort": ["Expansion:\n  * Cohort A: NSCLC previously treated with platinum-based chemotherapy\n"
               "  * Cohort B: NSCLC progressed on at least one prior systemic therapy\n"
               "  * Cohort C (drug X + osimertinib): NSCLC that progressed on osimertinib"],
    "arm": ["Arm 1: progression after platinum-based chemotherapy", "Arm 2: progression after platinum doublet",
            "Arm 3: disease progression on osimertinib"],
    "part": ["Part A: after platinum-based chemotherapy", "Part B1: after at least one prior line",
             "Part 2: progressed on osimertinib"],
}

BANS = [
    ("cohort", "Prior treatment with an EGFR x c-MET bispecific antibody (e.g., amivantamab), except Cohort C"),
    ("cohort", "Previous amivantamab therapy, except for patients enrolled in Cohort C."),
    ("arm", "Prior EGFR-MET bispecific antibody such as amivantamab, except Arm 3"),
    ("arm", "Previous treatment with amivantamab, except Arm 3"),
    ("part", "Received amivantamab before, other than Part 2"),
    ("part", "Prior anti-EGFR/MET bispecific antibody, excluding participants in Part 2"),
]


@pytest.mark.parametrize(("parts", "ban"), BANS)
def test_a_patient_outside_the_excepted_part_is_out(parts: str, ban: str) -> None:
    assert prior_verdict(_AMI_NO_OSI, _PARTS[parts], [ban]) == "excluded"


@pytest.mark.parametrize(("parts", "ban"), BANS)
def test_a_patient_fitting_the_excepted_part_is_in(parts: str, ban: str) -> None:
    assert prior_verdict(_AMI_AFTER_OSI, _PARTS[parts], [ban]) == "eligible"


@pytest.mark.parametrize(("parts", "ban"), BANS)
def test_a_patient_without_the_drug_is_in(parts: str, ban: str) -> None:
    assert prior_verdict(_PLATINUM, _PARTS[parts], [ban]) == "eligible"


@pytest.mark.parametrize("ban", [
    "Prior amivantamab, except Cohort F",
    "Prior treatment with amivantamab, except Cohort 7",
])
def test_an_exception_the_trial_does_not_name_keeps_the_question(ban: str) -> None:
    assert prior_verdict(_AMI_NO_OSI, _PARTS["cohort"], [ban]) == "unknown"
