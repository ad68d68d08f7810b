"""Groups written inside a part whose heading states a rule ("Phase II: patients who have received prior platinum
chemotherapy and a PD-1 inhibitor" over "Group A: patients naive to KRAS G12C inhibitors" and "Group B: patients
previously treated with one"): the part's rule is each group's rule too. Before, each group was a way in of its own
with only its own rule, so an untreated patient fit "Group A" (a missed exclusion). Groups under a heading with no
rule, or sub-bullets naming no group, read as before.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(therapies: list[str], lines: int) -> Profile:
    return stage_iv_profile(age=62, biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                            tested_negative=["EGFR", "ALK"], pdl1_tps=30,
                            prior_therapies=therapies, prior_lines=lines)


NAIVE = _patient([], 0)
CHEMO_IO = _patient(["carboplatin", "pemetrexed", "pembrolizumab"], 1)
AFTER_SOTORASIB = _patient(["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"], 2)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(f"* Stage IV NSCLC\n{inclusion}", "* Pregnancy", "Drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


NESTED = [
    "* Phase II: patients who have received prior platinum-based chemotherapy and an anti-PD-1/PD-L1 inhibitor\n"
    "  * Group A: patients naive to KRAS G12C inhibitor treatment\n"
    "  * Group B: patients previously treated with a KRAS G12C inhibitor\n",
    "* Part 2: progression after platinum doublet chemotherapy and immunotherapy\n"
    "  * Cohort 2a: no prior KRAS G12C inhibitor\n"
    "  * Cohort 2b: progression on sotorasib or adagrasib\n",
    "* Expansion phase: prior platinum-based chemotherapy and a checkpoint inhibitor are required\n"
    "  * Arm 1: KRAS G12C inhibitor-naive\n"
    "  * Arm 2: prior KRAS G12C inhibitor\n",
    "* Phase 1b: must have received a platinum doublet and a PD-1 or PD-L1 antibody\n"
    "  * Cohort A: never treated with a KRAS G12C inhibitor\n"
    "  * Cohort B: progressed on a KRAS G12C inhibitor\n",
    "* Part B: patients previously treated with platinum chemotherapy and pembrolizumab or atezolizumab\n"
    "  * Group 1: no previous sotorasib or adagrasib\n"
    "  * Group 2: disease progression on sotorasib or adagrasib\n",
    "* Phase 2: prior platinum-containing chemotherapy and prior anti-PD-(L)1 therapy\n"
    "  * Cohort 1: patients who have not received a KRAS G12C inhibitor\n"
    "  * Cohort 2: patients who received a KRAS G12C inhibitor\n",
]


@pytest.mark.parametrize("inclusion", NESTED)
def test_the_parts_rule_binds_its_groups(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) != "eligible"
    assert verdict(CHEMO_IO, inclusion) == "eligible"
    assert verdict(AFTER_SOTORASIB, inclusion) == "eligible"


def test_near_miss_groups_under_a_heading_with_no_rule_stay_their_own() -> None:
    inclusion = ("* Phase II:\n  * Group A: patients naive to KRAS G12C inhibitor treatment\n"
                 "  * Group B: patients previously treated with a KRAS G12C inhibitor\n")
    assert verdict(NAIVE, inclusion) == "eligible"
