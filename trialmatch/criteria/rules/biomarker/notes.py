"""An exclusion note inside an inclusion bullet: "PD-L1 TPS >= 50% (patients with EGFR or ALK alterations are
excluded)", "PD-L1 positive - PD-L1 negative patients are not eligible", "ALK-positive NSCLC, ROS1-positive
patients not eligible". The note shuts out only the group it names; the main clause stays a requirement.

note_apart() moves such a note after a semicolon ("main; note"), the layout every dimension already reads as
two statements (an inclusion, then an exclusion of what the note names). Used by the biomarker and disease
readers on inclusion text only.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.phrases import tokens
from trialmatch.criteria.rules.marker_vocab import mentions_marker
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.vocabulary import COPULA, SHUT_WORD
from trialmatch.criteria.text import CLAUSE_END

_SHUT = SHUT_WORD  # the shared reader's words
_COPULA = COPULA + r"\s+"
# "(... are excluded)", "(... is not eligible unless ...)": a bracket whose own clause shuts a group out.
_BRACKET_NOTE = guarded(
    rf"\s*\((?P<note>[^()]{{2,160}}?\b{_COPULA}{_SHUT}\b[^()]{{0,80}})\)",
    re.I,
)
# " - PD-L1 negative patients are not eligible" at the end: a spaced dash opens the note.
_DASH_NOTE = guarded(
    rf"\s+[\u2013\u2014-]\s+(?P<note>[^()\u2013\u2014]{{2,160}}?\b(?:{_COPULA})?{_SHUT}\b[^()\u2013\u2014]{{0,80}})$",
    re.I,
)
# "EGFR exon 19 deletion or L858R - patients whose tumour also shows T790M are not eligible. At least one lesion.":
# the same dash note at the end of a sentence that other sentences follow in one criterion (a paragraph of
# criteria). The note stays inside its sentence, so it is moved in place, not to the criterion's end.
_DASH_NOTE_MID = guarded(
    rf"\s+[\u2013\u2014-]\s+(?P<note>[^()\u2013\u2014.;]{{2,160}}?\b(?:{_COPULA})?{_SHUT}\b[^()\u2013\u2014.;]{{0,80}})"
    r"(?=[.;]\s)",
    re.I,
)
# ", ROS1-positive patients not eligible" at the end, after a main clause that names the disease: a comma
# note needs its own subject ("patients", "tumours") and a main clause with no list of its own.
_COMMA_NOTE = guarded(
    rf",\s+(?P<note>(?:[\w+/-]+\s+){{1,5}}(?:patients|subjects|participants|tumou?rs|cases)\s+"
    rf"(?:{_COPULA})?{_SHUT})\W*$",
    re.I,
)
_DISEASE_NOUN = re.compile(r"\b(?:NSCLC|cancer|carcinoma|adenocarcinoma|histology|disease)\b", re.I)
# A main clause that itself says what is shut out or only conditions the note: not a requirement to keep.
_NOT_A_REQUIREMENT = re.compile(
    r"\b(?:excluded|exclusion|exclusionary|ineligible|not\s+eligible|unless|except|if|when)\b", re.I)
_SUBJECT_MAIN = re.compile(r"^\W*(?:patients?|subjects?|participants?)\s+(?:with|who|having)\b", re.I)
# A note with no subject of its own ("(if present, are excluded)", "(such patients are ineligible)") says
# something of the main clause itself.
_NO_OWN_SUBJECT = re.compile(
    r"^\W*(?:if|unless|when|where|which|that|these|they|this|those|such|both|either|any\s+such|are|is|will|shall"
    r"|see|refer\w*|as|per|according)\b"
    rf"|\b(?:who|that|which)\s+{_COPULA}{_SHUT}",  # "(see section 5 for patients who are excluded)"
    re.I)
_NEEDLES = ("exclu", "eligib", "not allowed", "not permitted", "not included", "not be ")  # (SHUT_WORD's)


# "(patients with co-occurring T790M are eligible; those with an exon 20 insertion are not)", "(T790M is allowed,
# but C797S is not)": the second clause leaves out the word the first one said; written out, it is a note that
# shuts its group out. Only inside one bracket, only when the elided clause ends there.
_ELLIPSIS = re.compile(
    r"\((?P<head>[^()]{2,160}?\b(?:is|are|will\s+be|would\s+be)\s+(?:eligible|allowed|permitted|accepted"
    r"|acceptable|included)\b[^()]{2,160}?\b(?:is|are)\s+not)(?P<tail>\s*[.;]?\s*\))",
    re.I,
)


def _ellipsis_written(text: str) -> str:
    """`text` with an elided "are not [eligible]" at the end of a bracket written out: whatever the first clause
    permitted with, the second shuts its group out, as "not eligible" says."""
    if "not" not in text.lower():
        return text
    return _ELLIPSIS.sub(lambda m: f"({m.group('head')} eligible{m.group('tail')}", text)


# "Tumours harbouring a sensitising EGFR mutation or an ALK rearrangement, since these patients are generally treated
# with targeted therapy (...)": a trailing reason why the group is shut out. It sets no condition; read as part of the
# rule it made the ban a question. Only a reason about the group ("these / such / those patients", "they"), never a
# condition ("as long as", "as determined by").
_RATIONALE_TAIL = guarded(
    r"[,;]?\s*(?:\(\s*)?\b(?:since|because|as)\s+(?:these|such|those|the(?:se)?|this)\s+"
    r"(?:patients?|participants?|subjects?|tumou?rs?|populations?|individuals?)\s+(?:are|is|will|would|should|have"
    r"|has|can|may|usually|generally|typically|often|already|currently|receive|derive)\b[^;]*$"
    r"|[,;]?\s*\b(?:since|because)\s+they\s+(?:are|will|would|should|have|can|may|usually|generally|typically"
    r"|often)\b[^;]*$",
    re.I,
)


def rationale_apart(text: str) -> str:
    """`text` without a trailing "since these patients are generally treated with ..." reason (kept when nothing
    else names a marker: then it is no marker rule's reason)."""
    match = _RATIONALE_TAIL.search(text)
    if match is None or not mentions_marker(text[:match.start()]):
        return text
    return text[:match.start()].rstrip(" ,;(")


def note_apart(text: str) -> str:
    """`text` with an exclusion note moved after a semicolon; unchanged when it has none (most criteria)."""
    text = _ellipsis_written(text)
    lowered = text.lower()
    if not any(needle in lowered for needle in _NEEDLES):
        return text
    for pattern in (_BRACKET_NOTE, _DASH_NOTE, _DASH_NOTE_MID, _COMMA_NOTE):
        match = pattern.search(text)
        if match is None:
            continue
        main = (text[:match.start()] + text[match.end():]).strip()
        if pattern is _DASH_NOTE_MID:
            main = CLAUSE_END.split(text[:match.start()])[-1]  # the note's own sentence: the others are apart
        if not _keeps_requirement(main) or _NO_OWN_SUBJECT.search(match.group("note")) or (
                pattern is _COMMA_NOTE and ("," in main or _SUBJECT_MAIN.match(main)
                                            or not _DISEASE_NOUN.search(main))):
            return text
        note = _with_copula(match.group("note").strip())
        if pattern is _DASH_NOTE_MID:
            return f"{text[:match.start()].rstrip(' .;,')}; {note}{text[match.end():]}"
        return f"{main.rstrip(' .;,')}; {note}"
    return text


_BARE_SHUT = re.compile(rf"(?<!\bis )(?<!\bare )(?<!\bbe )\s+(?={_SHUT}\b)", re.I)


def _with_copula(note: str) -> str:
    """"ROS1-positive patients not eligible" -> "... are not eligible": read as a sentence, the bare "not" would
    negate the marker instead of shutting the group out."""
    if re.search(rf"\b{_COPULA}{_SHUT}\b", note, re.I):
        return note
    match = _BARE_SHUT.search(note)
    if match is None:
        return note
    plural = note[:match.start()].rstrip().endswith("s")
    return f"{note[:match.start()]} {'are' if plural else 'is'} {note[match.end():]}"


def _keeps_requirement(main: str) -> bool:
    """The text outside the note still asks for something of its own ("PD-L1 TPS >= 50%", "KRAS G12C
    mutation"): not empty, not itself an exclusion or a condition that the note completes."""
    return len(main.strip(" .;,:-")) >= 3 and _NOT_A_REQUIREMENT.search(main) is None


# "EGFR exon 19 deletion or L858R (uncommon sensitising mutations such as G719X or L861Q are also accepted)",
# "...; G719X and S768I are also eligible": a note that adds alternatives to the requirement before it. Read alone
# it is a permission with no rule (and the sentence was dropped); left out, the added changes would be refused.
_ALSO = r"(?:is|are|will\s+be|would\s+be|may\s+be|can\s+be)\s+also\s+(?:accepted|acceptable|eligible|allowed|permitted)"
_WIDENING = guarded(
    rf"\s*(?:\((?P<inner>[^()]{{2,160}}?)\s+{_ALSO}\s*\)|[;.]\s+(?P<tail>[^();.]{{2,160}}?)\s+{_ALSO})\W*$",
    re.I,
)


def widening_apart(text: str) -> str:
    """`text` with a note of further accepted changes joined to its requirement as alternatives ("main, or added")."""
    if "also" not in text.lower():
        return text
    match = _WIDENING.search(text)
    if match is None:
        return text
    added = (match.group("inner") or match.group("tail") or "").strip()
    main = text[:match.start()].rstrip(" .;,")
    # Both sides name markers: a note on samples or assays ("archival tissue is also accepted") adds no change.
    if not (mentions_marker(added) and mentions_marker(main)) or _NOT_A_REQUIREMENT.search(main):
        return text
    return f"{main}, or {added}."


# "EGFR and ALK status must be known and negative (ROS1 negative if tested)", "... documented wild-type (KRAS not
# required)": a bracket after the negative word that speaks of another marker. Read inside the sentence it took the
# place of the genes before it (only ROS1 was read); apart, after a semicolon, each part keeps its own genes.
_NEGATIVE_THEN_ASIDE = guarded(
    r"\b(?:negative|wild[\s\-]?type|absent|not\s+detected)\s*\((?P<aside>[^()]{2,120})\)\s*[.;]?\s*$",
    re.I,
)


def negative_aside_apart(text: str) -> str:
    """`text` with a marker aside that follows its closing "negative" moved after a semicolon."""
    if "(" not in text:
        return text
    match = _NEGATIVE_THEN_ASIDE.search(text)
    if match is None or not mentions_marker(match.group("aside")) or not mentions_marker(text[:match.start()]):
        return text
    return f"{text[:match.start('aside') - 1].rstrip()}; {match.group('aside').strip()}"


# "No known EGFR sensitising mutation; ALK or ROS1 rearrangement": a semicolon that goes on with a bare list of markers
# after a negated bare list. Written so, the second piece is one more item of the negated list (a requirement would
# say so: "ALK-positive", "... required", "must have"). Cut at the semicolon, it was read as a requirement, and every
# patient without ALK or ROS1 was excluded. "No EGFR mutation; PD-L1 >= 50%" is not a bare gene list: it stays apart.
_NEGATED_HEAD = re.compile(
    r"^\W*(?:(?:patients?|participants?|subjects?|tumou?rs?)\s+(?:must|should)\s+(?:have|show)\s+)?"
    r"(?:no|absence\s+of|lack\s+of|without)\b",
    re.I,
)
_LIST_FILLER = frozenset("or and and/or known a an any the gene genes".split())
_LIST_ITEM_TYPES = frozenset({"gene", "alt", "kind"})
_SEMICOLON = re.compile(r"\s*[;；]\s*")


def _bare_list(piece: str, negated: bool) -> bool:
    """`piece` is only markers joined by commas and "or"/"and" (after its negation word when `negated`)."""
    norm = normalise(piece)
    head = _NEGATED_HEAD.match(norm) if negated else None
    if negated and head is None:
        return False
    start = head.end() if head is not None else 0
    toks = [t for t in tokens(norm) if t.start >= start]
    if not any(t.type in {"gene", "alt"} for t in toks) or any(
            t.type not in _LIST_ITEM_TYPES or t.says_positive for t in toks):
        return False
    left = list(norm[start:])
    for tok in toks:
        left[tok.start - start:tok.end - start] = " " * (tok.end - tok.start)
    return all(w.lower() in _LIST_FILLER for w in re.findall(r"[\w/+\-]+", "".join(left)))


def negated_list_rejoined(text: str) -> str:
    """`text` with the semicolons that go on with a negated list of markers read as the list's commas."""
    if ";" not in text and "\uff1b" not in text:
        return text
    pieces = _SEMICOLON.split(text.strip())
    if len(pieces) < 2 or not _bare_list(pieces[0], negated=True):
        return text
    run = 1  # the negated list and the bare pieces that go on with it
    while run < len(pieces) and _bare_list(pieces[run].rstrip(" ."), negated=False):
        run += 1
    if run == 1:
        return text
    return "; ".join([", ".join(pieces[:run]), *pieces[run:]])
