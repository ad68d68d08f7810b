"""A ban with a bracket that lets in a class beside it (bio32, invented sentences only):

1. "(other drivers are allowed)", "(other actionable alterations allowed)", "(co-occurring alterations are
   permitted)": the bracket lets in what the head does not name, so the head's gene alone is banned. Before, "other
   drivers" joined the ban in an inclusion (an EGFR or MET patient excluded by "No HER2 alteration (other drivers are
   allowed)") and, among exclusions, the whole line was read as a permission (a HER2 carrier let in);
2. a bare class ("(mutations are allowed)") after several genes sharing one noun ("No EGFR or HER2 alteration") spares
   that class of every listed gene: their mutations are let in, their other changes (amplification) stay banned.
   Before, the bracket's class was read as the banned change (the mutants excluded, the amplified let in)."""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_L858R,
    HER2_AMP,
    HER2_EX20,
    HER2_OVER,
    KRAS_G12C,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    ROS1,
    UNTESTED,
    exc,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

OTHERS_LET_IN = [
    # (criteria, a banned carrier)
    (inc("Stage IV NSCLC", "No HER2 alteration (other drivers are allowed)"), HER2_EX20),
    (inc("Stage IV NSCLC", "Absence of ALK rearrangement (other oncogenic alterations are permitted)"), ALK),
    (inc("Stage IV NSCLC", "Tumour without a ROS1 fusion (co-occurring alterations are allowed)"), ROS1),
    (inc("Stage IV NSCLC", "No known HER2 amplification or overexpression (other driver alterations are eligible)"),
     HER2_AMP),
    (inc("Stage IV NSCLC") + exc("Known HER2 alteration (other actionable alterations allowed)"), HER2_EX20),
    (inc("Stage IV NSCLC") + exc("Known ALK fusion (patients with other drivers are eligible)"), ALK),
    (inc("Stage IV NSCLC") + exc("Documented HER2 mutation (any other genomic alterations are permitted)"), HER2_EX20),
    (inc("Stage IV NSCLC") + exc("Known ROS1 rearrangement (concurrent alterations are acceptable)"), ROS1),
]


@pytest.mark.parametrize(("criteria", "banned"), OTHERS_LET_IN)
def test_others_bracket_leaves_the_head_ban_alone(criteria: str, banned: Profile) -> None:
    assert verdict(criteria, banned) == "excluded", criteria
    for other in (EGFR_19, KRAS_G12C, MET_EX14, NO_DRIVER):
        assert verdict(criteria, other) == "eligible", (criteria, other)
    assert verdict(criteria, UNTESTED) != "excluded", criteria


@pytest.mark.parametrize("criteria", [
    inc("Stage IV NSCLC", "HER2 mutation (other drivers are allowed)"),
    inc("Stage IV NSCLC", "Documented HER2 exon 20 insertion (co-occurring alterations are permitted)"),
    inc("Stage IV NSCLC", "Known activating HER2 mutation (other actionable alterations allowed)"),
    inc("Stage IV NSCLC", "HER2-mutant NSCLC (concurrent alterations are acceptable)"),
    inc("Stage IV NSCLC", "HER2 exon 20 insertion (additional genomic alterations are permitted)"),
])
def test_others_bracket_beside_a_requirement_keeps_it(criteria: str) -> None:
    assert verdict(criteria, HER2_EX20) == "eligible", criteria
    assert verdict(criteria, EGFR_19) == "excluded", criteria
    assert verdict(criteria, NO_DRIVER) == "excluded", criteria


SHARED_NOUN_BANS = [
    # (criteria, spared carriers, banned carriers)
    (inc("Stage IV NSCLC", "No EGFR or HER2 alteration (mutations are allowed)"), (EGFR_19, HER2_EX20), (HER2_AMP,)),
    (inc("Stage IV NSCLC", "No MET or HER2 alteration (mutations are permitted)"), (MET_EX14, HER2_EX20),
     (MET_AMP, HER2_AMP)),
    (inc("Stage IV NSCLC", "Absence of MET and HER2 alterations (mutations are acceptable)"), (MET_EX14, HER2_EX20),
     (MET_AMP, HER2_AMP)),
    (inc("Stage IV NSCLC", "No EGFR or HER2 alteration other than mutations"), (EGFR_19, HER2_EX20), (HER2_AMP,)),
    (inc("Stage IV NSCLC", "No MET, EGFR or HER2 alterations (amplification is allowed)"), (MET_AMP, HER2_AMP),
     (MET_EX14, EGFR_L858R, HER2_EX20)),
    (inc("Stage IV NSCLC") + exc("Known EGFR or HER2 alteration (mutations are allowed)"), (EGFR_19, HER2_EX20),
     (HER2_AMP, HER2_OVER)),
    (inc("Stage IV NSCLC") + exc("MET or HER2 alterations (mutations are permitted)"), (MET_EX14, HER2_EX20),
     (MET_AMP, HER2_AMP)),
]


@pytest.mark.parametrize(("criteria", "spared", "banned"), SHARED_NOUN_BANS)
def test_bare_class_after_shared_noun_spares_every_listed_gene(
        criteria: str, spared: tuple[Profile, ...], banned: tuple[Profile, ...]) -> None:
    for carrier in spared:
        assert verdict(criteria, carrier) == "eligible", (criteria, carrier)
    for carrier in banned:
        assert verdict(criteria, carrier) == "excluded", (criteria, carrier)
    for other in (KRAS_G12C, ALK, NO_DRIVER):
        assert verdict(criteria, other) == "eligible", (criteria, other)


# Near-misses that keep their verdicts: no bracket; "other than" naming a gene; a requirement named before the ban
# (whose mutations the bracket means is not said: the requirement decides); a one-gene bracket.
def test_near_misses_keep_their_verdicts() -> None:
    assert verdict(inc("Stage IV NSCLC", "No HER2 alteration"), HER2_EX20) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "No EGFR or HER2 alteration"), EGFR_19) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "No EGFR or HER2 alteration"), HER2_AMP) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "No driver alteration other than KRAS"), EGFR_19) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "No driver alteration other than KRAS"), KRAS_G12C) == "eligible"
    assert verdict(inc("Stage IV NSCLC", "No HER2 alteration (HER2 mutations are allowed)"), HER2_EX20) == "eligible"
    assert verdict(inc("Stage IV NSCLC", "No HER2 alteration (HER2 mutations are allowed)"), HER2_AMP) == "excluded"
    req = inc("Stage IV NSCLC", "EGFR mutation, no HER2 alteration (mutations are allowed)")
    assert verdict(req, EGFR_19) == "eligible"
    assert verdict(req, KRAS_G12C) == "excluded"
    assert verdict(inc("Stage IV NSCLC") + exc("Known HER2 alteration"), HER2_EX20) == "excluded"
    assert verdict(inc("Stage IV NSCLC") + exc("Known HER2 alteration"), EGFR_19) == "eligible"
    assert verdict(inc("Stage IV NSCLC") + exc("Other known driver alterations"), EGFR_19) == "excluded"
