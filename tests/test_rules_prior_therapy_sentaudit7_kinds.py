"""Prior-therapy kinds from the sentence audits S11-S12 (invented sentences of each kind, and near misses).

All were false exclusions: an exclusion lead-in to a washout list ("Prior treatment with the following therapies
(...):") read as "no earlier treatment"; a washout whose length is told elsewhere ("within specified periods"); a
stability condition ("without evidence of progression that requires a change in treatment") read as "at least 1
line"; a trailing cohort qualifier ("... to be included in Part B, Cohort 2") dropped; a late way in ("In order to
enter the study after starting commercial X, subjects must ...") read as "X required"; "can continue prior X during
the DLT period" read as "X required"; "more than 1 prior line of any other PARPi-based regimen" read as a cap on all
lines; "Actionable gene alterations are eligible if failed targeted therapeutic options" ignored.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE, named_verdict
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": ["EGFR", "ALK"], "prior_therapies": [], "prior_lines": 0},
    "chemo_io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "tested_negative": ["EGFR", "ALK"],
                 "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
    "two_lines": {"tested_negative": ["EGFR", "ALK"], "prior_lines": 2,
                  "prior_therapies": ["cisplatin", "gemcitabine", "nivolumab", "docetaxel"]},
    "egfr_naive": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": ["ALK"],
                   "prior_therapies": [], "prior_lines": 0},
    "egfr_post_osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                              "tested_negative": ["ALK"], "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "alk_naive": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": ["EGFR"],
                  "prior_therapies": [], "prior_lines": 0},
    "alk_post_alectinib": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": ["EGFR"],
                           "prior_therapies": ["alectinib"], "prior_lines": 1},
    "ret_post_selpercatinib": {"biomarkers": [{"gene": "RET", "alteration": "fusion"}],
                               "tested_negative": ["EGFR", "ALK"], "prior_therapies": ["selpercatinib"],
                               "prior_lines": 1},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return named_verdict(PATIENTS, who, inclusion, exclusion, **extra)


# --- 1. An exclusion lead-in to a washout list, and a washout told elsewhere ---------------------------------------

LIST_LEAD_INS = [
    "Prior treatment with the following therapies (specified time periods are from last dose of prior treatment to "
    "first dose of study drug):",
    "Has received the following anticancer therapies before the first dose:",
    "Previous systemic treatment as listed below:",
    "Received any of the following prior treatments (periods counted from the last dose):",
    "Other prior chemotherapy, immunotherapy or targeted therapy within specified periods as defined in the protocol.",
    "Prior anticancer treatment within the protocol-specified washout periods.",
]


@pytest.mark.parametrize("sentence", LIST_LEAD_INS)
def test_a_lead_in_to_a_washout_list_bans_no_earlier_treatment(sentence: str) -> None:
    assert verdict("chemo_io", exclusion=[sentence]) == "eligible"


def _nested_verdict(who: str) -> str:
    text = invented_trial("* Stage IV NSCLC\n",
                          "* Prior treatment with the following therapies (time from last dose):\n"
                          "  * Anti-PD-1 or anti-PD-L1 antibody at any time.\n  * Chemotherapy within 3 weeks.\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **PATIENTS[who]})).verdict


def test_the_items_under_the_lead_in_still_ban() -> None:
    assert _nested_verdict("chemo_io") == "excluded"
    assert _nested_verdict("naive") == "eligible"


@pytest.mark.parametrize("sentence", ["Prior systemic therapy for advanced or metastatic disease.",
                                      "Prior chemotherapy for metastatic NSCLC."])
def test_a_plain_ban_stays(sentence: str) -> None:
    assert verdict("chemo_io", exclusion=[sentence]) == "excluded"


# --- 2. A stability condition is no line had ------------------------------------------------------------------------

STABILITY = [
    "Patients should be clinically stable without evidence of clinical progression or symptomatic deterioration that "
    "requires change in cancer treatment.",
    "Clinically stable, with no progression requiring a change of anticancer therapy.",
    "Without evidence of symptomatic progression that would require switching systemic therapy.",
    "Without evidence of radiographic progression following the last systemic therapy.",
    "There is no evidence of radiographic central nervous system (CNS) progression following therapy.",
    "Scans within 14 days of randomisation must show that patients do not have progression requiring a change in "
    "systemic treatment.",
]


@pytest.mark.parametrize("sentence", STABILITY)
def test_a_stability_condition_asks_no_earlier_line(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ["Radiological progression following at least one prior systemic therapy.",
                                      "Progression on prior systemic therapy for advanced disease."])
def test_progression_on_earlier_treatment_is_still_asked(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"


def test_being_on_a_named_class_without_progression_still_asks_for_it() -> None:
    sentence = "Must be on a tyrosine kinase inhibitor at a stable dose for at least 8 weeks without progression."
    assert verdict("naive", [sentence]) == "excluded"


# --- 3. A trailing cohort qualifier ---------------------------------------------------------------------------------

COHORT_TAILS = [
    ("chemo_io", "Received at least 1 dose of a G12C inhibitor to be included in Part B, Cohort 2."),
    ("chemo_io", "Prior treatment with a KRAS G12C inhibitor is required to be enrolled in Cohort 3."),
    ("egfr_naive", "Prior osimertinib is required to be included in Cohort B."),
    ("naive", "Patients must have received a PD-1 inhibitor to be enrolled in Part 2."),
    ("alk_naive", "Progression on alectinib is needed for participation in Arm C."),
]


@pytest.mark.parametrize(("who", "sentence"), COHORT_TAILS)
def test_a_rule_for_one_cohort_does_not_bind_everyone(who: str, sentence: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


def test_an_exception_for_a_cohort_is_not_that_cohort_s_rule() -> None:
    sentence = "Received prior immunotherapy, except patients enrolled in cohort B."
    assert verdict("chemo_io", exclusion=[sentence]) == "unknown"


def test_a_rule_without_a_cohort_still_binds() -> None:
    assert verdict("chemo_io", ["Must have received at least one dose of a KRAS G12C inhibitor."]) == "excluded"


# --- 4. A later way in for patients already on a drug ---------------------------------------------------------------

LATE_ENTRY = [
    ("egfr_naive", "In order to enter the study after starting commercial osimertinib, subjects must meet all "
                   "criteria above and must not have progressed during the first 3 months of osimertinib."),
    ("alk_naive", "To enroll after starting commercial alectinib, participants must have baseline imaging and no "
                  "progression during the first 3 months of alectinib."),
    ("naive", "Subjects who began first-line carboplatin and pemetrexed before consent must have received no more "
              "than one cycle."),
    ("egfr_naive", "Participants who initiated standard-of-care osimertinib before enrolment must have been on it "
                   "for less than 12 weeks."),
]


@pytest.mark.parametrize(("who", "sentence"), LATE_ENTRY)
def test_a_late_way_in_asks_nothing_of_untreated_patients(who: str, sentence: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


def test_a_late_way_in_is_met_by_those_on_the_drug() -> None:
    assert verdict("alk_post_alectinib", [LATE_ENTRY[1][1]]) == "eligible"


def test_a_course_of_the_drug_is_still_asked() -> None:
    sentence = "Participants must have received at least 3 months of osimertinib without progression."
    assert verdict("egfr_naive", [sentence]) == "excluded"


# --- 5. "Can continue prior X" lets, it does not ask ----------------------------------------------------------------

CONTINUE = [
    "Patients on DL1 and DL2 can continue prior checkpoint inhibitors and HER2 targeted agents during the DLT "
    "evaluation period.",
    "Participants can continue prior EGFR TKIs and MET inhibitors during the DLT evaluation period.",
    "Patients may continue prior anti-PD-1 therapy during the first cycle.",
    "Subjects are allowed to continue their prior osimertinib during the run-in.",
]


@pytest.mark.parametrize("sentence", CONTINUE)
@pytest.mark.parametrize("who", ["naive", "egfr_post_osimertinib"])
def test_continuing_a_drug_is_no_requirement(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


def test_having_had_the_drugs_is_still_asked() -> None:
    sentence = "Patients must have received prior checkpoint inhibitors and HER2 targeted agents."
    assert verdict("naive", [sentence]) == "excluded"


# --- 6. Lines of a class the vocabulary cannot name ------------------------------------------------------------------

UNNAMED_CLASS_CAPS = [
    "Patients have received prior therapy with the study drug or more than 1 prior line of any other PARPi-based "
    "regimen",
    "More than one prior line of any other CDK4/6 inhibitor-based regimen.",
    "More than 1 prior line of an ADC-containing regimen.",
]


@pytest.mark.parametrize("sentence", UNNAMED_CLASS_CAPS)
def test_a_cap_on_one_class_is_no_cap_on_all_lines(sentence: str) -> None:
    assert verdict("two_lines", exclusion=[sentence]) == "eligible"


def test_a_cap_on_all_lines_stays() -> None:
    sentence = "More than 1 prior line of systemic therapy for advanced disease."
    assert verdict("two_lines", exclusion=[sentence]) == "excluded"


def test_a_count_of_a_named_class_stays_that_class() -> None:
    assert verdict("naive", ["At least 1 prior line of platinum-containing chemotherapy."]) == "excluded"


# --- 7. Driver carriers let in after their targeted therapy ---------------------------------------------------------

DRIVER_ROUTES = [
    ["NSCLC progressed on standard of care including chemotherapy and an anti-PD-(L)1 antibody. Actionable gene "
     "alterations are eligible if failed targeted therapeutic options."],
    ["Must have received platinum doublet and immunotherapy. Tumours with actionable alterations qualify once the "
     "appropriate targeted agent has failed."],
    ["Prior platinum and checkpoint inhibitor required; driver-positive NSCLC is eligible if all approved targeted "
     "options have failed."],
]


@pytest.mark.parametrize("inclusion", DRIVER_ROUTES)
@pytest.mark.parametrize("who", ["egfr_post_osimertinib", "alk_post_alectinib", "ret_post_selpercatinib"])
def test_carriers_after_their_targeted_therapy_are_let_in(inclusion: list[str], who: str) -> None:
    assert verdict(who, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", DRIVER_ROUTES)
def test_the_chemo_io_requirement_still_binds_everyone_else(inclusion: list[str]) -> None:
    assert verdict("naive", inclusion) == "excluded"
    assert verdict("egfr_naive", inclusion) == "excluded"
