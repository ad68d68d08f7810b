"""Prior-therapy sentence kinds met on a seventh blind set (first-line chemo-IO, observational, small cell ...):
the first line in use or to come ("Use of X as first-line therapy"), ... None of them may exclude on what the
profile cannot show."""

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
    "gefitinib-osimertinib": {"biomarkers": EGFR, "prior_therapies": ["gefitinib", "osimertinib"], "prior_lines": 2},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "stage3-chemoradiation": {"histology": "large cell", "tested_negative": ["EGFR", "ALK", "ROS1"],
                              "prior_therapies": ["cisplatin", "etoposide", "durvalumab"], "prior_lines": 0},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"]},
}


verdict = partial(named_verdict, PATIENTS)


# --- 1. the first line in use or to come ----------------------------------------------------------------------

IN_USE_EGFR = [
    "Use of third-generation EGFR-TKIs approved by the national agency for NSCLC as first-line therapy",
    "Patients treated with osimertinib as first-line therapy",
    "Treatment with osimertinib or furmonertinib as first-line treatment for advanced disease",
    "Use of an approved third-generation EGFR TKI (osimertinib, aumolertinib) as front-line therapy",
    "Subjects treated with aumolertinib or osimertinib as 1L treatment",
]


@pytest.mark.parametrize("sentence", IN_USE_EGFR)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "osimertinib", "stage3-chemoradiation"])
def test_first_line_in_use_lets_in_the_untreated_and_those_on_it(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", IN_USE_EGFR)
@pytest.mark.parametrize("who", ["chemo-io", "gefitinib-osimertinib", "chemo-io-docetaxel"])
def test_first_line_in_use_keeps_out_another_first_line_or_a_second_one(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", IN_USE_EGFR)
def test_first_line_in_use_with_lines_unknown_is_a_question(sentence: str) -> None:
    assert verdict("null-lines", [sentence]) == "unknown"


def test_first_line_in_use_of_a_chemo_io_combination() -> None:
    sentence = "Treated with pembrolizumab plus chemotherapy as first-line treatment"
    assert verdict("chemo-io", [sentence]) == "eligible"
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("chemo-io-docetaxel", [sentence]) == "unknown"  # had it; whether later lines matter is open


LINE_HAD = [
    # A line had, not one in use: the drug is asked for, so an untreated patient is out.
    "Patients previously treated with osimertinib as first-line therapy",
    "Patients treated with osimertinib as first-line therapy who then progressed",
    "Have been treated with a third-generation EGFR TKI as first-line treatment",
    "Disease progression after osimertinib given as first-line therapy",
]


@pytest.mark.parametrize("sentence", LINE_HAD)
def test_a_first_line_had_still_asks_for_the_drug(sentence: str) -> None:
    assert verdict("naive-egfr", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "eligible"


def test_first_line_in_use_in_an_exclusion_is_not_this_kind() -> None:
    # An exclusion naming the first-line drug bans it; untreated patients stay in.
    assert verdict("naive-egfr", [], ["Use of osimertinib as first-line therapy"]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Planned to receive osimertinib as first-line therapy",  # not started: a patient on it is past it
    "Scheduled for treatment with osimertinib as first-line therapy",
])
def test_a_first_line_still_to_come_is_not_the_line_in_use(sentence: str) -> None:
    assert verdict("naive-egfr", [sentence]) == "eligible"
    assert verdict("osimertinib", [sentence]) == "excluded"


def test_currently_receiving_a_first_line_stays_a_question() -> None:
    assert verdict("osimertinib", ["Currently receiving osimertinib as first-line therapy"]) == "unknown"


# --- 2. "immune-mediated therapy" is immunotherapy; a vaccine carve-out leaves the ban standing -----------------

IMMUNE_MEDIATED = [
    "No prior exposure to immune-mediated therapy, excluding therapeutic anticancer vaccines",
    "No Prior exposure to Immune Mediated Therapy (IMT), including antiCTLA4, antiPD1 or antiPDL1 antibodies",
    "No prior immunemediated therapy",
    "No prior immunotherapy, except for cancer vaccines given in another study",
]


@pytest.mark.parametrize("sentence", IMMUNE_MEDIATED)
def test_immune_mediated_therapy_bans_checkpoint_inhibitors_in_any_setting(sentence: str) -> None:
    assert verdict("stage3-chemoradiation", [sentence]) == "excluded"
    assert verdict("chemo-io", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ["Prior antiPD1 antibody",
                                      "Previous treatment with an antiPD1 agent or antiPDL1 agent"])
def test_a_glued_anti_names_its_target(sentence: str) -> None:
    assert verdict("chemo-io", [], [sentence]) == "excluded"
    assert verdict("osimertinib", [], [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    # Side effects of an immune treatment had, or vaccines against infections: no ban on the treatment.
    "Prior history of severe or life-threatening events from any immune-mediated therapy",
    "History of immune-mediated pneumonitis on a checkpoint inhibitor",
    "Adverse events related to prior immunotherapy that required permanent discontinuation",
    "Received a live vaccine within 30 days, other than inactivated influenza vaccines",
])
def test_side_effects_of_immune_therapy_are_no_ban(sentence: str) -> None:
    assert verdict("chemo-io", [], [sentence]) in ("eligible", "unknown")
    assert verdict("stage3-chemoradiation", [], [sentence]) in ("eligible", "unknown")


# --- 3. a first-line ban with an aside that carries a window or a stop of its own ---------------------------------

BAN_WITH_ASIDE = [
    "No prior systemic anticancer treatment for NSCLC (adjuvant/neoadjuvant chemotherapy allowed if 12 months prior "
    "to randomization; prior ALK TKI such as alectinib is not allowed in any setting)",
    "No prior systemic therapy for advanced disease (adjuvant chemotherapy completed more than 6 months before "
    "enrolment is allowed)",
    "No previous systemic treatment for metastatic NSCLC (neoadjuvant therapy permitted if finished at least 12 "
    "months before the first dose; prior EGFR TKI not permitted)",
]


@pytest.mark.parametrize("sentence", BAN_WITH_ASIDE)
@pytest.mark.parametrize("who", ["chemo-io", "osimertinib", "chemo-io-docetaxel"])
def test_a_ban_keeps_its_force_beside_an_aside_with_a_window(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", BAN_WITH_ASIDE)
def test_a_ban_with_an_aside_lets_the_untreated_in(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("null-lines", [sentence]) in ("eligible", "unknown")


@pytest.mark.parametrize("sentence", [
    # The window is the sentence's own: a washout, no ban.
    "At least 4 weeks since prior chemotherapy (12 months for nitrosoureas)",
    "Prior systemic therapy must have ended at least 21 days before the first dose (small molecules: 5 half-lives)",
])
def test_a_window_of_the_sentence_itself_is_still_a_washout(sentence: str) -> None:
    assert verdict("chemo-io", [sentence]) == "eligible"


# --- 4. "must not have received any treatment for metastatic disease": untreated only -----------------------------

MUST_NOT_HAVE = [
    "Subjects must not have received any treatment for systemic lung cancer, and have an estimated life expectancy "
    "of more than 12 weeks",
    "Patients must not have received any prior therapy for advanced NSCLC",
    "Participants should not have received any systemic treatment for metastatic disease",
    "Must not have previously received any anticancer therapy for stage IV disease; life expectancy of at least "
    "3 months",
]


@pytest.mark.parametrize("sentence", MUST_NOT_HAVE)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive", "eligible"), ("stage3-chemoradiation", "eligible"), ("osimertinib", "excluded"),
    ("chemo-io", "excluded"), ("null-lines", "unknown"),
])
def test_must_not_have_received_any_treatment_is_untreated_only(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


@pytest.mark.parametrize("sentence", [
    "Must not have received any treatment with a MET inhibitor",  # one class, not every treatment
    "Patients must not have received any prior therapy within 4 weeks of the first dose",  # a washout
])
def test_must_not_have_received_a_named_or_timed_treatment_is_no_naive_rule(sentence: str) -> None:
    assert verdict("chemo-io", [sentence]) == "eligible"


# --- 5. a ban "for any stage, including early-stage (adjuvant) disease" counts every setting ----------------------

ANY_STAGE = [
    "Prior treatment with immunotherapy or chemotherapy for any stage NSCLC, including early-stage (neoadjuvant or "
    "adjuvant) disease",
    "Previous chemotherapy or checkpoint inhibitor for NSCLC of any stage, including early stage disease",
    "Any prior immunotherapy for all stages of lung cancer, adjuvant included",
]


@pytest.mark.parametrize("sentence", ANY_STAGE)
@pytest.mark.parametrize(("who", "expected"), [
    ("chemo-io", "excluded"), ("stage3-chemoradiation", "excluded"), ("naive", "eligible"), ("osimertinib", "eligible"),
])
def test_a_ban_for_any_stage_counts_early_and_advanced_treatment(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [], [sentence]) == expected


def test_a_ban_for_early_stage_only_stays_a_question_for_advanced_treatment() -> None:
    sentence = "Prior neoadjuvant or adjuvant chemotherapy for early-stage NSCLC"
    assert verdict("chemo-io", [], [sentence]) == "unknown"


# --- 6. "one of the following first-line treatments:" over cohort sub-bullets ------------------------------------

def _listed(lead: str, *items: str) -> str:
    return lead + "".join(f"\n  * {item}" for item in items)


COHORT_LISTS = [
    _listed("Received one of the following 1L treatments:", "Cohort 1: nivolumab and ipilimumab",
            "Cohort 2: pembrolizumab with platinum-based chemotherapy"),
    _listed("Must have been treated with any of the following first-line regimens:",
            "Cohort A: atezolizumab plus carboplatin", "Cohort B: pembrolizumab and pemetrexed"),
    _listed("Received one of the following treatments as first line:", "Arm 1: osimertinib",
            "Arm 2: carboplatin and pembrolizumab"),
]


@pytest.mark.parametrize("sentence", COHORT_LISTS)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "stage3-chemoradiation"])
def test_a_list_of_cohort_regimens_asks_for_one_of_them(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", COHORT_LISTS)
def test_a_list_of_cohort_regimens_lets_in_a_patient_who_had_one(sentence: str) -> None:
    assert verdict("chemo-io", [sentence]) == "eligible"
    assert verdict("null-lines", [sentence]) == "unknown"


def test_a_cohort_list_with_a_way_in_that_names_no_treatment_stays_open() -> None:
    sentence = _listed("Meets one of the following:", "Cohort 1: progressed after nivolumab and ipilimumab",
                       "Cohort 2: PD-L1 expression of at least 50%")
    assert verdict("naive", [sentence]) == "eligible"


# --- 7. "Initiated first-line X" asks for X; a ban on earlier metastatic treatment beside it is before X ----------

STARTED_LINE = [
    "Initiated first-line (1L) combination nivolumab, ipilimumab, and 2 cycles of platinum-doublet chemotherapy "
    "regimen between 01 January 2018 and 2 years prior to study launch",
    "Started first-line pembrolizumab with carboplatin and pemetrexed between 2019 and 2022",
    "Commenced 1L treatment with pembrolizumab plus platinum-based chemotherapy at the index date",
]
BEFORE_BAN = ["Any prior systemic therapy for metastatic NSCLC"]


@pytest.mark.parametrize("sentence", STARTED_LINE)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "stage3-chemoradiation", "osimertinib"])
def test_a_first_line_started_is_asked_for(sentence: str, who: str) -> None:
    assert verdict(who, [sentence], BEFORE_BAN) == "excluded"
    assert verdict(who, [sentence]) == "excluded"


def test_a_first_line_started_lets_in_who_had_it_whatever_the_ban_before_it() -> None:
    sentence = STARTED_LINE[1]
    assert verdict("chemo-io", [sentence], BEFORE_BAN) in ("eligible", "unknown")
    assert verdict("chemo-io", [sentence]) in ("eligible", "unknown")
    assert verdict("null-lines", [sentence], BEFORE_BAN) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Initiating first-line treatment for advanced disease",  # the line still to come
    "Patients about to start first-line chemo-immunotherapy",
])
def test_a_first_line_about_to_start_is_no_requirement(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"


# --- 8. progression "while on or after" the last treatment; "or couldn't withstand its toxicity" -----------------

PROGRESSED_ON_LAST = [
    "Documentation of radiological disease progression while on or after last treatment",
    "Disease progression while on or following the most recent therapy",
    "Radiographic progression while receiving or after the last line of therapy",
]


@pytest.mark.parametrize("sentence", PROGRESSED_ON_LAST[:2])
def test_progression_while_on_or_after_the_last_treatment_asks_for_one(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("chemo-io", [sentence]) == "eligible"
    assert verdict("null-lines", [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", PROGRESSED_ON_LAST)
def test_progression_on_the_last_treatment_never_excludes_the_treated(sentence: str) -> None:
    assert verdict("osimertinib", [sentence]) != "excluded"


COULD_NOT_WITHSTAND = [
    "Progressed after platinum-based chemotherapy or couldn't withstand its toxicity",
    "Failed prior platinum doublet, or could not tolerate the toxicity",
    "Relapse after docetaxel or unable to withstand related toxicity",
]


@pytest.mark.parametrize("sentence", COULD_NOT_WITHSTAND)
def test_could_not_withstand_the_toxicity_is_a_way_out_of_the_treatment_had(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "unknown"
    assert verdict("chemo-io-docetaxel", [sentence]) == "eligible"


def test_a_toxicity_sentence_is_still_skipped() -> None:
    sentence = "Toxicity from prior platinum that has not resolved to grade 1"
    assert verdict("chemo-io", [], [sentence]) == "eligible"


# --- 9. "...; and 1 platinum-based therapy after progression on EGFR TKI": the treatment given after progression --

GIVEN_AFTER = [
    "Must have received osimertinib; and 1 platinum-based therapy after progression on or after osimertinib",
    "Prior EGFR TKI, and one platinum doublet given after disease progression on the TKI",
    "Treated with a third-generation EGFR TKI, then platinum-based chemotherapy following progression",
]


@pytest.mark.parametrize("sentence", GIVEN_AFTER)
def test_a_treatment_given_after_progression_is_asked_for(sentence: str) -> None:
    assert verdict("osimertinib", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence], prior_therapies=["osimertinib", "carboplatin", "pemetrexed"],
                   prior_lines=2) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Eligible for docetaxel after progression on platinum-based chemotherapy",  # the line to come
    "No docetaxel after progression on platinum",  # a ban, said before the name
])
def test_a_cue_before_the_name_still_decides(sentence: str) -> None:
    assert verdict("chemo-io", [sentence]) != "excluded"


def test_on_or_after_joins_two_times_not_two_treatments() -> None:
    sentence = "Received pemetrexed after progression on or after an EGFR TKI"
    assert verdict("osimertinib", [sentence]) == "excluded"


# --- 10. a regimen written with "+" names every drug of it ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Received nivolumab + ipilimumab + platinum-based chemotherapy as first-line treatment for metastatic disease "
    "and progressed",
    "Prior pembrolizumab + pemetrexed + carboplatin, with progression",
])
def test_a_plus_regimen_asks_for_every_drug(sentence: str) -> None:
    assert verdict("osimertinib", [sentence]) == "excluded"
    assert verdict("stage3-chemoradiation", [sentence]) != "eligible"


def test_a_plus_regimen_is_not_met_by_one_of_its_drugs() -> None:
    sentence = "Received nivolumab + ipilimumab + platinum-based chemotherapy, with progression"
    assert verdict("chemo-io", [sentence]) == "excluded"  # platinum, but neither nivolumab nor ipilimumab
    assert verdict("chemo-io", [sentence], prior_therapies=["nivolumab", "ipilimumab", "carboplatin"]) == "eligible"


def test_plus_or_minus_is_no_requirement_of_both() -> None:
    sentence = "Progressed after platinum-based chemotherapy +/- pembrolizumab"
    assert verdict("chemo-io", [sentence], prior_therapies=["carboplatin", "pemetrexed"]) == "eligible"


def test_dual_io_is_a_checkpoint_inhibitor_combination() -> None:
    sentence = "Received dual-IO with chemotherapy as first-line treatment for metastatic disease, with progression"
    assert verdict("chemo-io", [sentence], prior_therapies=["carboplatin", "pemetrexed"]) == "excluded"
    assert verdict("chemo-io", [sentence], prior_therapies=["tremelimumab", "durvalumab", "carboplatin"]) == "eligible"
