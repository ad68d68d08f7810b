"""An exclusion that opens with its list's own lead-in ("Any of the following will exclude patients ...: receipt of
more than 1 prior regimen of chemotherapy"): the lead-in repeats the section's polarity, and what follows the colon is
read as if it stood alone. Before, the lead-in hid a line count from the readings that start at the sentence's
opening, and "more than one regimen" became a ban on any chemotherapy (a false exclusion for every patient with
exactly one line of it)."""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

ONE_CHEMO_LINE = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
TWO_CHEMO_LINES = {"prior_therapies": ["carboplatin", "paclitaxel", "docetaxel"], "prior_lines": 2}
NAIVE = {"prior_therapies": [], "prior_lines": 0}

LEAD_INS = [
    "Any of the following will exclude patients from study participation: ",
    "Any of the following excludes a patient: ",
    "Patients with any of the following will be excluded: ",
    "Any of the following makes a participant ineligible: ",
    "Participants who have any of the following are not eligible: ",
    "Any of the following is not allowed: ",
    "Subjects with any of the following criteria are excluded from the study: ",
    "any of the following will exclude subjects: ",
]
COUNTS = [
    "receipt of more than 1 prior regimen of chemotherapy for NSCLC",
    "more than one prior chemotherapy regimen for advanced disease",
    "more than 1 prior line of systemic chemotherapy",
]


@pytest.mark.parametrize("lead", LEAD_INS)
@pytest.mark.parametrize("count", COUNTS)
def test_a_count_after_the_lead_in_is_a_ceiling_not_a_ban(lead: str, count: str) -> None:
    alone = [count[0].upper() + count[1:] + "."]
    led = [lead + count + "."]
    for patient in (ONE_CHEMO_LINE, NAIVE):
        assert prior_verdict(patient, exclusion=led) == prior_verdict(patient, exclusion=alone) == "eligible"
    assert prior_verdict(TWO_CHEMO_LINES, exclusion=led) == prior_verdict(TWO_CHEMO_LINES, exclusion=alone)


@pytest.mark.parametrize("lead", LEAD_INS)
def test_a_ban_after_the_lead_in_still_bans(lead: str) -> None:
    # What follows the colon keeps its own meaning: a plain ban is a ban.
    led = [lead + "prior treatment with a PD-1 or PD-L1 inhibitor."]
    assert prior_verdict(ONE_CHEMO_LINE, exclusion=led) == "excluded"
    assert prior_verdict(NAIVE, exclusion=led) == "eligible"
