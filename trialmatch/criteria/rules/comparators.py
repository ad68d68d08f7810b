"""Words shared by the readers of numbers (performance scores, PD-L1 levels)."""

from __future__ import annotations

# A negation just before a comparison word, as the named group "neg": "not lower than 70", "must not be greater
# than 1", "does not exceed 49%", "cannot be below". Negated comparators are not listed one by one: a reader that
# finds "neg" reverses the comparison (not < is >=, not > is <=). Optional after it: `(?:{NEGATION})?`.
NEGATION = (r"(?P<neg>\b(?:(?:must|should|shall|may|can|will|does|do|is|are)\s+)?(?:not|no|never)\s+(?:be\s+)?"
            r"|\bcannot\s+(?:be\s+)?)")
