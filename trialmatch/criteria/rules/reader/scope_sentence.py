"""A sentence at the end of a criterion that says whose rule it is: "Does not apply to the dose escalation portion of
the study.", "This criterion applies to Part B only.", "Not applicable for the expansion cohorts.", "(Applies only to
Cohort 2)".

The sentence is the scope of the whole bullet, for every dimension. "Applies (only) to X" scopes it to X. "Does not
apply to X" / "not applicable to X" scopes it to the trial's other groups: a patient may join X, where the rule does
not bind, so the rule alone cannot exclude (a question); X named by a marker ("does not apply to patients with EGFR
mutations") leaves the patients without it; X another cancer's group leaves NSCLC bound. The group must read as a
group (a cohort, part, arm, phase, a marker or cancer group): "not applicable to palliative radiotherapy" names none
and scopes nothing. Anchored at the end of the text, no nested repeats: linear.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.reader.vocabulary import GROUP_WORD

# "This criterion", "This exclusion", "The requirement", "It": the subject a scope sentence may open with.
_SUBJECT = (r"(?:(?:this|the|these|that)\s+(?:criterion|criteria|exclusion|inclusion|rule|requirement|restriction"
            r"|item|condition|bullet)(?:\s+criterion)?\s+|it\s+)?")
_OPEN = r"(?:^|(?<=[.;:])\s+|[(\[]\s*|\s+[-\u2013\u2014]\s+)"  # a new sentence, an aside, a dash
_GROUP = r"(?:the\s+)?(?P<group>[^.;:()\[\]]{2,80}?)"
_STUDY = (r"(?:\s+(?:patients|participants|subjects))?(?:\s+(?:of|in)\s+(?:the|this)\s+(?:study|trial|protocol))?"
          r"(?:\s+only)?")
_CLOSE = r"\s*[)\]]?\s*[.;]?\s*$"
_TO = r"(?:to|for|in)\s+"

# "Does not apply to X.", "This criterion is not applicable for X.", "Not applicable to X".
_EXEMPT = (
    re.compile(rf"{_OPEN}{_SUBJECT}(?:(?:does|do|will|shall)\s+not|doesn't|don't|won't)\s+(?:be\s+)?apply\s+{_TO}"
               rf"{_GROUP}{_STUDY}{_CLOSE}", re.I),
    re.compile(rf"{_OPEN}{_SUBJECT}(?:(?:is|are)\s+)?not\s+(?:applicable|relevant)\s+{_TO}{_GROUP}{_STUDY}{_CLOSE}",
               re.I),
    # "(except Cohort D)", "(excluding patients enrolled in Part B)", "(other than the dose-escalation part)", "(with
    # the exception of Cohort 2a)", "(not for Cohort C)": an aside closing the criterion, the rule holds for every group
    # but the one named. (The group must read as one: "(except for palliative radiotherapy)" names none, and scopes
    # nothing. An exception after a comma, "..., except those assigned to Arm 3", is left to the dimension's reading.)
    _EXCEPT := re.compile(r"[(\[]\s*(?:except(?:\s+for)?|excluding|exclusive\s+of|other\s+than|apart\s+from"
               r"|with\s+the\s+exception\s+of|save\s+for|(?<=[(\[])\s*not\s+(?:for|in))\s+"
               r"(?:(?:those|patients|participants|subjects|pts)\s+(?:who\s+(?:are|were|will\s+be)\s+)?"
               r"(?:(?:assigned|allocated|enrol+ed|randomi[sz]ed|included|treated|participating)\s+)?(?:to|in|into|of)\s+"
               rf"|(?:in|for)\s+)?{_GROUP}{_STUDY}\s*[)\]]\s*[.;]?\s*$", re.I),
)
# "This criterion applies to Part B only.", "Applies only to Cohort 2.", "Only applicable to the expansion cohorts".
_ONLY = (
    re.compile(rf"{_OPEN}{_SUBJECT}(?:(?:applies|apply)\s+only\s+{_TO}|only\s+(?:applies|apply)\s+{_TO}"
               rf"|(?:(?:is|are)\s+)?(?:only\s+applicable|applicable\s+only)\s+{_TO}){_GROUP}{_STUDY}{_CLOSE}", re.I),
    re.compile(rf"{_OPEN}{_SUBJECT}(?:applies|apply|(?:is|are)\s+applicable)\s+{_TO}{_GROUP}{_STUDY}\s+only{_CLOSE}",
               re.I),
)
_WORDS = ("apply", "applies", "applicable", "relevant", "except", "excluding", "exclusive", "other than", "apart",
          "exception", "save for", "not for", "not in")


def scope_sentence(text: str) -> tuple[str, str, bool] | None:
    """(the text before the sentence, the group's words, True when the rule is for that group only / False when it
    is for everyone but that group), or None when the criterion ends in no such sentence."""
    lowered = text[-200:].lower()
    if not any(word in lowered for word in _WORDS):
        return None
    for patterns, only in ((_ONLY, True), (_EXEMPT, False)):
        for pattern in patterns:
            match = pattern.search(text, max(0, len(text) - 200))
            if match is None:
                continue
            if pattern is _EXCEPT and not GROUP_WORD.search(match.group("group").lower()):
                continue  # "(except patients with EGFR mutations)": an exception inside the rule, the dimension's
            return text[:match.start()].rstrip(" ([-\u2013\u2014"), match.group("group").strip(), only
    return None

