"""A gene list with one trailing alteration noun (session 25, round 2, kind 12 of set R; invented sentences only).

"NRG1, EGFR, HER2 or HER4 gene fusion": the noun binds every gene of the bare list, so it asks for an EGFR fusion,
not any EGFR change (an EGFR exon 19 deletion was let in as eligible). A gene symbol the vocabulary lacks (HER4,
FGFR2) inside the list no longer splits it. With the noun shared, an EGFR-mutant profile is a question (its panel
may not look for fusions), never eligible; a carrier of a listed fusion stays eligible. Near-misses: "EGFR gene and
ALK fusion" and "EGFR mutation or ALK fusion" give EGFR its own reading.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_L858R, HER2_AMP, KRAS_G12C, NRG1, RET, ROS1, inc, verdict

# (inclusion, a carrier of a listed fusion, a profile with another change of a listed gene)
SHARED = [
    ("Cohort C: NRG1, EGFR, HER2 or HER4 gene fusion", NRG1, EGFR_19),
    ("Documented NRG1, EGFR or HER2 gene fusion", NRG1, EGFR_L858R),
    ("Tumour harbouring an ALK, EGFR or ROS1 rearrangement", ALK, EGFR_19),
    ("RET, FGFR2 or EGFR gene fusion detected by NGS", RET, EGFR_L858R),
    ("Solid tumour with a ROS1, NTRK1 or HER2 fusion", ROS1, HER2_AMP),
    ("EGFR, NRG1 or ALK fusions confirmed by RNA sequencing", ALK, EGFR_19),
]


@pytest.mark.parametrize(("sentence", "carrier", "other_change"), SHARED)
def test_trailing_noun_binds_every_listed_gene(sentence: str, carrier: object, other_change: object) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, carrier) == "eligible"
    assert verdict(criteria, other_change) != "eligible"
    assert verdict(criteria, KRAS_G12C) != "eligible"


NEAR_MISSES = [
    ("EGFR mutation or ALK fusion", EGFR_19, "eligible"),
    ("EGFR gene and ALK fusion", EGFR_19, "eligible"),
    ("MET, HER2 or EGFR amplification", HER2_AMP, "eligible"),
    # an EGFR mutation says nothing of EGFR's copies (bio30d): a question; another gene's change is still a bar
    ("MET, HER2 or EGFR amplification", EGFR_19, "unknown"),
    ("MET, HER2 or EGFR amplification", KRAS_G12C, "excluded"),
]


@pytest.mark.parametrize(("sentence", "profile", "expected"), NEAR_MISSES)
def test_own_noun_keeps_its_reading(sentence: str, profile: object, expected: str) -> None:
    assert verdict(inc(sentence), profile) == expected


# A ban keeps the loose reading: "no EGFR, ALK or ROS1 rearrangements" still shuts out an EGFR mutation.
@pytest.mark.parametrize("criteria", [
    "Exclusion Criteria:\n\n* Known EGFR, ALK or ROS1 rearrangement\n",
    inc("No EGFR, ALK or ROS1 rearrangements"),
    inc("EGFR, ALK and ROS1 rearrangement negative"),
])
def test_ban_keeps_loose_reading(criteria: str) -> None:
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
