"""Sub-cohorts under a part heading: 'Part B (dose expansion):' over 'Cohort B1 - after a KRAS G12C inhibitor',
'Cohort B2 - after platinum', 'Cohort B3 (first line) - no prior systemic therapy'. Each sub-cohort is one way in;
read as one group (all of Part B), their rules had to be met together and the untreated patient fitted none."""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
AFTER_CHEMO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
AFTER_G12C: dict[str, Any] = {"prior_therapies": ["carboplatin", "sotorasib"], "prior_lines": 2}
FIVE_LINES: dict[str, Any] = {"prior_therapies": ["carboplatin", "docetaxel", "gemcitabine", "vinorelbine",
                                                  "pemetrexed"], "prior_lines": 5}

TRIALS = [
    ("Part A (dose escalation):", "Solid tumour that has progressed on, or is intolerant of, standard therapy",
     "Part B (dose expansion):", ["Cohort B1 - NSCLC with progression on a prior KRAS G12C inhibitor",
                                  "Cohort B2 - NSCLC that progressed after platinum-based chemotherapy; no more than "
                                  "3 prior lines",
                                  "Cohort B3 (first line) - NSCLC, no prior systemic therapy for advanced disease"]),
    ("Part 1 (escalation):", "Progressed on at least one prior line of systemic therapy",
     "Part E (expansion):", ["Cohort E1 - progression after platinum-based chemotherapy, at most 3 lines",
                             "Cohort E2 - treatment-naive for metastatic disease"]),
    ("Part A:", "Progressed on all available standard therapy",
     "Part C (expansion):", ["Arm C1 - previously untreated advanced NSCLC",
                             "Arm C2 - progressed after platinum-based chemotherapy; up to 3 prior regimens"]),
    ("Dose escalation:", "Must have received at least 1 prior systemic therapy",
     "Part B (dose expansion):", ["Group B1 - no prior systemic therapy for metastatic disease",
                                  "Group B2 - prior platinum doublet, no more than 3 prior lines"]),
    ("Part A (monotherapy):", "Relapsed or refractory to standard treatment",
     "Part B (combination):", ["Cohort B1: untreated metastatic NSCLC",
                               "Cohort B2: progressed after platinum chemotherapy; no more than 3 prior lines"]),
    ("Part A (dose finding):", "Disease progression after at least one prior regimen",
     "Part D (expansion):", ["Cohort D1 - first-line, no prior systemic therapy for advanced disease",
                             "Cohort D2 - after platinum-based chemotherapy, at most 3 prior lines"]),
]


def _verdict(trial: tuple[str, str, str, list[str]], patient: dict[str, Any]) -> str:
    head_a, rule_a, head_b, subs = trial
    inclusion = f"* Stage IV NSCLC\n\n{head_a}\n\n* {rule_a}\n\n{head_b}\n\n" + "".join(f"* {s}\n" for s in subs)
    text = invented_trial(inclusion, "* Pregnancy\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **patient})).verdict


@pytest.mark.parametrize("trial", TRIALS)
def test_the_untreated_patient_takes_the_first_line_cohort(trial: tuple[str, str, str, list[str]]) -> None:
    assert _verdict(trial, NAIVE) == "eligible"


@pytest.mark.parametrize("trial", TRIALS)
def test_the_pretreated_patient_takes_another_way(trial: tuple[str, str, str, list[str]]) -> None:
    assert _verdict(trial, AFTER_CHEMO) in ("eligible", "unknown")


# Near-miss: bullets under one part with no sub-cohort of their own are that part's rules together.
def test_bullets_of_one_part_stay_together() -> None:
    trial = ("Part A (dose escalation):", "Progressed on at least one prior line of systemic therapy",
             "Part B (dose expansion):", ["Progressed after platinum-based chemotherapy",
                                          "No more than 3 prior lines of therapy"])
    assert _verdict(trial, NAIVE) == "excluded"
    assert _verdict(trial, FIVE_LINES) == "eligible"  # Part A asks for one line and sets no ceiling


# Sub-bullets opened by a code under a lead-in that lists cohorts ("Phase 2 expansion cohorts:" over "EXP-1: ...",
# "EXP-2: ..."): each is one cohort, a way in of its own.
CODED = [
    ("Phase 2 expansion cohorts:", ["EXP-1: ROS1-positive NSCLC, ROS1 TKI-naive; up to 1 prior line of chemotherapy",
                                    "EXP-2: ROS1-positive NSCLC, 1 prior ROS1 TKI and no prior chemotherapy"]),
    ("Expansion cohorts:", ["EC1: treatment-naive metastatic NSCLC",
                            "EC2: progressed after platinum-based chemotherapy"]),
    ("Dose expansion arms:", ["ARM-1: no prior systemic therapy for advanced disease",
                              "ARM-2: at least 2 prior lines of therapy"]),
    ("The following cohorts will be enrolled:", ["C-1: previously untreated advanced NSCLC",
                                                 "C-2: prior anti-PD-1 therapy required"]),
    ("Phase 1b groups:", ["G1: first-line, no prior systemic treatment for metastatic disease",
                          "G2: after progression on osimertinib"]),
    ("Phase 2 cohorts:", ["COH-1A: chemotherapy-naive",
                          "COH-1B: after one prior platinum-based regimen"]),
]


def _coded_verdict(lead: str, subs: list[str], patient: dict[str, Any]) -> str:
    inclusion = "* Stage IV NSCLC\n* " + lead + "\n" + "".join(f"  * {s}\n" for s in subs)
    text = invented_trial(inclusion, "* Pregnancy\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **patient})).verdict


@pytest.mark.parametrize(("lead", "subs"), CODED)
def test_each_coded_cohort_is_a_way_in(lead: str, subs: list[str]) -> None:
    assert _coded_verdict(lead, subs, NAIVE) == "eligible"


def test_a_code_under_a_lead_in_of_another_kind_is_no_cohort() -> None:
    subs = ["PD-1: no prior anti-PD-1 therapy", "EGFR1: no prior chemotherapy"]
    assert _coded_verdict("Prior therapy requirements:", subs, AFTER_CHEMO) == "excluded"


# An exclusion for one sub-cohort ("For Cohort B3 only: prior anti-PD-(L)1 therapy") binds that cohort only: a
# patient after platinum and pembrolizumab takes Cohort B2.
def test_an_exclusion_for_one_sub_cohort_binds_it_only() -> None:
    head_a, rule_a, head_b, subs = TRIALS[0]
    inclusion = f"* Stage IV NSCLC\n\n{head_a}\n\n* {rule_a}\n\n{head_b}\n\n" + "".join(f"* {s}\n" for s in subs)
    after_io = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
    for exclusion in ("* For Cohort B3 only: prior anti-PD-(L)1 therapy in any setting\n",
                      "* Cohort B3 only: prior treatment with an immune checkpoint inhibitor\n"):
        text = invented_trial(inclusion, exclusion)
        got = prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **after_io}))
        assert got.verdict == "eligible"


# "NSCLC naive to KRAS G12C inhibitors that progressed after platinum": the disease progressed; the drug the patient
# is naive to is banned, not asked for.
@pytest.mark.parametrize("sentence", [
    "NSCLC naive to KRAS G12C inhibitors that progressed after platinum-based chemotherapy",
    "Tumours naive to ALK inhibitors that progressed after chemotherapy",
    "Disease naive to immune checkpoint inhibitors that has progressed following platinum doublet chemotherapy",
    "NSCLC without prior MET inhibitors that progressed on at least one platinum-based regimen",
    "Cancer naive to EGFR TKIs that progressed after carboplatin-based chemotherapy",
    "NSCLC naive to any KRAS inhibitor, that progressed after platinum chemotherapy",
])
def test_naive_to_a_drug_that_progressed_bans_the_drug(sentence: str) -> None:
    assert _plain(sentence, AFTER_CHEMO) == "eligible"
    assert _plain(sentence, AFTER_G12C) != "eligible" or "kras" not in sentence.lower()


def _plain(sentence: str, patient: dict[str, Any]) -> str:
    text = invented_trial(f"* {sentence}\n", "* Pregnancy\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **patient})).verdict


def test_a_drug_that_failed_is_still_asked_for() -> None:
    assert _plain("A platinum doublet, which failed", {"prior_therapies": [], "prior_lines": 0}) == "excluded"
