"""Words and patterns that frame a biomarker statement: negations, tests, conditions, drug names.

Kept apart from the reading logic (text.py) so the wording a clinician might review is in one
place. Every pattern is a flat alternation or a bounded window: linear in the length of the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.prefilter import AnyOf, folded, guarded, translator
from trialmatch.criteria.rules.reader.vocabulary import ASSIGNED_NOUN
from trialmatch.criteria.text import CLAUSE_SPLIT

# ---- normalisation ------------------------------------------------------------------------------

_WIDE = str.maketrans({"，": ", ", "；": "; ", "：": ": ", "（": " (", "）": ") ", "。": ". ", "≧": "≥", "≦": "≤",
                       "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "})
_wide = translator(_WIDE)
_PROTEIN_PREFIX = re.compile(r"\bp\.\s+(?=[A-Z][a-z]{0,2}\d)")
# The dot inside each alternative, so that the guard's needles hold it ("ie." is rarer than "ie": "patients").
# "including, but not limited to, exon 19 deletion": the "but" and the "not" would cut the example list off its head
# (and "not" read as a negation of it); "not limited to" alone is the open list's own token.
_BUT_NOT_LIMITED = guarded(r",?\s+but\s+not\s+limited\s+to\b,?", re.I)
_ABBREVIATIONS = guarded(r"\b(e\.g\.|eg\.|i\.e\.|ie\.|etc\.|vs\.|approx\.|incl\.)", re.I)  # "eg.," as "eg,"
# Drug targets, longest spelling first ("KRAS G12C inhibitor" must not leave "G12C" behind). Every spelling the
# vocabulary gives a driver gene comes first ("EGFR-cMet bispecific antibody", "Her2-directed ADC"): a target the
# reader takes as the tumour's gene in one spelling must be the drug's target in the same spelling.
_TARGET_GENES = tuple(gene for gene in vocab.exact_gene_names() if gene != "RAS")  # RAS: only as "RAS mutation"
_GENE_LIST = (
    # "a prior G12C inhibitor", "G12D-targeted agents": the change alone names the drug's target too
    r"(?:(?:" + vocab.gene_spellings(("KRAS",)) + r"[\s\-]?)?G12[CD]\b|" + vocab.gene_spellings(_TARGET_GENES)[3:-1]
    + r"|EGFR|ALK|ROS-?1|HER-?[23]|ERBB[23]|c-MET|MET|KRAS|NRAS|RAS|BRAF|MEK(?:1/2)?|RET|NTRK"
    r"|TRK|PD-?L?1|PD-1|CTLA-?4|VEGFR?\d?|FGFR\d?|SHP-?2|SOS1|AXL|TROP-?2|TIGIT|LAG-?3|PI3K|mTOR|CDK4/6|PARP|DLL3)"
)
# Every alternative of _DRUGS and _DRUG_ECHO names a gene from the list: without one they cannot match.
_GENE_NAME = guarded(_GENE_LIST)
# "EGFR-TKI sensitive" means a sensitising mutation: keep the meaning before drug names are removed.
_TKI_SENSITIVE = re.compile(
    r"(?:EGFR)[\s\-]*(?:TKIs?|tyrosine kinase inhibitors?)(?:\s*\(TKIs?\))?[\s\-]*(?=sensitiv|sensitiz|sensitis)"
)
# "EGFR mutations known to be associated with EGFR-TKI sensitivity", "mutation conferring sensitivity to EGFR TKIs":
# the association names the sensitising class, said as one word so the phrase holds together ("sensitizing mutations").
_SENSITIVITY_ASSOCIATED = guarded(
    r"\b(mutations?|alterations?|variants?)\s+(?:(?:that|which)\s+(?:is|are)\s+|(?:that|which)\s+)?"
    r"(?:(?:known|reported|shown|proven|established)\s+(?:to\s+(?:be\s+)?)?)?"
    r"(?:associated\s+with|conferring|confer(?:s|ring)?|predictive\s+of|predicting)\s+"
    r"(?:(?:EGFR|the)\s+)?(?:(?:TKIs?|tyrosine\s+kinase\s+inhibitors?)\s+)?"
    r"(?:sensitivity|sensitization|sensitisation|susceptibility|response|responsiveness)"
    r"(?:\s+to\s+(?:an?\s+|the\s+)?(?:EGFR[\s\-]*)?(?:TKIs?|tyrosine\s+kinase\s+inhibitors?)(?:\s*\(\s*TKIs?\s*\))?)?",
    re.I,
)
# "exon 20 insertion or other EGFR mutations not known to be sensitive to osimertinib (as the only EGFR mutation)":
# the complement of the sensitising class the drug treats, said as "other than sensitising ones" (which the phrase
# reader spares); left as it was, the tail was dropped and every EGFR mutation was banned.
_NOT_SENSITIVE = guarded(
    r"\b(mutations?|alterations?|variants?)\s+(?:(?:that|which)\s+(?:is|are)\s+)?not\s+"
    r"(?:(?:known|shown|proven|established|expected|predicted)\s+to\s+be\s+)?"
    r"(?:sensitive|responsive|sensitising|sensitizing)\s+to\s+(?:[\w\-/]+\s*?){1,5}?"
    r"(?=\s+as\s+(?:the|an?)\s+(?:only|sole|single)\b|\s+alone\b|\s*[,;.()]|\s*$)",
    re.I,
)
# Kidney function is sometimes written "EGFR" too: near a clearance or mL/min it is not the gene.
_KIDNEY_WORD_BEFORE = r"(?i:glomerular|creatinine|clearance|CrCl|renal|kidney|MDRD|CKD-EPI|Cockcroft)"
_KIDNEY_WORD_AFTER = r"(?i:m[lL]\s*/\s*min|mL\s*/\s*minute|/1\.73|creatinine|clearance|Cockcroft|MDRD|CKD-EPI)"
_KIDNEY_BEFORE = re.compile(_KIDNEY_WORD_BEFORE + r"[^.;]{0,40}?\bEGFR\b")
_KIDNEY_AFTER = re.compile(r"\bEGFR\b(?=[^.;]{0,40}?" + _KIDNEY_WORD_AFTER + ")")
# Asked first: without a kidney word anywhere the patterns above cannot match, and trying their windows
# after every "EGFR" is slow where there are many.
_KIDNEY_BEFORE_WORD = guarded(_KIDNEY_WORD_BEFORE)
_KIDNEY_AFTER_WORD = guarded(_KIDNEY_WORD_AFTER)
# "(positive or negative)", "mutant or wild-type": either result, so only a test is asked for.
_EITHER_STATUS = guarded(
    r"\b(?:positive|negative)\s*(?:or|/|and/or|and)\s*(?:negative|positive)\b"
    r"|\b(?:mutant|mutated|mutation[\s\-]positive|positive)\s*(?:or|/|and)\s*(?:wild[\s\-]?type|non-?mutated)\b"
    r"|\bwild[\s\-]?type\s*(?:or|/|and)\s*(?:mutant|mutated|mutation[\s\-]positive|positive)\b",
    re.I,
)
# "agents targeting EGFR mutation or ALK rearrangement": the change named after each target gene is still the
# drug's target, so the whole list goes with the drug (else the second gene was read as the tumour's).
_TARGET_CHANGE = (
    r"(?i:[\s\-]+(?:[A-Z]\d{1,4}[A-Z]\b|exon\s?\d{1,2}\b|gene\b|mutations?\b|mutated\b|mutant\b|rearrange\w*"
    r"|fusions?\b|translocations?\b|amplifi\w*|alterations?\b|overexpress\w*|skipping\b|insertions?\b|deletions?\b)"
    r"){0,3}"
)
_POINT_CHANGE = r"(?:\s+[A-Z]\d{1,4}[A-Z]\b)?"
# Drug classes named after a gene ("EGFR-TKI", "anti-PD-L1", "ALK inhibitors", "drugs targeting MET").
# Guarded: every alternative also needs a drug word ("inhibitor", "therapy", "anti", ...).
_DRUGS = guarded(
    r"(?i:\banti-?\s?)" + _GENE_LIST + r"(?:\s*/\s*" + _GENE_LIST + r")*[\w\-]*"
    # "EGFR-, ALK-, or ROS1-directed therapy": a suspended hyphen after each gene of the list; "EGFR-MET bispecific
    # antibody", "EGFR x MET bispecific": two targets of one drug, joined by a hyphen or an "x"
    # "EGFR, ALK, ROS1, RET, MET, BRAF V600E and NTRK inhibitors": a list of any length (a cap of five genes left
    # longer ones to be read as markers), a point change beside a gene still the drug's target
    r"|" + _GENE_LIST + _POINT_CHANGE + r"(?:\s*-?\s*(?:/|,\s*(?:and/or|or|and)?|and/or|and|or|(?<=[A-Za-z0-9]-)"
    r"|x(?=\s))\s*" + _GENE_LIST + _POINT_CHANGE + r")*"
    r"(?i:[\s\-]*(?:exon\s?20\s?insertion[\s\-]*)?(?:mutation[\s\-]*)?"
    r"(?:selective[\s\-]+|targeted[\s\-]+|targeting[\s\-]+|directed[\s\-]+|specific[\s\-]+|blocking[\s\-]+)?"
    r"(?:TKIs?|tyrosine kinase inhibitors?|inhibitors?|inhibition|antibod(?:y|ies)|mAbs?|"
    r"targeted (?:therap(?:y|ies)|agents?|drugs?|treatments?|antibod(?:y|ies))|"
    r"targeting (?:agents?|drugs?|therap(?:y|ies))|"
    r"pathways?|blockers?|blockade|ADCs?|antibody[\s\-]drug conjugates?|bispecifics?|agents?|drugs?|"
    r"(?:directed|targeted) therap(?:y|ies)|therap(?:y|ies)|treatments?))\b"
    r"|(?i:\b(?:(?:drugs?|agents?|therap(?:y|ies)|inhibitors?|antibod(?:y|ies)|treatments?)\s+(?:that\s+)?)?"
    # "inhibitors of EGFR or ALK": the genes are what the drugs act on
    r"(?:target(?:s|ing|ed)?|against|inhibit(?:s|ing)?|block(?:s|ing)?|(?<=inhibitors )of|(?<=inhibitor )of"
    r"|(?:directed|aimed)\s+(?:at|against|to)"
    r"|(?<=TKIs )of|(?<=TKI )of)\s+(?:the\s+)?(?:human\s+)?)" + _GENE_LIST + _TARGET_CHANGE
    + r"(?:\s*(?:/|,|and|or|and/or)\s*" + _GENE_LIST + _TARGET_CHANGE + r")*"
    r"|(?i:\b(?:first|second|third|1st|2nd|3rd|fourth|4th)[\s\-]generation\s+)" + _GENE_LIST
)
# "a TKI (TKI) with activity against exon 20 insertions", "an inhibitor active against the T790M mutation": a drug
# described by the change it acts on; the change is the drug's target, not the tumour's (else read as a rule).
_ACTIVE_AGAINST = guarded(
    r"(?i:\b(?:TKIs?|inhibitors?|agents?|drugs?|therap(?:y|ies)|treatments?|antibod(?:y|ies)|ADCs?|compounds?)"
    r"(?:\s*\(\s*TKIs?\s*\))?,?\s+(?:(?:that|which)\s+(?:is|are|has|have|was|were)\s+|(?:that|which)\s+)?"
    r"(?:(?:with|having|showing)\s+(?:(?:known|proven|demonstrated|documented|established|reported|potential|"
    r"clinical|preclinical|any|significant)\s+)?(?:activity|efficacy)\s+(?:against|in|towards?|on)"
    r"|(?:known\s+to\s+be\s+)?(?:active|effective)\s+(?:against|in)|designed\s+to\s+target|selective\s+for|target(?:s|ing)?|directed\s+(?:at|against))\s+)"
    r"(?i:(?:the|an?|tumou?rs?\s+with|cancers?\s+with)\s+)?"
    r"(?:(?:" + _GENE_LIST + r"|(?i:exon\s?\d{1,2}|[A-Z]\d{1,4}[A-Z]|in-frame|insertions?|deletions?|mutations?|mutant"
    r"|mutated|alterations?|fusions?|rearrangements?|amplifications?|skipping|point|activating|sensiti[sz]ing"
    r"|resistance|acquired|and/or|and|or))(?:[\s\-,/]+|(?=[).;:]|$)))+"
)
# "DRUG (EGFR)": the gene in brackets after a drug class names the drug's target, not the tumour.
_DRUG_ECHO = re.compile(r"DRUG\s*\(\s*" + _GENE_LIST + r"\s*\)")
# "an epidermal growth factor receptor (EGFR TKI)": the drug class spelt out with its short form in brackets, the
# gene's name left before the bracket once the short form became DRUG (the gene is the drug's target).
_NAMED_DRUG = re.compile(_GENE_LIST + r"\s*\(\s*DRUG\s*\)")
# Words that only appear when a biomarker phrase is about treatment, not about the tumour.
THERAPY = re.compile(
    r"\b(?:prior|previous|previously|treat\w*|therap\w*|receiv\w*|chemo\w*|TKIs?|inhibitors?|DRUG|drugs?|agents?|"
    r"exposure|exposed|progress\w*|regimens?|lines?|failed|failure|refractory|intoleran\w*|resistance to)\b",
    re.I,
)


_EGFR_SLIP = re.compile(r"\bEFGR\b")
# "EGFR mutation and alk translocation status": the gene in lower case, known by the change word after it or by the
# gene listed before it ("alk phos" is a liver test, so the bare word is never read).
_LOWER_ALK = re.compile(
    r"\balk(?=[\s\-]+(?:gene|fusions?|translocations?|rearrange\w*|mutations?|positive|negative|status|wild)\b)"
    r"|(?<=EGFR and )alk\b|(?<=EGFR or )alk\b|(?<=EGFR/)alk\b|(?<=EGFR, )alk\b"
)
# "sensitive mutations negetive", "ALK negtive", "nagative": slips of the pen for "negative" (never a word of their
# own), read as the result they mean. Only misspellings, so "negative" itself is never rewritten.
_SLIPS = (r"negetive|negtive|nagative|negitive|neagtive|negaive|negatve|negativ|negavite|negaitve|negatvie|neggative"
          r"|negattive|negativie|negaitive|nagetive|negetiv")
_NEGATIVE_SLIP = re.compile(rf"\b(?:{_SLIPS})\b", re.I)
# Every match holds a slip, which prefilter.folded() text then holds in lower case: one case-sensitive search there
# (the engine jumps from "n" to "n") instead of one substring test per slip.
_NEGATIVE_SLIP_HINT = re.compile(_SLIPS)
_MUTANT_PREFIX = guarded(r"\bm(EGFR|KRAS|BRAF)\b")
# "HER2+/mutant", "MET+/amplified": positive OR mutant, not a mutation alone (see _plus_slash).
_PLUS_SLASH = re.compile(
    r"\b(EGFR|ALK|ROS-?1|KRAS|BRAF|MET|RET|HER-?2|ERBB2|NTRK[1-3]?|NRG-?1)\s?\+\s?/\s?(mutant|mutated|amplified)\b",
    re.I)
# "c-Met+ NSCLC", "HER2+ tumours": a "+" glued to a gene whose protein is stained says what "-positive" says (copies
# or protein, read in phrases.py), not any change of the gene: the lexer finds words at word starts, so a glued "+"
# went unseen and "c-Met+ by IHC" was read as "any MET alteration" (barring every other driver, admitting exon 14).
_PROTEIN_PLUS = re.compile(r"\b((?:c-?)?MET|HER-?[23]|ERBB[23])\+(?![+/\w])", re.I)
# "documented negative test results for EGFR and ALK", "a negative result for", "negative testing for": the finding
# is what "negative for" says; read with the test words, "test results for EGFR" was only a test asked for.
_NEGATIVE_TEST_FOR = re.compile(
    r"\bnegative\s+(?:(?:genetic|genomic|molecular)\s+)?(?:test(?:s|ing)?(?:\s+results?)?|results?|findings?)\s+for\b",
    re.I)
# "exon 19 or 21", "exons 18-21", "exon 18, 19 or 21": each number is an exon of its own; the vocabulary
# knows "exon 21" but not a bare "21", so the list is written out ("exon 19 or exon 21").
_EXON_NUMBER = r"(?:1[89]|2[01])"
_EXON_LIST = guarded(
    r"\bexons?\s?(" + _EXON_NUMBER + r")((?:\s*(?:,\s*(?:and/or|or|and)?|/|and/or|or|and|&|-|to|through)\s*"
    r"(?:exons?\s?)?" + _EXON_NUMBER + r"\b)+)",
    re.I,
)
# "19Exon del", "21 exon L858R", "18-exon G719X": the exon's number written before the word; the vocabulary reads
# "exon 19 del" and "exon 21 L858R", so the number goes after it (read as written, "19Exon del" was a bare EGFR
# mutation and "21Exon L858R" cut the list it sat in).
_NUMBER_FIRST_EXON = re.compile(r"(?<![\w.])(" + _EXON_NUMBER + r")[\s\-]?exon\b", re.I)
_EXON_PART = re.compile(r"(-|to|through)?\s*(?:exons?\s?)?(" + _EXON_NUMBER + r")\b", re.I)


def _exon_list(match: re.Match[str]) -> str:
    numbers = [int(match.group(1))]
    for part in _EXON_PART.finditer(match.group(2)):
        number = int(part.group(2))
        if part.group(1) and number > numbers[-1]:
            numbers.extend(range(numbers[-1] + 1, number + 1))  # "18-21": every exon between
        elif number not in numbers:
            numbers.append(number)
    names = [f"exon {n}" for n in numbers]
    return ", ".join(names[:-1]) + " or " + names[-1]


# "c-ros oncogene 1 negative (ROS1-)": a gene symbol with a bare minus closing an aside is a negative result.
# ("EGFR- or ALK-positive" is a suspended hyphen, so only the closing bracket makes it sure.)
_GENE_MINUS = re.compile(r"\b(EGFR|ALK|ROS-?1|KRAS|NRAS|BRAF|MET|RET|HER-?2|ERBB2|NTRK[1-3]?|NRG-?1)\s?-\s*\)")


# A gene symbol in brackets after its name: the symbol is what the author meant, even where the name is unknown to
# the vocabulary or wrong ("alkaline phosphatase (ALK)", "proto-oncogene receptor tyrosine kinase (ROS1)"), and a
# known name already rewritten leaves the symbol twice ("EGFR (EGFR)"). The name is the run of words before the
# bracket that ends in a protein word; a negation, list or marker word before it stays ("no <name> (EGFR)").
_GENE_SYMBOLS = r"(?:EGFR|ALK|ROS-?1|ROS|KRAS|NRAS|BRAF|c-?MET|MET|RET|HER-?2|ERBB2|NTRK[1-3]?|NRG-?1)"
_SYMBOLS = r"(?:" + _GENE_SYMBOLS + r"|PD-L1)"  # PD-L1 is only collapsed: its own words ("high") are read elsewhere
_SYMBOL_IN_BRACKETS = re.compile(r"\(\s*" + _SYMBOLS + r"\s*-?\s*\)")
_NAME_STOP = re.compile(
    r"(?i:no|not|non|and|or|nor|with|without|for|of|in|on|to|by|from|the|an?|any|known|documented|confirmed|has|have"
    r"|had|is|are|be|harbou?ring|carrying|negative|positive|mutat\w*|mutant|wild|type|alterations?|aberrations?"
    r"|rearrang\w*|fusions?|amplif\w*|express\w*|inhibit\w*|therap\w*|treat\w*|TKIs?|status|test\w*|patients?"
    r"|tumou?rs?|cancers?|NSCLC|sensiti\w*|activat\w*|oncogenic|drivers?|genomic|high|low|strong|weak|elevated|DRUG)"
)
_PROTEIN_WORD = re.compile(r"(?i:[\w-]*(?:kinase|receptor|factor|oncogene|homolog|homologue|ligand|phosphatase|protein"
                           r"|transfection))")
_NAME_SUFFIX = re.compile(r"\d+|[A-Z]\d?")  # "oncogene 1", "homolog B1"
# "receptor- (EGFR-)": a name with a suspended hyphen ("EGFR-, ALK- or ROS1-directed") keeps it after its symbol.
_GENE_IN_BRACKETS = re.compile(r"(-\s*)?\(\s*(" + _GENE_SYMBOLS + r")\s*(?(1)-)\s*\)")
_NAME_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")
_NAME_WINDOW = 90  # characters before the bracket a name may take (six words)


def _name_start(text: str, end: int) -> int | None:
    """Where the spelt-out name that ends at `end` starts: up to six words, none a stop word, the last a protein
    word (or one with a number or letter after it); None when the words there are not a name."""
    window = text[max(0, end - _NAME_WINDOW): end]
    tail = window.rsplit(None, 2)[-2:]
    if not tail or not any(_PROTEIN_WORD.fullmatch(word) for word in tail):
        return None  # most brackets follow no name ("mutation (EGFR)"): settled on the last two words
    words = list(_NAME_WORD.finditer(window))
    if not words or window[words[-1].end():].strip():
        return None
    last = len(words) - 1
    if _NAME_SUFFIX.fullmatch(words[last].group(0)) and last > 0:
        last -= 1  # "oncogene 1": the number belongs to the name
    if not _PROTEIN_WORD.fullmatch(words[last].group(0)) or _NAME_STOP.fullmatch(words[last].group(0)):
        return None
    first = last
    while (first > 0 and len(words) - first < 6 and not _NAME_STOP.fullmatch(words[first - 1].group(0))
           and not window[words[first - 1].end(): words[first].start()].strip(" -")):
        first -= 1
    if words[first].start() == 0 and end > _NAME_WINDOW:
        return None  # the window cut a word: too far back to tell
    return end - len(window) + words[first].start()


def _initials_start(text: str, end: int, symbol: str) -> int | None:
    """Where a name spelt out letter by letter ends at `end`: "B isoform of rapidly accelerated fibrosarcoma (BRAF)",
    "neurotrophic tropomyosin receptor kinase (NTRK)". The first word starts with the symbol's first letter, the last
    with its last letter, and its letters are initials of the words in order; none a stop word but an inner "of"."""
    letters = [c for c in symbol.upper().removeprefix("C-") if c.isalpha()]
    window = text[max(0, end - _NAME_WINDOW): end]
    words = list(_NAME_WORD.finditer(window))
    if len(letters) < 3 or not words or window[words[-1].end():].strip():
        return None
    last = len(words) - 1
    if words[last].group(0).isdigit() and last > 0:
        last -= 1  # "... receptor 2 (HER2)"
    if words[last].group(0)[0].upper() != letters[-1] or _NAME_STOP.fullmatch(words[last].group(0)):
        return None
    found = None
    for first in range(last - 1, max(-1, last - 8), -1):
        word = words[first].group(0)
        if window[words[first].end(): words[first + 1].start()].strip(" -") or (
                _NAME_STOP.fullmatch(word) and word.lower() != "of"):
            break
        initials = iter(w.group(0)[0].upper() for w in words[first: last + 1])
        if word[0].upper() == letters[0] and all(letter in initials for letter in letters):
            found = first
            break  # the nearest start: "the absence of anaplastic lymphoma kinase (ALK)" is not "absence ... (ALK)"
    if found is None or (words[found].start() == 0 and end > _NAME_WINDOW):
        return None
    return end - len(window) + words[found].start()


def _named_symbols(text: str, initials_only: bool = False) -> str:
    """"<name> (SYMBOL)" as the symbol alone (see _SYMBOLS); "<name>- (SYMBOL-)" as "SYMBOL-". `initials_only`: only
    names whose initials spell the symbol (before the vocabulary's names are rewritten, so that a known name's tail,
    "tropomyosin receptor kinase", cannot leave its head, "neurotrophic", behind)."""
    pieces: list[str] = []
    last = 0
    for match in _GENE_IN_BRACKETS.finditer(text):
        symbol = match.group(2)
        start = None if initials_only else _name_start(text, match.start())
        if start is None:
            start = _initials_start(text, match.start(), symbol)
        if start is None or start < last:
            continue
        pieces.append(text[last:start])
        pieces.append(symbol + ("-" if match.group(1) else ""))
        last = match.end()
    return "".join(pieces) + text[last:] if pieces else text


# "c-ros oncogene (ROS)"; "EGFR- (EGFR-)": a known name with a suspended hyphen, rewritten, keeps the hyphen once.
_SYMBOL_TWICE = re.compile(r"\b(" + _SYMBOLS + r")(-?)\s*\(\s*\1\s*\2\s*\)|\b(ROS1)\s*\(\s*ROS\s*\)")
# "EGFR, ALK, or ROS activating aberrations", "ROS rearrangement": ROS beside the driver genes (or a fusion word)
# is ROS1, not reactive oxygen species.
_BARE_ROS = re.compile(
    r"\b((?:EGFR|ALK|KRAS|BRAF|MET|RET|HER2|NTRK[1-3]?)\b[)\s]*[,/]?\s*(?:(?:and/or|or|and)\s+)?)ROS\b(?![\s-]?1\b)"
    r"|(?<![\w-])()ROS(?=[\s-]+(?i:fusion|rearrang|translocat|gene (?:fusion|rearrang)|positive))"
    r"|(?<![\w-])()ROS(?=\s*(?:,|/|or\b|and\b)\s*(?:EGFR|ALK|KRAS|BRAF|MET|RET)\b)"
)


def _gene_symbols(text: str) -> str:
    """"<name> (SYMBOL)" and "SYMBOL (SYMBOL)" as the symbol alone; a bare ROS in a list of driver genes as ROS1."""
    if "(" in text and _SYMBOL_IN_BRACKETS.search(text):
        text = _SYMBOL_TWICE.sub(lambda m: m.group(1) + m.group(2) if m.group(1) else m.group(3), text)
        text = _named_symbols(text)
    if "ROS" in text:
        text = _BARE_ROS.sub(lambda m: (m.group(1) or "") + "ROS1", text)
    return text


def names_as_symbols(text: str) -> str:
    """Spelt-out gene names as their symbols and nothing else ("epidermal growth factor receptor (EGFR) or
    anaplastic lymphoma kinase (ALK) directed therapy" -> "EGFR or ALK directed therapy"), for readers that
    need the drug classes normalise() replaces by DRUG."""
    return _gene_symbols(_full_names(text))


def _full_names(text: str) -> str:
    """Spelt-out gene names as symbols: first those in brackets after their initials, then the vocabulary's."""
    if "(" in text and _SYMBOL_IN_BRACKETS.search(text):
        text = _named_symbols(text, initials_only=True)
    full_names, symbols = vocab.full_gene_names()
    return full_names.sub(lambda m: symbols[vocab.name_key(m.group(0))], text)


def mutant_prefix(text: str) -> bool:
    """"mEGFR" (mutant EGFR): a marker the loose pre-check does not see."""
    return _MUTANT_PREFIX.search(text) is not None


# "HER2overexpression", "EGFRmutation": a gene symbol glued to the change it names.
_GLUED_GENES = r"(?:HER2|ERBB2|EGFR|ALK|ROS1|KRAS|BRAF|MET|RET|NRG1)"
_GLUED_KIND = re.compile(
    rf"\b({_GLUED_GENES})"
    r"(?=(?i:overexpress|amplifi|mutat|fusion|rearrang|positiv)[a-z]*\b)"
)
# "KRASG12C", "EGFRL858R", "BRAFV600E": a symbol glued to the protein change it names (one amino-acid letter, the
# position, then the new residue, a stop or a deletion/insertion word).
_GLUED_CHANGE = re.compile(
    rf"\b({_GLUED_GENES})(?=[ACDEFGHIKLMNPQRSTVWY]\d{{1,4}}(?:[ACDEFGHIKLMNPQRSTVWYX*]|del|ins|dup|fs)?\b)"
)
# "KRAS:G12C", "EGFR:L858R": a colon glued between a symbol and its protein change is the change's notation, not a
# list's colon (read as one, "KRAS:G12C" was "any KRAS mutation, e.g. G12C", and let G12D in).
_COLON_CHANGE = guarded(
    rf"\b({_GLUED_GENES}):(?=[ACDEFGHIKLMNPQRSTVWY]\d{{1,4}}(?:[ACDEFGHIKLMNPQRSTVWYX*]|del|ins|dup|fs)?\b"
    r"|(?i:exon)\s?\d)"
)
# What every match holds: a symbol with a letter glued on (o, a, m, f, r or p, which no other character matches
# without case), or a capital and a digit. Most sentences have none: one search, without the word boundary that
# slows the full pattern.
_GLUED_HINT = re.compile(rf"{_GLUED_GENES}(?:[OoAaMmFfRrPp]|[A-Z]\d)")
# "HER2 overexpression status as determined by central review": the status of a result word is that result (as a
# requirement); "HER2 status as determined by ..." and "EGFR mutation status ..." stay tests.
_RESULT_STATUS = re.compile(
    r"\b((?:HER2|ERBB2)[\s-]+(?:over-?expression|amplification|positivity))\s+status"
    r"(?=\s+(?:(?:as|is|to be|must be)\s+)?(?:determined|confirmed|assessed|documented|tested)\s+(?:by|on|in)\b)",
    re.I,
)


def _plus_slash(match: re.Match[str]) -> str:
    """"HER2+/mutant" -> "HER2 amplification, overexpression or mutation": "+" is copies or protein (a "positive"
    beside a mutation of the same gene would be read as that mutation only)."""
    gene, second = match.group(1), match.group(2).lower()
    return f"{gene} amplification or overexpression" if second == "amplified" else \
        f"{gene} amplification, overexpression or mutation"


# "tumor-activating EGFR mutations": an activating change; the tumour word adds nothing and broke the negation.
_TUMOUR_ACTIVATING = re.compile(r"\btumou?r[\s-]+(?=activating\b)", re.I)


def normalise(text: str) -> str:
    """Unify punctuation, abbreviations and full gene names; replace gene-named drug classes with DRUG."""
    text = _wide(text)
    if "ctivating" in text:
        text = _TUMOUR_ACTIVATING.sub("", text)
    if _GLUED_HINT.search(text):
        text = _GLUED_CHANGE.sub(r"\1 ", _GLUED_KIND.sub(r"\1 ", text))
    if ":" in text:
        text = _COLON_CHANGE.sub(r"\1 ", text)
    if "status" in text:
        text = _RESULT_STATUS.sub(r"\1", text)
    text = _ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _BUT_NOT_LIMITED.sub(" not limited to", text)
    if "p. " in text:  # "KRAS p. G12C": the protein prefix belongs to the change
        text = _PROTEIN_PREFIX.sub("p.", text)
    # The checks before a rewrite are necessary for it to match: they only skip work, never change text.
    text = _full_names(text)
    if "alk" in text:
        text = _LOWER_ALK.sub("ALK", text)
    if "/=" in text:  # ">/=", "</=": how some sponsors type "at least" and "at most" ("TC >/= 1%")
        text = text.replace(">/=", "\u2265").replace("</=", "\u2264")
    if "EFGR" in text:  # a common slip of the pen: "Epidermal Growth Factor Receptor (EFGR)"
        text = _EGFR_SLIP.sub("EGFR", text)
    if _NEGATIVE_SLIP_HINT.search(folded(text)):
        text = _NEGATIVE_SLIP.sub("negative", text)
    text = _gene_symbols(text)
    if "EGFR" in text:  # the next three patterns all need it, case and all
        if _KIDNEY_BEFORE_WORD.search(text):
            text = _KIDNEY_BEFORE.sub(lambda m: m.group(0)[:-4] + "kidney-GFR", text)
        if _KIDNEY_AFTER_WORD.search(text):
            text = _KIDNEY_AFTER.sub("kidney-GFR", text)
        text = _TKI_SENSITIVE.sub("EGFR ", text)
        text = _SENSITIVITY_ASSOCIATED.sub(lambda m: "sensitizing " + m.group(1), text)
        text = _NOT_SENSITIVE.sub(lambda m: m.group(1) + " other than sensitising ones", text)
    text = _EITHER_STATUS.sub("status", text)
    if "-)" in text or "- )" in text:
        text = _GENE_MINUS.sub(r"\1 negative)", text)
    if "+/" in text or "+ /" in text:
        text = _PLUS_SLASH.sub(_plus_slash, text)
    if "+" in text:
        text = _PROTEIN_PLUS.sub(r"\1-positive", text)
    if "egative" in text:
        text = _NEGATIVE_TEST_FOR.sub("negative for", text)
    if "mEGFR" in text or "mKRAS" in text or "mBRAF" in text:
        text = _MUTANT_PREFIX.sub(r"\1-mutant", text)  # "mEGFR": mutant EGFR
    if "xon" in text:
        text = _NUMBER_FIRST_EXON.sub(r"exon \1", text)
    text = _EXON_LIST.sub(_exon_list, text)  # guarded: only texts with "exon" are searched
    if "MAPK" in text.upper():  # the pathway's genes a profile can list; the rule stays doubtful (reading.py)
        text = MAPK_PATHWAY.sub("KRAS, NRAS or BRAF", text)
    if "gainst" in text or "ctiv" in text or "arget" in text or "elective" in text:
        text = _ACTIVE_AGAINST.sub(lambda m: m.group(0).split(None, 1)[0] + " ", text)
    if not _GENE_NAME.search(text):
        return text
    text = _DRUGS.sub(" DRUG ", text)
    text = _DRUG_ECHO.sub("DRUG", text)
    return _NAMED_DRUG.sub("DRUG", text) if "( DRUG )" in text else text


# (The cut is the shared splitter's marker-clause variant, text.CLAUSE_SPLIT: every semicolon, and a full stop that
# ends no abbreviation, "KRAS p. G12C" included.)
def sentences(text: str) -> list[str]:
    """Sentences and semicolon clauses of one criterion, as written (for quoting)."""
    return list(_sentences(text))


# Every split point is a semicolon or a full stop with white space after it: most criteria have neither.
_MAY_SPLIT = re.compile(r"[;；.](?:(?<!\.)|\s)")  # a character class first: the engine skips to those


@lru_cache(maxsize=8)  # each criterion is split twice in a row (labels, then test waivers)
def _sentences(text: str) -> tuple[str, ...]:
    if not _MAY_SPLIT.search(text):
        return (text.strip(),) if text.strip() else ()
    if not _MAY_JOIN.search(text):  # no "; or" / ". Or": every cut stands (most criteria)
        if "(" not in text:
            return tuple(s.strip() for s in CLAUSE_SPLIT.split(text) if s and s.strip())
        cuts = _cuts(text)
        starts, ends = [0, *(c.end() for c in cuts)], [*(c.start() for c in cuts), len(text)]
        return tuple(text[a:b].strip() for a, b in zip(starts, ends, strict=True) if text[a:b].strip())
    return tuple(_alternative_lists(text))


# "(i.e.; KRAS G12C ...)": the semicolon is the abbreviation's stray mark; the cut there is kept as it was (the pieces
# read as doubtful, which shields the permissions around them that are not read as such yet).
_ABBREVIATION_END = re.compile(r"\b(?:i\.?\s?e|e\.?\s?g)\.?\s*$", re.I)


def _cuts(text: str) -> list[re.Match[str]]:
    """The clause cuts of a text, but a semicolon inside a bracket that closes later: "a ROS1 fusion (NSCLC only;
    Cohorts A and B), or an NTRK fusion (any solid tumour; Cohorts C and D)" is one list, its brackets notes. Cut
    there, each half lost its bracket's other end (the groups it names, the alternative beside it)."""
    out = []
    for cut in CLAUSE_SPLIT.finditer(text):
        if cut.group(0)[:1] in ";\uff1b":
            before = text[:cut.start()]
            depth = before.count("(") - before.count(")")
            if depth > 0 and ")" in text[cut.end():] and not _ABBREVIATION_END.search(before):
                continue
        out.append(cut)
    return out


# "EGFR mutation; ALK rearrangement; ROS1 fusion; or BRAF V600E": the "; or" closes ONE list of alternatives, so the
# pieces cut at the semicolons before it go back together (read alone, each would be a requirement of its own).
# "EGFR wild-type; ECOG 0-1; measurable disease" has no "; or" and stays cut. A piece opening with "Or" after a full
# stop ("EGFR-mutant NSCLC. Or ALK-positive NSCLC.") goes on from the one before.
_SEMICOLON_OR = re.compile(r"[;；]\s*(?:and/)?or\b", re.I)
_OPENS_OR = re.compile(r"(?:and/)?or\b", re.I)
_MAY_JOIN = re.compile(r"[;；.]\s*(?:and/)?or\b", re.I)


def _alternative_lists(text: str) -> list[str]:
    pieces: list[str] = []
    run = 0  # how many of the last pieces kept were cut at a semicolon
    start = 0
    for cut in [*(_cuts(text) if "(" in text else CLAUSE_SPLIT.finditer(text)), None]:
        piece = (text[start:cut.start()] if cut else text[start:]).strip()
        start = cut.end() if cut else len(text)
        at_semicolon = cut is not None and cut.group(0)[:1] in ";；"
        if not piece:
            continue
        if pieces and _OPENS_OR.match(piece):
            pieces[-1] = f"{pieces[-1]} {piece}"
        elif run and _SEMICOLON_OR.search(piece):
            pieces[-run:] = ["; ".join([*pieces[-run:], piece])]
        else:
            pieces.append(piece)
            run = run + 1 if at_semicolon else 0
            continue
        run = int(at_semicolon)  # the joined list is one piece now
    return pieces


# ---- tokens -------------------------------------------------------------------------------------

# "EGFR and ALK negative for non-squamous NSCLC", "ROS1 negative for all patients", "... negative for Cohort A":
# "negative for" opens a negated phrase only when a marker follows it; a histology, a group of patients or a part
# after it is the scope of the rule, and "negative" closes the marker phrase before it (a postneg). Without this the
# genes in front were read as required. "negative for all of the following", "negative for any driver" stay negfor.
_POPULATION_AFTER_FOR = (
    r"(?:(?:the|all|those|any|each|every|eligible|enrolled)\s+)?(?:(?:advanced|metastatic|locally\s+advanced)\s+)?"
    r"(?:non-?\s?squamous|nonsquamous|squamous|adeno\w*|large[\s\-]cell|(?:non-?\s?small|nsclc|lung)\b"
    r"|(?:patients?|subjects?|participants?|individuals?|persons?|people|cases?|population|cohorts?|arms?|parts?"
    r"|modules?|sub-?stud(?:y|ies)|sub-?groups?|groups?|enrol\w*|inclusion|entry|eligibility)\b"
    r"|(?:this|the)\s+(?:trial|study)\b)"
)

# Every alternative starts at the start of a word (a boundary, then a letter) or with "(": said once in
# front, the engine tries the alternatives only there (four times as fast; the same matches).
STRUCTURE = re.compile(
    r"(?:(?=\()|(?<!\w)(?=\w))"
    # "EGFR and ALK alterations must be absent / must not be present / must have been ruled out": a negation after
    # the phrase, read as "negative" is (postneg). First, so that "must not be" is not taken for a verb before a
    # phrase; "absent EGFR mutation" (before its phrase) stays a negfor.
    r"(?:(?P<postneg_after>(?:(?<=\bbe\s)|(?<=\bare\s)|(?<=\bis\s)|(?<=\bbeen\s)|(?<=\bwas\s)|(?<=\bwere\s))absent\b"
    r"|\babsent(?=\s*(?:[,.;)\]]|$))"
    r"|\b(?:(?:must|should|shall|can|will|may|is|are)\s+)?not\s+(?:be\s+|been\s+)?present\b"
    r"|\b(?:(?:must|should|shall|has|have|had|been|be|is|are|was|were)\s+){0,3}ruled\s+out\b"
    # "EGFR, ALK, ROS1 not detected", "EGFR mutation was not found": before "not" is read as a negation of the
    # verb after it (which alone would say the change is present).
    r"|\bnot\s+(?:be\s+|been\s+)?(?:detected|found|identified)\b)"
    # "testing to rule out EGFR mutations": ruling out is excluding (after the phrase, "ruled out" is a postneg)
    r"|(?P<negx>\b(?:exclusion of|excluding|exclude[sd]?|not eligible (?:if|when)|ineligible"
    r"|rul(?:e|es|ing)\s+out)\b)"
    # "not known to harbour", "none of the following", "devoid of", "absent EGFR mutation": a negation before the
    # phrase (the verb after "not known to" is part of it, so "not" alone does not stop at "known to").
    r"|(?P<negfor>\b(?:negative for(?!\s+" + _POPULATION_AFTER_FOR + r")|absence of|absent(?: for)?|devoid of|free of"
    r"|lack of|lacking|lacked|lacks|lack"
    r"|without|w/o"
    r"|none of(?: the following)?|not known to (?:have|harbou?r|carry|contain|be))\b)"
    r"|(?P<negverb>\b(?:(?:must|should|shall|do|does|did|can|could|will|may)\s?not|cannot|don't|doesn't|never)\s+"
    r"(?:have|has|had|harbou?r|harbou?ring|carry|carrying|contain|show|exhibit|be|been|test positive)\b"
    r"|\bnot\s+(?:harbou?r\w*|carry\w*|hav\w+|contain\w*|be\b|show\w*))"
    r"|(?P<neg>\b(?:no|not(?!\s+limited\s+to\b)|nor|neither)\b)"  # "not limited to": an open list (below)
    # "EGFR Wild NSCLC": "wild" alone is wild-type
    r"|(?P<postneg>\bwild[\s\-]?types?\b|\bwild\b|\bWT\b|\bnegative\b|\bnegativity\b|\(\s*-\s*\)"
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
    r"|(?P<aswell>\bas well as\b|\bin addition to\b|\bplus\b|\btogether with\b|\band also\b))",
    re.I,
)

# Words that may sit between the biomarker words of one phrase ("EGFR or HER2 exon 20 insertion").
LINK = frozenset(
    "and or nor of in the a an gene genes with including include includes such as eg ie etc for example both either "
    "also any known are is were was all on by tumor tumour tissue point exon than type types that in-frame "
    "and/or mutational molecular genetic genomic which central local centrally locally cfdna ctdna plasma blood liquid "
    "biopsy ngs pcr at be "
    # "ALK fusion oncogene, BRAF V600E or ROS1": like "gene", a noun inside a list item that ends no list
    "oncogene oncogenes".split()
)
# Words allowed between a negation and the phrase it negates ("no known EGFR", "without documented ALK").
NEG_FILLER = LINK | frozenset(
    "known documented confirmed detectable detected evidence presence present patients patient subjects subject "
    "participants participant people those who have has had having harbor harbour harbors harbours harboring "
    "harbouring carry carries carrying be been show showing exhibit identified diagnosed tumors tumours "
    "histologically cytologically other concomitant co-occurring coexisting additional actionable targetable "
    # "without a treatable driver", "no druggable oncogenic alteration": words that qualify the class negated
    "treatable druggable oncogenic clinically relevant significant pathogenic "
    # "without a secondary T790M", "no acquired / concurrent MET amplification": how or beside what the change came
    "secondary acquired concurrent coexistent co-existing co-existent accompanying simultaneous de novo "
    "positive any one more".split()
)
# For "exclusion of patients with ... brain metastases with EGFR" a wider gap is allowed, but never therapy words.
# The site may be named any way ("CNS metastases", "brain mets", "liver metastases"): with a site word missing here
# the "exclusion of" did not reach the marker, and "with positive EGFR ... and ALK" read as a requirement of both.
NEGX_FILLER = NEG_FILLER | frozenset(
    "brain metastases metastasis metastatic advanced stage squamous non-squamous nonsquamous iv iii lesions "
    "lesion nsclc cancer carcinoma adenocarcinoma disease lung non-small cell "
    "cns central nervous system intracranial cerebral leptomeningeal mets liver hepatic bone osseous adrenal "
    "pleural visceral distant".split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z\-/]*|\d+")


# "other EGFR mutations not listed above", "ALK alterations not mentioned in inclusion criterion 4", "... other than
# those specified above": the class points back at a list the text gave earlier, so the changes in that list are not
# in it. Read after a class noun (phrases.occurrences) and resolved against what the trial asks for
# (reading._resolve_other); with nothing asked it is too vague to exclude on.
BACK_REFERENCE = re.compile(
    r"\s*,?\s*(?:(?:that|which)\s+(?:are|is)\s+|(?:if|when)\s+)?(?:not\s+(?:otherwise\s+|already\s+|explicitly\s+)?"
    r"(?:listed|mentioned|specified|named|included|described|covered|stated)"
    r"|other\s+than\s+(?:those|the\s+ones?|that|the\s+(?:changes?|mutations?|alterations?))"
    r"(?:\s+(?:listed|mentioned|specified|named|included|described|stated|allowed|permitted))?)"
    r"\s+(?:above|previously|earlier|before|in\s+(?:the\s+)?(?:inclusion|(?:previous|preceding|prior)\s+)"
    r"|in\s+(?:cohorts?|arms?|parts?|groups?|criteri(?:on|a))\b|for\s+(?:cohorts?|arms?|parts?|groups?)\b)",
    re.I,
)
_GROUP_WORDS = r"(?:patients?|subjects?|participants?|individuals?|persons?|those|people|cases?|tumou?rs?)"
CONDITION_BEFORE = guarded(
    r"(?:\b(?:required|mandatory|needed|necessary|allowed|permitted|only)\s+(?:for|in)"
    r"|(?<!positive )(?<!negative )(?<!tested )(?<!screened )(?<!assessed )(?<!wild-type )(?<!wild type )\bfor"
    r"|\bif|\bwhen|\bin case of|\bunless"
    # "..., or a ROS1 inhibitor in patients with ROS1 fusion", "or osimertinib in those with": a drug's group
    r"|\b(?:DRUG|[a-z]{3,}(?:inib|mab))\s+(?:for|against|in)"
    # "and targeted therapy if there is other actionable driver gene": the condition of that treatment ("only if
    # there is a KRAS G12C" is the way in and stays a rule)
    r"|(?<!only\s)\b(?:if|when|where)\s+there\s+(?:is|are|was|were|exists?)(?:\s+also)?)"
    r"\s+(?:(?:the|all)\s+)?"
    # "if the tumour has a RET fusion", "for patients whose tumours harbour EGFR mutations": the group, by its verb
    r"(?:(?:their\s+)?" + _GROUP_WORDS + r"\s+(?:whose\s+(?:tumou?rs?|cancers?|disease)\s+)?"
    r"(?:has|have|harbou?rs?|carr(?:y|ies)|contains?|shows?|is|are)\s+"
    r"|(?:" + _GROUP_WORDS + r"\s+)?"
    # "for individuals with no actionable alterations", "for patients without a driver": the group the rule is for
    r"(?:(?:with(?:\s+no)?|without|lacking|harbou?ring|carrying|having|who\s+(?:have|has|harbou?r)"
    r"|who\s+(?:do|does)\s+not\s+(?:have|harbou?r))\s+)?)"
    r"(?:(?:a|an|any|known|documented|confirmed)\s+){0,2}$",
    re.I,
)
# "... must have received", "... should have progressed on": a treatment rule for people with the marker.
_THERAPY_VERBS = (
    # "have also received", "have been previously treated": the adverb may sit on either side of the auxiliary.
    # "must additionally have progressed", "must in addition have received": a rule added to another one
    r"(?:(?:also|additionally|in\s+addition|further)\s+)?(?:have\s+|has\s+)?(?:also\s+)?(?:(?:had\s+)?(?:disease\s+|radiographic\s+|radiological\s+"
    r"|documented\s+)?progression"
    r"|(?:previously\s+)?(?:received|been (?:previously )?treated|had|undergone|failed|progressed"
    r"|been exposed|experienced|shown progression|demonstrated progression|documented progression)"
    r"|be\s+(?:previously\s+)?treated|discontinu\w+|be refractory|be intolerant|be resistant)\b"
)
MODAL_AFTER = re.compile(
    # "The T790M cohort must have had osimertinib": a group named by its marker, then its treatment rule.
    r"^[\s,)\]]*(?:(?:nsclc|disease|tumou?rs?|cancer|patients?|subjects?|participants?|positive|mutation|mutations"
    r"|cohorts?|arms?|groups?|subgroups?|population|part)\s+){0,2}"
    r"(?:(?:must|should|shall|need to|needs to|are required to|is required to|will be required to)\s+" + _THERAPY_VERBS
    # "Participants with EGFR mutation may have received one prior TKI", "... are allowed to have had crizotinib": a
    # permission about treatment for the marker's carriers. The marker names who is allowed it: no population rule.
    + r"|(?:(?:may|can|could)\s+(?:also\s+)?|(?:are|is|will\s+be)\s+(?:also\s+)?(?:allowed|permitted|eligible)\s+to\s+)"
    + r"(?:have\s+|has\s+)(?:also\s+)?(?:previously\s+|already\s+)?(?:received|had|been\s+(?:previously\s+)?treated"
    + r"|undergone|been\s+exposed|progressed)\b"
    + r")",
    re.I,
)
THERAPY_AFTER = guarded(
    r"^[\s,)\]]*(?:(?:nsclc|disease|tumou?rs?|cancer|patients?|subjects?|participants?|positive|mutation|mutations|point)\s+){0,3}"
    r"(?:(?:who\s+|that\s+|which\s+)?(?:have\s+|has\s+|had\s+)?(?:not\s+|never\s+)?(?:been\s+)?"
    r"(?:previously|received|used|taken|failed"
    r"|progressed|treated|exposed|resistant|refractory)\b"
    # "EGFR mutation with (primary) resistance to osimertinib", "... without prior resistance to": a treatment rule
    r"|(?:(?:with|without|and)\s+)?(?:(?:prior|previous|documented|acquired|primary|intrinsic|known|confirmed)\s+){0,2}"
    r"(?:resistance|progression|failure)\s+(?:to|on|after)\b)",
    re.I,
)
# "In addition, patients with ...", "Additionally, participants with ...": a word that only joins the sentence to the
# one before may open a carrier rule, as a "Note:" may.
_OPENER = r"(?:notes?\s*[:\-]\s*|(?:in\s+addition|additionally|furthermore|moreover|also|further)\s*,\s*)?"
# "Patients with EGFR, ALK or other alterations must have progressed on ...": a treatment rule for carriers.
# A "Note:" may open it; the list of markers may hold commas.
_CARRIER_RULE = (
    r"(?:patients?|subjects?|participants?|those)\s+(?:with|who have|harbou?ring|carrying"
    r"|whose\s+(?:tumou?rs?|cancers?|disease)\s+(?:harbou?rs?|carry|carries|has|have|contains?|shows?))[^;:]{0,160}?"
    # "Patients with a known EGFR, ALK ... alteration: must have received ...": the group, a colon, then its rule
    r"(?::\s*)?\b(?:(?:must|should|need to|are required to)\s+" + _THERAPY_VERBS
    # "Patients with a known driver have received and progressed past driver-specific therapy": the registry's
    # declarative voice states the same rule without the modal. Not after "and" / "or" / "who" ("Patients who have
    # an EGFR mutation and have received a TKI" asks for both), nor in a clause of its own ("Patients with EGFR
    # mutations (unless they have progressed on a TKI)": the exclusion with its exception).
    + r"|(?<!\band\s)(?<!\bor\s)(?<!\bwho\s)(?<!\bthey\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\bunless\s)(?<!\bif\s)"
    r"(?:have|has)\s+(?:also\s+)?(?:previously\s+|already\s+)?"
    r"(?:received|been\s+(?:previously\s+)?treated|undergone|failed|progressed|been\s+exposed"
    r"|had\s+(?:disease\s+|radiographic\s+|radiological\s+|documented\s+)?progression)\b"
    # "... are eligible only if they have progressed on an approved TKI"
    + r"|(?:(?:are|is|will be|may be|can be)\s+(?:only\s+)?(?:eligible|allowed|permitted|enrolled|included)"
    # "... may enrol after exhausting approved targeted therapy", "... can participate once they have progressed"
    r"|(?:may|can|could)\s+(?:also\s+)?(?:only\s+)?(?:enrol\w*|enter|participate|join))\s+"
    r"(?:only\s+)?(?:if|provided|when|after|following|once)\b)"
)
SENTENCE_CONDITION = re.compile(
    r"^\W*" + _OPENER +
    r"(?:in case|if|when|unless|for (?:the )?(?:patients?|subjects?|participants?|those|people)\b"
    r"|" + _CARRIER_RULE + ")",
    re.I,
)
CARRIER_RULE = re.compile(r"^\W*" + _OPENER + _CARRIER_RULE, re.I)
# "Patients with activating EGFR mutation or ALK rearrangement which is expected to be responsive to available TKI
# therapy, must have been previously treated with ...", "Participants known to harbor an ALK or ROS1 fusion for which
# treatment is available must have received ...": a group opened by its markers, a long relative clause, then its
# treatment rule. The marker names the group; it is no requirement. Head: the sentence up to the marker phrase (no
# modal yet); tail: what follows the phrase, up to the modal and its treatment verb.
CARRIER_GROUP_HEAD = re.compile(
    r"^\W*" + _OPENER + r"(?:all\s+)?(?:patients?|subjects?|participants?|those|individuals)\s+"
    r"(?:with\s+)?(?:[\w\-/]+\s+){0,3}?"
    r"(?:with|who\s+(?:have|harbou?r|carry)|(?:(?:are|is)\s+)?known\s+to\s+(?:have|harbou?r|carry)|harbou?ring|carrying"
    r"|whose\s+(?:tumou?rs?|cancers?|disease)\s+(?:harbou?rs?|carry|carries|has|have))\b"
    r"(?![^;:]*\b(?:must|should|shall|required|need)\b)[^;:]{0,160}$",
    re.I,
)
CARRIER_GROUP_TAIL = re.compile(
    r"[^;:.]{0,200}?\b(?:must|should|shall|need\s+to|needs\s+to|are\s+required\s+to|is\s+required\s+to)\s+"
    + _THERAPY_VERBS,
    re.I,
)
# "(not) be enrolled in another clinical trial", "participate in any other interventional study": other studies.
# "may not take part in another clinical study at the same time", "not be concurrently enrolled in ...": the same.
_ANOTHER_STUDY = r"(?:an?(?:other)?|any\s+other|other)\s+(?:[\w-]+\s+){0,2}?(?:trials?|stud(?:y|ies)|protocols?)\b"
_OTHER_STUDY = (r"(?:be\s+)?(?:(?:concurrently|simultaneously|currently)\s+)?(?:enrolled|included|enrol\w*|participate"
                r"|take\s+part)\s+(?:in|into)\s+" + _ANOTHER_STUDY)
# A bare "be" after a negation ("cannot be enrolled", "must not be included", "will not be enrolled") refuses: see
# EXCLUDING_SENTENCE.
PERMISSION = guarded(
    r"\b(?:is|are|will be|would be|can be|may be|(?<!\bnot )(?<!cannot )(?<!n't )be)\s+(?:also\s+)?"
    r"(?:allowed|permitted|acceptable|accepted|eligible"
    r"|included|enrolled|considered eligible|allowed to enroll)\b|\bnot (?:be )?(?:an )?exclusion\b|\bnot be excluded\b"
    r"|\b(?:is|are)\s+not\s+excluded\b"  # "Exception: KRAS mutations are not excluded."
    r"|\bpermissible\b|\bmay (?:also )?(?:enroll|participate|be enrolled)\b|\bcan (?:also )?(?:enroll|participate)\b"
    # "Patients with ROS1+ NSCLC may enter the TKI-naive cohort", "... can join Arm B": a group let into a part
    r"|\b(?:may|can)\s+(?:also\s+)?(?:enrol|enter|join|be\s+recruited)\b"
    r"|\bis not required\b|\bare not required\b"
    # "... cannot be enrolled in another clinical trial": a rule about other studies sets no marker rule (as it did
    # when every "be enrolled" read as a permission); the refusal of this trial is EXCLUDING_SENTENCE's.
    r"|\b(?:not|cannot|can't)\s+" + _OTHER_STUDY +
    # "neither required nor prohibited", "not a requirement", "permitted, not required", "other driver status may be
    # unknown": a note that the marker does not matter sets no rule.
    r"|\bneither\s+(?:required|mandatory|needed)\s+nor\b|\bnot\s+(?:a\s+)?requirement\b|,\s*(?:but\s+)?not\s+required\b"
    r"|\bnot\s+exclusionary\b|\b(?:may|can)\s+be\s+unknown\b"
    # "Rarer drivers may also be considered when no matched drug is reimbursed (i.e., MET ...)", "Exceptions can be
    # discussed (...) before screening": a door left open case by case, no rule. Not "may be considered positive"
    # (a definition): only before a pause or a condition.
    r"|\b(?:may|can|could)\s+(?:also\s+)?be\s+(?:considered|discussed)"
    r"(?=\s*(?:[,.;(]|$|(?:when|if|where|for|after|with|provided|upon|on|at|in|by|before|following)\b))",
    re.I,
)
# "... and had to be eligible for second-line treatment": an obligation, or fitness for a line of treatment, is a
# requirement beside the marker rule, not a permission that the sentence only allows something. Not a hyphened
# "-only" ("who had CNS-only progression are eligible"): an adjective of the group, not a restriction to it.
NOT_PERMISSION = re.compile(
    r"\b(?:(?<!-)only|not allowed|not permitted|no\b[^.;]{0,60}\b(?:allowed|permitted)"
    r"|must(?!\s+not\s+" + _OTHER_STUDY + r")"
    r"|(?:has|have|had|need|needs|needed)\s+to\s+be|required\s+to\s+be"
    r"|eligible\s+for\s+(?:(?:a|the|any)\s+)?(?:first|second|third|later|subsequent|1st|2nd|3rd|\d+)[\s-]+line)\b",
    re.I,
)
# "alone or in combination with other EGFR mutations", "with or without T790M": the phrase that follows
# is allowed, not required, so it is skipped.
COOCCURRENCE = re.compile(
    r"\b(?:(?:either\s+)?alone or "
    r"(?:in combination with|co-?occurring with|together with|with|coexisting with|combined with)"
    r"|with or without|co-?occurring with|coexisting with|co-?existing with|in combination with"
    r"|regardless of|irrespective of|independent(?:ly)? of|whether or not|unselected for|not selected (?:for|by))"
    # "with or without a co-occurring / concurrent / secondary T790M", "... the presence of T790M": a word saying
    # the change comes beside the asked one, or how it came, leaves what follows allowed
    r"\s*(?:(?:other|any|the|an?|additional|concomitant|co-?occurring|co-?existing|coexistent|concurrent"
    r"|accompanying|secondary|acquired|de\s+novo|primary|baseline|(?:presence|evidence|detection)\s+of)\s+)*$",
    re.I,
)

# "alone or in combination with other genomic alterations, which may include EGFR T790M": the change named is an
# example of what may come beside the asked one, after a gene-less noun the phrases do not carry.
COOCCURRENCE_EXAMPLES = re.compile(
    r"\b(?:alone or (?:in combination|co-?occurring|together|coexisting|combined) with|with or without"
    r"|co-?occurring with|coexisting with|co-?existing with|in combination with)"
    r"\s+(?:(?:other|any|additional|concomitant)\s+)?(?:(?:genomic|genetic|molecular|oncogenic|gene)\s+)?"
    r"(?:alterations?|mutations?|aberrations?|abnormalit(?:y|ies)|changes?|variants?)\s*,?\s*"
    r"(?:\(\s*)?(?:(?:which\s+(?:may|can|might|could)\s+include|including|such\s+as|e\.?g\.?,?|for\s+example,?)\s*)?$",
    re.I,
)

ALLOWED_AFTER = re.compile(
    r"^[\s,)\]]*(?:(?:mutations?|patients?|subjects?|cases?|disease|tumou?rs?|NSCLC)\s+){0,2}"
    r"(?:(?:is|are|will be|can be|may be)\s+(?:also\s+)?"
    r"(?:allowed|permitted|eligible|included|accepted|acceptable)\b|(?:is|are)\s+not\s+excluded\b"
    r"|(?:also\s+)?(?:allowed|permitted|acceptable)\W*$"
    # "NSCLC (EGFR-mutant or ALK-rearranged disease allowed) with measurable disease": the bracket says it
    r"|(?:also\s+)?(?:allowed|permitted|acceptable|eligible)\s*\))",
    re.I,
)
# "EGFR mutation; exon 19 deletion or L858R preferred", "(preferably exon 19 deletion)": a preference widens nothing
# and requires nothing; beside a requirement it is one of its alternatives, as an allowed change is.
PREFERRED_AFTER = re.compile(
    r"^[\s,)\]]*(?:(?:mutations?|patients?|subjects?|cases?|tumou?rs?)\s+){0,2}(?:(?:is|are|will be|would be)\s+)?"
    r"(?:(?:strongly|highly)\s+)?(?:preferred|preferable|favou?red|prioriti[sz]ed)\b",
    re.I,
)
PREFERRED_BEFORE = re.compile(r"\b(?:preferabl[ey]|preferentially|ideally)\b[^.;()]{0,40}$", re.I)
# "EGFR and ALK must be tested", "ROS1 is required to be assessed", "ALK needs to have been evaluated": a test that
# must be done is no finding either (read as one, "must be tested" asked every patient for EGFR or ALK). Not when a
# result follows ("must be tested negative", "... tested and found to be wild-type").
PROCEDURE_AFTER = re.compile(
    r"^[^.;()]{0,40}?\b(?:will|must|should|shall|needs?\s+to|ha(?:s|ve)\s+to|(?:is|are)\s+required\s+to)\s+"
    r"(?:have\s+)?be(?:en)?\s+(?:performed|assessed|tested|determined|evaluated|analy[sz]ed|measured|collected"
    r"|sequenced|done|conducted|confirmed centrally)\b"
    r"(?![^.;()]{0,40}?\b(?:negative|positive|wild[\s-]?type|absent|present|mutated|mutant|detected|found|harbou?r\w*"
    r"|show\w*|confirm\w*)\b)",
    re.I,
)

# "EGFR and ALK according to local testing", "ROS1 and BRAF as determined by NGS", "EGFR/ALK per central laboratory":
# bare genes, then only how (or where) they are tested. No change is named and no result is said, so this is a testing
# demand, never a marker requirement (read as one, every patient without EGFR or ALK was barred). METHOD_AFTER is the
# "how" that follows the genes; a result word anywhere in the clause (RESULT_IN_CLAUSE) makes it a finding again
# ("EGFR and ALK negative by local testing", "... by local testing must be wild-type").
METHOD_AFTER = re.compile(
    # "(NSCLC)", "(all histologies)": a short aside after the genes says nothing about the test
    r"^(?:\s*\([^()]{1,30}\))?\s*(?:(?:gene\s+|mutation(?:al)?\s+|molecular\s+|genomic\s+)?status(?:es)?\s*)?,?\s*[(\[]?\s*"
    r"(?:according\s+to|by|per|using|via|through|based\s+on|on|from|in"
    r"|as\s+(?:determined|assessed|tested|evaluated|measured|documented|analy[sz]ed|established)\s+(?:by|with|in|at|using"
    r"|per|via|through|on))\s+"
    r"(?:[\w\-/]+\s+){0,4}?(?:test\w*|lab\w*|laborator\w*|assays?|NGS|PCR|FISH|IHC|(?:next[\s-]generation\s+)?sequencing"
    r"|panels?|platforms?|methods?|analys[ie]s|assessments?|genotyping|ctDNA|cfDNA|liquid\s+biops(?:y|ies))\b",
    re.I,
)
RESULT_IN_CLAUSE = re.compile(
    r"\b(?:negative|positive|wild[\s-]?type|wt|absent|absence|present|presence|mutated|mutant|mutations?|mutat\w*"
    r"|alterations?|altered|rearrange\w*|fusions?|amplif\w*|deletions?|insertions?|translocat\w*|variants?"
    r"|detected|found|harbou?r\w*|carr(?:y|ies|ying)|express\w*|no|not|without|free|loss|lost|deficien\w*|inactivat\w*"
    r"|gains?|high|low|both|co-?mutat\w*)\b|[+\u2212-]\s*(?:$|[\s,;)])",
    re.I,
)

# "Prior treatment with HER2/EGFR dual inhibitors": the phrase names what a drug targets.
# "chemotherapy, EGFR TKI or ALK inhibitor (whom with EGFR or ALK mutation)", "or after EGFR-TKI (only patients
# harbouring EGFR mutation)": an aside on one treatment route says whom that route is for; the marker is that route's
# condition, not a rule on everyone. The bracket opens right after the treatment word, with a group or "with" first.
TREATMENT_ASIDE_BEFORE = guarded(
    r"(?:\bDRUG|\b[a-z]{3,}(?:inib|mab)|\b(?:inhibitors?|TKIs?|therap(?:y|ies)|treatments?|chemotherapy|regimens?"
    r"|agents?|drugs?))\s*[(\[]\s*(?:only\s+)?(?:(?:in|for|to)\s+)?(?:only\s+)?"
    r"(?:(?:(?:whom|who|those|patients?|subjects?|participants?|cases?|people)\s+)?"
    r"(?:with|harbou?ring|carrying|having|(?:who\s+)?(?:have|has|harbou?r|carry)"
    r"|whose\s+tumou?rs?\s+(?:have|has|harbou?rs?|carry|carries))"
    r"|(?:whom|who|those|patients?|subjects?|participants?|cases?|people))\s*"
    r"(?:(?:an?|known|confirmed|documented)\s+){0,2}$"
    # "a tyrosine kinase inhibitor (EGFR-TK) antagonist": the bracket names the drug's target
    r"|(?:\bDRUG|\b(?:inhibitors?|TKIs?|antagonists?|blockers?))\s*[(\[]\s*$",
    re.I,
)
DRUG_CONTEXT_BEFORE = re.compile(
    r"\b(?:prior|previous|previously|received|receiving|treated|treatment|therapy|therapies|exposure|exposed)"
    r"(?:\s+[\w\-]+){0,3}?\s+(?:with|to|using|by)\s+(?:an?\s+|the\s+|any\s+|other\s+){0,2}$",
    re.I,
)


# "second-line treatment following a first-generation EGFR TKI in T790M-positive disease", "after chemotherapy in the
# EGFR-mutant setting": within an earlier treatment's history, "<treatment> in <marker> disease" says what that
# treatment was given for, not who may join. A bare "chemotherapy in patients with KRAS G12C" (a cohort's label)
# has no history word before it and stays a marker rule.
HISTORY_SETTING_BEFORE = re.compile(
    r"\b(?:given|received|receiving|administered|used|following|after|prior|previous(?:ly)?|progress(?:ed|ion)\s+on"
    r"|pretreated|pre-treated)\b[^.;:]{0,100}?"
    r"\b(?:DRUG|[a-z]{3,}(?:inib|mab)|TKIs?|inhibitors?|treatments?|therap(?:y|ies)|chemotherapy|regimens?|agents?"
    r"|lines?|first[\s-]line|second[\s-]line)\s+in\s+(?:the\s+|an?\s+)?"
    r"(?:(?:patients?|subjects?|participants?|those|people)\s+(?:with|harbou?ring|carrying|having|who\s+(?:have|had))\s+"
    r"(?:(?:an?|known|documented|confirmed|acquired)\s+){0,2})?$",
    re.I,
)


# "progressed on osimertinib, or on a first-generation TKI with T790M-negative status", "after DRUG or after an
# ALK inhibitor with documented resistance mutation": a marker said of one of several treatment options ("or on / or
# after ... <treatment> with") is that option's condition, for the prior-therapy rule, not who may join the trial.
THERAPY_OPTION_WITH_BEFORE = re.compile(
    r"\b(?:or|and/or)\s+(?:(?:on|after|following|to|with|prior|previous)\s+)?[^.;:()]{0,80}?"
    r"\b(?:DRUG|[a-z]{3,}(?:inib|mab)|TKIs?|inhibitors?|therap(?:y|ies)|agents?|treatments?|regimens?)\s+with\s+"
    r"(?:(?:an?|the|documented|confirmed|known|proven)\s+){0,2}(?:(?:absence|lack)\s+of\s+)?$",
    re.I,
)


# "osimertinib as second-line therapy after a first-generation EGFR-TKI (gefitinib, erlotinib) with T790M-positive
# progression", "lazertinib given after afatinib with T790M-mediated resistance": the marker says how the disease
# progressed on the earliest treatment of a history, i.e. why the next one was started (as HISTORY_TRIGGER_BEFORE), not
# what the tumour must have now. The history word (a line, "given", "subsequently") must come before "after", and the
# marker must qualify the progression (PROGRESSION_AFTER_MARKER): "progression on an EGFR TKI with documented T790M"
# stays a requirement.
HISTORY_PROGRESSION_BEFORE = guarded(
    r"\b(?:(?:first|second|third|later|1st|2nd|3rd)[\s-]line|subsequent(?:ly)?|followed\s+by|switched\s+to|given"
    r"|received|administered)\b[^.;:]{0,60}?\b(?:after|following|upon)\b[^.;:]{0,160}?"
    r"\b(?:DRUG|[a-z]{3,}(?:inib|mab)|TKIs?|inhibitors?|therap(?:y|ies)|treatments?|chemotherapy|regimens?)\)?\s+"
    r"with\s+(?:(?:an?|documented|confirmed|acquired|secondary|resistance)\s+){0,2}$",
    re.I,
)
PROGRESSION_AFTER_MARKER = re.compile(
    r"[\s\-]*(?:mutation[\s\-]*)?(?:positive|\+|mediated|driven|associated)?[\s\-]*(?:disease\s+)?"
    r"(?:progression|resistance|relapse)\b",
    re.I,
)


# "followed by a third-generation EGFR-TKI in second line after T790M positive", "osimertinib given upon the
# emergence of T790M": within an earlier treatment's history, "<treatment> ... after <marker>" says when that
# treatment was started, not what the tumour must have now. The history word must come first ("Disease progression
# after EGFR TKI, with documented T790M" has no "after" right before the marker and stays a requirement).
HISTORY_TRIGGER_BEFORE = guarded(
    r"(?:\b(?:given|received|receiving|administered|used|followed\s+by|switched\s+to|then|subsequent(?:ly)?"
    r"|(?:first|second|third|1st|2nd|3rd)[\s-]line\s+(?:treatment|therapy)\s+with)\b[^.;:]{0,100}?"
    r"\b(?:DRUG|[a-z]{3,}(?:inib|mab)|TKIs?|inhibitors?|treatments?|therap(?:y|ies)|chemotherapy|regimens?|agents?"
    r"|lines?)\b[^.;:()]{0,40}?"
    r"\b(?:after|following|upon|once|on|at)\s+(?:the\s+)?"
    # "progression on osimertinib given after documented T790M": the treatment first, then its history verb
    r"|\b(?:DRUG|[a-z]{3,}(?:inib|mab)|TKIs?|inhibitors?)\s+(?:(?:was|were|had\s+been)\s+)?"
    r"(?:given|received|administered|started|initiated|used)\s+(?:after|following|upon|once|on|at)\s+(?:the\s+)?)"
    r"(?:(?:detection|emergence|development|appearance|acquisition|confirmation|finding|identification|occurrence)"
    r"\s+of\s+)?(?:(?:an?|acquired|secondary|resistance|documented|confirmed)\s+){0,2}$",
    re.I,
)


# "should be referred to the EGFR/MET combination study", "may be offered the KRAS G12C sub-study instead": the genes
# name another study the patient is sent to, not the tumour here. Before and after the phrase.
STUDY_NAME_BEFORE = re.compile(
    r"\b(?:referr?ed|re-?directed|directed|offered|sent|considered|screened|enrol?led|entered|assigned|allocated)"
    r"\s+(?:(?:to|for|in|into|onto)\s+)?(?:(?:the|a|an|another|separate|other|ongoing|dedicated|sister|our)\s+){0,2}"
    # "considered for the amivantamab MET combination trial": the study's drug may come first
    r"(?:(?:DRUG|[a-z]{3,}(?:inib|mab))\s+(?:(?:plus|and|\+)\s+)?)?$",
    re.I,
)
STUDY_NAME_AFTER = re.compile(
    r"[\s\-/]*(?:(?:combination|targeted|companion|sister|parallel|basket|umbrella|platform|positive|mutant"
    r"|mutation|fusion|directed|specific|inhibitor)\s+){0,2}(?:sub-?)?(?:stud(?:y|ies)|trials?|protocols?|registr(?:y|ies)"
    r"|programmes?|programs?)\b",
    re.I,
)


WAIVED_TEST = re.compile(r"^\s*(?:is\s+|are\s+)?not\s+(?:required|mandatory|needed|necessary|compulsory)", re.I)


# Basket trials: "HER2-negative breast cancer" is a rule for another disease's cohort.
_OTHER_CANCER_WORDS = (
    r"(?:breast|gastric|gastro-?oesophageal|gastroesophageal|colorectal|colon|rectal|ovarian|prostate|melanoma"
    r"|pancrea\w*|thyroid|cholangio\w*|urothelial|bladder|endometrial|uterine|head and neck|renal cell|hepatocellular"
    r"|o?esophag\w*|biliary|cervical cancer|glioma|glioblastoma|sarcoma|lymphoma|leukemia|myeloma|neuroblastoma"
    r"|mesothelioma|nasopharyngeal|merkel[\s\-]cell|cutaneous squamous|cSCC"
    # "anal squamous cell carcinoma", "vulvar ...", "cervical squamous cell cancer", "salivary gland carcinoma"
    r"|anal|vulva[lr]?|vaginal|penile|salivary|cervical\s+(?:squamous|adeno\w*|carcinoma|cancer)"
    r"|PDAC|m?CRC|BTC|HNSCC|SCCHN|m?CRPC|HCC|RCC|TNBC|GEJ|SCLC|(?<!non-)(?<!non )small[\s\-]cell lung)\b"
)
OTHER_CANCER = guarded(r"\b" + _OTHER_CANCER_WORDS, re.I)
# "ER+ HER2- breast cancer", "HER2-positive gastric cancer", "HR+/HER2- BC": a marker that describes another
# cancer, named right after it (a result word and up to two words between).
OTHER_CANCER_AFTER = re.compile(
    r"^[\s\-+/,)]*(?:(?:positive|negative|low|high|mutant|mutated|amplified|overexpressing|expressing|status)\b[\s,]*)?"
    r"(?:[A-Za-z]+\s+){0,2}?(?:" + _OTHER_CANCER_WORDS + r"|BC\b)",
    re.I,
)
# "breast carcinoma (", "adenocarcinoma of the breast [", "breast cancer (BC) (": the brackets after another
# cancer's name describe that cancer (an abbreviation in brackets may stand between).
OTHER_CANCER_BEFORE_BRACKET = guarded(
    r"\b" + _OTHER_CANCER_WORDS + r"(?:\s+(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?|neoplasms?|malignanc\w+))?"
    r"\s*(?:\([A-Za-z0-9+\-/ ]{1,15}\)\s*)?$",
    re.I,
)
# "HR+/HER2- breast cancer with PIK3CA mutation", "colorectal carcinoma harbouring a BRAF V600E", "ovarian cancer
# that carries BRCA1": the change named right after another cancer and its "with" is that cancer's way in.
OTHER_CANCER_WITH_BEFORE = guarded(
    r"(?P<cancer>\b" + _OTHER_CANCER_WORDS + r")(?:\s+(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?|neoplasms?"
    r"|malignanc\w+|patients?|subjects?|participants?))?(?:\s*\([A-Za-z0-9+\-/ ]{1,15}\))?\s+"
    r"(?:with|harbou?ring|carrying|bearing|(?:that|which|whose\s+tumou?rs?)\s+(?:ha[sv]e?|harbou?rs?|carr(?:y|ies)))"
    r"\s+(?:(?:an?|the|documented|known|confirmed|a\s+known)\s+)*$",
    re.I,
)
# "NSCLC or breast cancer with ...": lung cancer joined to the other cancer, so the change may be asked of both.
LUNG_JOINED_BEFORE = re.compile(
    r"(?:\bNSCLC|\blung\s+(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?))\s*(?:,|/|\bor\b|\band\b|and/or)\s*"
    r"(?:\w+\s+){0,2}$",
    re.I,
)
# "ER+", "HR-positive /": hormone receptors name breast cancer.
HORMONE_RECEPTOR_BEFORE = re.compile(
    r"\b(?:ER|PR|HR|PgR|hormone[\s\-]receptor)[\s\-]*(?:\+|positive|pos\b|negative|-)[\s,/]*(?:and\s+|or\s+)?$",
    re.I,
)
# NSCLC or lung cancer, not small cell lung cancer.
LUNG = re.compile(r"\b(?:(?<!small cell )(?<!small-cell )lung|NSCLC|non[\s\-]?small|pulmonary|thoracic)\b", re.I)


# "other solid tumours with HER2 amplification" beside "NSCLC with HER2 exon 20 insertion": the cancers other than
# the one the text names, so not lung cancer (LUNG still wins where the sentence names it too).
_OTHER_TUMOURS = guarded(
    r"\b(?:other|remaining|non-?\s?lung|non-?NSCLC)\s+(?:(?:advanced|metastatic|unresectable|solid|tumou?r)\s+){0,2}"
    r"(?:tumou?rs?|cancers?|malignanc(?:y|ies)|histolog(?:y|ies))(?:\s+types?)?\b",
    re.I,
)


_SPARING_ASIDE = re.compile(
    r"[(\[]\s*(?:except(?:\s+for)?|excluding|other\s+than|but\s+not|not\s+including)\b[^()\[\]]{0,80}[)\]]", re.I)


def other_tumours_way_in(sentence: str) -> str | None:
    """"Any other solid tumour with documented FGFR2 fusion", "pancreatic cancer, or other solid tumours harbouring an
    NRG1 fusion": the way in of the tumour types a list does not name. In a trial that names no lung cancer as one of
    its own, that is an NSCLC patient's only way in, so what follows the words is the patient's requirement: the text
    after "other" ("solid tumours harbouring an NRG1 fusion"), or None when the sentence has no such way in or names
    lung cancer itself. The caller decides whether the trial names lung cancer elsewhere."""
    match = _OTHER_TUMOURS.search(sentence)
    if match is None or LUNG.search(sentence) is not None:
        return None
    word = match.group(0).split()[0].lower()
    if word not in {"other", "remaining"}:
        return None  # "non-lung tumours": lung cancer is left out in so many words
    # "other solid tumours (excluding breast and gastric cancer) with HER2 amplification": the spared cancers' aside
    # names who is not meant, no other cancer's rule.
    rest = _SPARING_ASIDE.sub(" ", sentence[match.start() + len(word):]).strip()
    return rest if OTHER_CANCER.search(rest) is None and _OTHER_TUMOURS.search(rest) is None else None


# "(Arm 2 - health control)", "Cohort B (healthy volunteers):", "No cancer diagnosis (control group)": a group of
# people without cancer, which no patient joins. Not "no history of cancer" (said of patients' other cancers).
_NO_CANCER_GROUP = guarded(
    r"\bhealthy\b|\bhealth[\s\-]+controls?\b|\bvolunteers?\b|\bcancer[\s\-]free\b"
    r"|\bnon[\s\-]?cancer\s+(?:controls?|participants?|subjects?|individuals?|group|arm|cohort)\b"
    r"|\bno\s+(?:cancer|malignancy|tumou?r)\s+diagnos[ie]s\b"
    r"|\b(?:never|not)\s+(?:been\s+)?diagnosed\s+with\s+(?:any\s+)?(?:cancer|malignancy)\b",
    re.I,
)


def no_patient_group(sentence: str) -> bool:
    """The sentence describes a group of people without cancer (healthy controls): no way in for a patient."""
    return _NO_CANCER_GROUP.search(sentence) is not None and LUNG.search(sentence) is None


# "well-differentiated neuroendocrine tumors of the lung, appendix ...", "lung carcinoid": a NET or carcinoid, another
# disease than NSCLC even in the lung. Not "large cell neuroendocrine carcinoma", which some NSCLC trials take.
_NET = guarded(
    r"\bneuroendocrine\s+(?:tumou?rs?|neoplasms?)\b[^.;:]{0,80}|\b(?:typical\s+|atypical\s+)?carcinoids?\b"
    r"|\b(?:lung|pulmonary|bronchial|bronchopulmonary)\s+(?:neuroendocrine\s+tumou?rs?|carcinoids?)\b",
    re.I,
)


def other_cancer_only(sentence: str) -> bool:
    """The sentence names another cancer and no lung cancer: a rule for another disease's cohort."""
    net = _NET.search(sentence)
    if net is not None:
        # the NET's own words (its sites, "of the lung") name no lung cancer
        sentence = f"{sentence[:net.start()]} carcinoid {sentence[net.end():]}"
        return LUNG.search(sentence) is None
    return ((OTHER_CANCER.search(sentence) is not None or _OTHER_TUMOURS.search(sentence) is not None)
            and LUNG.search(sentence) is None)


# An inclusion sentence whose main verb excludes: "... (EGFR, ALK, ROS1) is exclusionary". Not "is ineligible to
# receive standard therapy", "are not eligible for curative surgery": the patient cannot have a treatment, which is
# how such patients qualify ("KRAS G12D mutation and has had standard therapy, or is ineligible to receive it").
# "are also not eligible", "are likewise excluded", "will therefore be ineligible": an adverb between the verb and
# the exclusion word keeps the exclusion (read without it, "Patients with ROS1 ... are also not eligible" became a
# ROS1 requirement).
NEG_ADVERB = (r"(?:(?:also|likewise|similarly|equally|still|therefore|thus|hence|too|additionally|furthermore"
              r"|consequently|otherwise|then)\s+)?")
EXCLUDING_SENTENCE = guarded(
    r"\b(?:is|are|(?:will|shall|would)\s+" + NEG_ADVERB + r"be)\s+" + NEG_ADVERB +
    r"(?:excluded|exclusionary|not allowed|not permitted|(?:not eligible|ineligible)(?!\s+(?:to\s+(?:receive|undergo"
    r"|tolerate|take|start|be\s+treated)\b|for\s*,?\s+(?:(?!(?:this|study|trial|protocol)\b)[\w\-/]+\s+){0,4}?"
    r"(?:therapy|therapies|treatments?|chemotherapy|surgery|resection|radiotherapy|radiation|chemoradiation"
    r"|chemoradiotherapy|TKIs?|inhibitors?|regimens?|immunotherapy|care)\b)))\b"
    r"|\b(?:is|are) (?:an )?exclusion criteri(?:on|a)\b|\bexcluded\W*$"
    # "... cannot be enrolled", "... must not be included", "... may not participate", "... will not be eligible":
    # entry refused in so many words (read as "be enrolled" it had been a permission, and the rule was lost). Not "may
    # not be eligible" (a hedge) nor "cannot be enrolled in another trial" (a fact about other studies).
    r"|\b(?:cannot|can\s+not|can't|must\s+not|shall\s+not|should\s+not|will\s+not|may\s+not)\s+" + NEG_ADVERB +
    r"(?:be\s+(?:enrolled|included|recruited|entered|randomi[sz]ed|accepted|considered\s+eligible)|enrol\w*"
    r"|participate|enter|join|take\s+part)\b(?!\s+(?:in|into|on)\s+" + _ANOTHER_STUDY + ")"
    r"|\b(?:cannot|can\s+not|can't|must\s+not|shall\s+not|should\s+not|will\s+not)\s+" + NEG_ADVERB +
    r"be\s+eligible\b(?!\s+(?:to\s+(?:receive|undergo)|for\s+(?!(?:this|the)\s+(?:study|trial))))"
    r"|^\W*(?:key\s+|main\s+|major\s+)?exclusions?(?:\s+criteria)?\s*(?:include\w*|:|-)",  # text without headings
    re.I,
)
CONTRAST = re.compile(r",?\s*\b(?:but|however|whereas|while|although)\b", re.I)


TEST_BEFORE = re.compile(
    r"\b(?:for|of|on|to|undergo|provide|perform\w*)\s+(?:the\s+|a\s+|an\s+|central\s+|local\s+)?"
    r"(?:cfDNA\s+|ctDNA\s+|plasma\s+|tissue\s+|tumou?r\s+)?$",
    re.I,
)


# "EGFR-mutant NSCLC that has transformed to small cell": a histology rule (the disease dimension's), not a marker.
HISTOLOGY_CHANGE = guarded(
    r"\btransform(?:ed|ation|s)?\b[^.;]{0,60}?\b(?:small[\s\-]cell|SCLC|neuroendocrine|squamous)"
    r"|\b(?:small[\s\-]cell|SCLC)\b[^.;]{0,40}?\btransform(?:ed|ation)\b",
    re.I,
)


# "Patients must agree to have tissue submitted for biomarker profiling, PD-L1 and c-MET IHC": a sample is sent
# for testing; no result is asked for.
SAMPLE_LOGISTICS = guarded(
    r"\b(?:agree|agrees|consent|consents|willing|able)\s+to\s+(?:have|provide|submit|send|allow|donate)\b"
    r"[^.;]{0,80}?\b(?:tissue|samples?|specimens?|blocks?|slides?|blood)\b"
    r"|\b(?:tissue|samples?|specimens?|blocks?|slides?)\s+(?:must\s+|will\s+|should\s+)?(?:be\s+)?"
    r"(?:submitted|sent|shipped)\s+(?:to|for)\b"
    # "A tumour tissue or plasma sample ... is requested for exploratory HER3 analysis", "Archival tissue will be
    # collected for translational research on ERBB3": a sample asked for (or kept) for research, not a result.
    r"|\b(?:tissue|samples?|specimens?|biops(?:y|ies)|blocks?|slides?)\b[^.;]{0,120}?\b(?:is|are)\s+(?:also\s+)?"
    r"requested\b"
    r"|\b(?:tissue|samples?|specimens?|biops(?:y|ies)|blocks?|slides?)\b[^.;]{0,120}?\b(?:is|are|will\s+be)\s+"
    r"(?:collected|obtained|stored|banked|used)\s+for\s+(?:[\w-]+\s+){0,2}?"
    r"(?:exploratory|research|translational|correlative|future)\b",
    re.I,
)


# "... in the adjuvant setting for patients with resectable NSCLC and no known EGFR mutation": a route for early
# disease. As one bullet of a list of routes it does not bind a patient with metastatic disease.
EARLY_SETTING = guarded(
    r"\b(?:neo-?adjuvant|adjuvant|peri-?operative|(?<!un)(?<!non-)(?<!non )(?<!not )resect(?:able|ed)"
    r"|curative[\s\-]intent|early[\s\-]stage)\b",
    re.I,
)


# "Known driver alterations (EGFR, ALK, ROS1), except KRAS G12C": what follows is let through, not named as a rule.
EXCEPT_BEFORE = re.compile(
    r"\b(?:except(?:ing)?(?:\s+for)?|other than|excluding|with the exception of|but not|apart from|aside from"
    r"|besides)\s+"
    r"(?:(?:patients?|those|subjects?|participants?|tumou?rs?)\s+(?:with|harbou?ring|carrying)\s+)?"
    r"(?:(?:a|an|the|known)\s+)?$",
    re.I,
)
# "MAPK pathway alterations", "alterations in the RAS/MAPK pathway": several genes, most never in a profile.
MAPK_PATHWAY = guarded(r"\b(?:(?:K|N)?RAS\s*/\s*)?MAPK(?:\s*/\s*ERK)?[\s\-]+(?:signal(?:l?ing)?\s+)?pathway\b", re.I)
# A title's marker that is one example among others: "with KRAS mutations or other driver alterations".
TITLE_QUALIFIED = guarded(
    r"\b(?:(?:and/or|or|and)\s+other|such as|including|includes|e\.?g\.?|etc|for example|among others)\b", re.I)


# "Part B: tumours harbouring specified genetic alterations:" names a marker requirement whose genes follow.
UNSPECIFIED_MARKERS = guarded(
    r"\b(?:harbou?ring|with|carrying|having|has|have)\s+(?:one\s+of\s+the\s+following\s+|any\s+of\s+the\s+following\s+)?"
    r"(?:specified|selected|select|certain|specific|the\s+following|defined|eligible|qualifying)\s+"
    r"(?:(?:genetic|genomic|molecular|gene|oncogenic|driver)\s+){0,2}(?:alterations?|mutations?|aberrations?|fusions?|biomarkers?)\b",
    re.I,
)


# "A genomic variant ... for which one of the study drugs is a matched treatment according to the Molecular Tumor
# Board matching rules", "an alteration matching one of the study arms", "matched to a treatment arm on the basis of
# the tumour's genomic alteration": a change is asked for, but which ones count is decided by rules outside the text
# (a matching table, a board). A question for everyone, never a bar and never an open door.
_CHANGE_WORD = (r"(?:variants?|alterations?|aberrations?|mutations?|abnormalit(?:y|ies)|biomarkers?"
                r"|molecular\s+targets?|genomic\s+(?:profile|findings?|results?))")
MATCHED_VARIANT = guarded(
    rf"\b{_CHANGE_WORD}\b[^.;]{{0,200}}?\b(?:matched\s+(?:treatments?|therap(?:y|ies)|drugs?|agents?|study\s+drugs?"
    r"|(?:treatment\s+)?arms?|to|with)|match(?:es|ing)?\s+(?:one\s+of\s+)?(?:the\s+)?(?:study|trial|available|protocol)"
    r"\s+(?:drugs?|treatments?|therap(?:y|ies)|arms?|agents?)|matching\s+(?:rules|algorithm|criteria|table)"
    r"|molecular\s+tumou?r\s+boards?)\b"
    rf"|\bmatched\s+to\s+(?:an?\s+|one\s+of\s+the\s+|the\s+)?(?:study\s+|treatment\s+)?(?:arms?|drugs?|treatments?"
    rf"|sub-?stud(?:y|ies)|cohorts?)\b[^.;]{{0,120}}?\b{_CHANGE_WORD}\b",
    re.I,
)


def matched_variant(sentence: str) -> bool:
    """Does the sentence ask for a change that rules outside the text match to a study drug (see MATCHED_VARIANT)?"""
    return MATCHED_VARIANT.search(sentence) is not None


# "(no matching biomarker-driven sub-study)", "not eligible for any open biomarker-matched arm", "tumour did not match
# a targeted sub-study": the patient's group is the one for tumours that the trial's marker groups do not take (a
# group merely named, "those without go to the non-matched sub-study", is routing). Which changes those groups take
# is not written (or is another trial's list): a question for everyone, never a bar and never an open door.
_MARKER_DRIVEN = (r"(?:(?:biomarker|marker|genotype|genomic|molecular(?:ly)?|target(?:ed)?|mutation)[\s\-]+"
                  r"(?:driven|matched|selected|defined|directed|based)|targeted|matched|biomarker)")
UNMATCHED_GROUP = guarded(
    r"\b(?:no|without\s+an?|absence\s+of\s+an?|lack\s+of\s+an?)\s+(?:open\s+|available\s+|eligible\s+)?"
    r"(?:matching|matched|appropriate|suitable)\s+(?:" + _MARKER_DRIVEN + r"\s+)?" + ASSIGNED_NOUN + r"\b"
    r"|\b(?:not\s+|in)eligible\s+for\s+(?:any\s+|an?\s+|the\s+)?(?:open\s+|available\s+|other\s+)?(?:of\s+the\s+)?"
    + _MARKER_DRIVEN + r"\s+" + ASSIGNED_NOUN + r"\b"
    r"|\b(?:did|does|do)\s+not\s+match\s+(?:any\s+|an?\s+|the\s+)?(?:open\s+|available\s+)?"
    r"(?:" + _MARKER_DRIVEN + r"\s+)?" + ASSIGNED_NOUN + r"\b",
    re.I,
)


# "shows an actionable genetic change matching one of the open arms", "an alteration that qualifies for one of the
# listed cohorts": which changes count is the arms' own marker rules, read where the text lists them.
DEFERS_TO_GROUPS = guarded(
    r"\b(?:changes?|alterations?|mutations?|aberrations?|variants?|biomarkers?|abnormalit(?:y|ies))\b[^.;]{0,60}?"
    r"\b(?:match(?:es|ing|ed)?|qualif(?:y|ies|ying)\s+for|eligible\s+for)\s+(?:to\s+)?"
    r"(?:one\s+of\s+|any\s+of\s+|an?\s+)?(?:the\s+)?(?:(?:open|listed|following|available|active|treatment|study"
    r"|trial|recruiting)\s+){0,2}" + ASSIGNED_NOUN + r"\b",
    re.I,
)


def defers_to_groups(sentence: str) -> bool:
    """Does the sentence leave which changes count to the trial's groups (see DEFERS_TO_GROUPS)?"""
    return DEFERS_TO_GROUPS.search(sentence) is not None


def unmatched_group(sentence: str) -> bool:
    """Does the sentence ask that the tumour match none of the trial's marker-driven groups (see UNMATCHED_GROUP)?"""
    return UNMATCHED_GROUP.search(sentence) is not None


# "... in the first-line cohort", "For the expansion arm: ...": a rule for one named group of the trial.
ONE_GROUP = guarded(
    r"\b(?:in|for|to)\s+(?:the\s+)?(?!(?:all|each|every|both|any|other|either|this|that|whole)\b)(?:[\w\-]+\s+){0,3}?"
    r"(?:cohort|arm|part|group|stratum|sub-?study|module|run-?in|escalation|expansion)\b"
    # "(Part B dose escalation)", "(expansion cohorts)": an aside naming the group. "ARMS" in capitals is the
    # assay ("tested by ARMS-PCR", amplification refractory mutation system), not treatment arms.
    r"|\((?![^()]*\b(?:all|both|each|every|any)\b)[^()]{0,40}?\b(?:cohorts?|(?!(?-i:ARMS)\b)arms?|parts?|phase|groups?|escalation"
    r"|expansion|run-?in|sub-?stud(?:y|ies))\b[^()]{0,40}\)",
    re.I,
)


# "(Nivolumab + Ipilimumab arm only)", "in the combination cohort only", "(applies to Part B only)", "only for the
# dose-expansion arm": a bar the text says binds one group alone, so the trial has groups it does not bind.
ONE_GROUP_ONLY = guarded(
    r"\b(?:cohorts?|(?!(?-i:ARMS)\b)arms?|parts?|groups?|stratum|strata|sub-?stud(?:y|ies)|modules?|escalation"
    r"|expansion|run-?in)(?:\s+[A-Z0-9]{1,3}\b)?\s+only\b"
    r"|\bonly\s+(?:applies\s+)?(?:in|for|to)\s+(?:the\s+)?(?:[\w+\-]+\s+){0,4}?(?:cohorts?|arms?|parts?|groups?"
    r"|sub-?stud(?:y|ies)|modules?)\b"
    r"|\b(?:applies|apply|applicable)\s+(?:only\s+)?to\s+(?:the\s+)?(?:[\w+\-]+\s+){0,4}?(?:cohorts?|arms?|parts?"
    r"|groups?)(?:\s+[A-Z0-9]{1,3}\b)?\s+only\b",
    re.I,
)


# "... for which the standard of care would be pembrolizumab or nivolumab monotherapy": immunotherapy alone is the
# standard only without a targetable driver, so such a driver is in question (never a sure exclusion). Being a
# "candidate for a checkpoint inhibitor in any line" is not this: drivers get one after targeted therapy.
_IO_DRUG = (r"\b(?:pembrolizumab|nivolumab|atezolizumab|cemiplimab|durvalumab|immunotherapy|checkpoint inhibitors?"
            r"|anti-?PD-?L?1(?:\s+(?:antibody|therapy))?)(?![\w-])")
IMMUNOTHERAPY_ALONE_STANDARD = guarded(
    r"\b(?:standard[\s\-]of[\s\-]care|standard|SOC)\b[^.;]{0,80}?"
    r"(?:\b(?:single[\s\-]agent|monotherapy(?:\s+with)?)\s+" + _IO_DRUG + r"|" + _IO_DRUG
    + r"[^.;]{0,60}?\b(?:monotherapy|alone|single[\s\-]agent)\b)",
    re.I,
)


# "(for other genetic alterations, eligibility will be determined by the Biomarker Committee on a case-by-case
# basis)": a hedge about alterations the list does NOT name. It neither adds them to the rule nor cancels the named
# list, so it is blanked before reading. It must say eligibility is decided case by case (not "or other actionable
# alterations as determined by the investigator", which widens the list). An aside, or a trailing clause.
_HEDGE_DECIDES = (
    r"\b(?:case[\s\-]by[\s\-]case|eligib\w+|individual(?:ly)?\s+basis"
    r"|may\s+(?:also\s+)?be\s+(?:allowed|permitted|considered|enrolled|included|discussed)"
    r"|(?:discuss\w*|consult\w*|contact\w*|approv\w*)\s+(?:with\s+|by\s+|of\s+)?(?:the\s+)?"
    r"(?:sponsor|medical\s+monitor|study\s+chair|principal\s+investigator|PI|committee|biomarker\s+committee))"
)
_HEDGE_OTHER = r"(?!(?:or|and|and/or|nor)\b)(?:[\w/\-]+\s+){0,4}?(?:any\s+|all\s+)?other\b(?!\s+than)"
OTHER_HEDGE = guarded(
    r"\(\s*" + _HEDGE_OTHER + r"[^()]{0,160}?" + _HEDGE_DECIDES + r"[^()]{0,160}\)"
    r"|(?:^|[,;]|\s-)\s*" + _HEDGE_OTHER + r"[^().;]{0,160}?" + _HEDGE_DECIDES + r"[^().;]{0,160}$",
    re.I,
)


# Words one of _HEDGE_DECIDES's alternatives needs (lower case): without one, no hedge can match.
_HEDGE_STEMS = ("case", "eligib", "individual", "may", "discuss", "consult", "contact", "approv")


def without_other_hedge(text: str) -> tuple[str, bool]:
    """The text with a hedge about other (unnamed) alterations blanked out, and whether there was one."""
    if "other" not in text and "Other" not in text and "OTHER" not in text:
        return text, False  # most sentences: substring checks, not a regex over every comma
    lowered = text.lower()
    if not any(stem in lowered for stem in _HEDGE_STEMS):
        return text, False
    found = OTHER_HEDGE.sub(" ", text)
    return found, found != text


# "... and subject must be HLA-C*08:02 positive or HLA-A*11:01 positive": a tissue type, which no profile lists. A
# named allele (not "HLA typing will be done"), not one said not to matter ("regardless of HLA type").
HLA_ALLELE = guarded(
    r"\bHLA[\s\-]?(?:A|B|C|DRB1|DQB1|DPB1|DR|DQ|DP)\s?\\?\*?\s?\d{1,2}(?::\d{2,3})?\b(?!\s*(?:antibod|mismatch))",
)
HLA_WAIVED = guarded(
    r"\b(?:regardless|irrespective|independent(?:ly)?)\s+of\s+(?:the\s+)?HLA\b|\bHLA\b[^.;]{0,40}\bnot\s+(?:be\s+)?"
    r"(?:required|needed|necessary|mandatory)\b|\bany\s+HLA\b",
    re.I,
)


def names_hla_type(sentence: str) -> bool:
    """Does the sentence ask for an HLA tissue type (an allele named, not waived)?"""
    return HLA_ALLELE.search(sentence) is not None and HLA_WAIVED.search(sentence) is None


# "Tumour must overexpress B7-H3", "TROP2 expression by IHC", "1 or 2 EGFR pathway markers positive": a marker no
# profile lists (a surface protein, a vaguely named panel), asked for as a result. A question for everyone, as an
# HLA type is. Not a test or a sample for it ("tissue available for TROP2 testing"), nor one said not to matter.
_PROTEIN_NAMES = (
    r"B7-?H3|CD276|TROP-?2|TACSTD2|CEACAM-?5|DLL-?3|claudin[\s-]?18(?:\.2)?|CLDN18(?:\.2)?|FR(?:α|alpha|-alpha)"
    r"|folate\s+receptor(?:\s+(?:alpha|α))?|FOLR1|mesothelin|MSLN|MUC-?1|MUC-?16|NaPi-?2b|nectin-?4|tissue\s+factor"
    r"|PTK7|ROR1|CDH6|GPC3|glypican-?3|MAGE-?A4|NY-?ESO-?1|EpCAM|CD70|LIV-?1|integrin\s+beta-?6|ITGB6|5T4|B7-?H4"
)
_PATHWAY_MARKERS = r"[\w-]+\)?\s+pathway\s+(?:bio)?markers?"  # every match holds "pathway"
_UNLISTED_NAME = rf"(?:{_PROTEIN_NAMES}|{_PATHWAY_MARKERS})"
# "MSI-H or dMMR tumour", "genomic loss of heterozygosity high (gLOH >= 16%)", "TMB-high", "HRD-positive": a tumour
# signature no profile lists, whose name is itself the finding (no "positive" or "IHC" needed after it).
_SIGNATURE_NAMES = (
    r"MSI-?H|MSI[\s-]+high|microsatellite[\s-]+instab\w*[\s-]+high|high[\s-]+microsatellite[\s-]+instab\w*|dMMR"
    r"|MMR[\s-]+deficien\w*|mismatch[\s-]+repair[\s-]+(?:protein[\s-]+)?deficien\w*|TMB-?H|TMB[\s-]+high"
    r"|high\s+tumou?r\s+mutation(?:al)?\s+burden|tumou?r\s+mutation(?:al)?\s+burden\s+(?:high|>|≥)"
    r"|gLOH|genomic\s+loss\s+of\s+heterozygosity|LOH[\s-]+high|HRD|homologous\s+recombination\s+(?:repair\s+)?"
    r"deficien\w*"
)
# "a deleterious BRCA1 or BRCA2 mutation": a gene outside the engine's panel, asked for as a harmful change.
_UNLISTED_GENES = r"BRCA[12]?(?:/2)?"
UNLISTED_MARKER = guarded(
    rf"\b(?P<name>{_UNLISTED_NAME})(?!\w)(?!-(?!positiv|over-?express|express|high))"  # "CD276-positive" too
    r"(?=[^.;]{0,40}?(?:over-?express|express|positiv|\+|\bhigh\b|h-score|\bihc\b|immunohisto|staining))"
    rf"|\b(?:over-?express(?:es|ing)?|express(?:es|ing)|expression\s+of|positive\s+for|high)\s+"
    rf"(?P<name2>{_UNLISTED_NAME})(?![\w-])"
    rf"|\b(?P<name3>{_SIGNATURE_NAMES})(?![\w-])"
    rf"|\b(?P<name4>{_UNLISTED_GENES})(?![\w-])(?=[^.;]{{0,40}}?(?:mutat|alteration|variant|deleterious|pathogenic))",
    re.I,
)
# "Tumour tissue must be available for TMB testing", "MSI status will be collected", "patients with a BRCA mutation
# may enrol": a sample, a test done later or a permission, not a result the patient must have.
_UNLISTED_WAIVED = guarded(
    r"\b(?:regardless|irrespective|independent(?:ly)?|unselected|any\s+level|not\s+(?:be\s+)?(?:required|needed|"
    r"necessary|mandatory)|retrospective|exploratory|or\s+negative|or\s+unknown"
    r"|for\s+(?:[\w-]+\s+){0,3}(?:testing|analys[ie]s|assessment|evaluation|determination)"
    r"|will\s+be\s+(?:centrally\s+|retrospectively\s+)?(?:tested|collected|assessed|analy[sz]ed|evaluated|determined"
    r"|measured|recorded|performed)|stratif\w*"
    r"|may\s+(?:also\s+)?(?:be\s+)?(?:enrol+|enter|join|participate|included|eligible)|are\s+(?:also\s+)?eligible"
    r"|(?:is|are)\s+(?:allowed|permitted))\b",
    re.I,
)
# "Tissue must be available for ...", "submit an archival sample": the sample itself. Read outside brackets, so a
# fallback ("(or fresh biopsy if the archival sample is not available)") beside a result asked for waives nothing.
_SAMPLE_WAIVED = guarded(
    r"\b(?:(?:tissue|sample|specimen|block|slides)[^.;]{0,40}\b(?:available|acceptable|accepted|submitted|provided|sent)"
    r"|(?:available|acceptable|accepted|submit\w*|provide\w*)\b[^.;]{0,40}\b(?:tissue|sample|specimen|block|slides))\b",
    re.I,
)
_BRACKETED = re.compile(r"\([^()]*\)")
# "any solid tumour, except colorectal carcinoma, that is MSI-H": a cancer left out names no other disease's group.
_SPARED_CANCER = re.compile(
    r"\b(?:except(?:\s+for)?|excluding|other\s+than|but\s+not)\s+(?:[\w-]+\s+){0,3}?" + _OTHER_CANCER_WORDS, re.I)


# The cheap first look: a name at all.
_UNLISTED_NAMED = guarded(rf"\b(?:{_UNLISTED_NAME}|{_SIGNATURE_NAMES}|{_UNLISTED_GENES})(?![\w-])", re.I)


def _lower_case_finder(names: str) -> re.Pattern[str] | None:
    """A case-sensitive search, in prefilter.folded() text with a space before it, that finds each word start where
    `names` (a case-insensitive alternation of names that each start with a letter or digit) could match after a
    word boundary. Lower-cased names match there whatever the case in the text: folded() maps every character that
    matches an ASCII letter without case to that letter. The consumed non-letter in front lets the engine skip from
    one word start to the next, cheaper than the guard's ~40 substring tests. None when lower-casing would change
    what the pattern means (an escape such as \\S or \\W)."""
    if re.search(r"\\[A-Z]", names):
        return None
    return re.compile(f"[^a-z0-9](?:{names.lower()})")


_PROTEIN_FINDER = _lower_case_finder(f"{_PROTEIN_NAMES}|{_SIGNATURE_NAMES}|{_UNLISTED_GENES}")


def unlisted_waived(sentence: str) -> bool:
    """A marker named only for a test, a sample, a permission or another cancer's way in: no result asked for."""
    if _UNLISTED_WAIVED.search(sentence) is not None:
        return True
    if _SAMPLE_WAIVED.search(_BRACKETED.sub(" ", sentence)) is not None:
        return True
    # "MSI-H colorectal cancer", "melanoma, NSCLC, MSI-high solid tumours": another disease's way in
    return OTHER_CANCER.search(_SPARED_CANCER.sub(" ", sentence)) is not None


def unlisted_marker(sentence: str) -> str | None:
    """The marker no profile lists that the sentence asks for ("B7-H3", "EGFR pathway markers"), or None."""
    if _PROTEIN_FINDER is not None:
        low = folded(sentence)
        if "pathway" not in low and _PROTEIN_FINDER.search(" " + low) is None:
            return None  # no name could start at any word start: neither pattern below can match
    if _UNLISTED_NAMED.search(sentence) is None:
        return None
    match = UNLISTED_MARKER.search(sentence)
    if match is None or unlisted_waived(sentence):
        return None
    name = match.group("name") or match.group("name2") or match.group("name3") or match.group("name4")
    return " ".join(name.split())


# "Known PD-L1 status as determined by immunohistochemistry", "PD-L1 expression result must be available": a result,
# any result, is asked for; a profile without one cannot show it. Not tissue for the test, nor a status that may be
# unknown or not matter.
# "Known PD-L1 expression (any value)", "Known PD-L1 tumour proportion score — any value": the expression or score
# itself known is the same ask.
_KNOWN_PDL1 = guarded(
    r"\b(?:known|documented|determined|confirmed|available)\s+(?:tumou?r\s+)?PD-?\s?L1\s+(?:expression\s+)?"
    r"(?:status|results?|levels?|scores?)\b"
    r"|\b(?:known|documented|available)\s+PD-?\s?L1\s+(?:expression|(?:tumou?r\s+proportion\s+|TPS\s+|CPS\s+)?"
    r"scores?|TPS|CPS)\b(?=[^.;]{0,80}\bany\s+(?:value|level|score|result|TPS|expression)\b)"
    r"|\bPD-?\s?L1\s+(?:expression\s+)?(?:status|results?|levels?|scores?)\s+(?:must\s+be\s+|should\s+be\s+|is\s+|are\s+)?"
    r"(?:known|documented|available)\b",
    re.I,
)
_PDL1_WAIVED = guarded(
    r"\b(?:regardless|irrespective|independent(?:ly)?|unknown|not\s+known|not\s+(?:be\s+)?(?:required|needed|"
    r"necessary|mandatory)|if\s+(?:available|known)|where\s+(?:available|known)|when\s+(?:available|known)|any\s+PD-?L1"
    r"|(?:tissue|sample|specimen|block|slides)[^.;]{0,40}\b(?:available|acceptable|accepted|submitted|provided|sent)"
    r"|(?:available|acceptable|accepted|submit\w*|provide\w*)\b[^.;]{0,40}\b(?:tissue|sample|specimen|block|slides))\b",
    re.I,
)


# "Known PD-L1 status as determined by the SP263 assay performed by a central laboratory", "PD-L1 result available
# from central testing at screening": the trial's own laboratory tests every patient at screening, so a patient
# without a result yet will have one; no result is asked of the patient. Keyed on the central / screening test only,
# never on "known" alone ("Known PD-L1 expression (any value)" stays a question without a result), and not on a
# local laboratory.
_PDL1_TESTED_BY_TRIAL = guarded(
    r"\bcentral(?:ly)?\b(?![^.;]{0,30}\bor\s+local)|\bby\s+the\s+sponsor\b"
    r"|\b(?:at|during|before)\s+(?:the\s+)?screening\b(?![^.;]{0,30}\bor\s+(?:local|prior|previous|archival))",
    re.I,
)


def asks_known_pdl1(sentence: str) -> bool:
    """Does the sentence ask that a PD-L1 result be known (any result)?"""
    return (_KNOWN_PDL1.search(sentence) is not None and _PDL1_WAIVED.search(sentence) is None
            and _PDL1_TESTED_BY_TRIAL.search(sentence) is None)


# "EGFR T790M mutation alone", "exon 20 insertion as the unique mutation", "as the sole EGFR alteration": the change
# excludes only with no other change of that gene beside it. The "as the sole ... mutation" words name no marker of
# their own (read as "alone"). Not "alone or in combination with" (COOCCURRENCE).
ALONE_PHRASE = guarded(
    r"\bas\s+(?:the\s+|a\s+|an\s+)?(?:sole|only|unique|single|isolated)\s+(?:[A-Za-z0-9-]+\s+){0,2}?"
    r"(?:mutations?|alterations?|changes?|aberrations?|drivers?|findings?)\b",
    re.I,
)
_ALONE = guarded(r"\b(?:alone|in\s+isolation|isolated|only)\b(?!\s+or\b)", re.I)
_ALONE_ONLY_WORD = re.compile(r"\bonly\b", re.I)
# "only a T790M mutation and no sensitising EGFR mutation", "only an EGFR T790M mutation without a sensitising one":
# the change is shut out when nothing else of its gene comes with it.
_ONLY_WITHOUT = re.compile(
    r"\bonly\s+(?:an?\s+)?(?:[\w-]+\s+){1,3}?(?:mutations?|alterations?|variants?)\s+(?:and\s+no|with\s+no|without)\b",
    re.I,
)
# "EGFR T790M in the absence of other EGFR mutations sensitive to the study drug", "C797S without another activating
# EGFR mutation", "T790M with no concurrent sensitising mutation": the change excludes only when nothing else of its
# gene comes with it (read as "alone"). The phrase, with its relative tail ("sensitive to ...", "known to ...") and a
# bracket of examples, is replaced whole, so the tail's class is not read as a change of its own. It must name
# "other"/"another" or a sensitising class: "ALK fusion without prior crizotinib" or "without an EGFR mutation" are
# no such phrase.
_ABSENCE_OF_OTHER = guarded(
    r"\b(?:in\s+the\s+absence\s+of|without|with\s+no|and\s+no|absent)\s+(?:any\s+)?"
    r"(?P<head>(?:(?:an?|other|another|additional|concurrent|co-?occurring|concomitant)\s+)*"
    r"(?:[A-Za-z0-9-]+\s+){0,3}?)(?:mutations?|alterations?|changes?|variants?)\b(?:\s*\([^()]*\))?"
    r"(?:\s*,?\s+(?:that\s+(?:is|are)\s+|which\s+(?:is|are)\s+)?(?:sensitive|sensitising|sensitizing|known|"
    r"associated|predicted|responsive)\b(?:[^,;.()]|\([^()]*\))*)?",
    re.I,
)
_OTHER_OR_SENSITISING = re.compile(
    r"\b(?:other|another|additional|concurrent|co-?occurring|concomitant|sensiti[sz]\w*|activating|classical|"
    r"common)\b", re.I)


_WITH_OR = re.compile(r"\bor\s+$", re.I)


def _absence_of_other(sentence: str) -> re.Match[str] | None:
    """The "in the absence of other [gene] mutations (sensitive to ...)" phrase of an exclusion, or None."""
    for match in _ABSENCE_OF_OTHER.finditer(sentence):
        if _WITH_OR.search(sentence, 0, match.start()):
            continue  # "with or without other EGFR mutations": either way, so no qualifier at all
        if not vocab.mentions_marker(sentence[:match.start()]):
            continue  # "Without an EGFR sensitising mutation": no change before it for the phrase to qualify
        if _OTHER_OR_SENSITISING.search(match.group("head")):
            return match
    return None


# One needle check for every pattern below ("only" of _ONLY_WITHOUT is one of _ALONE's words).
_ALONE_ANY = AnyOf(_ALONE, ALONE_PHRASE, _ABSENCE_OF_OTHER)  # asked of every exclusion


# "MET amplification alone is not sufficient", "HER2 overexpression alone does not qualify": among inclusions, the
# change by itself is shut out (read as the exclusion "MET amplification alone").
NOT_ENOUGH_ALONE = guarded(
    r"\b(?:alone|by\s+itself|in\s+isolation)\s*,?\s+(?:is|are|does|do|will|would)\s+not\s+"
    r"(?:be\s+)?(?:sufficient|enough|qualify|count|suffice|eligible|acceptable|adequate)\b"
    r"|\b(?:alone|by\s+itself|in\s+isolation)\s+(?:is|are)\s+(?:insufficient|not\s+allowed|not\s+permitted)\b",
    re.I,
)


def alone_rule(sentence: str) -> bool:
    """Does the exclusion shut out a change only when it stands alone ("T790M mutation alone")?"""
    if not _ALONE_ANY.possible(sentence):
        return False
    match = _ALONE.search(sentence)
    # "only" is too common a word ("only patients with ..."): it counts only in the "as the only mutation" phrase.
    if match is not None and _ALONE_ONLY_WORD.fullmatch(match.group(0)) is None:
        return True
    return (ALONE_PHRASE.search(sentence) is not None or _ONLY_WITHOUT.search(sentence) is not None
            or _absence_of_other(sentence) is not None)


def without_alone_phrase(sentence: str) -> str:
    """The sentence with "as the sole EGFR mutation" (or "in the absence of other EGFR mutations") read as "alone"."""
    sentence = ALONE_PHRASE.sub("alone", sentence) if ALONE_PHRASE.search(sentence) else sentence
    absence = _absence_of_other(sentence)
    return f"{sentence[:absence.start()]}alone{sentence[absence.end():]}" if absence else sentence


# "No actionable alterations for which first-line targeted therapy is approved, such as EGFR, ALK and RET": after a
# relative clause on approval ("is approved", "are available for first line"), the examples trail off the class behind a
# comma and were read as genes of their own (required, in an inclusion). In brackets they stay the class's examples,
# as "... is approved (e.g. EGFR, ALK)" already reads; the bracket closes at the sentence's end or ";".
_TAIL_THEN_EXAMPLES = guarded(
    r"(?P<tail>\b(?:for\s+which|which)\s+[^,;.()]{0,80}?\b(?:is|are)\s+(?:currently\s+|locally\s+)?"
    r"(?:approved|available|indicated|recommended|standard\s+of\s+care)\b[^,;.()]{0,60})\s*,\s*"
    r"(?P<open>such\s+as|including|for\s+example|e\.\s?g\.)\s*,?\s*(?P<list>[^;()]+?)(?=\s*(?:;|\.\s|\.?$))",
    re.I,
)


# "mutations in the following genes, for which targeted agents are available that directly affect the treatment of
# brain metastases: ALK, EGFR, ...": a relative clause between the list's head and its colon says why the genes are
# listed. It is no condition (every change in a listed gene counts), and the facts it names (brain metastases) are
# not the patient's: read as written it made the ban a question joined to brain metastases.
_REASON_BEFORE_LIST = guarded(
    r"\s*,?\s*\bfor\s+which\s+(?P<reason>[^:;()]{0,200}?)(?=:\s*\S)",
    re.I,
)
_REASON_WORD = re.compile(
    r"\b(?:available|approved|indicated|exists?|licensed|recommended|effective|targeted|therap(?:y|ies)|agents?"
    r"|drugs?|inhibitors?|treatments?)\b",
    re.I,
)


def without_list_reason(sentence: str) -> str:
    """The sentence without a "for which ..." clause that stands between a list's head and its colon."""
    match = _REASON_BEFORE_LIST.search(sentence)
    if match is None or not _REASON_WORD.search(match.group("reason")):
        return sentence
    return sentence[: match.start()] + sentence[match.end():]


def examples_bracketed(sentence: str) -> str:
    """The sentence with examples that trail a verb-final relative clause put in brackets after it."""
    match = _TAIL_THEN_EXAMPLES.search(sentence)
    if match is None:
        return sentence
    inner = f"{match.group('open')} {match.group('list')}"
    return f"{sentence[:match.start()]}{match.group('tail')} ({inner}){sentence[match.end():]}"
