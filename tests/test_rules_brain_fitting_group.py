"""Brain: rules written for groups of a trial ("Cohort 1: no brain metastases. / Cohort 2: treated, stable brain
metastases.") each became a question for every patient, even one whom another group's rules plainly let in. A
patient who fits one group is judged on that group's rules: when every rule that does not let the patient in is
another group's, and one group's rules all do, the verdict is eligible. Never when a rule for everyone (or for a
condition or a country) is in the way, and never excluded on groups alone (the trial may have groups its criteria
do not name). Invented sentences only."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain


@pytest.mark.parametrize("inclusion", [
    "Cohort 1: no brain metastases. // Cohort 2: treated, stable brain metastases.",
    "Part A: no brain metastases allowed. // Part B: patients with brain metastases are eligible if treated and "
    "stable.",
    "Dose expansion: patients must not have brain metastases. // Dose escalation: patients with treated brain "
    "metastases are eligible.",
    "Arm 1: patients without CNS metastases. // Arm 2: patients with CNS metastases treated with radiotherapy and "
    "stable for 4 weeks.",
    "Cohort A: no known brain metastases. // Cohort B: previously irradiated brain metastases that are stable.",
])
def test_treated_stable_patients_fit_the_group_that_takes_them(inclusion: str) -> None:
    none, treated, active, _ = brain(inclusion=inclusion)
    assert (none, treated) == (EL, EL)
    assert active == UN  # neither group takes them plainly, but the trial may have others


def test_an_untreated_group_beside_a_group_without_brain_metastases() -> None:
    verdicts = brain(inclusion="Cohort A: patients without brain metastases. // Cohort B: patients with untreated "
                               "brain metastases.")
    assert verdicts[:3] == (EL, UN, EL)


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    # a ban for everyone is in the way of the group that would take them
    ("Cohort 1: no brain metastases. // Cohort 2: treated, stable brain metastases.", "Active brain metastases.",
     (EL, EL, EX)),
    # one group's ban alone, no group that takes them: a question
    ("Arm A: Known brain metastases are not allowed.", "", (EL, UN, UN)),
    ("", "Known brain metastases (dose escalation only).", (EL, UN, UN)),
])
def test_near_misses(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion, exclusion=exclusion)[:3] == expected
