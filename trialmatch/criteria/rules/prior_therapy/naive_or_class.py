"""Two ways in, the second a count of one class: "either no prior systemic therapy for metastatic disease, or
exactly one prior platinum-based chemotherapy regimen (with or without immunotherapy)".

The untreated patient fits the first; the patient whose only earlier line (or lines, up to the number) was of the
class named fits the second. Read otherwise, the "no" in front carries over the "or" and bans the class too (every
pretreated patient excluded), or the count reads as a cap on that class only (a targeted-only line let through).
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy import cues
from trialmatch.criteria.rules.prior_therapy.terms import Mention, find_mentions

_NUMBERS = {"one": 1, "1": 1, "a single": 1, "single": 1, "two": 2, "2": 2}
# The untreated way in, then "or" and a count of one class of regimen or line.
_NAIVE_OR_CLASS = guarded(
    r"(?P<naive>\b(?:no|without)\s+(?:any\s+)?(?:prior|previous)\s+(?:systemic\s+)?"
    r"(?:(?:anti-?cancer|anti-?tumou?r|anti-?neoplastic)\s+)?"
    r"(?:therapy|therapies|treatment|treatments)\b|\b(?:(?:treatment|therapy|systemic therapy)[\s-]+)?na[i\u00ef]ve\b"
    r"|\b(?:previously\s+)?untreated\b)"
    r"(?P<gap>[^;.()]{0,50}?),?\s*\bor\s+(?:(?:having|have|has)\s+)?(?:(?:received|had|been treated with)\s+)?"
    # "or no more than one line of prior chemotherapy": a cap beside the untreated way is the same treated way.
    r"(?:(?P<exact>(?:exactly|only)\s+)|(?:no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to)\s+)?"
    r"(?P<n>one|two|[12]|a single|single)\s+"
    # "one (prior) line of (prior) chemotherapy": the class after the line (tried first: "prior" is no class).
    r"(?:(?:(?:prior|previous|earlier)\s+)?(?:regimens?|lines?)\s+of\s+(?:(?:prior|previous|earlier)\s+)?"
    r"(?P<after>[^;.()]{3,70}?)(?=\s+(?:for|in)\b|\s*\(|\s*\.?\s*$)"
    r"|(?:(?:prior|previous|earlier)\s+)?(?P<cls>[^;.()]{3,70}?)\s+(?:regimens?|lines?(?:\s+of\s+(?:therapy|treatment))?)\b)"
)
# The setting words that may stand around the two ways in: "for metastatic disease", "in the advanced setting".
_SETTING = (r"^[\s,]*(?:(?:for|in)\s+(?:the\s+)?(?:locally\s+advanced|advanced|metastatic|recurrent|stage\s+iv"
            r"|unresectable)(?:\s+or\s+(?:advanced|metastatic|recurrent))?(?:\s+(?:disease|setting|nsclc|cancer))?)?"
            r"[\s,]*")
# The gap between the untreated phrase and "or" only says when ("for metastatic disease").
_SETTING_GAP = re.compile(_SETTING + "$")
# Nothing else may follow but the same setting words and an aside in brackets.
_TAIL = re.compile(_SETTING + r"\.?\s*$")
# What may come before the untreated phrase: the subject and the verb, no other rule.
_HEAD = re.compile(
    r"^\s*(?:(?:patients|subjects|participants)\s+)?(?:(?:must|should|shall)\s+)?(?:(?:have|has)\s+)?"
    r"(?:(?:received|had|be|been)\s+)?(?:either\s+)?$")


def naive_or_class(norm: str, mentions: list[Mention], base: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The rule of an inclusion "either untreated, or N prior regimen(s) of <class>" (one any_of), or None when the
    sentence is not only that."""
    if " or " not in norm:
        return None
    found = _NAIVE_OR_CLASS.search(norm)
    if found is None or not _SETTING_GAP.match(found.group("gap")) or not _HEAD.match(norm[:found.start()]):
        return None
    if not _TAIL.match(cues.strip_parens(norm[found.end():])):
        return None
    a, b = found.span("cls") if found.group("cls") is not None else found.span("after")
    n = _NUMBERS[found.group("n")]
    second = found.start("n")
    if _GENERIC.match(norm, a, b) and not cues.PAREN.search(norm, a, b) and all(
            m.systemic or _in_parens(norm, m) for m in mentions if m.start >= second) \
            and all(m.start >= second or found.start("naive") <= m.start < found.end("naive") or _in_parens(norm, m)
                    for m in mentions):
        # "No prior systemic treatment for advanced disease, or no more than one prior line of therapy": untreated, or
        # up to N lines of any therapy, is N lines at most (the "no" does not carry over the "or" as a ban).
        return [{**base, "kind": "lines", "min": None, "max": n, "of": None, "setting": "advanced"}]
    counted = [m for m in mentions if a <= m.start < b]
    if any(not (found.start("naive") <= m.start < found.end("naive") or a <= m.start < b or _in_parens(norm, m))
           for m in mentions):
        return None  # another name outside the two ways in: more to this sentence than the two
    if not counted or any(m.systemic for m in counted) or cues.PAREN.search(norm, a, b):
        return None  # a count of something the vocabulary does not name, or named beside generic therapy
    items = list(dict.fromkeys(i for m in counted for i in m.items))
    naive = {**base, "kind": "naive", "allow": [], "setting": "advanced"}
    # Only a count of that class was had: the lines (N at most, with the exact count "exactly N") and the class.
    lines = {**base, "kind": "lines", "min": n if found.group("exact") else 1, "max": n, "of": None,
             "setting": "advanced"}
    need = {**base, "kind": "require", "groups": [items], "met_unknown": False, "setting": "advanced"}
    return [{**base, "kind": "any_of", "options": [[naive], [lines, need]]}]


# A count of any therapy: "one prior line of (systemic) therapy", "one prior anti-cancer treatment regimen".
_GENERIC = re.compile(r"(?:(?:systemic|anti-?cancer|anti-?tumou?r|anti-?neoplastic)\s+)*(?:therapy|treatment)\s*$")


def _in_parens(norm: str, mention: Mention) -> bool:
    """A name in brackets is an aside ("with or without immunotherapy"), no way in of its own."""
    return any(p.start() <= mention.start < p.end() for p in cues.PAREN.finditer(norm))


# "(either) 0-1 prior line of treatment in the metastatic setting, the prior line must have consisted of: A, or B,
# or A in combination with B" (spelt_ranges wrote the untreated way as 0; line_contents joined the list).
_DESCRIBED = guarded(
    r"^\s*(?:(?:patients|subjects|participants)\s+)?(?:(?:must|should)\s+)?(?:(?:be|are|is|have|has)\s+)?(?:either\s+)?"
    r"0-(?P<n>[12])\s+(?:prior\s+|previous\s+)?lines?\s+of\s+(?:systemic\s+)?(?:treatment|therapy)\b"
    r"(?P<gap>[^,;:.]{0,60}),\s*(?:the|this|that|such a|such)\s+(?:(?:prior|previous|earlier|one)\s+)?"
    r"(?:lines?|regimens?)(?:\s+of\s+(?:systemic\s+)?(?:therapy|treatment))?\s+(?:must|should|shall|has to|needs? to)"
    r"\s+(?:have\s+)?(?:consisted\s+of|comprised|included|contained|been)(?:\s+(?:one\s+)?of\s+the\s+following)?"
    r"\s*:(?P<list>.+)$"
)
# The list is understood when every item names a treatment and they are joined by "or" (each one a way).
_ITEM_CUT = re.compile(r",?\s*\bor\b\s*")


def described_line(norm: str, mentions: list[Mention], base: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The rule of an inclusion "either untreated or one prior line; the line must have consisted of: A, or B"
    (one any_of: untreated, or N lines at most holding one of the items), or None when the sentence is not that.
    An item naming no known treatment leaves the list not understood: the line is then a question."""
    found = _DESCRIBED.search(norm)
    if found is None or not _SETTING_GAP.match(found.group("gap")):
        return None
    a = found.start("list")
    listed = [m for m in mentions if m.start >= a]
    if any(m.start < a for m in mentions if not m.systemic) or not listed or any(m.systemic for m in listed):
        return None
    items = [part for part in _ITEM_CUT.split(cues.strip_parens(found.group("list")).strip(" .")) if part.strip()]
    understood = all(find_mentions(part) for part in items)
    n = int(found.group("n"))
    naive = {**base, "kind": "naive", "allow": [], "setting": "advanced"}
    lines = {**base, "kind": "lines", "min": 1, "max": n, "of": None, "setting": "advanced"}
    need = {**base, "kind": "require", "groups": [list(dict.fromkeys(i for m in listed for i in m.items))],
            "met_unknown": False, "setting": "advanced"}
    if not understood:
        need["soft"] = True  # an item the vocabulary does not know: a line outside the known ones is a question
    return [{**base, "kind": "any_of", "options": [[naive], [lines, need]]}]
