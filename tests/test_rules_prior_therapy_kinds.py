"""Prior-therapy kinds of sentence, on invented criteria: each kind with several wordings and the
near misses that must stay eligible or unknown.

Kinds: a heading that names every part of the trial; a part "open to enrollment" beside a closed one;
"progressed on standard therapy or no standard therapy exists"; a condition on patients with a driver.
"""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

ALL_GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS"]


def _negative(*positive: str) -> list[str]:
    return [g for g in ALL_GENES if g not in positive]


PROFILES: dict[str, dict[str, Any]] = {
    "naive-egfr": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": _negative("EGFR"),
                   "prior_therapies": [], "prior_lines": 0},
    "naive-alk": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": _negative("ALK"),
                  "prior_therapies": [], "prior_lines": 0},
    "naive-no-driver": {"tested_negative": ALL_GENES, "prior_therapies": [], "prior_lines": 0},
    "naive-untested": {"prior_therapies": [], "prior_lines": 0},
    "post-osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                         "tested_negative": _negative("EGFR"), "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "post-gefitinib-t790m": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"},
                                            {"gene": "EGFR", "alteration": "T790M"}],
                             "tested_negative": _negative("EGFR"), "prior_therapies": ["gefitinib"], "prior_lines": 1},
    "post-alectinib": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": _negative("ALK"),
                       "prior_therapies": ["alectinib"], "prior_lines": 1},
    "alk-post-chemo": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": _negative("ALK"),
                       "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1},
    "kras-g12c-post-chemo-io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}],
                                "tested_negative": _negative("KRAS"),
                                "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
    "kras-g12d-post-chemo": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}],
                             "tested_negative": _negative("KRAS"),
                             "prior_therapies": ["cisplatin", "pemetrexed"], "prior_lines": 1},
    "her2-mutant-post-chemo-io": {"biomarkers": [{"gene": "ERBB2", "alteration": "exon 20 insertion"}],
                                  "tested_negative": _negative("ERBB2"),
                                  "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                                  "prior_lines": 1},
    "met-amplified-post-chemo": {"biomarkers": [{"gene": "MET", "alteration": "amplification"}],
                                 "tested_negative": _negative("MET"),
                                 "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1},
    "no-driver-post-chemo-io": {"tested_negative": ALL_GENES, "prior_lines": 1,
                                "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"]},
    "no-driver-post-io-only": {"tested_negative": ALL_GENES, "prior_lines": 1, "prior_therapies": ["pembrolizumab"]},
    "squamous-two-lines": {"tested_negative": ["EGFR", "ALK", "ROS1"], "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "paclitaxel", "pembrolizumab", "docetaxel"]},
    "osimertinib-then-chemo": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}],
                               "tested_negative": _negative("EGFR"), "prior_lines": 2,
                               "prior_therapies": ["osimertinib", "carboplatin", "pemetrexed"]},
    "adjuvant-only": {"tested_negative": ALL_GENES, "prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0},
    "history-not-given": {"tested_negative": ALL_GENES},
    "unlisted-drug": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": _negative("EGFR"),
                      "prior_therapies": ["xq-4411"], "prior_lines": 1},
}


def profile(name: str) -> Profile:
    return profile_from_dict(PROFILES[name])


def trial(inclusion: list[str] | None = None, exclusion: list[str] | None = None, title: str = "A study") -> TrialText:
    md = "Inclusion Criteria:\n\n" + "".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n"
                                             for line in inclusion or ["Adults"])
    if exclusion:
        md += "\nExclusion Criteria:\n\n" + "".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n"
                                                     for line in exclusion)
    return TrialText(nct_id="NCT00000000", title=title, criteria=tuple(split_criteria(md)))


def verdict(text: TrialText, who: str) -> str:
    return prior_therapy.check(prior_therapy.parse(text), profile(who)).verdict


# --- every part of the trial named: no unnamed part is left to take the patient -----------------

EVERY_PART = [
    (["Part A: Histologically confirmed metastatic NSCLC", "Part B: Histologically confirmed metastatic NSCLC"],
     ["Part A and Part B: Prior systemic therapy for metastatic NSCLC, including chemotherapy or immunotherapy"]),
    (["Cohort 1: Stage IV NSCLC with PD-L1 >= 50%", "Cohort 2: Stage IV NSCLC with any PD-L1"],
     ["Cohorts 1 and 2: Any prior systemic treatment for advanced disease"]),
    (["Phase 1b: advanced NSCLC", "Phase 2: advanced NSCLC", "Phase 2: measurable disease"],
     ["Phase 1b and Phase 2: Received prior systemic therapy for locally advanced or metastatic NSCLC"]),
]


@pytest.mark.parametrize(("inclusion", "exclusion"), EVERY_PART)
@pytest.mark.parametrize(("who", "expected"), [
    ("squamous-two-lines", "excluded"), ("post-osimertinib", "excluded"),
    ("naive-egfr", "eligible"), ("naive-no-driver", "eligible"), ("adjuvant-only", "eligible"),
])
def test_ban_on_every_named_part_binds_everyone(inclusion: list[str], exclusion: list[str], who: str,
                                                expected: str) -> None:
    if who == "adjuvant-only" and "locally advanced" in exclusion[0]:
        expected = "unknown"  # drugs with no advanced line may have been for stage III, which the ban takes in
    assert verdict(trial(inclusion, exclusion), who) == expected


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    # Only one part named: the other parts exist without it.
    (["Histologically confirmed metastatic NSCLC"], ["Part B: Prior systemic therapy for metastatic NSCLC"]),
    # The ban names one of two parts.
    (["Part A: metastatic NSCLC", "Part B: metastatic NSCLC"], ["Part B: Prior systemic therapy for metastatic NSCLC"]),
    # Three parts named, the ban names two.
    (["Cohort 1: NSCLC", "Cohort 2: NSCLC", "Cohort 3: NSCLC"],
     ["Cohorts 1 and 2: Any prior systemic treatment for advanced disease"]),
])
def test_ban_on_some_parts_is_not_everyones(inclusion: list[str], exclusion: list[str]) -> None:
    assert verdict(trial(inclusion, exclusion), "squamous-two-lines") != "excluded"


# --- a part "open to enrollment" beside a closed one is the trial ---------------------------------

OPEN_PART = [
    ["1. Phase 1 [closed to enrollment]", "2. Phase 2 [open to enrollment]:",
     "   * Stage IV NSCLC", "   * No prior systemic therapy for advanced or metastatic NSCLC."],
    ["Dose escalation (closed to accrual)", "Phase 2 (open to enrolment):",
     "   * Advanced non-squamous NSCLC", "   * No prior systemic treatment for metastatic disease"],
]


@pytest.mark.parametrize("inclusion", OPEN_PART)
@pytest.mark.parametrize(("who", "expected"), [
    ("squamous-two-lines", "excluded"), ("kras-g12c-post-chemo-io", "excluded"),
    ("naive-egfr", "eligible"), ("adjuvant-only", "eligible"),
])
def test_open_part_binds_everyone(inclusion: list[str], who: str, expected: str) -> None:
    assert verdict(trial(inclusion), who) == expected


def test_open_part_alone_is_still_one_part_when_another_part_is_open() -> None:
    text = trial(["Phase 1: any solid tumour", "Phase 2 [open to enrollment]: No prior systemic therapy for "
                  "metastatic NSCLC"])
    assert verdict(text, "squamous-two-lines") != "excluded"


# --- needs earlier standard therapy: "progressed on, intolerant of, or no standard therapy exists" ---

NEEDS_STANDARD = [
    "Metastatic NSCLC that has progressed on or is intolerant to standard therapy, or for which no standard therapy "
    "is available.",
    "Advanced solid tumour for which no standard therapy exists.",
    "Locally advanced or metastatic solid tumours for which standard of care therapy does not exist or no longer "
    "provides benefit.",
    "Participants must have progressed on standard treatment(s) for which no additional, effective therapy is "
    "available.",
    "Advanced solid tumours that have no standard therapeutic option or are intolerant to the therapies.",
    "Patients whose disease progressed after standard therapy, or for whom standard therapy is not available.",
    "Recurrent or metastatic cancer after the patient has exhausted all available standard therapies.",
]


@pytest.mark.parametrize("sentence", NEEDS_STANDARD)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive-egfr", "excluded"), ("naive-no-driver", "excluded"), ("naive-untested", "excluded"),
    ("squamous-two-lines", "eligible"), ("history-not-given", "unknown"),
])  # (after one line only: eligible or a question by the sentence, tests/test_rules_prior_therapy_standard.py)
def test_needs_standard_therapy(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial([sentence]), who) == expected


@pytest.mark.parametrize("sentence", [s for s in NEEDS_STANDARD if "metasta" not in s.lower()])
def test_needs_standard_therapy_leaves_adjuvant_treatment_to_the_doctor(sentence: str) -> None:
    # Adjuvant drugs and no line for advanced disease: whether they count is for the doctor.
    assert verdict(trial([sentence]), "adjuvant-only") == "unknown"


STANDARD_OR_REFUSED = [
    "Patients have progressed on, rejected, or are intolerant of standard therapy, or for whom no standard therapy "
    "exists.",
    "Metastatic solid tumour for which standard therapy does not exist, no longer provides benefit, or the patient "
    "is not a candidate for it.",
    "Progressed during or after approved standard therapies, or for which the participant refuses or is ineligible "
    "for standard therapy.",
    "Advanced cancer for which no standard therapy is available, or who declined standard treatment.",
    "Solid tumour for which no standard therapy exists or which is unsuitable for standard therapy.",
]


@pytest.mark.parametrize("sentence", STANDARD_OR_REFUSED)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive-egfr", "unknown"), ("naive-no-driver", "unknown"), ("squamous-two-lines", "eligible"),
])
def test_refusal_or_ineligibility_leaves_a_question(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial([sentence]), who) == expected


@pytest.mark.parametrize("sentence", [
    "Stage IV NSCLC with no curative treatment options.",
    "Locally advanced NSCLC not amenable to curative therapy.",
    "Patients must agree to receive standard therapy after the study.",
    "There is no standard dose adjustment for renal impairment.",
    "Standard-of-care imaging must be available.",
])
def test_near_misses_set_no_line_rule(sentence: str) -> None:
    for who in ("naive-egfr", "naive-no-driver", "naive-untested"):
        assert verdict(trial([sentence]), who) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Part 1 (dose escalation): solid tumours for which no standard therapy exists.",
    "Breast cancer cohort: metastatic breast cancer for which no standard therapy is available.",
])
def test_needs_standard_therapy_in_one_part_is_a_question_or_another_cancer(sentence: str) -> None:
    assert verdict(trial([sentence]), "naive-egfr") != "excluded"


# --- a condition on driver patients: "patients with EGFR/ALK ... must have progressed on approved therapy" ---

DRIVER_CONDITION = [
    "Patients with EGFR or ALK genomic tumour aberrations should have disease progression on FDA-approved therapy "
    "for these aberrations.",
    "If driver mutation, must have failed precision medicine therapy [eg, inhibitors of EGFR, ALK, ROS1, and others].",
    "For participants with EGFR, ALK, or other genomic alterations, participants must have progressed on approved "
    "therapy for these alterations.",
    "Note: patients with a known oncogenic driver (including but not limited to EGFR, ALK, ROS1, MET alterations) "
    "must have received and progressed past driver-specific therapy.",
    "Subjects harbouring actionable mutations must have received approved targeted therapy.",
]


@pytest.mark.parametrize("sentence", DRIVER_CONDITION)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive-egfr", "excluded"), ("naive-alk", "excluded"),
    ("post-osimertinib", "eligible"), ("post-alectinib", "eligible"), ("post-gefitinib-t790m", "eligible"),
    # No driver, or none known: the condition is not about them.
    ("naive-no-driver", "eligible"), ("no-driver-post-chemo-io", "eligible"), ("naive-untested", "eligible"),
    ("unlisted-drug", "unknown"), ("history-not-given", "eligible"),  # no driver: whatever the history
])
def test_driver_condition(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial([sentence]), who) == expected


@pytest.mark.parametrize("sentence", DRIVER_CONDITION[2:])
def test_driver_condition_for_every_driver(sentence: str) -> None:
    # A driver the sentence does not name ("other", "oncogenic driver") with an approved therapy not had.
    assert verdict(trial([sentence]), "alk-post-chemo") == "excluded"
    # KRAS G12C and HER2 therapies are approved after earlier systemic therapy: "a driver" may or may not
    # mean them; after a line for advanced disease, "approved therapy" does.
    later = "excluded" if "approved" in sentence else "unknown"
    assert verdict(trial([sentence]), "kras-g12c-post-chemo-io") == later
    assert verdict(trial([sentence]), "her2-mutant-post-chemo-io") == later
    # Findings without an approved therapy: a question, never an exclusion.
    assert verdict(trial([sentence]), "kras-g12d-post-chemo") == "unknown"
    assert verdict(trial([sentence]), "met-amplified-post-chemo") == "unknown"


def test_driver_condition_names_its_genes() -> None:
    sentence = DRIVER_CONDITION[0]  # EGFR or ALK only
    assert verdict(trial([sentence]), "kras-g12c-post-chemo-io") == "eligible"


def test_all_approved_therapies_for_t790m_means_a_third_generation_tki() -> None:
    sentence = ("Patients with tumours with actionable mutations should have progressed on all approved targeted "
                "therapies.")
    assert verdict(trial([sentence]), "post-gefitinib-t790m") == "excluded"
    assert verdict(trial([sentence]), "post-osimertinib") == "eligible"


def test_driver_condition_with_refusal_is_a_question() -> None:
    sentence = ("Patients with actionable alterations must have progressed on approved targeted therapy or have "
                "declined it.")
    assert verdict(trial([sentence]), "naive-egfr") == "unknown"


def test_driver_of_the_trial_itself_is_left_out() -> None:
    text = trial(["Confirmed KRAS mutation. If driver mutation, must have failed precision medicine therapy."],
                 title="A study of a KRAS inhibitor in KRAS-mutant solid tumours")
    assert verdict(text, "kras-g12c-post-chemo-io") == "eligible"
    assert verdict(text, "naive-egfr") == "excluded"


def test_driver_note_leaves_the_rest_of_the_sentence() -> None:
    text = trial(["NSCLC with progression on or after platinum-based chemotherapy (Note: patients with EGFR or ALK "
                  "aberrations should have disease progression on FDA-approved therapy for these aberrations)"])
    assert verdict(text, "post-alectinib") == "excluded"  # no platinum
    assert verdict(text, "alk-post-chemo") == "excluded"  # platinum, but no ALK inhibitor
    assert verdict(text, "no-driver-post-chemo-io") == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients with EGFR mutations must have progressed on osimertinib.",  # a named drug: the ordinary rules
    "Patients with actionable mutations are excluded.",
    "Patients with EGFR mutations must have measurable disease.",
    "No known actionable genomic alterations for which approved targeted therapy is available.",
])
def test_driver_near_misses_are_not_driver_conditions(sentence: str) -> None:
    rules = prior_therapy.parse(trial([sentence])).get("rules") or []
    assert all(rule["kind"] != "driver" for rule in rules)


def test_named_later_line_driver_is_judged() -> None:
    sentence = ("Patients with KRAS G12C or HER2 mutations must have progressed on approved targeted therapy for "
                "these alterations.")
    assert verdict(trial([sentence]), "kras-g12c-post-chemo-io") == "excluded"
    assert verdict(trial([sentence]), "her2-mutant-post-chemo-io") == "excluded"
    assert verdict(trial([sentence]), "naive-egfr") == "eligible"
