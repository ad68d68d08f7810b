"""A labelled group whose own text opens with another cancer than NSCLC ("Cohort 2B: Participants with metastatic
oesophageal squamous cell carcinoma who failed at least one prior line of therapy") is a group for that cancer: its
therapy rule is no way into the trial for an NSCLC patient, in any dimension. A group whose text opens with NSCLC,
lung cancer or solid tumours keeps its reading."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.reader import criterion_scope
from trialmatch.matching.profile import profile_from_dict

OTHER_CANCER_GROUPS = [
    "Cohort 2B: Participants with metastatic or locally advanced unresectable esophageal squamous cell carcinoma "
    "who failed at least one prior line of therapy",
    "Arm C: patients with triple-negative breast cancer after one or two prior lines of chemotherapy",
    "Part 3 - Head and neck squamous cell carcinoma, progressed on a platinum-containing regimen",
    "Cohort 4: urothelial carcinoma that progressed after platinum and a PD-(L)1 inhibitor",
    "Cohort-05: Subjects diagnosed with gastric or gastroesophageal junction adenocarcinoma who have received at least "
    "two prior regimens",
    "Group B (expansion): patients who have metastatic colorectal cancer and have received at least 2 prior lines "
    "can be enrolled",
]


@pytest.mark.parametrize("text", OTHER_CANCER_GROUPS)
def test_group_for_another_cancer(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.other_disease, scope


KEEP = [
    "Cohort 2A: Participants with NSCLC (squamous or non-squamous) who failed one prior line",
    "Cohort C: solid tumours including NSCLC after standard therapy",
    "Cohort B: prior platinum-based chemotherapy for advanced disease",
    "Arm 2: patients with lung cancer after one prior line",
    # a list of cancers that goes on to NSCLC after a comma
    "Part 1A (Dose Escalation) Histological diagnosis of metastatic HR+ breast cancer, prostate cancer, or NSCLC that "
    "is refractory to standard therapy",
]


@pytest.mark.parametrize("text", KEEP)
def test_group_for_nsclc_or_any_keeps_its_reading(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and not scope.other_disease, scope


def _record(text: str) -> dict[str, Any]:
    return {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A basket study"},
            "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer", "Esophageal Cancer"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


@pytest.mark.parametrize("other", OTHER_CANCER_GROUPS[:4])
def test_other_cancer_rule_is_no_way_in(other: str) -> None:
    text = ("Inclusion Criteria:\n\n* Cohort 1: NSCLC with no prior systemic therapy for advanced disease\n"
            f"* {other}\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy")
    rules = parse_record(_record(text))
    pretreated = profile_from_dict({"id": "p", "age": 60, "sex": "male", "histology": "adenocarcinoma",
                                    "stage": "IV", "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                                    "pdl1_tps": 10, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                                    "prior_lines": 1, "ecog": 1, "brain_metastases": "none"})
    assert DIMENSIONS["prior_therapy"].check(rules["prior_therapy"], pretreated).verdict != "eligible"
