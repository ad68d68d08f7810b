"""Kind 17 (synthK): "EGFR mutation and ALK rearrangement status must be known and negative (ROS1 rearrangement
negative if tested)". The bracket after the closing "negative" took the place of the genes before it: only ROS1 was
read, so EGFR and ALK carriers were eligible. "Known and negative" / "documented negative" means a positive result
is excluded and an untested tumour is a question; the bracket is read apart, with its own genes, and a histology
scope ("For patients with non-squamous carcinoma:") stays.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_L858R,
    KRAS_G12C,
    NO_DRIVER,
    UNTESTED,
    inc,
    patient,
    verdict,
)

from trialmatch.matching.profile import Profile

SQUAMOUS_EGFR = patient("EGFR:L858R", histology="squamous")

# (sentence, carriers that must be excluded)
KNOWN_NEGATIVE = [
    ("EGFR mutation and ALK rearrangement status must be known and negative (ROS1 rearrangement negative if tested)",
     (EGFR_19, ALK)),
    ("EGFR and ALK status must be known and negative (KRAS status is not required)", (EGFR_L858R, ALK)),
    ("Tumour documented negative for EGFR mutations and ALK fusions (ROS1 and RET negative where tested)",
     (EGFR_19, ALK)),
    ("Sensitising EGFR mutation status must be documented as negative (BRAF V600E testing encouraged)", (EGFR_19,)),
    ("ALK and ROS1 rearrangement status known and wild-type (EGFR mutation testing per local practice)", (ALK,)),
    ("EGFR, ALK and ROS1 status must be known and negative (KRAS may be unknown)", (EGFR_L858R, ALK)),
]


@pytest.mark.parametrize(("sentence", "carriers"), KNOWN_NEGATIVE)
def test_known_and_negative_excludes_positives_and_questions_the_untested(sentence: str,
                                                                          carriers: tuple[Profile, ...]) -> None:
    text = inc(sentence)
    for carrier in carriers:
        assert verdict(text, carrier) == "excluded", carrier
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


NEAR_MISSES = [
    # The histology scope stays: a squamous carrier is not bound by a non-squamous rule.
    (inc("For patients with non-squamous carcinoma: EGFR mutation and ALK rearrangement status must be known and "
         "negative (ROS1 rearrangement negative if tested)"), SQUAMOUS_EGFR, "eligible"),
    (inc("For patients with non-squamous carcinoma: EGFR mutation and ALK rearrangement status must be known and "
         "negative (ROS1 rearrangement negative if tested)"), EGFR_19, "excluded"),
    # A bracket that names no marker is no aside to move.
    (inc("EGFR mutation and ALK fusion negative (by local testing)"), ALK, "excluded"),
    # A requirement stays a requirement, and "documented negative" stays an exclusion.
    (inc("Participants must have an EGFR mutation (exon 19 deletion or L858R)"), NO_DRIVER, "excluded"),
    (inc("Documented negative for EGFR mutation and ALK fusion"), EGFR_19, "excluded"),
    (inc("Documented negative for EGFR mutation and ALK fusion"), NO_DRIVER, "eligible"),
]


@pytest.mark.parametrize(("text", "profile", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_verdict(text: str, profile: Profile, expected: str) -> None:
    assert verdict(text, profile) == expected
