"""A ban labelled by NSCLC itself in a trial of several cancers with several NSCLC cohorts ("NSCLC: known EGFR
mutation or ALK translocation" beside "1L NSCLC:" and "2L NSCLC:" cohorts). The label is every NSCLC patient, whichever
NSCLC cohort takes them: the ban binds. Before, "NSCLC" was read as one cohort among several and bound nobody, so an
EGFR or ALK carrier was let in. A label that narrows NSCLC ("1L NSCLC", "squamous NSCLC") or names another cancer
keeps its old reading.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, verdict


def _multi(ban: str) -> str:
    return ("Inclusion Criteria:\n\n* Advanced melanoma, renal cell carcinoma or NSCLC\n"
            "* Part 1 (Escalation): progressed on standard therapy\n* Part 2 (Expansion), NSCLC cohorts:\n"
            "  * 1L NSCLC: no prior systemic therapy\n  * 2L NSCLC: one prior platinum doublet\n\n"
            f"Exclusion Criteria:\n\n* {ban}\n* Pregnant\n")


@pytest.mark.parametrize("ban", [
    "NSCLC: known EGFR mutation or ALK translocation",
    "For NSCLC patients: EGFR-sensitising mutation or ALK rearrangement",
    "Non-small cell lung cancer: documented EGFR mutation or ALK fusion",
    "In patients with NSCLC: known EGFR or ALK alteration",
    "NSCLC only: known activating EGFR mutation or ALK gene rearrangement",
    "For non-small cell lung cancer (NSCLC): EGFR mutation or ALK translocation",
])
def test_a_ban_labelled_nsclc_binds_every_nsclc_patient(ban: str) -> None:
    text = _multi(ban)
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"


@pytest.mark.parametrize("ban", [
    "1L NSCLC: known EGFR mutation or ALK translocation",  # one NSCLC cohort of two
    "Squamous NSCLC: known EGFR mutation or ALK translocation",
    "Melanoma: known BRAF V600E mutation",  # another cancer's
])
def test_a_narrower_or_other_label_does_not_exclude(ban: str) -> None:
    text = _multi(ban)
    assert verdict(text, EGFR_19) != "excluded"
    assert verdict(text, ALK) != "excluded"
