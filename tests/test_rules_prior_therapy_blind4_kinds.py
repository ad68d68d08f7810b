"""Prior-therapy sentence kinds that were read too strictly: a second cohort heading inside one sentence, a
generic "anticancer treatment" that the next words name, "treatment cycles" (not lines), a "not regarded as
first-line" clause. None of them may exclude on what it does not state."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import profile_from_dict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
PROFILES: dict[str, dict[str, Any]] = {
    "naive-l858r": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "prior_therapies": [], "prior_lines": 0},
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                    "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "lorlatinib": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "prior_therapies": ["lorlatinib"],
                   "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1},
}


def verdict(inclusion: list[str], exclusion: list[str], who: str) -> str:
    md = "Inclusion Criteria:\n\n* Stage IV NSCLC\n" + "".join(f"* {line}\n" for line in inclusion)
    md += "\nExclusion Criteria:\n\n* Pregnancy\n" + "".join(f"* {line}\n" for line in exclusion)
    text = TrialText(nct_id="NCT00000000", title="A study", criteria=tuple(split_criteria(md)))
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict(PROFILES[who])).verdict


# --- "Cohort 1: ..., or Cohort 2: ..." in one sentence --------------------------------------------------------

INLINE_COHORTS = [
    "AND either: Cohort 1: Treatment naive participants with MET mutations, or Cohort 2: Pre-treated participants "
    "with MET mutations",
    "Cohort A: previously untreated patients with KRAS G12C mutation; or Cohort B: patients pretreated with at least "
    "one prior systemic therapy",
    "Patients in one of: Arm 1: no prior systemic treatment for advanced disease, or Arm 2: progression after one "
    "prior line of therapy",
]


@pytest.mark.parametrize("sentence", INLINE_COHORTS)
@pytest.mark.parametrize("who", ["naive-l858r", "naive", "chemo-io"])
def test_inline_cohorts_each_keep_their_own_words(sentence: str, who: str) -> None:
    assert verdict([sentence], [], who) != "excluded"


def test_inline_cohort_near_miss_both_cohorts_ask_for_treatment() -> None:
    # Both cohorts of the sentence ask for earlier treatment: an untreated patient fits neither.
    sentence = ("Cohort 1: progression after one prior line of systemic therapy for advanced disease, or Cohort 2: "
                "progression after at least two prior lines of systemic therapy for advanced disease")
    assert verdict([sentence], [], "naive") == "excluded"
    assert verdict([sentence], [], "chemo-io") == "eligible"


# --- "Previous anticancer treatment with <class>" -----------------------------------------------------------------

NAMED_AFTER = [
    "Previous anticancer treatment with any checkpoint inhibitor or other immunotherapy, i.e. only immunotherapy "
    "naive patients",
    "Prior anti-cancer therapy with an anti-PD-1 or anti-PD-L1 antibody",
    "Previous antineoplastic treatment with immune checkpoint inhibitors",
]


@pytest.mark.parametrize("sentence", NAMED_AFTER)
def test_generic_treatment_named_after_bans_only_that_class(sentence: str) -> None:
    assert verdict([], [sentence], "osimertinib") == "eligible"
    assert verdict([], [sentence], "chemo") == "eligible"
    assert verdict([], [sentence], "chemo-io") == "excluded"


def test_generic_treatment_near_miss_any_earlier_treatment() -> None:
    # No class after it: any earlier anticancer treatment for advanced disease is banned.
    assert verdict([], ["Previous anticancer treatment for metastatic disease"], "osimertinib") == "excluded"


# --- "for at least 2 consecutive treatment cycles" ----------------------------------------------------------------

CYCLES = [
    "Disease progression following prior immune checkpoint inhibitors (PD-1 or PD-L1 inhibitors) treatment for "
    "NSCLC for at least 2 consecutive treatment cycles",
    "Progressed after anti-PD-1 therapy given for at least 3 therapy courses",
    "Radiological progression on a PD-L1 antibody received for 4 or more treatment cycles",
]


@pytest.mark.parametrize("sentence", CYCLES)
def test_treatment_cycles_are_not_lines(sentence: str) -> None:
    assert verdict([sentence], [], "chemo-io") != "excluded"
    assert verdict([sentence], [], "naive") == "excluded"  # the drug class is still required


def test_treatment_cycles_near_miss_treatment_lines() -> None:
    assert verdict(["Progressed after at least 2 treatment lines"], [], "chemo-io") == "excluded"


# --- "... not to be regarded as first-line" ---------------------------------------------------------------------

NOT_AS_LINE = [
    "neo-adjuvant chemotherapy and targeted therapy(EGFR-TKIs) not to be served as first-line chemotherapy",
    "Adjuvant chemotherapy is not considered as first-line treatment",
    "Perioperative immunotherapy (e.g. nivolumab) should not be counted as a first-line regimen",
]


@pytest.mark.parametrize("sentence", NOT_AS_LINE)
@pytest.mark.parametrize("who", ["chemo-io", "osimertinib", "naive"])
def test_not_counted_as_first_line_sets_no_rule(sentence: str, who: str) -> None:
    assert verdict([sentence], [], who) == "eligible"


def test_not_as_line_near_miss_ban_beside_it_stays() -> None:
    sentence = "Prior chemotherapy for advanced disease (adjuvant chemotherapy is not regarded as first-line therapy)"
    assert verdict([], [sentence], "chemo") == "excluded"


# --- a washout after a line: "1 month of clearance needed for first-line chemotherapy" --------------------------

WASHOUT_AFTER_LINE = [
    "3 months of clearance needed for neo-adjuvant chemotherapy and 1 month for targeted and first-line chemotherapy",
    "A washout of 4 weeks is required after first-line platinum chemotherapy",
    "Wash-out period of 21 days for first-line treatment before the study drug",
]


@pytest.mark.parametrize("sentence", WASHOUT_AFTER_LINE)
def test_washout_after_first_line_is_not_a_planned_position(sentence: str) -> None:
    assert verdict([sentence], [], "chemo-io") != "excluded"


def test_washout_near_miss_planned_first_line_still_binds() -> None:
    assert verdict(["Candidates for first-line treatment of metastatic NSCLC"], [], "chemo-io") == "excluded"
