"""Brain, AA kind: "local therapy for brain metastases, if given, must be completed 2 weeks before" after a permission
of asymptomatic or untreated metastases times an OPTIONAL treatment ("if given", "where applicable"); it does not ask
that the metastases be treated. Before, the aside hid the timing clause and untreated (active) metastases were
excluded by a permission that never asked for treatment."""

from __future__ import annotations

import pytest

from tests.brain_cases import brain

E, U, X = "eligible", "unknown", "excluded"

# (none, treated_stable, active, unknown): active ones stay a question (symptoms and stability are not in the profile).
OPTIONAL_TIMING = [
    "Asymptomatic brain metastases are permitted if neurologically stable without the need for corticosteroids; local"
    " therapy for brain metastases, if given, must be completed at least 2 weeks before enrolment",
    "Untreated, asymptomatic CNS metastases are allowed; radiotherapy to brain lesions, where applicable, should have"
    " been completed at least 14 days prior to first dose",
    "Asymptomatic intracranial metastases may enrol; radiosurgery for the brain lesions, if performed, must have been"
    " completed >= 7 days before randomisation",
    "Participants with asymptomatic brain metastases are eligible; prior surgery for CNS metastases, when done, must be"
    " completed at least 4 weeks before study entry",
    "Asymptomatic brain metastases are allowed; WBRT to the brain, if administered, has to be completed two weeks"
    " before the first dose",
    "Asymptomatic cerebral metastases are acceptable, off steroids; irradiation of brain metastases, if received, must"
    " be completed at least 3 weeks before cycle 1",
]


@pytest.mark.parametrize("inclusion", OPTIONAL_TIMING)
def test_an_optional_treatment_timed_does_not_require_treatment(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (E, E, U, U)


# Near-misses: a permission that requires treatment, or only stable metastases, still leaves active ones out.
NEAR = [
    "Brain metastases are allowed if treated; radiotherapy to brain lesions, if given, must be completed 14 days"
    " before",
    "Brain metastases are permitted if previously irradiated and stable; radiation for CNS lesions must have been"
    " completed at least one week before randomisation",
]


@pytest.mark.parametrize("inclusion", NEAR)
def test_a_treatment_requirement_keeps_active_ones_out(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (E, E, X, U)
