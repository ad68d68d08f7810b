"""A test demanded of one histology ("Non-squamous tumours must be tested for EGFR mutations and ALK rearrangement"):
an untested tumour of that histology is a question, as when everyone's test is asked (status_known.py); another
histology need not be tested, and any result passes. Read as no rule at all (its histology word counted as "not
everyone's"), an untested non-squamous patient was eligible beside "Known EGFR mutation or ALK rearrangement".
Near-misses: a demand tied to a carrier group or a condition stays no test rule; the exclusion still excludes."""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, NO_DRIVER, exc, inc, patient, verdict

UNTESTED_ADENO = patient(negative=[])
UNTESTED_SQUAMOUS = patient(negative=[], histology="squamous")
UNTESTED_NOS = patient(negative=[], histology="nsclc-nos")
BAN = exc("Known EGFR sensitizing mutation or ALK rearrangement.")


@pytest.mark.parametrize("sentence", [
    "Non-squamous tumors must be tested for EGFR mutations and ALK rearrangement, with results available before "
    "randomization.",
    "Patients with non-squamous NSCLC must be tested for EGFR and ALK.",
    "Non-squamous tumours must have been tested for EGFR, ALK and ROS1 before enrolment.",
    "Testing for EGFR and ALK is mandatory for non-squamous histology.",
    "For non-squamous histology, EGFR and ALK must be tested.",
    "Adenocarcinoma tumours must be tested for EGFR mutations.",
])
def test_histology_test_demand(sentence: str) -> None:
    text = inc("Stage IV NSCLC.", sentence) + BAN
    assert verdict(text, UNTESTED_ADENO) == "unknown"
    # not that histology: this rule asks no test (the ban's own "known" reading may still leave a question when the
    # trial says testing is mandatory: "Testing ... is mandatory" lifts its untested pass for every histology)
    assert verdict(text, UNTESTED_SQUAMOUS) != "excluded"
    assert verdict(inc("Stage IV NSCLC.", sentence), UNTESTED_SQUAMOUS) == "eligible"
    assert verdict(text, UNTESTED_NOS) == "unknown"  # histology not given: a question, never a bar
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"  # the exclusion still decides


@pytest.mark.parametrize("sentence", [
    "Patients with squamous histology must be tested for EGFR if never smokers.",
    "Patients with EGFR mutation and non-squamous histology must be tested for T790M.",
    "Non-squamous tumours may be tested for EGFR and ALK, but testing is not required.",
])
def test_near_misses_set_no_test_rule(sentence: str) -> None:
    text = inc("Stage IV NSCLC.", sentence)
    assert verdict(text, UNTESTED_ADENO) == "eligible"
    assert verdict(text, UNTESTED_SQUAMOUS) == "eligible"
