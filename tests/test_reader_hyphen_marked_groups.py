"""Group labels whose mark is joined by a hyphen or zero-padded ("Substudy-01 (first line):", "Cohort-02:",
"Arm-2a:", "Module-B1 (2L):"), and group nouns written as one word ("Substudy", "Subprotocol", "Subcohort"), are
part tags like "Part A:": the rule after the colon binds only that group, in every dimension, so two parts' line
rules (first line / second line) are two ways in, not two rules on everyone."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.reader import criterion_scope
from trialmatch.matching.profile import profile_from_dict

# (first group's label, second group's label): noun, joiner, mark and the bracket after it all vary.
LABELS = [
    ("Substudy-01 (first line)", "Substudy-03 (second line)"),
    ("Sub-study-02 (1L)", "Sub-study-04 (2L)"),
    ("Cohort-1 (treatment-naive)", "Cohort-2 (pretreated)"),
    ("Arm-2a", "Arm-2b"),
    ("Module-01", "Module-02"),
    ("Subprotocol-1A (untreated)", "Subprotocol-1B (after one line)"),
    ("Substudy 1 (first-line setting)", "Substudy 2 (second-line setting)"),
    ("Cohort-B1 (naive)", "Cohort-B2 (previously treated)"),
]

NAIVE_RULES = [
    "No prior systemic treatment for metastatic NSCLC",
    "Treatment-naive for advanced disease; adjuvant therapy completed > 12 months before is allowed",
]
SECOND_LINE_RULES = [
    "Radiographic progression on or after one prior line of platinum-based chemotherapy. No more than one prior "
    "line of therapy for advanced disease",
    "Disease progression after one prior platinum-containing regimen for metastatic disease; no more than 1 prior "
    "line allowed",
]


def _record(text: str) -> dict[str, Any]:
    return {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A platform study"},
            "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


def _profile(lines: int, therapies: list[str], tps: int | None = None) -> Any:
    return profile_from_dict({"id": "p", "age": 60, "sex": "female", "histology": "adenocarcinoma", "stage": "IV",
                              "biomarkers": [], "tested_negative": ["EGFR", "ALK", "ROS1"], "pdl1_tps": tps,
                              "prior_therapies": therapies, "prior_lines": lines, "ecog": 1,
                              "brain_metastases": "none"})


def _verdict(text: str, dim: str, profile: Any) -> str:
    rules = parse_record(_record(text))
    return DIMENSIONS[dim].check(rules[dim], profile).verdict


def _two_parts(first: str, second: str, naive: str, later: str) -> str:
    return ("Inclusion Criteria:\n\n* Histologically confirmed stage IV NSCLC\n"
            f"* {first}: {naive}\n* {second}: {later}\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy")


@pytest.mark.parametrize("first,second", LABELS)
def test_label_is_a_scope(first: str, second: str) -> None:
    for label in (first, second):
        scope = criterion_scope(f"{label}: no prior systemic therapy")
        assert scope is not None and scope.kind in {"cohort", "arm", "part"}, (label, scope)


@pytest.mark.parametrize("index", range(len(LABELS)))
def test_each_part_is_a_way_in(index: int) -> None:
    first, second = LABELS[index]
    text = _two_parts(first, second, NAIVE_RULES[index % 2], SECOND_LINE_RULES[index % 2])
    naive = _profile(0, [])
    one_line = _profile(1, ["carboplatin", "pemetrexed"])
    three_lines = _profile(3, ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel", "gemcitabine"])
    assert _verdict(text, "prior_therapy", naive) == "eligible"
    assert _verdict(text, "prior_therapy", one_line) == "eligible"
    assert _verdict(text, "prior_therapy", three_lines) == "excluded"


@pytest.mark.parametrize("first,second", LABELS[:4])
def test_part_marker_rule_binds_its_part_only(first: str, second: str) -> None:
    text = ("Inclusion Criteria:\n\n* Histologically confirmed stage IV NSCLC\n"
            f"* {first}: PD-L1 tumor proportion score (TPS) >= 50%\n* {second}: any PD-L1 level\n"
            "\nExclusion Criteria:\n\n* Pregnancy")
    assert _verdict(text, "biomarker", _profile(1, ["carboplatin", "pemetrexed"], tps=5)) == "eligible"


# Near-misses: a hyphen before a lower-case word names no group; a group word inside a sentence names none.
NOT_GROUPS = [
    "Part-time employment does not exclude: no prior systemic therapy",
    "Arm-level toxicity data: no prior systemic therapy",
    "Cohort-based analysis of earlier treatment: no prior systemic therapy",
]


@pytest.mark.parametrize("text", NOT_GROUPS)
def test_lower_case_after_hyphen_is_no_label(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is None or scope.kind not in {"cohort", "arm", "part"}, scope


def test_unlabelled_first_line_rule_still_binds_everyone() -> None:
    text = ("Inclusion Criteria:\n\n* Histologically confirmed stage IV NSCLC\n"
            "* No prior systemic treatment for metastatic NSCLC\n\nExclusion Criteria:\n\n* Pregnancy")
    assert _verdict(text, "prior_therapy", _profile(1, ["carboplatin", "pemetrexed"])) == "excluded"


@pytest.mark.parametrize("label", ["Substudy-01", "Cohort-02 (1L)", "Arm-B", "Module-3b (first line)"])
def test_labelled_exclusion_binds_its_group_only(label: str) -> None:
    text = ("Inclusion Criteria:\n\n* Histologically confirmed stage IV NSCLC\n"
            f"* {label}: no prior systemic therapy for advanced disease\n"
            "* Other cohorts: progression after platinum-based chemotherapy and a PD-(L)1 inhibitor\n"
            "\nExclusion Criteria:\n\n"
            f"* {label}: Prior treatment with any anti-PD-1, anti-PD-L1 or anti-CTLA-4 agent")
    pretreated = _profile(1, ["carboplatin", "pemetrexed", "pembrolizumab"])
    assert _verdict(text, "prior_therapy", pretreated) != "excluded"
