"""An inclusion sentence that shuts a group out with an adverb between the verb and the negation ("Patients with a
known ROS1 rearrangement or BRAF V600E mutation are also not eligible", "are likewise excluded", "will therefore be
ineligible") keeps its exclusion. Before, only "are not eligible" with nothing between was read as excluding, and
the "with" of "Patients with ..." turned the sentence into a requirement for the named change.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    HER2_EX20,
    KRAS_G12C,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    UNTESTED,
    inc,
    patient,
    verdict,
)

KRAS_G12D = patient("KRAS:G12D")
NTRK = patient("NTRK1:fusion")

# (sentence, carriers it shuts out, a carrier of something else it keeps)
CASES = [
    ("Patients with a known ROS1 rearrangement or BRAF V600E mutation are also not eligible", (ROS1, BRAF_V600E),
     KRAS_G12C),
    ("Subjects harbouring a RET fusion are likewise not eligible.", (RET,), MET_EX14),
    ("Participants whose tumours carry a MET exon 14 skipping mutation are therefore ineligible", (MET_EX14,),
     BRAF_V600E),
    ("Patients with NTRK gene fusions will also be excluded.", (NTRK,), ROS1),
    ("Those with known HER2 exon 20 insertions are similarly not eligible for this study", (HER2_EX20,), KRAS_G12C),
    ("Patients known to harbor a KRAS G12D mutation are still not eligible", (KRAS_G12D,), EGFR_19),
    ("Patients with ALK or ROS1 fusions are equally excluded from enrolment", (ALK, ROS1), RET),
]


@pytest.mark.parametrize(("sentence", "shut_out", "other"), CASES)
def test_adverb_before_the_negation_keeps_the_exclusion(sentence: str, shut_out: tuple, other: object) -> None:
    text = inc("Stage IV non-small cell lung cancer", sentence)
    for carrier in shut_out:
        assert verdict(text, carrier) == "excluded"
    assert verdict(text, other) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) in ("eligible", "unknown")


def test_second_sentence_after_a_negative_requirement() -> None:
    # The negative EGFR/ALK requirement stands; the "also not eligible" sentence adds an exclusion, not a requirement.
    text = inc("Tumour must have been tested for EGFR and ALK and be negative for sensitising EGFR mutations and ALK "
               "rearrangement. Patients with known ROS1 fusion or BRAF V600E are also not eligible.")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, ROS1) == "excluded"
    assert verdict(text, BRAF_V600E) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, HER2_EX20) == "eligible"


def test_near_miss_also_eligible_is_a_permission() -> None:
    # "also eligible" lets a group in: no rule.
    text = inc("Stage IV NSCLC", "Patients with a ROS1 rearrangement are also eligible")
    assert verdict(text, ROS1) == "eligible"
    assert verdict(text, KRAS_G12C) == "eligible"


def test_near_miss_requirement_stays() -> None:
    text = inc("Patients must have a documented ROS1 rearrangement")
    assert verdict(text, ROS1) == "eligible"
    assert verdict(text, KRAS_G12C) == "excluded"


def test_near_miss_not_eligible_for_a_treatment_is_no_exclusion() -> None:
    # "are also not eligible for chemotherapy": the patient cannot have a treatment; the carriers are the trial's.
    text = inc("Patients with EGFR exon 20 insertion who are also not eligible for platinum chemotherapy")
    assert verdict(text, EGFR_19) != "eligible" or verdict(text, NO_DRIVER) != "eligible"
    assert verdict(text, patient("EGFR:exon 20 insertion")) != "excluded"
