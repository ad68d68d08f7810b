"""A marker that qualifies how the disease progressed on the earliest treatment of a history ("osimertinib as
second-line therapy after a first- or second-generation EGFR-TKI (gefitinib, erlotinib) with T790M-positive
progression") says why the next treatment was started, not what the tumour must have now. Read as a T790M
requirement, it excluded the exon 19 deletion / L858R patients the trial asks for (AH). A marker demanded of the
tumour after a history ("progression on an EGFR TKI, with documented T790M") still binds. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import assert_demanded_marker_stacks, assert_history_line_no_requirement

PRIMARY = [
    "Documented EGFR exon 19 deletion or exon 21 L858R mutation in tissue or plasma",
    "Sensitising EGFR mutation (exon 19 deletion or L858R) by a validated assay",
]

HISTORY = [
    "Progression on a third-generation EGFR-TKI given as first-line therapy; or as second-line therapy after a "
    "first-generation EGFR-TKI (gefitinib, erlotinib) with T790M-positive progression.",
    "Progression on osimertinib, given as second-line treatment after afatinib with T790M-mediated resistance.",
    "Disease progression on lazertinib received after erlotinib with T790M-positive disease progression.",
    "Prior aumolertinib administered following gefitinib or icotinib with acquired T790M-driven progression is "
    "allowed.",
    "Progression on furmonertinib, subsequently given after first-line dacomitinib with EGFR T790M positive "
    "progression.",
    "Osimertinib as 2nd-line therapy following an earlier EGFR TKI with T790M-associated relapse.",
]


@pytest.mark.parametrize("history", HISTORY)
@pytest.mark.parametrize("primary", PRIMARY)
def test_a_marker_of_an_earlier_progression_is_no_requirement(primary: str, history: str) -> None:
    assert_history_line_no_requirement(primary, history)


@pytest.mark.parametrize("second", [
    "Disease progression after a first-generation EGFR TKI, with documented T790M",
    "Progression on gefitinib with T790M-positive progression confirmed on a new biopsy",
    "T790M-positive progression on a prior EGFR TKI, confirmed by tissue or plasma testing",
])
def test_a_marker_demanded_of_the_progressing_tumour_still_binds(second: str) -> None:
    # Near-misses: no later treatment was started because of the marker; it is what the tumour must show now.
    assert_demanded_marker_stacks(PRIMARY[0], second)
