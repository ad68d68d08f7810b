"""A driver-conditional therapy requirement whose subject is "[GENE]-[adjective] patients" ("ALK-translocated
patients must have progressed after ... ALK TKI", "RET fusion-positive participants must have received ..."): it binds
only carriers of that gene, like "ALK-rearranged patients" and "patients with ALK fusion" already did. Read
trial-wide, it asked every EGFR or KRAS patient for an ALK drug (a false exclusion). The adjective list is open
(translocated, amplified, altered, fusion-positive, -driven, ...); the word before it must still be a gene.
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


EGFR_OSI = _patient("EGFR", "exon 19 deletion", ["osimertinib"], 1)
KRAS_CHEMO = _patient("KRAS", "G12C", ["carboplatin", "pemetrexed", "pembrolizumab"], 1)
ALK_NAIVE = _patient("ALK", "fusion", [], 0)
RET_NAIVE = _patient("RET", "fusion", [], 0)
MET_NAIVE = _patient("MET", "amplification", [], 0)
ROS1_NAIVE = _patient("ROS1", "fusion", [], 0)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


# (sentence, a carrier of the gene with no drug: still bound)
CONDITIONAL = [
    ("* ALK-translocated patients must have progressed after at least one second-generation or later ALK TKI "
     "(e.g. alectinib, brigatinib, lorlatinib)\n", ALK_NAIVE),
    ("* ALK translocated subjects must have received prior crizotinib or alectinib\n", ALK_NAIVE),
    ("* RET fusion-positive participants must have progressed on selpercatinib or pralsetinib\n", RET_NAIVE),
    ("* MET-amplified patients must have received a MET inhibitor such as capmatinib\n", MET_NAIVE),
    ("* ROS1-altered pts must have had at least one prior ROS1 tyrosine kinase inhibitor\n", ROS1_NAIVE),
    ("* ALK-driven patients must have failed an approved ALK inhibitor\n", ALK_NAIVE),
    ("* RET-harbouring subjects must have progressed after an approved RET inhibitor\n", RET_NAIVE),
]


@pytest.mark.parametrize(("inclusion", "carrier"), CONDITIONAL)
def test_a_non_carrier_is_not_asked_for_the_gene_drug(inclusion: str, carrier: Profile) -> None:
    assert verdict(EGFR_OSI, inclusion) == "eligible"
    assert verdict(KRAS_CHEMO, inclusion) == "eligible"


@pytest.mark.parametrize(("inclusion", "carrier"), CONDITIONAL)
def test_near_miss_an_untreated_carrier_is_still_bound(inclusion: str, carrier: Profile) -> None:
    assert verdict(carrier, inclusion) == "excluded"


def test_near_miss_a_trial_wide_requirement_still_binds_everyone() -> None:
    inclusion = "* Patients must have progressed after at least one prior ALK TKI (e.g. alectinib, lorlatinib)\n"
    assert verdict(KRAS_CHEMO, inclusion) == "excluded"


def test_near_miss_a_word_that_is_not_a_gene_is_no_condition() -> None:
    inclusion = "* Previously treated patients must have received prior osimertinib\n"
    assert verdict(KRAS_CHEMO, inclusion) == "excluded"
