"""Disease: does the trial enrol stage IV NSCLC of the patient's histology?

Three questions, each answered at parse time from the title, conditions, keywords and criteria:

- stage (stage.py): stage IV / metastatic / advanced / recurrent, or only early, resectable,
  perioperative or stage III disease; a limit on the number of metastases is unknown for a profile;
- histology (histology.py): non-squamous, squamous or adenocarcinoma only, and histology exclusions;
- cancer type (cancer.py): NSCLC, a solid-tumour basket that includes it, or another cancer only.

A criterion of another cancer's cohort is not read; one of a part, cohort or arm decides only for
that part (an exclusion there becomes "ask which part you could join").
The phrases live in data/vocab/disease.json; the patterns here only say how they combine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from trialmatch.criteria.collector import collector_paused
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding, Verdict
from trialmatch.criteria.rules.disease.cancer import cancer_rule
from trialmatch.criteria.rules.disease.histology import HISTOLOGIES, histology_rule
from trialmatch.criteria.rules.disease.scoped import within_scope
from trialmatch.criteria.rules.disease.stage import stage_rule
from trialmatch.criteria.rules.disease.words import other_disease
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.text import TrialText

NAME = "disease"
__all__ = ["HISTOLOGIES", "NAME", "check", "parse"]

_SEVERITY = {ELIGIBLE: 0, UNKNOWN: 1, EXCLUDED: 2}

_BASKET = ("The trial takes several cancer types and its list does not name lung cancer: "
           "ask whether NSCLC can join.")
_CANCER_QUESTION = {
    "transformed": "The trial is for small cell lung cancer, or NSCLC that has turned into small cell lung cancer: "
                   "ask whether yours has.",
    "small cell named": "The trial names small cell lung cancer and never non-small cell: ask whether NSCLC can join.",
    "sent to another group": "The trial sends NSCLC to one of its cohorts or parts that its criteria do not "
                             "describe: ask whether that group is open to you.",
}

_NEUROENDOCRINE_QUESTION = ("The trial is for neuroendocrine lung cancers (such as large cell neuroendocrine "
                            "carcinoma), not other NSCLC: ask whether yours is one.")
_CANCER_EXCLUDED = {
    "people not yet diagnosed": "The study is for people whose lung cancer is suspected but not yet diagnosed "
                                "(a diagnostic study); yours is diagnosed.",
    "people without lung cancer": "The study does not take people who have lung cancer (a screening or prevention "
                                  "study, or one for other cancers).",
}


def _most(verdicts: Iterable[Verdict]) -> Verdict:
    return max(verdicts, key=_SEVERITY.__getitem__)


@collector_paused  # see trialmatch.criteria.collector
def parse(text: TrialText) -> dict[str, Any]:
    # A criterion of another cancer's cohort ("Part 1B: ER+ breast cancer ...") says nothing about the stage
    # or histology of NSCLC; which cancers the trial takes is read from every criterion.
    nsclc_text = text
    others = tuple(criterion for criterion in text.criteria if other_disease(criterion))
    if others:
        nsclc_text = replace(text, criteria=tuple(c for c in text.criteria if not other_disease(c)))
    return {"stage": stage_rule(nsclc_text), "histology": histology_rule(nsclc_text, others),
            "cancer": cancer_rule(text)}


# ---------------------------------------------------------------- check
_STAGE_REASON = {
    "metastatic_excluded": "The trial does not take metastatic (stage IV) disease",
    "early_only": "The trial is for early, resectable or locally advanced (stage I-III) disease only",
    "oligometastatic": "The trial limits how many metastases a patient may have",
    "substage": "The trial takes only part of stage IV (such as stage IVA, or no metastases outside the chest)",
    "locally_advanced": "The trial names locally advanced disease and not metastatic disease",
    "advanced": "The trial takes advanced or metastatic NSCLC",
    "any_stage": "The trial takes every stage",
}


def _stage_finding(rule: dict[str, Any], profile: Patient) -> Finding:
    return within_scope(_stage_verdict(rule, profile), rule.get("scope"), profile)


def _stage_verdict(rule: dict[str, Any], profile: Patient) -> Finding:
    verdict: Verdict = rule["IV"] if profile.stage == "IV" else rule["other"]
    base = _STAGE_REASON.get(rule["why"], "The trial sets no stage limit")
    if rule["why"] == "any_stage":
        return Finding(verdict, rule["evidence"], f"{base}.")
    if profile.stage is None and rule["why"] != "none":
        return Finding(UNKNOWN, rule["evidence"], f"{base}; your stage was not given.")
    if profile.stage != "IV":
        return Finding(verdict, rule["evidence"], f"{base}; check with the study team for stage {profile.stage}.")
    if verdict == EXCLUDED:
        return Finding(verdict, rule["evidence"], f"{base}; your cancer is stage IV.")
    if verdict == UNKNOWN:
        return Finding(verdict, rule["evidence"], f"{base}; ask the study team whether yours qualifies.")
    return Finding(verdict, rule["evidence"], f"{base}; your cancer is stage IV.")


def _histology_finding(rule: dict[str, Any], profile: Patient) -> Finding:
    allowed = rule["allowed"]
    if allowed is None:
        return Finding(ELIGIBLE, "", "The trial sets no histology limit.")
    if not allowed:
        return Finding(UNKNOWN, rule["evidence"],
                       "The trial limits the kind of NSCLC in words trialmatch could not read in full: ask whether "
                       "yours fits.")
    names = " or ".join(allowed)
    if profile.histology == "nsclc-nos" and rule.get("nos"):
        return Finding(ELIGIBLE, rule["evidence"],
                       f"The trial takes {names} or NSCLC not otherwise specified; yours is not specified.")
    # A limit with a condition or for one part ("squamous tumours with cavitation") shuts out no histology outright.
    only = " only" if rule["out"] else ", for one part of it or with a condition"
    if profile.histology is None:
        return Finding(UNKNOWN, rule["evidence"], f"The trial takes {names} histology{only}; yours was not given.")
    if profile.histology == "nsclc-nos":
        return Finding(UNKNOWN, rule["evidence"],
                       f"The trial takes {names} histology{only}; your NSCLC subtype is not specified.")
    if profile.histology in allowed:
        return Finding(ELIGIBLE, rule["evidence"], f"The trial takes {names} histology; yours is {profile.histology}.")
    if profile.histology not in rule["out"]:
        return Finding(UNKNOWN, rule["evidence"],
                       f"The trial takes {names} histology, for one part of it or with a condition; yours is "
                       f"{profile.histology}: ask whether it fits.")
    return Finding(EXCLUDED, rule["evidence"],
                   f"The trial takes {names} histology only; yours is {profile.histology}.")


def check(rules: dict[str, Any], profile: Patient) -> Finding:
    if not rules:
        return Finding(ELIGIBLE, "", "The trial text sets no requirement on the disease.")
    cancer = rules["cancer"]
    if cancer["verdict"] == EXCLUDED and profile.histology in cancer.get("ask", ()):
        return Finding(UNKNOWN, cancer["evidence"], _NEUROENDOCRINE_QUESTION)
    if cancer["verdict"] == EXCLUDED and cancer.get("ask") and profile.histology is None:
        return Finding(UNKNOWN, cancer["evidence"], _NEUROENDOCRINE_QUESTION)
    if cancer["verdict"] == EXCLUDED:
        reason = _CANCER_EXCLUDED.get(cancer["other"],
                                      f"The trial is for {cancer['other']} only, not non-small cell lung cancer.")
        return Finding(EXCLUDED, cancer["evidence"], reason)
    findings = [_stage_finding(rules["stage"], profile), _histology_finding(rules["histology"], profile)]
    if cancer["verdict"] == UNKNOWN:
        findings.append(Finding(UNKNOWN, cancer["evidence"], _CANCER_QUESTION.get(cancer["other"], _BASKET)))
    worst = _most(f.verdict for f in findings)
    if worst != ELIGIBLE:
        return next(f for f in findings if f.verdict == worst)
    evidence = next((f.evidence for f in findings if f.evidence), cancer["evidence"])
    return Finding(ELIGIBLE, evidence, " ".join(f.reason for f in findings))
