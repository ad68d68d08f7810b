"""A cohort's code at the end of a part's heading: "Phase 2 EXP-1:", "Part B ESC-2:", "Phase 1b Expansion 3:".

The cohort is the group (its siblings EXP-2, EXP-3 are other ways into the same part), not the whole part. The
biomarker and prior-therapy readers both read such headings; the code's pattern and the cohort's name live here once.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.reader.scope import genes_named

# The code itself: letters, a hyphen and a number ("EXP-1", "COH-4", "ESC-2b"), or "Expansion 3" / "EXP 3".
CODE = r"[a-z]{2,5}-\d{1,2}[a-z]?|exp(?:ansion)?\s*\d{1,2}[a-z]?"

_EXP_WORD = re.compile(r"^exp(?:ansion)?\s*(?=\d)", re.I)  # "Expansion 3" and "EXP-3" are one cohort's names


def cohort_name(code: str) -> str:
    """The group's name for a code: "cohort exp-3" for "Expansion 3", "EXP 3" and "EXP-3" alike."""
    return "cohort " + _EXP_WORD.sub("exp-", code.lower())


# --- a bare code under a parent that names the groups: "Part 2 cohorts (...):" then "2A: ...", "2D (CNS cohort): ..."

# A parent line whose words name the kind of group its sub-bullets are, and no one group of it: "Cohorts:", "Expansion
# cohorts:", "Part 2 cohorts (RET fusion-positive NSCLC unless stated):", "Treatment arms:", "The following cohorts
# will be enrolled:". A few words before the plural noun, an aside after it, a "will enrol" / "as follows" tail. Not
# "Patients in all cohorts must have:" (every group's rule, with "all" and a verb) nor "Cohorts A and B:" (it names
# its groups; their sub-bullets are its rules).
_GROUP_LIST_LEAD = re.compile(
    r"^\W{0,3}(?!.*\b(?:all|every|each|any|both|other|must|should|shall|have|has)\b)(?:[\w+/-]+\s+){0,5}?"
    r"(?P<kind>cohorts|arms|parts|groups|sub-?cohorts|strata|modules)\b"
    r"(?:\s*\([^()]{0,100}\))?"
    r"(?:\s+(?:are|is)?\s*(?:defined\s+)?(?:as\s+follows|below|will\s+(?:be\s+)?enrol(?:l|led|ed)?|to\s+be\s+enrol(?:l|led|ed)))?"
    r"\s*:\s*$", re.I)

# A short code that opens a sub-bullet as its group's name, in the forms a written-out "Cohort C1:" takes (see _LABEL in
# reader/scope.py): a letter A-H with digits ("C1", "B2"), digits with a letter ("2A", "2d"), one letter or a number
# alone ("B", "3"); then an optional aside, then a colon or a spaced dash. Staging ("T1:", "N2:", "M1a:") has no such
# letter; "C1D1:" (cycle 1 day 1) runs on past the code; lab rows ("ANC: >= 1.5") have no digit.
_BARE_CODE = re.compile(
    r"^\W{0,3}(?P<code>(?-i:[A-H]\d{1,2}[a-z]?|\d{1,2}[A-Za-z]?|[A-H]))"
    r"(?P<aside>\s*\([^()]{1,60}\))?\s*(?::|\s[-\u2013\u2014]\s)", re.I)


def group_list_kind(text: str) -> str | None:
    """The kind word ("cohort", "arm", "part", ...) of a parent line that names the groups its sub-bullets are."""
    match = _GROUP_LIST_LEAD.match(text) if text.rstrip().endswith(":") and len(text) < 200 else None
    if match is None:
        return None
    kind = match.group("kind").lower()
    return "stratum" if kind == "strata" else kind.removesuffix("s")


def coded_group_line(kind: str, text: str) -> str | None:
    """A sub-bullet that opens with a bare code under such a parent, written as a group's heading of that kind: "2D
    (CNS cohort): untreated brain metastases" under "Part 2 cohorts:" reads as "Cohort 2D (CNS cohort): ..."; None when
    it does not open with a code."""
    match = _BARE_CODE.match(text)
    if match is None:
        return None
    rest = text[match.end("code"):]
    if match.group("aside") and genes_named(match.group("aside")):
        # "C1 (HER2): HER2 activating mutation": the bracket names the group's own way in, which its bullet states;
        # read as a carriers' group, the bullet would bind only carriers and let every other patient through.
        rest = text[match.end("aside"):]
    return f"{kind.capitalize()} {match.group('code')}{rest}"
