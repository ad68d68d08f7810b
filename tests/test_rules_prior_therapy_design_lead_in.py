"""A lead-in naming parts by design words only ("Dose escalation and monotherapy expansion:", "Escalation and
backfill cohorts:", "Dose-finding cohorts:") beside sibling lines that name other parts ("Part B (NSCLC, ...):"): the
lead-in's rule is its own parts' rule, one way into the trial, not a rule on every patient. An untreated patient whom
a first-line part takes was excluded by the lead-in's "at least one line". A lone lead-in, or one whose siblings name
no part, still binds everyone.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="kras", age=61, biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                   tested_negative=["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2"], pdl1_tps=60)


NAIVE = _patient()
TREATED = _patient(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)


def verdict(profile: Profile, inclusion: str = "", exclusion: str = "* Pregnancy") -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, exclusion, "A study of drug X in solid tumours"))
    return str(prior_therapy.check(rules, profile).verdict)


def cohorts_of(inclusion: str, words: str) -> list[list[str]]:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in solid tumours"))
    return [rule["cohorts"] for rule in rules["rules"] if words in rule["evidence"]]


LAYOUTS = [
    "* Prior therapy:\n"
    "  * Dose escalation and monotherapy expansion: progressed after, or intolerant of, standard therapy\n"
    "  * Part B (NSCLC, first-line combination): no prior systemic therapy for metastatic disease\n",
    # the named part first, the lead-in second
    "* Prior systemic treatment:\n"
    "  * Part 2 (NSCLC, first-line): treatment-naive for advanced disease\n"
    "  * Phase 1a dose escalation and Phase 1b monotherapy cohorts: at least one prior line of systemic therapy\n",
    "* Requirements on earlier treatment:\n"
    "  * Escalation and backfill cohorts: must have progressed on at least 1 prior standard regimen\n"
    "  * Cohort C (untreated NSCLC): no previous systemic therapy for advanced NSCLC\n",
    "* Prior anticancer therapy:\n"
    "  * Dose-finding cohorts: progression on at least one line of systemic therapy for metastatic disease\n"
    "  * Arm 3 (first-line NSCLC): no prior systemic therapy in the metastatic setting\n"
    "  * Arm 4 (second-line NSCLC): one prior platinum doublet\n",
    "* Prior therapy criteria:\n"
    "  * Safety run-in and dose expansion parts: received at least two prior lines of therapy for advanced disease\n"
    "  * Part C, first-line NSCLC: no prior systemic anticancer therapy for advanced disease\n",
    # top level, no heading above
    "* Phase 1 monotherapy cohorts: at least one prior systemic therapy for advanced or metastatic disease\n"
    "* Phase 1b Part B (NSCLC, first-line): no prior systemic therapy for metastatic NSCLC\n",
    "* Prior treatment:\n"
    "  * Dose Escalation / Backfill Cohorts: progressed on or after at least 1 standard therapy\n"
    "  * Group 2 (treatment-naive NSCLC): no systemic treatment for advanced NSCLC\n",
]


@pytest.mark.parametrize("inclusion", LAYOUTS)
def test_a_design_lead_in_beside_named_parts_binds_only_its_parts(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) != "excluded"
    assert verdict(TREATED, inclusion) != "excluded"


def test_the_lead_in_names_a_group_of_its_own() -> None:
    assert cohorts_of(LAYOUTS[0], "Dose escalation") == [["part: dose escalation and monotherapy expansion"]]


NEAR_MISSES = [
    # a lone lead-in: nothing beside it, maybe the whole trial's rule
    "* Dose escalation and monotherapy expansion: progressed after at least one standard therapy for advanced "
    "disease\n",
    # siblings that name no part
    "* Prior therapy:\n"
    "  * Escalation and backfill cohorts: at least one prior line of systemic therapy for metastatic disease\n"
    "  * No more than three prior lines in total\n",
    # the named part is a cousin under another heading, not a sibling
    "* Prior therapy:\n"
    "  * Dose-finding cohorts: at least one prior line of systemic therapy for metastatic disease\n"
    "* Other parts:\n"
    "  * Part B (NSCLC): no prior systemic therapy for metastatic disease\n",
    # a lead-in naming patients by their history is no design lead-in
    "* Prior therapy:\n"
    "  * Pretreated monotherapy cohorts with progressive disease: at least one prior line for metastatic disease\n"
    "  * Part B (NSCLC): no prior systemic therapy for metastatic disease\n",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES[:2])
def test_near_miss_a_lead_in_with_no_named_sibling_still_binds_everyone(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "excluded"
    assert cohorts_of(inclusion, "at least one") == [[]]


def test_near_miss_a_named_part_under_another_heading_gives_the_lead_in_no_group() -> None:
    assert cohorts_of(NEAR_MISSES[2], "Dose-finding") == [[]]


def test_near_miss_a_history_lead_in_is_not_read_as_a_design_part() -> None:
    assert not any(cohorts == ["part: pretreated monotherapy cohorts with progressive disease"]
                   for cohorts in cohorts_of(NEAR_MISSES[3], "Pretreated"))


def test_near_miss_an_exclusion_under_a_design_lead_in_still_excludes_its_only_reading() -> None:
    # a lone design lead-in in the exclusions keeps its ban on everyone
    assert verdict(TREATED, "* NSCLC", "* Dose escalation and expansion cohorts: prior pembrolizumab") == "excluded"


# The lead-in states no rule on earlier treatment (its words leave every history a way in, "or declined standard
# therapy"): its parts take any history, so a patient whom the named parts' rules shut out still has a way in. Before,
# only the named parts were tried (a treated patient was "unknown" for a first-line part's "no prior therapy").
OPEN_LEAD_INS = [
    "* Prior Systemic Therapy Criteria:\n"
    "  * Phase 1a dose escalation and Phase 1b monotherapy cohorts: have received and progressed on, been intolerant "
    "to, or been deemed ineligible for at least one standard systemic therapy, or have declined standard therapy\n"
    "  * Phase 1b Part B (NSCLC): must not have received prior systemic therapy for advanced or metastatic disease\n"
    "  * Phase 1b Part C (NSCLC): no prior systemic therapy for advanced non-squamous NSCLC\n",
    "* Prior therapy:\n"
    "  * Dose escalation and backfill cohorts: progressed on, intolerant of or ineligible for standard therapy, or "
    "refused it\n"
    "  * Cohort 2 (first-line NSCLC): treatment-naive for metastatic disease\n"
    "  * Cohort 3 (third-line NSCLC): at least two prior lines for metastatic disease\n",
    "* Prior anticancer treatment:\n"
    "  * Part 2 (first-line): no systemic treatment in the metastatic setting\n"
    "  * Dose-finding and expansion cohorts: standard therapy exhausted, not tolerated, or declined by the patient\n"
    "  * Part 3 (osimertinib-pretreated): progressed on prior osimertinib\n",
    "* Earlier treatment:\n"
    "  * Monotherapy expansion: received standard of care or are intolerant or ineligible to receive approved "
    "therapies, or declined them\n"
    "  * Arm B (untreated NSCLC): no prior systemic therapy for advanced disease\n"
    "  * Arm C (post-TKI NSCLC): progression on an ALK inhibitor\n",
    "* Prior therapy requirements:\n"
    "  * Safety run-in and dose optimisation cohorts: progressed after, could not tolerate, or declined standard "
    "treatment\n"
    "  * Group 3 (chemotherapy-naive): no prior chemotherapy for metastatic NSCLC\n"
    "  * Group 4 (docetaxel-pretreated): progressed on docetaxel\n",
    "* Prior systemic treatment:\n"
    "  * Phase 1 single-agent escalation: received, are ineligible for, or refuse standard therapy\n"
    "  * Part B (first-line NSCLC): no earlier systemic therapy for metastatic disease\n"
    "  * Part C (later-line NSCLC): two or more prior regimens for metastatic disease\n",
]


@pytest.mark.parametrize("inclusion", OPEN_LEAD_INS)
def test_a_design_lead_in_stating_no_rule_is_a_way_in_for_any_history(inclusion: str) -> None:
    assert verdict(TREATED, inclusion) == "eligible"
    assert verdict(NAIVE, inclusion) == "eligible"


def test_the_exclusions_still_bind_the_open_part() -> None:
    exclusion = "* Prior treatment with pembrolizumab"
    assert verdict(TREATED, OPEN_LEAD_INS[1], exclusion) == "excluded"


OPEN_NEAR_MISSES = [
    # the lead-in states a rule: a treated-only part, the first-line part's "no prior therapy" for the rest
    "* Prior therapy:\n"
    "  * Dose escalation and backfill cohorts: at least two prior lines of therapy for metastatic disease\n"
    "  * Cohort 2 (first-line NSCLC): treatment-naive for metastatic disease\n",
    # a line that names no design part is no lead-in of parts
    "* Prior therapy:\n"
    "  * Patients: progressed on, intolerant of or ineligible for standard therapy, or refused it\n"
    "  * Cohort 2 (first-line NSCLC): treatment-naive for metastatic disease\n"
    "  * Cohort 3 (third-line NSCLC): at least two prior lines for metastatic disease\n",
]


def test_near_miss_a_lead_in_with_its_own_rule_gives_no_open_way() -> None:
    assert verdict(TREATED, OPEN_NEAR_MISSES[0]) != "eligible"
    assert verdict(_patient(prior_therapies=["carboplatin", "pemetrexed", "docetaxel"], prior_lines=2),
                   OPEN_NEAR_MISSES[0]) == "eligible"


def test_near_miss_a_plain_line_beside_named_parts_gives_no_open_way() -> None:
    assert verdict(TREATED, OPEN_NEAR_MISSES[1]) != "eligible"
