"""A marker state closed by its own word and followed by the group it is asked of ("EGFR and ALK negative for
non-squamous NSCLC", "ROS1 wild-type for all patients", "... negative for Cohort A"). "negative for" opens a negated
phrase only when a marker follows it; before, the genes in front of it were read as REQUIRED, so every patient
without them was excluded and their carriers let in. A histology after "for" is the rule's scope: a squamous patient
is outside a rule for non-squamous tumours.

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
    RET,
    ROS1,
    exc,
    inc,
    patient,
    verdict,
)

from trialmatch.matching.profile import Profile

SQUAMOUS_UNTESTED = patient(histology="squamous", negative=[])

# (sentence, a carrier the rule shuts out, a patient without the genes)
NEGATIVE_FOR_GROUP = [
    ("EGFR and ALK negative for non-squamous NSCLC;", EGFR_19, KRAS_G12C),
    ("EGFR/ALK negative for patients with adenocarcinoma", ALK, NO_DRIVER),
    ("ROS1 and RET fusion negative for nonsquamous histology (NSQ-NSCLC)", RET, KRAS_G12C),
    ("EGFR sensitive mutation and ALK fusion negative for participants with non-squamous histology", EGFR_L858R,
     RET),
    ("EGFRm and ALK+ negative for all patients", EGFR_19, NO_DRIVER),
    ("EGFR- and ALK-negative for the non-squamous subtype; squamous patients need not be tested", ALK, KRAS_G12C),
    ("EGFR, ALK and ROS1 negative for enrolled subjects with locally advanced disease", ROS1, NO_DRIVER),
]


@pytest.mark.parametrize(("sentence", "carrier", "without"), NEGATIVE_FOR_GROUP)
def test_state_before_for_group_bans_the_genes(sentence: str, carrier: Profile, without: Profile) -> None:
    text = inc(sentence)
    assert verdict(text, carrier) == "excluded"
    assert verdict(text, without) == "eligible"


@pytest.mark.parametrize("sentence", [
    "EGFR and ALK negative for non-squamous NSCLC",
    "ROS1 and KRAS G12C negative for non-squamous carcinoma",
    "KRAS and ROS1 wild-type in patients with non-squamous histology",
])
def test_a_non_squamous_scope_leaves_squamous_patients_out_of_it(sentence: str) -> None:
    assert verdict(inc(sentence), SQUAMOUS_UNTESTED) == "eligible"


# ---- near-misses: "negative for" before a marker is still a negation of what follows -----------------------------

@pytest.mark.parametrize("sentence", [
    "Negative for EGFR and ALK",
    "Tumour negative for each of the following: EGFR, ALK",
    "negative for all of the following: EGFR mutation, ALK rearrangement",
    "EGFR and ALK negative",
])
def test_negative_before_the_genes_still_bans_them(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_19) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), KRAS_G12C) == "eligible"


def test_positive_for_a_histology_in_exclusion_keeps_banning_carriers() -> None:
    text = exc("EGFR and ALK positive for non-squamous NSCLC")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"
