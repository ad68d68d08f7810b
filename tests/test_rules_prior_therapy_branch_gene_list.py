"""Prior therapy: "progression after at least one prior regimen, i.e., either platinum-based chemotherapy, or, for
patients with EGFR, ALK, ROS1, RET, MET or BRAF alterations, targeted therapy for that alteration": the carriers'
way in names its genes as a comma list. The branch reader took only a name without commas, so the marker words
scoped the whole sentence to carriers and asked them for platinum: a carrier after a TKI was excluded. Now the list
is the branch's genes, platinum is everyone's way, and the targeted therapy is the carriers' other way."""

from __future__ import annotations

import pytest
from prior_therapy_cases import prior_verdict

PANEL = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS"]
EGFR_AFTER_TKI: dict[str, object] = {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                                     "tested_negative": [g for g in PANEL if g != "EGFR"],
                                     "prior_therapies": ["osimertinib"], "prior_lines": 1}
RET_AFTER_TKI: dict[str, object] = {"biomarkers": [{"gene": "RET", "alteration": "fusion"}],
                                    "tested_negative": [g for g in PANEL if g != "RET"],
                                    "prior_therapies": ["selpercatinib"], "prior_lines": 1}
NO_DRIVER_CHEMO: dict[str, object] = {"tested_negative": PANEL, "prior_therapies": ["carboplatin", "pemetrexed"],
                                      "prior_lines": 1}
NO_DRIVER_NAIVE: dict[str, object] = {"tested_negative": PANEL, "prior_therapies": [], "prior_lines": 0}

BRANCHES = [
    "Disease progression after at least one prior systemic regimen for advanced disease, i.e., either platinum-based "
    "chemotherapy, or, for patients with EGFR, ALK, ROS1, RET, MET or BRAF alterations, targeted therapy for that "
    "alteration.",
    "Must have progressed after platinum-based chemotherapy or, for participants with EGFR, ALK or RET alterations, "
    "an approved tyrosine kinase inhibitor",
    "Progression on or after prior platinum doublet chemotherapy, or, for patients harbouring EGFR, ALK, RET or ROS1 "
    "alterations, at least one approved targeted therapy",
    "Received platinum-based chemotherapy for metastatic disease or, for subjects with EGFR, ALK, ROS1 or RET "
    "driver alterations, targeted therapy",
    "Progressed after platinum-containing chemotherapy, or, among patients with EGFR, RET, ALK, MET or ROS1 "
    "alterations, the appropriate targeted agent",
]


@pytest.mark.parametrize("sentence", BRANCHES)
@pytest.mark.parametrize("patient", [EGFR_AFTER_TKI, RET_AFTER_TKI, NO_DRIVER_CHEMO], ids=["egfr", "ret", "chemo"])
def test_carrier_after_tki_or_anyone_after_platinum_fits(sentence: str, patient: dict[str, object]) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", BRANCHES)
def test_untreated_patient_still_fails(sentence: str) -> None:
    assert prior_verdict(NO_DRIVER_NAIVE, inclusion=[sentence]) == "excluded"


def test_branch_for_other_genes_does_not_let_a_non_listed_carrier_in_on_a_tki() -> None:
    sentence = ("Progression after platinum-based chemotherapy, or, for patients with ALK, ROS1 or RET alterations, "
                "targeted therapy")
    assert prior_verdict(EGFR_AFTER_TKI, inclusion=[sentence]) != "eligible"
