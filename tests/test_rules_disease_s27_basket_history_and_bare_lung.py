"""Disease: four basket wordings read since session 27.

- A history-of-cancer exclusion naming lung cancer ("History of NSCLC (NSCLC) within 3 years", "Prior lung cancer
  within the last 5 years") in a trial that treats solid tumours is a rule on a cancer of the patient's past, beside
  the one treated: no longer "the study does not take people who have lung cancer" (excluded). A screening study
  (its inclusions take no cancer) keeps that reading, and a bare "NSCLC" exclusion in a basket stays a ban.
- A histology of NSCLC left out ("excluding non-squamous NSCLC", "other than prostate, squamous NSCLC or melanoma"):
  only that histology is excluded (before, every NSCLC was, a false exclusion of the other histology; an item of a
  left-out list was read as taken by the histology reader).
- A basket exclusion naming lung cancer as a primary ("Primary lung cancer of any histology", "Lung (NSCLC) or breast
  primary"): a ban like "NSCLC or breast cancer" (excluded); with a history or condition it is not.
- "Any solid tumour other than lung" / "excluding lung and breast": the lung named as a tumour type without a cancer
  word is left out like "other than lung cancer" (excluded). The lung as a site ("excluding lung metastases") is not.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile

_BASKET = "Advanced solid tumour with an NTRK gene fusion, refractory to standard therapy"


def verdict(inclusion: str, exclusion: str = "Pregnancy or breast-feeding",
            title: str = "A basket study of DEF-456 in solid tumours", conditions: tuple[str, ...] = ("Solid Tumor",),
            ) -> str:
    text = invented_trial(f"* {inclusion}\n", f"* {exclusion}\n", title=title, conditions=conditions)
    return str(disease.check(disease.parse(text), Profile(histology="adenocarcinoma", stage="IV")).verdict)


HISTORY = [
    "History of NSCLC (NSCLC) within 3 years",
    "History of non-small cell lung cancer within 2 years",
    "Prior lung cancer (NSCLC) within the last 5 years",
    "Previous non-small-cell lung carcinoma diagnosed within 3 years",
    "Known history of lung cancer within 24 months",
    "Personal history of NSCLC within five years (NSCLC)",
]


@pytest.mark.parametrize("exclusion", HISTORY)
def test_history_of_lung_cancer_in_a_basket_is_not_a_ban(exclusion: str) -> None:
    assert verdict(_BASKET, exclusion) != "excluded"


def test_screening_study_still_shuts_out_lung_cancer() -> None:
    assert verdict("Current or former smokers aged 55-80", "History of lung cancer within the past 5 years",
                   title="Low-dose CT screening", conditions=("Lung Cancer",)) == "excluded"


@pytest.mark.parametrize("exclusion", ["NSCLC", "Non-small cell lung cancer", "NSCLC and/or breast cancer"])
def test_bare_lung_cancer_exclusion_in_a_basket_stays_excluded(exclusion: str) -> None:
    assert verdict(_BASKET, exclusion) == "excluded"


BARE_LUNG = [
    "Any advanced solid tumour other than lung",
    "Advanced solid tumours excluding lung",
    "Metastatic solid tumors except lung and breast",
    "Solid tumour of any origin apart from lung, breast or prostate",
    "Solid tumours, other than lung primary",
    "Unresectable solid tumour, excluding lung/breast",
]


@pytest.mark.parametrize("inclusion", BARE_LUNG)
def test_bare_lung_left_out_excludes(inclusion: str) -> None:
    assert verdict(inclusion) == "excluded"


@pytest.mark.parametrize("inclusion", [
    "Advanced solid tumour excluding lung metastases only disease",
    "Any solid tumour other than lung lesions",
    "Advanced solid tumours including lung",
])
def test_lung_as_a_site_or_taken_keeps_its_verdict(inclusion: str) -> None:
    assert verdict(inclusion) == "eligible"


# ---------------------------------------------------------------- one histology of NSCLC left out of a basket
def _verdict_for(inclusion: str, histology: str) -> str:
    text = invented_trial(f"* {inclusion}\n", "* Pregnancy or breast-feeding\n",
                          title="A basket study of DEF-456 in solid tumours", conditions=("Solid Tumor",))
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


NON_SQUAMOUS_LEFT_OUT = [
    "Histologically confirmed solid tumour excluding non-squamous NSCLC",
    "Advanced solid tumours, excluding breast, non-squamous NSCLC and colorectal cancer",
    "Any metastatic solid tumour other than non-squamous non-small cell lung cancer",
    "Solid tumours apart from melanoma, nonsquamous NSCLC or prostate cancer",
]


@pytest.mark.parametrize("inclusion", NON_SQUAMOUS_LEFT_OUT)
def test_non_squamous_left_out_keeps_squamous(inclusion: str) -> None:
    assert _verdict_for(inclusion, "squamous") == "eligible"
    assert _verdict_for(inclusion, "adenocarcinoma") == "excluded"


SQUAMOUS_LEFT_OUT = [
    "Any solid tumour other than squamous non-small cell lung cancer",
    "Metastatic solid tumours other than prostate, squamous NSCLC or melanoma",
]


@pytest.mark.parametrize("inclusion", SQUAMOUS_LEFT_OUT)
def test_squamous_left_out_keeps_adenocarcinoma(inclusion: str) -> None:
    assert _verdict_for(inclusion, "squamous") == "excluded"
    assert _verdict_for(inclusion, "adenocarcinoma") == "eligible"


@pytest.mark.parametrize("inclusion", [
    "Histologically confirmed solid tumour excluding NSCLC",
    "Advanced solid tumours, excluding breast, NSCLC and colorectal cancer",
])
def test_all_nsclc_left_out_still_excludes_every_histology(inclusion: str) -> None:
    assert _verdict_for(inclusion, "squamous") == "excluded"
    assert _verdict_for(inclusion, "adenocarcinoma") == "excluded"


# ---------------------------------------------------------------- lung named as the primary in a basket's exclusion
PRIMARY_BANNED = [
    "Primary lung cancer of any histology",
    "Lung (NSCLC) or breast primary",
    "Known primary NSCLC or melanoma",
    "Breast, lung and/or prostate primaries",
    "Primary non-small cell lung cancer (NSCLC) or colorectal cancer",
    "Patients with a primary NSCLC and/or renal cell carcinoma",
]


@pytest.mark.parametrize("exclusion", PRIMARY_BANNED)
def test_lung_primary_shut_out_of_a_basket_excludes(exclusion: str) -> None:
    assert verdict(_BASKET, exclusion) == "excluded"


@pytest.mark.parametrize("exclusion", [
    "Primary lung cancer diagnosed within 3 years",  # a history rule
    "Primary brain tumours",  # no lung
    "Lung primary with EGFR mutation",  # a condition on the cancer
])
def test_primary_near_misses_keep_their_verdict(exclusion: str) -> None:
    assert verdict(_BASKET, exclusion) == "eligible"
