"""A permission for both states of a treatment: "Patients may be receiving anticancer therapy (...) or may not be
receiving any anticancer therapy", "may or may not have received prior chemotherapy". It sets no therapy rule. Its
second half alone ("not receiving any anticancer therapy") read as "no earlier systemic treatment" and hedged every
treated patient (a supportive-care trial). "must not be receiving" and "may not have received" alone keep their ban.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

OSIMERTINIB = stage_iv_profile(id="osimertinib", prior_therapies=["osimertinib"], prior_lines=1)
CHEMO_IO = stage_iv_profile(id="chemo-io", prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"],
                            prior_lines=1)
NAIVE = stage_iv_profile(id="naive", prior_therapies=[], prior_lines=0)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


BOTH = [
    "* Patients may be receiving anticancer treatment (chemotherapy, targeted therapy or immunotherapy) or may not "
    "be receiving any anticancer treatment at the time of randomisation\n",
    "* Subjects may have received prior immunotherapy or may not have received any prior therapy\n",
    "* Participants may or may not have received prior platinum-based chemotherapy\n",
    "* Patients may currently be receiving targeted therapy, or may not be receiving any systemic treatment at "
    "study entry\n",
    "* Participants may be on chemotherapy or an EGFR TKI, or may not be on any cancer treatment\n",
    "* Patients may be receiving systemic therapy (e.g., EGFR TKI, chemotherapy) or may not be receiving any cancer "
    "treatment\n",
]


@pytest.mark.parametrize("inclusion", BOTH)
def test_both_states_set_no_rule(inclusion: str) -> None:
    for profile in (OSIMERTINIB, CHEMO_IO, NAIVE):
        assert verdict(profile, inclusion) == "eligible", profile.id


@pytest.mark.parametrize("inclusion", [
    "* Patients must not be receiving any anticancer therapy\n",
    "* No prior systemic therapy for advanced disease; patients may not have received any anticancer therapy\n",
])
def test_near_miss_one_state_alone_still_bans(inclusion: str) -> None:
    assert verdict(CHEMO_IO, inclusion) == "excluded"
    assert verdict(NAIVE, inclusion) == "eligible"


def test_near_miss_a_requirement_is_still_read() -> None:
    assert verdict(NAIVE, "* Patients must have received platinum-based chemotherapy\n") == "excluded"
