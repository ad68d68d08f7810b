"""Prior-therapy kinds from the sentence audits S9-S10 (invented sentences of each kind, and near misses).

False exclusions first: "no concurrent X" (during the study) read as "no prior X"; "patients who progressed on X must
..." read as "must have had X"; a rule on the earlier first-line regimen ("first-line chemotherapy must have comprised
at least 4 cycles") read as a first-line trial; a ceiling with a drug list ("no more than 2 prior RET inhibitors
(selpercatinib, pralsetinib)") read as a requirement; the sampling the study will do ("a blood sample at progression
on first-line treatment") read as lines had; lay "2 treatments of carboplatin" (cycles) read as 2 regimens; "not fit
for chemotherapy" read as "no prior chemotherapy"; "EGFR/ALK negative, or EGFR/ALK positive and progressed after TKI
and platinum" binding the driver-negative patients.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import named_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "driver_negative_naive": {"tested_negative": ["EGFR", "ALK", "ROS1", "BRAF", "KRAS", "MET", "RET"],
                              "prior_therapies": [], "prior_lines": 0},
    "untested_naive": {"prior_therapies": [], "prior_lines": 0},
    "chemo_doublet": {"tested_negative": ["EGFR", "ALK"], "prior_therapies": ["carboplatin", "gemcitabine"],
                      "prior_lines": 1},
    "kras_chemo_io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "tested_negative": ["EGFR", "ALK"],
                      "prior_therapies": ["cisplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
    "two_lines": {"tested_negative": ["EGFR", "ALK"], "prior_lines": 2,
                  "prior_therapies": ["carboplatin", "paclitaxel", "atezolizumab", "docetaxel", "ramucirumab"]},
    "egfr_naive": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": ["ALK"],
                   "prior_therapies": [], "prior_lines": 0},
    "egfr_post_osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                              "tested_negative": ["ALK"], "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "egfr_post_erlotinib": {"biomarkers": [{"gene": "EGFR", "alteration": "L861Q"}], "tested_negative": ["ALK"],
                            "prior_therapies": ["erlotinib"], "prior_lines": 1},
    "egfr_osimertinib_then_chemo": {"biomarkers": [{"gene": "EGFR", "alteration": "G719X"}],
                                    "tested_negative": ["ALK"], "prior_lines": 2,
                                    "prior_therapies": ["osimertinib", "carboplatin", "pemetrexed"]},
    "alk_naive": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": ["EGFR"],
                  "prior_therapies": [], "prior_lines": 0},
    "alk_post_brigatinib": {"biomarkers": [{"gene": "ALK", "alteration": "rearrangement"}], "tested_negative": ["EGFR"],
                            "prior_therapies": ["brigatinib"], "prior_lines": 1},
    "alk_three_tkis": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": ["EGFR"],
                       "prior_therapies": ["crizotinib", "alectinib", "lorlatinib"], "prior_lines": 3},
    "ret_post_chemo": {"biomarkers": [{"gene": "RET", "alteration": "fusion"}], "tested_negative": ["EGFR", "ALK"],
                       "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1},
    "ret_post_two_ret_tkis": {"biomarkers": [{"gene": "RET", "alteration": "fusion"}], "tested_negative": ["EGFR"],
                              "prior_therapies": ["selpercatinib", "pralsetinib", "cabozantinib"], "prior_lines": 3},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return named_verdict(PATIENTS, who, inclusion, exclusion, **extra)


# --- 1. "No concurrent X": nothing about earlier X ------------------------------------------------------------------

CONCURRENT_ONLY = [
    "Biologic therapy: No concurrent immunotherapy or biologic response modifiers",
    "Chemotherapy: No other concurrent chemotherapy",
    "No concurrent nivolumab, durvalumab or other checkpoint inhibitor",
    "Targeted therapy: no concomitant EGFR tyrosine kinase inhibitors",
    "Not receiving concurrent cytotoxic chemotherapy",
    "No additional concurrent anticancer immunotherapy while on study",
]


@pytest.mark.parametrize("sentence", CONCURRENT_ONLY)
@pytest.mark.parametrize("who", ["kras_chemo_io", "egfr_post_osimertinib", "two_lines"])
def test_no_concurrent_treatment_is_no_ban_on_earlier_treatment(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "No prior or concurrent immunotherapy",
    "No prior immunotherapy",
    "No previous or concomitant anti-PD-1 therapy",
])
def test_prior_or_concurrent_still_bans_the_earlier_treatment(sentence: str) -> None:
    assert verdict("kras_chemo_io", [sentence]) == "excluded"
    assert verdict("chemo_doublet", [sentence]) == "eligible"


def test_no_concurrent_beside_a_prior_ban_keeps_the_ban() -> None:
    sentence = "No concurrent chemotherapy; no prior immune checkpoint inhibitor"
    assert verdict("kras_chemo_io", [sentence]) == "excluded"
    assert verdict("chemo_doublet", [sentence]) == "eligible"


# --- 2. "Patients who progressed on X must ...": a rule for the patients who had X ----------------------------------

WHO_HAD_X_MUST = [
    "Patients who develop progressive disease after erlotinib, gefitinib, afatinib, or dacomitinib must either "
    "receive osimertinib or be T790M negative.",
    "Patients who progressed on crizotinib must also have received a second-generation ALK inhibitor.",
    "Those who relapsed after gefitinib or erlotinib must have received osimertinib or be T790M-negative.",
    "Participants who failed first-generation EGFR TKIs should have subsequently received osimertinib.",
    "Subjects who experienced disease progression on afatinib must have been treated with osimertinib afterwards.",
]


@pytest.mark.parametrize("sentence", WHO_HAD_X_MUST)
@pytest.mark.parametrize("who", ["egfr_post_osimertinib", "egfr_naive", "alk_post_brigatinib", "driver_negative_naive"])
def test_who_had_x_must_binds_only_those_who_had_x(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


def test_who_had_x_must_is_at_most_a_question_for_those_who_had_x() -> None:
    sentence = "Those who relapsed after gefitinib or erlotinib must have received osimertinib or be T790M-negative."
    assert verdict("egfr_post_erlotinib", [sentence]) == "unknown"


def test_who_progressed_on_pembrolizumab_must_have_had_platinum() -> None:
    sentence = "Patients who progressed on pembrolizumab monotherapy must also have received platinum chemotherapy."
    assert verdict("chemo_doublet", [sentence]) == "eligible"  # never had pembrolizumab
    assert verdict("kras_chemo_io", [sentence]) == "eligible"
    assert verdict("untested_naive", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Must have progressed after erlotinib, gefitinib, afatinib or dacomitinib.",
    "Disease progression on gefitinib or erlotinib is required.",
])
def test_plain_progression_requirement_still_excludes(sentence: str) -> None:
    assert verdict("egfr_post_osimertinib", [sentence]) == "excluded"
    assert verdict("egfr_naive", [sentence]) == "excluded"
    assert verdict("egfr_post_erlotinib", [sentence]) == "eligible"


# --- 3. A rule about the earlier first-line regimen is no first-line trial -------------------------------------------

FIRST_LINE_DESCRIBED = [
    "First line platinum-based therapy has to consist of at least 4 cycles.",
    "The first-line regimen must have included at least 2 doses of a PD-1 inhibitor.",
    "First-line chemotherapy must have comprised at least four cycles of a platinum doublet.",
    "Their first-line treatment should have lasted a minimum of 3 months.",
    "First-line treatment: platinum doublet for a minimum of 4 cycles, with or without pembrolizumab.",
]


@pytest.mark.parametrize("sentence", FIRST_LINE_DESCRIBED)
@pytest.mark.parametrize("who", ["kras_chemo_io", "two_lines"])
def test_described_first_line_does_not_exclude_pretreated(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) != "excluded"


@pytest.mark.parametrize("sentence", [
    "First-line chemotherapy must have comprised at least four cycles of a platinum doublet.",
    "The first-line regimen must have included at least 2 doses of a PD-1 inhibitor.",
])
def test_first_line_described_in_the_perfect_asks_for_a_line(sentence: str) -> None:
    assert verdict("driver_negative_naive", [sentence]) == "excluded"


def test_first_line_described_in_the_present_is_a_question_for_the_untreated() -> None:
    sentence = "First line platinum-based therapy has to consist of at least 4 cycles."
    assert verdict("driver_negative_naive", [sentence]) == "unknown"


def test_first_line_drug_course_described_is_no_first_line_trial() -> None:
    sentence = "Osimertinib given as first-line treatment must have lasted at least 6 months."
    assert verdict("egfr_post_osimertinib", [sentence]) == "eligible"
    assert verdict("egfr_osimertinib_then_chemo", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients will receive first-line platinum-based chemotherapy for 4 cycles on study.",
    "No prior systemic therapy; first-line treatment setting.",
    "Eligible for first-line chemotherapy of at least 4 cycles.",
])
def test_first_line_trial_still_excludes_pretreated(sentence: str) -> None:
    assert verdict("kras_chemo_io", [sentence]) == "excluded"
    assert verdict("driver_negative_naive", [sentence]) == "eligible"


# --- 4. A ceiling with a drug list is no requirement ----------------------------------------------------------------

CAPS = [
    "No more than 2 prior RET inhibitors (selpercatinib, pralsetinib).",
    "Limit of 1 prior ALK inhibitor (crizotinib, alectinib, brigatinib or lorlatinib).",
    "Limit of 2 prior EGFR tyrosine kinase inhibitors (TKIs) (erlotinib, gefitinib, afatinib or osimertinib).",
    "Limit of two prior checkpoint inhibitor regimens (pembrolizumab, nivolumab, atezolizumab).",
    "A maximum of one prior KRAS G12C inhibitor (sotorasib or adagrasib) is allowed.",
    "Prior treatment limited to 1 EGFR TKI (e.g. gefitinib, erlotinib).",
]


@pytest.mark.parametrize("sentence", CAPS)
@pytest.mark.parametrize("who", ["driver_negative_naive", "egfr_naive", "alk_naive", "ret_post_chemo", "chemo_doublet"])
def test_ceiling_with_a_drug_list_asks_for_none_of_them(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


def test_ceiling_still_holds_above_it() -> None:
    # (Three ALK drugs may be fewer regimens: at least a question.)
    assert verdict("alk_three_tkis", ["Limit of 1 prior ALK inhibitor (crizotinib, alectinib or lorlatinib)."]) \
        != "eligible"
    assert verdict("alk_post_brigatinib", ["Limit of 1 prior ALK inhibitor (crizotinib, alectinib or brigatinib)."]) \
        == "eligible"


def test_count_with_a_floor_and_a_drug_list_still_asks() -> None:
    sentence = "Must have received 1 or 2 prior EGFR TKIs (erlotinib, gefitinib, afatinib, osimertinib)."
    assert verdict("egfr_naive", [sentence]) == "excluded"
    assert verdict("egfr_post_osimertinib", [sentence]) == "eligible"


# --- 5. Sampling the study will do names lines to come ------------------------------------------------------------

SAMPLING = [
    "Possibility of an additional biopsy of the primary tumour during the study, as well as after progression under "
    "first-line therapy and optionally after progression under second-line therapy",
    "Willingness to provide a blood sample at baseline, at first progression on first-line treatment and, "
    "optionally, at progression on second-line treatment.",
    "Consent to a repeat biopsy at the time of progression after first-line therapy and after second-line therapy, "
    "if clinically feasible.",
    "Tumour tissue must be obtainable at diagnosis and again after progression on the first and second line of "
    "treatment.",
    "Agree to serial plasma samples after progression on osimertinib and after progression on chemotherapy.",
]


@pytest.mark.parametrize("sentence", SAMPLING)
@pytest.mark.parametrize("who", ["driver_negative_naive", "kras_chemo_io", "egfr_naive"])
def test_sampling_to_come_asks_for_no_line(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients must have progressed on first-line and second-line therapy for metastatic disease.",
    "Progression after at least two prior lines of systemic therapy for advanced disease.",
])
def test_progression_requirement_without_sampling_still_counts(sentence: str) -> None:
    assert verdict("driver_negative_naive", [sentence]) == "excluded"
    assert verdict("kras_chemo_io", [sentence]) == "excluded"
    assert verdict("two_lines", [sentence]) == "eligible"


def test_requirement_before_the_sampling_clause_stands() -> None:
    sentence = "Progressed on osimertinib and willing to undergo a repeat biopsy"
    assert verdict("egfr_naive", [sentence]) == "unknown"  # (a biopsy beside a failure makes it a question)
    assert verdict("egfr_post_osimertinib", [sentence]) == "eligible"


# --- 6. Lay "treatments of X" are cycles; "not fit for X" is fitness ------------------------------------------------

TREATMENTS_OF = [
    "Have had at least 2 treatments of platinum chemotherapy",
    "Have had at least 2 treatments of carboplatin",
    "Have had at least 4 treatments of pemetrexed",
    "You must have had at least 3 treatments of cisplatin",
]


@pytest.mark.parametrize("sentence", TREATMENTS_OF)
def test_treatments_of_a_drug_are_cycles_not_regimens(sentence: str) -> None:
    # A floor of a full course (4 or more) is a question once the drug is had (kind 14 of the K/L diagnosis,
    # test_rules_prior_therapy_required_course_length.py); never "4 regimens" and so excluded.
    expected = "unknown" if "at least 4" in sentence else "eligible"
    assert verdict("kras_chemo_io", [sentence], prior_therapies=["cisplatin", "carboplatin", "pemetrexed"]) \
        == expected


def test_treatments_of_a_drug_still_ask_for_the_drug() -> None:
    assert verdict("egfr_post_osimertinib", ["Have had at least 2 treatments of platinum chemotherapy"]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Must have received at least two prior platinum-containing regimens for metastatic disease",
    "Must have received at least 2 prior treatments for advanced disease",
    "Must have received at least 2 prior systemic treatments",
])
def test_counted_regimens_and_treatments_stay_lines(sentence: str) -> None:
    assert verdict("kras_chemo_io", [sentence]) == "excluded"


NOT_FIT = [
    "Patients who are not fit for chemotherapy in the opinion of the treating physician",
    "Not fit enough for combination chemotherapy with cisplatin",
    "Patients not fit for immunotherapy in the judgement of the investigator",
    "Deemed not medically fit to receive platinum-based doublet chemotherapy",
]


@pytest.mark.parametrize("sentence", NOT_FIT)
@pytest.mark.parametrize("who", ["kras_chemo_io", "driver_negative_naive"])
def test_not_fit_for_a_treatment_is_no_ban_on_it(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ["Not previously treated with chemotherapy",
                                      "Chemotherapy-naive for advanced disease"])
def test_naive_wording_still_bans(sentence: str) -> None:
    assert verdict("kras_chemo_io", [sentence]) == "excluded"


# --- 7. "Negative, or positive and progressed after TKI and platinum": the carriers' way only binds carriers --------

NEGATIVE_OR_CARRIER_MORE = [
    "EGFR/ALK negative, or EGFR/ALK positive and progressed after TKI and platinum chemotherapy",
    "EGFR wild-type, or EGFR mutant with progression on osimertinib and platinum-based chemotherapy.",
    "ALK negative or ALK rearranged patients who have received an ALK inhibitor followed by chemotherapy",
    "Stage IV NSCLC, EGFR/ALK wild type, or EGFR/ALK mutant after failure of a TKI plus chemotherapy",
]


@pytest.mark.parametrize("sentence", NEGATIVE_OR_CARRIER_MORE)
@pytest.mark.parametrize("who", ["driver_negative_naive", "chemo_doublet", "kras_chemo_io"])
def test_driver_negative_way_in_is_kept(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", NEGATIVE_OR_CARRIER_MORE[:2])
def test_carriers_still_need_their_way(sentence: str) -> None:
    assert verdict("egfr_naive", [sentence]) == "excluded"
    assert verdict("egfr_post_osimertinib", [sentence]) == "excluded"  # no platinum yet
    assert verdict("egfr_osimertinib_then_chemo", [sentence]) == "eligible"


def test_untested_patient_is_a_question() -> None:
    sentence = NEGATIVE_OR_CARRIER_MORE[0]
    assert verdict("untested_naive", [sentence]) == "unknown"


# --- 8. Recall: a restriction with ", adjuvant X allowed" after a comma is still read ------------------------------

RESTRICTION_THEN_ALLOWANCE = [
    ("TKI naive for metastatic NSCLC, neoadjuvant or adjuvant chemotherapy allowed", "egfr_post_osimertinib"),
    ("No prior systemic therapy for metastatic disease, adjuvant chemotherapy allowed", "kras_chemo_io"),
    ("EGFR TKI-naive in the metastatic setting, adjuvant osimertinib allowed", "egfr_post_erlotinib"),
    ("No prior anti-PD-1 or anti-PD-L1 therapy for advanced disease, consolidation durvalumab permitted",
     "kras_chemo_io"),
]
EARLY_SETTING_ONLY = {
    "adjuvant_osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                             "prior_therapies": ["osimertinib"], "prior_lines": 0},
    "adjuvant_chemo": {"tested_negative": ["EGFR", "ALK"], "prior_therapies": ["cisplatin", "vinorelbine"],
                       "prior_lines": 0},
    "chemoradiation_durvalumab": {"tested_negative": ["EGFR", "ALK"], "prior_lines": 0,
                                  "prior_therapies": ["carboplatin", "paclitaxel", "durvalumab"]},
}


@pytest.mark.parametrize(("sentence", "who"), RESTRICTION_THEN_ALLOWANCE)
def test_restriction_before_an_allowance_tail_excludes(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [s for s, _ in RESTRICTION_THEN_ALLOWANCE])
@pytest.mark.parametrize("who", ["driver_negative_naive", "egfr_naive"])
def test_restriction_before_an_allowance_tail_keeps_the_untreated(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [s for s, _ in RESTRICTION_THEN_ALLOWANCE])
@pytest.mark.parametrize("who", list(EARLY_SETTING_ONLY))
def test_allowance_tail_keeps_early_setting_treatment(sentence: str, who: str) -> None:
    assert named_verdict(EARLY_SETTING_ONLY, who, [sentence]) == "eligible"


# --- "PD/PD-L1 inhibitors": PD-1 or PD-L1 (was read as PD-L1 alone, a question for a PD-1 drug) --------------------

@pytest.mark.parametrize("sentence", ["Patients with prior exposure to PD/PD-L1 inhibitors will be excluded.",
                                      "No prior PD/PDL1 directed therapy"])
def test_pd_slash_pd_l1_means_either(sentence: str) -> None:
    assert verdict("kras_chemo_io", [sentence]) == "excluded"
    assert verdict("kras_chemo_io", [sentence], prior_therapies=["carboplatin", "pemetrexed", "durvalumab"]) \
        == "excluded"
    assert verdict("chemo_doublet", [sentence]) == "eligible"
