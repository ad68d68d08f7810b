"""Two populations of the same genes in one sentence: "EGFR/ALK negative, or EGFR/ALK positive after progression on
targeted therapy" asks for no marker at all (either the tumour lacks the change, or it has it and the treatment
condition, which is prior therapy's, applies). The slash-list form lost its negative side (read as "X or (Y and not
X)"), so it required EGFR or ALK and excluded every driver-negative patient. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_L858R,
    KRAS_G12C,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    UNTESTED,
    inc,
    verdict,
)

BOTH_WAYS = [
    "Either EGFR/ALK negative, or EGFR/ALK positive after progression on targeted therapy",
    "EGFR/ALK wild-type, or EGFR/ALK positive after progression on targeted therapy",
    "EGFR/ALK/ROS1 negative; or EGFR/ALK/ROS1 positive with disease progression after at least one approved TKI",
    "EGFR/ALK negative or EGFR/ALK positive with progression after tyrosine kinase inhibitor therapy",
    "Tumour EGFR/ALK wild-type, or EGFR/ALK positive having progressed on or been intolerant of an approved inhibitor",
    "Patients must be EGFR/ALK-negative, or EGFR/ALK-positive and have progressed on targeted therapy",
]


@pytest.mark.parametrize("text", BOTH_WAYS)
def test_negative_or_positive_after_therapy_asks_no_marker(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    for profile in (EGFR_19, EGFR_L858R, ALK, ROS1, KRAS_G12C, NO_DRIVER, RET, UNTESTED):
        assert verdict(criteria, profile) == "eligible", (text, profile)


# Near-misses: one side alone still binds; other genes on the positive side keep the "(no X) or Y" reading; and the
# "X or (Y without X)" group sorting keeps its sense.
def test_negative_side_alone_still_excludes_carriers() -> None:
    criteria = inc("Stage IV NSCLC", "EGFR/ALK negative")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, KRAS_G12C) == "eligible"


def test_positive_side_alone_still_requires_the_genes() -> None:
    criteria = inc("Stage IV NSCLC", "EGFR/ALK positive after progression on targeted therapy")
    assert verdict(criteria, EGFR_19) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "excluded"


def test_negative_or_another_gene_keeps_both_sides() -> None:
    criteria = inc("Stage IV NSCLC", "Either EGFR/ALK negative, or KRAS G12C positive")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, KRAS_G12C) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_group_sorting_without_still_reads_as_either() -> None:
    criteria = inc("Stage IV NSCLC", "METex14 skipping (Cohort A) or MET amplification without METex14 skipping "
                                     "(Cohort B)")
    assert verdict(criteria, MET_EX14) == "eligible"
    assert verdict(criteria, MET_AMP) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "excluded"
