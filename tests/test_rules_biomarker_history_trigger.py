"""A marker named as the trigger of an earlier treatment ("first-line gefitinib, followed by osimertinib in second
line after T790M positive") says when that treatment was started, not what the tumour must have now. Beside a
required sensitising change it is no second requirement: a patient with the sensitising change and no T790M stays
eligible. A marker demanded of the tumour after a treatment history ("progression on an EGFR TKI, with documented
T790M") still binds.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    assert_demanded_marker_stacks,
    assert_history_line_no_requirement,
)

PRIMARY = [
    "Previous tissue or plasma test shows EGFR sensitive mutation (19del or L858R)",
    "Documented activating EGFR mutation (exon 19 deletion or exon 21 L858R)",
]

HISTORY = [
    "Progressed after a third-generation EGFR-TKI, given either first line, or after a first- or second-generation "
    "EGFR-TKI followed by a third-generation EGFR-TKI in second line after T790M positive.",
    "Prior erlotinib first-line, then osimertinib on detection of T790M, is acceptable.",
    "Patients may have received gefitinib and subsequently aumolertinib upon the emergence of an acquired T790M "
    "mutation.",
    "Second-line treatment with lazertinib following confirmation of secondary T790M after afatinib is allowed.",
    "Subjects who were switched to furmonertinib once T790M-positive progression was found may also enrol.",
    "Disease progression on osimertinib given after documented EGFR T790M, or given as initial therapy.",
]


@pytest.mark.parametrize("history", HISTORY)
@pytest.mark.parametrize("primary", PRIMARY)
def test_a_marker_triggering_an_earlier_treatment_is_no_requirement(primary: str, history: str) -> None:
    assert_history_line_no_requirement(primary, history)


@pytest.mark.parametrize("second", [
    "Disease progression after a first-generation EGFR TKI, with documented T790M",
    "Progression on erlotinib or gefitinib; T790M-positive in a biopsy taken after progression",
    "Tumour must harbour T790M after progression on a prior EGFR TKI",
])
def test_a_marker_demanded_after_a_history_still_binds(second: str) -> None:
    # Near-miss: the acquired change is demanded of the tumour now, so it is asked together with the primary one.
    assert_demanded_marker_stacks(PRIMARY[1], second)
