"""Why a criterion mentions a treatment or a marker when it is not a rule about the patient's cancer.

"Adverse events from prior immunotherapy must have resolved to grade 1" names immunotherapy, but
it asks about recovery, not about which treatment the patient had; "no chemotherapy within 21
days" is a washout, assumed met (labelling rule: time windows never exclude). A dimension skips a
sentence whose purpose is not its own. Each purpose is one guarded pattern: a cheap substring test
first, the regex only when the sentence can hold it.
"""

from __future__ import annotations

import re
from typing import Literal

from trialmatch.criteria.rules.prefilter import guarded

Purpose = Literal["washout", "toxicity_recovery", "contraception", "logistics", "hypersensitivity",
                  "concomitant", "other_cancer", "design"]

_NUMBER = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|ten|twelve|fourteen|twenty[\s-]?one|twenty[\s-]?eight)"
_UNIT = r"(?:days?|weeks?|wks?|months?|hours?|half[\s-]?lives|half[\s-]?life)"

# (purpose, substrings one of which the sentence must hold, pattern)
_PURPOSES: tuple[tuple[Purpose, tuple[str, ...], re.Pattern[str]], ...] = (
    ("contraception", ("contracep", "pregnan", "childbearing", "child-bearing", "breast", "lactat", "birth control"),
     re.compile(r"\b(?:contracepti\w+|pregnan\w+|child[\s-]?bearing|breast[\s-]?feeding|lactat\w+|birth control)\b",
                re.I)),
    # Also in plainer or translated wording: "non remissive toxic reactions derived from previous therapies,
    # over level 1 in CTC AE", "toxicities caused by previous therapies not remitted to grade 1".
    ("toxicity_recovery", ("toxic", "adverse", "side effect", "recover", "resolv", "grade", "aes", "irae"), re.compile(
        r"\b(?:toxicit(?:y|ies)|toxic\s+(?:reactions?|effects?|events?)|adverse (?:events?|effects?|reactions?)|AEs?"
        r"|irAEs?|side[\s-]effects?)\b"
        r"[^.;]{0,120}\b(?:resolved?|recovered|recovery|remitted|return(?:ed)? to|improved? to|"
        r"(?:grade|level)\s*[≤<=]*\s*[0-2]|(?:grade|level)\s*>\s*1\b|baseline|≤\s*grade|CTCAE|CTC\s+AE"
        r"|(?:over|above|exceeding|greater\s+than|higher\s+than)\s+(?:CTCAE\s+)?(?:grade|level)\s*[01]\b)"
        r"|\b(?:recover(?:ed|y)?|resolution)\s+(?:from|of)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:acute\s+|reversible\s+)?"
        r"(?:toxic|adverse|side|effects)"
        r"|\b(?:unresolved|persistent|ongoing|residual|non[\s-]?(?:remissive|remitted|resolved|recovered))\s+"
        r"(?:(?:grade\s*\S+|severe|chronic)\s+)?(?:toxic|adverse|AEs?\b|irAEs?\b|side)"
        r"|\b(?:toxicit(?:y|ies)|toxic\s+reactions?|adverse (?:events?|reactions?))\s+(?:from|of|due to|related to"
        r"|attributed to|caused by|derived from|resulting from|arising from|induced by|secondary to)\s+"
        r"(?:any\s+)?(?:the\s+)?(?:prior|previous|earlier)\b",
        re.I)),
    # (Not "contraindicated": "progressed on X or have it contraindicated" is a way into the trial.)
    ("hypersensitivity", ("allerg", "hypersensitiv", "anaphyla", "intoleran"), re.compile(
        r"\b(?:hypersensitivity|allerg\w+|anaphyla\w+)\b"
        r"|\bintoleran\w+\s+to\s+(?:any\s+)?(?:of\s+)?(?:the\s+)?(?:study|investigational|trial)\b",
        re.I)),
    ("other_cancer", ("malignan", "cancer", "primary", "tumor", "tumour"), re.compile(
        r"\b(?:other|another|second|secondary|additional|concurrent|history\s+of\s+(?:an)?other)\s+"
        r"(?:active\s+|invasive\s+|primary\s+)?(?:malignan\w+|cancers?|primary\s+tumou?rs?|neoplasms?)\b"
        # "prior malignancy", but not "prior cancer therapy": that is the patient's own treatment.
        r"|\b(?:prior|previous)\s+(?:active\s+|invasive\s+|primary\s+)?(?:malignan\w+|cancers?|neoplasms?)\b"
        r"(?!\s+(?:therap|treat|regimen|drug|medic|surgery|chemo|immuno|directed|systemic))"
        r"|\bsecond\s+primary\b",
        re.I)),
    ("concomitant", ("concomitant", "concurrent", "cyp3a", "inhibitors of cyp", "strong inducer", "strong inhibitor"),
     # (Not "no concomitant driver mutations": a finding in the tumour, not a medicine.)
     re.compile(r"\b(?:(?:concomitant|concurrent)\s+(?:use|medications?|medicines?|drugs?|treatments?|therap\w+|"
                r"administration|anti-?cancer|systemic)|concurrent(?:ly)?\s+(?:receiving|treated)|"
                r"strong\s+(?:cyp\w*\s+)?(?:inhibitors?|inducers?)|cyp3a4?)\b", re.I)),
    # (A unit is a needle too: "at least 28 days from the previous immunotherapy" holds none of the others.)
    ("washout", ("within", "since", "prior to", "before", "wash", "elapsed", "half", "last dose", "interval",
                 "time between", "day", "week", "wk", "month", "hour"),
     re.compile(
        rf"\bwithin\s+(?:the\s+)?(?:last\s+|past\s+|previous\s+|preceding\s+)?{_NUMBER}\s*{_UNIT}"
        # ("≥" and ">=" after a space: no word boundary before them.)
        rf"|(?:\b(?:at\s+least|minimum\s+of|more\s+than|a\s+minimum\s+of)|≥|>=)\s*{_NUMBER}\s*{_UNIT}\s+"
        r"(?:since|from|after|before|prior\s+to|must\s+have\s+(?:elapsed|passed))"
        rf"|\b{_NUMBER}\s*{_UNIT}\s+(?:of|before|prior\s+to|preceding)\s+(?:the\s+)?(?:first(?![\s-]+line)|start|initiation|"
        r"randomi[sz]ation|enrol?lment|registration|day\s*1|c1d1|study\s+(?:drug|treatment|entry))"
        r"|\bwash[\s-]?out\b|\bhalf[\s-]?lives\b"
        # A table of windows: "Time between prior anticancer therapy and first dose of X as below:".
        r"|\b(?:time|interval)\s+(?:elapsed\s+)?(?:between|since|from)\s+(?:the\s+)?(?:last\s+(?:dose\s+of\s+)?)?"
        r"(?:prior|previous|last|any)\b",
        re.I)),
    ("logistics", ("archiv", "tissue", "sample", "specimen", "consent", "willing", "comply", "block"), re.compile(
        r"\b(?:archival|tumou?r\s+tissue\s+(?:sample|specimen|block)|(?:tissue|tumou?r)\s+(?:samples?|specimens?|"
        r"blocks?|slides?)|informed\s+consent|willing(?:ness)?\s+(?:and\s+able\s+)?to|able\s+to\s+comply)\b",
        re.I)),
)


# "progressed on or within 6 months of platinum", "relapse within 12 months of adjuvant therapy": the
# window dates the disease's course, it is no washout. Nor is a plan: "surgery planned within 6
# weeks", "diagnosed within the last 3 months", "expected to start chemotherapy within 2 weeks".
_COURSE_WINDOW = re.compile(r"\b(?:progress\w*|relaps\w*|recurr\w*|recurrence|refractory|resistan\w*|diagnos\w*|"
                            r"planned|scheduled|expected|intend\w*|(?:to|will)\s+(?:start|begin|receive|undergo))\b"
                            r"[^.;]{0,40}?\bwithin\b", re.I)


_WASHOUT_WORDS = ("since", "prior to", "before", "wash", "elapsed", "half", "last dose", "interval", "time between")
# A window with no "within" that dates the disease's course: "relapse at least 6 months after adjuvant therapy",
# "at least 12 weeks from the start of X to progression".
_COURSE_AFTER = re.compile(r"\b(?:progress\w*|relaps\w*|recurr\w*|recurrence|refractory|resistan\w*|diagnos\w*|"
                           r"disease[\s-]free|treatment[\s-]free)", re.I)


# An aside that lets something in: a bracket, or a clause after ";" / ", but", holding an allowing word.
# "No prior chemotherapy (chemotherapy for another cancer is allowed)": the other cancer is the exception's, and
# the sentence is still this cancer's rule. (Not "Prior chemotherapy (for another cancer) within 3 years": a bracket
# that allows nothing qualifies the rule itself.)
_ALLOWING_ASIDE = re.compile(
    r"[(\[](?P<bracket>[^()\[\]]{0,200})[)\]]"
    r"|(?:;|,\s*(?:but|however|although|though|whereas)\b|\.\s+(?:However,?\s+)?)(?P<clause>[^;()]{0,200})$",
    re.I)
_ALLOWING = re.compile(
    r"\b(?:allowed|permitted|acceptable|accepted|eligible|(?:is|are)\s+not\s+(?:excluded|an?\s+exclusion)"
    r"|(?:does|do)\s+not\s+(?:count|exclude|apply)|not\s+(?:counted|considered)|may\s+(?:participate|enrol|enter|be\s+"
    r"(?:included|enrolled)))\b|^\s*(?:except|excluding|other\s+than|apart\s+from|with\s+the\s+exception\s+of)\b",
    re.I)
_ALLOWING_WORD = re.compile(r"allowed|permitted|acceptab|accepted|eligible|exclu|count|consider|apply|may\s|except"
                            r"|other\s+than|apart", re.I)


def allowing_asides(sentence: str) -> list[tuple[int, int]]:
    """The spans of the asides in a sentence that allow or except something ("(chemotherapy for another cancer is
    allowed)", "; prior treatment for a previous malignancy is permitted")."""
    if not _ALLOWING_WORD.search(sentence):
        return []
    return [m.span() for m in _ALLOWING_ASIDE.finditer(sentence)
            if _ALLOWING.search(m.group("bracket") if m.group("bracket") is not None else m.group("clause"))]


def in_allowing_aside(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] lies in an allowing aside, with a rule outside the asides for it to except from."""
    asides = allowing_asides(sentence)
    return _inside(asides, start, end) and _rule_outside(sentence, asides)


def _inside(asides: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in asides)


def _rule_outside(sentence: str, asides: list[tuple[int, int]]) -> bool:
    """Whether the words outside the asides hold a rule for them to except from."""
    starts = [0, *(e for _, e in asides)]
    ends = [*(s for s, _ in asides), len(sentence)]
    rest = "".join(sentence[e:s] for e, s in zip(starts, ends, strict=True))
    return bool(re.search(r"[a-z]{4}", rest, re.I))


def _other_cancer_only_in_allowance(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether every mention of another cancer sits in an aside that allows or excepts something, with the
    sentence's own rule outside it ("No prior chemotherapy (chemotherapy for another cancer is allowed)").
    (The asides are found once for all the mentions, not once per mention.)"""
    spans = [m.span() for m in pattern.finditer(sentence)]
    if not spans:
        return True
    asides = allowing_asides(sentence)
    return all(_inside(asides, *span) for span in spans) and _rule_outside(sentence, asides)


def _shows(purpose: Purpose, needles: tuple[str, ...], pattern: re.Pattern[str], sentence: str, lowered: str) -> bool:
    for needle in needles:  # (a loop, not any() over a generator: asked of every purpose of every sentence)
        if needle in lowered:
            break
    else:
        return False
    if not pattern.search(sentence):
        return False
    if purpose == "other_cancer":
        return not _other_cancer_only_in_allowance(pattern, sentence)
    if purpose != "washout":
        return True
    if "within" in lowered:
        return not _COURSE_WINDOW.search(sentence)
    # Found by a unit alone ("at least 6 months from the end of adjuvant therapy to relapse"): a window the
    # disease's course is dated by is no washout.
    return any(needle in lowered for needle in _WASHOUT_WORDS) or not _COURSE_AFTER.search(sentence)


def purpose_of(sentence: str) -> Purpose | None:
    """The first purpose a sentence shows, in the order of _PURPOSES: a contraception or recovery
    sentence often holds a time window too, and is not a washout."""
    lowered = sentence.lower()
    for purpose, needles, pattern in _PURPOSES:
        if _shows(purpose, needles, pattern, sentence, lowered):
            return purpose
    return "design" if is_design(sentence) else None


# --- the trial's design: stratification, quotas and caps -----------------------------------------------
# "Stratified by presence vs absence of brain metastases", "Stratification factors: prior anti-PD-1 (yes/no)",
# "approximately 50% of patients will have PD-L1 TPS >= 50%", "At least 30% of patients enrolled must have
# EGFR-mutant NSCLC", "(TPS 1-49% capped at 30% of enrolment)", "no more than 40% of participants may have a TPS
# of 1-49%", "ECOG 2 limited to 20% of patients": how the trial fills its places, never a rule a patient fails.
# Not "at least 1 measurable lesion", "no more than 2 prior lines", "not limited to": no share of the patients.
_SHARE = (r"(?:approximately\s+|about\s+|~\s*)?\d{1,3}(?:\.\d)?\s*(?:%|percent\b)(?:\s+of\s+(?:the\s+)?(?:enrolled\s+|"
          r"randomi[sz]ed\s+|total\s+)?(?:patients|participants|subjects|enrol\w*|population|sample|cohort|accrual)\w*)?"
          r"|(?:approximately\s+|about\s+|~\s*)?\d{1,4}\s+(?:patients|participants|subjects)\b"
          r"|(?:approximately|about|~)\s*\d{1,4}\b")
_STRATA = re.compile(r"^(?:(?:randomi[sz]ation|patients|participants|subjects)\s+(?:will\s+be\s+|is\s+|are\s+)?)?"
                     r"stratifi(?:ed|cation)\b(?!\s+(?:is|are)\s+(?:not|required))", re.I)
_COMPOSITION = re.compile(r"^(?:approximately|about|~|at\s+least|a\s+minimum\s+of)\s*\d{1,3}(?:\.\d)?\s*(?:%|percent\b)"
                          r"\s+of\s+(?:the\s+)?(?:enrolled\s+|randomi[sz]ed\s+)?(?:patients|participants|subjects|"
                          r"enrol\w*|population)", re.I)
# (Behind its needle check: most pieces of a criterion that holds a design word name no cap.)
_CAP = guarded(rf"\b(?:capped\s+at|limited\s+to|(?:will\s+)?not\s+exceed|restricted\s+to)\s+(?:a\s+maximum\s+of\s+)?"
               rf"(?:{_SHARE})|^(?:no|not)\s+more\s+than\s+(?:{_SHARE})|^(?:a\s+)?maximum\s+of\s+(?:{_SHARE})", re.I)
# Where a design piece sits: an aside ("(... capped at 30% ...)"), a sentence after ";" or ".", or a ", stratified
# by ..." tail.
_ASIDE = re.compile(r"\s*\((?P<inner>[^()]{3,200})\)")
_PIECE = re.compile(r"(?:^|(?<=[.;]))\s*(?P<inner>[^.;]{3,300})")
_STRATA_TAIL = re.compile(r",\s*(?:with\s+)?(?:randomi[sz]ation\s+)?stratified\s+by\b[^.;()]*", re.I)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_RANGE = re.compile(r"(?P<low>\d+(?:\.\d+)?)\s*%?\s*(?:-|–|to)\s*(?P<high>\d+(?:\.\d+)?)"
                    r"|(?P<op>[≥>]=?|>=|at\s+least|≤|<=?|at\s+most)\s*(?P<bound>\d+(?:\.\d+)?)"
                    r"|(?P<from>\d+(?:\.\d+)?)\s*%?\s*or\s+(?P<way>more|greater|higher|above|less|fewer|lower|below)"
                    r"|(?P<one>\d+(?:\.\d+)?)", re.I)
_NUMBER_AFTER = re.compile(r"(?:capped at|limited to|exceed|more than|maximum of|restricted to|approximately|least"
                           r"|minimum of)\s+(?:approximately\s+|about\s+|~\s*|a\s+maximum\s+of\s+)?\d")


# "PD-L1 TPS does not exceed 49%", "tumour proportion score limited to 49%": a bare percentage after a measure is the
# measure's own value (a rule), not a share of the patients enrolled.
_MEASURE_BEFORE = re.compile(
    r"\b(?:tps|pd-?l1|scores?|expression|staining|positivity|cps|tc|ic|levels?|values?|proportion|percentage|results?)"
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:(?:does|do|must|should|shall|will|may|can|is|are|to)\s+)?$",
    re.I,
)
_OF_PATIENTS = re.compile(r"\bof\b|\b(?:patients|participants|subjects)\b", re.I)


def _is_design(piece: str, rest: str) -> bool:
    """A piece that only says how the trial fills its places. A cap is design only when the rule around it
    already holds the capped group ("PD-L1 >= 1% (TPS 1-49% capped at 30%)"); one that names values the rule
    leaves out ("ECOG 0-1; no more than 15% of patients may have ECOG 2") is an allowance and stays."""
    piece = piece.strip(" ,;.")
    if _STRATA.match(piece) or _COMPOSITION.match(piece):
        return True
    cap = _CAP.search(piece)
    if cap is None:
        return False
    if not _OF_PATIENTS.search(cap.group(0)) and _MEASURE_BEFORE.search(piece, 0, cap.start()):
        return False  # "PD-L1 TPS does not exceed 49%": the measure's value
    group = (piece[:cap.start()] + " " + piece[cap.end():]).strip()
    return all(_within(float(n), rest) for n in _DIGITS.findall(group))


def _within(value: float, rule: str) -> bool:
    """Whether a value lies in some range the rule states (no number in the rule: it states none, so yes)."""
    ranges: list[tuple[float, float]] = []
    for match in _RANGE.finditer(rule):
        if match.group("low"):
            ranges.append((float(match.group("low")), float(match.group("high"))))
        elif match.group("from"):
            bound = float(match.group("from"))
            up = match.group("way").lower() in {"more", "greater", "higher", "above"}
            ranges.append((bound, float("inf")) if up else (float("-inf"), bound))
        elif match.group("op"):
            bound, op = float(match.group("bound")), match.group("op").lower()
            ranges.append((bound, float("inf")) if op[0] in "≥>a" and op != "at most" else (float("-inf"), bound))
        else:
            ranges.append((float(match.group("one")), float(match.group("one"))))
    return not ranges or any(low <= value <= high for low, high in ranges)


def without_design(text: str) -> str:
    """The criterion without its design pieces (asides, sentences, a ", stratified by" tail); "" when it is all
    design. Most criteria hold none of its words and come back unchanged at once."""
    lowered = text.lower()
    # Every design piece holds one of these words: substring tests in C, far cheaper than one regex alternation,
    # and written out (no generator step per word: most criteria hold none, and every criterion is asked).
    if not ("stratif" in lowered or "% of" in lowered or "percent of" in lowered or "capped" in lowered
            or "limited to" in lowered or "exceed" in lowered or "more than" in lowered or "maximum" in lowered
            or "restricted" in lowered or "approximately" in lowered):
        return text
    if "stratif" not in lowered and not _NUMBER_AFTER.search(lowered):  # "more than 1 year", "not limited to": no share
        return text
    read = _STRATA_TAIL.sub("", text)
    for match in reversed(list(_ASIDE.finditer(read))):
        rest = read[:match.start()] + read[match.end():]
        if rest.strip() and _is_design(match.group("inner"), rest):
            read = rest
    pieces = [m.group("inner") for m in _PIECE.finditer(read)]
    if len(pieces) > 1 or (pieces and _is_design(pieces[0], "")):
        kept = [p for p in pieces if not _is_design(p, " ".join(q for q in pieces if q is not p))]
        if len(kept) != len(pieces):
            read = "; ".join(k.strip(" ;") for k in kept)
    return text if read == text else " ".join(read.split()).strip(" ,;")


def is_design(sentence: str) -> bool:
    """The whole sentence is trial design (stratification, a quota or a cap)."""
    return bool(sentence.strip()) and not without_design(sentence)
