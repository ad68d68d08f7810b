"""Disease: an inclusion that takes an advanced cancer of any type is open to NSCLC, whatever the conditions list.

"Subjects with a locally advanced or metastatic malignancy with an NTRK1, NTRK2, or NTRK3 gene fusion", "any advanced
solid tumour", "advanced solid tumors of any histology": no type limit, so NSCLC is eligible on disease even when
the title and conditions name other cancers and no lung. Invented sentences only. Near-misses keep their verdict: a
cancer of a named type ("a locally advanced or metastatic breast cancer"), a lesion ("a tumour lesion amenable to
biopsy"), a malignancy in the past ("history of another advanced cancer"), lung cancer left out in so many words.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import profile_from_dict

NSCLC = profile_from_dict({"id": "invented", "age": 66, "sex": "male", "histology": "squamous", "stage": "IV",
                           "ecog": 1, "biomarkers": [], "tested_negative": [], "pdl1_tps": None,
                           "brain_metastases": "none", "prior_therapies": [], "prior_lines": 0})


def _verdict(inclusion: str, conditions: tuple[str, ...], title: str) -> str:
    markdown = f"Inclusion Criteria:\n\n* {inclusion}\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy\n"
    trial = TrialText(nct_id="NCT00000000", title=title, conditions=conditions,
                      criteria=tuple(split_criteria(markdown)))
    dim = DIMENSIONS["disease"]
    return dim.check(dim.parse(trial), NSCLC).verdict


AGNOSTIC = {
    "malignancy with a fusion": (
        "Subjects with a locally advanced or metastatic malignancy with an NTRK1, NTRK2, or NTRK3 gene fusion.",
        ("Thyroid Cancer", "Colorectal Cancer"), "A basket study of drug Q in TRK fusion cancers"),
    "any advanced solid tumour": (
        "Any advanced solid tumour harbouring a RET alteration, confirmed by NGS.",
        ("Medullary Thyroid Cancer",), "Drug R in RET-altered cancers"),
    "of any histology": (
        "Histologically confirmed advanced solid tumors of any histology with a BRAF V600E mutation.",
        ("Melanoma", "Glioma"), "Drug S for BRAF V600E-mutant tumours"),
    "an unresectable cancer, lower case": (
        "patients must have an unresectable or metastatic cancer with MSI-high status",
        ("Colorectal Cancer", "Endometrial Cancer"), "Drug T in MSI-high cancers"),
    "regardless of tumour type": (
        "Metastatic disease with a documented NRG1 fusion, regardless of tumour type.",
        ("Pancreatic Cancer", "Cholangiocarcinoma"), "Drug U in NRG1 fusion-positive cancers"),
    "a recurrent neoplasm": (
        "Participants with a recurrent or refractory neoplasm carrying an FGFR2 rearrangement.",
        ("Cholangiocarcinoma", "Urothelial Carcinoma"), "Drug V in FGFR-altered tumours"),
}


@pytest.mark.parametrize("inclusion,conditions,title", AGNOSTIC.values(), ids=AGNOSTIC.keys())
def test_an_advanced_cancer_of_any_type_takes_nsclc(inclusion: str, conditions: tuple[str, ...], title: str) -> None:
    assert _verdict(inclusion, conditions, title) == ELIGIBLE


NEAR_MISSES = {
    "named type": ("Patients with a locally advanced or metastatic breast cancer.", ("Breast Cancer",),
                   "Drug W in breast cancer"),
    "a lesion": ("At least one tumour lesion amenable to biopsy; histologically confirmed colorectal adenocarcinoma.",
                 ("Colorectal Cancer",), "Drug X in colorectal cancer"),
    "history": ("Histologically confirmed gastric adenocarcinoma; no history of another advanced cancer.",
                ("Gastric Cancer",), "Drug Y in gastric cancer"),
    "lung left out": ("Any advanced solid tumour other than lung cancer.", ("Solid Tumor",),
                      "Drug Z in solid tumours"),
}


@pytest.mark.parametrize("inclusion,conditions,title", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_near_misses_still_exclude(inclusion: str, conditions: tuple[str, ...], title: str) -> None:
    assert _verdict(inclusion, conditions, title) == EXCLUDED
