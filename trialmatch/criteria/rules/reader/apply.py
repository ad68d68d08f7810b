"""What a scoped rule's finding means for one patient: a rule about another group cannot exclude."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding
from trialmatch.criteria.rules.marker_vocab import membership, profile_alteration_key
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.reader.scope import Scope


def apply_scope(finding: Finding, scope_json: dict[str, Any] | None, profile: Patient | None) -> Finding:
    """The finding of a rule written for `scope`, as it stands for this patient.

    - no scope: the rule is about every patient; unchanged.
    - another cancer only ("Part 2A (ER+ breast cancer)"): not about an NSCLC patient; eligible.
    - the patients without a marker ("patients without EGFR mutations ...", "all other
      patients ..."): binds a patient tested negative for all its genes, never one who has one.
    - a marker group ("patients with EGFR mutation ..."): binds a patient who has one of its genes, unless its
      name narrows it by another fact ("Cohort 2 (EGFR-mutant NSCLC with brain metastases)": a question);
      (profile None: a dimension that does not read test results, so every marker is unknown)
      a patient tested negative for all of them is outside it (eligible); otherwise the group is
      unknown for the patient, and an exclusion becomes a question.
    - a part closed to enrolment ("Phase 1 [closed to enrollment]"): nobody joins it now; eligible.
    - a country, region or sites ("Japan part", "Chinese patients", "(China only)"): the profile has no
      country, so an exclusion becomes a question.
    - a cohort, part or arm without a cancer or marker ("Part B", "dose escalation only"), or one that names
      NSCLC and narrows it ("Cohort C (NSCLC with untreated brain metastases)"): the patient may join another;
      an exclusion becomes a question.
    """
    if not scope_json:
        return finding
    scope = Scope.from_json(scope_json)
    if scope.closed:
        return _outside(finding, "This rule is for a part of the trial that is closed to new patients "
                                 f"({scope.label}).")
    if scope.other_disease:
        return _outside(finding, f"This rule is for another group of the trial ({scope.label}), not for NSCLC.")
    if scope.region:  # a profile has no country: the rule is a question, whoever else it is for
        found = _marker_group(finding, scope, profile) if scope.genes else finding
        return _question(found, _region_reason(scope))
    if scope.genes:
        return _marker_group(finding, scope, profile)
    if scope.diseases and not scope.subgroup:  # names NSCLC, lung cancer or solid tumours: about this patient
        return finding
    return _question(finding, f"This rule applies only to {scope.label}: ask your doctor which part "
                              "of the trial you could join.")


_NEEDS_THE = frozenset({"EU", "US", "USA", "UK", "EEA", "U.S.", "U.K.", "U.S.A."})


def _region_reason(scope: Scope) -> str:
    if scope.region.lower() == "global":
        return (f"This rule is for the global part of the trial ({scope.label}), not for the countries with "
                "their own rules: ask your doctor which part you could join.")
    place = f"the {scope.region}" if scope.region in _NEEDS_THE else scope.region
    return (f"This rule applies only to patients in {place} ({scope.label}): ask your doctor whether it "
            "applies where you would be treated.")


def _marker_group(finding: Finding, scope: Scope, profile: Patient | None) -> Finding:
    """A rule for the patients with one of the scope's genes, or (`absent`) with none of them."""
    statuses = {profile.gene_status(gene) for gene in scope.genes} if profile is not None else {"unknown"}
    genes = ", ".join(scope.genes)
    if scope.drivers:
        return _driver_group(finding, scope, profile, statuses)
    if scope.absent:  # "patients without EGFR mutations must ...": binds only those tested negative for all
        if statuses == {"negative"} and scope.subgroup:  # "Cohort 2 (EGFR wild-type NSCLC with brain metastases)"
            return _question(finding, f"This rule is for one group of patients without {genes} changes "
                                      f"({scope.label}): ask your doctor which part of the trial you could join.")
        if statuses == {"negative"}:
            return finding
        if "positive" in statuses:
            return _outside(finding, f"This rule is for patients without {genes} changes ({scope.label}); "
                                     "you have one.")
        return _question(finding, f"This rule is for patients without {genes} changes ({scope.label}): ask "
                                  "your doctor whether it applies to you.")
    if "positive" in statuses and scope.subgroup:  # "Cohort 2 (EGFR-mutant NSCLC with brain metastases)"
        return _question(finding, f"This rule is for one group of patients with {genes} changes ({scope.label}): "
                                  "ask your doctor which part of the trial you could join.")
    if "positive" in statuses:
        return finding
    if statuses == {"negative"}:
        return _outside(finding, f"This rule is only for patients with {genes} changes ({scope.label}); your "
                                 "tests were negative.")
    return _question(finding, f"This rule is for patients with {genes} changes ({scope.label}): ask your "
                              "doctor whether it applies to you.")


# "actionable / targetable / druggable / treatable alterations (AGAs)" name the changes with an approved targeted
# therapy; "drivers", "oncogenic", "genomic alterations" name any driver change.
_ACTIONABLE_WORDS = re.compile(r"actionable|targetable|druggable|treatable|\bAGAs?\b", re.I)


def _of_class(profile: Patient, label: str) -> bool | None:
    """Does the patient carry a change of the group's class? True when one surely is (an EGFR exon 19 deletion is
    actionable), False when every change surely is not (KRAS G12V is not actionable), else None."""
    # The marker vocabulary's class table answers it.
    kind = "actionable" if _ACTIONABLE_WORDS.search(label) else "driver"
    answers = {membership(m.gene, kind, profile_alteration_key(m.gene, m.alteration)) for m in profile.biomarkers}
    return True if True in answers else False if answers == {False} else None


def _driver_group(finding: Finding, scope: Scope, profile: Patient | None, statuses: Collection[str]) -> Finding:
    """A rule for a group named by a class of driver changes ("Subjects with(out) actionable alterations:"). A
    carrier of a change surely of the class (an EGFR exon 19 deletion) is inside a "with" group and outside a
    "without" one, a carrier of a change surely not of it (KRAS G12V) the other way round; for any other change,
    which changes the class holds is a question of wording. A patient tested negative on the whole panel is outside a
    "with" group and inside a "without" one."""
    if profile is not None and profile.biomarkers:
        member = _of_class(profile, scope.label)
        if member is not None:
            if member != scope.absent:
                return _narrowed(finding, scope)
            return _outside(finding, f"This rule is for another group of patients ({scope.label}).")
        return _question(finding, f"This rule is for one group of patients ({scope.label}): whether your tumour's "
                                  "change puts you in it is a question for your doctor.")
    if set(statuses) == {"negative"}:
        if scope.absent:
            return _narrowed(finding, scope)
        return _outside(finding, f"This rule is only for patients with a driver change ({scope.label}); your tests "
                                 "found none.")
    return _question(finding, f"This rule is for one group of patients ({scope.label}): ask your doctor whether it "
                              "applies to you.")


def _narrowed(finding: Finding, scope: Scope) -> Finding:
    """A driver-class group the patient is in: binding, unless its name narrows it further ("Cohort B (driver-negative
    NSCLC after chemo-immunotherapy)"), when the patient may join another group."""
    if not scope.subgroup:
        return finding
    return _question(finding, f"This rule is for one group of patients ({scope.label}): ask your doctor which part "
                              "of the trial you could join.")


def _outside(finding: Finding, reason: str) -> Finding:
    """The patient is outside the rule's group: the rule cannot exclude them."""
    if finding.verdict == ELIGIBLE:
        return finding
    return Finding(ELIGIBLE, finding.evidence, reason)


def _question(finding: Finding, reason: str) -> Finding:
    if finding.verdict != EXCLUDED:
        return finding
    return Finding(UNKNOWN, finding.evidence, f"{finding.reason} {reason}".strip(), finding.specific)
