"""Turn a trial's eligibility markdown into clean, sectioned criteria.

Real records mix markdown bullets, numbered lists, nested sub-bullets, backslash escapes
(``ANC \\>= 1.5``), headings in many spellings, and texts with no headings at all. Everything
here is linear in the length of the text: line-by-line scanning and anchored regexes only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from html.entities import html5
from typing import Any, Literal, NamedTuple

from trialmatch.criteria.collector import collector_paused
from trialmatch.criteria.record_values import as_dict, as_list
from trialmatch.criteria.rules.prefilter import folded
from trialmatch.criteria.rules.reader import (
    Purpose,
    Scope,
    ends_scope,
    group_clauses,
    group_heading,
    heading_scope,
    merge,
    purpose_of,
    read_scopes,
    without_design,
)
from trialmatch.criteria.rules.reader.alternatives import alternative_clauses, table_rows
from trialmatch.criteria.rules.reader.continuations import join_continuations, nest_alternatives
from trialmatch.criteria.rules.reader.scope import GROUP_LINE_MARK, HEADING_MARK, MARKS
from trialmatch.criteria.rules.reader.steps import is_later_step, later_steps
from trialmatch.criteria.rules.reader.vocabulary import GROUP_WORD

Section = Literal["inclusion", "exclusion", "other"]

_ESCAPE = re.compile(r"\\([<>\[\]*_#~`().+!|{}&-])")
# A bullet: a mark, "1." / "1)", "a." / "a)", a roman numeral "ii." / "iv)", or "(b)". The marks are those of
# markdown and of word processors' lists: "o" (a sub-list's hollow bullet typed as a letter: no sentence starts
# with the word "o"), "\u25e6" / "\u25cb" (hollow), "\u25a0" (square), "\u2023" / "\u2043" (triangle, hyphen
# bullet) and "\uf0b7" / "\uf0a7" (a symbol font's bullets pasted from a document).
_BULLET = re.compile(r"^(\s*)(?:[*+\-\u2022\u25cf\u25aa\u2013\u00b7\u25e6\u25cb\u25a0\u2023\u2043\uf0b7\uf0a7o]"
                     r"|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxIVX]{2,5}[.)]|\(\w{1,4}\))\s+")
# What a heading line is bare of: marks and white space before, marks, colons and white space after (as the
# pattern ^[#*_[\s]+|[#*_:\]\s]+$ reads them; \s is str.isspace(): these characters, in C without a regex).
_WHITE_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_LEADING_MARKS = "#*_[" + _WHITE_SPACE  # brackets: "[Exclusion Criteria]" is a heading too
_TRAILING_MARKS = "#*_:]" + _WHITE_SPACE


def _bare(line: str) -> str:
    """A heading line without its marks: "## **Inclusion Criteria:**" -> "Inclusion Criteria"."""
    return line.lstrip(_LEADING_MARKS).rstrip(_TRAILING_MARKS)
# "Inclusion Criteria", "Key inclusion criteria", "Selected Exclusion Criteria", "9.2 Exclusion Criteria: (all Phases)".
_HEADING_LEAD = (r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"
                 r"(?:key |main |major |general |patient |selected |additional |other )?")
_INCLUSION = re.compile(_HEADING_LEAD + r"inclusions?(?: criteria)?\b", re.I)
_EXCLUSION = re.compile(_HEADING_LEAD + r"exclusions?(?: criteria)?\b", re.I)
# Only a heading's words before a colon, whatever follows: "Exclusion Criteria: -Participants are excluded
# from the study if any of the following criteria apply:", "Inclusion criteria (all parts): age >= 18".
_HEADING_BEFORE_COLON = re.compile(_HEADING_LEAD + r"(?P<which>inclusion|exclusion)s?(?: criteria)?"
                                   r"(?:\s*\([^()]{0,160}\))?$", re.I)
# A section heading that names the group it is for, after its words ("Inclusion Criteria - Cohort 1",
# "Inclusion Criteria for Part A", "Exclusion Criteria (Part B only)", "Additional inclusion criteria for the
# expansion phase", "Inclusion criteria specific to Part 2") or before them ("Phase 1b Inclusion Criteria",
# "Part 1 (Dose Escalation) Inclusion Criteria"). The group must read as one (heading_scope) to count.
_GROUP_AFTER = re.compile(_HEADING_LEAD + r"(?:inclusions?|exclusions?)(?: criteria)?\s*"
                          r"(?:[-\u2013\u2014,]\s*|\(\s*|(?:(?:specific|applicable|applying|that apply)\s+)?"
                          r"(?:to|for|in)\s+)(?P<group>[^()]{2,60}?)\s*\)?$", re.I)
_GROUP_BEFORE = re.compile(r"^(?P<group>[^:]{2,60}?)[\s,\-\u2013\u2014]+(?:key\s+|main\s+|additional\s+|specific\s+)?"
                           r"(?P<which>inclusion|exclusion)s?\s+criteria$", re.I)
# The one sentence splitter of the criteria stage: a cut after a full stop (or a semicolon), never after the stop of
# an abbreviation ("(e.g. Nivolumab or Pembrolizumab)", "Oken et al. 1982", "vs. Docetaxel", "KRAS p. G12C", "EGFR,
# ALK, etc. are allowed"). Every variant below shares these abbreviations; they differ only in where they cut.
ABBREVIATIONS = ("e.g.", "E.g.", "eg.", "i.e.", "I.e.", "ie.", "vs.", "approx.", "incl.", "cf.", "al.", "Dr.",
                 "No.", "no.", "Fig.", "ca.", "resp.", "p.")
NOT_ABBREVIATION = "".join(rf"(?<!\b{re.escape(a)})" for a in ABBREVIATIONS)  # (each look-behind is fixed-width)
# A criterion's sentences (Criterion.sentences): a full stop or semicolon, then white space and a capital or a bracket.
SENTENCE_END = re.compile(r"(?<=[.;])" + NOT_ABBREVIATION + r"\s+(?=[A-Z(])")
# A clause's end whatever follows: a full stop or semicolon, then white space ("... not eligible. at least one").
CLAUSE_END = re.compile(r"(?<=[.;])" + NOT_ABBREVIATION + r"\s+")
# Marker clauses (biomarker/cues.sentences): every semicolon (a full-width one too) is a cut, the separator and the
# white space after it consumed, unless "or" follows ("ALK rearrangement; or ROS1 fusion" goes on with the same
# alternatives); a full stop, then white space and a capital, a digit or a bracket.
CLAUSE_SPLIT = re.compile(r"[;\uff1b](?!\s*(?:and/)?or\b)\s*|(?<=\.)" + NOT_ABBREVIATION + r"\s+(?=[A-Z0-9(\[])")
_MAY_END = re.compile(r"[.;]\s")  # every split point of SENTENCE_END starts so
# "EGFR mutation; ALK rearrangement; ROS1 rearrangement; or BRAF V600E": one list of alternatives, not four
# sentences. A piece that opens with "or" (or an exception: "...; Except: treated and stable") goes on from the
# one before; one holding "; or" ends a run of pieces cut at semicolons, and takes them back in.
_LONE_OR = re.compile(r"\s*(?:and/)?or\s*$", re.I)
_OPENS_OR = re.compile(r"(?:and/)?or\b|except(?:ions?)?\s*[:\-]", re.I)
_SEMICOLON_OR = re.compile(r";\s+(?:and/)?or\s", re.I)

# Old PDQ-style records run labelled fields together in one sentence, without stops: "PATIENT CHARACTERISTICS: Age:
# 70 and over Performance status: ECOG 0-2 Life expectancy: ... PRIOR CONCURRENT THERAPY: Biologic therapy: Not
# specified Chemotherapy: No prior chemotherapy ...". The labels are the text's structure, not any one dimension's: one
# list (headings and fields of both kinds), read here once, and each dimension takes the field it reads.
FIELD_LABELS = (
    "DISEASE CHARACTERISTICS", "PATIENT CHARACTERISTICS", "PRIOR CONCURRENT THERAPY",
    # patient characteristics
    "Age", "Sex", "Menopausal status", "Performance status", "Life expectancy", "Hematopoietic", "Haematopoietic",
    "Hematologic", "Hepatic", "Renal", "Cardiovascular", "Cardiac", "Pulmonary", "Neurologic", "Immunologic",
    "Gastrointestinal", "Endocrine", "Other",
    # prior concurrent therapy
    "Biologic therapy", "Immunotherapy", "Chemotherapy", "Endocrine therapy", "Hormonal therapy", "Radiotherapy",
    "Surgery",
)
_LABELS = tuple(sorted(FIELD_LABELS, key=len, reverse=True))  # the longest first: "Endocrine therapy", not "Endocrine"
_ANY_CASE_LABEL = "performance status"  # written in any case ("PERFORMANCE STATUS:", "Performance Status:")
_LONGEST_LABEL = len(_LABELS[0])


class LabelledField(NamedTuple):
    """One labelled field of a run of fields in a sentence."""

    label: str  # as written: "Performance status", "PRIOR CONCURRENT THERAPY"
    text: str  # what follows its label, up to the next label: "ECOG 0-2" ("" for a bare heading)
    quoted: str  # the field with its label, as written: "Performance status: ECOG 0-2"
    start: int  # where its label starts in the sentence


def labelled_fields(sentence: str) -> tuple[LabelledField, ...]:
    """The labelled fields of a sentence, in order (words before the first label are in none); () when it has none.
    One label alone ("Age: 18 or over") is a field too: a dimension that reads only runs asks for two or more."""
    if ":" not in sentence:  # most sentences: no label to look for
        return ()
    found: list[tuple[int, int, int]] = []  # (where a label starts, where it ends, where its text starts)
    colon = sentence.find(":")
    while colon >= 0:  # a label ends at a colon: look back from each one (no scan of the whole sentence)
        start, end = _label_at(sentence, colon)
        if start >= 0:
            text = colon + 1
            while text < len(sentence) and sentence[text].isspace():
                text += 1
            found.append((start, end, text))
        colon = sentence.find(":", colon + 1)
    if not found:
        return ()
    ends = [start for start, _, _ in found[1:]] + [len(sentence)]
    return tuple(LabelledField(sentence[start:end], sentence[text:stop].strip(), sentence[start:stop].rstrip(), start)
                 for (start, end, text), stop in zip(found, ends, strict=True))


def _label_at(sentence: str, colon: int) -> tuple[int, int]:
    """(start, end) of the label before this colon (a whole word, one space allowed before the colon), or (-1, -1)."""
    end = colon - 1 if colon and sentence[colon - 1].isspace() else colon
    before = sentence[max(0, end - _LONGEST_LABEL):end]
    if before.endswith(_LABELS):
        start = end - next(len(label) for label in _LABELS if before.endswith(label))
    elif before.lower().endswith(_ANY_CASE_LABEL):
        start = end - len(_ANY_CASE_LABEL)
    else:
        return -1, -1
    if start and (sentence[start - 1].isalnum() or sentence[start - 1] == "_"):  # a word's end, not a label
        return -1, -1
    return start, end


# Evidence quotes longer than this are cut at a word boundary with an ellipsis.
MAX_EVIDENCE_CHARS = 400


def unescape(text: str) -> str:
    """Drop CommonMark backslash escapes: ``\\>=`` -> ``>=``, ``\\[`` -> ``[``."""
    return _ESCAPE.sub(r"\1", text)


# An HTML entity, always with its semicolon ("&gt;=", "\\&lt;6", "&#8805;", "&nbsp;"): the same text the registry
# also writes as plain characters. Without the semicolon "&lt" is no entity here ("AT&T", "R&D" stay as written).
_ENTITY = re.compile(r"&(?:#(?P<dec>\d{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6})|(?P<name>[A-Za-z][A-Za-z0-9]{1,31}));")
# Spaces other than " " (no-break, thin, ideographic, ...) read as " ": every pattern of the stage writes a space as
# " " ("Inclusion Criteria", "at least"), and a no-break space between two words changes nothing a reader sees.
# Zero-width characters (a word joiner, a byte-order mark) are dropped: they split a word a reader sees whole.
_ODD_SPACE = re.compile("[\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


def _entity(match: re.Match[str]) -> str:
    number = match.group("dec") or match.group("hex")
    if number is not None:
        code = int(number, 10 if match.group("dec") else 16)
        # A code point that is no character (a surrogate, past U+10FFFF, a NUL) stays as written.
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)
    return html5.get(match.group("name") + ";", match.group(0))


def plain(text: str) -> str:
    """The registry's text as a reader sees it: backslash escapes dropped (unescape), HTML entities as their
    characters ("&gt;=" -> ">="), other spaces as " ". Lines and indents stay as written."""
    text = unescape(text)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    if text.isascii():
        return text
    # (two character-class substitutions: str.translate with a dict table looks up every character, ~20x slower)
    return _ZERO_WIDTH.sub("", _ODD_SPACE.sub(" ", text))


def squash(text: str) -> str:
    """Collapse runs of white space to one space and trim."""
    # str.split() cuts at the characters the regex \s matches (str.isspace()), in C: no regex per criterion.
    # Most criteria are squashed already: every white space character but " " is unprintable, so a printable
    # text without a double, leading or trailing space comes back as it is (two scans in C, no list of words).
    if "  " not in text and text[:1] != " " and text[-1:] != " " and text.isprintable():
        return text
    return " ".join(text.split())


def quote(text: str, limit: int = MAX_EVIDENCE_CHARS) -> str:
    """A criterion shortened for display as evidence, never mid-word."""
    text = squash(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " …"


@dataclass(frozen=True)
class Criterion:
    """One bullet (or paragraph) of the criteria, with where it sits."""

    text: str  # cleaned: escapes removed, white space squashed, bullet mark dropped
    section: Section
    depth: int = 0  # 0 = top-level bullet; nested sub-bullets count up
    parent: str = ""  # text of the enclosing bullet, e.g. "Cohort A: patients with ..."
    index: int = 0  # position in the criteria, for stable ordering
    # Who it is about (a cohort, part, cancer or marker group; None = every patient) and why it
    # names a treatment when that is not its point (washout, toxicity recovery, ...): the shared
    # criterion reader's answer (trialmatch/criteria/rules/reader/), read once for every dimension.
    scope: Scope | None = None

    def sentences(self) -> list[str]:
        """The criterion split into sentences, for quoting only the part that decided."""
        return list(self._sentences)

    @cached_property
    def _sentences(self) -> tuple[str, ...]:  # every dimension asks: split once (the instance is frozen)
        twin = self.__dict__.get(_TWIN)
        if twin is not None:  # the same text earlier in this parse (split_criteria): its split
            return twin._sentences  # type: ignore[no-any-return]
        if not _MAY_END.search(self.text):  # most criteria are one sentence: no split point to look for
            return (self.text,) if self.text else ()
        return tuple(_alternative_lists(_within_brackets(s for s in SENTENCE_END.split(self.text) if s)))

    def labelled_fields(self) -> list[tuple[LabelledField, ...]]:
        """Each sentence's labelled fields (see labelled_fields()), in the order of sentences()."""
        if ":" not in self.text:  # most criteria: no label, nothing to remember
            return [()] * len(self._sentences)
        return list(self._labelled_fields)

    @cached_property
    def _labelled_fields(self) -> tuple[tuple[LabelledField, ...], ...]:  # read once, whichever dimension asks
        twin = self.__dict__.get(_TWIN)
        if twin is not None:
            return twin._labelled_fields  # type: ignore[no-any-return]
        return tuple(labelled_fields(sentence) for sentence in self._sentences)

    @cached_property
    def purpose(self) -> Purpose | None:
        """Why the criterion names a treatment when that is not its point (washout, toxicity
        recovery, ...), or None: read on demand, since most dimensions never ask."""
        twin = self.__dict__.get(_TWIN)
        return twin.purpose if twin is not None else purpose_of(self.text)

    @property
    def context(self) -> str:
        """The criterion with its parent bullet, for rules that need both ("Cohort B: ... EGFR")."""
        return f"{self.parent} {self.text}".strip() if self.parent else self.text


def sub_bullets(criteria: Sequence[Criterion], index: int) -> list[Criterion]:
    """The criteria nested under criteria[index]: the deeper ones that follow it in its section."""
    parent = criteria[index]
    out = []
    for k in range(index + 1, len(criteria)):  # not criteria[index + 1:]: a copy of the rest per criterion
        crit = criteria[k]
        if crit.depth <= parent.depth or crit.section != parent.section:
            break
        out.append(crit)
    return out

def _within_brackets(pieces: Iterable[str]) -> list[str]:
    """Pieces joined again where a split fell inside brackets: a sentence never ends inside an
    aside ("(PS 2 allowed. See section 5)")."""
    joined: list[str] = []
    open_brackets = 0
    for piece in pieces:
        if open_brackets > 0:
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
        open_brackets += piece.count("(") + piece.count("[") - piece.count(")") - piece.count("]")
    return joined


def _alternative_lists(pieces: list[str]) -> list[str]:
    """Pieces joined again where a split cut a list of alternatives ("A; B; or C", "A; OR B")."""
    joined: list[str] = []
    run = 0  # how many of the last pieces kept end with a semicolon
    for piece in pieces:
        if joined and (_OPENS_OR.match(piece) or (run and _SEMICOLON_OR.search(piece))):
            taken = max(run, 1)
            joined[-taken:] = [" ".join([*joined[-taken:], piece])]
            run = int(piece.endswith(";"))
        else:
            joined.append(piece)
            run = run + 1 if piece.endswith(";") else 0
    return joined


def _heading(line: str) -> tuple[Section, str | None] | None:
    """(section, the group it names or None) of a section heading line; None for any other line.
    The group is "" for a heading for everyone ("Inclusion criteria for all arms")."""
    section = _heading_section(line)
    if section is None and "clusion" in folded.__wrapped__(line) and "riteria" in line:
        before = _GROUP_BEFORE.match(_bare(line))
        if before is not None and _names_group(before.group("group")) is not None:
            section = "inclusion" if before.group("which").lower() == "inclusion" else "exclusion"
            return section, before.group("group")
        if before is not None and _STUDY_WIDE.match(before.group("group")):
            # "Master Protocol Exclusion Criteria": the whole study's list, for everyone.
            return ("inclusion" if before.group("which").lower() == "inclusion" else "exclusion"), None
        # A long "Inclusion Criteria Specific to Dose Escalation and Second-Line Dose Expansion:" names its group
        # after its words, as a short one does.
        after = _GROUP_AFTER.match(_bare(line.split(":", 1)[0])) if len(line) <= 130 else None
        if after is not None and (group := _names_group(after.group("group"))):
            return "inclusion" if _bare(line).lower().find("inclusion") >= 0 else "exclusion", group
        return None
    if section is None:
        return None
    after = _GROUP_AFTER.match(_bare(line.split(":", 1)[0]))
    return section, _names_group(after.group("group")) if after else None


# The words of a heading for the whole study: "Master Protocol", "Core Study", "Common", "Study-wide".
_STUDY_WIDE = re.compile(r"^(?:the\s+)?(?:master|core|main|parent|common|general|overall|global|study[\s-]?wide"
                         r"|protocol[\s-]?wide)(?:\s+(?:protocol|study|trial))?$", re.I)


def _names_group(words: str) -> str | None:
    """The words, when they name a cohort, part, arm or phase (not a condition on a marker); "" when they name
    every group ("all arms", "all patients"); else None."""
    words = words.strip(" :")
    if ends_scope(words):
        return ""
    return words if group_heading(words) is not None else None


def _heading_section(line: str) -> Section | None:
    # A heading needs "inclusion" or "exclusion" (any case): most lines have neither, and the check below
    # tries its trailing-marks pattern at every blank. folded() reads as the case-insensitive regex does.
    if "clusion" not in folded.__wrapped__(line):  # not remembered: each line is read once
        return None
    bare = _bare(line)
    if len(bare) > 60:  # a long sentence that merely starts with "Inclusion" is not a heading...
        # ...unless all it says before its colon is a heading's words (the rest is kept as a criterion).
        head = _HEADING_BEFORE_COLON.match(_bare(line.split(":", 1)[0])) \
            if ":" in line else None
        return None if head is None else "inclusion" if head.group("which").lower() == "inclusion" else "exclusion"
    if _INCLUSION.match(bare):
        return "inclusion"
    if _EXCLUSION.match(bare):
        return "exclusion"
    return None


def _is_group_heading(line: str) -> bool:
    text = line.strip()
    return text.endswith(":") and len(text) <= 80 and heading_scope(text) is not None


# A plain line that only names a group, bold or not, with or without a colon: "**Arm A (post-osimertinib)**",
# "Arm A (post-osimertinib):", "Cohort 2". It is a heading over the lines under it, scoped to its own group.
_BOLD = re.compile(r"^\s*(?:\*\*|__)(?P<inner>[^*_]{2,100})(?:\*\*|__)\s*:?\s*$")


def _plain_group_heading(line: str) -> str | None:
    """The heading (ending with a colon) a plain line gives when all it does is name a group, else None."""
    # Most lines name no group: spare them the patterns ("__Arm A__": the marks hide the word's start).
    if len(line) > 110 or not GROUP_WORD.search(line.lower().replace("__", " ")):
        return None
    bold = _BOLD.match(line)
    text = (bold.group("inner") if bold else line).strip().rstrip(":").strip()
    if not text or len(text) > 100 or text.endswith("."):
        return None
    scope = heading_scope(f"{text}:")
    return f"{text}:" if scope is not None and scope.kind != "condition" else None


# A heading's words: "Additional exclusion criteria for ...", "Criteria related to ...", "Requirements specific to ...".
_HEADING_WORDS = re.compile(r"\b(?:criteria|criterion|requirements)\b", re.I)
# The group a heading line names, in an aside ("(participants in Parts D and E)", "(Part B only)") or after "for" /
# "to" / "in" at its end ("... for Phase 1 combination therapy only:").
_HEADING_GROUP = re.compile(
    r"(?:\(\s*(?:(?:patients|participants|subjects)\s+(?:in|enrolled\s+in|of)\s+|for\s+|in\s+)?(?:the\s+)?"
    r"(?P<aside>[^()]{2,60}?)(?:\s+only)?\s*\)|\b(?:for|to|in)\s+(?:the\s+)?(?P<tail>[^():]{2,60}?)(?:\s+only)?)"
    r"\s*:?\s*$", re.I)


def _heading_before(lines: list[str], position: int, line: str, after_blank: bool) -> tuple[str, int] | None:
    """(the heading, the indent of the bullets it heads) for an indented or quoted line that heads the bullets set
    back after it (see _own_heading), else None."""
    next_indent = _next_bullet_indent(lines, position, line)
    if next_indent is None:
        return None
    heading = _own_heading(line, after_blank)
    return None if heading is None else (heading, next_indent)


def _next_bullet_indent(lines: list[str], position: int, line: str) -> int | None:
    """The indent of the bullet after an indented or quoted line, when the next line is a bullet set back from it
    (a quoted line: not deeper than it): the line then heads those bullets rather than going on from the one
    before. None otherwise (a wrapped line, or a heading over its own sub-bullets, read as before)."""
    for following in lines[position + 1:]:
        if not following.strip():
            continue
        match = _BULLET.match(following)
        if match is None:
            return None
        indent = len(match.group(1).expandtabs(4))
        own = len(line[:len(line) - len(line.lstrip())].expandtabs(4))
        quoted = line.lstrip()[:1] == ">"
        return indent if indent < own or (quoted and indent <= own) else None
    return None


# "Cohort 3 (combination) specific criteria", "Part B - additional eligibility requirements": the group before them.
_CRITERIA_TAIL = re.compile(r"[\s,\-\u2013\u2014]+(?:(?:additional|specific|extra|key|further)\s+)*"
                            r"(?:(?:inclusion|exclusion|eligibility|entry)\s+)?(?:criteria|criterion|requirements)$",
                            re.I)


def _own_heading(line: str, after_blank: bool) -> str | None:
    """The heading an indented or quoted plain line gives, when it is one: a quoted line ("> Criteria related to X
    (participants in Parts D and E)") or, after a blank line or holding a heading's words, a line ending with a colon
    that names a group. GROUP_LINE_MARK + "<group>:" when it names one (a heading over the bullets after it), the quoted
    line itself when it names none; None for any other line (a wrapped line of the bullet before it)."""
    text = line.strip()
    quoted = text[:1] == ">"
    text = text.lstrip("> ").strip()
    if not text or len(text) > 160 or (not quoted and not text.endswith(":")) or SENTENCE_END.search(text):
        return None
    if not quoted and not after_blank and not _HEADING_WORDS.search(text):
        return None
    words = text.rstrip(":").strip()
    if group_heading(words) is not None:
        return f"{GROUP_LINE_MARK}{words}:"
    match = _HEADING_GROUP.search(words)
    group = (match.group("aside") or match.group("tail")) if match else _CRITERIA_TAIL.sub("", words)
    if group and group_heading(group) is not None:
        return f"{GROUP_LINE_MARK}{group.strip()}:"
    return text if quoted else None


@collector_paused  # see trialmatch.criteria.collector
def split_criteria(markdown: str | None, entry_only: bool = True) -> list[Criterion]:
    """Split eligibility markdown into criteria, tracking section and nesting.

    The criteria of a later step of the study ("STEP 2: REGISTRATION (AT FIRST PROGRESSION)", "For randomization to
    maintenance: ...") are rules on patients already on study, not entry rules: left out unless `entry_only` is False
    (then kept, with a "step" scope: reader/steps.py).

    Text before any heading counts as inclusion (most such texts list requirements).
    A wrapped continuation line is joined to the bullet it continues.
    """
    if not markdown:
        return []
    section: Section = "inclusion"
    items: list[tuple[str, Section, int, bool]] = []  # text, section, depth, written as a bullet
    indent_stack: list[int] = []
    grouped = False  # the last section heading named a group
    blank = False  # the line before was blank
    lines = _inline_bullets_as_lines(_tables_as_bullets(plain(markdown).splitlines()))
    for position, raw_line in enumerate(lines):
        if not raw_line.strip():
            blank = True
            continue
        after_blank, blank = blank, False
        heading = _heading(raw_line) if "clusion" in raw_line or "CLUSION" in raw_line else None
        if heading is not None:
            section, group = heading
            indent_stack = []
            if group or grouped or group == "":  # its group scopes the section; a heading without one ends it
                items.append((f"{HEADING_MARK}{group or ''}:", section, 0, False))
            grouped = bool(group)
            # "Inclusion Criteria: age >= 18" keeps the text after the colon.
            rest = raw_line.split(":", 1)[1].strip() if ":" in raw_line else ""
            if rest:
                items.append((rest, section, 0, False))
            continue
        match = _BULLET.match(raw_line)
        group_line = _plain_group_heading(raw_line) if match is None and not raw_line[:1].isspace() else None
        if group_line is not None:
            indent_stack = []
            items.append((f"{GROUP_LINE_MARK}{group_line}", section, 0, False))
            continue
        # An indented line that only names a group ("   Part B (Dose Expansion):") among indented bullets is a
        # heading over the bullets after it, not the end of the bullet before it.
        own_heading = None if match is not None or not (raw_line[:1].isspace() or raw_line[:1] == ">") \
            else _heading_before(lines, position, raw_line, after_blank)
        sub_heading = not match and own_heading is None and raw_line[:1].isspace() and _is_group_heading(raw_line)
        if own_heading is not None:
            # A heading indented under a bullet or quoted ("   > Criteria for Parts D and E") opens the bullets after
            # it: its own line at their depth, never the end of the bullet before it nor a sub-bullet of it.
            own_text, next_indent = own_heading
            while indent_stack and indent_stack[-1] > next_indent:
                indent_stack.pop()
            depth = len(indent_stack) - 1 if indent_stack and indent_stack[-1] == next_indent else len(indent_stack)
            items.append((own_text, section, depth, False))
        elif match is not None or sub_heading:
            lead, text = (raw_line[:len(raw_line) - len(raw_line.lstrip())], raw_line.strip()) if match is None \
                else (match.group(1), raw_line[match.end():])
            indent = len(lead.expandtabs(4))
            while indent_stack and indent_stack[-1] > indent:
                indent_stack.pop()
            if not indent_stack or indent_stack[-1] < indent:
                indent_stack.append(indent)
            depth = len(indent_stack) - 1
            items.append((text, section, depth, True))
        elif items and items[-1][1] == section and raw_line[:1].isspace() and not items[-1][0].startswith(MARKS):
            text, sec, depth, bullet = items[-1]
            items[-1] = (f"{text} {raw_line.strip()}", sec, depth, bullet)
        elif items and _LONE_OR.match(raw_line):
            # "OR" on a line of its own between two sub-bullets joins them (see reader/continuations.py): it
            # sits at the depth of the bullet before it and keeps the list's nesting for the bullet after it.
            items.append((raw_line.strip(), section, items[-1][2], False))
        elif items and not after_blank and _goes_on(items[-1], section) and not _heads(raw_line):
            # A line set flush under a bullet, with no blank line between, goes on with it (markdown's "lazy"
            # continuation: a long bullet wrapped without an indent), as an indented one does.
            text, sec, depth, bullet = items[-1]
            items[-1] = (f"{text} {raw_line.strip()}", sec, depth, bullet)
        else:
            indent_stack = []
            items.append((raw_line, section, 0, False))

    # A bullet that goes on from another ("* or ALK rearrangement", "* unless treated and stable") joins it, and
    # flat items after "one of the following:" become its sub-bullets: read as the alternatives they are.
    items = nest_alternatives(join_continuations(items))
    rows: list[tuple[str, Section, int, str, int, bool]] = []  # text, section, depth, parent, index, bullet
    groups: dict[int, str] = {}  # row -> the group of an alternative a criterion lists ("Cohort 2", "Option 2")
    parents: dict[int, str] = {}
    # A long text repeats its bullets word for word (the same criterion under several cohorts or parts): each
    # distinct one is cleaned and cut into its groups' clauses once (pure functions of the text).
    cleaned: dict[tuple[str, Section], tuple[str, list[str], list[str]]] = {}
    for index, (text, sec, depth, bullet) in enumerate(items):
        if text.startswith(HEADING_MARK):  # scopes its section (read_scopes), then is dropped
            rows.append((text, sec, depth, "", index, bullet))
            continue
        # A line that only names a group stays, as a heading "Arm A (post-osimertinib):" scoped to its own group
        # (a dimension reads the cohort it defines as one of the trial's alternatives).
        text = text.removeprefix(GROUP_LINE_MARK)
        read = cleaned.get((text, sec))
        if read is None:
            # Stratification, quotas and caps are the trial's design, not a rule: out of the text every dimension
            # reads. One row per marker group the criterion speaks to ("Patients with EGFR ...; patients
            # without ..."), so each clause is scoped to its own group.
            clean = without_design(squash(text.replace("**", "").replace("__", "")))
            read = cleaned[text, sec] = _clauses(clean, sec)
        clean, clauses, labels = read
        if not clean:
            continue
        parents[depth] = clean
        parent = " ".join(parents[d] for d in range(depth) if d in parents) if depth else ""
        if len(clauses) == 1:  # (most criteria: no generator to run)
            rows.append((clauses[0], sec, depth, parent, index, bullet))
            continue
        for clause, label in zip(clauses, labels, strict=True):
            if label:
                groups[len(rows)] = label
            rows.append((clause, sec, depth, parent, index, bullet))
    scopes = read_scopes([(text, sec, depth, bullet) for text, sec, depth, _, _, bullet in rows])
    for row, label in groups.items():  # one of the alternatives a criterion lists: its own group's rule
        scopes[row] = merge(scopes[row], Scope(label, "cohort"))
    for row, step in later_steps([(text, sec, depth) for text, sec, depth, _, _, _ in rows]).items():
        scopes[row] = step
    made = [_criterion(text, sec, depth, parent, index, scope)
            for (text, sec, depth, parent, index, _), scope in zip(rows, scopes, strict=True)
            if not text.startswith(HEADING_MARK) and not (entry_only and is_later_step(scope))]
    _join_twins(made)
    return made


def _goes_on(item: tuple[str, Section, int, bool], section: Section) -> bool:
    """Whether a flush plain line right under this item continues it: the item is a bullet of the same section,
    not a heading, and does not end with a colon (a lead-in: "one of the following:" then its items unmarked)."""
    text, item_section, _, bullet = item
    return bullet and item_section == section and not text.startswith(MARKS) and not text.rstrip().endswith(":")


def _heads(line: str) -> bool:
    """Whether a flush line reads as a heading over the lines after it, not as the rest of the bullet above: short,
    from a capital to a colon ("For head and neck cancer (HNSCC):", "Melanoma:", "PATIENT CHARACTERISTICS:"). A long
    one is a sentence that wrapped ("... Patients with nodal recurrence are eligible if the following are met:")."""
    text = line.strip()
    return text[:1].isupper() and text.endswith(":") and len(text) <= 80


# Where a criterion names the first criterion of this parse with the same text (Criterion._TWIN): not a field, so no
# equality, hash or repr sees it.
_TWIN = "_twin"


def _join_twins(criteria: list[Criterion]) -> None:
    """A long text repeats its bullets word for word (the same rule under several cohorts or parts): each repeat is
    pointed to the first criterion of its text, whose sentences, labelled fields and purpose (pure functions of the
    text, read lazily) it then shares instead of working them out again. Per parse: nothing outlives the criteria."""
    first: dict[str, Criterion] = {}
    for criterion in criteria:
        values = criterion.__dict__
        twin = first.setdefault(values["text"], criterion)
        if twin is not criterion:
            values[_TWIN] = twin


def _clauses(clean: str, section: Section) -> tuple[str, list[str], list[str]]:
    """(the cleaned criterion, its clauses, each clause's group label or ""): one clause per marker group it turns
    to ("Patients with EGFR ...; patients without ..."), or per alternative an inclusion lists ("Cohorts: (1) ...;
    (2) ...", "X; otherwise Y"), each scoped to its own group; most criteria are one clause. (An exclusion's
    groups are each kept out on their own: "Cohort 1: ECOG >= 2; Cohort 2: ECOG >= 3" stays whole.)"""
    if not clean:
        return clean, [], []
    alternatives = alternative_clauses(clean) if ";" in clean and section == "inclusion" else None
    if alternatives:
        return clean, [clause for clause, _ in alternatives], [label for _, label in alternatives]
    clauses = group_clauses(clean)
    return clean, clauses, [""] * len(clauses)


# A flattened list: "DISEASE CHARACTERISTICS: * Stage IV NSCLC * No known brain metastases PATIENT CHARACTERISTICS:
# * ECOG 0-2 * ANC >= 1,500/mm^3": bullets whose line breaks were lost. Three or more " * " marks, each before a
# capital letter or a digit, make a list (a product "2 * ULN" is one mark before a lower-case word).
_INLINE_BULLET = re.compile(r"(?<=\S)\s+\*\s+(?=[A-Z0-9<>\u2264\u2265])")
_INLINE_HEADING = re.compile(r"\s+(?=(?:DISEASE|PATIENT) CHARACTERISTICS:|PRIOR CONCURRENT THERAPY:)")


def _inline_bullets_as_lines(lines: list[str]) -> list[str]:
    """Each flattened list (see _INLINE_BULLET) as one line per bullet, its field headings on lines of their own."""
    if not any(line.count(" * ") >= 3 for line in lines):
        return lines
    out: list[str] = []
    for line in lines:
        if len(_INLINE_BULLET.findall(line)) < 3 or _BULLET.match(line):
            out.append(line)
            continue
        for part in _INLINE_HEADING.split(line):
            head, *bullets = _INLINE_BULLET.split(part)
            # A blank line before each head: it starts a block of its own, never the rest of the bullet before it.
            out.extend(("", head))
            out.extend(f"* {bullet}" for bullet in bullets)
    return out


def _tables_as_bullets(lines: list[str]) -> list[str]:
    """A markdown table of groups ("| Cohort | Marker | Prior therapy |") as one bullet per row ("* Cohort A:
    EGFR ...; progressed on osimertinib"), read as the same groups written as bullets; other lines as they are."""
    if not any(line.lstrip().startswith("|") for line in lines):
        return lines
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.lstrip().startswith("|"):
            run.append(line)
            continue
        if run:
            rows = table_rows(run)
            out.extend(run if rows is None else [f"* {row}" for row in rows])
            run = []
        out.append(line)
    return out[:-1]


_new_object = object.__new__
_CRITERION_FIELDS = ("text", "section", "depth", "parent", "index", "scope")  # as _criterion() sets them
if tuple(f.name for f in fields(Criterion)) != _CRITERION_FIELDS:
    raise TypeError("Criterion's fields changed: update _criterion() and _CRITERION_FIELDS in criteria/text.py")


def _criterion(text: str, section: Section, depth: int, parent: str, index: int, scope: Scope | None) -> Criterion:
    """Criterion(text, section, depth, parent, index, scope), made without the frozen dataclass's __init__ (one
    object.__setattr__ call per field): the same object, fields in the same order, at a fraction of the cost for
    the thousands a sync makes. A field added to Criterion must be added here."""
    made: Criterion = _new_object(Criterion)
    values = made.__dict__
    values["text"] = text
    values["section"] = section
    values["depth"] = depth
    values["parent"] = parent
    values["index"] = index
    values["scope"] = scope
    return made


@dataclass(frozen=True)
class TrialText:
    """Everything the parser reads about one trial, taken from its API record."""

    nct_id: str
    title: str  # brief and official titles joined
    conditions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    summary: str = ""
    interventions: tuple[str, ...] = ()  # names and other names
    arms: tuple[str, ...] = ()  # "label: description"
    criteria: tuple[Criterion, ...] = field(default_factory=tuple)
    study_type: str = ""
    phases: tuple[str, ...] = ()

    @property
    def inclusion(self) -> list[Criterion]:
        return [c for c in self.criteria if c.section == "inclusion"]

    @property
    def exclusion(self) -> list[Criterion]:
        return [c for c in self.criteria if c.section == "exclusion"]

    @property
    def header(self) -> str:
        """Title, conditions and keywords in one string: where disease scope is usually stated."""
        return " | ".join([self.title, *self.conditions, *self.keywords])

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> TrialText:
        """Build from an API v2 study object (full or trimmed by `fields=`); tolerant of gaps.

        Also tolerant of a field whose type changed (a list sent as a string, an object as a
        list): it reads as absent, so one odd field never costs a trial all its rules.
        """
        ps = as_dict(as_dict(record).get("protocolSection"))
        ident = as_dict(ps.get("identificationModule"))
        cond = as_dict(ps.get("conditionsModule"))
        desc = as_dict(ps.get("descriptionModule"))
        arms_mod = as_dict(ps.get("armsInterventionsModule"))
        design = as_dict(ps.get("designModule"))
        elig = as_dict(ps.get("eligibilityModule"))
        titles = [t for t in (ident.get("briefTitle"), ident.get("officialTitle")) if t]
        interventions: list[str] = []
        for item in map(as_dict, as_list(arms_mod.get("interventions"))):
            interventions.append(str(item.get("name") or ""))
            interventions.extend(str(n) for n in as_list(item.get("otherNames")))
        arms = [
            squash(f"{a.get('label') or ''}: {a.get('description') or ''}")
            for a in map(as_dict, as_list(arms_mod.get("armGroups")))
        ]
        criteria = elig.get("eligibilityCriteria")
        if isinstance(criteria, list):  # lines sent as a list: still the criteria
            criteria = "\n".join(str(line) for line in criteria)
        return cls(
            nct_id=str(ident.get("nctId") or ""),
            title=squash(" / ".join(str(t) for t in titles)),
            conditions=tuple(str(c) for c in as_list(cond.get("conditions"))),
            keywords=tuple(str(k) for k in as_list(cond.get("keywords"))),
            summary=squash(plain(str(desc.get("briefSummary") or ""))),
            interventions=tuple(i for i in interventions if i),
            arms=tuple(arms),
            criteria=tuple(split_criteria(criteria if isinstance(criteria, str) else None)),
            study_type=str(design.get("studyType") or ""),
            phases=tuple(str(p) for p in as_list(design.get("phases"))),
        )
