"""A ban with a bracket that lets one change through: "Stage IV NSCLC without EGFR sensitizing mutations (exon 20
insertions are allowed)", among exclusions "EGFR mutations (patients with exon 20 insertion are eligible)". The ban
holds for the rest; the bracket's carriers are let in. Before, the bracket's change was banned with (or instead of)
the rest, or, among exclusions, the whole ban was read as a permission. A bracket naming another gene's change beside
a ban ("No ALK rearrangement (ROS1 fusions are allowed)") is neither banned nor asked for. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    EGFR_L858R,
    HER2_EX20,
    KRAS_G12C,
    KRAS_G12D,
    NO_DRIVER,
    ROS1,
    UNTESTED,
    exc,
    inc,
    verdict,
)

INCLUSION_BANS = [
    "Stage IV NSCLC without EGFR sensitizing mutations (exon 20 insertions are allowed)",
    "No EGFR mutations (exon 20 insertions are allowed)",
    "Absence of activating EGFR mutations (patients with EGFR exon 20 insertion are eligible)",
    "Tumour must be EGFR wild-type (exon 20 insertions permitted)",
    "No EGFR or ALK alteration (EGFR exon 20 insertions are allowed)",
    "Patients must not have an EGFR mutation (exon 20 insertion mutations are acceptable)",
]
EXCLUSION_BANS = [
    "EGFR mutations (exon 20 insertions are allowed)",
    "Known EGFR mutation (patients with exon 20 insertion are eligible)",
    "Sensitizing EGFR mutation (exon 20 insertions are permitted)",
    "Tumours harbouring an EGFR mutation (EGFR exon 20 insertions are also allowed)",
    "Activating EGFR mutations (exon 20 insertion mutations are acceptable)",
]


@pytest.mark.parametrize("criteria", [inc("Stage IV NSCLC", t) for t in INCLUSION_BANS]
                         + [inc("Stage IV NSCLC") + exc(t) for t in EXCLUSION_BANS])
def test_ban_holds_and_the_permitted_change_is_let_in(criteria: str) -> None:
    assert verdict(criteria, EGFR_19) == "excluded", criteria
    assert verdict(criteria, EGFR_L858R) == "excluded", criteria
    assert verdict(criteria, EGFR_EX20) == "eligible", criteria
    for other in (KRAS_G12C, NO_DRIVER, HER2_EX20):
        assert verdict(criteria, other) == "eligible", (criteria, other)
    assert verdict(criteria, UNTESTED) != "excluded"


@pytest.mark.parametrize("criteria", [
    inc("Stage IV NSCLC", "Absence of ALK rearrangement (ROS1 fusions are allowed)"),
    inc("Stage IV NSCLC", "No ALK fusion (ROS1 fusion permitted)"),
    inc("Stage IV NSCLC") + exc("ALK rearrangement (ROS1 fusion allowed)"),
    inc("Stage IV NSCLC") + exc("Known ALK rearrangement (patients with ROS1 fusion are eligible)"),
    inc("Stage IV NSCLC", "ALK-negative (ROS1 fusions are allowed)"),
])
def test_another_genes_change_is_neither_banned_nor_asked(criteria: str) -> None:
    assert verdict(criteria, ALK) == "excluded", criteria
    assert verdict(criteria, ROS1) == "eligible", criteria
    assert verdict(criteria, NO_DRIVER) == "eligible", criteria


# Near-misses: a ban of one gene's changes with one of them spared in a KRAS sentence; and a plain ban keeps its sense.
def test_kras_ban_spares_the_named_change() -> None:
    criteria = inc("Stage IV NSCLC", "No KRAS mutation (KRAS G12C is allowed)")
    assert verdict(criteria, KRAS_G12C) == "eligible"
    assert verdict(criteria, KRAS_G12D) == "excluded"


def test_plain_ban_unchanged() -> None:
    criteria = inc("Stage IV NSCLC", "Stage IV NSCLC without EGFR sensitizing mutations")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, EGFR_EX20) == "eligible"
    assert verdict(criteria, KRAS_G12C) == "eligible"


def test_requirement_with_permitted_change_is_never_a_ban() -> None:
    # beside a requirement the bracket widens (ALLOWED_AFTER): the permitted carriers are never excluded
    criteria = inc("Stage IV NSCLC", "EGFR sensitizing mutation (exon 20 insertions are allowed)")
    assert verdict(criteria, EGFR_EX20) != "excluded"
    assert verdict(criteria, EGFR_19) == "eligible"
