"""A driver class, then a word that says the genes after it ARE the class ("i.e.", "namely", "that is",
"specifically"), often after a relative clause on approval: "No actionable alteration for which first-line targeted
therapy is approved, i.e., EGFR ..., ALK or ROS1 ...". The list was cut off from the class, so an inclusion's "No ..."
reached only the driver words: the listed genes were read as required and every other driver banned (a KRAS G12C or
HER2 exon 20 patient excluded, an EGFR patient let in). The list now shares the class's side and closes it, as a bare
bracket after the clause already did. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    HER2_EX20,
    KRAS_G12C,
    KRAS_G12D,
    NO_DRIVER,
    RET,
    ROS1,
    inc,
    verdict,
)

DEFINING_BANS = [
    "No known actionable genomic alteration for which a first-line targeted therapy is approved, i.e., EGFR "
    "sensitizing mutation, ALK or ROS1 rearrangement",
    "No known actionable genomic alteration for which a first-line targeted therapy is approved (i.e., EGFR "
    "sensitizing mutation, ALK or ROS1 rearrangement)",
    "No actionable genomic alteration, namely EGFR sensitizing mutation, ALK or ROS1 rearrangement",
    "No actionable genomic alteration, specifically EGFR sensitizing mutation, ALK or ROS1 rearrangement",
    "Absence of actionable driver alterations that are targetable with approved drugs, that is, EGFR mutations, ALK "
    "or ROS1 fusions",
    "Tumour without a driver alteration for which approved targeted therapy is available, namely EGFR mutation, ALK "
    "fusion or ROS1 fusion",
]


@pytest.mark.parametrize("text", DEFINING_BANS)
def test_listed_genes_are_banned_others_not(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    for listed in (EGFR_19, ALK, ROS1):
        assert verdict(criteria, listed) == "excluded", text
    for other in (KRAS_G12C, KRAS_G12D, HER2_EX20, RET, NO_DRIVER):
        assert verdict(criteria, other) == "eligible", text


def test_long_first_line_list_leaves_kras_and_her2_in() -> None:
    criteria = inc("Stage IV NSCLC", "No known actionable genomic alteration for which a first-line targeted therapy "
                   "is approved, i.e., EGFR sensitizing mutation, ALK or ROS1 rearrangement, NTRK fusion, BRAF V600E "
                   "mutation, RET fusion or MET exon 14 skipping")
    assert verdict(criteria, RET) == "excluded"
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, KRAS_G12C) == "eligible"
    assert verdict(criteria, HER2_EX20) == "eligible"


# Near-misses: the same list as a requirement stays one; examples ("e.g.", "such as") keep the class open.
def test_defining_list_as_requirement() -> None:
    criteria = inc("Stage IV NSCLC", "Documented actionable driver alteration, i.e., EGFR sensitizing mutation, ALK "
                   "or ROS1 rearrangement")
    assert verdict(criteria, EGFR_19) == "eligible"
    assert verdict(criteria, ALK) == "eligible"
    assert verdict(criteria, KRAS_G12D) == "excluded"


def test_examples_keep_class_open() -> None:
    criteria = inc("Stage IV NSCLC", "No known actionable genomic alteration for which a first-line targeted therapy "
                   "is approved (e.g., EGFR sensitizing mutation, ALK or ROS1 rearrangement)")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, RET) == "excluded"  # an approved first-line driver the examples leave out
    assert verdict(criteria, KRAS_G12D) == "eligible"


def test_gene_narrowed_by_namely_unchanged() -> None:
    criteria = inc("Stage IV NSCLC", "No EGFR mutation, namely exon 19 deletion or L858R")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, KRAS_G12C) == "eligible"
