"""A class named by a gene and its variant before "-targeted / -directed": "an EGFR exon 20 insertion-targeted agent
(e.g., amivantamab, mobocertinib)", "ALK fusion-targeted therapy", "BRAF V600E mutation-targeted agent". It is that
gene's class (narrowed to the variant where the vocabulary has one), never the generic "targeted therapy" the last
words alone name: read generically, a ban on exon 20 insertion agents excluded a patient treated with crizotinib,
selpercatinib or capmatinib (a false exclusion). A variant the vocabulary has no class for (T790M, HER2 exon 20)
leaves the gene's own drugs a question, not a no.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _treated(name: str, therapies: list[str]) -> Profile:
    return stage_iv_profile(id=name, prior_therapies=therapies, prior_lines=1)


CRIZOTINIB = _treated("crizotinib", ["carboplatin", "pemetrexed", "crizotinib"])
SELPERCATINIB = _treated("selpercatinib", ["selpercatinib"])
CAPMATINIB = _treated("capmatinib", ["capmatinib"])
AMIVANTAMAB = _treated("amivantamab", ["carboplatin", "pemetrexed", "amivantamab"])
GEFITINIB = _treated("gefitinib", ["gefitinib"])
OSIMERTINIB = _treated("osimertinib", ["osimertinib"])
LORLATINIB = _treated("lorlatinib", ["lorlatinib"])
DABRAFENIB = _treated("dabrafenib", ["dabrafenib", "trametinib"])


def verdict(profile: Profile, exclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial("* Stage IV NSCLC\n", exclusion, "A study of drug X in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


# (ban, a drug of the named class: still excluded)
BANS = [
    ("* Prior treatment with an EGFR exon 20 insertion-targeted agent (e.g., amivantamab, mobocertinib)\n",
     AMIVANTAMAB),
    ("* Prior exposure to EGFR exon 20 insertion-directed therapy such as mobocertinib or amivantamab\n",
     AMIVANTAMAB),
    ("* Previous exposure to any ALK fusion-targeted therapy\n", LORLATINIB),
    ("* Received an ALK rearrangement-targeted agent in any line\n", LORLATINIB),
    ("* Prior BRAF V600E mutation-targeted agent\n", DABRAFENIB),
    ("* Any prior EGFR mutation-targeted drug\n", OSIMERTINIB),
]


@pytest.mark.parametrize(("exclusion", "carrier"), BANS)
def test_drugs_of_other_targets_are_not_banned(exclusion: str, carrier: Profile) -> None:
    # (Crizotinib is an ALK inhibitor too: only the other genes' drugs.)
    for profile in (CRIZOTINIB, SELPERCATINIB, CAPMATINIB):
        if not (carrier is LORLATINIB and profile is CRIZOTINIB):
            assert verdict(profile, exclusion) == "eligible", profile.id


@pytest.mark.parametrize(("exclusion", "carrier"), BANS)
def test_near_miss_a_drug_of_the_named_class_is_still_banned(exclusion: str, carrier: Profile) -> None:
    assert verdict(carrier, exclusion) == "excluded"


@pytest.mark.parametrize("exclusion", [
    "* Prior EGFR T790M-targeted agent\n",
    "* Prior treatment with a HER2 exon 20 insertion-targeted agent\n",
])
def test_a_variant_without_a_class_leaves_other_genes_eligible(exclusion: str) -> None:
    assert verdict(SELPERCATINIB, exclusion) == "eligible"
    assert verdict(CRIZOTINIB, exclusion) == "eligible"


def test_near_miss_a_variant_without_a_class_is_a_question_for_the_genes_drugs() -> None:
    assert verdict(GEFITINIB, "* Prior EGFR T790M-targeted agent\n") != "excluded"


def test_near_miss_generic_targeted_therapy_still_bans_every_targeted_drug() -> None:
    assert verdict(SELPERCATINIB, "* Prior molecularly targeted therapy\n") == "excluded"
    assert verdict(CRIZOTINIB, "* Any prior targeted agent\n") == "excluded"
