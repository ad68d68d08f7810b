"""Prior-therapy verdicts when the number of lines for advanced disease is not given (prior_lines null).

The count is unknown, not the drugs: a sentence that asks neither for a count nor for a setting decides
on the drugs alone, and a trial with a way in both before and after treatment for advanced disease takes
the patient whatever the count. Sentences that name a setting or a count stay questions; nothing here
may turn a question into an exclusion.
"""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]

PROFILES: dict[str, dict[str, Any]] = {
    "null-nivolumab": {"tested_negative": GENES, "prior_therapies": ["nivolumab"], "prior_lines": None},
    "null-toripalimab-chemo": {"tested_negative": GENES, "prior_lines": None,
                               "prior_therapies": ["toripalimab", "carboplatin", "pemetrexed"]},
    "null-pembrolizumab": {"tested_negative": GENES, "prior_therapies": ["pembrolizumab"], "prior_lines": None},
    "null-durvalumab": {"tested_negative": GENES, "prior_therapies": ["durvalumab", "etoposide"], "prior_lines": None},
    "null-chemo": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": None},
    "null-osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "L861Q"}], "prior_lines": None,
                         "prior_therapies": ["osimertinib"]},
    "null-nothing": {"prior_therapies": [], "prior_lines": None},
    "null-nothing-egfr": {"biomarkers": [{"gene": "EGFR", "alteration": "S768I"}], "prior_therapies": [],
                          "prior_lines": None},
    "zero-adjuvant-chemo": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "vinorelbine"],
                            "prior_lines": 0},
    "zero-adjuvant-atezolizumab": {"tested_negative": GENES, "prior_lines": 0,
                                   "prior_therapies": ["carboplatin", "paclitaxel", "atezolizumab"]},
    "zero-adjuvant-nivolumab": {"tested_negative": GENES, "prior_therapies": ["nivolumab", "cisplatin"],
                                "prior_lines": 0},
    "two-lines": {"tested_negative": GENES, "prior_lines": 2,
                  "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"]},
}


def profile(name: str) -> Profile:
    return profile_from_dict(PROFILES[name])


def trial(inclusion: list[str], exclusion: list[str] | None = None) -> TrialText:
    md = "Inclusion Criteria:\n\n" + "".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n"
                                             for line in inclusion)
    if exclusion:
        md += "\nExclusion Criteria:\n\n" + "".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n"
                                                     for line in exclusion)
    return TrialText(nct_id="NCT00000000", title="A study", criteria=tuple(split_criteria(md)))


def verdict(text: TrialText, who: str) -> str:
    return prior_therapy.check(prior_therapy.parse(text), profile(who)).verdict


# --- A way in both before and after treatment for advanced disease -------------------------------------------

BOTH_WAYS = [
    ["Cohort 1: treatment-naive for locally advanced or metastatic NSCLC",
     "Cohort 2: at least one prior systemic therapy for locally advanced or metastatic NSCLC"],
    ["Cohort A: Participants who have received at least one prior line of systemic therapy for metastatic disease",
     "Cohort B: Participants with no prior systemic therapy for metastatic disease"],
    ["Arm 1: No prior systemic anticancer treatment for advanced disease.",
     "Arm 2: Disease progression after at least 1 prior systemic regimen for advanced or metastatic NSCLC."],
    ["Prior treatment:",
     "  * Cohort 3: previously untreated for stage IV NSCLC",
     "  * Cohort 4: progressed on or after at least one prior systemic treatment for stage IV NSCLC"],
]


@pytest.mark.parametrize("inclusion", BOTH_WAYS)
@pytest.mark.parametrize("who", ["null-nivolumab", "null-toripalimab-chemo", "null-osimertinib", "null-nothing",
                                 "zero-adjuvant-chemo", "two-lines"])
def test_naive_and_treated_cohorts_take_any_line_count(inclusion: list[str], who: str) -> None:
    assert verdict(trial(inclusion), who) == "eligible"


# Near misses: one of the ways in also asks for a drug, a cap on lines, or a drug is banned everywhere.
BOTH_WAYS_NEAR = [
    # The treated cohort names a drug for advanced disease: the patient's drug may have been adjuvant.
    (["Cohort 1: treatment-naive for metastatic NSCLC",
      "Cohort 2: progressed after a PD-1 inhibitor given for metastatic disease"], "null-nivolumab", "unknown"),
    # A cap on the count: three or more lines fit neither cohort.
    (["Cohort 1: no prior systemic therapy for advanced NSCLC",
      "Cohort 2: 1 to 2 prior lines of systemic therapy for advanced NSCLC"], "null-chemo", "unknown"),
    (["Cohort 1: no prior systemic therapy for advanced NSCLC",
      "Cohort 2: no more than 2 prior lines of systemic therapy for advanced NSCLC"], "null-nothing", "unknown"),
    # Only one way in.
    (["Treatment-naive for locally advanced or metastatic NSCLC"], "null-nivolumab", "unknown"),
    (["At least one prior systemic therapy for locally advanced or metastatic NSCLC"], "null-nivolumab", "unknown"),
]


@pytest.mark.parametrize(("inclusion", "who", "expected"), BOTH_WAYS_NEAR)
def test_both_ways_near_misses(inclusion: list[str], who: str, expected: str) -> None:
    assert verdict(trial(inclusion), who) == expected


def test_a_ban_beside_both_ways_still_asks_about_unlisted_drugs() -> None:
    text = trial(["Cohort 1: treatment-naive for metastatic NSCLC",
                  "Cohort 2: at least one prior systemic therapy for metastatic NSCLC"],
                 ["Prior treatment with an EGFR tyrosine kinase inhibitor"])
    assert verdict(text, "null-nothing-egfr") == "unknown"  # an empty list does not say "no EGFR TKI"
    assert verdict(text, "null-nivolumab") == "eligible"
    assert verdict(text, "null-osimertinib") == "excluded"  # the ban is on any setting: the count is not why


# --- A drug required, "advanced" naming only the disease -----------------------------------------------------

DISEASE_ONLY_ADVANCED = [
    "Diagnosed with advanced (stage IV) NSCLC, and the disease has progressed after receiving PD-1 antibody "
    "treatment in the past.",
    "Metastatic non-small cell lung cancer that progressed after prior anti-PD-1 therapy",
    "Patients with locally advanced or metastatic NSCLC who have progressed following treatment with a PD-1 "
    "inhibitor",
]


@pytest.mark.parametrize("sentence", DISEASE_ONLY_ADVANCED)
@pytest.mark.parametrize(("who", "expected"), [
    ("null-nivolumab", "eligible"), ("null-toripalimab-chemo", "eligible"), ("null-pembrolizumab", "eligible"),
    ("null-nothing", "unknown"),
    ("null-durvalumab", "unknown"),  # PD-L1 for PD-1: a near miss, not a pass
    ("zero-adjuvant-nivolumab", "unknown"),  # known to be before the disease was advanced: a question
])
def test_drug_required_with_advanced_disease_named(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial([sentence]), who) == expected


def test_other_drug_required_with_advanced_disease_named() -> None:
    text = trial(["Advanced NSCLC with acquired resistance to an EGFR tyrosine kinase inhibitor"])
    assert verdict(text, "null-osimertinib") == "eligible"


TREATMENT_SETTING_NAMED = [
    "Progressed on a PD-1 inhibitor given for metastatic disease",
    "Disease progression after first-line anti-PD-1 therapy",
    "Prior PD-1 antibody in the locally advanced or metastatic setting, with progression",
]


@pytest.mark.parametrize("sentence", TREATMENT_SETTING_NAMED)
def test_a_named_treatment_setting_still_needs_the_count(sentence: str) -> None:
    assert verdict(trial([sentence]), "null-nivolumab") == "unknown"
    assert verdict(trial([sentence]), "null-nothing") == "unknown"


# --- "Previously treated": any earlier treatment, no count and no setting ------------------------------------

PREVIOUSLY_TREATED = [
    "Previously treated NSCLC",
    "Disease progression after the last systemic therapy, or intolerance of it",
    "Refractory to or intolerant of available standard therapies",
    "Received prior standard therapy appropriate for tumour type and stage",
]


@pytest.mark.parametrize("sentence", PREVIOUSLY_TREATED)
@pytest.mark.parametrize(("who", "expected"), [
    # A count not given: the drugs listed may all have been adjuvant, as with no line (audit 4 reading).
    ("null-nivolumab", "unknown"), ("null-chemo", "unknown"), ("null-osimertinib", "unknown"),
    ("null-nothing", "unknown"),
    ("zero-adjuvant-chemo", "unknown"),  # adjuvant only: may or may not count
    ("two-lines", "eligible"),
])
def test_previously_treated_without_count_or_setting(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial([sentence]), who) == expected


COUNT_OR_SETTING = [
    "At least two prior lines of systemic therapy",
    "Progression after at least one prior systemic therapy for metastatic NSCLC",
    "No more than 2 prior lines of systemic therapy",
    "Disease progression after standard second-line therapy",
]


@pytest.mark.parametrize("sentence", COUNT_OR_SETTING)
def test_a_count_or_setting_keeps_the_question(sentence: str) -> None:
    assert verdict(trial([sentence]), "null-nivolumab") == "unknown"
    assert verdict(trial([sentence]), "null-chemo") == "unknown"


# --- Never an exclusion from a missing count -----------------------------------------------------------------

ALL_SENTENCES = [s for pair in BOTH_WAYS for s in pair] + DISEASE_ONLY_ADVANCED + TREATMENT_SETTING_NAMED \
    + PREVIOUSLY_TREATED + COUNT_OR_SETTING


@pytest.mark.parametrize("sentence", ALL_SENTENCES)
def test_no_count_never_excludes_a_matching_history(sentence: str) -> None:
    for who in ("null-nivolumab", "null-toripalimab-chemo", "null-pembrolizumab", "null-nothing"):
        assert verdict(trial([sentence]), who) != "excluded", who


def test_adjuvant_only_profiles_keep_their_verdicts() -> None:
    naive = trial(["No prior systemic therapy for advanced or metastatic NSCLC"])
    assert verdict(naive, "zero-adjuvant-atezolizumab") == "eligible"
    assert verdict(naive, "null-nivolumab") == "unknown"  # the count could be one
    banned = trial(["Adults"], ["Prior treatment with an anti-PD-L1 antibody for metastatic disease"])
    assert verdict(banned, "zero-adjuvant-atezolizumab") == "eligible"
    assert verdict(banned, "null-durvalumab") == "unknown"


# --- "At least one line", "advanced" naming only the disease -------------------------------------------------

DISEASE_ONLY_LINES = [
    "Patients with advanced solid tumours who have progressed on, or are refractory to, standard of care treatments",
    "Locally advanced or metastatic NSCLC that is resistant to standard therapy",
    "Metastatic NSCLC with progression after prior systemic therapy",
]


@pytest.mark.parametrize("sentence", DISEASE_ONLY_LINES)
@pytest.mark.parametrize(("who", "expected"), [
    ("null-nivolumab", "unknown"), ("null-chemo", "unknown"), ("two-lines", "eligible"),  # null: maybe adjuvant
    ("null-nothing", "unknown"),
    ("zero-adjuvant-chemo", "unknown"),  # relapse after adjuvant treatment may count
])
def test_line_required_with_advanced_disease_named(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial([sentence]), who) == expected


def test_line_required_for_advanced_disease_keeps_the_count() -> None:
    text = trial(["At least one prior systemic therapy for metastatic NSCLC"])
    assert verdict(text, "zero-adjuvant-chemo") == "excluded"  # no line for advanced disease, as the text asks
    assert verdict(text, "null-chemo") == "unknown"
    # Locally advanced named too: the drugs with no advanced line may have been for stage III disease.
    local = trial(["At least one prior systemic therapy for locally advanced or metastatic NSCLC"])
    assert verdict(local, "zero-adjuvant-chemo") == "unknown"


# --- "Arm #N (...):" headings are arms like "Arm N:" ------------------------------------------------------------

def test_numbered_arm_headings_are_alternatives() -> None:
    text = trial(["Histologically confirmed advanced solid tumours",
                  "  * Arm #1 (Monotherapy): Patients who have progressed on standard treatment",
                  "  * Arm #2 (Combination with an approved kinase inhibitor): Patients who have received no more "
                  "than 1 prior systemic therapy for metastatic disease"])
    four = profile_from_dict({**PROFILES["two-lines"], "prior_lines": 4})
    assert prior_therapy.check(prior_therapy.parse(text), four).verdict == "eligible"  # arm 1 takes them
    assert verdict(text, "two-lines") == "eligible"
