"""The shared reader's study phases (reader/study_phase.py): which inclusion criteria belong to a later phase of the
study, or ask for treatment the study gives in its entry phase. Invented texts only; prior therapy reads them as no
entry requirement on earlier treatment."""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.reader.study_phase import phase_of
from trialmatch.criteria.text import split_criteria


def _phases(inclusion: str) -> dict[str, str]:
    # Every criterion, a later step's too: by default split_criteria leaves those out (reader/steps.py), so no
    # dimension reads them at all; phase_of still tells them for a text read whole.
    criteria = split_criteria(f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n* Pregnancy\n",
                              entry_only=False)
    by_index = {c.index: c.text for c in criteria}
    return {by_index[index]: phase for index, phase in phase_of(criteria).items()}


@pytest.mark.parametrize("entry,later", [
    ("Induction phase:", "Maintenance phase (randomization):"),
    ("Run-in period:", "Randomization criteria:"),
    ("Step 1 (registration):", "Step 2 (randomized phase):"),
    ("Lead-in phase:", "Continuation phase:"),
])
def test_criteria_under_a_later_phase_heading_are_later(entry: str, later: str) -> None:
    found = _phases(f"{entry}\n\n* No prior systemic therapy\n\n{later}\n\n* Stable disease after 4 cycles of "
                    "cisplatin and pemetrexed")
    assert found == {"Stable disease after 4 cycles of cisplatin and pemetrexed": "later"}


def test_treatment_during_the_studys_own_entry_phase() -> None:
    found = _phases("* Completion of 2 cycles of carboplatin during the run-in period of this study")
    assert found == {"Completion of 2 cycles of carboplatin during the run-in period of this study": "during_entry"}


def test_near_misses_have_no_phase() -> None:
    # a later heading with no entry phase before it, and "induction" of another course, name no phase of this study
    assert _phases("Randomization criteria:\n\n* Prior platinum doublet") == {}
    assert _phases("* Progression during induction chemotherapy given before enrolment") == {}


@pytest.mark.parametrize("entry,later", [
    ("Induction phase:", "Maintenance phase (randomization):"),
    ("Run-in period:", "Randomization criteria:"),
    ("Step 1 (registration):", "Step 2 (randomized phase):"),
    ("Lead-in phase:", "Continuation phase:"),
])
def test_a_later_phases_criteria_are_left_out_of_the_entry_rules(entry: str, later: str) -> None:
    criteria = split_criteria(f"Inclusion Criteria:\n\n{entry}\n\n* No prior systemic therapy\n\n{later}\n\n"
                              "* Stable disease after 4 cycles of cisplatin and pemetrexed\n\nExclusion Criteria:\n\n"
                              "* Pregnancy\n")
    texts = [c.text for c in criteria]
    assert "No prior systemic therapy" in texts
    assert "Stable disease after 4 cycles of cisplatin and pemetrexed" not in texts
