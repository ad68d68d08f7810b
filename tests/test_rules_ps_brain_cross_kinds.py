"""Kinds of sentence that mix a purpose or a second dimension into a performance-status or brain rule.

- Toxicity recovery in plainer or translated wording ("non remissive toxic reactions derived from previous
  therapies, over level 1 in CTC AE") is no rule about earlier treatment: the shared reader gives it the
  toxicity_recovery purpose, so the prior-therapy dimension skips it.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict
from trialmatch.criteria.rules.reader import purpose_of

CHEMO = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
UNTREATED = {"prior_therapies": [], "prior_lines": 0}

# --- 1. toxicity recovery in unusual wording -----------------------------------------------------------------
RECOVERY = [
    "Have got non remissive toxic reactions derived from previous therapies, which is over level 1 in CTC AE (4.0), "
    "alopecia NOT included",
    "Toxicities caused by previous therapies above grade 1 (CTCAE v5), except alopecia",
    "Toxic reactions resulting from prior anticancer therapy that have not remitted to level 1 or lower",
    "Non-resolved adverse reactions from earlier treatments, greater than grade 1 per CTCAE",
    "Toxic effects of previous chemotherapy exceeding grade 1, except alopecia and grade 2 neuropathy",
    "Unrecovered toxic reactions induced by prior immunotherapy (over grade 1)",
    "Ongoing toxicity derived from previous treatment with an EGFR TKI, above level 1",
    "Non-remitted toxicities secondary to previous systemic therapy of grade > 1 (CTC AE version 5.0)",
]
# Near misses: a rule about earlier treatment, or a toxicity on a named drug (a question for its carriers).
NOT_RECOVERY = [
    "Prior therapy with docetaxel",
    "Discontinued pembrolizumab due to toxicity",
    "Patients who experienced grade >= 3 rash on prior afatinib",
    "Toxic reactions to prior osimertinib requiring permanent discontinuation",
    "Received at least one previous line of therapy, including an EGFR TKI",
    "No previous systemic therapy for advanced disease at level of the trial",
]


@pytest.mark.parametrize("sentence", RECOVERY)
def test_unusual_recovery_wording_has_the_toxicity_purpose(sentence: str) -> None:
    assert purpose_of(sentence) == "toxicity_recovery"


@pytest.mark.parametrize("sentence", NOT_RECOVERY)
def test_near_misses_keep_their_meaning(sentence: str) -> None:
    assert purpose_of(sentence) != "toxicity_recovery"


@pytest.mark.parametrize("sentence", RECOVERY)
def test_recovery_exclusion_excludes_no_treated_patient(sentence: str) -> None:
    assert prior_verdict(CHEMO, exclusion=[sentence]) == "eligible"
    assert prior_verdict(UNTREATED, exclusion=[sentence]) == "eligible"


def test_prior_docetaxel_exclusion_still_excludes() -> None:
    docetaxel = {"prior_therapies": ["docetaxel"], "prior_lines": 2}
    assert prior_verdict(docetaxel, exclusion=["Prior therapy with docetaxel"]) == "excluded"
    assert prior_verdict(CHEMO, exclusion=["Prior therapy with docetaxel"]) == "eligible"


def test_discontinued_for_toxicity_never_excludes() -> None:
    sentence = "Discontinued pembrolizumab due to toxicity"
    assert prior_verdict({"prior_therapies": ["pembrolizumab"], "prior_lines": 1}, exclusion=[sentence]) != "excluded"
    assert prior_verdict(CHEMO, exclusion=[sentence]) == "eligible"
