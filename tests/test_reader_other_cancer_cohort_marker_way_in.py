"""Biomarker: a cohort for another cancer that sets no marker rule ("Cohort D: recurrent/metastatic HNSCC after
platinum and anti-PD-1") is no marker-free way in for an NSCLC patient. Beside an NSCLC cohort that asks for a marker,
that cohort's marker rule binds the NSCLC patient. The other cancer may be named by abbreviation, in the label's
brackets, after a dash, or as the first words of the group's text. Near-misses: a group open to NSCLC ("solid tumours
including NSCLC") and an NSCLC cohort with no marker stay ways in."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict

NSCLC_COHORT = "Cohort A: NSCLC with KRAS G12C mutation after one prior line of therapy"

OTHER_CANCER_COHORTS = [
    "Cohort D: recurrent or metastatic HNSCC after platinum and an anti-PD-1 antibody",
    "Cohort E: ESCC after at least one prior systemic therapy",
    "Cohort 3 (SCCHN): recurrent disease after a platinum-containing regimen",
    "Arm C - Ovarian: platinum-resistant disease after two prior lines",
    "Cohort B: mCRPC after abiraterone or enzalutamide",
    "Cohort-02: TNBC after one or two prior lines of chemotherapy",
    "Cohort B: metastatic urothelial carcinoma (UC) after platinum-based chemotherapy",
    "Part B2: Patients with squamous cell carcinoma of the head and neck who progressed on platinum",
    "Cohort 4 - Gastric/GEJ adenocarcinoma: after two prior lines",
    "Cohort F: patients with mCRC who can be enrolled after fluoropyrimidine, oxaliplatin and irinotecan",
]


def _record(other: str) -> dict[str, Any]:
    text = (f"Inclusion Criteria:\n\n* {NSCLC_COHORT}\n* {other}\n* ECOG 0-1\n\n"
            "Exclusion Criteria:\n\n* Pregnancy")
    ident = {"nctId": "NCT99999999", "briefTitle": "A basket study in NSCLC and other solid tumours"}
    return {"protocolSection": {"identificationModule": ident,
            "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer", "Solid Tumor"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


def _profile(gene: str, alteration: str) -> Any:
    negative = [g for g in ("EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET") if g != gene]
    return profile_from_dict({"id": "p", "age": 60, "sex": "male", "histology": "adenocarcinoma", "stage": "IV",
                              "biomarkers": [{"gene": gene, "alteration": alteration}], "tested_negative": negative,
                              "pdl1_tps": 10, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                              "prior_lines": 1, "ecog": 1, "brain_metastases": "none"})


def _verdicts(other: str) -> tuple[str, str]:
    rules = parse_record(_record(other))["biomarker"]
    check = DIMENSIONS["biomarker"].check
    return check(rules, _profile("KRAS", "G12C")).verdict, check(rules, _profile("EGFR", "exon 19 deletion")).verdict


@pytest.mark.parametrize("other", OTHER_CANCER_COHORTS)
def test_other_cancer_cohort_is_no_way_in(other: str) -> None:
    assert _verdicts(other) == ("eligible", "excluded")


@pytest.mark.parametrize("other", [
    "Cohort C: solid tumours including NSCLC after standard therapy",
    "Cohort C: advanced solid tumours (e.g. NSCLC, HNSCC) after standard therapy",
    "Cohort C: NSCLC of any molecular subtype after standard therapy",
])
def test_group_open_to_nsclc_stays_a_way_in(other: str) -> None:
    assert _verdicts(other) == ("eligible", "eligible")
