"""Maintenance and consolidation entries: the trial takes patients who COMPLETED a phase of treatment (first-line,
initial, induction, chemoradiotherapy) without progression. An untreated patient has not had the phase; a patient
whose list counts two lines or more for advanced disease has moved past it (the first one ended). One line may be the
phase still going well: a question (a profile cannot show progression). An exclusion of progression during the phase
bans only the treated."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
TKI: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
CHEMO_IO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
TWO_LINES: dict[str, Any] = {"prior_therapies": ["cisplatin", "gemcitabine", "docetaxel"], "prior_lines": 2}
# Drugs with no line for advanced disease: given for early disease, which may be the phase the trial means.
EARLY: dict[str, Any] = {"prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0}

COMPLETED = [
    "Completion of standard first-line systemic treatment without evidence of disease progression, defined as at "
    "least 4 cycles of a platinum doublet",
    "Patients who have completed 1st-line therapy (NSCLC) with no radiological progression are eligible",
    "Induction therapy (chemotherapy, immunotherapy or both) completed, without disease progression at enrolment",
    "Must have finished front-line treatment, with no evidence of tumour progression at the time of randomisation",
    "Subjects must not have experienced disease progression after definitive concurrent chemoradiation",
    "Received sequential or concurrent radiochemotherapy and no documented progression at screening",
    "Patients after first line chemotherapy, e.g. 4-6 cycles, without signs of progression can be enrolled",
]


@pytest.mark.parametrize("text", COMPLETED)
def test_untreated_and_moved_past_are_excluded(text: str) -> None:
    assert prior_verdict(NAIVE, [text]) == "excluded"
    assert prior_verdict(TWO_LINES, [text]) == "excluded"


@pytest.mark.parametrize("text", COMPLETED)
def test_one_line_may_be_the_phase_going_well(text: str) -> None:
    assert prior_verdict(CHEMO_IO, [text]) == "unknown"


@pytest.mark.parametrize("text", COMPLETED)
def test_early_treatment_is_a_question(text: str) -> None:
    assert prior_verdict(EARLY, [text]) != "excluded"


PROGRESSED_BANS = [
    "Disease progression at any site during front-line systemic therapy",
    "Progressive disease while on first-line chemotherapy",
    "Patients who had documented progression during induction treatment",
    "Progression during or after concurrent chemoradiotherapy (CRT)",
    "Radiographic progression on initial therapy for stage IV NSCLC",
    "Subjects with disease progression following 1st line treatment",
]


@pytest.mark.parametrize("text", PROGRESSED_BANS)
def test_progression_during_the_phase_bans_the_treated_only(text: str) -> None:
    assert prior_verdict(CHEMO_IO, exclusion=[text]) == "unknown"
    assert prior_verdict(TWO_LINES, exclusion=[text]) == "excluded"
    assert prior_verdict(NAIVE, exclusion=[text]) == "eligible"


def test_a_named_class_bans_only_who_had_it() -> None:
    text = "Progressive disease while on first-line chemotherapy"
    assert prior_verdict(TWO_LINES, exclusion=[text]) == "excluded"
    assert prior_verdict(TKI, exclusion=[text]) == "eligible"


def test_negation_at_the_end_of_an_inclusion() -> None:
    text = "Patients who progressed during first-line chemotherapy are not allowed to be enrolled"
    assert prior_verdict(TWO_LINES, [text]) == "excluded"
    assert prior_verdict(CHEMO_IO, [text]) == "unknown"
    assert prior_verdict(NAIVE, [text]) == "eligible"


# Near-misses that keep their verdicts.
@pytest.mark.parametrize("text", [
    "No disease progression during study treatment run-in",
    "Without progression during the first 3 months of protocol therapy",
    "No evidence of disease progression at the time of screening",
    "Patients must have completed radiotherapy at least 2 weeks before enrolment",
    "Completion of informed consent without delay",
])
def test_no_phase_no_rule(text: str) -> None:
    assert prior_verdict(NAIVE, [text]) == "eligible"
    assert prior_verdict(CHEMO_IO, [text]) == "eligible"


def test_second_line_entry_is_untouched() -> None:
    text = "Disease progression during or after first-line platinum-based chemotherapy"
    assert prior_verdict(CHEMO_IO, [text]) == "eligible"
    assert prior_verdict(NAIVE, [text]) == "excluded"
