"""A note on testing after a driver ban, "(no further testing needed)" / "(no additional testing required)": it says
only that no new test is asked for. Before, the text was cut at the note and left an open bracket behind, which
made the whole ban a question (a known EGFR mutation was `unknown`). Now the bracketed note is dropped whole and the
ban stays as read: a reported carrier is excluded, an untested patient is not barred (no test is needed).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, RET, ROS1, UNTESTED, exc, inc, verdict

from trialmatch.matching.profile import Profile

CASES = [
    (exc("Known EGFR mutation or ALK rearrangement (no further testing needed)"), EGFR_19),
    (exc("Documented ALK fusion or ROS1 rearrangement (no additional testing required)"), ALK),
    (exc("Tumours with a known RET fusion (no further molecular testing is necessary)"), RET),
    (exc("Presence of a ROS1 rearrangement (no new testing required)"), ROS1),
    (exc("Known KRAS G12C mutation (no more testing needed), or known EGFR sensitising mutation"), KRAS_G12C),
    (inc("No known EGFR mutation or ALK rearrangement (no additional testing is required)"), ALK),
]


@pytest.mark.parametrize(("text", "carrier"), CASES)
def test_a_testing_note_leaves_the_ban_as_read(text: str, carrier: Profile) -> None:
    assert verdict(text, carrier) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "eligible"


@pytest.mark.parametrize("text", [
    # Near-misses: a marker said not to be needed is no requirement; a squamous waiver keeps its histology.
    inc("NSCLC of any histology (no EGFR mutation required)"),
    inc("Advanced NSCLC, no actionable driver required"),
])
def test_a_marker_not_required_is_still_no_requirement(text: str) -> None:
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, EGFR_19) == "eligible"
