"""'Planned to start, or currently receiving, first-line systemic therapy (chemotherapy, immunotherapy, ...)': the
line about to start or going on. The treatment named after the line describes it; it is no line asked for as had
(that excluded the untreated patient about to start it). A patient with two lines or more is past it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
TWO_LINES: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "docetaxel"], "prior_lines": 2}

SENTENCES = [
    "Planned to start, or currently receiving, first-line systemic therapy for metastatic disease (chemotherapy, "
    "immunotherapy, targeted therapy, or a combination).",
    "Patients scheduled to begin or currently on first-line chemotherapy for advanced NSCLC.",
    "Currently receiving, or planned to receive, first-line platinum-based chemotherapy.",
    "Participants who are about to start or are currently undergoing first line treatment with an immune checkpoint "
    "inhibitor.",
    "Planning to initiate, or currently receiving, first line osimertinib for EGFR-mutant disease.",
    "Scheduled to commence or currently on first-line pembrolizumab with or without chemotherapy.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_untreated_patient_about_to_start_fits(sentence: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_two_lines_are_past_the_first(sentence: str) -> None:
    assert prior_verdict(TWO_LINES, [sentence]) == "excluded"


# Near-misses: only going on ("currently receiving", whether the line is counted is open) and a line had keep their
# reading; so does a line planned after one had.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Currently receiving first-line osimertinib.", NAIVE, "excluded"),
    ("Must have progressed on first-line platinum-based chemotherapy.", NAIVE, "excluded"),
    ("Planned to start first-line systemic therapy for metastatic disease.", NAIVE, "eligible"),
    ("Planned to start first-line systemic therapy for metastatic disease.", TWO_LINES, "excluded"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, [sentence]) == expected


# In an inclusion, "Patients who have progressed on first-line therapy are not eligible" leaves out those past the
# line: no line asked for (that excluded the untreated patient).
ONE_LINE: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
GROUP_OUT = [
    "Patients who have progressed on first-line therapy are not eligible.",
    "Subjects whose disease has progressed following first line systemic treatment will not be eligible.",
    "Those who have failed first-line treatment are ineligible.",
    "Patients who relapsed after second-line therapy are not allowed.",
]
# With a class named, whether the patient's first line was of it is not read: a question for the pretreated.
GROUP_OUT_NAMED = [
    "Participants who progressed after first-line chemotherapy for metastatic disease are excluded.",
    "People who progressed on first line immunotherapy are not permitted to enrol.",
]


@pytest.mark.parametrize("sentence", GROUP_OUT)
def test_a_group_past_the_line_is_left_out(sentence: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "eligible"
    assert prior_verdict(TWO_LINES, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", GROUP_OUT_NAMED)
def test_a_group_past_a_named_line_is_a_question(sentence: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "eligible"
    assert prior_verdict(TWO_LINES, [sentence]) == "unknown"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Patients who have progressed on first-line therapy are eligible.", "eligible"),
    ("Must have progressed on first-line therapy. Patients with EGFR mutations are not eligible.", "excluded"),
    ("Patients who have progressed on first-line therapy must have an ECOG of 0-1.", "unknown"),
])
def test_near_misses_still_ask_for_the_line(sentence: str, expected: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == expected
