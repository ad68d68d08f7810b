"""The shared reader: groups named by section headings, group labels of many kinds, and design sentences.

Invented texts only. A criterion under a heading that names a part, cohort, phase or arm carries that group's
scope (so cohorts are alternatives, not all required); the heading itself sets no rule; stratification, quota
and cap sentences are the trial's design and no dimension reads them.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import EXCLUDED
from trialmatch.criteria.rules.reader import heading_scope, is_design, purpose_of, read_scope, without_design
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

_BASE = {"age": 61, "sex": "male", "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
         "tested_negative": [], "pdl1_tps": None, "brain_metastases": "none", "prior_therapies": [],
         "prior_lines": 0}
_ALL = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "NRG1"]


def _profile(**facts: object) -> Profile:
    return profile_from_dict({**_BASE, "id": "invented", **facts})


def _negative_but(gene: str) -> list[str]:
    return [g for g in _ALL if g != gene]


EGFR_AFTER_OSI = _profile(biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                          tested_negative=_negative_but("EGFR"), prior_therapies=["osimertinib"], prior_lines=1)
KRAS_AFTER_CHEMO_IO = _profile(biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                               tested_negative=_negative_but("KRAS"), pdl1_tps=20,
                               prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"],
                               prior_lines=1)
NAIVE_HIGH_PDL1 = _profile(tested_negative=_ALL, pdl1_tps=80)
NAIVE_ECOG2_LOW_PDL1 = _profile(tested_negative=_ALL, pdl1_tps=5, ecog=2)
TWO_LINES = _profile(tested_negative=_ALL, pdl1_tps=10, prior_therapies=["carboplatin", "pemetrexed", "docetaxel"],
                     prior_lines=2)
TREATED_BRAIN = _profile(tested_negative=_ALL, pdl1_tps=60, brain_metastases="treated_stable")


def _rows(markdown: str) -> list[tuple[str, str, str | None]]:
    return [(c.section, c.text, c.scope.label if c.scope else None) for c in split_criteria(markdown)]


def _trial(markdown: str) -> TrialText:
    return TrialText(nct_id="NCT00000000", title="A study of drug Q in advanced non-small cell lung cancer",
                     conditions=("Non-small Cell Lung Cancer",), criteria=tuple(split_criteria(markdown)))


def _excluded_on(trial: TrialText, profile: Profile) -> list[str]:
    return [name for name, dim in DIMENSIONS.items() if dim.check(dim.parse(trial), profile).verdict == EXCLUDED]


# --- 1. section headings that name a group ---------------------------------------------------------------

@pytest.mark.parametrize(("first", "second", "label1", "label2"), [
    ("Inclusion Criteria - Cohort 1:", "Inclusion Criteria - Cohort 2:", "Cohort 1", "Cohort 2"),
    ("Inclusion Criteria for Part A:", "Inclusion Criteria for Part B:", "Part A", "Part B"),
    ("Phase 1b Inclusion Criteria:", "Phase 2 Inclusion Criteria:", "Phase 1b", "Phase 2"),
    ("**Inclusion criteria (Group A)**", "**Inclusion criteria (Group B)**", "Group A", "Group B"),
    ("Cohort 3 Inclusion Criteria", "Cohort 4 Inclusion Criteria", "Cohort 3", "Cohort 4"),
    ("Inclusion criteria specific to Arm 1:", "Inclusion criteria specific to Arm 2:", "Arm 1", "Arm 2"),
    ("Dose Escalation Inclusion Criteria:", "Dose Expansion Inclusion Criteria:", "Dose Escalation",
     "Dose Expansion"),
])
def test_a_section_heading_naming_a_group_scopes_its_section(first: str, second: str, label1: str,
                                                              label2: str) -> None:
    markdown = (f"{first}\n\n* ECOG 0-1\n* Prior docetaxel\n\n{second}\n\n* No prior systemic therapy\n\n"
                "Exclusion Criteria:\n\n* Active hepatitis B\n")
    assert _rows(markdown) == [("inclusion", "ECOG 0-1", label1), ("inclusion", "Prior docetaxel", label1),
                               ("inclusion", "No prior systemic therapy", label2),
                               ("exclusion", "Active hepatitis B", None)]


@pytest.mark.parametrize(("heading", "label"), [
    ("Exclusion Criteria (Part B only):", "Part B only"),
    ("Exclusion Criteria for Arm C:", "Arm C"),
    ("Exclusion criteria - Expansion cohort 2:", "Expansion cohort 2"),
])
def test_an_exclusion_heading_naming_a_group_keeps_the_section(heading: str, label: str) -> None:
    markdown = f"Inclusion Criteria:\n\n* NSCLC\n\nExclusion Criteria:\n\n* HIV\n\n{heading}\n\n* Prior anti-PD-1\n"
    assert _rows(markdown)[-1] == ("exclusion", "Prior anti-PD-1", label)
    assert _rows(markdown)[1] == ("exclusion", "HIV", None)


def test_additional_criteria_for_a_phase_and_a_heading_for_all_groups() -> None:
    markdown = ("Inclusion Criteria:\n\n* Stage IV NSCLC\n\nAdditional inclusion criteria for the expansion phase:\n\n"
                "* Progression after an anti-PD-1 agent\n\nInclusion criteria for all arms:\n\n* ECOG 0-1\n")
    assert _rows(markdown) == [("inclusion", "Stage IV NSCLC", None),
                               ("inclusion", "Progression after an anti-PD-1 agent", "the expansion phase"),
                               ("inclusion", "ECOG 0-1", None)]


def test_a_heading_naming_several_groups_and_one_for_both() -> None:
    markdown = ("Part 1 (Dose Finding) Inclusion Criteria:\n\n* Any solid tumour\n\n"
                "Part 2 (Safety Expansion) and Part 3 (Randomised) Inclusion Criteria:\n\n* NSCLC after platinum\n\n"
                "Inclusion Criteria applying to both Parts\n\n* ECOG 0-1\n")
    assert _rows(markdown) == [("inclusion", "Any solid tumour", "Part 1 (Dose Finding)"),
                               ("inclusion", "NSCLC after platinum",
                                "Part 2 (Safety Expansion) and Part 3 (Randomised)"),
                               ("inclusion", "ECOG 0-1", None)]


def test_a_heading_keeps_the_criterion_written_after_its_colon() -> None:
    assert _rows("Inclusion Criteria for Cohort B: PD-L1 TPS >= 50%\n* No prior therapy\n") == [
        ("inclusion", "PD-L1 TPS >= 50%", "Cohort B"), ("inclusion", "No prior therapy", "Cohort B")]


@pytest.mark.parametrize("heading", [
    "Inclusion Criteria:", "Key Inclusion Criteria:",
    "Inclusion Criteria for patients with EGFR mutation:", "Inclusion Criteria - general:",
])
def test_a_heading_naming_no_group_scopes_nothing(heading: str) -> None:
    assert _rows(f"{heading}\n* ECOG 0-1\n* NSCLC\n") == [("inclusion", "ECOG 0-1", None), ("inclusion", "NSCLC", None)]


@pytest.mark.parametrize("line", ["**Arm A (post-osimertinib)**", "Arm A (post-osimertinib):", "__Arm A__",
                                  "Arm A (post-osimertinib)"])
def test_a_line_that_only_names_a_group_is_a_heading_scoped_to_that_group(line: str) -> None:
    # It stays (a dimension reads the cohort it defines as one of the trial's alternatives), but only as a heading
    # of its own group: it binds no patient who may join another group.
    rows = _rows(f"Inclusion Criteria:\n\n* Stage IV NSCLC\n\n{line}\n\n* EGFR mutation\n")
    heading = line.strip("*_ :") + ":"
    assert [text for _, text, _ in rows] == ["Stage IV NSCLC", heading, "EGFR mutation"]
    assert rows[0][2] is None and rows[1][2] == rows[2][2] == heading.rstrip(":")


def test_a_sentence_naming_a_group_is_still_a_criterion() -> None:
    rows = _rows("Inclusion Criteria:\n\nPatients in Cohort 2 must have received docetaxel.\n")
    assert rows == [("inclusion", "Patients in Cohort 2 must have received docetaxel.", "Patients in Cohort 2")]


def test_cohorts_under_headings_are_alternatives_for_every_dimension() -> None:
    trial = _trial("Inclusion Criteria - Cohort 1:\n\n* EGFR-mutant NSCLC with progression on osimertinib\n\n"
                   "Inclusion Criteria - Cohort 2:\n\n* KRAS G12C-mutant NSCLC after platinum chemotherapy and "
                   "anti-PD-1 therapy\n\nExclusion Criteria:\n\n* Pregnancy\n")
    assert _excluded_on(trial, EGFR_AFTER_OSI) == []
    assert _excluded_on(trial, KRAS_AFTER_CHEMO_IO) == []


def test_parts_under_headings_do_not_exclude_a_patient_who_fits_the_other_part() -> None:
    trial = _trial("Phase 1b Inclusion Criteria:\n\n* At least 2 prior lines of systemic therapy\n\n"
                   "Phase 2 Inclusion Criteria:\n\n* No prior systemic therapy for metastatic disease\n"
                   "* PD-L1 TPS >= 50%\n\nExclusion Criteria:\n\n* Active infection\n")
    assert _excluded_on(trial, NAIVE_HIGH_PDL1) == []
    assert _excluded_on(trial, TWO_LINES) == []
    # one line fits neither part: the parts are alternatives, and that is read
    assert "prior_therapy" in _excluded_on(trial, KRAS_AFTER_CHEMO_IO)


def test_an_arm_heading_line_sets_no_rule() -> None:
    trial = _trial("Inclusion Criteria:\n\n* Stage IV NSCLC\n\n**Arm A (post-osimertinib)**\n\n"
                   "* EGFR sensitising mutation\n\n**Arm B (treatment-naive)**\n\n* No prior systemic therapy\n")
    assert "prior_therapy" not in _excluded_on(trial, NAIVE_HIGH_PDL1)
    assert _excluded_on(trial, EGFR_AFTER_OSI) == []


# --- 2. group labels of many kinds -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "label"), [
    ("Treatment group 2: ECOG 2, any PD-L1", "Treatment group 2"),
    ("Population 1 (IO-naive): no prior anti-PD-(L)1", "Population 1 (IO-naive)"),
    ("Non-selected cohort: any PD-L1 status", "Non-selected cohort"),
    ("All-comers cohort: PD-L1 TPS >= 50%", "All-comers cohort"),
    ("Biomarker-selected cohort: MET exon 14 skipping", "Biomarker-selected cohort"),
    ("Biomarker-negative cohort: no EGFR, ALK or ROS1 alteration", "Biomarker-negative cohort"),
    ("Unselected population: at least one prior line", "Unselected population"),
    ("Expansion cohort 3: prior docetaxel", "Expansion cohort 3"),
    ("Expansion B: prior platinum", "Expansion B"),
    ("Sub-cohort 1a: no prior therapy", "Sub-cohort 1a"),
    ("Tier 2: ECOG 0-2", "Tier 2"),
    ("Lead-in phase: up to 2 prior lines", "Lead-in phase"),
    ("Safety lead-in: prior anti-PD-1 therapy", "Safety lead-in"),
    ("Phase 2 portion: no prior anti-PD-1", "Phase 2 portion"),
    ("Phase II part: first-line only", "Phase II part"),
    ("Randomization phase: no prior immunotherapy", "Randomization phase"),
    ("Randomised stage: PD-L1 >= 1%", "Randomised stage"),
    ("Main cohort: more than 1 prior line", "Main cohort"),
    ("Cohort 1 and Cohort 2: ECOG 0-1", "Cohort 1 and Cohort 2"),
])
def test_group_labels_scope_the_criterion(text: str, label: str) -> None:
    own = read_scope(text)[1]
    assert own is not None and own.label == label and own.kind != "condition"


@pytest.mark.parametrize("text", [
    "Stage IV: histologically confirmed NSCLC", "Stage IIIB-IV NSCLC", "Population: adults with NSCLC",
    "Tier 1 academic centres only", "Expansion of the primary tumour on imaging", "Main inclusion criteria are below",
    "Patients with stratification of risk by the investigator must have ECOG 0-1",
])
def test_near_misses_name_no_group(text: str) -> None:
    assert read_scope(text)[1] is None


def test_populations_are_alternatives_in_a_whole_trial() -> None:
    trial = _trial("Inclusion Criteria:\n\n* Stage IV NSCLC\n"
                   "* Population 1: ECOG 0-1, no brain metastases\n"
                   "* Population 2: ECOG 2 or treated brain metastases\n")
    assert _excluded_on(trial, TREATED_BRAIN) == []
    trial = _trial("Inclusion Criteria:\n\n* Treatment group A: ECOG 0-1 and PD-L1 TPS >= 50%\n"
                   "* Treatment group B: ECOG 2, any PD-L1 status\n")
    assert _excluded_on(trial, NAIVE_ECOG2_LOW_PDL1) == []


def test_a_lead_in_rule_does_not_exclude_a_patient_who_fits_the_randomised_phase() -> None:
    trial = _trial("Inclusion Criteria:\n\n* Safety lead-in: up to 2 prior lines including anti-PD-1 therapy\n"
                   "* Randomization phase: no prior anti-PD-1 or anti-PD-L1 therapy\n")
    assert _excluded_on(trial, NAIVE_HIGH_PDL1) == []


# --- 3. design sentences -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kept"), [
    ("PD-L1 TPS >= 1% (TPS 1-49% capped at 30% of enrolment)", "PD-L1 TPS >= 1%"),
    ("PD-L1 TPS ≥ 1% (enrolment with TPS 1–49% will be limited to approximately 120)", "PD-L1 TPS ≥ 1%"),
    ("PD-L1 tumour proportion score of 1% or more; no more than 40% of participants may have a TPS of 1-49%",
     "PD-L1 tumour proportion score of 1% or more"),
    ("Any PD-L1 status; approximately 50% of patients will have PD-L1 TPS >= 50%", "Any PD-L1 status"),
    ("ECOG 0-2 (ECOG 2 limited to 20% of patients)", "ECOG 0-2"),
    ("PD-L1 TPS ≥ 1%, stratified by TPS 1-49% versus ≥ 50%", "PD-L1 TPS ≥ 1%"),
    ("KRAS G12C mutation (no more than 25% of subjects with prior sotorasib)", "KRAS G12C mutation"),
])
def test_a_design_piece_leaves_the_rule_around_it(text: str, kept: str) -> None:
    assert without_design(text) == kept


@pytest.mark.parametrize("text", [
    "At least 30% of patients enrolled must have EGFR-mutant NSCLC",
    "Stratified by presence vs absence of brain metastases",
    "Stratification factors: prior anti-PD-1 therapy (yes/no), EGFR status (positive/negative)",
    "Randomisation will be stratified by histology (squamous vs non-squamous)",
    "ECOG 2 limited to 20% of patients",
    "Enrolment of participants with treated brain metastases will be capped at 15%",
    "Approximately 40% of participants will have squamous histology",
])
def test_a_design_sentence_is_no_criterion(text: str) -> None:
    assert is_design(text) and purpose_of(text) == "design"
    assert split_criteria(f"Inclusion Criteria:\n\n* Stage IV NSCLC\n* {text}\n") == split_criteria(
        "Inclusion Criteria:\n\n* Stage IV NSCLC\n")


@pytest.mark.parametrize("text", [
    "At least 1 measurable lesion per RECIST 1.1", "No more than 2 prior lines of systemic therapy",
    "PD-L1 expression in at least 50% of tumour cells", "No more than 3 brain metastases",
    "Uncontrolled illness including, but not limited to, active infection",
    "The number of earlier chemotherapy regimens does not exceed 2",
    "ECOG 0-1; up to 15% of patients may have ECOG 2",
    # a cap naming values the rule leaves out is an allowance, not design
    "ECOG 0-1; no more than 15% of patients may have ECOG 2",
    "Patients with stratification of risk by the investigator must have ECOG 0-1",
    "Tissue for PD-L1 testing, which will be used to stratify randomisation",
])
def test_near_misses_are_not_design(text: str) -> None:
    assert without_design(text) == text and purpose_of(text) != "design"


def test_design_sentences_exclude_no_one_in_a_whole_trial() -> None:
    trial = _trial("Inclusion Criteria:\n\n* Stage IV NSCLC\n* PD-L1 TPS >= 1% (TPS 1-49% capped at 30% of enrolment)\n"
                   "* At least 30% of patients enrolled must have EGFR-mutant NSCLC\n"
                   "* Stratification factors: prior anti-PD-1 therapy (yes/no), brain metastases (yes/no)\n")
    assert _excluded_on(trial, NAIVE_HIGH_PDL1) == []
    assert _excluded_on(trial, TREATED_BRAIN) == []
    assert _excluded_on(trial, KRAS_AFTER_CHEMO_IO) == []
    # the rule the cap sat in still holds
    assert _excluded_on(trial, _profile(tested_negative=_ALL, pdl1_tps=0)) == ["biomarker"]


def test_a_heading_scope_of_a_group_is_read_once() -> None:
    assert heading_scope("Treatment group 2:") is not None
    assert heading_scope("Treatment group 2: ECOG 2") is None
