"""Biomarker words of one sentence grouped into phrases, and each gene's share of them.

Tokens joined only by list words ("and", "or", ",", "/", "of", "including") form a phrase such as
"EGFR or HER2 exon 20 insertion mutations". Each gene in a phrase gets the alterations written after it
(or before it, or shared along a list), and a polarity: present, absent ("... wild-type") or merely
tested ("EGFR mutation status").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.biomarker.cues import (
    BACK_REFERENCE,
    LINK,
    STRUCTURE,
    WORD,
)


@dataclass
class Token:
    type: str  # gene alt kind driver pdl1 | negx negfor negverb neg postneg posmark test detection open other aswell
    key: str
    start: int
    end: int
    word: str = ""

    @property
    def says_positive(self) -> bool:
        """"mutation-positive", "ALK+": a word that closes a list of genes as present."""
        return self.type == "posmark" or (self.type == "kind" and self.word.lower().lstrip("-") in _POSITIVE_WORDS)


_POSITIVE_WORDS = frozenset({"positive", "positivity", "+", "fusion-positive", "mutated", "mutant", "mutants"})
_POSITIVE_ONLY = frozenset({"positive", "positivity", "+"})  # present, with no class of change said


ANCHORS = frozenset({"gene", "alt", "driver", "pdl1"})


def names_marker(text: str) -> bool:
    """A gene, alteration, driver or PD-L1 word in `text`: what every statement is built around."""
    # The tokens are remembered: the readers ask for them next.
    return vocab.may_name_anchor(text) and any(t.type in ANCHORS for t in _tokens(text))


def tokens(text: str) -> list[Token]:
    """Biomarker words and structure words in order; biomarker words win where they overlap."""
    return list(_tokens(text))


# Structure groups that only stand first in the pattern to win over another one: read as the type they are.
_SAME_TYPE = {"postneg_after": "postneg"}


@lru_cache(maxsize=8)  # read_sentence and read_pdl1 read the same sentence; tokens are never changed
def _tokens(text: str) -> tuple[Token, ...]:
    found: list[Token] = []
    keys = vocab.group_keys()
    for m in vocab.lex(text):
        kind, key = keys[m.lastgroup or ""]
        found.append(Token(kind, key, m.start(), m.end(), m.group(0)))
    found = _class_nouns(found, text)
    if not any(t.type in ANCHORS for t in found):
        return tuple(found)  # no gene, alteration, driver or PD-L1 word: structure words cannot matter
    found = _without_drug_resistance(found, text)
    words = len(found)
    i = 0  # both match lists are in text order: walk them together (linear, not pairwise)
    for m in STRUCTURE.finditer(text):
        while i < words and found[i].end <= m.start():
            i += 1
        if i < words and found[i].start < m.end():
            continue  # overlaps a biomarker word, which wins
        kind = m.lastgroup or ""
        found.append(Token(_SAME_TYPE.get(kind, kind), m.group(0).lower(), m.start(), m.end(), m.group(0)))
    found.sort(key=lambda t: t.start)
    return tuple(found)


# Between a class word and its noun: "druggable gene abnormalities", "targetable genomic changes".
_CLASS_GAP = re.compile(r"\s+(?:(?:gene|genomic|genetic|molecular|oncogenic)\s+)?$")


def _class_nouns(found: list[Token], text: str) -> list[Token]:
    """"druggable gene abnormalities", "actionable genetic aberrations", "targetable changes": a class word before a
    change noun, with no gene before them, names the driver class (as "actionable alterations" does), however the
    noun is worded. ("actionable EGFR mutation" names a gene: its change, not the class.)
    "genetic abnormalities with approved targeted drug therapy", "gene variants amenable to targeted therapy": a
    gene-less change noun whose treatment tail follows it names the same class."""
    out: list[Token] = []
    for tok in found:
        before = out[-1] if out else None
        if (before is not None and tok.type == "kind" and tok.key == "alteration" and before.type == "kind"
                and before.key == "actionable" and _CLASS_GAP.match(text, before.end, tok.start)
                and not (len(out) > 1 and out[-2].type in {"gene", "alt"})):
            out[-1] = Token("driver", "actionable", before.start, tok.end, text[before.start:tok.end])
            continue
        if before is not None and _noun_then_tail(out, tok, text):
            out[-1] = Token("driver", "actionable", before.start, tok.end, text[before.start:tok.end])
            continue
        out.append(tok)
    return out


# A change noun (not "positive", "altered", "+"), and a treatment tail after it (not the class word "actionable").
_CHANGE_NOUN = re.compile(r"(?:gen\w*\s+)?(?:abnormalit|aberration|alteration|mutation|variant|change)", re.I)
_TREATMENT_TAIL = re.compile(r"(?:with|for\s+which|amenable|that|having)\b", re.I)
# Between a gene and the class noun: "EGFR, ALK or other genomic alterations with approved targeted therapy".
_OTHER_BEFORE = re.compile(r"[\s,;/]*(?:(?:and|or|and/or)\s+)?(?:any\s+)?other\s+(?:\w+\s+)?$", re.I)


def _noun_then_tail(out: list[Token], tok: Token, text: str) -> bool:
    """Is `tok` a treatment tail ("with approved targeted ...", "for which approved targeted ...") right after a
    gene-less change noun? A noun after a gene is that gene's change ("EGFR mutation with approved targeted
    therapy"), unless "other" turns it to the rest of the class."""
    noun = out[-1]
    if not (tok.type == "kind" and tok.key == "actionable" and _TREATMENT_TAIL.match(tok.word)):
        return False
    if not (noun.type == "kind" and noun.key in {"alteration", "mutation"} and _CHANGE_NOUN.match(noun.word)):
        return False
    if text[noun.end:tok.start].strip():
        return False
    rest = out[:-1]
    if rest and rest[-1].type == "kind" and rest[-1].key in {"activating", "sensitizing"}:
        rest = rest[:-1]  # "activating mutations with approved targeted therapy": the class, qualified
    elif rest and rest[-1].type == "kind":
        return False
    if rest and rest[-1].type in {"gene", "alt"}:
        return _OTHER_BEFORE.match(text, rest[-1].end, noun.start) is not None
    return True


# "EGFR mutation, with acquired resistance to osimertinib", "osimertinib-resistant EGFR-mutant NSCLC", "ALK fusion
# and TKI resistance", "any resistance mechanism": resistance TO A DRUG is the treatment history (or how it came
# about), not a second (acquired) change of the gene.
# "acquired resistance mutation T790M", "osimertinib resistance mutations" still name a change (kept).
_RESISTANCE_WORDS = frozenset({"resistance", "resistant"})
_TO_THERAPY_AFTER = re.compile(
    r"\s*(?:(?:or|and|and/or|/)\s*(?:intoleran(?:t|ce)|refractory|progressed|progression)\s+)?"
    r"(?:to|on|against|towards?|after|following|upon|during|mechanisms?)\b", re.I)
_THERAPY_BEFORE = re.compile(
    r"(?:\b(?!non-)[A-Za-z0-9]+-|\b(?:DRUG|TKIs?|inhibitors?|therap(?:y|ies)|treatments?|drugs?|agents?|chemotherapy"
    r"|[a-z]{3,}(?:inib|mab|ib))\s+)$", re.I)
_CHANGE_KINDS = frozenset({"mutation", "alteration"})


def _names_change_next(found: list[Token], index: int, text: str) -> bool:
    """"resistance mutation", "TKI resistance alterations": the next word, right after, is a change word."""
    if index + 1 >= len(found):
        return False
    nxt = found[index + 1]
    close = len(text[found[index].end: nxt.start].strip(" -")) == 0
    return close and nxt.type == "kind" and nxt.key in _CHANGE_KINDS


def _without_drug_resistance(found: list[Token], text: str) -> list[Token]:
    """Drop "resistance" / "resistant" (and an "acquired" right before) that say resistance to a drug."""
    drop: set[int] = set()
    for i, tok in enumerate(found):
        if tok.type != "kind" or tok.key != "acquired" or tok.word.lower() not in _RESISTANCE_WORDS:
            continue
        to_drug = bool(_TO_THERAPY_AFTER.match(text, tok.end)) or bool(_THERAPY_BEFORE.search(text[:tok.start][-40:]))
        if not to_drug or _names_change_next(found, i, text):
            continue
        drop.add(i)
        prev = found[i - 1] if i else None
        if prev and prev.type == "kind" and prev.key == "acquired" and not text[prev.end: tok.start].strip():
            drop.add(i - 1)  # "acquired resistance to osimertinib"
    return [t for i, t in enumerate(found) if i not in drop] if drop else found


_BY = re.compile(r"\b(?:by|per|using|via)\b", re.I)


# "L858R mutation (local test)", "ALK fusion (tissue, central test)", "(plasma or tissue NGS test)": a bracket that
# opens right after the finding and says only how or where it was found.
_ASIDE_HOW = re.compile(
    r"\s*\(\s*(?:(?:tissue|plasma|blood|local(?:ly)?|central(?:ly)?|archival|fresh|NGS|PCR|FISH|IHC|ctDNA|or|and"
    r"|approved|validated|certified|CLIA|laboratory|lab|based)[\s,/\-]*){0,5}",
    re.I,
)


def _finding_found_by(current: list[Token], text: str, test: Token) -> bool:
    """"EGFR PACC mutation by local testing": the test says how a finding was made; it does not make the finding a
    mere test. Only after a change the phrase names (a gene with a class, an alteration or a driver class), or after
    bare genes a negation stands before."""
    gap = text[current[-1].end: test.start]
    if not _BY.search(gap) and not _ASIDE_HOW.fullmatch(gap) and not _ON_TEST.fullmatch(gap):
        return False
    if any(t.type in {"alt", "kind", "driver"} for t in current) and current[-1].type in {"alt", "kind", "driver"}:
        return True  # "... actionable genomic alterations by local test" too
    if current[0].type == "gene" and _MUTATION_WORD.search(current[0].word) and all(t.type == "gene" for t in current):
        # "RAS mutation (KRAS, NRAS or HRAS) per local assessment": a family named with its change ("RAS mutation"
        # is one gene word), then its members; the change is named, so the test says how it was found
        return True
    # "negative for EGFR and ALK by local test": bare genes after a negation are a finding too (absent), not a test
    return current[-1].type == "gene" and bool(_NEGATION_BEFORE.search(text[max(0, current[0].start - 30):
                                                                             current[0].start]))


# "ALK fusion on tissue testing", "EGFR mutation from a plasma test": a few words of sample or place before the test
_ON_TEST = re.compile(r"\s+(?:on|from)\s+(?:(?:an?|the|a\s+local|local|central|tissue|plasma|blood|tumou?r|ctDNA|NGS"
                      r"|archival|biopsy|prior|previous)\s+){0,3}", re.I)
_NEGATION_BEFORE = re.compile(r"\b(?:negative\s+for|without|free\s+of|absence\s+of|lack\s+of|no)\s+$", re.I)


def words(gap: str) -> list[str]:
    return [w.lower() for w in WORD.findall(gap)]


_ASIDE_TEST_OF = re.compile(r"\s+(?:of|for)\b", re.I)
_BREAK = re.compile(r"[.;:]|\)\s*\(")  # ")(" starts a new aside
_MUTATION_WORD = re.compile(r"mutat|mutant|alteration", re.I)


# "EGFR and ALK must be (known) wild-type", "ROS1 status should be documented as negative": the verb between the
# genes and the word that makes them absent still belongs to one statement; "EGFR and ALK have been tested negative":
# the tense does not change what is said.
# "EGFR and ALK are required to be negative": "required" too (without it the genes were asked for).
_BEFORE_NEGATIVE = LINK | frozenset("must should shall will need needs to been being have has had documented confirmed "
                                    "proven shown tested reported as proved verified determined found detected "
                                    "required".split())
# "EGFR and ALK were confirmed to be negative", "... detected as negative": the verb that would say present on its own
# only leads to the word that says absent.
_LEADS_TO_NEGATIVE = frozenset({"confirmed", "detected"})
_TO_NEGATIVE_GAP = frozenset("to be been as all both".split())


# "EGFR and ALK status ..., which must be negative", "gene test results, which should be negative": a relative clause
# after the tested genes says what the result must be. Bounded, letters and commas only.
_WHICH_NEGATIVE = re.compile(
    r"[\w\s,]{0,40}?\b(?:which|that)\s+(?:must|should|shall|will|is|are|were|was|has|have)\s+(?:to\s+)?"
    r"(?:be\s+|been\s+)?(?:(?:confirmed|proven|proved|documented|shown|reported)\s+)?(?:as\s+|to\s+be\s+)?",
    re.I,
)


def _leads_to_negative(toks: list[Token], index: int, text: str) -> bool:
    tok = toks[index]
    if tok.type != "posmark" or tok.key not in _LEADS_TO_NEGATIVE or index + 1 >= len(toks):
        return False
    nxt = toks[index + 1]
    return nxt.type == "postneg" and _tight(text[tok.end: nxt.start], _TO_NEGATIVE_GAP)


_COLON_GAP = re.compile(r"\s*:\s*")

# "Epidermal growth factor receptor (EGFR), <any name> (ALK), and ROS1, receptor tyrosine kinase of the insulin
# receptor family (ROS-1) negative", "ROS1 (c-ros oncogene 1, a member of the insulin receptor family) wild-type": a
# gene's spelt-out name or description beside its bracketed symbol holds words the vocabulary does not know, and they
# must not cut a list of genes from the word that closes it. Such a gap has a bracket, no full stop, semicolon or
# colon, and no word that opens a clause of its own (a verb, a patient, a treatment, a cohort).
_NAME_GAP_BREAK = re.compile(r"[.;:%<>=]")
_NOT_A_NAME = frozenset(
    "must should shall will would may can could cannot has have had having is are was were be been being do does did "
    "patient patients participant participants subject subjects people those who whose whom which that if unless "
    "except when where while after before prior previous previously treated treatment treatments therapy therapies "
    "received receive drug drugs tki tkis inhibitor inhibitors agent agents cohort cohorts arm arms part parts group "
    "groups stage phase only required optional allowed permitted eligible ineligible excluded included enrolled "
    "disease cancer cancers tumor tumors tumour tumours nsclc histology squamous adenocarcinoma no not nor".split()
)


def _name_aside(current: list[Token], gap: str) -> bool:
    """The gap after a list of bare genes is a name or description of one of them, not a clause (see above)."""
    if "(" not in gap and ")" not in gap or len(gap) > 120 or _NAME_GAP_BREAK.search(gap):
        return False
    if not all(t.type == "gene" for t in current):
        return False
    found = words(gap)
    return len(found) <= 14 and not any(w in _NOT_A_NAME for w in found)


# "activating HER2 mutation in the kinase domain (including exon 20 insertions)": where in the protein the change
# lies; the example after it is still that gene's. Not "in the kinase domain of exons 18, 19, 20 or 21": what
# follows "of" spells out the location, and is not one example to narrow the gene's change to.
_DOMAIN = re.compile(
    r"\b(?:in|within|of)\s+(?:the\s+)?(?:tyrosine\s+)?kinase\s+domain\b(?!\s+(?:of|in)\b)", re.I)


def _tight(gap: str, allowed: frozenset[str] = LINK) -> bool:
    """Only list words and punctuation between two tokens of one phrase."""
    if len(gap) > 40 or _BREAK.search(gap):
        return False
    if "domain" in gap.lower():
        gap = _DOMAIN.sub(" ", gap)
    if _UNKNOWN_LISTED_GENE.search(gap):
        # "NRG1, EGFR, HER2 or HER4 gene fusion": a gene symbol the vocabulary lacks, listed with the others, keeps
        # the list one phrase, so the trailing noun reaches every gene
        gap = _UNKNOWN_LISTED_GENE.sub(" or ", gap)
    return all(w in allowed or w.isdigit() for w in words(gap))


# A list item that looks like a gene symbol the vocabulary does not know (capitals with a digit: HER4, FGFR1), after a
# list word, with an optional "gene" after it.
_UNKNOWN_LISTED_GENE = re.compile(r"(?:,\s*|\b(?:or|and|and/or)\s+)[A-Z]{2,6}\d{1,2}(?:\s+genes?)?(?=\s|$)")


# ---- phrases and atoms --------------------------------------------------------------------------

PHRASE_TYPES = {"gene", "alt", "kind", "driver", "postneg", "posmark", "test", "detection", "open", "other"}
_QUALIFIERS = ("sensitizing", "activating", "common", "uncommon", "pacc", "acquired", "actionable")
_CLASSES = ("fusion", "amplification", "overexpression", "expression", "low", "mutation", "dysregulation")
# Protein expression is a marker in its own right only for these genes; "expression of EGFR, ALK ... in a
# genetic test" means the alteration. Any level ("HER2-expressing, IHC 1+ or more", "HER2-low") is not
# overexpression: a tumour tested without a driver may still show some.
_EXPRESSION_GENES = frozenset({"MET", "ERBB2", "ERBB3"})
_SEPARATE_CLASSES = ("fusion", "amplification", "overexpression", "expression", "low", "dysregulation")
# Not "(including but) not limited to": it opens the examples of a head that is named, not the list of what is asked.
OPEN_ENDED = frozenset({"etc", "and so on", "or other"})
# Alteration keys that name a whole exon, not one change: a qualifier beside them narrows them.
EXON_CLASSES = frozenset({"exon18", "exon20", "exon21", "exon20point"})


@dataclass
class Occurrence:
    """One gene (or one alteration standing alone) in a phrase, with what is said about it and where."""

    gene: str | None
    gene_pos: int = -1
    alts: list[tuple[str, int]] = field(default_factory=list)
    kinds: list[tuple[str, int]] = field(default_factory=list)
    polarity: str = ""  # "+", "-", "test"
    other: bool = False
    or_other: bool = False  # "ex20ins, or other EGFR mutations": other than the change before, or the trial's own
    positive: bool = False  # closed by "positive" / "+" ("HER2-positive"), not by "mutant"


@dataclass
class Statement:
    """What one sentence says: atoms that must be present (+) or absent (-)."""

    polarity: str
    atoms: list[dict[str, Any]]
    open: bool = False  # "... ALK fusion, RET fusion, etc.": the list is examples, not all
    known_only: bool = False  # "no known EGFR mutation": only a known finding counts, an untested tumour passes
    doubtful: bool = False  # one side of an "or" the clauses cannot hold together ("EGFR wild-type or PD-L1 >= 50%")


# The end of a driver class named by its therapy ("... with an approved targeted" + "therapy ("): the treatment noun,
# a comma or an opening bracket, nothing more.
_DRIVER_THERAPY_GAP = re.compile(
    r"\s*(?:(?:therap(?:y|ies)|treatments?|agents?|drugs?|inhibitors?|medications?)\b)?\s*[,(]?\s*", re.I)


def phrases(toks: list[Token], text: str) -> list[list[Token]]:
    phrases: list[list[Token]] = []
    current: list[Token] = []
    for index, tok in enumerate(toks):
        if _leads_to_negative(toks, index, text):
            continue
        if tok.type not in PHRASE_TYPES or (tok.type == "test" and current and _finding_found_by(current, text, tok)):
            if current:
                phrases.append(current)
            current = []
            continue
        gap = text[current[-1].end: tok.start] if current else ""
        if current and tok.type in {"test", "detection"} and "(" in gap and (
            _ASIDE_TEST_OF.match(text, tok.end) or _testing_note(toks, index, text)
        ):
            # "no BRAF alteration or other driver (testing for genes besides EGFR ... is not required)": the aside
            # about testing starts a phrase of its own; the finding before it is read whole.
            phrases.append(current)
            current = []
        if (current and tok.type == "open" and current[-1].type in {"driver", "kind"}
                and current[-1].key == "actionable" and _DRIVER_THERAPY_GAP.fullmatch(gap)):
            # "actionable alterations with an approved targeted therapy (e.g. ALK, RET)": the examples are the
            # driver class's, not a phrase of their own (which lost the class's negation and was asked for)
            current.append(tok)
            continue
        # "EGFR/ALK: negative" and "EGFR status, which must be negative" join their result word.
        if current and not _tight(gap, _BEFORE_NEGATIVE if tok.type == "postneg" and "," not in gap else LINK) \
                and not (tok.type == "postneg" and _COLON_GAP.fullmatch(gap)) and not _name_aside(current, gap) \
                and not (tok.type == "postneg" and current[-1].type == "test" and _WHICH_NEGATIVE.fullmatch(gap)):
            phrases.append(current)
            current = []
        current.append(tok)
    if current:
        phrases.append(current)
    # A phrase must name a gene, an alteration or a driver class to mean anything here.
    return [p for p in phrases if any(t.type in {"gene", "alt", "driver"} for t in p)]


# A word saying what was found in the genes ("No mutations in ...: EGFR, ALK", "ROS1-negative").
_CHANGE_WORD = re.compile(r"mutat|mutant|alteration|aberration|fusion|rearrang|wild|negative|positive|amplif|deletion"
                          r"|insertion|variant", re.I)


def _testing_note(toks: list[Token], index: int, text: str) -> bool:
    """"No mutations in the following genes: EGFR, ALK (testing required)": a bracket that opens with the test word
    and names no marker before it closes says how the finding is to be known; it is no test of the genes before it."""
    bracket = text.rfind("(", 0, toks[index].start)
    if bracket < 0 or text[bracket + 1: toks[index].start].strip(" -,").count(" ") > 2:
        return False  # only a few words ("local", "central NGS") before the test word inside the bracket
    close = text.find(")", toks[index].end)
    if close < 0 or not _CHANGE_WORD.search(text, 0, bracket):
        return False  # "EGFR and ALK (testing required)": genes with no change said of them are the test's own
    return not any(t.start < close for t in toks[index + 1:] if t.type in {"gene", "alt", "driver", "pdl1"})


@dataclass
class _Loose:
    """An alteration word seen before any gene in its phrase ("T790M negative", "19del or L858R")."""

    tok: Token
    other: bool
    polarity: str = ""
    tested: bool = False


def occurrences(phrase: list[Token], text: str = "", shared: bool = False) -> list[Occurrence]:
    """Share a phrase's alteration words out among its genes, and set each gene's polarity. With the phrase's
    `text`, a "negative" after a gene already closed as present is read for the alterations after it alone.
    `shared`: a list's trailing noun binds every bare gene before it (an asked list; see _inherit)."""
    occs: list[Occurrence] = []
    loose: list[_Loose] = []
    pending: list[Occurrence] = []
    tested: list[Occurrence] = []  # named just before a test word ("EGFR/ALK status")
    other_next = False
    or_other_at = -1  # where a gene named right after "or other" stands
    prefix_negative = False
    # Alterations given to a gene already closed as present ("EGFR-mutant, T790M ..."): a "negative" after them is
    # theirs alone ("EGFR mutation positive, T790M negative" asks for EGFR without T790M, not for T790M).
    late: list[tuple[Occurrence, Token]] = []

    def settle(polarity: str, word: str = "") -> None:
        for occ in pending:
            occ.polarity = occ.polarity or polarity if polarity == "+" else polarity
            occ.positive = occ.positive or word.lower().strip("-() ") in _POSITIVE_ONLY
        for item in loose:
            item.polarity = item.polarity or polarity if polarity == "+" else polarity
            item.tested = False
        pending.clear()
        tested.clear()

    for index, tok in enumerate(phrase):
        if tok.type == "gene":
            late.clear()
            occ = Occurrence(tok.key, tok.start, other=other_next, polarity="-" if prefix_negative else "")
            if _MUTATION_WORD.search(tok.word):  # "RAS mutation" is one gene word
                occ.kinds.append(("mutation", tok.start))
            other_next = False
            if not occs and loose:
                # "T790M mutation and/or MET amplification": words after another gene's alteration are its own.
                fits = [i for i in loose if i.tok.type == "alt" and _alt_fits(i.tok.key, tok.key)]
                foreign = any(i.tok.type == "alt" and i not in fits for i in loose)
                _give(occ, [i.tok for i in loose if (i.tok.type == "kind" and not foreign) or i in fits], occs)
                if any(i.polarity == "-" for i in fits) and not occ.polarity:
                    occ.polarity = "-"
                loose = [i for i in loose if i.tok.type == "alt" and i not in fits]
            occs.append(occ)
            pending.append(occ)
        elif tok.type in {"alt", "kind"}:
            if tok.says_positive:  # "mutation-positive", "ALK+", "EGFR-mutant": closes a list as present
                settle("+", tok.word)
                if tok.key != "mutation":
                    continue  # "positive" names no class of change
            if (text and tok.type == "alt" and index and phrase[index - 1].type == "postneg" and occs
                    and occs[-1] not in pending
                    and _OR_AFTER_NEGATIVE.fullmatch(text, phrase[index - 1].end, tok.start)):
                # "EGFR wild-type or exon 20 insertion": the change after "or" is the other way in, not one more
                # change said absent (read so, the exon 20 carriers were the ones excluded)
                loose.append(_Loose(tok, other_next, ""))
            elif occs and (tok.type == "kind" or _alt_fits(tok.key, occs[-1].gene or "")):
                if text and tok.type == "alt" and occs[-1].polarity == "+" and occs[-1] not in pending:
                    if _RUN_BREAK.search(text[phrase[index - 1].end: tok.start]):
                        late.clear()  # "EGFR-mutant (ex19del or L858R), T790M-negative": only the run after it
                    late.append((occs[-1], tok))
                _give(occs[-1], [tok], occs)
            else:
                loose.append(_Loose(tok, other_next, "-" if prefix_negative else ""))
            other_next = False if tok.type == "alt" else other_next
        elif tok.type == "postneg":
            if not occs and not loose:
                prefix_negative = True  # "wild-type EGFR and ALK"
            if late and not pending:
                _split_late(late, occs)
            settle("-")
        elif tok.says_positive:
            late.clear()
            settle("+", tok.word)
        elif tok.type == "test":
            tested.extend(pending)
            for item in loose:
                item.tested = item.tested or not item.polarity
        elif tok.type == "other":
            other_next = True  # "other EGFR mutations", "any other acquired EGFR exon 20 point mutation"
        elif tok.type in {"driver", "open"}:
            other_next = False  # "other drivers (eg, ALK, ROS1)": the named genes are not "other" ones
            if (tok.type == "open" and tok.key.endswith("other") and index + 1 < len(phrase)
                    and phrase[index + 1].type == "gene"):
                or_other_at = phrase[index + 1].start
    for item in loose:  # alterations with no gene of theirs stand for their own gene ("19del or L858R")
        if item.tok.type == "alt":
            polarity = "test" if item.tested and not item.polarity else item.polarity
            occs.append(Occurrence(None, item.tok.start, alts=[(item.tok.key, item.tok.start)], other=item.other,
                                   polarity=polarity))
    for occ in tested:
        if not occ.polarity:
            occ.polarity = "test"
    for occ in occs:
        occ.or_other = occ.gene_pos == or_other_at and occ.gene is not None and not occ.alts
    if text:
        _mark_back_references(occs, phrase, text)
    _inherit(occs, text, shared)
    return occs


def _mark_back_references(occs: list[Occurrence], phrase: list[Token], text: str) -> None:
    """A gene's class that points back at an earlier list ("EGFR exon 20 insertion, or other EGFR mutations not
    listed above") is "other" than that list: the changes the trial asks for are not in it (read so, a ban on every
    EGFR mutation excluded the cohorts' own exon 19 deletion carriers). Only a class with no named change of its
    own, whose noun the back-reference follows."""
    ends = {t.start: t.end for t in phrase}
    for occ in occs:
        if occ.gene is None or occ.alts or not occ.kinds or occ.other:
            continue
        end = max(ends.get(p, p) for _, p in occ.kinds)
        if BACK_REFERENCE.match(text, end):
            occ.other = True


_RUN_BREAK = re.compile(r"[,;()\[\]]")
# Between a gene's closing "negative" and a change named as the other way in: "or", "or with an", "or harbouring".
_OR_AFTER_NEGATIVE = re.compile(
    r"\s*,?\s*(?:and/)?or\s+(?:(?:an?|the|with|harbou?ring|having|carrying|has|have)\s+){0,3}", re.I)


def _split_late(late: list[tuple[Occurrence, Token]], occs: list[Occurrence]) -> None:
    """The late alterations leave their present gene as absent findings of their own."""
    for occ, tok in late:
        if (tok.key, tok.start) in occ.alts:
            occ.alts.remove((tok.key, tok.start))
            occs.append(Occurrence(None, tok.start, alts=[(tok.key, tok.start)], polarity="-"))
    late.clear()


def _give(occ: Occurrence, toks: list[Token], occs: list[Occurrence]) -> None:
    for tok in toks:
        if tok.type == "kind":
            occ.kinds.append((tok.key, tok.start))
        elif occ.gene is None or _alt_fits(tok.key, occ.gene):
            occ.alts.append((tok.key, tok.start))
        else:  # "EGFR ... V600E": the alteration brings its own gene
            occs.append(Occurrence(None, tok.start, alts=[(tok.key, tok.start)], polarity=occ.polarity))


def _alt_fits(alt: str, gene: str) -> bool:
    genes = vocab.alteration_genes(alt)
    return any(g in genes for g in vocab.expand_gene(gene))


# Between two genes of a bare list: the first gene's word, then only a separator ("NRG1, EGFR, HER2 or ...").
_BARE_LIST_GAP = re.compile(r"[\w\-]+\s*(?:[,/]\s*)?(?:(?:and/or|or|and)\s+)?", re.I)


def _inherit(occs: list[Occurrence], text: str = "", shared: bool = False) -> None:
    """"ALK or ROS1 rearrangements", "EGFR, ALK gene wild type": a bare gene shares its neighbour's words. In a
    bare list ("NRG1, EGFR, HER2 or HER4 gene fusion") the trailing noun is every gene's, even one whose usual
    change is not that kind (an EGFR fusion, not any EGFR change); "EGFR gene and ALK fusion" keeps it ALK's.
    `shared`: read that way (asked lists only: a ban "no EGFR, ALK or ROS1 rearrangements" loosely means any EGFR
    change, and read narrowly would miss the exclusions it means)."""
    genes = [o for o in occs if o.gene is not None]
    for i in range(len(genes) - 2, -1, -1):
        if not genes[i].alts and not genes[i].kinds:
            nxt = genes[i + 1]
            bare = (shared and bool(text) and "-" not in {genes[i].polarity, nxt.polarity}
                    and _BARE_LIST_GAP.fullmatch(text, genes[i].gene_pos, nxt.gene_pos) is not None)
            genes[i].kinds = list(nxt.kinds) if bare and not nxt.alts else _fitting(nxt.kinds, genes[i].gene)
            genes[i].alts = [a for a in nxt.alts if _alt_fits(a[0], genes[i].gene or "")]
            if not genes[i].polarity:
                genes[i].polarity = nxt.polarity
    for i in range(1, len(genes)):
        if not genes[i].alts and not genes[i].kinds:
            genes[i].kinds = _fitting(genes[i - 1].kinds, genes[i].gene)


# "common EGFR activating mutations": several qualifiers on one gene narrow each other.
_NARROWER_FIRST = ("pacc", "common", "uncommon", "sensitizing", "activating")


def _narrowest(qualifiers: list[str]) -> list[str]:
    if "common" in qualifiers and "uncommon" in qualifiers:
        # "activating EGFR mutation (common or uncommon)": together they narrow nothing
        qualifiers = [q for q in qualifiers if q not in {"common", "uncommon"}]
    for narrow in _NARROWER_FIRST:
        if narrow in qualifiers:
            return [narrow, *(q for q in qualifiers if q not in _NARROWER_FIRST)]
    return qualifiers


def _head_class(kinds_said: list[tuple[str, int]], gene_pos: int, open_positions: list[int]) -> list[str]:
    """"EGFR mutation, including uncommon mutations (G719X ...)": the class named before "including" / "e.g." is
    the whole asked for; a qualifier after it gives examples and narrows nothing. [] when no qualifier follows
    the list's opening ("rare EGFR mutations, including G719X" reads as before)."""
    first = next((o for o in sorted(open_positions) if o > gene_pos), None)
    if first is None:
        return []
    head = [k for k, p in kinds_said if p <= first]
    later = {k for k, p in kinds_said if p > first}
    if not head or {"common", "uncommon"} <= {k for k, _ in kinds_said} or not later & set(_QUALIFIERS):
        return []
    return _narrowest([k for k in head if k in _QUALIFIERS])[:1] or [k for k in head if k in _CLASSES][:1]


_FUSION_DRIVEN = frozenset({"ALK", "ROS1", "RET", "NTRK", "NTRK1", "NTRK2", "NTRK3", "NRG1"})


def _fitting(kinds: list[tuple[str, int]], gene: str | None) -> list[tuple[str, int]]:
    """Words shared along a list that suit this gene: "EGFR gene and ALK fusion" does not make an EGFR fusion."""
    if gene in _FUSION_DRIVEN:
        return [k for k in kinds if k[0] not in {"amplification", "overexpression", "expression", "low"}]
    return [k for k in kinds if k[0] != "fusion"]


_PROTEIN_WORDS = frozenset({"expression", "overexpression", "ihc"})


def _stain_read(occ: Occurrence) -> list[tuple[str, int]]:
    """The occurrence's classes with "IHC" / "immunohistochemistry" / "H-score" read. For a fusion gene the stain
    stands for the fusion ("ALK IHC positive"); beside a gene change it only says how it was found ("EGFR mutation by
    PCR or IHC"); alone or with "expression" it is the protein ("c-MET IHC positive (H-score >= 150)", "EGFR protein
    expression by IHC"), which a gene test does not settle: expression for genes read that way, else overexpression."""
    stain = [p for k, p in occ.kinds if k == "ihc"]
    if not stain:
        return occ.kinds
    rest = [(k, p) for k, p in occ.kinds if k != "ihc"]
    if occ.gene in _FUSION_DRIVEN:
        return rest or [("alteration", stain[0])]
    if occ.alts or any(k not in _PROTEIN_WORDS for k, _ in rest):
        return rest
    if occ.gene in _EXPRESSION_GENES:
        return rest if rest else [("expression", stain[0])]
    return [("overexpression", stain[0])]


def occurrence_atoms(occ: Occurrence, open_positions: list[int], or_other: list[int] | None = None
                     ) -> list[dict[str, Any]]:
    """The alteration classes one gene occurrence names, as check-ready atoms.

    `or_other`: where "or other" stands in the phrase; a class named after it, after the alterations, is one more
    alternative ("exon 19 deletion, L858R or other sensitising mutation")."""
    kinds_said = _stain_read(occ)
    if occ.gene in _EXPRESSION_GENES:
        pass
    else:  # "EGFR expression" in a genetic test: the alteration; "low" says nothing of a gene change
        kinds_said = [("alteration" if k == "expression" else k, p) for k, p in kinds_said if k != "low"]
    qualifiers = [k for k, _ in kinds_said if k in _QUALIFIERS]
    classes = [k for k, _ in kinds_said if k in _CLASSES]
    if "low" in classes:  # "HER2-low (IHC 1+ or 2+)": the IHC levels spell out the low level, not other ways in
        classes = [k for k in classes if k not in {"expression", "overexpression"}]
    within: list[str] = []  # qualifiers an exon class must also meet ("activating mutation in exon 18-21")
    if occ.alts:
        first_alt = min(p for _, p in occ.alts)
        kinds = [k for k, _ in occ.alts]
        # "MET amplification/METex14": a class named before the alteration is another alternative; after it too
        # for genes whose amplification or overexpression is a finding of its own ("MET exon 14 skipping or
        # amplification").
        kinds += [k for k, p in kinds_said
                  if k in _SEPARATE_CLASSES and (p < first_alt or occ.gene in _EXPRESSION_GENES)]
        if any(k in EXON_CLASSES for k, _ in occ.alts):
            within = _narrowest(qualifiers)[:1]
        # "EGFR mutations, e.g. exon 19 deletion": the named alterations are examples of the head.
        if occ.gene and any(occ.gene_pos < o < first_alt for o in open_positions):
            kinds += _head_class(kinds_said, occ.gene_pos, open_positions) + (qualifiers or classes or ["any"])
        later = [o for o in or_other or () if o > first_alt]
        if occ.gene and later:
            tail = [k for k, p in kinds_said if p > later[0]]
            kinds += [k for k in tail if k in _QUALIFIERS][:1] or [k for k in tail if k in _CLASSES][:1]
    elif qualifiers:
        kinds = _head_class(kinds_said, occ.gene_pos, open_positions) or _narrowest(qualifiers) or classes or ["any"]
    elif classes:
        kinds = classes
    elif any(k == "alteration" for k, _ in kinds_said):
        kinds = ["alteration"]
    elif occ.positive and occ.gene in _EXPRESSION_GENES:
        kinds = ["positive"]  # "HER2-positive": protein or gene copies, not clearly a mutation
    else:
        kinds = ["any"]
    atoms = []
    for kind in dict.fromkeys(kinds):
        gene_name = occ.gene
        if gene_name is None:
            if kind not in vocab.data()["alterations"]:
                continue
            gene_name = vocab.alteration_genes(kind)[0]
        for gene in vocab.expand_gene(gene_name):
            atom: dict[str, Any] = {"t": "alt", "gene": gene, "kind": kind}
            if within and kind in EXON_CLASSES:
                atom["within"] = within[0]
            if occ.other:
                atom["other"] = True
            elif occ.or_other:
                atom["or_other"] = True
            atoms.append(atom)
    return atoms
