"""Prior-therapy sentence kinds met on an eighth blind set (older first- and second-line trials): a first line
told as failed ("First-line platinum doublet ... failed"), a target spelt out before its class ("therapy with
epidermal growth factor receptor (EGFR) inhibitors"), first-line-only wording ("No previous therapy for advanced
NSCLC is allowed", "Prior chemotherapy or any other medical treatment for advanced NSCLC (adjuvant ... allowed if
> 6 months before)"), progression on the last regimen, "refractory ... or no therapies available", the line to come
"or later", and no access to a drug ("or do not have access to osimertinib"): a fact the profile cannot show.
A false exclusion is the worst error: open wording gives unknown."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19 as EGFR
from tests.prior_therapy_cases import FULL_PANEL as GENES
from tests.prior_therapy_cases import named_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "naive-egfr": {"biomarkers": EGFR, "prior_therapies": [], "prior_lines": 0},
    "null-lines": {"biomarkers": [{"gene": "NRG1", "alteration": "fusion"}], "prior_therapies": [],
                   "prior_lines": None},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "chemo": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"]},
    "three-lines": {"tested_negative": GENES, "prior_lines": 3,
                    "prior_therapies": ["carboplatin", "paclitaxel", "nivolumab", "docetaxel", "gemcitabine"]},
    "erlotinib": {"biomarkers": EGFR, "prior_therapies": ["erlotinib"], "prior_lines": 1},
    "amivantamab": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 20 insertion"}], "prior_lines": 2,
                    "prior_therapies": ["carboplatin", "pemetrexed", "amivantamab"]},
    "capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}], "prior_lines": 1,
                   "prior_therapies": ["capmatinib"]},
    "adjuvant-only": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0},
    "io-only": {"tested_negative": GENES, "prior_therapies": ["pembrolizumab"], "prior_lines": 1},
}


verdict = partial(named_verdict, PATIENTS)


# --- 1. a first line told as failed -------------------------------------------------------------------------

FIRST_LINE_FAILED = [
    "first line chemotherapy used platinum-based doublet chemotherapy and failed.",
    "First-line platinum-based chemotherapy has failed",
    "First-line chemotherapy or chemo-immunotherapy containing platinum must have failed",
    "1st line platinum-containing doublet chemotherapy, with or without a PD-1 inhibitor, failed",
]


@pytest.mark.parametrize("sentence", FIRST_LINE_FAILED)
@pytest.mark.parametrize("who", ["chemo", "chemo-io", "chemo-io-docetaxel", "three-lines"])
def test_a_failed_first_line_sets_no_cap_on_later_lines(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", FIRST_LINE_FAILED)
@pytest.mark.parametrize("who", ["naive", "naive-egfr"])
def test_a_failed_first_line_keeps_out_the_untreated(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", FIRST_LINE_FAILED)
def test_a_failed_first_line_with_lines_unknown_is_a_question(sentence: str) -> None:
    assert verdict("null-lines", [sentence]) == "unknown"


FIRST_LINE_TO_COME = [
    # The line to come, not one that failed: a treated patient is past it.
    "First-line treatment with carboplatin and pemetrexed",
    "First-line carboplatin doublet, to be stopped if the disease progressed",
    "Eligible for first-line platinum doublet chemotherapy, unless it failed before",
]


@pytest.mark.parametrize("sentence", FIRST_LINE_TO_COME)
def test_a_first_line_to_come_still_asks_for_no_earlier_line(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("chemo-io-docetaxel", [sentence]) == "excluded"


# --- 2. a target spelt out before its class name --------------------------------------------------------------

SPELT_CLASS_BANS = [
    "Previous systemic anti-cancer therapy with human epidermal growth factor receptor 1 (HER1)/epidermal growth "
    "factor receptor (EGFR) inhibitors",
    "Prior systemic therapy with epidermal growth factor receptor (EGFR) inhibitors",
    "Previous anticancer treatment with HER1/EGFR inhibitors",
    "Prior anti-cancer therapy with vascular endothelial growth factor receptor (VEGFR) inhibitors",
]


@pytest.mark.parametrize("sentence", SPELT_CLASS_BANS)
@pytest.mark.parametrize("who", ["chemo", "chemo-io", "chemo-io-docetaxel", "io-only", "naive"])
def test_a_spelt_out_class_bans_that_class_not_every_treatment(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", SPELT_CLASS_BANS[:3])
@pytest.mark.parametrize("who", ["osimertinib", "erlotinib"])
def test_a_spelt_out_egfr_class_bans_its_drugs(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    # Not a target's name between "therapy with" and the class: the treatment is any, the class one of them.
    "Prior systemic anti-cancer therapy with curative intent, or EGFR inhibitors",
    "Prior systemic therapy (chemotherapy, EGFR inhibitors or others)",
])
def test_a_generic_treatment_not_named_by_the_class_is_not_read_as_the_class(sentence: str) -> None:
    assert verdict("chemo", exclusion=[sentence]) != "eligible"


@pytest.mark.parametrize("sentence", [
    SPELT_CLASS_BANS[0],
    "Prior treatment with HER1 inhibitors",
    "Has used EGFR inhibitors",
])
def test_an_egfr_inhibitor_ban_takes_in_the_anti_egfr_antibodies(sentence: str) -> None:
    # An EGFR inhibitor is any drug that blocks the receptor: the antibodies (amivantamab, cetuximab) too.
    assert verdict("amivantamab", exclusion=[sentence]) == "excluded"
    assert verdict("chemo", exclusion=[sentence], prior_therapies=["cisplatin", "cetuximab"]) == "excluded"
    assert verdict("capmatinib", exclusion=[sentence]) == "eligible"


# --- 3. first-line only: "no X is allowed", "X or any other treatment for advanced disease (adjuvant allowed)" ---

NO_X_ALLOWED = [
    "No previous therapy for advanced/metastatic NSCLC is allowed",
    "No prior systemic treatment for metastatic disease is permitted",
    "No previous anticancer therapy for stage IV disease is allowed",
]


@pytest.mark.parametrize("sentence", NO_X_ALLOWED)
@pytest.mark.parametrize("who", ["chemo", "osimertinib", "chemo-io-docetaxel", "io-only"])
def test_no_earlier_therapy_allowed_keeps_out_the_treated(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", NO_X_ALLOWED)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "adjuvant-only"])
def test_no_earlier_therapy_allowed_lets_in_the_untreated(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", NO_X_ALLOWED)
def test_no_earlier_therapy_allowed_with_lines_unknown_is_a_question(sentence: str) -> None:
    assert verdict("null-lines", [sentence], prior_therapies=["carboplatin"]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "No more than 2 prior lines of therapy are allowed",
    "No restriction on prior lines; prior immunotherapy is allowed",
    "No washout is needed: prior chemotherapy is allowed",
])
def test_a_count_or_a_lifted_limit_is_no_ban(sentence: str) -> None:
    assert verdict("chemo", [sentence]) != "excluded"
    assert verdict("chemo-io", [sentence]) != "excluded"


ANY_OTHER_FOR_ADVANCED = [
    "Prior chemotherapy or any other medical treatment for advanced NSCLC (previous neoadjuvant or adjuvant "
    "chemotherapy is allowed if > 6 months before randomisation)",
    "Prior chemotherapy or any other treatment for metastatic disease",
    "Previous targeted therapy and/or any other systemic therapy for advanced NSCLC (adjuvant chemotherapy "
    "permitted if completed at least 12 months before enrolment)",
]


@pytest.mark.parametrize("sentence", ANY_OTHER_FOR_ADVANCED)
@pytest.mark.parametrize("who", ["osimertinib", "io-only", "capmatinib"])
def test_any_other_treatment_for_advanced_disease_keeps_out_the_treated(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", ANY_OTHER_FOR_ADVANCED[:2])
def test_any_other_treatment_for_advanced_disease_keeps_out_chemotherapy_too(sentence: str) -> None:
    assert verdict("chemo", exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", ANY_OTHER_FOR_ADVANCED)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "adjuvant-only"])
def test_any_other_treatment_for_advanced_disease_lets_in_the_untreated(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    # A washout: the window is the ban's own, or the aside allows the same drug after a pause.
    "Prior EGFR TKI (allowed if stopped more than 8 days before randomisation)",
    "Prior chemotherapy within 4 weeks (adjuvant chemotherapy allowed)",
])
def test_a_washout_beside_an_allowance_is_no_ban(sentence: str) -> None:
    assert verdict("osimertinib", exclusion=[sentence]) == "eligible"
    assert verdict("chemo", exclusion=[sentence]) == "eligible"


# --- 4. signal transduction inhibitors, progression on the last regimen, nothing left or nothing available ------

@pytest.mark.parametrize("sentence", [
    "Prior anticancer therapy with monoclonal antibodies, signal transduction inhibitors, or any therapies "
    "targeting the epidermal growth factor receptor (EGFR) or VEGF receptor",
    "Previous treatment with a signal transduction inhibitor",
    "Prior small-molecule kinase inhibitors",
])
def test_signal_transduction_inhibitors_are_the_kinase_inhibitors(sentence: str) -> None:
    assert verdict("osimertinib", exclusion=[sentence]) == "excluded"
    assert verdict("capmatinib", exclusion=[sentence]) == "excluded"
    assert verdict("chemo", exclusion=[sentence]) == "eligible"
    assert verdict("naive", exclusion=[sentence]) == "eligible"


PROGRESSED_ON_LAST = [
    "Progressive disease during or after last treatment regimen.",
    "Progressive disease on or after the most recent systemic therapy",
    "Progressive disease following prior therapy",
]


@pytest.mark.parametrize("sentence", PROGRESSED_ON_LAST)
def test_progressive_disease_on_the_last_regimen_asks_for_one(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("naive-egfr", [sentence]) == "excluded"
    assert verdict("chemo", [sentence]) == "eligible"
    assert verdict("chemo-io-docetaxel", [sentence]) == "eligible"
    # Treated only before surgery: a relapse after it may be the progression meant.
    assert verdict("adjuvant-only", [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Progressive disease after radiotherapy to the chest",
    "Progressive disease in the brain after local therapy",
])
def test_progressive_disease_after_local_treatment_asks_for_no_line(sentence: str) -> None:
    assert verdict("naive", [sentence]) != "excluded"


REFRACTORY_TO_AVAILABLE = [
    "Refractory to currently available treatment",
    "Disease refractory to available therapies",
    "Refractory to approved therapies",
]


@pytest.mark.parametrize("sentence", REFRACTORY_TO_AVAILABLE)
def test_refractory_to_available_treatment_asks_for_a_line(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("chemo", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Refractory to currently available treatment or no therapies available.",
    "Refractory to approved therapies, or no treatment is available",
    "Disease refractory to available therapies or for which no other therapy is available",
])
def test_refractory_or_nothing_available_is_a_question_for_the_untreated(sentence: str) -> None:
    # Nothing available is a way in the profile cannot show (no access, no approval where the patient lives).
    assert verdict("naive", [sentence]) == "unknown"
    assert verdict("naive-egfr", [sentence]) == "unknown"
    assert verdict("chemo", [sentence]) == "eligible"


def test_refractory_or_no_standard_therapy_still_keeps_out_the_untreated() -> None:
    # Standard first-line therapy exists for every stage IV NSCLC: no way in for an untreated patient.
    assert verdict("naive", ["Refractory to standard therapy or for whom no standard therapy exists"]) == "excluded"


# --- 5. the line to come "or later"; no access to a drug -------------------------------------------------------

LINE_OR_LATER_TO_COME = [
    "Patients eligible for second-line or later therapy",
    "Patients who are scheduled to receive second-line or later treatment with docetaxel plus ramucirumab",
    "Candidates for second line and beyond treatment",
    "Suitable for 2nd-line or subsequent systemic therapy",
]


@pytest.mark.parametrize("sentence", LINE_OR_LATER_TO_COME)
@pytest.mark.parametrize("who", ["chemo-io", "chemo-io-docetaxel", "three-lines", "osimertinib"])
def test_a_line_or_later_to_come_sets_no_cap(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", LINE_OR_LATER_TO_COME)
def test_a_line_or_later_to_come_still_asks_for_the_lines_before_it(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"


def test_an_exact_line_to_come_still_caps() -> None:
    assert verdict("chemo-io-docetaxel", ["Patients eligible for second-line therapy"]) == "excluded"
    assert verdict("three-lines", ["Candidates for second- or third-line treatment"]) == "excluded"


ACCESS_ALTERNATIVE = [
    "Patients who progressed on osimertinib or who do not have access to it",
    "Progressed on osimertinib, or osimertinib is not reimbursed locally",
    "Progression after osimertinib or no access to osimertinib",
    "Progressed on prior osimertinib, or lack access to osimertinib in their country",
]


@pytest.mark.parametrize("sentence", ACCESS_ALTERNATIVE)
def test_no_access_is_a_way_in_the_profile_cannot_show(sentence: str) -> None:
    assert verdict("osimertinib", [sentence]) == "eligible"
    assert verdict("naive-egfr", [sentence]) == "unknown"
    assert verdict("chemo", [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Patients who have progressed on, are intolerant of, or do not have access to osimertinib",
    "No access to osimertinib in the patient's country",
    "Patients without access to amivantamab",
])
@pytest.mark.parametrize("section", ["inclusion", "exclusion"])
def test_no_access_is_never_a_ban_on_the_drug(sentence: str, section: str) -> None:
    lists = {section: [sentence]}
    assert verdict("osimertinib", **lists) != "excluded"
    assert verdict("amivantamab", **lists) != "excluded"


def test_a_ban_beside_a_reimbursement_note_still_bans() -> None:
    sentence = "Prior osimertinib is not allowed; osimertinib not reimbursed in this country"
    assert verdict("osimertinib", exclusion=[sentence]) == "excluded"
    assert verdict("naive-egfr", exclusion=[sentence]) == "eligible"
