"""A driver-negative rule, a dash, then whom it is about in other words with no "i.e." ("No known EGFR mutation, ALK
or ROS1 rearrangement - subjects for whom an approved targeted therapy exists cannot be included"): the explanation is
no condition and its "cannot be included" does not turn the rule upside down (before, every patient passed).
Near-misses: an explanation that names a marker stays part of the rule. Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, ROS1, inc, verdict

SENTENCES = [
    "No known activating EGFR mutation, ALK or ROS1 rearrangement - subjects for whom an approved targeted therapy "
    "exists cannot be included",
    "Absence of EGFR and ALK alterations \u2013 patients who are candidates for first-line TKI are not allowed to be "
    "enrolled",
    "Without sensitising EGFR mutation or ALK fusion (NSCLC) \u2014 participants eligible for targeted therapy are "
    "excluded",
    "EGFR-, ALK- and ROS1-negative - those for whom targeted therapy is standard of care are not eligible",
    "No EGFRm, ALK or ROS1 fusion - individuals who could receive an approved TKI first are ineligible",
    "Tumours must not harbour EGFR, ALK or ROS1 alterations - patients whose disease is treatable with an approved "
    "TKI, e.g. osimertinib, will not be enrolled",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_dash_explanation_keeps_the_negative_rule(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"


def test_explanation_naming_a_marker_stays() -> None:
    text = inc("Stage IV NSCLC", "No EGFR mutation - patients who carry an EGFR T790M mutation are excluded")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ROS1) == "eligible"
