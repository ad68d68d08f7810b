"""Two kinds of sentence seen in registry text (session 29, set AA).

1. A driver-negative requirement followed by an explanation in other words ("No known EGFR mutation or ALK fusion,
   i.e. patients for whom first-line targeted therapy is the standard of care are not eligible"). The explanation's
   own "not eligible" must not turn the rule upside down: driver carriers fail it, others pass. An explanation that
   names markers ("driver alterations, i.e. EGFR, ALK or ROS1") is the rule's list and is still read.
2. A group named by its disease and markers, then what that group must have had ("NSCLC with an EGFR, ALK or RET
   alteration: must have received and progressed on approved targeted therapy for that alteration"): a treatment
   path for carriers, not a marker every patient must have.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_L858R,
    KRAS_G12C,
    KRAS_G12D,
    NO_DRIVER,
    RET,
    ROS1,
    UNTESTED,
    exc,
    inc,
    verdict,
)

RESTATED = [
    "No known sensitising EGFR mutation (including exon 21 L858R), ALK or ROS1 rearrangement or RET fusion, i.e. "
    "patients for whom first-line targeted therapy is the standard of care are not eligible. PD-L1 may be any level.",
    "Absence of activating EGFR mutations (EGFRm), ALK and ROS1 translocation, that is, patients who are candidates "
    "for a first-line TKI cannot be included",
    "Patients must not have a documented EGFR exon 19 deletion or L858R, ALK fusion or ROS1 fusion (in other words, "
    "those eligible for approved targeted therapy are not allowed to be enrolled)",
    "Tumour negative for EGFR, ALK and ROS1 alterations; i.e. subjects who could receive a targeted agent first "
    "line are excluded",
    "Without known EGFR mutation, ALK-positive or ROS1-positive disease, which means patients suitable for "
    "tyrosine kinase inhibitors will not be eligible",
    "No EGFR-sensitising mutation or ALK/ROS1 gene rearrangement, ie, participants whose standard first-line "
    "treatment is a targeted therapy are ineligible; PD-L1 status is not required",
]


@pytest.mark.parametrize("line", RESTATED)
def test_driver_negative_rule_with_explanation_keeps_its_sense(line: str) -> None:
    text = inc(line)
    for carrier in (EGFR_19, EGFR_L858R, ALK, ROS1):
        assert verdict(text, carrier) == "excluded", carrier
    for other in (NO_DRIVER, KRAS_G12C, KRAS_G12D):
        assert verdict(text, other) == "eligible", other


@pytest.mark.parametrize("line", [
    "No actionable driver alteration, i.e. EGFR, ALK or ROS1",
    "Absence of targetable alterations, that is, EGFR mutation, ALK fusion or ROS1 fusion",
])
def test_an_explanation_naming_markers_is_the_rule_list(line: str) -> None:
    # Near-miss: the words after "i.e." are the genes, so they are read.
    text = inc(line)
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"


def test_an_explanation_in_an_exclusion_keeps_the_exclusion() -> None:
    text = exc("Known EGFR mutation or ALK rearrangement, i.e. patients for whom a first-line TKI is indicated")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"


LABELLED = [
    "NSCLC with an EGFR, ALK, ROS1, RET or NTRK alteration: must have received and progressed on at least one "
    "approved targeted therapy for that alteration",
    "For non-small cell lung cancer harbouring ALK or ROS1 fusions (ALK+/ROS1+): must have been treated with at "
    "least one approved TKI",
    "Tumours with KRAS G12C (KRASm): prior treatment with sotorasib or adagrasib",
    "Adenocarcinoma carrying EGFR exon 19 deletion or L858R: progressed on osimertinib",
    "If disease with a RET fusion or BRAF V600E mutation: has received the matched targeted agent",
    "In metastatic cancers bearing EGFR or ALK changes: failed at least one approved tyrosine kinase inhibitor",
]


@pytest.mark.parametrize("line", LABELLED)
def test_disease_labelled_carrier_path_sets_no_marker_rule(line: str) -> None:
    text = inc("Prior therapy:") + f"  * {line}\n"
    for profile in (NO_DRIVER, EGFR_19, ALK, RET, KRAS_G12C, UNTESTED):
        assert verdict(text, profile) == "eligible", profile


@pytest.mark.parametrize("line", [
    "NSCLC with EGFR exon 19 deletion or L858R mutation",
    "Non-small cell lung cancer harbouring an ALK fusion, confirmed by FISH or IHC",
])
def test_disease_with_markers_without_a_treatment_path_is_read(line: str) -> None:
    # Near-miss: no colon and no treatment: the markers are asked for.
    text = inc(line)
    assert verdict(text, KRAS_G12C) == "excluded"
