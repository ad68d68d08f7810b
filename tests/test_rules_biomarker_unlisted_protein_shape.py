"""A protein-expression requirement for a target the vocabulary does not list ("AXL membrane expression (TmPS >= 1%)
on tumour cells by central testing", "CD47 cell-surface expression by IHC") is read from the SHAPE of the sentence:
a gene-like target, where it is measured (membrane, surface, protein) and expression or staining with a score, a
level or the test. No profile lists such a result: a question for everyone (unknown), never a bar and never an open
door. A sample for testing, a test done later, a permission, a histology stain and PD-L1 keep their old reading."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _record(criterion: str, section: str = "inclusion") -> dict[str, Any]:
    inclusion = "* Histologically confirmed advanced NSCLC\n* ECOG 0-1\n"
    exclusion = "* Pregnancy\n"
    if section == "inclusion":
        inclusion += f"* {criterion}\n"
    else:
        exclusion = f"* {criterion}\n{exclusion}"
    text = f"Inclusion Criteria:\n\n{inclusion}\nExclusion Criteria:\n\n{exclusion}"
    return {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "ZK-31 in NSCLC"},
            "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


def _profile() -> Any:
    return profile_from_dict({"id": "p", "age": 58, "sex": "female", "histology": "adenocarcinoma", "stage": "IV",
                              "biomarkers": [{"gene": "KRAS", "alteration": "G12C"}],
                              "tested_negative": ["EGFR", "ALK", "ROS1"], "pdl1_tps": 20,
                              "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1,
                              "ecog": 1, "brain_metastases": "none"})


def _verdict(criterion: str, section: str = "inclusion") -> str:
    rules = parse_record(_record(criterion, section))["biomarker"]
    return DIMENSIONS["biomarker"].check(rules, _profile()).verdict


ASKED = [
    "GPNMB protein expression (IHC 2+ or 3+) confirmed by the central laboratory",
    "CD47 cell-surface expression on >= 10% of tumour cells (central IHC)",
    "SEZ6 membranous staining in at least 1% of tumor cells",
    "Tumours must show ROR2 membrane expression (H-score of at least 100) by central assessment",
    "PD-L2 expression >= 5% of tumour cells by immunohistochemistry",
    "Subjects whose tumour has high CEACAM6 expression",
    "Tumour must express LRRC15 (IHC >= 1+) as determined centrally",
    "Part B2: patients with AXL tumour expression (TmPS >= 25%) can be enrolled",
]


@pytest.mark.parametrize("criterion", ASKED)
def test_unlisted_protein_expression_is_a_question(criterion: str) -> None:
    assert _verdict(criterion) == "unknown"


@pytest.mark.parametrize("criterion", [
    "Archival tumour tissue available for GPNMB expression analysis",  # a sample
    "AXL membrane expression will be assessed retrospectively",  # a test done later
    "Patients must agree to a fresh biopsy for CD47 staining",  # a sample
    "Adenocarcinoma confirmed by TTF1 positive staining",  # a stain that types the histology
    "CD8+ T-cell count >= 100 cells/uL",  # an immune cell count
    "Patients must express willingness to comply with study visits",  # no target
])
def test_near_misses_set_no_marker_rule(criterion: str) -> None:
    assert _verdict(criterion) == "eligible"


def test_pdl1_keeps_its_reader() -> None:
    # PD-L1 is read as a level: this patient (TPS 20%) meets ">= 1%"
    assert _verdict("PD-L1 membrane expression >= 1% (TPS) by IHC") == "eligible"


def test_unlisted_protein_among_exclusions_is_no_bar() -> None:
    assert _verdict("ROR2 membrane expression (H-score >= 100)", "exclusion") != "excluded"

