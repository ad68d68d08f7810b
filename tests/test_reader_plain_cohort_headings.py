"""A cohort or part heading written as a plain line (not a bullet), with the study drug's code before it or named by
what its patients have ("AZD3759 dose escalation (Part A):", "AZD9291 brain metastases (BM) cohort:"), scopes the
bullets under it to that group (reader/scope.py): one group's marker, brain or performance-status rule is not
trial-wide. Near-misses keep their reading: a line with a rule's words, a bullet naming a cohort inside a rule, a
drug-code-like token that is no code ("ECOG 2 cohort" is a group, "Stage 4:" is none).
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import biomarker, brain_metastases, performance_status
from trialmatch.criteria.rules.reader.scope import heading_scope
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile

EX19 = stage_iv_profile(id="ex19", biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}])
ECOG2 = stage_iv_profile(id="ecog2", ecog=2)


def _text(inclusion: str) -> TrialText:
    markdown = f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n* Pregnancy\n"
    return TrialText(nct_id="NCT00000000", title="A study of two drugs in EGFR-mutant NSCLC",
                     criteria=tuple(split_criteria(markdown)))


def _bio(profile: Profile, inclusion: str) -> str:
    text = _text(inclusion)
    return str(biomarker.check(biomarker.parse(text), profile).verdict)


def _ps(profile: Profile, inclusion: str) -> str:
    text = _text(inclusion)
    return str(performance_status.check(performance_status.parse(text), profile).verdict)


# Every slot varied: the code (AZD, MK-, BAY with a space, none), the part word (Part, cohort, arm, expansion), the
# description (brain metastases, leptomeningeal, uncommon mutation, elderly), an abbreviation in brackets or none.
HEADINGS = [
    "AZD3759 dose escalation (Part A):",
    "MK-2870 dose expansion (Part B):",
    "BAY 2927088 Part C:",
    "AZD9291 brain metastases (BM) cohort:",
    "Leptomeningeal disease (LM) cohort:",
    "XYZ-123 uncommon EGFR mutation cohort:",
    "Elderly (EL) arm:",
]


@pytest.mark.parametrize("line", HEADINGS)
def test_plain_group_heading_is_read(line: str) -> None:
    scope = heading_scope(line)
    assert scope is not None and scope.kind in ("part", "cohort")


@pytest.mark.parametrize("line", HEADINGS)
def test_bullets_under_a_plain_heading_are_its_groups(line: str) -> None:
    markdown = (f"Inclusion Criteria:\n\nAll patients:\n\n* Stage IV NSCLC\n\n{line}\n\n* ECOG 0-1\n"
                "* Confirmed T790M\n\nExclusion Criteria:\n\n* Pregnancy\n")
    scoped = {c.text: c.scope for c in split_criteria(markdown)}
    assert scoped["Stage IV NSCLC"] is None
    assert scoped["ECOG 0-1"] is not None and scoped["Confirmed T790M"] is not None
    assert scoped["Pregnancy"] is None  # the exclusion section is every patient's


LAYOUTS = [
    "All patients:\n\n* Stage IV NSCLC with an EGFR mutation\n\nAZD3759 dose expansion (Part B):\n\n"
    "* EGFR TKI-naive patients\n\nAZD9291 brain metastases (BM) cohort:\n\n* Confirmation of EGFR T790M mutation "
    "positive status\n",
    "All patients:\n\n* Advanced EGFR-mutant NSCLC\n\nQRS-4455 escalation (Part A):\n\n* Any EGFR mutation\n\n"
    "QRS-4455 resistant (R) cohort:\n\n* Documented EGFR T790M mutation\n",
]


@pytest.mark.parametrize("inclusion", LAYOUTS)
def test_one_cohorts_marker_rule_does_not_exclude_the_trial(inclusion: str) -> None:
    assert _bio(EX19, inclusion) != "excluded"


def test_one_cohorts_ecog_range_does_not_bind_everyone() -> None:
    inclusion = ("All patients:\n\n* Stage IV NSCLC\n\nABC1234 first-line (FL) cohort:\n\n* ECOG 0-1\n\n"
                 "ABC1234 elderly (EL) cohort:\n\n* ECOG 0-2\n")
    assert _ps(ECOG2, inclusion) != "excluded"


# Near-misses: rules, not headings; a heading with no group word; a bullet that names a cohort inside its rule.
@pytest.mark.parametrize("line", [
    "Patients in any cohort must have:",
    "Patients with brain metastases cohort:",
    "Stage 4:",
    "Prior therapy:",
    "Combination cohort:",  # the sponsor's assignment, often every patient's
    "ALK fusion confirmed locally, per cohort:",  # a rule varied by group
    "Advanced or metastatic cohort:",  # every patient of the trial
])
def test_near_misses_are_no_described_group(line: str) -> None:
    assert heading_scope(line) is None


def test_a_trial_wide_rule_still_binds() -> None:
    inclusion = "* Stage IV NSCLC\n* Confirmation of EGFR T790M mutation positive status\n"
    assert _bio(EX19, inclusion) == "excluded"


def test_a_bullet_naming_a_cohort_in_its_rule_is_not_a_heading() -> None:
    markdown = ("Inclusion Criteria:\n\n* Brain metastases cohort: at least one untreated brain metastasis\n"
                "* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy\n")
    scoped = {c.text: c.scope for c in split_criteria(markdown)}
    assert scoped["ECOG 0-1"] is None


# The dimensions read the parts as parts: a brain requirement stated in some cohorts beside a part that takes
# patients with or without brain metastases binds those cohorts only; a shared EGFR rule beside a T790M cohort still
# excludes a patient with no EGFR change (only a carrier may fit the cohort that disputes it).
NO_BRAIN = stage_iv_profile(id="none")
ALK = stage_iv_profile(id="alk", biomarkers=[{"gene": "ALK", "alteration": "fusion"}], tested_negative=["EGFR"])

BRAIN_PARTS = [
    "All patients:\n\n* Stage IV NSCLC\n\nDEF-2024 escalation (Part A):\n\n* Patients with or without brain metastases "
    "may be enrolled. Brain metastases, if present, must be asymptomatic\n\nDEF-2024 expansion (Part B):\n\n"
    "* At least one brain metastasis >= 5 mm not previously irradiated\n\nLeptomeningeal (LM) cohort:\n\n"
    "* Leptomeningeal metastases confirmed by CSF cytology\n",
    "All patients:\n\n* Advanced NSCLC\n\nGHI9876 dose escalation (Part A):\n\n* Brain metastases, if present, must be "
    "stable\n\nGHI9876 brain metastases (BM) cohort:\n\n* At least one measurable untreated brain metastasis\n\n"
    "GHI9876 spinal (SP) cohort:\n\n* At least one brain metastasis that progressed after radiotherapy\n",
]


@pytest.mark.parametrize("inclusion", BRAIN_PARTS)
def test_brain_requirement_of_some_cohorts_is_not_the_trials(inclusion: str) -> None:
    text = _text(inclusion)
    assert str(brain_metastases.check(brain_metastases.parse(text), NO_BRAIN).verdict) != "excluded"


def test_brain_requirement_of_every_part_stays_the_trials() -> None:
    inclusion = ("Part A:\n\n* At least one untreated brain metastasis\n\nPart B:\n\n"
                 "* At least one untreated brain metastasis >= 10 mm\n")
    text = _text(inclusion)
    assert str(brain_metastases.check(brain_metastases.parse(text), NO_BRAIN).verdict) == "excluded"


def test_shared_egfr_rule_beside_a_t790m_cohort_excludes_a_non_carrier() -> None:
    inclusion = ("All patients:\n\n* NSCLC with a documented sensitising EGFR mutation (exon 19 deletion or L858R)\n\n"
                 "JKL-555 resistance (R) cohort:\n\n* Confirmed EGFR T790M mutation\n")
    assert _bio(ALK, inclusion) == "excluded"
    assert _bio(EX19, inclusion) != "excluded"


@pytest.mark.parametrize(("everyone", "one_part"), [
    ("WHO performance status 0-1 (Part A and Part B, BM cohort)", "WHO performance status 0-2 (LM cohort only)"),
    ("ECOG 0 or 1", "ECOG 0-2 in the elderly (EL) cohort only"),
    ("Zubrod performance status of 0-1", "Zubrod 0-2 (Cohort C only)"),
])
def test_a_score_kept_out_by_every_limit_is_excluded(everyone: str, one_part: str) -> None:
    inclusion = f"* Stage IV NSCLC\n* {everyone}\n* {one_part}\n"
    assert _ps(stage_iv_profile(id="ecog3", ecog=3), inclusion) == "excluded"
    assert _ps(ECOG2, inclusion) != "excluded"


def test_one_parts_limit_alone_stays_a_question() -> None:
    inclusion = "* Stage IV NSCLC\n* ECOG 0-2 (Cohort C only)\n"
    assert _ps(stage_iv_profile(id="ecog3", ecog=3), inclusion) == "unknown"
