"""A "(unless contraindicated)" written right after the drugs a line count must include is about those drugs, not
the count: "at least one prior line of systemic therapy, including platinum-based chemotherapy and a checkpoint
inhibitor (unless contraindicated)" still asks an untreated patient for a line (excluded); a treated patient without
the named drugs is a question (the drugs may have been contraindicated). Before, the bracket made every rule of the
sentence a question, so untreated patients were left at unknown (set T, NCT98600024 kind).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(drugs: list[str], lines: int) -> dict[str, object]:
    return {"prior_therapies": drugs, "prior_lines": lines}


_NAIVE = _had([], 0)

SENTENCES = [
    "Progressed after at least one prior line of systemic therapy for advanced disease, which must have included "
    "platinum-based chemotherapy and an anti-PD-(L)1 antibody (unless medically unsuitable)",
    "Must have received 1 to 3 prior regimens (NSCLC), including a platinum doublet and a checkpoint inhibitor "
    "(unless medically unsuitable), given together or in sequence",
    "Must have received 1 or 2 prior lines for metastatic disease, including a PD-1 or PD-L1 inhibitor [unless "
    "ineligible]",
    ">= 1 prior systemic regimen for advanced NSCLC including pemetrexed (unless not eligible)",
    "Has had at least two prior lines of treatment, which included docetaxel (unless contraindicated)",
    "Received at least one prior systemic treatment for stage IV disease, such as immunotherapy (unless not "
    "indicated)",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_an_untreated_patient_is_still_asked_for_the_lines(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", SENTENCES[:3])
def test_a_treated_patient_without_the_named_drugs_is_a_question(sentence: str) -> None:
    assert prior_verdict(_had(["osimertinib"], 1), [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", SENTENCES[:2])
def test_a_patient_who_had_the_named_drugs_is_in(sentence: str) -> None:
    assert prior_verdict(_had(["carboplatin", "pemetrexed", "pembrolizumab"], 1), [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "verdict"), [
    # The bracket after the count's own therapy, or a count of the named drug, leaves the count a question.
    # (Since s27 "unless contraindicated" alone is no way in: another escape is written beside it here.)
    ("At least one prior line of systemic therapy (unless contraindicated or declined)", "unknown"),
    ("At least one prior line of platinum-based chemotherapy (unless ineligible)", "unknown"),
    # No count: the named drug alone is the question.
    ("Prior platinum-based chemotherapy and a checkpoint inhibitor (unless contraindicated or refused)", "unknown"),
])
def test_near_misses_keep_the_question(sentence: str, verdict: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == verdict
