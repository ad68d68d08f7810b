"""'Participants must not have received ramucirumab previously' listed under Exclusion Criteria: the bullet states its
own polarity (SWOG / Pragmatica style lists), so it still bans what it names. It set no rule at all before."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def had(*drugs: str) -> dict[str, Any]:
    return {"prior_therapies": ["carboplatin", "pemetrexed", *drugs], "prior_lines": 2}


STATED_BANS = [
    ("Participants must not have received ramucirumab previously.", "ramucirumab"),
    ("Patients must not have had prior docetaxel.", "docetaxel"),
    ("Must not have previously received a PD-1 or PD-L1 inhibitor.", "nivolumab"),
    ("Subjects should not have been treated with an EGFR TKI.", "erlotinib"),
    ("Patients may not have received prior adagrasib", "adagrasib"),
    ("Participants cannot have received gemcitabine in any setting.", "gemcitabine"),
]


@pytest.mark.parametrize(("sentence", "drug"), STATED_BANS)
def test_the_named_drug_is_banned_under_exclusions(sentence: str, drug: str) -> None:
    assert prior_verdict(had(drug), exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "drug"), STATED_BANS)
def test_without_the_drug_the_patient_is_in(sentence: str, drug: str) -> None:
    assert prior_verdict(had("paclitaxel"), exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "drug"), STATED_BANS)
def test_the_same_words_under_inclusions_still_ban(sentence: str, drug: str) -> None:
    assert prior_verdict(had(drug), inclusion=[sentence]) == "excluded"


# Near-misses: a plain exclusion, a stated requirement, and a lesion as the subject keep their reading.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Prior treatment with ramucirumab.", had("ramucirumab"), "excluded"),
    ("Patients must have received prior docetaxel.", had("paclitaxel"), "excluded"),
    ("Patients must have received prior docetaxel.", had("docetaxel"), "eligible"),
    ("Brain metastases must not have been treated with radiotherapy.", had("ramucirumab"), "eligible"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, exclusion=[sentence]) == expected
