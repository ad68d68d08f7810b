"""A clause about the time since the first line ("participants who had a chemotherapy-free interval >= 90 days may be
eligible if a platinum rechallenge is not considered appropriate") says who is let in by when their line ended; it
names no treatment let in beside the line, so it never lifts an "exactly one line" cap. A clause that does name
another treatment ("patients who also received docetaxel are eligible") still lifts it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import one_bullet_verdict as _verdict
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"ic-{drugs}-{lines}", "age": 60, "histology": "squamous", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                              "prior_therapies": drugs, "prior_lines": lines})


ONE_LINE = _profile(["cisplatin", "gemcitabine"], 1)
TWO_LINES = _profile(["carboplatin", "paclitaxel", "pembrolizumab", "docetaxel"], 2)
THREE_LINES = _profile(["carboplatin", "pemetrexed", "docetaxel", "gemcitabine"], 3)

SENTENCES = [
    "Received exactly one prior line of systemic therapy, which must have been platinum-based; participants who had "
    "a chemotherapy-free interval >= 90 days may be eligible if a platinum rechallenge is not considered appropriate",
    "Exactly 1 prior systemic regimen for metastatic disease, containing platinum; patients with a platinum-free "
    "interval of more than 6 months are eligible only if retreatment with platinum is not planned",
    "Must have had exactly one previous line of systemic treatment. Subjects with a treatment-free interval of at "
    "least 3 months may be enrolled if rechallenge with the same doublet is judged unsuitable",
    "Exactly one prior line of systemic therapy, platinum-containing; those who relapsed more than 90 days after "
    "completion of first-line cisplatin are also eligible when re-exposure to cisplatin is not appropriate",
    "Received exactly 1 prior systemic treatment line (patients whose interval since the last dose of carboplatin "
    "exceeds 6 months may be eligible if rechallenge is not indicated)",
    "Exactly 1 prior line of systemic therapy; participants with a chemo-free period of >= 180 days may be eligible "
    "where platinum re-treatment is considered inappropriate",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_more_lines_than_the_cap_are_excluded(text: str) -> None:
    assert _verdict(text, TWO_LINES) == "excluded"
    assert _verdict(text, THREE_LINES) == "excluded"


@pytest.mark.parametrize("text", SENTENCES)
def test_one_platinum_line_is_not_excluded(text: str) -> None:
    assert _verdict(text, ONE_LINE) != "excluded"


# Near-miss: the allowance names a treatment let in beside the line; the cap is lifted to a question as before.
def test_allowance_naming_a_treatment_still_lifts() -> None:
    text = "Exactly one prior line of systemic therapy; patients who also received docetaxel may be eligible if fit"
    assert _verdict(text, TWO_LINES) == "unknown"
