"""A stage rule read from one part's criterion decides only for that part."""

from __future__ import annotations

from typing import Any

from trialmatch.rules.base import EXCLUDED, UNKNOWN, Finding


def within_scope(finding: Finding, scope: dict[str, Any] | None) -> Finding:
    """An exclusion from a part, cohort, arm or phase of the trial becomes a question: another part may
    take the patient. (Criteria of another cancer's cohort are not read at all.)"""
    if scope is None or finding.verdict != EXCLUDED:
        return finding
    label = str(scope.get("label") or "one part of the trial")
    return Finding(UNKNOWN, finding.evidence,
                   f"{finding.reason.rstrip('.')}, but this applies only to {label}: ask which part you could join.")
