"""Kinds of prior-therapy sentence a red-team probe found wrong, each with invented wordings and near misses.

- A lead-in asking for one of the items after it ("(a) or (b):", "Either:", "Meets 1 of the following:"),
  with the items as sub-bullets or inline ("(a) ... (b) ..."): each item is one way in.
- An allowance in the same bullet, a later sentence or a sub-bullet ("Note: ... is allowed", "Except: ... is not
  counted", "* One prior line of EGFR-TKI therapy is allowed") lifts the ban for what it allows: eligible when
  every banned drug had is allowed, unknown when only some are.
- A bullet that only allows ("Prior anti-PD-1/PD-L1 therapy is permitted") lifts an exclusion on a wider class.
- "or patients aged 70+ unable to tolerate chemotherapy": a way in for untreated patients (unknown).
- "Starting or currently receiving X": a patient about to start X is let in (unknown, never excluded).
- "For patients with stage IV:" is every patient's rule; "or other targeted drugs" bans the targeted class; an
  exclusion for a cohort named only by description ("For the chemotherapy-naive cohort:") is a question.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

EGFR = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]
PROFILES: dict[str, dict[str, Any]] = {
    "untreated": {"prior_therapies": [], "prior_lines": 0},
    "untreated-elderly": {"prior_therapies": [], "prior_lines": 0, "age": 74},
    "osimertinib": {"prior_therapies": ["osimertinib"], "prior_lines": 1, "biomarkers": EGFR},
    "erlotinib": {"prior_therapies": ["erlotinib"], "prior_lines": 1, "biomarkers": EGFR},
    "osimertinib-then-chemo": {"prior_therapies": ["osimertinib", "cisplatin", "pemetrexed"], "prior_lines": 2,
                               "biomarkers": EGFR},
    "chemo": {"prior_therapies": ["carboplatin", "gemcitabine"], "prior_lines": 1},
    "chemo-io": {"prior_therapies": ["cisplatin", "pemetrexed", "nivolumab"], "prior_lines": 1},
    "chemo-io-then-docetaxel": {"prior_therapies": ["carboplatin", "paclitaxel", "atezolizumab", "docetaxel"],
                                "prior_lines": 2},
    "ipilimumab": {"prior_therapies": ["ipilimumab"], "prior_lines": 1},
    "entrectinib": {"prior_therapies": ["entrectinib"], "prior_lines": 1,
                    "biomarkers": [{"gene": "ROS1", "alteration": "fusion"}]},
    "tepotinib": {"prior_therapies": ["tepotinib"], "prior_lines": 1,
                  "biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}]},
}


def verdict(who: str, inclusion: str = "* Stage IV NSCLC\n", exclusion: str = "* Pregnancy\n") -> str:
    text = invented_trial(inclusion, exclusion)
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **PROFILES[who]})).verdict


def bullets(*lines: str) -> str:
    return "".join(f"* {line}\n" for line in lines)


# --- lead-ins asking for one of the items after them ------------------------------------------------------

ONE_OF_NESTED = [
    bullets("Patients must satisfy (a) or (b):", "(a) Progression after osimertinib",
            "(b) Progression after a first-generation EGFR TKI and T790M negative"),
    bullets("Meet criterion (1) or (2):", "(1) disease progression on osimertinib",
            "(2) progression on gefitinib, erlotinib or afatinib with T790M-negative disease"),
    bullets("Either:", "Progression on osimertinib", "Progression on erlotinib or gefitinib"),
    bullets("Meets 1 of the following criteria:", "Progressed on osimertinib",
            "Progressed on a first-generation EGFR tyrosine kinase inhibitor"),
]
ONE_OF_INLINE = [
    bullets("Must meet (a) or (b): (a) progression after osimertinib (b) progression after a first-generation "
            "EGFR TKI and T790M negative"),
    bullets("Patients fulfilling a) or b): a) progressed on osimertinib; b) progressed on erlotinib or gefitinib"),
    bullets("Patients meeting (1) or (2): (1) resistance to osimertinib, (2) resistance to erlotinib"),
]


@pytest.mark.parametrize("inclusion", ONE_OF_NESTED + ONE_OF_INLINE)
@pytest.mark.parametrize(("who", "expected"), [
    ("osimertinib", "eligible"), ("erlotinib", "eligible"), ("untreated", "excluded"), ("chemo", "excluded"),
])
def test_lead_in_asking_for_one_item(inclusion: str, who: str, expected: str) -> None:
    assert verdict(who, inclusion) == expected


@pytest.mark.parametrize("inclusion", [
    # Near misses: a lead-in that asks for every item, or marks that open no list.
    bullets("Patients must meet all of the following:", "(a) Progression after osimertinib",
            "(b) Progression after platinum-based chemotherapy"),
    bullets("Prior osimertinib (see section 4(a) for details)", "Prior platinum-based chemotherapy"),
])
def test_both_items_still_asked(inclusion: str) -> None:
    assert verdict("osimertinib", inclusion) == "excluded"
    assert verdict("osimertinib-then-chemo", inclusion) == "eligible"


# --- an allowance in the same criterion or a sub-bullet ---------------------------------------------------

@pytest.mark.parametrize("exclusion", [
    bullets("Prior systemic chemotherapy.", "Note: first-line platinum doublet given with nivolumab is allowed"),
    bullets("Prior chemotherapy. Prior platinum-based chemotherapy given with a PD-1 antibody is permitted."),
    bullets("Any previous cytotoxic chemotherapy; except: platinum-based chemotherapy as first-line treatment is "
            "allowed"),
])
def test_note_allowing_part_of_a_ban(exclusion: str) -> None:
    # Platinum is allowed, its partner drug may or may not be: a question, never an exclusion.
    assert verdict("chemo-io", exclusion=exclusion) == "unknown"
    assert verdict("chemo", exclusion=exclusion) == "unknown"
    assert verdict("osimertinib", exclusion=exclusion) == "eligible"


@pytest.mark.parametrize("exclusion", [
    bullets("Prior EGFR TKIs", "Exception: first-generation TKIs are eligible"),
    "* Prior treatment with an EGFR tyrosine kinase inhibitor\n"
    "  * Exception: patients who received first-generation EGFR TKIs (gefitinib, erlotinib) are eligible\n",
    "* Previous EGFR-TKI therapy\n  * Erlotinib or gefitinib is allowed\n",
])
def test_exception_for_one_generation(exclusion: str) -> None:
    assert verdict("erlotinib", exclusion=exclusion) == "eligible"
    assert verdict("osimertinib", exclusion=exclusion) == "excluded"


@pytest.mark.parametrize("inclusion", [
    "* No prior systemic therapy for metastatic disease\n  * One prior line of EGFR-TKI therapy is allowed\n",
    bullets("No prior systemic treatment for advanced disease. Prior EGFR TKI therapy is permitted."),
    "* Treatment-naive for advanced NSCLC\n  * Patients previously treated with an EGFR TKI may be enrolled\n",
])
def test_naive_trial_allowing_a_tki(inclusion: str) -> None:
    assert verdict("osimertinib", inclusion) == "eligible"
    assert verdict("erlotinib", inclusion) == "eligible"
    assert verdict("osimertinib-then-chemo", inclusion) == "unknown"
    assert verdict("chemo", inclusion) == "excluded"
    assert verdict("untreated", inclusion) == "eligible"


@pytest.mark.parametrize("exclusion", [
    bullets("More than one line of systemic therapy;", "Except: previous EGFR-TKI treatment is not counted as a line"),
    bullets("Received more than 1 prior line of treatment. EGFR TKI therapy is not counted as a prior line."),
])
def test_lines_not_counting_a_tki(exclusion: str) -> None:
    assert verdict("osimertinib-then-chemo", exclusion=exclusion) == "unknown"
    assert verdict("chemo-io-then-docetaxel", exclusion=exclusion) == "excluded"
    assert verdict("chemo", exclusion=exclusion) == "eligible"


@pytest.mark.parametrize("exclusion", [
    # Near misses: the note bans, or it allows nothing the ban names.
    bullets("Prior systemic chemotherapy.", "Note: no prior platinum doublet is allowed"),
    bullets("Prior systemic chemotherapy.", "Note: prior radiotherapy is allowed"),
    bullets("Prior chemotherapy is not allowed"),
])
def test_note_that_allows_nothing_banned(exclusion: str) -> None:
    assert verdict("chemo", exclusion=exclusion) == "excluded"


def test_conditional_allowance_is_a_question() -> None:
    exclusion = bullets("Prior immunotherapy.", "Note: prior anti-PD-1 therapy is allowed if stopped for progression")
    assert verdict("chemo-io", exclusion=exclusion) == "unknown"
    assert verdict("ipilimumab", exclusion=exclusion) == "excluded"


# --- an allowing bullet beside a wider exclusion ----------------------------------------------------------

@pytest.mark.parametrize(("inclusion", "exclusion"), [
    (bullets("Stage IV NSCLC", "Prior anti-PD-1/PD-L1 therapy is permitted"), bullets("Prior immunotherapy")),
    (bullets("Stage IV NSCLC", "Patients previously treated with nivolumab or pembrolizumab are eligible"),
     bullets("Prior treatment with immune checkpoint inhibitors")),
    (bullets("Stage IV NSCLC"), bullets("Prior immunotherapy", "Prior PD-1 or PD-L1 inhibitors are allowed")),
])
def test_allowing_bullet_lifts_a_wider_ban(inclusion: str, exclusion: str) -> None:
    assert verdict("chemo-io", inclusion, exclusion) == "eligible"
    assert verdict("ipilimumab", inclusion, exclusion) == "excluded"  # CTLA-4: not what was allowed


def test_allowing_bullet_for_one_cohort_lifts_nothing() -> None:
    inclusion = bullets("Stage IV NSCLC", "Cohort B: prior anti-PD-1 therapy is permitted")
    assert verdict("chemo-io", inclusion, bullets("Prior immunotherapy")) != "eligible"


# --- "or unable to tolerate" as a way in -------------------------------------------------------------------

@pytest.mark.parametrize("inclusion", [
    bullets("Treatment failure after first-line chemotherapy, or patients aged 70+ unable to tolerate chemotherapy"),
    bullets("Progression after platinum-based chemotherapy or elderly patients who cannot tolerate it"),
    bullets("Have received prior platinum-based chemotherapy, or have declined it"),
    bullets("Prior platinum-based chemotherapy (or documented refusal / ineligibility)"),
])
def test_refusal_or_intolerance_is_a_way_in(inclusion: str) -> None:
    assert verdict("untreated-elderly", inclusion) == "unknown"
    assert verdict("untreated", inclusion) == "unknown"
    assert verdict("chemo", inclusion) == "eligible"


def test_intolerance_after_treatment_still_asks_for_it() -> None:
    inclusion = bullets("Progression on, or intolerance to, platinum-based chemotherapy")
    assert verdict("untreated", inclusion) == "excluded"


# --- starting or currently receiving ------------------------------------------------------------------------

@pytest.mark.parametrize("inclusion", [
    bullets("Patients with advanced NSCLC who are starting or currently receiving osimertinib as per routine practice"),
    bullets("Initiating or currently on treatment with osimertinib"),
    bullets("Patients commencing or currently receiving osimertinib"),
    bullets("Currently treated with or starting treatment with osimertinib"),
])
def test_starting_or_currently_receiving(inclusion: str) -> None:
    assert verdict("untreated", inclusion) == "unknown"
    assert verdict("erlotinib", inclusion) == "unknown"
    assert verdict("osimertinib", inclusion) == "eligible"


def test_currently_receiving_without_a_start_still_asks() -> None:
    inclusion = bullets("Progression while currently receiving osimertinib")
    assert verdict("untreated", inclusion) == "excluded"


# --- missed exclusions --------------------------------------------------------------------------------------

@pytest.mark.parametrize("inclusion", [
    bullets("For patients with stage IV: no prior systemic therapy for metastatic disease"),
    bullets("4A. For patients with stage IIIC: no prior chemoradiation",
            "4B. For patients with stage IV: no prior systemic therapy for metastatic disease"),
    bullets("For patients with metastatic disease: no prior systemic treatment"),
])
def test_group_every_patient_is_in(inclusion: str) -> None:
    assert verdict("chemo", inclusion) == "excluded"
    assert verdict("untreated", inclusion) == "eligible"


def test_group_the_patient_may_not_be_in() -> None:
    inclusion = bullets("For patients with EGFR mutations: no prior systemic therapy for metastatic disease")
    assert verdict("chemo", inclusion) == "eligible"  # no EGFR finding: another group's rule


@pytest.mark.parametrize("exclusion", [
    bullets("Those who have received EGFR-TKI, ALK inhibitors or other targeted drugs in the past"),
    bullets("Prior treatment with an EGFR TKI or any other targeted therapy"),
    bullets("Previous ALK inhibitors and other molecularly targeted agents"),
])
def test_other_targeted_drugs(exclusion: str) -> None:
    assert verdict("entrectinib", exclusion=exclusion) == "excluded"
    assert verdict("tepotinib", exclusion=exclusion) == "excluded"
    assert verdict("chemo-io", exclusion=exclusion) == "eligible"


def test_targeted_as_a_second_name_stays_dropped() -> None:
    exclusion = bullets("Prior EGFR tyrosine kinase inhibitor targeted therapy")
    assert verdict("tepotinib", exclusion=exclusion) == "eligible"
    assert verdict("erlotinib", exclusion=exclusion) == "excluded"


@pytest.mark.parametrize("exclusion", [
    bullets("For the chemotherapy-naive cohort: any prior systemic therapy for advanced disease"),
    bullets("In the treatment-naive group: prior systemic treatment for metastatic NSCLC"),
])
def test_exclusion_for_a_described_cohort(exclusion: str) -> None:
    assert verdict("chemo", exclusion=exclusion) == "unknown"
    assert verdict("untreated", exclusion=exclusion) == "eligible"
