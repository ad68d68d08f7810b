"""A part that takes the patients of other parts ("Cohort 3: Patients meeting the Cohort 1 or 2 criteria for whom a
resection is not feasible", "Arm C: patients who fulfil the requirements of Arm A", "Part 3: same criteria as Part
1") is no way in without those parts' rules: before, it counted as a part setting no rule on earlier treatment, and
every untreated patient was let through "Cohorts 1 and 2: at least 1 prior line". A part that names no other part's
criteria is still a way in of its own.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(therapies: list[str], lines: int) -> Profile:
    return stage_iv_profile(age=57, histology="squamous", tested_negative=["EGFR", "ALK", "ROS1", "KRAS"], pdl1_tps=40,
                            prior_therapies=therapies, prior_lines=lines)


NAIVE = _patient([], 0)
TREATED = _patient(["carboplatin", "paclitaxel", "pembrolizumab"], 1)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "Cell therapy in metastatic NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


LAYOUTS = [
    "* Cohorts 1 and 2: at least 1 and no more than 3 prior lines of systemic therapy for metastatic disease\n"
    "  * Cohort 1: PD-L1 TPS >= 1%\n  * Cohort 2: PD-L1 TPS < 1%\n"
    "  * Cohort 3: Patients meeting the Cohort 1 or 2 criteria for whom a tumor resection is not feasible\n",
    "* Arms A and B: progressed on at least one prior platinum-based regimen\n"
    "  * Arm A: squamous\n  * Arm B: non-squamous\n"
    "  * Arm C: patients who fulfil the requirements of Arm A but cannot undergo biopsy\n",
    "* Parts 1 and 2: at least one prior line of therapy for advanced disease\n"
    "  * Part 1: ECOG 0\n  * Part 2: ECOG 1\n"
    "  * Part 3: same criteria as Part 1, enrolled in Japan\n",
    "* Groups A and B: progression after one or two prior systemic regimens\n"
    "  * Group A: PD-L1 positive\n  * Group B: PD-L1 negative\n"
    "  * Group C: patients who satisfy the eligibility criteria for Group A or B and have brain metastases\n",
    "* Cohorts 2 and 4: at least one prior line of chemotherapy for metastatic NSCLC\n"
    "  * Cohort 2: aged 18-64\n  * Cohort 4: aged 65 or more\n"
    "  * Cohort 5: patients meeting cohort 2 criteria who need a lower dose\n",
    "* Cohorts 1 and 2: disease progression after at least one prior systemic therapy\n"
    "  * Cohort 1: adenocarcinoma\n  * Cohort 2: squamous\n"
    "  * Cohort 3: subjects meeting all inclusion criteria of Cohort 1 with a core biopsy instead\n",
]


@pytest.mark.parametrize("inclusion", LAYOUTS)
def test_a_part_taking_other_parts_patients_is_no_open_way(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "excluded"
    assert verdict(TREATED, inclusion) == "eligible"


NEAR_MISSES = [
    # the third part names no other part's criteria: a way in of its own
    "* Cohorts 1 and 2: at least 1 prior line of systemic therapy for metastatic disease\n"
    "  * Cohort 1: PD-L1 TPS >= 1%\n  * Cohort 2: PD-L1 TPS < 1%\n"
    "  * Cohort 3: patients for whom a tumor resection is not feasible\n",
    # criteria of another kind of group ("meeting the criteria for surgery")
    "* Cohorts 1 and 2: at least 1 prior line of systemic therapy for metastatic disease\n"
    "  * Cohort 1: PD-L1 TPS >= 1%\n  * Cohort 2: PD-L1 TPS < 1%\n"
    "  * Cohort 3: patients meeting the criteria for surgery\n",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES)
def test_near_miss_a_part_of_its_own_stays_open(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) != "excluded"
