"""A first-line course still going well: "received X for 3 months as first-line treatment with no progression".

"For N months" right after the drug is how long it was taken, not a washout: the sentence asks for the drug, given
as the first line, without progression. A profile cannot show progression, but two lines or more mean the first
one ended: no X -> excluded; X with at most one line -> unknown (how long and how well is for the doctor); two lines
or more -> excluded. A washout ("at least 4 weeks since the last dose of X"), progression on X, a negated exposure,
another line than the first, or the same words in an exclusion are other kinds.
"""

from __future__ import annotations

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE, prior_verdict
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.prior_therapy.names import Context
from trialmatch.criteria.rules.prior_therapy.sentence import sentence_rules
from trialmatch.matching.profile import profile_from_dict

PROFILES = {
    "untreated": {"prior_therapies": [], "prior_lines": 0},
    "nivolumab-one-line": {"prior_therapies": ["carboplatin", "paclitaxel", "nivolumab"], "prior_lines": 1},
    "nivolumab-alone": {"prior_therapies": ["nivolumab"], "prior_lines": 1},
    "nivolumab-lines-unknown": {"prior_therapies": ["nivolumab"], "prior_lines": None},
    "nivolumab-going-on": {"prior_therapies": ["nivolumab"], "prior_lines": 0},
    "nivolumab-then-docetaxel": {"prior_therapies": ["carboplatin", "nivolumab", "docetaxel"], "prior_lines": 2},
    "lorlatinib-one-line": {"prior_therapies": ["lorlatinib"], "prior_lines": 1,
                            "biomarkers": [{"gene": "ALK", "alteration": "fusion"}]},
    "chemo-only": {"prior_therapies": ["cisplatin", "pemetrexed"], "prior_lines": 1},
}

COURSES = [
    "Patients who have received nivolumab for 3 months but no longer than 6 months, alone or with platinum "
    "chemotherapy, as first-line treatment with no documented disease progression",
    "Participants must have been treated with nivolumab for at least 12 weeks as first-line therapy without "
    "progression and be candidates for maintenance",
    "Received nivolumab for 4 cycles in the first-line setting, with no radiographic progression",
    "Subjects who have been on nivolumab (monotherapy or combination) for 2-6 months as 1L treatment and have not "
    "progressed",
    "Patients receiving nivolumab maintenance for at least 8 weeks as front-line therapy without disease progression",
    "Have received first-line nivolumab for a minimum of 3 cycles with no evidence of progression",
]


def verdict(who: str, inclusion: str, exclusion: str = "Pregnancy") -> str:
    return prior_verdict(PROFILES[who], [inclusion], [exclusion])


@pytest.mark.parametrize("sentence", COURSES)
@pytest.mark.parametrize(("who", "expected"), [
    ("untreated", "excluded"), ("chemo-only", "excluded"), ("lorlatinib-one-line", "excluded"),
    ("nivolumab-one-line", "unknown"), ("nivolumab-alone", "unknown"), ("nivolumab-lines-unknown", "unknown"),
    ("nivolumab-going-on", "unknown"), ("nivolumab-then-docetaxel", "excluded"),
])
def test_first_line_course_asks_for_the_drug_and_no_second_line(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, sentence) == expected


def test_the_rules_are_the_drug_and_at_most_one_line() -> None:
    rules = sentence_rules(COURSES[0], Context(section="inclusion"))
    assert [(r["kind"], r.get("groups"), r.get("max")) for r in rules] == [
        ("require", [["d:nivolumab"]], None), ("lines", None, 1)]
    assert rules[0]["met_unknown"] is True and rules[0]["setting"] == "any"


@pytest.mark.parametrize("sentence", [
    "At least 4 weeks since the last dose of nivolumab",  # a washout
    "Patients who received nivolumab for at least 3 months as first-line treatment and then progressed",
    "Patients who have not received nivolumab for more than 6 months as first-line therapy without progression",
    "Received nivolumab for 3 months as second-line treatment without progression",  # not the first line
    "Treated with nivolumab as first-line therapy, completed at least 4 weeks before enrolment",
])
def test_near_misses_are_not_a_course(sentence: str) -> None:
    rules = sentence_rules(sentence, Context(section="inclusion"))
    assert not any(r["kind"] == "require" and r.get("met_unknown") and r.get("setting") == "any"
                   and any(r2["kind"] == "lines" and r2.get("max") == 1 for r2 in rules) for r in rules)


def test_a_washout_still_excludes_nobody_untreated() -> None:
    assert verdict("untreated", "At least 4 weeks since the last dose of nivolumab") == "eligible"


def test_in_an_exclusion_it_is_no_requirement() -> None:
    course = "Patients who have received nivolumab for 3 months as first-line treatment without progression"
    assert verdict("untreated", "Stage IV NSCLC", exclusion=course) == "eligible"


def test_a_part_with_a_course_beside_a_part_for_untreated_patients() -> None:
    # Two parts: the course for the first, no earlier treatment for the second. An untreated patient fits the second.
    text = invented_trial(
        "Part A (maintenance):\n\n"
        "* Patients who have received durvalumab for 3 to 6 months as first-line treatment with no documented "
        "disease progression\n\n"
        "Part B (first line):\n\n"
        "* Patients should not have received any prior systemic treatment for metastatic disease\n",
        "* Pregnancy\n")
    rules = prior_therapy.parse(text)

    def check(patient: dict[str, object]) -> str:
        return prior_therapy.check(rules, profile_from_dict({**BASE, **patient})).verdict

    assert check({"prior_therapies": [], "prior_lines": 0}) == "eligible"
    assert check({"prior_therapies": ["osimertinib"], "prior_lines": 1}) == "excluded"
    assert check({"prior_therapies": ["carboplatin", "durvalumab"], "prior_lines": 1}) == "unknown"
    assert check({"prior_therapies": ["carboplatin", "durvalumab", "docetaxel"], "prior_lines": 2}) == "excluded"
