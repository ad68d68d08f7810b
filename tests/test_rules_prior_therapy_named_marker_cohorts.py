"""Cohorts whose own names give their marker group, each with its own treatment requirement:

    "NSCLC cohort 1 (EGFR wild-type): must have progressed on a PD-1/PD-L1 inhibitor and platinum chemotherapy."
    "NSCLC cohort 2 (EGFR-mutant): must have progressed on an EGFR TKI."

A patient clearly outside one cohort's group (a carrier for the wild-type cohort, tested negative for the mutant one)
cannot join it. Read as "this rule is not about you", that cohort let every patient through: an untreated EGFR carrier
was eligible by the wild-type cohort, an untreated EGFR-negative patient by the mutant one (set R, 5 verdicts). Now
such a cohort is no way in, and the patient's own cohort decides.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import FULL_PANEL, prior_verdict


def _patient(gene: str | None, alteration: str, drugs: list[str]) -> dict[str, object]:
    bio = [{"gene": gene, "alteration": alteration}] if gene else []
    return {"biomarkers": bio, "tested_negative": [g for g in FULL_PANEL if g != gene], "prior_therapies": drugs,
            "prior_lines": 1 if drugs else 0}


# (cohort list; the wild-type side's qualifying patient; the carrier side's qualifying patient; the gene)
CASES = [
    (["NSCLC cohort 1 (EGFR wild-type): must have progressed on or after a PD-1/PD-L1 inhibitor and a "
      "platinum-based chemotherapy.",
      "NSCLC cohort 2 (EGFR-mutant): must have progressed on an EGFR TKI."], "EGFR", "L858R",
     ["carboplatin", "pemetrexed", "pembrolizumab"], ["osimertinib"]),
    (["Cohort A (ALK-negative NSCLC): prior platinum-based chemotherapy required",
      "Cohort B (ALK-positive NSCLC): progression on at least one ALK inhibitor"], "ALK", "EML4-ALK fusion",
     ["cisplatin", "gemcitabine"], ["alectinib"]),
    (["Cohort 1 - KRAS wild-type: patients must have received an anti-PD-(L)1 antibody",
      "Cohort 2 - KRAS G12C-mutant: patients must have received sotorasib or adagrasib"], "KRAS", "G12C",
     ["nivolumab"], ["carboplatin", "pemetrexed", "sotorasib"]),
    (["Arm-independent cohorts:",
      "Cohort 1a (EGFRm NSCLC): progressed on osimertinib",
      "Cohort 1b (EGFR wild-type NSCLC): progressed on platinum doublet chemotherapy"], "EGFR", "exon 19 deletion",
     ["carboplatin", "paclitaxel"], ["osimertinib"]),
    (["Cohort 3 (ROS1 fusion-positive): patients who failed crizotinib or entrectinib can be enrolled",
      "Cohort 4 (ROS1 wild-type): patients who failed platinum-containing chemotherapy can be enrolled"],
     "ROS1", "CD74-ROS1 fusion", ["cisplatin", "pemetrexed"], ["entrectinib"]),
    (["Expansion Cohort 2 (MET wild-type): must have had disease progression after chemotherapy",
      "Expansion Cohort 3 (MET exon 14 skipping): must have had disease progression after capmatinib or "
      "tepotinib"], "MET", "exon 14 skipping", ["carboplatin", "pemetrexed"], ["tepotinib"]),
]


@pytest.mark.parametrize(("cohorts", "gene", "alteration", "wild_drugs", "carrier_drugs"), CASES)
def test_an_untreated_carrier_fits_no_cohort(cohorts: list[str], gene: str, alteration: str,
                                             wild_drugs: list[str], carrier_drugs: list[str]) -> None:
    assert prior_verdict(_patient(gene, alteration, []), cohorts) == "excluded"


@pytest.mark.parametrize(("cohorts", "gene", "alteration", "wild_drugs", "carrier_drugs"), CASES)
def test_an_untreated_non_carrier_fits_no_cohort(cohorts: list[str], gene: str, alteration: str,
                                                 wild_drugs: list[str], carrier_drugs: list[str]) -> None:
    assert prior_verdict(_patient(None, "", []), cohorts) == "excluded"


@pytest.mark.parametrize(("cohorts", "gene", "alteration", "wild_drugs", "carrier_drugs"), CASES)
def test_each_side_qualifies_by_its_own_cohort(cohorts: list[str], gene: str, alteration: str,
                                               wild_drugs: list[str], carrier_drugs: list[str]) -> None:
    assert prior_verdict(_patient(gene, alteration, carrier_drugs), cohorts) == "eligible"
    assert prior_verdict(_patient(None, "", wild_drugs), cohorts) == "eligible"


def test_near_miss_an_untested_patient_is_not_shut_out() -> None:
    cohorts = CASES[0][0]
    untested = {"biomarkers": [], "tested_negative": [], "prior_therapies": [], "prior_lines": 0}
    assert prior_verdict(untested, cohorts) != "eligible"
    assert prior_verdict({**untested, "prior_therapies": ["osimertinib"], "prior_lines": 1}, cohorts) != "excluded"


def test_near_miss_a_lone_marker_cohort_still_is_not_about_others() -> None:
    # One cohort only, for carriers: a non-carrier is outside it; the biomarker dimension says they cannot join.
    cohorts = ["Cohort 1 (EGFR-mutant): must have progressed on an EGFR TKI"]
    assert prior_verdict(_patient(None, "", []), cohorts) == "eligible"


def test_near_miss_a_cohort_named_by_treatment_keeps_its_reading() -> None:
    cohorts = ["Cohort 1 (pembrolizumab combination): no prior systemic therapy for advanced NSCLC",
               "Cohort 2 (docetaxel combination): progressed on platinum chemotherapy"]
    assert prior_verdict(_patient("EGFR", "L858R", []), cohorts) == "eligible"


def test_near_miss_a_sign_the_reader_missed_never_shuts_a_cohort() -> None:
    # "fusion-negative" after the fusion word is not tied to the gene by the shared reader: the cohort is not
    # trusted as a carriers' cohort, so a ROS1-negative patient who had platinum is not shut out of it.
    cohorts = ["Cohort 3 (ROS1 fusion-positive): patients who failed crizotinib can be enrolled",
               "Cohort 4 (ROS1 fusion-negative): patients who failed platinum-containing chemotherapy can be enrolled"]
    assert prior_verdict(_patient(None, "", ["cisplatin", "pemetrexed"]), cohorts) != "excluded"
