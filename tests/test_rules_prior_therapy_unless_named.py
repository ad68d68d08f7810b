"""'At least one prior systemic regimen for advanced disease, which must have included platinum-based chemotherapy
unless the subject was ineligible for, or declined, platinum': the refusal is platinum's, not the count's. The
untreated patient is still out (had been a question); a line without platinum is the question."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
TKI_ONLY: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1,
                            "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}]}
PLATINUM: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}

SENTENCES = [
    "Has received at least one prior systemic regimen for advanced or metastatic disease, which must have included "
    "platinum-based chemotherapy unless the subject was ineligible for, or declined, platinum.",
    "At least 1 prior line of therapy for metastatic NSCLC, including a platinum doublet unless the patient refused "
    "platinum.",
    "Must have had at least one prior systemic therapy for advanced disease that included an anti-PD-1 antibody, "
    "unless the participant was ineligible for anti-PD-1 therapy.",
    "Progressed on at least one prior line for advanced disease, which must have contained docetaxel unless "
    "docetaxel was contraindicated.",
    "At least two prior regimens for recurrent disease, including cisplatin or carboplatin unless the subject "
    "declined platinum-based chemotherapy.",
    "At least 1 prior systemic treatment for stage IV disease, including pembrolizumab, unless the investigator "
    "judged pembrolizumab unsuitable.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_untreated_patient_is_still_out(sentence: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_line_without_the_named_drug_is_a_question(sentence: str) -> None:
    assert prior_verdict(TKI_ONLY, [sentence]) in ("unknown", "excluded")
    assert prior_verdict(TKI_ONLY, [sentence]) != "eligible"


# Near-misses keep their verdicts: a refusal of the whole line still softens the count; an "unless" that names no
# treatment and an allowance in a sentence of its own are read as before.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("At least one prior line of therapy for advanced disease, or declined standard therapy.", "unknown"),
    ("At least one prior systemic regimen for advanced disease, unless contraindicated.", "excluded"),
    ("At least one prior systemic regimen including platinum-based chemotherapy; patients who declined "
     "chemotherapy are eligible.", "excluded"),
])
def test_near_misses_keep_their_verdict(sentence: str, expected: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == expected
