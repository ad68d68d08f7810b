"""A sentence that says what an earlier requirement of the same bullet counts ("EGFR mutations include activating
and acquired resistance mutations") widens that requirement; it is not a second requirement of its own.

Invented sentences of the kind, and near misses ("... include only ...", a definition in another bullet) that keep
their own reading.
"""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, trial, verdict

from trialmatch.criteria.rules import biomarker

EL, UN, EX = "eligible", "unknown", "excluded"

HER2_EX20 = patient("ERBB2:exon 20 insertion")
EGFR_L858R = patient("EGFR:L858R")
EGFR_C797S = patient("EGFR:exon 19 deletion", "EGFR:T790M", "EGFR:C797S")
EGFR_L861Q = patient("EGFR:L861Q")
EGFR_G719X = patient("EGFR:G719X")
EGFR_EX19 = patient("EGFR:exon 19 deletion")
ALK = patient("ALK:fusion")
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12D = patient("KRAS:G12D")
KRAS_G12V = patient("KRAS:G12V")
MET_AMP = patient("MET:amplification")
MET_EX14 = patient("MET:exon 14 skipping")
UNTESTED = patient(negative=[])

DEFINING = {
    "egfr-or-her2-then-egfr-includes-acquired": (
        "NSCLC with an EGFR or HER2 mutation in the kinase domain (exons 18-21). EGFR mutations include activating "
        "and acquired resistance mutations, alone or compound.",
        [(HER2_EX20, EL), (EGFR_L858R, EL), (EGFR_C797S, EL), (ALK, EX), (KRAS_G12C, EX), (UNTESTED, UN)]),
    "kras-or-nras-then-kras-includes": (
        "Documented KRAS or NRAS mutation. KRAS mutations include G12C, G12D, G12V and G13D.",
        [(KRAS_G12D, EL), (KRAS_G12V, EL), (KRAS_G12C, EL)]),
    "braf-or-met-then-qualifying-met-may-include": (
        "Tumour harbouring a BRAF V600E mutation or a MET alteration. Qualifying MET alterations may include exon 14 "
        "skipping and amplification.",
        [(MET_AMP, EL), (MET_EX14, EL), (ALK, EX)]),
    "activating-egfr-then-eligible-include-uncommon": (
        "Metastatic NSCLC with an activating EGFR mutation. Eligible EGFR mutations include uncommon mutations such "
        "as G719X, L861Q and S768I.",
        [(EGFR_L861Q, EL), (EGFR_G719X, EL), (EGFR_EX19, EL), (ALK, EX)]),
}


@pytest.mark.parametrize(("bullet", "cases"), DEFINING.values(), ids=DEFINING.keys())
def test_a_defining_sentence_widens_the_earlier_requirement(bullet: str, cases: list[tuple[object, str]]) -> None:
    for profile, expected in cases:
        assert verdict(inc(bullet), profile) == expected, profile  # type: ignore[arg-type]


def test_include_only_narrows_and_stays_its_own_rule() -> None:
    bullet = "NSCLC with an EGFR mutation. Eligible EGFR mutations include only exon 19 deletion and L858R."
    assert len(biomarker.parse(trial(inc(bullet)))["clauses"]) == 2
    assert verdict(inc(bullet), EGFR_EX19) == EL


def test_a_definition_in_the_next_bullet_widens_it_too() -> None:
    criteria = inc("NSCLC with an EGFR or HER2 mutation", "EGFR mutations include exon 19 deletion and L858R")
    assert verdict(criteria, EGFR_EX19) == EL
    assert verdict(criteria, HER2_EX20) == EL
    assert verdict(criteria, ALK) == EX


def test_no_earlier_requirement_leaves_the_sentence_a_rule() -> None:
    criteria = inc("EGFR mutations include exon 19 deletion and L858R.")
    assert verdict(criteria, EGFR_EX19) == EL
    assert verdict(criteria, ALK) == EX
