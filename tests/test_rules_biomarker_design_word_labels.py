"""A group label led by what the part does ("Dose expansion Part B (with an anti-PD-1): PD-L1 TPS >= 50%",
"Escalation Cohort 2: ...") names that group: its marker rule binds it alone, and a sibling part is another way in.
Before, neither reader knew the label (the design words stood before "Part"), so one part's rule bound every patient
and a patient fitting the other part was excluded.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import patient, verdict

from trialmatch.matching.profile import Profile

G12C_30 = patient("KRAS:G12C", pdl1=30)
EGFR_19 = patient("EGFR:exon 19 deletion")
HER2_EX20 = patient("ERBB2:exon 20 insertion")
NO_DRIVER = patient(pdl1=30)


def _trial(first: str, second: str, shared: str = "") -> str:
    head = f"* {shared}\n" if shared else ""
    return f"Inclusion Criteria:\n\n{head}* Groups:\n  * {first}\n  * {second}\n"


CASES = [
    (_trial("Dose expansion Part B (with an anti-PD-1): PD-L1 TPS >= 50%",
            "Dose expansion Part C (with chemotherapy): all PD-L1 levels allowed", "KRAS G12C mutation"), G12C_30),
    (_trial("Dose Expansion Part A: PD-L1 tumour proportion score of at least 50%",
            "Dose Expansion Part B: previously treated with platinum chemotherapy", "KRAS G12C mutation"), G12C_30),
    (_trial("Expansion Cohort 1 (HER2): documented HER2 exon 20 insertion",
            "Expansion Cohort 2 (EGFR): documented EGFR exon 19 deletion or L858R"), EGFR_19),
    (_trial("Expansion Cohort 1 (HER2): documented HER2 exon 20 insertion",
            "Expansion Cohort 2 (EGFR): documented EGFR exon 19 deletion or L858R"), HER2_EX20),
    (_trial("Escalation Cohort 2 (biomarker-selected): EGFR exon 19 deletion",
            "Escalation Cohort 3 (all comers): any advanced NSCLC after standard therapy"), NO_DRIVER),
    (_trial("Dose-expansion Group 1 (squamous): PD-L1 TPS >= 50%",
            "Dose-expansion Group 2 (non-squamous): any PD-L1"), G12C_30),
    (_trial("Extension Arm 1: EGFR exon 20 insertion", "Extension Arm 2: HER2 exon 20 insertion"), HER2_EX20),
]


@pytest.mark.parametrize(("text", "fits_other"), CASES)
def test_a_patient_fitting_the_other_part_is_not_excluded(text: str, fits_other: Profile) -> None:
    assert verdict(text, fits_other) != "excluded"


def test_a_patient_fitting_no_part_is_excluded() -> None:
    # Near-miss: both named parts ask for a marker the patient lacks (a KRAS G12C part and a KRAS G12D part).
    text = _trial("Dose escalation Part A: KRAS G12C mutation", "Dose escalation Part B: KRAS G12D mutation")
    assert verdict(text, HER2_EX20) == "excluded"
    assert verdict(text, G12C_30) == "eligible"


def test_a_bare_design_heading_names_no_group() -> None:
    # Near-miss: "Dose expansion:" alone is no label: the verdict is the old one.
    text = "Inclusion Criteria:\n\n* Dose expansion: KRAS G12C mutation\n"
    assert verdict(text, NO_DRIVER) == "unknown"
