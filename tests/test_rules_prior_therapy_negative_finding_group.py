"""A requirement for the patients WITHOUT a finding ("Patients who are T790M-negative after a first-generation EGFR
TKI must have received platinum-based chemotherapy"): the finding was read as the group's marker, so the rule bound
the carriers, the very patients it leaves out, and a T790M carrier without platinum was excluded (a false
exclusion). The scope by finding cannot hold "those without it", so the rule is now a question (soft): no carrier is
excluded by it. Near-misses: the same rule for the carriers ("T790M-positive patients must have received
osimertinib") still excludes a carrier without the drug.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(alterations: list[str], drugs: list[str], lines: int) -> Profile:
    return stage_iv_profile(age=70, biomarkers=[{"gene": "EGFR", "alteration": a} for a in alterations],
                            tested_negative=["ALK", "ROS1"], pdl1_tps=0, prior_therapies=drugs, prior_lines=lines,
                            ecog=0)


CARRIER = _patient(["exon 19 deletion", "T790M"], ["gefitinib"], 1)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(f"* Stage IV NSCLC\n* {inclusion}\n", "* Pregnancy",
                                               "A study of drug X in EGFR-mutant NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


NEGATIVE_GROUP = [
    "Patients who are T790M-negative after a first-generation EGFR TKI must have received platinum-based "
    "chemotherapy",
    "Participants with T790M negative disease should have progressed on carboplatin and pemetrexed",
    "Subjects negative for the EGFR T790M mutation must have had prior docetaxel",
    "For patients without T790M at progression, prior cisplatin-based chemotherapy is required",
    "Patients whose tumours are T790M-negative must have received prior pemetrexed",
    "Patients with T790M-neg tumours must have received atezolizumab or pembrolizumab",
]


@pytest.mark.parametrize("inclusion", NEGATIVE_GROUP)
def test_a_rule_for_those_without_the_finding_does_not_exclude_a_carrier(inclusion: str) -> None:
    assert verdict(CARRIER, inclusion) != "excluded"


CARRIER_GROUP = [
    "Patients whose tumours are T790M-positive must have received osimertinib",
    "Patients with EGFR T790M mutation must have received prior osimertinib",
]


@pytest.mark.parametrize("inclusion", CARRIER_GROUP)
def test_near_miss_a_rule_for_the_carriers_still_excludes_one_without_the_drug(inclusion: str) -> None:
    assert verdict(CARRIER, inclusion) == "excluded"
