"""A ban on "therapy that (specifically and directly) targets the EGFR pathway", "treatment directed at MET", "therapy
which selectively inhibits ALK": the relative clause names the class the ban is on, the same as "EGFR-targeted
therapy". The bare "No prior therapy" in front of it is never a generic ban on all treatment (an inclusion
"No prior therapy that specifically and directly targets the EGFR pathway" excluded a capmatinib-treated patient).
A plain "No prior therapy" (or one whose clause names no target) keeps the naive reading.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="p", age=58, tested_negative=["ROS1"])


def treated(*drugs: str) -> Profile:
    return _patient(prior_therapies=list(drugs), prior_lines=1)


NAIVE = _patient()
CHEMO = treated("carboplatin", "pemetrexed")


def verdict(profile: Profile, inclusion: str, exclusion: str = "* Pregnancy") -> str:
    trial = invented_trial(inclusion, exclusion, "A study of drug X in NSCLC")
    return str(prior_therapy.check(prior_therapy.parse(trial), profile).verdict)


# (sentence, a drug of the class named, a targeted drug of another class)
AIMED = [
    ("* No prior therapy that specifically and directly targets the EGFR pathway", "gefitinib", "capmatinib"),
    ("* No prior therapy targeting EGFR", "amivantamab", "selpercatinib"),
    ("* No previous treatment directed at the MET pathway", "capmatinib", "osimertinib"),
    ("* No prior therapy that selectively inhibits ALK", "alectinib", "capmatinib"),
    ("* No prior therapy which is directed against HER2", "trastuzumab deruxtecan", "crizotinib"),
    ("* No prior therapy that primarily targets RET", "pralsetinib", "osimertinib"),
    ("* Patients must have had no previous treatment aimed at KRAS", "sotorasib", "lorlatinib"),
]


@pytest.mark.parametrize(("inclusion", "banned", "other"), AIMED)
def test_the_clause_names_the_banned_class(inclusion: str, banned: str, other: str) -> None:
    assert verdict(treated(banned), inclusion) == "excluded"
    assert verdict(treated(other), inclusion) == "eligible"
    assert verdict(CHEMO, inclusion) == "eligible"
    assert verdict(NAIVE, inclusion) == "eligible"


# Near-misses: nothing targeted is named, so every earlier treatment is banned as before.
PLAIN = [
    "* No prior therapy",
    "* No prior therapy that was given for metastatic disease",
    "* No previous treatment for advanced NSCLC",
]


@pytest.mark.parametrize("inclusion", PLAIN)
def test_a_plain_no_prior_therapy_keeps_banning_all(inclusion: str) -> None:
    assert verdict(CHEMO, inclusion) == "excluded"
    assert verdict(treated("capmatinib"), inclusion) == "excluded"
    assert verdict(NAIVE, inclusion) == "eligible"
