"""'Prior treatment with tissue factor targeted therapy (e.g., tisotumab vedotin)': a target written out in words
ending in a molecule's head noun (factor, receptor, antigen, kinase). Only the last word was looked at ("factor"),
so the sentence read as a ban on every targeted therapy and a patient after crizotinib was excluded."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def had(*drugs: str) -> dict[str, Any]:
    return {"prior_therapies": ["carboplatin", "pemetrexed", *drugs], "prior_lines": 2}


CRIZOTINIB = had("crizotinib")
OSIMERTINIB = had("osimertinib")
RAMUCIRUMAB = had("docetaxel", "ramucirumab")

SPELT_TARGET_BANS = [
    "Prior treatment with tissue factor targeted therapy (e.g., tisotumab vedotin).",
    "Patients who previously received tissue factor (TF)-directed agents are not allowed to be enrolled.",
    "Prior folate receptor alpha-targeted therapy, including antibody-drug conjugates such as mirvetuximab.",
    "Any prior carcinoembryonic antigen directed therapy (CEACAM5 ADC) cannot be included",
    "Cohort 2a: prior death receptor 5 targeted agents.",
    "Received hepatocyte growth factor targeted treatment at any time.",
]


@pytest.mark.parametrize("sentence", SPELT_TARGET_BANS)
@pytest.mark.parametrize("patient", [CRIZOTINIB, OSIMERTINIB])
def test_other_targeted_drugs_are_not_banned(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, exclusion=[sentence]) == "eligible"


# Near-misses: a name the vocabulary holds keeps its class, generic words keep the generic ban.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Prior epidermal growth factor receptor targeted therapy.", OSIMERTINIB, "excluded"),
    ("Prior epidermal growth factor receptor targeted therapy.", CRIZOTINIB, "eligible"),
    ("Prior anaplastic lymphoma kinase targeted therapy.", CRIZOTINIB, "excluded"),
    ("Prior vascular endothelial growth factor targeted therapy.", RAMUCIRUMAB, "excluded"),
    ("Prior vascular endothelial growth factor (VEGF)-targeted therapy.", RAMUCIRUMAB, "excluded"),
    ("Prior growth factor receptor targeted therapy.", CRIZOTINIB, "excluded"),
    ("Prior tyrosine kinase targeted therapy.", CRIZOTINIB, "excluded"),
    ("Prior targeted therapy.", CRIZOTINIB, "excluded"),
    ("Prior molecularly targeted therapy.", OSIMERTINIB, "excluded"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, exclusion=[sentence]) == expected
