"""Clauses that narrow a line count: "(TKIs do not count towards this total)", "not counting prior EGFR or ALK
TKIs", "(excluding EGFR/ALK TKIs)", "; prior immunotherapy does not count as a line".

Such a clause neither requires nor bans what it names: it only says which lines the count leaves out. So its
words are taken out of the sentence before the sentence is read (split_off), and the sentence's line counts
carry the named items as `uncounted` (marked). check() then reads the profile's raw count as an upper bound of
the counted lines when the patient had an uncounted drug (recount): over a maximum only by those lines is a
question, not an exclusion; a minimum met only with them is a question too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy import cues
from trialmatch.criteria.rules.prior_therapy.names import blanked, inside
from trialmatch.criteria.rules.prior_therapy.terms import SYSTEMIC, find_mentions, normalize

if TYPE_CHECKING:
    from trialmatch.criteria.rules.prior_therapy.first_read import FirstRead

# The words that say a treatment is left out of the count. "X do(es) not count", "X are not counted (as a
# line)", "not counting X", "without counting X", "excluding X", "X are not included in the count".
_TRIGGER = guarded(
    r"\bnot\s+(?:be\s+)?count(?:ed|ing|s)?\b|\bdon'?t\s+count\b|\bdoesn'?t\s+count\b|\bwithout\s+counting\b"
    r"|\bexcluding\b|\bexclusive\s+of\b"
    r"|\bnot\s+(?:be\s+)?(?:considered|included)\s+(?:as\s+|in\s+|towards?\s+)(?:an?\s+|the\s+|this\s+)?"
    r"(?:prior\s+|previous\s+|separate\s+|additional\s+)?(?:lines?|regimens?|count|total|number|limit)\b"
)
# The other way round: "(a targeted therapy counts as a line)", "maintenance is counted as a separate line": what is
# named is in the count, neither asked for nor banned. (Negated, it is a _TRIGGER.)
_COUNTS = guarded(
    r"\bcount(?:s|ed)?\s+as\s+(?:an?\s+|one\s+)?(?:separate\s+|prior\s+|additional\s+|distinct\s+)?(?:lines?|regimens?)\b"
    r"|\b(?:is|are|will\s+be|shall\s+be)\s+(?:counted|considered)\s+(?:as\s+)?(?:an?\s+|one\s+)?"
    r"(?:separate\s+|prior\s+|additional\s+|distinct\s+)?(?:lines?|regimens?)\b"
)
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:be\s+)?$")
# Triggers whose named treatment follows them ("excluding X"); the others follow what they name ("X do not count").
_NAMES_AFTER = re.compile(r"excluding|exclusive|counting")
# "EGFR/ALK TKIs": each gene before a shared class word names that gene's class (the vocabulary reads the last).
_GENE_CLASS = {"egfr": "c:egfr_tki", "alk": "c:alk_tki", "ros1": "c:ros1_tki", "ret": "c:ret_tki",
               "ntrk": "c:ntrk_tki", "trk": "c:ntrk_tki", "met": "c:met_inhibitor", "her2": "c:her2_tki",
               "kras": "c:kras_inhibitor", "braf": "c:braf_inhibitor"}
_GENE = re.compile(r"\b(egfr|alk|ros1|ret|ntrk|trk|met|her2|kras|braf)\b(?=[^.;)]{0,40}?\b(?:tkis?|tyrosine kinase"
                   r"|inhibitors?|targeted)\b)")
# Where a clause starts (a comma too: "..., not counting X"), where the clause it sits in opens, where it ends.
_BEFORE = re.compile(r"[(\[;:,]")
_OPEN = re.compile(r"[(\[;:]")
_AFTER = re.compile(r"[)\];]|\.(?:\s|$)")


class _Clause(NamedTuple):
    start: int
    end: int
    named: tuple[int, int]  # where the treatments it leaves out are named
    setting: bool  # about a setting ("adjuvant chemotherapy ... is not counted"), not a treatment


def _clause(norm: str, trigger: re.Match[str], floor: int) -> _Clause:
    """The not-counted clause around `trigger`, not reaching back before `floor` (a line count)."""
    end_match = _AFTER.search(norm, trigger.end())
    end = end_match.start() if end_match else len(norm)
    opened = max((m.end() for m in _OPEN.finditer(norm, floor, trigger.start())), default=floor)
    setting = cues.ADJUVANT.search(norm, opened, end) is not None
    if _NAMES_AFTER.search(trigger.group()):
        return _Clause(trigger.start(), end, (trigger.end(), end), setting)
    starts = [m.end() for m in _BEFORE.finditer(norm, floor, trigger.start())]
    start = starts[-1] if starts else floor
    return _Clause(start, end, (start, trigger.start()), setting)


def split_off(read: FirstRead) -> tuple[FirstRead, tuple[str, ...]]:
    """The sentence without its not-counted clauses, and the treatments they leave out of the count.

    Only a sentence that counts lines outside the clause changes: "Prior chemotherapy (adjuvant chemotherapy is
    not counted)" is an allowance that allowances.py reads."""
    if not read.limits or not (_TRIGGER.possible(read.norm) or _COUNTS.possible(read.norm)):
        return read, ()
    norm = read.norm
    clauses: list[_Clause] = []
    counted: list[_Clause] = []  # "X counts as a line": taken out, nothing left out of the count
    for found, pattern in [(t, _TRIGGER) for t in _TRIGGER.finditer(norm)] + \
            [(t, _COUNTS) for t in _COUNTS.finditer(norm) if not _NEGATED_BEFORE.search(norm, 0, t.start())]:
        floor = max((lim.end for lim in read.limits if lim.end <= found.start()), default=0)
        if floor == 0 and not any(lim.start >= found.end() for lim in read.limits):
            continue  # no count before the clause, and none after it
        (clauses if pattern is _TRIGGER else counted).append(_clause(norm, found, floor))
    if not clauses and not counted:
        return read, ()
    if not clauses:
        spans = [(c.start, c.end) for c in counted]
        limits = [lim for lim in read.limits if not inside(lim.start, spans)]
        if not limits:
            return read, ()
        return replace(read, norm=blanked(norm, spans), limits=limits,
                       mentions=[m for m in read.mentions if not inside(m.start, spans)]), ()

    spans = [(c.start, c.end) for c in clauses + counted]
    limits = [lim for lim in read.limits if not inside(lim.start, spans)]
    named = [m for m in read.mentions if any(c.named[0] <= m.start < c.named[1] for c in clauses)]
    if not named and counted:
        return replace(read, norm=blanked(norm, spans), limits=limits,
                       mentions=[m for m in read.mentions if not inside(m.start, spans)]), ()
    if not limits or not named:
        return read, ()
    genes = [_GENE_CLASS[m.group(1)] for c in clauses for m in _GENE.finditer(norm, *c.named)]
    items = tuple(dict.fromkeys([*(i for m in named for i in m.items), *genes]))
    rest = replace(read, norm=blanked(norm, spans), mentions=[m for m in read.mentions if not inside(m.start, spans)],
                   limits=limits)
    # "(adjuvant chemotherapy does not count)": a setting the count already leaves out, not a drug.
    setting_only = SYSTEMIC in items or any(c.setting for c in clauses)
    return rest, () if setting_only else items


def marked(rules: list[dict[str, Any]], items: tuple[str, ...]) -> list[dict[str, Any]]:
    """The sentence's line counts with the treatments they leave out."""
    if not items:
        return rules
    return [{**rule, "uncounted": list(items)} if rule.get("kind") == "lines" else rule for rule in rules]


def recount(rule: dict[str, Any], outcome: Any, drugs: tuple[Any, ...], lines: int | None,
            matches: Callable[[Any, set[str]], bool]) -> Any:
    """A line count's outcome when the patient had treatments it does not count: the raw count is then only an
    upper bound (each uncounted drug took at most one of the lines, or none when given earlier)."""
    uncounted = set(rule["uncounted"])
    had = sum(1 for d in drugs if matches(d, uncounted))
    if not had or lines is None or outcome.verdict == UNKNOWN:
        return outcome
    low, high = rule.get("min"), rule.get("max")
    if outcome.verdict == EXCLUDED and high is not None and lines > high:
        return type(outcome)(UNKNOWN, lambda: f"{outcome.reason} The trial does not count some of the treatments "
                                              "you list; without them you may be within its limit.")
    if outcome.verdict == ELIGIBLE and low and lines - had < low and not rule.get("of"):
        return type(outcome)(UNKNOWN, lambda: f"The trial asks for at least {low} earlier line(s) and does not "
                                              "count some of the treatments you list; whether enough are left "
                                              "needs your doctor's reading.")
    return outcome


# Before "X counts as a line": words that make the sentence ask or ban something itself ("must have received
# platinum, which counts as a line"), so it is more than a note on counting.
_ASKS_BEFORE = re.compile(r"\b(?:must|should|shall|required?|need\w*|eligible|ineligible|excluded|allowed|permitted"
                          r"|progress\w*|fail\w*|received|treated|had|have|has|no|not|without|at least|more than"
                          r"|fewer than|up to|maximum|minimum|which)\b")


def counting_note(norm: str) -> bool:
    """ "(Prior adjuvant chemotherapy will count as a regimen if relapse occurred within 12 months.)", "Maintenance
    therapy is counted as a separate line": what counts toward a count said elsewhere, with no count of its own and
    nothing asked or banned before it: a note on counting, no rule. (The criterion's count reads it: asides.py.)"""
    if not _COUNTS.possible(norm):
        return False
    found = _COUNTS.search(norm)
    if found is None:
        return False
    # The note is the whole sentence: its subject opens it ("(Adjuvant X counts ..."), not a bracket after a ban.
    subject = norm[:found.start()].lstrip(" (")
    return not _NEGATED_BEFORE.search(subject) and not _ASKS_BEFORE.search(subject) \
        and not any(mark in subject for mark in "();,")


def later_clauses(pieces: tuple[str, ...]) -> tuple[str, ...]:
    """The treatments that sentences after a count leave out of it: "1-2 prior lines; EGFR or ALK inhibitors are
    not counted as lines". Only sentences that count nothing themselves and name no setting."""
    items: list[str] = []
    for piece in pieces:
        norm = normalize(piece)
        if not _TRIGGER.possible(norm) or _TRIGGER.search(norm) is None or cues.ADJUVANT.search(norm):
            continue
        named = [i for m in find_mentions(norm, "egfr" in norm) for i in m.items]
        if SYSTEMIC in named or any(ch.isdigit() for ch in norm):
            continue
        items += [*named, *(_GENE_CLASS[m.group(1)] for m in _GENE.finditer(norm))]
    return tuple(dict.fromkeys(items))
