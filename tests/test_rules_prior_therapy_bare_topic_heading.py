"""A heading line with no colon that names the topic only ("Prior anticancer therapy", "Prior treatment", "Previous
therapy for advanced disease") over sub-bullets that each name a part and its rule ("Part A: at least one prior line
of systemic therapy", "Part B: no prior systemic therapy for metastatic disease"): the heading line was read as a
rule binding everyone (a treatment asked of all, or every treatment banned), so one part's patients were excluded by
it. Like its colon form, it is a heading: it asks for nothing itself and each sub-bullet keeps its own scope. The
same words with no sub-bullets, or a heading naming a drug, still state a rule.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, age=62, biomarkers=[{"gene": "KRAS", "alteration": "G12D"}],
                   tested_negative=["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET"], pdl1_tps=50)


NAIVE = _patient()
TREATED = _patient(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)


def verdict(profile: Profile, inclusion: str, exclusion: str = "* Pregnancy") -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, exclusion, "A study of drug X in solid tumours"))
    return str(prior_therapy.check(rules, profile).verdict)


INCLUSIONS = [
    "* Stage IV NSCLC\n"
    "* Prior anticancer therapy\n"
    "  * Part A: at least one prior line of systemic therapy\n"
    "  * Part B: no prior systemic therapy for metastatic disease\n",
    "* Prior anti-tumour therapy\n"
    "  * Cohort 1: progressed on or after platinum-based chemotherapy for advanced disease\n"
    "  * Cohort 2: treatment-naive for advanced NSCLC\n",
    "* Previous systemic treatment for metastatic disease\n"
    "  * Arm A (first-line): no previous systemic treatment in the metastatic setting\n"
    "  * Arm B (second-line): exactly one prior regimen for metastatic disease\n",
    "* Prior systemic therapy\n"
    "  * Expansion Cohort B: no prior systemic therapy for advanced disease\n"
    "  * Expansion Cohort C: received at least 1 prior systemic therapy for advanced disease\n",
    "* Previous anti-cancer treatments.\n"
    "  * Group 1: must have received 1 to 3 prior lines of therapy for advanced NSCLC\n"
    "  * Group 2: must not have received any systemic therapy for advanced NSCLC\n",
    "* Prior cancer treatment history\n"
    "  * Phase 2 Cohort A: treatment-naive\n"
    "  * Phase 2 Cohort B: progression after one prior line of platinum doublet therapy\n",
    "* Prior systemic anticancer therapies\n"
    "  * Part 1: previously treated with at least one standard systemic therapy\n"
    "  * Part 2: no prior systemic anticancer therapy for metastatic disease\n",
]


@pytest.mark.parametrize("inclusion", INCLUSIONS)
def test_a_bare_topic_heading_binds_no_one(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(TREATED, inclusion) == "eligible"


@pytest.mark.parametrize("heading", ["Prior treatment", "Previous therapy for advanced disease",
                                     "Earlier treatment for metastatic disease", "Prior therapy requirements"])
def test_headings_read_so_before_stay_so(heading: str) -> None:
    inclusion = (f"* {heading}\n  * Part A: no prior systemic therapy for metastatic disease\n"
                 "  * Part B: at least one prior line of systemic therapy\n")
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(TREATED, inclusion) == "eligible"


def test_the_same_heading_over_exclusion_parts() -> None:
    exclusion = ("* Prior anticancer therapy\n"
                 "  * Part A: more than 3 prior lines of therapy for advanced disease\n"
                 "  * Part B: any prior systemic therapy for metastatic disease\n")
    assert verdict(NAIVE, "* Stage IV NSCLC", exclusion) == "eligible"
    assert verdict(TREATED, "* Stage IV NSCLC", exclusion) == "eligible"


NEAR_MISSES = [
    # no sub-bullets: the words alone are the trial's rule
    ("* Prior anticancer therapy for advanced disease\n* ECOG 0-1\n", "* Pregnancy", NAIVE),
    ("* Stage IV NSCLC\n", "* Prior anticancer therapy\n* Pregnancy", TREATED),
    # a heading naming a drug asks for it: its sub-bullets detail it
    ("* Prior platinum-based chemotherapy\n  * at least 2 cycles\n  * given for metastatic disease\n", "* Pregnancy",
     NAIVE),
    # a heading with a count is a rule
    ("* At least one prior line of therapy\n  * Part A: platinum-based\n  * Part B: any regimen\n", "* Pregnancy",
     NAIVE),
]


@pytest.mark.parametrize(("inclusion", "exclusion", "profile"), NEAR_MISSES)
def test_a_rule_that_is_no_bare_heading_still_excludes(inclusion: str, exclusion: str, profile: Profile) -> None:
    assert verdict(profile, inclusion, exclusion) == "excluded"
