"""A cohort's code at the end of a part's heading: "Phase 2 EXP-1:", "Part B ESC-2:", "Phase 1b Expansion 3:".

The cohort is the group (its siblings EXP-2, EXP-3 are other ways into the same part), not the whole part. The
biomarker and prior-therapy readers both read such headings; the code's pattern and the cohort's name live here once.
"""

from __future__ import annotations

import re

# The code itself: letters, a hyphen and a number ("EXP-1", "COH-4", "ESC-2b"), or "Expansion 3" / "EXP 3".
CODE = r"[a-z]{2,5}-\d{1,2}[a-z]?|exp(?:ansion)?\s*\d{1,2}[a-z]?"

_EXP_WORD = re.compile(r"^exp(?:ansion)?\s*(?=\d)", re.I)  # "Expansion 3" and "EXP-3" are one cohort's names


def cohort_name(code: str) -> str:
    """The group's name for a code: "cohort exp-3" for "Expansion 3", "EXP 3" and "EXP-3" alike."""
    return "cohort " + _EXP_WORD.sub("exp-", code.lower())
