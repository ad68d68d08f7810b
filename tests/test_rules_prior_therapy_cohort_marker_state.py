"""A cohort defined by marker plus therapy state ("Cohort 1: MET exon 14 skipping mutation, MET TKI naive"): the
therapy state is a way in only for patients who could be in the cohort. A patient tested negative for the cohort's
gene, or carrying another alteration of it, is not credited with it; an untested patient still is."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import panel_profile as _profile
from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.prior_therapy.scope_cohort_marker import cohort_marker

NEGATIVE_NAIVE = _profile([], [], 0)
UNTESTED_NAIVE = _profile([], [], 0, tested=False)


def _verdict(text: str, profile: Any) -> str:
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": text}}}
    return DIMENSIONS["prior_therapy"].check(parse_record(rec)["prior_therapy"], profile).verdict


def _trial(naive_cohort: str, treated_cohort: str) -> str:
    return (f"Inclusion Criteria:\n\n* Advanced NSCLC\n* Expansion cohorts:\n  * {naive_cohort}\n"
            f"  * {treated_cohort}\n\nExclusion Criteria:\n\n* Pregnancy")


# (the cohort whose therapy state is "naive", a sibling that asks for earlier treatment, a carrier of the marker)
# (the cohort whose therapy state is "naive", a sibling that takes the gene's negatives and asks for earlier
# treatment, a carrier of the marker)
CASES = [
    ("Cohort 1: MET exon 14 skipping mutation, MET TKI naive",
     "Cohort 2: MET overexpression by IHC without MET exon 14 skipping, after at least one prior line of therapy",
     {"gene": "MET", "alteration": "exon 14 skipping"}),
    ("Cohort A: RET fusion, treatment-naive for advanced disease",
     "Cohort B: RET protein expression by IHC without RET fusion, after at least one prior line of systemic therapy",
     {"gene": "RET", "alteration": "fusion"}),
    ("Arm 2 - ALK rearrangement, no prior systemic therapy in the metastatic setting",
     "Arm 3 - ALK protein expression without ALK rearrangement, after at least one prior line of therapy",
     {"gene": "ALK", "alteration": "fusion"}),
    ("Phase 2 Cohort 3: NSCLC with a KRAS G12C mutation, previously untreated",
     "Phase 2 Cohort 4: KRAS protein expression by IHC, after one or two prior lines of therapy",
     {"gene": "KRAS", "alteration": "G12C"}),
    ("Cohort 5: BRAF V600E mutation, treatment naive",
     "Cohort 6: BRAF protein overexpression (IHC 3+), progression after at least one prior line of therapy",
     {"gene": "BRAF", "alteration": "V600E"}),
    ("Group 1: ROS1 fusion-positive tumours, TKI-naive and chemotherapy-naive",
     "Group 2: lacking a ROS1 fusion, after at least 1 prior line of systemic treatment",
     {"gene": "ROS1", "alteration": "fusion"}),
]


@pytest.mark.parametrize(("naive", "treated", "carrier"), CASES)
def test_the_state_is_not_credited_to_marker_negative(naive: str, treated: str, carrier: dict[str, str]) -> None:
    text = _trial(naive, treated)
    assert _verdict(text, NEGATIVE_NAIVE) == "excluded"  # the marker cohort is shut; the other asks for a line
    assert _verdict(text, _profile([carrier], [], 0)) == "eligible"  # the carrier fits the naive cohort
    assert _verdict(text, UNTESTED_NAIVE) != "excluded"  # untested: may be in the marker cohort


def test_another_alteration_of_the_gene_shuts_the_cohort() -> None:
    text = _trial("Cohort 1: EGFR exon 20 insertion, treatment-naive",
                  "Cohort 2: EGFR protein overexpression without exon 20 insertion, after at least one prior line")
    assert _verdict(text, _profile([{"gene": "EGFR", "alteration": "L858R"}], [], 0)) == "excluded"


# Near misses: the cohort's first clause is not a genomic finding alone; read as before (the state is credited).
NEAR_MISSES = [
    "Cohort 1: MET overexpression by IHC, MET TKI naive",  # a protein test a gene-level negative does not rule out
    "Cohort 1: without EGFR or ALK alterations, treatment-naive",  # the cohort is the negatives
    "Cohort 1: PD-L1 TPS >= 50%, treatment-naive",  # no gene
    "Cohort 1: treatment-naive",  # no marker at all
]


@pytest.mark.parametrize("naive", NEAR_MISSES)
def test_near_misses_keep_the_state(naive: str) -> None:
    text = _trial(naive, "Cohort 2: EGFR wild-type NSCLC after at least one prior line of therapy")
    assert _verdict(text, NEGATIVE_NAIVE) != "excluded"


@pytest.mark.parametrize("naive", NEAR_MISSES)
def test_near_misses_read_no_cohort_marker(naive: str) -> None:
    assert cohort_marker(naive) is None


def test_marker_sibling_cohort_keeps_the_old_reading() -> None:
    # Every cohort is a marker group the patient lacks: the biomarker dimension's question, eligible here as before.
    text = _trial("Cohort 1: ROS1 fusion, TKI-naive",
                  "Cohort 2: ROS1 fusion-positive NSCLC with progression on one prior ROS1 TKI")
    assert _verdict(text, _profile([], [], 0)) == "eligible"


def test_no_sibling_for_the_negatives_keeps_the_old_reading() -> None:
    # Every cohort asks for a marker: which one the patient carries is the biomarker dimension's question, and the
    # naive cohort's state is credited as before (the labels' convention).
    text = _trial("Cohort A - EGFR exon 20 insertion, no prior systemic therapy for advanced disease",
                  "Cohort B - HER2 exon 20 insertion, at least 1 prior systemic regimen for advanced disease")
    assert _verdict(text, _profile([{"gene": "EGFR", "alteration": "L858R"}], [], 0)) != "excluded"
