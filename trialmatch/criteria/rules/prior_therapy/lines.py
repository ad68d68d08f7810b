"""How many earlier lines of treatment a criterion allows: "no more than 2 prior regimens",
"at least one prior line", "1-2 lines of chemotherapy", "progressed after second-line therapy",
"as first-line treatment".

Counts may be of treatment lines in general or of one class ("chemotherapy regimens"); counts of
cycles or doses are not lines and only mark the requirement as something the profile cannot show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from trialmatch.criteria.rules.comparators import NEGATION
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.terms import Mention

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a single": 1, "single": 1}
_NUM = r"(?P<n>\d{1,2}|one|two|three|four|five|six|a single|single)"
# "exceeding 2 lines", "in excess of two regimens": more than the number. ("Not exceeding" is in _AT_MOST.)
_AT_LEAST = (r"at least|\u2265|>=|a minimum of|minimum of|more than|greater than|>|over|(?:to\s+)?exceed(?:s|ing|ed)?"
             r"|in excess of")
_AT_MOST = (
    r"no more than|not more than|at most|a maximum of|maximum of|up to|\u2264|<=|fewer than|less than|<"
    r"|not exceeding|not to exceed|no greater than"
    # "Limit of 2 prior EGFR TKIs", "limited to one prior regimen": a ceiling.
    r"|(?:a\s+)?limit\s+of|limited\s+to"
    # "Only one prior line of chemotherapy is allowed": "only" with an allowance after the count is a ceiling.
    r"|only(?=\s+(?:\d{1,2}|one|two|three|a single|single)\b[^.;]{0,80}?\b(?:is|are)\s+(?:allowed|permitted"
    r"|acceptable|accepted)\b)"
)
# "Exactly one prior line", "one and only one prior regimen": a floor and a ceiling at once (an inclusion's).
_EXACTLY = r"exactly|precisely|one\s+and\s+only(?=\s+one\b)"
_LEAD = guarded(
    # "At least has one type of platinum chemotherapy", "at least received two regimens": the verb inside the count.
    rf"(?P<q>{_AT_LEAST}|{_AT_MOST}|{_EXACTLY})\s*(?:(?<=at least )(?:has|have|had|received)\s+)?{_NUM}\b"
    r"|\b(?P<more>\d|one|two|three)\s+or\s+more\b"
)
# The number after the unit: "lines of therapy must not be more than 2", "prior regimens do not exceed two", "lines
# exceeding 2". A negation right before the comparison word (comparators.NEGATION) reverses it.
_POSTFIX = guarded(
    r"\b(?P<unit>lines?|regimens?)\b(?P<mid>[^,;.()]{0,60}?)"
    rf"(?:{NEGATION})?(?P<q>{_AT_LEAST}|{_AT_MOST})\s*{_NUM}\b"
)
# The digit first, the look behind it after: the engine then skips to the next digit by itself.
_RANGE = re.compile(r"(?P<a>\d)(?<![\d.]\d)\s*(?:-|to|or)\s*(?P<b>\d)(?![\d.%])")
# Every count names a number: in digits or one of _NUM's words (read as substrings: a necessary condition).
_DIGIT = re.compile(r"\d")
# Spelt-out ranges from nothing: "zero or one prior lines", "none to two prior regimens", "treatment-naive or
# having received one prior line", "no prior systemic therapy, or one prior line of chemotherapy": 0..N lines.
# An aside in brackets counts as one step of the gap: "treatment-naive (i.e., no prior systemic therapy in the
# metastatic setting) or have received one prior line" (its "i.e." is no sentence end).
_LINE_AHEAD = r"(?=\s+(?:prior\s+|previous\s+|earlier\s+)?(?:systemic\s+)?(?:lines?|regimens?)\b)"
_ZERO_TO = guarded(
    r"\b(?:zero|none|nil)\s*(?:or|to|-|through|and)\s*(?P<n>one|two|three|[1-3])\b" + _LINE_AHEAD
    + r"|\b(?:zero|nil)\b" + _LINE_AHEAD
)
_NAIVE_OR = guarded(
    r"(?:\b(?:(?:treatment|therapy|systemic therapy|systemic treatment)[\s-]+)?na[i\u00ef]ve\b|\b(?:previously\s+)?"
    r"untreated\b|\bno prior (?:systemic )?(?:therapy|treatment)\b)(?:[^;.()]|\([^()]{0,120}\)){0,40}?"
    r"\bor\s+(?:having\s+|have\s+|has\s+)?"
    r"(?:(?:received|had|after|following|progressed (?:on|after)|previously treated with|treated with)\s+)?"
    r"(?:(?:exactly|only)\s+)?(?P<n>one|two|[12]|a single)\b" + _LINE_AHEAD
)


def spelt_ranges(norm: str) -> str:
    """The sentence with ranges that start at nothing written as digits ("0-1 prior lines"), which count_limits
    reads as one range: neither side of "naive or one line" is lost."""
    if "zero" in norm or "none" in norm or "nil" in norm:
        norm = _ZERO_TO.sub(lambda m: f"0-{_number(m.group('n'))}" if m.group("n") else "no", norm)
    if " or " in norm and ("na" in norm or "untreated" in norm or "no prior" in norm):
        norm = _NAIVE_OR.sub(lambda m: f"0-{_number(m.group('n'))}", norm)
    return norm
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "single")
_UNIT = guarded(r"(?<![\w-])(?:lines?|regimens?|therap(?:y|ies)|treatments?)\b")
# Words that show a number is about something else: "SUVmax > 5 on routine pre-treatment PET".
_ELSEWHERE = re.compile(r"\b(?:on|in|at|with|from|for|to|by|per|the|x|times)\b")
_NOT_LINES = re.compile(
    r"\b(?:cycles?|courses?|doses?|infusions?|months?|weeks?|days?|years?|hours?|lesions?|sites?|organs?|cm|mm|gy|cgy"
    r"|mg|ml|kg|fractions?|half|lives|times|x|points?|score|grade)\b|%"
)
_NEGATED = re.compile(r"(?:\b(?:not|no|never)|\bcannot)\b(?:\s+(?:have|has|had|be|been|received|receive|with))*\s*$")
_CYCLES = re.compile(r"\b(?:cycles?|courses?|doses?|infusions?)\b")
_CYCLE_WORDS = ("cycle", "course", "dose", "infusion")  # one of them is in every _CYCLES match
_BOUNDARY = re.compile(r"[,;:.]|\b(?:and|or)\b(?!\s+(?:no|not|at|up|fewer|less|more|a maximum|maximum|\d))")

_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_ORD_VALUE = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_ORDINAL_LINE = guarded(
    rf"\b(?P<ords>{_ORD}(?:[\s,/-]*+(?:(?:or|and)[\s,/-]*+)?{_ORD})*+)[\s-]*+lines?\b"
    r"(?P<later>\s+(?:or|and)\s+(?:later|beyond|above|more|subsequent))?"
)
# Ordinals joined as alternatives ("first/second", "1st or 2nd", "second and/or third"), not "first and second".
_EITHER_ORD = re.compile(r"/|\bor\b")
_SHORT_LINE = guarded(r"\b(?P<n>[1-4])l\s+(?:and|or)\s+(?:beyond|later|above|after)\b")
# "as 1L treatment", "in the 2L setting": a line position in its short form.
_SHORT_POSITION = guarded(r"\b(?P<n>[1-4])l\s+(?:treatment|therapy|setting|regimen|systemic|standard)\b")
_AFTER_CUE = re.compile(
    r"\b(?:progress\w*|fail\w*|after|following|beyond|post|refractory|relaps\w*|intoleran\w*|resist\w*)\b"
)
# Words before "first-line X" showing that line already happened ("treated with first-line osimertinib").
_HISTORY_CUE = re.compile(
    r"\b(?:previous\w*|prior|received|complet\w*|setting|had|history|treated|progress\w*|fail\w*|resist\w*"
    r"|relaps\w*|after|following|exposed|experienced|given|administered|finish(?:ed|ing)|underw\w+|undergone"
    # "Initiated first-line nivolumab and ipilimumab": a line started, had (not "initiating", still to come).
    r"|initiated|started|began|begun|commenced"
    # "1 month of clearance needed for first-line chemotherapy": a washout after a line had, not the line to come.
    r"|clearance|wash-?out)\b"
)
# "..., and had to be eligible for second-line treatment": the line to come, whatever history was told before it.
_PLANNED_RIGHT_BEFORE = re.compile(
    r"\b(?:eligible|candidates?|suitable|fit|scheduled|planned|indicated)\s+(?:for|to receive)\s+(?:an?\s+|the\s+)?$"
    r"|\b(?:to|will) receive\s+(?:an?\s+|the\s+)?$")
# "First line chemotherapy used a platinum doublet and failed": the line is the subject of a failure told after it,
# a line had (at least one), not the line to come. Words that make the failure someone else's or a condition
# ("patients who", "after", "unless") end the reading; so do words before the line that plan it.
_FAILED_LATER = re.compile(
    r"\b(?:failed|(?:has|have|had) failed|progressed|was ineffective|(?:was|were) not effective|did not work)\b")
# "First-line (EGFR-TKI) treatment failure", "first-line chemotherapy failure": the noun right after the line's
# treatment says the same as "failed".
_FAILURE_NOUN = re.compile(
    r"[\s-]*(?:(?:[a-z0-9-]+\s+){0,3}?(?:treatments?|therap(?:y|ies)|chemotherapy|regimens?|tkis?)\s+)?"
    r"(?:failure|progression|resistance)\b")
_FAILED_BLOCK = re.compile(
    r"\b(?:who|whose|which|patients?|subjects?|after|following|if|when|unless|before|not|no|planned|receive)\b|[;:]")
_WHICH_RIGHT_BEFORE = re.compile(r",?\s*(?:which|that)\s+$")
_PLANNED_BEFORE = re.compile(
    r"\b(?:receiv\w*|eligible|candidates?|suitable|fit|scheduled|planned|will|to be|naive|untreated|no|not|without)\b")
# "alterations ... for which there are approved targeted first-line therapies", "a driver with an approved
# first-line treatment": the line qualifies a driver (a therapy exists for it), not the patient's line to come.
_AVAILABLE_FOR_DRIVER = re.compile(
    r"\bfor which\b[^.;]{0,160}$"
    r"|\b(?:alteration|mutation|driver|oncogene|aberration|rearrangement|fusion|variant)s?\b[^.;]{0,160}"
    r"\b(?:approved|available)\s+(?:(?:and|or)\s+(?:approved|available)\s+)?(?:targeted\s+)?$")
# "EGFR mutation confirmed ... before the first-line treatment with EGFR-TKIs", "biopsy collected before first-line
# therapy": the line only dates a test or sample (when it was taken), it says nothing of the patient's line.
_DATING_BEFORE = re.compile(r"\b(?:before|prior\s+to|ahead\s+of)\s+(?:the\s+|any\s+|starting\s+|(?:the\s+)?"
                            r"(?:start|initiation|beginning)\s+of\s+(?:the\s+)?)?$")
_TESTED = re.compile(r"\b(?:confirm\w*|detect\w*|document\w*|collect\w*|obtain\w*|biops\w*|specimens?|samples?"
                     r"|tissues?|test\w*|identif\w*|diagnos\w*|assess\w*|determin\w*|sequenc\w*|ngs|pcr|archiv\w*"
                     r"|available|histolog\w*|cytolog\w*)\b")
# "Diagnosed with stage IV NSCLC, to be enrolled prior to first-line therapy": the patient's entry is dated, the
# first-line rule stands.
_ENTRY = re.compile(r"\b(?:enrol\w*|regist\w*|randomi[sz]\w*|entry|entering|included|inclusion|treated|receiv\w*)\b")
_CURRENT_CUE = re.compile(r"\b(?:currently|receiving|using|are on|is on|ongoing|on treatment|continu\w*)\b")


@dataclass(frozen=True)
class LineLimit:
    """A limit on earlier lines (min/max), maybe of one class only, and the text span it used."""

    start: int
    end: int
    min: int | None = None
    max: int | None = None
    of: tuple[str, ...] | None = None  # items counted; None = lines of any treatment
    cycles: bool = False  # a count of cycles or doses, not of lines
    soft: bool = False
    early_maybe: bool = False  # drugs listed with no line may still be the line asked for (given for stage III)
    position: bool = False  # the line the study's treatment is given as ("as first-line"), not a count
    bound: bool = False  # only an outer bound beside a soft limit that says the rest


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS[text]


def _counted(text: str, start: int, mentions: list[Mention]) -> tuple[int, tuple[str, ...] | None, bool] | None:
    """What follows a number: (end of phrase, class counted or None, is-a-cycle-count); None if not lines."""
    stop = _BOUNDARY.search(text, start, min(len(text), start + 80))
    limit = stop.start() if stop else min(len(text), start + 80)
    unit = _UNIT.search(text, start, limit)
    other = _NOT_LINES.search(text, start, limit)
    named = next((m for m in mentions if start <= m.start < limit), None)
    starts = [m.start() for m in (unit, other) if m is not None] + ([named.start] if named else [])
    first = min(starts, default=None)
    if first is None or _ELSEWHERE.search(text, start, first):
        return None
    if other is not None and unit is not None and unit.start() == first and _CYCLES.match(text, other.start()) \
            and not text[unit.end():other.start()].strip():
        return (other.end(), None, True)  # "2 consecutive treatment cycles": cycles of one treatment, not lines
    if other is not None and other.start() == first:
        # "at least 2 cycles" is a cycle count; "at least 18 years" is not a count of treatment at all.
        return (other.end(), None, True) if _CYCLES.match(text, other.start()) else None
    if named is not None and named.start == first:
        last, items = _alternatives(text, named, mentions)
        end = unit.end() if unit else last
        return (max(end, last), items, False)
    assert unit is not None
    # "lines of chemotherapy": the class comes after the unit.
    after = next((m for m in mentions if unit.end() <= m.start <= unit.end() + 24), None)
    if after is not None and _OF_BETWEEN.fullmatch(text, unit.end(), after.start):
        last, items = _alternatives(text, after, mentions)
        if unit.group().startswith("treatment") and items is not None and text[unit.end():after.start].strip() == "of":
            # "Have had at least 2 treatments of platinum chemotherapy": in lay words a treatment of a named drug is
            # a cycle of it (not "2 treatments of prior systemic therapy", nor "2 lines of chemotherapy").
            return (unit.end(), None, True)
        return (last, items, False)
    if unit.group().startswith("line") and _UNNAMED_CLASS.match(text, unit.end()):
        return None  # lines of one class this reader cannot name: no count of all lines
    return (unit.end(), None, False)


# "more than 1 prior line of any other PARPi-based regimen", "lines of an ADC-containing regimen": lines of a class
# named in words the vocabulary does not know, not lines of any treatment.
_UNNAMED_CLASS = re.compile(r"\s+of\s+(?:an?\s+|any\s+|the\s+)?(?:other\s+)?[a-z0-9/()]{2,20}(?:\s+[a-z0-9/()]{2,20})?"
                            r"[\s-]+(?:based|containing)\b")


# "lines of previous treatment", "regimens of prior systemic therapy": the words between a unit and its class.
_OF_BETWEEN = re.compile(r"\s*of(?:\s+(?:prior|previous|earlier|past))?(?:\s+systemic)?\s*")
_OR_GAP = re.compile(r"\W*(?:(?:and/)?or|/)\W*(?:(?:an?|the)\s+)?")


def _alternatives(text: str, first: Mention, mentions: list[Mention]) -> tuple[int, tuple[str, ...] | None]:
    """The end and the items of a counted class with its "or" alternatives: "one line of platinum doublet or
    anti-PD-1 therapy" counts either. None when one of them is any systemic therapy."""
    chosen = [first]
    for mention in mentions:
        if mention.start >= chosen[-1].end and _OR_GAP.fullmatch(text, chosen[-1].end, mention.start):
            chosen.append(mention)
    if any(m.systemic for m in chosen):
        return chosen[-1].end, None
    return chosen[-1].end, tuple(dict.fromkeys(i for m in chosen for i in m.items))


_LOWER_BOUND_WORDS = ("at least", "\u2265", ">=", "a minimum", "minimum", "more", "greater", ">", "over", "exceed",
                      "to exceed", "in excess")
_STRICT = ("more than", "greater than", ">", "over", "fewer than", "less than", "<", "in excess of")


def _strict(q: str) -> bool:
    return q in _STRICT or q.startswith(("exceed", "to exceed"))


def _negated(q: str) -> str:
    """The comparison a negation before `q` leaves: not more than n is at most n, no fewer than n is at least n."""
    if q.startswith(_LOWER_BOUND_WORDS):
        return "at most" if _strict(q) else "fewer than"
    return "at least" if _strict(q) else "more than"


def _limits(q: str, n: int, section: str) -> tuple[int | None, int | None]:
    """(min, max) for "q n" written in an inclusion (a requirement) or an exclusion (a ban)."""
    strict = _strict(q)
    if q.startswith(_LOWER_BOUND_WORDS):
        low = n + 1 if strict else n
        return (low, None) if section != "exclusion" else (None, low - 1)
    high = n - 1 if strict else n
    return (None, high) if section != "exclusion" else (high + 1, None)


# "at least 1 additional (further, other) therapy": counted besides a treatment named just before.
_ADDITIONAL = re.compile(r"\s+(?:additional|further|other|subsequent|more)\b")
_JOINED_BY = re.compile(r"\b(?:and|plus|followed by|then|as well as)\b")


def _besides_named(text: str, match: re.Match[str], mentions: list[Mention]) -> bool:
    """Whether a count of "additional" lines follows a named treatment joined to it ("X and at least 1 additional
    line"), so that the named one adds a line."""
    if not _ADDITIONAL.match(text, match.end()):
        return False
    before = [m for m in mentions if m.end <= match.start() and match.start() - m.end <= 60]
    return bool(before) and not before[-1].systemic \
        and _JOINED_BY.search(text, before[-1].end, match.start()) is not None


# Named treatments given together or one after the other: "a platinum doublet and an ICI", "X followed by Y".
_BOTH = re.compile(r"\b(?:and|plus|with|followed\s+by|then|as\s+well\s+as)\b|\+")


def additional_cap(text: str, match: re.Match[str], mentions: list[Mention], high: int) -> tuple[int, int | None]:
    """(firm cap, softer cap or None) on all lines for a cap of `high` "additional" lines: beyond one treatment
    named before the count ("osimertinib, and up to 2 additional lines") the line it took is added; beyond two
    named together ("platinum and an ICI, concurrently or sequentially"), or beyond none named (the treatment is
    asked for in another sentence, maybe a line or two), one line more may or may not be theirs: over high + 1 is a
    question, over high + 2 is over the cap."""
    before = [m for m in mentions if not m.systemic and m.end <= match.start() and match.start() - m.end <= 200]
    one = bool(before) and not any(_BOTH.search(text, a.end, b.start) for a, b in zip(before, before[1:],
                                                                                      strict=False))
    return (high + 1, None) if one else (high + 2, high + 1)


# "More than 2 prior lines of therapy are not allowed" in an inclusion: the count is a ban. Only the words of the
# counted phrase may come between; a clause of its own ("..., patients who ... are not eligible") is another rule.
_BANNED_AFTER = guarded(
    r"(?:\s+(?:of|prior|previous|earlier|systemic|anti-?cancer|therap(?:y|ies)|treatments?|lines?|regimens?|for|in"
    r"|the|advanced|metastatic|recurrent|disease|nsclc|setting))*+\s*,?\s*(?:are|is|will\s+be|shall\s+be|would\s+be)"
    r"\s+(?:not\s+(?:be\s+)?(?:permitted|allowed|acceptable|eligible|accepted)|excluded|ineligible|prohibited)\b"
)


def _banned(text: str, end: int, section: str) -> str:
    """The section a count reads in: an inclusion's count followed by "are not allowed" reads as an exclusion."""
    if section != "exclusion" and _BANNED_AFTER.match(text, end):
        return "exclusion"
    return section


# The treatment a count follows, as its head: "prior systemic therapy not exceeding two lines", "prior therapy in
# excess of 2 lines", "prior chemotherapy, up to 2 regimens". The count then says how much of it: the name is not a
# treatment asked for (or banned) of its own.
# In an inclusion, "must have received prior systemic therapy, not exceeding two lines" still asks for the treatment.
_HEAD_GAP = re.compile(r"\s*[,:-]?\s*(?:(?:with|of|totall?ing|comprising)\s+)?")
_HAD_BEFORE = re.compile(r"\b(?:receiv\w*|had|treated|progress\w*|fail\w*|after|following|refractory|relaps\w*)\b")


def _head(text: str, start: int, mentions: list[Mention], section: str) -> Mention | None:
    before = [m for m in mentions if m.end <= start]
    if not before or not _HEAD_GAP.fullmatch(text, before[-1].end, start):
        return None
    head = before[-1]
    if section != "exclusion" and _HAD_BEFORE.search(text, max(0, head.start - 40), head.start):
        return None
    return head


_EXCEPTION_BEFORE = re.compile(r"\b(?:with\s+the\s+exception\s+of|except(?:\s+for)?|other\s+than|besides"
                               r"|apart\s+from)\s*$")
_MID_NEGATION = re.compile(r"\b(?:not|no|never|cannot)\b|n't\b")
_GRADE_BEFORE = re.compile(r"\bgrades?\s*$")


def count_limits(text: str, mentions: list[Mention], section: str) -> list[LineLimit]:
    """Numeric limits: "at least one prior line", "more than 3 prior regimens", "1-2 lines of chemotherapy"."""
    out: list[LineLimit] = []
    if not _DIGIT.search(text) and not any(word in text for word in _NUMBER_WORDS):
        return out  # _LEAD, _POSTFIX and _RANGE all need a number
    if not mentions and not _UNIT.possible(text) and not any(word in text for word in _CYCLE_WORDS):
        # A number counts something only when a unit, a cycle word or a name follows (_counted); _POSTFIX
        # needs "line" or "regimen", which _UNIT also needs. Lab values and ages stop here.
        return out
    for match in _LEAD.finditer(text):
        if _GRADE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "neuropathy grade >= 2 after prior paclitaxel": a toxicity grade, not a count
        more = match.group("more")
        q, n = ("at least", _number(more)) if more else (match.group("q"), _number(match.group("n")))
        counted = _counted(text, match.end(), mentions)
        if counted is None:
            continue
        end, of, cycles = counted
        if cycles:
            out.append(LineLimit(match.start(), end, cycles=n >= 2))
            continue
        # "must not have received more than 2 prior lines" reads like an exclusion of "more than 2".
        negated = bool(_NEGATED.search(text, max(0, match.start() - 30), match.start()))
        flipped = ("inclusion" if section == "exclusion" else "exclusion") if negated else section
        if section == "exclusion" and _EXCEPTION_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            # "Prior systemic therapy, with the exception of up to 1 line of chemotherapy": the count is how much of
            # the exception is let in, a cap as in an inclusion, not a count that bans.
            flipped = "inclusion"
        if q.startswith(("exactly", "precisely", "one")):
            if negated or _banned(text, end, flipped) == "exclusion" or of is not None:
                # "Patients with exactly one prior line are excluded": no floor or ceiling says that. "Exactly one
                # prior ALK TKI": a count of one class, which the class (asked for) says better than a count.
                continue
            low: int | None = n
            high: int | None = n
        else:
            low, high = _limits(q, n, _banned(text, end, flipped))
        head = _head(text, match.start(), mentions, section)
        if head is not None and of is None and not head.systemic:
            of = head.items  # "prior chemotherapy exceeding 2 regimens": regimens of chemotherapy
        if high is not None and of is None and low != high and _ADDITIONAL.match(text, match.end()):
            # "a platinum doublet and an ICI, and no more than one additional line": a cap on lines beyond the
            # treatment named (or, unnamed, one asked for elsewhere), not on all lines (additional_cap).
            firm, soft_cap = additional_cap(text, match, mentions, high)
            if soft_cap is not None:
                out.append(LineLimit(match.start(), end, low, soft_cap, soft=True))
            high = firm
        out.append(LineLimit(head.start if head else match.start(), end, low, high, of))
        if low is not None and high is None and of is None and _besides_named(text, match, mentions):
            # "after both a platinum doublet and at least 1 additional systemic therapy": the named treatment is
            # a line of its own too, unless it was given with the other or before the disease was advanced.
            out.append(LineLimit(match.start(), end, low + 1, None, soft=True))
    for match in _POSTFIX.finditer(text):
        if any(limit.start <= match.start() < limit.end for limit in out):
            continue
        if _NOT_LINES.match(text, match.end() + 1):
            continue  # "first-line treatment at least 4 weeks before": the number counts weeks, not lines
        n = _number(match.group("n"))
        # "prior regimens must not number more than two": a negation further back in the phrase reverses it too.
        reversed_ = bool(match.group("neg") or _MID_NEGATION.search(match.group("mid")))
        q = _negated(match.group("q")) if reversed_ else match.group("q")
        before = [m for m in mentions if match.start() - 40 <= m.start < match.start("q")]
        named = next((m for m in before if not m.systemic), None)
        low, high = _limits(q, n, _banned(text, match.end(), section))
        start = min([match.start(), *(m.start for m in before)])
        out.append(LineLimit(start, match.end(), low, high, named.items if named else None))
    if section != "exclusion":
        out += _only_caps(text, out, mentions)
        for match in _RANGE.finditer(text):
            counted = _counted(text, match.end(), mentions)
            if counted is None or any(limit.start <= match.start() < limit.end for limit in out):
                continue
            end, of, cycles = counted
            low, high = int(match.group("a")), int(match.group("b"))
            if cycles or low > high:
                continue
            out.append(LineLimit(match.start(), end, low, high, of))
    return out


# "Only one prior regimen", "only 2 prior lines of systemic therapy", "one prior line only", "two previous regimens
# only": "only" with a count of lines (not of one class) is a ceiling, said in an inclusion. (Whether the patient must
# have had that many is the sentence's other words: "must have received one prior line only" asks for one too.)
_ONLY_BEFORE = guarded(rf"\bonly\s+{_NUM}" + _LINE_AHEAD)
_ONLY_AFTER = guarded(rf"\b{_NUM}\s+(?:prior\s+|previous\s+|earlier\s+)?(?:systemic\s+)?(?:lines?|regimens?)"
                      r"(?:\s+of\s+(?:prior\s+|previous\s+)?(?:systemic\s+)?(?:anti-?cancer\s+)?(?:therapy|treatment))?"
                      r"(?:\s+(?:for|in)\s+(?:the\s+)?(?:advanced|metastatic|recurrent)(?:\s+(?:disease|setting))?)?"
                      r"\s+only\b")


def _only_caps(text: str, found: list[LineLimit], mentions: list[Mention]) -> list[LineLimit]:
    """Ceilings said with "only" (_ONLY_BEFORE, _ONLY_AFTER) that no other count already read."""
    if "only" not in text:
        return []
    caps = []
    for match in (*_ONLY_BEFORE.finditer(text), *_ONLY_AFTER.finditer(text)):
        if any(limit.start <= match.start("n") < limit.end and limit.max is not None for limit in found):
            continue
        counted = _counted(text, match.end("n"), mentions)
        if counted is None or counted[1] is not None or counted[2]:
            continue  # "only one prior line of EGFR TKI therapy": lines of one class, which its own reader counts
        n = _number(match.group("n"))
        # "must have received one prior line only", "progressed after only one prior regimen": that many, had.
        had = _HAD_BEFORE.search(text, max(0, match.start() - 40), match.start()) is not None
        caps.append(LineLimit(match.start(), match.end(), n if had and n >= 1 else None, n))
    return caps


# "Patients who (have) progressed on ..." opening the clause, and "... are not eligible" closing it: a group left out.
_WHO_BEFORE = re.compile(
    r"(?:^|[;:.]\s*)(?:(?:patients|subjects|participants|those|people)\s+)(?:who|whose|that)\b[^;:.]*$")
_GROUP_OUT_AFTER = re.compile(
    r"[^;:.]{0,60}?\b(?:are|is|will|shall|would|can|cannot|may|must|should)\s+(?:not\s+)?(?:be\s+)?(?:not\s+)?"
    r"(?:eligible|permitted|allowed|accepted|included|excluded|ineligible|enrol\w*|admitted|participate)\b")
_NOT = re.compile(r"\b(?:not|cannot)\b|\b(?:excluded|ineligible)\b")


def _group_banned(text: str, start: int, end: int) -> bool:
    """Whether the line at text[start:end] is what a group of patients had who "are not eligible"."""
    if _WHO_BEFORE.search(text, 0, start) is None:
        return False
    out = _GROUP_OUT_AFTER.match(text, end)
    return out is not None and _NOT.search(out.group()) is not None


def group_out_clause(text: str) -> tuple[int, int] | None:
    """The span of "patients who progressed on first-line X are not eligible" in an inclusion (from "who" to the
    verdict), where the treatments named are those the group left out had, not ones asked for; or None."""
    if "who" not in text and "whose" not in text:
        return None
    for match in _ORDINAL_LINE.finditer(text):
        before = text[max(0, match.start() - 45):match.start()]
        if _AFTER_CUE.search(before) and _group_banned(text, match.start(), match.end()):
            who = _WHO_BEFORE.search(text, 0, match.start())
            out = _GROUP_OUT_AFTER.match(text, match.end())
            assert who is not None and out is not None
            return who.start(), out.end()
    return None


def _short_form(text: str) -> bool:
    """Whether a short line form ("1l" .. "4l") is in the text: _SHORT_LINE and _SHORT_POSITION need one, and their
    needles ("treatment", "after" ...) are in most sentences."""
    return "1l" in text or "2l" in text or "3l" in text or "4l" in text


def _failed_line(text: str, start: int, end: int) -> bool:
    """Whether the line at text[start:end] is the subject of a failure told after it ("first-line X ... failed")."""
    if _FAILURE_NOUN.match(text, end) and not _PLANNED_BEFORE.search(text, 0, start):
        return True
    failed = _FAILED_LATER.search(text, end, end + 120)
    if failed is None:
        return False
    # "First-line therapy consisted of a platinum doublet, which failed": the line's own failure.
    own = _WHICH_RIGHT_BEFORE.search(text, end, failed.start())
    return not _FAILED_BLOCK.search(text, end, own.start() if own else failed.start()) \
        and not _PLANNED_BEFORE.search(text, 0, start)


# "First-line chemotherapy must have comprised (included, lasted) ...", "the first-line regimen has to consist of at
# least 4 cycles": what the line was made of, told after it in the same clause. In the perfect it is a line had; in
# the present only with a least amount ("at least 4 cycles", "a minimum of 3 months"), which a line given on study
# is not told by.
_DESCRIBED_PERFECT = re.compile(
    r"[^.;:]{0,80}?\b(?:must|should|shall|has\s+to|have\s+to|needs?\s+to|is\s+required\s+to)\s+have\s+(?:been\s+)?"
    r"(?:consisted|comprised|included|contained|involved|lasted|continued|been\s+(?:given|administered)\s+for)\b")
_DESCRIBED_PRESENT = re.compile(
    r"[^.;]{0,80}?\b(?:(?:must|should|shall|has\s+to|have\s+to|needs?\s+to)\s+(?:consist|comprise|include|contain"
    r"|last)\b|(?:consisted|comprised|included|contained|lasted)\b|:)[^.;]{0,60}?\b(?:at\s+least|a\s+minimum\s+of"
    r"|minimum\s+of|\u2265|>=|no\s+(?:less|fewer)\s+than)\s*(?:\d+|one|two|three|four|five|six)\s*(?:cycles?|courses?"
    r"|doses?|infusions?|months?|weeks?)\b")


def described_line(text: str, start: int, end: int) -> str | None:
    """ "perfect" or "present" when the line at text[start:end] is described as given (`_DESCRIBED_PERFECT`,
    `_DESCRIBED_PRESENT`), None otherwise or when words before it plan it ("will receive first-line ...")."""
    if _PLANNED_BEFORE.search(text, max(0, start - 45), start):
        return None
    if _DESCRIBED_PERFECT.match(text, end):
        return "perfect"
    return "present" if _DESCRIBED_PRESENT.match(text, end) else None


def _dated_sample(text: str, start: int, before: str) -> bool:
    """Whether the line at `start` only dates a test or sample told before it in the same clause."""
    if not _DATING_BEFORE.search(before):
        return False
    clause = max(text.rfind(";", 0, start), text.rfind(".", 0, start)) + 1
    last = max((m.end() for m in _TESTED.finditer(text, clause, start)), default=None)
    return last is not None and not _ENTRY.search(text, last, start)


# "After progression on this first-line treatment, patients will receive X as second-line therapy", "the biopsy
# should be taken before this 1st-line therapy starts": "this" points back to a first line the trial itself plans
# (given or begun on study), so the lines the sentence names are the study's course, no count of earlier lines.
_THIS_FIRST_LINE = re.compile(r"\b(?:this|that|the\s+(?:same|above|planned|said))\s+(?:1st|first|front)[- ]?line\b")


def study_first_line(text: str) -> list[tuple[int, int]]:
    """Where the text points back to a first line the trial itself plans (`_THIS_FIRST_LINE`), each span with the
    treatment words right after it ("this first line of treatment"); [] for most texts."""
    if "line" not in text or ("th" not in text and "the " not in text):
        return []
    return [(m.start(), m.end() + 25) for m in _THIS_FIRST_LINE.finditer(text)]


# "Patients may be pre-screened while receiving first-line platinum chemotherapy", "can be registered during
# second-line therapy": a permission to take an early step (screening, consent, registration) during that line, no
# requirement to be in it; the trial's own line rule is written elsewhere.
_PERMITTED_DURING = re.compile(
    r"\b(?:may|can|could|(?:are|is)\s+(?:allowed|permitted)\s+to)\s+(?:also\s+|still\s+|already\s+)?(?:be\s+)?"
    r"(?:(?:pre-?)?(?:screen|regist|consent|enrol)\w*|approach\w*|identified|tested|sign\w*)\b"
    r"[^.;:]{0,60}?\b(?:while|whilst|during|when)\s+(?:(?:still|currently)\s+)?(?:(?:receiving|on|undergoing|getting"
    r"|being\s+treated\s+with)\s+)?(?:(?:the|their|a|an|his|her)\s+)?$")


def _permitted_during(text: str, start: int) -> bool:
    """Whether the line at `start` only times a permitted early step (_PERMITTED_DURING) in its clause."""
    clause = max(text.rfind(";", 0, start), text.rfind(".", 0, start), text.rfind(":", 0, start)) + 1
    return _PERMITTED_DURING.search(text, clause, start) is not None


# "a new line of systemic therapy in any line, including first line", "any treatment line (first line included)",
# "regardless of line, even first line": the ordinal is one example of "any line", not the line the trial asks for.
_ANY_LINE_EXAMPLE = re.compile(
    r"(?:\bany\s+(?:(?:treatment|therapy|therapeutic)\s+)?lines?(?:\s+of\s+(?:therapy|treatment))?"
    r"|\bregardless\s+of\s+(?:the\s+)?(?:treatment\s+)?line(?:\s+of\s+(?:therapy|treatment))?)"
    r"[\s,;(-]*(?:(?:including|incl\.?|e\.\s?g\.?,?|such\s+as|even|also|as\s+well\s+as|and|or)\s+)?(?:in\s+)?"
    r"(?:the\s+)?$")


# "(first-line or any later line)", "first line or any subsequent line": the ordinal opens a range of every line.
_OR_ANY_LATER = re.compile(
    r"\s*(?:or|and/or)\s+(?:in\s+)?(?:any\s+)?(?:later|subsequent|further|higher)\s+(?:treatment\s+)?lines?\b", re.I)


def _any_line_example(text: str, start: int, end: int | None = None) -> bool:
    """Whether the ordinal at `start` is an example of "any line" said right before it (_ANY_LINE_EXAMPLE), or the
    first of every line (_OR_ANY_LATER, after the ordinal ending at `end`)."""
    if end is not None and _OR_ANY_LATER.match(text, end):
        return True
    return _ANY_LINE_EXAMPLE.search(text, max(0, start - 70), start) is not None


def ordinal_limits(text: str) -> list[LineLimit]:
    """Line positions in words: "after second-line therapy" (>= 2 before), "as first-line treatment" (none before)."""
    out: list[LineLimit] = []
    planned: list[tuple[int, int, int, int | None]] = []
    short = _short_form(text)
    for match in _SHORT_LINE.finditer(text) if short else ():
        out.append(LineLimit(match.start(), match.end(), min=int(match.group("n")) - 1))
    for match in _ORDINAL_LINE.finditer(text):
        values = [_ORD_VALUE[w] for w in re.findall(_ORD, match.group("ords"))]
        before = text[max(0, match.start() - 45):match.start()]
        if _dated_sample(text, match.start(), before) or _permitted_during(text, match.start()) \
                or _any_line_example(text, match.start(), match.end() if min(values) == 1 else None):
            continue
        # "after first/second-line therapy", "failed first or second line": either line is enough, so the lower
        # count; "after first- and second-line therapy" asks for both.
        done = min(values) if _EITHER_ORD.search(match.group("ords")) else max(values)
        if _failed_line(text, match.start(), match.end()):
            out.append(LineLimit(match.start(), match.end(), min=done))
        elif (described := described_line(text, match.start(), match.end())) is not None:
            # "First-line chemotherapy must have comprised at least 4 cycles": the line had, described. Said in
            # the present ("has to consist of") it may still be the line's plan: a question for the untreated.
            out.append(LineLimit(match.start(), match.end(), min=done, soft=described == "present"))
        elif _AVAILABLE_FOR_DRIVER.search(text, max(0, match.start() - 240), match.start()):
            continue
        elif _PLANNED_RIGHT_BEFORE.search(before):
            # "progressed after X, and eligible for second-line treatment": the line to come. ("Eligible for
            # second-line or later therapy": that line or any after it, no cap.)
            planned.append((match.start(), match.end(), min(values) - 1,
                            None if match.group("later") else max(values) - 1))
        elif _AFTER_CUE.search(before) and _group_banned(text, match.start(), match.end()):
            # "Patients who have progressed on first-line therapy are not eligible": those past the line are out.
            out.append(LineLimit(match.start(), match.end(), max=done - 1))
        elif _AFTER_CUE.search(before):
            out.append(LineLimit(match.start(), match.end(), min=done))
        elif match.group("later"):
            out.append(LineLimit(match.start(), match.end(), min=min(values) - 1))
        elif not _HISTORY_CUE.search(text, 0, match.start()):
            planned.append((match.start(), match.end(), min(values) - 1, max(values) - 1))
    for match in _SHORT_POSITION.finditer(text) if short else ():
        if not _HISTORY_CUE.search(text, 0, match.start()):
            n = int(match.group("n")) - 1
            planned.append((match.start(), match.end(), n, n))
    planned.sort()
    if planned:
        # "as first-line and/or second-line treatment": one range of positions.
        low = min(p[2] for p in planned)
        highs = [p[3] for p in planned]
        high = None if None in highs else max(h for h in highs if h is not None)
        start, end = planned[0][0], planned[-1][1]
        out.append(LineLimit(start, end, low or None, high, position=True))
        if _CURRENT_CUE.search(text) and high is not None:
            # "Currently receiving first-line X": whether the line going on is counted is open (a question),
            # but a patient with two lines or more is past it either way.
            out[-1] = replace(out[-1], soft=True)
            out.append(LineLimit(start, end, low or None, high + 1, position=True, bound=True))
    return out


# "a platinum doublet or at least one targeted agent": a quantifier opening one "or" alternative says how much of
# that item, not a second count every patient must meet; the item stays an alternative of the names before it.
_OR_QUANTIFIER = re.compile(r"\b(?:and/)?or\s+(?P<q>at\s+least\s+(?:one|1)|one\s+or\s+more)\s+")
_ITEM_GAP = re.compile(r"^[\s,()]*$")
_ITEM_LEAD = re.compile(r"^(?:[a-z-]+\s+){0,3}$")


def without_or_item_quantifiers(text: str, mentions: list[Mention]) -> str:
    """The text with the "at least one" of an "or" alternative between two names made "a" ("a platinum doublet or
    a targeted agent"), so no count is read from it; the text itself when there is none."""
    if "or " not in text or len(mentions) < 2:
        return text
    for found in reversed(list(_OR_QUANTIFIER.finditer(text))):
        before = [m for m in mentions if m.end <= found.start()]
        after = next((m for m in mentions if m.start >= found.end()), None)
        if before and after and _ITEM_GAP.match(text[before[-1].end:found.start()]) \
                and _ITEM_LEAD.match(text[found.end():after.start]):
            text = f"{text[:found.start('q')]}a{text[found.end('q'):]}"
    return text
