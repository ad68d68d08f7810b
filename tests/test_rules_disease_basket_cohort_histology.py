"""Disease: a basket's lung cohort names a histology that is that cohort's, not the trial's. Invented text only.

A header naming solid tumours in general ("Advanced Solid Malignancies") beside "Squamous Non-small Cell Lung Cancer",
"Melanoma", ..., over criteria that take any solid tumour in one part (dose escalation, Phase 1a, Part A) and list
cohorts of several cancers in another ("- squamous NSCLC after anti-PD-1; - melanoma ...; - other tumor types"): the
lung condition is one of the cancers studied and the histology is one cohort's, so another histology is not excluded.
Slots varied: the histology (squamous, non-squamous, adenocarcinoma), the basket word, the part names (Phase 1a/1b,
Part A/B, dose escalation/expansion), the list layout (sub-bullets with "Cohort B1:", "(a)", dashes; flat labelled
cohorts), abbreviations in brackets and translated English ("can be enrolled"). Near-misses keep the limit: an
NSCLC-only header with "Cohort B5 (Squamous NSCLC)", a basket header whose every part names the histology, and a
basket header over an inclusion that asks everyone for the histology.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict


def _profile(histology: str | None) -> Profile:
    return profile_from_dict({"id": "invented", "age": 60, "sex": "male", "histology": histology, "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": [], "pdl1_tps": None,
                              "brain_metastases": "none", "prior_therapies": [], "prior_lines": 0})


PROFILES = (_profile("squamous"), _profile("adenocarcinoma"), _profile(None))


def _verdicts(title: str, conditions: tuple[str, ...], inclusion: str) -> tuple[str, ...]:
    markdown = f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n* Pregnancy\n"
    trial = TrialText(nct_id="NCT00000000", title=title, conditions=conditions,
                      criteria=tuple(split_criteria(markdown)))
    dim = DIMENSIONS["disease"]
    rule = dim.parse(trial)
    return tuple(dim.check(rule, patient).verdict for patient in PROFILES)


BASKETS = {
    "sub-bullets, adenocarcinoma, Part A/B": (
        "A Study of Drug Q in Participants With Advanced Solid Tumors", ("Solid Tumor", "Lung Adenocarcinoma",
                                                                         "Gastric Cancer"),
        "* Advanced or metastatic solid tumour\n* Part A (dose escalation): any solid tumour refractory to standard "
        "therapy\n* Part B (expansion): one of the following cohorts:\n  * Cohort B1: lung adenocarcinoma after "
        "platinum-based chemotherapy\n  * Cohort B2: gastric cancer after two lines\n  * Cohort B3: other tumor types"),
    "flat labelled cohorts, non-squamous": (
        "Drug R Alone and With Pembrolizumab in Advanced Cancers", ("Advanced Cancers", "Non-squamous Non-small Cell "
                                                                    "Lung Cancer", "Urothelial Carcinoma"),
        "* Dose escalation: advanced solid malignancy with no standard option\n* Cohort 1: non-squamous NSCLC "
        "previously treated with a PD-1 inhibitor\n* Cohort 2: urothelial carcinoma after platinum\n* Cohort 3: "
        "triple-negative breast cancer"),
    "translated English, (a) (b) items, bracketed abbreviation": (
        "Phase I/II Study of XYZ-123 in Patients With Advanced Solid Tumours", ("Advanced Solid Tumor", "Squamous "
                                                                                "Cell Lung Cancer", "Nasopharyngeal "
                                                                                "Carcinoma"),
        "* Patients with advanced solid tumours confirmed by histology or cytology\n* Phase Ia: patients who failed "
        "standard treatment can be enrolled\n* Phase Ib: patients who meet one of the following can be enrolled:\n"
        "  * (a) squamous non-small cell lung cancer (sqNSCLC) who failed anti-PD-1 therapy;\n  * (b) nasopharyngeal "
        "carcinoma after platinum;\n  * (c) esophageal squamous cell carcinoma"),
    "dash items, hyphenated part names": (
        "First-in-Human Study of ABC-9 in Solid Malignancies", ("Solid Malignancies", "Lung Squamous Cell Carcinoma",
                                                               "Melanoma", "Head and Neck Cancer"),
        "* Locally advanced or metastatic solid malignancy\n* Dose-escalation: any solid tumour without available "
        "standard therapy\n* Dose-expansion: one of the following:\n  - squamous NSCLC with progression on "
        "anti-PD-(L)1\n  - melanoma after anti-PD-1\n  - head and neck squamous cell carcinoma"),
    "Phase 1a / 1b, renal and ovarian siblings": (
        "Study of Drug K in Subjects With Solid Neoplasms", ("Solid Neoplasms", "Non-Small Cell Lung "
                                                            "Adenocarcinoma", "Renal Cell Carcinoma"),
        "* Histologically confirmed unresectable solid neoplasm\n* Phase 1a: any solid tumour after standard "
        "treatment\n* Phase 1b: subjects in one of these cohorts:\n  * lung adenocarcinoma (NSCLC) with prior "
        "docetaxel;\n  * clear cell renal cell carcinoma;\n  * high-grade serous ovarian cancer"),
    "flat groups, Part B1/B2": (
        "Drug M in Advanced Solid Tumors", ("Advanced Solid Tumors", "Squamous NSCLC", "Cervical Cancer"),
        "* Part A: advanced solid tumours with no further standard therapy\n* Part B1 - squamous NSCLC after "
        "chemo-immunotherapy\n* Part B2 - cervical cancer after platinum"),
}


@pytest.mark.parametrize("name", BASKETS)
def test_a_basket_cohort_histology_is_no_trial_limit(name: str) -> None:
    assert _verdicts(*BASKETS[name]) == ("eligible", "eligible", "eligible")


NEAR_MISSES = {
    "NSCLC-only header with a squamous cohort": (
        ("Drug Q in Squamous NSCLC", ("Squamous Non-small Cell Lung Cancer",),
         "* Advanced solid tumour\n* Cohort B5 (Squamous NSCLC): progressed after platinum\n* Cohort B6: melanoma"),
        ("eligible", "excluded", "unknown")),
    "basket header, every part squamous": (
        ("Drug Q in Advanced Solid Tumors", ("Solid Tumor", "Squamous Non-small Cell Lung Cancer"),
         "* Part A: squamous NSCLC after platinum\n* Part B: squamous NSCLC with PD-L1 TPS >= 1%"),
        ("eligible", "excluded", "unknown")),
    "basket header, squamous asked of everyone": (
        ("Drug Q in Advanced Solid Tumors", ("Solid Tumor", "Squamous Non-small Cell Lung Cancer"),
         "* Histologically confirmed squamous NSCLC\n* Advanced solid tumour"),
        ("eligible", "excluded", "unknown")),
}


@pytest.mark.parametrize("name", NEAR_MISSES)
def test_a_histology_limit_stays(name: str) -> None:
    trial, expected = NEAR_MISSES[name]
    assert _verdicts(*trial) == expected
