"""The shared reader on a group named as a clause's subject, and on a group a rule exempts: invented sentences only.

- "Cohort 1 patients must be naive to ...", "Part B1 participants should ...", "Substudy-01 subjects must ...": the
  labelled group (or a part named by what it does) before the subject noun scopes the sentence to that group;
- the same after a semicolon inside a bullet ("Prior X is allowed (Cohort 2); Cohort 1 patients must be naive to X"):
  the bullet is cut there, each clause with its own group;
- "(except Cohort D)", ", except those assigned to Arm 3", "(with the exception of Part B2)": the rule binds every
  group but the one named (a patient may join that group, where the rule does not bind).

Near-misses keep their reading: a sentence with no group, a group that is no subject, an exception that names no group
("except for palliative radiotherapy"), a semicolon before a clause naming no group.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED
from trialmatch.criteria.rules.prior_therapy.scope import scope_cohorts, sentence_cohorts
from trialmatch.criteria.rules.prior_therapy.terms import normalize
from trialmatch.criteria.rules.reader import criterion_scope, group_clauses
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

_BASE = {"age": 58, "sex": "female", "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
         "tested_negative": [], "pdl1_tps": None, "brain_metastases": "none", "prior_therapies": [],
         "prior_lines": 0}
_ALL = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "NRG1"]


def _profile(**facts: object) -> Profile:
    return profile_from_dict({**_BASE, "id": "invented", **facts})


AFTER_NIVOLUMAB = _profile(tested_negative=_ALL, prior_therapies=["carboplatin", "pemetrexed", "nivolumab"],
                           prior_lines=1)
NAIVE = _profile(tested_negative=_ALL)


def _trial(inclusion: list[str], exclusion: list[str]) -> TrialText:
    markdown = ("Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion)
                + "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion))
    return TrialText(nct_id="NCT00000000", title="An invented study of drug R in advanced NSCLC",
                     conditions=("Non-small Cell Lung Cancer",), criteria=tuple(split_criteria(markdown)))


def _verdict(trial: TrialText, dimension: str, patient: Profile) -> str:
    dim = DIMENSIONS[dimension]
    return dim.check(dim.parse(trial), patient).verdict


# --- a group as the subject -----------------------------------------------------------------------------------------

SUBJECTS = {
    "cohort with letter": ("Cohort 2a patients who have received a prior PD-1 antibody cannot be included.",
                           "Cohort 2a"),
    "part code, bracketed abbreviation": ("Part B1 participants should have progressed on osimertinib (EGFRm NSCLC).",
                                          "Part B1"),
    "hyphenated substudy": ("Substudy-01 subjects must have received no more than two prior lines, including "
                            "platinum.", "Substudy-01"),
    "design part by name": ("Dose-expansion participants must have measurable disease per RECIST 1.1.",
                            "Dose-expansion"),
    "phase, abbreviation pts": ("Phase 1b pts are required to have an ECOG PS of 0-1.", "Phase 1b"),
    "translated, can be enrolled": ("The Module 4 participants can be enrolled only if they are naive to ALK "
                                    "inhibitors.", "Module 4"),
    "roman label, colon": ("Group III patients: prior docetaxel is not allowed.", "Group III"),
    "arm, should": ("Arm 2 subjects should not have had a taxane such as docetaxel or paclitaxel.", "Arm 2"),
}


@pytest.mark.parametrize("text,group", SUBJECTS.values(), ids=SUBJECTS.keys())
def test_a_group_as_the_subject_scopes_the_sentence(text: str, group: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and group.lower() in scope.label.lower()
    assert scope.kind != "condition"


SUBJECT_NEAR_MISSES = {
    "no group": "Patients must be naive to anti-PD-1 therapy.",
    "group is no subject": "Cohort 1 enrolment is complete.",
    "group inside the rule": "Prior treatment with Cohort 1 regimens is not allowed.",
    "everyone": "All patients must have measurable disease.",
}


@pytest.mark.parametrize("text", SUBJECT_NEAR_MISSES.values(), ids=SUBJECT_NEAR_MISSES.keys())
def test_near_misses_name_no_group(text: str) -> None:
    assert criterion_scope(text) is None


# --- the same after a semicolon -------------------------------------------------------------------------------------

CLAUSES = {
    "allowance then cohort": ("Prior anti-PD-1/PD-L1 therapy is allowed (Cohort 2, post-IO); Cohort 1 patients must be "
                              "naive to it.", "Cohort 1"),
    "everyone then part": ("ECOG 0-2; Part B participants must have ECOG 0-1", "Part B"),
    "bracketed code, must also": ("Prior platinum is required; Arm 3 (KRASm) patients must also have had docetaxel",
                                  "Arm 3"),
    "patients in, e.g. list": ("At least one prior TKI (e.g., osimertinib; gefitinib); patients in Cohort B must have "
                               "progressed on osimertinib", "Cohort B"),
    "whereas, expansion": ("No more than 3 prior lines; whereas dose-expansion subjects must have had at most 1 line",
                           "dose-expansion"),
    "and, sub-cohort code": ("Stable brain metastases are allowed; and Sub-cohort 3b patients must have none",
                             "Sub-cohort 3b"),
}


@pytest.mark.parametrize("text,group", CLAUSES.values(), ids=CLAUSES.keys())
def test_a_group_subject_after_a_semicolon_gets_a_clause_of_its_own(text: str, group: str) -> None:
    clauses = group_clauses(text)
    assert len(clauses) == 2
    scope = criterion_scope(clauses[1])
    assert scope is not None and group.lower() in scope.label.lower()
    assert group.lower() not in clauses[0].lower() or "(" in clauses[0]  # the first clause keeps its own words


CLAUSE_NEAR_MISSES = {
    "no subject": "Prior platinum; Cohort 1 enrolment is closed",
    "plain patients": "Prior platinum; patients must have recovered from toxicity",
    "inside an aside": "Prior TKI (Cohort 2; Cohort 1 patients excepted) is required",
    "lets the group in": "ECOG 0-1; Part B participants aged 70 or older with ECOG 2 are eligible",
    "translated, can be enrolled": ("No untreated brain metastases; Cohort 3 patients with stable lesions can be "
                                    "enrolled"),
}


@pytest.mark.parametrize("text", CLAUSE_NEAR_MISSES.values(), ids=CLAUSE_NEAR_MISSES.keys())
def test_near_misses_stay_whole(text: str) -> None:
    assert group_clauses(text) == [text]


def test_a_cohort_rule_after_a_semicolon_binds_that_cohort_only() -> None:
    text = ("Prior anti-PD-1 therapy is allowed (Cohort 2 - patients progressing on an anti-PD-1 antibody); Cohort 1 "
            "patients must be naive to anti-PD-1/PD-L1 therapy.")
    assert _verdict(_trial([text, "Measurable disease"], ["Pregnancy"]), "prior_therapy", AFTER_NIVOLUMAB) != EXCLUDED
    # near-miss: the same rule with no group binds everyone
    plain = "Patients must be naive to anti-PD-1/PD-L1 therapy."
    assert _verdict(_trial([plain, "Measurable disease"], ["Pregnancy"]), "prior_therapy", AFTER_NIVOLUMAB) == EXCLUDED


# --- an exception naming a group ------------------------------------------------------------------------------------

EXCEPTIONS = {
    "except, aside": ("Progression after at least one prior systemic therapy (except Cohort D)", "Cohort D"),
    "except those assigned to": ("Prior treatment with a PD-1 inhibitor (except those assigned to Arm 3)", "Arm 3"),
    "excluding patients enrolled in": ("Prior anti-PD-1 therapy (excluding patients enrolled in Part B2)", "Part B2"),
    "other than a design part": ("Prior EGFR TKI (other than the dose-escalation part)", "dose-escalation"),
    "with the exception of": ("Prior platinum chemotherapy (with the exception of Cohort 2a)", "Cohort 2a"),
    "not for": ("Prior docetaxel or ramucirumab (not for Substudy-02)", "Substudy-02"),
    "two groups": ("ECOG 0-1 (except Cohorts D and E)", "Cohorts D and E"),
}


@pytest.mark.parametrize("text,group", EXCEPTIONS.values(), ids=EXCEPTIONS.keys())
def test_an_exception_scopes_the_rule_to_the_other_groups(text: str, group: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None
    assert scope.label.startswith("groups other than") and group.lower() in scope.label.lower()


EXCEPTION_NEAR_MISSES = {
    "a treatment": "Prior radiotherapy, except for palliative radiotherapy",
    "a setting": "Prior systemic therapy (except in the adjuvant setting)",
    "a marker group": "Prior anti-PD-1 therapy (except patients with EGFR mutations)",
    "mid-sentence": "Prior chemotherapy except Cohort D regimens is required for all patients",
    "after a comma (the dimension's own reading)": "Previous amivantamab, except for patients enrolled in Cohort C.",
}


@pytest.mark.parametrize("text", EXCEPTION_NEAR_MISSES.values(), ids=EXCEPTION_NEAR_MISSES.keys())
def test_an_exception_naming_no_group_scopes_nothing(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is None or not scope.label.startswith("groups other than")


@pytest.mark.parametrize("ban", ["Prior treatment with a PD-1 inhibitor (not applicable to Arm 3)",
                                 "Prior treatment with a PD-1 inhibitor, except those assigned to Arm 3",
                                 "Prior PD-1 inhibitor (does not apply to Arm 3)",
                                 "Prior anti-PD-1 antibody (with the exception of Arm 3)"])
def test_the_prior_therapy_reading_never_gives_the_exempted_group_the_rule(ban: str) -> None:
    assert "arm 3" not in sentence_cohorts(normalize(ban))
    scope = criterion_scope(ban)
    assert scope is None or "arm 3" not in scope_cohorts(scope.label)


def test_sentence_cohorts_still_reads_a_group_the_rule_is_for() -> None:
    assert sentence_cohorts(normalize("Prior PD-1 inhibitor is required for Cohort 2")) == ("cohort 2",)
    assert sentence_cohorts(normalize("Prior PD-1 inhibitor is not allowed for Arm 4")) == ("arm 4",)


def test_a_naive_patient_fits_the_exempted_cohort_of_a_line_requirement() -> None:
    trial = _trial(["Progression after, or intolerance to, at least one prior systemic therapy (except Cohort D)",
                    "Cohort D: no prior systemic therapy for metastatic disease"], ["Pregnancy"])
    assert _verdict(trial, "prior_therapy", NAIVE) == ELIGIBLE
    # near-miss: with no exception the line requirement binds the naive patient (Cohort D's own rule lets them in
    # only as a question or better, never a firm exclusion)
    plain = _trial(["Progression after, or intolerance to, at least one prior systemic therapy"], ["Pregnancy"])
    assert _verdict(plain, "prior_therapy", NAIVE) != ELIGIBLE


# --- an unlabelled group named by its treatment, "only" ------------------------------------------------------------

TREATMENT_ARMS = {
    "two drugs, plus sign": "Known EGFR mutations or ALK fusions (Nivolumab + Ipilimumab arm only).",
    "one drug, cohort": "Prior docetaxel (pembrolizumab cohort only)",
    "regimen word": "ECOG 0-1 (combination arm only)",
    "applies to, code": "Untreated brain metastases [applies to the ABC-123 plus chemotherapy arm only]",
    "slash regimen, group": "Prior platinum (carboplatin/pemetrexed group only)",
    "translated, in": "Patients who received anti-PD-1 antibodies (in the sintilimab arm only)",
}


@pytest.mark.parametrize("text", TREATMENT_ARMS.values(), ids=TREATMENT_ARMS.keys())
def test_a_treatment_named_group_with_only_scopes_the_rule(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.kind in {"arm", "cohort"} and "other than" not in scope.label


@pytest.mark.parametrize("text", ["ECOG 0-1 (all arms only)", "Prior docetaxel (pembrolizumab arm)",
                                  "Prior docetaxel only in the pembrolizumab arm of a previous trial"])
def test_near_misses_of_a_treatment_named_group_set_no_scope(text: str) -> None:
    assert criterion_scope(text) is None
