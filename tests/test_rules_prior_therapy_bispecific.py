"""A bispecific antibody named by its two targets ("amivantamab or other anti-EGFR/cMET bispecific antibodies", "an
anti-PD-1/CTLA-4 bispecific antibody", "EGFR x MET bispecific antibody", "PD-1/VEGF bispecific antibody") bans the
drugs that hit both targets, not every drug of either: read name by name it banned every EGFR-targeted drug (a patient
after gefitinib was excluded) or every PD-1 inhibitor (a patient after pembrolizumab), and a bare "bispecific antibody"
banned every antibody. Where the vocabulary knows no drug hitting both, the words name nothing checkable (no rule).
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(therapies: list[str]) -> Profile:
    return stage_iv_profile(age=63, biomarkers=[{"gene": "EGFR", "alteration": "L858R"}],
                            tested_negative=["ALK", "ROS1"], pdl1_tps=5,
                            prior_therapies=therapies, prior_lines=1 if therapies else 0)


GEFITINIB = _patient(["gefitinib"])
PEMBROLIZUMAB = _patient(["carboplatin", "pemetrexed", "pembrolizumab"])
AMIVANTAMAB = _patient(["amivantamab", "lazertinib"])
CADONILIMAB = _patient(["cadonilimab"])
IVONESCIMAB = _patient(["ivonescimab", "carboplatin"])


def verdict(profile: Profile, exclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial("* Metastatic NSCLC", exclusion, "Drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


BISPECIFIC_BANS = [
    ("* Participant has received prior treatment with amivantamab or other anti-EGFR/cMET bispecific antibodies",
     GEFITINIB, AMIVANTAMAB),
    ("* Prior EGFR x MET bispecific antibody", GEFITINIB, AMIVANTAMAB),
    ("* Prior therapy with an EGFR/c-MET bispecific antibody (e.g. amivantamab)", GEFITINIB, AMIVANTAMAB),
    ("* Prior anti-PD-1/CTLA-4 bispecific antibody", PEMBROLIZUMAB, CADONILIMAB),
    ("* Received a PD-1 x CTLA-4 bispecific antibody before", PEMBROLIZUMAB, CADONILIMAB),
    ("* Prior PD-1/VEGF bispecific antibody", PEMBROLIZUMAB, IVONESCIMAB),
    ("* Previous treatment with anti-PD-1/VEGF bi-specific antibodies", PEMBROLIZUMAB, IVONESCIMAB),
]


@pytest.mark.parametrize(("exclusion", "other", "banned"), BISPECIFIC_BANS)
def test_a_bispecific_bans_the_drugs_hitting_both_targets(exclusion: str, other: Profile, banned: Profile) -> None:
    assert verdict(other, exclusion) == "eligible"
    assert verdict(banned, exclusion) == "excluded"


def test_a_bispecific_no_known_drug_hits_bans_nothing_known() -> None:
    assert verdict(GEFITINIB, "* Prior treatment with an anti-EGFR/HER3 bispecific antibody") == "eligible"


NEAR_MISSES = [
    # a ban naming each target on its own still bans either
    ("* Prior anti-PD-1 or anti-PD-L1 antibody, or bispecific antibody", PEMBROLIZUMAB, "excluded"),
    ("* Prior EGFR TKI or MET inhibitor", GEFITINIB, "excluded"),
    # a drug named beside the bispecific keeps its own ban
    ("* Prior osimertinib or EGFR x MET bispecific antibody", _patient(["osimertinib"]), "excluded"),
    # one target only: the vocabulary's own phrase
    ("* Prior EGFR bispecific antibody", AMIVANTAMAB, "excluded"),
]


@pytest.mark.parametrize(("exclusion", "profile", "expected"), NEAR_MISSES)
def test_near_miss_other_bans_keep_their_reading(exclusion: str, profile: Profile, expected: str) -> None:
    assert verdict(profile, exclusion) == expected
