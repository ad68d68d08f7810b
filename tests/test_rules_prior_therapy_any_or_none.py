"""Prior therapy: "Currently on any anticancer treatment, or on no treatment", "May be receiving any systemic
anticancer therapy, or no anticancer therapy", "... or none": both states let in, so the clause asks nothing of earlier
treatment. Without a "may" the first form was read as "on treatment now" (at least one line) and excluded untreated
patients; the bare "or no anticancer therapy" made the second a soft "no earlier treatment" that questioned every
treated patient. A requirement of current treatment without the "or none" ("Currently receiving systemic anticancer
therapy") and "or no PRIOR therapy" (a count) keep their readings."""

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
