"""Who a criterion is about: every patient, or one cohort, part, arm, disease or marker group.

Read from the words that set it, in three places:
- a heading over a list ("Phase 1: (dose escalation)", "Cohort B (SCLC):", "* Part A:" with
  sub-bullets), which scopes what follows it;
- a prefix or a suffix of the criterion itself ("Part 2A (ER+ breast cancer) Histological ...",
  "[Cohort 3] ...", "... (Arms 2 and 3 only)", "... (dose escalation only)");
- a condition on a group of patients ("Patients with EGFR mutations must have progressed on ...",
  "Participants with breast cancer must ...", "For SCLC patients: ...").

A scope says which cancers and markers it names, so a check can tell a rule about an NSCLC patient
from one about another tumour's cohort. All patterns are anchored or guarded: linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, Literal

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.purpose import in_allowing_aside
from trialmatch.criteria.rules.reader.region import region_of
from trialmatch.criteria.rules.reader.scope_sentence import scope_sentence
from trialmatch.criteria.rules.reader.vocabulary import GROUP_NOUN, GROUP_WORD, MARK_JOINER
from trialmatch.criteria.vocab import gene_aliases, load

ScopeKind = Literal["cohort", "part", "arm", "phase", "condition", "region", "step"]
# Marks a line that only names the group of a section heading ("Inclusion Criteria - Cohort 1:" gives
# HEADING_MARK + "Cohort 1:"; a heading naming no group after one that did gives HEADING_MARK + ":"): it scopes
# the section under it and is no criterion itself (trialmatch/criteria/text.py drops it after scoping).
HEADING_MARK = "\u2063"
# Marks a plain line that only names a group ("**Arm A (post-osimertinib)**" given as "Arm A (post-osimertinib):"):
# read as any heading over the lines under it, scoped to its own group, and never joined to a criterion.
GROUP_LINE_MARK = "\u2064"
MARKS = (HEADING_MARK, GROUP_LINE_MARK)
# Cancer types that include a patient with NSCLC.
INCLUDES_NSCLC = frozenset({"nsclc", "lung", "solid"})


@dataclass(frozen=True)
class Scope:
    """The group of patients a criterion applies to."""

    label: str  # the words that set it, as written (shortened), e.g. "Part 2A (ER+HER2- breast cancer)"
    kind: ScopeKind
    diseases: tuple[str, ...] = ()  # cancer types it names (keys of data/vocab/cancer_types.json)
    genes: tuple[str, ...] = ()  # HGNC symbols it names, e.g. ("EGFR",) for "patients with EGFR mutation"
    closed: bool = False  # "Phase 1 [closed to enrollment]": no patient can join this group now
    # "Patients without EGFR mutations must ...", "All other patients ...": the group is the
    # patients who have none of `genes`.
    absent: bool = False
    # "Japan part:", "Chinese patients:", "(China only)": the country, region or sites it is for. A profile has
    # no country: such a rule can only be a question.
    region: str = ""
    # "Cohort C (NSCLC with untreated brain metastases)": a group that names NSCLC and narrows it further (by a
    # finding, a setting, a histology). Another NSCLC group of the trial may take the patient: a question.
    subgroup: bool = False
    # "Subjects without actionable genomic alterations:", "Patients with a driver mutation:": a group named by a class
    # of driver changes, not by a gene. `genes` holds the driver panel; whether a carrier's change is of the class
    # is the marker reading's question (see apply._marker_group).
    drivers: bool = False

    @property
    def other_disease(self) -> bool:
        """It names a cancer, and NSCLC (or lung cancer, or solid tumours) is not among them; or it
        leaves NSCLC out in so many words ("solid tumours other than NSCLC")."""
        if "not_nsclc" in self.diseases:
            return True
        return bool(self.diseases) and not INCLUDES_NSCLC.intersection(self.diseases)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label, "kind": self.kind, "diseases": list(self.diseases),
                                "genes": list(self.genes)}
        if self.closed:
            data["closed"] = True
        if self.absent:
            data["absent"] = True
        if self.region:
            data["region"] = self.region
        if self.subgroup:
            data["subgroup"] = True
        if self.drivers:
            data["drivers"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scope:
        return cls(str(data.get("label", "")), data.get("kind", "condition"),
                   tuple(data.get("diseases", ())), tuple(data.get("genes", ())), bool(data.get("closed")),
                   bool(data.get("absent")), str(data.get("region") or ""), bool(data.get("subgroup")),
                   bool(data.get("drivers")))


def merge(outer: Scope | None, inner: Scope | None) -> Scope | None:
    """A scope inside another ("Part 2 (breast cancer):" then "Patients with ESR1 mutation ..."): both hold."""
    if outer is None or inner is None:
        return inner or outer
    if outer == inner:
        return inner
    if (outer.absent or inner.absent) and outer.genes and inner.genes:
        # "EGFR cohort" then "patients without T790M": one gene list cannot say both; the inner,
        # narrower group decides.
        genes, absent = inner.genes, inner.absent
    else:
        genes, absent = tuple(dict.fromkeys(outer.genes + inner.genes)), outer.absent or inner.absent
    return Scope(
        f"{outer.label} / {inner.label}",
        inner.kind,
        tuple(dict.fromkeys(outer.diseases + inner.diseases)),
        genes,
        outer.closed or inner.closed,
        absent,
        inner.region or outer.region,
        outer.subgroup or inner.subgroup,
        inner.drivers if inner.genes else outer.drivers,
    )


# --- what a label names ------------------------------------------------------------------------

def _phrase(phrase: str) -> str:
    escaped = re.escape(phrase.lower()).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?")
    return escaped


_NOT_GENE_NAME = r"(?!\s+(?:kinase|viral|virus|oncogene|homolog|receptor)\b)"


@cache
def _cancer_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = load("cancer_types")
    patterns = []
    # Small cell first: cancers_named() takes its names out before it looks for lung cancer.
    for name, phrases in sorted(table.items(), key=lambda item: item[0] != "sclc"):
        if name.startswith("_"):
            continue
        alternation = "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))
        # "non-small cell" holds "small cell": a small-cell phrase must not follow "non".
        guard = r"(?<!non)(?<!non-)(?<!non )" if name == "sclc" else ""
        # A gene's long name holds a cancer word ("anaplastic lymphoma kinase", "Kirsten rat sarcoma viral
        # oncogene"): that names a marker, not a cancer cohort.
        # "mPDAC", "mCRC", "mNSCLC": a lower-case "m" (metastatic) glued to an upper-case abbreviation.
        patterns.append((name, re.compile(
            rf"(?<![\w])(?-i:m(?=[A-Z]{{2}}))?{guard}(?:{alternation})(?![a-z]){_NOT_GENE_NAME}", re.I)))
    return tuple(patterns)


_GENE_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]{1,7}")
_GENE_FAMILIES = {"NTRK": ("NTRK1", "NTRK2", "NTRK3"), "HER2": ("ERBB2",)}
_ALTERATION_GENE = {"T790M": "EGFR", "C797S": "EGFR", "L858R": "EGFR", "G12C": "KRAS", "V600E": "BRAF"}
# Words that name a marker group but are not genes ("driver", "actionable") are not scopes of a gene.
_NOT_GENES = frozenset({"CNS", "ECOG", "PD", "PS", "AND", "OR", "THE", "WITH", "NOT", "ALL", "ANY", "IV", "III",
                        "II", "NSCLC", "SCLC", "CRC", "HCC", "RCC", "TPS", "CPS", "IHC", "FISH", "NGS", "DNA", "RNA"})


# "solid tumours other than NSCLC", "non-NSCLC solid tumours": a group that leaves NSCLC out.
_NOT_NSCLC = re.compile(
    r"\b(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from|besides)\s+(?:\w+\s+){0,2}?"
    r"(?:nsclc|non[\s-]?small|lung)|\bnon[\s-]nsclc\b", re.I)


@lru_cache(maxsize=8192)  # a pure function of its text; the prior-therapy reader asks it for every bullet
def cancers_named(text: str) -> tuple[str, ...]:
    """Cancer types a scope's words name, in the order of the vocabulary.

    A small-cell name is taken out before lung cancer is looked for ("small cell lung cancer
    cohort" names SCLC only), and a group that leaves NSCLC out names "not_nsclc"."""
    named: list[str] = []
    for name, pattern in _cancer_patterns():
        if pattern.search(text):
            named.append(name)
            if name == "sclc":
                text = pattern.sub(" ", text)
    if _NOT_NSCLC.search(text):
        named = [n for n in named if n != "nsclc"] + ["not_nsclc"]
    return tuple(named)


# "HER2-", "HER2-negative", "EGFR wild-type": a negative result names no marker group. So does one said of the
# gene's change ("ROS1 fusion-negative", "EGFR mutation negative", "ALK rearrangement-negative"): the sign is the
# gene's, not a positive group's ("negative for T790M" after the change names another finding, so not then).
_NEGATIVE_AFTER = re.compile(r"\s*(?:-(?![A-Za-z0-9])|[\s-]?(?:negative|neg\b|wild[\s-]?type|wt\b|non[\s-]?mutated)"
                             r"|[\s-](?:gene[\s-]+)?(?:mutations?|fusions?|rearrangements?|alterations?|translocations?"
                             r"|amplifications?|status)[\s-]?(?:negative|neg\b)(?!\s+(?:for|in|of)\b))", re.I)


def genes_named(text: str) -> tuple[str, ...]:
    """HGNC symbols a scope's words name ("EGFR-mutant", "ALK+", "T790M", "HER2"), not those it
    names as negative ("ER+ HER2- breast cancer", "EGFR wild-type", "EGFR/ALK wild-type")."""
    return _gene_mentions(text)[0]


def genes_negated(text: str) -> tuple[str, ...]:
    """HGNC symbols a scope's words name as negative: "EGFR wild-type NSCLC", "EGFR/ALK-negative", "EGFR, ALK and ROS1
    negative", "wild-type EGFR"."""
    return _gene_mentions(text)[1]


# Between two genes of one list: "EGFR/ALK", "EGFR, ALK", "EGFR and ALK", "EGFR or ALK", "EGFR, ALK, and ROS1".
_LIST_JOIN = re.compile(r"\s*(?:/|&|,|\band\b|\bor\b|,\s*(?:and|or)\b)\s*", re.I)
# A negative word before the gene: "wild-type EGFR", "non-mutated KRAS", "negative for ALK".
# "Arm B (non-squamous, without EGFR, ALK or ROS1 alterations)", "lacking ALK", "no EGFR mutation": a group named by
# the genes it has not.
_ABSENT_BEFORE = r"|\bwithout|\blacking|\bno|\bfree\s+of|\babsence\s+of"
_NEGATIVE_BEFORE = re.compile(r"(?:wild[\s-]?type|\bwt|non[\s-]?mutated|non[\s-]?mutant|negative\s+(?:for|in))\s+$",
                              re.I)
_ABSENT_WORD_BEFORE = re.compile(r"(?:" + _ABSENT_BEFORE[1:] + r")\s+(?:(?:any|an?|known|documented|actionable"
                                 r"|sensiti[sz]ing|activating)\s+){0,2}$", re.I)


_POSITIVE_AFTER = re.compile(r"[\s-]?(?:\+|positive|pos\b)", re.I)  # "ALK-positive": a gene's own sign
_NEGATED_LIST = re.compile(r"negative\s+(?:for|in)\s+(?:\w+\s+){0,2}$", re.I)
_ABSENT_LIST = re.compile(r"(?:negative\s+(?:for|in)" + _ABSENT_BEFORE + r")\s+(?:\w+\s+){0,2}$", re.I)
_WILD_LIST = re.compile(r"(?:wild[\s-]?type|\bwt|non[\s-]?mutated|non[\s-]?mutant)\s+$", re.I)
_CHANGE_AFTER = re.compile(r"[\s-]?(?:mutant|mutated|mutations?|rearranged|rearrangements?|fusions?|altered"
                           r"|alterations?|amplified|amplification|translocations?|insertions?|deletions?)", re.I)


def _carries_over(text: str, first: int, end: int, absent_words: bool = False) -> bool:
    """Does the negative word before a list's first gene hold for a later one ending at `end`? "negative for EGFR
    and ALK rearrangement" (yes), "wild-type EGFR and ALK" (yes), "wild-type EGFR and ALK rearrangement" (no: the
    rearrangement is the second gene's own finding)."""
    if (_ABSENT_LIST if absent_words else _NEGATED_LIST).search(text, max(0, first - 40), first):
        return True
    return bool(_WILD_LIST.search(text, max(0, first - 30), first)) and not _CHANGE_AFTER.match(text, end)


_CHANGE_THEN_JOIN = re.compile(_CHANGE_AFTER.pattern + r"\s*(?:,\s*)?(?:\band/or\b|\bor\b|\band\b|\bnor\b|,|/)\s*",
                               re.I)


def _absent_list_goes_on(text: str, first: int, end: int, start: int) -> bool:
    """"without EGFR mutation or ALK rearrangement", "no EGFR mutation, ALK or ROS1 fusion": after an absence word, a
    gene's own change and a join go on with the list of genes said absent."""
    return bool(_CHANGE_THEN_JOIN.fullmatch(text, end, start)) and bool(
        _ABSENT_LIST.search(text, max(0, first - 40), first))


def _absent_genes(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(genes named, genes named as negative or absent) of a group's name: "Arm B (without EGFR, ALK or ROS1
    alterations)", "Cohort 3 (no EGFR mutation or ALK rearrangement)" name the patients without them. Kept apart from
    genes_named(), whose callers read "without X" beside the gene themselves."""
    return _gene_mentions(text, absent_words=True)


@lru_cache(maxsize=8192)
def _gene_mentions(text: str, absent_words: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(genes named, genes named as negative). A negative word after the last gene of a list negates the list
    ("EGFR/ALK wild-type", "EGFR and ALK negative"): the first genes are not named positive."""
    aliases = gene_aliases()
    mentions: list[tuple[int, int, tuple[str, ...], bool]] = []  # (start, end, genes, negative)
    for match in _GENE_TOKEN.finditer(text):
        word = match.group().upper()
        # What the word names is looked up first: most words name no gene, and then neither the stop list nor the
        # negation after them can change anything. (canonical_gene(word): a token holds no white space.)
        glued = None
        if word in _ALTERATION_GENE:
            genes: tuple[str, ...] = (_ALTERATION_GENE[word],)
        elif word in _GENE_FAMILIES:
            genes = _GENE_FAMILIES[word]
        else:
            gene = aliases.get(word)
            glued = None if gene else glued_driver(word)
            genes = (gene,) if gene else (glued[0],) if glued else ()
        if not genes or word in _NOT_GENES:
            continue
        negative = glued[1] if glued else bool(
            _NEGATIVE_AFTER.match(text, match.end())
            or _NEGATIVE_BEFORE.search(text, max(0, match.start() - 30), match.start())
            or (absent_words and _ABSENT_WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())))
        mentions.append((match.start(), match.end(), genes, negative))
    # A list's negative word stands after its last gene: carry it back over the genes joined to it.
    for i in range(len(mentions) - 2, -1, -1):
        start, end, genes, negative = mentions[i]
        after = mentions[i + 1]
        if not negative and after[3] and _LIST_JOIN.fullmatch(text, end, after[0]):
            mentions[i] = (start, end, genes, True)
    # "negative for EGFR and ALK": a negative word before the first gene of a list carries over the list, unless a
    # later gene says its own sign ("negative for EGFR and ALK-positive").
    for i in range(1, len(mentions)):
        start, end, genes, negative = mentions[i]
        before = mentions[i - 1]
        if not negative and before[3] and (_LIST_JOIN.fullmatch(text, before[1], start) or (
                absent_words and _absent_list_goes_on(text, mentions[0][0], before[1], start))) \
                and not _POSITIVE_AFTER.match(text, end) and _carries_over(text, mentions[0][0], end, absent_words):
            mentions[i] = (start, end, genes, True)
    found = [g for _, _, genes, negative in mentions if not negative for g in genes]
    negated = [g for _, _, genes, negative in mentions if negative for g in genes]
    return tuple(dict.fromkeys(found)), tuple(dict.fromkeys(negated))


# --- where a scope is written ------------------------------------------------------------------

_LABEL = r"(?:\d{1,2}(?:[a-z]\d{0,2})?|[ivx]{1,4}[a-z]?|[a-h]\d{0,2})\b"  # 2, 2A, 2A3, Ib, B, B1
# The words a trial names its groups with, followed by a label: an open list (a new word goes here, not in a
# pattern of its own). "Treatment group 2", "Expansion cohort 3", "Sub-cohort 1a", "Population 2", "Tier 2".
_KIND_WORD = (r"(?:cohort|arm|part|phase|group|module|portion|sub-?protocol|sub-?study|stratum|strata|sub-?cohort"
              r"|population|tier|expansion)")
# Words that may stand before a kind word without changing it: "Treatment group 2", "Expansion cohort 3", and what the
# part does, in one or two words: "Dose expansion Part B (with an anti-PD-1)", "Dose-expansion Group 1", "Extension Arm
# 2", "Dose-finding Cohort 3" name that labelled group.
_DESIGN_QUALIFIER = r"(?:dose[\s-]+)?(?:escalation|expansion|extension|optimi[sz]ation)|dose[\s-]+finding"
_KIND_QUALIFIER = rf"(?:(?:treatment|study|{_DESIGN_QUALIFIER}|dose|randomi[sz]ed|patient)[\s-]+)?"
_LABELS = rf"{_LABEL}(?:\s*(?:,|and|&|/|or|to|-)\s*(?:{_KIND_WORD}s?{MARK_JOINER})?{_LABEL})*"
# Words that say how a group is run, who runs it or where, before its kind word or its part words: "Monotherapy Dose
# Escalation", "Combination Cohort B", "Japan Safety Run-in", "Backfill Dose Expansion", "Optional Part C". A closed
# list: a new such word goes here. (Alone before an unlabelled kind word they name no group: "Monotherapy cohorts:" is
# the sponsor's assignment, often every patient's.)
_GROUP_MODIFIER = (r"(?:monotherapy|mono|combination|combo|single[\s-]agent|safety|backfill|optional|randomi[sz]ed"
                   r"|non[\s-]?randomi[sz]ed|open[\s-]label|pilot|exploratory|confirmatory|sentinel|food[\s-]effect"
                   r"|pharmacokinetics?|pk|japan(?:ese)?|chin(?:a|ese)|korean?|taiwan(?:ese)?|asian?|global)")
_MODIFIERS = rf"(?:{_GROUP_MODIFIER}[\s-]+){{0,3}}"
# Study parts named by what they are, not by a label: "dose escalation", "safety lead-in", "randomization phase".
_PART_WORDS = (r"(?:dose[\s-]+)?(?:escalation|expansion|extension|optimi[sz]ation|finding)(?:\s+(?:phase|part|"
               r"cohorts?|groups?|arms?|stage|portion|study|period))?|(?:safety\s+)?(?:run|lead)[\s-]?in(?:\s+(?:phase|part|"
               r"cohorts?|stage|portion|period))?|randomi[sz](?:ed|ation) (?:phase|part|portion|stage|period)")
# Words after the label that only say what kind of group it is, or what it does, or the group inside it: "Phase 2
# portion", "Phase II part", "Phase 1a monotherapy dose escalation", "Part 3 Combination Cohort B", "Part A (dose
# escalation)" is an aside.
_KIND_TAIL = (rf"(?:\s+{_MODIFIERS}(?:portion|part|cohort|stage|period"
              rf"|(?:monotherapy|combination)(?:\s+(?:therapy|treatment|regimen))?|{_PART_WORDS}"
              rf"|{_KIND_WORD}s?\s*{_LABELS}))?")


def _named(tag: str = "") -> str:
    """A cohort, part, arm or phase with its labels ("Cohort 2 and 3"), or a study part by name ("dose
    escalation"), either after words that say how the group is run ("Monotherapy Dose Escalation", "Combination
    Cohort B"); `tag` keeps group names unique where one pattern holds several."""
    return (rf"(?:{_MODIFIERS}(?:{_KIND_QUALIFIER}(?P<kind{tag}>{_KIND_WORD})s?{MARK_JOINER}{_LABELS}{_KIND_TAIL}"
            rf"|(?:{_PART_WORDS})))")


# A study drug's code before the group it names: "AZD3759 dose escalation (Part A):", "MK-1234 Cohort B:". The code
# names the part's own treatment, not who is in it (letters, then 3-7 digits: "ECOG 2" or "Part 2" are none).
_STUDY_CODE = r"(?:(?-i:[A-Z]{2,5}[-\s]?\d{3,7}[A-Z]?)\s+)?"


# An aside may hold one aside of its own: "Part 2D (HR+/HER2- breast cancer (CDK4i-naive)):". The two
# alternatives inside start with different characters, so matching stays linear.
_ASIDE = r"(?:\s*[(\[](?:[^()\[\]]|[(\[][^()\[\]]{0,60}[)\]]){0,120}[)\]])?"

# "Expansion cohort, one of the following:", "Part B (Dose Expansion), any of the following:": the group's lead-in over
# the options listed under it, each that group's way in (which of them is the dimension's question).
_FOLLOWING_END = (r",\s*(?:(?:any|one|either|all|each|both)(?:\s+one)?\s+of\s+)?the\s+following"
                  r"(?:\s+(?:criteria|conditions|options|groups|populations|settings))?\s*:\s*$")
# "Cohort B:", "Cohort A* (closed):" (a footnote mark), "[Part 1]", "Phase 1b (dose escalation):",
# "Part 1A (Monotherapy Dose Escalation) Histological",
# "Dose escalation only -", "For the expansion cohorts:".
_PREFIX = re.compile(
    rf"^\W{{0,3}}(?:for\s+|in\s+)?(?:the\s+|all\s+)?{_STUDY_CODE}(?:patients\s+(?:in|enrolled\s+in|of)\s+(?:the\s+)?)?{_named()}"
    # "Arm B (non-squamous, EGFR wild-type), after platinum": the bracket holds the group's words, a comma its rule
    rf"[*\u2020]{{0,2}}(?P<aside>{_ASIDE})\s*(?:only\b)?\s*(?P<end>[:\]\-\u2013\u2014]|(?<=[)\]])\s*(?=[A-Z])"
    rf"|(?<=[)\]])\s*,(?=\s*[A-Za-z])|{_FOLLOWING_END})",
    re.I,
)
# "For the expansion part, patients have ...", "In Cohort 2, prior docetaxel is required".
_FOR_GROUP = re.compile(
    rf"^\W{{0,3}}(?:for|in)\s+(?:the\s+|all\s+)?{_named()}(?P<aside>{_ASIDE})\s*(?:only\b)?\s*,",
    re.I,
)
# "Except in Cohort B: prior platinum is required", "Except for Part 2, ...", "Other than Arm A (docetaxel), ...": a
# labelled group before the comma or colon, the rule everyone's but that group's. (A group named by its cancer, "Except
# for the SCLC cohort, ...", is read by _named_group below and the same exception.)
_EXCEPT_GROUP = re.compile(
    r"^\W{0,3}(?:(?:for|in)\s+)?(?:all\s+(?:(?:other|the)\s+)?(?:cohorts|parts|arms|groups|patients|participants)\s+)?"
    rf"(?:except|other\s+than|excluding)\s+(?:for\s+|in\s+)?(?:the\s+)?(?P<group>{_named()}(?P<aside>{_ASIDE}))\s*[,:]",
    re.I,
)
# "Patients in Phase 1 who ...", "Participants enrolled in the expansion cohorts must ...".
_PATIENTS_IN = re.compile(
    rf"^\W{{0,3}}(?:patients?|participants?|subjects?)\s+(?:in|enrolled\s+in|assigned\s+to|of)\s+(?:the\s+)?"
    rf"{_named()}",
    re.I,
)
# "Cohort 1 patients must be naive to ...", "Part B participants should have ...", "Arm 2a subjects who ... can be
# enrolled", "Dose-escalation patients: ...": a labelled group (or a study part by name) as the subject's own
# adjective. The rest of the sentence is that group's rule. (A trailing colon is eaten: "Arm A patients:" is a heading.)
_GROUP_SUBJECT = re.compile(
    rf"^\W{{0,3}}(?:for\s+|in\s+)?(?:the\s+|all\s+)?{_STUDY_CODE}{_named()}[*\u2020]{{0,2}}(?P<aside>{_ASIDE})\s*"
    r"(?:only\s+)?(?:patients?|participants?|subjects?|pts|individuals|people)\b(?:\s*[:\u2013\u2014])?",
    re.I,
)
# "SCLC cohort:", "EGFR-mutant NSCLC cohort (Cohort 2):", "For patients with breast cancer:".
_NAMED_GROUP = re.compile(
    r"^\W{0,3}(?:for\s+|in\s+)?(?:the\s+)?(?P<what>[^:;.()\[\]]{2,60}?)\s+"
    r"(?P<group>cohorts?|arms?|parts?|groups?|expansion|patients|participants|subjects|population)"
    # "Immunotherapy Cohort - Blood Draw Only:": a dash adds how the group takes part, not who is in it.
    rf"(?P<aside>{_ASIDE})(?:\s+[-\u2013\u2014]\s+[^:;.()\[\]]{{2,40}}?)?\s*(?:only\b)?\s*:",
    re.I,
)
# Settings that name a cohort or arm by the disease's course or the treatment line, not by a cancer
# or marker: its rules bind only patients in that setting. (Not "monotherapy" or "combination":
# those are the sponsor's assignment, often the one cohort open to NSCLC, and bind everyone.)
_SETTING = re.compile(
    r"^(?:(?:neo-?)?adjuvant|peri-?operative|consolidation|maintenance|induction|(?:early|limited)[\s-]stage|"
    r"locally[\s-]advanced|(?:un)?resectable|(?:first|second|third|later|subsequent)[\s-]line|[1-4]l\+?|"
    r"(?:treatment|therapy|tki|io)[\s-]na[iï]ve|na[iï]ve|pre-?treated|previously[\s-]treated|relapsed|"
    r"refractory|(?:post|prior)[\s-][\w-]+"
    # ...or by how its patients are chosen or what the design makes of it: "All-comers cohort:", "Biomarker-negative
    # cohort:", "Non-selected cohort:", "Main cohort:". An open list: a new such word goes here.
    r"|(?:bio)?marker[\s-]?(?:selected|unselected|positive|negative|enriched|driven)|molecularly[\s-]selected"
    r"|(?:non|un)[\s-]?selected|selected|all[\s-]?comers?|unselected|enriched|main|core|pilot|exploratory|safety"
    r"|sentinel|randomi[sz]ed|non[\s-]?randomi[sz]ed|expansion|escalation|extension|control|experimental"
    # ...or by the class of treatment its patients are to get, which follows from their tumour's drivers:
    # "Immunotherapy cohort", "Targeted therapy cohort", "Targetable oncogene cohort", "Chemo-immunotherapy arm".
    r"|(?:chemo[\s-]?)?immuno(?:therapy)?|chemo(?:therapy)?(?:[\s-]+immunotherapy)?|io|tki|targeted(?:[\s-]+therapy)?"
    r"|(?:targetable|actionable|druggable)[\s-]+(?:oncogenes?|drivers?|mutations?|alterations?))$",
    re.I,
)


def _setting_group(what: str, group: str) -> bool:
    """A cohort or arm named by its setting or its design: "Neoadjuvant cohort:", "For the perioperative cohort:",
    "Second-line arm:", "All-comers cohort:". Its rules bind only that group (a question for everyone else)."""
    # "First-Line Dose Expansion:", "Second-line expansion:": a study part named by its line.
    what = _DOSE_TAIL.sub("", what.strip()) if group.lower() == "expansion" else what.strip()
    # "Targetable Oncogene - Biopsy Cohort": the words after a dash say how the group takes part.
    what = _DASH_TAIL.sub("", what)
    return group.lower().rstrip("s") in {"cohort", "arm", "group", "population", "expansion"} \
        and bool(_SETTING.match(what))


_DASH_TAIL = re.compile(r"\s+[-\u2013\u2014]\s+.*$")


_DOSE_TAIL = re.compile(r"[\s-]+dose$", re.I)


# A cancer named before a colon: "SCLC: ...", "Breast cancer (2L+): ...".
_CANCER_HEAD = re.compile(rf"^\W{{0,3}}(?:for\s+)?(?P<what>[^:;.()\[\]]{{2,50}}?)(?P<aside>{_ASIDE})\s*(?:only\b)?\s*:",
                          re.I)
# "Patients (who are) positive for/in EGFR", "who negative in EGFR&ALK" (broken English drops the verb): a group
# named by its test result, as "with"/"without" name one.
_SIGNED_POS = r"(?:who\s+(?:are\s+|is\s+|were\s+|was\s+|tested\s+|test\s+)?)?positive\s+(?:for|in|of)"
_SIGNED_NEG = r"(?:who\s+(?:are\s+|is\s+|were\s+|was\s+|tested\s+|test\s+)?)?negative\s+(?:for|in|of)"
# Who a condition is on: the people, or their tumours ("Tumors that harbor an EGFR mutation must have received a TKI",
# "Cancers with an ALK fusion must ...", "Anyone whose cancer carries KRAS G12C must ..."). An open list: a new such
# noun goes here (_CONDITION_START reads this list too).
_SUBJECT = (r"(?:patients?|participants?|subjects?|those|pts|individuals|people|persons|anyone|tumou?rs?|cancers?"
            r"|lesions?)")
# How the subject holds the marker: "with", "who have", "harbouring", "that harbor", "which carry", "whose tumour
# has", "whose cancers are" (the verb after "whose <tumour noun>" is any of these).
_HOLDS = r"(?:have|has|had|harbou?rs?|carry|carries|bears?|contains?|shows?|displays?|express(?:es)?|is|are)"
_WHOSE = r"whose\s+(?:tumou?rs?|cancers?|disease|nsclc|lung\s+cancer|biops(?:y|ies)|samples?)\s+" + _HOLDS
_THAT_HOLD = r"(?:that|which)\s+(?:(?:are|is)\s+known\s+to\s+)?" + _HOLDS
# What may open a condition without changing it: a note mark ("Note: patients with ..."), or a word that only joins
# the sentence to the one before ("In addition, participants with ...", "Additionally, patients with ...").
_OPENER = (r"(?:(?:note|nb|n\.b\.|important)\s*:\s*|(?:in\s+addition|additionally|furthermore|moreover|also|further)"
           r"\s*,\s*)?")
# "Patients with EGFR mutations must ...", "Participants with ER+ breast cancer should ...",
# "In patients with KRAS G12C, ...", "For patients with SCLC:".
_NOT_TREATED = (r"(?!\s+(?:previously\s+|already\s+)?(?:failed|received|progressed|relapsed|undergone|completed|taken"
                r"|discontinued|been\s+(?:previously\s+)?(?:treated|exposed|pre-?treated))\b)")
_CONDITION = re.compile(
    r"^\W{0,3}" + _OPENER + r"(?:for\s+|in\s+|among\s+)?(?:the\s+|a\s+)?"
    + _SUBJECT + r"\s+"
    r"(?:(?P<neg>without|lacking|with\s+no|(?:who|that|which)\s+(?:do\s+not|does\s+not|don't|doesn't)\s+"
    r"(?:have|harbou?r|carry|contain|bear)|" + _SIGNED_NEG + r")|"
    # ("Subjects who have failed EGFR-TKI treatment": a group by what it was given, not by a marker.)
    r"with|who\s+(?:have|harbou?r|carry)" + _NOT_TREATED + r"|harbou?ring|carrying|bearing|containing|diagnosed\s+with|"
    + _WHOSE + r"|" + _THAT_HOLD + r"|" + _SIGNED_POS + r")\s+"
    # A bracket that spells out the alterations ("an EGFR sensitising mutation (exon 19 deletion or L858R) or ALK
    # rearrangement") counts as one word of the group's length.
    r"(?P<what>(?:\([^():;]{1,60}\)|[^:;]){2,90}?)(?:\s*,?\s+(?P<verb>must|should|need|are\s+required|will\s+(?:need|be\s+required)|"
    r"may|can|are\s+eligible\s+if)\b|\s*(?P<mark>[:\u2013\u2014]|\s-\s))",
    re.I,
)
# "For patients with T790M, prior osimertinib is required": a lead-in clause names the group.
_LEAD_IN = re.compile(
    r"^\W{0,3}(?:for|in|among)\s+(?:the\s+)?(?:patients|participants|subjects|those|pts)\s+"
    r"(?:(?P<neg>without|lacking|with\s+no|" + _SIGNED_NEG + r")|"
    r"with|who\s+(?:have|harbou?r|carry)|harbou?ring|carrying|bearing|" + _WHOSE + r"|" + _SIGNED_POS + r")\s+"
    r"(?P<what>[^:;,]{2,90}),",
    re.I,
)
# "... must not be enrolled", "... are excluded": the group is the rule, not its scope. ("... must not have received
# X" is a rule for the group: its scope.)
_GROUP_IS_RULE = re.compile(
    r"^\s*(?:be\s+excluded|be\s+ineligible|not\s+(?:be\s+(?:enrolled|enroll?ed|included|eligible|randomi[sz]ed"
    r"|allowed|permitted|considered)|enrol+|participate|take\s+part|join)\b)", re.I)
# "(Arms 2 and 3 only)", "(dose escalation only)", "(Phase 1b)", "(for Cohort 2)", "- Part B only".
_SUFFIX = re.compile(
    rf"[(\[]\s*(?:only\s+)?(?:applies\s+(?:only\s+)?to\s+|applicable\s+(?:only\s+)?to\s+|for\s+|in\s+)?"
    rf"(?:the\s+|all\s+)?{_named('1')}(?:\s+(?:patients|participants|only))*\s*[)\]]"
    rf"|\b{_named('2')}\s+only\b"
    rf"|\bonly\s+(?:for|in|applies\s+to)\s+(?:the\s+)?{_named('3')}"
    # "... no satisfactory alternative treatment for monotherapy phase 1a dose escalation": a group that ends the
    # criterion after "for" (_suffix_scope keeps it only there).
    rf"|\bfor\s+(?:the\s+)?{_named('4')}(?:\s+(?:patients|participants|subjects))?(?=[\s.;]*$)"
    # "(Nivolumab + Ipilimumab arm only)", "(pembrolizumab combination cohort only)": an unlabelled group named by its
    # treatment, the "only" saying it is one group among others.
    r"|[(\[]\s*(?:applies\s+to\s+|for\s+|in\s+)?(?:the\s+)?(?!(?:all|every|each|both|any)\b)[\w+/-]+(?:\s+[\w+/-]+){0,4}?"
    r"\s+(?P<kind5>arm|cohort|group)\s+only\s*[)\]]",
    re.I,
)
_KINDS: dict[str, ScopeKind] = {"cohort": "cohort", "group": "cohort", "module": "cohort", "arm": "arm",
                                "part": "part", "portion": "part", "phase": "phase", "subprotocol": "cohort",
                                "sub-protocol": "cohort", "substudy": "cohort", "sub-study": "cohort",
                                "stratum": "cohort", "strata": "cohort", "subcohort": "cohort",
                                "sub-cohort": "cohort", "population": "cohort", "tier": "cohort",
                                "expansion": "part"}


# A line that only leads in to a group's own list: "For the treatment sub-study, patients must also meet the following
# criteria", "For the ROS1 sub-study:", "For patients enrolled in the expansion part, the following also apply:",
# "Sub-study A participants must additionally:", "Additional criteria for the biomarker cohort:". The group may be
# named by words before its kind word, without a label ("ROS1 treatment sub-study"), because the whole line is
# read: it says nothing but whose list follows. ("Patients must meet all of the following criteria:" names no
# group; "For the treatment of brain metastases, ..." no kind word.)
def _lead_group(tag: str) -> str:
    """A group named by up to three words and its kind word, with or without a label ("ROS1 treatment sub-study",
    "Sub-study A", "expansion part"); never a group that is everyone ("all cohorts", "each arm")."""
    return (rf"(?:the\s+)?(?P<group{tag}>(?:(?!(?:all|every|each|both|any|other|this|that|same|these)\b)"
            rf"[\w+/-]{{1,30}}\s+){{0,3}}?{_KIND_QUALIFIER}(?P<kind{tag}>{_KIND_WORD})s?(?:{MARK_JOINER}{_LABELS})?{_ASIDE})"
            r"\s*(?:only\b)?")


_MUST = (r"(?:must|should|shall|need\s+to|are\s+(?:also\s+)?required\s+to|will\s+(?:also\s+)?(?:need|have)\s+to)"
         r"(?:\s+(?:also|additionally|further|in\s+addition))?")
_FOLLOWING = (r"(?:all\s+|each\s+)?(?:of\s+)?the\s+following(?:\s+(?:additional|extra|specific))?"
              r"(?:\s+(?:inclusion|exclusion|eligibility|entry))?(?:\s+(?:criteria|criterion|requirements|conditions))?")
_MUST_TAIL = rf"{_MUST}(?:\s+(?:meet|fulfil{{1,2}}|satisfy|comply\s+with|have|be)\s+{_FOLLOWING})?"
_CRITERIA_WORDS = (r"(?:additional\s+|extra\s+|specific\s+)?(?:inclusion\s+|exclusion\s+|eligibility\s+|entry\s+)?"
                   r"(?:criteria|requirements)")
_LEAD_TAIL = (rf"(?:(?:patients|participants|subjects|they)\s+{_MUST_TAIL}"
              rf"|{_FOLLOWING}\s+(?:(?:also|additionally)\s+)?(?:apply|applies|are\s+required|must\s+(?:also\s+)?be\s+met)"
              rf"|{_CRITERIA_WORDS}(?:\s+(?:also\s+)?apply)?)")
_GROUP_LEAD_IN = re.compile(
    r"^\W{0,3}(?:"
    rf"(?:for|in)\s+(?:(?:patients|participants|subjects)\s+(?:(?:enrolled|included|participating|taking\s+part)\s+)?"
    rf"(?:in|into)\s+)?{_lead_group('L1')}\s*(?::|,?\s*{_LEAD_TAIL})"
    rf"|{_CRITERIA_WORDS}\s+(?:for|specific\s+to)\s+(?:(?:patients|participants|subjects)\s+(?:enrolled\s+)?in\s+)?"
    rf"{_lead_group('L2')}"
    rf"|(?:patients|participants|subjects)\s+(?:(?:enrolled|included)\s+)?(?:in|into)\s+{_lead_group('L3')}\s+{_MUST_TAIL}"
    rf"|{_lead_group('L4')}\s+(?:patients|participants|subjects)\s+{_MUST_TAIL}"
    r")\s*:?\s*$",
    re.I,
)


def _lead_in_scope(text: str) -> Scope | None:
    """The group a line that only leads in to its list names, when it is one (see _GROUP_LEAD_IN)."""
    match = _GROUP_LEAD_IN.match(text)
    if match is None:
        return None
    words = next(value for name, value in match.groupdict().items() if name.startswith("group") and value)
    return _scope_from(words, _named_kind(match))


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split()).strip(" :-\u2013\u2014[]")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _named_kind(match: re.Match[str]) -> ScopeKind:
    kind = next((value for name, value in match.groupdict().items() if name.startswith("kind") and value), None)
    return _KINDS.get(kind.lower(), "cohort") if kind else "part"


_CLOSED = re.compile(r"\b(?:closed|no\s+longer\s+(?:open|enrolling|recruiting)|completed)\b(?:\s+(?:to|for)\s+"
                     r"(?:enrol?lment|accrual|recruitment))?", re.I)


# "(all parts)", "(all cohorts and phases)", "(in every arm)", "(applies to all study parts)", "(regardless of cohort)":
# an aside saying a population's rule holds in each of the trial's groups. It narrows nothing: "For NSCLC participants
# (all parts):" is every NSCLC patient of the trial, a condition on the patient, not one group among others.
_GROUP_NOUNS = (r"(?:(?:study|trial|treatment|dose)\s+)?(?:parts?|cohorts?|arms?|phases?|groups?|stages?|modules?"
                r"|portions?|sub-?stud(?:y|ies)|sub-?protocols?|sub-?cohorts?)")
_EVERY_GROUP = re.compile(
    r"\s*[(\[]\s*(?:applies\s+to\s+|applicable\s+to\s+|in\s+|for\s+|across\s+)?(?:(?:all|every|each|any)\s+(?:of\s+the\s+)?"
    + _GROUP_NOUNS + r"(?:\s*(?:and|,|/|&)\s*(?:all\s+)?" + _GROUP_NOUNS + r")*"
    + r"|regardless\s+of\s+(?:the\s+)?" + _GROUP_NOUNS + r"(?:\s+(?:assignment|allocation))?)\s*[)\]]",
    re.I)


def _scope_from(words: str, kind: ScopeKind, classes: bool = True) -> Scope:
    """The scope a group's name gives; `classes`: a class of drivers in it names a driver-class group."""
    if "(" in words or "[" in words:
        every = _EVERY_GROUP.search(words)
        population = _EVERY_GROUP.sub("", words) if every else words
        group = _scope_from(population, kind, classes) if every and cancers_named(population) else None
        if group is not None and not group.subgroup:  # "For NSCLC participants (all parts):": the patients themselves
            return replace(group, kind="condition")
    diseases = cancers_named(words)
    # "Cohort 1 (ROS1 TKI-naive)", "Arm B (after an EGFR TKI)": a gene named as a drug's target names the group by
    # what it was (or was not) given, not by a marker; the trial's marker rules say who carries what.
    genes, negated = _absent_genes(DRUG_CLASS.sub(" ", words))
    closed = bool(_CLOSED.search(words))
    if not genes and not _names_other_disease(diseases):
        # "EGFR wild-type NSCLC:", "Cohort 2 (EGFR/ALK-negative NSCLC)", "Arm B (without EGFR or ALK alterations)":
        # the patients with none of the genes.
        if negated:
            return Scope(_shorten(words), kind, diseases, negated, closed, absent=True,
                         subgroup=_narrows_marker_group(words))
        # "Non-AGA subjects:", "AGA NSCLC:", "Cohort B (driver-negative NSCLC)": a group named by a class of drivers.
        if classes and (absent := driver_class_sign(words)) is not None:
            return Scope(_shorten(words), kind, diseases, driver_panel(), closed, absent=absent,
                         subgroup=_narrows_marker_group(words), drivers=True)
    # A marker group narrowed by another fact ("Cohort 2 (EGFR-mutant NSCLC with brain metastases)"): a carrier may
    # join another group. The marker words themselves ("Patients with EGFR-mutant NSCLC") narrow nothing more.
    narrowed = _narrows_marker_group(words) if genes else bool(diseases) and _narrows_nsclc(words)
    return Scope(_shorten(words), kind, diseases, genes, closed, subgroup=narrowed)


def _names_other_disease(diseases: tuple[str, ...]) -> bool:
    """Do the cancers a group names leave NSCLC out ("HER2-negative breast cancer")? Its markers are that cancer's."""
    return "not_nsclc" in diseases or (bool(diseases) and not INCLUDES_NSCLC.intersection(diseases))


# A negative word right before a class of drivers ("non-AGA", "no actionable", "without known driver") or right after
# it ("AGA-negative", "driver mutation-negative", "oncogene-driver free"); see driver_class_sign.
_CLASS_NEG_BEFORE = re.compile(r"(?:\bnon|\bno|\bwithout|\blacking|\bnegative\s+(?:for|in))[\s-]+"
                               r"(?:(?:known|any|an?|the|identified|documented)\s+)*$", re.I)
_CLASS_NEG_AFTER = re.compile(
    r"(?:[\s-]+(?:genomic|molecular|genetic|gene|genes|mutations?|alterations?|aberrations?))?[\s-]*"
    r"(?:negative|neg\b|wild[\s-]?type|free)", re.I)


# A class of driver changes as a group's name says it: a class word with its noun ("actionable mutations", "targetable
# genomic alterations"), "AGA", "driver(s)", "oncogene-driven". Stricter than _DRIVER_CLASS: a group's name may say
# "treatable brain metastases" or "oncogenic" of something else.
_CLASS_NAME = re.compile(
    r"\b(?:AGAs?|(?:actionable|targetable|druggable|treatable|oncogenic)[\s-]+(?:(?:genomic|molecular|genetic|driver"
    r"|oncogene|gene)[\s-]+)*(?:alterations?|aberrations?|abnormalit(?:y|ies)|mutations?|drivers?|variants?|changes?"
    r"|oncogenes?|fusions?|rearrangements?)|(?:oncogenic[\s-]+)?drivers?(?:[\s-]+(?:genes?|oncogenes?|genomic))?"
    r"(?:[\s-]+(?:mutations?|alterations?|aberrations?))?|oncogene[\s-]+(?:driven|addicted|addiction)"
    r"|(?:genomic|molecular|genetic)\s+(?:alterations?|aberrations?))\b", re.I)


def driver_class_sign(words: str) -> bool | None:
    """None when the words name no class of driver changes; else whether they name the group WITHOUT one: "non-AGA",
    "no actionable genomic alteration", "AGA-negative", "driver-negative" (True), "AGA", "with an actionable driver",
    "AGA-positive" (False)."""
    match = _CLASS_NAME.search(words)
    if match is None:
        return None
    return bool(_CLASS_NEG_BEFORE.search(words, max(0, match.start() - 30), match.start())
                or _CLASS_NEG_AFTER.match(words, match.end()))


# Words a group's name may hold beside its cancer without narrowing who it takes: the group's own kind and label,
# the disease's extent ("advanced", "stage IV"), how it was diagnosed, and joining words.
_PLAIN_GROUP_WORDS = frozenset(
    "cohort cohorts arm arms part parts phase group groups module portion population tier expansion escalation "
    "dose stage stratum strata sub-cohort subcohort substudy sub-study subprotocol sub-protocol treatment study "
    "randomized randomised patient only for in the all a an and or of with other than except excluding besides "
    "patients participants subjects pts people advanced metastatic locally recurrent unresectable inoperable "
    "histologically cytologically confirmed documented diagnosed iv iiib iiic iii 3b 3c 4 b c d e f g h "
    "cancer cancers carcinoma tumour tumours tumor tumors disease lung types type "
    # "Solid tumours that meet the following criteria:", "Have one of the following solid tumour cancers:"
    "that which who meet meets meeting following criteria criterion requirements have has having one "
    # "NSCLC (when applicable):", "(if applicable)": says the group's rules hold where they apply, not who is in it.
    "when if as where applicable appropriate".split())
_NAME_WORD = re.compile(r"[a-z][a-z-]*|\d+[a-z]?\d*", re.I)
_GROUP_LABEL = re.compile(r"^(?:\d{1,2}[a-z]?\d{0,2}|[ivx]{1,4}[a-z]?|[a-h]\d{0,2})$", re.I)


# A driver gene with its state glued on, as labels abbreviate it: "EGFRm", "EGFRmut", "KRASmt", "HER2mut" (the carriers)
# and "EGFRwt", "ALKneg" (those without). Only the driver panel's genes: "ARM" or "PEM" are no androgen-receptor or
# other gene's mutants.
_GLUED_STATE = re.compile(r"(?P<gene>[A-Z][A-Z0-9]{1,5}?)(?:(?P<pos>M|MUT|MT|POS)|(?P<neg>WT|NEG))")


@cache
def _driver_aliases() -> dict[str, str]:
    panel = set(driver_panel())
    return {alias: gene for alias, gene in gene_aliases().items() if gene in panel}


def glued_driver(word: str) -> tuple[str, bool] | None:
    """(gene, named as negative) for a driver gene with its state glued on ("EGFRM" -> ("EGFR", False), "KRASWT" ->
    ("KRAS", True)); `word` in upper case. None for any other word."""
    match = _GLUED_STATE.fullmatch(word)
    gene = _driver_aliases().get(match.group("gene")) if match else None
    return (gene, bool(match.group("neg"))) if match and gene else None


def _narrows_nsclc(words: str) -> bool:
    """Does a group's name that names NSCLC (or lung cancer, or solid tumours) narrow it to some of those patients
    ("Cohort C (NSCLC with untreated brain metastases)", "Arm 2 (previously treated NSCLC)")? "Cohort 3 (NSCLC)",
    "NSCLC cohort", "Part B (advanced or metastatic NSCLC)" take every NSCLC patient of the trial."""
    rest = words.lower()
    for _name, pattern in _cancer_patterns():
        rest = pattern.sub(" ", rest)
    return any(word.lower() not in _PLAIN_GROUP_WORDS and not _GROUP_LABEL.match(word)
               for word in _NAME_WORD.findall(rest))


# Words that say which change a marker group carries ("EGFR-mutant", "ALK fusion-positive", "exon 19 deletion").
_MARKER_GROUP_WORDS = frozenset(
    "mutant mutants mutated mutation mutations positive positivity fusion fusions fusion-positive rearranged "
    "rearrangement rearrangements translocation translocations altered alteration alterations aberration "
    "aberrations amplified amplification overexpression overexpressing expressing driven driver drivers harbouring "
    "harboring harbour harbor carrying carriers carrier exon exons insertion insertions ins deletion deletions del "
    "skipping point substitution sensitizing sensitising activating common uncommon classical atypical rare "
    "gene genes oncogene oncogenic variant variants status any mut muts "
    # ...or that it carries none ("EGFR wild-type", "ALK-negative", "without EGFR mutation"), or a class of drivers
    # ("non-AGA", "actionable genomic alteration (AGA)", "driver-negative").
    "negative wild wt non no without lacking free known actionable targetable druggable treatable aga agas genomic "
    "molecular genetic abnormality abnormalities".split())


# "No actionable driver (including KRAS-mutant and HER2-mutant tumours)", "EGFR-mutant (e.g., exon 19 deletion)": an
# aside of examples says who falls in the group; it narrows nothing.
_EXAMPLES_ASIDE = re.compile(r"[(\[]\s*(?:including|incl\.?|includes|e\.\s?g\.?|eg|such\s+as|for\s+example"
                             r"|for\s+instance)\b[^()\[\]]*[)\]]", re.I)


def _narrows_marker_group(words: str) -> bool:
    """Does a marker group's name narrow it by something besides its marker and cancer ("Cohort 2 (EGFR-mutant NSCLC
    with brain metastases)", "Arm A (ALK-positive NSCLC after alectinib)")? "Cohort 1 (EGFR-mutant NSCLC)",
    "Patients with KRAS G12C-mutated NSCLC" take every carrier."""
    if "(" in words or "[" in words:
        words = _EXAMPLES_ASIDE.sub(" ", words)
    rest = _GENE_TOKEN.sub(lambda m: " " if _names_gene(m.group()) else m.group(), words.lower())
    for _name, pattern in _cancer_patterns():
        rest = pattern.sub(" ", rest)
    return any(word not in _PLAIN_GROUP_WORDS and word not in _MARKER_GROUP_WORDS and not _GROUP_LABEL.match(word)
               for word in (w.strip("-") for w in _NAME_WORD.findall(rest.replace("-", " "))) if word)


def _names_gene(token: str) -> bool:
    word = token.upper()
    return word in _ALTERATION_GENE or word in _GENE_FAMILIES or word in gene_aliases() or bool(
        _ALTERATION_WORD.fullmatch(word)) or glued_driver(word) is not None


_ALTERATION_WORD = re.compile(r"[A-Z]\d{2,4}[A-Z]|EX\d{2}[A-Z]*|\d{2}DEL|DEL\d{2}|METEX14")  # G12C, L858R, ex19del


_HEAD = 160  # a prefix scope names its group within this many characters


def _prefix_scope(text: str, head: str) -> tuple[Scope | None, str]:
    """(scope, the rest of the text) for a criterion that opens with its cohort, part or group."""
    match = _PREFIX.match(text) or _FOR_GROUP.match(text) or _PATIENTS_IN.match(text) or _GROUP_SUBJECT.match(text)
    if match:
        # (A lead-in's ", one of the following:" is no part of the group's name.)
        named = text[:match.start("end")] if match.re is _PREFIX and match.group("end")[:1] == "," else match.group(0)
        return _scope_from(named, _named_kind(match)), text[match.end():]
    match = _LABELLED_DESCRIBED.match(text)
    if match and match.group("kind").lower() != "phase" and not _DESCRIBED_NOT.search(match.group("words")) \
            and not GROUP_WORD.search(match.group("words").lower()):  # "Phase 1a ... and Phase 1b cohorts:" is two
        return _scope_from(match.group(0), _named_kind(match)), text[match.end():]
    return _named_group(text, head)


# "Part C combination with pembrolizumab:", "Cohort 3 EGFR exon 20 NSCLC after platinum:", "Arm B docetaxel plus
# ramucirumab:": a labelled group, then words describing it (its treatment, cancer, marker or line), then the colon.
# Whatever the words, the line opens with the group's tag, and what follows the colon is that group's rule. The
# words hold no rule's verb or subject (_DESCRIBED_NOT): "Part 2 patients must have:" is read elsewhere; nor another
# group's word ("Phase 1a dose escalation and Phase 1b cohorts:" names two groups, read as before). A phase is left
# out: "Phase 2 EGFR:" beside "Phase 2 HER-2:" are one phase's headings, not two groups.
_LABELLED_DESCRIBED = re.compile(
    rf"^\W{{0,3}}(?:for\s+|in\s+)?(?:the\s+)?{_MODIFIERS}{_KIND_QUALIFIER}(?P<kind>{_KIND_WORD})\s*{_LABELS}"
    rf"(?P<words>(?:\s+[^\s:;.()\[\]]+){{1,8}}?)\s*(?:{_ASIDE})\s*:",
    re.I,
)


# "Ia: Subjects with ... refractory to standard treatment", "Ib: NSCLC ...": a phase named by its label alone, before
# a colon (roman I or II, or 1 or 2, and the letter a or b: a bare "1:" or "B:" numbers a list).
_BARE_PHASE = re.compile(r"^\W{0,3}(?P<label>(?-i:I{1,2}[abAB]|[12][ab]))\s*:", re.I)


# "..., according to cohort:", "... by arm:", "..., as specified per cohort:": the group word says the rule varies
# from group to group (the list under it says how), not which group the line is for.
_DISTRIBUTIVE = re.compile(
    r"(?:\baccording\s+to|\bby|\bper|\bdepending\s+on|\bspecific\s+to|\bfor\s+each|\bin\s+each|\bof\s+each"
    r"|\bvar(?:y|ies|ying)\s+(?:by|with|across))(?:\s+(?:the|their|its|each|every|assigned|respective))*$",
    re.I,
)


# Words before a plural group word that only say the groups are the study's: "Treatment arms", "Study cohorts".
_GROUPS_HEAD = re.compile(r"^(?:the\s+)?(?:treatment|study|randomi[sz]ed|trial)$", re.I)


def _named_group(text: str, head: str) -> tuple[Scope | None, str]:
    if ":" not in head:
        return None, text
    match = _BARE_PHASE.match(text)
    if match:
        return Scope(f"Phase {match.group('label')}", "phase"), text[match.end():]
    match = _NAMED_GROUP.match(text)
    if match and _DISTRIBUTIVE.search(match.group("what")):
        match = None  # "MET alteration documented ..., according to cohort:": every group's rule, varied by group
    if match and (cancers_named(match.group("what")) or genes_named(match.group("what"))):
        return _scope_from(match.group(0), "cohort"), text[match.end():]
    if match and (_setting_group(match.group("what"), match.group("group"))
                  or restricted_to(text[match.end():])):  # "Combination cohorts: Enrollment is restricted to ..."
        # "Targetable Oncogene - Biopsy Cohort": a cohort named by the treatment its patients get, one of the trial's
        # parts, read as before the driver-class groups were (its own criteria say whose it is).
        return _scope_from(match.group(0), "cohort", classes=False), text[match.end():]
    if match and _marker_words_only(match.group("what")):  # "Non-AGA subjects:", "EGFR/ALK wild-type patients:"
        return _scope_from(match.group(0), "cohort"), text[match.end():]
    described = _DESCRIBED_COHORT.match(text) if text.rstrip().endswith(":") else None
    if described and _described_group(described.group("what")):
        # "AZD9291 brain metastases (BM) cohort:", "Leptomeningeal disease cohort:" on a line of its own: a cohort the
        # trial names by what its patients have; the lines under it are that cohort's (a question for the others).
        return _scope_from(text.strip().rstrip(":"), "cohort", classes=False), ""
    if match and _GROUPS_HEAD.match(match.group("what")) and match.group("group")[-1:].lower() == "s" \
            and match.group("aside").strip() and not text[match.end():].strip():
        # "Treatment arms (histology, prior therapy):" on a line of its own: the heading over the trial's groups, its
        # bracket saying how each is laid out below ("A1 - squamous NSCLC, ..."); its lines are those groups' ways in.
        # (A bare "Treatment arms:" may head every patient's rules: read as before.)
        return _scope_from(match.group(0), _KINDS.get(match.group("group").lower().rstrip("s"), "cohort")), ""
    match = _CANCER_HEAD.match(text)  # "Breast cancer (2L+): ...", "Solid tumours other than NSCLC: ..."
    if match and _topic_heading(match.group("what")):
        return None, text
    if match and cancers_named(match.group("what")):
        return _scope_from(match.group(0), "cohort"), text[match.end():]
    if match and _class_heading_rule(text, match.group("what"), match.end()):
        return _scope_from(match.group(0), "cohort"), text[match.end():]
    return None, text


# What a cohort's description before its colon does not hold: a rule's verbs or a subject ("Patients in the expansion
# cohort must have:", "Subjects with measurable disease in any cohort:").
_DESCRIBED_NOT = re.compile(r"\b(?:must|should|shall|have|has|had|are|is|be|will|may|can|who|which|that|not|no|any|all"
                            r"|each|every|both|patients|participants|subjects|criteria|eligibility|following)\b", re.I)


# A line that is only a singular cohort's or arm's name by description, its abbreviation in brackets, colon last
# ("AZD9291 leptomeningeal metastases (LM) cohort:"); _DESCRIBED_NOT keeps rules out.
# "Combination cohort:", "Monotherapy arm:", "Metastatic cohort:": the sponsor's assignment, or words every patient of
# the trial fits: no group by itself.
_ASSIGNMENT_ONLY = re.compile(rf"^(?:{_GROUP_MODIFIER}|treatment|therapy|dose|study|main|overall|metastatic|advanced"
                              r"|recurrent|and|or|the|[\s/&-])+$", re.I)


def _described_group(what: str) -> bool:
    """Words before "cohort:" that describe a group of patients: no rule, no list ("EGFR mutation confirmed
    centrally, per cohort:" varies a rule by group), no bare assignment."""
    return not (_DESCRIBED_NOT.search(what) or "," in what or _DISTRIBUTIVE.search(what)
                or _ASSIGNMENT_ONLY.match(what))


_DESCRIBED_COHORT = re.compile(r"^\W{0,3}(?P<what>[^:;.()\[\]]{2,50}?(?:\s*\([^():;]{1,20}\))?)\s+(?:cohort|arm|group)"
                               r"\s*(?:\([^():;]{1,40}\))?\s*:\s*$", re.I)


# "Prior treatment for advanced/metastatic NSCLC: patients must have received ...", "Previous systemic therapy in
# NSCLC:": a heading that names what the criterion is about (earlier treatment of the trial's own cancer), not a
# group of patients; its rule binds everyone. (Another cancer's treatment heading keeps that cancer's scope.)
_TOPIC_HEAD = re.compile(
    r"^(?:(?:prior|previous|earlier|past)\s+)?(?:(?:systemic|anti-?\s?cancer|anti-?\s?tumou?r|oncologic(?:al)?)\s+)*"
    r"(?:treatments?|therap(?:y|ies)|regimens?|lines?\s+of\s+(?:therapy|treatment)|treatment\s+history"
    r"|therapy\s+history)\s+(?:history\s+)?(?:for|of|in|received\s+for)\s+", re.I)


def _topic_heading(what: str) -> bool:
    """Whether a heading before a colon names earlier treatment of NSCLC (_TOPIC_HEAD), not a group."""
    return _TOPIC_HEAD.match(what.strip()) is not None and not _names_other_disease(cancers_named(what))


def _class_heading_rule(text: str, what: str, end: int) -> bool:
    """Whether "<what>: <rest>" is a group's rule under a heading naming a class of drivers alone: "Non-AGA: must have
    progressed on ...", "Driver-negative: ...". Not when the rest names a gene ("Activating driver mutation: epidermal
    growth factor receptor (EGFR), ...": the class spelt out); "With/Without/No ...:" headings are _bare_group_scope's;
    gene-named ones ("EGFR wild-type:") pair with their twin ("EGFR-mutant:") in prior_therapy's marker groups."""
    if not _marker_words_only(what) or genes_named(what) or genes_negated(what) or _BARE_GROUP.match(text) \
            or _CONDITION_START.match(text) or _states_marker_rule(text, end):
        return False
    spelt = _SPELT_OUT.match(text, end)
    return not genes_named(text[spelt.end() if spelt else end:])


def _states_marker_rule(text: str, start: int) -> bool:
    """Whether what follows a heading's colon is the marker rule itself ("No AGA: confirmed by tissue NGS", "No
    actionable alterations: EGFR, ALK, ROS1"), not the rule of the group the heading names."""
    return bool(_RULE_AFTER_HEAD.search(text, start) or _DEFINES_AFTER_HEAD.match(text, start)) \
        or (_SPELT_OUT.match(text, start) is None and _lists_genes(text[start:]))


# The words a cancer's name may hold beside what the cancer vocabulary reads: "Classical Hodgkin Lymphoma", "Head and
# Neck squamous cell carcinoma", "High-grade serous ovarian cancer or primary peritoneal cancer". A closed list: a
# line holding any other word ("patients", "prior", "with", "excluded") says more than a name.
_CANCER_NAME_WORDS = frozenset(
    "cancer cancers carcinoma carcinomas tumour tumours tumor tumors neoplasm neoplasms malignancy malignancies "
    "advanced metastatic locally recurrent relapsed refractory unresectable primary malignant squamous non-squamous "
    "nonsquamous cell cells small non-small classical hodgkin non-hodgkin hodgkin's high-grade low-grade serous "
    "epithelial ductal adenocarcinoma junction tube positive negative triple hr er pr her2-negative her2-positive "
    "cutaneous mucosal invasive and or of the".split())
_NAME_ASIDE = re.compile(r"\(\s*[^()]{1,30}\)")  # "(HL)", "(NSCLC)", "(mCRC)"
_NAME_TOKEN = re.compile(r"[^\s,/&]+")


@lru_cache(maxsize=2048)
def cancer_name_only(text: str) -> Scope | None:
    """The cohort a line names when all it holds is a cancer's name, with an abbreviation in brackets ("Classical
    Hodgkin Lymphoma (HL)", "Triple Negative Breast Cancer (TNBC)"): the group of the sub-bullets under it. None for
    any line that says more ("Patients with melanoma", "Small cell lung cancer is excluded", "Stage IV NSCLC")."""
    words = text.strip().rstrip(":").strip()
    if not words or len(words) > 100 or any(ch.isdigit() for ch in _NAME_ASIDE.sub(" ", words)):
        return None
    named = cancers_named(words)
    if not named:
        return None
    rest = _NAME_ASIDE.sub(" ", words.lower())
    for _name, pattern in _cancer_patterns():
        rest = pattern.sub(" ", rest)
    if any(token.strip(".-") not in _CANCER_NAME_WORDS for token in _NAME_TOKEN.findall(rest)):
        return None
    return _scope_from(words, "cohort")


_CONDITION_START = re.compile(r"^\W{0,3}" + _OPENER + r"(?:for|in|among|the|a|" + _SUBJECT + r")\b", re.I)


# "EGFR positive patients should ...", "ALK-negative participants must ...", "For KRAS-mutant patients, ...": the
# marker before the people names the group, as "patients with EGFR ..." does. Only a gene-named group counts.
_MARKER_FIRST_HINT = guarded(
    r"(?:positive|negative|mutant|mutated|rearranged|wild[\s-]?type)\s+(?:patients|participants|subjects|pts)\b", re.I)
_MARKER_FIRST = re.compile(
    r"^\W{0,3}" + _OPENER + r"(?:(?P<lead>for|in|among)\s+)?(?:the\s+|all\s+)?"
    r"(?P<what>[\w&/+.]+(?:(?:\s+|\s*,\s*)[\w&/+.]+){0,5}?)[\s-]+"
    r"(?:(?P<neg>negative|wild[\s-]?type)|positive|mutant|mutated|rearranged)\s+(?:patients|participants|subjects|pts)"
    r"(?:\s*,?\s+(?P<verb>must|should|need|are\s+required|will\s+(?:need|be\s+required)|may|can|are\s+eligible\s+if)\b"
    r"|\s*(?P<mark>[:\u2013\u2014]|\s-\s)|(?(lead)\s*,|(?!)))",
    re.I,
)


def _marker_first_scope(text: str) -> Scope | None:
    """The group "EGFR-positive patients must ..." names (see _MARKER_FIRST), or None."""
    if not _MARKER_FIRST_HINT.search(text, 0, 120):
        return None
    match = _MARKER_FIRST.match(text)
    if match is None or _GROUP_IS_RULE.match(text[match.end():]):
        return None
    genes = genes_named(match.group("what"))
    if not genes:
        return None
    end = match.start("verb") if match.group("verb") else match.end()
    return Scope(_shorten(text[:end]), "condition", (), genes, absent=bool(match.group("neg")))


# "For the gemcitabine combination: participants must have mPDAC that has not been treated ...": the sentence asks for
# another cancer, so its rules are for that cancer's patients (a basket's other cohort), whatever its lead-in says.
_OTHER_CANCER_REQUIRED = guarded(
    r"\b(?:patients?|participants?|subjects?)\s+(?:must|should|will\s+need\s+to)\s+have\s+(?!had\b|received\b|been\b)"
    r"(?P<what>[^,;:.()]{2,80}?)\s+(?:that|which|who)\b", re.I)

_VERB_ELSEWHERE = re.compile(r"\([^)]*$|(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bno)\.\s+[A-Z]")


def condition_scope(text: str) -> Scope | None:
    """The group of patients a criterion is a condition on, when it names a cancer or a marker."""
    return _named_condition(text) or _other_cancer_required(text)


def _other_cancer_required(text: str) -> Scope | None:
    if (match := _OTHER_CANCER_REQUIRED.search(text)) is None:
        return None
    scope = Scope(_shorten(text[:match.end("what")]), "condition", cancers_named(match.group("what")))
    return scope if scope.other_disease else None


def _marker_words_only(what: str) -> bool:
    """Do a group's words name it by a negative marker or a class of drivers and nothing else ("Non-AGA",
    "AGA-positive", "Driver-negative", "EGFR/ALK wild-type")? ("Treatment-naive", "Actionable-driver biopsy" say
    more.)"""
    if not genes_negated(what) and driver_class_sign(what) is None:
        return False
    return not _narrows_marker_group(what)


# A group named before its people, by a class of drivers or a negative marker: "Non-AGA participants must ...", "For
# AGA-positive patients, ...", "Driver-negative subjects should ...", "EGFR/ALK wild-type patients must ...".
_CLASS_FIRST = re.compile(
    r"^\W{0,3}" + _OPENER + r"(?:(?P<lead>for|in|among)\s+)?(?:the\s+|all\s+)?"
    r"(?P<what>[\w&/+.()-]+(?:\s+[\w&/+.()-]+){0,4}?)\s+(?:patients|participants|subjects|pts|individuals)"
    r"(?:\s*,?\s+(?P<verb>must|should|need|are\s+required|will\s+(?:need|be\s+required)|may|can|are\s+eligible\s+if)\b"
    r"|\s*(?P<mark>[:\u2013\u2014]|\s-\s)|(?(lead)\s*,|(?!)))",
    re.I,
)
# A heading that names its group by "with", "without" or "no" alone: "With AGA:", "No AGA:", "Without actionable genomic
# alterations:", "With EGFR mutation:", "Without ALK rearrangement:". ("No" only before a class of drivers: "No EGFR
# mutation: ..." may state the rule itself.)
# "Group without EGFR/ALK alterations:", "Cohort with ROS1 fusion:": the same heading after a bare group noun, which
# may also name its group by the markers' sign or by what it carries: "Group negative for EGFR, ALK and ROS1:", "Arm
# positive for EGFR or ALK:", "Cohort harbouring a KRAS G12C mutation:". (The sign alone, with no group noun before it,
# opens no heading: "Negative for EGFR: ..." may state the marker rule itself.)
_BARE_GROUP = re.compile(
    r"^\W{0,3}(?:(?P<noun>(?:the\s+)?(?:group|cohort|arm|population|subgroup|sub-?cohort|stratum)\s+)"
    r"(?=with|(?:negative|positive)\s+(?:for|in)\b|harbou?ring|carrying|lacking))?"
    r"(?P<how>with|without|no|(?(noun)(?:(?:negative|positive)\s+(?:for|in)|harbou?ring|carrying|lacking)|(?!)))"
    r"\s+(?P<what>[^:;.()\[\]]{2,70}?)(?P<aside>" + _ASIDE + r")\s*:", re.I)
# How a heading's group holds its markers, in the two words _bare_group_scope reads: it has them ("with") or has none
# ("without").
_HOW_WITH = re.compile(r"positive|harbou?ring|carrying", re.I)
_HOW_WITHOUT = re.compile(r"negative|lacking", re.I)


def _bare_how(how: str) -> str:
    """"with", "without" or "no" for how a _BARE_GROUP heading's group holds its markers."""
    if _HOW_WITH.match(how):
        return "with"
    return "without" if _HOW_WITHOUT.match(how) else how.lower()


# After "No AGA:", words that make the line the marker rule itself, not a group's rule: "No known driver: patients with
# EGFR or ALK changes are excluded", "No AGA: confirmed by tissue NGS".
_RULE_AFTER_HEAD = re.compile(
    r"\b(?:excluded|ineligible|not\s+(?:be\s+)?(?:eligible|allowed|permitted)|tested|testing|documented|confirmed"
    r"|assay|ngs|pcr|fish|ihc|defined)\b", re.I)
_DEFINES_AFTER_HEAD = re.compile(r"\s*\(?\s*(?:including|such\s+as|e\.g)\b", re.I)  # "No AGA: including ..."


# After a heading's colon, its class's genes in brackets and then more words: "Without AGA: (EGFR, ALK) must have ...".
_SPELT_OUT = re.compile(r"\s*(?P<genes>\([^()]{2,80}\))\s*(?=\w)")


def _lists_genes(rest: str) -> bool:
    """Does the text after a heading's colon open with a gene ("No actionable genomic alterations: EGFR, ALK, ROS1"):
    the heading's class spelt out, a marker rule, not a group's rule."""
    first = _GENE_TOKEN.search(rest, 0, 40)
    return first is not None and not rest[:first.start()].strip(" (") and _names_gene(first.group())


def _class_first_scope(text: str) -> Scope | None:
    """The group "Non-AGA participants must ..." names (see _CLASS_FIRST), or None."""
    match = _CLASS_FIRST.match(text)
    if match is None or _GROUP_IS_RULE.match(text[match.end():]) or not _marker_words_only(match.group("what")):
        return None
    end = match.start("verb") if match.group("verb") else match.end()
    return _scope_from(text[:end].rstrip(" ,"), "condition")


def _bare_group_scope(text: str) -> Scope | None:
    """The group "With AGA:", "No AGA:", "Without ALK rearrangement:" names (see _BARE_GROUP), or None."""
    match = _BARE_GROUP.match(text)
    if match is None or _states_marker_rule(text, match.end()):
        return None
    spelt = _SPELT_OUT.match(text, match.end())
    # "Without AGA: (EGFR, ALK) must have ...": the class spelt out in brackets, then the group's rule.
    what = match.group("what") + match.group("aside") + (spelt.group("genes") if spelt else "")
    how = _bare_how(match.group("how"))
    label = _shorten(text[:match.end()])
    head = match.group("what")  # "No AGA (EGFR, ALK, ROS1):": the class is named before its genes are spelt out
    if _CLASS_NAME.search(head) and not genes_named(head) and not _narrows_marker_group(what):
        sign = driver_class_sign(what)
        return Scope(label, "condition", (), driver_panel(), absent=how != "with" or bool(sign), drivers=True)
    genes = genes_named(what)
    if how == "no" or not genes or genes_negated(what) or _narrows_marker_group(what):
        return None
    return Scope(label, "condition", (), genes, absent=how == "without")


def _named_condition(text: str) -> Scope | None:
    if not _CONDITION_START.match(text):
        return _marker_first_scope(text) or _class_first_scope(text) or _bare_group_scope(text)
    match = _CONDITION.match(text)
    if match and match.group("verb") and _VERB_ELSEWHERE.search(match.group("what")):
        # "Tumour with an EGFR alteration (other alterations may be considered)", "Tumour harbouring a MET alteration.
        # Qualifying alterations may include ...": the verb is an aside's, or the next sentence's.
        match = None
    if match and not _GROUP_IS_RULE.match(text[match.end():]):
        end = match.start("verb") if match.group("verb") else match.start("mark")
    else:
        match = _LEAD_IN.match(text)
        if not match:
            # "For the EGFR-mutant patients, ...", "For non-AGA participants, ...", "The cohort negative for EGFR and
            # ALK:" (its "the" opens no condition on patients).
            return _marker_first_scope(text) or _class_first_scope(text) or _bare_group_scope(text)
        end = match.end() - 1
    what = DRUG_CLASS.sub(" ", match.group("what"))
    diseases, genes = cancers_named(what), genes_named(what)
    if not diseases and not genes and _DRIVER_CLASS.search(what) and not _STATUS_UNKNOWN.search(text[:end + 80]):
        # "Subjects without actionable genomic alterations (AGAs):", "Participants with a known oncogenic driver -":
        # the group is named by a class of driver changes: the panel's genes, read as such.
        absent = bool(match.groupdict().get("neg")) or bool(_NEGATIVE_CLASS.match(what))
        return Scope(_shorten(text[:end]), "condition", (), driver_panel(), absent=absent, drivers=True)
    if match.groupdict().get("neg"):  # "Patients without EGFR mutations": the group is those with none
        return Scope(_shorten(text[:end]), "condition", (), genes, absent=True) if genes else None
    if not genes and (negated := genes_negated(what)) and not _names_other_disease(diseases):
        # "Patients with EGFR/ALK wild-type NSCLC must ...": the group is those with none of the genes.
        return Scope(_shorten(text[:end]), "condition", diseases, negated, absent=True)
    if not diseases and not genes:
        return None
    return Scope(_shorten(text[:end]), "condition", diseases, genes)


# A gene named as a drug's target, not the tumour's marker: "Subjects with progression after EGFR-TKI treatment,
# including:", "Patients with resistance to ALK inhibitors:", "Participants with failure of anti-EGFR therapy must ...",
# "Subjects with disease progression on a KRAS G12C-directed agent:". The group is named by what it was given (as
# "who have failed EGFR-TKI treatment" is, _NOT_TREATED), so the gene names no marker group; a marker named beside it
# still does ("Patients with EGFR mutation after EGFR-TKI failure", "Patients with EGFR TKI-sensitising mutations").
DRUG_CLASS = re.compile(
    r"\b(?:anti-?\s?)?[A-Za-z][A-Za-z0-9]{1,7}(?:[\s/-]+(?:G12C|exon\s?20|ex20|T790M|V600E?))?[\s-]*(?:\(?TKIs?\)?"
    r"|tyrosine[\s-]+kinase[\s-]+inhibitors?|inhibitors?|(?:targeted|directed|targeting)\b)"
    # ("EGFR TKI-sensitising mutation" is the marker itself.)
    r"(?![\s-]*(?:sensiti[sz]|sensitive|responsive))"
    r"|\banti-\s?[A-Za-z][A-Za-z0-9]{1,7}\b(?=\s+(?:therap|treatment|agents?|drugs?|antibod|monoclonal))",
    re.I)
# "Subjects with negative AGA", "Participants with no known driver": a "with" that names the group by what it lacks.
_NEGATIVE_CLASS = re.compile(r"(?:negative|no|none|absent)\b", re.I)
# "without known alterations or with unknown alteration status", "or whose driver status is unknown": the group holds
# the untested patients too, which a driver-class scope cannot say; the dimension's own reading takes the sentence.
_STATUS_UNKNOWN = re.compile(r"\bunknown\b|\bnot\s+(?:been\s+)?(?:tested|known)\b", re.I)
# Words that name a class of driver changes without a gene: "actionable genomic alterations (AGAs)", "a targetable
# driver", "oncogene-driven tumours", "known molecular alterations". An open list: a new such word goes here.
_DRIVER_CLASS = re.compile(
    r"\b(?:actionable|targetable|druggable|treatable|drivers?|oncogenic|oncogene[\s-]+(?:driven|addicted|addiction)"
    r"|AGAs?|(?:genomic|molecular|genetic)\s+(?:alterations?|aberrations?|abnormalit(?:y|ies)))\b",
    re.I,
)


@cache
def driver_panel() -> tuple[str, ...]:
    """The genes a lung-cancer driver panel reports (data/vocab/biomarkers.json): a driver-class group's genes."""
    return tuple(load("biomarkers")["driver_panel"]["genes"])


# "All other patients", "the remaining participants", "others": the rest of the group named before.
_THE_REST = r"(?:(?:all\s+)?other|the\s+remaining|remaining)\s+(?:patients|participants|subjects)\b|others\b"
# Where a criterion that opens with one marker group turns to another: "Patients with EGFR
# mutations must have had osimertinib; patients without must have had platinum", "... All other
# patients must ...".
_NEXT_GROUP = re.compile(
    rf"(?<=[.;])\s*(?={_THE_REST}|(?:patients|participants|subjects|those|pts)\s+(?:with|without|who|lacking|"
    r"whose|harbou?ring|negative\s+for)\b)",
    re.I,
)
# A group named only as the rest of the one before it: "All other patients", "Patients without
# these alterations".
_THE_OTHERS = re.compile(
    rf"^\W{{0,3}}(?:{_THE_REST})"
    r"|^\W{0,3}(?:patients|participants|subjects|those)\s+(?:without|lacking|with\s+no|negative\s+for|not\s+"
    r"harbou?ring)\s+(?:these|such|this|the\s+above|those|them)\b"
    r"|^\W{0,3}(?:patients|participants|subjects|those)\s+without\s+(?:must|should|need|are)\b",
    re.I,
)


# A semicolon after which a clause names its own group as its subject: "Prior anti-PD-1 is allowed (Cohort 2); Cohort 1
# patients must be naive to ...", "...; for Part B, ...", "...; patients in Arm 3 must ...".
_SEMICOLON = re.compile(r";\s*(?:and\s+|but\s+|while\s+|whereas\s+|however,?\s+)?")


# A clause that lets its group in ("; Part B participants with ECOG 2 are eligible", "...; for the expansion cohort,
# untreated lesions are allowed") loosens the rule before it: it stays joined to it.
_LETS_IN_CLAUSE = re.compile(r"\b(?:eligible|allowed|permitted|acceptable|accepted|may|can)\b", re.I)


def _subject_clauses(text: str) -> list[str]:
    """A criterion cut before each clause after a semicolon that opens with a group as its subject (_GROUP_SUBJECT,
    _PATIENTS_IN) and asks something of it, so that group's rule binds no one else; [text] when there is none."""
    pieces: list[str] = []
    start = 0
    for match in _SEMICOLON.finditer(text):
        rest = text[match.end():]
        if text.count("(", 0, match.start()) > text.count(")", 0, match.start()):
            continue  # a semicolon inside an aside
        if (_GROUP_SUBJECT.match(rest) or _PATIENTS_IN.match(rest)) and not _LETS_IN_CLAUSE.search(rest.split(";")[0]):
            pieces.append(text[start:match.start()].strip())
            start = match.end()
    if not pieces:
        return [text]
    return [piece for piece in [*pieces, text[start:].strip()] if piece]


def group_clauses(text: str) -> list[str]:
    """A criterion cut where it turns from one marker group to another, or where a clause after a semicolon names its
    own cohort, part or arm as its subject, so each clause carries its own group; a criterion that does neither
    stays whole."""
    if ";" in text and (clauses := _subject_clauses(text)) and len(clauses) > 1:
        return clauses
    if "atients" not in text and "articipants" not in text and "ubjects" not in text and "hose" not in text:
        return [text]
    opening = condition_scope(text)
    if opening is None or not opening.genes:
        return [text]
    return [piece for piece in _NEXT_GROUP.split(text) if piece]


def the_others(text: str, before: Scope | None) -> Scope | None:
    """The group "All other patients ..." names after a marker group's clause: those without it."""
    match = _THE_OTHERS.match(text) if before is not None and before.genes and not before.absent else None
    if match is None or before is None:
        return None
    return Scope(_shorten(text[:match.end()]), "condition", (), before.genes, absent=True)


# Words before "for <group>" that let patients into the group or send them to it: the criterion is no rule of it.
_LETS_IN = re.compile(
    r"\b(?:eligible|ineligible|enrol\w*|enroll\w*|assigned|allocated|allowed|permitted|included|considered|randomi[sz]ed"
    r"|selected|screened|candidates?|qualify|qualifies|apply|entry|enter|join|participate|go|proceed|move|switch|cross\s+over"
    r"|referred|directed|chosen|registered)\s*$",
    re.I,
)


def _suffix_scope(text: str) -> Scope | None:
    """One group named for the whole criterion: an aside that only names it ("(Part B)"), or an
    "only" phrase that ends the criterion ("... in dose escalation only."). Asides naming several
    groups ("ECOG <= 1 (Part A); ECOG <= 2 (Part B)") are alternatives, left to the dimension; an
    "only" phrase inside a longer aside ("(PS 2 allowed only in expansion)") scopes that aside alone."""
    found: list[re.Match[str]] = []
    for match in _SUFFIX.finditer(text):
        if match.group(0)[:3].lower() == "for" and _LETS_IN.search(text, 0, match.start()):
            continue  # "PD-L1-negative patients are eligible for Cohort 2": who may join the group, not its rule
        if match.group(0)[0] not in "([":
            if text[match.end():].strip(" .;:)]"):
                continue  # an "only" phrase in the middle of the criterion
            opened = max(text.rfind("(", 0, match.start()), text.rfind("[", 0, match.start()))
            if opened > max(text.rfind(")", 0, match.start()), text.rfind("]", 0, match.start())) \
                    and text[opened + 1:match.start()].strip():
                continue  # inside an aside about part of the sentence
        found.append(match)
    if not found:
        return None
    scopes = [_scope_from(match.group(0), _named_kind(match)) for match in found]
    if len({scope.label.lower().strip("()[] ") for scope in scopes}) > 1:
        return None
    return scopes[0]


def labelled_sentence_scope(sentence: str) -> Scope | None:
    """The group a sentence opens with as its label and a colon ("Cohort 4: measurable intracranial disease per
    RANO-BM.", "Part B (expansion): ..."): inside a criterion that states several groups' rules one after another
    ("Cohorts 1-3: ... RECIST v1.1. Cohort 4: ..."), the sentence is that group's. None for any other opening."""
    match = _PREFIX.match(sentence)
    if match is None or match.group("end") != ":":
        return None
    scope = _scope_from(match.group(0), _named_kind(match))
    return scope if scope.kind != "condition" else None


def criterion_scope(text: str) -> Scope | None:
    """The scope a criterion's own words set: its prefix, a condition on a group, or a suffix."""
    return read_scope(text)[1]


def heading_scope(text: str) -> Scope | None:
    """The scope of a line that only names a group ("Cohort A:", "Phase 1: (dose escalation)",
    "SCLC cohort:"), or None when the line says more than that."""
    return read_scope(text)[0]


# A pure function of the line, and trials share many lines word for word (consent, contraception,
# "Inclusion Criteria:"): a sync of thousands of trials reads each such line once.
@lru_cache(maxsize=8192)
def read_scope(text: str) -> tuple[Scope | None, Scope | None]:
    """(heading scope, own scope) of one line, reading its prefix once: a line is a heading when
    it only names a group; otherwise its own words may still scope it."""
    sentence = _sentence_scope(text)
    if sentence is not None:  # "... Does not apply to the dose escalation portion of the study."
        return None, sentence[0]
    region = region_of(text)
    if region is not None:  # "Japan part: ...", "Chinese patients: ...", "... (China only)"
        place = Scope(_shorten(region.label), "region", cancers_named(region.label), genes_named(region.label),
                      region=region.place)
        if not region.rest:
            return place, place
        return None, merge(place, read_scope(region.rest)[1])
    lowered = text.lower()
    group_word = GROUP_WORD.search(lowered)  # one search serves the prefix and the suffix
    head = text[:_HEAD]
    if group_word and group_word.start() < _HEAD and len(text) < 240:
        lead_in = _lead_in_scope(text)  # "For the treatment sub-study, patients must also meet the following:"
        if lead_in is not None and not _OPEN.search(text):
            return lead_in, lead_in
    if group_word and group_word.start() < _HEAD:
        excepting = _EXCEPT_GROUP.match(text)
        if excepting is not None:
            own = excepted(_scope_from(excepting.group("group"), _named_kind(excepting)))
            rest = text[excepting.end():]
            return None, merge(own, read_scope(rest)[1]) if rest.strip() else own
        scope, rest = _prefix_scope(text, head)
        if scope is not None and _EXCEPT_LEAD.match(scope.label):
            # "Except in the SCLC cohort: brain metastases": the rule is everyone's but that group's
            own = excepted(replace(scope, label=_EXCEPT_LEAD.sub("", scope.label)))
            return None, merge(own, read_scope(rest)[1]) if rest.strip() else own
    else:  # no group word: only a cancer before a colon can open it ("SCLC: ...", "Breast cancer (2L+): ...")
        scope, rest = _named_group(text, head)
    if scope is None:
        condition = condition_scope(text)
        if condition is not None:
            return (condition if text.rstrip().endswith(":") else None), condition
        if group_word and ("(" in text or "[" in text or "only" in lowered or "for " in lowered):
            suffix = _suffix_scope(text)
            if suffix is not None:
                # "Dose expansion part 2 only:", "Exclusion criteria applying to Arm C only:": a line that opens a
                # list and says whose it is scopes the list too, as "Part 2:" does.
                return (suffix if _opens_list(text) else None), suffix
        return None, treated_for_scope(text, lowered)
    if _dash_named(text, rest):
        # "Part 2 (Expansion) - NSCLC cohort:": the group's name goes on after a dash; the line only names it.
        named = _scope_from(text.strip().rstrip(":").strip(), scope.kind)
        return named, named
    rest = rest.strip()
    if not rest or (rest[:1] in "([" and rest[-1:] in ")]" and len(rest) < 80):
        if _OPEN.search(rest) or _OPEN.search(scope.label):
            # "Phase 2 [open to enrollment]:" beside a closed part: what a patient can join is the whole
            # trial (ends_scope() closes the heading before it).
            return None, None
        return scope, scope
    inner = condition_scope(rest) or treated_for_scope(rest, rest.lower()) or restricted_to(rest)
    if inner is None:  # "Cohort 2B: Participants with ESCC who ...": the group stays a cohort, of that cancer
        body = body_cancer(rest)
        # (its label stays the group's own: readers split a label's " / " steps to find its cohort)
        return None, replace(scope, diseases=tuple(dict.fromkeys(scope.diseases + body.diseases))) if body else scope
    return None, merge(scope, inner)


# "the Phase 1 cohorts", "the Part A patients": a labelled group with a kind word after it that says no more.
_KIND_AFTER = re.compile(r"\s+" + GROUP_NOUN + "$", re.I)


def _sentence_scope(text: str) -> tuple[Scope | None] | None:
    """(the scope,) a criterion's closing scope sentence sets with the rest of its words (reader/scope_sentence.py),
    or None when it ends in no such sentence or the sentence names no group."""
    found = scope_sentence(text)
    if found is None:
        return None
    rest, words, only = found
    group = group_heading(words) or group_heading(_KIND_AFTER.sub("", words)) or _marker_group_words(words)
    if group is None:
        return None
    own = read_scope(rest)[1] if rest else None
    return (merge(own, group if only else excepted(group)),)


def _marker_group_words(words: str) -> Scope | None:
    """The group of patients a scope sentence names by markers or a cancer ("patients with EGFR mutations", "the
    breast cancer cohort"), or None."""
    scope = _scope_from(words, "condition")
    return scope if scope.genes or scope.diseases else None


_EXCEPT_LEAD = re.compile(
    r"^\W*(?:(?:for|in)\s+)?(?:all\s+(?:(?:other|the)\s+)?(?:cohorts|parts|arms|groups|patients|participants)\s+)?"
    r"(?:except|other than|excluding)\s+(?:for\s+|in\s+)?(?:the\s+)?", re.I)


def excepted(group: Scope) -> Scope | None:
    """The scope of a rule that binds every patient but `group`'s: None when `group` is another cancer's or closed
    (the rule binds an NSCLC patient as written); the patients without its genes when it is named by markers; else
    the trial's other groups, which a patient may or may not be in."""
    if group.other_disease or group.closed:
        return None
    label = f"groups other than {group.label}"
    if group.genes and not group.absent and not group.drivers and not group.subgroup:
        # "Does not apply to patients with EGFR mutations": the patients without one.
        return Scope(label, "condition", group.diseases, group.genes, absent=True)
    return Scope(label, "part")


# After a group's dash, the rest of its name before the colon that ends the line: a few words, no rule said.
_DASH_REST = re.compile(r"^\s*[^:;.,\n]{1,60}:\s*$")
_RULE_WORDS = re.compile(r"\b(?:must|should|shall|have|has|had|received?|are|is|be|will|may|can|who|which|that|after"
                         r"|following|progress\w*|treated|prior|previous\w*|no|not|all|only|criteria)\b", re.I)


def _dash_named(text: str, rest: str) -> bool:
    """Whether a line whose group opened with a dash ("Part 2 (Expansion) - ...") only goes on naming it and ends in a
    colon ("NSCLC cohort:"), a heading over the lines below."""
    before = text[:len(text) - len(rest)].rstrip()
    return before[-1:] in "-\u2013\u2014" and _DASH_REST.match(rest) is not None and not _RULE_WORDS.search(rest)


def _opens_list(text: str) -> bool:
    """A short line ending in a colon that says its group ONLY: the lead-in of that group's criteria listed under it.
    ("Inclusion criteria applicable to all study modules (Groups A/B):" is every patient's list.)"""
    text = text.rstrip()
    return (text.endswith(":") and len(text) <= 160 and _ONLY.search(text) is not None
            and _EVERYONE.search(text) is None)


_ONLY = re.compile(r"\bonly\b", re.I)
_EVERYONE = re.compile(r"\b(?:all|every|each|both|any)\b", re.I)


# "Treatment with imatinib for GIST", "prior trastuzumab for HER2-positive breast cancer": a treatment
# given for a named cancer; when that cancer is not NSCLC, the rule is about that cancer's patients.
_TREATED_FOR = re.compile(
    r"\b(?:treat\w*|therap\w*|regimens?|lines?|chemotherapy|received|given|prior|previous|progress\w*|refractory|"
    r"resistant)\b[^.;]{0,80}?"
    r"\bfor\s+(?:(?:the|patients?\s+with|subjects?\s+with|advanced|metastatic|recurrent|unresectable|locally|"
    r"relapsed|refractory)\s+)*(?P<what>[a-z][\w+/-]*(?:\s+[\w+/-]+){0,3})",
    re.I,
)


def treated_for_scope(text: str, lowered: str) -> Scope | None:
    """The cancer a treatment in the criterion was given for, when it is another cancer and the
    criterion names no NSCLC: "Treatment with imatinib for GIST (at least one line)"."""
    if " for " not in lowered:
        return None
    for match in _TREATED_FOR.finditer(text):
        if in_allowing_aside(text, *match.span("what")):
            continue  # "Prior anti-PD-1 (anti-PD-1 for an earlier melanoma is allowed)": the exception's cancer
        named = cancers_named(match.group("what"))
        if named and not INCLUDES_NSCLC.intersection(named) and not INCLUDES_NSCLC.intersection(cancers_named(text)):
            return Scope(_shorten(match.group(0)), "condition", named)
    return None


# "Combination cohorts (drug X with fulvestrant): Enrollment is restricted to participants with HR+
# breast cancer. ...": the cohort's own words say whose it is.
_RESTRICTED = re.compile(
    r"\b(?:enrol?lment|participation|entry|accrual|it|this\s+(?:cohort|arm|part)|the\s+(?:cohort|arm|part))\s+is\s+"
    r"(?:restricted|limited|open)\s+(?:only\s+)?to\s+(?:only\s+)?(?:patients|participants|subjects)\s+with\s+"
    r"(?P<what>[^.;]{2,80})",
    re.I,
)


def restricted_to(text: str) -> Scope | None:
    """The cancer a group's text restricts it to ("Enrollment is restricted to participants with HR+
    breast cancer"), when that names a cancer."""
    if "restrict" not in text and "limited" not in text and "open to" not in text:
        return None
    match = _RESTRICTED.search(text)
    named = cancers_named(match.group("what")) if match else ()
    return Scope(_shorten(match.group(0)), "condition", named) if match and named else None


# "Cohort 2B: Participants with metastatic oesophageal squamous cell carcinoma who failed ...": a labelled group whose
# first words say who it takes, by a cancer. Read to the first relative or clause break ("who", "that", ",").
_BODY_PEOPLE = re.compile(
    r"^\W{0,3}(?:(?:adult\s+)?(?:patients|participants|subjects|people|individuals)\s+(?:with|diagnosed\s+with"
    r"|who\s+have)\s+)?(?P<what>[^;:.()]{2,160}?)(?=\s+(?:who|that|which|whose|after|and\s+(?:have|has|who))\b"
    r"|\s*[;:.(]|\s*$)", re.I)
# The first sentence of the group's text: a cancer it names anywhere ("... breast cancer, CRPC, or NSCLC") keeps the
# group open to NSCLC.
_FIRST_SENTENCE = re.compile(r"^[^;.]*")


def body_cancer(text: str) -> Scope | None:
    """The cancer a labelled group's own text opens with, when that is another cancer than NSCLC ("Participants with
    metastatic ESCC who ..."): a group the patient is not in. A group opening with NSCLC, lung cancer or solid tumours
    sets no scope here (its label already reads as the trial's own patients)."""
    match = _BODY_PEOPLE.match(text)
    named = cancers_named(match.group("what")) if match else ()
    group = Scope(_shorten(match.group(0)), "condition", named) if match and named else None
    if group is None or not group.other_disease:
        return None
    sentence = _FIRST_SENTENCE.match(text)
    whole = Scope("", "condition", cancers_named(sentence.group(0) if sentence else text))
    return group if whole.other_disease else None


_OPEN = re.compile(r"\bopen\s+(?:to|for)\s+(?:enrol?lment|accrual|recruitment)", re.I)

_GENERAL_HEADING = re.compile(
    r"^\W{0,3}(?:for\s+)?(?:all|every|each|both)\s+(?:the\s+)?(?:patients|participants|subjects|cohorts|arms|parts"
    r"|phases|groups|populations)\b"
    # ("All patients treated at doses > 120 mg must ...", "All participants dosed above 200 mg": some of the part's
    # patients, picked by their dose, not everyone: the part's heading still holds.)
    r"(?!\s+(?:treated|dosed|receiving|enrolled)\s+(?:at|above|below|with|from|\d|in\s+(?!(?:this|the)\s+(?:study|trial))))"
    r"|^\W{0,3}(?:general|common)\b[^:]{0,40}:",
    re.I,
)


# "Part 1 (Safety Expansion) and Part 2 (Dose Expansion)": several groups, each of which reads as one.
_GROUP_LIST = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s|/)\s*(?![^()]*\))")


def group_heading(words: str) -> Scope | None:
    """The scope of a heading's words naming one group ("Cohort 1", "Part A", "the expansion phase") or a list
    of them ("Part 1 (Safety Expansion) and Part 2 (Dose Expansion)"); None if they name no cohort, part, arm or
    phase (a condition on a marker group is not a heading's group)."""
    words = words.strip(" :")
    scope = heading_scope(f"{words}:") if words else None
    if scope is None and words:
        parts = [heading_scope(f"{part}:") for part in _GROUP_LIST.split(words) if part.strip()]
        if len(parts) > 1 and all(part is not None for part in parts):
            kinds = {part.kind for part in parts if part is not None}
            scope = Scope(_shorten(words), parts[0].kind if parts[0] and len(kinds) == 1 else "part",
                          tuple(dict.fromkeys(d for part in parts if part for d in part.diseases)),
                          tuple(dict.fromkeys(g for part in parts if part for g in part.genes)),
                          all(part.closed for part in parts if part))
    return scope if scope is not None and scope.kind != "condition" else None


def ends_scope(text: str) -> bool:
    """A line that closes a heading's scope: "All patients:", "General criteria:", a part "[open to
    enrollment]" (the part a patient can join now is the trial)."""
    return bool(_GENERAL_HEADING.match(text) or _OPEN.search(text[:_HEAD]))
