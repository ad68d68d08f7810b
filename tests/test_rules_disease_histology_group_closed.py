"""Disease: a histology whose group no longer enrols ("(squamous cohort closed to accrual)", "(enrolment of squamous
histology has completed)") is shut out, like "squamous NSCLC are excluded". Before, the closed group's histology was
read as one more histology asked for, and a squamous patient stayed eligible beside "adenocarcinoma or NSCLC NOS".
"Completed" that is about the patient's own treatment ("squamous patients who completed first-line chemotherapy")
closes nothing."""

from __future__ import annotations

import pytest
from disease_cases import trial, verdicts

CLOSED = [
    "* Histologically confirmed adenocarcinoma or NSCLC not otherwise specified (squamous cohort closed to accrual)",
    "* Adenocarcinoma or large cell NSCLC (squamous cohort closed)",
    "* Adenocarcinoma or NSCLC NOS (enrolment of squamous histology has completed)",
    "* Stage IV NSCLC, adenocarcinoma or NOS histology (squamous cohort fully enrolled)",
    "* Stage IV NSCLC (squamous arm closed after the interim analysis)",
]


@pytest.mark.parametrize("inclusion", CLOSED)
def test_a_closed_histology_group_shuts_that_histology_out(inclusion: str) -> None:
    adeno, squamous, _, _ = verdicts(trial(inclusion))
    assert (adeno, squamous) == ("eligible", "excluded")


# Said with a verb ("the squamous cohort has been closed", "is closed") the bracket is read as that cohort's own words,
# which leaves the histology a question: not the firm "excluded", but never the trial-wide "eligible" either.
SAID_WITH_A_VERB = [
    "* Non-squamous NSCLC (the squamous cohort has been closed to enrolment)",
    "* Adenocarcinoma or NSCLC NOS (squamous cohort is closed)",
]


@pytest.mark.parametrize("inclusion", SAID_WITH_A_VERB)
def test_a_closed_group_said_with_a_verb_is_never_a_way_in(inclusion: str) -> None:
    assert verdicts(trial(inclusion))[1] in {"excluded", "unknown"}


NOT_CLOSED = [
    "* Stage IV NSCLC of any histology; squamous patients who completed first-line chemotherapy are eligible",
    "* Stage IV NSCLC, squamous or non-squamous (squamous cohort open to all PD-L1 levels)",
    "* Stage IV NSCLC, squamous or non-squamous, who completed at least 4 cycles of platinum doublet",
    "* Stage IV squamous or non-squamous NSCLC; squamous cell carcinoma completed 2 prior lines is allowed",
]


@pytest.mark.parametrize("inclusion", NOT_CLOSED)
def test_completed_treatment_or_an_open_group_shuts_no_histology_out(inclusion: str) -> None:
    assert verdicts(trial(inclusion))[1] != "excluded"
