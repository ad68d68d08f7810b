"""A stage rule read from one group's criterion decides only for that group (the shared reader's
apply_scope), without reading the profile's markers: disease findings depend on stage and histology only
(compiled.DIMENSION_READS), so a marker group's exclusion becomes a question for everyone."""

from __future__ import annotations

from typing import Any

from trialmatch.criteria.rules.base import EXCLUDED, UNKNOWN, Finding
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.reader import apply_scope


def within_scope(finding: Finding, scope: dict[str, Any] | None, profile: Patient) -> Finding:
    if not scope or finding.verdict != EXCLUDED:
        return finding
    genes = scope.get("genes") or ()
    if not genes:
        return apply_scope(finding, scope, profile)
    return Finding(UNKNOWN, finding.evidence,
                   f"{finding.reason} This rule is for patients with {', '.join(genes)} changes "
                   f"({scope.get('label', '')}): ask your doctor whether it applies to you.")
