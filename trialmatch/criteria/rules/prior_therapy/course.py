"""A first-line course still going well: "Patients who have received pembrolizumab for 3 months but no longer than
6 months ... as first-line treatment with no documented disease progression".

The length is how long the drug was taken (its exposure), not a washout, so the sentence asks for the drug. It also
asks that the drug was the first line and that the disease has not progressed on it. A profile does not tell
progression, but a patient with two lines or more has left the first one (progressed, or stopped it): excluded.
With the drug and at most one line, how long and how well it went is a question (unknown); without it, excluded.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prior_therapy.terms import Mention

# "received X", "been treated with X", "been on X", "receiving X" right before the name.
_EXPOSED_BEFORE = re.compile(
    r"\b(?:received|receiving|been\s+treated\s+with|treated\s+with|been\s+on|being\s+on|taken|taking)"
    r"\s+(?:(?:an?|the|prior|previous|first-line|1l|maintenance)\s+)?$")
# "... for 3 months", "(monotherapy) for at least 12 weeks", "treatment for 4 cycles" right after the name.
_FOR_LENGTH = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?:treatment|therapy|monotherapy|maintenance)\s+)?for\s+"
    r"(?:(?:at\s+least|a\s+minimum\s+of|minimum|more\s+than|over|approximately|about|around|up\s+to|between|"
    r"no\s+less\s+than|not\s+less\s+than)\s+)?(?:\d{1,2}|one|two|three|four|five|six|eight|nine|twelve)\s*(?:\+\s*)?"
    r"(?:(?:-|to|and|or)\s*\d{1,2}\s*)?(?:weeks?|months?|cycles?|courses?|doses?|infusions?)\b")
# A negation before the exposure: "have not received X for ..." is another kind of sentence.
_NEGATED = re.compile(r"\b(?:not|never|no|without|nor)\b")
_FIRST_LINE = re.compile(r"\b(?:first|1st)[\s-]*line\b|\b1l\b|\bfront[\s-]*line\b")
# "with no documented disease progression", "without progression", "who have not progressed", "non-progressive".
_NO_PROGRESSION = re.compile(
    r"\b(?:no|without|absence\s+of|free\s+of|no\s+evidence\s+of)\s+(?:(?:documented|confirmed|radiographic|radiologic"
    r"|radiological|clinical|objective|evidence\s+of|signs\s+of|disease|prior|any)\s+)*progression\b"
    r"|\b(?:has|have|had)\s+not\s+(?:yet\s+)?progressed\b|\bwithout\s+(?:disease\s+)?progressing\b"
    r"|\bnon-?progressi(?:ve|ng)\b")
# Progression on the drug asked for elsewhere in the sentence: the opposite of a course going well.
_PROGRESSED = re.compile(r"\b(?:progressed|relapsed|refractory|failed|failure)\b")


def first_line_course(norm: str, mentions: list[Mention]) -> Mention | None:
    """The drug whose first-line course the sentence asks for (taken for a length, no progression), or None."""
    if "line" not in norm and "1l" not in norm:
        return None  # every such sentence names the first line
    if "progress" not in norm or not _FIRST_LINE.search(norm) or not _NO_PROGRESSION.search(norm):
        return None
    if _PROGRESSED.search(_NO_PROGRESSION.sub(" ", norm)):
        return None
    for mention in mentions:
        if mention.systemic or mention.generic:
            continue
        exposed = _EXPOSED_BEFORE.search(norm, max(0, mention.start - 40), mention.start)
        if exposed is None or not _FOR_LENGTH.match(norm, mention.end):
            continue
        if _NEGATED.search(norm, max(0, exposed.start() - 30), exposed.start()):
            return None
        return mention
    return None
