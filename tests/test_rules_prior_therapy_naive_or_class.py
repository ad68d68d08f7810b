"""'Either no prior systemic therapy, or exactly one prior platinum-based chemotherapy regimen': two ways in, the
second a count of one class. The "no" must not carry over the "or" (that excluded every patient after one platinum
line), and a line of another class alone is no way in."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
PLATINUM_IO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
CISPLATIN: dict[str, Any] = {"prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1}
TKI_ONLY: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1,
                            "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}]}
TWO_LINES: dict[str, Any] = {"prior_therapies": ["carboplatin", "paclitaxel", "docetaxel"], "prior_lines": 2}
TAXANE_ONLY: dict[str, Any] = {"prior_therapies": ["docetaxel"], "prior_lines": 1}

SENTENCES = [
    "Patients must have received either no prior systemic therapy for metastatic disease, or exactly one prior "
    "platinum-based chemotherapy regimen (with or without immunotherapy) for metastatic disease.",
    "Either no prior systemic treatment for advanced disease or one prior platinum-containing regimen.",
    "Participants must be treatment-naive, or have received only one prior platinum-based doublet regimen "
    "for advanced NSCLC.",
    "No prior therapy for recurrent disease, or a single prior platinum doublet chemotherapy line.",
    "Subjects should have received no prior anticancer therapy in the metastatic setting, or exactly 1 prior "
    "cisplatin- or carboplatin-based regimen.",
    "Previously untreated, or exactly one prior platinum chemotherapy regimen (maintenance allowed).",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize(("patient", "expected"), [
    (NAIVE, "eligible"), (PLATINUM_IO, "eligible"), (CISPLATIN, "eligible"),
    (TKI_ONLY, "excluded"), (TAXANE_ONLY, "excluded"),
])
def test_untreated_or_one_line_of_the_class(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, [sentence]) == expected


@pytest.mark.parametrize("sentence", [SENTENCES[0], SENTENCES[4]])
def test_exactly_one_leaves_out_two_lines(sentence: str) -> None:
    assert prior_verdict(TWO_LINES, [sentence]) == "excluded"


# Near-misses: a plain count ("or one prior line of therapy") and a naive rule with no second way keep their reading.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("No prior systemic therapy for metastatic disease.", PLATINUM_IO, "excluded"),
    ("No prior systemic therapy for metastatic disease, or one prior line of therapy.", TKI_ONLY, "eligible"),
    ("Patients must have received no prior systemic therapy for metastatic disease.", NAIVE, "eligible"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, [sentence]) == expected


def test_an_exclusion_is_not_read_as_two_ways() -> None:
    # In an exclusion the same words do not open a way in: the sentence keeps whatever it read before.
    assert prior_verdict(NAIVE, [], ["Prior anti-PD-1 therapy."]) == "eligible"
