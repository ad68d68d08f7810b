"""Groups for OTHER cancers with no label of their own ("Head and neck cancer cohort:", "Oesophageal cancer:",
"Expansion cohort (melanoma):") above their bullets, beside one labelled NSCLC group with a marker ("Cohort A: NSCLC
with KRAS G12C"): the labelled group is an NSCLC patient's only way in, so its marker rule binds (a failed one
excludes). Before, only groups with a "Cohort X" label counted as another cancer's, and a part named by what it
does ("expansion") vetoed it even when it named its cancer. A group with no label that may take NSCLC ("Solid
tumour cohort:", "Dose escalation: any solid tumour") stays a way in: the rule is one group's, a question."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _record(groups: str) -> dict[str, Any]:
    text = f"Inclusion Criteria:\n\n* Advanced or metastatic solid tumour\n{groups}\n* ECOG 0-1\n\n" \
           "Exclusion Criteria:\n\n* Pregnancy\n"
    ident = {"nctId": "NCT99999999", "briefTitle": "RT-55 in selected advanced solid tumours"}
    return {"protocolSection": {"identificationModule": ident,
            "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer", "Head and Neck Cancer", "Melanoma"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


def _profile(biomarkers: list[tuple[str, str]], negative: list[str]) -> Any:
    return profile_from_dict({"id": "p", "age": 64, "sex": "male", "histology": "adenocarcinoma", "stage": "IV",
                              "biomarkers": [{"gene": g, "alteration": a} for g, a in biomarkers],
                              "tested_negative": negative, "pdl1_tps": 30,
                              "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1,
                              "ecog": 1, "brain_metastases": "none"})


def _verdict(groups: str, profile: Any) -> str:
    return DIMENSIONS["biomarker"].check(parse_record(_record(groups))["biomarker"], profile).verdict


ONLY_WAY = [
    "* Cohort A:\n  * NSCLC with KRAS G12C mutation\n  * Progressed after platinum\n"
    "* Head and neck cancer cohort:\n  * Recurrent or metastatic HNSCC after platinum and anti-PD-1\n"
    "* Oesophageal cancer:\n  * ESCC after at least one prior systemic therapy",
    "* Cohort 1 (NSCLC): tumour harbouring a KRAS G12C mutation\n"
    "* Expansion cohort (melanoma):\n  * BRAF wild-type melanoma after an anti-PD-1 agent",
    "* Cohort 2a: non-small cell lung cancer (NSCLC) with documented KRAS G12C mutation, after platinum\n"
    "* Urothelial carcinoma cohort:\n  * Locally advanced or metastatic UC after platinum",
    "* Cohort B: KRAS G12C-mutant NSCLC\n* Triple-negative breast cancer (TNBC):\n  * TNBC after one or two lines\n"
    "* Colorectal cancer:\n  * mCRPC or CRC after oxaliplatin, irinotecan and fluoropyrimidine",
    "* Cohort C - NSCLC: KRAS G12C mutation (by local test)\n"
    "* Expansion cohort - head and neck squamous cell carcinoma:\n  * HNSCC patients after platinum can be enrolled",
    "* Cohort 3: NSCLC, KRAS G12C (e.g. by tissue or plasma NGS)\n"
    "* Gastric cancer group:\n  * Gastric or GEJ adenocarcinoma after fluoropyrimidine and platinum",
]


@pytest.mark.parametrize("groups", ONLY_WAY)
def test_labelled_nsclc_group_is_the_only_way_in(groups: str) -> None:
    assert _verdict(groups, _profile([("KRAS", "G12C")], ["EGFR", "ALK"])) == "eligible"
    assert _verdict(groups, _profile([("EGFR", "L858R")], ["KRAS", "ALK"])) == "excluded"


@pytest.mark.parametrize("groups", [
    # an unlabelled group that may take NSCLC: still a way in
    "* Cohort 1: NSCLC with KRAS G12C mutation after platinum\n"
    "* Head and neck cancer cohort:\n  * Recurrent HNSCC after platinum and anti-PD-1\n"
    "* Solid tumour cohort:\n  * any solid tumour, including NSCLC, after standard therapy",
    # a part named by what it does, with no cancer: may take any tumour
    "* Cohort 1: NSCLC with KRAS G12C mutation after platinum\n"
    "* Head and neck cancer cohort:\n  * Recurrent HNSCC after platinum and anti-PD-1\n"
    "* Dose escalation: any solid tumour after standard therapy",
])
def test_a_possible_other_way_in_keeps_it_a_question(groups: str) -> None:
    assert _verdict(groups, _profile([("EGFR", "L858R")], ["KRAS", "ALK"])) == "unknown"
