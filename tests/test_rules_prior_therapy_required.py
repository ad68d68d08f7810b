"""Prior-therapy requirements that used to be missed, on invented criteria: each kind with several wordings,
near misses that must stay eligible or unknown, and invented profiles (lines not given, unusual drug names,
three or more lines).

Kinds: a time window counted from an earlier treatment ("within 12 weeks after starting ICI", "progressed
within 6 months of the last dose of platinum"); a newly diagnosed cancer with systemic treatment planned;
progression "as assessed by the investigator" after two treatments; cycle and dose floors; "first
progression"; "X with Y"; a bracketed count against "a ... regimen"; "X before surgery" with surgery planned.
"""

from __future__ import annotations

from typing import Any

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import profile_from_dict

PROFILES: dict[str, dict[str, Any]] = {
    "naive": {"prior_therapies": [], "prior_lines": 0},
    "history-not-given": {},
    "adjuvant-only": {"prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0},
    "pembrolizumab-first-line": {"prior_therapies": ["pembrolizumab"], "prior_lines": 1},
    "pembrolizumab-no-line-yet": {"prior_therapies": ["pembrolizumab"], "prior_lines": 0},
    "chemo-io": {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
    "chemo-only": {"prior_therapies": ["cisplatin", "pemetrexed"], "prior_lines": 1},
    "osimertinib": {"prior_therapies": ["osimertinib"], "prior_lines": 1},
    "two-lines": {"prior_therapies": ["carboplatin", "paclitaxel", "pembrolizumab", "docetaxel"], "prior_lines": 2},
    # Unusual but real names: nedaplatin is platinum, serplulimab a PD-1 and sugemalimab a PD-L1 antibody.
    "nedaplatin-serplulimab-lines-null": {"prior_therapies": ["nedaplatin", "serplulimab"], "prior_lines": None},
    "nedaplatin-sugemalimab": {"prior_therapies": ["nedaplatin", "pemetrexed", "sugemalimab"], "prior_lines": 1},
    "three-lines-egfr": {"prior_therapies": ["osimertinib", "carboplatin", "pemetrexed", "amivantamab"],
                         "prior_lines": 3},
}


def verdict(text: TrialText, who: str) -> str:
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict(PROFILES[who])).verdict


def inclusions(*lines: str) -> TrialText:
    return invented_trial("".join(f"* {line}\n" for line in lines))


# --- a window counted from the start of a treatment: the treatment was started -------------------

STARTED_WINDOWS = [
    "Within 12 weeks after starting ICI treatment for cancer",
    "Within 30 days after initiating treatment with a PD-1 or PD-L1 inhibitor",
    "Have started an immune checkpoint inhibitor within the last 12 weeks",
    "Patients must be within 6 months since initiation of anti-PD-1 therapy",
]


@pytest.mark.parametrize("sentence", STARTED_WINDOWS)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive", "excluded"), ("osimertinib", "excluded"), ("chemo-only", "excluded"), ("adjuvant-only", "excluded"),
    ("pembrolizumab-first-line", "eligible"), ("pembrolizumab-no-line-yet", "eligible"), ("chemo-io", "eligible"),
    ("two-lines", "eligible"), ("nedaplatin-serplulimab-lines-null", "eligible"),
    ("history-not-given", "unknown"),
])
def test_window_after_starting_a_class_requires_it(sentence: str, who: str, expected: str) -> None:
    assert verdict(inclusions(sentence), who) == expected


@pytest.mark.parametrize("who", ["pembrolizumab-first-line", "pembrolizumab-no-line-yet", "chemo-io", "two-lines"])
def test_starting_first_line_drug_is_no_line_cap(who: str) -> None:
    # "first-line" names the line going on: not "no earlier line", nor "at least one line" before it.
    for sentence in ("Within 8 weeks after starting first-line pembrolizumab",
                     "Within 4 weeks of starting first-line pembrolizumab"):
        assert verdict(inclusions(sentence), who) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Within 4 weeks of starting first-line pembrolizumab",  # "of": before or after the start
    "About to start or within 2 weeks after starting immunotherapy",  # not started yet is a way in
])
def test_window_around_the_start_is_a_question(sentence: str) -> None:
    assert verdict(inclusions(sentence), "naive") == "unknown"


@pytest.mark.parametrize("sentence", [
    "Baseline CT scan within 4 weeks of starting pembrolizumab",
    "Within 28 days before starting study treatment",
    "Within 60 days after the start of study treatment",
    "At least 4 weeks since the last dose of prior chemotherapy",
])
def test_windows_that_ask_for_no_treatment(sentence: str) -> None:
    for who in ("naive", "osimertinib", "pembrolizumab-first-line"):
        assert verdict(inclusions(sentence), who) == "eligible"


def test_window_after_starting_in_an_exclusion_is_a_washout() -> None:
    text = invented_trial("* Stage IV NSCLC\n", "* Within 4 weeks after starting any anti-PD-1 antibody\n")
    assert verdict(text, "naive") == "eligible"


# --- progression within a time of the end of a treatment: the treatment was had --------------------

PROGRESSED_WITHIN = [
    "Progressed within 6 months of the last dose of platinum-based chemotherapy",
    "Disease progression within 6 months after completing platinum-based chemotherapy",
    "Relapsed within 12 months of completion of a platinum doublet",
    "Progressed on or within 6 months of platinum-based chemotherapy",
]


@pytest.mark.parametrize("sentence", PROGRESSED_WITHIN)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive", "excluded"), ("osimertinib", "excluded"), ("pembrolizumab-first-line", "excluded"),
    ("chemo-io", "eligible"), ("chemo-only", "eligible"), ("two-lines", "eligible"),
    ("nedaplatin-sugemalimab", "eligible"), ("nedaplatin-serplulimab-lines-null", "eligible"),
])
def test_progressed_within_a_window_of_platinum_requires_platinum(sentence: str, who: str, expected: str) -> None:
    assert verdict(inclusions(sentence), who) == expected


@pytest.mark.parametrize("sentence", [
    "Patients who relapsed within 6 months of adjuvant chemotherapy are eligible",
    "If relapse occurred within 6 months of adjuvant platinum, that counts as first-line therapy",
    "Participants who progressed within 3 months of adjuvant anti-PD-1 therapy will eligible",
])
def test_progression_windows_offered_as_a_way_in_require_nothing(sentence: str) -> None:
    for who in ("naive", "osimertinib"):
        assert verdict(inclusions(sentence), who) == "eligible"


# --- a newly diagnosed cancer with systemic treatment planned: the first treatment -----------------

FIRST_TREATMENT = [
    ("Newly diagnosed stage IV non-small cell lung cancer",
     "Planned treatment with systemic chemotherapy and/or immune checkpoint inhibitor therapy"),
    ("Adults with one of the following newly diagnosed cancers: breast cancer or NSCLC",
     "Scheduled to receive platinum-based chemotherapy; enrolment allowed up to the start of cycle 2"),
    ("Newly diagnosed metastatic NSCLC", "Patients who plan to receive osimertinib or another EGFR TKI"),
]


@pytest.mark.parametrize(("diagnosis", "plan"), FIRST_TREATMENT)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive", "eligible"), ("adjuvant-only", "eligible"), ("pembrolizumab-no-line-yet", "eligible"),
    ("chemo-io", "excluded"), ("osimertinib", "excluded"), ("two-lines", "excluded"), ("three-lines-egfr", "excluded"),
    ("nedaplatin-serplulimab-lines-null", "unknown"), ("history-not-given", "unknown"),
])
def test_newly_diagnosed_with_planned_treatment_is_first_line(diagnosis: str, plan: str, who: str,
                                                              expected: str) -> None:
    assert verdict(inclusions(diagnosis, plan), who) == expected


@pytest.mark.parametrize(("diagnosis", "plan"), [
    ("Newly diagnosed brain metastases from NSCLC", "Planned treatment with osimertinib"),  # the lesion is new
    ("Newly diagnosed or recurrent stage IV NSCLC", "Planned treatment with chemotherapy"),  # recurrence too
    ("Stage IV NSCLC", "Planned treatment with docetaxel"),  # any line may be planned
    ("Newly diagnosed stage IV NSCLC", "Planned stereotactic radiotherapy to the primary tumour"),  # no drug
])
def test_newly_diagnosed_or_planned_alone_sets_no_line_rule(diagnosis: str, plan: str) -> None:
    assert verdict(inclusions(diagnosis, plan), "two-lines") == "eligible"


def test_systemic_therapy_for_prior_cancers_concerns_other_cancers() -> None:
    text = invented_trial("* Newly diagnosed NSCLC\n* Planned treatment with chemotherapy\n",
                          "* Received systemic therapy for prior cancer(s), including chemotherapy or immunotherapy\n")
    assert verdict(text, "naive") == "eligible"


# --- progression after two treatments, "as assessed by the investigator" -------------------------

BOTH_REQUIRED = [
    "Documented disease progression, as assessed by the investigator, after an anti-PD-1/PD-L1 antibody and "
    "platinum-based chemotherapy for metastatic disease",
    "Radiographic progression (investigator-assessed) after both platinum doublet chemotherapy and a PD-1 or PD-L1 "
    "inhibitor",
    "Has progressed per RECIST 1.1 by investigator assessment after platinum-based chemotherapy and an anti-PD-1 or "
    "anti-PD-L1 antibody",
]


@pytest.mark.parametrize("sentence", BOTH_REQUIRED)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive", "excluded"), ("osimertinib", "excluded"), ("chemo-only", "excluded"),
    ("pembrolizumab-first-line", "excluded"), ("three-lines-egfr", "excluded"),
    ("chemo-io", "eligible"), ("two-lines", "eligible"), ("nedaplatin-sugemalimab", "eligible"),
])
def test_progression_after_both_treatments_requires_both(sentence: str, who: str, expected: str) -> None:
    assert verdict(inclusions(sentence), who) == expected


@pytest.mark.parametrize("sentence", [
    "Progressed after platinum-based chemotherapy and anti-PD-1 therapy, unless the investigator considers the "
    "patient ineligible for chemotherapy",
    "Progressed after platinum-based chemotherapy and anti-PD-1 therapy, as deemed appropriate by the investigator",
])
def test_investigator_judgement_still_makes_a_question(sentence: str) -> None:
    assert verdict(inclusions(sentence), "pembrolizumab-first-line") == "unknown"


# --- cycle and dose counts, "first progression", "X with Y" -------------------------------------

FRONT_LINE_COMBINATION = [
    ("Received at least 2 cycles and maximum of 6 cycles of front-line platinum-based chemotherapy with ICI-based "
     "therapy", "Reached first disease progression while receiving front-line or maintenance ICI"),
    ("Received a minimum of 2 and no more than 6 cycles of platinum doublet chemotherapy with a checkpoint inhibitor",
     "First radiographic progression on maintenance immunotherapy"),
]


@pytest.mark.parametrize(("received", "progressed"), FRONT_LINE_COMBINATION)
@pytest.mark.parametrize(("who", "expected"), [
    ("chemo-io", "eligible"), ("nedaplatin-sugemalimab", "eligible"),
    ("two-lines", "excluded"), ("three-lines-egfr", "excluded"),
    ("adjuvant-only", "excluded"),  # front-line means a line for advanced disease, which it has not had
    ("naive", "excluded"), ("osimertinib", "excluded"),
    ("chemo-only", "excluded"),  # the progression on a checkpoint inhibitor is asked plainly
])
def test_front_line_chemo_with_ici_then_first_progression(received: str, progressed: str, who: str,
                                                          expected: str) -> None:
    assert verdict(inclusions(received, progressed), who) == expected


@pytest.mark.parametrize("sentence", [
    "Received at least 2 cycles of front-line platinum-based chemotherapy with ICI-based therapy",
    "Progressed after a platinum doublet with an anti-PD-1 antibody",
])
@pytest.mark.parametrize(("who", "expected"), [
    ("chemo-io", "eligible"), ("chemo-only", "unknown"),  # "with Y": Y may have been optional
    ("pembrolizumab-first-line", "excluded"), ("naive", "excluded"),
])
def test_partner_named_with_with_is_a_question(sentence: str, who: str, expected: str) -> None:
    assert verdict(inclusions(sentence), who) == expected


@pytest.mark.parametrize("sentence", [
    "Received at least 2 doses of an anti-PD-1 antibody",
    "Received at least two courses of immunotherapy",
    "Has received 4 to 6 cycles of pembrolizumab",
])
def test_cycle_and_dose_floors_are_assumed_met(sentence: str) -> None:
    assert verdict(inclusions(sentence), "pembrolizumab-first-line") == "eligible"
    assert verdict(inclusions(sentence), "naive") == "excluded"


@pytest.mark.parametrize("sentence", [
    "Received at least 2 doses of an anti-PD-1 antibody with a best response of stable disease",
    "Received no more than 1 cycle of pembrolizumab",
    "Received 2 cycles of pembrolizumab",
])
def test_responses_caps_and_small_counts_stay_questions(sentence: str) -> None:
    assert verdict(inclusions(sentence), "pembrolizumab-first-line") == "unknown"


@pytest.mark.parametrize("sentence", [
    "Time to first progression of at least 6 months on prior therapy",
    "Progression-free survival of at least 6 months on first-line pembrolizumab",
])
def test_first_progression_as_a_time_is_no_line_cap(sentence: str) -> None:
    assert verdict(inclusions(sentence), "two-lines") != "excluded"


# --- a bracketed count against "a ... regimen" in the same sentence ------------------------------

BRACKETED_COUNTS = [
    "Previous drug treatment consisted of a platinum-based chemotherapy regimen (> 1 chemotherapy regimen) for "
    "relapse or failure of treatment",
    "Prior treatment consisted of one platinum-based doublet regimen (2 or more chemotherapy regimens) for "
    "metastatic disease",
    "Previously received a platinum-containing regimen (at least 2 prior lines of chemotherapy)",
]


@pytest.mark.parametrize("sentence", BRACKETED_COUNTS)
@pytest.mark.parametrize(("who", "expected"), [
    ("chemo-io", "unknown"), ("chemo-only", "unknown"), ("nedaplatin-sugemalimab", "unknown"),
    ("naive", "excluded"), ("osimertinib", "excluded"), ("pembrolizumab-first-line", "excluded"),
])
def test_bracketed_count_against_one_regimen_is_a_question(sentence: str, who: str, expected: str) -> None:
    assert verdict(inclusions(sentence), who) == expected


def test_count_outside_brackets_still_counts() -> None:
    sentence = "At least 2 prior lines of systemic therapy (including a platinum-based chemotherapy regimen)"
    assert verdict(inclusions(sentence), "chemo-io") == "excluded"
    assert verdict(inclusions(sentence), "two-lines") == "eligible"


# --- "X before surgery" in a trial whose surgery is still planned ------------------------------

PLANNED_SURGERY = [
    ("Stage I-II NSCLC, complete surgical resection planned", "Chemotherapy before surgery"),
    ("Resectable NSCLC scheduled for lobectomy", "Chemotherapy prior to surgery"),
    ("Candidates for curative surgical resection", "Chemotherapy or targeted therapy before the operation"),
]


@pytest.mark.parametrize(("inclusion", "exclusion"), PLANNED_SURGERY)
@pytest.mark.parametrize(("who", "expected"), [
    ("chemo-io", "excluded"), ("two-lines", "excluded"), ("three-lines-egfr", "excluded"),
    ("naive", "eligible"), ("pembrolizumab-first-line", "eligible"), ("history-not-given", "unknown"),
    # Chemotherapy with no line for advanced disease (or lines not given) may have followed an earlier operation.
    ("adjuvant-only", "unknown"), ("nedaplatin-serplulimab-lines-null", "unknown"),
])
def test_chemotherapy_before_planned_surgery(inclusion: str, exclusion: str, who: str, expected: str) -> None:
    assert verdict(invented_trial(f"* {inclusion}\n", f"* {exclusion}\n"), who) == expected


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("Completely resected stage IB-IIIA NSCLC", "Chemotherapy before surgery"),  # surgery already done
    ("Stage I-II NSCLC, complete surgical resection planned", "Chemotherapy within 4 weeks before surgery"),
    ("Stage I-II NSCLC, complete surgical resection planned", "Radiotherapy before surgery"),  # not in a profile
])
def test_before_surgery_near_misses_do_not_exclude(inclusion: str, exclusion: str) -> None:
    assert verdict(invented_trial(f"* {inclusion}\n", f"* {exclusion}\n"), "chemo-io") != "excluded"
