"""A way in closed to T790M carriers by a status told as its condition ("a. received a first- or second-generation
EGFR TKI as first-line treatment and were T790M-negative after progression; b. T790M-positive and progressed on
osimertinib; c. progressed on first-line osimertinib"): the status in option a was not read, so a T790M-positive
patient after gefitinib alone fit option a. Now option a is closed to a listed T790M finding. Near-misses keep their
old verdict: a status naming whom a requirement binds ("T790M-negative patients must have had platinum",
test_rules_prior_therapy_negative_finding_group.py), a status
offered either way, and a sentence naming T790M twice (other cohorts' mutations).
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(alterations: list[str], drugs: list[str], lines: int) -> Profile:
    return stage_iv_profile(age=58, biomarkers=[{"gene": "EGFR", "alteration": a} for a in alterations],
                            tested_negative=["ALK", "ROS1"], pdl1_tps=5, prior_therapies=drugs, prior_lines=lines)


T790M_AFTER_1G = _patient(["L858R", "T790M"], ["erlotinib"], 1)
NEGATIVE_AFTER_1G = _patient(["exon 19 deletion"], ["afatinib"], 1)
AFTER_OSIMERTINIB = _patient(["exon 19 deletion", "T790M"], ["gefitinib", "osimertinib"], 2)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in EGFR-mutant NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


OPTIONS = [
    "* Subjects who have failed EGFR-TKI treatment, one of the following:\n"
    "  a. received a first- or second-generation EGFR-TKI as first-line treatment and were T790M-negative after "
    "progression;\n"
    "  b. received a first- or second-generation EGFR-TKI, were T790M-positive and progressed after subsequent "
    "osimertinib;\n"
    "  c. progressed after first-line osimertinib.\n",
    "* Prior EGFR TKI therapy, one of:\n"
    "  1. Progression on erlotinib, gefitinib, afatinib or dacomitinib, with a T790M negative result\n"
    "  2. Progression on osimertinib or another third-generation EGFR TKI\n",
    "* One of the following:\n"
    "  * previously treated with gefitinib, erlotinib or afatinib, without T790M at progression\n"
    "  * previously treated with osimertinib (any line)\n",
    "* Either of the following:\n"
    "  - progression on a 1st or 2nd generation EGFR TKI and negative for the EGFR T790M mutation\n"
    "  - progression on osimertinib\n",
    "* One of:\n"
    "  - progressed on dacomitinib, afatinib, erlotinib or gefitinib, T790M-neg by tissue or plasma\n"
    "  - progressed on osimertinib given as first-line therapy\n",
    "* One of the following histories:\n"
    "  (i) received an earlier-generation EGFR inhibitor (gefitinib, erlotinib, afatinib) and has T790M-negative "
    "disease\n"
    "  (ii) received lazertinib or osimertinib\n",
]


@pytest.mark.parametrize("inclusion", OPTIONS)
def test_a_t790m_negative_option_is_closed_to_a_carrier(inclusion: str) -> None:
    assert verdict(T790M_AFTER_1G, inclusion) == "excluded"
    assert verdict(NEGATIVE_AFTER_1G, inclusion) == "eligible"
    assert verdict(AFTER_OSIMERTINIB, inclusion) == "eligible"


def test_near_miss_options_read_as_one_keep_a_carrier_of_the_other_way_in() -> None:
    # Options the reading joins (no "one of" lead): a carrier may have come in by the other way; no new exclusion.
    inclusion = ("* Failed EGFR-TKI treatment, as follows:\n"
                 "  - progression on gefitinib or erlotinib and T790M-negative;\n"
                 "  - progression on erlotinib or gefitinib, then osimertinib\n")
    assert verdict(AFTER_OSIMERTINIB, inclusion) != "excluded"


NEAR_MISSES = [
    # Offered either way.
    "* Progression on a first- or second-generation EGFR TKI, T790M-negative or T790M-positive\n",
    # T790M named twice: cohorts by resistance mutation, not a condition on one way in.
    "* Received osimertinib or erlotinib and has T790M and C797S (Cohort 1) or C797X without T790M (Cohort 2)\n",
    "* Progression on erlotinib or gefitinib, regardless of T790M status\n",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES)
def test_near_miss_keeps_the_carrier_in(inclusion: str) -> None:
    assert verdict(T790M_AFTER_1G, inclusion) != "excluded"
