"""Prior-therapy kinds found by the sentence audit of first-in-human and basket trials (and left over from the
two audits before it): each kind with invented sentences and the near-misses that must keep their verdict.

- a condition on earlier treatment ("For subjects who have received prior therapy:", "Received previous
  immunotherapy ... never had a toxicity leading to discontinuation") is no requirement to have had it;
- a washout written "Must have received <therapy> >= N weeks prior to the first dose" is a time window only;
- "<target> targeted therapy" bans the drugs against that target, not every targeted drug;
- a line requirement for another tumour type inside a list or sentence binds that tumour only;
- a lone "OR" bullet ("declined standard treatment") stays an alternative after nested sub-bullets;
- recall: "hormonal therapy" in a ban list, stage IIIB/IV chemo-naive, roman-numeral components, "cannot have
  received more than N prior lines", "no prior first-line therapy", and PD-1 wordings.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19, FULL_PANEL, named_verdict

NO_EGFR = [g for g in FULL_PANEL if g != "EGFR"]
NO_KRAS = [g for g in FULL_PANEL if g != "KRAS"]
NO_MET = [g for g in FULL_PANEL if g != "MET"]
CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]

PATIENTS: dict[str, dict[str, Any]] = {
    "egfr-post-osimertinib": {"biomarkers": EGFR_EX19, "tested_negative": NO_EGFR,
                              "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "egfr-naive": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": NO_EGFR,
                   "prior_therapies": [], "prior_lines": 0},
    "met-post-capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}],
                            "tested_negative": NO_MET, "prior_therapies": ["capmatinib"], "prior_lines": 1},
    "nodriver-naive": {"tested_negative": FULL_PANEL, "prior_therapies": [], "prior_lines": 0},
    "nodriver-chemo-io": {"tested_negative": FULL_PANEL, "prior_therapies": CHEMO_IO, "prior_lines": 1},
    "nodriver-chemo": {"tested_negative": FULL_PANEL, "prior_therapies": ["cisplatin", "gemcitabine"],
                       "prior_lines": 1},
    "two-lines": {"tested_negative": FULL_PANEL, "prior_therapies": [*CHEMO_IO, "docetaxel"], "prior_lines": 2},
    "three-lines": {"tested_negative": FULL_PANEL, "prior_therapies": [*CHEMO_IO, "docetaxel", "gemcitabine"],
                    "prior_lines": 3},
    "kras-g12d-post-ramucirumab": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "tested_negative": NO_KRAS,
                                   "prior_therapies": [*CHEMO_IO, "docetaxel", "ramucirumab"], "prior_lines": 2},
    "kras-g12c-post-sotorasib": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "tested_negative": NO_KRAS,
                                 "prior_therapies": [*CHEMO_IO, "sotorasib"], "prior_lines": 2},
    "adjuvant-only": {"tested_negative": FULL_PANEL, "prior_therapies": ["cisplatin", "vinorelbine"],
                      "prior_lines": 0},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return named_verdict(PATIENTS, who, inclusion, exclusion, **extra)


# --- W1: a condition on earlier treatment is no requirement to have had it ------------------------------------

CONDITIONAL_HEADED = [
    ["For subjects who have received prior anti-tumor therapy, as follows:\n  * Received previous immunotherapy, "
     "such as PD-1 antibody, PD-L1 antibody or CTLA-4 antibody, etc. Subjects never experienced a toxicity leading "
     "to permanent discontinuation of prior immunotherapy."],
    ["Requirements for previously treated subjects:\n  * Received previous anti-CTLA-4 or anti-PD-1 antibody. "
     "No history of immune-related pneumonitis on that treatment."],
    ["Patients who were previously treated must meet the following:\n  * Prior PD-1 inhibitor therapy: no "
     "immune-related adverse event of Grade 3 or higher."],
    ["If previously treated with a checkpoint inhibitor:\n  * Received prior anti-PD-L1 antibody, with no "
     "immune-related toxicity requiring permanent discontinuation."],
]


@pytest.mark.parametrize("inclusion", CONDITIONAL_HEADED)
def test_a_condition_under_a_previously_treated_header_is_no_requirement(inclusion: list[str]) -> None:
    for who in ("egfr-post-osimertinib", "nodriver-naive", "nodriver-chemo"):
        assert verdict(who, inclusion) != "excluded", who
    assert verdict("nodriver-chemo-io", inclusion) == "eligible"


CONDITIONAL_INLINE = [
    "Received previous immunotherapy, such as PD-1 antibody or PD-L1 antibody. Subjects never experienced a toxicity "
    "leading to permanent discontinuation of prior immunotherapy.",
    "Received prior EGFR TKI therapy. Any toxicity must have recovered to Grade 1 or lower.",
    "Prior PD-1 inhibitor therapy (e.g., toripalimab, sintilimab): no immune-related adverse event of Grade 3 or "
    "higher.",
    "Previous anti-PD-1 antibody treatment without a Grade 3 or higher immune-related adverse event.",
]


@pytest.mark.parametrize("sentence", CONDITIONAL_INLINE)
def test_a_toxicity_condition_on_earlier_treatment_never_excludes_the_untreated(sentence: str) -> None:
    for who in ("egfr-post-osimertinib", "nodriver-naive", "nodriver-chemo"):
        assert verdict(who, [sentence]) != "excluded", who


@pytest.mark.parametrize("sentence", [
    "Must have received prior immunotherapy with a PD-1 or PD-L1 antibody.",
    "Participants must have previously received an anti-PD-(L)1 antibody and progressed on it.",
    "Received prior anti-PD-1 or anti-PD-L1 antibody and had disease progression on it.",
])
def test_a_plain_requirement_of_immunotherapy_still_excludes_the_io_naive(sentence: str) -> None:
    assert verdict("egfr-post-osimertinib", [sentence]) == "excluded"
    assert verdict("nodriver-chemo", [sentence]) == "excluded"
    assert verdict("nodriver-chemo-io", [sentence]) == "eligible"


# --- W2: "Must have received <therapy> >= N weeks prior to ..." is a washout ----------------------------------

WASHOUTS = [
    "Must have received biological chemotherapy, immunotherapy or radiotherapy ≥4 weeks prior to starting the "
    "study treatment.",
    "Must have received small molecule chemotherapy ≥2 weeks or five half-lives (whichever is longer) prior to "
    "starting the study treatment.",
    "Must have received the last dose of chemotherapy or immunotherapy ≥ 21 days before Cycle 1 Day 1.",
    "Must have received prior radiotherapy or immunotherapy at least 4 weeks before the first dose.",
    "Must have received any anti-EGFR antibody or ADC more than 28 days prior to enrolment.",
    "Patients must have received their last chemotherapy at least 3 weeks before the first dose of study drug.",
]


@pytest.mark.parametrize("sentence", WASHOUTS)
def test_a_washout_written_as_must_have_received_is_no_requirement(sentence: str) -> None:
    for who in ("egfr-post-osimertinib", "met-post-capmatinib", "nodriver-naive", "nodriver-chemo-io"):
        assert verdict(who, [sentence]) == "eligible", who


@pytest.mark.parametrize("sentence", [
    "Must have received prior platinum-based chemotherapy for advanced disease.",
    "Must have received at least one prior line of chemotherapy or immunotherapy.",
    "Must have received prior platinum-based chemotherapy and progressed within 6 months of the last dose.",
])
def test_a_requirement_written_as_must_have_received_still_excludes(sentence: str) -> None:
    assert verdict("egfr-post-osimertinib", [sentence]) == "excluded"


# --- W3: "<target> targeted therapy" bans drugs against that target only ---------------------------------------

TARGET_BANS = [
    "Prior treatment with KRAS G12D targeted therapy.",
    "Received any prior B7-H3 targeted therapy, including antibody, ADC or CAR-T.",
    "Prior therapy with a pan-RAS targeted agent.",
    "Prior treatment with CLDN18.2 targeted therapy.",
    "Previous HER3-directed therapy.",
]


@pytest.mark.parametrize("sentence", TARGET_BANS)
def test_a_ban_on_one_targets_therapy_keeps_other_targeted_drugs_eligible(sentence: str) -> None:
    for who in ("egfr-post-osimertinib", "met-post-capmatinib", "kras-g12d-post-ramucirumab", "nodriver-chemo-io"):
        assert verdict(who, exclusion=[sentence]) == "eligible", who


def test_a_drug_the_engine_does_not_know_is_a_question_under_a_target_ban() -> None:
    sentence = "Prior treatment with KRAS G12D targeted therapy."
    assert verdict("kras-g12d-post-ramucirumab", exclusion=[sentence],
                   prior_therapies=[*CHEMO_IO, "zoldonrasib"]) == "unknown"


@pytest.mark.parametrize(("sentence", "banned", "kept"), [
    ("Prior treatment with any targeted therapy for advanced disease.", "egfr-post-osimertinib", "nodriver-chemo-io"),
    ("Prior treatment with MET-targeted therapy (e.g., capmatinib, tepotinib).", "met-post-capmatinib",
     "egfr-post-osimertinib"),
    ("Prior treatment with a KRAS G12C targeted therapy.", "kras-g12c-post-sotorasib", "egfr-post-osimertinib"),
    ("Prior EGFR-targeted therapy.", "egfr-post-osimertinib", "met-post-capmatinib"),
])
def test_named_and_general_targeted_bans_still_exclude(sentence: str, banned: str, kept: str) -> None:
    assert verdict(banned, exclusion=[sentence]) == "excluded"
    assert verdict(kept, exclusion=[sentence]) == "eligible"


# --- W4: another tumour's line requirement inside a list or sentence ------------------------------------------

OTHER_TUMOUR_LINES = [
    ["Advanced solid tumours who failed standard treatment: i. NSCLC: previously treated with platinum-based "
     "chemotherapy; ii. Colorectal cancer: failed at least two prior systemic therapies including oxaliplatin and "
     "irinotecan."],
    ["Histologically confirmed: i. Non-small cell lung cancer: progressed after standard therapy; ii. Pancreatic "
     "cancer: after gemcitabine; iii. Colorectal cancer: Recurrent/metastatic colorectal cancer that has failed at "
     "least two prior systemic therapies (including oxaliplatin, irinotecan, fluoropyrimidine-based agents, "
     "anti-angiogenic drugs, etc.); iiii. Other tumors: failed standard therapy."],
    ["Eligible tumours: NSCLC after platinum; gastric cancer after at least two prior lines including a "
     "fluoropyrimidine; ovarian cancer after at least 3 prior lines."],
]


@pytest.mark.parametrize("inclusion", OTHER_TUMOUR_LINES)
def test_another_tumours_inline_line_requirement_binds_that_tumour_only(inclusion: list[str]) -> None:
    assert verdict("nodriver-chemo-io", inclusion) == "eligible"
    assert verdict("nodriver-chemo", inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", [
    ["Advanced solid tumour or lymphoma.", "Relapsed/refractory DLBCL with at least 2 prior lines of therapy."],
    ["Relapsed/refractory clinicopathologically documented PTCL with at least 1 line of prior systemic treatment "
     "(maximum <5 lines). Solid tumors that meet the following criteria: histologically confirmed advanced "
     "solid tumour."],
    ["Relapsed or refractory multiple myeloma after at least 3 prior lines including a proteasome inhibitor."],
])
def test_a_lymphoma_or_myeloma_line_requirement_does_not_bind_lung_cancer(inclusion: list[str]) -> None:
    assert verdict("nodriver-naive", inclusion) != "excluded"
    assert verdict("nodriver-chemo-io", inclusion) != "excluded"


def test_the_lung_part_of_an_inline_list_still_decides() -> None:
    inclusion = ["i. NSCLC: must have failed at least two prior systemic therapies; ii. Colorectal cancer: failed "
                 "at least one prior line."]
    assert verdict("nodriver-chemo-io", inclusion) == "excluded"
    assert verdict("two-lines", inclusion) == "eligible"


# --- W5: a lone OR bullet after nested sub-bullets --------------------------------------------------------------

LONE_OR_NESTED = [
    ["Patients must have:\n  * previously received standard systemic therapy for their advanced cancer and have "
     "been either non-responders or have recurred, specifically:\n    * Patients with non-small cell lung cancer "
     "must have had appropriate targeted therapy as indicated by abnormalities in ALK or EGFR. Other patients must "
     "have had platinum-based chemotherapy.\n    * Patients with colorectal cancer must have had at least two "
     "chemotherapy regimens.\n  * OR\n  * declined standard treatment."],
    ["Must have progressed on prior therapy, specifically:\n  * NSCLC: platinum doublet and a PD-(L)1 inhibitor.\n"
     "* OR\n* refused standard-of-care treatment."],
    ["Prior systemic therapy as follows:\n  * EGFR-mutant NSCLC: osimertinib.\n  * Other NSCLC: platinum-based "
     "chemotherapy.\n* Or\n* Patient is ineligible for or declined standard therapy."],
]


@pytest.mark.parametrize("inclusion", LONE_OR_NESTED)
def test_a_lone_or_after_nested_sub_bullets_keeps_its_alternative(inclusion: list[str]) -> None:
    assert verdict("nodriver-naive", inclusion) == "unknown"


def test_a_plain_line_requirement_still_excludes_the_untreated() -> None:
    inclusion = ["Must have progressed on at least one prior line of systemic therapy for advanced disease."]
    assert verdict("nodriver-naive", inclusion) == "excluded"


# --- Recall ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Prior chemotherapy, hormonal therapy or immunotherapy for metastatic disease.",
    "Any previous chemotherapy, hormonal therapy or PD-1 inhibitor for advanced NSCLC.",
    "Previous hormonal therapy, cytotoxic chemotherapy or checkpoint inhibitors in the metastatic setting.",
    "Prior chemotherapy, hormonal therapy, radiotherapy (including palliative radiotherapy), immunotherapy or "
    "treatment with investigational drugs for advanced NSCLC; prior treatment with any cellular therapy",
])
def test_a_ban_list_naming_hormonal_therapy_still_bans_the_rest(sentence: str) -> None:
    assert verdict("nodriver-chemo-io", exclusion=[sentence]) == "excluded"
    assert verdict("nodriver-naive", exclusion=[sentence]) == "eligible"


def test_a_recent_hormonal_or_chemo_course_stays_a_washout() -> None:
    sentence = "Chemotherapy, hormonal therapy or immunotherapy within the previous 6 weeks."
    assert verdict("nodriver-chemo-io", exclusion=[sentence]) == "eligible"


# Left undone this round (xfail, strict: a fix makes them pass and must drop the mark). Each is a missed
# exclusion (recall), never a false one.
UNDONE = "recall kind left undone this round"


def _undone(sentence: str) -> Any:
    return pytest.param(sentence, marks=pytest.mark.xfail(strict=True, reason=UNDONE))


@pytest.mark.parametrize("sentence", [
    # (read since the curative-unfitness kind: tests/test_rules_prior_therapy_curative_unfit_stage3.py)
    "Individuals with stage IIIB or IV NSCLC who have not received prior chemotherapy for Stage IIIB or IV "
    "disease, and who are not candidates for curative surgery or radiation therapy.",
    "Adults with stage IIIB-IV NSCLC who have received no chemotherapy for stage IIIB-IV disease and who are "
    "not suitable for curative surgery or radiotherapy.",
    "No prior chemotherapy for stage IIIB or IV disease; patients with stage IIIB must be ineligible for "
    "chemoradiation.",
])
def test_chemo_naive_for_stage_iiib_or_iv_excludes_first_line_chemo(sentence: str) -> None:
    assert verdict("nodriver-chemo-io", [sentence]) == "excluded"
    assert verdict("nodriver-naive", [sentence]) == "eligible"
    assert verdict("adjuvant-only", [sentence]) != "excluded"


@pytest.mark.parametrize("sentence", [
    _undone("Patients must have received both of the following: i. a platinum doublet, and ii. an anti-PD-1 or "
            "anti-PD-L1 antibody."),
    _undone("Two components of treatment must have been received in the same line or as separate lines: i. A "
            "maximum of 1 line of platinum-containing chemotherapy in the metastatic setting, and ii. A maximum of 1 "
            "line of PD(L)1 mAb containing regimen."),
    "Prior treatment must include both: i) carboplatin or cisplatin doublet; ii) a checkpoint inhibitor.",
])
def test_roman_numeral_components_are_all_required(sentence: str) -> None:
    assert verdict("egfr-post-osimertinib", [sentence]) == "excluded"
    assert verdict("nodriver-chemo", [sentence]) == "excluded"
    assert verdict("nodriver-chemo-io", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients cannot have received more than 2 prior lines of systemic therapy.",
    "Participants may not have had more than two prior systemic regimens for advanced disease.",
    "Subjects must not have received more than 2 prior lines of therapy.",
])
def test_cannot_have_received_more_than_n_lines_is_a_cap(sentence: str) -> None:
    assert verdict("three-lines", [sentence]) == "excluded"
    assert verdict("two-lines", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "No prior first line therapy.",
    "No prior first-line systemic treatment for metastatic disease.",
])
def test_no_prior_first_line_therapy_excludes_the_treated(sentence: str) -> None:
    assert verdict("nodriver-chemo-io", [sentence]) == "excluded"
    assert verdict("nodriver-naive", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Prior therapy with PD-1 pathway blockade.",
    "Prior treatment with an agent targeting the PD-1/PD-L1 axis.",
    "Previous treatment with a programmed death receptor-1 blocking antibody.",
    "Prior IO.",
])
def test_pd1_wordings_are_immunotherapy(sentence: str) -> None:
    assert verdict("nodriver-chemo-io", exclusion=[sentence]) == "excluded"
    assert verdict("nodriver-chemo", exclusion=[sentence]) == "eligible"


def test_a_drug_against_another_variant_of_the_gene_is_no_near_miss() -> None:
    sentence = "Prior treatment with KRAS G12D targeted therapy."
    assert verdict("kras-g12c-post-sotorasib", exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients must have completed any prior systemic therapy at the time of enrollment.",
    "Participants must have finished all prior anticancer treatment by the time of randomization.",
])
def test_completing_prior_therapy_by_enrolment_asks_for_none(sentence: str) -> None:
    assert verdict("nodriver-naive", [sentence]) == "eligible"


def test_a_real_shaped_lone_or_among_per_tumour_items_is_a_question() -> None:
    inclusion = ["Patients must have:", "previously received standard systemic therapy for their advanced cancer and "
                 "have recurred, specifically:\n  * Patients with colorectal cancer must have had two regimens.\n"
                 "  * Patients with NSCLC must have had platinum-based chemotherapy.\n  * OR\n"
                 "  * declined standard treatment.", "Patients must have completed any prior systemic therapy at the "
                 "time of enrollment."]
    assert verdict("nodriver-naive", inclusion) == "unknown"
    assert verdict("nodriver-chemo", inclusion) == "eligible"


def test_a_window_in_a_clause_of_its_own_keeps_the_requirement() -> None:
    sentence = "Must have received prior platinum chemotherapy, with the last dose at least 4 weeks before enrolment."
    assert verdict("egfr-post-osimertinib", [sentence]) == "excluded"
