"""A bracketed note about the test inside a negated list ("No mutations in the following genes: EGFR (testing
required), ALK", "Without any of the following: EGFR mutation (local test ok), ALK fusion"). The bracket is an aside
about testing; the negation around it still holds for every gene of the list. Before, the bracket cut the list: the
genes after it lost the negation and were read as REQUIRED (every patient without them excluded).

Also "Absence of the following alterations: EGFR, ALK" / "Lack of these changes: ...": the negation's own "of" is
followed at once by the list's pointer, and the list was read as required.

Near-misses: a bracket that names a result, a level or a group is no testing aside; a testing aside at the end of a
requirement leaves the requirement as it was.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_L858R,
    HER2_AMP,
    KRAS_G12C,
    KRAS_G12D,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    exc,
    inc,
    verdict,
)

from trialmatch.criteria.rules.biomarker.text import moved_testing_asides
from trialmatch.matching.profile import Profile

# (inclusion bullet, a carrier of a gene AFTER the aside, a carrier of the gene before it)
NEGATED = [
    ("No mutations in the following genes: EGFR (testing required), ALK", ALK, EGFR_19),
    ("Negative for EGFR (testing mandatory) and ALK", ALK, EGFR_L858R),
    ("Absence of the following alterations: BRAF (test required), RET (test optional), ROS1", ROS1, BRAF_V600E),
    ("Without any of the following: KRAS G12C mutation (local test ok), RET fusion, ROS1 fusion", RET, KRAS_G12C),
    ("Patients must not have MET (central testing mandatory) or ALK alterations", ALK, MET_EX14),
    ("No known EGFR mutation (NGS preferred), ROS1 or RET fusion", RET, EGFR_19),
    ("Tumour does not harbour an ALK fusion (FISH testing is acceptable) or a BRAF V600E mutation", BRAF_V600E, ALK),
]


@pytest.mark.parametrize(("bullet", "after", "before"), NEGATED)
def test_the_negation_reaches_past_a_testing_aside(bullet: str, after: Profile, before: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, after) == "excluded"
    assert verdict(text, before) == "excluded"
    assert verdict(text, KRAS_G12D if KRAS_G12C not in (after, before) else NO_DRIVER) == "eligible"


@pytest.mark.parametrize(("bullet", "after"), [
    ("Known EGFR (testing required), ALK or ROS1 alterations", ROS1),
    ("Tumour with a KRAS G12C (local test acceptable) or BRAF V600E mutation", BRAF_V600E),
    ("Documented RET (testing mandatory), ALK or ROS1 fusion", ALK),
])
def test_an_exclusion_list_with_a_testing_aside_binds_every_gene(bullet: str, after: Profile) -> None:
    text = exc(bullet)
    assert verdict(text, after) == "excluded"
    assert verdict(text, KRAS_G12D if KRAS_G12C not in (after,) and "KRAS" not in bullet else NO_DRIVER) == "eligible"


@pytest.mark.parametrize(("bullet", "carrier"), [
    ("Absence of the following alterations: EGFR, ALK, ROS1", ROS1),
    ("Lack of the following changes: BRAF V600E, RET fusion", RET),
    ("Absence of these changes: KRAS G12C, MET exon 14 skipping", MET_EX14),
    ("Lack of the following: ALK, EGFR", EGFR_19),
])
def test_absence_of_the_following_negates_its_list(bullet: str, carrier: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, carrier) == "excluded"
    assert verdict(text, KRAS_G12D) == "eligible"


def test_the_aside_is_moved_to_the_end_not_dropped() -> None:
    moved = moved_testing_asides("No mutations in the following genes: EGFR (testing required), ALK")
    assert moved == "No mutations in the following genes: EGFR, ALK (testing required)"


@pytest.mark.parametrize("bullet", [
    # Near-misses: the bracket names a level, a result or a group, or already closes the sentence.
    "HER2 overexpression (IHC 3+) or HER2 amplification",
    "EGFR mutation (positive by local test), ALK fusion",
    "KRAS G12C mutation (testing required for Cohort B), or BRAF V600E",
    "KRAS G12C mutation (central testing required)",
    "No EGFR mutation or ALK fusion (testing required)",
])
def test_other_brackets_stay_in_place(bullet: str) -> None:
    assert moved_testing_asides(bullet) == bullet


def test_a_requirement_with_a_trailing_testing_aside_is_unchanged() -> None:
    text = inc("HER2 amplification or KRAS G12C mutation (central testing required)")
    assert verdict(text, HER2_AMP) == "eligible"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
