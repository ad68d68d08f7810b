"""Read biomarker statements out of one sentence of trial text.

The sentence's phrases (phrases.py) become statements: atoms that must be present or absent.
This module decides which phrases are rules at all: "no ..." / "without ..." negate; "patients with
EGFR mutation must have received a TKI" and "prior treatment with EGFR inhibitors" are treatment
rules, dropped here; "EGFR mutation status", "tested for ALK" are tests; "(... are allowed)" widens.

Every regex used is a flat alternation or a bounded window, so the work is linear in the text length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import takewhile
from typing import Any

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.biomarker.cohorts import label_at_start
from trialmatch.criteria.rules.biomarker.cues import (
    ALLOWED_AFTER,
    CARRIER_GROUP_HEAD,
    CARRIER_GROUP_TAIL,
    CARRIER_RULE,
    CONDITION_BEFORE,
    CONTRAST,
    COOCCURRENCE,
    COOCCURRENCE_EXAMPLES,
    DRUG_CONTEXT_BEFORE,
    EXCEPT_BEFORE,
    EXCLUDING_SENTENCE,
    HISTOLOGY_CHANGE,
    HISTORY_PROGRESSION_BEFORE,
    HISTORY_SETTING_BEFORE,
    HISTORY_TRIGGER_BEFORE,
    HORMONE_RECEPTOR_BEFORE,
    LUNG_JOINED_BEFORE,
    METHOD_AFTER,
    MODAL_AFTER,
    NEG_FILLER,
    NEGX_FILLER,
    NOT_PERMISSION,
    OTHER_CANCER_AFTER,
    OTHER_CANCER_BEFORE_BRACKET,
    OTHER_CANCER_WITH_BEFORE,
    PERMISSION,
    PREFERRED_AFTER,
    PREFERRED_BEFORE,
    PROCEDURE_AFTER,
    PROGRESSION_AFTER_MARKER,
    RESULT_IN_CLAUSE,
    SAMPLE_LOGISTICS,
    SENTENCE_CONDITION,
    STUDY_NAME_AFTER,
    STUDY_NAME_BEFORE,
    TEST_BEFORE,
    THERAPY,
    THERAPY_AFTER,
    THERAPY_OPTION_WITH_BEFORE,
    TREATMENT_ASIDE_BEFORE,
    WAIVED_TEST,
    other_cancer_only,
)
from trialmatch.criteria.rules.biomarker.exceptions import examples_after_exception
from trialmatch.criteria.rules.biomarker.histology import histology_lead_end, nsclc_lead_end
from trialmatch.criteria.rules.biomarker.phrases import (
    ANCHORS,
    EXON_CLASSES,
    OPEN_ENDED,
    Occurrence,
    Statement,
    Token,
    names_marker,
    occurrence_atoms,
    occurrences,
    phrases,
    tokens,
    words,
)
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.vocabulary import ALLOW_WORD

_STOP = re.compile(r"[.;:]")
# "should not have a previously detected EGFR mutation": "previously" dates the finding, it names no treatment.
_PREVIOUSLY_FOUND = re.compile(
    r"\bpreviously\s+(?=(?:detected|identified|documented|confirmed|known|diagnosed|found|reported)\b)", re.I)


def negated_before(text: str, toks: list[Token], phrase_start: int) -> bool:
    """A negation word just before the phrase, with only filler words between ("no known EGFR")."""
    if _NEGATIVE_LEAD_IN.search(text, max(0, phrase_start - 160), phrase_start):
        return True  # "All of the following have been tested and are negative: EGFR ..., ALK ..."
    index = _index_before(toks, phrase_start)
    for tok in reversed(toks[max(0, index - 8): index]):  # a negation sits within a few words
        if tok.type in {"neg", "negfor", "negverb", "negx"}:
            gap = text[tok.end: phrase_start]
            # "None of the following (genomic alterations): EGFR, ALK"; "do not harbour any of the following: EGFR,
            # ALK", "negative for each of these: ...": the lead-in's negation governs every item of its list.
            lead_in = tok.word[:4].lower() == "none" or _NEGATED_LIST.search(gap) is not None or (
                tok.word.lower().endswith(" of") and _OF_LIST.match(gap) is not None)
            if lead_in:
                gap = _LEAD_IN_COLON.sub(" ", gap, count=1)
            if "previously" in gap:  # "not have a previously detected EGFR": when it was found, not a treatment
                tail = text[phrase_start: phrase_start + 12]  # the phrase may open with "detected"
                joined = _PREVIOUSLY_FOUND.sub(" ", gap + tail)
                gap = joined[: len(joined) - len(tail)]
            if _STOP.search(gap) or THERAPY.search(_CLASS_QUALIFIER.sub(" ", gap)):
                return False
            allowed = NEGX_FILLER if tok.type == "negx" else _LEAD_IN_FILLER if lead_in else NEG_FILLER
            return len(gap) <= 100 and all(w in allowed or w.isdigit() for w in words(gap))
        if tok.type == "driver" and _NEGATED_LIST.search(text[tok.end: phrase_start]):
            continue  # "no driver alteration in any of the following genes: EGFR, ...": the head names the class
        if tok.type in {"gene", "alt", "driver", "pdl1"}:
            return False
    return False


def negation_in_doubt(text: str, toks: list[Token], phrase_start: int) -> bool:
    """A negation a few words before the phrase ("without", "no", "negative for"), with words between that are not
    filler ("without targetable/oncogene driven mutations (i.e., EGFR ...)", "no other known AGAs, such as ROS1",
    "without a treatable driver"): whether it governs the phrase is unread, so the phrase is never read as required.
    A stop, a treatment word or another marker between them ends the negation's reach, as in negated_before."""
    index = _index_before(toks, phrase_start)
    for tok in reversed(toks[max(0, index - 8): index]):
        if tok.type in {"negfor", "neg"} and tok.word.lower() not in {"nor", "neither"}:
            gap = text[tok.end: phrase_start]
            # "Absence of documented tumour mutation results from tests done as local practice in any actionable
            # driver": a negation that opens a noun phrase ("absence of", "without", "free of") reaches further
            # than a bare "no", over the words that say how the result was found.
            chars, count = (140, 18) if tok.type == "negfor" else (80, 8)
            return (len(gap) <= chars and len(words(gap)) <= count and not _STOP.search(gap)
                    and not THERAPY.search(_CLASS_QUALIFIER.sub(" ", gap)) and not _DOUBT_STOP.search(gap))
        if tok.type in {"gene", "alt", "driver", "pdl1"}:
            return False
    return False


# Words that qualify a class of changes by its treatment ("without a treatable driver", "no druggable alteration"): they
# name no treatment the patient had, so they do not end a negation's reach as a treatment word does.
_CLASS_QUALIFIER = re.compile(r"\b(?:treatable|targetable|druggable|actionable)\b", re.I)


# Words that end a negation's reach before a marker ("no prior therapy; patients with EGFR ...", "not pregnant, and
# EGFR-positive"): a new clause or a group's own condition.
_DOUBT_STOP = re.compile(r"\b(?:and|but|who|whose|which|if|unless|except|or|plus|must|should|are|is|have|has)\b|[)]\s",
                         re.I)


_LEAD_IN_COLON = re.compile(r":\s*$")  # the list follows the lead-in's colon
# "No known mutations in the following genes: EGFR, ALK", "absence of known alterations in these genes: ...": the
# genes follow a lead-in that names the change first, and the negation governs each of them.
_NEGATED_LIST = re.compile(
    r"\b(?:(?:any|all|each|every|either)\s+of|in|of|affecting|involving|within)\s+(?:the\s+following|these|those)\b"
    r"[\w\s\-]{0,40}:\s*$", re.I
)
# "Absence of the following alterations: EGFR, ALK", "lack of these changes: ...": the "of" is the negation's own word
# ("absence of"), so the list's pointer follows it at once.
_OF_LIST = re.compile(r"\s*(?:the\s+following|these|those)\b[\w\s\-]{0,40}:\s*$", re.I)
# "All of the following have been tested and are negative: EGFR ...", "the genes below were found negative:", "Negative
# for the following:": a lead-in whose list follows its colon says each item is absent, whatever the tense between its
# subject and "negative". The subject must point at the list (the following, these, below, listed).
_NEGATIVE_LEAD_IN = re.compile(
    r"(?:\b(?:following|these|below|listed)\b[\w\s\-,/]{0,80}?\b(?:are|is|were|was|be|been|tested|confirmed|documented"
    r"|found|shown|reported)\s+(?:(?:as|to\s+be)\s+)?negative"
    r"|\bnegative\s+for\s+(?:(?:all|each|any)\s+(?:of\s+)?)?(?:the\s+following|these|those)\b[\w\s\-]{0,40}?)\s*:\s*$",
    re.I,
)
# The class the lead-in names before its colon ("None of the following driver mutations: ...").
_LEAD_IN_FILLER = NEG_FILLER | frozenset(
    "following alteration alterations mutation mutations aberration aberrations change changes variant variants "
    "rearrangement rearrangements fusion fusions all each every either these those "
    # "No known activating mutations in the following genes: ..."
    "activating sensitizing sensitising driver affecting involving within".split())


def _index_before(toks: list[Token], position: int) -> int:
    """How many tokens end at or before `position` (tokens are in text order)."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].end <= position:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _conditional(text: str, start: int, end: int, section: str) -> bool:
    """The phrase sets up a condition for another rule ("patients with EGFR mutation must have received ...")."""
    before = text[max(0, start - 60): start]
    if CONDITION_BEFORE.search(before) or DRUG_CONTEXT_BEFORE.search(before) or TREATMENT_ASIDE_BEFORE.search(before):
        return True
    if HISTORY_SETTING_BEFORE.search(text, max(0, start - 160), start):
        return True  # "... after a first-generation TKI in T790M-positive disease": that treatment's setting
    if HISTORY_TRIGGER_BEFORE.search(text, max(0, start - 200), start):
        return True  # "... followed by osimertinib in second line after T790M positive": when it was started
    if (PROGRESSION_AFTER_MARKER.match(text, end)
            and HISTORY_PROGRESSION_BEFORE.search(text, max(0, start - 260), start)):
        return True  # "... as second-line therapy after gefitinib with T790M-positive progression": why it was given
    if THERAPY_OPTION_WITH_BEFORE.search(text, max(0, start - 160), start):
        return True  # "..., or on a 1st-generation TKI with T790M-negative status": that option's condition
    after = text[end: end + 80]
    if MODAL_AFTER.search(after):
        return True
    if CARRIER_GROUP_TAIL.match(text, end, end + 240) and CARRIER_GROUP_HEAD.search(text[:start]):
        return True  # "Patients with EGFR mutation which is expected to respond ..., must have been treated with"
    return section == "exclusion" and bool(THERAPY_AFTER.search(after))


_EXON_CLASSES = EXON_CLASSES
# What may sit between a named alteration and the exon that only locates it ("S768I mutation in exon 20").
_EXON_LOCATION_GAP = re.compile(r"\s*(?:(?:mutations?|point mutations?|substitutions?)\s+)?(?:in|of|on|at)?\s*")


def _drop_exon_locations(toks: list[Token], text: str) -> list[Token]:
    """"exon 18 G719X", "S768I mutation in exon 20": the exon only locates a named alteration."""
    named = [t for t in toks if t.type == "alt" and t.key not in _EXON_CLASSES]
    keep = []
    for tok in toks:
        if tok.type == "alt" and tok.key in _EXON_CLASSES and any(
            _EXON_LOCATION_GAP.fullmatch(text[min(n.end, tok.end): max(n.start, tok.start)])
            for n in named
        ):
            continue
        keep.append(tok)
    return keep


# "..., including exon 20 insertions": an example word right before an alteration several genes can carry.
_EXAMPLE_BEFORE = re.compile(r"(?:\bincluding|\bsuch as|\be\.?g\.?,?|\bfor example,?|\bin particular)\s*$", re.I)


def _example_owner_genes(toks: list[Token], text: str) -> list[Token]:
    """"HER2 mutation in the kinase domain, including exon 20 insertions": a bare alteration that several genes can
    carry (EGFR, HER2), given as an example after one gene that can carry it, is that gene's; an aside between them
    ("in the kinase domain") had left it to its first gene. Zero-width gene tokens give it its owner."""
    out: list[Token] = []
    owner: Token | None = None  # the last gene named
    for tok in toks:
        if tok.type == "gene":
            owner = tok
        elif (tok.type == "alt" and owner is not None and len(vocab.alteration_genes(tok.key)) > 1
              and (not out or out[-1].type != "gene")
              and _EXAMPLE_BEFORE.search(text[max(owner.end, tok.start - 20): tok.start].rstrip(" (:"))
              and any(g in vocab.alteration_genes(tok.key) for g in vocab.expand_gene(owner.key))):
            out.append(Token("gene", owner.key, tok.start, tok.start))
        out.append(tok)
    return out


# What closes a group's name: "Cohort 1 - EGFR exon 20:", "Cohort 2 (HER2 exon 20):", "EGFR exon 20, pretreated:".
_HEADING_CLOSE = re.compile(r"(?:\s*,\s*[a-z][a-z -]{0,30}?)?\s*\)?\s*[:：]", re.I)


def _drop_exon_headings(toks: list[Token], text: str) -> list[Token]:
    """"Cohort 1 - EGFR exon 20: documented EGFR exon 20 insertion": an exon that closes a group's name, with a
    change in that exon asked after the colon, only names the group for that change; read as "any exon 20
    mutation" it let an EGFR T790M patient into an insertion cohort."""
    dropped: set[int] = set()
    for index, tok in enumerate(toks):
        gene = toks[index - 1] if index else None
        close = _HEADING_CLOSE.match(text, tok.end)
        if (tok.type == "alt" and tok.key in _EXON_CLASSES and close is not None
                and (index + 1 == len(toks) or toks[index + 1].start >= close.end())
                and gene is not None and gene.type == "gene" and not text[gene.end: tok.start].strip()):
            later = toks[index + 1:]
            # The gene is named again with the change itself: the heading's pair adds nothing.
            again = next((i for i, t in enumerate(later) if t.type == "gene" and t.key == gene.key), None)
            if again is not None and any(
                t.type == "alt" and t.key not in _EXON_CLASSES
                and any(vocab.membership(g, tok.key, t.key) for g in vocab.expand_gene(gene.key))
                for t in later[again + 1:]
            ):
                dropped.update({index - 1, index})
    return [t for i, t in enumerate(toks) if i not in dropped]


def _drop_waived_tests(toks: list[Token], text: str) -> list[Token]:
    """"(testing not mandatory)" waives a test; it does not turn the named findings into test mentions."""
    return [t for t in toks if not (t.type == "test" and WAIVED_TEST.match(text[t.end: t.end + 40]))]


_PARENTHESES = re.compile(r"\([^()]*\)")
# "Known driver alteration (EGFR, ALK, ROS1), except KRAS G12C which is allowed": the permission belongs to the
# exception, and the rule before it stands. The exception word must come first, close before the permission.
_EXCEPT_WORD = re.compile(r"\b(?:except(?:ing)?|with the exception of|other than|apart from|aside from|excluding"
                          r"|but not)\b", re.I)
# The exception's own subject before its permission ("... KRAS G12C[, which] is allowed"): without one the permission
# is the sentence's ("EGFR mutations other than exon 20 insertion are allowed" lets EGFR mutations in).
_PERMISSION_LEAD = re.compile(r"\s*(?:,\s*|\s(?=which|that|who|as they|these|they))"
                              r"(?:(?:which|that|who|as|these|this|they|it)\s+)?(?:also\s+)?$", re.I)


def _before_excepted_permission(sentence: str) -> str:
    """The sentence without the permission of its exception ("..., except KRAS G12C [which is allowed]"), or ""
    when the permission is the sentence's point ("Patients with EGFR exon 20 insertion are eligible")."""
    outside = _PARENTHESES.sub(lambda m: " " * len(m.group(0)), sentence)  # asides blanked, positions kept
    permission = PERMISSION.search(outside)
    if permission is None:
        return ""
    found = list(_EXCEPT_WORD.finditer(outside, max(0, permission.start() - 80), permission.start()))
    if not found or found[-1].start() == 0:
        return ""
    before = sentence[:permission.start()]
    lead = _PERMISSION_LEAD.search(before)
    if lead is None or found[-1].end() >= lead.start():
        return ""
    return before[:lead.start()]

_OR_AFTER = re.compile(r"\s*,?\s*(?:and/or|or)\s", re.I)
# "oncogenic driver mutation-based therapy", "EGFR alteration-directed treatment", "biomarker-matched first-line
# therapy": a marker phrase that only says which treatment (guarded: most phrases are followed by no such word).
_THERAPY_NAMED_AFTER = guarded(
    r"(?:\s*-\s*(?:based|directed|targeted|matched|guided|driven)|\s+(?:based|directed|matched|guided|driven))\s+"
    r"(?:(?:first|second|1st|2nd)[\s\-]line\s+"
    r"|targeted\s+|systemic\s+|standard\s+){0,2}(?:therap|treatment|agent|drug|inhibitor|TKI|regimen)", re.I)
# "EGFR exon20ins targeted therapy", "KRAS G12C targeted agents": with no hyphen, only right after a gene or a change
# ("aberration for which targeted therapy exists" is a driver class with its treatment tail, not a drug class).
_TARGETED_AFTER = guarded(r"\s+targeted\s+(?:(?:first|second|1st|2nd)[\s\-]line\s+|systemic\s+|standard\s+){0,2}"
                          r"(?:therap|treatment|agent|drug|inhibitor|TKI|regimen)", re.I)
# "... BRAF V600 mutation directed therapy is indicated": the treatment is said to be due for the marker's carriers,
# so the phrase is about the tumour after all (as "for which targeted therapy is indicated" is).
_THERAPY_DUE = re.compile(r"\w*\s+(?:is|are)\s+(?:(?:locally|currently|clinically)\s+)?"
                          r"(?:indicated|planned|recommended|approved|available|warranted)\b", re.I)
# "not amenable to (curative treatment or) ...", "not a candidate for ...", "ineligible for ...".
_NOT_SUITED_BEFORE = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:amenable|eligible|suitable|appropriate|indicated|(?:an?\s+)?candidates?)|ineligible"
    r"|unsuitable|unfit)\s+(?:to|for)\b[^.;()]{0,100}$", re.I)


def _therapy_atoms(phrase: list[Token], text: str) -> list[dict[str, Any]]:
    """The atoms of a marker phrase that names a treatment: each one's actionable change, never a requirement."""
    drivers = [t for t in phrase if t.type == "driver"]
    atoms: list[dict[str, Any]] = []
    if drivers:
        atom = _driver_atom(drivers, phrase, text)
        atom.pop("other", None)
        atom["class"] = "actionable"  # a driver a treatment is based on is one with a treatment
        atoms.append(atom)
    for occ in occurrences(phrase, text):
        if occ.gene:
            atoms.append({"t": "alt", "gene": occ.gene, "kind": "actionable"})
    return atoms


def read_title(line: str) -> list[Statement]:
    """A title or condition line: "Osimertinib for EGFR-mutant NSCLC" names who may join, so "for"
    sets no condition there (criteria sentences use the full reading)."""
    return _read(line, "title")


def carrier_genes(sentence: str) -> set[str]:
    """Genes a treatment rule for carriers names ("Patients with EGFR or ALK alterations must have progressed
    on an approved drug"): such carriers may join, so a rule elsewhere that shuts them out is in doubt.
    A driver named without genes stands for the whole panel."""
    if not CARRIER_RULE.match(sentence):
        return set()
    found: set[str] = set()
    toks = tokens(sentence)
    # the class closed by its genes once ("drivers in ALK or RET ... for that driver"): no later mention reopens it
    closed = any(tok.type == "driver" and _DRIVER_GENES_AFTER.match(sentence, tok.end) for tok in toks)
    for tok in toks:
        if tok.type == "gene":
            found.update(vocab.expand_gene(tok.key))
        elif tok.type == "driver" and not closed and not _ANOTHER_BEFORE.search(sentence, max(0, tok.start - 40),
                                                                                tok.start):
            found.update(vocab.driver_panel()[0])
    return found


# "Patients with another actionable alteration (ROS1, BRAF V600E, ...) must have received targeted therapy for it":
# the class is the drivers other than those the trial names elsewhere ("no EGFR mutation and no ALK"), so it stands
# for the genes it lists, not the whole panel; read as the panel, it made the EGFR / ALK ban a question.
_ANOTHER_BEFORE = re.compile(r"\b(?:an)?other\s+(?:known\s+|documented\s+|oncogenic\s+|genomic\s+){0,2}$", re.I)


# "known actionable alterations in ALK, ROS1, ... or MET exon 14": the genes after "in / of / :" close the class
_DRIVER_GENES_AFTER = re.compile(
    r"\s*(?:(?:alterations?|mutations?|aberrations?|changes?|drivers?|variants?)\s+)?(?:in|of|:)\s+(?:the\s+)?"
    r"(?:following\s+genes?\s*:?\s*)?(?=[A-Z])", re.I)


def named_genes(sentence: str) -> set[str]:
    """Genes a sentence names by name ("EGFR or ALK aberrations": EGFR, ALK; "oncogenic drivers": none)."""
    return {g for tok in tokens(sentence) if tok.type == "gene" for g in vocab.expand_gene(tok.key)}


# A bracket that speaks only of the test: "(testing required)", "(test optional)", "(local test ok)", "(central
# testing mandatory)", "(testing for ALK is not required)". Not one that names a result ("(positive by IHC)"), a group
# ("(cohort B)", "(if squamous)") or a level ("(IHC 3+)": no word of duty or leave).
_TEST_ASIDE = re.compile(
    r"\(\s*(?P<body>(?:[\w\-/]+\s+){0,4}?(?:testing|tests?|tested|test\s+results?|assays?|NGS|PCR|sequencing)\b"
    r"[^()]{0,60}?\b(?:required|mandatory|needed|necessary|obligatory|compulsory|optional|ok|okay|acceptable"
    r"|accepted|allowed|permitted|recommended|preferred|encouraged|sufficient)\b[^()]{0,30}?)\)",
    re.I,
)
_NOT_ONLY_TEST = re.compile(
    r"\b(?:positiv\w*|negativ\w*|wild[\s\-]?type|detected|found|present|absent|harbou?r\w*|eligible|excluded|cohorts?"
    r"|arms?|parts?|groups?|phases?|squamous|non-?squamous|histolog\w*|if|unless|except|only)\b", re.I)
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and/or\b|or\b|and\b|,)", re.I)


def moved_testing_asides(sentence: str) -> str:
    """`sentence` with a testing aside that stands inside a list moved to the sentence's end: "No mutations in EGFR
    (testing required), ALK" -> "No mutations in EGFR, ALK (testing required)". Inside the list the bracket cut it,
    and the genes after it lost the negation (read as required) or the list was dropped; the note stays in the
    sentence, so a demand for a result is still read."""
    if "(" not in sentence:
        return sentence
    for match in _TEST_ASIDE.finditer(sentence):
        if _NOT_ONLY_TEST.search(match.group("body")) or not _LIST_GOES_ON.match(sentence, match.end()):
            continue
        rest = sentence[match.end():]
        if not names_marker(rest):
            continue  # nothing of the list after it: the aside already closes it
        moved = f"{sentence[:match.start()].rstrip()}{rest}".rstrip(" .;")
        return moved_testing_asides(f"{moved} {match.group(0)}")
    return sentence


# ", with results available before randomization", "; results must be available prior to enrolment": when a test's
# result is due, which says nothing of what it found (its "with" read as the finding's, the test as a requirement).
_RESULT_DUE = re.compile(
    r"\s*[,;]\s*(?:with\s+(?:the\s+)?results?\s+|(?:the\s+)?results?\s+(?:must|should|need\s+to|have\s+to)\s+be\s+)"
    r"(?:available|known|obtained|reported)\b[^.;]*", re.I)


def read_sentence(sentence: str, section: str) -> list[Statement]:
    """Biomarker statements in one normalised sentence (gene alterations only; PD-L1 is read elsewhere)."""
    if "result" in sentence:
        sentence = _RESULT_DUE.sub("", sentence)
    sentence = moved_testing_asides(sentence)
    sentence = examples_after_exception(sentence)  # "(excluding exon 20 insertions), e.g. L858R": "other than"
    if section == "inclusion" and EXCLUDING_SENTENCE.search(sentence):
        # Read the excluding part as an exclusion criterion; a contrasting part keeps its own sense.
        parts = CONTRAST.split(sentence)
        found: list[Statement] = []
        for part in parts:
            if not EXCLUDING_SENTENCE.search(part):
                found.extend(_read(part, "inclusion"))
                continue
            for statement in _read(part, "exclusion"):  # present there = must be absent here
                statement.polarity = "-" if statement.polarity == "+" else "+"
                found.append(statement)
        return found
    return _read(sentence, section)


# A bare exon number, with no change named ("exon 19", not "exon 19 deletion").
_BARE_EXON = re.compile(r"exons?\s*\d+", re.I)


def _drop_foreign_exons(toks: list[Token]) -> list[Token]:
    """"activating HER2 mutation (exon 19 or exon 20)": a bare exon belongs to the gene named last before it. When
    that gene has no such change in the vocabulary (HER2 exon 19), the exon only locates the gene's change: it is
    never another gene's ("EGFR exon 19 deletion"). The owner's change must be named too, so nothing is lost."""
    out: list[Token] = []
    owner: Token | None = None  # the last gene named
    seen: set[str] = set()  # every gene named so far ("EGFR or HER2 mutations in exons 18-21": both genes' exons)
    for tok in toks:
        if tok.type == "gene":
            owner = tok
            seen.update(vocab.expand_gene(tok.key))
        elif tok.type == "alt" and owner is not None and _BARE_EXON.fullmatch(tok.word.strip()):
            carriers = set(vocab.alteration_genes(tok.key))
            if not set(vocab.expand_gene(owner.key)) & carriers:
                if not seen & carriers and any(t.type == "kind" for t in toks):
                    continue  # "HER2 mutation (exon 19 ...)": where the HER2 change is, not an EGFR deletion
            elif len(carriers) > 1 and owner.key != "EGFR" and tok.start - owner.end > 20:
                out.append(Token("gene", owner.key, tok.start, tok.start))  # "(... or exon 20)": still HER2's
        out.append(tok)
    return out


def _read_tokens(text: str) -> list[Token]:
    """A sentence's tokens, with exons that only locate or name, waived tests and example owners settled."""
    toks = _drop_exon_headings(_drop_exon_locations(_drop_foreign_exons(tokens(text)), text), text)
    return _example_owner_genes(_drop_waived_tests(toks, text), text)


# A bracketed note that the genes must be tested ("(testing required)", "(local NGS testing mandatory)").
_TESTING_REQUIRED_NOTE = re.compile(
    r"\((?:[\w-]+\s+){0,3}?(?:testing|tests?|test\s+results?)\s+(?:is\s+|are\s+)?"
    r"(?:required|mandatory|needed|obligatory|compulsory)\b", re.I)


# What a group's bracketed name says besides its marker: a treatment, a setting or a line names no marker group
# ("Cohort 2 (prior EGFR TKI)", "Arm A (ALK inhibitor-naive)").
_LABEL_NOT_MARKER = re.compile(r"\b(?:TKIs?|inhibitors?|therap(?:y|ies)|treat\w*|prior|after|post|naive|na[iï]ve"
                               r"|progress\w*|lines?|chemo\w*|pretreated|refractory|resistant|relapsed)\b", re.I)


def _marker_label(sentence: str, permission: int) -> str:
    """The opening label of a sentence whose bracket names its group by a marker ("Part B1 (EGFR exon 20 insertion),"
    -> "Part B1 (EGFR exon 20 insertion)") when the permission comes after it; else ""."""
    match = label_at_start(sentence)
    if match is None or match.end() > permission:
        return ""
    named = _LABEL_BRACKET.search(match.group(0))
    if named is None or not vocab.mentions_marker(named.group(1)) or _LABEL_NOT_MARKER.search(named.group(1)):
        return ""
    return sentence[:named.end()]


_LABEL_BRACKET = re.compile(r"\(([^()]{1,60})\)")
# "(exon 20 insertions are allowed)", "(patients with EGFR exon 20 insertion are eligible)", "(T790M permitted)": a
# bracket that lets in one change. Bounded body, no bracket inside.
_PERMITTED_BRACKET = re.compile(
    r"\(\s*(?:(?:patients|subjects|participants|tumou?rs|those|cases)\s+(?:with|harbou?ring|carrying)\s+(?:an?\s+)?)?"
    r"(?P<body>[^()]{1,60}?)\s+(?:(?:is|are|will\s+be|can\s+be|may\s+be)\s+)?(?:also\s+)?"
    r"(?:allowed|permitted|eligible|included|accepted|acceptable)\s*\)",
    re.I,
)


# A permitted bracket's body that opens with "other" (not "other than") or a co-occurrence word and names a class,
# no change of the head's: "other drivers", "other actionable alterations", "co-occurring alterations", "additional
# genomic alterations".
_OTHERS_LET_IN = re.compile(
    r"\s*(?:patients\s+with\s+)?(?:any\s+)?(?:other(?!\s+than\b)|co-?occurring|concurrent|concomitant|additional)\s+"
    r"(?:(?:known|actionable|oncogenic|genomic|molecular|targetable|driver|activating|genetic)\s+){0,3}"
    r"(?:drivers?|alterations?|mutations?|aberrations?|changes?|biomarkers?|driver\s+genes?)\s*$", re.I)


def _shared_noun_genes(toks: list[Token]) -> list[str]:
    """"No EGFR or HER2 alteration": genes listed before one noun of change that they share, no change of their own
    named (then a bare class spared after it, "other than mutations", is every listed gene's); else []."""
    marks = [t for t in toks if t.type in {"gene", "alt", "kind"}]
    if len(marks) < 3 or marks[-1].type != "kind" or any(t.type != "gene" for t in marks[:-1]):
        return []
    return [g for t in marks[:-1] for g in vocab.expand_gene(t.key)]


def permitted_in_ban_spared(sentence: str, section: str) -> str:
    """"Stage IV NSCLC without EGFR sensitizing mutations (exon 20 insertions are allowed)", in an exclusion "EGFR
    mutation (patients with exon 20 insertion are eligible)": the bracket lets one change of the banned gene through,
    so the sentence is read as "... other than exon 20 insertions". Read as it stood, the bracket's change was banned
    with the rest (or, in an exclusion, the whole ban was taken for a permission). Only a ban: beside a requirement
    ("EGFR sensitising mutation (exon 20 insertions are allowed)") the bracket widens it, as ALLOWED_AFTER reads."""
    match = _PERMITTED_BRACKET.search(sentence)
    if match is None:
        return sentence
    if _OTHERS_LET_IN.match(match.group("body")) and _read_tokens(sentence[: match.start()]):
        # "No HER2 alteration (other drivers are allowed)", "Known HER2 alteration (other actionable alterations
        # allowed)": the bracket lets in what the head does not name; the head's rule stands alone. Read as it stood,
        # "other drivers" joined the ban (an EGFR patient excluded) or, among exclusions, the line became a permission.
        return f"{sentence[: match.start()].rstrip()}{sentence[match.end():]}"
    body = tokens(match.group("body"))
    # "(mutations are allowed)", "(amplification is permitted)": a bare class of change, the head's one gene's own
    bare = bool(body) and all(t.type == "kind" and t.key in _SPARED_CLASSES for t in body)
    if any(t.type not in {"alt", "gene", "kind"} for t in body) or not (
            bare or any(t.type == "alt" for t in body) or {"gene", "kind"} <= {t.type for t in body}):
        # a named change ("exon 20 insertions", "ROS1 fusions"), never a vague class, a whole gene or a driver class
        # ("(other drivers are allowed)")
        return sentence
    head = sentence[: match.start()]
    head_toks = _read_tokens(head)
    genes = [t for t in head_toks if t.type == "gene"]
    if not genes or any(t.type == "driver" for t in head_toks):
        return sentence
    if bare and len({g for t in genes for g in vocab.expand_gene(t.key)}) != 1 and not _shared_noun_genes(head_toks):
        return sentence  # "EGFR mutation or ALK fusion, no HER2 alteration (mutations are allowed)": whose is unsaid
    body_genes = {g for t in (genes if bare else body) if t.type == "gene" for g in vocab.expand_gene(t.key)}
    changed = {g for t in body if t.type == "alt" for g in vocab.alteration_genes(t.key)}
    owners = [t for t in genes if set(vocab.expand_gene(t.key)) & (body_genes or changed)]
    # "No EGFR or ALK alteration (...)": the negation before the list's first gene reaches the rest; a gene asked for
    # before the negated one keeps its sense ("EGFR exon 19 deletion, no ALK (T790M allowed)" bans nothing of EGFR)
    last = owners[-1].start if owners else genes[-1].start
    starts = [p[0].start for p in phrases(head_toks, head) if any(t.type == "gene" and t.start <= last for t in p)]
    said_absent = (any(negated_before(head, head_toks, start) for start in starts)
                   or head_toks[-1].type == "postneg")
    banned = said_absent if section == "inclusion" else not said_absent
    if not banned:
        return sentence
    if owners:
        if not changed and not any(t.type == "kind" and t.key in _SPARED_CLASSES for t in body):
            return sentence  # "(HER2 activating alterations are allowed)": no change or class the reading spares
        spared = match.group("body").strip()
        if body[0].type == "gene" and len({t.key for t in genes}) == 1:
            # "(patients with EGFR exon 20 insertion are eligible)": the head's gene said again; "other than exon 20
            # insertion" reads as the head's exception
            spared = spared[body[0].end:].lstrip(" -")
        return f"{head.rstrip()} other than {spared}{sentence[match.end():]}"
    # "No ALK rearrangement (ROS1 fusions are allowed)": another gene's change, let in beside the ban; it is
    # neither banned nor asked for
    return f"{head.rstrip()}{sentence[match.end():]}"


# "EGFR negative for exon 19 deletion or L858R", "EGFR wild-type (exon 19 deletion or L858R)", "EGFR wild-type (except
# exon 20 insertion)", "ALK negative for rearrangement": a gene said negative, then the changes it is negative for (or
# the one it is not). With the gene first, "negative" closed the gene and the changes after it were read on their own:
# as required (the wild-type patient excluded, the carriers let in) or, after "except" in brackets, banned with the
# rest. The sentence is said again as the reading knows it: "negative for EGFR exon 19 deletion or L858R", "EGFR
# wild-type except exon 20 insertion". Bounded windows, no bracket inside a bracket.
_GENE_NEGATIVE = guarded(
    r"(?P<gene>\b[A-Za-z][\w\-]{1,9})\s*[\s\-]\s*(?:negative|wild[\s\-]?type|WT)\b\s*"
    r"(?:(?P<for>for\s+)|\(\s*(?P<word>except(?:ing)?|other\s+than|excluding|apart\s+from|but\s+not)?\s*)"
    r"(?P<body>[^()]{1,80}?)(?(for)(?=\s*(?:[,.;)]|\band\b(?!/)\s+(?!L\d|[A-Z]\d|exon)|\b(?:by|using|per|on|in|as)\s|$))|\s*\))",
    re.I,
)


_BODY_JOINS = frozenset({"or", "and", "nor", "and/or", "either", "any", "the", "a", "an", "of", "in", "exon", "gene"})


def negative_gene_spelled(sentence: str) -> str:
    """The sentence with a gene said negative for its own named changes put the way it is read (see _GENE_NEGATIVE)."""
    match = _GENE_NEGATIVE.search(sentence)
    if match is None:
        return sentence
    gene = tokens(match.group("gene"))
    body = tokens(match.group("body"))
    if len(gene) != 1 or gene[0].type != "gene" or not body or any(t.type not in {"alt", "kind"} for t in body):
        return sentence  # "EGFR negative for tissue testing", "EGFR wild-type (by NGS)": no changes of the gene
    said = match.group("body")
    ends, starts = [0, *(t.end for t in body)], [*(t.start for t in body), len(said)]
    rest = " ".join(said[end: start] for end, start in zip(ends, starts, strict=True))
    if not set(words(rest)) <= _BODY_JOINS:
        return sentence  # "(exon 20 insertions permitted)": a permission, read by permitted_in_ban_spared
    own = set(vocab.expand_gene(gene[0].key))
    if any(t.type == "alt" and not own & set(vocab.alteration_genes(t.key)) for t in body) or (
            not match.group("for") and not any(t.type == "alt" for t in body)
            and not all(t.key in _SPARED_KINDS for t in body)):
        return sentence  # another gene's change, or a bare class ("EGFR wild-type (mutation)")
    head, tail = sentence[: match.start()], sentence[match.end():]
    if match.group("word"):
        return f"{head}{match.group(0)[: match.start('word') - match.start()].rstrip(' (')} {match.group('word')} " \
               f"{match.group('body')}{tail}"
    return f"{head}negative for {match.group('gene')} {match.group('body')}{tail}"


def _read(sentence: str, section: str) -> list[Statement]:
    change = HISTOLOGY_CHANGE.search(sentence)
    if change is not None:
        # "EGFR-mutant NSCLC transformed to SCLC" names a histology, not a marker rule; "other driver alterations
        # (eg, ...) or histological transformation (eg, to SCLC)" is a marker rule with a histology beside it.
        sentence = _before_histology_change(sentence, change.start())
        if not sentence:
            return []
    if SENTENCE_CONDITION.search(sentence):
        # "If non-squamous: no EGFR mutation": a condition on histology only (reading.py binds the rule to it).
        # "For patients with NSCLC: EGFR mutation or ALK fusion": the lead-in names every NSCLC patient, no condition.
        lead = histology_lead_end(sentence) or nsclc_lead_end(sentence)
        if not lead or SENTENCE_CONDITION.search(sentence[lead:]):
            return []
        sentence = sentence[lead:]
    if other_cancer_only(sentence):
        return []
    if SAMPLE_LOGISTICS.search(sentence):
        return []  # a sample sent for testing asks for no result
    # A sentence that only allows something sets no rule; "(... local tests are allowed)" is an aside.
    outside = _PARENTHESES.sub(" ", sentence)
    permission = PERMISSION.search(outside)
    if permission and not NOT_PERMISSION.search(outside):
        group_label = _marker_label(sentence, permission.start())
        if group_label:
            # "Part B1 (EGFR exon 20 insertion), patients who progressed on platinum can be enrolled": the label
            # defines its group by the marker; the permission that follows is about the group's patients.
            sentence = group_label
        else:
            sentence = _before_excepted_permission(sentence)
            if not sentence:
                return []
    text = permitted_in_ban_spared(negative_gene_spelled(sentence), section)
    toks = _read_tokens(text)
    statements: list[Statement] = []
    # "as well as" joins two requirements that must both hold: read each side on its own.
    # "alone or together with other alterations (e.g. T790M)" names what may come beside the change: no second one.
    cut = next((t.start for t in toks if t.type == "aswell" and not _ALONE_OR.search(text, max(0, t.start - 12),
                                                                                        t.start)), None)
    pieces = [text] if cut is None else [text[:cut], text[cut:]]
    if cut is not None and _OTHER_BESIDE.search(text[:cut]) and _BESIDE_WORD.match(text, cut):
        # "Any other known driver (e.g. ALK, ROS1) in addition to EGFR exon 20 insertion": what follows "in addition
        # to" is the change the tumour already has, the anchor of "other"; the rule is on the other drivers alone.
        pieces = pieces[:1]
    parts = [(toks, text)] if cut is None else [
        (_read_tokens(piece), piece)
        for piece in pieces
    ]
    for part_toks, part_text in parts:
        positive: list[dict[str, Any]] = []
        negative: list[dict[str, Any]] = []
        excepted: list[dict[str, Any]] = []
        non_lists: dict[str, list[str]] = {}  # "non-G12C" -> the changes listed after it ("or G12D")
        widening: list[dict[str, Any]] = []  # allowed alternatives: they count only beside a requirement
        open_ended = False
        negative_seen = 0  # atoms of `negative` whose phrase has been checked for "no known"
        # Where each gene's atoms stand and which way they went, for "EGFR and ALK-negative or KRAS-positive";
        # None once an atom came another way (a driver word, an exception) and the sentence is not that kind.
        placed: list[tuple[int, tuple[int, ...], bool, list[dict[str, Any]]]] | None = []
        unsure_absent = False
        known_only = True
        known_phrase = False
        known_ids: set[int] = set()  # negative atoms of a "no known" phrase (see _split_known)
        known_pos, pos_phrase_known, positive_seen = True, False, 0  # "Known EGFR ... mutation" (see _KNOWN_BEFORE)
        prev_end = -1
        tested_genes = False  # "EGFR and ALK testing ... to rule out driver alterations": the genes meant are named
        found_phrases = _or_turns(_without_status_tails(_relative_asides(phrases(part_toks, part_text), part_text),
                                                        part_text), part_text)
        listed_heads = _qualified_list_heads(found_phrases, part_text)
        colon_lists = _colon_lists(found_phrases, part_text)
        absent_lists: set[int] = set()  # lists after a colon whose head said absent ("No driver alterations: ...")
        spare_bracket: str | None = None  # the gene of "other than the common ones", whose bracket may follow
        last_end = 0
        cooccur_end: int | None = None  # where the list of what may come beside the asked change ends
        including = False  # the phrase before went on a disease noun's "including" list (_DISEASE_INCLUDING)
        tok_starts = [t.start for t in part_toks]
        for position, phrase in enumerate(found_phrases):
            if len(negative) > negative_seen:
                known_only = known_only and known_phrase
                if known_phrase:
                    known_ids.update(id(a) for a in negative[negative_seen:])
                negative_seen = len(negative)
            if len(positive) > positive_seen:
                known_pos = known_pos and pos_phrase_known
                positive_seen = len(positive)
            start, end = phrase[0].start, phrase[-1].end
            first = next(t.start for t in phrase if t.type in ANCHORS)
            # a phrase that goes on a list opened by "known" ("Known EGFR, ALK or ROS1 alterations") is known too;
            # "with a known EGFR mutation": the phrase opens at "with", "known" stands before its gene
            listed = prev_end >= 0 and _LIST_GAP.fullmatch(part_text, prev_end, start) is not None
            prev_end = end
            pos_phrase_known = (_KNOWN_BEFORE.search(part_text[max(0, start - 45): start]) is not None
                                or _KNOWN_BEFORE.search(part_text[max(0, first - 45): first]) is not None
                                or listed and pos_phrase_known
                                or position == 0 and _KNOWN_LIST_HEAD.search(part_text[max(0, start - 160): start])
                                is not None)
            # "No known mutations in the following genes: EGFR, ALK": the head's "no known" reaches each listed gene
            known_phrase = (_NO_KNOWN_BEFORE.search(part_text[max(0, start - 45): start]) is not None
                            or _NO_OTHER_KNOWN_BEFORE.search(part_text[max(0, first - 45): first]) is not None
                            or listed and known_phrase
                            or position == 0 and _NO_KNOWN_LIST_HEAD.search(part_text[max(0, start - 160): start])
                            is not None)
            if cooccur_end is not None and (start < cooccur_end or all(t.type == "alt" for t in phrase) and (
                    _CO_LIST_GAP.fullmatch(part_text, cooccur_end, start))):
                # "alone or with other EGFR mutations (e.g. T790M, G719X, S7681 and L861Q)": the examples of what
                # may come beside the asked change go on after a word the reader does not know; none is a way in
                cooccur_end = max(cooccur_end, end)
                continue
            allowed_end = _permitted_beside(part_text, first, end)
            if COOCCURRENCE.search(part_text[max(0, first - 60): first].rstrip(" (") + " ") or (
                    COOCCURRENCE_EXAMPLES.search(part_text[max(0, first - 120): first])) or allowed_end:
                cooccur_end = allowed_end or _cooccurring_list_end(part_text, first, end)
                after_list = [t for t in phrase if t.start > cooccur_end]
                if any(t.type in {"gene", "alt", "driver"} for t in after_list):
                    # "(e.g. T790M), or a ROS1 fusion": what follows the closed list is read on its own
                    found_phrases.insert(position + 1, after_list)
                continue
            named = _THERAPY_NAMED_AFTER.match(part_text, end) or (
                _TARGETED_AFTER.match(part_text, end) if phrase[-1].type in {"gene", "alt", "kind"} else None)
            if named and not _THERAPY_DUE.match(part_text, named.end()):
                # "driver mutation-based first-line therapy": the words name a kind of treatment, not the tumour.
                # "Not amenable to ..." it says no such driver, loosely: a question for a carrier, never a bar.
                if _NOT_SUITED_BEFORE.search(part_text, max(0, start - 120), start):
                    negative.extend(_therapy_atoms(phrase, part_text))
                    unsure_absent = True
                    placed = None
                continue
            if spare_bracket is not None:
                # "other than the common ones (exon 19 deletion, L858R)": the bracket spells out what is spared
                gene, spare_bracket = spare_bracket, None
                spelled = _SPELLED_OUT.fullmatch(part_text, last_end, start)
                if spelled and _spells_out(phrase, gene, excepted[-1]["kind"]):
                    excepted.extend(_excepted_atoms(phrase, gene))
                    continue
            last_end = end
            qualified = _other_than_qualified(phrase, part_text)
            if qualified is not None:
                # "EGFR mutations other than common mutations": the class after "other than" is the one spared
                cut_at, kind, left_in = qualified
                gene = next(t.key for t in reversed(phrase[:cut_at]) if t.type == "gene")
                excepted.extend({"t": "alt", "gene": g, "kind": kind} for g in vocab.expand_gene(gene))
                spare_bracket = None if left_in else gene
                phrase = phrase[:cut_at] + left_in
                end = phrase[-1].end
            trailing = None if qualified is not None else _trailing_spared_class(phrase, part_toks, tok_starts,
                                                                                  part_text)
            if trailing is not None:
                # "EGFR-mutant NSCLC other than the common ones": no gene after "other than", so no phrase of its own
                gene, kind, last_end = trailing
                phrase = phrase[:-1] if phrase[-1].type == "other" else phrase
                end = phrase[-1].end
                excepted.extend({"t": "alt", "gene": g, "kind": kind} for g in vocab.expand_gene(gene))
                spare_bracket = gene
            cut_at = _other_than(phrase, part_text)
            if cut_at:
                # "EGFR mutations other than exon 20 insertions": what follows "other than" is spared
                head = next((t.key for t in reversed(phrase[:cut_at]) if t.type == "gene"), None)
                stop = _exception_end(phrase, cut_at, head)
                shared = _shared_noun_genes(phrase[:cut_at])
                if shared and all(t.type == "kind" and t.key in _SPARED_CLASSES for t in phrase[cut_at + 1:stop]):
                    # "No EGFR or HER2 alteration other than mutations": each listed gene's mutations are spared
                    excepted.extend(a for g in shared for a in _excepted_atoms(phrase[cut_at + 1:stop], g))
                else:
                    excepted.extend(_excepted_atoms(phrase[cut_at + 1:stop], head))
                phrase = phrase[:cut_at] + phrase[stop:]
                if not any(t.type in {"gene", "alt", "driver"} for t in phrase):
                    continue
                end = phrase[-1].end
            if (phrase[0].type == "other" and part_text[phrase[0].end: phrase[0].end + 6].lower().startswith(" than")
                    and not any(t.type in {"gene", "driver"} for t in phrase) and (positive or negative)):
                # "EGFR-mutant NSCLC other than exon 20 insertions": the exception of the head said before it, in the
                # head's gene when the change may be of several ("HER2-mutant ... other than exon 20 insertions")
                head = next((a["gene"] for a in reversed(positive + negative) if a["t"] == "alt"), None)
                spared_class = _spared_class(phrase[1:], head) if head else None
                if spared_class is None:
                    excepted.extend(_excepted_atoms(phrase[1:], head))
                    continue
                # "EGFR-mutant NSCLC other than typical mutations (e.g. G719X)": the class is spared, the examples
                # are of what is left (the head covers them)
                excepted.append({"t": "alt", "gene": head, "kind": spared_class[0]})
                continue
            if _NON_BEFORE.search(part_text[max(0, start - 5): start]):
                continue  # "non-EGFR germline variants": named as what the change is not
            if EXCEPT_BEFORE.search(part_text[max(0, start - 60): start]):
                # "driver alterations (EGFR, ALK), except KRAS G12C": let through, never a rule of its own
                for occ in occurrences(phrase):
                    excepted.extend(occurrence_atoms(occ, []))
                continue
            if _after_other_cancers_with(part_text, start):
                continue  # "HR+ breast cancer with PIK3CA mutation" in a list of cancers: that cancer's way in
            if _in_other_cancers_brackets(part_text, start):
                continue  # "breast carcinoma (HER2-negative)" in a list of cancers: that cancer's own marker
            cut = _other_cancers_bracket_in(phrase, part_text)
            if cut:
                # "NSCLC (EGFR+), or breast carcinoma (HER2+)": what stands in the other cancer's brackets is its own
                phrase = phrase[:cut]
                while phrase and phrase[-1].type not in ANCHORS and phrase[-1].type != "kind":
                    phrase = phrase[:-1]
                if not any(t.type in {"gene", "alt", "driver"} for t in phrase):
                    continue
                end = phrase[-1].end
            if _describes_other_cancer(part_text, start, end):
                # "HER2 mutation, or HER2-positive breast cancer": only the last gene's words are the other cancer's
                phrase = phrase[:max(i for i, t in enumerate(phrase) if t.type in ANCHORS)]
                if not any(t.type in {"gene", "alt", "driver"} for t in phrase):
                    continue
                start, end = phrase[0].start, phrase[-1].end
                first = next(t.start for t in phrase if t.type in ANCHORS)
            if STUDY_NAME_AFTER.match(part_text, end) and (
                    STUDY_NAME_BEFORE.search(part_text, max(0, start - 60), start)):
                continue  # "... should be referred to the EGFR/MET combination study": another study's name
            if section != "title" and (
                _conditional(part_text, first, end, section) or _conditional(part_text, start, end, section)
            ):
                if section == "exclusion":
                    return []  # a treatment rule about marker carriers: nothing here is a marker rule
                continue
            if _is_test_phrase(part_text, start, end, phrase) or _tested_for(part_text, start, phrase):
                tested_genes = tested_genes or any(t.type == "gene" for t in phrase)
                continue
            if _absent_tail(phrase, part_text):
                unsure_absent = True
                placed = None
            negated = negated_before(part_text, part_toks, start) or id(phrase) in absent_lists
            if not negated and section != "title" and negation_in_doubt(part_text, part_toks, start):
                continue  # "without targetable/oncogene driven mutations (i.e., EGFR ...)": never read as required
            if id(phrase) in colon_lists and (negated or any(t.type == "postneg" for t in phrase)):
                absent_lists.add(colon_lists[id(phrase)][0])
            # "(patients with exon 20 insertion are allowed)" widens an inclusion; "no other ... allowed" does not.
            allowed = not negated and bool(ALLOWED_AFTER.search(part_text[end: end + 60])) and not (
                _ONLY_BEFORE.search(part_text[max(0, start - 60): start]))  # "Only patients with X are eligible"
            # "NSCLC of any histology, including EGFR-mutant or ALK-rearranged disease": markers that a disease
            # noun takes in widen its population; the list after the first goes on with it ("..., or ROS1+")
            including = section == "inclusion" and not negated and (
                _DISEASE_INCLUDING.search(part_text[max(0, first - 90): first]) is not None
                or listed and including)
            allowed = allowed or including
            allowed = allowed or not negated and _preferred(part_text, start, end)
            if allowed and section == "exclusion":
                continue
            pos = widening if allowed else positive  # "(T790M allowed)" widens, never requires
            # "EGFR sensitising mutation or exon 20 insertion": the class said before "or" is an alternative of its
            # own, as the head of "EGFR mutations, e.g. exon 19 deletion" is (occurrence_atoms).
            opens = [t.start for t in phrase if t.type == "open" or (
                t.type == "kind" and _OR_AFTER.match(part_text, t.end) is not None)]
            open_ended = open_ended or any(t.type == "open" and t.key in OPEN_ENDED for t in phrase)
            # "exon 19 deletion, L858R or other sensitising mutation": the class after "or other" is an alternative.
            or_other = [t.start for t in phrase if t.type == "open" and t.key == "or other"]
            drivers = [t for t in phrase if t.type == "driver"]
            if drivers and phrase[-1].type == "test" and not any(
                    t.type == "postneg" or t.says_positive for t in phrase):
                continue  # "actionable driver mutation testing results are required": a test, as for a gene
            other_than = [t for t in phrase if t.type == "other" and t.start > drivers[0].start
                          and part_text[t.end: t.end + 6].lower().startswith(" than")] if drivers else []
            if other_than:
                # "any driver alteration other than RET": the driver rule spares the genes named after it
                atom = _driver_atom(drivers, phrase, part_text)
                atom.pop("other", None)
                kept, examples, unclear = _other_than_genes(phrase, part_text, other_than[0])
                atom["spared"] = sorted(kept | unclear)
                is_negative = negated or any(t.type == "postneg" for t in phrase)
                target = negative if is_negative else pos
                target.append(atom)
                placed = None
                if examples or unclear:
                    atom["beyond"] = True  # the genes named are examples: the driver rule still binds in full
                for occ in occurrences(examples):
                    target.extend(occurrence_atoms(occ, []))
                target.extend({"t": "alt", "gene": g, "kind": "any", "vague": True} for g in sorted(unclear))
                continue
            if drivers and any(t.type == "alt" and t.key.startswith("non-") and t.start > drivers[0].start
                               for t in phrase):
                # "any actionable alteration other than KRAS G12C": the driver rule spares that gene
                spared = [t for t in phrase if t.type == "alt" and t.key.startswith("non-")]
                atom = _driver_atom(drivers, phrase, part_text)
                atom["spared"] = sorted({g for t in spared for g in vocab.alteration_genes(t.key)})
                is_negative = negated or any(t.type == "postneg" for t in phrase)
                (negative if is_negative else pos).append(atom)
                placed = None
                continue
            phrase = _fold_non_list(phrase, part_text, non_lists)  # "other than G12C or G12D": both spared
            # an asked list's trailing noun is every gene's ("NRG1, EGFR or HER2 gene fusion"), a ban's stays loose
            occs = occurrences(phrase, part_text, shared=section == "inclusion" and not negated
                               and not EXCLUDING_SENTENCE.search(part_text))
            genes_named = any(o.gene for o in occs)
            if any(t.key == "actionable" for t in phrase if t.type in {"kind", "driver"}):
                # "EGFR, ALK, ROS1 or BRAF alterations for which targeted therapy exists": the whole list
                for occ in occs:
                    if occ.gene and not occ.alts:
                        occ.kinds = [("actionable", occ.gene_pos)]
            defined = _defined_by_aside(phrase, part_text)
            for occ in occs:
                if occ.polarity == "test":
                    tested_genes = tested_genes or bool(occ.gene)
                    continue
                target = negative if negated or occ.polarity == "-" else pos
                atoms = occurrence_atoms(occ, opens, or_other)
                for atom in atoms if defined else ():
                    if atom["gene"] in defined and atom["kind"] in _BROAD_HEAD:
                        atom["vague"] = True  # the aside says which changes are meant: the broad word is a question
                if id(phrase) in listed_heads:
                    for atom in atoms:
                        if atom["kind"] in _LISTED_QUALIFIERS:
                            atom["vague"] = True
                target.extend(atoms)
                if placed is not None:
                    placed.append((occ.gene_pos, _positions(occ), target is negative, atoms))
            if drivers and not genes_named and colon_lists.get(id(phrase), (0, False))[1]:
                placed = None  # "Driver mutations: EGFR, ALK, ROS1": the genes after the colon are the whole rule
            elif drivers and not genes_named:
                atom = _driver_atom(drivers, phrase, part_text)
                if _other_driver_examples(phrase):
                    atom["beyond"] = True  # the genes named next are examples: the rule binds in full
                is_negative = negated or any(t.type == "postneg" for t in phrase)
                (negative if is_negative else pos).append(atom)
                placed = None
            elif drivers and _driver_examples(phrase):
                # "actionable driver alteration (e.g., EGFR, ALK)": examples; the driver rule binds in full
                atom = _driver_atom(drivers, phrase, part_text)
                atom.pop("other", None)
                atom["beyond"] = True
                is_negative = negated or any(t.type == "postneg" for t in phrase)
                (negative if is_negative else pos).append(atom)
                placed = None
            elif drivers and (_beyond_named(phrase) or _other_driver_examples(phrase)):
                # "EGFR, ALK, or other genomic aberrations for which targeted therapy exists": the list goes on.
                atom = _driver_atom(drivers, phrase, part_text)
                atom["other"] = True  # other than what the trial asks for (see reading._resolve_other)
                atom["beyond"] = True
                is_negative = negated or any(t.type == "postneg" for t in phrase)
                (negative if is_negative else pos).append(atom)
                placed = None
        if (section == "inclusion" and len(positive) > 1 and negative and _all_asked(negative, positive)
                and not _all_asked(positive, negative)
                and not _JOINED_CHANGES.search(_BRACKETS.sub(" ", part_text))):
            # "METex14 skipping (Cohort A) or MET amplification without METex14 skipping (Cohort B)": X or (Y and
            # not X) is X or Y; the "without" only sorts a patient into a group. Not with "X and Y (Cohort 1), Y
            # without X (Cohort 2)": X there is no way in alone. Not when every asked change is also said absent
            # ("EGFR/ALK negative, or EGFR/ALK positive after targeted therapy"): two populations, both kept so the
            # reading drops the genes (reading._drop_both_ways).
            negative = []
        if (section == "inclusion" and placed and positive and negative and not widening and not excepted
                and _absent_or_present(placed, part_text, statements, open_ended)):
            continue
        if positive or section == "title":
            positive.extend(widening)
        for atoms in (positive, negative):
            if tested_genes or any(a["t"] == "alt" for a in atoms):
                for atom in atoms:
                    if atom["t"] == "driver" and not atom.get("beyond"):
                        atom["hint"] = True  # genes are named: the wider word only raises doubt
        if excepted:
            _let_through(positive + negative, excepted)
        for atoms in (positive, negative):
            _apply_non_lists(atoms, non_lists)
        if positive:
            # named changes only: a class ("known actionable alterations") still asks which genes were tested; a
            # class that goes on from named examples ("Known other driver gene mutations such as ALK, ROS1, RET")
            # is known as they are (an untested gene has no known change)
            known_pos = known_pos and (len(positive) == positive_seen or pos_phrase_known) and all(
                a["t"] == "alt" or a["t"] == "driver" and a.get("beyond") for a in positive) and any(
                a["t"] == "alt" for a in positive) and not _TESTING_REQUIRED_NOTE.search(part_text)
            known_pos = known_pos or _IF_KNOWN_TAIL.search(part_text) is not None
            # "Known EGFR mutation" in an exclusion: a rule on known findings, an untested tumour has none
            statements.append(Statement("+", _dedupe(positive), open=open_ended,
                                        known_only=known_pos and section != "title"))
        if negative:
            if len(negative) > negative_seen and known_phrase:
                known_ids.update(id(a) for a in negative[negative_seen:])
            known_only = known_only and (len(negative) == negative_seen or known_phrase)
            # "No known mutations in ...: EGFR, ALK (testing required)": the tumour must have been tested, so an
            # untested one is a question, not a pass.
            testing_note = _TESTING_REQUIRED_NOTE.search(part_text) is not None
            known_only = known_only and not testing_note or _IF_KNOWN_TAIL.search(part_text) is not None
            split = ([] if known_only or testing_note or section == "title"
                     else [a for a in negative if id(a) in known_ids])
            if split and len(split) < len(negative):
                # "EGFR wild-type, and without other known drivers (ALK, ROS1, ...)": no X and no Y is two rules;
                # the wild-type gene needs a result, the "known" list does not (an untested gene passes).
                statements.append(Statement("-", _dedupe([a for a in negative if id(a) not in known_ids]),
                                            doubtful=unsure_absent))
                statements.append(Statement("-", _dedupe(split), known_only=True, doubtful=unsure_absent))
            else:
                statements.append(Statement("-", _dedupe(negative), known_only=known_only and section != "title",
                                            doubtful=unsure_absent))
    return statements


_BRACKETS = re.compile(r"\([^()]*\)")
# "Other actionable tumor mutations should also not be present, if known": the rule is on findings already made, for
# a class as for named genes; an untested tumour passes it.
_IF_KNOWN_TAIL = re.compile(r"[,;(]?\s*\b(?:if|when|where)\s+(?:already\s+)?known\b\)?\W*$", re.I)
_JOINED_CHANGES = re.compile(r"\band\b(?!/)", re.I)  # "T790M and C797S": changes asked together ("and/or" joins none)


def _all_asked(negative: list[dict[str, Any]], positive: list[dict[str, Any]]) -> bool:
    """Is every absent change also one of the asked alternatives (same gene, same change)?"""
    asked = {(a.get("t"), a.get("gene"), a.get("kind")) for a in positive if a.get("t") == "alt"}
    return all((a.get("t"), a.get("gene"), a.get("kind")) in asked for a in negative)


# "a driver alteration for which approved therapy exists (EGFR, ALK, ...)": a relative clause between the driver
# words and the bracketed genes that spell them out. Bounded, no stop or bracket inside the clause.
_RELATIVE_GAP = re.compile(r"[^.;:()\[\]]{0,80}\(\s*", re.I)
_RELATIVE_WORD = re.compile(r"^\s*,?\s*(?:(?:for|in|with|to|against|of)\s+)?(?:which|that|whose|where)\b", re.I)
_RELATIVE_IN = re.compile(r"\b(?:which|that|whose|where)\b", re.I)  # "alteration for which", "for which ... therapy"
# "No actionable alteration for which first-line therapy is approved, i.e., EGFR ..., ALK or ROS1", "No actionable
# alteration, namely EGFR or ALK", "(that is, EGFR ...)": a word that says the genes after it ARE the class, not
# examples of it. Cut off from the driver words, the list was read as required genes of their own (an inclusion's
# "No ..." reached only the driver words), which banned every driver but the listed ones.
_DEFINING_GAP = re.compile(
    r"(?P<rel>[^.;:()\[\]]{0,80}?)\s*[,(]\s*(?:i\.?\s?e\.?|namely|that\s+is|specifically)\s*[,:]?\s*", re.I)


def _relative_asides(found: list[list[Token]], text: str) -> list[list[Token]]:
    """Join a driver phrase to the bracketed genes after its relative clause, so they share its side (absent after
    "Lack of ...") as they do when the brackets follow the driver words directly."""
    out: list[list[Token]] = []
    for phrase in found:
        head = out[-1] if out else None
        if (head is not None and phrase[0].type in {"gene", "open"}
                and any(t.type == "driver" for t in head) and not any(t.type in {"gene", "alt"} for t in head)):
            gap = text[head[-1].end: phrase[0].start]
            relative = _RELATIVE_WORD.match(gap) is not None or _RELATIVE_IN.search(head[-1].word) is not None
            if _RELATIVE_GAP.fullmatch(gap) and relative:
                out[-1] = head + phrase
                continue
            defining = _DEFINING_GAP.fullmatch(gap)
            # the relative clause may have begun inside the head ("alterations that are targetable with approved
            # drugs, that is, EGFR ...")
            driver_at = next(t.start for t in head if t.type == "driver")
            if defining is not None and (relative or not defining.group("rel").strip()
                                         or _RELATIVE_IN.search(text, driver_at, phrase[0].start) is not None):
                out[-1] = head + phrase
                continue
        out.append(phrase)
    return out


_OR_GAP = re.compile(r"\bor\b", re.I)
_TURN_GAP = re.compile(r"\b(?:and|or)\b", re.I)
_COLON_GAP = re.compile(r"\s*:\s*")
_LIST_END = re.compile(r"\s*(?:\.|$)")


def _colon_lists(found: list[list[Token]], text: str) -> dict[int, tuple[int, bool]]:
    """Driver phrases a colon spells out as genes ("Activating driver mutation: EGFR, ALK, ROS1", "No actionable
    alterations: EGFR, ALK"): per head's id, the list's id and whether the list is closed. The list takes the head's
    side (present or absent); a closed list says which drivers are meant, so the driver word adds no doubt about
    others. A list that goes on ("..., or others", "including:", "such as:") keeps the driver word."""
    out = {}
    for head, listed in zip(found, found[1:], strict=False):
        if (any(t.type == "driver" for t in head) and not any(t.type in {"gene", "alt"} for t in head)
                and _COLON_GAP.fullmatch(text[head[-1].end: listed[0].start])
                and any(t.type == "gene" for t in listed)):
            closed = (not any(t.type in {"open", "other"} for t in head)
                      and not any(t.type in {"driver", "open", "other", "test", "detection"} for t in listed)
                      and _LIST_END.match(text, listed[-1].end) is not None)
            out[id(head)] = (id(listed), closed)
    return out


def _or_turns(found: list[list[Token]], text: str) -> list[list[Token]]:
    """"Wild-type for EGFR and ALK, or with a KRAS mutation", "..., and positive for KRAS", "..., or wild-type for
    EGFR": an "or" / "and" followed by a word that says present or absent before its gene turns to the other side, so
    the phrase is read as two (a negation before the first side does not reach the second)."""
    out: list[list[Token]] = []
    for phrase in found:
        start = 0
        for index in range(1, len(phrase) - 1):
            tok, nxt = phrase[index], phrase[index + 1]
            opens = tok.type in {"posmark", "postneg"} or tok.says_positive
            if (opens and nxt.type in {"gene", "alt"} and _TURN_GAP.search(text[phrase[index - 1].end: tok.start])
                    and any(t.type in {"gene", "alt"} for t in phrase[start:index])):
                out.append(phrase[start:index])
                start = index
        out.append(phrase[start:])
    return out


def _absent_tail(phrase: list[Token], text: str) -> bool:
    """"KRAS G12C mutation or EGFR/ALK negative": a closing "negative" may reach back over the "or" to the named
    change ("negative for both") or close only the genes after it ("KRAS G12C, or else EGFR/ALK-negative"). Either
    reading is common, so what the phrase says is absent is only a question."""
    if phrase[-1].type != "postneg":
        return False
    for index in range(1, len(phrase) - 1):
        before, after = phrase[:index], phrase[index:-1]
        if after[0].type == "alt" and any(_alt_of(after[0].key, t.key) for t in before if t.type == "gene"):
            # "EGFR exon 19 deletion or L858R and ALK fusion must be negative": this "or" lists one gene's changes
            # (L858R is EGFR's); it is no turn from a named change to other genes said absent
            continue
        if (_OR_GAP.search(text[before[-1].end: after[0].start]) and any(t.type == "alt" for t in before)
                and not any(t.type == "postneg" or t.says_positive for t in before)
                and {t.key for t in after if t.type == "gene"} - {t.key for t in before if t.type == "gene"}):
            return True
    return False


def _alt_of(alt: str, gene: str) -> bool:
    """Is `alt` a change of `gene` (or of a gene the name stands for)?"""
    return bool(set(vocab.alteration_genes(alt)) & set(vocab.expand_gene(gene)))


_OR_JOIN = re.compile(r"\b(?:and/)?or\b", re.I)
_AND_JOIN = re.compile(r"\band\b(?!/)|[.;:]", re.I)
_JOINT_ABSENCE = re.compile(r"\b(?:and|or|nor)\b|/", re.I)  # "no EGFR or ALK change" is neither


def _positions(occ: Occurrence) -> tuple[int, ...]:
    """Where the words of a gene's occurrence start (its gene, the changes and classes it names), in order. A class
    word may be shared with genes after it ("EGFR and ALK wild-type, or KRAS mutant")."""
    return tuple(sorted({occ.gene_pos, *(p for _, p in occ.alts), *(p for _, p in occ.kinds)}))


def _absent_or_present(placed: list[tuple[int, tuple[int, ...], bool, list[dict[str, Any]]]], text: str,
                       statements: list[Statement], open_ended: bool) -> bool:
    """"EGFR and ALK-negative or KRAS-positive", "wild-type for EGFR/ALK, or with a KRAS mutation": genes said absent
    and genes said present, joined by "or", are one requirement met either way: (no EGFR and no ALK change) or a
    KRAS change. Appends it and returns True; False when the sentence is not that kind (then it is read as before).

    The absent genes must be joined ("and", "/", "no EGFR or ALK"): "EGFR negative, ALK negative, or KRAS positive"
    may list three alternatives, so that wording only makes both sides questions."""
    placed = sorted(placed, key=lambda p: p[0])
    runs = [placed[0][2], *(b for (_, _, a, _), (_, _, b, _) in zip(placed, placed[1:], strict=False) if a != b)]
    if len(runs) != 2:
        return False
    cut = next(i for i, p in enumerate(placed) if p[2] != placed[0][2])
    # From the last word of the side before the turn: "EGFR exon 19 deletion or L858R without MET amplification" has
    # its "or" inside the first side (two ways in, then a change that must be absent), not at the turn.
    turn = placed[cut][0]
    boundary = text[max(p for p in placed[cut - 1][1] if p < turn or p == placed[cut - 1][0]): turn]
    if not _OR_JOIN.search(boundary) or _AND_JOIN.search(_OR_JOIN.sub(" ", boundary)):
        return False
    absent = [a for _, _, neg, atoms in placed if neg for a in atoms]
    present = [a for _, _, neg, atoms in placed if not neg for a in atoms]
    if ({a["gene"] for a in absent} & {a["gene"] for a in present}
            or any(a["t"] != "alt" for a in absent + present)):
        return False  # "EGFR wild-type or EGFR exon 20 insertion": the same gene both ways (see _drop_both_ways)
    negatives = [p for p in placed if p[2]]
    if len({a["gene"] for a in absent}) > 1 and not _JOINT_ABSENCE.search(text[negatives[0][0]: negatives[-1][0]]):
        statements.append(Statement("+", _dedupe(present), open=open_ended, doubtful=True))
        statements.append(Statement("-", _dedupe(absent), doubtful=True))
        return True
    group: dict[str, Any] = {"t": "absent", "atoms": _dedupe(absent)}
    joined = [group, *_dedupe(present)] if placed[0][2] else [*_dedupe(present), group]
    statements.append(Statement("+", joined, open=open_ended))
    return True


# "..., or histological transformation", "or evidence of transformation": a histology joined to the rule by "or".
_OR_HISTOLOGY = re.compile(
    r"[\s,]*\b(?:and/or|or)\s+(?:(?:any|a|an|known|evidence\s+of|documented|prior|previous)\s+){0,2}"
    r"(?:histolog\w*|patholog\w*|phenotyp\w*|small[\s\-]cell|SCLC|neuroendocrine|squamous)?\s*$",
    re.I,
)


def _before_histology_change(sentence: str, start: int) -> str:
    """The marker part of a sentence whose histology change is a separate alternative after "or"; "" when the
    change is what the whole sentence is about."""
    head = sentence[:start]
    joined = _OR_HISTOLOGY.search(head)
    return head[: joined.start()] if joined is not None and joined.start() > 0 else ""


def _preferred(text: str, start: int, end: int) -> bool:
    """"exon 19 deletion or L858R preferred", "preferably with exon 19 deletion": wished for, not required."""
    return bool(PREFERRED_AFTER.search(text[end: end + 60]) or PREFERRED_BEFORE.search(text[max(0, start - 50): start]))


_AND_GAP = re.compile(r"[\s,)]*\band\s*$", re.I)
_SAYS_WHICH = frozenset({"sensitizing", "activating", "common"})


def _without_status_tails(found: list[list[Token]], text: str) -> list[list[Token]]:
    """"EGFR activating mutations (exon 19 del, or exon 21) and T790M mutation status": a finding the sentence
    states in full, then one more change of that gene whose status is only to be known. The test word binds the
    last conjunct alone, so the finding stays a requirement and the status asks for no T790M."""
    return [piece for phrase in _narrowed(found, text) for piece in _preference_apart(_status_head(phrase, text), text)]


def _preference_apart(phrase: list[Token], text: str) -> list[list[Token]]:
    """"EGFR mutation (exon 19 deletion or L858R preferred)": the class is required, the changes after it only
    preferred, so they are read as two phrases (the second then widens the first: see _preferred)."""
    if not PREFERRED_AFTER.search(text[phrase[-1].end: phrase[-1].end + 60]):
        return [phrase]
    for index in range(1, len(phrase)):
        head = phrase[:index]
        named = {t.type for t in head}
        if (phrase[index].type == "alt" and "gene" in named and "alt" not in named
                and _LIST_START.search(text[head[-1].end: phrase[index].start])):
            return [head, phrase[index:]]
    return [phrase]


_LIST_START = re.compile(r"[(,]")


# "EGFR mutation limited to exon 19 deletion or L858R", "EGFR mutation: exon 19 deletion or L858R": the changes named
# after it are the only ones the class stands for.
_NARROWING_GAP = re.compile(
    r"^\s*,?\s*(?::|(?:(?:which|that) (?:is|are) )?(?:limited|restricted|confined) to(?: only)?|namely|specifically"
    r"|only)\s*(?:the following\s*:?\s*)?(?:(?:an?|one of|either)\s+)?\(?\s*$",
    re.I,
)
# A plain class only: beside a qualifier ("EGFR-sensitive mutation: exon 19 deletion, ... L871Q") the class itself
# stays an alternative, so a change it may hold that the list misses (a typo, an example list) is a question.
_NARROW_HEADS = frozenset({"mutation", "alteration"})
_NOT_IN_LIST = frozenset({"gene", "driver", "open", "other", "postneg", "posmark", "test", "detection", "pdl1"})


def _narrowed(found: list[list[Token]], text: str) -> list[list[Token]]:
    """Join a gene's bare class to the list of its changes that narrows it, so the list alone is asked for."""
    out: list[list[Token]] = []
    for phrase in found:
        head = out[-1] if out else None
        if head is not None and _narrows(head, phrase, text):
            out[-1] = head + phrase
        else:
            out.append(phrase)
    return out


def _narrows(head: list[Token], phrase: list[Token], text: str, head_kinds: frozenset[str] = _NARROW_HEADS) -> bool:
    genes = {t.key for t in head if t.type == "gene"}
    if (len(genes) != 1 or any(t.type not in {"gene", "kind"} or t.type == "kind" and t.key not in head_kinds
                               for t in head) or not any(t.type == "kind" for t in head)):
        # "Uncommon EGFR mutations: G719X, S768I or L861Q": the list may be examples of a class that names itself
        return False
    if any(t.type in _NOT_IN_LIST for t in phrase) or not any(t.type == "alt" for t in phrase):
        return False
    gene = set(vocab.expand_gene(next(iter(genes))))
    return all(gene & set(vocab.alteration_genes(t.key)) for t in phrase if t.type == "alt") and bool(
        _NARROWING_GAP.match(text[head[-1].end: phrase[0].start]))


# "EGFR-sensitive mutation: exon 19 deletion, L858R, G719X or S768I": the class stays an alternative (the list may be
# examples), but a change it holds that the list leaves out (L861Q) may be outside what the text means: a question.
_LISTED_QUALIFIERS = frozenset({"sensitizing", "activating"})


def _qualified_list_heads(found: list[list[Token]], text: str) -> set[int]:
    """ids of the phrases that are a qualified class ("EGFR activating mutation") followed by the list of its changes
    the way a plain class is narrowed by one (see _narrows)."""
    heads = set()
    for head, phrase in zip(found, found[1:], strict=False):
        qualifiers = {t.key for t in head if t.type == "kind"} & _LISTED_QUALIFIERS
        if qualifiers and _narrows(head, phrase, text, _NARROW_HEADS | _LISTED_QUALIFIERS):
            heads.add(id(head))
    return heads


def _status_head(phrase: list[Token], text: str) -> list[Token]:
    """The phrase without its last conjunct when that conjunct alone is the tested one; else the phrase."""
    if phrase[-1].type != "test" or any(t.type == "postneg" for t in phrase):
        return phrase
    alts = [i for i, t in enumerate(phrase) if t.type == "alt"]
    if not alts or alts[-1] == 0:
        return phrase
    cut = alts[-1]
    if phrase[cut - 1].type == "gene":
        cut -= 1  # "... and EGFR T790M status": the gene named again
    head, tail = phrase[:cut], phrase[cut:]
    genes = {t.key for t in head if t.type == "gene"}
    if (len(genes) != 1 or not head or {t.key for t in tail if t.type == "gene"} - genes
            or any(t.type in {"test", "detection"} for t in head)
            or any(t.type in {"driver", "test", "detection", "open", "other"} or t.says_positive for t in tail[:-1])
            or not _AND_GAP.search(text[head[-1].end: tail[0].start])
            or not set(vocab.expand_gene(next(iter(genes)))) & set(vocab.alteration_genes(phrase[alts[-1]].key))):
        return phrase  # "EGFR and ALK status", "EGFR (exon 19/21) or T790M status": a test of them all
    # The head says which changes it asks for: a qualifier ("activating") or changes it names.
    if not any(t.type == "alt" or t.type == "kind" and t.key in _SAYS_WHICH for t in head):
        return phrase
    return head


_ONLY_BEFORE = re.compile(
    r"\bonly\s+(?:(?:the\s+)?(?:patients?|subjects?|participants?|those|people|tumou?rs?|cases?)\s+)?"
    r"(?:(?:with|harbou?ring|carrying|having|who\s+(?:have|has|harbou?r))\s+)?"
    r"(?:(?:an?|known|documented|confirmed|tumou?r)\s+){0,2}$",
    re.I,
)


# "with no known EGFR, ALK mutation or other aberration": a rule on known findings; an untested tumour has none.
# "not known to harbour an EGFR mutation": the same, said with a verb (an untested tumour is not known to have one).
_NO_KNOWN_BEFORE = re.compile(
    r"\b(?:no|without(?:\s+any)?)\s+(?:known|documented)\s+$"  # "No documented ROS1 ...": none found is enough
    r"|\bnot\s+known\s+to\s+(?:have|harbou?r|carry|contain|be)\s+(?:an?\s+|any\s+)?(?:\w+\s+)?$"
    # "should not have a previously detected EGFR mutation", "no previously documented ALK": nothing found yet is enough
    r"|\b(?:no|without(?:\s+any)?|not\s+(?:have|harbou?r|carry)\s+(?:an?\s+|any\s+)?)\s*previously\s+"
    r"(?:(?:detected|identified|documented|confirmed|known|diagnosed|reported|found)\s+)?$", re.I)


# "Known EGFR mutation", "patients with a known ALK fusion", "tumours known to harbour a ROS1 fusion": a finding
# already made; an untested tumour has none known. Not "negative for known ..." nor "absence of known ...": those
# ask for a test of the known changes. "Documented" is said of a finding already made as well, and "Known co-occurring
# activating mutation in ALK, ROS1 ..." keeps its "known" across the words that say the change comes beside another.
_KNOWN_BEFORE = re.compile(
    r"(?<!negative for )(?<!absence of )(?<!lack of )\b(?:known|documented)\s+"
    r"(?:to\s+(?:have|harbou?r|carry|contain|be)\s+)?(?:an?\s+|any\s+|the\s+)?"
    r"(?:(?:co-?occurring|concurrent|concomitant|co-?existing|coexistent|additional|other)\s+)?"
    r"(?:(?:activating|sensiti[sz]ing|actionable|oncogenic|driver|somatic|genomic)\s+)?$",
    re.I)
# "known to have somatic mutations in the following genes: ALK, EGFR, ...": a head that says "known" before the colon
# that opens the list makes the whole list known (an untested tumour has none known). Not "no known", "not known".
_KNOWN_LIST_HEAD = re.compile(
    r"(?<!\bno )(?<!\bnot )(?<!without )(?<!negative for )\bknown\s+(?:to\s+(?:have|harbou?r|carry|contain)\s+)?"
    r"[^.;:()]{0,120}:\s*$",
    re.I)
# "No known mutations in the following genes: ...", "absence of known alterations in these genes: ...": a head that
# says "no known" before the colon that opens the list rules out only known findings, for the whole list.
# "without other known driver genes (ALK, ROS1)": "known" after "other", inside the phrase that opens at "other".
_NO_OTHER_KNOWN_BEFORE = re.compile(r"\b(?:no|without(?:\s+any)?)\s+other\s+known\s+$", re.I)
_NO_KNOWN_LIST_HEAD = re.compile(
    r"\b(?:no|without(?:\s+any)?|absence\s+of)\s+known\s+[^.;:()]{0,120}:\s*$", re.I)
# Between two phrases of one list: commas, "or", "and", "and/or" and nothing else.
# "NSCLC of any histology, including", "non-small cell lung cancer (including", "solid tumours, also": a disease
# noun, at most "of any histology / subtype" after it, then "including" or "also". A marker word may not stand between
# ("NSCLC with driver alterations, including EGFR": the examples of the asked class, read as they were).
_DISEASE_INCLUDING = re.compile(
    r"\b(?:NSCLC|lung\s+cancer|carcinoma|adenocarcinoma|cancers?|tumou?rs?|malignanc(?:y|ies)|histolog(?:y|ies))"
    r"(?:\s+of\s+the\s+lung)?(?:\s+(?:of\s+)?(?:any|all)\s+(?:histolog(?:y|ies)|(?:sub)?types?))?"
    r"\s*[,(]?\s*(?:(?:and|but)\s+)?(?:(?:also|including|incl\.)\s*)+"
    r"(?:(?:those|patients|participants|tumou?rs|cases|disease)\s+(?:with|harbou?ring|carrying)\s+)?(?:an?\s+)?$",
    re.I,
)
_LIST_GAP = re.compile(r"\s*(?:,|/)?\s*(?:(?:and/or|or|and|nor)\s+)?(?:an?\s+)?", re.I)


def _describes_other_cancer(text: str, start: int, end: int) -> bool:
    """"NSCLC, or ER+ HER2- breast cancer": the marker belongs to the other cancer, not to an NSCLC patient.
    Not a marker in the brackets right after lung cancer's name ("NSCLC (EGFR+), or breast carcinoma"): NSCLC's."""
    if _in_lung_cancers_brackets(text, start):
        return False
    return bool(OTHER_CANCER_AFTER.match(text[end: end + 50])
                or HORMONE_RECEPTOR_BEFORE.search(text[max(0, start - 30): start]))


_LINKER = re.compile(r"(?:with|harbou?ring|carrying|bearing)\s+(?:(?:an?|the|documented|known|confirmed)\s+)*", re.I)


def _after_other_cancers_with(text: str, start: int) -> bool:
    """"KRAS-mutant NSCLC, or HR+ breast cancer with PIK3CA mutation": the change right after another cancer's name
    and "with" is that cancer's. Not where lung cancer is joined to it ("NSCLC or breast cancer with ..."): there the
    change may be asked of both."""
    linker = _LINKER.match(text, start)  # a phrase may open with its own "with"
    before = text[max(0, start - 80): linker.end() if linker else start]
    match = OTHER_CANCER_WITH_BEFORE.search(before)
    if match is None:
        return False
    return LUNG_JOINED_BEFORE.search(before[:match.start("cancer")]) is None


# "NSCLC (", "non-small cell lung cancer [", "lung adenocarcinoma (": the brackets after lung cancer's name.
_LUNG_BEFORE_BRACKET = re.compile(
    r"(?:\bNSCLC|\blung\s+(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?)|\bcarcinomas?\s+of\s+the\s+lung)"
    r"\s*(?:\([A-Za-z0-9+\-/ ]{1,15}\)\s*)?$",
    re.I,
)


def _in_lung_cancers_brackets(text: str, start: int) -> bool:
    opened = _open_bracket_before(text, start)
    return opened is not None and _LUNG_BEFORE_BRACKET.search(text[max(0, opened - 70): opened]) is not None


def _other_cancers_bracket_in(phrase: list[Token], text: str) -> int:
    """Where, past its first word, a phrase enters the brackets after another cancer's name (0: it never does)."""
    for index, tok in enumerate(phrase[1:], 1):
        if tok.type in ANCHORS and _in_other_cancers_brackets(text, tok.start):
            return index
    return 0


def _in_other_cancers_brackets(text: str, start: int) -> bool:
    """"NSCLC, breast carcinoma (HR+ and HER2-negative), or ovarian cancer": a marker inside the brackets that open
    right after another cancer's name qualifies that cancer, wherever the list names lung cancer."""
    opened = _open_bracket_before(text, start)
    return opened is not None and OTHER_CANCER_BEFORE_BRACKET.search(text[max(0, opened - 70): opened]) is not None


def _open_bracket_before(text: str, start: int) -> int | None:
    """Where the bracket still open at `start` opens (looking back at most 200 characters), or None."""
    low = max(0, start - 200)
    if text.rfind("(", low, start) < 0 and text.rfind("[", low, start) < 0:
        return None  # most phrases: no bracket before them at all
    depth = 0
    for i in range(start - 1, low - 1, -1):
        char = text[i]
        if char in ")]":
            depth += 1
        elif char in "([":
            if depth == 0:
                return i
            depth -= 1
    return None


_TEST_OF = re.compile(r"\s*(?:of|for|on)\b", re.I)
_RESULTS_COLON = re.compile(r"\b(?:test(?:ing)?|detection|genotyping)\s+results?\s*:\s*$", re.I)
_RESULTS_OF = re.compile(r"\s*(?:\(|\[|:|(?:of|for|on)\s)\s*", re.I)
_TESTED_FOR = re.compile(r"\b(?:tested|test|testing|screened|assessed|evaluated|analy[sz]ed|genotyped)\s+for\s+$", re.I)


def _is_test_phrase(text: str, start: int, end: int, phrase: list[Token]) -> bool:
    """"samples for EGFR T790M detection", "EGFR status will be assessed": a test, not a finding."""
    if PROCEDURE_AFTER.search(text[end: end + 60]):
        return True
    if _method_only(text, start, end, phrase):
        return True  # "EGFR and ALK according to local testing": how they are tested, no finding
    if all(t.type == "gene" for t in phrase) and _RESULTS_COLON.search(text[max(0, start - 40): start]):
        return True  # "genetic test results: EGFR, ALK": which results, not which finding
    if not any(t.type in {"detection", "test"} for t in phrase):
        return False
    if any(t.type == "postneg" or t.says_positive for t in phrase):
        return False
    if phrase[0].type in {"detection", "test"} and len(phrase) > 1 and _TEST_OF.match(
        text[phrase[0].end: phrase[1].start]
    ):  # "Detection of EGFR mutations", "testing for ALK"
        return True
    skip = 1 if phrase[0].type == "posmark" and phrase[0].key == "with" else 0  # "with test results: ..."
    lead = next((i for i, t in enumerate(phrase) if i >= skip and t.type not in {"detection", "test"}), 0)
    lead = lead if lead > skip else 0
    if (lead and all(t.type == "gene" for t in phrase[lead:])
            and _RESULTS_OF.fullmatch(text[phrase[lead - 1].end: phrase[lead].start])):
        # "definite genetic testing results (EGFR/ALK/ROS1)", "test results: EGFR, ALK": results asked for, no change
        return True
    before = text[max(0, start - 40): start]
    return bool(TEST_BEFORE.search(before)) and not _NEGATIVE_FOR.search(before)


# A gene word that carries its change: "RAS alteration", "EGFRm", "KRAS-mut", "ALK+", "EGFR wt".
_CHANGE_IN_NAME = re.compile(r"\s|mut|pos|neg|wt\b|\+|(?<=[A-Z0-9])m$")
_CLAUSE_END = re.compile(r"[.;]\s|[.;]$|\bbut\b|\bwhile\b", re.I)
_CLAUSE_START = re.compile(r"[.;:]\s*(?=[^.;:]*$)")


def _method_only(text: str, start: int, end: int, phrase: list[Token]) -> bool:
    """"EGFR and ALK according to local testing", "ROS1/BRAF as determined by NGS": genes with no change named, then
    only how they are tested, and no result anywhere in the clause: a testing demand, not a finding."""
    genes = list(takewhile(lambda t: t.type == "gene" and not _CHANGE_IN_NAME.search(t.word), phrase))
    if not genes or any(t.type != "open" for t in phrase[len(genes):]):
        return False  # a change, a sign or a negation in the phrase; "(e.g. ..." after the method is no finding
    end = genes[-1].end
    method = METHOD_AFTER.match(text[end:])
    if method is None:
        return False
    closing = _CLAUSE_END.search(text, end + method.end())
    opening = _CLAUSE_START.search(text, 0, start)
    before = text[opening.end() if opening else 0: start]
    after = text[end + method.end(): closing.start() if closing else len(text)]
    return not RESULT_IN_CLAUSE.search(before) and not RESULT_IN_CLAUSE.search(after)


# "negative for EGFR and ALK by local test": the "for" closes a finding ("negative for"), not a test ("test for").
_NEGATIVE_FOR = re.compile(r"\bnegative\s+for\s+$", re.I)


def _tested_for(text: str, start: int, phrase: list[Token]) -> bool:
    """"must be tested for EGFR and ALK": only a test, unless the phrase says what was found."""
    if any(t.type == "postneg" or t.says_positive for t in phrase):
        return False
    return bool(_TESTED_FOR.search(text[max(0, start - 40): start])) or _in_tested_list(text, start)


# "All of the following have been tested: EGFR, ALK, ROS1", "Results must be available for all of the following genes:
# KRAS, BRAF": a list opened by a head that says only that the genes were tested. The head names no finding: not
# "tested and are negative:", "positive test result for one of:", "harbouring, confirmed by local testing:".
# The head must say the genes were tested or their results are to hand: not a bare "NGS testing:" (the finding follows)
# nor "assignment is determined by the central result:" (routing).
_TESTED_HEAD = re.compile(
    r"\b(?:tested|genotyped|screened)\b|\b(?:results?|testing|tests?)\b[^:]{0,60}?\b(?:available|required|needed"
    r"|necessary|mandatory|performed|done|completed|obtained)\b", re.I)
_FINDING_IN_HEAD = re.compile(
    r"\b(?:positiv\w*|negativ\w*|wild[\s\-]?type|mutated|mutant|harbou?r\w*|carr(?:y|ies|ying)|found|show\w*"
    r"|detect\w*|reveal\w*|demonstrat\w*|confirm\w*|presence|absence|absent|present|with|without|no|not|none"
    r"|neither|nor|excluded|eligible|unless|except)\b", re.I)
# Between the colon and a later item: only the items before it, never a finding word of their own.
_FINDING_IN_ITEMS = re.compile(r"\b(?:positiv\w*|negativ\w*|wild[\s\-]?type|absent|no|not|without)\b|[.;:]",
                               re.I)


def _in_tested_list(text: str, start: int) -> bool:
    """The phrase at `start` is an item of a list whose head says only that the genes were tested."""
    colon = text.rfind(":", 0, start)
    if colon < 0 or _FINDING_IN_ITEMS.search(text, colon + 1, start):
        return False
    head = text[max(text.rfind(".", 0, colon), text.rfind(";", 0, colon)) + 1: colon]
    if len(head) > 120 or names_marker(head):
        return False
    return _TESTED_HEAD.search(head) is not None and _FINDING_IN_HEAD.search(head) is None


_BROAD_KINDS = frozenset({"any", "mutation", "alteration", "fusion", "actionable", "activating"})


def _other_than_genes(phrase: list[Token], text: str, other: Token) -> tuple[set[str], list[Token], set[str]]:
    """After "driver alterations other than EGFR": the genes spared, the example tokens ("(e.g. KRAS, ALK)": part of
    what is excluded) and the genes of a bare aside ("other than EGFR (KRAS, ALK)": spared or examples, unclear)."""
    spared: set[str] = set()
    unclear: set[str] = set()
    examples: list[Token] = []
    state = "spared"
    last = other.end
    for tok in phrase:
        if tok.start <= other.start:
            continue
        if tok.type == "open":
            state = "examples"
        elif state == "spared" and "(" in text[last: tok.start] and tok.type in {"gene", "alt"}:
            state = "unclear"
        last = tok.end
        if state == "examples":
            if tok.type != "open":
                examples.append(tok)
        elif tok.type == "gene":
            (spared if state == "spared" else unclear).update(vocab.expand_gene(tok.key))
    return spared, examples, unclear


def _excepted_atoms(phrase: list[Token], head: str | None) -> list[dict[str, Any]]:
    """The atoms an "other than ..." spares. A change several genes may carry ("exon 20 insertion") belongs to the
    head's gene ("HER2 mutation other than exon 20 insertion" spares HER2's, not EGFR's)."""
    genes = vocab.expand_gene(head) if head else []
    atoms = []
    if len(genes) == 1 and phrase and all(t.type == "kind" and t.key in _SPARED_CLASSES for t in phrase):
        # "No HER2 alteration other than amplification": the bare kind is the head gene's
        return [{"t": "alt", "gene": genes[0], "kind": t.key} for t in phrase]
    for occ in occurrences(phrase):
        if occ.gene is None and len(genes) == 1 and occ.alts and all(
                genes[0] in vocab.alteration_genes(k) for k, _ in occ.alts):
            occ.gene = genes[0]
        atoms.extend(occurrence_atoms(occ, []))
    return atoms


def _exception_end(phrase: list[Token], cut_at: int, head: str | None) -> int:
    """Where the changes an "other than" spares end: at another gene ("KRAS mutations other than G12V, or BRAF
    V600E": BRAF is one more way in, not spared), else at the phrase's end."""
    own = set(vocab.expand_gene(head)) if head else set()
    for index in range(cut_at + 2, len(phrase)):
        tok = phrase[index]
        if own and tok.type == "gene" and not set(vocab.expand_gene(tok.key)) & own:
            return index
    return len(phrase)


# Kinds that are one change of their own, as an alteration is: "No HER2 alteration other than (HER2) amplification"
# spares the amplification. Before, with no alteration after "other than", the spared kind was banned and the rest let
# in (an amplified patient excluded by the trial that allows them). Not "mutation" / "alteration": a class, no change.
_SPARED_KINDS = frozenset({"amplification", "overexpression", "fusion", "expression"})
# The same, with the gene's sequence changes as one class: "No HER2 alteration other than mutations", "(HER2 mutations
# are allowed)" let the mutations in and ban the rest (amplification, overexpression); read as a ban of mutations
# (or, bracketed, of every change) before. Not for "EGFR wild-type (mutation)" (negative_gene_spelled): there the
# bracket says what wild-type means, nothing is spared.
_SPARED_CLASSES = _SPARED_KINDS | {"mutation"}


def _other_than(phrase: list[Token], text: str) -> int:
    """Index of an "other" token reading "other than", after a gene and before an alteration; 0 when none."""
    for index, tok in enumerate(phrase):
        if (tok.type == "other" and index and text[tok.end: tok.end + 6].lower().startswith(" than")
                and any(t.type == "gene" for t in phrase[:index])
                and not any(t.type == "driver" for t in phrase[:index])
                and any(t.type == "alt" or t.type == "kind" and t.key in _SPARED_CLASSES for t in phrase[index + 1:])):
            return index
    return 0


# "other than (the) common / classic / sensitising ones": a qualifier class after "other than", nothing named.
_SPARED_QUALIFIERS = ("common", "sensitizing", "activating", "uncommon")
# "... ones (exon 19 deletion, L858R)", "... mutations, i.e. exon 19 deletion or L858R": the spared class spelled out.
_SPELLED_OUT = re.compile(r"\s*(?:ones?|mutations?|variants?|alterations?)?\s*(?:,\s*|\()\s*"
                          r"(?:(?:i\.?\s?e\.?|e\.?\s?g\.?|namely|such as|including|that is)\s*[,:]?\s*)?", re.I)


def _other_than_qualified(phrase: list[Token], text: str) -> tuple[int, str, list[Token]] | None:
    """"EGFR mutations other than (the) common ones": the index of "other", the qualifier class it spares and the
    changes named after the class that are not of it ("other than common mutations (e.g. G719X)": examples of what
    is left, not spared). None when no class is said, or every change named after it is of the class ("other than
    sensitising mutations (exon 19 deletion, L858R)": the changes spell it out, _other_than spares them)."""
    cut_at = next((i for i, t in enumerate(phrase) if t.type == "other" and i
                   and text[t.end: t.end + 6].lower().startswith(" than")), 0)
    if not cut_at or any(t.type == "driver" for t in phrase[:cut_at]):
        return None
    gene = next((t.key for t in reversed(phrase[:cut_at]) if t.type == "gene"), None)
    spared = _spared_class(phrase[cut_at + 1:], gene) if gene else None
    return None if spared is None else (cut_at, *spared)


def _spared_class(after: list[Token], gene: str) -> tuple[str, list[Token]] | None:
    """The tokens after "other than": the qualifier class spared and the changes named after it that are not of it
    (with their opening word); None when no class comes first or every change named is of it."""
    kinds = list(takewhile(lambda t: t.type == "kind", after))
    rest = after[len(kinds):]  # "(e.g., G719X)", "such as exon 20 insertion": the opening word is kept
    said = [t.key for t in kinds if t.key in _SPARED_QUALIFIERS]
    if not said or any(t.type not in {"alt", "open"} for t in rest):
        return None
    genes = vocab.expand_gene(gene)
    kept = [t for t in rest if t.type == "open" or not all(vocab.membership(g, said[0], t.key) is True for g in genes)]
    return None if any(t.type == "alt" for t in rest) and not any(t.type == "alt" for t in kept) else (said[0], kept)


# Between two items of a list of examples: commas, "and"/"or", and at most one word the reader does not know
# ("S7681", a misspelt S768I).
_CO_LIST_GAP = re.compile(r"\s*,?\s*(?:(?:and|or|and/or)\s+)?(?:[A-Za-z0-9\-]{1,12}\s*,?\s*(?:(?:and|or)\s+)?)?")


# "(a co-existing MET amplification is allowed)", "; concurrent TP53 or STK11 mutations are permitted": a change
# said to come beside the asked one, then allowed. Never a way in of its own.
_BESIDE_BEFORE = re.compile(r"(?:^|[(;,]|\band)\s*(?:an?\s+|any\s+)?(?:co-?existing|coexistent|co-?occurring"
                            r"|concurrent|concomitant|accompanying)\s+$", re.I)
_ALLOWED_AFTER = re.compile(r"[\w\s,/-]{0,30}?\b(?:is|are)\s+(?:also\s+)?" + ALLOW_WORD + r"\b", re.I)


def _permitted_beside(text: str, first: int, end: int) -> int | None:
    """Where the words allowing a change beside the asked one end; None when the phrase is no such change."""
    if not _BESIDE_BEFORE.search(text[max(0, first - 40): first]):
        return None
    allowed = _ALLOWED_AFTER.match(text, end)
    return allowed.end() if allowed else None


def _cooccurring_list_end(text: str, first: int, end: int) -> int:
    """Where the list after "alone or with other EGFR mutations" ends: the bracket it opened closes, or (with no
    bracket) the phrase ends and a next item may follow (_CO_LIST_GAP)."""
    opening = text.find("(", first, end + 3)
    if opening < 0:
        return end
    closing = text.find(")", opening)
    return len(text) if closing < 0 else closing


_HEAD_TO_OTHER = re.compile(r"[\w \-]{0,40}", re.I)  # "EGFR-mutant NSCLC other than ...": words, no stop
# "other than the / TKI-sensitising / EGFR-TKI sensitive": at most two short words before the class word
_THAN_TO_CLASS = re.compile(r"\s+than\s+(?:[\w]{1,8}[\s\-]+){0,2}", re.I)


def _trailing_spared_class(phrase: list[Token], toks: list[Token], starts: list[int],
                           text: str) -> tuple[str, str, int] | None:
    """After a gene's phrase, "other than (the) common ones" with no gene or change after it: the phrase's gene, the
    class spared and where its words end; None otherwise."""
    ends_other = phrase[-1].type == "other"  # "EGFR mutation other than TKI-sensitising ...": a word cut it there
    head = phrase[:-1] if ends_other else phrase
    gene = next((t.key for t in reversed(head) if t.type == "gene"), None)
    index = bisect_left(starts, head[-1].end) if head else len(toks)  # the token after the head, found in log time
    if gene is None or index >= len(toks) or any(t.type in {"other", "driver"} for t in head):
        return None
    other = toks[index]
    if other.type != "other" or not text[other.end: other.end + 6].lower().startswith(" than") or not (
            _HEAD_TO_OTHER.fullmatch(text, head[-1].end, other.start)):
        return None
    kinds = list(takewhile(lambda t: t.type == "kind", toks[index + 1:]))
    if not kinds or not _THAN_TO_CLASS.fullmatch(text, other.end, kinds[0].start):
        return None
    said = [t.key for t in kinds if t.key in _SPARED_QUALIFIERS]
    following = toks[index + 1 + len(kinds)] if index + 1 + len(kinds) < len(toks) else None
    if not said or (following is not None and following.type in {"gene", "driver", "open"}):
        return None
    return gene, said[0], kinds[-1].end


def _spells_out(phrase: list[Token], gene: str, kind: str) -> bool:
    """The bracket after "other than the common ones" names changes of that class only ("(exon 19 deletion,
    L858R)"), not examples of what is left ("(G719X, L861Q)")."""
    genes = vocab.expand_gene(gene)
    return all(t.type == "alt" and all(vocab.membership(g, kind, t.key) is True for g in genes) for t in phrase)


_ALONE_OR = re.compile(r"\balone or\s+$", re.I)
# "any other / additional / concurrent [driver] ... in addition to X": the change named before the cut is one besides X.
_OTHER_BESIDE = re.compile(r"\b(?:other|additional|another|concurrent|concomitant|co-?occurring|coexisting|co-existing"
                           r"|second)\b", re.I)
_BESIDE_WORD = re.compile(r"in addition to\b", re.I)
_NON_BEFORE = re.compile(r"\bnon[\s\-]?$", re.I)
# "other than G12C or G12D", "other than V600E, V600K and G469A": the changes the exception lists, one joined to the
# next by a comma or "or" only (a bracket, "e.g." or "including" starts examples of what is taken instead).
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and/or|or|and|nor)\s+)?", re.I)
# The change each "other than" alteration key spares.
_NON_BASE = {"non-G12C": "G12C", "non-V600": "V600E"}
_BROAD_SAME_GENE = frozenset({"mutation", "any", "alteration"})


def _fold_non_list(phrase: list[Token], text: str, non_lists: dict[str, list[str]]) -> list[Token]:
    """The phrase without the changes listed after "other than X" (kept in `non_lists` for _apply_non_lists)."""
    index = next((i for i, t in enumerate(phrase) if t.type == "alt" and t.key in _NON_BASE), None)
    if index is None:
        return phrase
    genes = vocab.alteration_genes(phrase[index].key)
    end = index + 1
    while (end < len(phrase) and phrase[end].type == "alt" and phrase[end].key not in _NON_BASE
           and set(vocab.alteration_genes(phrase[end].key)) & set(genes)
           and _LIST_JOIN.fullmatch(text, phrase[end - 1].end, phrase[end].start)):
        non_lists.setdefault(phrase[index].key, []).append(phrase[end].key)
        end += 1
    return phrase if end == index + 1 else phrase[: index + 1] + phrase[end:]


def _apply_non_lists(atoms: list[dict[str, Any]], non_lists: dict[str, list[str]]) -> None:
    """"KRAS mutation other than G12C or G12D": one atom sparing both. "BRAF-mutant NSCLC other than V600E": the
    exception narrows the broad word of the same gene said before it (not another way in)."""
    non_genes = set()
    for atom in atoms:
        if atom["t"] == "alt" and atom["kind"] in _NON_BASE:
            non_genes.add(atom["gene"])
            if atom["kind"] in non_lists:
                atom["except"] = sorted({_NON_BASE[atom["kind"]], *non_lists[atom["kind"]]})
                atom["kind"] = "mutation"
    atoms[:] = [a for a in atoms if not (a["t"] == "alt" and a["gene"] in non_genes and a["kind"] in _BROAD_SAME_GENE
                                         and not a.get("except") and not a.get("vague"))]


def _let_through(atoms: list[dict[str, Any]], excepted: list[dict[str, Any]]) -> None:
    """Atoms of a rule that spare what an "except ..." names: a driver atom spares the gene, a broad atom of
    the same gene spares the named change ("EGFR mutations except exon 20 insertion")."""
    for atom in atoms:
        if atom["t"] == "driver":
            atom["spared"] = sorted({*atom.get("spared", ()), *(e["gene"] for e in excepted)})
        elif atom["t"] == "alt" and atom["kind"] in _BROAD_KINDS:
            kinds = [e["kind"] for e in excepted if e["gene"] == atom["gene"]]
            if kinds:
                atom["except"] = sorted({*atom.get("except", ()), *kinds})


_BROAD_HEAD = frozenset({"mutation", "alteration", "any"})
_DEFINING_QUALIFIERS = frozenset({"sensitizing", "activating", "common"})
_ASIDE_OPEN = re.compile(r"[(\[]")
_ASIDE_CLOSE = re.compile(r"[)\]]")


def _defined_by_aside(phrase: list[Token], text: str) -> set[str]:
    """Genes whose broad word an aside defines: "EGFR mutagenesis [EGFR sensitive mutations include G719X, exon 19
    deletion, L858R]". The aside's class decides; a change it leaves out (exon 20 insertion, T790M or C797S alone)
    may still be a change of the broad word, so that word can only raise a question."""
    for index, tok in enumerate(phrase):
        if tok.type != "kind" or tok.key not in _DEFINING_QUALIFIERS:
            continue
        head = phrase[:index]
        opened = max((m.start() for m in _ASIDE_OPEN.finditer(text, phrase[0].start, tok.start)), default=None)
        if opened is None or _ASIDE_CLOSE.search(text, opened, tok.start):
            continue
        genes = [t for t in head if t.type == "gene" and t.end <= opened]
        broad = any(t.type == "kind" and t.key in _BROAD_HEAD and t.end <= opened for t in head)
        includes = any(t.type == "open" and t.key.startswith("include") for t in phrase[index:])
        if genes and broad and includes:
            return {g for t in genes for g in vocab.expand_gene(t.key)}
    return set()


def _other_driver_examples(phrase: list[Token]) -> bool:
    """"other oncogenic driver alterations (eg, MET amplification)": the genes are examples of the other drivers, so
    the driver rule binds in full (other than the trial's own genes: reading._resolve_other)."""
    driver = next((i for i, t in enumerate(phrase) if t.type == "driver"), None)
    if driver is None:
        return False
    # The examples may follow in a phrase of their own ("(eg, moderate or high MET amplification)").
    gene = next((i for i, t in enumerate(phrase) if t.type in {"gene", "alt"}), len(phrase))
    return (gene > driver and any(t.type == "other" for t in phrase[:driver])
            and any(t.type == "open" and t.key != "or other" for t in phrase[driver:gene]))


_EXAMPLE_OPENS = frozenset({"eg", "such as", "for example", "including", "not limited to"})


def _driver_examples(phrase: list[Token]) -> bool:
    """Driver words, then "e.g." / "such as", then the genes: examples of the driver class, no "other" said."""
    driver = next((i for i, t in enumerate(phrase) if t.type == "driver"), None)
    gene = next((i for i, t in enumerate(phrase) if t.type in {"gene", "alt"}), len(phrase))
    return (driver is not None and gene > driver and not any(t.type == "other" for t in phrase)
            and any(t.type == "open" and t.key in _EXAMPLE_OPENS for t in phrase[driver:gene]))


def _beyond_named(phrase: list[Token]) -> bool:
    """A driver word after "or other" / "other" that follows named genes."""
    seen_gene = seen_other = False
    for tok in phrase:
        if tok.type == "gene":
            seen_gene = True
        elif seen_gene and (tok.type == "other" or tok.type == "open" and tok.key == "or other"):
            seen_other = True
        elif tok.type == "driver" and seen_other:
            return True
    return False


_ACTIONABLE_WORD = re.compile(r"\b(?:targeted|effective treatment|approved)\b", re.I)
# "harbouring an oncogenic driver alteration (e.g. ...) and currently receiving a targeted TKI": a treatment the patient
# is on, joined after the marker phrase, is the prior-therapy rule; its "targeted" does not make the driver class
# "actionable" (an open "e.g." driver list takes any oncogenic driver, one with no approved drug too).
_TREATMENT_CLAUSE_AFTER = re.compile(
    r",?\s+(?:and|who\s+(?:is|are))\s+(?:(?:is|are|be|must\s+be|must\s+have|have|has)\s+)?(?:currently\s+|now\s+|still\s+)?"
    r"(?:receiv\w+|on\s+(?:treatment|therapy)|being\s+treated|treated\s+with|taking|progress\w+|had\s+progress\w*)\b",
    re.I)


def _driver_atom(drivers: list[Token], phrase: list[Token], text: str) -> dict[str, Any]:
    treatment = _TREATMENT_CLAUSE_AFTER.search(text, phrase[-1].end)
    before_treatment = text[: treatment.start()] if treatment is not None else text
    actionable = any(t.key == "actionable" for t in drivers) or any(
        t.type == "kind" and t.key == "actionable" for t in phrase
    ) or bool(_ACTIONABLE_WORD.search(before_treatment))
    atom: dict[str, Any] = {"t": "driver", "class": "actionable" if actionable else "driver"}
    if any(t.type == "other" for t in phrase):
        atom["other"] = True
    return atom


def _dedupe(atoms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for atom in atoms:
        seen.setdefault(repr(sorted(atom.items())), atom)
    return list(seen.values())
