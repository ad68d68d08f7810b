"""Members listed after "other than X" (session 25, round 2, kind 4 of set R; invented sentences only).

"KRAS mutations other than G12V (including G12C, G12D, G13X)": the bracket lists members of the set the exception
leaves, not more exceptions, so a G12D carrier was excluded from a group written for it. Only X is excepted. And the
exception ends at another gene: in "KRAS mutations other than G12V, or BRAF V600E" BRAF is one more way in, not
spared (it was dropped, so a BRAF carrier was excluded). Near-misses: a bracket of exceptions ("other than G12C
(or G12D)") is not a list of members; an exclusion "EGFR mutations other than exon 19 deletion or L858R" keeps both
exceptions.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    BRAF_V600E,
    EGFR_19,
    EGFR_G719X,
    EGFR_L858R,
    EGFR_L861Q,
    HER2_EX20,
    KRAS_G12C,
    KRAS_G12D,
    KRAS_G12V,
    exc,
    inc,
    patient,
    verdict,
)

EGFR_EX20 = patient("EGFR:exon 20 insertion")

# (inclusion, a member the bracket names, the excepted change, a profile of another gene)
MEMBERS = [
    ("KRAS mutations other than G12V (including G12C, G12D, G12A, G13X, Q61X)", KRAS_G12D, KRAS_G12V, EGFR_19),
    ("Tumour with a KRAS mutation other than G12C (e.g. G12D, G12V, G13D)", KRAS_G12V, KRAS_G12C, BRAF_V600E),
    ("Any EGFR mutation other than exon 20 insertion (such as exon 19 deletion, L858R, G719X)", EGFR_G719X,
     EGFR_EX20, KRAS_G12C),
    ("Documented EGFR alteration other than the exon 20 insertion mutation (for example L858R, L861Q or exon 19 "
     "deletion)", EGFR_L861Q, EGFR_EX20, HER2_EX20),
    ("KRAS-mutant NSCLC, KRAS mutation other than G12D (including G12C and G12V)", KRAS_G12C, KRAS_G12D,
     EGFR_L858R),
    ("EGFR mutation other than L858R (including exon 19 deletion and uncommon mutations)", EGFR_19, EGFR_L858R,
     KRAS_G12D),
]


@pytest.mark.parametrize(("sentence", "member", "excepted", "other_gene"), MEMBERS)
def test_bracket_after_exception_lists_members(sentence: str, member: object, excepted: object,
                                               other_gene: object) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, member) == "eligible"
    assert verdict(criteria, excepted) == "excluded"
    assert verdict(criteria, other_gene) == "excluded"


# (inclusion, a carrier of the gene after the exception, the excepted change)
ANOTHER_GENE_AFTER = [
    ("KRAS mutations other than G12V, or BRAF V600E mutation", BRAF_V600E, KRAS_G12V),
    ("Part A: KRAS G12V, or KRAS mutations other than G12V (including G12C, G12D), or BRAF V600E or non-V600E "
     "mutation", BRAF_V600E, None),
    ("EGFR mutation other than exon 20 insertion, or HER2 exon 20 insertion", HER2_EX20, EGFR_EX20),
    ("KRAS mutation other than G12C or an EGFR exon 20 insertion", EGFR_EX20, KRAS_G12C),
]


@pytest.mark.parametrize(("sentence", "other_carrier", "excepted"), ANOTHER_GENE_AFTER)
def test_exception_ends_at_another_gene(sentence: str, other_carrier: object, excepted: object) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, other_carrier) == "eligible"
    if excepted is not None:
        assert verdict(criteria, excepted) == "excluded"


def test_exclusion_keeps_both_exceptions() -> None:
    criteria = exc("EGFR mutations other than exon 19 deletion or L858R")
    assert verdict(criteria, EGFR_19) == "eligible"
    assert verdict(criteria, EGFR_L858R) == "eligible"
    assert verdict(criteria, EGFR_G719X) == "excluded"


def test_exception_list_without_bracket_stays() -> None:
    criteria = inc("KRAS mutation other than G12C or G12D")
    assert verdict(criteria, KRAS_G12D) == "excluded"
    assert verdict(criteria, KRAS_G12V) == "eligible"
