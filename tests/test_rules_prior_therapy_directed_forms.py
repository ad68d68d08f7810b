"""'Prior treatment with a HER2-directed therapy (antibody, ADC or tyrosine kinase inhibitor)': the bracket lists the
forms of that therapy. Read as bans of their own, every ADC (a TROP2 ADC too) excluded the patient."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def had(*drugs: str) -> dict[str, Any]:
    return {"prior_therapies": ["carboplatin", "pemetrexed", *drugs], "prior_lines": 2}


TROP2_ADC = had("datopotamab deruxtecan")
HER2_ADC = had("trastuzumab deruxtecan")

HER2_BANS = [
    "Prior treatment with a HER2-directed therapy (antibody, ADC or tyrosine kinase inhibitor).",
    "Prior treatment with a HER2- or HER3-directed therapy (antibody, ADC or tyrosine kinase inhibitor) or with "
    "afatinib.",
    "Previous HER2-targeted therapy (monoclonal antibody, antibody-drug conjugate, or TKI).",
    "Any prior HER2 directed agents (antibodies or ADCs)",
    "Received ERBB2-directed treatment (ADC, TKI) at any time.",
    "Prior HER2-targeting drugs (mAb, ADC or small-molecule TKI).",
]


@pytest.mark.parametrize("sentence", HER2_BANS)
def test_another_target_adc_is_not_banned(sentence: str) -> None:
    assert prior_verdict(TROP2_ADC, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", HER2_BANS)
def test_the_target_adc_is_still_banned(sentence: str) -> None:
    assert prior_verdict(HER2_ADC, exclusion=[sentence]) != "eligible"


# Near-misses: a bare ADC ban and a TROP2-directed one keep their reading.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Prior treatment with an ADC.", TROP2_ADC, "excluded"),
    ("Prior TROP2-directed therapy (ADC or antibody).", TROP2_ADC, "excluded"),
    ("Prior TROP2-directed therapy (ADC or antibody).", HER2_ADC, "eligible"),
    ("Prior HER2-directed therapy or any ADC.", TROP2_ADC, "excluded"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, exclusion=[sentence]) == expected
