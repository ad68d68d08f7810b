"""A group named by the treatment it had, whose drug class holds a gene's name ("Subjects who have failed EGFR-TKI
treatment, specifically:", "Patients who have received prior ALK inhibitors must ...") is no marker group: the
shared reader had read "who have failed EGFR-TKI" as "who have EGFR", so the rule bound EGFR carriers only and an
untreated ALK or driver-negative patient was let through. A group named by its marker ("Patients who have EGFR
mutations", "who have documented ALK fusion", "who harbour ...") keeps its scope.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.reader.scope import condition_scope
from trialmatch.matching.profile import Profile

TREATED_GROUPS = [
    "Subjects who have failed EGFR-TKI treatment, specifically: a first-generation TKI",
    "Patients who have received prior ALK inhibitors must have progressed on lorlatinib",
    "Participants who have progressed on a KRAS G12C inhibitor must have received one line only",
    "Patients who have been treated with an EGFR tyrosine kinase inhibitor must have progressed on it",
    "Subjects who have previously received a ROS1 TKI: no more than two lines",
    "Patients who have relapsed after BRAF-directed therapy must have had dabrafenib",
    "Those who have completed MET inhibitor therapy must have stopped it 14 days before",
]


@pytest.mark.parametrize("text", TREATED_GROUPS)
def test_a_group_named_by_its_treatment_is_no_marker_group(text: str) -> None:
    scope = condition_scope(text)
    assert scope is None or not scope.genes


MARKER_GROUPS = [
    ("Patients who have EGFR mutations must have received osimertinib", "EGFR"),
    ("Patients who have documented ALK fusion must have received alectinib", "ALK"),
    ("Subjects who harbour a ROS1 rearrangement must have progressed on crizotinib", "ROS1"),
    ("Participants who have a KRAS G12C mutation: prior platinum required", "KRAS"),
]


@pytest.mark.parametrize(("text", "gene"), MARKER_GROUPS)
def test_near_miss_a_group_named_by_its_marker_keeps_it(text: str, gene: str) -> None:
    scope = condition_scope(text)
    assert scope is not None and gene in scope.genes


def _patient(gene: str, therapies: list[str], lines: int) -> Profile:
    return stage_iv_profile(id=gene, age=58,
                            biomarkers=[{"gene": gene, "alteration": "fusion" if gene == "ALK" else "L858R"}],
                            tested_negative=[g for g in ("EGFR", "ALK", "ROS1", "KRAS") if g != gene], pdl1_tps=10,
                            prior_therapies=therapies, prior_lines=lines)


TRIAL = ("* EGFR exon 19 deletion or L858R\n"
         "* Subjects who have failed EGFR-TKI treatment, specifically:\n"
         "  * progressed after first-line osimertinib\n"
         "* No systemic therapy other than EGFR-TKI for advanced disease\n")


def verdict(profile: Profile) -> str:
    rules = prior_therapy.parse(invented_trial(TRIAL, "* Pregnancy", "Drug X after EGFR-TKI failure in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


def test_an_untreated_patient_without_the_gene_is_held_to_the_treatment() -> None:
    assert verdict(_patient("ALK", [], 0)) == "excluded"


def test_near_miss_the_treated_carrier_still_fits() -> None:
    assert verdict(_patient("EGFR", ["osimertinib"], 1)) == "eligible"
