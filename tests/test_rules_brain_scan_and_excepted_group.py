"""Brain: two kinds seen when set AE was opened (session 30); invented sentences only.

- A scan asked of those with brain metastases ("Patients must have a CT or MRI of the brain within 28 days if they
  have a history of brain metastases") was read as a demand for brain metastases, so a patient without any was a
  question. It is no rule on which metastases may join.
- "Except for the SCLC cohort, untreated or symptomatic brain metastases": the rule is everyone's but another
  cancer's group, an NSCLC patient's included. The lead-in was read as the mention's own exception (no rule) or, by
  the shared reader, as the SCLC cohort's scope (not about NSCLC), and the other group's permission of untreated
  ones loosened the NSCLC patients' ban. Near-miss: an NSCLC group excepted is not read as other-disease.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

from trialmatch.criteria.rules.reader.scope import read_scope


@pytest.mark.parametrize("inclusion", [
    "Patients must have a CT or MRI of the brain within 28 days before randomisation if they have a history of brain "
    "metastases or neurological symptoms.",
    "Participants must undergo brain MRI at screening if they have known brain metastases.",
    "A brain MRI is required within 4 weeks of enrolment if patients have a history of CNS metastases.",
    "Contrast-enhanced brain imaging must be done at baseline if subjects have known brain metastases.",
])
def test_a_scan_asked_of_those_with_brain_metastases_sets_no_rule(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (EL, EL, EL, EL)


@pytest.mark.parametrize(("inclusion", "expected"), [
    ("If they have brain metastases, patients must have completed radiotherapy and be stable.", (EL, EL, EX, UN)),
    ("Patients are eligible if they have brain metastases that were treated and are stable.", (EL, EL, UN, UN)),
])
def test_a_condition_on_those_with_brain_metastases_still_reads(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion) == expected


@pytest.mark.parametrize("exclusion", [
    "Except for the SCLC cohort, untreated or symptomatic brain metastases.",
    "Except for the SCLC cohort, untreated or symptomatic brain metastases. // For the SCLC cohort: participants with "
    "asymptomatic, untreated brain metastases < 1 cm are eligible.",
    "For all cohorts except the SCLC cohort: untreated brain metastases.",
    "Except in the mesothelioma cohort: untreated brain metastases.",
])
def test_a_rule_for_everyone_but_another_cancers_group_binds_nsclc(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, EX)


def test_the_shared_reader_gives_no_other_disease_scope_to_an_excepted_group() -> None:
    for text in ("Except in the SCLC cohort: untreated or symptomatic brain metastases.",
                 "For all cohorts except the SCLC cohort: untreated brain metastases."):
        own = read_scope(text)[1]
        assert own is None or not own.other_disease
