"""A treatment route for carriers ("Patients with a known actionable alteration (EGFR, ALK, ...) must additionally
have progressed on an approved targeted therapy for that alteration", "Patients with a known EGFR, ALK or ROS1
alteration: must have received ... targeted therapy") names who must have had which treatment; it asks no one to
carry the alterations. A patient with none of them is not excluded by it. An adverb between the modal and the verb
("additionally", "in addition") and a colon between the group and its rule leave it a carrier rule.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, KRAS_G12D, NO_DRIVER, UNTESTED, inc, verdict

ROUTES = [
    "Patients with a known actionable genomic alteration (EGFR, ALK, ROS1, BRAF V600E, MET exon 14 skipping, RET or "
    "NTRK) must additionally have progressed on, or been intolerant of, at least one approved targeted therapy for "
    "that alteration.",
    "Patients with a known EGFR (including exon 20 insertion), ALK, ROS1, BRAF V600E, MET exon 14 skipping, RET or "
    "NTRK alteration: must have received at least one approved targeted therapy for that alteration and "
    "platinum-based chemotherapy",
    "Participants with an ALK or ROS1 rearrangement must in addition have received an approved TKI for it",
    "Subjects harbouring EGFR, ALK or RET alterations: must have progressed on approved targeted therapy",
    "Those with a documented BRAF V600E, MET exon 14 skipping or NTRK fusion should additionally have had prior "
    "targeted therapy",
    "Patients whose tumours harbour an EGFR sensitising mutation or ALK fusion: must also have received an approved "
    "tyrosine kinase inhibitor and one platinum doublet",
]


@pytest.mark.parametrize("route", ROUTES)
def test_a_carrier_route_requires_no_marker(route: str) -> None:
    text = inc("Stage IV NSCLC progressing after platinum chemotherapy and a PD-1 inhibitor", route)
    for profile in (NO_DRIVER, KRAS_G12C, KRAS_G12D, UNTESTED):
        assert verdict(text, profile) == "eligible"


@pytest.mark.parametrize("route", ROUTES[:2])
def test_carriers_are_not_shut_out_by_the_route(route: str) -> None:
    text = inc("Stage IV NSCLC", route)
    assert verdict(text, EGFR_19) != "excluded"
    assert verdict(text, ALK) != "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients must have a known EGFR, ALK or ROS1 alteration and must have received approved targeted therapy",
    "Documented ALK or ROS1 rearrangement; patients must have progressed on an approved TKI",
    "Known KRAS G12C mutation: prior platinum-based chemotherapy is required",
])
def test_a_marker_demanded_beside_a_treatment_still_binds(sentence: str) -> None:
    # Near-misses: the marker is asked of everyone (not a group opening the sentence), so a patient without it fails.
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
