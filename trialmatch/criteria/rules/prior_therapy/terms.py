"""Find drugs and drug classes named in a piece of criteria text.

Text is lower-cased and cut into letter and digit tokens ("AZD-9291" -> azd 9291, "EGFR-TKIs" ->
egfr tki), so one vocabulary entry matches every spelling with or without hyphens, spaces and
plural s. Matching walks the tokens once and looks phrases up in a dict: linear in the text,
whatever the size of the vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from trialmatch.criteria import drugs
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.vocab import canonical_gene, gene_aliases, load

_TRANSLATE = str.maketrans({
    "\uff1a": ":", "\uff1b": ";", "\uff0c": ",", "\u3002": ".", "\uff08": "(", "\uff09": ")",
    "\u3001": ",", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "\u00a0": " ", "\u00ef": "i", "\u00e9": "e", "\u00e8": "e", "\u00f6": "o",
    "\u3010": "[", "\u3011": "]", "\u2019": "'", "\uff1e": ">", "\uff1c": "<",
    "\u0130": "I",
})
# The characters _TRANSLATE changes. Each becomes one ASCII character that is no key itself, so replacing
# the few a text holds one after the other gives what translate() gives, without a dict look-up per
# character ("\u2265", in most texts that are not ASCII, is left as it is and is no key).
_CHANGED = re.compile("[" + "".join(re.escape(chr(code)) for code in _TRANSLATE) + "]")
_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
# What may sit between the tokens of one phrase: "PD-(L)1", "PD-1/PD-L1", "EGFR - TKI".
_JOINER = re.compile(r"[\s\-/()\[\]'+&]*")
_SHORT_SPAN = re.compile(r"[a-z0-9 \-]+")

MAX_PHRASE_TOKENS = 14

# Classes so broad that a more specific mention nearby says what they meant:
# "HER2-targeted antibody or tyrosine kinase inhibitor" forbids HER2 drugs, not every TKI.
GENERIC_CLASSES = frozenset({"c:tki", "c:targeted", "c:biologic", "c:biological"})
SYSTEMIC = "c:systemic"


# "PD-(L)1" means PD-1 or PD-L1; spelled out so the tokens do not read as PD-L1 alone.
_PD_L_1 = re.compile(r"pd\s?-?\s?\(l\)\s?-?\s?1")  # also "anti-PD (L)-1"
# "Aerobic and resistance exercise", "resistance training", "resistance-band program": muscle work, not a cancer's
# resistance to a drug (which every "resist..." cue reads as progression on earlier treatment).
_RESISTANCE_EXERCISE = re.compile(
    r"\bresistance(?=[\s-]+(?:(?:and|or|/)\s+(?:aerobic|endurance|balance|flexibility)\s+)?(?:exercis|train|band"
    r"|workout|program|session|activit)|\s+(?:and|or|/)\s+(?:aerobic|endurance)\s+(?:exercis|train))")


# Remembered: the whole-trial passes (run-in, current treatment, allowances, ...) and the sentence reader
# normalise the same bullets again and again.
@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Lower case with full-width punctuation, dashes and a few accents made plain ASCII."""
    # Every character _TRANSLATE changes is outside ASCII, and "pd-(l)-1" needs "(l)": skip what cannot apply.
    if not text.isascii():
        for char in set(_CHANGED.findall(text)):
            text = text.replace(char, _TRANSLATE[ord(char)])
    low = text.lower()
    if "allowable" in low:
        # "is allowable" is "is permitted" (same length, so offsets hold): one word for every allowance pattern.
        low = low.replace("allowable", "permitted")
    if "resistance" in low:
        # "resistance exercise" is "strengthen exercise" (same length, so offsets hold): no drug resistance read.
        low = _RESISTANCE_EXERCISE.sub("strengthen", low)
    return _PD_L_1.sub("pd-1/pd-l1", low) if "(l)" in low else low


def _norm_token(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) over already-normalised text."""
    # split() gives gap, token, gap, ..., gap: the running sum of their lengths gives every start and end
    # without a Python step per match object.
    parts = _TOKEN_SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))
    # Only a token ending in "s" can change ("therapies", "tkis"): skip the call for the rest.
    words = [_norm_token(word) if word[-1] == "s" else word for word in parts[1::2]]
    return list(zip(words, ends[0::2], ends[1::2], strict=False))  # one more gap than tokens


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in tokens(normalize(phrase)))


@cache
def phrase_index() -> dict[tuple[str, ...], str]:
    """Token tuple -> item ("d:<generic>" for a drug, "c:<class>" for a class)."""
    vocab = load("drugs")
    index: dict[tuple[str, ...], str] = {}

    def add(phrase: str, item: str) -> None:
        key = _key(phrase)
        if key and len(key) <= MAX_PHRASE_TOKENS:
            index.setdefault(key, item)

    for generic, entry in vocab["drugs"].items():
        for name in [generic, *entry["names"]]:
            add(name, f"d:{generic}")
    for class_key, entry in vocab["classes"].items():
        for phrase in entry["phrases"]:
            add(phrase, f"c:{class_key}")
    affixes = vocab["target_affixes"]
    for class_key, names in vocab["targets"].items():
        for name in names:
            for prefix in affixes["prefixes"]:
                add(prefix + name, f"c:{class_key}")
                for suffix in affixes["suffixes"]:
                    add(f"{prefix}{name} {suffix}", f"c:{class_key}")
            for suffix in affixes["suffixes"]:
                add(f"{name} {suffix}", f"c:{class_key}")
    # "therapy (directly) targeting ALK", "directed against the MET pathway": a gene named after a targeting
    # verb names its drug class; never the bare gene ("MET", "RET" are words too).
    genes = vocab["gene_targets"]
    for class_key, names in genes["classes"].items():
        for name in names:
            for verb in genes["verbs"]:
                add(f"{verb} {name}", f"c:{class_key}")
                add(f"{verb} the {name}", f"c:{class_key}")
    return index


def _spellings(token: str) -> set[str]:
    """Every word as written ("therapies", "tkis") that _norm_token turns into `token`."""
    return {token, token + "s", *([token[:-1] + "ies"] if token.endswith("y") else [])}


@cache
def _openings() -> tuple[frozenset[str], frozenset[tuple[str, str]], frozenset[str]]:
    """Words (as written) that are a whole one-word phrase, pairs that open a longer one, and the first
    words of those pairs."""
    keys = phrase_index()
    singles = frozenset(w for key in keys if len(key) == 1 for w in _spellings(key[0]))
    pairs = frozenset((a, b) for key in keys if len(key) > 1 for a in _spellings(key[0]) for b in _spellings(key[1]))
    return singles, pairs, frozenset(a for a, _ in pairs)


@cache
def _lengths_by_first() -> dict[str, tuple[int, ...]]:
    """First token -> the lengths of the phrases that start with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in phrase_index():
        lengths.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


@dataclass(frozen=True)
class Mention:
    """A drug or class named in the text; several items mean any of them ("1st or 2nd generation")."""

    start: int
    end: int
    items: tuple[str, ...]

    @property
    def generic(self) -> bool:
        return all(item in GENERIC_CLASSES for item in self.items)

    @property
    def systemic(self) -> bool:
        return SYSTEMIC in self.items


def _joined(text: str, toks: list[tuple[str, int, int]], i: int, j: int) -> bool:
    """True when tokens i..j-1 sit next to each other with only joining marks between."""
    # Most names found are one or two tokens: no gap, or one, checked without a generator per call.
    if j - i < 2:
        return True
    if j - i == 2:
        return _JOINER.fullmatch(text, toks[i][2], toks[j - 1][1]) is not None
    return all(_JOINER.fullmatch(text, toks[k][2], toks[k + 1][1]) for k in range(i, j - 1))


def _scan(text: str, toks: list[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    """Longest phrase match at each token: (first token, end token, item)."""
    index, lengths_by_first = phrase_index(), _lengths_by_first()
    words = [t for t, _, _ in toks]
    found: list[tuple[int, int, str]] = []
    end = 0  # tokens before this are inside the last phrase found
    # Only tokens that start some phrase are tried, in order: the same walk as trying every token.
    for i in [k for k, word in enumerate(words) if word in lengths_by_first]:
        if i < end:
            continue
        # Only lengths some phrase has are looked up: the same longest match as trying every length.
        for length in lengths_by_first[words[i]]:
            if length > len(toks) - i:
                continue
            item = index.get(tuple(words[i:i + length]))
            if item and _joined(text, toks, i, i + length):
                span = text[toks[i][1]:toks[i + length - 1][2]]
                if len(span) <= 4 and not _SHORT_SPAN.fullmatch(span):
                    continue
                found.append((i, i + length, item))
                end = i + length
                break
    return found


_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
_GENERATION_CLASSES = {1: "c:egfr_tki_1g", 2: "c:egfr_tki_2g", 3: "c:egfr_tki_3g", 4: "c:egfr_tki_4g"}
_EGFR_FAMILY = frozenset({"c:egfr_tki", "c:egfr_targeted", "c:tki", "c:targeted"})
# "one prior second-generation ALK TKI": the generation narrows the ALK class too (crizotinib is first).
_ALK_GENERATIONS = {1: "c:alk_tki_1g", 2: "c:alk_tki_2g", 3: "c:alk_tki_3g"}


def _generations_before(toks: list[tuple[str, int, int]], gen_at: int) -> tuple[set[int], int]:
    """Ordinals written before "generation": "first- or second-", "1st/2nd/3rd-"."""
    found: set[int] = set()
    j = gen_at - 1
    start = gen_at
    while j >= 0:
        tok = toks[j][0]
        if tok in _ORDINAL_SUFFIX and j >= 1 and toks[j - 1][0].isdigit():
            found.add(int(toks[j - 1][0]))
            start = j - 1
            j -= 2
        elif tok in _ORDINAL_WORDS:
            found.add(_ORDINAL_WORDS[tok])
            start = j
            j -= 1
        elif tok in ("or", "and") and found:
            j -= 1
        else:
            break
    return {n for n in found if n in _GENERATION_CLASSES}, start


def _generations_after(toks: list[tuple[str, int, int]], gen_at: int) -> tuple[set[int], int]:
    """More generations written out after "generation": "first-generation or second-generation" (the last
    "generation" token is returned: the class name follows it)."""
    found: set[int] = set()
    last, j = gen_at, gen_at + 1
    while j + 1 < len(toks) and toks[j][0] in ("or", "and"):
        k, gens = j + 1, set()
        while k < len(toks) and (toks[k][0] in _ORDINAL_WORDS or toks[k][0].isdigit() or toks[k][0] in _ORDINAL_SUFFIX):
            if toks[k][0] in _ORDINAL_WORDS:
                gens.add(_ORDINAL_WORDS[toks[k][0]])
            elif toks[k][0].isdigit():
                gens.add(int(toks[k][0]))
            k += 1
        if not gens or k >= len(toks) or toks[k][0] not in ("generation", "gen"):
            break
        found |= {n for n in gens if n in _GENERATION_CLASSES}
        last, j = k, k + 1
    return found, last


def _names_egfr(egfr_trial: bool, toks: list[tuple[str, int, int]], raw: list[tuple[int, int, str]]) -> bool:
    """An EGFR trial, or a sentence that names EGFR: a bare "third-generation TKI" is then an EGFR TKI.
    Asked only when such a TKI is found (rare), not for every sentence with a drug name."""
    return egfr_trial or any(t == "egfr" for t, _, _ in toks) or any(i.startswith("c:egfr") for _, _, i in raw)


# Words after "cytotoxic" that make it a kind of immune cell, not a kind of drug.
_IMMUNE_CELL_WORDS = frozenset({"t", "lymphocyte", "cell", "tcell", "ctl"})


@cache
def _gene_verbs() -> tuple[frozenset[str], dict[tuple[str, ...], str], tuple[int, ...]]:
    """First words of the targeting verbs, every targeted gene's tokens -> its class, and their lengths."""
    genes = load("drugs")["gene_targets"]
    firsts = frozenset(_key(verb)[0] for verb in genes["verbs"])
    keys = {_key(name): f"c:{key}" for key, names in genes["classes"].items() for name in names}
    return firsts, keys, tuple(sorted({len(k) for k in keys}, reverse=True))


_GENE_LIST_GAP = re.compile(r"[\s,/]*")
_GENE_LIST_WORDS = frozenset({"or", "and", "nor", "the"})


def _more_genes(text: str, toks: list[tuple[str, int, int]], items: tuple[str, ...],
                end: int) -> tuple[tuple[str, ...], int]:
    """ "targeting ALK, ROS1 or MET": the genes listed after the first one name their classes too."""
    _, keys, lengths = _gene_verbs()
    j = end
    while j < len(toks):
        gap = _GENE_LIST_GAP.fullmatch(text, toks[j - 1][2], toks[j][1])
        if gap is None:
            break
        joined, k = bool(gap.group().strip()), j  # a comma or slash joins; so does "or" / "and"
        while k < len(toks) and toks[k][0] in _GENE_LIST_WORDS:
            joined, k = joined or toks[k][0] != "the", k + 1
        hit = next(((n, keys[key]) for n in lengths if len(key := tuple(t for t, _, _ in toks[k:k + n])) == n
                    and key in keys), None) if joined else None
        if hit is None:
            break  # "targeting ALK fusions": nothing listed after the gene
        items = (*items, hit[1])
        j = end = k + hit[0]
    return tuple(dict.fromkeys(items)), end


# The words right before "targeted therapy": "KRAS G12D", "B7-H3", "pan-RAS", "CLDN18.2", "c-Met".
_TARGET_BEFORE = re.compile(r"(?:^|[\s(,;:/])(?P<target>(?:pan-?)?[a-z][a-z0-9.]{0,11}(?:-[a-z0-9.]{1,6}){0,2}"
                            r"(?:\s(?:p\.)?[a-z]\d{1,4}[a-z]{0,3})?)[\s-]{1,2}$")
_NOT_TARGET = re.compile(r"line|gen|\d+(?:st|nd|rd|th)\b")
UNNAMED_TARGET = "c:unnamed_target"
# A gene and its variant before "targeted / directed": "EGFR exon 20 insertion-targeted agent", "ALK
# fusion-directed therapy", "MET exon 14 skipping-targeted agent". The class is the gene's (narrowed to the variant
# where the vocabulary has it), never the generic "targeted therapy" the last words alone would give.
_VARIANT_WORD = (r"(?:exon|ex|\d{1,2}|ex\d{1,2}(?:ins|del)?|insertions?|ins|deletions?|del|skipping"
                 r"|mutations?|mutant|mutated|fusions?|rearrangements?|rearranged|translocations?|translocated|alterations?|altered"
                 r"|amplifications?|amplified|positive|(?:p\.)?[a-z]\d{1,4}[a-z]{0,3})")
_GENE_VARIANT_BEFORE = re.compile(
    rf"(?:^|[\s(,;:/])(?P<target>(?P<gene>[a-z][a-z0-9]{{1,5}})(?:[\s-]+{_VARIANT_WORD}){{1,5}})[\s-]{{1,2}}$")
# Variant words that name the gene's drivers as a whole: "ALK fusion-targeted" is every ALK TKI.
_WHOLE_GENE_WORDS = frozenset({"mutation", "mutations", "mutant", "mutated", "fusion", "fusions", "rearrangement",
                               "rearrangements", "rearranged", "translocation", "translocations", "translocated",
                               "alteration", "alterations", "altered", "amplification", "amplifications",
                               "amplified", "positive"})


@cache
def _target_classes() -> dict[str, str]:
    """A target written as a gene_targets name ("ros1", "c-met") -> its class item."""
    genes = load("drugs")["gene_targets"]["classes"]
    return {" ".join(_key(name)): f"c:{key}" for key, names in genes.items() for name in names}


def _target_item(text: str, start: int) -> tuple[str, int] | None:
    """ "KRAS G12D targeted therapy", "B7-H3 targeted agent": the class of the target written before a bare
    "targeted therapy" (a gene the vocabulary classes, else UNNAMED_TARGET), and where the target starts. None
    when no target is written there ("molecularly targeted therapy", "first-line targeted therapy")."""
    variant = _variant_item(text, start)
    if variant is not None:
        return variant
    named = _named_target(text, start)
    if named is not None:
        return named
    found = _TARGET_BEFORE.search(text, max(0, start - 30), start)
    if found is None:
        return _selective_item(text, start)
    target = found.group("target")
    if _NOT_TARGET.search(target):
        return None
    key = " ".join(_key(target))
    # "KRAS G12C tyrosine kinase inhibitor": the target with "inhibitor" may be a class name of its own.
    known = _target_classes().get(key) or _class_item(phrase_index().get((*_key(target), "inhibitor")))
    if known:
        return known, found.start("target")
    first = key.split(" ")[0]
    genelike = (any(c.isdigit() for c in target) or target.startswith("pan") or first in _target_words()
                or _hyphened_target(text, target, start))
    return (UNNAMED_TARGET, found.start("target")) if genelike and len(target) > 2 else None


# "tissue factor targeted therapy", "folate receptor alpha-directed agents", "carcinoembryonic antigen targeted ADC":
# a target written as words ending in a molecule's head noun (a gene's full name where the vocabulary has one).
_HEAD_TARGET_BEFORE = re.compile(
    r"(?P<target>(?:[a-z][a-z0-9]*[\s-]+){1,3}(?:factor|receptor|antigen|ligand|protein|glycoprotein|kinase)"
    r"(?:[\s-]+(?:alpha|beta|gamma|[a-z]?\d{1,2}))?)"
    # ("tissue factor (TF)-targeted": its abbreviation in brackets.)
    r"(?:\s*\(\s*(?P<short>[a-z][a-z0-9-]{0,9})\s*\))?[\s-]{1,2}$")
# Words that name no particular molecule before the head noun ("growth factor receptor", "tyrosine kinase receptor").
_GENERIC_HEAD_WORDS = frozenset({"growth", "tyrosine", "kinase", "cell", "surface", "membrane", "hormone", "immune",
                                 "checkpoint", "fusion", "novel", "new", "specific", "selective", "tumor", "tumour",
                                 "associated", "receptor", "factor", "antigen", "protein", "ligand"})


def _named_target(text: str, start: int) -> tuple[str, int] | None:
    """The class of a many-word target before "targeted / directed" ("epidermal growth factor receptor" -> the
    EGFR class), else UNNAMED_TARGET ("tissue factor"); None when the words name no one molecule ("growth factor
    receptor targeted therapy") or no head noun ends them."""
    found = _HEAD_TARGET_BEFORE.search(text, max(0, start - 60), start)
    if found is None:
        return None
    # The name runs back from the head noun to the first word that cannot be part of it ("with", "prior", ...).
    words = list(re.finditer(r"[a-z0-9]+", found.group("target")))
    keep = 1
    while keep < len(words) and words[-keep - 1].group() not in _NOT_TARGET_WORDS | _NOT_LISTED:
        keep += 1
    name = [w.group() for w in words[-keep:]]
    first = found.start("target") + words[-keep].start()
    for n in range(len(name), 0, -1):
        known = _target_classes().get(" ".join(_key(" ".join(name[-n:]))))
        if known and n > 1:
            return known, first
    if all(word in _GENERIC_HEAD_WORDS or word.isdigit() for word in name):
        return None
    # "vascular endothelial growth factor": the name's initials may be the abbreviation the vocabulary holds (VEGF).
    known = None
    for short in (found.group("short"), "".join(word[0] for word in name)):
        if short and not known:
            key = _key(short)
            known = _target_classes().get(" ".join(key)) or _class_item(phrase_index().get((*key, "inhibitor")))
    return (known or UNNAMED_TARGET), first


# Words joined to "-targeted / -directed" that name no target: "molecularly-targeted", "tumour-directed".
_NOT_TARGET_NAMES = frozenset({"molecularly", "molecular", "gene", "genes", "genetically", "tumor", "tumour", "cell",
                               "cells", "immune", "immuno", "pathway", "receptor", "kinase", "oncogene", "driver",
                               "mutation", "non", "not", "line", "liver", "bone", "lung", "brain", "cns", "site",
                               "organ", "lesion", "disease", "cancer", "skin", "radio", "image", "dna", "rna", "other"})


def _hyphened_target(text: str, target: str, start: int) -> bool:
    """ "an AXL-targeted agent", "TIGIT-directed antibody": one short word joined by a hyphen names a target the
    vocabulary does not hold (a class of its own, never the generic "targeted therapy")."""
    return (text[start - 1:start] == "-" and target.isalpha() and 3 <= len(target) <= 8
            and target not in _NOT_TARGET_NAMES)


def _variant_item(text: str, start: int) -> tuple[str, int] | None:
    """ "EGFR exon 20 insertion-targeted agent": the variant's class when the vocabulary has one, the gene's class
    when the variant words name all its drivers ("ALK fusion-targeted"), else UNNAMED_TARGET (a question for the
    gene's drugs, target_near). None when no gene with a variant is written before `start`."""
    found = _GENE_VARIANT_BEFORE.search(text, max(0, start - 50), start)
    if found is None:
        return None
    gene = _target_classes().get(" ".join(_key(found.group("gene"))))
    if gene is None:
        return None
    key = _key(found.group("target"))
    while len(key) > 1 and key[-1] in _WHOLE_GENE_WORDS:
        key = key[:-1]  # "BRAF V600E mutation-targeted": the V600E class
    known = _target_classes().get(" ".join(key)) or _class_item(phrase_index().get((*key, "inhibitor")))
    if known:
        return known, found.start("target")
    if set(key[len(_key(found.group("gene"))):]) <= _WHOLE_GENE_WORDS:
        return gene, found.start("target")
    return UNNAMED_TARGET, found.start("target")


# "EGFR exon 20-selective TKI", "mutant-specific tyrosine kinase inhibitor": the class narrowed by a qualifier, to
# drugs selective for that target (its examples name them), not every TKI.
_SELECTIVE_BEFORE = re.compile(r"[\s-]+(?:selective|specific)[\s-]{1,2}$")
_TARGET_WORD = re.compile(r"[a-z0-9.]+$")
# Words that end the target before a qualifier (walking back): the rest of the sentence, not the target.
_NOT_TARGET_WORDS = frozenset({"a", "an", "the", "any", "other", "with", "prior", "previous", "of", "to", "or", "and",
                               "treatment", "therapy", "received", "exposure", "including", "such", "as", "e.g"})
_NOT_A_TARGET = frozenset({"non", "not", "highly", "more", "less", "very"})


def _selective_item(text: str, start: int) -> tuple[str, int] | None:
    """The class of a target "X-selective" written before a bare TKI ("EGFR-selective TKI": the EGFR TKIs), else
    UNNAMED_TARGET for a target the vocabulary does not class ("exon 20-selective"); None without the qualifier."""
    if "selective" not in text and "specific" not in text:
        return None
    found = _SELECTIVE_BEFORE.search(text, max(0, start - 40), start)
    if found is None:
        return None
    words: list[str] = []
    end = found.start()
    while len(words) < 4:
        word = _TARGET_WORD.search(text, max(0, end - 20), end)
        if word is None or word.group() in _NOT_TARGET_WORDS:
            break
        words.insert(0, word.group())
        end = word.start()
        gap = re.search(r"[\s-]+$", text[max(0, end - 3):end])
        if gap is None:
            break
        end -= len(gap.group())
    if not words or words[-1] in _NOT_A_TARGET:
        return None
    target = " ".join(words)
    # The target's TKI class first ("EGFR-selective TKI": the EGFR TKIs, not the EGFR antibodies), then its class.
    known = _class_item(phrase_index().get((*_key(target), "tki"))) or _target_classes().get(" ".join(_key(target))) \
        or _class_item(phrase_index().get((*_key(target), "inhibitor")))
    first = text.rfind(words[0], 0, found.start())
    return (known or UNNAMED_TARGET), first


# "Prior EGFR antibody or TKI", "anti-EGFR monoclonal antibody and/or tyrosine kinase inhibitor": the gene named once
# is both forms' target, so the bare TKI is the gene's TKI. (Dropped as a generic after a targeted class, the TKI half
# was lost: an osimertinib patient passed an exclusion that names it.)
_JUST_OR = re.compile(r"\s*(?:,\s*)?(?:and/or|or|and|/)\s*")
_ANTI = re.compile(r"^anti[\s-]*")


def _gene_tki(words: str) -> str | None:
    """The TKI class of the gene a mention's words open with ("egfr antibody", "anti-egfr antibody"), else None."""
    toks = _key(_ANTI.sub("", words))
    for n in (1, 2):
        item = _class_item(phrase_index().get((*toks[:n], "tki"))) if len(toks) > n else None
        if item is not None:
            return item
    return None


def _gene_to_bare_tki(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare TKI joined by "or"/"and" to a gene's class just before it, read as that gene's TKI."""
    out = list(mentions)
    for k in range(1, len(out)):
        prev, mention = out[k - 1], out[k]
        if mention.items != ("c:tki",) or prev.generic or len(prev.items) != 1 \
                or not _JUST_OR.fullmatch(text, prev.end, mention.start):
            continue
        item = _gene_tki(text[prev.start:prev.end])
        if item is not None and item != prev.items[0]:
            out[k] = Mention(mention.start, mention.end, (item,))
    return out


def _class_item(item: str | None) -> str | None:
    return item if item is not None and item.startswith("c:") and item not in GENERIC_CLASSES else None


@cache
def _target_words() -> frozenset[str]:
    """First words of every gene_targets name ("kras", "ras", "met", ...)."""
    return frozenset(key.split(" ")[0] for key in _target_classes())


# "B7-H3 targeted therapy, including antibody, ADC or CAR-T": the forms the target's therapy takes.
_EXAMPLES_OPEN = re.compile(r"[\s,(]*(?:including|includes?|incl\.?|such as|e\.g\.?|whether)\b")
_EXAMPLES_GAP = re.compile(r"[\s,/]*(?:(?:and|or|and/or)\s+)?(?:an?\s+)?")
_EXAMPLES_END = re.compile(r"[;.)]")
_FORMS = frozenset({"c:adc", "c:biologic", "c:biological", "c:tki", "c:targeted"})


_TARGETED_WORD = re.compile(r"targeted|directed")
_BARE_FORMS = (("c:targeted",), ("c:tki",))


def target_near(text: str) -> list[str]:
    """The classes of the genes in the targets UNNAMED_TARGET stands for in `text` ("KRAS G12D" -> the KRAS
    inhibitors, "pan-RAS" too): a drug of one may be against that target, so it is a question, not a no."""
    norm = normalize(text)
    near: list[str] = []
    for word in _TARGETED_WORD.finditer(norm):
        variant = _GENE_VARIANT_BEFORE.search(norm, max(0, word.start() - 50), word.start())
        if variant and (item := _target_classes().get(" ".join(_key(variant.group("gene"))))):
            near.append(item)
            continue
        found = _TARGET_BEFORE.search(norm, max(0, word.start() - 30), word.start())
        if found:
            near += [item for tok in _key(found.group("target")) if (item := _target_classes().get(tok))]
    return list(dict.fromkeys(near))


def _one_more_example(text: str, mention: Mention, examples_from: int, listing: bool, forms: frozenset[str],
                      eg_opens: bool = False) -> bool:
    """Is `mention` (of one of `forms`) an example listed after the therapy ending at `examples_from` (-1: none
    open)? "..., including antibodies or ADCs" opens the list; once `listing`, "," or "or" alone joins the next.
    `eg_opens`: an "e.g." opens it too (its full stop would otherwise read as the list's end)."""
    if examples_from < 0 or not set(mention.items) <= forms:
        return False
    gap = text[examples_from:mention.start]
    if eg_opens:
        gap = gap.replace("e.g.", "such as")
    opened = _EXAMPLES_OPEN.match(gap) and not _EXAMPLES_END.search(gap)
    return bool(opened or (listing and _EXAMPLES_GAP.fullmatch(gap)))


# "HER2-directed therapy (antibody, ADC or tyrosine kinase inhibitor)": the bracket lists the forms that therapy takes.
_DIRECTED_THEN_BRACKET = re.compile(
    r"(?:directed|targeted|targeting)\s+(?:therap(?:y|ies)|agents?|treatments?|drugs?)\s*\(\s*$")
_FORM_LIST = re.compile(r"^[\s,/]*(?:(?:or|and|and/or)\s+)?(?:an?\s+)?(?:(?:monoclonal\s+)?antibod(?:y|ies)|mabs?)?"
                        r"[\s,/]*(?:(?:or|and|and/or)\s+)?$")


_TARGET_WORDS_BEFORE = re.compile(r"\b([a-z]{2,6}-?\d{1,2})-?(?=\s|-)")


def _directed_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions without the forms a bracket lists right after "X-directed therapy" (they are that therapy's, not
    every ADC or TKI); where no target was read before the bracket ("HER2- or HER3-directed therapy"), the therapy
    is one against a target the vocabulary does not name."""
    out: list[Mention] = []
    for paren in re.finditer(r"\(([^()]{2,80})\)", text):
        if not _DIRECTED_THEN_BRACKET.search(text, max(0, paren.start() - 40), paren.start() + 1):
            continue
        inside = [m for m in mentions if paren.start() < m.start < paren.end()]
        if not inside or not all(set(m.items) <= _FORMS for m in inside):
            continue
        gaps = [text[a:b] for a, b in zip([paren.start() + 1, *(m.end for m in inside)],
                                          [*(m.start for m in inside), paren.end() - 1], strict=True)]
        if not all(_FORM_LIST.match(gap) for gap in gaps):
            continue  # more than forms in the bracket: another kind of aside
        mentions = [m for m in mentions if m not in inside]
        if not any(paren.start() - 40 <= m.end <= paren.start() for m in mentions):
            # "HER2- or HER3-directed therapy (...)": the targets written before, as far as the vocabulary classes
            # them, and one it does not name.
            words = list(_TARGET_WORDS_BEFORE.finditer(text, max(0, paren.start() - 40), paren.start()))
            known = [item for w in words if (item := _target_classes().get(" ".join(_key(w.group(1)))))]
            start = words[0].start() if words else inside[0].start
            out.append(Mention(start, paren.start(), (*dict.fromkeys(known), UNNAMED_TARGET)))
    return sorted([*mentions, *out], key=lambda m: m.start)


def _targets_named(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare "targeted therapy" after its target is therapy against that target only, and the forms listed
    after it as examples (antibody, ADC) are that therapy's, not bans of their own."""
    if "(" in text and ("directed" in text or "target" in text):
        mentions = _directed_forms(text, mentions)
    out: list[Mention] = []
    examples_from = -1  # the end of the last target mention or example, while examples may follow
    listing = False  # an example was read: more may follow with only "," or "or" between
    for mention in mentions:
        if _one_more_example(text, mention, examples_from, listing, _FORMS):
            examples_from, listing = mention.end, True
            continue
        # (A bare "TKI" too: "KRAS G12C tyrosine kinase inhibitor" is no ban on every TKI.)
        hit = _target_item(text, mention.start) if mention.items in _BARE_FORMS else None
        out.append(Mention(hit[1], mention.end, (hit[0],)) if hit else mention)
        examples_from, listing = (mention.end if hit else -1), False
    return out


# "any medication targeting topoisomerase I", "drugs directed against DNA topoisomerase 1": a target the gene
# vocabulary does not hold, named by the class that inhibits it ("topoisomerase I inhibitor").
_TARGETING = re.compile(r"\b(?:targeting|directed\s+(?:against|at|to)|targeted\s+(?:against|at|to)|aimed\s+at"
                        r"|(?:that|which)\s+targets?)\s+(?:the\s+)?(?:dna\s+)?")
_TARGET_WORDS = re.compile(r"[a-z0-9]+(?:[\s-]+[a-z0-9]+){0,2}")
# The forms a target's therapy takes, listed as its examples ("..., including chemotherapy or ADCs").
_EXAMPLE_FORMS = _FORMS | {"c:chemotherapy"}


def _inhibited_targets(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with "targeting <target>" read as the class inhibiting the target, when the vocabulary has one."""
    found: list[Mention] = []
    for verb in _TARGETING.finditer(text):
        if any(m.start <= verb.end() < m.end or verb.start() <= m.start <= verb.end() for m in mentions):
            continue  # "targeting KRAS": the gene vocabulary read it
        words = _TARGET_WORDS.match(text, verb.end())
        toks = tokens(words.group()) if words else []
        for n in range(len(toks), 0, -1):
            item = _class_item(phrase_index().get((*(t for t, _, _ in toks[:n]), "inhibitor")))
            if item:
                found.append(Mention(verb.start(), verb.end() + toks[n - 1][2], (item,)))
                break
    if not found:
        return mentions
    inside = [m for m in mentions if not any(f.start <= m.start < f.end for f in found)]
    return sorted([*inside, *found], key=lambda m: m.start)


def _aimed(text: str, mention: Mention) -> bool:
    """A mention of therapy against one target: "targeting topoisomerase I", "directed against TROP2", "a
    topoisomerase I inhibitor"."""
    if not all(item.startswith("c:") and item not in GENERIC_CLASSES and item not in _FORM_CLASSES
               for item in mention.items):
        return False
    return _TARGETING.match(text, mention.start) is not None or all(
        item.endswith(("_inhibitor", "_targeted")) for item in mention.items)


def _target_examples(text: str, mentions: list[Mention]) -> list[Mention]:
    """The forms listed as examples after therapy against one target ("any medication targeting topoisomerase I,
    including chemotherapy or ADCs") are that therapy's, not bans or requirements of their own."""
    out: list[Mention] = []
    examples_from, listing = -1, False
    for mention in mentions:
        if _one_more_example(text, mention, examples_from, listing, _EXAMPLE_FORMS, eg_opens=True):
            examples_from, listing = mention.end, True
            continue
        out.append(mention)
        examples_from, listing = (mention.end if _aimed(text, mention) else -1), False
    return out


# "EGFR or ALK inhibitors", "ALK, ROS1 or NTRK TKIs", "cMET or HGF inhibitor": genes listed before one class word
# share it; each gene with the word is a class of its own (the vocabulary's phrase), not only the last one.
_LIST_GAP = re.compile(r"[\s,/-]*")
# A list of genes sharing a class word needs a joiner and a class word; a qualifier alone may stand for the list.
_LIST_CUE = guarded(r"(?:,|/|\bor\b|\band\b|targeted|directed|targeting|specific|selective)[^.;]*?"
                       r"(?:inhibitor|tki|antibod|therap|agent|drug|treatment|blocker)")
_LIST_JOINERS = frozenset({"or", "and", "nor"})
# Words that open a list of their own or end one: never a target ("any other", "the").
_NOT_LISTED = frozenset({"or", "and", "nor", "any", "all", "other", "the", "a", "an", "prior", "previous", "with",
                         "of", "for", "to", "in", "on", "by", "as", "such", "e", "g", "eg", "ie", "i", "no", "not",
                         "either", "both", "oral", "novel", "new", "approved", "investigational", "standard"})
# A qualifier between the target and the class word: "ALK-targeted inhibitor" is an ALK inhibitor.
_QUALIFIERS = frozenset({"targeted", "directed", "targeting", "specific", "selective"})
_SUFFIX_TOKENS = 4
_UNKNOWN_TOKENS = 4
_SUFFIX_GAP = re.compile(r"[\s-]*\)?[\s-]*")  # ("... factor (HGF) inhibitor": after an abbreviation)
_ABBREVIATION = re.compile(r"\s*\(\s*[a-z0-9-]{2,10}\s*\)\s*")
# Words before a gene that make it part of a narrower target ("exon 20 insertion EGFR", "mutant-selective").
_NARROWING = frozenset({"insertion", "mutant", "mutation", "exon", "selective", "specific", "non", "wild", "type"})


def _gene_at(words: list[str], text: str, toks: list[tuple[str, int, int]], i: int,
             covered: dict[int, int]) -> int:
    """Token length of a gene (a gene_targets name, or a gene symbol the vocabulary knows) starting at token i;
    0 when none starts there or it is inside a name already read (`covered`: token -> first token of its name),
    other than one the gene opens ("ALK inhibitor" after "EGFR or")."""
    if covered.get(i, i) != i or words[i] in _NOT_LISTED:
        return 0
    _, keys, lengths = _gene_verbs()
    for n in lengths:
        if i + n <= len(words) and tuple(words[i:i + n]) in keys and _joined(text, toks, i, i + n):
            return n
    for n in (2, 1):
        # (The look-up first: most tokens are no gene, and the gap check is a regex.)
        if i + n <= len(words) and (n == 1 or words[i + 1].isdigit()) and canonical_gene("".join(words[i:i + n])) \
                and _joined(text, toks, i, i + n):
            return n
    return 0


def _joiner_after(words: list[str], text: str, toks: list[tuple[str, int, int]], j: int) -> int:
    """The token after the joining marks and words that follow token j-1 ("," "/" "or" "and/or"); -1 when none."""
    joined = False
    while j < len(words):
        gap = _LIST_GAP.fullmatch(text, toks[j - 1][2], toks[j][1])
        if gap is None:
            return -1
        joined = joined or "," in gap.group() or "/" in gap.group()
        if words[j] not in _LIST_JOINERS:
            return j if joined else -1
        joined, j = True, j + 1
    return -1


def _class_of(gene: tuple[str, ...], suffix: tuple[str, ...]) -> str | None:
    """The class named by a gene and a class word ("alk" + "inhibitor"), a qualifier between left out."""
    index = phrase_index()
    for tail in (suffix, suffix[1:] if suffix and suffix[0] in _QUALIFIERS else ()):
        item = _class_item(index.get((*gene, *tail))) if tail else None
        if item:
            return item
    return None


def _suffix_list_at(words: list[str], text: str, toks: list[tuple[str, int, int]], i: int,
                    covered: dict[int, int]) -> tuple[int, tuple[str, ...]] | None:
    """(end token, classes) of a list of genes from token i sharing the class word after the last one."""
    if i and (words[i - 1] in _QUALIFIERS or words[i - 1] in _NARROWING):
        return None  # "exon 20 insertion-targeted EGFR or HER2 TKI": the list is narrowed by what comes before it
    genes: list[tuple[int, int]] = []
    j, after_joiner = i, False
    while (n := _gene_at(words, text, toks, j, covered)) and len(genes) < 8:
        genes.append((j, j + n))
        nxt = _joiner_after(words, text, toks, j + n)
        if nxt < 0:
            after_joiner = False
            break
        j, after_joiner = nxt, True
    if not genes:
        return None
    if not after_joiner:
        return _shared_suffix(words, text, toks, genes, genes[-1][1], ())
    # The list went on past a joiner to words the vocabulary does not hold as a gene ("cMET or hepatocyte growth
    # factor (HGF) inhibitor", "BRAF and/or MEK inhibitors"): a target of its own, up to a few words long.
    for k in range(1, _UNKNOWN_TOKENS + 1):
        span = range(j, j + k)
        if j + k > len(words) or any(words[t] in _NOT_LISTED or not words[t].isalpha() for t in span) \
                or covered.get(j, j) != j or not _joined(text, toks, j, j + k):
            return None
        last = j + k
        if last + 1 < len(words) and _ABBREVIATION.fullmatch(text, toks[last - 1][2], toks[last + 1][1]):
            last += 1  # "(HGF)": the words' abbreviation
        hit = _shared_suffix(words, text, toks, genes, last, tuple(words[j:j + k]))
        if hit is not None:
            return hit
    return None


def _shared_suffix(words: list[str], text: str, toks: list[tuple[str, int, int]], genes: list[tuple[int, int]],
                   last: int, other: tuple[str, ...]) -> tuple[int, tuple[str, ...]] | None:
    """(end token, classes) when a class word right after token `last` fits every gene (and `other`, the words of a
    target that is no gene, makes a class of its own or an unnamed one)."""
    if last >= len(words) or not _SUFFIX_GAP.fullmatch(text, toks[last - 1][2], toks[last][1]):
        return None
    for m in range(min(_SUFFIX_TOKENS, len(words) - last), 0, -1):
        suffix = tuple(words[last:last + m])
        if not _joined(text, toks, last, last + m):
            continue
        items = [_class_of(tuple(words[a:b]), suffix) for a, b in genes]
        known = [item for item in items if item]
        if not known:
            continue
        # A gene the vocabulary holds with another wording of the class word ("NTRK tyrosine kinase inhibitor" beside
        # "ROS1, ALK or"): the gene's own class.
        items = [item or _gene_verbs()[1].get(tuple(words[a:b])) for item, (a, b) in zip(items, genes, strict=True)]
        known = [item for item in items if item]
        if len(genes) + bool(other) < 2 and not (suffix[0] in _QUALIFIERS and len(suffix) > 1):
            return None  # one gene: its own name, unless a qualifier stood between ("ALK-targeted inhibitor")
        if len(known) < len(items):
            return None  # a gene the class word does not fit: not one list
        if last + m < len(words) and _NARROWED_AFTER.match(text, toks[last + m - 1][2]):
            return None  # "EGFR or HER2 TKI with activity against exon 20 insertions": not every TKI of both genes
        tail = (_class_of(other, suffix) or UNNAMED_TARGET) if other else None
        return last + m, tuple(dict.fromkeys([*known, *([tail] if tail else [])]))
    return None


# After the shared class word, words that narrow it to some of its drugs: "with activity against exon 20 insertions",
# "active against", "targeting", "selective for", "that inhibit(s) ...". Read as the whole class of every gene, the
# list banned every EGFR TKI (osimertinib) where only exon 20-active ones were meant.
_NARROWED_AFTER = re.compile(
    r"\s*,?\s*(?:\([^()]{0,40}\)\s*)?(?:(?:with|having|showing)\s+(?:\w+\s+){0,2}?(?:activity|efficacy)\s+(?:against|in|on)"
    r"|(?:active|selective|specific)\s+(?:against|for|to)|targeting|that\s+(?:target|inhibit)|which\s+(?:target|inhibit))\b",
    re.I,
)


@cache
def _gene_starts() -> frozenset[str]:
    """Every token a gene can start with in _gene_at: a gene_targets name's first token, a gene spelling as one token
    ("egfr"), or its letters before its digits ("ros" of "ros 1"). A list starts with a gene, so _suffix_lists tries
    only these tokens (a look-up, where _gene_at's tuple and alias look-ups cost a few microseconds a token)."""
    starts = {key[0] for key in _gene_verbs()[1]}
    for spelling in gene_aliases():
        low = spelling.lower()
        starts.add(low)
        letters = re.match(r"[a-z]+", low)
        if letters:
            starts.add(letters.group())
        elif low.isdigit():  # (two digit tokens: any first part)
            starts.update(low[:k] for k in range(1, len(low)))
    return frozenset(starts)


def _suffix_lists(text: str, toks: list[tuple[str, int, int]],
                  raw: list[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Lists of genes sharing one class word (_suffix_list_at): (first token, end token, classes)."""
    words = [t for t, _, _ in toks]
    covered = {k: first for first, end, _ in raw for k in range(first, end)}
    found: list[tuple[int, int, tuple[str, ...]]] = []
    starts = _gene_starts()
    i = 0
    while i < len(words):
        # No gene at i, no list from i (_suffix_list_at needs _gene_at(i) to find one).
        hit = _suffix_list_at(words, text, toks, i, covered) if words[i] in starts else None
        if hit is None:
            i += 1
            continue
        found.append((i, hit[0], hit[1]))
        i = hit[0]
    return found


def find_mentions(text: str, egfr_trial: bool = False) -> list[Mention]:
    """Drugs and classes named in normalised text, in order, EGFR TKI generations resolved.

    In an EGFR trial (`egfr_trial`) a bare "third-generation TKI" is an EGFR TKI."""
    singles, pairs, firsts = _openings()
    words = _TOKEN.findall(text)
    if singles.isdisjoint(words) and (firsts.isdisjoint(words)
                                      or pairs.isdisjoint(zip(words, words[1:], strict=False))):
        return []  # no word or pair of words opens a drug or class name (most sentences): nothing to scan
    toks = tokens(text)
    raw = _scan(text, toks)
    lists = _suffix_lists(text, toks, raw) if _LIST_CUE.search(text) else []
    if lists:
        # A vocabulary phrase that holds the list and goes on past it ("EGFR directed small molecules or antibodies")
        # is the longer name: it stands.
        lists = [lst for lst in lists if not any(first <= lst[0] and end > lst[1] for first, end, _ in raw)]
    if lists:
        raw = [r for r in raw if not any(a <= r[0] < b for a, b, _ in lists)]
    by_start = {first: (end, item) for first, end, item in raw}
    mentions: list[Mention] = []
    skip_until = -1
    # Both "generation" and "gen" hold "gen": without it the walk over the tokens finds nothing.
    for k, (tok, _, _) in enumerate(toks if "gen" in text else ()):
        if tok not in ("generation", "gen") or k <= skip_until:
            continue
        gens, first = _generations_before(toks, k)
        if not gens:
            continue
        more, k = _generations_after(toks, k)
        gens |= more
        for ahead in range(k + 1, min(k + 5, len(toks))):
            if ahead in by_start:
                end, item = by_start[ahead]
                if item in _EGFR_FAMILY and (item != "c:tki" or _names_egfr(egfr_trial, toks, raw)) or (
                        item == "c:alk_tki" and gens <= _ALK_GENERATIONS.keys()):
                    classes = _ALK_GENERATIONS if item == "c:alk_tki" else _GENERATION_CLASSES
                    items = tuple(classes[n] for n in sorted(gens))
                    mentions.append(Mention(toks[first][1], toks[end - 1][2], items))
                    del by_start[ahead]
                    skip_until = end
                break
    for first, (end, item) in by_start.items():
        if toks[end - 1][0] == "cytotoxic" and end < len(toks) and toks[end][0] in _IMMUNE_CELL_WORDS:
            continue  # "cytotoxic T lymphocyte-associated protein 4" (CTLA-4) is no chemotherapy
        items = (item,)
        if toks[first][0] in _gene_verbs()[0]:
            items, end = _more_genes(text, toks, items, end)
        mentions.append(Mention(toks[first][1], toks[end - 1][2], items))
    mentions += [Mention(toks[first][1], toks[end - 1][2], items) for first, end, items in lists]
    mentions.sort(key=lambda m: m.start)
    if "containing" in text or "based" in text:
        mentions = _contained_in_chemotherapy(text, mentions)
    if "target" in text or "directed" in text or any(m.items == ("c:tki",) for m in mentions):
        mentions = _targets_named(text, mentions)
    if "target" in text or "directed" in text or "inhibitor" in text or "aimed" in text:
        mentions = _target_examples(text, _inhibited_targets(text, mentions))
    if _CARRIER_CUE.search(text):
        mentions = _carried_targets(text, mentions)
    if "(" in text and ("line" in text or "regimen" in text):
        mentions = _line_examples(text, mentions)
    if len(mentions) > 1 and any(m.items == ("c:tki",) for m in mentions):
        mentions = _gene_to_bare_tki(text, mentions)
    return _target_forms(text, mentions) if "antibod" in text or "conjugate" in text or "adc" in text else mentions


# "cytotoxic-containing chemotherapy", "taxane-based chemotherapy": one chemotherapy named by the class it holds, not
# two treatments (a count of its lines must keep its class). A drug ("carboplatin-based") may stand for its class:
# left as it was.
_HOLDING = re.compile(r"[\s-]*(?:containing|based)[\s-]+")
_CHEMOTHERAPY = ("c:chemotherapy",)


def _contained_in_chemotherapy(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with "X-containing chemotherapy" joined into one mention of X (see above)."""
    out: list[Mention] = []
    for mention in mentions:
        if out and mention.items == _CHEMOTHERAPY and all(i.startswith("c:") for i in out[-1].items) \
                and _HOLDING.fullmatch(text, out[-1].end, mention.start):
            out[-1] = Mention(out[-1].start, mention.end, out[-1].items)
            continue
        out.append(mention)
    return out


# "First-line therapy (including chemotherapy, immunotherapy, chemotherapy with targeted therapy, etc.)", "one prior
# line of systemic therapy (e.g., chemotherapy or immunotherapy)": a bracket of examples after a line or regimen
# illustrates the line; its classes are not the only treatment that counts. ("(including a platinum doublet)" with
# no "etc." may say what the regimens must include: kept.)
_LINE_THEN_BRACKET = re.compile(r"\b(?:lines?|regimens?)(?:\s+of)?(?:\s+[a-z-]+){0,3}?\s*\(")
_EXAMPLES_LEAD = re.compile(r"\s*(?:e\.?\s?g\b\.?|such\s+as\b|for\s+example\b)")


def _line_examples(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions without the examples in a bracket right after a line or regimen of therapy (see above)."""
    for bracket in _LINE_THEN_BRACKET.finditer(text):
        close = text.find(")", bracket.end())
        end = close if close >= 0 else len(text)
        if not (_EXAMPLES_LEAD.match(text, bracket.end()) or re.search(r"\betc\b", text[bracket.end():end])):
            continue
        inside = [m for m in mentions if bracket.end() <= m.start < end]
        if not inside:
            continue
        mentions = [m for m in mentions if m not in inside]
        if not any(bracket.start() <= m.start < bracket.end() for m in mentions):
            # No class named before the bracket ("first-line therapy (...)"): the line is of any systemic therapy.
            mentions = sorted([*mentions, Mention(inside[0].start, inside[-1].end, ("c:systemic",))],
                              key=lambda m: m.start)
    return mentions


# "A chemotherapeutic agent targeting topoisomerase I", "an ADC with a topoisomerase I inhibitor payload",
# "topoisomerase I inhibitor-containing ADC": a form (chemotherapy, ADC, antibody) narrowed by what it contains or
# targets names the drugs of that target only (no ban on every chemotherapy or every ADC). A chemotherapy form adds
# nothing to a target class (its drugs are cytotoxics or carry one); an antibody form keeps the drugs that are both.
_CARRIER_FORMS = frozenset({"c:chemotherapy", "c:adc", "c:biologic", "c:biological"})
_CARRIER_CUE = re.compile(r"targeting|directed|aimed|targets?\b|contain|carr(?:y|ies|ying)|bear|payload|conjugated"
                          r"|loaded|armed|linked")
_FORM_THEN_CARRIED = re.compile(
    r"\s*\)?\s*,?\s*(?:(?:that|which)\s+)?(?:contains?|containing|carr(?:y|ies|ying)|bears?|bearing|conjugated\s+"
    r"(?:to|with)|linked\s+to|loaded\s+with|armed\s+with|(?P<with>with))\s+(?:an?\s+|the\s+)?")
_HEAD_NOUN = re.compile(r"\s*(?:(?:drugs?|agents?|medications?|compounds?|therap(?:y|ies)|treatments?|regimens?)\s*)?")
_PAYLOAD_AFTER = re.compile(r"[\s-]*(?:based\s+|derived\s+)?(?:payloads?|warheads?)\b")
_CARRIED_THEN_FORM = re.compile(r"[\s-]*(?:containing|bearing|based|payload)[\s-]+(?:(?:antibody|monoclonal)[\s-]+)?")
# "Any agent, including an ADC, containing ...": the ADC is an example of the agent, which is the target's class.
_EXAMPLE_OF_AGENT = re.compile(r"(?:agents?|drugs?|therap(?:y|ies)|treatments?|compounds?|medications?|molecules?)"
                               r"\s*[,(]?\s*(?:including|such\s+as|e\.?g\.?,?|for\s+example)\s+(?:an?\s+)?$")


def _carried(mention: Mention, form: Mention, example: bool) -> Mention:
    """The target mention narrowed by its form (`example`: the form only illustrates a wider agent)."""
    start, end = min(form.start, mention.start), max(form.end, mention.end)
    if example or set(form.items) <= {"c:chemotherapy"}:
        return Mention(start, end, mention.items)
    return Mention(start, end, _drugs_both(form.items, mention.items))


def _carried_targets(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a form and the target it carries or is aimed at joined into one (`_carried`)."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if last is None or not _target_class(mention) and not _target_class(last):
            out.append(mention)
            continue
        if set(last.items) <= _CARRIER_FORMS and _target_class(mention):
            joined = _FORM_THEN_CARRIED.match(text, last.end)
            aimed = _TARGETING.match(text, mention.start) and _HEAD_NOUN.fullmatch(text, last.end, mention.start)
            if aimed or (joined and joined.end() == mention.start
                         and (not joined.group("with") or _PAYLOAD_AFTER.match(text, mention.end))):
                # the same form written twice ("antibody drug conjugate (ADC)") goes with it
                while len(out) > 1 and out[-2].items == last.items and out[-2].end + 8 >= last.start:
                    out.pop()
                    last = Mention(out[-1].start, last.end, last.items)
                out[-1] = _carried(mention, last, bool(_EXAMPLE_OF_AGENT.search(text, 0, last.start)))
                continue
        if _target_class(last) and set(mention.items) <= _CARRIER_FORMS - {"c:chemotherapy"} \
                and _CARRIED_THEN_FORM.fullmatch(text, last.end, mention.start):
            out[-1] = _carried(last, mention, False)
            continue
        out.append(mention)
    return out


# "Antibody-drug conjugates (either) targeting c-Met", "anti-MET monoclonal antibodies": a form and a target in one
# noun phrase name the drugs that are both, not every drug of the form nor every drug of the target (capmatinib is a
# MET inhibitor but no antibody).
_FORM_CLASSES = frozenset({"c:adc", "c:biologic", "c:biological"})
_FORM_THEN_TARGET = re.compile(r"[\s,]*(?:(?:either|that\s+are|which\s+are|all|any)\s+)?")
_TARGET_THEN_FORM = re.compile(r"[\s-]*(?:(?:targeted|directed|targeting)[\s-]+)?")
_ANTIBODY = re.compile(r"(?:monoclonal\s+)?antibod|adcs?\b|antibody[\s-]+drug")


@cache
def _drugs_both(forms: tuple[str, ...], targets: tuple[str, ...]) -> tuple[str, ...]:
    """Drugs of one of the target classes and one of the forms; for the antibody forms (biologic) any drug of the
    target that is not a small molecule (no TKI). UNNAMED_TARGET when the vocabulary knows none."""
    wanted = {item.partition(":")[2] for item in targets}
    shapes = {item.partition(":")[2] for item in forms}
    out = []
    for generic in load("drugs")["drugs"]:
        classes = drugs.classes_of(generic)
        if not wanted & classes:
            continue
        if shapes & classes or (shapes & {"biologic", "biological"} and "tki" not in classes):
            out.append(f"d:{generic}")
    return tuple(out) or (UNNAMED_TARGET,)


def _target_class(mention: Mention) -> bool:
    return all(item.startswith("c:") and item not in GENERIC_CLASSES and item not in _FORM_CLASSES
               and item != SYSTEMIC for item in mention.items)


def _target_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a form and its target joined into one (`_drugs_both`)."""
    out: list[Mention] = []
    if "antibod" in text:
        mentions = sorted([*mentions, *_targeted_antibodies(text, mentions)], key=lambda m: m.start)
    tail = -1  # where the antibody words after a narrowed target end
    for mention in mentions:
        last = out[-1] if out else None
        if (conjugate := _conjugate_of_antibody(text, mention)) is not None:
            out.append(conjugate)
            continue
        if last is not None and _target_class(mention) and set(last.items) <= _FORM_CLASSES \
                and _FORM_THEN_TARGET.fullmatch(text, last.end, mention.start) \
                and _gene_verbs()[0] & {tok for tok, _, _ in tokens(text[mention.start:mention.end])[:1]}:
            out[-1] = Mention(last.start, mention.end, _drugs_both(last.items, mention.items))
            continue
        if last is not None and _target_class(last) and set(mention.items) <= _FORM_CLASSES \
                and _TARGET_THEN_FORM.fullmatch(text, last.end, mention.start) \
                and _ANTIBODY.match(text, mention.start):
            out[-1] = Mention(last.start, mention.end, _drugs_both(mention.items, last.items))
            continue
        if set(mention.items) <= _FORM_CLASSES and (gene := _GENE_TARGETED.search(text, max(0, mention.start - 30),
                                                                                  mention.start)):
            # "HER2-targeted ADC": the ADCs against HER2, not every ADC.
            if mention.items == ("c:adc",) and (aimed := _aimed_conjugates(text, gene.start("gene"))) is not None:
                # "HER3-directed ADC", "TROP2- or Nectin-4-targeted ADC": the ADCs against those targets only.
                out.append(Mention(aimed[0], mention.end, aimed[1]))
                continue
            target = _target_classes().get(" ".join(_key(gene.group("gene"))))
            if target:
                out.append(Mention(gene.start("gene"), mention.end, _drugs_both(mention.items, (target,))))
                continue
        if last is not None and set(mention.items) <= _FORM_CLASSES and tail >= mention.start:
            out[-1] = Mention(last.start, mention.end, last.items)  # "anti-MET monoclonal antibody": one name
            continue
        tail = -1
        if _target_class(mention) and len(mention.items) == 1 and _mixed(mention.items[0]):
            after = _ANTIBODY_AFTER.match(text, mention.end)
            own = _OWN_ANTIBODY.search(text, mention.start, mention.end)
            if own and _BOTH_FORMS.search(text, mention.start, mention.end):
                own = None  # "EGFR directed small molecules or antibodies": both forms, the whole class
            if after or own:
                # "anti-HER2 antibody", "MET-targeted antibodies", "HER2-targeted antibody-drug conjugate": the
                # antibodies (or ADCs) against the target, no small molecule of it.
                adc = _DRUG_CONJUGATE.match(text, after.end() if after else mention.end)
                out.append(Mention(mention.start, mention.end,
                                   _drugs_both(("c:adc",) if adc else ("c:biologic",), mention.items)))
                tail = after.end() if after else mention.end
                continue
        out.append(mention)
    return out


_OWN_ANTIBODY = re.compile(r"antibod\w*$")
_BOTH_FORMS = re.compile(r"\b(?:small[\s-]+molecules?|tkis?|kinase\s+inhibitors?)\s+(?:or|and|and/or)\b")
# "c-Met-targeted antibodies", "MET directed antibody": no name of the vocabulary, the target written before.
_TARGETED_ANTIBODY = re.compile(r"(?P<gene>\b[a-z][a-z0-9]{0,8}(?:-[a-z0-9]{1,4})?)[\s-]+(?:targeted|directed)[\s-]+"
                                r"(?:monoclonal\s+)?antibod\w*")


def _targeted_antibodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions for "<target>-targeted antibodies" where no mention stands (`_TARGETED_ANTIBODY`)."""
    out = []
    for found in _TARGETED_ANTIBODY.finditer(text):
        target = _target_classes().get(" ".join(_key(found.group("gene"))))
        if target and _mixed(target) and not any(m.start < found.end() and found.start() < m.end for m in mentions):
            out.append(Mention(found.start(), found.end(), _drugs_both(("c:biologic",), (target,))))
    return out


_DRUG_CONJUGATE = re.compile(r"\w*[\s-]+drug[\s-]+conjugate")
_ANTIBODY_END = re.compile(r"antibod\w*$")


def _conjugate_of_antibody(text: str, mention: Mention) -> Mention | None:
    """ "EGFR-directed antibody-drug conjugate", "an EGFR- or c-MET-directed antibody-drug conjugate": a target's
    antibody name the vocabulary reads ("EGFR-directed antibody") that goes on as a drug conjugate names the ADCs
    against the target(s) only: the form narrows the class, never widens it to the target's antibodies or TKIs."""
    if not _ANTIBODY_END.search(text, mention.start, mention.end) or not _target_class(mention):
        return None
    conjugate = _DRUG_CONJUGATE.match(text, mention.end)
    if conjugate is None:
        return None
    targets = tuple(dict.fromkeys(_antibody_target(item) for item in mention.items))
    return Mention(mention.start, conjugate.end(), _drugs_both(("c:adc",), targets))


@cache
def _antibody_target(item: str) -> str:
    """The target class an antibody class belongs to ("c:egfr_antibody" -> "c:egfr_targeted"); others as they are."""
    parents = load("drugs")["classes"].get(item.partition(":")[2], {}).get("parents", [])
    own = [p for p in parents if f"c:{p}" not in _FORM_CLASSES]
    return f"c:{own[0]}" if own and _FORM_CLASSES & {f"c:{p}" for p in parents} else item


@cache
def _mixed(item: str) -> bool:
    """Whether a target class holds small molecules (TKIs) beside antibodies: only then does "antibody" narrow it."""
    key = item.partition(":")[2]
    kinds = [("tki" in classes) for generic in load("drugs")["drugs"]
             if key in (classes := drugs.classes_of(generic))]
    return any(kinds) and not all(kinds)


# A target written with a suspended hyphen before the one joined to "-directed": "HER2- or HER3-directed",
# "TROP2-, Nectin-4- or B7-H3-targeted".
_SUSPENDED_TARGET = re.compile(r"(?P<gene>\b[a-z][a-z0-9]{1,8}(?:-[a-z0-9]{1,4})?)-\s*"
                               r"(?:,\s*|/\s*|\s+(?:or|and|and/or)\s+)$")


def _aimed_conjugates(text: str, start: int) -> tuple[int, tuple[str, ...]] | None:
    """Where the targets of "<target>(- or <target>)-directed ADC" start (the one joined at `start` and any written
    before it with a suspended hyphen), and the ADCs against them: a target the vocabulary classes gives its ADCs,
    one it does not gives UNNAMED_TARGET (a class of its own). None when the word joined at `start` names no
    target ("tumour-directed")."""
    words = [text[start:_TARGET_WORD_END.match(text, start).end()]]  # type: ignore[union-attr]
    if _ONE_LETTER_PREFIX.search(text, max(0, start - 3), start):
        start -= 2  # "c-MET-directed": the prefix is the target's
    first = start
    while (before := _SUSPENDED_TARGET.search(text, max(0, first - 30), first)) is not None:
        words.insert(0, before.group("gene"))
        first = before.start("gene")
    if any(word in _NOT_TARGET_NAMES or not any(ch.isalpha() for ch in word) for word in words):
        return None
    known = [_target_classes().get(" ".join(_key(word))) or _own_target_class(word) for word in words]
    found = [item for item in _drugs_both(("c:adc",), tuple(k for k in known if k)) if item != UNNAMED_TARGET] \
        if any(known) else []
    return first, tuple(dict.fromkeys([*found, *([UNNAMED_TARGET] if not all(known) else [])]))


def _own_target_class(word: str) -> str | None:
    """A target class the vocabulary names after the target itself ("trop2" -> "c:trop2_targeted"), or None."""
    key = re.sub(r"[^a-z0-9]", "", word) + "_targeted"
    return f"c:{key}" if key in load("drugs")["classes"] else None


_ONE_LETTER_PREFIX = re.compile(r"(?<![a-z0-9])[a-z]-$")
_TARGET_WORD_END = re.compile(r"[a-z0-9]{1,9}(?:-[a-z0-9]{1,4}(?=[\s-]+(?:targeted|directed|targeting)))?")
_GENE_TARGETED = re.compile(r"(?P<gene>[a-z][a-z0-9]{1,8}(?:-[a-z0-9]{1,4})?)[\s-]+(?:targeted|directed|targeting)"
                            r"[\s-]+$")
_ANTIBODY_AFTER = re.compile(r"[\s-]*(?:(?:targeted|directed)[\s-]+)?(?:monoclonal\s+)?antibod\w*")


def item_label(item: str) -> str:
    """Plain words for an item: "d:osimertinib" -> "osimertinib", "c:pd1_pdl1" -> "PD-1/PD-L1 inhibitor"."""
    kind, _, key = item.partition(":")
    return key if kind == "d" else drugs.class_label(key)


def items_label(items: list[str] | tuple[str, ...]) -> str:
    """Several items as "a, b or c"."""
    return _items_label(tuple(items))


@cache
def _items_label(items: tuple[str, ...]) -> str:
    labels = list(dict.fromkeys(item_label(i) for i in items))
    if len(labels) <= 1:
        return labels[0] if labels else "these treatments"
    return ", ".join(labels[:-1]) + " or " + labels[-1]
