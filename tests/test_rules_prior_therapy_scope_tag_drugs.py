"""A scope tag in brackets that names the study's parts by their drugs ("(drug-code Part A and Part B, drug-code BM
cohort)", "(X plus Y arm)", "(X LM cohort only)") tells who the line is for and what that part GIVES. The drug words
there are never an earlier treatment the patient must have had or must lack (a performance-status line tagged with
the osimertinib cohort asked every patient for prior osimertinib; "0-2" beside it was read as "at most 2 osimertinib
regimens"). A bracket telling a group's history ("osimertinib-pretreated cohort", "post-osimertinib") and a drug
named outside the tag keep their reading.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="egfr", age=61, biomarkers=[{"gene": "EGFR", "alteration": "L858R"}],
                   tested_negative=["ALK", "ROS1"])
NAIVE = _patient()
OSIMERTINIB = _patient(prior_therapies=["osimertinib"], prior_lines=1)
CHEMO = _patient(prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)
EVERYONE = (NAIVE, OSIMERTINIB, CHEMO)


def verdict(profile: Profile, inclusion: str, exclusion: str = "* Pregnancy") -> str:
    trial = invented_trial(inclusion, exclusion, "A study of drug X in solid tumours")
    return str(prior_therapy.check(prior_therapy.parse(trial), profile).verdict)


# Each line is about something else (performance status, organ function, survival); its tag names the parts' drugs.
TAGGED = [
    "* ECOG 0-1 with no decline over the last 2 weeks and life expectancy of at least 3 months (lazertinib Part 1 "
    "and Part 2, amivantamab CNS cohort)",
    "* Karnofsky 70 or more, stable over the previous 14 days, and expected survival of 12 weeks or more (sotorasib "
    "dose escalation, adagrasib expansion cohort)",
    "* ECOG 0-2 with no deterioration over the preceding 2 weeks (selpercatinib LM cohort only)",
    "* Performance status 0-1 without deterioration in the previous 2 weeks (Part A and Part B, osimertinib brain "
    "metastases cohort)",
    "* Adequate organ function, with no transfusion in the prior 2 weeks (AZD9291 cohorts 1 and 2)",
    "* Stable neurological status for the previous 14 days (osimertinib plus savolitinib arm)",
    "* WHO performance status 0-2 with no deterioration over the previous 2 weeks (AZD9291 LM cohort only)",
    "* Adequate haematological function without growth factor support in the prior 14 days (MRTX849 Part 1, "
    "AMG 510 expansion)",
]


@pytest.mark.parametrize("inclusion", TAGGED)
@pytest.mark.parametrize("profile", EVERYONE, ids=("naive", "osimertinib", "chemo"))
def test_a_drug_in_a_scope_tag_states_no_earlier_treatment(inclusion: str, profile: Profile) -> None:
    assert verdict(profile, inclusion) == "eligible"


# Near-misses: a history bracket, or a drug named outside the tag, still asks for it.
REQUIRED = [
    "* Prior osimertinib (AZD9291) is required",
    "* Must have progressed on osimertinib (osimertinib-pretreated expansion cohort)",
    "* Disease progression on prior osimertinib (cohort B, post-osimertinib)",
]


@pytest.mark.parametrize("inclusion", REQUIRED)
def test_a_history_bracket_or_an_untagged_drug_still_asks(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "excluded"
    assert verdict(CHEMO, inclusion) == "excluded"
    assert verdict(OSIMERTINIB, inclusion) == "eligible"


BANNED = [
    "* Prior treatment with osimertinib (all cohorts)",
    "* Prior osimertinib (AZD9291) for advanced disease",
    "* Previous treatment with a third-generation EGFR TKI (osimertinib or lazertinib)",
]


@pytest.mark.parametrize("exclusion", BANNED)
def test_a_ban_outside_the_tag_still_bans(exclusion: str) -> None:
    assert verdict(OSIMERTINIB, "* Histologically confirmed NSCLC", exclusion) == "excluded"
    assert verdict(NAIVE, "* Histologically confirmed NSCLC", exclusion) == "eligible"
