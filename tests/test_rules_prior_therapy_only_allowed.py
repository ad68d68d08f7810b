"""'Only one prior regimen is permitted', 'Only two prior lines of systemic therapy are allowed': "only" with an
allowance after the count is a ceiling (had set no rule at all)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def lines(n: int) -> dict[str, Any]:
    drugs = ["carboplatin", "docetaxel", "gemcitabine", "vinorelbine"][:n]
    return {"prior_therapies": drugs, "prior_lines": n}


@pytest.mark.parametrize(("sentence", "ceiling"), [
    ("Only one prior regimen is permitted.", 1),
    ("Only 2 prior lines of systemic therapy for advanced disease are allowed.", 2),
    ("Only a single prior systemic treatment for metastatic disease is acceptable.", 1),
    ("Only two prior regimens in the recurrent setting are permitted.", 2),
    ("Only one line of prior therapy for stage IV disease is accepted.", 1),
    ("Only three previous lines are allowed.", 3),
])
def test_only_n_allowed_is_a_ceiling(sentence: str, ceiling: int) -> None:
    assert prior_verdict(lines(ceiling), [sentence]) == "eligible"
    assert prior_verdict(lines(ceiling + 1), [sentence]) == "excluded"
    assert prior_verdict(lines(0), [sentence]) == "eligible"


# Near-misses: "only" with no allowance after it, and an allowance with no "only", keep their reading.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Patients who received only one prior line of chemotherapy.", lines(0), "excluded"),
    ("Prior chemotherapy is allowed.", lines(3), "eligible"),
    ("No more than one prior regimen is permitted.", lines(2), "excluded"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, [sentence]) == expected
