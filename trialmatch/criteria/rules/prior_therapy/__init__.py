"""Prior therapy: required and forbidden earlier treatment, treatment-naive trials, line counts.

parse() reads the criteria and title once (at sync time) into rules on named drugs (brand and
code names included), drug classes (EGFR TKI by generation, PD-1/PD-L1, platinum, ...), "no
prior systemic therapy for advanced disease", "progressed on or after X" and "no more than N
prior lines". check() compares those rules with the profile's drugs and lines; it reads no text.
Time windows and washouts are never rules: they are assumed met.

Who a rule is about comes from the shared criterion reader (trialmatch/criteria/rules/reader/): each rule keeps
its criterion's scope, and check() applies it (another cancer's cohort never excludes, a marker group
binds only its carriers). Sentences whose purpose is not earlier treatment (recovery from toxicity,
samples, contraception, concomitant medicine, another cancer) set no rule.
"""

from __future__ import annotations

from typing import Any

from trialmatch.criteria.collector import collector_paused
from trialmatch.criteria.rules.base import Finding, no_requirement
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.prior_therapy.reading import parse_trial
from trialmatch.criteria.rules.prior_therapy.verdicts import check_rules, every_rule
from trialmatch.criteria.text import TrialText

NAME = "prior_therapy"


@collector_paused  # see trialmatch.criteria.collector
def parse(text: TrialText) -> dict[str, Any]:
    """Structured prior-therapy rules for one trial (JSON-serializable; stored in the cache)."""
    return parse_trial(text)


def check(rules: dict[str, Any], profile: Patient) -> Finding:
    """eligible / excluded / unknown for this profile, with the criteria sentence that decided it."""
    if not rules.get("rules"):
        return no_requirement("earlier treatment")
    return check_rules(rules, profile)


def reads(rules: dict[str, Any]) -> frozenset[str]:
    """The profile fields check() reads for these rules, so a batch shares findings between
    patients who agree on them: test results only matter to a rule for one biomarker group."""
    if not rules.get("rules"):
        return frozenset()
    fields = {"prior_therapies", "prior_lines"}
    # A driver rule and "no standard therapy left" (is the driver's drug had?) read the patient's genes.
    if rules.get("unruled_parts") or any(
            rule.get("genes") or rule.get("marker") or rule.get("aga") or rule.get("exhausted")
            or rule.get("driver_routes")
            or (rule.get("scope") or {}).get("genes") for rule in every_rule(rules["rules"])):
        fields |= {"biomarkers", "tested_negative"}
    return frozenset(fields)

