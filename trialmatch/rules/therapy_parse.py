"""Read a trial's criteria (and title) into prior-therapy rules, once, at sync time.

A rule is a small JSON object:

    kind      "forbid"  none of `items` may have been received
              "require" every group in `groups` needs one of its items received
              "naive"   no systemic treatment at all, except the `allow` items
              "lines"   earlier lines between `min` and `max` (of the `of` items only, when given)
    setting   "any", "advanced" (for advanced/metastatic disease: counted by prior_lines) or
              "early" (before surgery: the profile cannot tell, so never excluded)
    soft      a failure is "unknown", not "excluded" ("unless the investigator...", a sub-population)
    met_unknown  meeting the drug rule still leaves a response or cycle count the profile lacks
    gene, alteration  the rule applies only to patients with this finding
    cohorts   the rule applies only to these cohorts, arms or phases
    evidence  the criteria sentence, quoted; section: inclusion / exclusion / title

Items are "d:<generic drug>" or "c:<class key>" from data/vocab/drugs.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from trialmatch import drugs
from trialmatch.rules import therapy_cues as cues
from trialmatch.rules.therapy_lines import LineLimit, count_limits, ordinal_limits
from trialmatch.rules.therapy_terms import GENERIC_CLASSES, Mention, find_mentions, normalize
from trialmatch.text import Criterion, TrialText, quote
from trialmatch.vocab import canonical_gene

_LABEL = r"(?:\d{1,2}[a-z]?\b|[ivx]{1,4}[a-z]?\b|[a-z]\b)"
_KIND = r"(?P<kind>cohort|arm|part|phase|group|module)s?"
_COHORT_LABELS = re.compile(
    rf"{_KIND}\s*(?P<first>{_LABEL})(?P<more>(?:\s*+(?:,|and|&|/|or)\s*+(?:(?:cohort|arm|part|phase)s?\s*)?{_LABEL})*+)"
)
_HEAD = re.compile(r"^\W*(?:[a-z0-9]{1,2}[.)]\s+)?(?:cohort|arm|part|phase|group|module)s?\b")
_IN_SENTENCE_COHORT = re.compile(r"\b(?:for|to|in|into)\s+(?:the\s+)?(?=(?:cohort|arm|part|phase)s?\s*\w)")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
_KIND_ORDER = ("cohort", "part", "arm", "group", "module", "phase")

_GENE_WORD = r"(?P<gene>[a-z0-9][a-z0-9/-]{1,14})"
_COND_PATIENTS = re.compile(
    r"^\W*(?:[a-z0-9]{1,2}[.)]\s+)?(?:for\s+|in\s+)?(?:patients|subjects|participants|those|pts|cases)\s+"
    r"(?:with|harbou?ring|who (?:have|harbou?r|carry|are))\s+"
    rf"(?:(?:an?|the|known|documented|confirmed|sensiti\w+|activating|common|rare|other)\s+)*{_GENE_WORD}"
)
_COND_GENE_FIRST = re.compile(
    rf"^\W*(?:for\s+)?{_GENE_WORD}[\s-]*(?:mutant|mutated|mutations?|positive|\+|fusions?|rearranged|altered)"
    r"[\s-]*(?:positive\s+)?(?:nsclc\s+)?(?:patients|subjects|participants|pts)\b"
)
_COND_INLINE = re.compile(
    r"\b(?:required|mandatory|needed|must)\b[^()]*?\bfor\s+(?:patients\s+with\s+)?(?P<what>[a-z0-9-]+)\s*(?:\+|positive|mutation)"
)
_ALTERATION_GENE = {"t790m": "EGFR", "c797s": "EGFR", "l858r": "EGFR", "g12c": "KRAS", "v600e": "BRAF"}
_AND = re.compile(r"\band\b(?!/)|\bplus\b|\bas well as\b|\bfollowed by\b")
_OR = re.compile(r"\bor\b|\band/or\b")
_CLAUSE_BREAK = re.compile(r"[;:]|\bbut\b|\bhowever\b|\bwhereas\b")
_BRACKET_OPEN = re.compile(r"[(\[]")
_TIMING = re.compile(r"\bprogress|\bfail|\bafter\b|(?<!the )\bfollowing\b|\bresist")
_LIST_WORDS = re.compile(r"\b(?:and|or)\b")
_FOR_NSCLC = re.compile(r"\bfor (?:this |the )?(?:nsclc|lung cancer|non-small|study cancer)")


@dataclass(frozen=True)
class Context:
    """What a sentence inherits from its criterion and the bullets above it."""

    section: str  # "inclusion", "exclusion" or "title"
    cohorts: tuple[str, ...] = ()
    inherited: cues.Cue | None = None  # "Prior:" headers lend their cue to the bullets below
    adjuvant_ok: bool = False  # the criterion treats (neo)adjuvant therapy separately
    soft: bool = False  # under a conditional bullet ("eligible if the following are met:")
    prefix: str = ""  # short header quoted with the sentence


# ---------------------------------------------------------------- cohorts and conditions


def _label(kind: str, raw: str) -> str:
    digits = re.match(r"([ivx]+)([a-z]?)$", raw)
    if digits and digits.group(1) in _ROMAN:
        raw = _ROMAN[digits.group(1)] + digits.group(2)
    return f"{kind} {raw}"


def _labels_in(text: str) -> list[str]:
    found: dict[str, list[str]] = {}
    for match in _COHORT_LABELS.finditer(text):
        kind = match.group("kind")
        raws = [match.group("first"), *re.findall(_LABEL, re.sub(r"(?:cohort|arm|part|phase)s?", " ", match.group("more")))]
        found.setdefault(kind, []).extend(_label(kind, r) for r in raws)
    for kind in _KIND_ORDER:  # "Phase Ia (Part A):" names the part
        if kind in found:
            return list(dict.fromkeys(found[kind]))
    return []


def head_cohorts(text: str) -> tuple[str, ...]:
    """Cohorts named at the start of a bullet: "Cohort 2:", "Phase 2 :", "Cohorts 1 and 2:"."""
    norm = normalize(text)
    colon = norm.find(":", 0, 70)
    if colon < 0 or not _HEAD.match(norm):
        return ()
    return tuple(_labels_in(norm[:colon]))


def sentence_cohorts(norm: str) -> tuple[str, ...]:
    """Cohorts a sentence names for itself: "(for phase II part)", "inadmissible to Cohort 2 and Cohort 4"."""
    labels: list[str] = []
    for match in _IN_SENTENCE_COHORT.finditer(norm):
        labels.extend(_labels_in(norm[match.end():match.end() + 60].split(";")[0]))
    return tuple(dict.fromkeys(labels))


def _condition(norm: str) -> tuple[str | None, str | None]:
    """("EGFR", None) for "Patients with EGFR mutation ...": the rule applies to that group only."""
    for pattern in (_COND_PATIENTS, _COND_GENE_FIRST):
        match = pattern.match(norm)
        if match:
            word = match.group("gene")
            gene = canonical_gene(word.split("/")[0])
            if gene:
                return gene, None
            if word in _ALTERATION_GENE:
                return _ALTERATION_GENE[word], word
    return None, None


def _inline_condition(paren: str) -> tuple[str | None, str | None]:
    match = _COND_INLINE.search(paren)
    if not match:
        return None, None
    word = match.group("what")
    if word in _ALTERATION_GENE:
        return _ALTERATION_GENE[word], word
    gene = canonical_gene(word)
    return (gene, None) if gene else (None, None)


# ---------------------------------------------------------------- one sentence


def _family(item: str) -> frozenset[str]:
    kind, _, key = item.partition(":")
    if kind == "d":
        return frozenset(drugs.classes_of(key))
    return drugs.ancestors(key)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _paren_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in cues.PAREN.finditer(text)]


def _window_start(text: str, pos: int) -> int:
    """Start of the clause a name sits in: after the last ';', 'but' or opening bracket."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, pos):
        start = match.end()
    for match in _BRACKET_OPEN.finditer(text, start, pos):
        start = match.end()
    return start


def _clause_around(text: str, mention: Mention, parens: list[tuple[int, int]]) -> str:
    """The clause holding a name, asides removed; plus the aside itself when the name is inside one."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, mention.start):
        start = match.end()
    stop = _CLAUSE_BREAK.search(text, mention.end)
    clause = cues.strip_parens(text[start:stop.start() if stop else len(text)])
    for a, b in parens:
        if a <= mention.start < b:
            clause = f"{clause} {text[a:b]}" if not cues.strip_parens(text[a:b]).strip() else text[a:b]
    return clause


def _inherits(text: str, mention: Mention, prev: Mention | None, parens: list[tuple[int, int]]) -> bool:
    """Whether a name with no cue of its own continues the list before it ("X, Y or Z")."""
    if prev is None or _CLAUSE_BREAK.search(text, prev.end, mention.start):
        return False
    for a, b in parens:
        if a <= mention.start < b and not a <= prev.start < b:
            # Into an aside only when it lists examples or other names for the same thing.
            between = _LIST_WORDS.sub(" ", text[a + 1:mention.start])
            return bool(cues.EXAMPLES.match(text, a)) or not re.search(r"[a-z]{3,}", between)
    return True


def _polarity(text: str, mention: Mention, prev: Mention | None, prev_action: str | None, ctx: Context,
              parens: list[tuple[int, int]], lead_in: int) -> str | None:
    """What the sentence says about this drug: "forbid", "require" or None (nothing usable)."""
    if mention.start < lead_in:
        return None  # "For patients who have undergone adjuvant chemotherapy, ..."
    window = text[max(_window_start(text, mention.start), lead_in):mention.start]
    cue = cues.cue_after_name(text, mention.end) or cues.last_cue(window)
    verdict = cues.clause_verdict(_clause_around(text, mention, parens))
    if verdict == "permit":
        return None
    if verdict == "ban" and cue in (None, "past"):
        return "forbid"
    if verdict == "late_neg":
        cue = "neg"
    if cue is None:
        if _inherits(text, mention, prev, parens):
            return prev_action
        return _action(ctx.inherited, ctx.section, window)
    return _action(cue, ctx.section, window)


def _action(cue: str | None, section: str, window: str) -> str | None:
    if cue is None or cue == "fut":
        return None
    if section == "exclusion":
        # "after progression on prior X" in an exclusion describes timing, not a ban on X.
        return "forbid" if cue == "past" and not _TIMING.search(window) else None
    if cue == "neg":
        return "forbid"
    if cue == "past" and section == "title":
        return None
    return "require"


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


def _and_groups(text: str, mentions: list[Mention]) -> list[list[str]]:
    """Required names joined by "and" must all have been had; joined by "or" any one of them."""
    groups: list[list[str]] = []
    for k, mention in enumerate(mentions):
        gap = cues.strip_parens(text[mentions[k - 1].end:mention.start]) if k else ""
        if k == 0 or (_AND.search(gap) and not _OR.search(gap)):
            groups.append(list(mention.items))
        else:
            groups[-1].extend(mention.items)
    return [list(dict.fromkeys(g)) for g in groups]


def _setting(norm: str, ctx: Context, requiring: bool) -> str:
    if cues.EARLY.search(norm):
        return "early"
    if requiring:
        return "advanced" if cues.ADVANCED.search(norm) and not cues.ADJUVANT.search(norm) else "any"
    if _FOR_NSCLC.search(norm) and not cues.ADVANCED.search(norm) and not ctx.adjuvant_ok:
        return "any"
    return "advanced" if cues.ADVANCED.search(norm) or ctx.adjuvant_ok else "any"


def sentence_rules(sentence: str, ctx: Context) -> list[dict[str, Any]]:
    """Prior-therapy rules stated by one sentence of the criteria."""
    norm = normalize(sentence)
    bare = cues.strip_parens(norm)
    if cues.SKIP.search(bare) or (ctx.section == "exclusion" and cues.SKIP_EXCLUSION.search(bare)):
        return []
    timed = bool(cues.TIME_WINDOW.search(bare))
    mentions = find_mentions(norm)
    gene, alteration = _condition(norm)
    base: dict[str, Any] = {
        "soft": ctx.soft or bool(cues.SOFT.search(bare)) or bool(cues.OPEN_ALTERNATIVE.search(norm)),
        "gene": gene,
        "alteration": alteration,
        "cohorts": list(sentence_cohorts(norm) or ctx.cohorts),
        "evidence": quote(f"{ctx.prefix} {sentence}" if ctx.prefix else sentence),
        "section": ctx.section,
    }
    rules: list[dict[str, Any]] = []
    met_unknown = bool(cues.MET_UNKNOWN.search(norm))

    limits = count_limits(norm, mentions, ctx.section)
    if ctx.section != "exclusion":
        limits += ordinal_limits(norm)
    spans = [(lim.start, lim.end) for lim in limits]
    for lim in limits:
        if lim.cycles:
            met_unknown = True
        elif lim.min is not None or lim.max is not None:
            rules.append(_lines_rule(lim, base, norm, ctx))
    mentions = [m for m in mentions if not _inside(m.start, spans)]

    exceptions = [(m.start(), m.end()) for m in cues.EXCEPT.finditer(norm)]
    optional = [(m.start(), m.end()) for m in cues.OPTIONAL.finditer(norm)]
    allow = list(dict.fromkeys(i for m in mentions if _inside(m.start, exceptions) for i in m.items))
    mentions = _drop_generic([m for m in mentions if not _inside(m.start, exceptions + optional)])

    parens = _paren_spans(norm)
    lead = cues.LEAD_IN.match(norm)
    lead_in = lead.end() if lead else 0
    forbid: list[Mention] = []
    require: list[Mention] = []
    prev: Mention | None = None
    action: str | None = None
    for mention in mentions:
        action = _polarity(norm, mention, prev, action, ctx, parens, lead_in)
        prev = mention
        if action == "forbid":
            forbid.append(mention)
        elif action == "require":
            require.append(mention)

    if ctx.section != "exclusion":
        rules += _naive_phrases(norm, mentions, allow, base, ctx, timed)
        if not require and not any(r["kind"] == "lines" and r.get("min") for r in rules):
            treated = cues.TREATED.search(norm)
            if treated and not (ctx.section == "title" and mentions):
                rules.append({**base, "kind": "lines", "min": 1, "max": None, "of": None,
                              "setting": "any"})
    if forbid and not timed:
        rules.append(_forbid_rule(forbid, allow, base, norm, ctx))
    if require:
        rules += _require_rules(norm, require, parens, base, ctx, met_unknown)
    return rules


def _lines_rule(lim: LineLimit, base: dict[str, Any], norm: str, ctx: Context) -> dict[str, Any]:
    return {**base, "kind": "lines", "min": lim.min, "max": lim.max,
            "of": list(lim.of) if lim.of else None, "soft": base["soft"] or lim.soft,
            "setting": "any" if lim.of else _setting(norm, ctx, requiring=True)}


def _naive_phrases(norm: str, mentions: list[Mention], allow: list[str], base: dict[str, Any],
                   ctx: Context, timed: bool) -> list[dict[str, Any]]:
    if timed:
        return []
    for match in cues.NAIVE.finditer(norm):
        if any(0 <= match.start() - m.end <= 3 for m in mentions):
            continue  # "EGFR TKI treatment-naive" names a class: handled as a ban on that class
        setting = "any" if cues.ANY_SETTING.search(norm) or _FOR_NSCLC.search(norm) else "advanced"
        if cues.EARLY.search(norm):
            setting = "early"
        return [{**base, "kind": "naive", "allow": allow, "setting": setting}]
    return []


def _forbid_rule(forbid: list[Mention], allow: list[str], base: dict[str, Any], norm: str,
                 ctx: Context) -> dict[str, Any]:
    items = list(dict.fromkeys(i for m in forbid for i in m.items))
    setting = _setting(norm, ctx, requiring=False)
    if any(m.systemic for m in forbid):
        return {**base, "kind": "naive", "allow": allow, "setting": setting}
    return {**base, "kind": "forbid", "items": items, "allow": allow, "setting": setting}


def _require_rules(norm: str, require: list[Mention], parens: list[tuple[int, int]], base: dict[str, Any],
                   ctx: Context, met_unknown: bool) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    outside = [m for m in require if not _inside(m.start, parens)]
    for a, b in parens:  # "(Osimertinib exposure required for T790M+)": a rule for that group only
        gene, alteration = _inline_condition(norm[a:b])
        inner = [m for m in require if a <= m.start < b]
        if gene and inner and outside:
            rules.append({**base, "kind": "require", "groups": _and_groups(norm, inner), "gene": gene,
                          "alteration": alteration, "met_unknown": False, "setting": "any"})
    groups = _and_groups(norm, outside or require)
    setting = _setting(norm, ctx, requiring=True)
    if any(drugs_item == "c:systemic" for g in groups for drugs_item in g):
        rules.append({**base, "kind": "lines", "min": 1, "max": None, "of": None, "setting": setting})
        groups = [g for g in groups if "c:systemic" not in g]
    groups = [[i for i in g if i not in GENERIC_CLASSES] or g for g in groups]
    if groups:
        rules.append({**base, "kind": "require", "groups": groups, "met_unknown": met_unknown,
                      "setting": setting})
    return rules


# ---------------------------------------------------------------- the whole trial


def _children(criteria: list[Criterion], index: int) -> list[Criterion]:
    out = []
    for crit in criteria[index + 1:]:
        if crit.depth <= criteria[index].depth or crit.section != criteria[index].section:
            break
        out.append(crit)
    return out


def _header_cue(text: str) -> cues.Cue | None:
    """A short lead-in bullet ("Prior:", "Have received any of the following treatments:")."""
    norm = normalize(text)
    if len(norm) > 120 or find_mentions(norm):
        return None
    cue = cues.last_cue(norm)
    return cue if cue in ("past", "req") else None


_SEMICOLON = re.compile(r"\s*;\s*")


def _pieces(crit: Criterion) -> list[str]:
    """Sentences, further cut at semicolons ("1. prior EGFR TKI; 2. major surgery; ..."),
    except where the next part continues with "or" (alternatives stay together)."""
    pieces: list[str] = []
    for sentence in crit.sentences():
        for part in _SEMICOLON.split(sentence):
            if not part.strip():
                continue
            if pieces and re.match(r"(?:or|and/or)\b", part, re.I):
                pieces[-1] = f"{pieces[-1]}; {part}"
            else:
                pieces.append(part)
    return pieces


def _prefix(ancestors: list[Criterion]) -> str:
    """The bullet above, quoted with the sentence when it says something ("Cohort 2:", "Prior:")."""
    if not ancestors or len(ancestors[-1].text) > 100:
        return ""
    text = ancestors[-1].text
    if head_cohorts(text) or _header_cue(text) or cues.CONDITION_PARENT.search(normalize(text)):
        return text
    return ""


def criteria_rules(text: TrialText) -> list[dict[str, Any]]:
    """Rules from every criterion sentence, with cohorts and headers carried down to sub-bullets."""
    criteria = list(text.criteria)
    rules: list[dict[str, Any]] = []
    ancestors: list[Criterion] = []
    for index, crit in enumerate(criteria):
        ancestors = [a for a in ancestors if a.depth < crit.depth and a.section == crit.section]
        own = head_cohorts(crit.text)
        inherited = next((head_cohorts(a.text) for a in reversed(ancestors) if head_cohorts(a.text)), ())
        context_text = " ".join([crit.text, *(c.text for c in _children(criteria, index))])
        header = next((a.text for a in reversed(ancestors) if _header_cue(a.text)), "")
        ctx = Context(
            section=crit.section if crit.section in ("inclusion", "exclusion") else "inclusion",
            cohorts=own or inherited,
            inherited=_header_cue(header) if header else None,
            adjuvant_ok=bool(cues.ADJUVANT.search(normalize(context_text))),
            soft=any(cues.CONDITION_PARENT.search(normalize(a.text)) for a in ancestors),
            prefix=_prefix(ancestors),
        )
        pieces = _pieces(crit)
        lead = pieces[0].split(":", 1)[0] if len(pieces) > 1 and ":" in pieces[0] else ""
        for k, piece in enumerate(pieces):
            if k and lead and _header_cue(lead) and ctx.inherited is None:
                rules += sentence_rules(piece, replace(ctx, inherited=_header_cue(lead), prefix=lead))
            else:
                rules += sentence_rules(piece, ctx)
        ancestors.append(crit)
    return rules


def title_rules(text: TrialText) -> list[dict[str, Any]]:
    """What the title says about earlier treatment ("as first-line", "previously treated", "TKI-naive")."""
    rules: list[dict[str, Any]] = []
    for title in dict.fromkeys(t.strip() for t in text.title.split(" / ") if t.strip()):
        rules += sentence_rules(title, Context(section="title"))
    return rules


_LINE_KINDS = ("naive", "lines", "require")


def assemble(criteria: list[dict[str, Any]], titles: list[dict[str, Any]]) -> dict[str, Any]:
    """Combine criteria and title rules, drop contradictions, and list the cohort groups to try."""
    rules = list(criteria)
    if not any(r["kind"] in _LINE_KINDS for r in criteria):
        rules += titles
    else:
        rules += [r for r in titles if r["kind"] == "forbid"]
    rules = _drop_washout_naive(rules)
    unique: dict[str, dict[str, Any]] = {}
    for rule in rules:
        key = repr(sorted((k, v) for k, v in rule.items() if k not in ("evidence", "section")))
        unique.setdefault(key, rule)
    rules = list(unique.values())
    return {"rules": rules, "groups": _groups(rules)}


def _drop_washout_naive(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An exclusion "received systemic treatment" in a trial that requires earlier treatment is a washout."""
    needs = [r for r in rules if r["section"] != "exclusion"
             and (r["kind"] == "require" or (r["kind"] == "lines" and r.get("min") and not r.get("of")))]

    def contradicted(rule: dict[str, Any]) -> bool:
        if rule["kind"] != "naive" or rule["section"] != "exclusion" or rule.get("allow"):
            return False
        return any(not n["cohorts"] or set(rule["cohorts"]) <= set(n["cohorts"]) and rule["cohorts"] for n in needs)

    return [r for r in rules if not contradicted(r)]


def _groups(rules: list[dict[str, Any]]) -> list[list[int]]:
    """Rule indexes per cohort: a profile that fits any one cohort fits the trial."""
    labels = list(dict.fromkeys(label for r in rules for label in r["cohorts"]))
    common = [i for i, r in enumerate(rules) if not r["cohorts"]]
    if not labels:
        return [common]
    groups = [[i for i, r in enumerate(rules) if not r["cohorts"] or label in r["cohorts"]] for label in labels]
    if not any(r["cohorts"] and r["section"] == "inclusion" for r in rules):
        groups.append(common)  # only exclusions name cohorts: other cohorts exist without them
    return groups


def parse_trial(text: TrialText) -> dict[str, Any]:
    """Everything the check needs, JSON-serializable."""
    return assemble(criteria_rules(text), title_rules(text))

