"""A ban on two treatments given together: "Prior systemic therapy with a PD-1 inhibitor in combination with a
CTLA-4 inhibitor", "Prior nivolumab plus ipilimumab", "Previous combination of an EGFR TKI and chemotherapy",
"Prior anti-PD-1 and anti-CTLA-4 combination therapy".

The words ban the combination, not each part: a patient who had a PD-1 inhibitor alone never had it. Read name by
name, the partner after "in combination with" was taken for an optional one (as after "with or without") and "plus"
for a list, so every PD-1 inhibitor was banned (a false exclusion). The ban keeps the first part (the head) as its
`items` and gets the partner as `with`: verdicts._forbid lets in a patient who had the head but no partner drug.

Declined (the ban stays as it was): a head offered alone as well ("alone or in combination with", "as monotherapy
or", "with or without": those are cues.OPTIONAL, read as a ban on the head) and an inclusion's requirement.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prior_therapy.terms import Mention

# Between the head and its partner: "in combination with", "combined with", "together with", "plus", "+",
# "in conjunction with", after the head's own noun ("inhibitor therapy", "-based chemotherapy") and an optional
# "given"/"administered". No "or" may stand there: "alone or in combination with" offers the head alone.
_JOINED = re.compile(
    r"[\s-]*(?:(?:based|containing|therapy|therapies|treatment|treatments|regimen|regimens|antibody|antibodies"
    r"|agents?|drugs?)[\s,]+){0,2},?\s*(?:(?:given|administered|used|received)\s+)?"
    r"(?:in\s+combination\s+with|combined\s+with|together\s+with|in\s+conjunction\s+with|plus|\+)"
    r"\s*(?:an?\s+|the\s+|any\s+|another\s+|other\s+)?")
# "combination of X and Y", "combination therapy with X and Y": the words before the head.
_COMBINATION_OF = re.compile(r"\bcombination\s+(?:(?:therapy|treatment|regimen)\s+)?(?:of|with)\s+(?:an?\s+|the\s+)?$")
# Between head and partner inside "combination of ...", or before a trailing "combination": "and", "with", "+", "/".
_PAIRED = re.compile(r"[\s-]*(?:(?:inhibitor|therapy|antibody|agent)s?\s+)?(?:and|with|plus|\+|/)\s*(?:an?\s+|the\s+)?")
# After the partner: "X and Y combination", "X/Y combination therapy", "X + Y combination".
_COMBINATION_AFTER = re.compile(r"[\s-]*(?:(?:inhibitor|therapy|antibody|agent)s?\s+)?(?:-?based\s+)?combinations?\b")
# Names of one part joined as alternatives: "a PD-1 or PD-L1 inhibitor", "anti-PD-1/PD-L1".
_ONE_PART = re.compile(r"\s*(?:,\s*)?(?:(?:or|and/or)\s+|/\s*)(?:an?\s+)?")


def _parts(norm: str, names: list[Mention]) -> list[list[Mention]]:
    """The names cut into runs of alternatives ("PD-1 or PD-L1 inhibitor" is one run)."""
    runs: list[list[Mention]] = []
    for m in names:
        if runs and _ONE_PART.fullmatch(norm[runs[-1][-1].end:m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def combination(norm: str, mentions: list[Mention],
                banned: list[Mention]) -> tuple[list[str], list[str], list[Mention]] | None:
    """(head items, partner items, the other banned names) when the sentence's ban names a combination of two
    parts, else None. `mentions` are every name of the sentence (the partner after "in combination with" is not
    among `banned`), `banned` the names the sentence bans: "Prior X in combination with Y, or prior Z" bans the
    pair and Z on its own."""
    names = [m for m in mentions if not m.systemic or m in banned]
    runs = _parts(norm, names)
    for k in range(len(runs) - 1):
        head, partner = runs[k], runs[k + 1]
        gap = norm[head[-1].end:partner[0].start]
        joined = bool(_JOINED.fullmatch(gap))
        if not joined and _PAIRED.fullmatch(gap):
            joined = bool(_COMBINATION_OF.search(norm, 0, head[0].start)
                          or _COMBINATION_AFTER.match(norm, partner[-1].end))
        if not joined or any(m.systemic for m in head):
            continue
        pair = {id(m) for m in head + partner}
        if not any(id(m) in pair for m in head if m in banned):
            return None  # the head is not what the sentence bans ("... is allowed")
        heads = list(dict.fromkeys(i for m in head for i in m.items))
        partners = list(dict.fromkeys(i for m in partner for i in m.items))
        return heads, partners, [m for m in banned if id(m) not in pair]
    return None
