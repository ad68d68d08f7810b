"""A note on what counts toward a line count, as a sentence of its own ("(Prior neoadjuvant or adjuvant systemic
anticancer therapy will count as a regimen if relapse occurred within 12 months of completion.)", "Maintenance
therapy is counted as a separate line"): it names a treatment only as what the count elsewhere in the criterion
takes in. Wrapped in brackets it was read as a ban on that treatment (or on every systemic therapy) and excluded
patients the count lets in. It sets no rule; the criterion's count still binds, and a sentence that asks or bans
something before its "counts as" keeps its reading.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, age=66, tested_negative=["EGFR", "ALK", "ROS1"], pdl1_tps=10,
                   prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)


ONE_LINE = _patient()
THREE_LINES = _patient(prior_therapies=["carboplatin", "paclitaxel", "pembrolizumab", "docetaxel", "gemcitabine"],
                       prior_lines=3)


def verdict(profile: Profile, exclusion: str, inclusion: str = "* Stage IV NSCLC") -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, exclusion, "A study of drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


EXCLUSIONS = [
    "* Previously received more than 1 regimen of systemic anticancer therapy for metastatic disease. (Prior "
    "neoadjuvant or adjuvant systemic anticancer therapy will count as a regimen if relapse occurred within 12 months "
    "of completion.)",
    "* More than two prior lines of therapy for advanced NSCLC. (Adjuvant chemotherapy counts as a line if recurrence "
    "was within 6 months.)",
    "* Received more than 2 prior systemic regimens in the metastatic setting (maintenance pemetrexed is counted as a "
    "separate line).",
    "* Over two previous treatment lines for stage IV disease. (Consolidation durvalumab will be counted as a prior "
    "regimen if progression occurred during it.)",
    "* More than 1 prior therapy for recurrent disease. (Perioperative platinum-based chemotherapy shall be counted as "
    "one line when relapse occurred less than 9 months after the last dose.)",
    "* Greater than two lines of treatment for advanced disease. (Chemoradiotherapy counts as a prior regimen if "
    "followed by relapse within 6 months.)",
    "* More than 2 prior lines for metastatic disease. (Prior maintenance pemetrexed will count as a separate "
    "regimen.)",
    "* More than 2 prior regimens for advanced disease. (Prior platinum doublet chemotherapy with pembrolizumab is "
    "counted as one prior regimen.)",
    "* Three or more prior lines in the metastatic setting. (Prior systemic therapy given as adjuvant treatment counts "
    "as a line if disease recurred within 6 months.)",
    "* More than two lines for stage IV NSCLC. (Prior immunotherapy counts as a prior line.)",
]


@pytest.mark.parametrize("exclusion", EXCLUSIONS)
def test_a_counting_note_bans_nothing(exclusion: str) -> None:
    assert verdict(ONE_LINE, exclusion) == "eligible"


@pytest.mark.parametrize("exclusion", EXCLUSIONS[:2])
def test_the_count_beside_it_still_binds(exclusion: str) -> None:
    assert verdict(THREE_LINES, exclusion) == "excluded"


def test_the_note_in_an_inclusion_leaves_the_requirement() -> None:
    inclusion = ("* At least one prior line of systemic therapy for advanced disease. (Adjuvant chemotherapy counts as "
                 "a prior line if progression occurred within 6 months of completion.)")
    assert verdict(ONE_LINE, "* Pregnancy", inclusion) == "eligible"
    assert verdict(_patient(prior_therapies=[], prior_lines=0), "* Pregnancy", inclusion) == "excluded"


NEAR_MISSES = [
    # a ban with its own words before the counting clause
    "* Prior pembrolizumab. Prior treatment with pembrolizumab is not allowed, and counts as a line",
    "* Prior pembrolizumab (anti-PD-1 therapy counts as a line)",
    "* Previously received any anti-PD-1 therapy. (Pembrolizumab given as maintenance counts as a regimen.)",
]


@pytest.mark.parametrize("exclusion", NEAR_MISSES)
def test_a_ban_beside_a_counting_note_still_excludes(exclusion: str) -> None:
    assert verdict(ONE_LINE, exclusion) == "excluded"
