"""An inclusion sentence that refuses entry to carriers in so many words ("patients with a sensitizing EGFR mutation
or ALK rearrangement cannot be enrolled", "... must not be included", "... will not be enrolled") excludes them, as
"are not eligible" does. Read as "be enrolled" it had been a permission, and the whole rule was lost (even in the
exclusion section). Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_L858R, KRAS_G12C, NO_DRIVER, ROS1, UNTESTED, exc, inc, patient, verdict

REFUSALS = [
    "EGFR and ALK status by local testing; patients with a sensitizing EGFR mutation or ALK rearrangement cannot be "
    "enrolled",
    "Patients with a sensitising EGFR mutation or an ALK fusion cannot be enrolled",
    "Patients whose tumours harbour an activating EGFR mutation or ALK rearrangement must not be included",
    "Subjects with EGFR mutation or ALK translocation will not be enrolled in this study",
    "Patients known to carry an EGFR sensitizing mutation or ALK gene rearrangement can not be enrolled",
    "Participants with documented EGFR-activating mutations or ALK-positive disease may not enrol",
    "Patients with EGFR mutation or ALK rearrangement should not be enrolled",
]


@pytest.mark.parametrize("section", [inc, exc])
@pytest.mark.parametrize("text", REFUSALS)
def test_refused_carriers_are_excluded(text: str, section: object) -> None:
    criteria = section("Stage IV NSCLC", text) if section is inc else section(text)  # type: ignore[operator]
    for carrier in (EGFR_19, EGFR_L858R, ALK):
        assert verdict(criteria, carrier) == "excluded", (text, carrier)
    for other in (KRAS_G12C, NO_DRIVER, ROS1):
        assert verdict(criteria, other) == "eligible", (text, other)
    # untested: a question, or free where only a known change refuses ("known to carry", "documented")
    assert verdict(criteria, UNTESTED) != "excluded"


# Near-misses: the refusal bends ("unless ..."), a permission stays a permission, and a refusal of another study's
# enrolment or of a treatment is no marker exclusion.
def test_unless_keeps_the_door_open_for_the_treated() -> None:
    text = inc("Stage IV NSCLC", "Patients with a sensitizing EGFR mutation or ALK rearrangement cannot be enrolled "
                                 "unless they have progressed on an approved tyrosine kinase inhibitor")
    assert verdict(text, patient("EGFR:L858R", lines=0)) == "excluded"  # untreated
    assert verdict(text, patient("EGFR:L858R", drugs=("osimertinib",), lines=1)) != "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"


@pytest.mark.parametrize("text", [
    "Patients with EGFR exon 20 insertion can be enrolled",
    "Patients with a KRAS G12C mutation may be enrolled",
    "Patients with ALK rearrangement previously treated with a TKI may also be included",
    "Patients with stable EGFR-mutant disease can participate",
    "Patients with a ROS1 fusion are eligible",
])
def test_permissions_set_no_rule(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    for profile in (EGFR_19, ALK, KRAS_G12C, NO_DRIVER):
        assert verdict(criteria, profile) == "eligible", (text, profile)


def test_not_eligible_for_a_treatment_is_no_refusal() -> None:
    text = inc("Stage IV NSCLC with an EGFR mutation who cannot be eligible for osimertinib treatment")
    assert verdict(text, EGFR_19) != "excluded"


@pytest.mark.parametrize("text", [
    "Patients with ROS1 fusion cannot be enrolled in another clinical trial",
    "Patients with EGFR mutation must not be enrolled in any other interventional study",
    "Patients with ALK rearrangement may not participate in another trial at the same time",
    "Patients with KRAS G12C should not be included in other studies of KRAS inhibitors",
    "Subjects with MET amplification cannot participate in another clinical study",
])
def test_refusal_of_another_study_sets_no_marker_rule(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    for profile in (EGFR_19, ALK, KRAS_G12C, NO_DRIVER, ROS1):
        assert verdict(criteria, profile) == "eligible", (text, profile)
