"""Set M kind 2: "Any other known activating driver alteration (e.g. ALK, ROS1, BRAF V600E) in addition to EGFR exon
20 insertion" bans the other drivers only. What follows "in addition to" is the change the tumour already has (the
anchor of "other"), never banned by the sentence: the trial's own required marker is not excluded.

Every sentence is invented. Near-misses: "in addition to" without "other" still joins two requirements, and a
plain driver ban keeps its force.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_19_MET_AMP,
    EGFR_EX20,
    KRAS_G12C,
    ROS1,
    exc,
    inc,
    patient,
    verdict,
)

KRAS_G12C_ALK = patient("KRAS:G12C", "ALK:fusion")

CASES = [
    ("Documented EGFR exon 20 insertion.",
     "Any other known activating driver alteration (e.g., ALK, ROS1, BRAF V600E) in addition to EGFR exon 20 insertion",
     EGFR_EX20),
    ("Documented EGFR exon 20 insertion.",
     "Additional oncogenic driver (such as ALK fusion, ROS1 fusion or BRAF V600E) in addition to the EGFR exon 20 "
     "insertion", EGFR_EX20),
    ("Tumour harbours a KRAS G12C mutation.",
     "Any other actionable alteration (eg ALK, ROS1, BRAF V600E) in addition to KRAS G12C", KRAS_G12C),
    ("Tumour harbours a KRAS G12C mutation.",
     "Concurrent driver mutations (e.g., EGFR, ALK, ROS1) in addition to KRAS G12C mutation", KRAS_G12C),
    ("EGFR exon 19 deletion documented.",
     "Another known driver alteration (ALK, ROS1, BRAF V600E, RET) in addition to the EGFR exon 19 deletion",
     EGFR_19),
    ("Documented EGFR exon 20 insertion.",
     "Co-occurring driver alterations (for example ALK, ROS1 or BRAF V600E) in addition to EGFR exon20ins",
     EGFR_EX20),
]


@pytest.mark.parametrize(("inclusion", "exclusion", "carrier"), CASES)
def test_anchor_of_other_is_not_banned(inclusion: str, exclusion: str, carrier: object) -> None:
    criteria = inc(inclusion) + "\n" + exc(exclusion)
    assert verdict(criteria, carrier) == "eligible"  # its only driver is the anchor


@pytest.mark.parametrize(("inclusion", "exclusion", "carrier"), CASES[:3])
def test_listed_other_driver_still_bars(inclusion: str, exclusion: str, carrier: object) -> None:
    # alone, the exclusion still bars the listed drivers
    for other in (ALK, ROS1, BRAF_V600E):
        assert verdict(exc(exclusion), other) == "excluded"


def test_second_driver_beside_anchor_bars() -> None:
    criteria = inc("Tumour harbours a KRAS G12C mutation.") + "\n" + exc(CASES[2][1])
    assert verdict(criteria, KRAS_G12C_ALK) == "excluded"


# ---- near-misses ---------------------------------------------------------------------------------------------------

def test_in_addition_to_without_other_joins_two_requirements() -> None:
    criteria = inc("EGFR exon 19 deletion in addition to MET amplification")
    assert verdict(criteria, EGFR_19_MET_AMP) == "eligible"
    assert verdict(criteria, EGFR_19) == "excluded"


def test_plain_driver_ban_kept() -> None:
    criteria = exc("Known ALK fusion, ROS1 fusion or BRAF V600E")
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, KRAS_G12C) == "eligible"
