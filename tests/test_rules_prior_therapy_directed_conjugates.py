"""A ban on "[target]-directed / -targeted antibody-drug conjugates" names the ADCs against that target, never the
target's whole class: "Prior treatment with an EGFR- or c-MET-directed antibody-drug conjugate" bans telisotuzumab
vedotin, not crizotinib (a MET kinase inhibitor) nor amivantamab (an EGFR antibody that carries no drug). The
vocabulary's "EGFR-directed antibody" phrase used to stop before "-drug conjugate", and a target written with a
suspended hyphen ("HER2- or HER3-directed ADC") or one the vocabulary does not class ("HER3-directed ADC") left
every ADC banned (set Y kind 5).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(*drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": len(drugs)}


# (exclusion, drugs that are not that ADC, an ADC the ban names)
CASES = [
    ("Prior treatment with an EGFR- or c-MET-directed antibody-drug conjugate", ["crizotinib"],
     "telisotuzumab vedotin"),
    ("Prior treatment with an EGFR- or c-MET-directed antibody-drug conjugate", ["amivantamab"],
     "telisotuzumab vedotin"),
    ("Previous EGFR-directed antibody-drug conjugate therapy", ["amivantamab"], "izalontamab brengitecan"),
    ("Received a c-MET-targeted ADC (e.g., telisotuzumab vedotin)", ["capmatinib"], "telisotuzumab vedotin"),
    ("Prior HER2- or TROP2-directed ADC", ["trastuzumab"], "datopotamab deruxtecan"),
    ("Any prior TROP2-, HER2- or c-Met-targeted antibody drug conjugates", ["tepotinib"], "trastuzumab deruxtecan"),
    ("Patients previously treated with MET- or EGFR-directed ADCs", ["osimertinib"], "telisotuzumab vedotin"),
]


@pytest.mark.parametrize(("sentence", "other", "adc"), CASES)
def test_a_drug_of_the_target_that_is_no_adc_is_not_banned(sentence: str, other: list[str], adc: str) -> None:
    assert prior_verdict(_had(*other), exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "other", "adc"), CASES)
def test_the_adc_against_the_target_is_banned(sentence: str, other: list[str], adc: str) -> None:
    assert prior_verdict(_had(adc), exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Prior HER3-directed antibody-drug conjugate",
    "Prior treatment with a B7-H3-targeted ADC",
    "Prior HER3- or CEACAM5-directed ADC",
])
def test_an_adc_against_another_target_is_not_banned(sentence: str) -> None:
    # A target the vocabulary does not class is a class of its own: trastuzumab deruxtecan is not one of its ADCs.
    assert prior_verdict(_had("trastuzumab deruxtecan"), exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "drug", "verdict"), [
    # The target's whole class when no drug form narrows it.
    ("Prior treatment with an EGFR-directed antibody", "amivantamab", "excluded"),
    ("Prior c-MET inhibitor therapy", "crizotinib", "excluded"),
    ("Prior HER2-directed therapy", "trastuzumab deruxtecan", "excluded"),
    # Any ADC when no target is named.
    ("Prior treatment with an antibody-drug conjugate", "trastuzumab deruxtecan", "excluded"),
])
def test_near_misses_keep_their_reading(sentence: str, drug: str, verdict: str) -> None:
    assert prior_verdict(_had(drug), exclusion=[sentence]) == verdict
