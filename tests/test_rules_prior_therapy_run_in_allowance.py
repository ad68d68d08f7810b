"""A short run-in allowance ("Up to 8 weeks of osimertinib before enrollment is allowed") beside a ban on the drug
("Prior osimertinib beyond 8 weeks") lets in a patient started on it while awaiting the study, not one whose listed
line for advanced disease was the drug (progressed on it): excluded, not a question. A naive patient stays
eligible; an allowance with no short bound keeps its question."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"ri-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                              "prior_therapies": drugs, "prior_lines": lines})


def _verdict(allow: str, ban: str, profile: Any) -> str:
    text = f"Inclusion Criteria:\n\n* Stage IV NSCLC\n* {allow}\n\nExclusion Criteria:\n\n* {ban}"
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": text}}}
    return DIMENSIONS["prior_therapy"].check(parse_record(rec)["prior_therapy"], profile).verdict


NAIVE = _profile([], 0)

CASES = [
    ("Up to 8 weeks of osimertinib before enrollment is allowed (for patients started on it while awaiting "
     "enrollment)", "Prior treatment with osimertinib beyond 8 weeks", "osimertinib"),
    ("No more than 14 days of alectinib prior to registration is permitted",
     "Prior treatment with alectinib or any other ALK inhibitor", "alectinib"),
    ("Up to 2 weeks of pembrolizumab given before randomisation is acceptable",
     "Prior anti-PD-1 or anti-PD-L1 therapy", "pembrolizumab"),
    ("A maximum of 21 days of lorlatinib before the first dose is allowed while awaiting screening results",
     "Prior lorlatinib", "lorlatinib"),
    ("Patients who started selpercatinib less than 4 weeks before enrolment are eligible",
     "Previous treatment with a selective RET inhibitor", "selpercatinib"),
    ("Up to 6 weeks of sotorasib before study entry is allowed",
     "Prior KRAS G12C inhibitor therapy", "sotorasib"),
]


@pytest.mark.parametrize(("allow", "ban", "drug"), CASES)
def test_drug_as_a_line_is_excluded(allow: str, ban: str, drug: str) -> None:
    assert _verdict(allow, ban, _profile([drug], 1)) == "excluded"


@pytest.mark.parametrize(("allow", "ban", "drug"), CASES)
def test_naive_is_eligible(allow: str, ban: str, drug: str) -> None:
    assert _verdict(allow, ban, NAIVE) == "eligible"


# Near-miss: an allowance with a condition but no short bound keeps the question.
def test_unbounded_allowance_still_a_question() -> None:
    verdict = _verdict("Prior osimertinib is allowed if stopped for toxicity", "Prior treatment with osimertinib",
                       _profile(["osimertinib"], 1))
    assert verdict == "unknown"
