"""Structures behind a fresh unseen set's reader and biomarker errors (invented sentences and profiles only).

a. A group label with words before its group word that say how the group is run, who runs it or where ("Monotherapy
   Dose Escalation:", "Combination Cohort B:", "Part 3 Combination Cohort A:", "Phase 1a monotherapy dose
   escalation"): only the bare label ("Dose Escalation:") was read as a scope. A closed list of such modifiers may now
   stand before the kind word or the part words, and a label may name the group inside it. "Japan Safety Run-in:" is a
   country's part. A group that ends a criterion after "for" ("... for Part B dose escalation") scopes it, unless
   the words before let patients into the group ("... are eligible for Cohort 2").
b. Groups whose marker rules all need a marker, beside a group of the trial the shared reader named with no marker
   rule ("... for monotherapy phase 1a dose escalation"): that group is a way in whose marker rules we do not see, so
   the marker groups cannot exclude (a question). A group that only joins the labelled ones ("For Substudy B and C,
   measurable disease") is none.
c. A class word before a change noun however worded ("druggable gene abnormalities (e.g. EGFR, ALK)", "targetable
   genomic changes"): the driver class, so the examples are an open list. ("EGFR druggable abnormalities" names a
   gene.)
d. A carrier rule opened by a word that only joins it to the sentence before ("In addition, participants with driver
   alterations for which approved targeted therapies exist must have received them"): a rule on carriers, not a
   marker requirement (it was read as requiring a driver, and excluded a driver-negative patient).
e. An exclusion of known markers beside "If testing is done, ..." / "(if tested)": testing is optional, so an untested
   patient is not barred.
f. A cohort named for another cancer by its words "mesothelioma", "nasopharyngeal", "Merkel cell", "cutaneous
   squamous" is no way in for an NSCLC patient.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.criteria.rules.base import EXCLUDED, Finding
from trialmatch.criteria.rules.reader import apply_scope, criterion_scope, heading_scope

NO_DRIVER = patient(pdl1=60)
UNTESTED = patient(negative=[])
EGFR_L858R = patient("EGFR:L858R")
EGFR_EX19 = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
ALK = patient("ALK:fusion")
MET_EX14 = patient("MET:exon 14 skipping")
RET = patient("RET:fusion")
KRAS_G12D = patient("KRAS:G12D")
NRG1 = patient("NRG1:fusion")
BRAF_V600E = patient("BRAF:V600E")

# --- a. group labels with modifiers ------------------------------------------------------------------------------

MODIFIED_LABELS = [
    "Monotherapy Dose Escalation: previously treated advanced solid tumours",
    "Combination Dose Expansion: ECOG 0-1",
    "Backfill Dose Escalation - measurable disease",
    "Combination Cohort B: at least one prior platinum regimen",
    "Part 3 Combination Cohort A: no prior taxane",
    "Part 2 Cohort 4: PD-L1 TPS of at least 1%",
    "Phase 1a Monotherapy Dose Escalation: any solid tumour",
    "Optional Part C: prior docetaxel",
    "Randomised Phase 2: no prior immunotherapy",
    "Single-agent Arm D: ECOG 0-2",
    "Safety Run-in: prior platinum doublet",
    "For the combination dose expansion, prior anti-PD-1 therapy is required",
    "Open-label Expansion Part: measurable disease",
]


@pytest.mark.parametrize("text", MODIFIED_LABELS)
def test_a_a_modified_group_label_is_a_scope(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.kind in {"part", "phase", "cohort", "arm"}
    assert not scope.diseases and not scope.genes


@pytest.mark.parametrize("line", ["Monotherapy Dose Escalation:", "Combination Dose Expansion:",
                                  "Part 1B Monotherapy Cohort C:", "Phase 1b combination expansion:"])
def test_a_a_modified_group_line_is_a_heading(line: str) -> None:
    assert heading_scope(line) is not None


@pytest.mark.parametrize("text", ["Japan Safety Run-in: ECOG 0-1", "China dose escalation: prior platinum",
                                  "Korea monotherapy cohort: PD-L1 >= 1%"])
def test_a_a_country_part_with_its_part_words_is_a_region(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.region


TRAILING_GROUPS = [
    "Disease progressed after the last prior treatment, with no satisfactory alternative, for monotherapy phase 1a "
    "dose escalation",
    "Advanced solid tumour including primary brain tumour for Part A dose escalation",
    "At least two prior lines of therapy for Cohort 3.",
    "Prior platinum-based chemotherapy is required for the combination Arm B",
    "Measurable disease per RECIST 1.1 for Part 2 expansion",
    "No prior taxane for Phase 1b",
    "Archival tissue available for Cohort 5 patients",
    "ECOG 0-1 for the dose expansion cohorts",
]


@pytest.mark.parametrize("text", TRAILING_GROUPS)
def test_a_a_group_that_ends_the_criterion_after_for_scopes_it(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.kind != "condition"


@pytest.mark.parametrize("text", [
    "Monotherapy cohorts: ECOG 0-1",  # an unlabelled kind word after "monotherapy": the sponsor's assignment
    "Combination cohort: prior platinum",
    "PD-L1-negative patients are eligible for Cohort 2",  # who may join the group, not its rule
    "Patients with brain metastases may be enrolled for Part B",
    "Patients must be candidates for dose escalation.",
    "Tissue for Cohort 2 must be collected before dosing and sent centrally",  # "for" not at the end
    "ECOG 0-1 for all cohorts",
    "Must have had monotherapy with an anti-PD-1 antibody",
])
def test_a_near_misses_set_no_group_scope(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is None or scope.kind == "condition"


def test_a_a_modified_group_scope_turns_an_exclusion_into_a_question() -> None:
    scope = criterion_scope("Combination Dose Expansion: prior anti-PD-1 therapy not allowed")
    assert scope is not None
    found = apply_scope(Finding(EXCLUDED, "x", "y"), scope.to_json(), NO_DRIVER)
    assert found.verdict == "unknown"


# --- b. marker groups beside a group with no marker rule ---------------------------------------------------------

def _sub_studies(escalation: str, first: str, second: str, joint: str = "") -> str:
    bullets = [escalation, f"For Substudy {first[0]}, {first[1]}", f"For Substudy {second[0]}, {second[1]}"]
    if joint:
        bullets.append(joint)
    return inc(*bullets)


OTHER_WAY_IN = [
    _sub_studies("Advanced solid tumour for monotherapy phase 1a dose escalation",
                 ("B", "a BRAF V600 mutation in tissue or blood"), ("C", "a non-V600 BRAF alteration")),
    _sub_studies("No satisfactory standard therapy for Part A dose escalation",
                 ("2", "a KRAS G12C mutation"), ("3", "a KRAS G12D mutation")),
    _sub_studies("Any solid tumour for the dose escalation",
                 ("X", "an NTRK1, NTRK2 or NTRK3 fusion"), ("Y", "a ROS1 fusion")),
    _sub_studies("Relapsed solid tumour for Phase 1 monotherapy dose escalation",
                 ("D", "MET exon 14 skipping"), ("E", "MET amplification"),
                 "For Substudy D and E, measurable disease"),
    inc("Monotherapy Dose Escalation: advanced solid tumour after standard therapy",
        "For Cohort B, an EGFR exon 20 insertion", "For Cohort C, a HER2 exon 20 insertion"),
    inc("Combination Run-in: any advanced solid tumour",
        "For Arm 2, an ALK fusion", "For Arm 3, a RET fusion"),
    inc("Japan Safety Run-in: prior platinum", "Dose Escalation: any solid tumour after standard therapy",
        "For Module 4, a BRAF V600E mutation", "For Module 5, an NRG1 fusion"),
    inc("Backfill Dose Escalation: measurable disease",
        "For Substudy 1, a KRAS G12C mutation", "For Substudy 2, an EGFR L858R mutation"),
]


@pytest.mark.parametrize("text", OTHER_WAY_IN)
@pytest.mark.parametrize("profile", [NO_DRIVER, EGFR_EX19, ALK, NRG1, KRAS_G12D], ids=lambda p: "p")
def test_b_marker_groups_beside_a_group_with_no_marker_rule_never_exclude(text: str, profile: object) -> None:
    assert verdict(text, profile) != "excluded"  # type: ignore[arg-type]


def test_b_a_carrier_of_a_group_marker_stays_eligible() -> None:
    assert verdict(OTHER_WAY_IN[0], BRAF_V600E) == "eligible"
    assert verdict(OTHER_WAY_IN[5], ALK) == "eligible"


@pytest.mark.parametrize("text", [
    # Only the marker groups, and a line that joins them: every way in needs a marker.
    inc("For Substudy B, a BRAF V600 mutation", "For Substudy C, a non-V600 BRAF alteration",
        "For Substudy B and C, measurable disease"),
    inc("For Cohort 1, a KRAS G12C mutation", "For Cohort 2, a KRAS G12D mutation", "ECOG 0-1 for Cohort 1 and 2"),
    inc("For Arm A, an ALK fusion", "For Arm B, a ROS1 fusion"),
])
def test_b_near_miss_groups_that_all_need_a_marker_still_exclude(text: str) -> None:
    assert verdict(text, NO_DRIVER) == "excluded"


# --- c. a class word before a change noun ------------------------------------------------------------------------

CLASS_NOUNS = [
    "Patients whose tumours carry known first-line druggable gene abnormalities (e.g. EGFR, ALK, ROS1)",
    "Known targetable genomic abnormalities, such as EGFR or ALK",
    "Tumours harbouring actionable genetic aberrations (for example EGFR, BRAF)",
    "Known druggable molecular changes (eg ALK, ROS1, EGFR)",
    "Targetable gene abnormalities including EGFR and ALK",
    "Presence of actionable abnormalities (e.g. EGFR, ROS1)",
    "Known actionable gene changes such as ALK or EGFR",
    "Documented druggable genetic abnormalities (e.g., BRAF, EGFR)",
]


@pytest.mark.parametrize("text", CLASS_NOUNS)
def test_c_a_class_word_before_a_change_noun_names_the_driver_class(text: str) -> None:
    # The named genes are examples: a first-line driver the list leaves out is barred too (or a question).
    assert verdict(exc(text), EGFR_L858R) == "excluded"
    assert verdict(exc(text), MET_EX14) in {"excluded", "unknown"}
    assert verdict(exc(text), RET) in {"excluded", "unknown"}
    assert verdict(exc(text), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("text", [
    "Known druggable alterations (EGFR, ALK, ROS1)",  # a closed list in brackets: the genes it names
    "EGFR druggable abnormalities",  # a gene before the class word: that gene's change
])
def test_c_near_miss_named_genes_stay_closed(text: str) -> None:
    assert verdict(exc(text), MET_EX14) == "eligible"
    assert verdict(exc(text), EGFR_L858R) == "excluded"


# --- d. a carrier rule after a joining word ----------------------------------------------------------------------

JOINED_CARRIER_RULES = [
    "In addition, participants with tumour genomic mutations/alterations for which approved targeted therapies are "
    "available must have received such therapies.",
    "Additionally, patients with actionable alterations must have received targeted therapy.",
    "Furthermore, subjects with known driver mutations should have progressed on a TKI.",
    "Moreover, participants with an EGFR or ALK alteration must have received an approved TKI.",
    "Also, patients whose tumours harbour an actionable driver must have progressed on its targeted therapy.",
    "In addition, those with a targetable alteration must have had at least one targeted agent.",
    "Note: patients with druggable alterations must have received the approved therapy.",
    "Further, participants with ROS1 or RET fusions must have progressed on a matching inhibitor.",
]


@pytest.mark.parametrize("text", JOINED_CARRIER_RULES)
def test_d_a_joined_carrier_rule_requires_no_marker(text: str) -> None:
    assert verdict(inc(text), NO_DRIVER) == "eligible"
    assert verdict(inc(text), KRAS_G12D) != "excluded"


@pytest.mark.parametrize("text", [
    "In addition, participants with EGFR mutations must have received osimertinib",
    "Additionally, patients with breast cancer must have had two prior lines",
])
def test_d_a_joined_condition_names_its_group(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.kind == "condition" and (scope.genes or scope.diseases)


def test_d_near_miss_a_joined_requirement_still_requires() -> None:
    assert verdict(inc("In addition, an EGFR mutation is required"), NO_DRIVER) == "excluded"
    assert verdict(inc("Additionally, documented ALK rearrangement"), NO_DRIVER) == "excluded"


# --- e. known markers beside optional testing --------------------------------------------------------------------

IF_TESTED = [
    "Participants with known EGFR mutations, ALK translocation, or ROS1 translocation. If testing is done, an "
    "approved assay should be used.",
    "Known EGFR or ALK alterations (if tested).",
    "Known ALK or ROS1 fusion; if testing was performed, a validated assay is needed.",
    "Patients with known EGFR sensitising mutations. When testing is available, local results are accepted.",
    "Known BRAF V600E or EGFR mutation, where tested.",
    "Tumours with a known EGFR mutation or ALK rearrangement. If genomic testing has been done, the report is needed.",
    "Known ROS1 or ALK rearrangement (when tested)",
    "EGFR mutation or ALK fusion. If mutation testing was done, results must be available.",
]


@pytest.mark.parametrize("text", IF_TESTED)
def test_e_optional_testing_lets_the_untested_in(text: str) -> None:
    assert verdict(exc(text), UNTESTED) == "eligible"
    assert verdict(exc(text), NO_DRIVER) == "eligible"


def test_e_a_carrier_is_still_barred() -> None:
    assert verdict(exc(IF_TESTED[0]), EGFR_L858R) == "excluded"
    assert verdict(exc(IF_TESTED[1]), ALK) == "excluded"


@pytest.mark.parametrize("text", [
    "Known EGFR or ALK alteration. Testing must be done before enrolment.",
    "EGFR mutation, if testing is done locally.",  # the place of the test, not whether it is done
])
def test_e_near_miss_testing_not_optional_keeps_untested_a_question(text: str) -> None:
    assert verdict(exc(text), UNTESTED) == "unknown"


def test_e_a_requirement_beside_if_tested_is_unchanged() -> None:
    assert verdict(inc("EGFR exon 19 deletion or L858R. If testing is done, a local report is accepted."),
                   UNTESTED) == "unknown"


# --- f. another cancer's cohort ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cancer", ["malignant pleural mesothelioma", "nasopharyngeal carcinoma",
                                    "Merkel cell carcinoma", "cutaneous squamous cell carcinoma"])
def test_f_another_cancers_cohort_is_no_way_in(cancer: str) -> None:
    text = inc(f"Cohort A: Patients with advanced {cancer} who have not received systemic therapy.",
               "Cohort B: Patients with metastatic NSCLC with an EGFR exon 19 deletion or L858R mutation.")
    assert verdict(text, EGFR_L858R) == "eligible"
    assert verdict(text, NO_DRIVER) != "eligible"


# A sibling part named by what it does ("Dose Expansion Part" beside "Dose Escalation Part") with no marker rule is
# surely another way in: eligible, as one of our cohorts with no marker rule is.
def _two_parts(first: str, rule: str, second: str) -> str:
    return "\n".join(["Inclusion Criteria:", "", first, "", "1. Metastatic NSCLC", f"2. {rule}", "", second, "",
                      "1. Metastatic NSCLC, no prior systemic therapy", ""])


SIBLING_PARTS = [
    _two_parts("Dose Escalation Part (maintenance)", "No known targetable molecular aberration.",
               "Dose Expansion Part (first line)"),
    _two_parts("Dose Escalation:", "No known actionable genomic alteration", "Dose Expansion:"),
    _two_parts("Safety Run-in Part", "Known EGFR mutation or ALK rearrangement excluded", "Dose Expansion Part"),
    _two_parts("Monotherapy Dose Escalation:", "PD-L1 TPS of at least 50%", "Combination Dose Expansion:"),
]


@pytest.mark.parametrize("text", SIBLING_PARTS)
@pytest.mark.parametrize("profile", [EGFR_L858R, KRAS_G12D, NO_DRIVER, UNTESTED], ids=lambda p: "p")
def test_b_a_sibling_part_with_no_marker_rule_is_a_way_in(text: str, profile: object) -> None:
    assert verdict(text, profile) == "eligible"  # type: ignore[arg-type]


def test_b_near_miss_one_part_alone_still_bars_within_it() -> None:
    text = "\n".join(["Inclusion Criteria:", "", "Dose Escalation:", "", "1. Metastatic NSCLC",
                      "2. No known actionable genomic alteration", ""])
    assert verdict(text, EGFR_L858R) != "eligible"
