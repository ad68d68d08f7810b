"""Performance status rules: real criteria sentences, one row per rule, checked against a profile's ECOG."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from invented import invented_trial

from trialmatch.criteria.rules import performance_status
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile


def trial(inclusion: str = "", exclusion: str = "") -> TrialText:
    return invented_trial(inclusion, exclusion, "A trial")


def verdict(text: TrialText, ecog: int | None) -> str:
    rules = performance_status.parse(text)
    return performance_status.check(rules, Profile(ecog=ecog)).verdict


CASES = [
    # (inclusion bullet, exclusion bullet, ecog, expected)
    ("* ECOG performance status 0-1", "", 1, "eligible"),
    ("* ECOG performance status 0-1", "", 2, "excluded"),
    ("* WHO performance 0-1", "", 2, "excluded"),
    ("* WHO PS 0-1", "", 0, "eligible"),
    ("* PS 0-2 (WHO scale)", "", 2, "eligible"),
    ("* World Health Organisation (WHO) performance status 0-2", "", 3, "excluded"),
    ("* ECOG performance score (PS) of 0, 1, or 2.", "", 2, "eligible"),
    ("* ECOG performance score (PS) of 0, 1, or 2.", "", 3, "excluded"),
    ("* ECOG performance status < 2 i.e. 0 or 1", "", 2, "excluded"),
    ("* ECOG performance status ≤2.", "", 2, "eligible"),
    ("* ECOG performance status 0 to1.", "", 1, "eligible"),
    ("* ECOG PS score: 0~1;", "", 2, "excluded"),
    ("* ECOG=0-1, with no deterioration in 2 weeks before first dose of HSK40118.", "", 2, "excluded"),
    ("* Eastern Cooperative Oncology Group（ECOG）Performance Status（PS）:0-2.;", "", 2, "eligible"),
    ("* Performance status of Eastern Cooperative Oncology Group 0 to 2.", "", 2, "eligible"),
    ("* Performance status 0-2 (ECOG)", "", 3, "excluded"),
    ("* WHO physical status score is 0~1;", "", 2, "excluded"),
    ("* a performance status of 0 or 2 on the Eastern Cooperative Oncology Group (ECOG) Performance Status.",
     "", 3, "excluded"),
    ("* ECOG performance status of 0 or 1 (Oken et al. 1982)", "", 1, "eligible"),
    # Scores 2-3 are taken only if due to the tumour, a cause the profile does not give: a question.
    ("* ECOG PS score 0-3 (patients with PS score 2-3 would be enrolled if due to the tumor disease)", "", 3,
     "unknown"),
    ("* ECOG performance status ≤2 (Karnofsky ≥60%, see Appendix A).", "", 2, "eligible"),
    ("* ECOG performance status score of ≤2", "* ECOG performance status score >2", 3, "excluded"),
    ("", "* ECOG performance status score >2", 2, "eligible"),
    ("", "* the brain tumor diameter >5cm; RPA class =3; pregnancy.", 2, "excluded"),
    ("", "* the brain tumor diameter >5cm; RPA class =3; pregnancy.", 1, "eligible"),
    ("* Karnofsky performance status (KPS) ≥ 70", "", 1, "eligible"),
    ("* Karnofsky performance status (KPS) ≥ 70", "", 2, "excluded"),
    ("* KPS ≥ 60%", "", 2, "unknown"),
    ("* KPS ≥ 60%", "", 3, "excluded"),
    ("* Karnofsky performance score of at least 80", "", 1, "unknown"),
    ("", "* Karnofsky Performance Status < 70", 1, "eligible"),
    ("* ECOG 0-1 for Part A and 0-2 for Part B", "", 2, "eligible"),
    ("* ECOG performance status ≤ 1 (Phase 1b) or ≤ 2 (Phase 2)", "", 2, "eligible"),
    ("* ECOG 0-1 (patients with ECOG 2 are not eligible)", "", 3, "excluded"),
    ("", "* Patients with ECOG 2 may be enrolled if the decline is due to cancer", 3, "eligible"),
    ("* ECOG performance status 0-1", "", None, "unknown"),
    ("* Life expectancy of at least 12 weeks", "", 4, "eligible"),
    ("* No WHO grade 3 toxicity from prior therapy", "", 4, "eligible"),
]
IDS = [
    "ecog-0-1-takes-1", "ecog-0-1-excludes-2", "who-performance-0-1-excludes-2", "who-ps-0-1-takes-0",
    "ps-0-2-who-scale-takes-2", "who-spelled-out-0-2-excludes-3", "list-0-1-or-2-takes-2",
    "list-0-1-or-2-excludes-3", "less-than-2-excludes-2", "le-2-with-full-stop-takes-2",
    "0-to1-without-space-takes-1", "tilde-range-excludes-2", "ecog-equals-range-ignores-2-weeks",
    "fullwidth-brackets-takes-2", "scale-named-after-words-takes-2", "scale-in-brackets-after-range-excludes-3",
    "who-physical-status-excludes-2", "0-or-2-read-as-range-excludes-3", "citation-year-not-a-score",
    "0-3-with-conditional-aside-asks-3", "ecog-wins-over-karnofsky-aside", "inclusion-and-exclusion-agree-excludes-3",
    "exclusion-above-2-keeps-2", "rpa-class-3-excludes-ecog-2", "rpa-class-3-keeps-ecog-1",
    "karnofsky-70-takes-ecog-1", "karnofsky-70-excludes-ecog-2", "karnofsky-60-ecog-2-unclear",
    "karnofsky-60-excludes-ecog-3", "karnofsky-80-ecog-1-unclear", "exclusion-kps-below-70-keeps-ecog-1",
    "part-b-wider-range-takes-2", "phase-2-wider-range-takes-2", "negated-aside-keeps-inclusion-limit",
    "exception-in-exclusions-says-nothing-of-3", "missing-ecog-is-unknown", "no-performance-rule-is-eligible",
    "who-grade-is-not-performance",
]


@pytest.mark.parametrize(("inclusion", "exclusion", "ecog", "expected"), CASES, ids=IDS)
def test_performance_status_rule(inclusion: str, exclusion: str, ecog: int | None, expected: str) -> None:
    assert verdict(trial(inclusion, exclusion), ecog) == expected


# Kinds of wording, each with invented sentences: (inclusion, exclusion, verdicts for ECOG 0, 1, 2, 3, 4).
EL, UN, EX = "eligible", "unknown", "excluded"
KINDS = {
    # Scale spellings: ECOG, WHO, Zubrod and Karnofsky (mapped by band).
    "zubrod-0-1": ("* Zubrod performance status of 0-1", "", (EL, EL, EX, EX, EX)),
    "zubrod-scale-named-after": ("* Performance status 0 or 1 on the Zubrod scale", "", (EL, EL, EX, EX, EX)),
    "who-ecog-slash": ("* WHO/ECOG performance status 0-2", "", (EL, EL, EL, EX, EX)),
    "karnofsky-70-or-higher": ("* Karnofsky performance status of 70 or higher", "", (EL, EL, EX, EX, EX)),
    "karnofsky-index-above-70": ("* Karnofsky index > 70", "", (EL, UN, EX, EX, EX)),
    "kps-60-to-100": ("* KPS 60-100%", "", (EL, EL, UN, EX, EX)),
    # "2 or less", "1 or better": a bound said in words after the value.
    "performance-status-2-or-less": ("* Performance status of 2 or less", "", (EL, EL, EL, EX, EX)),
    "ecog-1-or-better": ("* An ECOG score of 1 or better", "", (EL, EL, EX, EX, EX)),
    "ecog-2-or-higher-excluded": ("", "* ECOG PS 2 or higher", (EL, EL, EX, EX, EX)),
    # "worse than 2" is 3-4 on ECOG; on Karnofsky, "worse than 70" is below 70.
    "worse-than-2-keeps-2": ("", "* Performance status worse than 2", (EL, EL, EL, EX, EX)),
    "ecog-worse-than-1-excludes-2": ("", "* ECOG worse than 1", (EL, EL, EX, EX, EX)),
    "ecog-better-than-2-needed": ("* ECOG performance status better than 2", "", (EL, EL, EX, EX, EX)),
    "karnofsky-worse-than-70-excluded": ("", "* Karnofsky worse than 70", (EL, EL, EX, EX, EX)),
    # Number words.
    "zero-or-one-in-words": ("* ECOG performance status of zero or one", "", (EL, EL, EX, EX, EX)),
    "at-least-one-of-is-a-count": ("* Performance status: at least one of the following must be met", "",
                                   (EL, EL, EL, EL, EL)),
    "one-of-the-following-is-a-count": ("* ECOG performance status of one of the following: 0 or 1", "",
                                        (EL, EL, EX, EX, EX)),
    "zero-to-two-in-words": ("* WHO performance status zero to two", "", (EL, EL, EL, EX, EX)),
    # Two limits for two parts of a trial: a patient who fits either part is not excluded.
    "escalation-or-expansion": ("* ECOG 0-1 (dose escalation) or 0-2 (expansion)", "", (EL, EL, EL, EX, EX)),
    "part-a-part-b-semicolon": ("* ECOG PS ≤ 1 (Part A); ECOG PS ≤ 2 (Part B)", "", (EL, EL, EL, EX, EX)),
    "phase-1-and-phase-2-in-words": ("* ECOG performance status 0-1 in Phase 1 and 0-2 in Phase 2", "",
                                     (EL, EL, EL, EX, EX)),
    "phase-portions-reversed": ("* ECOG PS ≤ 2 for the phase 1 portion and ≤ 1 for the phase 2 portion", "",
                                (EL, EL, EL, EX, EX)),
    # "Oncology Group" is the scale's name, not a numbered group: its number is the score.
    "oncology-group-0-to-2": ("* Performance status of Eastern Cooperative Oncology Group 0 to 2.", "",
                              (EL, EL, EL, EX, EX)),
    "group-number-is-not-a-score": ("* ECOG 0-1 (Group 2 only)", "", (EL, EL, UN, UN, UN)),
    # A number naming an arm, part or day is no score.
    "arm-numbers-are-not-scores": ("* ECOG PS 0-1 or 2 (Arms 3 and 4)", "", (EL, EL, EL, EX, EX)),
    "day-number-is-not-a-score": ("* ECOG performance status ≤ 1 on Day 1 of cycle 1", "", (EL, EL, EX, EX, EX)),
    # Limits for another disease's patients sit beside the one for solid tumours: either is enough.
    "glioma-kps-and-solid-tumour-ecog": ("* KPS >= 70 for glioma patients, ECOG <= 2 for solid tumours", "",
                                         (EL, EL, EL, EX, EX)),
    "karnofsky-or-ecog-alternatives": ("* Has ECOG PS 0-1 or KPS ≥ 70", "", (EL, EL, EX, EX, EX)),
    # Scope (read by the shared reader): a limit for one part or arm only is a question, not an exclusion.
    "escalation-only-limit-is-a-question": ("* ECOG PS 0-1 (dose escalation only)", "", (EL, EL, UN, UN, UN)),
    "arms-only-limit-is-a-question": ("* ECOG performance status ≤ 1 (Arms 2 and 3 only)", "",
                                      (EL, EL, UN, UN, UN)),
    "part-prefix-limit-is-a-question": ("* Part A: WHO performance status 0-1", "", (EL, EL, UN, UN, UN)),
    "cohort-only-prefix-limit-is-a-question": ("* Cohort 2 only: ECOG 0", "", (EL, UN, UN, UN, UN)),
    "heading-over-limit-is-a-question": ("* Dose expansion:\n    * ECOG performance status of 0 or 1", "",
                                         (EL, EL, UN, UN, UN)),
    # Several parts' limits in one criterion are alternatives: a score every part excludes stays excluded.
    "two-parts-in-two-sentences": ("* Dose escalation: ECOG 0-1. Dose expansion: ECOG 0-2", "",
                                   (EL, EL, EL, EX, EX)),
    "general-limit-with-part-aside": ("* ECOG PS 0-2 (PS 2 allowed only in the expansion cohort)", "",
                                      (EL, EL, EL, EX, EX)),
    # A limit for another cancer's patients does not apply to NSCLC; the limit for everyone does.
    "glioma-only-karnofsky-does-not-apply": ("* For patients with glioblastoma: KPS ≥ 80\n* ECOG 0-2", "",
                                             (EL, EL, EL, EX, EX)),
    "breast-cohort-limit-does-not-apply": ("* Cohort 3 (breast cancer): ECOG 0\n* ECOG performance status ≤ 1", "",
                                           (EL, EL, EX, EX, EX)),
    # An exception ("unless", "except") may let back in those a limit leaves out: a question, not an exclusion.
    "exclusion-unless-due-to-cancer": ("", "* ECOG ≥ 2, unless due to stable cancer-related symptoms",
                                       (EL, EL, UN, UN, UN)),
    "inclusion-unless-sponsor-agrees": ("* ECOG 0-1 unless agreed with the medical monitor", "",
                                        (EL, EL, UN, UN, UN)),
    "exception-naming-a-score-opens-only-it": (
        "", "* ECOG performance status of 2 or more (except patients with ECOG 2 due to bone pain)",
        (EL, EL, UN, EX, EX)),
    "inclusion-except-part-b": ("* WHO PS 0-1, except in Part B where PS 0-2 is allowed", "",
                                (EL, EL, UN, EX, EX)),
    # Keep-out limits for several parts in one sentence: a score one part keeps out another may take.
    "exclusion-per-part-limits": ("", "* ECOG > 1 (Part A) or > 2 (Part B)", (EL, EL, EL, EX, EX)),
    "exclusion-per-cohort-limits": ("", "* Cohort 1: ECOG ≥ 2; Cohort 2: ECOG ≥ 3", (EL, EL, EL, EX, EX)),
    # Points of a score are the score; points of change are not.
    "score-in-points": ("* ECOG PS score 0-1 points;", "", (EL, EL, EX, EX, EX)),
    # A change in performance status, or points of change, is not a score.
    "decline-of-points-is-no-limit": ("", "* Decline in ECOG performance status of ≥ 2 points within 2 weeks",
                                      (EL, EL, EL, EL, EL)),
    "no-decrease-of-more-than-one-point": (
        "* Stable performance status (no decrease of more than 1 ECOG point in 2 weeks)", "", (EL, EL, EL, EL, EL)),
    "no-deterioration-to-2-is-no-limit": (
        "* No deterioration of ECOG performance status to ≥ 2 within 2 weeks before dosing", "",
        (EL, EL, EL, EL, EL)),
    "deterioration-to-2-excluded-is-a-question": (
        "", "* Worsening of WHO performance status to 2 or more during screening", (EL, EL, UN, UN, UN)),
    # A cause the profile does not give ("due to comorbidities") makes keeping those scores out a question.
    "ecog-2-due-to-comorbidity-is-a-question": (
        "", "* Patients with ECOG 2 due to comorbidities other than cancer", (EL, EL, UN, EL, EL)),
    "ecog-2-or-more-caused-by-other-disease": (
        "", "* ECOG performance status 2 or greater caused by non-malignant disease", (EL, EL, UN, UN, UN)),
    # A score let in on a condition the profile does not give (its cause, the age) is a question, not a door.
    "allowed-if-due-to-cancer-keeps-the-rest": (
        "* ECOG PS of 0 to 1, or 2 if due to cancer-related symptoms", "", (EL, EL, UN, EX, EX)),
    # A limit for a subgroup the check cannot place the patient in (age, history) adds a question only.
    "limit-for-older-patients": ("* ECOG performance status ≤ 1 for patients older than 70", "",
                                 (EL, EL, UN, UN, UN)),
    "general-limit-and-older-patients-limit": ("* ECOG 0-2; ECOG 0-1 for participants aged 75 or older", "",
                                               (EL, EL, UN, EX, EX)),
    "exclusion-in-patients-with-history": ("", "* ECOG ≥ 2 in patients with prior pneumonectomy",
                                           (EL, EL, UN, UN, UN)),
    "for-patients-with-nsclc-is-everyone": ("* ECOG 0-1 for patients with advanced NSCLC", "",
                                            (EL, EL, EX, EX, EX)),
    # A marker group's limit: the check reads no test results, so it is a question for everyone.
    "marker-group-limit-is-a-question": ("* Patients with EGFR mutation must have ECOG 0-1", "",
                                         (EL, EL, UN, UN, UN)),
    # Another way in joined by "or" (age, organ function, unfitness): whom the limit leaves out is a question.
    "age-or-ecog-2": ("* Age ≥ 70 years or ECOG 2 (unfit for doublet chemotherapy)", "", (UN, UN, EL, UN, UN)),
    "older-or-with-ps-2": ("* Patients aged 75 years or older, or with an ECOG performance status of 2", "",
                           (UN, UN, EL, UN, UN)),
    "elderly-and-or-who-ps-2": ("* Elderly (≥ 70 years) and/or WHO PS 2 patients", "", (UN, UN, EL, UN, UN)),
    "ps-2-or-creatinine-clearance": ("* ECOG PS 2 or creatinine clearance below 45 mL/min", "",
                                     (UN, UN, EL, UN, UN)),
    "unfit-because-of-a-list": ("* Unfit for cisplatin because of ECOG PS 2, age over 75, or significant comorbidity",
                                "", (UN, UN, EL, UN, UN)),
    # Near misses: "or" between two scales, or inside another clause, leaves the limit whole.
    "ecog-or-karnofsky-is-one-limit": ("* ECOG 0-1 or Karnofsky ≥ 70", "", (EL, EL, EX, EX, EX)),
    "or-in-the-stage-clause": ("* Stage IIIB or IV NSCLC with ECOG 0-1", "", (EL, EL, EX, EX, EX)),
    "male-or-female-with-ecog": ("* Male or female, ECOG 0-1", "", (EL, EL, EX, EX, EX)),
    "exclusion-or-keeps-out-either": ("", "* ECOG ≥ 2 or age over 80", (EL, EL, EX, EX, EX)),
    # An exclusion joined by "and" to another condition keeps out only those meeting both: a question.
    "exclusion-ps-2-and-age": ("", "* ECOG PS 2 and age > 70", (EL, EL, UN, EL, EL)),
    "exclusion-ps-2-who-are-older": ("", "* Patients with ECOG 2 who are older than 75 years", (EL, EL, UN, EL, EL)),
    "exclusion-age-and-ps-2": ("", "* Age over 80 and WHO performance status of 2", (EL, EL, UN, EL, EL)),
    "exclusion-together-with-weight-loss": ("", "* ECOG ≥ 2 together with weight loss > 10%", (EL, EL, UN, UN, UN)),
    # Near misses: "and/or" is "or"; an inclusion's "and" needs both.
    "exclusion-and-or-keeps-out": ("", "* ECOG ≥ 2 and/or life expectancy < 3 months", (EL, EL, EX, EX, EX)),
    "inclusion-and-needs-both": ("* ECOG 0-1 and life expectancy ≥ 12 weeks", "", (EL, EL, EX, EX, EX)),
    "inclusion-age-and-ecog": ("* Age ≥ 18 and ECOG 0-2", "", (EL, EL, EL, EX, EX)),
    # A part, arm or cohort named inside an unscoped criterion: the limit may be that part's only.
    "limit-in-part-a": ("* ECOG 0-1 in Part A", "", (EL, EL, UN, UN, UN)),
    "limit-for-the-expansion-cohort": ("* ECOG 0-2 for the expansion cohort", "", (EL, EL, EL, UN, UN)),
    "frail-cohort-aside": ("* ECOG PS 2 (frail cohort)", "", (UN, UN, EL, UN, UN)),
    "frail-cohort-only-prefix": ("* Frail cohort only: ECOG PS 2", "", (UN, UN, EL, UN, UN)),
    "exclusion-in-the-escalation-part": ("", "* ECOG ≥ 2 in the dose-escalation part", (EL, EL, UN, UN, UN)),
    "limit-in-the-experimental-arm": ("* WHO PS 0-1 in the experimental arm", "", (EL, EL, UN, UN, UN)),
    # Near misses: every part, or a part's name as a moment ("before sub-study registration").
    "limit-for-all-cohorts": ("* ECOG 0-1 (all cohorts)", "", (EL, EL, EX, EX, EX)),
    "limit-in-both-parts": ("* ECOG 0-1 in both parts of the study", "", (EL, EL, EX, EX, EX)),
    "sub-study-registration-is-a-moment": (
        "* Zubrod 0-1 documented within 28 days prior to sub-study registration", "", (EL, EL, EX, EX, EX)),
    # A score let in, or kept in, only on a condition (cause, age): that score is a question, the rest stand.
    "ps-2-allowed-if-due-to-pain": ("* ECOG 0-1 (ECOG 2 allowed if due to cancer pain)", "", (EL, EL, UN, EX, EX)),
    "or-2-if-younger": ("* WHO performance status 0-1, or 2 if age < 70", "", (EL, EL, UN, EX, EX)),
    "two-accepted-for-younger-patients": (
        "* Performance status (WHO) 0 or 1 (2 accepted for patients younger than 65)", "", (EL, EL, UN, EX, EX)),
    "ps-2-only-for-the-elderly": ("* ECOG 0 to 2 (ECOG 2 only for patients aged 75+)", "", (EL, EL, UN, EX, EX)),
    "ps-2-restricted-to-older": ("* Zubrod 0-2, with PS 2 restricted to patients over 70 years", "",
                                 (EL, EL, UN, EX, EX)),
    "narrower-range-for-older-in-brackets": ("* ECOG 0-2 (0-1 for participants aged 80 or older)", "",
                                             (EL, EL, UN, EX, EX)),
    "conditional-ps-2-in-its-own-sentence": (
        "* ECOG PS 0-1; PS 2 permitted if attributable to tumour-related symptoms", "", (EL, EL, UN, EX, EX)),
    "conditional-ps-2-in-another-bullet": (
        "* ECOG 0-2\n* ECOG 2 only if aged 70 years or more", "", (EL, EL, UN, EX, EX)),
    "scores-held-on-a-condition": (
        "* ECOG 0-3 (patients with ECOG 2-3 may be enrolled if due to the tumour, at the investigator's discretion)",
        "", (EL, EL, UN, UN, EX)),
    "narrower-range-only-for-older": ("* WHO PS 0-2 (0-1 only for patients over 75)", "", (EL, EL, UN, EX, EX)),
    # Near misses: a second range for a named part, or a plain "or 2", takes the score as before.
    "second-range-for-a-part": ("* ECOG 0-1 (Part A) or 0-2 (Part B)", "", (EL, EL, EL, EX, EX)),
    "ps-2-only-in-a-cohort": ("* ECOG 0-2 (PS 2 permitted only in the expansion cohort)", "", (EL, EL, EL, EX, EX)),
    "plain-or-2": ("* ECOG PS 0, 1 or 2", "", (EL, EL, EL, EX, EX)),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), KINDS.values(), ids=KINDS.keys())
def test_performance_status_kind(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    rules = performance_status.parse(trial(inclusion, exclusion))
    assert tuple(performance_status.check(rules, Profile(ecog=e)).verdict for e in range(5)) == expected


def test_finding_quotes_the_sentence_and_explains() -> None:
    rules = performance_status.parse(trial("* Age 18 or older\n* ECOG performance status of 0-1;"))
    finding = performance_status.check(rules, Profile(ecog=2))
    assert finding.evidence == "ECOG performance status of 0-1;"
    assert "ECOG 0-1" in finding.reason and "2" in finding.reason


def test_rules_survive_a_json_round_trip() -> None:
    rules = performance_status.parse(trial("* Karnofsky performance status (KPS) ≥ 70"))
    assert json.loads(json.dumps(rules)) == rules


# Speed on these inputs (each parse under 0.5 s, 60,000 characters of one repeated sentence under 3 s) is
# bench/bench_guards.py's to measure, on the same strategies and sentences; here each parse ends (the timeouts stop
# a backtracking hang) with rules that are stored and checked as any other.
ARBITRARY_BODY = st.text(max_size=2000)
NOISE = st.lists(st.sampled_from(["ECOG", "PS", "KPS", " 0", "-", "1", " or ", "≥", "70", "(", ")", " ", "%"]),
                 max_size=400)
REPEATED_SENTENCES = ["ECOG 0-1 or ", "ECOG 0-1. KPS 70. ", "performance status "]


def checked_by_every_score(rules: dict[str, Any]) -> None:
    assert json.loads(json.dumps(rules)) == rules
    for ecog in (None, 0, 1, 2, 3, 4):
        assert performance_status.check(rules, Profile(ecog=ecog)).verdict in {"eligible", "excluded", "unknown"}


@pytest.mark.timeout(600)
@settings(max_examples=200, deadline=None)
@given(ARBITRARY_BODY)
def test_parse_never_raises(body: str) -> None:
    rules = performance_status.parse(trial(body, body))
    json.dumps(rules)
    for ecog in (None, 0, 4):
        performance_status.check(rules, Profile(ecog=ecog))


@pytest.mark.timeout(600)
@settings(max_examples=100, deadline=None)
@given(NOISE)
def test_parse_survives_score_like_noise(tokens: list[str]) -> None:
    body = "".join(tokens)
    checked_by_every_score(performance_status.parse(trial(body, body)))


@pytest.mark.timeout(120)
@pytest.mark.parametrize("sentence", REPEATED_SENTENCES)
def test_parse_ends_on_long_repetitive_criteria(sentence: str) -> None:
    body = sentence * (60_000 // len(sentence))
    checked_by_every_score(performance_status.parse(trial(f"* {body}", f"* {body}")))


def test_scoped_limit_explains_the_question() -> None:
    rules = performance_status.parse(trial("* ECOG PS 0-1 (dose escalation only)"))
    finding = performance_status.check(rules, Profile(ecog=2))
    assert finding.verdict == "unknown"
    assert finding.evidence == "ECOG PS 0-1 (dose escalation only)"
    assert "dose escalation only" in finding.reason
