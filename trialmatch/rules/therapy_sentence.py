"""One sentence of eligibility criteria -> prior-therapy rules.

The steps: skip sentences about something else (allergies, toxicity, absorption, washouts);
read line counts; find drug and class names; decide for each name whether the sentence wants it
had ("progressed on X", "prior X" in an inclusion), not had ("no prior X", "prior X" in an
exclusion) or neither ("will receive X", "X is allowed"); then build the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from trialmatch import drugs
from trialmatch.rules import therapy_cues as cues
from trialmatch.rules.therapy_lines import LineLimit, count_limits, ordinal_limits
from trialmatch.rules.therapy_scope import (
    biomarker_condition,
    group_heading,
    heading_cohorts,
    lead_in_condition,
    required_for,
    sentence_cohorts,
)
from trialmatch.rules.therapy_terms import SYSTEMIC, Mention, find_mentions, normalize
from trialmatch.text import quote

_AND = re.compile(r"\band\b(?!/)|\bplus\b|\bas well as\b|\bfollowed by\b|\balso\b")
_OR = re.compile(r"\bor\b|\band/or\b")
_OR_BEFORE = re.compile(r"\bor\s+(?:be\s+)?$")
_OR_AFTER = re.compile(
    r"[^.;]{0,25}?\bor\s+(?:\w+\s+){0,3}?(?:have|has|had|received|receive|be|been|no more|not more|at most|up to"
    r"|one|1|a single)\b"
)
_TREATED_WORDS = ("previously treated", "pretreated", "pre-treated")
_CLAUSE_BREAK = re.compile(r"[;:]|\bbut\b|\bhowever\b|\bwhereas\b")
_TIMING = re.compile(r"\bprogress|\bfail|\bafter\b|(?<!the )\bfollowing\b|\bresist")
_FOR_NSCLC = re.compile(r"\bfor (?:this |the )?(?:nsclc|lung cancer|non-small|study cancer)")
_SIDE_EFFECT = re.compile(r"\s?-?\s?(?:related|associated|induced|mediated)\b")
_ANCHOR = re.compile(r"\b(?:prior to|before)\s+(?:the\s+|any\s+)?$")
# The study drug named as a time point: "before the first dose of furmonertinib".
_STUDY_DOSE = re.compile(
    r"\b(?:first|initial|last) (?:dose|administration|infusion)s? of (?:the )?$|\b(?:start|initiation) of $"
)
_WORD = re.compile(r"[a-z]+")
# Words that may sit between names of one list: "X, Y and other similar Z drugs".
_LIST_WORDS = frozenset(
    "and or nor plus including include includes such as eg e g ie i other any prior previous the a an with of well "
    "etc similar another drug agent therapy therapie treatment inhibitor antibody but not limited to like for example "
    "instance combination based containing regimen its their these those all kind type form class either also small "
    "molecule medication product cetera".split()
)
_TITLE_SKIP_WORDS = ("under", "during", "currently", "complet", "on ", "are on", "is on", "while on")
# Cue words too loose to carry a requirement in a sentence that also gives a time window:
# "at least two weeks after the chemotherapy" is a washout.
_WEAK_WORDS = ("after", "following", "post", "under", "during", "currently", "complet", "on ", "are on", "is on",
               "while on")
# Short words that are parts of names the vocabulary does not list ("PD-L1", "CTLA-4" on their own).
_NOT_NAME_PARTS = frozenset("had has was are is be who will may can must use need plan".split())


@dataclass(frozen=True)
class Context:
    """What a sentence inherits from its criterion and the bullets above it."""

    section: str  # "inclusion", "exclusion" or "title"
    cohorts: tuple[str, ...] = ()
    inherited: cues.Cue | None = None  # "Prior:" headers lend their cue to the bullets below
    adjuvant_ok: bool = False  # the criterion treats (neo)adjuvant therapy separately
    soft: bool = False  # under a conditional bullet ("eligible if the following are met:")
    prefix: str = ""  # short header quoted with the sentence


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _aside(pos: int, parens: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((a, b) for a, b in parens if a <= pos < b), None)


def _family(item: str) -> frozenset[str]:
    kind, _, key = item.partition(":")
    return frozenset(drugs.classes_of(key)) if kind == "d" else drugs.ancestors(key)


def _list_gap(gap: str) -> bool:
    """True when only list words ("and", "or", "other", ...) or bits of names lie between two names."""
    return all(
        word in _LIST_WORDS or word.rstrip("s") in _LIST_WORDS or (len(word) <= 4 and word not in _NOT_NAME_PARTS)
        for word in _WORD.findall(cues.strip_parens(gap))
    )


def _without_abbreviations(norm: str, mentions: list[Mention], parens: list[tuple[int, int]]) -> list[Mention]:
    """Drop "(EGFR-TKI)" after "epidermal growth factor receptor tyrosine kinase inhibitor": one name, not two."""
    kept: list[Mention] = []
    for mention in mentions:
        aside = _aside(mention.start, parens)
        if aside and kept and not norm[kept[-1].end:aside[0]].strip() and not (
            norm[aside[0] + 1:mention.start].strip() or norm[mention.end:aside[1] - 1].strip()
        ):
            continue
        kept.append(mention)
    return kept


def _with_generic_treatment(norm: str, mentions: list[Mention]) -> list[Mention]:
    """Add "prior treatment" / "previous therapy" as systemic treatment where no drug or class is named."""
    extra = []
    for match in cues.GENERIC_TREATMENT.finditer(norm):
        start, end = match.span("what")
        # "previous treatment to inhibit EGFR (e.g. erlotinib)": the treatment is named just after.
        named_next = any(start <= n.start < end + 45 and not _CLAUSE_BREAK.search(norm, end, n.start) for n in mentions)
        if not named_next and not any(n.start <= start < n.end for n in mentions):
            extra.append(Mention(start, end, (SYSTEMIC,)))
    return sorted([*mentions, *extra], key=lambda m: m.start)


def _drop_generic(mentions: list[Mention]) -> list[Mention]:
    """Forget "TKI"/"targeted"/"antibody" when a specific targeted class or drug was named before."""
    kept: list[Mention] = []
    seen_targeted = False
    for mention in mentions:
        if mention.generic and seen_targeted:
            continue
        kept.append(mention)
        if not mention.generic and any({"targeted", "biologic"} & _family(i) for i in mention.items):
            seen_targeted = True
    return kept


def _clause_start(norm: str, pos: int) -> int:
    start = 0
    for match in _CLAUSE_BREAK.finditer(norm, 0, pos):
        start = match.end()
    return start


def _clause_verdict(norm: str, mention: Mention, parens: list[tuple[int, int]]) -> str | None:
    """"is not permitted" / "is permitted" / "has not been given", said of the clause holding a name
    (an aside's own words first, then the clause around it)."""
    aside = _aside(mention.start, parens)
    own = cues.clause_verdict(norm[aside[0]:aside[1]]) if aside else None
    pos = aside[0] if aside else mention.start
    start = _clause_start(norm, pos)
    stop = _CLAUSE_BREAK.search(norm, aside[1] if aside else mention.end)
    return own or cues.clause_verdict(cues.strip_parens(norm[start:stop.start() if stop else len(norm)]))


def _inherits(norm: str, mention: Mention, prev: Mention | None, parens: list[tuple[int, int]]) -> bool:
    """Whether a name with no cue of its own continues the list before it ("X, Y or Z")."""
    if prev is None or _CLAUSE_BREAK.search(norm, prev.end, mention.start):
        return False
    aside = _aside(mention.start, parens)
    if aside and not aside[0] <= prev.start < aside[1]:
        # Into an aside only when it lists examples or other names for the same thing.
        return bool(cues.EXAMPLES.match(norm, aside[0])) or _list_gap(norm[aside[0] + 1:mention.start])
    return _list_gap(norm[prev.end:mention.start])


@dataclass
class _Reading:
    """The names of one sentence sorted by what the sentence wants done with them."""

    forbid: list[Mention]
    require: list[Mention]
    allow: list[str]
    weak: list[Mention]  # required only on a loose cue ("after X")
    permitted: list[str]  # named as allowed ("(prior EGFR TKI is permitted)")


@dataclass(frozen=True)
class _LeadIn:
    """ "For patients who ..., " at the start of a sentence or clause: a condition, not a requirement."""

    start: int
    end: int
    genes: tuple[str, ...]
    alteration: str | None


def _lead_ins(norm: str) -> list[_LeadIn]:
    found = []
    for start in [0, *(m.end() for m in re.finditer(r"[:;]", norm))]:
        match = cues.LEAD_IN.match(norm, start)
        if match:
            genes, alteration = lead_in_condition(match.group())
            found.append(_LeadIn(match.start(), match.end(), tuple(genes), alteration))
    return found


def _lead_end(leads: list[_LeadIn], pos: int) -> int:
    return max((lead.end for lead in leads if lead.end <= pos), default=0)


def _cue_for(norm: str, mention: Mention, parens: list[tuple[int, int]], lead_in: int) -> tuple[cues.Cue | None, str]:
    end = mention.end
    following = next((b for a, b in parens if a >= end and not norm[end:a].strip()), None)
    after = cues.cue_after_name(norm, end) or (cues.cue_after_name(norm, following) if following else None)
    if after:
        return after, "after-name"
    aside = _aside(mention.start, parens)
    if aside:
        inner = cues.cue_with_word(norm[aside[0] + 1:mention.start])
        if inner[0] or not (cues.EXAMPLES.match(norm, aside[0]) or _list_gap(norm[aside[0] + 1:mention.start])):
            return inner  # an aside with its own subject ("(replacement of platinum drugs ...)")
    start = max(_clause_start(norm, mention.start), lead_in)
    return cues.cue_with_word(cues.strip_parens(norm[start:mention.start]) if not aside else norm[start:mention.start])


def _action(cue: cues.Cue | None, word: str, section: str, window: str) -> str | None:
    if cue is None or cue == "fut":
        return None
    if section == "exclusion":
        # "after progression on prior X" in an exclusion describes timing, not a ban on X.
        exposed = cue == "past" or (cue == "req" and word.startswith(_TREATED_WORDS))
        return "forbid" if exposed and not _TIMING.search(window) else None
    if section == "title":
        if cue == "neg":
            return "forbid" if word == "after-name" else None
        if cue == "past" or any(word.startswith(w) for w in _TITLE_SKIP_WORDS):
            return None
    return "forbid" if cue == "neg" else "require"


def _read_names(norm: str, mentions: list[Mention], ctx: Context, parens: list[tuple[int, int]],
                leads: list[_LeadIn]) -> _Reading:
    exceptions = [(m.start(), m.end()) for m in cues.EXCEPT.finditer(norm)]
    optional = [(m.start(), m.end()) for m in cues.OPTIONAL.finditer(norm)]
    allow = [i for m in mentions if _inside(m.start, exceptions) for i in m.items]
    named: list[Mention] = []
    for mention in mentions:
        before = norm[max(0, mention.start - 40):mention.start]
        if _STUDY_DOSE.search(before) or _SIDE_EFFECT.match(norm, mention.end):
            continue  # the study drug as a time point; "ICI-related pneumonitis" is a side effect
        if _ANCHOR.search(before):
            allow.extend(mention.items)  # "treatment prior to EGFR TKIs": the TKI is the reference point
        elif not (_inside(mention.start, exceptions + optional) or cues.LOCAL_ROUTE.search(before)):
            named.append(mention)
    reading = _Reading([], [], list(dict.fromkeys(allow)), [], [])
    kept = _drop_generic(named)
    prev: Mention | None = None
    action: str | None = None
    for mention in named:  # dropped generic names still carry a list along ("HER2 antibody or TKI including X")
        action, word = _polarity(norm, mention, prev, action, ctx, parens, leads)
        prev = mention
        if mention not in kept:
            continue
        if action == "permit":
            reading.permitted.extend(mention.items)
        elif action == "forbid":
            reading.forbid.append(mention)
        elif action == "require":
            reading.require.append(mention)
            if word.startswith(_WEAK_WORDS):
                reading.weak.append(mention)
    return reading


def _polarity(norm: str, mention: Mention, prev: Mention | None, prev_action: str | None, ctx: Context,
              parens: list[tuple[int, int]], leads: list[_LeadIn]) -> tuple[str | None, str]:
    """What the sentence says about this name: ("forbid" | "require" | None, the cue word)."""
    if any(lead.start <= mention.start < lead.end for lead in leads):
        return None, ""  # "For patients who have undergone adjuvant chemotherapy, ..." is a condition
    lead_in = _lead_end(leads, mention.start)
    verdict = _clause_verdict(norm, mention, parens)
    if verdict == "permit":
        return "permit", ""
    own_cue = cues.cue_after_name(norm, mention.end)
    if prev_action not in (None, "permit") and not own_cue and _inherits(norm, mention, prev, parens):
        return prev_action, "list"  # "no prior chemotherapy, biological therapy or immunotherapy"
    cue, word = _cue_for(norm, mention, parens, lead_in)
    clause_start = _clause_start(norm, mention.start)
    # "Prior X is not permitted", "X ... is not allowed": a ban on X, when X is what the clause is about.
    if verdict == "ban" and (cue == "past" or (cue is None and mention.start - clause_start <= 15)):
        return "forbid", word
    if verdict == "late_neg" and cue != "req":
        cue, word = "neg", "not"
    window = norm[clause_start:mention.start]
    if cue is None:
        if _inherits(norm, mention, prev, parens):
            return prev_action, word
        return _action(ctx.inherited, "", ctx.section, window), word
    return _action(cue, word, ctx.section, window), word


def _and_groups(norm: str, mentions: list[Mention]) -> list[list[str]]:
    """Required names joined by "and" must all have been had; joined by "or" (or listed) any one of them."""
    groups: list[list[str]] = []
    for k, mention in enumerate(mentions):
        gap = cues.strip_parens(norm[mentions[k - 1].end:mention.start]) if k else ""
        same = k > 0 and (bool(_OR.search(gap)) or (not _AND.search(gap) and _list_gap(gap)))
        if same:
            groups[-1].extend(mention.items)
        else:
            groups.append(list(mention.items))
    return [list(dict.fromkeys(g)) for g in groups]


def _ban_setting(norm: str, bare: str, ctx: Context) -> str:
    """Which treatments a ban counts: "advanced" (lines for advanced disease), "early" or "any"."""
    if cues.EARLY.search(norm):
        return "early"
    if cues.ADJUVANT.search(bare) and not cues.ADJUVANT_ALLOWED.search(norm) and not cues.ADVANCED.search(bare):
        return "early"  # "Have received neoadjuvant chemotherapy"
    if cues.ADVANCED.search(norm) or ctx.adjuvant_ok:
        return "advanced"
    return "any"


def _need_setting(norm: str) -> str:
    """Which treatments a requirement counts."""
    if cues.EARLY.search(norm):
        return "early"
    adjuvant, advanced = cues.ADJUVANT.search(norm), cues.ADVANCED.search(norm)
    if adjuvant and not advanced:
        return "early"
    return "advanced" if advanced and not adjuvant else "any"


def sentence_rules(sentence: str, ctx: Context) -> list[dict[str, Any]]:
    """Prior-therapy rules stated by one sentence of the criteria (or the title)."""
    norm = normalize(sentence)
    bare = cues.strip_parens(norm)
    excluding = ctx.section == "exclusion"
    if cues.SKIP.search(bare) or (excluding and cues.SKIP_EXCLUSION.search(bare)):
        return []
    timed = bool(cues.TIME_WINDOW.search(bare))
    parens = [(m.start(), m.end()) for m in cues.PAREN.finditer(norm)]
    mentions = _without_abbreviations(norm, find_mentions(norm), parens)
    if excluding:
        mentions = _with_generic_treatment(norm, mentions)
    first_name = mentions[0].start if mentions else len(norm)
    genes, alteration = biomarker_condition(norm)
    title = ctx.section == "title"
    base: dict[str, Any] = {
        "soft": ctx.soft or (not title and bool(cues.SOFT.search(bare))) or bool(cues.OPEN_ALTERNATIVE.search(norm)),
        "genes": genes,
        "alteration": alteration,
        "cohorts": list(heading_cohorts(norm, first_name) or sentence_cohorts(norm) or ctx.cohorts),
        "evidence": quote(f"{ctx.prefix} {sentence}" if ctx.prefix else sentence),
        "section": ctx.section,
    }
    group = group_heading(norm)
    if group:  # "Subjects with actionable alterations (EGFR, ALK, ...): ..." is one way into the trial
        base["cohorts"] = [group[0]]
        base["genes"] = base["genes"] or group[1]
    met_unknown = bool(cues.MET_UNKNOWN.search(norm))
    rules: list[dict[str, Any]] = []

    limits = [] if excluding and timed else count_limits(norm, mentions, ctx.section)
    if not excluding:
        limits += ordinal_limits(norm)
    for lim in limits:
        if lim.cycles:
            met_unknown = True
        elif lim.min is not None or lim.max is not None:
            rules.append(_lines_rule(lim, base, norm, ctx))
    spans = [(lim.start, lim.end) for lim in limits]
    mentions = [m for m in mentions if not _inside(m.start, spans)]

    leads = _lead_ins(norm)
    reading = _read_names(norm, mentions, ctx, parens, leads)
    if not excluding:
        naive, alternative = _naive_phrases(norm, mentions, [*reading.allow, *reading.permitted], base, ctx, timed)
        rules += naive
        if not reading.require and not any(r["kind"] == "lines" and r.get("min") for r in rules):
            if cues.TREATED.search(norm):
                rules.append({**base, "kind": "lines", "min": 1, "max": None, "of": None, "setting": "any"})
    allow = list(dict.fromkeys([*reading.allow, *reading.permitted]))
    if reading.forbid and not timed:
        rules.append(_forbid_rule(reading.forbid, allow, base, norm, bare, ctx))
    required = [m for m in reading.require if not (timed and m in reading.weak)]
    if required:
        # "(patients who declined chemotherapy are eligible)": an allowance weakens the requirement.
        relaxed = {**base, "soft": True} if reading.permitted else base
        for scope, names in _by_lead_in(norm, required, leads):
            scoped = {**relaxed, "genes": list(scope.genes), "alteration": scope.alteration} if scope else relaxed
            rules += _require_rules(norm, names, parens, scoped, met_unknown)
    if not excluding and alternative is not None and rules:
        # "either treatment-naive or progressed after platinum": one of the two ways in is enough.
        return [{**base, "kind": "any_of", "options": [[alternative], rules]}]
    if not excluding and alternative is not None:
        return [alternative]
    return rules


def _by_lead_in(norm: str, names: list[Mention], leads: list[_LeadIn]) -> list[tuple[_LeadIn | None, list[Mention]]]:
    """Required names after "for subjects ... T790M-positive," belong to that group only."""
    scoped: dict[_LeadIn | None, list[Mention]] = {}
    for mention in names:
        lead = next((lead for lead in reversed(leads) if lead.end <= mention.start), None)
        if lead is None or not lead.genes or re.search(r"[;.]", norm[lead.end:mention.start]):
            lead = None
        scoped.setdefault(lead, []).append(mention)
    return list(scoped.items())


def _lines_rule(lim: LineLimit, base: dict[str, Any], norm: str, ctx: Context) -> dict[str, Any]:
    # "at least 1 prior line including platinum and, if eligible, a checkpoint inhibitor": the "if"
    # qualifies what follows the count, not the count.
    soft_word = cues.SOFT.search(cues.strip_parens(norm[:lim.start]))
    soft = ctx.soft or lim.soft or bool(soft_word) or bool(cues.OPEN_ALTERNATIVE.search(norm))
    return {**base, "kind": "lines", "min": lim.min, "max": lim.max,
            "of": list(lim.of) if lim.of else None, "soft": soft,
            "setting": "any" if lim.of else _need_setting(norm)}


def _naive_phrases(norm: str, mentions: list[Mention], allow: list[str], base: dict[str, Any],
                   ctx: Context, timed: bool) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """ "Previously untreated", "treatment-naive", "have not received any systemic therapy".

    Returns the naive rule, or (second) the naive rule offered as an alternative ("... or ...")."""
    if timed:
        return [], None
    for match in cues.NAIVE.finditer(norm):
        alternative = bool(_OR_AFTER.match(norm, match.end()) or _OR_BEFORE.search(norm, 0, match.start()))
        if any(m.end <= match.start() and not cues.strip_parens(norm[m.end:match.start()]).strip(" -")
               for m in mentions):
            continue  # "EGFR TKI treatment-naive" bans that class only
        if cues.EARLY.search(norm):
            setting = "early"
        elif cues.ADVANCED.search(norm) or ctx.adjuvant_ok:
            setting = "advanced"
        elif cues.ANY_SETTING.search(norm) or _FOR_NSCLC.search(norm):
            setting = "any"
        else:
            setting = "advanced"  # line wording: counted by lines for advanced disease
        rule = {**base, "kind": "naive", "allow": allow, "setting": setting}
        return ([], rule) if alternative else ([rule], None)
    return [], None


def _forbid_rule(forbid: list[Mention], allow: list[str], base: dict[str, Any], norm: str, bare: str,
                 ctx: Context) -> dict[str, Any]:
    items = list(dict.fromkeys(i for m in forbid for i in m.items))
    setting = _ban_setting(norm, bare, ctx)
    if set(allow) & set(items):
        # "docetaxel, with the exception of docetaxel in the neoadjuvant setting": the exception is a setting.
        allow = [i for i in allow if i not in items]
        setting = "advanced"
    if any(m.systemic for m in forbid):
        return {**base, "kind": "naive", "allow": allow, "setting": setting}
    return {**base, "kind": "forbid", "items": items, "allow": allow, "setting": setting}


def _require_rules(norm: str, require: list[Mention], parens: list[tuple[int, int]], base: dict[str, Any],
                   met_unknown: bool) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    pool = list(require)
    for a, b in parens:  # "(Osimertinib exposure required for T790M+)": a rule for that group only
        gene, alteration = required_for(norm[a:b])
        inner = [m for m in require if a <= m.start < b]
        if gene and inner:
            rules.append({**base, "kind": "require", "groups": _and_groups(norm, inner), "genes": [gene],
                          "alteration": alteration, "met_unknown": False, "setting": "any"})
            pool = [m for m in pool if m not in inner]
    outside = [m for m in pool if not _inside(m.start, parens)]
    setting = _need_setting(norm)
    if not pool:
        return rules
    groups = _and_groups(norm, outside or pool)
    if any(SYSTEMIC in g for g in groups):
        # "after platinum or any other systemic therapy" is met by any earlier line.
        rules.append({**base, "kind": "lines", "min": 1, "max": None, "of": None, "setting": setting})
        groups = [g for g in groups if SYSTEMIC not in g]
    if groups:
        rules.append({**base, "kind": "require", "groups": groups, "met_unknown": met_unknown, "setting": setting})
    return rules
