"""A histology that says who must be tested for drivers, not whom a therapy rule binds: "NSCLC without known EGFR,
ALK or ROS1 alterations (documented by tissue or plasma testing for non-squamous histology), with progression on
platinum and anti-PD-(L)1 therapy". "For non-squamous histology" was read as a group named by a fact this dimension
does not read (other_facts.py), so the whole rule became a question and untreated patients were no longer excluded.
Only a squamous / non-squamous group named right after a testing word is taken as the test's scope.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict
from trialmatch.criteria.rules.prior_therapy.other_facts import conditioned_on_other_fact
from trialmatch.criteria.rules.prior_therapy.terms import normalize

NAIVE = {"prior_therapies": [], "prior_lines": 0, "tested_negative": ["EGFR", "ALK", "ROS1"]}

TESTED = [
    "NSCLC without known EGFR, ALK or ROS1 alterations (documented by tissue or plasma testing for non-squamous "
    "histology), with progression on or after platinum-based chemotherapy and anti-PD-(L)1 therapy",
    "No EGFR or ALK driver (testing required only in non-squamous NSCLC); progressed after a platinum doublet",
    "Driver-negative NSCLC (EGFR/ALK status must be determined for patients with non-squamous histology) after "
    "prior platinum-based chemotherapy",
    "Absence of EGFR mutation and ALK fusion, as assessed by a local test in non-squamous tumours, and disease "
    "progression after platinum-containing chemotherapy",
    "Without actionable alterations (molecular screening is mandatory for non-squamous carcinoma), previously "
    "treated with platinum and a PD-1 inhibitor",
]


@pytest.mark.parametrize("inclusion", TESTED)
def test_testing_scope_is_no_therapy_group(inclusion: str) -> None:
    assert not conditioned_on_other_fact(normalize(inclusion))
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", [
    "For non-squamous NSCLC: prior platinum and pemetrexed",
    "Patients with squamous histology must have received prior platinum-based chemotherapy",
    "Squamous cell carcinoma patients previously treated with docetaxel",
    "Prior pemetrexed is required in non-squamous histology",
])
def test_near_miss_histology_group_of_the_therapy_rule_stays_a_question(inclusion: str) -> None:
    assert conditioned_on_other_fact(normalize(inclusion))
