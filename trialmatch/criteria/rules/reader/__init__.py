"""The shared criterion reader: before any dimension reads a criterion, who it is about and why.

Every dimension reads the same answer, computed once when the criteria are split
(trialmatch/criteria/text.py): `Criterion.scope` (a cohort, part, arm, cancer or marker group, or None for
every patient) and `Criterion.purpose` (washout, toxicity recovery, contraception, ... or None for
an ordinary eligibility rule). A dimension stores a rule's scope with the rule and passes its
finding through `apply_scope`, so a rule about another group never excludes a patient.
"""

from trialmatch.criteria.rules.reader.apply import apply_scope
from trialmatch.criteria.rules.reader.lists import read_scopes, trailing_heading
from trialmatch.criteria.rules.reader.purpose import Purpose, in_allowing_aside, is_design, purpose_of, without_design
from trialmatch.criteria.rules.reader.scope import (
    Scope,
    criterion_scope,
    ends_scope,
    group_clauses,
    group_heading,
    heading_scope,
    merge,
    read_scope,
)

__all__ = ["Purpose", "Scope", "apply_scope", "criterion_scope", "ends_scope", "group_clauses", "group_heading",
           "heading_scope", "in_allowing_aside", "is_design", "merge", "purpose_of", "read_scope", "read_scopes",
           "trailing_heading", "without_design"]
