"""The shared reader's answer to "which part is this criterion for" when a part is named by design words.

Two kinds of line, read once by the reader for every dimension (before, prior_therapy/design_parts.py and
biomarker/cohorts._DESIGN_THEN_LABEL each read them for their own dimension only):
- a design-word prefix before a labelled group names that group: "Dose expansion Part B (with an anti-PD-1): ...",
  "dose escalation cohort 2: ...", "Extension Arm 2: ...";
- a lead-in naming parts by design words only ("Escalation and backfill cohorts: ...") beside a sibling line naming
  another group ("Part B (NSCLC): ...") names a group of its own; alone it may be every patient's rule.

Every sentence is invented.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial, whole_parse_verdict

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules.reader import read_scope
from trialmatch.criteria.text import Criterion, split_criteria

LABELLED = [
    ("Dose expansion Part B (with an anti-PD-1): PD-L1 TPS >= 50%", "Dose expansion Part B (with an anti-PD-1)",
     "part"),
    ("dose escalation cohort 2: ECOG performance status 0 or 1", "dose escalation cohort 2", "cohort"),
    ("Dose-expansion Group 1 (squamous): no prior docetaxel", "Dose-expansion Group 1 (squamous)", "cohort"),
    ("Extension Arm 2: stable treated brain metastases are allowed", "Extension Arm 2", "arm"),
    ("Dose-finding Cohort 3 (food effect): body weight of at least 40 kg", "Dose-finding Cohort 3 (food effect)",
     "cohort"),
    ("Dose Optimisation Part C: KRAS G12D mutation by tissue NGS", "Dose Optimisation Part C", "part"),
    ("Escalation Phase 1b: progressed on at least one platinum regimen", "Escalation Phase 1b", "phase"),
]


@pytest.mark.parametrize(("text", "label", "kind"), LABELLED)
def test_a_design_word_prefix_before_a_label_names_that_group(text: str, label: str, kind: str) -> None:
    scope = read_scope(text)[1]
    assert scope is not None
    assert (scope.label, scope.kind) == (label, kind)


def test_a_design_word_label_on_its_own_line_heads_its_sub_bullets() -> None:
    crits = _criteria("* Dose escalation Part A:\n  * ECOG 0 or 1\n  * no symptomatic brain metastases\n"
                      "* Dose expansion Part B (NSCLC):\n  * ECOG 0 to 2\n")
    assert _scope_of(crits, "ECOG 0 or 1") == "Dose escalation Part A"
    assert _scope_of(crits, "ECOG 0 to 2") == "Dose expansion Part B (NSCLC)"


def test_near_miss_design_words_with_no_label_keep_their_old_reading() -> None:
    # "Dose expansion:" was read as a part before; "Dose escalation of drug X" names no group.
    assert read_scope("Dose expansion: KRAS G12C mutation")[1] is not None
    assert read_scope("Dose escalation of drug X will follow a 3+3 design")[1] is None
    assert read_scope("Expansion of the tumour must be documented on CT")[1] is None


# (the layout, the words of the lead-in's line, the lead-in's group)
LEAD_INS = [
    ("* Prior therapy:\n"
     "  * Dose escalation and monotherapy expansion: progressed after standard therapy\n"
     "  * Part B (NSCLC, first-line combination): no prior systemic therapy\n",
     "progressed after", "dose escalation and monotherapy expansion"),
    # the named part first
    ("* Performance status:\n"
     "  * Arm 3 (first-line NSCLC): ECOG 0-1\n"
     "  * Phase 1a dose escalation and Phase 1b monotherapy cohorts: ECOG 0 only\n",
     "ECOG 0 only", "phase 1a dose escalation and phase 1b monotherapy cohorts"),
    ("* Brain metastases:\n"
     "  * Escalation and backfill cohorts: no brain metastases of any kind\n"
     "  * Cohort C (untreated NSCLC): asymptomatic brain metastases allowed\n",
     "of any kind", "escalation and backfill cohorts"),
    # top level, no heading above
    ("* Safety run-in and dose expansion parts: at least two prior lines of therapy\n"
     "* Part 2 (EGFR-mutant NSCLC): progressed on osimertinib\n",
     "two prior lines", "safety run-in and dose expansion parts"),
    ("* Laboratory values:\n"
     "  * Dose Escalation / Backfill Cohorts: creatinine clearance >= 60 mL/min\n"
     "  * Group 2 (renal impairment): creatinine clearance 30-59 mL/min\n",
     ">= 60", "dose escalation / backfill cohorts"),
    # a lead-in over sub-bullets of its own
    ("* Optional backfill and combination escalation cohorts:\n"
     "  * ECOG 0 or 1\n"
     "* Module D (HER2-mutant NSCLC): ECOG 0 to 2\n",
     "ECOG 0 or 1", "optional backfill and combination escalation cohorts"),
]


@pytest.mark.parametrize(("layout", "words", "label"), LEAD_INS)
def test_a_design_lead_in_beside_named_parts_names_a_part_of_its_own(layout: str, words: str, label: str) -> None:
    crits = _criteria(layout)
    found = _find(crits, words)
    assert found.scope is not None
    assert found.scope.kind == "part"
    assert found.scope.label.endswith(label)


LEAD_IN_NEAR_MISSES = [
    # alone: maybe the whole trial's rule
    ("* Escalation and backfill cohorts: at least one prior line of systemic therapy\n", "at least one"),
    # siblings that name no group
    ("* Prior therapy:\n"
     "  * Dose escalation and monotherapy expansion: at least one prior line\n"
     "  * No more than three prior lines in total\n", "at least one"),
    # the named part is a cousin under another heading, not a sibling
    ("* Prior therapy:\n"
     "  * Phase 1a dose escalation and Phase 1b monotherapy cohorts: at least one prior line\n"
     "* Other parts:\n"
     "  * Part B (NSCLC): no prior systemic therapy\n", "at least one"),
    # a sibling naming patients by a marker is a condition, not another part
    ("* Prior therapy:\n"
     "  * Escalation and backfill cohorts: at least one prior line\n"
     "  * Patients with EGFR mutation must have progressed on osimertinib\n", "at least one"),
]


@pytest.mark.parametrize(("layout", "words"), LEAD_IN_NEAR_MISSES)
def test_near_miss_a_design_lead_in_without_named_siblings_binds_everyone(layout: str, words: str) -> None:
    assert _find(_criteria(layout), words).scope is None


def test_near_miss_a_lead_in_naming_a_history_is_no_design_lead_in() -> None:
    crits = _criteria("* Prior therapy:\n"
                      "  * Pretreated monotherapy cohorts with progressive disease: at least one prior line\n"
                      "  * Part B (NSCLC): no prior systemic therapy\n")
    scope = _find(crits, "at least one").scope
    assert scope is None or "pretreated monotherapy cohorts with progressive disease" != scope.label


# Cross-dimension: the reader's answer reaches every dimension.
_patient = partial(stage_iv_profile, id="kras", age=61, biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                   tested_negative=["EGFR", "ALK"], pdl1_tps=60, prior_therapies=["carboplatin", "pemetrexed"],
                   prior_lines=1)


def test_a_brain_rule_of_a_design_labelled_part_binds_only_that_part() -> None:
    text = invented_trial("* Stage IV NSCLC\n",
                          "* Parts:\n  * Dose escalation Part A: any brain metastases\n"
                          "  * Dose expansion Part B (NSCLC): untreated or symptomatic brain metastases\n")
    assert whole_parse_verdict(text, "brain_metastases", _patient(brain_metastases="treated_stable")) != "excluded"
    assert whole_parse_verdict(text, "brain_metastases", _patient(brain_metastases="active")) == "excluded"


def test_a_performance_rule_under_a_design_lead_in_binds_only_its_parts() -> None:
    text = invented_trial("* Stage IV NSCLC\n* Parts:\n  * Escalation and backfill cohorts: ECOG 0 or 1\n"
                          "  * Part C (first-line NSCLC): measurable disease per RECIST 1.1\n", "* Pregnancy")
    assert whole_parse_verdict(text, "performance_status", _patient(ecog=2)) != "excluded"


def test_near_miss_every_design_labelled_part_shut_still_excludes() -> None:
    text = invented_trial("* Stage IV NSCLC\n* Parts:\n  * Dose escalation Part A: ECOG 0 or 1\n"
                          "  * Dose escalation Part B: ECOG performance status of 0 or 1\n", "* Pregnancy")
    assert whole_parse_verdict(text, "performance_status", _patient(ecog=2)) == "excluded"
    assert whole_parse_verdict(text, "performance_status", _patient(ecog=1)) == "eligible"


def test_near_miss_a_lone_design_lead_in_still_binds_everyone() -> None:
    text = invented_trial("* Stage IV NSCLC\n* Escalation and backfill cohorts: ECOG 0 or 1\n", "* Pregnancy")
    assert whole_parse_verdict(text, "performance_status", _patient(ecog=2)) == "excluded"


def _criteria(inclusion: str) -> list[Criterion]:
    return split_criteria(f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n* Pregnancy\n")


def _find(crits: list[Criterion], words: str) -> Criterion:
    return next(c for c in crits if words in c.text)


def _scope_of(crits: list[Criterion], words: str) -> str | None:
    scope = _find(crits, words).scope
    return scope.label if scope is not None else None
