"""A ban on "the assigned agent or another drug with a similar mechanism (e.g. prior X for the Y arm, ...)" binds each
example to its own arm: a patient whose drug matches the example of an arm whose marker they carry gets a question
(unknown), anyone else no rule; the generic words of the ban ("targeted therapy") ban nothing. A trial-wide ban
keeps its verdict.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

OSI = stage_iv_profile(id="egfr", biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                       prior_therapies=["osimertinib"], prior_lines=1)
PEMBRO = stage_iv_profile(id="kras", biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                          prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
TRASTUZUMAB = stage_iv_profile(id="her2", biomarkers=[{"gene": "ERBB2", "alteration": "exon 20 insertion"}],
                               prior_therapies=["trastuzumab deruxtecan"], prior_lines=1)
DABRAFENIB = stage_iv_profile(id="braf", biomarkers=[{"gene": "BRAF", "alteration": "V600E"}],
                              prior_therapies=["dabrafenib", "trametinib"], prior_lines=1)


def verdict(profile: Profile, exclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial("* Measurable disease\n", f"* {exclusion}\n",
                                               "A basket study of matched therapies in solid tumours"))
    return str(prior_therapy.check(rules, profile).verdict)


BANS = [
    "Previous treatment with the assigned targeted therapy or another drug with a similar mechanism of action (e.g., "
    "prior anti-HER2 therapy for the HER2 arm, prior BRAF or MEK inhibitor for the BRAF arm, prior anti-PD-1/PD-L1 "
    "for the TMB-high arm)",
    "Prior therapy with the allocated study drug or a drug of the same mechanism of action (for example a HER2 "
    "antibody in the ERBB2 cohort, a MEK inhibitor in the BRAF cohort)",
    "Prior exposure to the matched investigational agent or an agent with similar mechanism of action, e.g. prior "
    "anti-HER2 treatment for the HER2 module; prior immune checkpoint inhibitor for the MSI-high module",
    "Received the participant's assigned targeted agent or another drug with a similar mechanism of action "
    "(e.g., BRAF inhibitor for the BRAF V600 arm, anti-HER2 antibody for the HER2 amplified arm)",
    "Previous therapy with the assigned treatment or any drug with a similar mechanism of action (e.g. a PD-1 "
    "inhibitor for the TMB arm, trastuzumab deruxtecan for the HER2 arm)",
    "Prior treatment with the study therapy or another targeted therapy with similar mechanism of action (such as "
    "prior BRAF inhibitor for the BRAF arm, prior HER2-directed therapy for the HER2 arm)",
]


@pytest.mark.parametrize("exclusion", BANS)
def test_arm_bound_ban_does_not_exclude_other_arms_patients(exclusion: str) -> None:
    assert verdict(OSI, exclusion) == "eligible"  # no EGFR example: "targeted therapy" bans nothing
    assert verdict(PEMBRO, exclusion) == "eligible"  # PD-1 only for a TMB/MSI arm the patient is not shown in


@pytest.mark.parametrize("exclusion", BANS)
def test_example_of_the_patients_own_arm_is_a_question(exclusion: str) -> None:
    patient = DABRAFENIB if "BRAF inhibitor" in exclusion or "MEK" in exclusion else TRASTUZUMAB
    assert verdict(patient, exclusion) == "unknown"


def test_egfr_arm_example_is_a_question_for_egfr_carriers() -> None:
    ban = ("Prior treatment with the assigned agent or another drug with a similar mechanism of action (e.g., "
           "prior EGFR TKI for the EGFR arm)")
    assert verdict(OSI, ban) == "unknown"


NEAR_MISSES = [
    # trial-wide bans: no arm example
    ("Prior treatment with any EGFR tyrosine kinase inhibitor", OSI),
    ("Prior treatment with the study drug or any other third-generation EGFR TKI", OSI),
    ("Prior anti-PD-1 or anti-PD-L1 therapy", PEMBRO),
]


@pytest.mark.parametrize(("exclusion", "patient"), NEAR_MISSES)
def test_trial_wide_bans_still_exclude(exclusion: str, patient: Profile) -> None:
    assert verdict(patient, exclusion) == "excluded"
