"""Read biomarker statements out of one sentence of trial text.

A sentence becomes tokens (genes, alterations, kinds of change, driver words, negations, test words);
tokens joined only by list words ("and", "or", ",", "/", "of", "including") form a phrase such as
"EGFR or HER2 exon 20 insertion mutations". Each gene in a phrase gets the alterations written after it
(or before it, or shared along a list), and a polarity: present, absent ("without ...", "... wild-type")
or merely tested ("EGFR mutation status"). Phrases that only set up a condition ("patients with EGFR
mutation must have received a TKI") are dropped: they are prior-therapy rules, not biomarker rules.

Every regex here is a flat alternation or a bounded window, so the work is linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from trialmatch.rules import biomarker_vocab as vocab

# ---- normalisation ------------------------------------------------------------------------------

_WIDE = str.maketrans({"，": ", ", "；": "; ", "：": ": ", "（": " (", "）": ") ", "。": ". ", "≧": "≥", "≦": "≤",
                       "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "})
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|approx|incl)\.", re.I)
# Drug targets, longest spelling first ("KRAS G12C inhibitor" must not leave "G12C" behind).
_GENE_LIST = (
    r"(?:KRAS\s?G12C|KRAS\s?G12D|EGFR|ALK|ROS-?1|HER-?[23]|ERBB[23]|c-MET|MET|KRAS|NRAS|RAS|BRAF|MEK(?:1/2)?|RET|NTRK"
    r"|TRK|PD-?L?1|PD-1|CTLA-?4|VEGFR?\d?|FGFR\d?|SHP-?2|SOS1|AXL|TROP-?2|TIGIT|LAG-?3|PI3K|mTOR|CDK4/6|PARP|DLL3)"
)
# "EGFR-TKI sensitive" means a sensitising mutation: keep the meaning before drug names are removed.
_TKI_SENSITIVE = re.compile(
    r"(?:EGFR)[\s\-]*(?:TKIs?|tyrosine kinase inhibitors?)(?:\s*\(TKIs?\))?[\s\-]*(?=sensitiv|sensitiz|sensitis)"
)
# Kidney function is sometimes written "EGFR" too: near a clearance or mL/min it is not the gene.
_KIDNEY_BEFORE = re.compile(
    r"(?i:glomerular|creatinine|clearance|CrCl|renal|kidney|MDRD|CKD-EPI|Cockcroft)[^.;]{0,40}?\bEGFR\b"
)
_KIDNEY_AFTER = re.compile(
    r"\bEGFR\b(?=[^.;]{0,40}?(?i:m[lL]\s*/\s*min|mL\s*/\s*minute|/1\.73|creatinine|clearance|Cockcroft|MDRD|CKD-EPI))"
)
# "(positive or negative)", "mutant or wild-type": either result, so only a test is asked for.
_EITHER_STATUS = re.compile(
    r"\b(?:positive|negative)\s*(?:or|/|and/or|and)\s*(?:negative|positive)\b"
    r"|\b(?:mutant|mutated|mutation[\s\-]positive|positive)\s*(?:or|/|and)\s*(?:wild[\s\-]?type|non-?mutated)\b"
    r"|\bwild[\s\-]?type\s*(?:or|/|and)\s*(?:mutant|mutated|mutation[\s\-]positive|positive)\b",
    re.I,
)
# Drug classes named after a gene ("EGFR-TKI", "anti-PD-L1", "ALK inhibitors", "drugs targeting MET").
_DRUGS = re.compile(
    r"(?i:\banti-?\s?)" + _GENE_LIST + r"(?:\s*/\s*" + _GENE_LIST + r")*[\w\-]*"
    r"|" + _GENE_LIST + r"(?:\s*(?:/|,|and|or|and/or)\s*" + _GENE_LIST + r"){0,4}"
    r"(?i:[\s\-]*(?:exon\s?20\s?insertion[\s\-]*)?(?:mutation[\s\-]*)?"
    r"(?:selective[\s\-]+|targeted[\s\-]+|targeting[\s\-]+|directed[\s\-]+|specific[\s\-]+|blocking[\s\-]+)?"
    r"(?:TKIs?|tyrosine kinase inhibitors?|inhibitors?|inhibition|antibod(?:y|ies)|mAbs?|"
    r"targeted (?:therap(?:y|ies)|agents?|drugs?|treatments?|antibod(?:y|ies))|"
    r"targeting (?:agents?|drugs?|therap(?:y|ies))|"
    r"pathways?|blockers?|blockade|ADCs?|antibody[\s\-]drug conjugates?|bispecifics?|agents?|drugs?|"
    r"(?:directed|targeted) therap(?:y|ies)|therap(?:y|ies)|treatments?))\b"
    r"|(?i:\b(?:(?:drugs?|agents?|therap(?:y|ies)|inhibitors?|antibod(?:y|ies)|treatments?)\s+(?:that\s+)?)?"
    r"(?:target(?:s|ing|ed)?|against|inhibit(?:s|ing)?|block(?:s|ing)?)\s+(?:the\s+)?(?:human\s+)?)" + _GENE_LIST
    + r"(?:\s*(?:/|,|and|or|and/or)\s*" + _GENE_LIST + r"){0,4}"
    r"|(?i:\b(?:first|second|third|1st|2nd|3rd|fourth|4th)[\s\-]generation\s+)" + _GENE_LIST
)
# "DRUG (EGFR)": the gene in brackets after a drug class names the drug's target, not the tumour.
_DRUG_ECHO = re.compile(r"DRUG\s*\(\s*" + _GENE_LIST + r"\s*\)")
# Words that only appear when a biomarker phrase is about treatment, not about the tumour.
_THERAPY = re.compile(
    r"\b(?:prior|previous|previously|treat\w*|therap\w*|receiv\w*|chemo\w*|TKIs?|inhibitors?|DRUG|drugs?|agents?|"
    r"exposure|exposed|progress\w*|regimens?|lines?|failed|failure|refractory|intoleran\w*|resistance to)\b",
    re.I,
)


def normalise(text: str) -> str:
    """Unify punctuation, abbreviations and full gene names; replace gene-named drug classes with DRUG."""
    text = text.translate(_WIDE)
    text = _ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), text)
    full_names, symbols = vocab.full_gene_names()
    text = full_names.sub(lambda m: symbols[m.group(0).lower()], text)
    text = _KIDNEY_BEFORE.sub(lambda m: m.group(0)[:-4] + "kidney-GFR", text)
    text = _KIDNEY_AFTER.sub("kidney-GFR", text)
    text = _TKI_SENSITIVE.sub("EGFR ", text)
    text = _EITHER_STATUS.sub("status", text)
    text = _DRUGS.sub(" DRUG ", text)
    return _DRUG_ECHO.sub("DRUG", text)


_SENTENCE_SPLIT = re.compile(
    r"[;；]\s*|(?<=\.)(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!vs\.)(?<!\bal\.)(?<!\bno\.)(?<!\bNo\.)\s+(?=[A-Z0-9(\[])"
)


def sentences(text: str) -> list[str]:
    """Sentences and semicolon clauses of one criterion, as written (for quoting)."""
    return [s.strip() for s in _SENTENCE_SPLIT.split(text) if s and s.strip()]


# ---- tokens -------------------------------------------------------------------------------------

_STRUCTURE = re.compile(
    r"(?P<negx>\b(?:exclusion of|excluding|exclude[sd]?|not eligible (?:if|when)|ineligible)\b)"
    r"|(?P<negfor>\b(?:negative for|absence of|absent for|free of|lack of|lacking|lacks|without|w/o)\b)"
    r"|(?P<negverb>\b(?:(?:must|should|shall|do|does|did|can|could|will|may)\s?not|cannot|don't|doesn't|never)\s+"
    r"(?:have|has|had|harbou?r|harbou?ring|carry|carrying|contain|show|exhibit|be|been|test positive)\b"
    r"|\bnot\s+(?:harbou?r\w*|carry\w*|hav\w+|contain\w*|be\b|show\w*))"
    r"|(?P<neg>\b(?:no|not|nor|neither)\b)"
    r"|(?P<postneg>\bwild[\s\-]?types?\b|\bWT\b|\bnegative\b|\bnegativity\b|\(\s*-\s*\)"
    r"|\bnot (?:been )?(?:detected|found|identified)\b"
    r"|\bundetect\w*|\bnon[\s\-]?mutated\b|\bunmutated\b|\bnon[\s\-]?mutant\b|\bnon[\s\-]?amplified\b|\bnon[\s\-]?rearranged\b)"
    r"|(?P<posmark>\bpositive\b|\bpositivity\b|\(\s*\+\s*\)|\bdetected\b|\bconfirmed\b|\bharbou?r(?:s|ing|ed)?\b"
    r"|\bpresence of\b|\bcarr(?:y|ying|ies)\b|\bwith(?!out)\b)"
    r"|(?P<test>\bstatus\b|\btest(?:s|ing)?\b|\bassays?\b|\banalys[ie]s\b|\bprofiling\b|\bsequencing\b|\bevaluation\b"
    r"|\bassessment\b|\bdetermination\b|\bscreening\b|\breports?\b|\bresults?\b)"
    r"|(?P<detection>\bdetection\b)"
    r"|(?P<open>\bincluding\b|\bincludes?\b|\beg\b|\bsuch as\b|\bfor example\b|\betc\b|\bnot limited to\b"
    r"|\band so on\b|\bor other\b)"
    r"|(?P<other>\bother\b)"
    r"|(?P<aswell>\bas well as\b|\bin addition to\b|\bplus\b|\btogether with\b|\band also\b)",
    re.I,
)

# Words that may sit between the biomarker words of one phrase ("EGFR or HER2 exon 20 insertion").
_LINK = frozenset(
    "and or nor of in the a an gene genes with including include includes such as eg ie etc for example both either "
    "also any known are is were was all on by tumor tumour tissue point exon than type types that in-frame "
    "and/or mutational molecular genetic genomic which central local centrally locally cfdna ctdna plasma blood liquid "
    "biopsy ngs pcr at be".split()
)
# Words allowed between a negation and the phrase it negates ("no known EGFR", "without documented ALK").
_NEG_FILLER = _LINK | frozenset(
    "known documented confirmed detectable detected evidence presence present patients patient subjects subject "
    "participants participant people those who have has had having harbor harbour harbors harbours harboring "
    "harbouring carry carries carrying be been show showing exhibit identified diagnosed tumors tumours "
    "histologically cytologically other concomitant co-occurring coexisting additional actionable targetable "
    "positive any one more".split()
)
# For "exclusion of patients with ... brain metastases with EGFR" a wider gap is allowed, but never therapy words.
_NEGX_FILLER = _NEG_FILLER | frozenset(
    "brain metastases metastasis metastatic advanced stage squamous non-squamous nonsquamous iv iii lesions "
    "lesion nsclc cancer carcinoma adenocarcinoma disease lung non-small cell".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z\-/]*|\d+")
_CONDITION_BEFORE = re.compile(
    r"(?:\b(?:required|mandatory|needed|necessary|allowed|permitted|only)\s+(?:for|in)"
    r"|(?<!positive )(?<!negative )(?<!tested )(?<!screened )(?<!assessed )(?<!wild-type )(?<!wild type )\bfor"
    r"|\bif|\bwhen|\bin case of|\bunless"
    r"|\bDRUG\s+(?:for|against))"
    r"\s+(?:(?:the|all)\s+)?(?:(?:patients?|subjects?|participants?|those|people|cases?|tumou?rs?)\s+)?"
    r"(?:(?:with|harbou?ring|carrying|having|who\s+(?:have|has|harbou?r))\s+)?(?:(?:a|an|known|documented|confirmed)\s+){0,2}$",
    re.I,
)
# "... must have received", "... should have progressed on": a treatment rule for people with the marker.
_THERAPY_VERBS = (
    r"(?:also\s+)?(?:have\s+|has\s+)?(?:(?:had\s+)?(?:disease\s+|radiographic\s+|radiological\s+|documented\s+)?progression"
    r"|(?:previously\s+)?(?:received|been treated|had|undergone|failed|progressed"
    r"|been exposed|experienced|shown progression|demonstrated progression|documented progression)"
    r"|be\s+(?:previously\s+)?treated|discontinu\w+|be refractory|be intolerant|be resistant)\b"
)
_MODAL_AFTER = re.compile(
    r"^[\s,)\]]*(?:(?:nsclc|disease|tumou?rs?|cancer|patients?|subjects?|participants?|positive|mutation|mutations)\s+){0,2}"
    r"(?:(?:must|should|shall|need to|needs to|are required to|is required to|will be required to)\s+" + _THERAPY_VERBS
    + r")",
    re.I,
)
_THERAPY_AFTER = re.compile(
    r"^[\s,)\]]*(?:(?:nsclc|disease|tumou?rs?|cancer|patients?|subjects?|participants?|positive|mutation|mutations|point)\s+){0,3}"
    r"(?:who\s+|that\s+|which\s+)?(?:have\s+|has\s+|had\s+)?(?:not\s+|never\s+)?(?:been\s+)?"
    r"(?:previously|received|used|taken|failed"
    r"|progressed|treated|exposed|resistant|refractory)\b",
    re.I,
)
_SENTENCE_CONDITION = re.compile(
    r"^\W*(?:in case|if|when|unless|for (?:the )?(?:patients?|subjects?|participants?|those|people)\b"
    r"|(?:patients?|subjects?|participants?|those)\s+(?:with|who have)[^,;:]{0,80}?"
    r"\b(?:must|should|need to|are required to)\s+"
    + _THERAPY_VERBS + ")",
    re.I,
)
_PERMISSION = re.compile(
    r"\b(?:is|are|will be|would be|can be|may be|be)\s+(?:also\s+)?(?:allowed|permitted|acceptable|accepted|eligible"
    r"|included|enrolled|considered eligible|allowed to enroll)\b|\bnot (?:be )?(?:an )?exclusion\b|\bnot be excluded\b"
    r"|\bpermissible\b|\bmay (?:also )?(?:enroll|participate|be enrolled)\b|\bcan (?:also )?(?:enroll|participate)\b"
    r"|\bis not required\b|\bare not required\b",
    re.I,
)
_NOT_PERMISSION = re.compile(
    r"\b(?:only|not allowed|not permitted|no\b[^.;]{0,60}\b(?:allowed|permitted)|must)\b", re.I
)
# "alone or in combination with other EGFR mutations", "with or without T790M": the phrase that follows
# is allowed, not required, so it is skipped.
_COOCCURRENCE = re.compile(
    r"\b(?:(?:either\s+)?alone or "
    r"(?:in combination with|co-?occurring with|together with|with|coexisting with|combined with)"
    r"|with or without|co-?occurring with|coexisting with|co-?existing with|in combination with"
    r"|regardless of|irrespective of|independent(?:ly)? of|whether or not|unselected for|not selected (?:for|by))"
    r"\s*(?:(?:other|any|the|an?|additional|concomitant)\s+)*$",
    re.I,
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


_ANCHORS = frozenset({"gene", "alt", "driver", "pdl1"})


def tokens(text: str) -> list[Token]:
    """Biomarker words and structure words in order; biomarker words win where they overlap."""
    found: list[Token] = []
    keys = vocab.group_keys()
    for m in vocab.lex(text):
        kind, key = keys[m.lastgroup or ""]
        found.append(Token(kind, key, m.start(), m.end(), m.group(0)))
    if not any(t.type in _ANCHORS for t in found):
        return found  # no gene, alteration, driver or PD-L1 word: structure words cannot matter
    words = len(found)
    i = 0  # both match lists are in text order: walk them together (linear, not pairwise)
    for m in _STRUCTURE.finditer(text):
        while i < words and found[i].end <= m.start():
            i += 1
        if i < words and found[i].start < m.end():
            continue  # overlaps a biomarker word, which wins
        found.append(Token(m.lastgroup or "", m.group(0).lower(), m.start(), m.end(), m.group(0)))
    found.sort(key=lambda t: t.start)
    return found


def _words(gap: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(gap)]


def _tight(gap: str, allowed: frozenset[str] = _LINK) -> bool:
    """Only list words and punctuation between two tokens of one phrase."""
    if len(gap) > 40 or re.search(r"[.;:]", gap):
        return False
    return all(w in allowed or w.isdigit() for w in _words(gap))


# ---- phrases and atoms --------------------------------------------------------------------------

PHRASE_TYPES = {"gene", "alt", "kind", "driver", "postneg", "posmark", "test", "detection", "open", "other"}
_QUALIFIERS = ("sensitizing", "activating", "common", "uncommon", "acquired", "actionable")
_CLASSES = ("fusion", "amplification", "overexpression", "mutation")
# Protein expression is a marker in its own right only for these genes; "expression of EGFR, ALK ... in a
# genetic test" means the alteration.
_EXPRESSION_GENES = frozenset({"MET", "ERBB2", "ERBB3"})
_SEPARATE_CLASSES = ("fusion", "amplification", "overexpression")
_OPEN_ENDED = frozenset({"etc", "and so on", "or other", "not limited to"})


@dataclass
class Occurrence:
    """One gene (or one alteration standing alone) in a phrase, with what is said about it and where."""

    gene: str | None
    gene_pos: int = -1
    alts: list[tuple[str, int]] = field(default_factory=list)
    kinds: list[tuple[str, int]] = field(default_factory=list)
    polarity: str = ""  # "+", "-", "test"
    other: bool = False


@dataclass
class Statement:
    """What one sentence says: atoms that must be present (+) or absent (-)."""

    polarity: str
    atoms: list[dict[str, Any]]
    open: bool = False  # "... ALK fusion, RET fusion, etc.": the list is examples, not all


def _phrases(toks: list[Token], text: str) -> list[list[Token]]:
    phrases: list[list[Token]] = []
    current: list[Token] = []
    for tok in toks:
        if tok.type not in PHRASE_TYPES:
            if current:
                phrases.append(current)
            current = []
            continue
        if current and not _tight(text[current[-1].end: tok.start]):
            phrases.append(current)
            current = []
        current.append(tok)
    if current:
        phrases.append(current)
    # A phrase must name a gene, an alteration or a driver class to mean anything here.
    return [p for p in phrases if any(t.type in {"gene", "alt", "driver"} for t in p)]


def _occurrences(phrase: list[Token]) -> list[Occurrence]:
    """Share a phrase's alteration words out among its genes, and set each gene's polarity."""
    occs: list[Occurrence] = []
    loose: list[tuple[Token, bool]] = []  # alteration words before the first gene, and whether "other" came first
    pending: list[Occurrence] = []
    tested: list[Occurrence] = []  # named just before a test word ("EGFR/ALK status")
    other_next = False
    prefix_negative = False
    for tok in phrase:
        if tok.type == "gene":
            occ = Occurrence(tok.key, tok.start, other=other_next, polarity="-" if prefix_negative else "")
            if re.search(r"mutat|mutant|alteration", tok.word, re.I):  # "RAS mutation" is one gene word
                occ.kinds.append(("mutation", tok.start))
            other_next = False
            if not occs and loose:
                # "T790M mutation and/or MET amplification": words after another gene's alteration are its own.
                foreign = any(t.type == "alt" and not _alt_fits(t.key, tok.key) for t, _ in loose)
                _give(occ, [t for t, _ in loose if (t.type == "kind" and not foreign)
                            or (t.type == "alt" and _alt_fits(t.key, tok.key))], occs)
                loose = [(t, o) for t, o in loose if t.type == "alt" and not _alt_fits(t.key, tok.key)]
            occs.append(occ)
            pending.append(occ)
        elif tok.type in {"alt", "kind"}:
            if tok.says_positive:  # "mutation-positive", "ALK+", "EGFR-mutant": closes a list as present
                for occ in pending:
                    occ.polarity = occ.polarity or "+"
                pending, tested = [], []
                if tok.key != "mutation":
                    continue  # "positive" names no class of change
            if occs and (tok.type == "kind" or _alt_fits(tok.key, occs[-1].gene or "")):
                _give(occs[-1], [tok], occs)
                other_next = False if tok.type == "alt" else other_next
            else:
                loose.append((tok, other_next))
                other_next = False if tok.type == "alt" else other_next
        elif tok.type == "postneg":
            if not occs and not loose:
                prefix_negative = True  # "wild-type EGFR and ALK"
            for occ in pending:
                occ.polarity = "-"
            pending, tested = [], []
        elif tok.says_positive:
            for occ in pending:
                occ.polarity = occ.polarity or "+"
            pending, tested = [], []
        elif tok.type == "test":
            tested.extend(pending)
        elif tok.type == "other":
            other_next = True  # "other EGFR mutations", "any other acquired EGFR exon 20 point mutation"
        elif tok.type in {"driver", "open"}:
            other_next = False  # "other drivers (eg, ALK, ROS1)": the named genes are not "other" ones
    for tok, other in loose:  # alterations with no gene of theirs stand for their own gene ("19del or L858R")
        if tok.type == "alt":
            occ = Occurrence(None, tok.start, alts=[(tok.key, tok.start)], other=other,
                             polarity="-" if prefix_negative else "")
            occs.append(occ)
            pending.append(occ)
    for occ in tested:
        if not occ.polarity:
            occ.polarity = "test"
    _inherit(occs)
    return occs


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


def _inherit(occs: list[Occurrence]) -> None:
    """"ALK or ROS1 rearrangements", "EGFR, ALK gene wild type": a bare gene shares its neighbour's words."""
    genes = [o for o in occs if o.gene is not None]
    for i in range(len(genes) - 2, -1, -1):
        if not genes[i].alts and not genes[i].kinds:
            nxt = genes[i + 1]
            genes[i].kinds = list(nxt.kinds)
            genes[i].alts = [a for a in nxt.alts if _alt_fits(a[0], genes[i].gene or "")]
            if not genes[i].polarity:
                genes[i].polarity = nxt.polarity
    for i in range(1, len(genes)):
        if not genes[i].alts and not genes[i].kinds:
            genes[i].kinds = list(genes[i - 1].kinds)


def _atoms(occ: Occurrence, open_positions: list[int]) -> list[dict[str, Any]]:
    """The alteration classes one gene occurrence names, as check-ready atoms."""
    expression = "overexpression" if occ.gene in _EXPRESSION_GENES else "alteration"
    kinds_said = [(expression if k == "expression" else k, p) for k, p in occ.kinds]
    qualifiers = [k for k, _ in kinds_said if k in _QUALIFIERS]
    classes = [k for k, _ in kinds_said if k in _CLASSES]
    if occ.alts:
        first_alt = min(p for _, p in occ.alts)
        kinds = [k for k, _ in occ.alts]
        # "MET amplification/METex14": a class named before the alteration is another alternative.
        kinds += [k for k, p in kinds_said if k in _SEPARATE_CLASSES and p < first_alt]
        # "EGFR mutations, e.g. exon 19 deletion": the named alterations are examples of the head.
        if occ.gene and any(occ.gene_pos < o < first_alt for o in open_positions):
            kinds += qualifiers or classes or ["any"]
    elif qualifiers:
        kinds = qualifiers
    elif classes:
        kinds = classes
    elif any(k == "alteration" for k, _ in kinds_said):
        kinds = ["alteration"]
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
            if occ.other:
                atom["other"] = True
            atoms.append(atom)
    return atoms


def _negated_before(text: str, toks: list[Token], phrase_start: int) -> bool:
    """A negation word just before the phrase, with only filler words between ("no known EGFR")."""
    index = _index_before(toks, phrase_start)
    for tok in reversed(toks[max(0, index - 8): index]):  # a negation sits within a few words
        if tok.type in {"neg", "negfor", "negverb", "negx"}:
            gap = text[tok.end: phrase_start]
            if re.search(r"[.;:]", gap) or _THERAPY.search(gap):
                return False
            allowed = _NEGX_FILLER if tok.type == "negx" else _NEG_FILLER
            return len(gap) <= 100 and all(w in allowed or w.isdigit() for w in _words(gap))
        if tok.type in {"gene", "alt", "driver", "pdl1"}:
            return False
    return False


_ALLOWED_AFTER = re.compile(
    r"^[\s,)\]]*(?:(?:mutations?|patients?|subjects?|cases?)\s+){0,2}(?:is|are|will be|can be|may be)\s+(?:also\s+)?"
    r"(?:allowed|permitted|eligible|included|accepted|acceptable)\b",
    re.I,
)
_PROCEDURE_AFTER = re.compile(
    r"^[^.;()]{0,40}?\bwill be (?:performed|assessed|tested|determined|evaluated|analy[sz]ed|measured|collected"
    r"|sequenced|done|conducted|confirmed centrally)\b",
    re.I,
)


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


# "Prior treatment with HER2/EGFR dual inhibitors": the phrase names what a drug targets.
_DRUG_CONTEXT_BEFORE = re.compile(
    r"\b(?:prior|previous|previously|received|receiving|treated|treatment|therapy|therapies|exposure|exposed)"
    r"(?:\s+[\w\-]+){0,3}?\s+(?:with|to|using|by)\s+(?:an?\s+|the\s+|any\s+|other\s+){0,2}$",
    re.I,
)


def _conditional(text: str, start: int, end: int, section: str) -> bool:
    """The phrase sets up a condition for another rule ("patients with EGFR mutation must have received ...")."""
    before = text[max(0, start - 60): start]
    if _CONDITION_BEFORE.search(before) or _DRUG_CONTEXT_BEFORE.search(before):
        return True
    after = text[end: end + 80]
    if _MODAL_AFTER.search(after):
        return True
    return section == "exclusion" and bool(_THERAPY_AFTER.search(after))


_EXON_CLASSES = frozenset({"exon18", "exon20", "exon21", "exon20point"})


def _drop_exon_locations(toks: list[Token], text: str) -> list[Token]:
    """"exon 18 G719X", "S768I mutation in exon 20": the exon only locates a named alteration."""
    named = [t for t in toks if t.type == "alt" and t.key not in _EXON_CLASSES]
    keep = []
    for tok in toks:
        if tok.type == "alt" and tok.key in _EXON_CLASSES and any(
            re.fullmatch(r"\s*(?:(?:mutations?|point mutations?|substitutions?)\s+)?(?:in|of|on|at)?\s*",
                         text[min(n.end, tok.end): max(n.start, tok.start)])
            for n in named
        ):
            continue
        keep.append(tok)
    return keep


_WAIVED_TEST = re.compile(r"^\s*(?:is\s+|are\s+)?not\s+(?:required|mandatory|needed|necessary|compulsory)", re.I)


def _drop_waived_tests(toks: list[Token], text: str) -> list[Token]:
    """"(testing not mandatory)" waives a test; it does not turn the named findings into test mentions."""
    return [t for t in toks if not (t.type == "test" and _WAIVED_TEST.match(text[t.end: t.end + 40]))]


# Basket trials: "HER2-negative breast cancer" is a rule for another disease's cohort.
OTHER_CANCER = re.compile(
    r"\b(?:breast|gastric|gastro-?oesophageal|gastroesophageal|colorectal|colon|rectal|ovarian|prostate|melanoma"
    r"|pancrea\w*|thyroid|cholangio\w*|urothelial|bladder|endometrial|uterine|head and neck|renal cell|hepatocellular"
    r"|o?esophag\w*|biliary|cervical cancer|glioma|glioblastoma|sarcoma|lymphoma|leukemia|myeloma|neuroblastoma)\b",
    re.I,
)
LUNG = re.compile(r"\b(?:lung|NSCLC|non-small|pulmonary|thoracic)\b", re.I)


# An inclusion sentence whose main verb excludes: "... (EGFR, ALK, ROS1) is exclusionary".
_EXCLUDING_SENTENCE = re.compile(
    r"\b(?:is|are|will be|shall be|would be)\s+"
    r"(?:excluded|exclusionary|not eligible|ineligible|not allowed|not permitted)\b"
    r"|\b(?:is|are) (?:an )?exclusion criteri(?:on|a)\b|\bexcluded\W*$",
    re.I,
)
_CONTRAST = re.compile(r",?\s*\b(?:but|however|whereas|while|although)\b", re.I)


def read_sentence(sentence: str, section: str) -> list[Statement]:
    """Biomarker statements in one normalised sentence (gene alterations only; PD-L1 is read elsewhere)."""
    if section == "inclusion" and _EXCLUDING_SENTENCE.search(sentence):
        # Read the excluding part as an exclusion criterion; a contrasting part keeps its own sense.
        parts = _CONTRAST.split(sentence)
        found: list[Statement] = []
        for part in parts:
            if not _EXCLUDING_SENTENCE.search(part):
                found.extend(_read(part, "inclusion"))
                continue
            for statement in _read(part, "exclusion"):  # present there = must be absent here
                statement.polarity = "-" if statement.polarity == "+" else "+"
                found.append(statement)
        return found
    return _read(sentence, section)


def _read(sentence: str, section: str) -> list[Statement]:
    if _SENTENCE_CONDITION.search(sentence):
        return []
    if OTHER_CANCER.search(sentence) and not LUNG.search(sentence):
        return []
    if _PERMISSION.search(sentence) and not _NOT_PERMISSION.search(sentence):
        return []
    text = sentence
    toks = _drop_waived_tests(_drop_exon_locations(tokens(text), text), text)
    statements: list[Statement] = []
    # "as well as" joins two requirements that must both hold: read each side on its own.
    cut = next((t.start for t in toks if t.type == "aswell"), None)
    parts = [(toks, text)] if cut is None else [
        (_drop_waived_tests(_drop_exon_locations(tokens(piece), piece), piece), piece)
        for piece in (text[:cut], text[cut:])
    ]
    for part_toks, part_text in parts:
        positive: list[dict[str, Any]] = []
        negative: list[dict[str, Any]] = []
        open_ended = False
        for phrase in _phrases(part_toks, part_text):
            start, end = phrase[0].start, phrase[-1].end
            first = next(t.start for t in phrase if t.type in _ANCHORS)
            if _COOCCURRENCE.search(part_text[max(0, first - 60): first].rstrip(" (") + " "):
                continue
            if _conditional(part_text, first, end, section) or _conditional(part_text, start, end, section):
                if section == "exclusion":
                    return []  # a treatment rule about marker carriers: nothing here is a marker rule
                continue
            if _is_test_phrase(part_text, start, end, phrase) or _tested_for(part_text, start, phrase):
                continue
            negated = _negated_before(part_text, part_toks, start)
            # "(patients with exon 20 insertion are allowed)" widens an inclusion; "no other ... allowed" does not.
            allowed = not negated and bool(_ALLOWED_AFTER.search(part_text[end: end + 60]))
            if allowed and section == "exclusion":
                continue
            opens = [t.start for t in phrase if t.type == "open"]
            open_ended = open_ended or any(t.type == "open" and t.key in _OPEN_ENDED for t in phrase)
            drivers = [t for t in phrase if t.type == "driver"]
            occs = _occurrences(phrase)
            genes_named = any(o.gene for o in occs)
            if any(t.key == "actionable" for t in phrase if t.type in {"kind", "driver"}):
                # "EGFR, ALK, ROS1 or BRAF alterations for which targeted therapy exists": the whole list
                for occ in occs:
                    if occ.gene and not occ.alts:
                        occ.kinds = [("actionable", occ.gene_pos)]
            for occ in occs:
                if occ.polarity == "test":
                    continue
                target = negative if negated or occ.polarity == "-" else positive
                target.extend(_atoms(occ, opens))
            if drivers and not genes_named:
                atom = _driver_atom(drivers, phrase, part_text)
                is_negative = negated or any(t.type == "postneg" for t in phrase)
                (negative if is_negative else positive).append(atom)
        for atoms in (positive, negative):
            if any(a["t"] == "alt" for a in atoms):
                for atom in atoms:
                    if atom["t"] == "driver":
                        atom["hint"] = True  # genes are named: the wider word only raises doubt
        if positive:
            statements.append(Statement("+", _dedupe(positive), open=open_ended))
        if negative:
            statements.append(Statement("-", _dedupe(negative)))
    return statements


def _is_test_phrase(text: str, start: int, end: int, phrase: list[Token]) -> bool:
    """"samples for EGFR T790M detection", "EGFR status will be assessed": a test, not a finding."""
    if _PROCEDURE_AFTER.search(text[end: end + 60]):
        return True
    if not any(t.type in {"detection", "test"} for t in phrase):
        return False
    if any(t.type == "postneg" or t.says_positive for t in phrase):
        return False
    if phrase[0].type in {"detection", "test"} and len(phrase) > 1 and re.match(
        r"\s*(?:of|for|on)\b", text[phrase[0].end: phrase[1].start], re.I
    ):  # "Detection of EGFR mutations", "testing for ALK"
        return True
    return bool(_TEST_BEFORE.search(text[max(0, start - 40): start]))


def _tested_for(text: str, start: int, phrase: list[Token]) -> bool:
    """"must be tested for EGFR and ALK": only a test, unless the phrase says what was found."""
    if any(t.type == "postneg" or t.says_positive for t in phrase):
        return False
    return bool(re.search(r"\b(?:tested|test|testing|screened|assessed|evaluated|analy[sz]ed|genotyped)\s+for\s+$",
                          text[max(0, start - 40): start], re.I))


_TEST_BEFORE = re.compile(
    r"\b(?:for|of|on|to|undergo|provide|perform\w*)\s+(?:the\s+|a\s+|an\s+|central\s+|local\s+)?"
    r"(?:cfDNA\s+|ctDNA\s+|plasma\s+|tissue\s+|tumou?r\s+)?$",
    re.I,
)


def _driver_atom(drivers: list[Token], phrase: list[Token], text: str) -> dict[str, Any]:
    actionable = any(t.key == "actionable" for t in drivers) or any(
        t.type == "kind" and t.key == "actionable" for t in phrase
    ) or bool(re.search(r"\b(?:targeted|effective treatment|approved)\b", text, re.I))
    atom: dict[str, Any] = {"t": "driver", "class": "actionable" if actionable else "driver"}
    if any(t.type == "other" for t in phrase):
        atom["other"] = True
    return atom


def _dedupe(atoms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for atom in atoms:
        seen.setdefault(repr(sorted(atom.items())), atom)
    return list(seen.values())
