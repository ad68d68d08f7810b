"""Two ways in, each a marker and a drug: "T790M negative after a first/second-generation EGFR TKI; or progression
after osimertinib (irrespective of T790M status)". The first way is closed to a T790M carrier, who still comes in by
the second if they had its drug. Before, the sentence was read as one list of drugs (any EGFR TKI), so a
T790M-positive patient after gefitinib was eligible.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import FULL_PANEL, prior_verdict


def _egfr(drugs: list[str], t790m: bool) -> dict[str, object]:
    found = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]
    if t790m:
        found.append({"gene": "EGFR", "alteration": "T790M"})
    return {"biomarkers": found, "tested_negative": [g for g in FULL_PANEL if g != "EGFR"],
            "prior_therapies": drugs, "prior_lines": len(drugs)}


T790M_AFTER_GEFITINIB = _egfr(["gefitinib"], t790m=True)
T790M_AFTER_AFATINIB = _egfr(["afatinib"], t790m=True)
T790M_THEN_OSIMERTINIB = _egfr(["gefitinib", "osimertinib"], t790m=True)
AFTER_ERLOTINIB = _egfr(["erlotinib"], t790m=False)
AFTER_OSIMERTINIB = _egfr(["osimertinib"], t790m=False)

SENTENCES = [
    "T790M mutation negative confirmed by re-biopsy or plasma test after progression on 1st or 2nd generation "
    "EGFR-TKI; or disease progression after osimertinib (irrespective of T790M status)",
    "T790M negative after progression on gefitinib, erlotinib or afatinib, or progression after osimertinib "
    "regardless of T790M",
    "Negative for T790M after failure of first- or second-generation EGFR TKI; or documented progression on "
    "osimertinib",
    "Without T790M after progression on a first- or second-generation EGFR tyrosine kinase inhibitor, or disease "
    "progression following osimertinib",
    "T790M status negative after erlotinib, gefitinib, afatinib or dacomitinib; or progression during osimertinib",
    "Absence of T790M following progression on 1st/2nd generation EGFR-TKI; or progression after third-generation "
    "osimertinib",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_closed_way_and_open_way(sentence: str) -> None:
    assert prior_verdict(T790M_AFTER_GEFITINIB, [sentence]) == "excluded"
    assert prior_verdict(T790M_THEN_OSIMERTINIB, [sentence]) == "eligible"
    assert prior_verdict(AFTER_OSIMERTINIB, [sentence]) == "eligible"
    assert prior_verdict(AFTER_ERLOTINIB, [sentence]) == "eligible"


def test_second_generation_carrier_is_out_too() -> None:
    assert prior_verdict(T790M_AFTER_AFATINIB, [SENTENCES[1]]) == "excluded"


def test_near_miss_single_way_in_unchanged() -> None:
    # one way in only: the T790M result is the biomarker dimension's; prior therapy asks for the drug, as before
    sentence = "T790M negative after progression on a first- or second-generation EGFR TKI"
    assert prior_verdict(T790M_AFTER_GEFITINIB, [sentence]) == "eligible"
    assert prior_verdict(AFTER_ERLOTINIB, [sentence]) == "eligible"
    assert prior_verdict(AFTER_OSIMERTINIB, [sentence]) == "excluded"


def test_near_miss_either_status_is_no_closed_way() -> None:
    sentence = "Progression on a first- or second-generation EGFR TKI (T790M positive or negative), or on osimertinib"
    assert prior_verdict(T790M_AFTER_GEFITINIB, [sentence]) == "eligible"


def test_near_miss_same_drugs_in_both_ways() -> None:
    # both ways name the same drugs: no drug belongs to the closed way alone, nothing is taken away
    sentence = "T790M negative after progression on osimertinib; or progression after osimertinib with brain metastases"
    assert prior_verdict(_egfr(["osimertinib"], t790m=True), [sentence]) == "eligible"
