"""An inclusion whose negated list of markers goes on after a semicolon ("No known EGFR sensitising mutation; ALK or
ROS1 rearrangement"). Both pieces are bare lists of markers; written so, the second is one more item of the negated
list. Before, the semicolon cut the sentence and the second piece was read as a requirement, so every patient
without ALK or ROS1 was excluded.

Near-misses: a second piece that is not a bare gene list keeps its own reading ("; PD-L1 >= 50%", "; KRAS G12C
mutation required", "; ALK-positive"), and a first piece that is no negated list joins nothing.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_L858R,
    KRAS_G12C,
    KRAS_G12D,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    inc,
    patient,
    verdict,
)

from trialmatch.criteria.rules.biomarker.notes import negated_list_rejoined
from trialmatch.matching.profile import Profile

# (inclusion bullet, a carrier of the piece after the semicolon, a carrier of the first piece)
CASES = [
    ("No known EGFR sensitising mutation; ALK or ROS1 rearrangement", ROS1, EGFR_L858R),
    ("No EGFR mutation; ALK fusion; ROS1 fusion", ALK, EGFR_19),
    ("Without KRAS G12C; BRAF V600E or RET fusion", RET, KRAS_G12C),
    ("Absence of a MET exon 14 skipping mutation; RET or ALK rearrangement", ALK, MET_EX14),
    ("Lack of BRAF V600E mutation; KRAS G12C mutation", KRAS_G12C, BRAF_V600E),
    ("Patients must have no ROS1 fusion; EGFR exon 19 deletion or L858R.", EGFR_19, ROS1),
]


@pytest.mark.parametrize(("bullet", "after", "before"), CASES)
def test_the_piece_after_the_semicolon_stays_negated(bullet: str, after: Profile, before: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, after) == "excluded"
    assert verdict(text, before) == "excluded"
    assert verdict(text, KRAS_G12D) == "eligible"


def test_a_clause_after_the_list_keeps_its_place() -> None:
    assert negated_list_rejoined("No EGFR mutation; ALK fusion; ECOG 0-1") == "No EGFR mutation, ALK fusion; ECOG 0-1"


@pytest.mark.parametrize("bullet", [
    # Near-misses: the second piece says its own polarity or is no gene list; the first is no negated list.
    "No EGFR mutation; PD-L1 >= 50%",
    "No EGFR mutation; KRAS G12C mutation required",
    "Absence of EGFR mutation; ALK-positive",
    "No ALK fusion; must have a KRAS G12C mutation",
    "EGFR wild-type; ALK negative",
    "KRAS G12C mutation; BRAF V600E",
    "No prior chemotherapy; KRAS G12C mutation",
])
def test_other_semicolons_stay_cut(bullet: str) -> None:
    assert negated_list_rejoined(bullet) == bullet


def test_a_requirement_after_a_negation_is_still_required() -> None:
    text = inc("No EGFR mutation; KRAS G12C mutation required")
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, KRAS_G12D) == "excluded"
    text = inc("No EGFR mutation; PD-L1 >= 50%")
    assert verdict(text, patient(pdl1=70)) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"
