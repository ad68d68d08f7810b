"""A carriers' condition written as "Patients with EGFR activating mutation or ALK fusion gene are eligible only if
they are refractory or intolerant to EGFR-TKI or ALK-TKI, respectively": the carriers must have had their gene's
targeted drug; everyone else is not bound. Before, the clause needed a "must / should" verb and the therapy an
"approved / targeted" word, so the sentence set no rule and TKI-naive carriers were eligible.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_NEGATIVE = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "KRAS", "NTRK1", "NTRK2", "NTRK3"]


def _patient(gene: str, alteration: str, therapies: list[str]) -> Profile:
    return stage_iv_profile(id=f"{gene}-{alteration}", biomarkers=[{"gene": gene, "alteration": alteration}],
                            tested_negative=[g for g in _NEGATIVE if g != gene], pdl1_tps=20,
                            prior_therapies=therapies, prior_lines=1 if therapies else 0)


def _no_driver(therapies: list[str]) -> Profile:
    return stage_iv_profile(id="none", biomarkers=[], tested_negative=_NEGATIVE, pdl1_tps=60,
                            prior_therapies=therapies, prior_lines=1 if therapies else 0)


EGFR_NAIVE = _patient("EGFR", "L858R", [])
EGFR_CHEMO = _patient("EGFR", "exon 19 deletion", ["carboplatin", "pemetrexed"])
EGFR_TKI = _patient("EGFR", "exon 19 deletion", ["erlotinib"])
ALK_NAIVE = _patient("ALK", "fusion", [])
ALK_TKI = _patient("ALK", "fusion", ["alectinib"])
ROS1_NAIVE = _patient("ROS1", "fusion", [])
ROS1_TKI = _patient("ROS1", "fusion", ["crizotinib"])
KRAS_CHEMO = _patient("KRAS", "G12C", ["carboplatin", "pemetrexed", "pembrolizumab"])
NONE_NAIVE = _no_driver([])


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


# (sentence, carriers bound: (untreated carrier, carrier who had the drug))
CASES = [
    ("* Patients with EGFR sensitising mutation (exon 19 deletion or L858R) or ALK rearrangement are eligible only "
     "if they are refractory or intolerant to EGFR-TKI or ALK-TKI, respectively.\n",
     [(EGFR_NAIVE, EGFR_TKI), (ALK_NAIVE, ALK_TKI)]),
    ("* Subjects with an ALK fusion are eligible only if they have progressed on an ALK tyrosine kinase inhibitor\n",
     [(ALK_NAIVE, ALK_TKI)]),
    ("* Participants harbouring a ROS1 rearrangement are only eligible if they have been treated with a ROS1 "
     "inhibitor\n",
     [(ROS1_NAIVE, ROS1_TKI)]),
    ("* Patients with EGFR mutations will be eligible only if they are intolerant of or resistant to an EGFR TKI\n",
     [(EGFR_NAIVE, EGFR_TKI), (EGFR_CHEMO, EGFR_TKI)]),
    ("* Patients whose tumours carry an EGFR mutation or ALK translocation may be enrolled only after they have "
     "failed EGFR-TKI or ALK-TKI therapy\n",
     [(EGFR_NAIVE, EGFR_TKI), (ALK_NAIVE, ALK_TKI)]),
    ("* Patients with ALK or ROS1 fusion are eligible only if they have progressed on ALK-TKI or ROS1-TKI, "
     "respectively\n",
     [(ALK_NAIVE, ALK_TKI), (ROS1_NAIVE, ROS1_TKI)]),
]


@pytest.mark.parametrize(("inclusion", "bound"), CASES)
def test_carriers_need_their_tki_and_others_are_not_bound(inclusion: str, bound: list) -> None:
    for untreated, treated in bound:
        assert verdict(untreated, inclusion) == "excluded", untreated.id
        assert verdict(treated, inclusion) == "eligible", treated.id
    assert verdict(NONE_NAIVE, inclusion) == "eligible"
    assert verdict(KRAS_CHEMO, inclusion) == "eligible"


def test_near_miss_eligible_if_without_only_is_not_a_duty() -> None:
    # "are eligible if ...": a way in, not a condition read here; it never excludes an untreated carrier
    inclusion = "* Patients with EGFR mutation are eligible if they have progressed on an EGFR TKI\n"
    assert verdict(EGFR_NAIVE, inclusion) != "excluded"


def test_near_miss_other_genes_class_does_not_bind_the_carrier_of_another_gene() -> None:
    inclusion = "* Patients with ALK fusion are eligible only if they are refractory to ALK-TKI\n"
    assert verdict(EGFR_NAIVE, inclusion) == "eligible"
    assert verdict(ALK_NAIVE, inclusion) == "excluded"


def test_near_miss_must_have_approved_targeted_therapy_still_read() -> None:
    inclusion = "* Patients with EGFR or ALK aberrations must have progressed on approved targeted therapy\n"
    assert verdict(EGFR_CHEMO, inclusion) == "excluded"
    assert verdict(EGFR_TKI, inclusion) == "eligible"
