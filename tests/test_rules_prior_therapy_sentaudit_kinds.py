"""Prior-therapy kinds found by two sentence audits of real criteria: each kind with invented sentences and the
near-misses that must keep their verdict.

- a time clause that dates a test or sample ("confirmed ... before the first-line treatment with X") is no line rule;
- cohort headers whose group names a line ("... Specific to Second-Line Dose Expansion:") scope the bullets under
  them, and the cohorts are alternatives;
- sibling rules for the patients with and without an actionable driver ("Subjects with positive / negative AGA
  must ...") bind each patient by their findings (a finding without an approved therapy is no actionable one);
- "at least two prior lines, or for whom no standard therapy exists" is a question for a 1-line patient;
- a title's bare "chemo-naive" gives way to the criteria's own, narrower ban.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19, FULL_PANEL, named_verdict, prior_verdict

NO_EGFR = [g for g in FULL_PANEL if g != "EGFR"]
NO_KRAS = [g for g in FULL_PANEL if g != "KRAS"]
NO_ALK = [g for g in FULL_PANEL if g != "ALK"]
CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]

PATIENTS: dict[str, dict[str, Any]] = {
    "egfr-naive": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": NO_EGFR,
                   "prior_therapies": [], "prior_lines": 0},
    "egfr-post-osimertinib": {"biomarkers": EGFR_EX19, "tested_negative": NO_EGFR,
                              "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "alk-naive": {"biomarkers": [{"gene": "ALK", "alteration": "EML4-ALK fusion"}], "tested_negative": NO_ALK,
                  "prior_therapies": [], "prior_lines": 0},
    "nodriver-naive": {"tested_negative": FULL_PANEL, "prior_therapies": [], "prior_lines": 0},
    "nodriver-chemo-io": {"tested_negative": FULL_PANEL, "prior_therapies": CHEMO_IO, "prior_lines": 1},
    # Tested for the two drivers every guideline asks first only (a squamous tumour, often).
    "squamous-chemo-io": {"histology": "squamous", "tested_negative": ["EGFR", "ALK", "ROS1"],
                          "prior_therapies": ["carboplatin", "paclitaxel", "nivolumab"], "prior_lines": 1},
    "kras-g12v-chemo-io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12V"}], "tested_negative": NO_KRAS,
                           "prior_therapies": CHEMO_IO, "prior_lines": 1},
    "her2-amp-chemo-io": {"biomarkers": [{"gene": "ERBB2", "alteration": "amplification"}],
                          "tested_negative": [g for g in FULL_PANEL if g != "ERBB2"],
                          "prior_therapies": ["cisplatin", "docetaxel", "atezolizumab"], "prior_lines": 2},
    "kras-g12c-chemo-io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "tested_negative": NO_KRAS,
                           "prior_therapies": CHEMO_IO, "prior_lines": 1},
    "untested-naive": {"prior_therapies": [], "prior_lines": 0},
    "untested-chemo": {"prior_therapies": ["carboplatin", "gemcitabine"], "prior_lines": 1},
    "two-lines": {"tested_negative": FULL_PANEL, "prior_therapies": [*CHEMO_IO, "docetaxel"], "prior_lines": 2},
    "adjuvant-only": {"tested_negative": FULL_PANEL, "prior_therapies": ["cisplatin", "vinorelbine"],
                      "prior_lines": 0},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return named_verdict(PATIENTS, who, inclusion, exclusion, **extra)


# --- W1: a time clause dating a test or sample ----------------------------------------------------------------

DATED = [
    "Patients with EGFR-sensitive mutations confirmed by tumor histology or cytology before the first-line "
    "treatment with EGFR-TKIs",
    "RET fusion detected by NGS at diagnosis, before the first-line treatment with a RET inhibitor",
    "Tissue biopsy collected before first-line EGFR TKI therapy must be available for central testing",
    "ALK rearrangement must have been documented on a specimen obtained before the first-line treatment with "
    "alectinib or lorlatinib",
    "PD-L1 expression assessed on an archival sample taken prior to the start of first-line chemotherapy",
]


@pytest.mark.parametrize("sentence", DATED)
def test_a_dated_test_or_sample_sets_no_line_rule(sentence: str) -> None:
    assert verdict("egfr-post-osimertinib", [sentence]) == "eligible"
    assert verdict("two-lines", [sentence]) == "eligible"


def test_a_dated_test_leaves_the_next_sentence_to_decide() -> None:
    inclusion = [DATED[0], "Documented progression on an EGFR-TKI"]
    assert verdict("egfr-post-osimertinib", inclusion) == "eligible"
    assert verdict("egfr-naive", inclusion) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients must be eligible for first-line treatment with an EGFR-TKI",
    "Patients must be enrolled before the start of first-line chemotherapy",
    "Candidates for first-line osimertinib, with the EGFR mutation confirmed by a local test",
])
def test_a_first_line_rule_near_a_test_still_binds(sentence: str) -> None:
    assert verdict("egfr-post-osimertinib", [sentence]) == "excluded"
    assert verdict("egfr-naive", [sentence]) == "eligible"


# --- W2: cohort headers named by their line ---------------------------------------------------------------------

HEADED_COHORTS = [
    ["Inclusion Criteria Specific to Dose Escalation and Second-Line Dose Expansion:",
     "Must have received osimertinib for metastatic disease",
     "Inclusion Criteria Specific to First-Line Dose Expansion:",
     "Subjects must have previously untreated metastatic NSCLC"],
    ["Additional Inclusion Criteria for Dose Escalation and the Second-Line Cohort:",
     "Must have received osimertinib for metastatic disease",
     "Additional Inclusion Criteria for the First-Line Cohort:",
     "No prior systemic therapy for metastatic NSCLC"],
    ["Inclusion criteria specific to Part 1 and Second-Line Dose Expansion:",
     "Progression on prior osimertinib is required",
     "Inclusion criteria specific to First-Line Dose Expansion:",
     "Treatment-naive for advanced disease"],
]


@pytest.mark.parametrize("inclusion", HEADED_COHORTS)
def test_line_cohort_headers_are_alternatives(inclusion: list[str]) -> None:
    assert verdict("egfr-naive", inclusion) == "eligible"
    assert verdict("egfr-post-osimertinib", inclusion) == "eligible"
    assert verdict("two-lines", inclusion) != "eligible"


def test_a_third_line_header_with_a_first_line_sibling() -> None:
    inclusion = ["Inclusion Criteria Specific to Part 1 and Third-Line Dose Expansion:",
                 "Must have received two prior ALK inhibitors including lorlatinib",
                 "Inclusion Criteria Specific to First-Line Dose Expansion:", "No prior ALK inhibitor"]
    assert verdict("alk-naive", inclusion) == "eligible"


def test_a_lone_second_line_header_still_binds() -> None:
    inclusion = ["Inclusion Criteria Specific to Second-Line Patients:",
                 "Must have progressed on exactly one prior line of systemic therapy"]
    assert verdict("egfr-naive", inclusion) == "excluded"


def test_cohorts_named_with_the_word_cohort_still_read() -> None:
    inclusion = ["Criteria specific to the second-line expansion cohort:",
                 "Must have received osimertinib for metastatic disease",
                 "Criteria specific to the first-line expansion cohort:",
                 "Subjects must have previously untreated metastatic NSCLC"]
    assert verdict("egfr-naive", inclusion) == "eligible"


# --- W3: sibling rules for the patients with and without an actionable driver --------------------------------

SIBLINGS = [
    ["Subjects with positive AGA must have progressed after at least 1 platinum-based chemotherapy and/or "
     "immunotherapy AND at least 1 locally approved targeted therapy appropriate to the AGA",
     "Subjects with negative AGA must have progressed after prior PD-1/PD-L1 therapy and/or platinum-based "
     "chemotherapy"],
    ["Patients whose tumour harbours a targetable driver must have received the corresponding targeted therapy.",
     "Patients without a targetable driver must have progressed on platinum-based chemotherapy."],
    ["Participants with an actionable genomic alteration must have received prior targeted therapy",
     "Participants with no actionable genomic alteration must have progressed on platinum-based chemotherapy"],
    ["Patients whose tumors have an actionable mutation must have progressed on approved targeted therapy",
     "Subjects whose tumours lack an actionable driver must have progressed on platinum-based chemotherapy"],
]


@pytest.mark.parametrize("inclusion", SIBLINGS)
@pytest.mark.parametrize("who", ["nodriver-chemo-io", "squamous-chemo-io"])
def test_a_patient_without_an_actionable_driver_is_judged_on_the_negative_branch(inclusion: list[str],
                                                                                 who: str) -> None:
    assert verdict(who, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", SIBLINGS)
@pytest.mark.parametrize("who", ["kras-g12v-chemo-io", "her2-amp-chemo-io"])
def test_a_finding_without_an_approved_drug_is_never_excluded_by_the_positive_branch(inclusion: list[str],
                                                                                      who: str) -> None:
    # "must have received approved targeted therapy" for such a finding stays the question drivers.py makes it.
    assert verdict(who, inclusion) in {"eligible", "unknown"}


@pytest.mark.parametrize("who", ["kras-g12v-chemo-io", "her2-amp-chemo-io"])
def test_a_finding_without_an_approved_drug_is_aga_negative(who: str) -> None:
    assert verdict(who, SIBLINGS[0]) == "eligible"


@pytest.mark.parametrize("inclusion", SIBLINGS)
def test_the_negative_branch_still_asks_its_treatment(inclusion: list[str]) -> None:
    assert verdict("nodriver-naive", inclusion) == "excluded"


def test_the_positive_branch_still_binds_a_carrier() -> None:
    assert verdict("egfr-post-osimertinib", SIBLINGS[0]) == "excluded"  # no platinum, no immunotherapy
    assert verdict("kras-g12c-chemo-io", SIBLINGS[0]) == "excluded"  # the literal reading: no sotorasib
    assert verdict("egfr-post-osimertinib", SIBLINGS[1]) == "eligible"


def test_an_untested_patient_is_a_question() -> None:
    assert verdict("untested-chemo", SIBLINGS[0]) == "unknown"  # fits the group without a driver, if in it
    # Untreated, the patient fails both groups: whichever is theirs, excluded (session 20 round 3).
    assert verdict("untested-naive", SIBLINGS[0]) == "excluded"


def test_driver_positive_groups_with_their_genes_listed() -> None:
    sentence = ("Driver-positive participants (EGFR, ALK, ROS1, RET, MET ex14) must have failed a matching TKI; "
                "driver-negative participants must have failed chemo-immunotherapy.")
    assert verdict("kras-g12c-chemo-io", [sentence]) == "eligible"
    assert verdict("nodriver-chemo-io", [sentence]) == "eligible"
    assert verdict("nodriver-naive", [sentence]) == "excluded"


def test_a_single_driver_rule_still_leaves_the_driver_negative_alone() -> None:
    sentence = ("For participants with an actionable genomic alteration: prior treatment with an approved "
                "targeted agent is required.")
    assert verdict("nodriver-naive", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Participants without genetic alterations or unknown genetic alterations in the metastatic setting after "
    "receiving 1 prior line of platinum-based chemotherapy",
    "Patients without known genomic alterations or with unknown alteration status: progression after one prior "
    "line of chemo-immunotherapy.",
    "Subjects without an oncogenic driver, or whose driver status is unknown, must have received 1-2 prior lines "
    "including a PD-1 inhibitor.",
])
def test_without_or_unknown_binds_the_untested_and_the_negative(sentence: str) -> None:
    assert verdict("nodriver-naive", [sentence]) == "excluded"
    assert verdict("untested-naive", [sentence]) == "excluded"
    assert verdict("egfr-post-osimertinib", [sentence]) == "eligible"


# --- "at least two lines, or no standard therapy" --------------------------------------------------------------

OR_NONE_LEFT = [
    "Received at least two prior lines of therapy, or for whom no standard therapy exists",
    "Patients must have received at least two prior lines of systemic therapy or no further standard therapy is "
    "available",
    "Progressed after at least 2 prior regimens, or have no standard treatment options available",
    "Failure of two or more prior systemic regimens or patients for whom there is no standard therapy",
]


@pytest.mark.parametrize("sentence", OR_NONE_LEFT)
def test_fewer_lines_or_no_standard_therapy_is_a_question(sentence: str) -> None:
    assert verdict("untested-chemo", [sentence]) == "unknown"
    assert verdict("nodriver-naive", [sentence]) == "excluded"  # standard first-line therapy always exists
    assert verdict("two-lines", [sentence]) != "excluded"


@pytest.mark.parametrize("sentence", [
    "Must have received at least 2 prior lines of therapy for which no standard therapy exists",
    "At least 2 prior lines of therapy and no standard therapy available",
    "Received at least two prior lines of therapy",
])
def test_two_lines_without_the_alternative_still_bind(sentence: str) -> None:
    assert verdict("untested-chemo", [sentence]) == "excluded"


# --- T: a title's bare "chemo-naive" against the criteria's own ban ------------------------------------------

STAGE_BAN = ("Prior chemotherapy or treatment with another systemic anti-cancer agent for the treatment of the "
             "participant's current stage of the disease (Stage IIIb, IV or recurrent disease)")


@pytest.mark.parametrize("title", [
    "Drug X plus carboplatin in chemo-naive non-squamous NSCLC",
    "Drug X in chemotherapy naive NSCLC",
    "A phase 2 study of drug Y in chemotherapy-naive lung cancer",
])
@pytest.mark.parametrize("exclusion", [STAGE_BAN, "Prior chemotherapy for advanced or metastatic disease"])
def test_the_criteria_ban_beats_a_bare_title(title: str, exclusion: str) -> None:
    assert prior_verdict(PATIENTS["adjuvant-only"], ["Stage IV NSCLC"], [exclusion], title=title) != "excluded"
    assert prior_verdict(PATIENTS["untested-chemo"], ["Stage IV NSCLC"], [exclusion], title=title) == "excluded"


def test_a_bare_title_still_bans_when_the_criteria_say_nothing() -> None:
    title = "Drug X in chemotherapy naive NSCLC"
    assert prior_verdict(PATIENTS["untested-chemo"], ["Stage IV NSCLC"], ["Pregnancy"], title=title) == "excluded"
    assert prior_verdict(PATIENTS["untested-chemo"], ["Stage IV NSCLC"], ["Prior EGFR TKI"],
                         title=title) == "excluded"
