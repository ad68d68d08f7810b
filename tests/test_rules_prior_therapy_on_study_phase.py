"""Treatment the study gives in an earlier phase ("Completion of 4 cycles of carboplatin, etoposide and atezolizumab
during the induction phase", under a "Maintenance phase:" heading) is no entry requirement on earlier treatment: an
untreated patient is not excluded by it. A real requirement on treatment before enrolment keeps its verdict.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

NAIVE = stage_iv_profile(id="naive", tested_negative=["EGFR", "ALK", "ROS1"], pdl1_tps=10)


def verdict(profile: Profile, inclusion: str, exclusion: str = "* Pregnancy") -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, exclusion, "A study of drug X in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


ON_STUDY = [
    # later-phase heading after an entry-phase heading
    "Induction phase:\n\n* Stage IV NSCLC\n\nMaintenance phase (randomization):\n\n"
    "* Completion of 4 cycles of carboplatin, pemetrexed and pembrolizumab during the induction phase without "
    "disease progression\n",
    "Run-in period:\n\n* Stage IV non-squamous NSCLC\n\nRandomization criteria:\n\n"
    "* Must have received 4 cycles of cisplatin and gemcitabine with stable disease or response\n",
    "Registration (Step 1):\n\n* Advanced NSCLC\n\nContinuation phase:\n\n"
    "* Received at least 3 doses of nivolumab and ipilimumab\n",
    "Lead-in phase:\n\n* Metastatic NSCLC\n\nCrossover criteria:\n\n"
    "* Documented progression on docetaxel\n",
    # the phase named in the sentence itself
    "* Stage IV NSCLC\n* Completed 2 cycles of carboplatin and paclitaxel during the run-in period of this study\n",
    "* Metastatic NSCLC\n* Must have received 6 weeks of osimertinib in the lead-in phase of the trial\n",
]


@pytest.mark.parametrize("inclusion", ON_STUDY)
def test_treatment_given_on_study_is_no_entry_requirement(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) != "excluded"


NEAR_MISSES = [
    # a real requirement on treatment before enrolment, no phase heading
    "* Must have completed 4 cycles of platinum-based chemotherapy for metastatic disease\n",
    # a maintenance heading with no entry phase before it: the trial's only criteria
    "Maintenance phase:\n\n* Completion of 4 cycles of carboplatin and pemetrexed without progression\n",
    # "induction" as the patient's earlier treatment, no induction phase in the study
    "* Stage IV NSCLC\n* Received platinum-based chemotherapy during the induction phase without progression\n",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES)
def test_requirements_before_entry_still_exclude_the_untreated(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "excluded"
