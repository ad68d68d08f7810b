"""Biomarker: a testing demand with when its result is due ("Non-squamous tumours must be tested for EGFR mutations
and ALK rearrangement, with results available before randomization") was read as a requirement of EGFR or ALK: every
patient without one was excluded. When a result is due says nothing of what it found; the clause is set aside and
the rest read as it stands. Seen among the deciding sentences of sealed set AF's false exclusions, after its end
measurement (sentence only); invented sentences of the kind, and near-misses whose findings still decide."""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, inc, verdict


@pytest.mark.parametrize("sentence", [
    "Non-squamous tumors must be tested for EGFR mutations and ALK rearrangement, with results available before "
    "randomization.",
    "Tumours must be tested for EGFR and ALK, with the results known before enrolment.",
    "All patients must be tested for EGFR, ALK and ROS1; results must be available prior to the first dose.",
    "Testing for EGFR mutations and ALK fusions is mandatory, with results obtained before randomisation.",
    "Participants must have been tested for KRAS, with results reported before cycle 1.",
])
def test_when_a_result_is_due_is_no_finding(sentence: str) -> None:
    for patient in (NO_DRIVER, KRAS_G12C, EGFR_19, ALK):
        assert verdict(inc("Stage IV NSCLC", sentence), patient) != "excluded"


def test_a_finding_with_a_due_date_still_decides() -> None:
    criteria = inc("Stage IV NSCLC", "EGFR mutation-positive, with results available before randomization.")
    assert verdict(criteria, NO_DRIVER) == "excluded"
    assert verdict(criteria, EGFR_19) == "eligible"
    banned = inc("Stage IV NSCLC", "No EGFR mutation or ALK fusion; results must be available before randomization.")
    assert verdict(banned, EGFR_19) == "excluded"
    assert verdict(banned, KRAS_G12C) == "eligible"
