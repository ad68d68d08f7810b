"""Performance-status kinds of session 21 (found on an invented, independently labelled set).

"Patients with PS 0-1 or PS 3-4 are not eligible": limits joined by "or"/"and" alone share the verb after the list;
the first limit had been read as allowed (so an ECOG 0-1 patient fit a trial for ECOG 2 only).
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, ecog

ECOG_2_ONLY = (EX, EX, EL, EX, EX)


@pytest.mark.parametrize("line", [
    "Patients with PS 0-1 or PS 3-4 are not eligible for this study.",
    "Patients with ECOG 0-1 or ECOG 3-4 are ineligible.",
    "Subjects with WHO PS 0, 1, 3 or 4 will be excluded.",
    "ECOG 0-1 or 3-4 patients are not eligible.",
    "Participants with performance status 0-1 and those with 3-4 are not eligible.",
    "Patients with PS 0-1, or PS 3-4, are not allowed.",
])
def test_the_verb_after_a_list_of_limits_is_every_limits(line: str) -> None:
    assert ecog(inclusion=f"ECOG performance status of 2 // {line}") == ECOG_2_ONLY


@pytest.mark.parametrize("line", [
    "ECOG 0-1 allowed; PS 3-4 patients are not eligible.",  # a verb of its own between the limits
    "ECOG 0-1 is required; patients with ECOG 3-4 are not eligible.",
])
def test_a_limit_with_its_own_verb_keeps_it(line: str) -> None:
    assert ecog(inclusion=line)[:2] == (EL, EL)
