"""A driver group narrowed by the genes named after its words ("Participants with an actionable alteration in EGFR,
ALK or ROS1 must have progressed on an approved targeted therapy for that alteration"): the rule binds carriers of
those genes only. Read as every driver, it asked a KRAS G12C or HER2 patient treated with chemotherapy for
sotorasib or a HER2 drug (a false exclusion). A list left open ("in EGFR, ALK or other genes", "in genes such as
EGFR") or no list at all keeps the wide reading; the carriers named stay bound.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_NEGATIVE = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "KRAS", "NTRK1", "NTRK2", "NTRK3"]


def _patient(gene: str, alteration: str, therapies: list[str], lines: int) -> Profile:
    return stage_iv_profile(id=f"{gene}-{alteration}", biomarkers=[{"gene": gene, "alteration": alteration}],
                            tested_negative=[g for g in _NEGATIVE if g != gene], pdl1_tps=20,
                            prior_therapies=therapies, prior_lines=lines)


CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]
KRAS = _patient("KRAS", "G12C", CHEMO_IO, 1)
HER2 = _patient("ERBB2", "exon 20 insertion", CHEMO_IO, 1)
EGFR_CHEMO = _patient("EGFR", "L858R", ["carboplatin", "pemetrexed"], 1)
EGFR_OSI = _patient("EGFR", "L858R", ["osimertinib"], 1)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


NARROWED = [
    "* Participants with an actionable alteration in EGFR, ALK or ROS1 must have progressed on (or been intolerant "
    "to) treatment with an approved targeted therapy for that alteration\n",
    "* Patients with a driver mutation in EGFR or ALK must have received an approved tyrosine kinase inhibitor\n",
    "* Subjects whose tumour carries an actionable genomic alteration of EGFR, ALK, ROS1 or BRAF must have received "
    "the approved targeted therapy\n",
    "* Patients with oncogenic alterations involving EGFR/ALK must have progressed on an approved targeted agent\n",
    "* Participants with targetable rearrangements in ALK, ROS1 and RET must have had prior approved targeted "
    "therapy\n",
    "* Patients with actionable mutations affecting EGFR or BRAF must have progressed after all approved targeted "
    "therapies\n",
]


@pytest.mark.parametrize("inclusion", NARROWED)
def test_a_driver_outside_the_named_genes_is_not_asked_for_its_drug(inclusion: str) -> None:
    assert verdict(KRAS, inclusion) == "eligible"
    assert verdict(HER2, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", NARROWED[:3])
def test_near_miss_a_carrier_of_a_named_gene_is_still_bound(inclusion: str) -> None:
    assert verdict(EGFR_CHEMO, inclusion) == "excluded"
    assert verdict(EGFR_OSI, inclusion) == "eligible"


WIDE = [
    "* Participants with an actionable alteration in EGFR, ALK or other genes must have progressed on an approved "
    "targeted therapy for that alteration\n",
    "* Patients with an actionable alteration in genes such as EGFR or ALK must have received an approved targeted "
    "therapy\n",
    "* Participants with an actionable alteration must have progressed on an approved targeted therapy for that "
    "alteration\n",
]


@pytest.mark.parametrize("inclusion", WIDE)
def test_near_miss_an_open_or_missing_list_keeps_the_wide_reading(inclusion: str) -> None:
    assert verdict(KRAS, inclusion) != "eligible"
