"""Prior therapy: "About to start a new line of systemic therapy (first-line or any later line)" was read as a
first-line limit, so every treated patient was excluded. An ordinal followed by "or any later / subsequent line"
opens a range of every line: no limit. Seen among the deciding sentences of sealed set AF's false exclusions, after
its end measurement (sentence only); invented sentences of the kind and near-misses that keep their limit."""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

UNTREATED = {"prior_therapies": [], "prior_lines": 0}
TWO_LINES = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"], "prior_lines": 2}


@pytest.mark.parametrize("sentence", [
    "About to start a new line of systemic therapy for advanced disease (first-line or any later line), including "
    "chemotherapy, immunotherapy or targeted therapy.",
    "Starting systemic therapy in the first-line or any subsequent line setting.",
    "Patients starting first line or any later line of treatment.",
    "Scheduled to start first-line or any further line of anticancer therapy.",
    "Beginning a first-line or any subsequent line regimen for metastatic NSCLC.",
])
def test_first_line_or_any_later_line_sets_no_line_limit(sentence: str) -> None:
    for patient in (UNTREATED, TWO_LINES):
        assert prior_verdict(patient, [sentence]) == "eligible"


def test_second_line_or_any_later_line_still_asks_for_a_first_line() -> None:
    sentence = "Planned to begin second-line or any later line of systemic therapy."
    assert prior_verdict(UNTREATED, [sentence]) == "excluded"


def test_a_first_line_limit_alone_still_excludes_treated_patients() -> None:
    assert prior_verdict(TWO_LINES, ["Starting first-line systemic therapy."]) == "excluded"
    assert prior_verdict(UNTREATED, ["Starting first-line systemic therapy."]) == "eligible"
