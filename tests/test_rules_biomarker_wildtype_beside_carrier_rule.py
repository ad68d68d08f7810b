"""A "[GENE] wild-type required" rule beside a carrier-therapy rule for OTHER named genes (session 26, Q kind 7).

"Must be EGFR wildtype; participants with known actionable alterations in ALK, ROS1, ... must have received prior
targeted therapy for that alteration": the carrier rule's "actionable alterations" was read as the whole driver
panel, EGFR included, so the EGFR ban was put in doubt (or even lifted by the targeted therapy the EGFR carrier had)
and EGFR-mutant profiles got unknown. Genes named after "alterations in / of" close the class: the carriers are
those genes, and the wild-type rule excludes any reported change of its own gene. Near-miss: a driver class with no
genes after it still stands for the whole panel (the ban stays a question).
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_EX20,
    EGFR_L858R,
    KRAS_G12C,
    NO_DRIVER,
    inc,
    verdict,
)

WILDTYPE = [
    ("Tumour must be KRAS wild-type; patients with documented alterations in EGFR, ALK or ROS1 must have progressed "
     "on approved targeted therapy.", KRAS_G12C),
    ("EGFR wild-type required. Subjects with known oncogenic drivers in ALK or RET must have received a prior "
     "targeted agent for that driver.", EGFR_L858R),
    ("Must be BRAF wildtype; participants with actionable mutations in EGFR or ALK should have had prior TKI "
     "therapy, where available.", BRAF_V600E),
    ("Patients must have EGFR wild-type disease; those with known genomic alterations of ALK, ROS1 or NTRK must have "
     "received targeted therapy.", EGFR_EX20),
    ("Must be EGFR wild type; patients harbouring actionable changes in MET or RET must have been treated with a "
     "matching targeted agent.", EGFR_19),
    ("ALK wildtype required; patients with known actionable alterations in EGFR or BRAF must have received prior "
     "targeted therapy for that alteration.", ALK),
]


@pytest.mark.parametrize(("sentence", "carrier"), WILDTYPE)
def test_wildtype_gene_change_is_excluded(sentence: str, carrier: object) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, carrier) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_driver_class_without_genes_keeps_the_whole_panel() -> None:
    criteria = inc("Must be EGFR wildtype; participants with an actionable driver alteration must have received prior "
                   "targeted therapy.")
    assert verdict(criteria, EGFR_19) != "excluded"
