"""A used-up clause with a no-standard tail, "progressed on or be intolerant to all standard therapies known to confer
clinical benefit, or for whom no standard therapy is available": the progression is on ALL standard therapy (the
used-up branch itself), not a way in of its own. Before, the tail turned it into "at least 1 line" and every
one-line patient was eligible (set Z kind 14; earlier triggers R 15, X 7, Y 9). A patient with one line may still
have standard options left: a question. A progression on "at least one" therapy stays a way in.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_ONE_LINE = {"prior_therapies": ["osimertinib"], "prior_lines": 1}

USED_UP = [
    "Patients must have progressed on or be intolerant to all standard therapies known to confer clinical benefit, or "
    "for whom no standard therapy is available",
    "Progressed on all available standard treatments, or for whom no standard therapy exists",
    "Patients who have failed or are intolerant of every standard therapy, or for whom no standard treatment is "
    "appropriate",
    "Disease refractory to all approved standard therapies (NSCLC), or no standard therapy is available",
    "Subjects who progressed after all standard of care therapies, or where no standard "
    "treatment exists",
    "Relapsed on all standard treatment options, or for whom no effective standard therapy is available",
]


@pytest.mark.parametrize("sentence", USED_UP)
def test_one_line_is_a_question(sentence: str) -> None:
    assert prior_verdict(_ONE_LINE, [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Progressed on at least one prior therapy, or for whom no standard therapy exists",
    "Disease progression after one or more prior lines of treatment, or no standard therapy is available",
])
def test_progression_on_some_therapy_stays_a_way_in(sentence: str) -> None:
    assert prior_verdict(_ONE_LINE, [sentence]) == "eligible"
