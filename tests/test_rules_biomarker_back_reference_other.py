"""A ban on a gene's class that points back at an earlier list ("EGFR exon 20 insertion, or other EGFR mutations not
listed above", "... other than those specified above", "... not mentioned in the inclusion criteria") names the
changes NOT in that list: the trial's own asked changes are no part of it. Read as a ban on every EGFR mutation, the
cohorts' own exon 19 deletion / L858R carriers were excluded (AH). "X or other <gene> mutations" in a trial that asks
for that gene is read the same way; with the gene not asked, it still bans every change of the gene, and a
back-reference with nothing asked to resolve it against is a question, never a bar. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    EGFR_G719X,
    EGFR_L858R,
    KRAS_G12C,
    KRAS_G12D,
    NO_DRIVER,
    ROS1,
    exc,
    inc,
    patient,
    verdict,
)

EGFR_COHORTS = inc(
    "Stage IV non-squamous NSCLC with an EGFR mutation, by cohort:",
    "Cohort A: exon 19 deletion or exon 21 L858R.",
    "Cohort B: G719X, L861Q or S768I.",
)

BACK_REFERENCES = [
    "EGFR exon 20 insertion, or other EGFR mutations not listed above.",
    "EGFR mutations other than those listed above.",
    "Any EGFR mutation not mentioned in the inclusion criteria.",
    "Exon 20 insertion or any other EGFR alteration not specified above.",
    "Other EGFR mutations not otherwise listed above, including de novo C797S.",
    "EGFR exon 20 insertions, or other EGFR mutations, which are not described above.",
    "Tumours harbouring other EGFR mutations than those named above.",
]


@pytest.mark.parametrize("ban", BACK_REFERENCES)
def test_back_reference_spares_the_listed_changes(ban: str) -> None:
    criteria = EGFR_COHORTS + "\n" + exc(ban)
    for profile in (EGFR_19, EGFR_L858R, EGFR_G719X):
        assert verdict(criteria, profile) == "eligible", (ban, profile)
    # the cohorts' own requirement still binds
    assert verdict(criteria, NO_DRIVER) == "excluded", ban
    assert verdict(criteria, ALK) == "excluded", ban


@pytest.mark.parametrize("ban", [
    "EGFR exon 20 insertion or other EGFR mutations.",
    "EGFR exon 20 insertion, or other EGFR alterations.",
    "Exon 20 insertion or other uncommon EGFR mutations.",
])
def test_or_other_in_a_trial_asking_the_gene_spares_its_own_changes(ban: str) -> None:
    criteria = EGFR_COHORTS + "\n" + exc(ban)
    assert verdict(criteria, EGFR_19) == "eligible", ban
    assert verdict(criteria, EGFR_L858R) == "eligible", ban
    assert verdict(criteria, EGFR_EX20) == "excluded", ban


def test_or_other_with_the_gene_not_asked_still_bans_the_gene() -> None:
    criteria = inc("Stage IV NSCLC after platinum chemotherapy.") + "\n" + exc("KRAS G12C or other KRAS mutations.")
    assert verdict(criteria, KRAS_G12C) == "excluded"
    assert verdict(criteria, KRAS_G12D) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"
    ros1 = inc("ROS1 fusion-positive NSCLC.") + "\n" + exc("KRAS G12C, or other KRAS mutations.")
    assert verdict(ros1, ROS1) == "eligible"
    assert verdict(ros1, patient("ROS1:fusion", "KRAS:G12D")) == "excluded"


def test_back_reference_with_nothing_asked_is_a_question() -> None:
    criteria = inc("Stage IV NSCLC after platinum chemotherapy.") + "\n" + exc(
        "EGFR exon 20 insertion, or other EGFR mutations not listed above.")
    assert verdict(criteria, EGFR_19) == "unknown"
    assert verdict(criteria, EGFR_EX20) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_plain_other_bans_keep_their_verdicts() -> None:
    # "other than exon 20 insertion" names its exception itself; the asked change stays the way in.
    named = inc("EGFR exon 20 insertion mutation.") + "\n" + exc("EGFR mutations other than exon 20 insertion.")
    assert verdict(named, EGFR_EX20) == "eligible"
    assert verdict(named, EGFR_19) == "excluded"
    whole = inc("Stage IV NSCLC.") + "\n" + exc("Known EGFR mutation or ALK rearrangement.")
    assert verdict(whole, EGFR_19) == "excluded"
    assert verdict(whole, ALK) == "excluded"
    assert verdict(whole, NO_DRIVER) == "eligible"
