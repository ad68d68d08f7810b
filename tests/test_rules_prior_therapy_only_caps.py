"""A count of lines said with "only": "Only one prior regimen for metastatic disease", "one prior line only", "only 2
prior lines of systemic therapy", "two previous regimens only". It is a ceiling (a patient with more lines is
outside); with a verb of having had it ("must have received one prior line only") it is that many exactly. Before,
only "only N ... is allowed" was read, and the others set no rule (a 3-line patient passed).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _lines(n: int) -> dict[str, object]:
    drugs = ["carboplatin", "pemetrexed", "docetaxel", "gemcitabine"][:n + 1] if n else []
    return {"prior_therapies": drugs, "prior_lines": n}


# (sentence, the cap, whether it also asks for that many)
CASES = [
    ("Only one prior regimen for metastatic disease", 1, False),
    ("One prior line only", 1, False),
    ("Only 2 prior lines of systemic therapy for advanced NSCLC", 2, True),  # a bare count of lines is had
    ("Two previous regimens only", 2, False),
    ("Patients must have received one prior line of systemic therapy only", 1, True),
    ("Must have progressed after only one prior systemic regimen", 1, True),
    ("Has received 1 prior line of anticancer therapy in the metastatic setting only", 1, True),
    ("Only a single prior line for advanced disease", 1, False),
]


@pytest.mark.parametrize(("sentence", "cap", "had"), CASES)
def test_only_is_a_ceiling(sentence: str, cap: int, had: bool) -> None:
    assert prior_verdict(_lines(cap + 1), [sentence]) == "excluded"
    assert prior_verdict(_lines(cap), [sentence]) == "eligible"
    assert prior_verdict(_lines(0), [sentence]) == ("excluded" if had else "eligible")


@pytest.mark.parametrize("sentence", [
    "Only one prior EGFR TKI is allowed",  # a class, counted by its own reader
    "Patients may have had any number of lines, not only one prior line",
])
def test_near_miss_a_class_or_no_cap_keeps_a_chemo_patient_in(sentence: str) -> None:
    assert prior_verdict(_lines(3), [sentence]) != "excluded"


def test_near_miss_exclusion_section_keeps_its_reading() -> None:
    # in an exclusion "only" sets no ceiling here: a one-line patient is not read as banned by it
    assert prior_verdict(_lines(3), exclusion=["Patients who received one prior line only"]) == "eligible"
