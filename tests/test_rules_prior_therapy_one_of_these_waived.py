"""An "unless" that waives one of the treatments named, not all: "previously treated with platinum-based chemotherapy
and an anti-PD-1 or anti-PD-L1 antibody, given together or in sequence, unless the participant was ineligible for or
declined one of these therapies". The whole pair became a question, so an untreated patient was only asked about;
one who had neither fails whichever was waived. Also, a course clause with no drug between the names and the
"unless" ("given together or in sequence") hid the names "these" points back to. ("Unless contraindicated" alone is
blanked by the shared convention, cues._CONTRA_ONLY, and is not this kind.)

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE = {"prior_therapies": [], "prior_lines": 0}
PLATINUM_ONLY = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
BOTH = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}

ONE_WAIVED = [
    "Previously treated with platinum-based chemotherapy and an anti-PD-1 or anti-PD-L1 antibody, given together or "
    "in sequence, unless the participant was ineligible for or declined one of these therapies.",
    "Prior platinum doublet and a PD-1 inhibitor unless the patient was ineligible for one of these treatments",
    "Must have received platinum-based chemotherapy and immune checkpoint inhibitor therapy, in any order, unless "
    "ineligible for one of them",
    "Progressed after platinum chemotherapy and anti-PD-(L)1 therapy, administered concurrently or sequentially, "
    "unless the investigator judged one of these unsuitable",
    "Prior treatment with cisplatin or carboplatin and with nivolumab or pembrolizumab unless the subject refused one "
    "of these",
]


@pytest.mark.parametrize("inclusion", ONE_WAIVED)
def test_untreated_patient_fails_whichever_was_waived(inclusion: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", ONE_WAIVED)
def test_one_of_the_pair_is_a_question_both_pass(inclusion: str) -> None:
    assert prior_verdict(PLATINUM_ONLY, inclusion=["Stage IV NSCLC", inclusion]) == "unknown"
    assert prior_verdict(BOTH, inclusion=["Stage IV NSCLC", inclusion]) == "eligible"


@pytest.mark.parametrize("inclusion", [
    # Every treatment waived: an untreated patient may be one who was ineligible for all of them.
    "Previously treated with platinum-based chemotherapy and an anti-PD-1 antibody, given together or in sequence, "
    "unless the participant was ineligible for these therapies.",
    "Prior platinum doublet and a PD-1 inhibitor unless ineligible for both",
    "Prior platinum and immunotherapy, unless declined",
])
def test_near_miss_all_waived_stays_a_question(inclusion: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", inclusion]) == "unknown"
