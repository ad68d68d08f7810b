"""Performance status: ECOG / WHO / Zubrod limits, and Karnofsky thresholds mapped to ECOG.

parse() turns every performance-status statement into a verdict per ECOG value (0-4), so
check() is a table lookup. Karnofsky maps to ECOG by bands (KPS 90-100 = ECOG 0, 70-80 = 1,
50-60 = 2, 30-40 = 3, 10-20 = 4); an ECOG value whose band straddles the threshold is unknown.
Several statements (cohorts, a limit repeated in both sections) combine permissively: a
patient who fits any one of them is not excluded.

A limit can only be a question, never an exclusion, when it is scoped by the shared reader to one
part, arm or marker group (a limit for another cancer's patients is dropped), when an exception
("unless", "except") or a cause ("due to comorbidities") follows it, when it is about a change in
score ("deterioration to 2 or more"), or when it is for a subgroup the check cannot place the
patient in ("for patients older than 70"; such a limit only adds questions to the others).
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any

from trialmatch.criteria.collector import collector_paused
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding, Verdict, no_requirement
from trialmatch.criteria.rules.comparators import NEGATION
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.performance_status import ages as age_rules
from trialmatch.criteria.rules.performance_status import cross
from trialmatch.criteria.rules.prefilter import AnyOf, guarded
from trialmatch.criteria.rules.reader import apply_scope, read_scope
from trialmatch.criteria.text import Criterion, LabelledField, TrialText, quote

NAME = "performance_status"

ECOG_VALUES = range(5)
# Karnofsky score band (low, high) for each ECOG value.
KPS_BANDS = {0: (90, 100), 1: (70, 80), 2: (50, 60), 3: (30, 40), 4: (10, 20)}
_RANK = {EXCLUDED: 0, UNKNOWN: 1, ELIGIBLE: 2}

# Words that name a performance scale. "PS" and "WHO" are upper case only ("who" is a pronoun).
_KPS_ANCHOR = r"(?i:karnofsky(?: performance)?(?: status| score| index| scale)?|\bKPS\b)"
_ECOG_ANCHOR = (
    r"(?i:\bECOG\b|eastern co-?operative oncology group|eastern cancer co-?operative group|\bzubrod\b"
    r"|performance status|performance score|physical status|performance)|\bPS\b|\bWHO\b"
)
_RPA_ANCHOR = r"(?i:\bRPA\b(?: class)?|recursive partitioning analysis(?: class)?)"
# Scales for children (Lansky) are read past, not taken for Karnofsky or ECOG.
_OTHER_ANCHOR = r"(?i:lansky(?: play)?(?:-| )?(?:performance)?(?: status| score| scale)?)"
ANCHOR = guarded(
    rf"(?P<other>{_OTHER_ANCHOR})|(?P<kps>{_KPS_ANCHOR})|(?P<rpa>{_RPA_ANCHOR})|(?P<ecog>{_ECOG_ANCHOR})"
)

# Negated comparison words ("not lower than 70", "must not be greater than 1", "does not exceed 1") are not listed
# one by one: a negation just before any comparator reverses it (not < is >=, not > is <=), see _bounds.
_NOT = NEGATION
# "< or = 2", "less or equal to 2", "inferior or equal to 2" (translated): a bound, not the value alone.
_OR_EQUAL = r"(?: than| to)? or equal(?: to)?"
_LE = (rf"<=|=<|≤|≦|⩽|<\s*or\s*=|(?:less|lower|smaller|inferior){_OR_EQUAL}|at most|up to|maximum(?: of)?")
_LT = r"<|less than|lower than|fewer than|below|under|inferior to"
_GE = (rf">=|=>|≥|≧|⩾|>\s*or\s*=|(?:greater|more|higher|larger|superior){_OR_EQUAL}|at least|minimum(?: of)?")
_GT = r">|greater than|more than|higher than|above|over|exceed(?:ing|s)?|superior to"
# "worse than 2" is a higher ECOG but a lower Karnofsky score.
_WORSE = r"worse than"
_BETTER = r"better than"
_PCT = r"(?:\s*%)?"
# The value part: a list "0, 1, or 2", a range "0-1" / "0 to 2" / "0 or 1", a comparison, or one value.
SPEC = re.compile(
    rf"(?P<list>(?<!\d)(?<!\d\.)(\d)\s*,\s*(\d)\s*,?\s*(?:or|and)\s*(\d)(?!\.?\d))"
    rf"|(?P<range>(?<!\d)(?<!\d\.)(?P<a>\d{{1,3}}){_PCT}\s*(?:-|–|—|~|～|to|through|or|and|/)\s*(?P<b>\d{{1,3}}){_PCT}(?!\.?\d))"
    rf"|(?P<cmp>{_NOT}?(?:(?P<le>{_LE})|(?P<ge>{_GE})|(?P<lt>{_LT})|(?P<gt>{_GT})|(?P<worse>{_WORSE})|(?P<better>{_BETTER}))\s*(?:of\s*|to\s*)?(?P<cn>\d{{1,3}}){_PCT}(?!\.?\d))"
    rf"|(?P<single>(?<!\d)(?<!\d\.)(?P<sn>\d{{1,3}}){_PCT}(?!\.?\d)(?![A-Za-z])"
    r"(?P<tail>\s*(?:or|and) (?:higher|greater|more|above|better|less|lower|below|worse|fewer))?)",
    re.I,
)
# After a number these words mean it is not a performance score ("within 2 weeks").
_UNIT_AFTER = re.compile(
    r"\s*(?:weeks?|days?|months?|years?|hours?|mg|g/|cm|mm|x|times|cycles?|lines?|prior|doses?|points?\s+(?:of|within|in|over|from|during|since|compared)\b"
    r"|lesions?|metast)",
    re.I,
)
# Between the scale name and its value: words only, no other numbers, no new clause.
_GAP_OK = re.compile(r"^[^\d;]{0,45}$")
# Numbers after these belong to another scale ("WHO grade 3", "stage 2").
_GAP_BAD = guarded(
    r"grade|stage|class|criteria|version|ctcae|toxicit|appendix|table|section|figure|page|ref"
    r"|declin|decreas|deteriorat|worsen|drop|reduc|chang"  # "no decrease of more than 1 point": not a score
    r"|\bindex|charlson|comorbidit",  # "and a Charlson comorbidity index of 3 or more": another score
    re.I,
)
# "Performance Status of Grade 0 or 1": "grade" right after the scale's own name is its value's word, not
# another scale's ("WHO grade 3" after a bare "WHO" stays another scale).
_GRADE_OF_SCALE = re.compile(r"^\s*(?:of|is|:|=)?\s*grade\s*(?:of|:|=)?\s*$", re.I)
_SCALE_NAME_END = re.compile(r"(?:status|\bps)\s*$", re.I)
_WINDOW = 60
_MAX_ALTERNATIVES = 6  # "0-1 for part A, 0-2 for part B": more than a few is noise, not cohorts
_ASIDE = re.compile(r"\([^()]{0,30}\)")  # "(Phase 1b)" between two values of one rule
_MORE_GAP_OK = re.compile(r"^[^\d;]{0,40}$")
# "ineligible for chemotherapy", "not eligible for surgery": a treatment the patient cannot have (a way in beside the
# score), not the score shut out.
_NEGATED = re.compile(
    r"\b(?:not (?:be )?(?:eligible|allowed|permitted|included|enrolled|acceptable)|ineligible"
    r"|(?:are|is|will be) excluded)\b(?!\s+(?:for|to)\s+(?!(?:this|the)\s+(?:study|trial|protocol)|study|trial"
    r"|participat|enrol|entry|inclusion|registration|randomi))",
    re.I,
)
_ALLOWED = re.compile(
    r"\b(?:(?:may|can|could|will|shall) be (?:enrolled|included|eligible|allowed|permitted|accepted)"
    r"|(?:are|is) (?:eligible|allowed|permitted)|not excluded)\b",
    re.I,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3}
_EXCEPTION_CUE = re.compile(r"\b(?:unless|except|exception)", re.I)
_CHANGE = re.compile(r"\b(?:declin|decreas|deteriorat|worsen|drop|reduc|chang|loss of|fall)\w*", re.I)
_CHANGE_LOOKBACK = 40
_OUR_PATIENTS = re.compile(r"\s*(?:advanced |metastatic |stage iv )?(?:nsclc|non-small|lung|solid tumou?r)", re.I)
_SUBGROUP = re.compile(
    r"\b(?:for|in|among) (?:those|patients|participants|subjects|pts|individuals) (?:aged|older|over|above|younger"
    r"|under|below|who|with|of age|[≥><≤])",
    re.I,
)
_CAUSE = re.compile(r"\b(?:due to|caused by|because of|secondary to|attribut\w+ to|resulting from)\b", re.I)
# A scale name right after "or"/"and": the next words are another performance limit, not another condition.
_SCALE_NEXT = r"(?!(?:with\s+|an?\s+)*(?:ECOG|WHO|PS|Zubrod|Karnofsky|KPS|Lansky|performance|eastern)\b)"
# "0, 1, or missing", "KPS >= 70 or unknown": a score not on record, not another way in for a known score.
_NOT_RECORDED = (r"(?:missing|unknown|unavailable|not (?:available|known|documented|assessed|recorded|reported"
                 r"|done))\b")
_NOT_RECORDED_WORDS = re.compile(rf"\b(?:(?:or|and/or)\s+)?{_NOT_RECORDED}", re.I)
# "Age >= 70 or ECOG 2", "aged 75 or older, or with an ECOG PS of 2": another way in, before the limit.
_OR_BEFORE = re.compile(r"\b(?:or|and/or)\s+(?:(?:with|have|has|having)\s+)?(?:(?:an?|the)\s+)?\(?\s*$", re.I)
# "ECOG 2 or creatinine clearance < 45", "ECOG PS 2, age > 75, or comorbidity": another way in, after it.
_OR_AFTER = re.compile(
    rf"\s*,?(?:[^,;()]{{1,40}},){{0,3}}\s*(?:or|and/or)\s+{_SCALE_NEXT}(?!{_NOT_RECORDED})[a-z(<>≥≤]", re.I
)
# "ECOG PS 2 and age > 70" as an exclusion: only patients meeting both are kept out.
_AND_BEFORE = re.compile(r"\b(?:and|plus)\s+(?:(?:an?|the)\s+)?$", re.I)
_AND_AFTER = re.compile(rf"\s*,?\s*(?:and(?!/)|who|plus|together with|in combination with)\s+{_SCALE_NEXT}[a-z(<>≥≤]",
                        re.I)
# Beside a score, conditions that are everyone's and no part of the score's own door ("ECOG 0-1 and life expectancy
# of at least 12 weeks", "and adequate organ function"): the shared labels read these as plain limits.
_PLAIN_CONJUNCT = re.compile(
    r"\s*,?\s*(?:and|plus|with)\s+(?:an?\s+|the\s+)?(?:(?:estimated|expected|anticipated)\s+)?(?:life expectancy"
    r"|expected survival|survival expectancy|adequate\b|normal (?:organ|bone marrow|hepatic|renal|liver|kidney)\b"
    r"|(?:age[ds]?|adults?)\s*(?:[≥>]=?|of at least|at least|over)?\s*18\b|signed|written|informed consent|able to"
    r"|ability to|willing)",
    re.I,
)
_WITH_AFTER = re.compile(rf"\s*,?\s*with\s+{_SCALE_NEXT}[a-z(<>≥≤]", re.I)  # "ECOG 0-1 with creatinine clearance < 50"
_CLAUSE_BREAK = re.compile(r"[;:.]")
_PAREN = re.compile(r"\([^()]*\)")
# A number that names a part, arm or day is no score ("ECOG 0-1 (Arms 2 and 3 only)", "phase 1 portion"), nor
# one that names a page of the protocol ("KPS >= 70 (see Annex 2)"): its digits are masked before reading. In
# "Phase 1 and 0-2" the 0 starts a score, not a second phase.
_LABEL_NUMBER = guarded(
    # "Cohorts 1-3", "Parts 1 to 3", "Arms 1-4": a range of labels after a plural group noun (not a score range)
    r"\b(?:arms|parts|cohorts|phases|groups|modules|days|cycles|steps)\s*\d{1,3}[a-z]?\s*(?:-|\u2013|\u2014|to|through)"
    r"\s*\d{1,3}[a-z]?\b"
    r"|\b(?:arms?|parts?|cohorts?|phases?|(?<!oncology )groups?|levels?|steps?|days?|cycles?|versions?|stages?"
    r"|annex(?:es)?|appendi(?:x|ces)|attachments?|tables?|sections?|figures?|schedules?|supplements?)"
    r"\s*\d{1,3}[a-z]?"
    r"(?:\s*(?:,|and|or|&|/)\s*\d{1,3}[a-z]?\b(?!\s*(?:-|–|—|~|to\b)\s*\d)){0,4}",
    re.I,
)
_DIGIT = re.compile(r"\d")
# "ECOG performance status of zero or one": number words read as digits (same length, so spans hold).
# Not "at least one of the following", "one of": a count, not a score.
_NUMBER_WORD = guarded(r"(?<!least )\b(?:zero|one|two|three|four)\b(?!\s+(?:of|or more)\b)", re.I)
_WORD_VALUE = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4"}


# "ECOG level 0-1", "performance status level of 0 to 2": "level" right after the scale's name is its value's word,
# not a dose level.
_SCALE_BEFORE_LEVEL = re.compile(
    r"(?:\b(?-i:ECOG|PS|WHO)|zubrod|status|score|performance)\s*(?:\([^()]{0,20}\)\s*)?$", re.I)


def _mask_label(sentence: str, match: re.Match[str]) -> str:
    label = match.group(0)
    if label[:1] in "lL" and _SCALE_BEFORE_LEVEL.search(sentence, max(0, match.start() - 40), match.start()):
        return label
    return _DIGIT.sub("#", label)


# "from 0 (asymptomatic) to 2 (symptomatic, in bed < 50% of the day)", "between 0 [fully active] and 2": a
# description in brackets after a range's first value is the scale's own wording. Blanked (same length), the two
# ends read as one range, not as two values. Only the first value's, with no digit and no condition, part or group
# in it ("0-1 (Part A) or 2", "2 (if due to pain) or 1" keep their brackets).
_RANGE_DESCRIPTION = re.compile(
    r"(?<![\d.\-–—/,])(?<![\d.\-–—/,] )(?<!\bto )(?<!\bor )(?<!\band )(?<!through )"
    r"(?P<value>\d{1,3})\s*(?P<aside>\([^()\[\]\d;]{1,100}\)|\[[^()\[\]\d;]{1,100}\])"
    r"(?=\s*(?:-|–|—|to\b|through\b|and\b|or\b)\s*\d{1,3}(?!\.?\d))",
    re.I,
)
_NOT_DESCRIPTION = re.compile(
    r"\b(?:parts?|arms?|cohorts?|phases?|groups?|stages?|if|when|only|unless|except|due|for|aged?|years?|allowed"
    r"|permitted|eligible|excluded|patients?|participants?|subjects?|ECOG|WHO|Karnofsky|KPS|Zubrod)\b",
    re.I,
)


def _blank_description(match: re.Match[str]) -> str:
    aside = match.group("aside")
    if _NOT_DESCRIPTION.search(aside):
        return match.group(0)
    return match.group(0)[:match.start("aside") - match.start()] + " " * len(aside)


def _readable(sentence: str) -> str:
    """The sentence as the score patterns read it: label numbers masked, number words as digits, a description
    after a range's first value blanked."""
    text = _LABEL_NUMBER.sub(lambda m: _mask_label(sentence, m), sentence)
    text = _NUMBER_WORD.sub(lambda m: _WORD_VALUE[m.group(0).lower()].ljust(len(m.group(0))), text)
    return _RANGE_DESCRIPTION.sub(_blank_description, text) if "(" in text or "[" in text else text
_RPA_VALUE = re.compile(r"\s*(?:=|of|is|:)?\s*(?:(?:≥|>=)\s*)?(?P<n>[123]|iii|ii|i)\b", re.I)


# A negated comparator is its reverse: not < is >=, not <= is >, and so on.
_REVERSED = {"le": "gt", "lt": "ge", "ge": "lt", "gt": "le", "worse": "not_worse", "better": "not_better"}


def _compared(match: re.Match[str], kps: bool, top: int) -> tuple[int, int]:
    """The (low, high) scores a comparison allows: "<= 1", "not lower than 70", "no worse than 1"."""
    n = int(match.group("cn"))
    step = 10 if kps else 1
    op = next(name for name in ("le", "lt", "ge", "gt", "worse", "better") if match.group(name))
    if match.group("neg"):
        op = _REVERSED[op]
    if op in ("worse", "better", "not_worse", "not_better"):
        higher = ("worse" in op) != kps  # the worse direction is a higher ECOG but a lower Karnofsky score
        if op.startswith("not_"):  # "no worse than 1": n itself and the scores on the other side
            return (0, n) if higher else (n, top)
        return (n + step, top) if higher else (0, n - step)
    return {"le": (0, n), "lt": (0, n - step), "ge": (n, top), "gt": (n + step, top)}[op]


def _bounds(match: re.Match[str], kps: bool) -> tuple[int, int] | None:
    """The (low, high) score range a spec allows, or None when it is not a plausible score."""
    top = 100 if kps else 4
    if match.group("list"):
        values = [int(match.group(i)) for i in (2, 3, 4)]
        low, high = min(values), max(values)
    elif match.group("range"):
        a, b = int(match.group("a")), int(match.group("b"))
        low, high = min(a, b), max(a, b)
    elif match.group("cmp"):
        low, high = _compared(match, kps, top)
    else:
        n = int(match.group("sn"))
        tail = (match.group("tail") or "").lower()
        better_is_high = kps
        if any(w in tail for w in ("higher", "greater", "more", "above")):
            low, high = n, top
        elif any(w in tail for w in ("less", "lower", "below", "fewer")):
            low, high = 0, n
        elif "better" in tail:
            low, high = (n, top) if better_is_high else (0, n)
        elif "worse" in tail:
            low, high = (0, n) if better_is_high else (n, top)
        elif kps:
            low, high = n, top  # "Karnofsky 70" states a minimum
        else:
            low, high = n, n
    if kps:
        return (low, high) if 10 <= high <= 100 and 0 <= low and (low >= 10 or high >= 10) else None
    return (low, high) if 0 <= low <= high <= 5 else None


def _ecog_verdicts(low: int, high: int, kps: bool, allowed: bool) -> list[Verdict | None]:
    """Per ECOG value: does a score range (allowed, or kept out) admit the patient? None = not stated."""
    out: list[Verdict | None] = []
    for ecog in ECOG_VALUES:
        if kps:
            band_low, band_high = KPS_BANDS[ecog]
            inside = low <= band_low and band_high <= high
            outside = band_high < low or band_low > high
        else:
            inside = low <= ecog <= high
            outside = not inside
        if inside:
            out.append(ELIGIBLE if allowed else EXCLUDED)
        elif outside:
            out.append(EXCLUDED if allowed else None)  # keeping some out says nothing of the rest
        else:
            out.append(UNKNOWN)
    return out


def _label(low: int, high: int, kps: bool, allowed: bool) -> str:
    scale = "Karnofsky" if kps else "ECOG"
    if kps:
        span = f"{low}-{high}" if high < 100 else f"{low} or more"
    else:
        span = f"{low}" if low == high else f"{low}-{high}"
    return f"{scale} {span}" if allowed else f"not {scale} {span}"


def _spec_ok(text: str, match: re.Match[str]) -> bool:
    return not _UNIT_AFTER.match(text, match.end())


# After a score, a condition on it: "2 if due to cancer pain", "2 only for patients aged 75+", "2 if age < 70".
_CONDITION_AFTER = re.compile(
    r"[^\d;.]{0,40}?\b(?P<cue>if|when|provided|providing|only (?:if|when|for|with|among|after)"
    r"|(?:restricted|limited|reserved) to|in case|due to|caused by|because of|secondary to|attribut\w+ to"
    r"|related to|(?:for|in|among) (?:those|patients|participants|subjects|pts|individuals) (?:aged|older|over|above"
    r"|younger|under|below|of age|[≥><≤]))",
    re.I,
)
# A lone conditional permission: "PS 2 permitted if attributable to cancer symptoms".
_PERMITTED = re.compile(
    r"\b(?:allowed|permitted|eligible|accepted|acceptable|may (?:be )?(?:enrol|includ)|only (?:if|when|for|with))", re.I
)

# "(ECOG 2 limited to 20% of patients)", "restricted to a maximum of 10 participants": a cap on how many enrol.
_QUOTA = re.compile(
    r"\s*(?:approximately |about |around |roughly |~|a maximum of |no more than |not more than |at most |up to )?"
    r"\d+\s*(?:%|percent\b|per ?cent\b|(?:[\w-]+ ){0,2}(?:patients|participants|subjects|pts)\b)",
    re.I,
)
# An age beside a score ("ECOG 2 with age >= 70", "age >= 70 and ECOG 0-2", "ECOG 2 if aged 70 or older"): the door
# that score opens, read against the patient's age.
_AGE_OP = r"(?P<op>>=|=>|≥|>|<=|=<|≤|<|at least|over|above|under|below|older than|younger than)"
_AGE_N = r"(?P<n>\d{2,3})\s*(?:years?(?: old| of age)?)?(?P<up>\s*(?:or (?:older|above|more|over)|\+))?"
_AGE_AFTER = re.compile(
    rf"\s*,?\s*(?:with|and|if|when|only if|only for|for (?:patients|participants|subjects) )\s*(?:an?\s+|the\s+)?"
    rf"(?:patients?\s+|participants?\s+)?(?:age[ds]?|aged)\s*(?:of\s+|is\s+)?{_AGE_OP}?\s*{_AGE_N}"
    r"(?=\s*(?:[,;.)]|or\b|and\b|$))",
    re.I,
)
_AGE_BEFORE = re.compile(
    rf"(?:age[ds]?|aged)\s*(?:of\s+|is\s+)?{_AGE_OP}?\s*{_AGE_N}\s*,?\s*(?:and|with|plus)\s+(?:an?\s+)?$", re.I)


def _age_range(match: re.Match[str] | None) -> tuple[int, int] | None:
    """(youngest, oldest) an age condition takes; None when it states no bound."""
    if match is None:
        return None
    n, op = int(match.group("n")), (match.group("op") or "").lower()
    if match.group("up") or op in (">=", "=>", "≥", "at least"):
        return n, 200
    if op in (">", "over", "above", "older than"):
        return n + 1, 200
    if op in ("<=", "=<", "≤"):
        return 0, n
    if op in ("<", "under", "below", "younger than"):
        return 0, n - 1
    return None


_IF_CUE = re.compile(r"(?:only\s+)?(?:if|when|provided|providing)$", re.I)
_GROUP_CONDITION = re.compile(
    r"\b(?:for|among)\b|\bin (?:those|patients|participants|subjects|pts|individuals)\b", re.I
)


def _condition_after(sentence: str, end: int) -> str:
    """The condition on the patient that follows a score: "group" when it names whom the score is for ("0-1 for
    participants aged 75+"), "if" when the score itself holds on a condition ("2 if due to the tumour"), "" when
    none does; a part or cohort named there is the part rules' to read."""
    condition = _CONDITION_AFTER.match(sentence, end)
    if condition is None and cross.joined_after(sentence, end):
        return "group"  # "or ECOG 2 in patients without brain metastases": a group this check cannot place
    if condition is None:
        return ""
    part = _PART_MENTION.search(sentence, end, condition.end() + 40)
    if part is not None and not (part.end() <= condition.start("cue") and _IF_CUE.match(condition.group("cue"))):
        return ""  # "ECOG 2 for Part B": the part rules' (not "ECOG 2 in Cohort C only if due to disease")
    if _QUOTA.match(sentence, condition.end()):
        return ""  # "ECOG 2 limited to 20% of patients": a quota on enrolment, not a condition on the patient
    return "group" if _GROUP_CONDITION.search(condition.group(0)) else "if"


Limit = tuple[int, int, str, list[tuple[int, int]], bool, list[str]]


_PART_NEXT = 30  # "; 0-2 for Part B": the next value's part name follows it closely


def _part_after_part(sentence: str, end: int, more: re.Match[str]) -> bool:
    """A value for a part after ";" continues the limit of the value for another part before it: both parts named."""
    return bool(_PART_NAME.search(sentence, end, more.start())) and bool(
        _PART_NAME.search(sentence, more.end(), more.end() + _PART_NEXT))


def _stated_limits(sentence: str) -> list[Limit]:
    """Each (anchor start, value end, kind, score spans, karnofsky?, span conditional?) stated in a sentence."""
    found: list[Limit] = []
    consumed = 0
    sentence = _readable(sentence)
    for anchor in ANCHOR.finditer(sentence):
        if anchor.start() < consumed or anchor.group("other"):
            consumed = max(consumed, anchor.end())
            continue
        if anchor.group("rpa"):
            value = _RPA_VALUE.match(sentence, anchor.end())
            if value:
                raw = value.group("n").lower()
                cls = int(raw) if raw.isdigit() else _ROMAN[raw]
                found.append((anchor.start(), value.end(), f"rpa{cls}", [], True, []))
                consumed = value.end()
            continue
        kps = bool(anchor.group("kps"))
        spec = SPEC.search(sentence, anchor.end(), anchor.end() + _WINDOW)
        if spec and spec.group("single") and (whole := SPEC.match(sentence, spec.start(), spec.end() + 110)):
            spec = whole  # "0 (a long description, blanked) to 2": the range's other end lies past the window
        gap = sentence[anchor.end():spec.start()] if spec else ""
        if not spec or not _GAP_OK.match(gap) or not _spec_ok(sentence, spec):
            continue
        if _GAP_BAD.search(gap) and not (_GRADE_OF_SCALE.match(gap) and _SCALE_NAME_END.search(anchor.group(0))):
            continue
        bounds = _bounds(spec, kps)
        if bounds is None and not kps:  # "performance status >= 70" is a Karnofsky score
            kps, bounds = True, _bounds(spec, True)
        if bounds is None:
            continue
        spans = [bounds]
        conditional = [_condition_after(sentence, spec.end())]
        end = spec.end()
        # "0-1 for part A and 0-2 for part B": further values for the same scale widen the rule.
        while len(spans) < _MAX_ALTERNATIVES and (more := SPEC.search(sentence, end, end + _WINDOW)):
            between = _ASIDE.sub("", sentence[end:more.start()])
            if ";" in between and _part_after_part(sentence, end, more):
                between = between.replace(";", ",")  # "0-1 (ECOG) for Part A; 0-2 for Part B": one limit per part
            extra = _bounds(more, kps)
            if not _MORE_GAP_OK.match(between) or _GAP_BAD.search(between) or ANCHOR.search(between):
                break
            if extra is None or _AGE_NOUN_BEFORE.search(sentence, max(0, more.start() - 20), more.start()):
                break  # "Karnofsky >= 70 for patients under 65": an age, not a second score
            if not _spec_ok(sentence, more) or sentence[more.start() - 1].isalpha():  # "PD-L1": no further score
                break
            spans.append(extra)
            conditional.append(_condition_after(sentence, more.end()))
            end = more.end()
        consumed = end
        found.append((anchor.start(), end, "kps" if kps else "ecog", spans, kps, conditional))
    return found


# "PS 0-1 or PS 3-4", "ECOG 0, 1, or 3": only a joining word between two limits.
_JOINER_ONLY = re.compile(r"\s*(?:,\s*)?(?:(?:and/)?or|and|nor)?\s*$", re.I)  # used with match(pos, endpos)


def _chain_ends(sentence: str, limits: list[Any]) -> list[int]:
    """For each limit, the index of the last limit joined to it by "or"/"and" alone ("PS 0-1 or PS 3-4"): the verb
    after that one ("... are not eligible") is every listed limit's. (Read right to left: linear.)"""
    ends = list(range(len(limits)))
    for j in range(len(limits) - 2, -1, -1):
        if _JOINER_ONLY.match(sentence, limits[j][1], limits[j + 1][0]):
            ends[j] = ends[j + 1]
    return ends


def _role(sentence: str, start: int, end: int, exclusion: bool) -> str:
    """What a statement does: "allow" only these scores, "keep_out" these, or name an "exception".

    An exclusion criterion keeps out, unless it says "may be enrolled": then it only lets the
    named scores in and says nothing about the others.
    """
    around = sentence[start:end]
    if exclusion:
        return "exception" if _ALLOWED.search(around) else "keep_out"
    return "keep_out" if _NEGATED.search(around) else "allow"


# "ECOG PS <= 1 (Part A); ECOG PS <= 2 (Part B)", "Dose escalation: ECOG 0-1. Expansion: ECOG 0-2": each
# limit names its own part.
_PART_NAME = re.compile(
    # "#" is a label number the reader masked ("Part #").
    r"\b(?:(?:parts?|arms?|cohorts?|phases?|groups?)\s*(?:\d{1,2}[a-z]?\b|#{1,2}[a-z]?|[a-h]\b)|escalation|expansion"
    r"|extension)",
    re.I,
)


def _other_condition(sentence: str, before: int, start: int, end: int, after: int, role: str) -> bool:
    """The limit at [start, end) is joined to a condition on something other than performance status: by
    "or" when it lets patients in (another way in), by "and" when it keeps them out (both needed)."""
    head = sentence[max(before, start - _WINDOW):start]
    joined = (_OR_BEFORE, _OR_AFTER) if role == "allow" else (_AND_BEFORE, _AND_AFTER)
    link = joined[0].search(head)
    # "ECOG 0-1 and CrCl < 60, or ECOG 2-3": the words before "or" are the previous score's own condition.
    previous_condition = before > 0 and role == "allow" and (
        _AND_AFTER.match(sentence, before) is not None or _WITH_AFTER.match(sentence, before) is not None)
    if link is not None and not previous_condition:
        # Words before "or", not just a previous score, an aside, a scale or a score not on record ("0-1 or KPS 70",
        # "Lansky or KPS", "0, 1, or missing or KPS >= 70").
        clause = ANCHOR.sub("", _PAREN.sub("", _CLAUSE_BREAK.split(head[:link.start()])[-1]))
        if any(ch.isalpha() for ch in _NOT_RECORDED_WORDS.sub("", clause)) and not _SCALE_AGE_GROUP.search(
                head[:link.start()]):
            return True
    return joined[1].match(sentence, end, max(end, min(after, end + _WINDOW))) is not None


# "Karnofsky >= 50% for patients > 16 years, Lansky >= 50% for those <= 16, or ECOG 0-2": the age group before
# "or" is the other scale's own (which patients it is for), not another way in beside the ECOG range.
_SCALE_AGE_GROUP = re.compile(
    r"\b(?:karnofsky|kps|lansky|lps)\b[^;]{0,40}?\bfor\s+(?:patients?|participants?|subjects?|those|children"
    r"|adults?)?\s*(?:aged?\s*)?(?:<=|>=|=<|=>|<|>|≤|≥|under|over|older\s+than|younger\s+than|up\s+to)?\s*\d+"
    r"\s*(?:years?|yrs?)?(?:\s+(?:of\s+age|old|and\s+(?:older|younger|above|under)))?\s*,?\s*$"
    # "Lansky >= 50% (subjects < 16 years of age), or ECOG 0-2": the same group in brackets.
    r"|\b(?:karnofsky|kps|lansky|lps)\b[^;()]{0,30}\([^()]*\d+\s*(?:years?|yrs?)[^()]*\)\s*,?\s*$", re.I)


_ADULT = re.compile(r"(?:.*\b)?(?:age[ds]?|aged)\s*(?:of\s+|is\s+)?(?:>=|=>|≥|at least|over)?\s*18\b", re.I)


def _joined_after(sentence: str, end: int, after: int) -> bool:
    """A condition on something else joined by "and" / "with" after the score, not one everyone must meet."""
    return bool(_AND_AFTER.match(sentence, end, max(end, min(after, end + _WINDOW))) or _WITH_AFTER.match(
        sentence, end)) and not _PLAIN_CONJUNCT.match(sentence, end)


def _joined_condition(sentence: str, before: int, start: int, end: int, after: int) -> bool:
    """A score that lets patients in is joined by "and" to a condition on something else ("ECOG 0-1 AND creatinine
    clearance < 60 mL/min", "creatinine clearance < 60 and ECOG 0-1"), not one every patient must meet anyway
    ("and life expectancy > 12 weeks"). Among alternatives that condition decides whether the score's door opens."""
    if _AND_AFTER.match(sentence, end, max(end, min(after, end + _WINDOW))) or _WITH_AFTER.match(sentence, end):
        return _joined_after(sentence, end, after)
    head = sentence[max(before, start - _WINDOW):start]
    if _AGE_BEFORE.search(head) and not _ADULT.match(head):
        return True  # "Age >= 70 years with ECOG 0-1": the age is the door's condition
    link = _AND_BEFORE.search(head)
    if link is None:
        return False
    clause = ANCHOR.sub("", _PAREN.sub("", _CLAUSE_BREAK.split(head[:link.start()])[-1]))
    return any(ch.isalpha() for ch in clause) and not _PLAIN_CONJUNCT.match(" and " + clause.strip())


# "1 or higher", "at least 1", ">= 1", "greater than 0": a minimum, which on the ECOG scale keeps out the fittest.
_OPEN_ABOVE = re.compile(
    r"\bor (?:higher|greater|more|above)\b|\bat least\b|\bminimum\b|>|≥|⩾|≧|\b(?:greater|more|higher) than\b", re.I)


_AGE_WORD = guarded(r"\b(?:aged?|ages|years?|yrs?|old|older|younger|elderly)\b", re.I)


# Between a limit and a later value of the same scale with no name of its own: a clause break, then words.
_AGE_NOUN_BEFORE = re.compile(r"\b(?:patients?|participants?|subjects?|pts|those|people|aged?)\s*$", re.I)
# Words straight before a number that make it an age: "aged 70", "those 70 or older", "patients under 65".
_AGE_LEAD = re.compile(
    r"\b(?:aged?|ages?|older than|younger than|over|under|above|below|between|those|patients?|participants?"
    r"|subjects?|pts)\s*(?:of\s*)?$", re.I)
_NEXT_CLAUSE = re.compile(r"(?:;|,?\s*\b(?:and/or|or|and|while|whereas|but)\b|,)[^\d;]{0,40}$", re.I)


def _bare_limits(sentence: str, first: Limit) -> list[Limit]:
    """ "ECOG 0-1 for patients under 70, or 0-2 for those aged 70+": a later clause gives the same scale's value
    without naming the scale. Each such value, after a clause break and within reach, is a limit of its own; ages
    ("under 70", "aged 70+") are no score on that scale."""
    _, end, kind, _, kps, _ = first
    if kind not in ("ecog", "kps"):
        return []
    text = _readable(sentence)
    found: list[Limit] = []
    for spec in SPEC.finditer(text, end):
        if spec.start() - end > 2 * _WINDOW:
            break
        bounds = _bounds(spec, kps)
        before = text[max(end, spec.start() - 45):spec.start()]
        if (bounds is None or not _spec_ok(text, spec) or text[spec.start() - 1].isalpha()
                or age_rules.AGE.match(text, spec.start()) and _AGE_WORD.search(text, spec.start(), spec.end() + 12)
                or not _NEXT_CLAUSE.search(before) or _AGE_LEAD.search(before)):
            continue
        found.append((spec.start(), spec.end(), kind, [bounds], kps, [""]))
        end = spec.end()
    return found


def _age_rule(sentence: str, exclusion: bool) -> dict[str, Any] | None:
    """One rule for a sentence whose limits differ by age ("ECOG PS 2 up to 74 years old, and PS 0 or 1 from 75
    years"): each age is read against its own limit, never the union of them (see ages.py)."""
    if exclusion or _EXCEPTION_CUE.search(sentence) or not age_rules.AGE.search(sentence):
        return None
    limits = _stated_limits(sentence)
    if len(limits) == 1:
        limits += _bare_limits(sentence, limits[0])
    if len(limits) < 2 or any(kind.startswith("rpa") for _, _, kind, *_ in limits):
        return None
    scored: list[tuple[int, int, list[Verdict | None]]] = []
    for i, (start, end, _, spans, kps, _) in enumerate(limits):
        after = limits[i + 1][0] if i + 1 < len(limits) else len(sentence)
        before = limits[i - 1][1] if i else 0
        if _role(sentence, before, after, exclusion) != "allow" or cross.joined_before(sentence, start, exclusion) \
                or cross.joined_after(sentence, end):
            return None
        scores: list[Verdict | None] = [EXCLUDED] * len(ECOG_VALUES)
        for low, high in spans:
            scores = age_rules.wider(scores, _ecog_verdicts(low, high, kps, allowed=True))
        scored.append((start, end, scores))
    branched = age_rules.branches(sentence, scored)
    if branched is None:
        return None
    labels = [_label(*spans[0], kps, allowed=True) for _, _, _, spans, kps, _ in limits]
    return {"verdicts": branched["verdicts"], "label": "by age: " + ", ".join(dict.fromkeys(labels)),
            "ages": branched["ages"]}


# "ECOG 2 or 3 (patients with ECOG 0-1 are eligible for the companion study)": scores sent to another study are
# no way into this one. The main limit already leaves them out.
_ELSEWHERE = re.compile(
    r"[^;.()\d]{0,40}?\b(?:eligible|enrol?led|included|referred|considered|offered|directed|assigned|randomi[sz]ed)\b"
    r"[^;.()]{0,20}?\b(?:in|for|to|into|onto)\s+(?:the\s+|a\s+|an\s+)?(?:companion|parallel|sister|other|another"
    r"|separate|different|partner|twin|standard)\s+(?:\w+\s+)?(?:study|studies|trials?|protocols?|registr(?:y|ies)"
    r"|treatments?|therapy|care)\b"
    # "Patients with PS 0-1 should be offered standard trials": sent elsewhere, so not let in here.
    r"|[^;.()\d]{0,40}?\b(?:offered|referred|directed)\s+(?:to\s+)?(?:a\s+|an\s+|the\s+)?(?:standard|other|another"
    r"|alternative|different)\s+(?:\w+\s+)?(?:study|studies|trials?|treatments?|therapy|care)\b",
    re.I,
)
# "ECOG 0-1 for patients under 70 years; patients aged 70 or older are excluded": the other age group is left out
# by a clause of its own, so the limit is everyone's who may join. Whether the patient's age fits is no part of
# the performance status; the score is read plainly.
_AGE_GROUP_OUT = re.compile(
    r"\s*(?:[;,(]|\.\s)\s*(?:and\s+|but\s+|while\s+)?(?:the\s+)?"
    r"(?:(?:older|elderly|younger)\s+(?:patients|participants|subjects|people|individuals|pts)\b[^;.()]{0,25}?"
    r"|(?:patients|participants|subjects|those|people|individuals|pts)\b[^;.()]{0,20}?"
    r"(?:\b(?:aged?|older|younger|over|above|under|below)\b|[≥>≤<])[^;.()]{0,25}?)"
    r"\b(?:are|is|will\s+be|shall\s+be)\s+(?:excluded|ineligible|not\s+(?:eligible|allowed|permitted|included"
    r"|enrol?led))\b",
    re.I,
)
_AGE_SUBGROUP = re.compile(r"\b(?:aged|older|over|above|younger|under|below|of age)\b|[≥><≤]", re.I)


def _other_age_group_out(sentence: str, end: int, after: int) -> re.Match[str] | None:
    """The clause after a limit that leaves the other age group out ("; patients aged 70 or older are excluded")."""
    out = _AGE_GROUP_OUT.search(sentence, end, after)
    if out is None or ANCHOR.search(out.group(0)):
        return None
    return out


_AGED_ASIDE = re.compile(r"\((?=[^()]*\b(?:aged?|years|older|younger|under|over)\b)[^()]*\)", re.I)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


# "Karnofsky >= 60 (Lansky >= 60 for patients < 16 years)": the children's scale for the children, in an aside; its
# age group is not a condition on the adult limit.
_CHILD_SCALE_ASIDE = re.compile(r"\((?=[^()]*\bLansky\b)[^()]*\)", re.I)


# A score on a second scale offered to a named group: "Karnofsky >= 60% acceptable for patients whose PS is limited
# by neurological deficits", "(KPS >= 70 allowed in participants with brain metastases)", "for patients with CNS
# disease, a KPS of at least 60 is acceptable". Not "only for ..." (a restriction), nor "required"/"must" (a group's
# own limit).
_DOOR_VERB = (r"(?:(?:is|are|will\s+be|may\s+be|would\s+be|can\s+be)\s+)?(?:also\s+)?"
              r"(?:acceptable|accepted|allowed|permitted|eligible)\b")
_DOOR_GROUP = r"(?:those|patients|participants|subjects|pts|individuals|people)\b"
_DOOR_AFTER = re.compile(
    rf"\s*%?\s*(?:\(\s*\w+\s*\)\s*)?{_DOOR_VERB}(?!\s+only)\s*,?\s*"
    rf"(?:(?:for|in|among)\s+{_DOOR_GROUP}|(?:if|when|where|provided)\b)"
    r"(?![^;.)]{0,12}\b(?:aged?|older|younger|over|under|above|below)\b)",
    re.I,
)
_DOOR_GROUP_BEFORE = re.compile(
    r"(?<![\w-])(?:for|in|among)\s+(?:those|patients|participants|subjects|pts|individuals)\s+(?:with|whose|who)\b"
    r"(?![^;.(]{0,12}\b(?:aged?|older|younger|over|under|above|below)\b)[^;.()\d]{3,90},\s*(?:an?\s+|the\s+)?$",
    re.I,
)
_DOOR_VERB_AFTER = re.compile(rf"\s*%?\s*{_DOOR_VERB}", re.I)


def _door_group(sentence: str, before: int, start: int, end: int) -> int | None:
    """Where the group phrase of a second-scale door begins (the limit's own start when it follows the score), or
    None when the limit at [start, end) is no such door."""
    if _DOOR_AFTER.match(sentence, end):
        return start
    group = _DOOR_GROUP_BEFORE.search(sentence, before, start)
    if group is not None and _DOOR_VERB_AFTER.match(sentence, end):
        return group.start()
    return None


def _door_rule(spans: list[tuple[int, int]], kps: bool) -> dict[str, Any]:
    """A group's extra way in: the scores it could take are a question on their own; beside a limit on the other
    scale (parse) it only adds a way in, never taking away a score that limit lets in."""
    rule = _condition_rule(spans, kps)
    rule["door"] = "kps" if kps else "ecog"
    return rule


def _sentence_rules(sentence: str, exclusion: bool) -> list[dict[str, Any]]:
    """Every performance limit stated in one sentence."""
    if "ansky" in sentence:
        sentence = _CHILD_SCALE_ASIDE.sub(_blank, sentence)
    if _AGE_WORD.search(sentence):
        if (by_age := _age_rule(sentence, exclusion)) is not None:
            return [by_age]
        # "... 70 and over with ECOG 0-2, or 18 to 69 with ECOG 2 (patients under 70 with PS 0-1 are not eligible)":
        # an aside restating one age's limit; the rule by age is read without it.
        if "(" in sentence and (by_age := _age_rule(_AGED_ASIDE.sub(_blank, sentence), exclusion)) is not None:
            return [by_age]
    limits = _stated_limits(sentence)
    rules: list[dict[str, Any]] = []
    cue = _EXCEPTION_CUE.search(sentence, limits[0][1]) if limits else None
    named: set[int] = set()  # ECOG values an exception names ("except patients with ECOG 2 due to ...")
    on_condition: set[int] = set()  # ECOG values let in only on a condition the profile does not give
    taken: set[int] = set()  # ECOG values an earlier unconditional limit of the sentence lets in
    chain_ends = _chain_ends(sentence, limits)
    chain_roles: dict[int, str] = {}  # by the index of a list's last limit: what the words after the list do
    for i, (start, end, kind, spans, kps, conditional) in enumerate(limits):
        if cue is not None and start > cue.start():
            for low, high in spans:
                verdicts = _ecog_verdicts(low, high, kps, allowed=True)
                named.update(e for e in ECOG_VALUES if verdicts[e] != EXCLUDED)
            continue
        # A negation belongs to the statement it sits beside, not to its neighbours.
        before = limits[i - 1][1] if i else 0
        after = limits[i + 1][0] if i + 1 < len(limits) else len(sentence)
        door = None if exclusion or kind.startswith("rpa") else _door_group(sentence, before, start, end)
        if door is not None:
            rules.append(_door_rule(spans, kps))
            continue
        if cross.score_is_condition(sentence, start, end):
            # "If ECOG 2, no brain metastases", "For patients with ECOG 2: ...": a condition for those scores on
            # something else, no limit on the score; the scores it names are a question.
            rules.append(_condition_rule(spans, kps))
            continue
        if _ELSEWHERE.match(sentence, end):
            continue  # "(patients with ECOG 0-1 are eligible for the companion study)": another study's door
        age_out = None if exclusion else _other_age_group_out(sentence, end, after)
        role = _role(sentence, before, age_out.start() if age_out else after, exclusion)
        if role == "allow" and not exclusion and age_out is None and chain_ends[i] != i:
            # "Patients with PS 0-1 or PS 3-4 are not eligible": the verb after the list is this limit's too (read
            # once per list, over the words after its last limit).
            last = chain_ends[i]
            if last not in chain_roles:
                tail_end = limits[last + 1][0] if last + 1 < len(limits) else len(sentence)
                chain_roles[last] = _role(sentence, limits[last][0], tail_end, exclusion)
            role = chain_roles[last]
        conditions_read = False  # a condition after the limit was read as one span's, not the limit's
        if role == "allow" and not kind.startswith("rpa"):
            stated = len(spans)
            spans = _unconditional(spans, conditional, kps, taken if i else None, on_condition)
            conditions_read = len(spans) < stated
            if not spans:
                continue  # "ECOG 0-1 (ECOG 2 allowed if due to cancer pain)": the second statement is a condition
            if i == 0 and conditional[0] and len(spans) == 1 and spans[0][0] == spans[0][1] and not kps and (
                    len(limits) == 1 and _PERMITTED.search(sentence, end)):
                # "PS 2 permitted if due to cancer-related symptoms", "ECOG 2 only if aged 70 or more" on its own:
                # a question for that score, whatever the other limits say of it.
                rules.append({"verdicts": [UNKNOWN if e == spans[0][0] else None for e in ECOG_VALUES],
                              "label": _label(spans[0][0], spans[0][0], kps, allowed=True), "on_condition": True,
                              "conditional": [spans[0][0]]})
                continue
        if kind.startswith("rpa"):
            # RPA class III means Karnofsky below 70: excluding it (or taking I-II) needs KPS >= 70.
            cls = int(kind[3:])
            if role == "keep_out" and cls == 3 or role == "allow" and cls in (1, 2):
                rules.append({
                    "verdicts": _ecog_verdicts(70, 100, kps=True, allowed=True),
                    "label": "RPA class I-II (Karnofsky 70 or more)",
                })
            continue
        # "a decline in ECOG to 2 or more", "ECOG 2 due to comorbidities": a change or a cause the profile
        # does not give. Keeping those scores out becomes a question; a change "allowed" is no limit at all.
        changed = bool(_CHANGE.search(sentence, max(0, start - _CHANGE_LOOKBACK), end))
        if changed and role != "keep_out":
            continue
        unsettled = changed or bool(_CAUSE.search(sentence, end, min(after, end + _WINDOW)))
        # "Age >= 70 or ECOG 2" lets others in on a fact this check does not read; "ECOG 2 and age > 70" as an
        # exclusion keeps out only those meeting both. Either way whom the limit would exclude is a question.
        other = _other_condition(sentence, before, start, end, after, role)
        joined = role == "allow" and not other and _joined_condition(sentence, before, start, end, after)
        # "ECOG <= 1 for patients older than 70": a limit for a group the check cannot place the patient in.
        # "... <= 2; for patients with brain metastases, a KPS of at least 60 is acceptable": that group is the next
        # limit's (a door), not this one's.
        next_door = _door_group(sentence, end, *limits[i + 1][:2]) if i + 1 < len(limits) else None
        group = _SUBGROUP.search(sentence, end, min(after, end + _WINDOW, next_door or after))
        subgroup = group is not None and not _OUR_PATIENTS.match(sentence, group.end()) and not conditions_read
        if subgroup and age_out and group is not None and group.start() < age_out.start() and _AGE_SUBGROUP.search(
                sentence, group.start(), group.end() + 3):
            subgroup = False  # "for patients under 70; those aged 70+ are excluded": the age group is everyone's
        if subgroup and group is not None and age_rules.every_adult(sentence, group.start(), group.end() + 30):
            subgroup = False  # "Karnofsky >= 50 for patients >= 16 years of age": every adult patient is in it
        # A fact of another dimension joined to the score ("Patients with brain metastases must have ECOG 0-1",
        # "EGFR-mutant patients with ECOG >= 2" as an exclusion): the limit is a group's, or keeps out only those
        # with both; this check cannot see the other fact.
        if not conditions_read and role != "exception" and (
                cross.joined_before(sentence, start, exclusion) or cross.joined_after(sentence, end)):
            if role == "keep_out":
                other = True
            else:
                subgroup = True
        for low, high in spans:
            verdicts = _ecog_verdicts(low, high, kps, allowed=role != "keep_out")
            open_ended = role == "allow" and not kps and (low, high) == (1, 4) and bool(
                _OPEN_ABOVE.search(sentence, start, end))
            if open_ended:
                # "performance status of 1 or higher" as an inclusion: read literally it leaves out only the fittest
                # (ECOG 0) and lets in the bedbound; it almost surely means "1 or better". Only ECOG 1 fits both.
                verdicts = [ELIGIBLE if e == 1 else UNKNOWN for e in ECOG_VALUES]
            if role == "exception":
                verdicts = [v if v == ELIGIBLE else None for v in verdicts]
            if _garbled_comparator(sentence, start, end, kps, spans):
                # "ECOG PS ?1", "Ecog ps =2?": a symbol lost in encoding ("≤" or "≥"); only the score named fits
                # either way, as an inclusion. Whom it keeps out is a question.
                verdicts = [ELIGIBLE if role == "allow" and e == low else UNKNOWN for e in ECOG_VALUES]
            if unsettled and role == "keep_out" or subgroup or other:
                verdicts = [UNKNOWN if v == EXCLUDED else v for v in verdicts]
            rule: dict[str, Any] = {"verdicts": verdicts, "label": _label(low, high, kps, allowed=role != "keep_out")}
            if open_ended:
                rule["open_ended"] = True
            if subgroup:
                rule["subgroup"] = True
            rule["_limit"] = start  # one statement's spans are one door (dropped by parse)
            if joined:
                rule["joined"] = True
                age_after = _AGE_AFTER.match(sentence, end)
                age = _age_range(age_after or _AGE_BEFORE.search(sentence, max(before, start - _WINDOW), start))
                if age is not None:
                    rule["age"] = list(age)
                    if age_after is None and _joined_after(sentence, end, after):
                        # "Age >= 70 with ECOG 0-1 and substantial comorbidities": the age opens the door only
                        # together with a condition the profile does not show.
                        rule["more"] = True
            rules.append(rule)
            if role == "allow":
                taken.update(e for e, v in enumerate(verdicts) if v == ELIGIBLE)
    if on_condition:
        # "0 to 2 (ECOG 2 only for patients aged 75+)", "0-1, or 2 if age < 70": those scores are a question.
        for rule in rules:
            rule["verdicts"] = [UNKNOWN if e in on_condition and v is not None else v
                                for e, v in enumerate(rule["verdicts"])]
            rule["conditional"] = sorted(on_condition)
    if cue is not None:
        # "ECOG >= 2, unless due to ...": whom the limit leaves out may be let back in on a condition the
        # profile cannot settle; an exception naming scores ("except ECOG 2 ...") opens only those.
        for rule in rules:
            rule["verdicts"] = [UNKNOWN if v == EXCLUDED and (not named or e in named) else v
                                for e, v in enumerate(rule["verdicts"])]
    return rules


def _garbled_comparator(sentence: str, start: int, end: int, kps: bool, spans: list[tuple[int, int]]) -> bool:
    """One ECOG score with a "?" beside it ("PS ?1", "PS =2?"): its comparator was lost in encoding."""
    if kps or len(spans) != 1 or spans[0][0] != spans[0][1]:
        return False
    return "?" in sentence[start:end] or sentence[end:end + 1] == "?"


def _condition_rule(spans: list[tuple[int, int]], kps: bool) -> dict[str, Any]:
    """The rule of a score that is only a condition on something else: its scores a question, the others untouched."""
    scores = sorted({e for low, high in spans for e, v in enumerate(_ecog_verdicts(low, high, kps, allowed=True))
                     if v != EXCLUDED})
    low, high = spans[0]
    return {"verdicts": [UNKNOWN if e in scores else None for e in ECOG_VALUES],
            "label": _label(low, high, kps, allowed=True), "on_condition": True, "conditional": scores,
            "cross": True}


def _unconditional(spans: list[tuple[int, int]], conditional: list[str], kps: bool, taken: set[int] | None,
                   on_condition: set[int]) -> list[tuple[int, int]]:
    """The spans of a limit that let patients in plainly; a later span or statement with a condition ("or 2 if age
    < 70") adds the scores it names to `on_condition` instead. A span naming one score makes that score a question;
    a wider one only the scores not already let in (a narrower limit for a group stays the subgroup rule's).
    `taken` is None for the sentence's first statement, whose own first span is never a condition."""
    kept: list[tuple[int, int]] = []
    for index, (low, high) in enumerate(spans):
        later = index > 0 or taken is not None
        if kps or not later or not conditional[index]:
            kept.append((low, high))
            continue
        earlier = (taken or set()) | {e for lo, hi in kept for e in range(lo, hi + 1)}
        scores = set(range(low, high + 1))
        # One score named ("2 only for patients aged 75+"), the scores it adds ("0-2 if ..."), those held on a
        # condition ("0-3 (2-3 if due to the tumour)"), or those a group loses ("0-2 (0-1 for those aged 75+)").
        if low == high or scores - earlier:
            named = scores if low == high else scores - earlier
        else:
            named = earlier - scores if conditional[index] == "group" else scores
        if not named:
            kept.append((low, high))
            continue
        on_condition.update(named)
    return kept


def _per_part(criterion: Criterion, rules: list[dict[str, Any]]) -> bool:
    """Several limits in a criterion that names several parts: one limit per part, alternatives."""
    return len({r["label"] for r in rules}) > 1 and len({m.lower() for m in _PART_NAME.findall(criterion.text)}) > 1


# Lay wording of the ECOG 2/3 boundary with no scale named ("well enough to be up and about for at least half the
# day" = ECOG 0-2; "in bed or a chair for more than half the day" = ECOG 3-4). Vaguer lay wording ("able to look
# after yourself", "fairly active") maps to no one score and is left alone.
_LAY_UP = guarded(
    r"\bup and about\s+(?:for\s+)?(?:at least|more than|over|most of|half)\s*(?:half\s*)?(?:of\s+)?(?:the|your)"
    r"\s+(?:day|waking (?:hours|day))",
    re.I,
)
_LAY_DOWN = guarded(
    r"\b(?:in (?:a )?bed(?: or (?:in )?a chair)?|in a chair|confined to (?:a )?(?:bed|chair)(?: or (?:a )?chair)?"
    r"|(?:lying|sitting) down)\s+(?:for\s+)?(?:more than|over|most of)\s*(?:half\s*)?(?:of\s+)?(?:the|your)"
    r"\s+(?:day|waking (?:hours|day))"
    r"|\bspend(?:s|ing)?\s+(?:more than|over|most of)\s*(?:half\s*)?(?:of\s+)?(?:the|your)\s+(?:day|waking hours)"
    r"\s+(?:in (?:a )?bed|in a chair|lying down)",
    re.I,
)
_LAY_NOT = re.compile(r"\b(?:not|unable|cannot|can't|no longer|never)\b", re.I)


def _lay_rules(sentence: str, exclusion: bool) -> list[dict[str, Any]]:
    """The ECOG limit a lay sentence with no scale states, read only where it is plain: "up and about for at least
    half the day" as an inclusion, "in bed or a chair for more than half the day" as an exclusion (a negation or
    the other section leaves it unread)."""
    lay = (_LAY_DOWN if exclusion else _LAY_UP).search(sentence)
    if lay is None or _LAY_NOT.search(sentence, 0, lay.start()) or _EXCEPTION_CUE.search(sentence):
        return []
    if exclusion:
        return [{"verdicts": _ecog_verdicts(3, 4, kps=False, allowed=False), "evidence": quote(sentence),
                 "label": "not ECOG 3-4 (in bed or a chair more than half the day)", "_limit": 0}]
    return [{"verdicts": _ecog_verdicts(0, 2, kps=False, allowed=True), "evidence": quote(sentence),
             "label": "ECOG 0-2 (up and about at least half the day)", "_limit": 0}]


def _lay_possible(text: str) -> bool:
    return _LAY_UP.possible(text) or _LAY_DOWN.possible(text)


def _performance_field(sentence: str, fields: tuple[LabelledField, ...]) -> str:
    """The "Performance status:" field of a run of labelled fields (the splitter's, criteria/text.py), label and
    all; any other sentence whole. The performance field is the limit: an age or an "unless" in another field
    ("Age: 70 and over ... Hepatic: (Unless caused by tumor) ...") is not its condition."""
    if len(fields) < 2:  # no field, or one alone: the sentence is all there is
        return sentence
    for field in fields:
        if field.label.lower() == "performance status":
            return field.quoted
    # No field of its own: "Age: 70 and over with ECOG 0-2, or age 18 to 69 with ECOG 2": the one field that states a
    # score is the limit, with its label (the age it names is its condition, other fields' words are not).
    scored = [field for field in fields if ANCHOR.search(field.text)]
    return scored[0].quoted if len(scored) == 1 else sentence


@cache
def _limit_words() -> AnyOf:
    """The needles of the lay wordings and of ANCHOR in one check (_may_state: asked of every distinct text)."""
    return AnyOf(_LAY_UP, _LAY_DOWN, ANCHOR)


def _may_state(text: str) -> bool:
    """False when no sentence of a criterion with this text can state a limit (see _criterion_rules)."""
    return _limit_words().possible(text)


# A parse's memo of _sentence_rules by sentence and section (a long text repeats its bullets word for word).
_Said = dict[tuple[str, bool], list[dict[str, Any]]]


def _sentence_rules_once(said: _Said | None, sentence: str, exclusion: bool) -> list[dict[str, Any]]:
    """_sentence_rules where ANCHOR finds a score in the sentence, else none; read once per parse in `said`. The
    caller changes the rules it gets, so every call gets its own copy."""
    if said is None:
        return _sentence_rules(sentence, exclusion) if ANCHOR.search(sentence) else []
    key = (sentence, exclusion)
    if key not in said:
        said[key] = _sentence_rules(sentence, exclusion) if ANCHOR.search(sentence) else []
    return copy.deepcopy(said[key])


def _criterion_rules(criterion: Criterion, said: _Said | None = None) -> list[dict[str, Any]]:
    """`said`: the parse's memo of sentence readings (_sentence_rules_once)."""
    rules: list[dict[str, Any]] = []
    lay = _lay_possible(criterion.text)
    if not lay and not ANCHOR.possible(criterion.text):
        return rules  # its sentences are parts of its text: none can name a score
    sentences = criterion.sentences()
    if len(sentences) > 1 and _AGE_WORD.search(criterion.text) and (
            by_age := _age_rule(criterion.text, criterion.section == "exclusion")) is not None:
        # "ECOG 0-2 for patients aged 75 or older; ECOG 0-1 for younger ones": one rule by age across its sentences.
        by_age["evidence"] = quote(criterion.text)
        return [by_age]
    for number, (sentence, fields) in enumerate(zip(sentences, criterion.labelled_fields(), strict=True)):
        sentence = _performance_field(sentence, fields)
        found = _sentence_rules_once(said, sentence, criterion.section == "exclusion")
        if not found and lay:
            found = _lay_rules(sentence, criterion.section == "exclusion")
        evidence = quote(sentence) if found else ""
        for rule in found:
            rule["evidence"] = evidence
            if "_limit" in rule:
                rule["_limit"] = (criterion.index, number, rule["_limit"])
            rules.append(rule)
    if _per_part(criterion, rules):
        # "ECOG > 1 (Part A) or > 2 (Part B)": a score one part keeps out another may take.
        for rule in rules:
            if rule["label"].startswith("not "):
                rule["verdicts"] = [ELIGIBLE if v is None else v for v in rule["verdicts"]]
    return rules


# Performance status checks read only the ECOG value: apply_scope gets no profile, so a limit for a
# marker group is a question for everyone, never an exclusion.


# A part, arm or cohort named inside a criterion the reader left unscoped ("ECOG 0-1 in Part A", "ECOG PS 2
# (frail cohort)", "ECOG >= 2 in the dose-escalation part"): the limit may be that part's only.
_PART_MENTION = guarded(
    r"\b(?:(?:dose[- ])?(?:escalation|expansion|extension)(?:\s+(?:cohorts?|parts?|phase|portion|arms?))?"
    r"|cohorts?|sub-?stud(?:y|ies)|run-in|portion"
    r"|parts?\s*(?:[1-9]|(?-i:[A-H])|(?-i:I{1,3}V?))[a-z]?\b|phase\s*(?:[1-3]|(?-i:I{1,3}))[ab]?\b"
    r"|arms?(?:\s*(?:[1-9]|(?-i:[A-H])|(?-i:I{1,3}V?))[a-z]?)?\b)"
    # "documented before sub-study registration": a moment, not a part.
    r"(?!\s+(?:randomi[sz]ation|registration|enrol?lment|entry|start|initiation|screening|assignment|allocation))",
    re.I,
)
_SCORED_ASIDE = re.compile(r"\((?=[^()]*\b(?:ECOG|PS|WHO|Zubrod|Karnofsky|KPS)\b)[^()]*\)", re.I)
_EVERY_PART = re.compile(r"\b(?:all|both|each|every|any|either|whole|entire)\b", re.I)
# "ECOG 0-1. In Cohorts 1 and 2, patients aged 75 or older may have ECOG 2": a later sentence letting a score of its
# own in is that part's exception, as a scored aside is; the limit before it is everyone's.
_SCORED_PERMISSION_SENTENCE = re.compile(
    r"(?<=[.;])\s+(?=[^.;]*\b(?:ECOG|PS|WHO|Zubrod|Karnofsky|KPS)\b)"
    r"(?=[^.;]*\b(?:may|can|permitted|allowed|eligible|acceptable|accepted)\b)[^.;]*",
    re.I,
)
_SCORE_WORD = re.compile(r"\b(?:ECOG|PS|WHO|Zubrod|Karnofsky|KPS|performance status)\b", re.I)


def one_part(text: str) -> str | None:
    """The one part, arm or cohort a criterion names, unless it names several or says every part (the brain
    metastasis rules read it too)."""
    # "ECOG 0-1 (ECOG 2 permitted in Cohort C only if ...)": an aside with a score of its own is that part's
    # exception; the limit outside it is everyone's ("ECOG 0-1 (Part A only)" keeps its part).
    if "(" in text:
        text = _SCORED_ASIDE.sub(" ", text)
    general = _SCORED_PERMISSION_SENTENCE.sub(" ", text)
    if general != text and _SCORE_WORD.search(general):
        text = general
    names = {m.group(0).lower() for m in _PART_MENTION.finditer(text)}
    # "PS 0-1, except in Part B where 0-2 is allowed": the part is the exception, the limit is everyone's.
    if len(names) != 1 or _EVERY_PART.search(text) or _EXCEPTION_CUE.search(text):
        return None
    return next(iter(names))


def _scoped_rules(criterion: Criterion, said: _Said | None = None) -> list[dict[str, Any]]:
    """A criterion's limits with the reader's scope applied: a limit for another cancer's patients is
    dropped, one for a part, arm or marker group cannot exclude (its excluded scores become questions)."""
    rules = _criterion_rules(criterion, said)
    scope = criterion.scope
    if not rules:
        return rules
    if scope is None:
        part = one_part(criterion.text) if len({r["label"] for r in rules}) == 1 else None
        for rule in rules if part else ():
            rule["part"] = part
            rule["unscoped"] = list(rule["verdicts"])
            rule["verdicts"] = [UNKNOWN if v == EXCLUDED else v for v in rule["verdicts"]]
        return rules
    if _per_part(criterion, rules) or len({r["label"] for r in rules}) > 1 and criterion.text.lower().find(
            scope.label.lower()) > 0:
        # One limit per part ("0-1 (Part A); 0-2 (Part B)"), or a general limit with a part's own
        # after it ("0-2 (PS 2 allowed only in the expansion cohort)"): alternatives, read together.
        return rules
    if scope.other_disease:
        return _per_cancer_rules(criterion)
    scope_json = scope.to_json()
    for rule in rules:
        rule["scope"] = scope_json
        rule["unscoped"] = list(rule["verdicts"])
        rule["verdicts"] = [
            v if v is None else apply_scope(Finding(v), scope_json, None).verdict for v in rule["verdicts"]
        ]
    return rules


_CLAUSE_CUT = re.compile(r";\s*|\.\s+(?=[A-Z])")


def _per_cancer_rules(criterion: Criterion) -> list[dict[str, Any]]:
    """"Patients with glioma: KPS >= 70; patients with solid tumours: ECOG <= 2": a criterion opening with another
    cancer's limit may go on to a limit for a group of its own (solid tumours, NSCLC). Only clauses that name such a
    group are kept; one that names none may go on about the other cancer."""
    clauses = [c for c in _CLAUSE_CUT.split(criterion.text) if c.strip()]
    rules: list[dict[str, Any]] = []
    for number, clause in enumerate(clauses[1:], start=1):
        scope = read_scope(clause)[1]
        if scope is None or scope.other_disease or not scope.diseases or not ANCHOR.search(clause):
            continue
        scope_json = scope.to_json()
        for rule in _sentence_rules(clause, criterion.section == "exclusion"):
            rule["evidence"] = quote(clause)
            rule["_limit"] = (criterion.index, number, rule.get("_limit"))
            rule["verdicts"] = [
                v if v is None else apply_scope(Finding(v), scope_json, None).verdict for v in rule["verdicts"]
            ]
            rules.append(rule)
    return rules


def _admits(rule: dict[str, Any]) -> frozenset[int] | None:
    """The scores a limit lets in, or None when it does not say who may join (a score kept out, an exception, a
    subgroup's or conditional limit)."""
    if None in rule["verdicts"] or rule.get("subgroup") or rule.get("on_condition"):
        return None
    return frozenset(e for e, v in enumerate(rule["verdicts"]) if v == ELIGIBLE)


def _doors(group: list[dict[str, Any]]) -> dict[Any, frozenset[int]]:
    """The scores each statement of a group lets in: the spans of one statement ("ECOG 0, 1, 2 or 3") are one door."""
    doors: dict[Any, frozenset[int]] = {}
    for rule in group:
        admits = _admits(rule)
        if admits is not None:
            key = rule.get("_limit", id(rule))
            doors[key] = doors.get(key, frozenset()) | admits
    return doors


def _alternatives(groups: dict[str, list[dict[str, Any]]]) -> None:
    """A score joined by "and" to another condition is one door among alternatives when a neighbouring statement of
    the same criterion, or of a sub-bullet of the same parent, lets in other scores ("* ECOG 2-3  * ECOG 0-1 AND
    creatinine clearance < 60 mL/min", "age >= 70 and ECOG 0-2, or ECOG 0-1"): two different limits side by side are
    ways in, and this one opens only on a condition the profile does not show, so its scores are a question. The
    same limit said again (in another scale) is no alternative, and alone "ECOG 0-1 and ..." stays a plain limit."""
    for group in groups.values():
        doors = _doors(group) if any(rule.get("joined") for rule in group) else {}
        for rule in group:
            key = rule.pop("_limit", id(rule))
            if not rule.pop("joined", False) or key not in doors:
                continue
            if any(other != key and admits != doors[key] for other, admits in doors.items()):
                rule["verdicts"] = [UNKNOWN if v == ELIGIBLE else v for v in rule["verdicts"]]
                rule["with_condition"] = True


_OWN_TERMS = ("subgroup", "on_condition", "with_condition", "cross", "conditional", "open_ended")


def _part_name(rule: dict[str, Any]) -> str | None:
    scope = rule.get("scope")
    return str(scope.get("label") or scope) if scope else rule.get("part")


def _same_limit_everywhere(rules: list[dict[str, Any]]) -> None:
    """ "Dose Escalation: ECOG 0 or 1" and again "Cohort 5: ECOG 0 or 1": every part the trial names sets the same
    limit (and nothing outside them sets another), so the limit holds whichever part a patient joins. A part's limit
    alone stays a question; so does any set of parts whose limits differ."""
    named = {_part_name(rule) for rule in rules}
    if len(named - {None}) < 1 or len(named) < 2 or any(rule.get(term) for rule in rules for term in _OWN_TERMS):
        return
    stated = {tuple(rule.get("unscoped", rule["verdicts"])) for rule in rules}
    if len(stated) != 1 or None in next(iter(stated)):
        return
    for rule in rules:
        if "unscoped" in rule:
            rule["verdicts"] = list(rule["unscoped"])
            rule.pop("scope", None)
            rule.pop("part", None)


def _fails_every_part(rules: list[dict[str, Any]]) -> None:
    """ "ECOG 0-2 for Phase 1" and "ECOG 0 or 1 for Phase 2": the parts' limits differ, but a score every part keeps
    out (here 3 and 4) fails whichever part a patient joins. The scores some part lets in stay as they are. So does
    a limit for everyone beside one part's own ("WHO PS 0-1 (Part A, Part B, BM cohort)" and "WHO PS 0-2 (LM cohort
    only)"): a score both keep out fails every part."""
    named = {_part_name(rule) for rule in rules}
    if len(named - {None}) < 1 or len(named) < 2 or any(rule.get(term) for rule in rules for term in _OWN_TERMS):
        return
    stated = [rule.get("unscoped", rule["verdicts"]) for rule in rules]
    for e in ECOG_VALUES:
        if all(verdicts[e] == EXCLUDED for verdicts in stated):
            for rule in rules:
                rule["verdicts"][e] = EXCLUDED


def _group_key(criterion: Criterion) -> str:
    """Sub-bullets of one parent are read together ("as defined by the following criteria: * ... * ..."), and with
    a parent that ends on "or" ("ECOG 2-3, OR" over "* Age >= 70 with ECOG 0-1 and ..."): its sub-bullets are the
    other ways in. Any other criterion stands alone."""
    if criterion.depth and criterion.parent:
        return f"parent:{criterion.parent}"
    return f"parent:{criterion.text}" if _ENDS_ON_OR.search(criterion.text) else f"criterion:{criterion.index}"


_ENDS_ON_OR = re.compile(r"\b(?:and/)?or\s*[:,;]?\s*$", re.I)


# "Adequate performance and laboratory parameters", "good performance status", "overall good general condition" as
# an inclusion; "poor general condition" as an exclusion: a limit with no score. The fit (ECOG 0-1) meet it; for
# anyone else it is the study team's call, a question, never an exclusion. Read only when the trial states no score.
_VAGUE_WHAT = (r"(?:overall\s+|general\s+)?(?:performance(?:\s+status)?|general\s+(?:condition|health|state)s?"
               r"|(?:physical|clinical)\s+condition|functional\s+status)\b")
_VAGUE_GOOD = guarded(rf"\b(?:good|adequate|satisfactory|acceptable|sufficient|fair)\s+{_VAGUE_WHAT}", re.I)
_VAGUE_POOR = guarded(rf"\b(?:poor|inadequate|bad|unsatisfactory|impaired|reduced)\s+{_VAGUE_WHAT}", re.I)
_VAGUE_NOT = re.compile(r"\b(?:not|no|without|nor|unless|except|if)\b[^.;]{0,25}$", re.I)


def _vague_rules(text: TrialText) -> list[dict[str, Any]]:
    """A question for ECOG 2 and worse from a performance limit stated with no score, in a trial that gives none."""
    for criterion in text.criteria:
        exclusion = criterion.section == "exclusion"
        pattern = _VAGUE_POOR if exclusion else _VAGUE_GOOD
        if criterion.scope is not None or not pattern.possible(criterion.text):
            continue
        for sentence in criterion.sentences():
            found = pattern.search(sentence)
            if found and not _VAGUE_NOT.search(sentence, max(0, found.start() - 30), found.start()):
                return [{"verdicts": [ELIGIBLE, ELIGIBLE, UNKNOWN, UNKNOWN, UNKNOWN], "evidence": quote(sentence),
                         "label": "a good performance status (no score given)", "vague": True}]
    return []


def _doors_beside_limits(rules: list[dict[str, Any]]) -> None:
    """"ECOG 0-2" and "Karnofsky >= 60 acceptable for patients whose PS is limited by neurological deficits": the
    group's second scale is one more way in. Beside a limit on the other scale it only lets in (a question) scores
    that limit keeps out; the scores the limit lets in stay in."""
    for rule in rules:
        scale = rule.get("door")
        other = "ECOG" if scale == "kps" else "Karnofsky"
        if scale and any(not r.get("door") and other in r["label"] for r in rules):
            for term in ("on_condition", "conditional", "cross"):
                rule.pop(term, None)


@collector_paused  # see trialmatch.criteria.collector
def parse(text: TrialText) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    groups: dict[str, list[dict[str, Any]]] = {}
    # A long text repeats its bullets word for word: the needle checks are asked once per distinct text, and a
    # criterion that fails them has no rules (as _criterion_rules would find, at more cost).
    may: dict[str, bool] = {}
    for criterion in text.criteria:
        if criterion.text not in may:
            may[criterion.text] = _may_state(criterion.text)
    said: _Said = {}
    found = [(criterion, _scoped_rules(criterion, said) if may[criterion.text] else []) for criterion in text.criteria]
    for criterion, criterion_rules in found:
        if criterion_rules:
            groups.setdefault(_group_key(criterion), []).extend(criterion_rules)
    _alternatives(groups)
    _same_limit_everywhere([rule for _, criterion_rules in found for rule in criterion_rules])
    _fails_every_part([rule for _, criterion_rules in found for rule in criterion_rules])
    for _, criterion_rules in found:
        for rule in criterion_rules:
            key = (tuple(rule["verdicts"]), rule["label"], rule["evidence"])
            if key not in seen:
                seen.add(key)
                rules.append(rule)
    if not rules:
        rules = _vague_rules(text)
    if not rules:
        return {}
    for rule in rules:
        rule.pop("unscoped", None)
    _doors_beside_limits(rules)
    # None = this statement says nothing about that score (an exception such as "ECOG 2 may be enrolled").
    combined: list[Verdict] = [
        max((r["verdicts"][e] for r in rules if r["verdicts"][e] and not r.get("subgroup")),
            key=_RANK.__getitem__, default=ELIGIBLE)
        for e in ECOG_VALUES
    ]
    # A limit for a subgroup ("ECOG 0-1 for patients over 75") only adds a question where the rest let in.
    for rule in rules:
        if rule.get("subgroup"):
            combined = [UNKNOWN if c == ELIGIBLE and v == UNKNOWN else c
                        for c, v in zip(combined, rule["verdicts"], strict=True)]
    # "ECOG 0-2" and, in another sentence, "ECOG 2 only if aged 70 or more": that score is a question.
    for rule in rules:
        if rule.get("on_condition"):
            combined = [UNKNOWN if v == UNKNOWN else c for c, v in zip(combined, rule["verdicts"], strict=True)]
    # For each ECOG value, the statement that decided it (the most permissive one).
    deciding = [
        next((i for i, r in enumerate(rules) if r["verdicts"][e] == combined[e]), -1) for e in ECOG_VALUES
    ]
    parsed: dict[str, Any] = {"verdicts": combined, "deciding": deciding, "rules": rules}
    if gate := _age_gate(rules, combined, deciding):
        parsed["age_gate"] = gate
        if more := {e: True for e in gate if rules[deciding[int(e)]].get("more")}:
            parsed["age_gate_more"] = more
    if by_age := _age_branches(rules, combined, deciding):
        parsed["age_branches"] = by_age
    return parsed


def _age_branches(rules: list[dict[str, Any]], combined: list[Verdict], deciding: list[int]) -> dict[str, Any]:
    """ECOG values a limit by age settles ("PS 2 up to 74, PS 0-1 from 75"), when no other statement lets the score
    in or leaves it a question: keyed by the ECOG value (as text), [[youngest, oldest, verdict], ...]."""
    out: dict[str, Any] = {}
    for e in ECOG_VALUES:
        if combined[e] != UNKNOWN or deciding[e] < 0:
            continue
        rule = rules[deciding[e]]
        if str(e) not in rule.get("ages", {}) or "scope" in rule or "part" in rule:
            continue
        if any(r is not rule and r["verdicts"][e] in (ELIGIBLE, UNKNOWN) for r in rules):
            continue
        out[str(e)] = rule["ages"][str(e)]
    return out


def _age_gate(rules: list[dict[str, Any]], combined: list[Verdict], deciding: list[int]) -> dict[str, list[int]]:
    """ECOG values whose only way in is a door with an age on it ("ECOG 2 with age >= 70, or ECOG 0-1"): the
    patient's age settles them. Keyed by the ECOG value (as text, for JSON), the ages that door takes."""
    gate: dict[str, list[int]] = {}
    for e in ECOG_VALUES:
        if combined[e] != UNKNOWN or deciding[e] < 0:
            continue
        door = rules[deciding[e]]
        if not door.get("age") or not door.get("with_condition"):
            continue
        others = [r for r in rules if r is not door and r["verdicts"][e] is not None]
        if any(r.get("subgroup") or r.get("on_condition") or r["verdicts"][e] != EXCLUDED for r in others):
            continue  # another statement lets the score in, or leaves it a question, on its own
        if others:
            gate[str(e)] = door["age"]
    return gate


def reads(rules: dict[str, Any]) -> frozenset[str]:
    """The profile fields check() reads: the age too when a score's door has an age on it."""
    return frozenset({"ecog", "age"}) if rules.get("age_gate") or rules.get("age_branches") else frozenset({"ecog"})


def _allowed_text(rules: list[dict[str, Any]]) -> str:
    return "; ".join(dict.fromkeys(r["label"] for r in rules))


def check(rules: dict[str, Any], profile: Patient) -> Finding:
    if not rules:
        return no_requirement("performance status")
    stated = rules["rules"]
    if profile.ecog is None:
        first = stated[0]
        return Finding(
            UNKNOWN, first["evidence"],
            f"The trial sets a performance status limit ({_allowed_text(stated)}); yours was not given.",
        )
    verdict: Verdict = rules["verdicts"][profile.ecog]
    deciding = rules["deciding"][profile.ecog]
    if deciding < 0:
        return Finding(ELIGIBLE, "", f"The trial's performance status criteria do not concern ECOG {profile.ecog}.")
    rule = stated[deciding]
    limit = _allowed_text(stated)
    ages = rules.get("age_gate", {}).get(str(profile.ecog))
    if verdict == UNKNOWN and ages and profile.age is not None:
        fits = ages[0] <= profile.age <= ages[1]
        if fits and rules.get("age_gate_more", {}).get(str(profile.ecog)):
            return Finding(UNKNOWN, rule["evidence"],
                           f"The trial takes ECOG {profile.ecog} only at some ages and with another condition your "
                           f"profile does not show (see the quoted criterion); at {profile.age} your age fits: ask "
                           f"the study team.")
        return Finding(ELIGIBLE if fits else EXCLUDED, rule["evidence"],
                       f"The trial takes ECOG {profile.ecog} only at some ages; at {profile.age} you "
                       f"{'fit' if fits else 'do not fit'} that door.")
    by_age = rules.get("age_branches", {}).get(str(profile.ecog))
    if verdict == UNKNOWN and by_age:
        if profile.age is None:
            return Finding(UNKNOWN, rule["evidence"],
                           f"The trial's performance status limit depends on age ({rule['label']}) and your age was "
                           f"not given: ask the study team.")
        at_age = age_rules.verdict_at(by_age, profile.age)
        if at_age != UNKNOWN:
            fits = at_age == ELIGIBLE
            return Finding(at_age, rule["evidence"],
                           f"The trial's performance status limit depends on age ({rule['label']}); at {profile.age} "
                           f"ECOG {profile.ecog} {'fits' if fits else 'is not among the scores taken'}.")
    if verdict == UNKNOWN and rule.get("open_ended"):
        reason = ("The trial asks for a performance status of 1 or higher, which read literally "
                  "leaves out the fittest patients; it may mean 1 or better: ask the study team.")
        return Finding(UNKNOWN, rule["evidence"], reason)
    if verdict == UNKNOWN and "scope" in rule:
        said = f"The trial takes performance status {rule['label']}; your ECOG is {profile.ecog}."
        return apply_scope(Finding(EXCLUDED, rule["evidence"], said), rule["scope"], None)
    if verdict == UNKNOWN and rule.get("cross"):
        reason = (f"The trial sets a condition for patients with ECOG {profile.ecog} on something your performance "
                  f"status does not settle (see the quoted criterion): ask the study team.")
    elif verdict == UNKNOWN and profile.ecog in rule.get("conditional", ()):
        reason = (f"The trial takes ECOG {profile.ecog} only on a condition your profile does not settle (such as "
                  f"age or the cause of the decline): ask the study team.")
    elif verdict == UNKNOWN and rule.get("with_condition"):
        reason = (f"The trial takes performance status {rule['label']} only together with another condition your "
                  f"profile does not show (see the quoted criterion): ask the study team.")
    elif verdict == UNKNOWN and rule.get("vague"):
        reason = (f"The trial asks for a good performance status without giving a score; with ECOG {profile.ecog} "
                  f"whether you qualify is the study team's call.")
    elif verdict == UNKNOWN and "part" in rule:
        reason = (f"The trial takes performance status {rule['label']} in the part it names ({rule['part']}); "
                  f"your ECOG is {profile.ecog}: ask which part you could join.")
    elif verdict == ELIGIBLE:
        reason = f"The trial takes performance status {limit}; your ECOG {profile.ecog} fits."
    elif verdict == EXCLUDED:
        reason = f"The trial takes performance status {limit}; your ECOG is {profile.ecog}."
    else:
        reason = (
            f"The trial states its limit as {limit}, which does not map exactly onto ECOG "
            f"{profile.ecog}: ask the study team."
        )
    return Finding(verdict, rule["evidence"], reason)
