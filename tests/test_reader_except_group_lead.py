"""Reader: a criterion that opens by excepting a labelled group before a comma or colon ("Except for Cohort B, ...",
"Other than Arm A (docetaxel): ...", "In all cohorts other than Part C, ...") is everyone's rule but that group's.
The comma form had no scope, so "Except for Cohort B, progression on a prior platinum doublet" excluded an untreated
patient whom Cohort B may take. A group named by another cancer ("Except for the SCLC cohort, ...") still binds an
NSCLC patient, and an exception that names no group ("Except for palliative radiotherapy, ...") is no scope."""

from __future__ import annotations

import pytest
from prior_therapy_cases import prior_verdict

from trialmatch.criteria.rules.reader.scope import read_scope

NAIVE = {"prior_therapies": [], "prior_lines": 0}

EXCEPTED = [
    ("Except for Cohort B, progression on at least one prior line of platinum-based chemotherapy", "Cohort B"),
    ("Except in Cohort B: prior platinum-based chemotherapy is required", "Cohort B"),
    ("Other than Arm A (docetaxel), participants must have progressed on a prior platinum doublet", "Arm A"),
    ("In all cohorts other than Part C, patients must have received platinum-based chemotherapy", "Part C"),
    ("Excluding Arms B and C: prior treatment with a platinum-containing regimen for advanced disease", "Arms B and C"),
    ("For all cohorts except Cohort 3: disease progression after one prior platinum-based regimen", "Cohort 3"),
]


@pytest.mark.parametrize(("sentence", "group"), EXCEPTED)
def test_an_excepted_group_scopes_the_rule_to_the_other_groups(sentence: str, group: str) -> None:
    own = read_scope(sentence)[1]
    assert own is not None and group in own.label and own.label.startswith("groups other than")


@pytest.mark.parametrize(("sentence", "group"), EXCEPTED)
def test_a_rule_everyone_but_one_group_has_does_not_exclude(sentence: str, group: str) -> None:
    assert prior_verdict(NAIVE, ["Stage IV NSCLC", sentence]) != "excluded"


NOT_A_GROUP = [
    "Except for palliative radiotherapy, no radiotherapy within 2 weeks before the first dose",
    "Except for alopecia, toxicities of prior therapy must have resolved to grade 1",
    "Excluding patients who received palliative radiotherapy, no radiotherapy within 2 weeks",
]


@pytest.mark.parametrize("sentence", NOT_A_GROUP)
def test_an_exception_that_names_no_group_sets_no_scope(sentence: str) -> None:
    assert read_scope(sentence) == (None, None)


@pytest.mark.parametrize("sentence", [
    "Except for the SCLC cohort, progression on at least one prior line of platinum-based chemotherapy",
    "Except in the mesothelioma cohort: prior platinum-based chemotherapy",
])
def test_another_cancers_group_excepted_leaves_the_rule_everyones(sentence: str) -> None:
    own = read_scope(sentence)[1]
    assert own is None or not own.label.startswith("groups other than")


def test_without_the_exception_the_rule_binds() -> None:
    assert prior_verdict(NAIVE, ["Stage IV NSCLC", "Progression on at least one prior platinum-based regimen"]) == \
        "excluded"
