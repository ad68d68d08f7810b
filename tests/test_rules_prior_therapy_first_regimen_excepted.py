"""A ban on earlier systemic therapy with a regimen-level exception: "other than the first platinum-based regimen (with
or without maintenance)", "except for one prior platinum-containing regimen", "apart from one line of cisplatin- or
carboplatin-based therapy". The exception is the whole first line: every drug in it (the doublet partner, an antibody
or IO given with it) is let in, not only the platinum drug (carboplatin + pemetrexed was excluded because pemetrexed
is no platinum). One line holding the named drug passes; a second line, or a single line without it, is banned.
A drug-level exception ("other than platinum-based chemotherapy") keeps its reading.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="kras", age=66, biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                   tested_negative=["EGFR", "ALK", "ROS1"])
NAIVE = _patient()
DOUBLET = _patient(prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)
CHEMO_IO = _patient(prior_therapies=["cisplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
CHEMO_ANTIBODY = _patient(prior_therapies=["carboplatin", "pemetrexed", "amivantamab"], prior_lines=1)
TKI_ONLY = _patient(prior_therapies=["osimertinib"], prior_lines=1)
IO_ONLY = _patient(prior_therapies=["pembrolizumab"], prior_lines=1)
TWO_LINES = _patient(prior_therapies=["carboplatin", "paclitaxel", "docetaxel"], prior_lines=2)


def verdict(profile: Profile, exclusion: str) -> str:
    trial = invented_trial("* Stage IV NSCLC", exclusion, "A study of drug X in solid tumours")
    return str(prior_therapy.check(prior_therapy.parse(trial), profile).verdict)


WHOLE_LINE = [
    "* Prior systemic treatment for metastatic NSCLC other than the first carboplatin- or cisplatin-based regimen "
    "(maintenance allowed within it)",
    "* Any previous systemic treatment for metastatic disease except for one prior platinum-containing regimen",
    "* Prior anticancer therapy for stage IV disease, other than a single line of platinum doublet chemotherapy",
    "* Any prior systemic therapy for recurrent disease besides first-line platinum-based chemotherapy with or "
    "without maintenance",
    "* Previous systemic anti-cancer treatment in the advanced setting apart from one line of cisplatin- or "
    "carboplatin-based therapy",
    "* Prior systemic treatment for advanced NSCLC, with the exception of one first-line platinum doublet regimen",
    "* Received prior systemic therapy for metastatic disease other than one line of platinum-based chemotherapy",
]


@pytest.mark.parametrize("exclusion", WHOLE_LINE)
@pytest.mark.parametrize("profile", (DOUBLET, CHEMO_IO, CHEMO_ANTIBODY, NAIVE),
                         ids=("doublet", "chemo-io", "chemo-antibody", "naive"))
def test_the_first_platinum_line_is_let_in_whole(exclusion: str, profile: Profile) -> None:
    assert verdict(profile, exclusion) == "eligible"


@pytest.mark.parametrize("exclusion", WHOLE_LINE)
@pytest.mark.parametrize("profile", (TKI_ONLY, IO_ONLY, TWO_LINES), ids=("tki", "io", "two-lines"))
def test_a_line_without_platinum_or_a_second_line_is_banned(exclusion: str, profile: Profile) -> None:
    assert verdict(profile, exclusion) == "excluded"


def test_a_carboplatin_only_exception_still_bans_a_cisplatin_line() -> None:
    exclusion = "* Any prior systemic therapy for advanced disease other than the initial carboplatin regimen"
    assert verdict(DOUBLET, exclusion) == "eligible"
    assert verdict(CHEMO_IO, exclusion) == "excluded"


# Near-misses: the exception is a drug class or a setting, not a line; the partner drug stays banned.
DRUG_LEVEL = [
    "* Prior systemic therapy other than platinum-based chemotherapy",
    "* Prior systemic therapy for advanced disease other than adjuvant platinum-based chemotherapy",
    "* Prior systemic therapy except 1 cycle of carboplatin",
]


@pytest.mark.parametrize("exclusion", DRUG_LEVEL)
def test_a_drug_level_exception_keeps_its_reading(exclusion: str) -> None:
    assert verdict(DOUBLET, exclusion) == "excluded"
    assert verdict(NAIVE, exclusion) == "eligible"
