"""Cohort lines that name their marker group with "with or without": "Cohort 2: NSCLC with EGFR exon 19 deletion or
L858R (with or without T790M) that progressed on osimertinib ...". "Without" was read as a negation, so the cohort
was taken for one that admits EGFR negatives; and a sibling "NSCLC without known EGFR ... alterations, ..." lost its
"without" to the subject words ("with" matched inside it) and was read as an EGFR carriers' cohort. Together they
shut a driver-negative patient out of the driver-negative cohort and bound them by the EGFR cohort's osimertinib.
"With or without X" is no negation (the cohort's carriers, either way), and "without" is never "with".

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import invented_patient, prior_verdict
from trialmatch.criteria.rules.prior_therapy.scope_cohort_marker import (
    cohort_genes,
    cohort_marker,
    cohort_takes_negatives,
)

CHEMO_IO_KRAS = invented_patient([("KRAS", "G12C")], ["carboplatin", "pemetrexed", "pembrolizumab"], 1)
CHEMO_IO_HER2 = invented_patient([("ERBB2", "exon 20 insertion")], ["cisplatin", "pemetrexed", "nivolumab"], 1)
CHEMO_IO_SQUAMOUS = invented_patient([], ["carboplatin", "paclitaxel", "pembrolizumab"], 1, histology="squamous",
                                     negative=[])
NAIVE = invented_patient([], [], 0)

LEAD = "Advanced or metastatic disease in one of the following cohorts:"
LAYOUTS = [
    ["Cohort 1: NSCLC without known EGFR, ALK or ROS1 alterations, with progression on or after platinum-based "
     "chemotherapy and an anti-PD-1 or anti-PD-L1 antibody",
     "Cohort 2: NSCLC with EGFR exon 19 deletion or L858R (with or without T790M) that progressed on osimertinib "
     "and on platinum-based chemotherapy"],
    ["Cohort A: NSCLC without an actionable EGFR or ALK alteration, after platinum doublet and immunotherapy",
     "Cohort B: ALK-rearranged NSCLC (with or without brain metastases) after alectinib or lorlatinib"],
    ["Arm 1: non-squamous or squamous NSCLC without EGFR mutation, previously treated with platinum-based "
     "chemotherapy and a PD-1 inhibitor",
     "Arm 2: NSCLC with ROS1 fusion, with or without prior chemotherapy, after crizotinib or entrectinib"],
    ["Cohort 1: patients without EGFR, ALK, ROS1 or RET alterations, who progressed after platinum and anti-PD-(L)1 "
     "therapy",
     "Cohort 2: NSCLC with RET fusion (with/without CNS metastases) that progressed on selpercatinib or "
     "pralsetinib"],
    ["Cohort 1: NSCLC without a known sensitizing EGFR mutation, after chemotherapy and checkpoint inhibitor",
     "Cohort 2: NSCLC with EGFR L858R, with or without a concurrent TP53 mutation, after a third-generation EGFR TKI"],
]


@pytest.mark.parametrize("cohorts", LAYOUTS)
@pytest.mark.parametrize("patient", [CHEMO_IO_KRAS, CHEMO_IO_HER2, CHEMO_IO_SQUAMOUS])
def test_pretreated_patient_outside_the_driver_cohort_is_not_excluded(cohorts: list[str],
                                                                      patient: dict[str, object]) -> None:
    assert prior_verdict(patient, inclusion=[LEAD, *(f"  * {c}" for c in cohorts)]) != "excluded"


@pytest.mark.parametrize("cohorts", LAYOUTS)
def test_near_miss_untreated_patient_fits_no_cohort(cohorts: list[str]) -> None:
    # Both cohorts ask for earlier treatment: an untreated patient is in neither.
    assert prior_verdict(NAIVE, inclusion=[LEAD, *(f"  * {c}" for c in cohorts)]) == "excluded"


@pytest.mark.parametrize("line", [
    "Cohort 2: NSCLC with EGFR exon 19 deletion or L858R (with or without T790M) that progressed on osimertinib",
    "Cohort B: ALK-rearranged NSCLC (with or without brain metastases) after alectinib",
    "Arm 3: NSCLC with KRAS G12C mutation, with and without STK11 co-mutation, after sotorasib",
])
def test_with_or_without_names_carriers(line: str) -> None:
    assert cohort_takes_negatives(line) == []
    assert cohort_genes(line)


@pytest.mark.parametrize("line", [
    "Cohort 1: NSCLC without known EGFR, ALK or ROS1 alterations, after platinum-based chemotherapy",
    "Cohort 3: NSCLC without MET amplification, MET TKI naive",
    "Cohort A: tumours without ALK fusion, after chemotherapy",
])
def test_without_is_no_carriers_marker(line: str) -> None:
    assert cohort_marker(line) is None
    assert cohort_takes_negatives(line)


def test_near_miss_marker_with_state_still_read() -> None:
    # "with" as the subject's word still opens a marker-plus-state cohort.
    assert cohort_marker("Cohort 1: NSCLC with MET exon 14 skipping mutation, MET TKI naive") is not None
