"""Performance limits that differ by age in one sentence: "ECOG PS 2 up to 74 years old, and PS 0 or 1 from 75 years",
"ECOG 0-1 for patients younger than 70, or 0-2 for those aged 70 or older", "ECOG 0-2; patients aged 75 or older must
have ECOG 0-1". Each limit's clause holds its age; read together they are one rule per age, never the union of all.
A clause naming no age is everyone's: a narrower limit for an age replaces it at that age, a wider one adds to it.
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Verdict

OLDEST = 130
ADULT = 18  # "age >= 18" is every adult's: no branch
_OP = (r"(?P<op>>=|=>|≥|>|<=|=<|≤|<|at least|over|above|under|below|older than|younger than|less than|more than"
       r"|up to|from|until|through)")
_UNIT = r"(?P<unit>years?|yrs?|y\.?o\.?)"
_POST = r"(?P<post>\s*(?:or|and) (?:older|above|more|over|younger|less|under|below)|\s*\+)"
AGE = re.compile(
    # "patients under 70", "those over 75": whom the number is of makes it an age.
    rf"(?P<word>\b(?:aged?|age[ds])\s*:?\s*(?:of\s+|is\s+)?|\b(?:patients?|subjects?|participants?|those|people|persons"
    rf"|individuals|pts)\s+(?=(?:under|over|below|above|younger than|older than)\b))?"
    rf"(?:{_OP}\s*)?(?<![\d.])(?P<n>\d{{2,3}})(?![\d.%])\s*{_UNIT}?"
    rf"(?:\s*(?:old|of age))?{_POST}?",
    re.I,
)
RELATIVE = re.compile(r"\b(?P<rel>younger|older|elderly|non-elderly)\b", re.I)
# An age given as one reason among others ("not a candidate for chemoradiation due to comorbidities or age >= 70",
# "age 75 or older or frail"): the clause is a condition the profile cannot settle, not a limit by age.
_AGE_AMONG_REASONS = re.compile(
    r"\b(?!ecog|who|ps|status|performance)[a-z]{3,}\s+(?:or|and/or)\s+(?:an?\s+)?(?:advanced\s+|older\s+)?age\b"
    r"|\bage\b[^,;]{0,30}?\b(?:or|and/or)\s+(?!older|younger|above|over|more|less|under|below|greater|[<>≥≤=\d])[a-z]",
    re.I)
# Where one limit's clause ends and the next one's starts, strongest first.
_SEPARATORS = (re.compile(r";|\.\s"), re.compile(r",\s*(?:and/or|and|or|while|whereas|but)\b", re.I),
               re.compile(r"\s(?:and/or|or|whereas|while)\s", re.I), re.compile(r","),
               re.compile(r"\sand\s", re.I))  # "0 or 1 for patients aged < 70 years and 0-2 for those aged 70+"
_UPPER = {"<=", "=<", "≤", "up to", "until", "through"}
_BELOW = {"<", "under", "below", "younger than", "less than"}
_LOWER = {">=", "=>", "≥", "at least", "from"}
_ABOVE = {">", "over", "above", "older than", "more than"}
_RANK = {EXCLUDED: 0, UNKNOWN: 1, ELIGIBLE: 2}

Scores = list[Verdict | None]


def every_adult(sentence: str, start: int, end: int) -> bool:
    """The age group named in sentence[start:end] takes every adult: "for patients >= 16 years of age", "aged 12
    and older" (a lower bound at or under 18), as a group of a child's scale beside an adult's often is."""
    match = AGE.search(sentence, start, end)
    if match is None or not (match.group("word") or match.group("unit")):
        return False
    op = (match.group("op") or "").lower()
    post = (match.group("post") or "").lower()
    lower = op in _LOWER or op in _ABOVE or any(w in post for w in ("older", "above", "more", "over", "+"))
    return lower and int(match.group("n")) <= ADULT


def _age_range(match: re.Match[str]) -> tuple[int, int] | None:
    """(youngest, oldest) one age mention takes; None when it is not an age or states no bound."""
    n = int(match.group("n"))
    op = (match.group("op") or "").lower()
    post = (match.group("post") or "").lower()
    if not (match.group("word") or match.group("unit") or re.search(r"older|younger", post + op)):
        return None  # "KPS >= 70": a number with no word of age
    if not ADULT <= n <= OLDEST:
        return None
    if any(w in post for w in ("older", "above", "more", "over", "+")) or op in _LOWER:
        return n, OLDEST
    if any(w in post for w in ("younger", "less", "under", "below")) or op in _UPPER:
        return 0, n
    if op in _ABOVE:
        return n + 1, OLDEST
    if op in _BELOW:
        return 0, n - 1
    return None


def _clause_age(clause: str) -> tuple[int, int] | str | None:
    """A clause's age range; "younger"/"older" when it names its age only against another clause's; None if none."""
    if _AGE_AMONG_REASONS.search(clause):
        return "many"
    ranges = [r for m in AGE.finditer(clause) if (r := _age_range(m)) is not None and not (r[0] <= ADULT and
                                                                                            r[1] == OLDEST)]
    if len(ranges) > 1:
        return "many"
    if ranges:
        return ranges[0]
    relative = RELATIVE.search(clause)
    if relative is None:
        return None
    word = relative.group("rel").lower()
    return "younger" if word in ("younger", "non-elderly") else "older"


def _cut(text: str) -> int | None:
    """Offset of the strongest separator in the words between two limits."""
    for separator in _SEPARATORS:
        found = list(separator.finditer(text))
        if found:
            return found[-1].start() if separator.pattern == "," else found[0].start()
    return None


def _allowed(scores: Scores) -> frozenset[int]:
    return frozenset(e for e, v in enumerate(scores) if v == ELIGIBLE)


def wider(a: Scores, b: Scores) -> Scores:
    """Per ECOG value, the more permissive of two verdicts (a value not stated counts as left out)."""
    out: Scores = []
    for x, y in zip(a, b, strict=True):
        first: Verdict = x or EXCLUDED
        second: Verdict = y or EXCLUDED
        out.append(first if _RANK[first] >= _RANK[second] else second)
    return out


def branches(sentence: str, limits: list[tuple[int, int, Scores]]) -> dict[str, Any] | None:
    """The age rule of a sentence whose limits (start, end, verdict per ECOG value) sit in clauses with different
    ages, or None when it is not built so. Returns {"verdicts": per ECOG value when the age is not known,
    "ages": {ECOG value: [[youngest, oldest, verdict], ...]} for the values the age settles, "label": ...}."""
    if len(limits) < 2:
        return None
    bounds = [0]
    for (_, end, _), (start, _, _) in zip(limits, limits[1:], strict=False):
        cut = _cut(sentence[end:start])
        if cut is None:
            return None
        bounds.append(end + cut)
    bounds.append(len(sentence))
    aged: list[tuple[tuple[int, int] | str, Scores]] = []
    general: list[Scores] = []
    for i, (_, _, scores) in enumerate(limits):
        age = _clause_age(sentence[bounds[i]:bounds[i + 1]])
        if age == "many":
            return None
        if age is None:
            general.append(scores)
        else:
            aged.append((age, scores))
    numbered = [a for a, _ in aged if isinstance(a, tuple)]
    if not numbered or len(general) > 1:
        return None
    resolved: list[tuple[tuple[int, int], Scores]] = []
    for age, scores in aged:
        if isinstance(age, tuple):
            resolved.append((age, scores))
            continue
        # "or younger patients with ECOG 2": the ages the numbered clauses leave on that side.
        low = min(a[0] for a in numbered)
        high = max(a[1] for a in numbered)
        if age == "younger" and low > 0:
            resolved.append(((0, low - 1), scores))
        elif age == "older" and high < OLDEST:
            resolved.append(((high + 1, OLDEST), scores))
        else:
            return None
    points = sorted({max(0, min(OLDEST, p)) for (lo, hi), _ in resolved for p in (lo - 1, lo, hi, hi + 1)})
    per_age = [(p, _at(p, resolved, general[0] if general else None)) for p in points]
    verdicts: Scores = []
    ages: dict[str, list[list[Any]]] = {}
    for e in range(5):
        seen = {v[e] for _, v in per_age}
        if len(seen) == 1:
            verdicts.append(next(iter(seen)))
            continue
        verdicts.append(UNKNOWN)
        ages[str(e)] = _runs([(p, v[e]) for p, v in per_age])
    if not ages:
        return None  # every age reads the same: the plain reading says it already
    return {"verdicts": verdicts, "ages": ages}


def _at(age: int, resolved: list[tuple[tuple[int, int], Scores]], general: Scores | None) -> Scores:
    """Verdict per ECOG value at one age. Without a limit for everyone, the clauses for that age are its
    alternatives and an age no clause covers is a question. Beside one, a clause for some ages either widens it
    there ("ECOG 0-1; ECOG 2 also for those aged 70+"), keeps its worse scores to those ages ("0-2, with PS 2
    restricted to patients over 70": the others lose them), or narrows it there ("0-2; those aged 75+ must have 0-1").
    """
    if general is None:
        mine = [s for (lo, hi), s in resolved if lo <= age <= hi]
        if not mine:
            return [UNKNOWN] * 5
        scores = mine[0]
        for other in mine[1:]:
            scores = wider(scores, other)
        return [v or EXCLUDED for v in scores]
    scores = [v or EXCLUDED for v in general]
    everyone = _allowed(general)
    for (lo, hi), clause in resolved:
        named = _allowed(clause)
        covered = lo <= age <= hi
        if not named <= everyone:
            scores = wider(scores, clause) if covered else scores
        elif everyone and named and min(named) > min(everyone):
            scores = scores if covered else [EXCLUDED if e in named else v for e, v in enumerate(scores)]
        elif covered:
            scores = [v or EXCLUDED for v in clause]
    return scores


def _runs(points: list[tuple[int, Verdict | None]]) -> list[list[Any]]:
    """[[youngest, oldest, verdict], ...] over the sampled ages (each point stands for the ages up to the next)."""
    runs: list[list[Any]] = []
    for i, (p, v) in enumerate(points):
        high = points[i + 1][0] - 1 if i + 1 < len(points) else OLDEST
        low = 0 if i == 0 else p
        if runs and runs[-1][2] == v:
            runs[-1][1] = high
        else:
            runs.append([low, high, v])
    return runs


def verdict_at(ages: list[list[Any]], age: int) -> Verdict:
    return next((v for low, high, v in ages if low <= age <= high), UNKNOWN)
