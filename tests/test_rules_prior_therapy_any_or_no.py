"""Prior therapy: "on any or no anticancer treatment", "receiving no or any systemic therapy": the two states joined in
one phrase let both in, so the clause asks nothing of earlier treatment. The "no ... treatment" half was read alone as
"no earlier treatment" and excluded every treated patient. A plain "no anticancer treatment" keeps its ban."""

from __future__ import annotations

import pytest
from prior_therapy_cases import one_bullet_verdict, stage_iv_profile

NAIVE = stage_iv_profile()
TREATED = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
EGFR_TREATED = stage_iv_profile(prior_therapies=["osimertinib"], prior_lines=1,
                                biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}])

ANY_OR_NO = [
    "Stage IV or recurrent lung cancer of any histology, on any or no anticancer treatment.",
    "Receiving any or no systemic therapy at the time of enrolment",
    "Metastatic NSCLC, on either any or no current anticancer therapy",
    "Participants may be on no or any systemic treatment",
    "Advanced non-small cell lung cancer on any or no regimen",
    "Any or no prior systemic therapy for advanced disease",
]


@pytest.mark.parametrize("sentence", ANY_OR_NO)
@pytest.mark.parametrize("profile", [NAIVE, TREATED, EGFR_TREATED], ids=["naive", "treated", "egfr-treated"])
def test_any_or_no_treatment_asks_nothing(sentence: str, profile: object) -> None:
    assert one_bullet_verdict(sentence, profile) == "eligible"  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence", [
    "No prior systemic anticancer therapy for advanced disease",
    "Must be receiving no anticancer treatment and have had no prior systemic therapy for metastatic disease",
])
def test_plain_no_treatment_still_bans(sentence: str) -> None:
    assert one_bullet_verdict(sentence, TREATED) == "excluded"
    assert one_bullet_verdict(sentence, NAIVE) == "eligible"


def test_any_or_no_does_not_reach_a_separate_requirement() -> None:
    sentence = "Receiving any or no systemic therapy; prior platinum-based chemotherapy is required"
    assert one_bullet_verdict(sentence, NAIVE) == "excluded"
    assert one_bullet_verdict(sentence, TREATED) == "eligible"
