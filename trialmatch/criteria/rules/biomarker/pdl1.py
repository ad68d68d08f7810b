"""Read PD-L1 requirements ("PD-L1 TPS >= 50%", "PD-L1 negative", "TPS 1-49%") out of one sentence.

A PD-L1 mention is a requirement only when it carries a level: a number with a comparison, a range, or
a word such as positive / negative / high. "Tissue for PD-L1 testing" and "stratified by PD-L1" are not.
The scale is recorded (TPS = tumour cells; CPS; IC = immune cells) because a profile gives TPS only.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.biomarker.cues import NEG_ADVERB, NOT_PERMISSION, PERMISSION, other_cancer_only
from trialmatch.criteria.rules.biomarker.phrases import Statement, tokens
from trialmatch.criteria.rules.biomarker.text import negated_before
from trialmatch.criteria.rules.comparators import NEGATION
from trialmatch.criteria.rules.prefilter import Guarded, guarded

_NUMBER = r"(\d{1,3}(?:\.\d+)?)"
_COMPARATORS: dict[str, str] = {
    "≥": ">=", ">=": ">=", "=>": ">=", "≥ or =": ">=", "> or =": ">=", "greater than or equal to": ">=",
    "equal to or greater than": ">=", "equal or greater than": ">=", "at least": ">=", "of at least": ">=", "≧": ">=",
    ">": ">", "greater than": ">", "more than": ">", "higher than": ">", "above": ">", "over": ">", "exceeding": ">",
    "exceeds": ">", "exceed": ">",
    "≤": "<=", "<=": "<=", "=<": "<=", "less than or equal to": "<=", "equal to or less than": "<=", "at most": "<=",
    "up to": "<=",
    "<": "<", "less than": "<", "lower than": "<", "below": "<", "under": "<", "fewer than": "<",
}
# Negated comparison words ("not lower than 1%", "not exceeding 49%", "must not be below 50%", "does not exceed")
# are not listed one by one: a negation just before any comparator reverses it (not < is >=, not > is <=).
_NOT = f"(?:{NEGATION})?"
# "does not fall below 1%", "must not rise above 49%": a verb of movement between the negation and the comparator.
_MOVE = r"(?:(?:fall|falls|drop|drops|go|goes|rise|rises|get|gets)\s+)?"
_COMPARE = re.compile(
    _NOT + _MOVE + "(?P<op>" + "|".join(re.escape(c) for c in sorted(_COMPARATORS, key=len, reverse=True)) + r")\s*"
    + _NUMBER + r"\s*(%|percent\b)?",
    re.I,
)
_REVERSED = {">=": "<", ">": "<=", "<=": ">", "<": ">="}


def _op(match: re.Match[str]) -> str:
    """The comparison a _COMPARE match states, a negation before it reversing it ("no greater than" is <=)."""
    word = match.group("op")
    op = _COMPARATORS.get(word.lower()) or _COMPARATORS.get(word, ">=")
    return _REVERSED[op] if match.group("neg") else op
_RANGE = re.compile(
    r"(?:between\s+)?" + _NUMBER + r"\s*(%)?\s*(?:-|to|~|and)\s*" + _NUMBER + r"\s*(%|percent\b)", re.I
)
_TRAILING = re.compile(_NUMBER + r"\s*%\s*or\s+(more|greater|higher|above|over|less|lower|below|fewer)\b", re.I)
_NOT_A_RULE = guarded(
    r"\b(?:stratif\w*|regardless|irrespective|independent of|any PD-?L1|all PD-?L1|unselected|whatever"
    # "Both PD-L1 positive and PD-L1 negative subjects are eligible", "PD-L1-high as well as PD-L1-low tumours": every
    # value is covered, so no level is asked for
    r"|(?:positive|high)\s+(?:and|or|as\s+well\s+as|and/or)\s+(?:PD-?L1[\s-]+)?(?:negative|low)\b"
    r"|(?:negative|low)\s+(?:and|or|as\s+well\s+as|and/or)\s+(?:PD-?L1[\s-]+)?(?:positive|high)\b"
    r"|exploratory|(?:are |may )?all (?:be )?(?:eligible|allowed|permitted)"
    r"|(?:may|can) all (?:participate|enrol|enroll|be enrolled)|both eligible|any (?:PD-?L1 )?(?:level|expression)"
    # "Known PD-L1 result (any value, including <1%)", "PD-L1 TPS of any score", "whatever the TPS value": the level
    # quoted after it is an example of what is allowed, not a bound
    r"|(?:any|all|whatever\s+(?:the|its))\s+(?:PD-?L1\s+)?(?:TPS\s+|CPS\s+)?(?:values?|results?|scores?|percentages?"
    r"|categor(?:y|ies)|levels?|status)\b"
    r"(?!\s*(?:[<>≥≤=]|above|below|over|under|from|of\s+at\s+least|at\s+least|greater|less|higher|lower))"
    r"|neither (?:required|mandatory|needed) nor|not (?:a )?requirement|not required|not exclusionary"
    r"|will be (?:tested|assessed|collected|evaluated|determined))\b",
    re.I,
)
_WINDOW = 90
# A score of exactly zero with no comparison ("TPS 0%", "PD-L1 expression of 0%"): not "10%", "1.0%" or "0-49%".
_ZERO = re.compile(r"(?<![\d.,])0(?:\.0)?\s*%(?!\s*(?:-|to\b|~))", re.I)
# Other lab values in the same sentence end the PD-L1 window ("PD-L1 tissue and LVEF >= 50%").
_OTHER_MEASURE = re.compile(
    r"\b(?:LVEF|ejection|h(?:a)?emoglobin|neutrophils?|ANC|platelets?|creatinine|bilirubin|ECOG|Karnofsky|KPS"
    r"|QTc|albumin|saturation|FEV1|DLCO|years? old|aged?)\b",
    re.I,
)
# PD-L1 assays. A sentence that names two or more gives each its own cut-off ("TPS >= 50% (22C3) or TC >= 25% (SP263)"):
# a profile's TPS comes from an unknown assay, so only a value on the same side of every cut-off decides.
_ASSAY = guarded(r"\b(?:22C3|28-8|SP263|SP142|73-10|E1L3N|QR1)\b", re.I)
# The SP142 scoring levels: "TC3 or IC3", "TC2/3 or IC2/3", "TC1/2/3". Tumour cells TC0 <1%, TC1 1-4%, TC2 5-49%,
# TC3 >=50%; immune cells IC0 <1%, IC1 1-4%, IC2 5-9%, IC3 >=10%.
_SP142_LEVEL = re.compile(r"\b(TC|IC)\s?([0-3](?:\s*/\s*[0-3])*)(?!\w)(?!\s*/\s*[0-3])")
_SP142_BOUNDS = {"TC": (None, 1.0, 5.0, 50.0, None), "IC": (None, 1.0, 5.0, 10.0, None)}
_ARE_EXCLUDED = re.compile(r"\b(?:is|are|(?:will|shall)\s+" + NEG_ADVERB + r"be)\s+" + NEG_ADVERB
                           + r"(?:excluded|not eligible|ineligible|not allowed)\b", re.I)


@cache
def _scale_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], Guarded]:
    data = vocab.pdl1_vocab()
    tps = re.compile(vocab.phrase_pattern(data["tps_names"], plural=False), re.I)
    cps = re.compile(vocab.phrase_pattern(data["cps_names"], plural=False), re.I)
    ic = re.compile(vocab.phrase_pattern(data["ic_names"], plural=False))
    score_names = ["TPS", "tumor proportion score", "tumour proportion score", "CPS", "combined positive score"]
    anchor = Guarded(re.compile(vocab.phrase_pattern(score_names, plural=False), re.I))
    return tps, cps, ic, anchor


@cache
def _level_patterns() -> list[tuple[str, re.Pattern[str]]]:
    levels = vocab.pdl1_vocab()["levels"]
    # Negative first: "non-expressing" must not read as "expressing".
    order = ["negative_or_low", "negative", "high", "low", "positive"]
    return [(name, re.compile(r"^[\s\-(]*(?:expression\s+|status\s+|tumou?rs?\s+|is\s+|was\s+)?(?:"
                              + vocab.phrase_pattern(levels[name]["words"], plural=False) + ")", re.I))
            for name in order] + [
        (name, re.compile(r"(?:" + vocab.phrase_pattern(levels[name]["words"], plural=False)
                          + r")(?:\s+for)?[\s\-]*(?:PD-?L1\s*)?(?:expression\s*|expressing\s*)?$", re.I))
        for name in order
    ]


_LEVEL_FOR = re.compile(r"\b(?:negative|positive)\s+for\s+$", re.I)


def names_score(sentence: str) -> bool:
    """A PD-L1 score name (TPS, CPS, ...): read_pdl1 reads a sentence with no PD-L1 word from there."""
    return _scale_patterns()[3].search(sentence) is not None


def score_span(sentence: str) -> tuple[int, int] | None:
    """Where the first PD-L1 level is named: the PD-L1 word, else a bare score name ("TPS >= 1%"), as read_pdl1."""
    first = next((t for t in tokens(sentence) if t.type == "pdl1"), None)
    if first is not None:
        return first.start, first.end
    match = _scale_patterns()[3].search(sentence)
    return None if match is None else (match.start(), match.end())


def read_pdl1(sentence: str, section: str) -> list[Statement]:
    """PD-L1 level statements in one normalised sentence: each becomes its own requirement."""
    if _NOT_A_RULE.search(sentence) or other_cancer_only(sentence):
        return []
    toks = tokens(sentence)
    anchors = [(t.start, t.end) for t in toks if t.type == "pdl1"]
    _, _, _, score_anchor = _scale_patterns()
    if not anchors:
        anchors = [(m.start(), m.end()) for m in score_anchor.finditer(sentence)][:1]
    by_polarity: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[Any, ...]] = set()
    assays = len({m.group(0).upper() for m in _ASSAY.finditer(sentence)}) > 1
    for i, (start, name_end) in enumerate(anchors):
        end = anchors[i + 1][0] if i + 1 < len(anchors) else len(sentence)
        window = sentence[start: min(end, start + _WINDOW)]
        stop = _OTHER_MEASURE.search(window, name_end - start)
        window = window[: stop.start()] if stop else window
        before = sentence[max(0, start - 40): start]
        atoms = [a for a in _level(window, name_end - start, before, assays) if tuple(sorted(a.items())) not in seen]
        if not atoms:
            continue
        seen.update(tuple(sorted(a.items())) for a in atoms)
        # "PD-L1 TPS >= 50% are excluded" among the inclusion criteria
        excluded_after = section == "inclusion" and bool(_ARE_EXCLUDED.search(sentence[start: start + _WINDOW + 40]))
        # "negative for PD-L1 expression" names a level (below 1%), it does not negate one.
        negated = (not _LEVEL_FOR.search(before) and negated_before(sentence, toks, start)) or excluded_after
        by_polarity.setdefault("-" if negated else "+", []).extend(atoms)
    if not by_polarity and anchors and len(sentence) > anchors[0][0] + _WINDOW:
        _far_bracket(sentence, anchors[0][0], toks, by_polarity)
    # Levels named in one sentence are alternatives ("PD-L1 negative (TPS <1%) or low (1-49%)").
    return [Statement(polarity, atoms) for polarity, atoms in by_polarity.items()]


# "Tumor PD-L1 expression, as determined by an IHC assay performed by a central laboratory on archival tissue or a
# fresh biopsy (TC >= 1% or IC >= 1%)": the cut-off in a bracket of its own, past the PD-L1 word's window; the bracket
# opens with a score name, so what it holds is that score's level.
_SCORE_BRACKET = re.compile(r"\(\s*((?:TC|IC|TPS|CPS|TAP)\b[^()]{0,60})\)")


def _far_bracket(sentence: str, start: int, toks: list[Any], by_polarity: dict[str, list[dict[str, Any]]]) -> None:
    """The level of a score bracket after the PD-L1 word's window, on the PD-L1 word's side."""
    match = _SCORE_BRACKET.search(sentence, start + _WINDOW)
    if match is None or _OTHER_MEASURE.search(sentence, start, match.start()):
        return
    atoms = _level(match.group(1), 0, sentence[max(0, start - 40): start])
    if atoms:
        negated = negated_before(sentence, toks, start) and not _LEVEL_FOR.search(sentence[max(0, start - 40): start])
        by_polarity.setdefault("-" if negated else "+", []).extend(atoms)


def _level(window: str, name_length: int, before: str, assays: bool = False) -> list[dict[str, Any]]:
    """The levels named in a PD-L1 window; `assays`: the sentence gives cut-offs of several assays."""
    sp142 = _sp142_levels(window)
    if sp142 is not None and not _COMPARE.search(window) and not _RANGE.search(window):
        return [sp142]
    tps, cps, ic, _ = _scale_patterns()
    if cps.search(window):
        scale = "cps"
    elif ic.search(window) or (sp142 is not None and sp142["scale"] in {"ic", "tc_or_ic"}):
        # "TC >= 50% or IC >= 10%": a TPS can meet the tumour-cell part; missing it settles nothing.
        scale = "tc_or_ic" if tps.search(window) else "ic"
    else:
        scale = "tps"
    lo: float | None = None
    hi: float | None = None
    lo_incl = hi_incl = True
    rng = _RANGE.search(window)
    extra: list[dict[str, Any]] = []
    lows: list[float] = []
    highs: list[float] = []
    if rng and float(rng.group(1)) < float(rng.group(3)) <= 100:
        lo, hi = float(rng.group(1)), float(rng.group(3))
        extra = _bounds_beside(window, rng, scale)
    else:
        for m in _COMPARE.finditer(window):
            value = float(m.group(3))
            if value > 100 or (m.group(4) is None and scale == "tps" and "%" not in window):
                continue
            op = _op(m)
            # Several bounds of one kind are alternatives ("TPS >= 50% (cohort A) or >= 1% (cohort B)").
            # (With a tumour-cell / immune-cell pair the first number is the tumour-cell one.)
            widen = scale != "tc_or_ic"
            (lows if op in {">=", ">"} else highs).append(value)
            if op in {">=", ">"} and (lo is None or (widen and value < lo)):
                lo, lo_incl = value, op == ">="
            elif op in {"<=", "<"} and (hi is None or (widen and value > hi)):
                hi, hi_incl = value, op == "<="
        trailing = _TRAILING.search(window)
        if trailing and lo is None and hi is None and float(trailing.group(1)) <= 100:
            if trailing.group(2).lower() in {"more", "greater", "higher", "above", "over"}:
                lo = float(trailing.group(1))
            else:
                hi = float(trailing.group(1))
    if lo is None and hi is None and _ZERO.search(window, name_length, name_length + 40):
        hi, hi_incl = 1.0, False  # "PD-L1 IHC 22C3 TPS 0%": no stained tumour cells, i.e. below 1%
    if lo is None and hi is None:
        level = _named_level(window[name_length:], before)
        if level is None:
            return []
        spec = vocab.pdl1_vocab()["levels"][level]
        lo, hi = spec["lo"], spec["hi"]
        lo_incl, hi_incl = True, False
    if lo is not None and hi is not None and lo >= hi:
        # "TPS >= 50% or < 1%": two ranges, either one will do.
        return [{"t": "pdl1", "scale": scale, "lo": lo, "lo_incl": lo_incl},
                {"t": "pdl1", "scale": scale, "hi": hi, "hi_incl": hi_incl}]
    atom: dict[str, Any] = {"t": "pdl1", "scale": scale}
    if lo is not None:
        atom["lo"], atom["lo_incl"] = lo, lo_incl
    if hi is not None:
        atom["hi"], atom["hi_incl"] = hi, hi_incl
    if assays and scale == "tps":
        # "TPS >= 50% (22C3) or >= 25% (SP263)": met surely only above the highest cut-off (below the lowest).
        if lo is not None and max(lows, default=lo) > lo:
            atom["lo_sure"] = max(lows)
        if hi is not None and min(highs, default=hi) < hi:
            atom["hi_sure"] = min(highs)
    return [atom, *extra]


def _sp142_levels(window: str) -> dict[str, Any] | None:
    """"TC3 or IC3", "TC2/3 or IC2/3" (the SP142 levels) as one atom; None when the window names none.

    Tumour-cell levels alone are a TPS range; with immune-cell levels beside them a TPS can meet the tumour-cell
    part ("tc_or_ic"), or, when both must hold ("TC0 and IC0"), only fail it ("tc_and_ic")."""
    found: dict[str, list[int]] = {}
    for match in _SP142_LEVEL.finditer(window):
        found.setdefault(match.group(1), []).extend(int(d) for d in re.findall(r"[0-3]", match.group(2)))
    if not found:
        return None
    atom: dict[str, Any] = {"t": "pdl1"}
    levels = found.get("TC") or found["IC"]
    bounds = _SP142_BOUNDS["TC" if "TC" in found else "IC"]
    lo, hi = bounds[min(levels)], bounds[max(levels) + 1]
    if "TC" not in found:
        atom["scale"] = "ic"
    elif "IC" not in found:
        atom["scale"] = "tps"
    else:
        both = re.search(r"\bTC\s?[0-3/\s]*\s+and\s+IC", window) is not None
        atom["scale"] = "tc_and_ic" if both else "tc_or_ic"
    if lo is not None:
        atom["lo"], atom["lo_incl"] = lo, True
    if hi is not None:
        atom["hi"], atom["hi_incl"] = hi, False
    return atom


_OR = re.compile(r"\bor\b", re.I)
_LISTED = re.compile(r",|\band\b|/", re.I)


def _bounds_beside(window: str, rng: re.Match[str], scale: str) -> list[dict[str, Any]]:
    """"TPS < 1% or 1-49%", "1-49% (part B) or >= 50% (part A)": a bound joined to the range by "or" is another
    range either of which will do."""
    found: list[dict[str, Any]] = []
    for m in _COMPARE.finditer(window):
        between = window[min(m.end(), rng.end()): max(m.start(), rng.start())]
        op = _op(m)
        # "high (>=50%), low (1-49%) or negative (<1%)": a percentage listed beside the range, outside it, is one
        # more level ("1-49% (TPS >= 1% and < 50%)" restates the range).
        joined = _OR.search(between) or (m.group(4) is not None and _LISTED.search(between)
                                         and _outside(op, float(m.group(3)), float(rng.group(1)), float(rng.group(3))))
        if rng.start() <= m.start() < rng.end() or not joined or float(m.group(3)) > 100:
            continue
        side = ("lo", "lo_incl") if op in {">=", ">"} else ("hi", "hi_incl")
        found.append({"t": "pdl1", "scale": scale, side[0]: float(m.group(3)), side[1]: op in {">=", "<="}})
    return found


def _outside(op: str, value: float, lo: float, hi: float) -> bool:
    """Does the bound allow only scores outside the range lo-hi?"""
    return {">=": value > hi, ">": value >= hi, "<": value <= lo, "<=": value < lo}[op]


def _named_level(after: str, before: str) -> str | None:
    """"PD-L1 positive", "PD-L1-negative", "high PD-L1 expression": a level word touching the name."""
    patterns = _level_patterns()
    head = len(patterns) // 2
    for level, pattern in patterns[:head]:
        if pattern.search(after[:40]):
            return level
    for level, pattern in patterns[head:]:
        if pattern.search(before[-40:]):
            return level
    return None


# What may follow a permission that lets a PD-L1 level in, up to the sentence's end: "are eligible", "are also
# allowed to enrol", "may participate in this study". Anything else ("are eligible if ...", "who are eligible for
# pembrolizumab", "are eligible, provided ...") makes the level a condition or a description, not the group let in.
_PERMISSION_END = re.compile(
    r"\s*(?:(?:as\s+well|too)\s*)?(?:(?:to\s+)?(?:enrol\w*|participate|take\s+part|be\s+enrol\w*|be\s+included)\s*)?"
    r"(?:(?:in|into|for)\s+(?:this|the)\s+(?:study|trial)\s*|for\s+(?:enrol\w*|inclusion|participation)\s*)?"
    r"(?:as\s+well|too)?\s*[.;]?\s*$",
    re.I,
)


def permitted_level(sentence: str) -> bool:
    """Does the sentence only let patients of a PD-L1 level in ("Participants with TPS < 1% are eligible", "PD-L1
    1-49% is also allowed", "Tumours with PD-L1 expression below 1% may enrol")? Such a sentence widens a PD-L1
    requirement written beside it ("PD-L1 TPS < 50%. Participants with TPS < 1% are eligible": low expressers are in
    too); read as a rule of its own it demanded the level it allows. The level must be the permission's subject,
    before it in the same clause: "PD-L1 TPS >= 1%; squamous tumours are eligible" permits squamous tumours, and
    "... are eligible if PD-L1 >= 50%" makes the level a condition. An obligation ("must", "only") is no permission."""
    if NOT_PERMISSION.search(sentence):
        return False
    permission = PERMISSION.search(sentence)
    span = score_span(sentence)
    if permission is None or span is None or span[0] > permission.start():
        return False
    if re.search(r"[;:]", sentence[span[1]: permission.start()]) or permission.start() - span[1] > 120:
        return False  # the level ends a clause before the permission's own subject
    return _PERMISSION_END.match(sentence, permission.end()) is not None

