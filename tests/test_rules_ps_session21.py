"""Performance-status kinds of session 21 (found on an invented, independently labelled set).

"Patients with PS 0-1 or PS 3-4 are not eligible": limits joined by "or"/"and" alone share the verb after the list;
the first limit had been read as allowed (so an ECOG 0-1 patient fit a trial for ECOG 2 only).
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, ecog
from invented import invented_trial

from trialmatch.criteria.rules import performance_status
from trialmatch.matching.profile import Profile

ECOG_2_ONLY = (EX, EX, EL, EX, EX)


@pytest.mark.parametrize("line", [
    "Patients with PS 0-1 or PS 3-4 are not eligible for this study.",
    "Patients with ECOG 0-1 or ECOG 3-4 are ineligible.",
    "Subjects with WHO PS 0, 1, 3 or 4 will be excluded.",
    "ECOG 0-1 or 3-4 patients are not eligible.",
    "Participants with performance status 0-1 and those with 3-4 are not eligible.",
    "Patients with PS 0-1, or PS 3-4, are not allowed.",
])
def test_the_verb_after_a_list_of_limits_is_every_limits(line: str) -> None:
    assert ecog(inclusion=f"ECOG performance status of 2 // {line}") == ECOG_2_ONLY


@pytest.mark.parametrize("line", [
    "ECOG 0-1 allowed; PS 3-4 patients are not eligible.",  # a verb of its own between the limits
    "ECOG 0-1 is required; patients with ECOG 3-4 are not eligible.",
])
def test_a_limit_with_its_own_verb_keeps_it(line: str) -> None:
    assert ecog(inclusion=line)[:2] == (EL, EL)


# A part's own exception in an aside with its own score ("ECOG 0-1 (ECOG 2 permitted in Cohort C only if the decline is
# due to disease)"): the limit outside it is everyone's, and the part's score holds only on its condition (ECOG 2 had
# been let in plainly, or, once read as conditional, the whole limit became one part's and ECOG 3-4 a question).
@pytest.mark.parametrize("line", [
    "ECOG 0-1 (ECOG 2 permitted in Cohort C only if the decline is due to disease and investigator agree).",
    "ECOG PS 0-1 (PS 2 allowed in Part B only if due to the cancer).",
    "WHO performance status 0-1 (WHO 2 accepted in the expansion cohort only when caused by tumour symptoms).",
    "ECOG 0 or 1 (ECOG 2 permitted in Arm C provided the decline is disease-related).",
    "Performance status ECOG 0-1 (ECOG 2 in Cohort 3 only if due to disease).",
    "ECOG 0-1 (ECOG 2 may be enrolled in Part 2 only if the sponsor agrees).",
])
def test_a_parts_conditional_exception_leaves_everyones_limit(line: str) -> None:
    assert ecog(inclusion=line) == (EL, EL, UN, EX, EX)


def test_a_limit_scoped_to_one_part_by_its_aside_stays_that_parts() -> None:
    assert ecog(inclusion="ECOG 0-1 (Part A only).")[3] == UN


# "Patients with PS 0-1 should be offered standard trials": sent elsewhere, not let in here.
@pytest.mark.parametrize("line", [
    "Patients with PS 0-1 should be offered standard trials.",
    "Patients with ECOG 0-1 should be referred to other studies.",
    "ECOG 0-1 patients are to be offered standard treatment instead.",
    "Patients with performance status 0 or 1 should be directed to alternative trials.",
])
def test_scores_sent_elsewhere_are_not_let_in(line: str) -> None:
    assert ecog(inclusion=f"ECOG performance status of 2 // {line}")[:3] == (EX, EX, EL)


# "Karnofsky >= 60 (Lansky >= 60 for patients < 16 years)": the children's scale in an aside is no condition on the
# adult limit (the limit had become a question for every score below it).
@pytest.mark.parametrize("line", [
    "Karnofsky Performance Status >= 60 (Lansky >= 60 for patients < 16 years)",
    "KPS >= 60 (Lansky play-performance >= 60 if under 16 years of age)",
    "Karnofsky >= 60% (Lansky >= 60% for children younger than 16)",
    "Karnofsky score of at least 60 (or Lansky score of at least 60 for those under 16)",
])
def test_a_childrens_scale_aside_leaves_the_adult_limit(line: str) -> None:
    assert ecog(inclusion=line) == (EL, EL, UN, EX, EX)


# "ECOG 0-2 for Cohorts 1-3": a range of cohort numbers after the limit is no second score (ECOG 3 had been let in).
@pytest.mark.parametrize("line", [
    "ECOG 0-2 for Cohorts 1-3; ECOG 0-1 for Cohorts 4 and 5",
    "ECOG 0-2 in Cohorts 1 to 3",
    "ECOG performance status 0-2 (Parts 1-3)",
    "WHO PS 0-2 for Arms 1-4",
    "ECOG <= 2 in Groups 1-3",
    "Performance status ECOG 0-2 for patients in Cohorts 2-4",
])
def test_a_range_of_group_numbers_is_no_score(line: str) -> None:
    verdicts = ecog(inclusion=line)
    assert verdicts[:2] == (EL, EL) and EL not in verdicts[3:]


# An age-dependent limit in an older labelled layout ("PATIENT CHARACTERISTICS: Age: 70 and over with ECOG 0-2, OR
# age 18 to 69 with ECOG 2 (patients under 70 years with PS 0-1 are not eligible) / Life expectancy: ..."): the one
# field stating a score is the limit, "Age:" with its colon names an age, and an aside restating one age's limit does
# not undo the rule by age (a 64-year-old at ECOG 1 had been let in).
def _by_age(line: str, age: int, score: int) -> str:
    rules = performance_status.parse(invented_trial(f"* {line}\n", "* Pregnancy\n"))
    return performance_status.check(rules, Profile(ecog=score, age=age)).verdict


@pytest.mark.parametrize("line", [
    "PATIENT CHARACTERISTICS: Age: 70 and over with ECOG performance status 0-2, OR age 18 to 69 with ECOG performance "
    "status 2 (patients under 70 years with PS 0-1 are not eligible) Life expectancy: at least 8 weeks Hematopoietic: "
    "Absolute neutrophil count at least 1,500/mm3",
    "Age: 70 and over with ECOG 0-2, or age 18 to 69 with ECOG 2",
    "Age: 75 years and over with ECOG 0-2, or under 75 with ECOG 2 (patients younger than 75 with ECOG 0-1 are not "
    "eligible)",
    "Aged 70 or older with WHO PS 0-2, or aged under 70 with WHO PS 2",
])
def test_an_age_dependent_limit_in_a_labelled_field_is_read_by_age(line: str) -> None:
    assert _by_age(line, 64, 1) == EX
    assert _by_age(line, 78, 1) == EL
    assert _by_age(line, 64, 2) == EL
    assert _by_age(line, 78, 3) == EX
