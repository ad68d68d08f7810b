"""Marker cohorts listed under one study part's heading ("Dose-expansion cohorts only: * NSCLC, KRAS G12C
inhibitor-experienced: ... * NSCLC, KRAS G12C inhibitor-naive: ...") are cohorts inside that part, not a second
part beside it. The heading leaves the trial's other part (dose escalation) open on the rules every part shares, as
it already did for cohorts named without a marker. Before, a cohort named by its marker lost its part, the criteria
seemed to name two parts and the escalation part was dropped: a pretreated patient who fits neither cohort was
excluded from the whole trial.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

COMMON = "Received prior standard therapy for advanced disease, or is unlikely to benefit from it"


def _pretreated(*drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": 1}


def _carrier(gene: str, alteration: str, *drugs: str) -> dict[str, object]:
    return {"biomarkers": [{"gene": gene, "alteration": alteration}], "prior_therapies": list(drugs),
            "prior_lines": 1 if drugs else 0}


def _part(heading: str, *cohorts: str) -> str:
    return heading + "\n\n" + "\n".join(f"  * {cohort}" for cohort in cohorts)


# (the part with its marker cohorts, a pretreated patient who fits none of them)
CASES = [
    (_part("Dose-expansion cohorts only:",
           "NSCLC, KRAS G12C inhibitor-experienced: must have progressed on a prior KRAS G12C inhibitor (e.g., "
           "sotorasib, adagrasib)",
           "NSCLC, KRAS G12C inhibitor-naive: must have received platinum-based chemotherapy and an anti-PD-1 "
           "antibody"),
     _pretreated("osimertinib")),
    (_part("Expansion cohorts:",
           "EGFR-mutant NSCLC, TKI-pretreated: must have progressed on osimertinib",
           "EGFR-mutant NSCLC, TKI-naive: no prior EGFR tyrosine kinase inhibitor and one prior platinum doublet"),
     _pretreated("selpercatinib")),
    (_part("Dose expansion only:",
           "ALK-positive NSCLC after lorlatinib: must have received lorlatinib",
           "ALK-positive NSCLC after a second-generation inhibitor: must have received alectinib or brigatinib"),
     _pretreated("carboplatin", "pemetrexed", "pembrolizumab")),
    (_part("Dose-expansion cohorts only:",
           "ROS1-rearranged NSCLC, crizotinib-pretreated: prior crizotinib is required",
           "ROS1-rearranged NSCLC, TKI-naive: no prior ROS1 inhibitor; up to 1 prior chemotherapy regimen"),
     _pretreated("capmatinib")),
    (_part("Expansion phase:",
           "HER2-mutant NSCLC, ADC-experienced: must have received trastuzumab deruxtecan",
           "HER2-mutant NSCLC, ADC-naive: must have received a platinum-based regimen and no prior HER2 ADC"),
     _pretreated("docetaxel")),
    (_part("Dose-expansion cohorts only:",
           "BRAF V600E NSCLC, BRAF/MEK-experienced: must have progressed on dabrafenib plus trametinib",
           "BRAF V600E NSCLC, BRAF/MEK-naive: must have received platinum-based chemotherapy"),
     _pretreated("gefitinib")),
]


@pytest.mark.parametrize(("part", "patient"), CASES)
def test_the_part_outside_the_cohorts_stays_open(part: str, patient: dict[str, object]) -> None:
    assert prior_verdict(patient, [COMMON, part]) == "eligible"


@pytest.mark.parametrize(("part", "patient"), CASES)
def test_a_patient_with_no_treatment_is_no_better_off(part: str, patient: dict[str, object]) -> None:
    # The shared rule asks for earlier treatment (or the investigator's word): a question, never eligible.
    assert prior_verdict({"prior_therapies": [], "prior_lines": 0}, [COMMON, part]) != "eligible"


def test_a_ban_every_part_shares_still_binds() -> None:
    part = CASES[0][0]
    assert prior_verdict(_pretreated("docetaxel", "divarasib"), [COMMON, part],
                         ["Prior treatment with divarasib or any other direct KRAS inhibitor"]) == "excluded"


def test_a_cohort_the_patient_fits_still_takes_the_patient() -> None:
    part = CASES[0][0]
    patient = _carrier("KRAS", "G12C", "sotorasib")
    assert prior_verdict(patient, [COMMON, part]) == "eligible"


def test_two_parts_with_rules_of_their_own_leave_no_third_way_in() -> None:
    # Both parts are named with their own rules: no rule-free part is left for a patient who fits neither (the
    # verdict it had before, a question on the escalation's line count, stays).
    escalation = "Dose escalation: must have progressed on at least 3 prior lines of systemic therapy"
    assert prior_verdict(_pretreated("osimertinib"), [COMMON, escalation, CASES[0][0]]) == "unknown"
