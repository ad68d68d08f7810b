"""An inclusion, in translated English, that names who enters by the treatment they failed: "Patients who have failed
first-line platinum-containing chemotherapy can be enrolled", "Subjects whose disease progressed after an EGFR TKI may
be included in this study". In the inclusion list it is the trial's (or a cohort's) entry rule, a requirement. Read as
a permission it asked for nothing, and every untreated patient was let through. An allowance beside a ban keeps its
reading ("Patients who received adjuvant chemotherapy can be enrolled if the disease recurred ...").

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE = {"prior_therapies": [], "prior_lines": 0}
CHEMO = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
OSIMERTINIB = {"prior_therapies": ["osimertinib"], "prior_lines": 1}

# (inclusion, a patient who had the failed treatment, a treated patient who did not)
ENTRY_RULES = [
    ("Patients who have failed first-line platinum-containing chemotherapy can be enrolled", CHEMO, OSIMERTINIB),
    ("Subjects whose disease progressed after an EGFR TKI (e.g., gefitinib, osimertinib) may be included in this "
     "study.", OSIMERTINIB, CHEMO),
    ("Participants who have progressed on or after platinum doublet chemotherapy can be enrolled",
     CHEMO, OSIMERTINIB),
    ("Patients who relapsed after third-generation EGFR-TKI treatment (osimertinib, aumolertinib or furmonertinib) "
     "are allowed to be enrolled", OSIMERTINIB, CHEMO),
    ("Patients who experienced disease progression during or after pemetrexed plus cisplatin or "
     "carboplatin could be recruited;", CHEMO, OSIMERTINIB),
    ("Those who had failed prior EGFR-TKIs can be included.", OSIMERTINIB, CHEMO),
]


@pytest.mark.parametrize(("inclusion", "had", "other"), ENTRY_RULES)
def test_the_failed_treatment_is_required(inclusion: str, had: dict[str, object], other: dict[str, object]) -> None:
    assert prior_verdict(had, [inclusion]) == "eligible"
    assert prior_verdict(other, [inclusion]) == "excluded"
    assert prior_verdict(NAIVE, [inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", [
    # Allowances beside a ban on earlier treatment, or a condition: no requirement.
    "Patients who received adjuvant chemotherapy can be enrolled if the disease recurred more than 6 months after "
    "the end of treatment",
    "Patients who relapsed after neoadjuvant chemotherapy may be enrolled",
    "Patients who progressed on prior therapy or are treatment-naive can be enrolled",
    "Patients with brain metastases that progressed after radiotherapy may be included if stable",
    # Received, not failed: a permission to have had it.
    "Patients who have previously received platinum-based chemotherapy may be enrolled",
])
def test_near_miss_allowances_ask_for_nothing(inclusion: str) -> None:
    assert prior_verdict(NAIVE, [inclusion]) == "eligible"
