"""A ban on this cancer's treatment with an aside allowing the same treatment for ANOTHER cancer: "No prior systemic
chemotherapy for lung cancer (prior chemotherapy for a different cancer is allowed)". The aside never lifts the ban
(it lifted it for every chemotherapy-treated NSCLC patient, which a naive misreading of a nearby line had hidden).
Near-misses: an aside allowing a treatment without another cancer ("(prior pembrolizumab is allowed)") still lifts
it as before.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="p", age=63, tested_negative=["EGFR", "ALK"])
NAIVE = _patient()
DOUBLET = _patient(prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)
TAXANE = _patient(prior_therapies=["cisplatin", "docetaxel"], prior_lines=1)


def verdict(profile: Profile, inclusion: str) -> str:
    trial = invented_trial(inclusion, "* Pregnancy", "A study of drug X in NSCLC")
    return str(prior_therapy.check(prior_therapy.parse(trial), profile).verdict)


OTHER_CANCER = [
    "* No prior systemic chemotherapy for lung cancer (prior chemotherapy for a different cancer is allowed)",
    "* No previous chemotherapy for NSCLC; chemotherapy given for another malignancy is permitted",
    "* No prior cytotoxic chemotherapy for the lung primary (chemotherapy for a separate primary tumour is acceptable)",
    "* Patients must not have received chemotherapy for NSCLC. Prior chemotherapy for other cancers is allowed",
    "* No prior platinum-based chemotherapy for lung cancer (platinum for an unrelated malignancy is allowed)",
    "* No prior systemic chemotherapy for the current disease (chemotherapy for a different primary tumour is allowed)",
    "* No prior systemic chemotherapy for metastatic NSCLC; chemotherapy for a prior unrelated cancer is permitted",
]


@pytest.mark.parametrize("inclusion", OTHER_CANCER)
def test_an_allowance_for_another_cancer_keeps_the_ban(inclusion: str) -> None:
    assert verdict(DOUBLET, inclusion) == "excluded"
    assert verdict(TAXANE, inclusion) == "excluded"
    assert verdict(NAIVE, inclusion) == "eligible"


def test_an_allowance_of_a_treatment_still_lifts() -> None:
    inclusion = "* No prior systemic therapy for advanced NSCLC (prior docetaxel is allowed)"
    assert verdict(DOUBLET, inclusion) == "excluded"
    assert verdict(NAIVE, inclusion) == "eligible"
