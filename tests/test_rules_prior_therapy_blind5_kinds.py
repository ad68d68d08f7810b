"""Prior-therapy sentence kinds read too strictly on a fifth blind set: a requirement with an intolerance way in
worded oddly ("or cannot suffer", "or could not bear it"), ... None of them may exclude on what the profile
cannot show."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.prior_therapy_cases import FULL_PANEL as GENES
from tests.prior_therapy_cases import named_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "naive-egfr": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "prior_therapies": [], "prior_lines": 0},
    "untested-naive": {"prior_therapies": [], "prior_lines": 0},
    "osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                    "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "kras-chemo": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}],
                   "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1},
}


verdict = partial(named_verdict, PATIENTS)


# --- 1. an intolerance way in worded oddly --------------------------------------------------------------------

CANNOT_BEAR = [
    "at least two systematic chemotherapy with upwards of 1-line treatments or cannot suffer",
    "At least two prior lines of systemic chemotherapy, or could not bear it",
    "Failed at least one platinum-based chemotherapy or could not endure it",
    "Relapse after first-line platinum doublet chemotherapy, or can't stand it",
    "Progressed after a platinum-containing regimen or not fit for chemotherapy",
    "Disease progression after docetaxel or unable to withstand further cytotoxic treatment",
]


@pytest.mark.parametrize("sentence", CANNOT_BEAR)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "untested-naive", "osimertinib"])
def test_cannot_bear_the_treatment_is_a_way_in_the_profile_cannot_show(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", CANNOT_BEAR[2:5])
def test_cannot_bear_the_treatment_still_lets_the_treated_in(sentence: str) -> None:
    assert verdict("chemo-io", [sentence]) == "eligible"


NOT_A_WAY_IN = [
    # No "or": the bearing words do not offer another way in.
    "Progressed after at least one platinum doublet; patients who cannot stand unaided are not excluded",
    "Progression after platinum-based chemotherapy, and able to tolerate oral medication",
]


@pytest.mark.parametrize("sentence", NOT_A_WAY_IN)
def test_near_miss_bearing_words_without_an_alternative_keep_the_requirement(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("chemo-io", [sentence]) == "eligible"


# --- 2. a group named by an unspecified marker ------------------------------------------------------------------

UNSPECIFIED_GROUP = [
    "Participants with genome mutations must have received 1 or 2 prior lines of EGFR TKI",
    "Patients with genomic alterations must have progressed on at least one prior tyrosine kinase inhibitor",
    "Individuals with gene mutations should have received prior targeted therapy",
    "Subjects with molecular alterations must have had at least one prior line of TKI therapy",
    "Participants with genomic alterations must have received prior osimertinib; and 1 platinum-based therapy "
    "after progression on osimertinib",
]


@pytest.mark.parametrize("sentence", UNSPECIFIED_GROUP)
def test_unspecified_marker_group_binds_no_one_tested_negative(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("chemo-io", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", UNSPECIFIED_GROUP)
def test_unspecified_marker_group_is_open_when_the_driver_status_is_not_known(sentence: str) -> None:
    assert verdict("untested-naive", [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", UNSPECIFIED_GROUP[:4])
def test_unspecified_marker_group_still_binds_a_carrier(sentence: str) -> None:
    assert verdict("naive-egfr", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "eligible"


def test_the_and_part_after_a_semicolon_keeps_the_group() -> None:
    sentence = UNSPECIFIED_GROUP[4]
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("untested-naive", [sentence]) == "unknown"
    assert verdict("osimertinib", [sentence], prior_therapies=["osimertinib", "carboplatin", "pemetrexed"],
                   prior_lines=2) == "eligible"


NOT_A_MARKER_GROUP = [
    "Patients with measurable disease must have received prior platinum-based chemotherapy",
    "Patients must have received prior platinum-based chemotherapy; and at least one further line",
]


@pytest.mark.parametrize("sentence", NOT_A_MARKER_GROUP)
def test_near_miss_a_group_that_is_no_marker_binds_everyone(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("untested-naive", [sentence]) == "excluded"


# --- 3. a rule conditioned on a fact prior_therapy does not read ------------------------------------------------

OTHER_FACT_EXCLUSIONS = [
    "Patients with PD-L1 >= 50% who have received prior chemotherapy",
    "Participants whose tumours express PD-L1 TPS of 1% or more and who had prior platinum doublet",
    "ECOG 2 patients who have received more than one prior line of therapy",
    "Patients aged 70 or older who have received prior platinum-based chemotherapy",
    "Subjects 75 years and older previously treated with more than one line of chemotherapy",
]


@pytest.mark.parametrize("sentence", OTHER_FACT_EXCLUSIONS)
@pytest.mark.parametrize("pdl1", [None, 5, 80])
def test_exclusion_for_a_group_of_another_fact_never_excludes(sentence: str, pdl1: int | None) -> None:
    two_lines = {"prior_therapies": ["carboplatin", "pemetrexed", "docetaxel"], "prior_lines": 2}
    assert verdict("chemo-io", [], [sentence], pdl1_tps=pdl1, **two_lines) != "excluded"
    assert verdict("chemo-io", [], [sentence], pdl1_tps=pdl1, ecog=2, age=80, **two_lines) != "excluded"


OTHER_FACT_REQUIREMENTS = [
    "For squamous NSCLC: prior platinum-based chemotherapy; for non-squamous NSCLC: prior platinum and pemetrexed",
    "Patients with PD-L1 >= 50% must have received prior pembrolizumab",
    "Patients aged 70 or older must have received prior platinum-based chemotherapy",
    "Patients with ECOG 2 must have received at least one prior line of chemotherapy",
    "In patients with brain metastases, prior osimertinib is required",
]


@pytest.mark.parametrize("sentence", OTHER_FACT_REQUIREMENTS)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "kras-chemo"])
def test_requirement_for_a_group_of_another_fact_is_a_question(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) != "excluded"


def test_squamous_half_does_not_bind_by_the_non_squamous_half() -> None:
    sentence = OTHER_FACT_REQUIREMENTS[0]
    squamous = {"histology": "squamous", "prior_therapies": ["carboplatin", "paclitaxel"], "prior_lines": 1}
    assert verdict("chemo-io", [sentence], **squamous) == "unknown"
    assert verdict("chemo-io", [sentence]) == "eligible"  # platinum and pemetrexed meet both halves


NOT_ANOTHER_FACT = [
    "Prior treatment with an anti-PD-L1 antibody is required",
    "Patients must have received prior platinum-based chemotherapy for at least 2 cycles",
    "Patients with stage IV disease must have received prior platinum-based chemotherapy",
]


@pytest.mark.parametrize("sentence", NOT_ANOTHER_FACT)
def test_near_miss_no_other_fact_keeps_the_requirement(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"


# --- 4. requirement verbs in plainer or translated wording ----------------------------------------------------

PLAIN_VERB_REQUIREMENTS = [
    "The patients receive firstly 4-6 cycles chemotherapy (platinum-based doublet chemotherapy), and achieve "
    "response",
    "Patients were given platinum-based doublet chemotherapy before enrolment",
    "Took platinum-containing chemotherapy and then progressed",
    "Subjects received initially a platinum doublet and showed disease control",
]


@pytest.mark.parametrize("sentence", PLAIN_VERB_REQUIREMENTS)
def test_plain_verbs_ask_for_the_treatment(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "excluded"
    assert verdict("kras-chemo", [sentence]) != "excluded"


TOOK_FOR_A_TIME = [
    "took EGFR-TKI longer than 6 months and appeared disease progression",
    "Took an EGFR tyrosine kinase inhibitor for longer than 12 months before progression",
]


@pytest.mark.parametrize("sentence", TOOK_FOR_A_TIME)
def test_took_for_a_time_is_a_question_for_the_treated_and_excludes_the_untreated(sentence: str) -> None:
    assert verdict("osimertinib", [sentence]) == "unknown"  # how long is not in the profile
    assert verdict("naive-egfr", [sentence]) == "excluded"
    assert verdict("chemo-io", [sentence]) == "excluded"


NOT_A_PAST_TREATMENT = [
    "Patients will receive first-line platinum doublet chemotherapy in this study",
    "Patients must receive first dose of study treatment within 7 days of randomisation",
    "Patients who took part in the screening visit",
]


@pytest.mark.parametrize("sentence", NOT_A_PAST_TREATMENT)
def test_near_miss_future_or_other_taking_asks_for_nothing_had(sentence: str) -> None:
    assert verdict("naive", [sentence]) != "excluded"


# --- a sentence that says both ("have or have not"), and toxic reactions from earlier therapy --------------------

BOTH_WAYS = [
    "Patients positive for EGFR or ALK, have or have not drug tolerance after the treatment with targeted drugs",
    "Patients who have or have not received prior immunotherapy",
    "Participants who did or did not receive adjuvant chemotherapy are eligible",
    "Whether or not previously treated with an EGFR TKI",
]


@pytest.mark.parametrize("sentence", BOTH_WAYS)
@pytest.mark.parametrize("who", ["naive", "osimertinib", "chemo-io"])
def test_both_ways_is_no_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"
    assert verdict(who, [], [sentence]) == "eligible"


TOXIC_REACTIONS = [
    "Have got non remissive toxic reactions derived from previous therapies, which is over level 1 in CTC AE",
    "Unresolved toxic reactions from prior anticancer therapy above grade 1",
]


@pytest.mark.parametrize("sentence", TOXIC_REACTIONS)
@pytest.mark.parametrize("who", ["osimertinib", "chemo-io"])
def test_toxic_reactions_from_earlier_therapy_ban_no_treatment(sentence: str, who: str) -> None:
    assert verdict(who, [], [sentence]) != "excluded"


def test_near_miss_a_plain_negation_still_bans() -> None:
    assert verdict("chemo-io", ["Patients who have not received prior chemotherapy"]) == "excluded"
    assert verdict("naive", ["Patients who have not received prior chemotherapy"]) == "eligible"


# --- 5. two cohorts' ways in, one with "progression or intolerable toxicity after X" -------------------------

TWO_COHORTS = [
    "Cohort 1: disease progression or intolerable toxicity after previous therapy with platinum-based "
    "chemotherapeutic regimen; Cohort 2: no any previous systematic antitumor therapy for advanced diseases",
    "Cohort A: progression or unacceptable toxicity after platinum doublet chemotherapy; Cohort B: no prior systemic "
    "therapy for metastatic disease",
]


@pytest.mark.parametrize("sentence", TWO_COHORTS)
def test_two_cohorts_a_patient_fitting_neither_is_excluded(sentence: str) -> None:
    assert verdict("osimertinib", [sentence]) == "excluded"  # a TKI only: neither platinum nor untreated


@pytest.mark.parametrize("sentence", TWO_COHORTS)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "chemo-io", "kras-chemo"])
def test_two_cohorts_a_patient_fitting_either_is_eligible(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


def test_near_miss_toxicity_alone_is_still_a_toxicity_sentence() -> None:
    sentence = "Toxicity from previous platinum-based chemotherapy must have resolved to grade 1"
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("osimertinib", [sentence]) == "eligible"
