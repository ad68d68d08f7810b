"""A group heading whose brackets name what the group is GIVEN ("Part B (NSCLC, drug X + pembrolizumab): ...",
"Cohort 3 (sotorasib plus carboplatin/pemetrexed, first-line): ...", "Sub-protocols A (trametinib), B (afatinib):
..."): the drugs there are the study's, not a treatment the patient must have had (an untreated patient was asked for
pembrolizumab). A bracket telling the group's history ("Part D (previously treated with a KRAS G12C inhibitor)",
"Arm B (post-osimertinib)", "Cohort 2 (IO-naive)") keeps its reading, and the quoted evidence stays as written.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="kras", age=64, biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                   tested_negative=["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2"], pdl1_tps=70)


NAIVE = _patient()
TREATED = _patient(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
OSIMERTINIB = _patient(prior_therapies=["osimertinib"], prior_lines=1)


def parsed(inclusion: str, exclusion: str = "* Pregnancy") -> dict[str, object]:
    return prior_therapy.parse(invented_trial(inclusion, exclusion, "A study of drug X in solid tumours"))


def verdict(profile: Profile, inclusion: str, exclusion: str = "* Pregnancy") -> str:
    return str(prior_therapy.check(parsed(inclusion, exclusion), profile).verdict)


# Under a lead-in on earlier treatment (where a bare drug name reads as one had), beside a pretreated or a
# first-line part: each part is one way in.
LEAD_INS = ["* Prior Systemic Therapy Criteria:\n", "* Prior therapy:\n", "* Previous anticancer treatment:\n",
            "* Prior treatment requirements:\n"]
PRETREATED_PART = "  * Part A (dose escalation): at least one prior line of systemic therapy for advanced disease\n"
FIRST_LINE_PART = "  * Part Z (first-line): no prior systemic therapy for advanced or metastatic disease\n"


def under_lead_in(part: str, inclusion: str) -> str:
    lead = LEAD_INS[len(inclusion) % len(LEAD_INS)]
    lines = inclusion.splitlines(keepends=True)
    if lines[0].startswith("* Prior therapy:"):
        return inclusion.replace(lines[0], lines[0] + part, 1)
    return lead + part + "".join(f"  {line}" for line in lines)

# Each names a first-line group by the drugs it gives: an untreated patient fits it.
FIRST_LINE_GIVEN = [
    "* Part B (NSCLC, drug X + pembrolizumab): must not have received prior systemic therapy for metastatic disease\n",
    "* Cohort 3 (sotorasib plus carboplatin/pemetrexed, first-line): no prior systemic therapy for advanced NSCLC\n",
    "* Arm C (adagrasib in combination with cetuximab): treatment-naive for advanced disease\n",
    "* Phase 1b Part 2 (ABC-123 + nivolumab + ipilimumab): no previous systemic treatment in the metastatic setting\n",
    "* Expansion Cohort B1 (osimertinib plus savolitinib, NSCLC): no prior anticancer therapy for advanced disease\n",
    "* Group 4 (NSCLC; durvalumab with platinum doublet): no prior systemic therapy for stage IV disease\n",
    "* Prior therapy:\n"
    "  * Module 2 (amivantamab + lazertinib + chemotherapy): no systemic therapy for locally advanced or metastatic "
    "NSCLC\n",
]


@pytest.mark.parametrize("inclusion", FIRST_LINE_GIVEN)
def test_the_study_drugs_in_a_first_line_heading_are_not_asked_for(inclusion: str) -> None:
    assert verdict(NAIVE, under_lead_in(PRETREATED_PART, inclusion)) == "eligible"
    assert verdict(TREATED, under_lead_in(PRETREATED_PART, inclusion)) == "eligible"


# Each names a pretreated group by the drugs it gives: only the line count is asked.
PRETREATED_GIVEN = [
    "* Arm D (PD-1/PD-L1 inhibitor + drug V): at least 1 prior systemic therapy "
    "for metastatic disease\n",
    "* Part C (drug Y + docetaxel): progressed on at least one prior line of therapy for advanced disease\n",
    "* Arm 2 (tislelizumab plus ABC-123): must have received one or two prior lines of systemic therapy\n",
    "* Cohort D (NSCLC, pembrolizumab + drug Z): one prior systemic regimen for metastatic disease is required\n",
    "* Phase II (NSCLC, JDQ-9 + TNO-3 and JDQ-9 + TNO-3 + nivolumab): progression after at least one prior "
    "systemic regimen\n",
    "* Stratum 1 (atezolizumab with drug W): disease progression after 1 or more prior lines of therapy\n",
]


@pytest.mark.parametrize("inclusion", PRETREATED_GIVEN)
def test_the_study_drugs_in_a_pretreated_heading_are_not_asked_for(inclusion: str) -> None:
    assert verdict(OSIMERTINIB, under_lead_in(FIRST_LINE_PART, inclusion)) == "eligible"
    assert verdict(NAIVE, under_lead_in(FIRST_LINE_PART, inclusion)) != "excluded"


def test_the_evidence_keeps_the_heading_as_written() -> None:
    rules = [rule for rule in parsed(under_lead_in(PRETREATED_PART, FIRST_LINE_GIVEN[0]))["rules"]  # type: ignore[attr-defined]
             if "Part B" in rule["evidence"]]
    assert rules and all("drug X + pembrolizumab" in rule["evidence"] for rule in rules)  # type: ignore[index]
    assert not any("pembrolizumab" in str(rule.get("groups") or rule.get("allow") or "")
                   for rule in rules)  # type: ignore[union-attr]


# Near-misses: the bracket tells what the group had, or the drug is asked outside the heading.
HISTORY_BRACKETS = [
    "* Part D (previously treated with osimertinib): progressed on at least one line for advanced disease\n",
    "* Arm B (post-osimertinib): at least one prior systemic therapy for advanced disease\n",
    "* Cohort 2 (osimertinib-pretreated): at least one prior line for metastatic disease\n",
    "* Cohort 5 (progressed on osimertinib): at least one prior regimen for metastatic NSCLC\n",
]


@pytest.mark.parametrize("inclusion", HISTORY_BRACKETS)
def test_a_bracket_telling_the_history_is_still_asked(inclusion: str) -> None:
    assert verdict(TREATED, under_lead_in(FIRST_LINE_PART, inclusion)) != "eligible"
    assert verdict(OSIMERTINIB, under_lead_in(FIRST_LINE_PART, inclusion)) == "eligible"


def test_an_io_naive_bracket_still_bans_the_class() -> None:
    inclusion = "* Cohort 2 (anti-PD-1 naive): at least one prior line of chemotherapy for metastatic disease\n"
    assert verdict(TREATED, under_lead_in(FIRST_LINE_PART, inclusion)) == "excluded"


def test_a_drug_asked_after_the_heading_is_still_asked() -> None:
    inclusion = "* Part B (drug X + docetaxel): must have progressed on prior pembrolizumab\n"
    assert verdict(OSIMERTINIB, under_lead_in(FIRST_LINE_PART, inclusion)) != "eligible"
    assert verdict(TREATED, under_lead_in(FIRST_LINE_PART, inclusion)) == "eligible"


def test_a_sentence_without_a_heading_keeps_its_drug() -> None:
    inclusion = "* Patients (NSCLC, after pembrolizumab) must have progressed on prior pembrolizumab\n"
    assert verdict(OSIMERTINIB, inclusion) != "eligible"
