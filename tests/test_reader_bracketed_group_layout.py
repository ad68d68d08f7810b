"""The shared reader on labelled groups whose own words stand in a bracket after the label, the rest of their rule after
it, several in one criterion: "Arm A (squamous NSCLC), after one prior line; Arm B (non-squamous, without EGFR, ALK or
ROS1 alterations), after platinum chemotherapy". Each group's clause is cut apart and scoped to its group (before,
the reader saw no group, so every arm's rule bound everyone); a group named by genes it has not ("without EGFR ...",
"no EGFR mutation or ALK rearrangement", "lacking ALK") is the patients without them.

Near-misses: a bracket with nothing after it ("Cohort 2 (expansion):") keeps its old reading, a semicolon before a
clause with no label does not cut, and "with EGFR mutation" stays a carrier group. Every sentence is invented.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.reader import read_scope
from trialmatch.criteria.rules.reader.alternatives import alternative_clauses
from trialmatch.criteria.rules.reader.scope import _absent_genes, genes_named

LAYOUTS = [
    ("Arm A (squamous NSCLC), after one prior line",
     "Arm B (non-squamous, without EGFR, ALK or ROS1 alterations), after platinum chemotherapy"),
    ("Cohort 1 (EGFRm NSCLC) after osimertinib",
     "Cohort 2 (KRAS G12C-mutant NSCLC) after sotorasib or adagrasib"),
    ("Part B1 (squamous histology), progressed on chemo-immunotherapy",
     "Part B2 (adenocarcinoma, e.g. acinar or papillary), progressed on pemetrexed"),
    ("Substudy-01 (HER2 exon 20 insertion), no prior HER2-directed therapy",
     "Substudy-02 (no EGFR mutation or ALK rearrangement), after a platinum doublet"),
    ("Cohort 2a (ROS1-positive), TKI-naive patients can be enrolled",
     "Cohort 2b (ROS1-positive), after crizotinib (prior entrectinib is not allowed)"),
    ("Group 3 (PD-L1 TPS >= 50%) first-line",
     "Group 4 (PD-L1 TPS 1-49%) first-line, including patients who received adjuvant chemotherapy"),
]


@pytest.mark.parametrize("first,second", LAYOUTS)
def test_each_bracketed_group_gets_its_clause(first: str, second: str) -> None:
    clauses = alternative_clauses(f"{first}; {second}")
    assert clauses is not None
    assert [c for c, _ in clauses] == [first, second]
    for clause in (first, second):
        scope = read_scope(clause)[1]
        assert scope is not None, clause
        assert scope.label.lower().startswith(clause.split(" (")[0].lower()), (clause, scope.label)


def test_group_named_by_genes_it_has_not() -> None:
    scope = read_scope("Arm B (non-squamous, without EGFR, ALK or ROS1 alterations), after platinum chemotherapy")[1]
    assert scope is not None and scope.absent and set(scope.genes) == {"EGFR", "ALK", "ROS1"}
    assert _absent_genes("Cohort 3 (no EGFR mutation or ALK rearrangement)") == ((), ("EGFR", "ALK"))
    assert _absent_genes("Cohort 2 (lacking ALK)") == ((), ("ALK",))
    assert _absent_genes("Part C (free of any EGFR mutation)") == ((), ("EGFR",))
    # genes_named() keeps naming a gene beside "without": its callers read the negation themselves
    assert genes_named("Group 2: lacking a ROS1 fusion") == ("ROS1",)


@pytest.mark.parametrize("text", [
    "EGFR mutation and ALK fusion",
    "Cohort 1 (EGFR-mutant, no prior TKI)",
    "Patients with EGFR mutation who progressed on osimertinib",
])
def test_carriers_stay_carriers(text: str) -> None:
    named, negated = _absent_genes(text)
    assert "EGFR" in named
    assert "EGFR" not in negated


def test_semicolon_before_unlabelled_clause_does_not_cut() -> None:
    assert alternative_clauses("Arm A (squamous NSCLC), after one prior line; prior docetaxel is allowed") is None


def test_bracket_then_colon_keeps_its_reading() -> None:
    heading, own = read_scope("Cohort 2 (expansion):")
    assert heading is not None and own is not None
