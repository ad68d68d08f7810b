"""A ban with a limited-course exception: "No prior chemotherapy for lung cancer, except 1 prior cycle of cisplatin or
carboplatin with etoposide (in which case patients must be registered within 4 weeks of starting chemotherapy)". It
is a ban on chemotherapy: any chemotherapy drug outside the exception excludes; a patient whose chemotherapy lies
wholly within it is a question (the cycle limit is not in the profile). The "(in which case ...)" clause tells what
applies in the excepted case: it asks nothing of others and makes the sentence no washout (it turned the ban into a
requirement of chemotherapy, and every chemotherapy-treated patient passed).
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="p", age=67, tested_negative=["EGFR", "ALK"])


def treated(*drugs: str) -> Profile:
    return _patient(prior_therapies=list(drugs), prior_lines=1)


NAIVE = _patient()
OUTSIDE = treated("carboplatin", "pemetrexed")
TWO_LINES = _patient(prior_therapies=["carboplatin", "paclitaxel", "docetaxel"], prior_lines=2)
TKI = treated("osimertinib")


def verdict(profile: Profile, inclusion: str) -> str:
    trial = invented_trial(inclusion, "* Pregnancy", "A study of drug X in lung cancer")
    return str(prior_therapy.check(prior_therapy.parse(trial), profile).verdict)


# (sentence, a regimen within the exception)
LIMITED = [
    ("* No prior chemotherapy for lung cancer, except 1 prior cycle of carboplatin or cisplatin with etoposide (in "
     "which case registration must be within 3 weeks of starting chemotherapy)", ("cisplatin", "etoposide")),
    ("* No previous chemotherapy except a single cycle of carboplatin plus etoposide, in which case registration "
     "must occur within 3 weeks of the first dose", ("carboplatin", "etoposide")),
    ("* No prior systemic chemotherapy for lung cancer, other than up to 2 cycles of cisplatin-etoposide (in that "
     "case, enrolment must be within 6 weeks of starting)", ("cisplatin", "etoposide")),
    ("* No prior cytotoxic therapy except one course of carboplatin with etoposide", ("carboplatin", "etoposide")),
    ("* Chemotherapy-naive, except for one prior cycle of platinum/etoposide", ("carboplatin", "etoposide")),
    ("* No prior chemotherapy for this cancer, with the exception of one cycle of cisplatin and etoposide given "
     "before study entry (in such a case the patient must start study treatment within 4 weeks)",
     ("cisplatin", "etoposide")),
]


@pytest.mark.parametrize(("inclusion", "within"), LIMITED)
def test_a_limited_course_exception_keeps_the_ban(inclusion: str, within: tuple[str, ...]) -> None:
    assert verdict(OUTSIDE, inclusion) == "excluded"
    assert verdict(TWO_LINES, inclusion) == "excluded"
    assert verdict(treated(*within), inclusion) == "unknown"
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(TKI, inclusion) == "eligible"


def test_an_exception_without_a_course_limit_still_lets_in() -> None:
    inclusion = "* No prior chemotherapy except carboplatin"
    assert verdict(treated("carboplatin"), inclusion) == "eligible"
    assert verdict(OUTSIDE, inclusion) == "excluded"


def test_a_washout_stays_a_washout() -> None:
    inclusion = "* At least 4 weeks since prior chemotherapy"
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(OUTSIDE, inclusion) == "eligible"
