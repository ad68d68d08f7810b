"""Being outside one population of a "one of the following populations" split closes that way in: "EGFR wild-type
NSCLC: has received platinum ... Participants with other actionable alterations must also have received ..." is no
way in for an EGFR carrier, even for the population's later sentence, which keeps the label but names no gene (Y kind
1, PT half). The mutant population's own rule then decides.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_OTHERS = ["ALK", "ROS1", "RET", "BRAF", "MET", "KRAS", "ERBB2"]
_EGFR_NAIVE = {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": _OTHERS,
               "prior_therapies": [], "prior_lines": 0}
# Carriers treated as the wild-type population asks (platinum, a PD-(L)1 agent, a targeted drug), never osimertinib.
_EGFR_CHEMO_IO = {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": _OTHERS,
                  "prior_therapies": ["gefitinib", "carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 2}
_EX20_CHEMO_IO = {"biomarkers": [{"gene": "EGFR", "alteration": "exon 20 insertion"}], "tested_negative": _OTHERS,
                  "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "amivantamab"], "prior_lines": 2}
_EGFR_OSI = {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}], "tested_negative": _OTHERS,
             "prior_therapies": ["osimertinib"], "prior_lines": 1}


def _split(part: str, lead: str, mutant: str, wild: str, other: str, second: str) -> list[str]:
    return [f"{part}:\n  * {lead}:\n    * {mutant}\n    * {wild}\n  * {other}", second]


SPLITS = [
    _split("Module 1 (drug X monotherapy)", "NSCLC: non-squamous NSCLC of one of the following populations",
           "EGFRm NSCLC: documented EGFR mutation (Ex19del or L858R) that progressed on or after osimertinib",
           "EGFR wild-type NSCLC: has received platinum-based chemotherapy and an anti-PD-(L)1 agent. Participants "
           "with other actionable genomic alterations (eg, ALK, ROS1, RET, BRAF, MET exon 14 skipping, NTRK) must "
           "also have received at least one approved targeted therapy for that alteration",
           "HNSCC: recurrent HNSCC with progression on platinum-based therapy",
           "Module 2 (drug X + osimertinib): Disease progression on first-line osimertinib; no more than 1 prior line"),
    _split("Part A", "Lung cancer (NSCLC) in one of these subgroups",
           "EGFR-mutant NSCLC: disease progression on a third-generation EGFR TKI such as osimertinib",
           "EGFR WT NSCLC: prior platinum doublet chemotherapy and a PD-1 inhibitor. Patients with another driver "
           "alteration (such as ALK, ROS1, BRAF V600E, RET, MET exon 14 skipping or NTRK) must also have received at "
           "least one approved TKI for that alteration",
           "Urothelial carcinoma: progressed after platinum chemotherapy",
           "Part B: progression on first-line osimertinib, at most one prior line for advanced disease"),
    _split("Cohort-2", "NSCLC (non-squamous), one of the following populations",
           "EGFR-mutated NSCLC: progressed on osimertinib",
           "EGFR-negative NSCLC: treated with platinum-based chemotherapy plus immunotherapy. Patients with other "
           "actionable genomic alterations (e.g. ALK, ROS1, BRAF, MET exon 14, RET, NTRK) must also have received "
           "an approved targeted therapy for that alteration",
           "Gastric cancer: after at least one prior platinum-containing regimen",
           "Cohort-3: disease progression on first-line osimertinib monotherapy; no more than one prior line"),
]


@pytest.mark.parametrize("inclusion", SPLITS)
@pytest.mark.parametrize("patient", [_EGFR_CHEMO_IO, _EX20_CHEMO_IO])
def test_a_carrier_treated_as_the_wild_type_population_asks_is_out(inclusion: list[str],
                                                                  patient: dict[str, object]) -> None:
    assert prior_verdict(patient, inclusion) == "excluded"


@pytest.mark.parametrize("inclusion", SPLITS[:2])
def test_an_untreated_carrier_is_out(inclusion: list[str]) -> None:
    assert prior_verdict(_EGFR_NAIVE, inclusion) == "excluded"


@pytest.mark.parametrize("inclusion", SPLITS)
def test_a_carrier_treated_as_the_mutant_population_asks_is_in(inclusion: list[str]) -> None:
    assert prior_verdict(_EGFR_OSI, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", [
    ["Part A: NSCLC after at least one prior line of systemic therapy for advanced disease",
     "Part A: EGFR wild-type patients must have received platinum-based chemotherapy"],
    ["Cohort 1: advanced NSCLC progressed on at least one prior therapy. For patients without EGFR mutations, prior "
     "platinum-based chemotherapy is required"],
])
def test_a_condition_on_wild_type_patients_is_no_population_split(inclusion: list[str]) -> None:
    # Not "one of the following populations": a carrier is simply not bound by the wild-type condition.
    assert prior_verdict(_EGFR_OSI, inclusion) == "eligible"
