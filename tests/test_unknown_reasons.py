"""An `unknown` must read as a question, not as a quiet 'no': a patient who reads "you have had 0 lines" under
"possible match" has been told the trial does not fit. Each unknown says what is open and whom to ask."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.invented import invented_trial
from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.base import Finding
from trialmatch.matching.profile import profile_from_dict

# Words that tell the reader the verdict is open: whom to ask, or which fact is missing.
QUESTION = re.compile(r"\bask (your|the)\b|\bdoctor\b|\bwhether\b|\bnot given\b|\bmay\b|\bstudy team\b|"
                      r"\bdo(es)? not (say|settle)\b|\bnot specified\b|\bcould not\b|\bdepends\b|"
                      r"\bno (PD-L1 )?result\b|"
                      r"\bnot map\b|\bcheck\b", re.I)

BASE: dict[str, Any] = {"age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1,
                        "tested_negative": ["EGFR", "ALK", "ROS1"], "brain_metastases": "none"}
UNTREATED = {**BASE, "prior_therapies": [], "prior_lines": 0}
ONE_LINE = {**BASE, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
TWO_LINES = {**BASE, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"],
             "prior_lines": 2}
# Chemoradiation and durvalumab for stage III: no line for advanced disease, but treated before.
STAGE_III = {**BASE, "prior_therapies": ["cisplatin", "etoposide", "durvalumab"], "prior_lines": 0}


def prior_finding(patient: dict[str, Any], *inclusion: str) -> Finding:
    text = invented_trial("".join(f"* {line}\n" for line in inclusion), "* Pregnancy\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict(patient))


# A line rule with another way in ("or declined", "or no standard therapy exists"): short of the lines is a question.
@pytest.mark.parametrize(("patient", "sentence"), [
    (UNTREATED, "Progressed on at least one prior systemic therapy, or refused standard chemotherapy"),
    (UNTREATED, "Disease progression after at least 1 line of standard treatment, or refused it"),
    (UNTREATED, "Progressed on, declined, or are ineligible for standard first-line therapy"),
    (ONE_LINE, "Received at least two prior lines of therapy or refused further chemotherapy"),
])
def test_a_shortfall_the_trial_leaves_a_way_round_says_whom_to_ask(patient: dict[str, Any], sentence: str) -> None:
    found = prior_finding(patient, sentence)
    assert found.verdict == "unknown"
    assert QUESTION.search(found.reason), found.reason


# Treated for stage III only: "previously treated" may count that treatment, and the reason says so.
@pytest.mark.parametrize("sentence", [
    "Previously treated NSCLC: at least one prior systemic therapy",
    "Must have received at least 1 prior line of systemic therapy",
    "Progressed after at least one prior systemic anticancer treatment",
])
def test_treatment_before_advanced_disease_is_named_as_what_may_count(sentence: str) -> None:
    found = prior_finding(STAGE_III, sentence)
    assert found.verdict == "unknown"
    assert "before your disease was advanced" in found.reason or "stage III" in found.reason, found.reason


# The firm rule still says no, and its reason stays a plain statement of the shortfall.
@pytest.mark.parametrize(("patient", "sentence"), [
    (UNTREATED, "Progressed on at least one prior platinum-based chemotherapy regimen for metastatic disease"),
    (TWO_LINES, "No more than one prior line of systemic therapy for advanced disease"),
])
def test_a_firm_line_rule_still_excludes_without_a_question(patient: dict[str, Any], sentence: str) -> None:
    found = prior_finding(patient, sentence)
    assert found.verdict == "excluded"
    assert "ask the study team" not in found.reason


def test_every_unknown_on_a_real_trial_says_what_to_ask(shared_records: list[dict[str, Any]],
                                                         shared_dir: Any) -> None:
    """Over every shared record and the shared profiles, no unknown reads like a bare shortfall."""
    import json

    profiles = [profile_from_dict(p) for p in json.loads((shared_dir / "eval" / "profiles.json").read_text())]
    bare = set()
    for record in shared_records:
        rules = parse_record(record)
        for profile in profiles:
            for dim, module in DIMENSIONS.items():
                found = module.check(rules[dim], profile)
                if found.verdict == "unknown" and not QUESTION.search(found.reason):
                    bare.add((dim, found.reason))
    assert sorted(bare) == []
