"""'subjects who progressed after an anti-PD-1 antibody, with best response of CR, PR or SD lasting >= 12 weeks': how
long the disease answered the drug is a question for patients who had it, never a washout. Read as a time window it
dropped the drug requirement, and the cohort let in patients who never had the drug. Also: "have not received any
anti-PD-1 or anti-CTLA-4 antibody" bans those classes; it does not make the cohort treatment-naive."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def had(*drugs: str) -> dict[str, Any]:
    return {"prior_therapies": ["carboplatin", "pemetrexed", *drugs], "prior_lines": 1}


QUALIFIED = [
    ("Subjects who progressed during or after an anti-PD-1/PD-L1 antibody, with best response of CR, PR or SD "
     "lasting \u2265 12 weeks.", "pembrolizumab"),
    ("Progression after prior osimertinib with stable disease lasting at least 6 months.", "osimertinib"),
    ("Must have had disease control for >= 16 weeks on a prior PD-L1 inhibitor.", "durvalumab"),
    ("Must have received prior docetaxel, with a response that lasted more than 3 months.", "docetaxel"),
    ("Progressed on sotorasib after clinical benefit of at least 24 weeks.", "sotorasib"),
    ("Acquired resistance to nivolumab: best response CR or PR sustained for 6 months or longer.", "nivolumab"),
]


@pytest.mark.parametrize(("sentence", "drug"), QUALIFIED)
def test_without_the_drug_the_requirement_still_excludes(sentence: str, drug: str) -> None:
    assert prior_verdict(had(), inclusion=[sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "drug"), QUALIFIED)
def test_with_the_drug_the_response_is_a_question(sentence: str, drug: str) -> None:
    assert prior_verdict(had(drug), inclusion=[sentence]) == "unknown"


NOT_NAIVE = [
    "Have not received any anti-PD-1, anti-PD-L1 or anti-CTLA-4 antibody before.",
    "Subjects who have not received any EGFR TKI.",
    "Patient has not received any docetaxel.",
]


@pytest.mark.parametrize("sentence", NOT_NAIVE)
def test_a_named_class_after_not_received_any_is_a_ban_not_naive(sentence: str) -> None:
    assert prior_verdict(had(), inclusion=[sentence]) == "eligible"


# Near-misses: a washout stays a washout, "not received any treatment" stays naive, and the plain requirement holds.
@pytest.mark.parametrize(("sentence", "patient", "expected", "section"), [
    ("Prior PD-1 inhibitor within 4 weeks before the first dose.", had("pembrolizumab"), "eligible", "exclusion"),
    ("Subjects who have not received any systemic therapy for advanced disease.", had(), "excluded", "inclusion"),
    ("Patients have not received any prior treatment.", had(), "excluded", "inclusion"),
    ("Have not received any anti-PD-1 antibody before.", had("nivolumab"), "excluded", "inclusion"),
    ("Subjects who progressed after an anti-PD-1 antibody.", had("nivolumab"), "eligible", "inclusion"),
    ("Subjects who progressed after an anti-PD-1 antibody.", had(), "excluded", "inclusion"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str, section: str) -> None:
    assert prior_verdict(patient, **{section: [sentence]}) == expected
