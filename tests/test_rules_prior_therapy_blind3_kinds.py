"""Kinds of prior-therapy sentence found wrong on a blind set of real trials, each with invented wordings and
near misses.

- A negation right before an exposure word ("never previously treated with X", "has not been pretreated with
  X") bans X; before a present word ("not currently receiving X") it says nothing of the past.
- "Untreated or previously treated with X": two ways in, either is enough.
- A requirement the study may give itself: asked for X in a trial that bans X for advanced disease, or that
  names a run-in beside X, is a question for a patient without X (the run-in gives it), and with a run-in the
  ban on X before the study stands.
- "Therapies targeting (directed against, that target) PD-1 or PD-L1" name the PD-1/PD-L1 class.
- "Must have been on X for 12 weeks", "must be on X": X is required; the weeks are how long, not a washout.
- "After both X and at least 1 additional therapy": X is a line of its own too, so one line is a question.
- "Failure of, intolerance to, or not willing to accept X", "cannot be treated by X": an untreated patient may
  come in by refusing, a question; a treated one is in.
- "Biological therapy": a small-molecule targeted drug may or may not count (unknown); "monoclonal antibodies"
  do not take TKIs in.
- "Patients in active medical treatment" (no drug named): whether treatment goes on now is not in the profile.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

EGFR = [{"gene": "EGFR", "alteration": "L858R"}]
PROFILES = {
    "untreated": {"prior_therapies": [], "prior_lines": 0},
    "untreated-lines-null": {"prior_therapies": [], "prior_lines": None},
    "adjuvant-cisplatin": {"prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0},
    "osimertinib": {"prior_therapies": ["osimertinib"], "prior_lines": 1, "biomarkers": EGFR},
    "icotinib": {"prior_therapies": ["icotinib"], "prior_lines": 1, "biomarkers": EGFR},
    "lorlatinib": {"prior_therapies": ["lorlatinib"], "prior_lines": 1,
                   "biomarkers": [{"gene": "ALK", "alteration": "fusion"}]},
    "chemo": {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1},
    "chemo-io": {"prior_therapies": ["cisplatin", "pemetrexed", "cemiplimab"], "prior_lines": 1},
    "chemo-io-then-docetaxel": {"prior_therapies": ["carboplatin", "paclitaxel", "tislelizumab", "docetaxel"],
                                "prior_lines": 2},
    "durvalumab": {"prior_therapies": ["durvalumab"], "prior_lines": 1},
    "nivolumab": {"prior_therapies": ["nivolumab"], "prior_lines": 1},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> str:
    return prior_verdict(PROFILES[who], ["Stage IV NSCLC", *(inclusion or [])], exclusion or ())


# --- a negation right before an exposure word -------------------------------------------------------------

NEVER_TREATED_WITH = [
    "Never previously treated with radiotherapy, chemotherapy or surgery for malignant disease.",
    "Patients must not have been previously treated with systemic chemotherapy",
    "Has never been pretreated with cytotoxic chemotherapy",
    "Not previously treated with chemotherapy of any kind",
]


@pytest.mark.parametrize("sentence", NEVER_TREATED_WITH)
@pytest.mark.parametrize(("who", "expected"), [
    ("untreated", "eligible"), ("osimertinib", "eligible"), ("nivolumab", "eligible"),
    ("chemo", "excluded"), ("chemo-io-then-docetaxel", "excluded"),
])
def test_never_previously_treated_with_bans_it(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


@pytest.mark.parametrize("sentence", NEVER_TREATED_WITH)
def test_never_treated_with_beside_a_ban_on_systemic_therapy(sentence: str) -> None:
    ban = "Patients with prior chemotherapy or other systemic anti-tumour therapy (e.g. monoclonal antibodies or TKIs)"
    assert verdict("untreated", [sentence], [ban]) == "eligible"
    assert verdict("osimertinib", [sentence], [ban]) == "excluded"
    assert verdict("chemo-io", [sentence], [ban]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Previously treated with platinum-based chemotherapy",
    "Patients pretreated with at least one chemotherapy regimen",
])
def test_exposure_without_negation_still_asks_for_it(sentence: str) -> None:
    assert verdict("untreated", [sentence]) == "excluded"
    assert verdict("chemo", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients who are not currently receiving a PD-1 inhibitor",
    "Not currently on treatment with an anti-PD-1 antibody",
    "Patients must not be on a PD-1 inhibitor at enrolment",
])
@pytest.mark.parametrize("who", ["untreated", "osimertinib", "nivolumab", "chemo-io"])
def test_not_currently_on_a_drug_says_nothing_of_the_past(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


def test_currently_on_a_drug_still_asks_for_it() -> None:
    assert verdict("untreated", ["Currently receiving a PD-1 inhibitor"]) == "excluded"
    assert verdict("nivolumab", ["Currently receiving a PD-1 inhibitor"]) != "excluded"


# --- untreated, or previously treated with X --------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Untreated or previously treated with chemotherapy",
    "Either untreated or pretreated with platinum-based chemotherapy",
    "Patients must be untreated or have been treated with one prior platinum doublet",
])
@pytest.mark.parametrize(("who", "expected"), [("untreated", "eligible"), ("chemo", "eligible"),
                                               ("osimertinib", "excluded")])
def test_untreated_or_treated_with_x_offers_two_ways_in(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


# --- a requirement the study may give itself ---------------------------------------------------------------

MAINTENANCE = [
    "Completion of 4 cycles of platinum-based chemotherapy without progression",
    "Must have completed four cycles of cisplatin and pemetrexed without disease progression",
    "Stable disease or better after 4 cycles of carboplatin-based doublet chemotherapy",
]
BANS_FOR_ADVANCED = [
    "Prior chemotherapy or systemic anti-neoplastic therapy for advanced disease before screening",
    "Any previous systemic treatment for metastatic NSCLC",
]
RUN_IN = "Use of pemetrexed as maintenance (pemetrexed is allowed during the chemotherapy run-in)"


@pytest.mark.parametrize("need", MAINTENANCE)
@pytest.mark.parametrize("ban", BANS_FOR_ADVANCED)
def test_required_treatment_banned_for_advanced_disease_is_a_question(need: str, ban: str) -> None:
    assert verdict("untreated", [need], [ban]) == "unknown"
    assert verdict("osimertinib", [need], [ban]) != "eligible"


@pytest.mark.parametrize("need", MAINTENANCE)
@pytest.mark.parametrize("ban", BANS_FOR_ADVANCED)
def test_with_a_run_in_the_ban_on_earlier_treatment_stands(need: str, ban: str) -> None:
    assert verdict("untreated", [need], [ban, RUN_IN]) == "unknown"
    assert verdict("chemo", [need], [ban, RUN_IN]) == "excluded"
    assert verdict("chemo-io", [need], [ban, RUN_IN]) == "excluded"


@pytest.mark.parametrize("need", MAINTENANCE)
def test_a_run_in_alone_makes_the_requirement_a_question(need: str) -> None:
    run_in = "Patients receive carboplatin doublet chemotherapy during a 12-week run-in before randomisation"
    assert verdict("untreated", [need, run_in]) == "unknown"
    assert verdict("chemo", [need, run_in]) != "excluded"


@pytest.mark.parametrize("need", MAINTENANCE)
def test_without_a_ban_or_run_in_the_requirement_stands(need: str) -> None:
    assert verdict("untreated", [need]) == "excluded"
    assert verdict("untreated", [need, "Phase 1b safety run-in of the study drug"]) == "excluded"


@pytest.mark.parametrize("need", [
    "Progressed after platinum-based chemotherapy",
    "Disease progression on or after prior platinum doublet chemotherapy",
])
def test_progression_on_x_is_no_run_in(need: str) -> None:
    assert verdict("untreated", [need], [BANS_FOR_ADVANCED[0]]) == "excluded"
    assert verdict("untreated", [need], [BANS_FOR_ADVANCED[0], RUN_IN]) == "excluded"


# --- classes named by their target --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Received prior therapies targeting PD-1 or PD-L1.",
    "Prior treatment with agents directed against PD-1 or PD-L1",
    "Previous drugs targeted against PD-1 or PD-L1",
    "Prior antibodies blocking PD-1/PD-L1",
])
@pytest.mark.parametrize(("who", "expected"), [("chemo-io", "excluded"), ("durvalumab", "excluded"),
                                               ("nivolumab", "excluded"), ("chemo", "eligible"),
                                               ("untreated", "eligible")])
def test_therapy_targeting_pd1_is_a_pd1_inhibitor(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, exclusion=[sentence]) == expected


def test_one_target_named_leaves_its_sibling_a_question() -> None:
    assert verdict("nivolumab", exclusion=["Prior therapy targeting PD-L1"]) == "unknown"
    assert verdict("durvalumab", exclusion=["Prior therapy targeting PD-L1"]) == "excluded"


def test_pd_l1_expression_is_no_treatment() -> None:
    assert verdict("durvalumab", ["Tumour PD-L1 expression of at least 1%"]) == "eligible"


# --- "must have been on X" --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Patients must have been on CPI (i.e., anti-PD-1 or anti-PD-L1) for at least 12 weeks before screening",
    "Must be on anti-PD-1 treatment as prescribed by the treating physician",
    "Patients must have been on a PD-1 inhibitor for at least 3 months and must be on it at screening",
])
@pytest.mark.parametrize(("who", "excluded"), [("untreated", True), ("osimertinib", True), ("chemo", True),
                                               ("nivolumab", False), ("chemo-io", False)])
def test_must_have_been_on_x_asks_for_x(sentence: str, who: str, excluded: bool) -> None:
    assert (verdict(who, [sentence]) == "excluded") is excluded


def test_patients_who_have_been_on_x_is_a_condition() -> None:
    sentence = "Patients who have been on a PD-1 inhibitor for longer than 12 weeks need to have stable disease"
    assert verdict("untreated", [sentence]) != "excluded"


# --- X and at least N additional therapies ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Disease progression or recurrence after both a platinum doublet-based chemotherapy regimen and at least 1 "
    "additional systemic therapy",
    "Progressed after platinum-based chemotherapy and at least one additional line of therapy",
    "Previously treated with a platinum doublet plus at least one further systemic regimen",
])
@pytest.mark.parametrize(("who", "expected"), [("untreated", "excluded"), ("osimertinib", "excluded"),
                                               ("chemo-io", "unknown"), ("chemo-io-then-docetaxel", "eligible")])
def test_x_and_additional_lines_count_x_as_a_line(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


def test_a_plain_count_is_not_raised() -> None:
    assert verdict("chemo-io", ["Must have received at least one prior line of systemic therapy"]) == "eligible"


# --- failure, intolerance or refusal ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The patients who can not be treated by surgical resection, conventional radiotherapy and chemotherapy or "
    "molecular targeted drugs treatment failure, not willing to accept, or intolerance to radiotherapy and "
    "chemotherapy or molecular targeted therapy.",
    "Failure of, intolerance to, or unwillingness to receive chemotherapy or targeted therapy",
    "Patients who failed, did not tolerate or refused chemotherapy or targeted therapy",
    "Advanced disease that is resistant to standard therapy or for which treatment is not available, not "
    "tolerated or refused",
])
@pytest.mark.parametrize(("who", "expected"), [("untreated", "unknown"), ("chemo", "eligible"),
                                               ("osimertinib", "eligible")])
def test_refusal_is_a_way_in_for_the_untreated(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


def test_refusing_alone_sets_no_rule() -> None:
    assert verdict("untreated", ["Patients who refused chemotherapy"]) == "eligible"


def test_failure_or_intolerance_alone_needs_treatment() -> None:
    sentence = "Failure of or intolerance to platinum-based chemotherapy"
    assert verdict("untreated", [sentence]) == "excluded"
    assert verdict("chemo", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ["Patients who cannot be treated with chemotherapy",
                                      "Patients who can not be treated with platinum-based chemotherapy"])
def test_cannot_be_treated_with_x_is_no_requirement(sentence: str) -> None:
    assert verdict("untreated", [sentence]) != "excluded"


# --- biological therapy --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Prior systemic chemotherapy or biological therapy",
    "Previous biologic agents for lung cancer",
    "Any prior biological treatment",
])
@pytest.mark.parametrize(("who", "expected"), [("osimertinib", "unknown"), ("icotinib", "unknown"),
                                               ("lorlatinib", "unknown"), ("nivolumab", "excluded"),
                                               ("untreated", "eligible")])
def test_biological_therapy_may_take_in_tkis(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, exclusion=[sentence]) == expected


def test_chemotherapy_or_biological_therapy_still_bans_chemotherapy() -> None:
    assert verdict("chemo", exclusion=["Prior systemic chemotherapy or biological therapy"]) == "excluded"


@pytest.mark.parametrize("sentence", ["Prior monoclonal antibody therapy", "Prior therapeutic antibodies"])
def test_monoclonal_antibodies_do_not_take_in_tkis(sentence: str) -> None:
    assert verdict("osimertinib", exclusion=[sentence]) == "eligible"
    assert verdict("nivolumab", exclusion=[sentence]) == "excluded"


# --- treatment going on now -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Patients in active medical treatment.",
    "Undergoing active oncological treatment for lung cancer",
    "Patients currently on active anticancer therapy",
    "Receiving ongoing systemic treatment",
])
@pytest.mark.parametrize("who", ["untreated", "untreated-lines-null", "chemo-io", "osimertinib"])
def test_active_treatment_is_a_question(sentence: str, who: str) -> None:
    expected = ("unknown",)
    if who == "untreated" and "anticancer" in sentence:
        expected = ("unknown", "excluded")  # "currently on anticancer therapy": someone with none listed is not
    assert verdict(who, [sentence]) in expected


@pytest.mark.parametrize("sentence", [
    "Patients not in active treatment",
    "Patients who have completed active treatment",
    "Progression on ongoing treatment or intolerance to it",
])
def test_no_active_treatment_asked(sentence: str) -> None:
    assert verdict("untreated", [sentence]) != "excluded"
    assert verdict("chemo-io", [sentence]) != "excluded"


# --- "X-containing therapy" for a target class -------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Patients must have received no more than four prior lines of therapy, including a PD-1 / PD-L1-containing "
    "therapy and a platinum containing regimen.",
    "Prior treatment with a platinum-based regimen and a PD-1-based regimen",
])
@pytest.mark.parametrize(("who", "expected"), [("chemo-io", "eligible"), ("chemo", "excluded"),
                                               ("osimertinib", "excluded")])
def test_target_containing_regimen_is_the_class(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


def test_pd_l1_based_selection_is_no_treatment() -> None:
    assert verdict("chemo", ["PD-L1 based patient selection with a validated assay"]) == "eligible"


# --- "including adjuvant": every setting, not the early one only ---------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Previously treated with 1 chemotherapy regimen, including adjuvant treatment",
    "Prior platinum-based chemotherapy, including in the adjuvant setting",
])
@pytest.mark.parametrize(("who", "expected"), [("chemo", "eligible"), ("chemo-io", "eligible"),
                                               ("adjuvant-cisplatin", "eligible"), ("untreated", "excluded")])
def test_requirement_including_adjuvant_counts_every_setting(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


@pytest.mark.parametrize("sentence", [
    "Prior chemotherapy, including adjuvant chemotherapy",
    "Any prior systemic therapy for lung cancer, including neoadjuvant or adjuvant treatment",
])
@pytest.mark.parametrize(("who", "expected"), [("chemo", "excluded"), ("adjuvant-cisplatin", "excluded"),
                                               ("untreated", "eligible")])
def test_ban_including_adjuvant_counts_every_setting(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, exclusion=[sentence]) == expected


def test_adjuvant_only_ban_stays_a_question_for_advanced_lines() -> None:
    assert verdict("chemo", exclusion=["Prior adjuvant chemotherapy"]) == "unknown"


# --- a line still to come, after the history ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Received platinum-based doublet chemotherapy as first-line treatment with subsequent disease progression, and "
    "had to be eligible for second-line treatment",
    "Progressed after platinum chemotherapy and are candidates for second-line therapy",
])
@pytest.mark.parametrize(("who", "expected"), [("chemo", "eligible"), ("chemo-io", "eligible"),
                                               ("chemo-io-then-docetaxel", "excluded"), ("untreated", "excluded")])
def test_eligible_for_second_line_after_progression_caps_one_line(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


def test_progressed_after_second_line_still_asks_two_lines() -> None:
    assert verdict("chemo-io", ["Progressed after second-line therapy"]) == "excluded"
    assert verdict("chemo-io-then-docetaxel", ["Progressed after second-line therapy"]) == "eligible"


def test_must_have_been_on_x_for_weeks_leaves_the_length_open() -> None:
    sentence = "Must currently be on amivantamab for at least 8 weeks without any dose reduction"
    assert verdict("chemo-io", [sentence]) == "excluded"
    assert verdict("untreated", [sentence]) == "excluded"
    assert prior_verdict({"prior_therapies": ["amivantamab"], "prior_lines": 1}, ["Stage IV NSCLC", sentence]) \
        == "unknown"
