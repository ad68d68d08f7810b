"""Performance status for invented whole profiles (not the shared ones): ECOG 0-4 and unknown, against
invented trials whose limits are joined to other conditions or named for one part."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import performance_status
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile, profile_from_dict


def _profile(pid: str, ecog: int | None, **extra: object) -> Profile:
    base: dict[str, object] = {"id": pid, "age": 67, "sex": "female", "histology": "adenocarcinoma", "stage": "IV",
                               "biomarkers": [], "tested_negative": [], "pdl1_tps": None, "prior_therapies": [],
                               "prior_lines": None, "ecog": ecog, "brain_metastases": "none"}
    return profile_from_dict({**base, **extra})


PROFILES = {
    "nrg1-fusion-ecog0": _profile("nrg1-fusion-ecog0", 0, biomarkers=[{"gene": "NRG1", "alteration": "fusion"}]),
    "kras-g12d-ecog1": _profile("kras-g12d-ecog1", 1, biomarkers=[{"gene": "KRAS", "alteration": "G12D"}]),
    "large-cell-ecog2": _profile("large-cell-ecog2", 2, histology="large cell", age=78),
    "egfr-g719x-ecog3": _profile("egfr-g719x-ecog3", 3, biomarkers=[{"gene": "EGFR", "alteration": "G719X"}]),
    "nos-ecog4": _profile("nos-ecog4", 4, histology="nsclc-nos"),
    "ecog-unknown": _profile("ecog-unknown", None, histology=None),
}


def _trial(inclusion: str = "", exclusion: str = "") -> TrialText:
    return invented_trial(inclusion, exclusion, "An invented trial")


# (inclusion, exclusion) -> verdict for each profile above, in order.
CASES = {
    "elderly-or-ps-2": ("* Patients aged 70 years or older, or with an ECOG performance status of 2", "",
                        ("unknown", "unknown", "eligible", "unknown", "unknown", "unknown")),
    "ps-2-and-age-exclusion": ("* ECOG 0-2", "* Patients with ECOG PS 2 and age above 75 years",
                               ("eligible", "eligible", "eligible", "excluded", "excluded", "unknown")),
    "expansion-cohort-only": ("* ECOG performance status 0-1 for the dose expansion cohort", "",
                              ("eligible", "eligible", "unknown", "unknown", "unknown", "unknown")),
    "karnofsky-70": ("* Karnofsky performance status ≥ 70%", "",
                     ("eligible", "eligible", "excluded", "excluded", "excluded", "unknown")),
    "karnofsky-60": ("* KPS of at least 60", "",
                     ("eligible", "eligible", "unknown", "excluded", "excluded", "unknown")),
    "zubrod-0-2": ("* Zubrod performance status 0 to 2", "",
                   ("eligible", "eligible", "eligible", "excluded", "excluded", "unknown")),
    # ECOG 2 only on a condition (the large-cell patient is 78: the age is not read, the cause is not given).
    "ps-2-if-due-to-cancer": ("* ECOG 0-1 (patients with ECOG 2 are allowed if the decline is due to the tumour)", "",
                              ("eligible", "eligible", "unknown", "excluded", "excluded", "unknown")),
    "ps-2-only-for-older": ("* ECOG PS 0 to 2 (PS 2 only for participants aged 75 years or older)", "",
                            ("eligible", "eligible", "unknown", "excluded", "excluded", "unknown")),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), CASES.values(), ids=CASES.keys())
def test_invented_profiles(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    rules = performance_status.parse(_trial(inclusion, exclusion))
    got = tuple(performance_status.check(rules, p).verdict for p in PROFILES.values())
    assert got == expected
