"""Prior therapy: "Currently on any anticancer treatment, or on no treatment", "May be receiving any systemic
anticancer therapy, or no anticancer therapy", "... or none": both states let in, so the clause asks nothing of earlier
treatment. Without a "may" the first form was read as "on treatment now" (at least one line) and excluded untreated
patients; the bare "or no anticancer therapy" made the second a soft "no earlier treatment" that questioned every
treated patient. A requirement of current treatment without the "or none" ("Currently receiving systemic anticancer
therapy") and "or no PRIOR therapy" (a count) keep their readings.

The two states joined in one phrase ("on any or no anticancer treatment", "receiving no or any systemic therapy") are
the same kind: the "no ... treatment" half had been read alone as "no earlier treatment" and excluded every treated
patient. A plain "no anticancer treatment" keeps its ban, and the phrase does not reach a separate requirement."""

from __future__ import annotations

import pytest
from prior_therapy_cases import one_bullet_verdict, stage_iv_profile

NAIVE = stage_iv_profile()
TREATED = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
EGFR_TREATED = stage_iv_profile(prior_therapies=["osimertinib"], prior_lines=1,
                                biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}])

ANY_OR_NONE = [
    "Currently on any anticancer treatment, or on no treatment",
    "May be receiving any systemic anticancer therapy, or no anticancer therapy",
    "Currently receiving any line of systemic therapy, or no systemic therapy",
    "Undergoing any anticancer treatment or no treatment at the time of enrolment",
    "Patients receiving any oncologic therapy, or none, are eligible",
    "Taking any targeted or immune therapy, or on no active treatment",
]


@pytest.mark.parametrize("sentence", ANY_OR_NONE)
@pytest.mark.parametrize("profile", [NAIVE, TREATED, EGFR_TREATED], ids=["naive", "treated", "egfr-treated"])
def test_any_treatment_or_none_asks_nothing(sentence: str, profile: object) -> None:
    assert one_bullet_verdict(sentence, profile) == "eligible"  # type: ignore[arg-type]


def test_current_treatment_alone_is_still_asked_for() -> None:
    assert one_bullet_verdict("Currently receiving systemic anticancer therapy", NAIVE) == "excluded"
    assert one_bullet_verdict("Currently receiving systemic anticancer therapy", TREATED) == "eligible"


def test_or_no_prior_therapy_is_a_count_not_both_states() -> None:
    sentence = "Currently receiving first-line chemotherapy, or no prior therapy for advanced disease"
    assert one_bullet_verdict(sentence, TREATED) != "excluded"


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
