"""A first-line course still going well: "Patients who have received pembrolizumab for 3 months but no longer than
6 months ... as first-line treatment with no documented disease progression".

The length is how long the drug was taken (its exposure), not a washout, so the sentence asks for the drug. It also
asks that the drug was the first line and that the disease has not progressed on it. A profile does not tell
progression, but a patient with two lines or more has left the first one (progressed, or stopped it): excluded.
With the drug and at most one line, how long and how well it went is a question (unknown); without it, excluded.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prior_therapy.lines import described_line
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


# The first line in use, in a study of that line: "Use of X as first-line therapy", "treated with X as front-line
# therapy", "treatment with X as 1L therapy". The words right before the names. "Receiving X" / "currently on X"
# (whether the line going on is counted is open) and "planned to receive X" (not started) are read in lines.py;
# "been treated with", "previously treated with" tell a line had (another kind of sentence).
_IN_USE_BEFORE = re.compile(
    r"\b(?:use\s+of|treated\s+with|treatment\s+with)\s+(?:(?:an?|the|approved|standard|any|one)\s+){0,3}$")
_NOT_IN_USE = re.compile(
    r"\b(?:been|previously|prior|already|were|was|had|have|has|not|never|no|without|planned|planning|scheduled"
    r"|will|to|candidates?|eligible|suitable|fit|currently)\s+(?:\w+\s+)?$")
_WORD_BEFORE = re.compile(r"[a-z]")
# "... as first-line therapy", "as the 1L treatment", "as front-line treatment" after the names (a few words on).
_AS_FIRST_LINE = re.compile(
    r"\bas\s+(?:(?:a|an|the|their|standard|initial)\s+)?(?:(?:first|1st|front)[\s-]*line|1l)\b")
# What the sentence says of a line had: progression, failure, "after", a duration: not the line in use.
_HISTORY = re.compile(
    r"\b(?:progress\w*|relaps\w*|refractory|fail\w*|resist\w*|after|following|post|beyond|complet\w*|intoleran\w*"
    r"|previous\w*|prior|discontinu\w*|stopped)\b")


def first_line_in_use(norm: str, mentions: list[Mention]) -> list[Mention]:
    """The treatments named as the first line in use or to come ("Use of X as first-line therapy"), or []. Such a
    line is the study's subject: an untreated patient may start it, a patient on it is in it (one line)."""
    position = _AS_FIRST_LINE.search(norm)
    if position is None or _HISTORY.search(norm) or described_line(norm, position.start(), position.end()):
        return []  # (described: "X given as first-line treatment must have lasted 6 months" is a line had)
    named = [m for m in mentions if m.end <= position.start()]
    if not named or any(m.systemic for m in named):
        return []
    head = norm[max(0, named[0].start - 40):named[0].start]
    verb = _IN_USE_BEFORE.search(head)
    # "Alectinib as first-line therapy.": the names open the sentence, with no verb at all.
    opening = verb is None and not _WORD_BEFORE.search(norm, 0, named[0].start)
    if not opening and (verb is None or _NOT_IN_USE.search(head, 0, verb.start())):
        return []
    if position.start() - named[-1].end > 60 or any(m.start >= position.end() for m in mentions):
        return []  # the first line far from the names, or more treatments after it: another shape of sentence
    return named


# "Planned to start, or currently receiving, first-line systemic therapy (chemotherapy, immunotherapy, or a
# combination)", "currently receiving or scheduled to begin first-line treatment": the line about to start or going
# on, either way the study's moment. The treatment named after the line describes it: neither asked for as had
# (the untreated patient about to start it fits) nor banned. The line position itself is read in lines.py.
_ABOUT_TO = (r"(?:planned|planning|scheduled|due|about|going|expected|intended)\s+to\s+"
             r"(?:start|begin|receive|initiate|commence)")
_ON_IT = r"(?:currently\s+)?(?:receiving|on|undergoing|being\s+treated\s+with)"
_STARTING_OR_ON = re.compile(
    rf"\b(?:{_ABOUT_TO}\s*,?\s+or\s+{_ON_IT}|{_ON_IT}\s*,?\s+or\s+(?:(?:be|are|is)\s+)?{_ABOUT_TO})"
    r"\s*,?\s+(?:(?:a|an|the|their|standard)\s+)?(?:(?:first|1st|front)[\s-]*line|1l)\b[^;.]*")


def line_starting_or_on(norm: str, mentions: list[Mention]) -> list[Mention]:
    """The treatments that describe a first line about to start or going on ("planned to start, or currently
    receiving, first-line X"), or []."""
    if " or " not in norm or "line" not in norm and "1l" not in norm:
        return []
    spans = [m.span() for m in _STARTING_OR_ON.finditer(norm)]
    return [m for m in mentions if any(a <= m.start < b for a, b in spans)]
