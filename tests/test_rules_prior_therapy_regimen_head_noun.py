"""A required regimen whose last drug carries its class as a noun: "4-6 cycles of first-line platinum (cisplatin or
carboplatin) and etoposide chemotherapy with atezolizumab". "etoposide chemotherapy" is etoposide, not "etoposide or
any chemotherapy": the named partner is required with the platinum (carboplatin + pemetrexed + pembrolizumab was a
question through the class word; the label reads it excluded, as etoposide was never given).
Near-misses: "platinum-based chemotherapy" (a class with its own noun) and lists joined by "or" keep their reading.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="p", age=62, tested_negative=["EGFR", "ALK"])


def treated(*drugs: str) -> Profile:
    return _patient(prior_therapies=list(drugs), prior_lines=1)


def verdict(profile: Profile, inclusion: str) -> str:
    trial = invented_trial(inclusion, "* Pregnancy", "A study of drug X in lung cancer")
    return str(prior_therapy.check(prior_therapy.parse(trial), profile).verdict)


# (sentence, a regimen with every named part, one missing the partner named with the class noun)
REGIMENS = [
    ("* Patients must have received 4-6 cycles of first-line cisplatin or carboplatin and etoposide chemotherapy "
     "with atezolizumab", ("carboplatin", "etoposide", "atezolizumab"), ("carboplatin", "pemetrexed", "atezolizumab")),
    ("* Must have completed first-line carboplatin and paclitaxel chemotherapy", ("carboplatin", "paclitaxel"),
     ("carboplatin", "pemetrexed")),
    ("* Prior treatment with cisplatin and pemetrexed chemotherapy is required", ("cisplatin", "pemetrexed"),
     ("cisplatin", "gemcitabine")),
    ("* Patients must have received platinum and etoposide chemotherapy plus durvalumab",
     ("cisplatin", "etoposide", "durvalumab"), ("cisplatin", "pemetrexed", "durvalumab")),
    ("* Must have progressed after carboplatin and gemcitabine chemotherapy", ("carboplatin", "gemcitabine"),
     ("carboplatin", "docetaxel")),
    ("* Received at least 4 cycles of carboplatin and nab-paclitaxel chemotherapy", ("carboplatin", "nab-paclitaxel"),
     ("carboplatin", "pemetrexed")),
]


@pytest.mark.parametrize(("inclusion", "full", "partner_missing"), REGIMENS)
def test_the_partner_named_with_the_class_noun_is_required(inclusion: str, full: tuple[str, ...],
                                                          partner_missing: tuple[str, ...]) -> None:
    assert verdict(treated(*full), inclusion) in ("eligible", "unknown")
    assert verdict(treated(*partner_missing), inclusion) == "excluded"
    assert verdict(_patient(), inclusion) == "excluded"


def test_a_class_with_its_own_noun_keeps_its_reading() -> None:
    inclusion = "* Must have received prior platinum-based chemotherapy"
    assert verdict(treated("carboplatin", "pemetrexed"), inclusion) == "eligible"
    assert verdict(treated("osimertinib"), inclusion) == "excluded"
