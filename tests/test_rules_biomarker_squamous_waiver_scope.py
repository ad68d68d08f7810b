"""A histology-scoped testing waiver keeps its scope (session 26, P kind 17).

"For non-squamous histology, documented absence of sensitizing EGFR mutation and ALK rearrangement. Patients with
squamous histology do not require molecular testing": "do not require" was not among the squamous waiver's words, so
the sentence was read as a waiver for everyone, and an untested tumour of unstated histology (NSCLC-NOS) passed.
The waiver is for squamous tumours only: NSCLC-NOS untested stays a question, squamous untested passes. Near-miss: a
waiver with no histology ("molecular testing is not required") still lets every untested tumour pass.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, NO_DRIVER, inc, patient, verdict

UNTESTED_NOS = patient(negative=[], histology="nsclc-nos")
UNTESTED_SQUAMOUS = patient(negative=[], histology="squamous")

SCOPED = [
    "For non-squamous histology, documented absence of EGFR sensitising mutation and ALK fusion. Patients with "
    "squamous histology do not require molecular testing.",
    "Non-squamous tumours must be EGFR and ALK wild-type; squamous cell carcinomas do not need genotyping.",
    "Nonsquamous NSCLC: no ALK or ROS1 rearrangement. Participants with squamous disease will not require EGFR/ALK "
    "testing.",
    "For non-squamous NSCLC, EGFR and ALK negative by local test (squamous histology does not require testing)",
    "No EGFR mutation or ALK fusion for non-squamous patients; subjects of squamous histology do not require "
    "biomarker analysis",
    "For non-squamous histology, absence of ALK, ROS1 and EGFR alterations; squamous histologies would not need "
    "molecular testing",
]


@pytest.mark.parametrize("sentence", SCOPED)
def test_squamous_waiver_keeps_its_histology(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, UNTESTED_NOS) == "unknown"
    assert verdict(criteria, UNTESTED_SQUAMOUS) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, ALK) != "eligible"


def test_waiver_without_histology_waives_for_everyone() -> None:
    criteria = inc("No EGFR mutation or ALK fusion. Molecular testing is not required.")
    assert verdict(criteria, UNTESTED_NOS) == "eligible"
