"""Which drug and class names a criteria sentence wants had, wants not had, or only mentions.

For each name: a cue written straight after it ("EGFR-TKI resistance", "chemotherapy-naive"), or the
nearest cue word before it ("progressed on", "no prior", "will receive"), or the cue of the list it
continues ("no prior chemotherapy, biological therapy or immunotherapy"); clause-wide allowances
("is permitted") and bans ("is not allowed") win; lead-ins ("For patients who ..., ") are conditions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from trialmatch.criteria import drugs
from trialmatch.criteria.rules.prior_therapy import cues
from trialmatch.criteria.rules.prior_therapy.scope import lead_in_condition
from trialmatch.criteria.rules.prior_therapy.terms import SYSTEMIC, Mention
from trialmatch.criteria.rules.reader.scope import INCLUDES_NSCLC, cancers_named

if TYPE_CHECKING:
    from trialmatch.criteria.rules.prior_therapy.first_read import FirstRead

# In an exclusion these still mean "had it": "Patients previously treated with EGFR TKIs are excluded".
_TREATED_WORDS = ("previously treated", "pretreated", "pre-treated")
_CLAUSE_BREAK = re.compile(r"[;:]|\bbut\b|\bhowever\b|\bwhereas\b")
# In an exclusion, "after progression on prior X" describes timing, not a ban on X.
_TIMING = re.compile(r"\bprogress|\bfail|\bafter\b|(?<!the )\bfollowing\b|\bresist")
# "ICI-related pneumonitis", "EGFR-TKI treatment-induced progression": a side effect or event, not exposure.
# Only ever matched right after a name: no guard, which would scan the whole sentence for each name.
_SIDE_EFFECT = re.compile(r"\s?-?\s?(?:related|associated|induced|mediated)\b")
# "treatment prior to EGFR TKIs": the TKI is the reference point, not a banned treatment.
_ANCHOR = re.compile(r"\b(?:prior to|before)\s+(?:the\s+|any\s+)?$")
# The study drug named as a time point: "before the first dose of furmonertinib".
_STUDY_DOSE = re.compile(
    r"\b(?:first|initial|last) (?:dose|administration|infusion)s? of (?:the )?$|\b(?:start|initiation) of $"
)
# A time window counted from an earlier treatment, in an inclusion: "within 12 weeks after starting ICI",
# "progressed within 6 months of the last dose of platinum". The window is assumed met (never a rule), but the
# treatment it is counted from must have been had. "after/since starting X" and "have started X" say it was
# started; "within 4 weeks of starting X" may count before or after the start (a question, "soft").
_LINE_WORDS = r"(?:(?:first|second|third|1st|2nd|3rd|front)[- ]line\s+)?"
STARTED = re.compile(
    r"(?:\b(?P<how>after|since|following|from|of)\s+(?:the\s+)?(?:start(?:ing)?|initiat(?:ing|ion)|commenc(?:ing|ement)"
    r"|beginning)|\b(?:has|have|had)\s+(?:already\s+)?(?:started|initiated|begun|commenced))\s+(?:of\s+|on\s+|with\s+)?"
    rf"(?:(?:treatment|therapy)\s+with\s+)?(?:the\s+|their\s+|an?\s+|any\s+)?{_LINE_WORDS}$"
)
# "Progressed within 6 months of (the last dose of | completing) X": X had (not "relapse did not occur within").
_PROGRESSED_WITHIN = re.compile(
    r"\b(?:progress\w*|relaps\w*|recurr\w*)\b(?:(?!\b(?:not|no|never|without)\b)[^.;]){0,60}?"
    r"\bwithin\s+(?:\d{1,3}|one|two|three|four|six|twelve)\s*(?:days?|weeks?|months?|years?)\s+"
    r"(?:of|after|from|following|since)\s+(?:the\s+)?(?:(?:completing|completion|finishing|end|stopping|discontinu\w*"
    r"|last\s+(?:dose|cycle|administration|infusion)s?|receiving)\s+(?:of\s+)?(?:the\s+|their\s+)?)?"
    r"(?:(?:prior|previous|first[- ]line|an?|any)\s+)*$"
)
# A window for a scan, sample or form ("baseline CT within 4 weeks of starting X") says nothing of X.
_MEASURED = re.compile(r"\b(?:scans?|imaging|ct|mri|pet|biops\w*|samples?|specimens?|blood|laborator\w*|tests?"
                       r"|questionnaires?|surveys?|consent)\b")
# Sentences where such a window is a condition or an allowance, not a requirement.
_WINDOW_CONDITION = re.compile(r"\b(?:if|as long as|provided|unless|could|may|can|allowed|permitted|eligible)\b")
# "Chemotherapy (or targeted therapy) before surgery" opening an exclusion: had before the operation.
_BEFORE_SURGERY = re.compile(r"[^.;:,()]{0,60}?\b(?:before|prior to)\s+(?:the\s+)?(?:surgery|resection|operation)\b")
_WORD = re.compile(r"[a-z]+")
# Words that may sit between names of one list: "X, Y and other similar Z drugs".
_LIST_WORDS = frozenset(
    "and or nor plus including include includes such as eg e g ie i other any prior previous the a an with of well "
    "etc similar another drug agent therapy therapie treatment inhibitor antibody but not limited to like for example "
    "instance combination based containing regimen its their these those all kind type form class either also small "
    "molecule medication product cetera".split()
)
# Title words that describe the study treatment rather than an earlier one ("under immunotherapy").
_TITLE_SKIP_WORDS = ("under", "during", "currently", "complet", "on ", "are on", "is on", "while on")
# Cue words too loose to carry a requirement in a sentence that also gives a time window:
# "at least two weeks after the chemotherapy" is a washout.
_WEAK_WORDS = ("after", "following", "post", "under", "during", "currently", "complet", "on ", "are on", "is on",
               "while on")
# Short words that are not bits of names the vocabulary lacks ("PD-L1", "CTLA-4" on their own).
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
    egfr_trial: bool = False  # the title or conditions name EGFR: "third-generation TKI" means an EGFR TKI
    header_genes: frozenset[str] = frozenset()  # genes the title or conditions name: what the trial is about
    observational: bool = False  # an observational study: "patients treated with X" names the course it follows
    # "All other participants must ..." after a bullet on a marker group: the shared reader named who the others are
    # (those without the markers), so "others" leaves no way in of its own.
    others_told: bool = False


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def blanked(norm: str, spans: list[tuple[int, int]]) -> str:
    """The text with these spans made spaces (same length: every position stays where it was)."""
    for start, end in spans:
        norm = norm[:start] + " " * (end - start) + norm[end:]
    return norm


def without_spans(read: FirstRead, spans: list[tuple[int, int]]) -> FirstRead | None:
    """The sentence with these spans blanked and the names and counts inside them dropped; None when no name
    or count is left to read."""
    mentions = [m for m in read.mentions if not inside(m.start, spans)]
    limits = [lim for lim in read.limits if not inside(lim.start, spans)]
    if not mentions and not limits:
        return None
    return replace(read, norm=blanked(read.norm, spans), mentions=mentions, limits=limits)


def _aside(pos: int, parens: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((a, b) for a, b in parens if a <= pos < b), None)


@lru_cache(maxsize=1024)  # asked for every name of every sentence; the vocabulary does not change
def _family(item: str) -> frozenset[str]:
    kind, _, key = item.partition(":")
    return frozenset(drugs.classes_of(key)) if kind == "d" else drugs.ancestors(key)


def list_gap(gap: str) -> bool:
    """True when only list words ("and", "or", "other", ...) or bits of names lie between two names."""
    return all(
        word in _LIST_WORDS or word.rstrip("s") in _LIST_WORDS or (len(word) <= 4 and word not in _NOT_NAME_PARTS)
        for word in _WORD.findall(cues.strip_parens(gap))
    )


def without_abbreviations(norm: str, mentions: list[Mention], parens: list[tuple[int, int]]) -> list[Mention]:
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


def with_generic_treatment(norm: str, mentions: list[Mention]) -> list[Mention]:
    """Add "prior treatment" / "previous therapy" as systemic treatment where no drug or class is named."""
    extra = []
    for match in cues.GENERIC_TREATMENT.finditer(norm):
        start, end = match.span("what")
        # "previous treatment to inhibit EGFR (e.g. erlotinib)": the treatment is named just after.
        # ("... or any other treatment" is the rest of a list, never named by what follows.)
        named_next = not match.group().startswith(("or", "and", "nor")) and any(
            start <= n.start < end + 45 and not _CLAUSE_BREAK.search(norm, end, n.start) for n in mentions)
        if not named_next and not any(n.start <= start < n.end for n in mentions):
            extra.append(Mention(start, end, (SYSTEMIC,)))
    return sorted([*mentions, *extra], key=lambda m: m.start)


# "EGFR TKI, ALK inhibitors or other targeted drugs": the generic class named as more of the kind, not as a
# second name for the class before it.
_OTHER_OF_KIND = re.compile(r"\b(?:or|and|and/or|nor)\s+(?:any\s+)?other\s+(?:molecular(?:ly)?\s+)?$")


# "Prior anticancer treatment with any checkpoint inhibitor": the treatment is the one named just after.
_NAMED_BY_NEXT = re.compile(r"\s{0,3}(?:with|using|consisting of|containing|comprising|based on)\s{1,3}"
                            r"(?:(?:an?|any|the|one|prior)\s{1,3})?")


# "... with human epidermal growth factor receptor 1 (HER1)/epidermal growth factor receptor (EGFR) inhibitors": a
# target spelt out (with its bracketed abbreviations) before the class name found in it is still that name.
_SPELT_TARGET = re.compile(
    r"(?:(?:human|epidermal|growth|factors?|receptors?|vascular|endothelial|anaplastic|lymphoma|kinases?|tyrosine"
    r"|hepatocyte|fibroblast|platelet|derived|insulin|like|programmed|death|cell|ligand|mesenchymal|epithelial"
    r"|transition|her[1-4]|erbb[1-4]?|egfr|vegfr?|\d)[\s/()-]*){1,16}")


# "Prior systemic therapy (directly) targeting ALK", "targeted therapy against RET": the therapy is the class the
# targeted gene names (the next mention starts at the targeting verb).
_TARGETING_GAP = re.compile(r"\s{0,3}(?:(?:with|using|of)\s{1,3}(?:an?\s{1,3}|any\s{1,3})?(?:agents?|drugs?|compounds?"
                            r"|medications?|molecules?)\s{1,3})?(?:(?:directly|specifically|selectively|exclusively"
                            r"|primarily)\s{1,3})?(?=target|direct|aimed|against|that|which|inhibiting|blocking)")


def _targeting_next(norm: str, mention: Mention, after: Mention) -> bool:
    found = _TARGETING_GAP.match(norm, mention.end)
    return found is not None and found.end() == after.start


def _names_next(norm: str, mention: Mention, after: Mention) -> bool:
    """Whether a bare "with" (maybe a spelt-out target) leads from the generic mention to the next name."""
    if _targeting_next(norm, mention, after):
        return True
    found = _NAMED_BY_NEXT.match(norm, mention.end)
    if not found:
        return False
    if found.end() == after.start:
        return True
    spelt = _SPELT_TARGET.match(norm, found.end(), after.start)
    return spelt is not None and spelt.end() == after.start


def _unknown_target(norm: str, mention: Mention, after: Mention | None) -> bool:
    """ "Prior systemic therapy targeting claudin 18.2": a target the vocabulary does not know, not all therapy
    (a known target is the next mention and names the therapy)."""
    if not mention.generic and not mention.systemic:
        return False
    found = _TARGETING_GAP.match(norm, mention.end)
    return found is not None and (after is None or after.start != found.end())


def _named_by_next(mentions: list[Mention], norm: str) -> list[Mention]:
    """Forget a generic "anticancer treatment" that the next name says what it was, or that targets a gene
    the vocabulary does not know."""
    if not mentions:
        return mentions
    kept: list[Mention] = []
    for mention, after in zip(mentions, mentions[1:] + [None], strict=True):
        if _unknown_target(norm, mention, after):
            continue
        if after is not None and after.items != (SYSTEMIC,) and (
                (mention.items == (SYSTEMIC,) and _names_next(norm, mention, after))
                or (mention.generic and not after.generic and _targeting_next(norm, mention, after))):
            continue
        kept.append(mention)
    return kept


def _drop_generic(mentions: list[Mention], norm: str = "") -> list[Mention]:
    """Forget "TKI"/"targeted"/"antibody" when a specific targeted class or drug was named before (unless the
    text says "or other targeted drugs")."""
    kept: list[Mention] = []
    seen_targeted = seen_kinase = False
    for mention in mentions:
        # "History of chemotherapy, ICI or TKI": no TKI blocks an immune checkpoint, so a bare TKI after a checkpoint
        # inhibitor is a class of its own, not the checkpoint inhibitor's kind said again (as "antibody" may be).
        seen = seen_kinase if mention.items == ("c:tki",) else seen_targeted
        if mention.generic and seen and not _OTHER_OF_KIND.search(norm, max(0, mention.start - 30), mention.start):
            continue
        kept.append(mention)
        families = [_family(i) for i in mention.items] if not mention.generic else []
        if any({"targeted", "biologic", "biological"} & f for f in families):
            seen_targeted = True
        if any({"targeted", "biologic", "biological"} & f and "checkpoint_inhibitor" not in f for f in families):
            seen_kinase = True
    return kept


@lru_cache(maxsize=256)
def _breaks(norm: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where clauses end and start again (";", ":", "but"), found once per sentence."""
    found = list(_CLAUSE_BREAK.finditer(norm))
    return tuple(m.start() for m in found), tuple(m.end() for m in found)


def _clause_start(norm: str, pos: int) -> int:
    starts, ends = _breaks(norm)
    k = bisect_right(ends, pos)
    return ends[k - 1] if k else 0


def _clause_stop(norm: str, pos: int) -> int:
    starts, _ = _breaks(norm)
    k = bisect_left(starts, pos)
    return starts[k] if k < len(starts) else len(norm)


@lru_cache(maxsize=1024)
def _verdict_of(text: str) -> str | None:
    return cues.clause_verdict(text)


def _clause_verdict(norm: str, mention: Mention, parens: list[tuple[int, int]]) -> str | None:
    """"is not permitted" / "is permitted" / "has not been given", said of the clause holding a name
    (an aside's own words first, then the clause around it)."""
    aside = _aside(mention.start, parens)
    own = _verdict_of(norm[aside[0]:aside[1]]) if aside else None
    start = _clause_start(norm, aside[0] if aside else mention.start)
    stop = _clause_stop(norm, aside[1] if aside else mention.end)
    # "No prior X for NSCLC (Y allowed if ...; Z not allowed)": a stop inside an aside after the name ends the
    # aside's clauses, not the name's; the name's clause ends where that aside opens.
    stop = min([stop] + [a for a, b in parens if (aside[1] if aside else mention.end) <= a < stop < b])
    return own or _span_verdict(norm, start, stop)


# Every name of one clause asks about the same clause: its asides are stripped once, not once per name
# (a list of 200 names in a 2,500-character clause stripped it 200 times).
@lru_cache(maxsize=256)
def _span_verdict(norm: str, start: int, stop: int) -> str | None:
    return _verdict_of(cues.strip_parens(norm[start:stop]))


def _inherits(norm: str, mention: Mention, prev: Mention | None, parens: list[tuple[int, int]]) -> bool:
    """Whether a name with no cue of its own continues the list before it ("X, Y or Z")."""
    if prev is None or _CLAUSE_BREAK.search(norm, prev.end, mention.start):
        return False
    aside = _aside(mention.start, parens)
    if aside and not aside[0] <= prev.start < aside[1]:
        # Into an aside only when it lists examples or other names for the same thing.
        return bool(cues.EXAMPLES.match(norm, aside[0])) or list_gap(norm[aside[0] + 1:mention.start])
    return list_gap(norm[prev.end:mention.start])


# "platinum-resistant ovarian cancer", "BRAF inhibitor-refractory melanoma": the name describes another cancer.
_DESCRIBES = re.compile(r"[\s-]*(?:refractory|resistant|sensitive|pre-?treated|na[i\u00ef]ve|relapsed|exposed)\b"
                        r"(?:\s+(?:or|and|/)\s+(?:refractory|resistant|sensitive|relapsed))?")


def _other_cancer_word(norm: str, mention: Mention) -> bool:
    """Whether a name only qualifies another cancer named straight after it."""
    match = _DESCRIBES.match(norm, mention.end)
    if not match:
        return False
    # Only the cancer the name qualifies: "platinum-resistant ovarian cancer, or NSCLC" stops at the list mark.
    window = _NEXT_ITEM.split(norm[match.end():match.end() + 40], 1)[0]
    named = cancers_named(window)
    return bool(named) and not INCLUDES_NSCLC.intersection(named)


_NEXT_ITEM = re.compile(r"[,;(]|\b(?:or|and|and/or)\b")


@dataclass
class Reading:
    """The names of one sentence sorted by what the sentence wants done with them."""

    forbid: list[Mention]
    require: list[Mention]
    allow: list[str]
    weak: list[Mention]  # required only on a loose cue ("after X")
    past: list[Mention]  # required only on an exposure word ("prior X", "received X")
    permitted: list[str]  # named as allowed ("(prior EGFR TKI is permitted)")


@dataclass(frozen=True)
class LeadIn:
    """ "For patients who ..., " at the start of a sentence or clause: a condition, not a requirement."""

    start: int
    end: int
    genes: tuple[str, ...]
    alteration: str | None


def lead_ins(norm: str) -> list[LeadIn]:
    found = []
    for start in [0, *(m.end() for m in re.finditer(r"[:;]", norm))]:
        match = cues.LEAD_IN.match(norm, start) or cues.SUBJECT_LEAD_IN.match(norm, start)
        if match:
            genes, alteration = lead_in_condition(match.group())
            found.append(LeadIn(match.start(), match.end(), tuple(genes), alteration))
    return found


def _lead_end(leads: list[LeadIn], pos: int) -> int:
    return max((lead.end for lead in leads if lead.end <= pos), default=0)


# A name with no cue before it, followed by "after progression on ...": a treatment given once the disease
# progressed, so had ("and 1 platinum-based therapy after progression on or after EGFR TKI").
_GIVEN_AFTER_PROGRESSION = re.compile(
    r"\W{0,3}(?:(?:therapy|treatment|regimen|chemotherapy|doublet)s?\s+)?(?:(?:given|received|administered)\s+)?"
    r"(?:after|following|upon|at)\s+(?:(?:disease|radiological|radiographic|documented)\s+)?progression\b")


# "First-line platinum doublet with or without pembrolizumab failed": the failure told after an optional partner.
# "... a platinum doublet, which failed": the same, said in a relative clause.
_OPTIONAL_PARTNER_THEN = re.compile(
    r"(?:\W{0,3}(?:with or without|with/without|\u00b1|\+/-)\s+(?:an?\s+|the\s+)?"
    r"[a-z0-9()/-]+(?:\s+[a-z0-9()/-]+){0,4}?"
    r"|(?:\s+(?:chemotherapy|therapy|treatment|regimen))?\s*,?\s*(?:which|that))"
    r"\s*,?\s*(?=(?:has\s+|have\s+|had\s+)?(?:failed|progressed)\b)")


# "NSCLC naive to KRAS G12C inhibitors that progressed after platinum": the disease progressed, not on the drug the
# patient is naive to.
_NAIVE_RIGHT_BEFORE = re.compile(r"\b(?:na[i\u00ef]ve\s+(?:to|for)|without\s+(?:any\s+)?(?:prior|previous))\s+"
                                 r"(?:(?:any|prior|previous|an?|the)\s+)*$")


def _cue_for(norm: str, mention: Mention, parens: list[tuple[int, int]], lead_in: int) -> tuple[cues.Cue | None, str]:
    end = mention.end
    following = next((b for a, b in parens if a >= end and not norm[end:a].strip()), None)
    after = cues.cue_after_name(norm, end) or (cues.cue_after_name(norm, following) if following else None)
    partner = None if after or _NAIVE_RIGHT_BEFORE.search(norm, max(0, mention.start - 30), mention.start) \
        else _OPTIONAL_PARTNER_THEN.match(norm, end)
    if partner:
        after = cues.cue_after_name(norm, partner.end())
    if after:
        return after, "after-name"
    aside = _aside(mention.start, parens)
    if aside:
        inner = cues.cue_with_word(norm[aside[0] + 1:mention.start])
        if inner[0] or not (cues.EXAMPLES.match(norm, aside[0]) or list_gap(norm[aside[0] + 1:mention.start])):
            return inner  # an aside with its own subject ("(replacement of platinum drugs ...)")
    start = max(_clause_start(norm, mention.start), lead_in)
    found = cues.cue_with_word(cues.strip_parens(norm[start:mention.start]) if not aside else norm[start:mention.start])
    if found[0] is None and _GIVEN_AFTER_PROGRESSION.match(norm, end):
        return "req", "given-after"  # "...; and 1 platinum-based therapy after progression on EGFR TKI": had it
    return found


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


def read_names(norm: str, mentions: list[Mention], ctx: Context, parens: list[tuple[int, int]],
                leads: list[LeadIn]) -> Reading:
    exceptions = [(m.start(), m.end()) for m in cues.EXCEPT.finditer(norm)]
    optional = [(m.start(), m.end()) for m in cues.OPTIONAL.finditer(norm)]
    allow = [i for m in mentions if inside(m.start, exceptions) for i in m.items]
    named: list[Mention] = []
    anchored = _anchored(norm, mentions, ctx.section, leads)
    for mention in mentions:
        before = norm[max(0, mention.start - 40):mention.start]
        if id(mention) in anchored:
            named.append(mention)  # "progressed within 6 months of the last dose of X": X, not the study drug
        elif _STUDY_DOSE.search(before) or _SIDE_EFFECT.match(norm, mention.end) or _other_cancer_word(norm, mention):
            continue  # the study drug as a time point; "ICI-related pneumonitis" is a side effect
        if _ANCHOR.search(before):
            allow.extend(mention.items)  # "treatment prior to EGFR TKIs": the TKI is the reference point
        elif not (inside(mention.start, exceptions + optional) or cues.LOCAL_ROUTE.search(before)):
            named.append(mention)
    reading = Reading([], [], list(dict.fromkeys(allow)), [], [], [])
    kept = {id(m) for m in _drop_generic(_named_by_next(named, norm), norm)}
    prev: Mention | None = None
    action: str | None = None
    for mention in named:  # dropped generic names still carry a list along ("HER2 antibody or TKI including X")
        action, word = _polarity(norm, mention, prev, action, ctx, parens, leads)
        if id(mention) in anchored and action in (None, "require"):
            action, word = "require", "anchored"  # required whatever the window: not a weak or past cue
        prev = mention
        if id(mention) not in kept:
            continue
        if action == "permit":
            reading.permitted.extend(mention.items)
        elif action == "forbid":
            reading.forbid.append(mention)
        elif action == "require":
            reading.require.append(mention)
            if word.startswith(_WEAK_WORDS):
                reading.weak.append(mention)
            elif cues.PAST_WORD.match(word):
                reading.past.append(mention)
    return reading


def _anchored(norm: str, mentions: list[Mention], section: str, leads: list[LeadIn]) -> set[int]:
    """ids of the names an inclusion's time window is counted from ("within 12 weeks after starting X")."""
    if section != "inclusion" or "within" not in norm or _WINDOW_CONDITION.search(cues.strip_parens(norm)) \
            or _MEASURED.search(norm):
        return set()
    return {id(m) for m in mentions if not any(lead.start <= m.start < lead.end for lead in leads) and (
        STARTED.search(norm, max(0, m.start - 60), m.start) or _PROGRESSED_WITHIN.search(norm, max(0, m.start - 150),
                                                                                         m.start))}


def started_from(norm: str, mention: Mention) -> str | None:
    """How a window names the start of X just before it: "after" (had), "of" (around the start) or None."""
    found = STARTED.search(norm, max(0, mention.start - 60), mention.start)
    if not found:
        return None
    return "of" if found.group("how") == "of" else "after"


def _polarity(norm: str, mention: Mention, prev: Mention | None, prev_action: str | None, ctx: Context,
              parens: list[tuple[int, int]], leads: list[LeadIn]) -> tuple[str | None, str]:
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
    if verdict == "late_neg" and cue != "req" and not cues.late_negation_over(norm, clause_start, mention.start):
        cue, word = "neg", "not"
    window = norm[clause_start:mention.start]
    if cue is None and ctx.section == "exclusion" and mention.start - clause_start <= 15 \
            and _BEFORE_SURGERY.match(norm, mention.end):
        return "forbid", "before-surgery"  # "Chemotherapy before surgery": had it before the operation
    if cue is None:
        if _inherits(norm, mention, prev, parens):
            return prev_action, word
        return _action(ctx.inherited, "", ctx.section, window), word
    return _action(cue, word, ctx.section, window), word
