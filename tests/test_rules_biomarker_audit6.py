"""Biomarker kinds found by invented-sentence audits (round 6).

1. A PD-L1 level FIRST, then "or" a gene's finding ("PD-L1 TPS >= 1% or a sensitising EGFR mutation",
   "TPS 1% or more, or KRAS G12C mutation"): one requirement met by either side, as the gene-first order already was.
   The gene phrase may open with its kind ("a sensitising", "an activating") and the level may be named by its score
   alone ("TPS"). Near misses ("and", "without", a plain ";" between) stay two requirements; "; or" goes on with
   the same alternatives (a semicolon before "or" starts no requirement of its own).
2. Two genes joined by "or" in one requirement are one requirement met by either.
"""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, verdict

PD0_UNTESTED = patient(negative=[], pdl1=0, lines=0)
PD80_EGFR_NEGATIVE = patient(negative=["EGFR"], pdl1=80, lines=0)
PD80_NO_DRIVER = patient(pdl1=80, lines=0)
PD0_NO_DRIVER = patient(pdl1=0, lines=0)
PD_NULL_NO_DRIVER = patient(lines=0)
L858R_PD0 = patient("EGFR:L858R", pdl1=0, lines=0)
ALK_PD_NULL = patient("ALK:EML4-ALK fusion", lines=0)
G12C_PD0 = patient("KRAS:G12C", pdl1=0, lines=0)
G12D_PD0 = patient("KRAS:G12D", pdl1=0, lines=0)

# ---- kind 1: a PD-L1 level, then "or" a gene ----------------------------------------------------------------------

SCORE_FIRST = [
    ("PD-L1 TPS >= 1% or a sensitising EGFR mutation", L858R_PD0),
    ("PD-L1 expression >= 50% or an EGFR/ALK alteration", ALK_PD_NULL),
    ("TPS 1% or more, or KRAS G12C mutation", G12C_PD0),
    ("PD-L1 high (>=50%) or ALK-positive", ALK_PD_NULL),
    ("Tumour proportion score of at least 50%, or an activating EGFR mutation", L858R_PD0),
    ("PD-L1 TPS >= 1%, or documented ALK rearrangement or ROS1 fusion", ALK_PD_NULL),
    ("PD-L1 >= 1% or a sensitizing mutation of EGFR", L858R_PD0),
]


@pytest.mark.parametrize(("sentence", "carrier"), SCORE_FIRST,
                         ids=["sensitising", "egfr-alk", "tps-or-more", "high-positive", "tps-words", "two-genes",
                              "mutation-of"])
def test_score_then_gene_is_one_requirement(sentence: str, carrier: object) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, PD80_NO_DRIVER) == "eligible"
    assert verdict(criteria, PD80_EGFR_NEGATIVE) == "eligible"  # the score alone lets in
    assert verdict(criteria, carrier) == "eligible"  # the gene alone lets in, whatever the score
    assert verdict(criteria, PD0_UNTESTED) == "unknown"  # the gene side is untested
    assert verdict(criteria, PD0_NO_DRIVER) == "excluded"  # neither side


def test_score_then_gene_other_variant_has_no_way_in() -> None:
    assert verdict(inc("TPS 1% or more, or KRAS G12C mutation"), G12D_PD0) == "excluded"


def test_score_then_absent_gene_is_only_a_question() -> None:
    criteria = inc("PD-L1 >= 1% or EGFR wild-type")
    assert verdict(criteria, PD80_NO_DRIVER) == "eligible"
    assert verdict(criteria, PD0_NO_DRIVER) != "excluded"  # EGFR wild-type: the other way in
    assert verdict(criteria, L858R_PD0) == "unknown"


@pytest.mark.parametrize("sentence", [
    "PD-L1 >= 1% and EGFR wild-type",
    "PD-L1 >= 1% without EGFR/ALK",
    "PD-L1 expression of 1% or higher and no EGFR or ALK alteration",
])
def test_near_miss_score_and_absent_gene_are_both_required(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, PD0_NO_DRIVER) == "excluded"  # the score fails
    assert verdict(criteria, L858R_PD0) == "excluded"
    assert verdict(criteria, PD80_NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "PD-L1 >= 50%; EGFR mutation required",
    "PD-L1 TPS of 50% or greater, and a sensitising EGFR mutation",
])
def test_near_miss_score_and_gene_are_both_required(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, PD80_EGFR_NEGATIVE) == "excluded"  # score met, gene tested negative
    assert verdict(criteria, L858R_PD0) == "excluded"  # gene met, score fails
    assert verdict(criteria, PD0_UNTESTED) == "excluded"


# ---- kind 2: two genes joined by "or" -----------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "first", "second"), [
    ("EGFR mutation, or alternatively an ALK rearrangement", L858R_PD0, ALK_PD_NULL),
    ("ALK-positive or KRAS G12C-mutant NSCLC", ALK_PD_NULL, G12C_PD0),
    ("Tumour with an ALK fusion, or with a KRAS G12C mutation", ALK_PD_NULL, G12C_PD0),
    ("EGFR exon 19 deletion or L858R, or ALK rearrangement", L858R_PD0, ALK_PD_NULL),
])
def test_two_genes_joined_by_or_are_one_requirement(sentence: str, first: object, second: object) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, first) == "eligible"
    assert verdict(criteria, second) == "eligible"
    assert verdict(criteria, PD0_UNTESTED) == "unknown"
    assert verdict(criteria, PD0_NO_DRIVER) == "excluded"


# ---- "; or": a semicolon before "or" goes on with the same alternatives --------------------------------------------

@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS >= 50%; or a sensitising EGFR mutation",
    "EGFR mutation; or PD-L1 TPS >= 50%",
    "PD-L1 >= 50%; and/or EGFR mutation",
])
def test_a_semicolon_before_or_keeps_score_and_gene_one_requirement(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, PD80_NO_DRIVER) == "eligible"
    assert verdict(criteria, L858R_PD0) == "eligible"
    assert verdict(criteria, PD0_NO_DRIVER) == "excluded"


@pytest.mark.parametrize("sentence", ["ALK rearrangement; or ROS1 rearrangement", "ALK fusion; and/or ROS1 fusion"])
def test_a_semicolon_before_or_keeps_two_genes_one_requirement(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, ALK_PD_NULL) == "eligible"
    assert verdict(criteria, patient("ROS1:fusion", lines=0)) == "eligible"
    assert verdict(criteria, PD80_NO_DRIVER) == "excluded"


def test_a_plain_semicolon_still_starts_another_requirement() -> None:
    criteria = inc("PD-L1 TPS >= 50%; EGFR mutation required")
    assert verdict(criteria, PD80_NO_DRIVER) == "excluded"  # no EGFR mutation
    assert verdict(criteria, L858R_PD0) == "excluded"  # PD-L1 below 50%
