"""The shared reader's vocabulary: words every dimension reads the same way, said once.

Group nouns: the words a trial names its groups of patients with ("Cohort A", "the HER2 arm", "Part 2", "Sub-study 3",
"the EGFR basket"). Every pattern that looks for such a word builds it from here, so a new word is added once, not in
each dimension's own copy. Patterns are lower-case: callers search lower-cased text or compile with re.I (or wrap the
words in "(?i:...)" when the rest of their pattern is case-sensitive).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class GroupNoun(NamedTuple):
    """One group noun."""

    forms: str  # the pattern for its singular and plural: "strat(?:um|a)"
    stem: str  # what a lower-cased prefilter looks for (GROUP_WORD): "strat" (also "stratified"), "arms?\b"


GROUP_NOUNS: dict[str, GroupNoun] = {
    # Groups a patient is assigned to (by marker, by randomisation or by the sponsor).
    "arm": GroupNoun(r"arms?", r"arms?\b"),  # (a boundary: "armed", "army" name none)
    "cohort": GroupNoun(r"cohorts?", "cohort"),
    "group": GroupNoun(r"groups?", "group"),
    "module": GroupNoun(r"modules?", "module"),
    "sub-study": GroupNoun(r"sub-?stud(?:y|ies)", "sub-?stud"),
    "stratum": GroupNoun(r"strat(?:um|a)", "strat"),
    "basket": GroupNoun(r"baskets?", "basket"),
    # Portions of the study's design every patient of it passes through.
    "part": GroupNoun(r"parts?", r"parts?\b"),  # (a boundary: "partial", "participant" name none)
    "phase": GroupNoun(r"phases?", "phase"),
    "portion": GroupNoun(r"portions?", "portion"),
    "sub-protocol": GroupNoun(r"sub-?protocols?", "sub-?protocol"),
}
# What joins a group noun to its mark: a space or nothing ("Cohort 2", "Arm B", "Part2"), or a hyphen before a number
# or a capital ("Substudy-01", "Cohort-2a", "Arm-B", "Module-3b"). Not a hyphen before a lower-case word ("part-time",
# "arm-level", "cohort-based"). Needs no flag: callers compile with re.I, and the capital is kept case-sensitive.
MARK_JOINER = r"(?:-(?=\d|(?-i:[A-Z]))|\s*)"


def mark_id(mark: str) -> str:
    """A group's mark as one spelling: "Substudy-01" and "Substudy 1" are one group ("01" -> "1", "B" -> "b")."""
    mark = mark.strip().lower()
    return (mark.lstrip("0") or mark) if mark[:1] == "0" else mark


# The nouns of a group a patient is assigned to, and of a portion of the study's design.
ASSIGNED = ("arm", "cohort", "group", "module", "sub-study", "stratum", "basket")
DESIGN_PORTION = ("part", "phase", "portion", "sub-protocol")


def group_nouns(*names: str) -> str:
    """One non-capturing alternation of the named nouns' forms (every noun when none is named):
    group_nouns("arm", "part") == "(?:arms?|parts?)"."""
    return "(?:" + "|".join(GROUP_NOUNS[name].forms for name in names or GROUP_NOUNS) + ")"


# "arm", "cohorts", "sub-studies", "strata", "baskets": a group a patient is assigned to.
ASSIGNED_NOUN = group_nouns(*ASSIGNED)
# Every group noun: an assigned group or a portion of the design ("Part 2", "the Phase 1 portion").
GROUP_NOUN = group_nouns()

# Every scope but a condition names a group with one of these words: most criteria hold none, and are then spared the
# scope patterns. A prefilter, so stems ("escalat", "randomi", "populat"): the group nouns, then the words of a part
# named by what it does. Searched in lower-cased text, case-sensitively: several times faster than re.I on every
# criterion.
_DESIGN_STEMS = ("escalat", "expan", "extens", "optimi", "finding", "run-?in", "randomi", "populat", "tier",
                 "lead-?in")
GROUP_WORD = re.compile(r"\b(?:" + "|".join([*(noun.stem for noun in GROUP_NOUNS.values()), *_DESIGN_STEMS]) + ")")

# A group shut out, said after it: "are excluded", "is not eligible", "will not be permitted" (a copula, then the shut
# word), "(EGFR-mutant patients excluded)" (the shut word alone). Lower-case, like the nouns above.
COPULA = r"(?:is|are|will\s+be|shall\s+be|would\s+be|be)"
SHUT_WORD = r"(?:excluded|exclusionary|ineligible|not\s+(?:be\s+)?(?:eligible|allowed|permitted|included))"
SHUT_OUT = (rf"(?:{COPULA}\s+{SHUT_WORD}"
            r"|(?:will|shall|would)\s+not\s+be\s+(?:eligible|allowed|permitted|included))")
# A ban denied, said after the group: "are not excluded", "is not an exclusion (criterion)", "are not exclusionary",
# "do not exclude (the patient)", "will not be excluded": a double negative, so a group let in. Lower-case.
NOT_SHUT_OUT = (rf"(?:(?:{COPULA}|will|shall|would)\s+not\s+(?:be\s+)?(?:excluded|exclusionary"
                r"|an?\s+(?:exclusion|reason\s+(?:for|to)\s+exclu\w+|bar))"
                r"|(?:do|does|will|would|shall)\s+not\s+(?:\w+\s+)?(?:exclude|disqualify|preclude)\b"
                r"|(?:is|are)\s+no\s+(?:exclusion|bar))")
# A treatment or group let in: "is allowed", "are also permitted", "acceptable".
ALLOW_WORD = r"(?:allowed|permitted|permissible|acceptable|accepted)"

# Not having a treatment because the patient cannot or will not have it: "refused", "declines", "rejected", "unwilling
# to receive", "ineligible for", "not (a / an appropriate) candidate for", "not considered a candidate for", "unsuitable
# for", "(medically) unfit for", "not amenable to", "contraindicated", "unable to receive", "cannot tolerate". Beside a
# requirement of that treatment it is another way in, which a patient who never had it may take. Every adjective
# needs its "for" / "to" ("patients with X are not eligible" shuts a group out); "intolerant of" is not here (the
# treatment was had). Lower-case, like the nouns above.
BEAR_VERBS = (r"(?:tolerate|receive|suffer|bear|endure|stand|withstand|take|undergo|accept"
              r"|be\s+(?:treated|given|offered))")
_NOT_FOR = (r"(?:not\s+(?:be(?:ing)?\s+)?(?:(?:medically|clinically)\s+)?(?:(?:considered|deemed|judged)\s+)?"
            r"(?:to\s+be\s+)?(?:an?\s+)?(?:(?:appropriate|suitable|good|eligible)\s+)?"
            r"(?:eligible|suitable|candidates?|amenable|appropriate|fit(?:\s+enough)?)"
            r"|(?:(?:medically|clinically)\s+)?(?:ineligib(?:le|ility)|unsuitab(?:le|ility)|unfit|inappropriate))"
            r"\s+(?:for|to)\b")
CANNOT_HAVE = (r"(?:refus(?:e|es|ed|ing|al)\b|declin(?:e|es|ed|ing)\b(?!\s+(?:in|of)\b)|reject(?:s|ed|ing|ion)?\b"
               r"|unwilling(?:ness)?\b|not\s+willing\b"
               rf"|{_NOT_FOR}|contra-?\s?indicat\w*"
               rf"|(?:cannot|can\s?not|can't|could\s+not|couldn't|(?:un|not\s+)able\s+to)\s+{BEAR_VERBS}\b)")
