"""Disease for invented whole profiles (not the shared ones): large cell, NSCLC-NOS, squamous, adenocarcinoma and
unknown histology, stage IV or unknown, against invented trials of several kinds."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile, profile_from_dict


def _profile(pid: str, histology: str | None, stage: str | None = "IV", **extra: object) -> Profile:
    base: dict[str, object] = {"id": pid, "age": 71, "sex": "male", "histology": histology, "stage": stage,
                               "biomarkers": [], "tested_negative": ["EGFR", "ALK"], "pdl1_tps": 50,
                               "prior_therapies": ["carboplatin", "pemetrexed", "cemiplimab"], "prior_lines": 1,
                               "ecog": 1, "brain_metastases": None}
    return profile_from_dict({**base, **extra})


PROFILES = {
    "large-cell-nrg1": _profile("large-cell-nrg1", "large cell", biomarkers=[{"gene": "NRG1", "alteration": "fusion"}]),
    "nos-kras-g12v": _profile("nos-kras-g12v", "nsclc-nos", biomarkers=[{"gene": "KRAS", "alteration": "G12V"}]),
    "squamous-erbb2-overexpression": _profile("squamous-erbb2-overexpression", "squamous",
                                              biomarkers=[{"gene": "ERBB2", "alteration": "overexpression"}]),
    "adeno-egfr-l861q": _profile("adeno-egfr-l861q", "adenocarcinoma",
                                 biomarkers=[{"gene": "EGFR", "alteration": "L861Q"}]),
    "histology-unknown": _profile("histology-unknown", None),
    "adeno-stage-unknown": _profile("adeno-stage-unknown", "adenocarcinoma", stage=None),
}


def _trial(inclusion: str = "", exclusion: str = "", title: str = "A Study of Drug X in NSCLC") -> TrialText:
    return invented_trial(inclusion, exclusion, title, (title,))


EL, UN, EX = "eligible", "unknown", "excluded"
# (inclusion, exclusion) -> verdict for each profile above, in order.
CASES = {
    "non-squamous-stage-iv": ("* Histologically confirmed stage IV non-squamous NSCLC", "",
                              (EL, UN, EX, EL, UN, UN)),
    "adenocarcinoma-only": ("* Metastatic adenocarcinoma of the lung", "", (EX, UN, EX, EL, UN, UN)),
    "squamous-only": ("* Stage IV squamous NSCLC", "", (EX, UN, EL, EX, UN, EX)),
    "lcnec-exclusion-leaves-large-cell": ("* Stage IV NSCLC", "* Large cell neuroendocrine carcinoma",
                                          (EL, EL, EL, EL, EL, UN)),
    "predominantly-squamous-exclusion": ("* Advanced NSCLC", "* Predominantly squamous histology",
                                         (EL, UN, EX, EL, UN, UN)),
    "metastatic-excluded-in-one-cohort": ("* NSCLC", "* Metastatic disease in the neoadjuvant cohort",
                                          (UN, UN, UN, UN, UN, UN)),
    # The NOS patient fits a list that names NSCLC NOS; the large cell patient is out where large cell carcinoma is.
    "adenocarcinoma-or-nos": ("* Metastatic lung adenocarcinoma or NSCLC not otherwise specified", "",
                              (EX, EL, EX, EL, UN, UN)),
    "large-cell-carcinoma-excluded": ("* Stage IV NSCLC", "* Large cell carcinoma", (EX, UN, EL, EL, UN, UN)),
    # Part of stage IV: a question for stage IV profiles and for the one whose stage is not given.
    "stage-iva-only": ("* Stage IVA (M1a/M1b) NSCLC only", "", (UN, UN, UN, UN, UN, UN)),
    "extrathoracic-excluded": ("* Advanced NSCLC", "* Extrathoracic metastases", (UN, UN, UN, UN, UN, UN)),
    "early-stage-only": ("* Completely resected stage IB-IIIA NSCLC", "", (EX, EX, EX, EX, EX, UN)),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), CASES.values(), ids=CASES.keys())
def test_invented_profiles(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    rules = disease.parse(_trial(inclusion, exclusion))
    got = tuple(disease.check(rules, p).verdict for p in PROFILES.values())
    assert got == expected
