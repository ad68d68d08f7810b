"""A marker named as the setting of an earlier treatment ("osimertinib may have been given second-line, following a
first-generation EGFR TKI in T790M-positive disease") says what that treatment was given for, not what the tumour
must have now. Beside a required sensitising change it is no second, stacked requirement: a patient with the
sensitising change and no T790M stays eligible. Only two lines that each demand a marker are stacked; a permission
about earlier treatment that still yields a marker reading is a question, never an exclusion.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    EGFR_19,
    KRAS_G12C,
    assert_demanded_marker_stacks,
    assert_history_line_no_requirement,
    inc,
    verdict,
)

PRIMARY = [
    "Documented EGFR exon 19 deletion or exon 21 L858R mutation",
    "Tumour harbouring a sensitising EGFR mutation (exon 19 deletion or L858R)",
    "Known activating EGFR mutation",
]

HISTORY = [
    "Osimertinib may have been given as first-line treatment, or as second-line treatment following a first- or "
    "second-generation EGFR TKI in T790M-positive disease.",
    "Progression on lazertinib, received either first line or after prior erlotinib therapy in the T790M-positive "
    "setting.",
    "Aumolertinib may have been given after an earlier afatinib regimen in EGFR T790M mutant NSCLC.",
    "Furmonertinib may have been used upfront, or second-line in patients with acquired T790M.",
    "Prior befotertinib is allowed whether given first-line or following gefitinib treatment in T790M-positive "
    "tumours.",
    "Disease progression after a third-generation TKI, given either as initial therapy or following previous "
    "dacomitinib treatment in a T790M positive setting.",
]


@pytest.mark.parametrize("history", HISTORY)
@pytest.mark.parametrize("primary", PRIMARY)
def test_a_marker_setting_an_earlier_treatment_is_no_requirement(primary: str, history: str) -> None:
    assert_history_line_no_requirement(primary, history)


@pytest.mark.parametrize("second", [
    "Documented EGFR T790M mutation",
    "Tumour must harbour acquired T790M after progression on a first-generation TKI",
    "T790M-positive status confirmed centrally in a new biopsy",
])
def test_a_second_demanding_line_still_stacks(second: str) -> None:
    # Near-miss: the acquired change is demanded of the tumour, so it is asked together with the primary one.
    assert_demanded_marker_stacks(PRIMARY[0], second)


def test_a_permission_read_with_a_marker_is_only_a_question() -> None:
    # The history words do not tie the marker to a treatment noun, but the line only allows an earlier treatment:
    # it is not stacked onto the primary line, so failing it is a question.
    text = inc(PRIMARY[0], "Osimertinib may have been given for progression in T790M-positive disease, if so")
    assert verdict(text, EGFR_19) != "excluded"


def test_a_cohort_label_naming_its_treatment_keeps_its_marker() -> None:
    # Near-miss: no history word, so "<treatment> in patients with <marker>" is the cohort's own rule.
    text = inc("Part B: docetaxel plus chemotherapy in patients with KRAS G12C mutation")
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, EGFR_19) != "eligible"
