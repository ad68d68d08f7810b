"""The line the study's treatment is planned as: "Planned to receive X as first-line treatment".

A trial for patients about to start (planned, scheduled, candidates for, eligible for, about to begin) their
first line for advanced disease is not for a patient who has already had that line. The drug named beside it
is the study's treatment, not a requirement; the line position still says where the patient is. "1L" is the
short form of "first-line". A line "started" inside a time window ("within 4 weeks after starting first-line
X") names the line going on and sets no cap; "currently receiving first-line X" stays a question.
"""

from __future__ import annotations

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import prior_verdict
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

PROFILES = {
    "untreated": {"prior_therapies": [], "prior_lines": 0},
    "adjuvant-only": {"prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0},
    "one-line": {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
    "two-lines": {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"], "prior_lines": 2},
    "osimertinib-first-line": {"prior_therapies": ["osimertinib"], "prior_lines": 1,
                               "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}]},
}


def verdict(who: str, inclusion: str) -> str:
    return prior_verdict(PROFILES[who], [inclusion])


PLANNED_FIRST_LINE = [
    "Planned to receive pembrolizumab as first-line treatment",
    "Candidates for first-line treatment with nivolumab and chemotherapy",
    "Eligible for first-line platinum-based chemotherapy",
    "Patients who will receive first-line therapy with an immune checkpoint inhibitor per standard of care",
    "Patients about to begin first line systemic therapy for metastatic NSCLC",
    "Patients scheduled to start first-line chemo-immunotherapy",
    "Initiating first-line treatment for advanced disease",
    "Suitable for first-line treatment with carboplatin and paclitaxel",
    "Patients starting 1L treatment with any approved regimen",
    "Planned for treatment with atezolizumab in the 1L setting",
]


@pytest.mark.parametrize("sentence", PLANNED_FIRST_LINE)
@pytest.mark.parametrize(("who", "expected"), [
    ("untreated", "eligible"), ("adjuvant-only", "eligible"),
    ("one-line", "excluded"), ("two-lines", "excluded"), ("osimertinib-first-line", "excluded"),
])
def test_planned_first_line_is_for_patients_without_a_line(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Planned second-line treatment with docetaxel",
    "Eligible to receive second-line docetaxel with or without ramucirumab",
    "Candidates for 2L therapy after progression on chemo-immunotherapy",
])
@pytest.mark.parametrize(("who", "expected"), [("untreated", "excluded"), ("one-line", "eligible")])
def test_planned_second_line_asks_for_one_line_before(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Within 8 weeks after starting first-line pembrolizumab",  # the line going on, inside a window
    "Must have planned therapy with a regimen of at least one cytotoxic agent",  # a count of the study's drugs
    "Willing to receive treatment per protocol",
])
def test_what_is_no_planned_line(sentence: str) -> None:
    assert verdict("one-line", sentence) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients currently receiving pembrolizumab as 1L treatment",
    "Currently receiving, or planned to receive, alectinib as first-line treatment",
    "Patients receiving first-line immunotherapy (such as PD-1/PD-L1 inhibitors)",
])
@pytest.mark.parametrize(("who", "expected"), [("one-line", "unknown"), ("two-lines", "excluded")])
def test_currently_receiving_a_line_is_a_question_until_past_it(sentence: str, who: str, expected: str) -> None:
    # Whether the line going on is counted is open; two lines or more are past it either way.
    assert verdict(who, sentence) == expected


def test_a_soft_line_rule_leaves_the_title_drug_standing() -> None:
    # "Should be using X as first line" is read softly; the title's "resistance to EGFR TKI" still asks for one,
    # as a question: beside criteria that speak of earlier treatment a title never excludes alone.
    text = invented_trial("* Patients should be using an EGFR TKI as the first line treatment\n", "* Pregnancy\n",
                          title="Drug Y With an EGFR TKI in NSCLC With Acquired Resistance to EGFR-TKI")
    rules = prior_therapy.parse(text)
    base = {"age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "tested_negative": [],
            "pdl1_tps": None, "brain_metastases": "none"}
    naive = profile_from_dict({**base, **PROFILES["untreated"]})
    on_tki = profile_from_dict({**base, **PROFILES["osimertinib-first-line"]})
    assert prior_therapy.check(rules, naive).verdict == "unknown"
    assert prior_therapy.check(rules, on_tki).verdict == "unknown"
    assert "EGFR" in prior_therapy.check(rules, naive).reason


@pytest.mark.parametrize("sentence", [
    "Not suitable for first-line chemotherapy, as judged by the investigator",
    "Patients ineligible for first-line platinum-based chemotherapy",
    "Unfit for 1L treatment with chemo-immunotherapy",
    "Patients who declined first-line chemotherapy",
])
@pytest.mark.parametrize(("who", "expected"), [("untreated", "eligible"), ("osimertinib-first-line", "unknown")])
def test_unfit_for_a_line_is_no_line_count(sentence: str, who: str, expected: str) -> None:
    # Fitness for a line says little of what came before it: never an exclusion on the line alone.
    assert verdict(who, sentence) == expected
