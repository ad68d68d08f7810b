"""An inclusion giving two ways in, the untreated one said with its line ("Either treatment-naive in first line or
pretreated with not more than two lines of prior therapy in the advanced setting"): "first line" there restates the
untreated way. It was read into the other way as "no line yet" beside the cap, so the other way took no treated
patient and everyone treated was excluded. The untreated way's line words stay with it; the cap binds the rest.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, age=59, biomarkers=[{"gene": "MET", "alteration": "exon 14 skipping"}],
                   tested_negative=["EGFR", "ALK", "ROS1"], pdl1_tps=5)


NAIVE = _patient()
ONE_LINE = _patient(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
TWO_LINES = _patient(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"], prior_lines=2)
FOUR_LINES = _patient(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel", "gemcitabine",
                                       "vinorelbine"], prior_lines=4)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


# (sentence, the cap of the treated way)
SENTENCES = [
    ("* Either treatment-naive in first line or pretreated with not more than two lines of prior therapy in the "
     "advanced or metastatic setting", 2),
    ("* Either previously untreated in the first-line setting or previously treated with up to 2 prior regimens for "
     "advanced disease", 2),
    ("* Treatment-naive in the first-line setting or have received at most one prior line of therapy for metastatic "
     "disease", 1),
    ("* Previously untreated in the first-line setting, or pretreated with no more than 2 prior lines for advanced "
     "disease", 2),
    ("* Either therapy-naive for first-line treatment or having received no more than three prior systemic regimens "
     "for recurrent disease", 3),
    ("* Participants must be either treatment naive in 1st line or have received up to 2 lines of systemic therapy "
     "for stage IV NSCLC", 2),
    ("* Either systemic therapy-naive in first-line, or pre-treated with a maximum of two prior lines for advanced "
     "NSCLC", 2),
]


@pytest.mark.parametrize(("inclusion", "cap"), SENTENCES)
def test_both_ways_in(inclusion: str, cap: int) -> None:
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(ONE_LINE, inclusion) == "eligible"
    assert verdict(TWO_LINES, inclusion) == ("eligible" if cap >= 2 else "excluded")
    assert verdict(FOUR_LINES, inclusion) == "excluded"


NEAR_MISSES = [
    # the untreated way alone, its line said: still first-line only
    "* Treatment-naive in the first-line setting",
    "* Previously untreated patients in first line",
    # a first line asked for outright, with a cap after it: the first line binds
    "* Eligible for first-line treatment and no prior systemic therapy for advanced disease",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES)
def test_the_untreated_way_alone_still_shuts_the_treated_out(inclusion: str) -> None:
    assert verdict(ONE_LINE, inclusion) == "excluded"
    assert verdict(NAIVE, inclusion) == "eligible"
