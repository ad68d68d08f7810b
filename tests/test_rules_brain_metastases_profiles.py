"""Brain metastases for invented whole profiles (not the shared ones): none, treated and stable, active and
unknown, with other facts unlike the shared profiles, against invented trials of several kinds."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile, profile_from_dict


def _profile(pid: str, brain: str | None, **extra: object) -> Profile:
    base: dict[str, object] = {"id": pid, "age": 58, "sex": "male", "histology": "nsclc-nos", "stage": "IV",
                               "biomarkers": [], "tested_negative": [], "pdl1_tps": 1, "prior_therapies": [],
                               "prior_lines": 0, "ecog": 2, "brain_metastases": brain}
    return profile_from_dict({**base, **extra})


PROFILES = {
    "met-amp-no-brain": _profile("met-amp-no-brain", "none",
                                 biomarkers=[{"gene": "MET", "alteration": "amplification"}]),
    "egfr-c797s-treated-brain": _profile("egfr-c797s-treated-brain", "treated_stable",
                                         biomarkers=[{"gene": "EGFR", "alteration": "C797S"}],
                                         prior_therapies=["osimertinib"], prior_lines=1),
    "erbb2-amp-active-brain": _profile("erbb2-amp-active-brain", "active",
                                       biomarkers=[{"gene": "ERBB2", "alteration": "amplification"}]),
    "squamous-brain-unknown": _profile("squamous-brain-unknown", None, histology="squamous"),
}


def _trial(inclusion: str = "", exclusion: str = "") -> TrialText:
    return invented_trial(inclusion, exclusion, "An invented trial in advanced NSCLC")


# (inclusion, exclusion) -> verdict for each profile above, in order.
CASES = {
    "leptomeningeal-only-exclusion": ("", "* Known leptomeningeal carcinomatosis",
                                      ("eligible", "eligible", "eligible", "unknown")),
    "asymptomatic-untreated-allowed": ("", "* Untreated brain metastases, unless asymptomatic and off steroids",
                                       ("eligible", "eligible", "unknown", "unknown")),
    "stable-for-four-weeks": ("", "* Brain metastases, unless treated and stable for at least 4 weeks",
                              ("eligible", "eligible", "excluded", "unknown")),
    "marker-cohort-exclusion": ("", "* Brain metastases in the HER2 cohort",
                                ("eligible", "unknown", "unknown", "unknown")),
    "untreated-lesion-required": ("* At least one untreated brain metastasis of 5 mm or more", "",
                                  ("excluded", "excluded", "eligible", "unknown")),
    "any-brain-metastases-excluded": ("", "* Known brain metastases",
                                      ("eligible", "excluded", "excluded", "unknown")),
    "documented-brain-metastases-required": ("* Brain metastases documented by MRI (treated or untreated)", "",
                                             ("excluded", "eligible", "eligible", "unknown")),
    "confirmed-leptomeningeal-disease-required": ("* Cytologically confirmed leptomeningeal carcinomatosis", "",
                                                  ("excluded", "unknown", "unknown", "unknown")),
    "prior-whole-brain-radiotherapy": ("", "* History of whole brain radiotherapy",
                                       ("eligible", "eligible", "eligible", "eligible")),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), CASES.values(), ids=CASES.keys())
def test_invented_profiles(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    rules = brain_metastases.parse(_trial(inclusion, exclusion))
    got = tuple(brain_metastases.check(rules, p).verdict for p in PROFILES.values())
    assert got == expected
