"""Brain: an inclusion lead-in asking for ONE of its sub-bullets, in any of the shared reader's wordings.

"Patients must have ONE of:", "Any of the following:", "Participants must fulfil 1 of:", and a lead-in without its
colon over sub-bullets ("Have one of the following"): each sub-bullet is one way in, so a patient meeting any one of
them fits. Before, the brain reader knew only "... of the following:" with a colon, and read the other wordings as
"must have" over sub-bullets that all hold: every patient without brain metastases was excluded ("the trial is for
patients with brain metastases"). A lead-in that bans its items, and "must meet all of the following", keep theirs.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, brain

_ITEMS = [
    " >> No known brain metastases >> Treated and stable brain metastases",
    " >> Absence of CNS metastases >> Previously irradiated brain metastases, stable for 4 weeks",
    " >> No brain metastases on screening MRI >> Brain metastases treated with radiosurgery and clinically stable",
]

_LEADS = [
    "Patients must have ONE of:",
    "Any of the following:",
    "Participants must fulfil 1 of:",
    "Have one of the following",
    "Subjects must meet any one of these criteria:",
    "Must satisfy either",
    "Must meet one of the following:",
]


@pytest.mark.parametrize("items", _ITEMS)
@pytest.mark.parametrize("lead", _LEADS)
def test_one_of_lead_takes_any_sub_bullet(lead: str, items: str) -> None:
    none, treated, active, _ = brain(f"Stage IV NSCLC // {lead}{items}")
    assert (none, treated, active) == (EL, EL, EX)


@pytest.mark.parametrize("lead", [
    "Patients must have all of the following:",
    "Must meet each of the following:",
])
def test_all_of_lead_still_requires_every_sub_bullet(lead: str) -> None:
    # Near-miss: every sub-bullet holds, so a patient without brain metastases lacks the second.
    verdicts = brain(f"Stage IV NSCLC // {lead} >> Brain metastases >> Treated and stable for 4 weeks")
    assert verdicts[0] == EX


def test_banning_lead_is_not_a_way_in() -> None:
    # Near-miss: "must not have any of the following" bans each item.
    verdicts = brain("Stage IV NSCLC", "Any of the following: >> Active brain metastases >> Leptomeningeal disease")
    assert verdicts[0] == EL
    assert verdicts[2] == EX


def test_plain_bullets_without_lead_keep_their_reading() -> None:
    # Near-miss: a lead-in with no "one of" over sub-bullets stays as it was.
    verdicts = brain("Stage IV NSCLC // Patients must have: >> Treated and stable brain metastases")
    assert verdicts[0] == EX
