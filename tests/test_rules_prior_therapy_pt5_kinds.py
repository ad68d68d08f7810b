"""Prior-therapy sentence kinds read in session pt5: genes listed before one shared class word ("EGFR or ALK
inhibitors", "cMET or hepatocyte growth factor (HGF) inhibitor"), "exactly N prior lines", an exception told
elsewhere ("(except as noted above)"), an allowance worded "can enter / can into the group", an alternative set
between a verb and its object ("progression on or after, or not a candidate for, standard therapy"), and a
two-target antibody banned through its second target only. A false exclusion is the worst error: open wording
gives unknown."""

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
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "gefitinib": {"biomarkers": EGFR, "prior_therapies": ["gefitinib"], "prior_lines": 1},
    "alectinib": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "prior_therapies": ["alectinib"],
                  "prior_lines": 1},
    "entrectinib": {"biomarkers": [{"gene": "ROS1", "alteration": "fusion"}], "prior_therapies": ["entrectinib"],
                    "prior_lines": 1},
    "dabrafenib": {"biomarkers": [{"gene": "BRAF", "alteration": "V600E"}], "prior_lines": 1,
                   "prior_therapies": ["dabrafenib", "trametinib"]},
    "capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}], "prior_lines": 1,
                   "prior_therapies": ["capmatinib"]},
    "tepotinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}], "prior_lines": 1,
                  "prior_therapies": ["tepotinib"]},
    "amivantamab": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 20 insertion"}], "prior_lines": 1,
                    "prior_therapies": ["carboplatin", "pemetrexed", "amivantamab"]},
    "chemo": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"]},
    "three-lines": {"tested_negative": GENES, "prior_lines": 3,
                    "prior_therapies": ["carboplatin", "paclitaxel", "nivolumab", "docetaxel", "gemcitabine"]},
}

verdict = partial(named_verdict, PATIENTS)


# --- 1. genes listed before one shared class word --------------------------------------------------------------

# (ban, patients it bans, patients it leaves in)
SHARED_CLASS_WORD = [
    ("Prior treatment with EGFR or ALK inhibitors", ["osimertinib", "gefitinib", "alectinib"],
     ["chemo", "entrectinib", "capmatinib"]),
    ("Any prior ALK, ROS1 or NTRK inhibitor", ["alectinib", "entrectinib"], ["osimertinib", "chemo-io"]),
    ("Previous therapy with ROS1 or ALK targeted inhibitors", ["alectinib", "entrectinib"], ["gefitinib", "naive"]),
    ("Received BRAF and/or MEK inhibitors at any time", ["dabrafenib"], ["capmatinib", "chemo"]),
    ("Prior crizotinib, or any other cMET or hepatocyte growth factor (HGF) inhibitor", ["capmatinib", "tepotinib"],
     ["alectinib", "chemo-io"]),
    ("Prior ALK- or EGFR-tyrosine kinase inhibitors", ["alectinib", "gefitinib", "osimertinib"],
     ["capmatinib", "chemo"]),
    ("Has received a ROS1, ALK, or MET tyrosine kinase inhibitor before", ["entrectinib", "alectinib", "capmatinib"],
     ["osimertinib", "chemo-io-docetaxel"]),
]


@pytest.mark.parametrize(("sentence", "banned", "kept"), SHARED_CLASS_WORD)
def test_every_gene_before_a_shared_class_word_is_banned(sentence: str, banned: list[str], kept: list[str]) -> None:
    for who in banned:
        assert verdict(who, exclusion=[sentence]) == "excluded", who
    for who in kept:
        assert verdict(who, exclusion=[sentence]) == "eligible", who


@pytest.mark.parametrize("sentence", [
    "Prior EGFR or ALK inhibitors",
    "Progressed on EGFR or ALK inhibitors",
    "Must have progressed on a ROS1, ALK or NTRK tyrosine kinase inhibitor",
])
def test_a_shared_class_word_asked_for_takes_any_gene_of_the_list(sentence: str) -> None:
    assert verdict("osimertinib" if "EGFR" in sentence else "entrectinib", [sentence]) == "eligible"
    assert verdict("alectinib", [sentence]) == "eligible"
    assert verdict("chemo", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    # Near misses: a gene that is a finding, not a target ("EGFR mutation or ALK inhibitor"), a list narrowed by
    # what comes before it, a gene joined to its own class word only.
    "Prior ALK inhibitor in patients with an EGFR mutation",
    "Patients with EGFR mutation or prior ALK inhibitor",
    "Prior exon 20 insertion-targeted EGFR or HER2 tyrosine kinase inhibitor (e.g. mobocertinib)",
])
def test_a_gene_not_joined_to_the_class_word_is_not_banned(sentence: str) -> None:
    assert verdict("gefitinib", exclusion=[sentence]) == "eligible"


def test_a_single_gene_with_a_qualifier_names_its_class() -> None:
    assert verdict("alectinib", exclusion=["Prior treatment with ALK-targeted inhibitors"]) == "excluded"
    assert verdict("gefitinib", exclusion=["Prior treatment with ALK-targeted inhibitors"]) == "eligible"


# --- 2. exactly N prior lines -----------------------------------------------------------------------------------

EXACTLY_ONE = [
    "Exactly one prior line of systemic therapy for metastatic disease",
    "Exactly 1 prior line of therapy in the advanced setting, which must have included platinum",
    "Must have received one and only one prior systemic regimen for advanced NSCLC",
    "Patients must have had precisely one prior line of treatment for stage IV disease",
    "Exactly one previous regimen for recurrent or metastatic disease (chemotherapy with or without immunotherapy)",
    "Received exactly one prior line of anticancer therapy",
]


@pytest.mark.parametrize("sentence", EXACTLY_ONE)
def test_exactly_one_line_is_a_floor_and_a_ceiling(sentence: str) -> None:
    assert verdict("chemo-io", [sentence]) == "eligible"
    assert verdict("chemo-io-docetaxel", [sentence]) == "excluded"
    assert verdict("three-lines", [sentence]) == "excluded"
    assert verdict("naive", [sentence]) == "excluded"


def test_exactly_two_lines() -> None:
    sentence = "Exactly two prior lines of systemic therapy for metastatic disease"
    assert verdict("chemo-io-docetaxel", [sentence]) == "eligible"
    assert verdict("chemo-io", [sentence]) == "excluded"
    assert verdict("three-lines", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    # Near misses: a count of one class (the class asked for says it), an exclusion of it, cycles.
    "Either ALK inhibitor-naive, or progressed on exactly one prior second-generation ALK inhibitor",
    "Progressed on exactly one prior MET TKI (capmatinib or tepotinib)",
])
def test_exactly_one_of_a_class_is_no_count_of_all_lines(sentence: str) -> None:
    assert verdict("three-lines", [sentence]) != "excluded" or "MET" in sentence
    assert verdict("alectinib" if "ALK" in sentence else "capmatinib", [sentence]) == "eligible"


def test_exactly_one_line_for_one_cohort_binds_that_cohort() -> None:
    sentences = ["Cohort A: no prior systemic therapy for advanced disease",
                 "Cohort B: exactly one prior line of therapy in the metastatic setting, which must have been "
                 "platinum-based chemotherapy"]
    assert verdict("naive", sentences) == "eligible"
    assert verdict("chemo-io", sentences) == "eligible"
    assert verdict("chemo-io-docetaxel", sentences) == "excluded"


# --- 3. an exception told elsewhere -------------------------------------------------------------------------

REFERRED_EXCEPTION = [
    ("Prior treatment with an ALK inhibitor (except as noted above)", "alectinib"),
    ("Prior osimertinib, except as specified in inclusion criterion 5", "osimertinib"),
    ("Previous MET TKI therapy unless otherwise stated in the cohort criteria", "capmatinib"),
    ("Prior docetaxel (with the exceptions listed above)", "chemo-io-docetaxel"),
    ("Prior EGFR TKI (see exceptions in inclusion criteria)", "gefitinib"),
    ("Prior ROS1, ALK or NTRK inhibitors in patients whose tumours carry the respective fusion (except as "
     "described above)", "entrectinib"),
]


@pytest.mark.parametrize(("sentence", "who"), REFERRED_EXCEPTION)
def test_a_ban_with_an_exception_told_elsewhere_is_a_question(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "unknown"
    assert verdict("naive", exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Prior treatment with an ALK inhibitor",
    "Prior treatment with an ALK inhibitor, as noted above",
])
def test_a_ban_without_an_exception_stays_firm(sentence: str) -> None:
    assert verdict("alectinib", exclusion=[sentence]) == "excluded"


# --- 4. an allowance worded "can enter" ----------------------------------------------------------------------

NAIVE_WITH_ADJUVANT = [
    "Subjects have not received any systemic anti-tumor therapy for the advanced disease. Subjects who received "
    "adjuvant or neo-adjuvant therapy (chemotherapy, not EGFR-TKI) can into the group if the disease progress "
    "occurred at least 12 months after the last treatment.",
    "No prior systemic treatment for metastatic disease. Patients who received adjuvant chemotherapy can enter the "
    "study if relapse occurred more than 6 months after it.",
    "No systemic therapy for advanced NSCLC. Those who had neoadjuvant chemotherapy (but not targeted therapy) may "
    "enter the group provided 6 months have passed.",
    "Untreated advanced disease. Subjects who have received adjuvant platinum can also enter the trial if "
    "recurrence came 12 months or more later.",
    "Treatment-naive for advanced disease; patients with prior perioperative chemotherapy can be into the group if "
    "it ended over 6 months before.",
    "No previous systemic therapy for stage IV disease. Patients treated with adjuvant cisplatin doublet could enter "
    "the study if progression occurred 12 months after completion.",
]


@pytest.mark.parametrize("sentence", NAIVE_WITH_ADJUVANT)
def test_an_adjuvant_allowance_asks_for_nothing_and_keeps_the_naive_rule(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("osimertinib", [sentence]) == "excluded"
    assert verdict("chemo-io", [sentence]) == "excluded"


def test_can_enter_the_group_if_names_no_cohort() -> None:
    sentence = NAIVE_WITH_ADJUVANT[0]
    exclusion = ["Previous EGFR-TKI treatment (including gefitinib, erlotinib or osimertinib)"]
    assert verdict("gefitinib", [sentence], exclusion) == "excluded"
    assert verdict("naive-egfr", [sentence], exclusion) == "eligible"


# --- 5. an alternative between a verb and its object ---------------------------------------------------------

INTERPOSED = [
    "Disease progression on or after, or not a candidate for, standard therapy",
    "Progressed on, or are not eligible for, standard systemic treatment",
    "Documented progression following, or ineligible for, available standard therapies",
    "Relapsed after, or unsuitable for, standard treatment options",
    "Disease that progressed on, or is not a candidate for, standard of care therapy",
    "Must have progressed after, or declined, standard first-line treatment",
]


@pytest.mark.parametrize("sentence", INTERPOSED)
def test_an_interposed_alternative_makes_an_untreated_patient_a_question(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "unknown"
    assert verdict("chemo-io", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Progressed on, or is intolerant of, standard therapy",
    "Disease progression on or after standard therapy",
])
def test_an_intolerance_or_no_alternative_stays_firm(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"


# --- 6. a two-target antibody banned through its second target ----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Prior treatment with any MET inhibitor",
    "Prior crizotinib, or any other cMET or HGF inhibitor",
    "Previous MET-targeted therapy",
    "Received a c-MET inhibitor at any time",
    "Prior MET TKI or MET-directed therapy",
    "Any prior anti-MET therapy",
])
def test_a_bispecific_under_a_ban_on_its_second_target_is_a_question(sentence: str) -> None:
    assert verdict("amivantamab", exclusion=[sentence]) == "unknown"
    assert verdict("capmatinib", exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Prior EGFR-targeted therapy",
    "Prior amivantamab",
    "Prior treatment with any monoclonal antibody",
    "Prior EGFR-directed antibody",
])
def test_a_bispecific_under_a_ban_on_its_own_class_or_name_stays_banned(sentence: str) -> None:
    assert verdict("amivantamab", exclusion=[sentence]) == "excluded"


# --- 7. "approved or investigational" names the approved drugs too --------------------------------------------

@pytest.mark.parametrize(("sentence", "who"), [
    ("Prior approved or investigational ALK inhibitors", "alectinib"),
    ("Prior treatment with approved and/or investigational TRK, ROS1 or ALK inhibitors", "entrectinib"),
    ("Prior therapy with any approved or investigational MET TKI", "capmatinib"),
    ("Previous approved and investigational EGFR tyrosine kinase inhibitors", "gefitinib"),
    ("Prior approved or investigational BRAF inhibitor", "dabrafenib"),
    ("Prior approved or investigational EGFR or ALK inhibitors", "osimertinib"),
])
def test_approved_or_investigational_bans_the_approved_drug(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "excluded"


def test_investigational_alone_stays_a_question() -> None:
    assert verdict("alectinib", exclusion=["Prior investigational ALK inhibitors"]) == "unknown"
