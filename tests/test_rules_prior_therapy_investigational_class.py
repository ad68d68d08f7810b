"""A ban on a generic systemic class qualified as investigational ("Previously received an investigational
antineoplastic agent", "Prior experimental systemic therapy", "Have not received any investigational anticancer
treatment"): the study drugs of other trials, which a list of approved drugs does not hold. It is read like "an
investigational agent" (no rule), not as "no prior systemic treatment": a patient after approved chemotherapy or
a TKI was excluded. A class the words do not qualify ("approved or investigational", "chemotherapy or
investigational therapy": the chemotherapy) and a named drug beside it still ban.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, age=64, tested_negative=["EGFR", "ALK", "ROS1"], pdl1_tps=20,
                   prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)


CHEMO_IO = _patient()
TKI = _patient(biomarkers=[{"gene": "EGFR", "alteration": "L858R"}], tested_negative=["ALK"],
               prior_therapies=["osimertinib"])
SOTORASIB = _patient(biomarkers=[{"gene": "KRAS", "alteration": "G12C"}], prior_therapies=["carboplatin", "sotorasib"])


def verdict(profile: Profile, exclusion: str, inclusion: str = "* Stage IV NSCLC") -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, exclusion, "A study of drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


EXCLUSIONS = [
    "* Previously received an investigational antineoplastic agent for NSCLC.",
    "* Prior experimental systemic therapy",
    "* Any prior unapproved anti-cancer drug for metastatic disease",
    "* Received investigational systemic anticancer treatment at any time",
    "* Prior treatment with an investigational anti-tumour agent in the advanced setting",
    "* History of treatment with any non-approved antineoplastic therapy",
    "* Participants who have previously received experimental anticancer therapy for lung cancer",
]


@pytest.mark.parametrize("exclusion", EXCLUSIONS)
@pytest.mark.parametrize("profile", [CHEMO_IO, TKI], ids=["chemo-io", "tki"])
def test_an_investigational_class_ban_leaves_approved_treatment(exclusion: str, profile: Profile) -> None:
    assert verdict(profile, exclusion) == "eligible"


INCLUSIONS = [
    "* Have not received any experimental systemic therapy for advanced disease",
    "* Must not have received any prior investigational anticancer treatment",
    "* Patients have not received any investigational agents for metastatic NSCLC",
]


@pytest.mark.parametrize("inclusion", INCLUSIONS)
def test_the_same_said_as_an_inclusion_duty(inclusion: str) -> None:
    assert verdict(CHEMO_IO, "* Pregnancy", inclusion) == "eligible"


NEAR_MISSES = [
    # the whole class, approved drugs too
    ("* Prior treatment with any approved or investigational anticancer therapy", CHEMO_IO),
    ("* Prior treatment with any investigational or approved anticancer therapy", CHEMO_IO),
    ("* Previously received any anticancer therapy for NSCLC.", CHEMO_IO),
    # a class the word does not qualify stays banned
    ("* Prior chemotherapy or investigational anticancer therapy", CHEMO_IO),
    # a named drug beside the investigational class stays banned
    ("* Prior sotorasib or any investigational anticancer agent", SOTORASIB),
]


@pytest.mark.parametrize(("exclusion", "profile"), NEAR_MISSES)
def test_a_ban_the_word_does_not_narrow_still_excludes(exclusion: str, profile: Profile) -> None:
    assert verdict(profile, exclusion) == "excluded"


def test_an_untreated_naive_rule_still_binds() -> None:
    assert verdict(CHEMO_IO, "* Pregnancy", "* Have not received any systemic therapy for advanced disease") \
        == "excluded"
