"""A master protocol's parts named "Sub-protocol E:", "Sub-study 2:", and a heading listing several labels each with
its own bracket ("Sub-protocols A (trametinib), B (afatinib) and D (PD-1/PD-L1 inhibitor): ...", "Cohorts 1 (drug X),
2 (drug Y) and 4 (drug Z): ..."): each names the groups its rule is for. Before, the prior-therapy reader knew no
"sub-protocol" and no label list broken by brackets, so such a part's rule bound every patient, and an untreated
patient whom a first-line part takes was held to "at least one prior line". A heading with one bracket, or a plain
sentence with brackets, reads as before.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.prior_therapy.scope import heading_cohorts
from trialmatch.matching.profile import Profile


def _patient(therapies: list[str], lines: int) -> Profile:
    return stage_iv_profile(age=59, biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                            tested_negative=["EGFR", "ALK"], pdl1_tps=30,
                            prior_therapies=therapies, prior_lines=lines)


NAIVE = _patient([], 0)
TREATED = _patient(["carboplatin", "pemetrexed", "pembrolizumab"], 1)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "Drug X in KRAS G12C solid tumours"))
    return str(prior_therapy.check(rules, profile).verdict)


LISTED = [
    ("Sub-protocols A (trametinib), B (afatinib) and D (PD-1/PD-L1 inhibitor): at least 1 prior systemic therapy",
     ("subprotocol a", "subprotocol b", "subprotocol d")),
    ("Cohorts 1 (drug X), 2 (drug Y) and 4 (drug Z): progressed on one prior line",
     ("cohort 1", "cohort 2", "cohort 4")),
    ("Arms A (monotherapy), C (with cetuximab): at least one line for metastatic disease", ("arm a", "arm c")),
    ("Sub-studies 2 (pembrolizumab combination) and 3 (docetaxel combination): prior platinum doublet",
     ("substudy 2", "substudy 3")),
    ("Parts B (expansion, NSCLC) and C (expansion, CRC): one or two prior regimens", ("part b", "part c")),
    ("Sub-protocol E (panitumumab): progressed on fluoropyrimidine", ("subprotocol e",)),
]


@pytest.mark.parametrize(("text", "labels"), LISTED)
def test_the_labels_of_such_a_heading_are_its_groups(text: str, labels: tuple[str, ...]) -> None:
    assert heading_cohorts(text, 70) == labels


LAYOUTS = [
    "* Sub-protocols A (trametinib), B (afatinib) and D (PD-1 inhibitor): at least 1 prior systemic therapy for "
    "metastatic disease\n"
    "* Sub-protocol H (carboplatin, pemetrexed):\n"
    "  * Cohort 1 (first line): no prior systemic therapy for advanced or metastatic disease\n",
    "* Sub-study 1 (drug X): progressed on at least one prior regimen for advanced disease\n"
    "* Sub-study 2 (drug X plus chemotherapy): treatment-naive for metastatic disease\n",
    "* Sub-protocol B: at least two prior lines of therapy\n"
    "* Sub-protocol C: no prior systemic therapy in the metastatic setting\n",
    "* Cohorts 1 (drug X), 2 (drug Y) and 4 (drug Z): progressed on one prior line for metastatic disease\n"
    "* Cohort 3 (first-line): no prior systemic therapy for advanced disease\n",
    "* Subprotocol F (sotorasib + RMC-4630): at least one prior systemic therapy for advanced disease\n"
    "* Subprotocol G (first-line): no previous systemic treatment for metastatic NSCLC\n",
    "* Arms A (monotherapy), B (with drug Y): disease progression after one prior line\n"
    "* Arm C (first-line): no prior systemic anticancer therapy for advanced disease\n",
]


@pytest.mark.parametrize("inclusion", LAYOUTS)
def test_each_part_is_one_way_in(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "eligible"


def test_near_miss_a_pretreated_patient_fits_the_pretreated_part() -> None:
    assert verdict(TREATED, LAYOUTS[0]) == "eligible"
    assert verdict(TREATED, LAYOUTS[1]) == "eligible"


NEAR_MISSES = [
    # a plain sentence with brackets names no group
    ("Progression on at least one prior line (chemotherapy), (immunotherapy) or (targeted therapy)", ()),
    # one bracket: read as before
    ("Part B (expansion): at least one prior line", ("part b",)),
]


@pytest.mark.parametrize(("text", "labels"), NEAR_MISSES)
def test_near_miss_other_lines_read_as_before(text: str, labels: tuple[str, ...]) -> None:
    assert heading_cohorts(text, 70) == labels


def test_near_miss_a_rule_for_everyone_still_binds_everyone() -> None:
    inclusion = ("* At least one prior line (chemotherapy or immunotherapy) for metastatic disease (any of "
                 "the approved regimens)\n* Sub-protocol C (drug X): ECOG 0-1\n")
    assert verdict(NAIVE, inclusion) != "eligible"
