"""Biomarker: "both A and B" asks for a change of each gene. Before, "Loss of both SMARCA4 and KRAS" or "Both KRAS
and STK11 mutations" was one list of alternatives: a KRAS carrier was let in although the other gene was untested,
and a patient tested negative for KRAS was only a question; a gene the vocabulary does not know ("RB1") named first
was dropped, so a carrier of the known gene was let in on it alone. Now each gene of the pair is its own requirement
(a gene no profile lists is a question of its own): a plain tested-negative result for the known gene excludes, a
carrier of it stays a question while the other gene is untested.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_L858R,
    KRAS_G12C,
    KRAS_G12D,
    MET_EX14,
    NO_DRIVER,
    UNTESTED,
    exc,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

# (inclusion bullet, a carrier of the known gene, a patient tested negative for it)
CASES = [
    ("Loss of both SMARCA4 and KRAS by next-generation sequencing", KRAS_G12C, EGFR_19),
    ("Tumours with mutations in both KEAP1 and KRAS (KRAS-mut/KEAP1-mut NSCLC)", KRAS_G12D, ALK),
    ("Both KRAS and STK11 mutations, such as KRAS G12C with STK11 loss", KRAS_G12C, MET_EX14),
    ("Alterations of both RB1 and EGFR confirmed on tissue or plasma (central or local test)", EGFR_L858R, KRAS_G12C),
    ("Patients who have co-mutations in both CDKN2A and EGFR, detected by ctDNA", EGFR_19, NO_DRIVER),
    ("NSCLC-documented loss of function of both the CDKN2A and KRAS genes;", KRAS_G12D, EGFR_L858R),
]


@pytest.mark.parametrize(("bullet", "carrier", "negative"), CASES)
def test_each_gene_of_a_both_pair_is_required(bullet: str, carrier: Profile, negative: Profile) -> None:
    assert verdict(inc(bullet), negative) == "excluded"
    assert verdict(inc(bullet), carrier) == "unknown"  # the other gene is untested
    assert verdict(inc(bullet), UNTESTED) == "unknown"


def test_near_miss_an_exclusion_of_the_pair_binds_only_both() -> None:
    text = exc("Tumours with alterations in both STK11 and KRAS")
    assert verdict(text, KRAS_G12C) != "excluded"
    assert verdict(text, EGFR_19) == "eligible"


def test_near_miss_negative_for_both_excludes_either() -> None:
    text = inc("Tumour tissue negative for both EGFR and ALK")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"


def test_near_miss_two_unknown_genes_stay_a_question() -> None:
    text = inc("Loss of both RB1 and TP53")
    assert verdict(text, KRAS_G12C) == "unknown"
    assert verdict(text, NO_DRIVER) == "unknown"


def test_near_miss_a_part_tag_keeps_the_pair_a_question_for_others() -> None:
    # The tag scopes the rule to one part: a patient outside it is a question, never excluded here.
    text = inc("Part C-2: documented loss of function of both the CDKN2A and KRAS genes")
    assert verdict(text, KRAS_G12D) == "unknown"
    assert verdict(text, EGFR_L858R) == "unknown"
