"""Kind 24 (sets K/L diagnosis): class vocabulary for "<gene> directed small molecules (or antibodies)".

"Prior treatment with EGFR directed small molecules or antibodies" bans the whole EGFR-targeted class: TKIs and
antibodies (amivantamab). It had been read as a list of genes sharing a class word ("EGFR directed small molecule")
and so as EGFR TKIs only, or narrowed to antibodies by its last word. "<gene>-directed small molecule", "<gene> small
molecule inhibitor" and "<gene>-directed agent" were missing from the class table for most drivers.

Near-misses: "EGFR-directed antibodies" stays the antibodies only (osimertinib is not one); "ALK or ROS1 inhibitors"
stays a list of two classes.
"""

from __future__ import annotations

import pytest
from invented import invented_trial, whole_parse_verdict

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules.prior_therapy.terms import find_mentions
from trialmatch.matching.profile import Profile

OSI = stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                       prior_therapies=["osimertinib"], prior_lines=1)
AMI = stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "exon 20 insertion"}],
                       prior_therapies=["carboplatin", "pemetrexed", "amivantamab"], prior_lines=1)
CHEMO = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)
ALK = stage_iv_profile(biomarkers=[{"gene": "ALK", "alteration": "fusion"}], prior_therapies=["alectinib"],
                       prior_lines=1)


def verdict(profile: Profile, exclusion: str) -> str:
    return whole_parse_verdict(invented_trial("* Stage IV NSCLC", f"* {exclusion}", "Drug W in advanced NSCLC"),
                               "prior_therapy", profile)


BOTH_FORMS = [
    "Prior treatment with EGFR directed small molecules or antibodies",
    "Previous therapy with EGFR-directed small molecules or antibodies",
    "Any prior EGFR-targeted small molecules or antibodies",
    "Received EGFR directed small molecule or antibody treatment before",
    "Prior EGFR-targeting small molecules or antibodies in any setting",
    "Previous exposure to EGFR small molecules or antibodies",
]


@pytest.mark.parametrize("exclusion", BOTH_FORMS)
def test_small_molecules_or_antibodies_ban_the_whole_class(exclusion: str) -> None:
    assert verdict(OSI, exclusion) == "excluded"
    assert verdict(AMI, exclusion) == "excluded"
    assert verdict(CHEMO, exclusion) == "eligible"


@pytest.mark.parametrize(("words", "item"), [
    ("prior egfr-directed small molecule", "c:egfr_tki"),
    ("prior alk directed small molecules", "c:alk_tki"),
    ("prior ros1 small molecule inhibitor", "c:ros1_tki"),
    ("prior ret-directed agent", "c:ret_tki"),
    ("prior ntrk-directed therapy", "c:ntrk_tki"),
    ("prior kras g12c-directed small molecule", "c:kras_g12c_inhibitor"),
    ("prior braf-targeting small molecules", "c:braf_inhibitor"),
    ("prior her2-directed small molecule", "c:her2_tki"),
    ("prior met directed small molecules or antibodies", "c:met_inhibitor"),
])
def test_directed_small_molecule_vocabulary(words: str, item: str) -> None:
    assert [m.items for m in find_mentions(words, False)] == [(item,)]


def test_alk_directed_small_molecule_ban() -> None:
    assert verdict(ALK, "Prior ALK-directed small molecule inhibitors") == "excluded"
    assert verdict(CHEMO, "Prior ALK-directed small molecule inhibitors") == "eligible"


# Near-misses.
def test_directed_antibodies_stay_antibodies() -> None:
    assert verdict(OSI, "Prior treatment with EGFR-directed antibodies") == "eligible"
    assert verdict(AMI, "Prior treatment with EGFR-directed antibodies") == "excluded"


def test_gene_list_sharing_a_class_word_stays_a_list() -> None:
    items = {i for m in find_mentions("prior alk or ros1 inhibitors", False) for i in m.items}
    assert items == {"c:alk_tki", "c:ros1_tki"}
