"""A labelled part, cohort or arm followed by words describing it, then a colon ("Part C combination with
pembrolizumab: NSCLC, first line, PD-L1 >= 1%") is a part tag: what follows the colon is that part's rule only,
in every dimension."""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.reader import criterion_scope

# (criterion, kind of the scope it opens)
DESCRIBED = {
    "combination with a PD-1 drug": ("Part C combination with pembrolizumab: NSCLC, first line, PD-L1 TPS >= 1%",
                                     "part"),
    "combination with chemotherapy": ("Part B combination with carboplatin and pemetrexed: non-squamous NSCLC only",
                                      "part"),
    "cohort by cancer and line": ("Cohort 4 squamous NSCLC after platinum: no more than two prior lines", "cohort"),
    "arm by regimen": ("Arm 2 docetaxel plus ramucirumab: prior anti-PD-(L)1 therapy required", "arm"),
    "expansion cohort by drug pair": ("Expansion cohort 3 combination with nivolumab: treatment-naive for "
                                      "metastatic disease", "cohort"),
    "part with aside after words": ("Part D triplet with cetuximab (closed): KRAS G12C colorectal cancer", "part"),
    "group by a marker in words": ("Group 2 EGFR-mutant after osimertinib: progressed on osimertinib", "cohort"),
}

# Lines that open with a group word but are not a described tag: their old reading stays.
NOT_TAGS = {
    "rule in the words": "Part 2 patients must have received a platinum doublet: see protocol",
    "no label": "Part of the population with EGFR mutations: see below",
    "phase of a drug in a sentence": "Prior chemotherapy; phase 3 trials of docetaxel are allowed",
}


@pytest.mark.parametrize("name", sorted(DESCRIBED))
def test_described_group_is_a_tag(name: str) -> None:
    text, kind = DESCRIBED[name]
    scope = criterion_scope(text)
    assert scope is not None and scope.kind == kind, (name, scope)


@pytest.mark.parametrize("name", sorted(NOT_TAGS))
def test_not_a_described_tag(name: str) -> None:
    scope = criterion_scope(NOT_TAGS[name])
    assert scope is None or "see protocol" not in scope.label, (name, scope)


def _trial(line: str) -> str:
    return ("Inclusion Criteria:\n\n* Documented SMARCA4 loss-of-function mutation by local testing\n"
            "  * Part A monotherapy escalation: any solid tumor\n"
            "  * Part B combination with docetaxel: NSCLC only\n"
            f"  * {line}\n\nExclusion Criteria:\n\n* Pregnancy")


PART_LINES = [
    "Part C combination with pembrolizumab: NSCLC, first line, PD-L1 TPS >= 1%",
    "Part C combination with nivolumab and ipilimumab: NSCLC, treatment-naive, PD-L1 >= 50%",
    "Part D triplet with cemiplimab: first-line NSCLC, PD-L1 TPS >= 1%",
]


@pytest.mark.parametrize("line", PART_LINES)
def test_part_rules_do_not_bind_other_parts(line: str) -> None:
    from trialmatch.criteria.parse import DIMENSIONS, parse_record
    from trialmatch.matching.profile import profile_from_dict

    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": _trial(line)}}}
    rules = parse_record(rec)
    treated = profile_from_dict({"id": "t", "age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1,
                                 "biomarkers": [], "pdl1_tps": 0, "prior_lines": 1,
                                 "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"]})
    for dim in ("prior_therapy", "biomarker"):
        got = DIMENSIONS[dim].check(rules[dim], treated)
        assert got.verdict != "excluded", (dim, got.reason)
