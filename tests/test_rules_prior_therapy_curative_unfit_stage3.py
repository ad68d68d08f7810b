"""A first-line inclusion that takes stage III patients unfit for curative local treatment beside untreated stage IV
ones ("NSCLC with stage IIIB or IIIC disease who are not candidates for treatment with definitive concurrent
chemoradiation or patients with stage IV disease who have not received prior systemic treatment for recurrent or
metastatic NSCLC"): the unfitness is for the stage III disease's curative treatment and describes that disease. It
was read as a way around the sentence's rule (like "or not a candidate for chemotherapy"), so a stage IV patient
treated for metastatic disease got a question instead of the exclusion the rule states. An unfitness for the
systemic treatment itself still leaves that way in.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, age=68, histology="squamous", tested_negative=["EGFR", "ALK", "ROS1"], pdl1_tps=70,
                   prior_therapies=["carboplatin", "paclitaxel", "pembrolizumab"], prior_lines=1)


TREATED = _patient()
NAIVE = _patient(prior_therapies=[], prior_lines=0)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


SENTENCES = [
    "* Patients with histologically confirmed NSCLC with stage IIIB or stage IIIC disease who are not candidates for "
    "treatment with definitive concurrent chemoradiation or patients with stage IV disease who have not received prior "
    "systemic treatment for recurrent or metastatic NSCLC.",
    "* Stage III NSCLC not eligible for curative surgery or radiotherapy, or stage IV NSCLC, with no prior systemic "
    "therapy for advanced disease",
    "* Locally advanced disease unsuitable for radical chemoradiotherapy or metastatic disease, and no previous "
    "systemic treatment for advanced NSCLC",
    "* Participants with stage IIIB/C disease who are ineligible for definitive chemoradiotherapy, or with stage "
    "IV disease, who have not received systemic therapy for metastatic disease",
    "* Unresectable stage III NSCLC not amenable to definitive multimodality therapy or stage IV NSCLC without any "
    "prior systemic therapy for advanced disease",
    "* Stage IIIB not candidates for curative-intent treatment, or stage IV; no prior systemic anticancer therapy for "
    "metastatic disease",
]


@pytest.mark.parametrize("inclusion", SENTENCES)
def test_the_curative_unfitness_leaves_the_rule_firm(inclusion: str) -> None:
    assert verdict(TREATED, inclusion) == "excluded"
    assert verdict(NAIVE, inclusion) == "eligible"


NEAR_MISSES = [
    # unfit for the systemic treatment itself: the sentence's way in for an untreated patient
    "* Disease progression after standard systemic therapy, or unsuitable for standard chemotherapy",
    "* Patients who have progressed on at least one prior line of therapy, or who are not candidates for standard "
    "systemic therapy",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES)
def test_an_unfitness_for_the_systemic_treatment_still_opens_a_way(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "unknown"
