"""A population named by its cancer with an aside saying its rule holds in every group of the trial ("For NSCLC
participants (all parts): tumours with known EGFR sensitizing mutation ...") is every NSCLC patient of the trial: a
condition on the patient, not one group among the trial's parts. Its marker ban binds an NSCLC patient, whichever
part takes them. A population that narrows NSCLC further keeps its group reading."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.reader import criterion_scope
from trialmatch.matching.profile import profile_from_dict

EVERY_GROUP = [
    "For NSCLC participants (all parts): tumours harbouring a known EGFR activating mutation or ALK fusion",
    "NSCLC patients (all cohorts): known EGFR sensitising mutation, ROS1 or ALK rearrangement",
    "Participants with non-small cell lung cancer (all study parts and cohorts): EGFR exon 19 deletion or L858R",
    "For lung cancer subjects (regardless of cohort assignment): EGFRm or ALK-positive tumours",
    "NSCLC subjects (in every arm): tumours with EGFR mutation or ALK translocation are not allowed to be enrolled",
    "For NSCLC patients (across all phases): EGFR-mutant or ALK-rearranged disease cannot be included",
]


@pytest.mark.parametrize("text", EVERY_GROUP)
def test_every_group_population_is_a_condition(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.kind == "condition" and not scope.subgroup and not scope.other_disease, scope
    assert "(" not in scope.label, scope  # the aside narrows nothing and is no part of the population's name


NARROWER = [
    # a population narrowed further stays a group
    "For NSCLC participants with brain metastases (all parts): EGFR mutation",
    # a group with a label, its cancer in brackets
    "Cohort 3 (NSCLC): EGFR mutation",
    # no aside: read as before
    "Part 2 NSCLC cohort: known EGFR mutation",
]


@pytest.mark.parametrize("text", NARROWER)
def test_narrower_groups_keep_their_reading(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.kind != "condition", scope


def test_other_cancer_population_stays_another_cancers() -> None:
    scope = criterion_scope("Melanoma participants (all parts): BRAF V600E mutation")
    assert scope is not None and scope.other_disease, scope


def _record(ban: str) -> dict[str, Any]:
    text = ("Inclusion Criteria:\n\n* Advanced solid tumour\n"
            "* Part 1 (dose escalation): participants who progressed on all standard therapies\n"
            "* Part 2 NSCLC cohort: NSCLC after platinum and an anti-PD-1 agent\n"
            "* Part 2 melanoma cohort: melanoma after an anti-PD-1 agent\n* ECOG 0-1\n\n"
            f"Exclusion Criteria:\n\n* {ban}\n* Pregnancy")
    ident = {"nctId": "NCT99999999", "briefTitle": "XY-12 in solid tumours"}
    return {"protocolSection": {"identificationModule": ident,
            "conditionsModule": {"conditions": ["Solid Tumor", "Non-small Cell Lung Cancer", "Melanoma"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


def _profile(biomarkers: list[tuple[str, str]], negative: list[str]) -> Any:
    return profile_from_dict({"id": "p", "age": 60, "sex": "female", "histology": "adenocarcinoma", "stage": "IV",
                              "biomarkers": [{"gene": g, "alteration": a} for g, a in biomarkers],
                              "tested_negative": negative, "pdl1_tps": 10,
                              "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1,
                              "ecog": 1, "brain_metastases": "none"})


@pytest.mark.parametrize("ban", [
    "For NSCLC participants (all parts): tumours with known EGFR sensitizing mutation, ALK or ROS1 rearrangement",
    "NSCLC patients (all cohorts): known EGFR activating mutation or ALK fusion",
    "NSCLC subjects (all parts): tumours harbouring EGFR mutation or ALK rearrangement are not allowed to be "
    "enrolled",
])
def test_every_group_ban_binds_an_nsclc_patient(ban: str) -> None:
    rules = parse_record(_record(ban))["biomarker"]
    check = DIMENSIONS["biomarker"].check
    assert check(rules, _profile([("EGFR", "exon 19 deletion")], ["ALK", "ROS1"])).verdict == "excluded"
    assert check(rules, _profile([("KRAS", "G12C")], ["EGFR", "ALK", "ROS1"])).verdict == "eligible"


def test_melanoma_population_ban_does_not_bind() -> None:
    rules = parse_record(_record("Melanoma participants (all parts): BRAF V600E mutation"))["biomarker"]
    got = DIMENSIONS["biomarker"].check(rules, _profile([("BRAF", "V600E")], ["EGFR", "ALK"]))
    assert got.verdict == "eligible"
