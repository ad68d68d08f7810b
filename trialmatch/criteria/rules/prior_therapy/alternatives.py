"""Inclusion lists of alternatives: "for one of the following indications:" over sub-bullets.

Each sub-bullet of such a parent is one way into the trial, with its own rules: a patient who fits any
one of them fits the list. Nested lists make a path of choices ("advanced cancer for one or more of the
following:" under "any of the indications below:"), so every criterion inside a list carries the path of
sub-bullets that leads to it, and the trial's groups are tried once per complete path (a leaf).

A sub-bullet about other cancers only ("Renal cell carcinoma after anti-angiogenic therapy"), or about
resected disease in the adjuvant setting only, is no way in for a patient with stage IV NSCLC: its path
is closed, and its rules carry that cancer as their scope, so they never exclude even when read alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.terms import normalize
from trialmatch.criteria.rules.reader import Scope
from trialmatch.criteria.rules.reader.scope import INCLUDES_NSCLC, cancers_named
from trialmatch.criteria.text import Criterion, quote, sub_bullets

Path = tuple[int, ...]

# "any of the following", "one or more of the indications listed below", "at least one of the following criteria".
_LIST = re.compile(
    r"\b(?:any|one|either|at least one|one or more)\s+of\s+the\s+(?:following|indications?|conditions|criteria"
    r"|situations|settings|diseases|tumou?r types|cancers)\b")
# "must not have any of the following", "none of": each sub-bullet is then a ban, all of them apply.
_NEGATED = re.compile(r"\b(?:not|no|never|without|none|neither|exclu\w*|ineligible)\b")
# Resected disease treated after surgery: not the stage IV patient's disease.
_EARLY = re.compile(r"\b(?:adjuvant setting|(?:completely |radically )?resect(?:ed|able)|radical resection)\b")
_LATE = re.compile(r"\b(?:unresectable|non-?resectable|metastatic|advanced|recurrent|stage iv|stage 4)\b")
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(])")
# A lead-in ending with a colon that asks for one of the items after it, in the words the shared reader
# nests flat items under (reader/continuations.py): "Either:", "Meets 1 of the following criteria:",
# "Patients must satisfy (a) or (b):", "any of:".
_ONE_OF = re.compile(r"\b(?:one|1|\(1\))(?:\s+\(1\))?\s+(?:or more\s+)?of\b|\bany (?:one )?of\b|\beither\b"
                     r"|\(?\b[a-e1-5]\)\s+(?:and/)?or\s+\(?[a-e1-5]\)", re.I)
# The items written inline after such a lead-in: "(a) ... (b) ...", "a) ... b) ...", "(1) ... (2) ...".
_MARK = re.compile(r"(?:^|(?<=[\s;:,.]))\(?(?P<mark>[a-e]|[1-5]|i{1,3}|iv)\)\s+")
_LETTERS = ("a", "b", "c", "d", "e")
_NUMBERS = ("1", "2", "3", "4", "5")
_ROMANS = ("i", "ii", "iii", "iv")


def _lead_in(text: str) -> bool:
    """A short lead-in ending with a colon that asks for one of what follows ("(a) or (b):", "Either:")."""
    return len(text) <= 300 and _ONE_OF.search(text) is not None and not _NEGATED.search(normalize(text))


@lru_cache(maxsize=2048)
def list_intro(text: str) -> str | None:
    """The sentence of an inclusion bullet that opens a list of alternatives, or None."""
    lower = text.lower()
    if lower.rstrip(" *_").endswith(":") and _lead_in(_SENTENCE.split(text)[-1]):
        return _SENTENCE.split(text)[-1]
    if "follow" not in lower and "below" not in lower and "listed" not in lower:
        return None  # most bullets open no list: no sentence split
    for sentence in _SENTENCE.split(text):
        norm = normalize(sentence)
        found = _LIST.search(norm)
        if found and not _NEGATED.search(norm, 0, found.start()):
            return sentence
    return None


@lru_cache(maxsize=2048)
def inline_options(text: str) -> tuple[str, ...]:
    """The alternatives an inclusion bullet lists inline after its lead-in, each one way in: "Must meet (a) or
    (b): (a) progression after osimertinib (b) progression after a first-generation EGFR TKI". Empty when the
    bullet has no such lead-in, or fewer than two marked items in order after it."""
    colon = text.find(":")
    if colon < 0 or ")" not in text or not _lead_in(text[:colon + 1]):
        return ()
    marks = list(_MARK.finditer(text, colon + 1))
    for series in (_LETTERS, _NUMBERS, _ROMANS):
        found = [m for m in marks if m.group("mark").lower() in series]
        if len(found) >= 2 and [m.group("mark").lower() for m in found] == list(series[:len(found)]):
            ends = [m.start() for m in found[1:]] + [len(text)]
            return tuple(text[m.end():end].strip(" ;,") for m, end in zip(found, ends, strict=True))
    return ()


def inline_step(index: int, option: int) -> int:
    """The path step of the inline alternative `option` of criterion `index` (negative: no criterion's index)."""
    return -(index * 100 + option + 1)


def _closed(text: str) -> Scope | None:
    """Why a sub-bullet is no way in for a stage IV NSCLC patient: another cancer only, or resected disease
    only (a Scope naming the cancers, or none for resected disease); None when it is open."""
    named = cancers_named(text)
    if named and not INCLUDES_NSCLC.intersection(named):
        return Scope(label=quote(text, 80), kind="condition", diseases=named)
    norm = normalize(text)
    if _EARLY.search(norm) and not _LATE.search(norm):
        return Scope(label=quote(text, 80), kind="condition")
    return None


class Alternatives(NamedTuple):
    """Per criterion, the path of alternatives leading to it (empty outside any list); the cancers an
    alternative is scoped to; and the complete paths (leaves) still open to the patient."""

    paths: tuple[Path, ...]
    foreign: dict[int, Scope]  # option index -> the other cancers it names
    leaves: tuple[Path, ...]


NONE = Alternatives((), {}, ())


# "Subjects who have failed EGFR-TKI treatment, specifically:" over "a. Subjects who received a first-generation TKI
# ...", "b. Subjects who progressed after ...": a lead-in that goes on to spell itself out, over sub-bullets that each
# name a kind of patient. Each is one way to be what the lead-in says, not a rule on every patient.
# "Progression on prior EGFR TKI therapy as follows:" over "a. Prior gefitinib ...", "b. Prior osimertinib as first-line
# therapy": the same, each item one treatment history that counts.
_SPELT_OUT = guarded(r"\b(?:specifically|namely|defined\s+as|that\s+is|i\.?e\.?|meaning|as\s+follows)\s*:\s*$")
# "Subjects with progression after EGFR-TKI treatment, including:" over "Subjects who ...", "Patients with ...": the
# same when every item names a kind of patient (items that are treatments, "Prior therapy including: a. platinum;
# b. a PD-1 inhibitor", may add up, so only kinds of patient count under "including"). "such as:", "e.g.:", "for
# example:" lead such a list the same way ("Participant has progression on ALK inhibitor therapy, such as:").
_INCLUDING = guarded(r"\b(?:including|includes|include|such\s+as|e\.?\s?g\.?|for\s+(?:example|instance))\s*,?\s*:\s*$")
# "all of the following", "each of", "both": the lead-in asks for every item.
_EVERY = re.compile(r"\b(?:all|each|every|both)\b")
_ITEM_MARK = r"^\W{0,3}(?:\(?[a-z0-9]{1,3}[.)]\s+)?"
_SUBJECT_ITEM = re.compile(_ITEM_MARK +
                           r"(?:subjects?|patients?|participants?|those|people|individuals?|cases)\s+(?:who|whose|that|with)\b")
# An item that is one treatment history: "Prior osimertinib as first-line therapy", "Progressed on gefitinib",
# "Received an ALK TKI", "Failure of ...". An item of another topic ("ANC >= 1.5", "ECOG 0-1") is a requirement.
_HISTORY_ITEM = re.compile(_ITEM_MARK + r"(?:has\s+|have\s+)?(?:documented\s+|radiographic\s+|disease\s+)?"
                           r"(?:prior|previous(?:ly)?|progress(?:ion|ed)|received|receipt|treated|failure|failed"
                           r"|relapsed?|recurrence|refractory|resistan(?:t|ce)|intoleran(?:t|ce))\b")
# An item ending in "and" joins the next one to it: every item binds.
_ENDS_AND = re.compile(r"\band[\s,;:]*$")
# "Participants who received osimertinib first-line are eligible regardless of T790M status": read as a permission,
# it asks for nothing, so as a way in it would let every patient in. Such a list keeps its old reading.
_ALLOWS = re.compile(r"\b(?:(?:is|are|will be|would be)\s+(?:also\s+)?(?:eligible|allowed|permitted|acceptable)"
                     r"|may\s+(?:be\s+)?(?:enrol|enroll|included|eligible|participate))")


# Treatment histories are kinds of one treatment the lead-in names ("Progression on prior EGFR TKI therapy as
# follows:", "Prior ALK inhibitor treatment defined as:"). Under a bare "Prior therapy, specifically:", or a lead-in
# naming two treatments ("chemotherapy and immunotherapy as follows:"), they are requirements that add up.
_ONE_TREATMENT = re.compile(r"\b(?:tki|tkis|inhibitors?|targeted|directed|egfr|alk|ros1|ret|met|kras|braf|her2|ntrk"
                            r"|immunotherapy|checkpoint|chemotherapy|platinum)\b")
_TWO_TREATMENTS = re.compile(r"\b(?:and|plus|followed by|as well as)\b")


# A count of lines or regimens, or "all"/"both", in a lead-in: its listed treatments add up. A class of drug (not a
# disease or gene, "prior treatment for EGFR-mutant disease, including:", whose parts may add up) has kinds.
_COUNTED = re.compile(r"\b(?:lines?|regimens?|all|both|each|every|and|plus|followed\s+by|as\s+well\s+as)\b")
_DRUG_CLASS = re.compile(r"\b(?:tkis?|inhibitors?|targeted|directed|antibod(?:y|ies)|platinum)\b")


def names_one_treatment(lead: str) -> bool:
    """Does a lead-in name one kind of treatment, with no count ("Progression after ALK-targeted therapy", "Prior
    platinum-based chemotherapy"), so that treatments listed under its "including:" are kinds of it, any of which
    counts? (`lead` normalized.)"""
    return _DRUG_CLASS.search(lead) is not None and _COUNTED.search(lead) is None


def _kind_item(text: str, lead: str) -> bool:
    """A sub-item naming one kind of patient, or one treatment history under a lead-in naming one treatment (and
    not joined to the next by "and", nor said to be allowed)."""
    if _ENDS_AND.search(text) is not None or _ALLOWS.search(text) is not None:
        return False
    if _SUBJECT_ITEM.match(text) is not None:
        return True
    return _HISTORY_ITEM.match(text) is not None and _ONE_TREATMENT.search(lead) is not None \
        and _TWO_TREATMENTS.search(lead) is None


def names_patient_kind(text: str) -> bool:
    """Does a sub-item name one kind of patient ("Subjects with progression after ...", "Patients who ..."), not
    joined to the next by "and", nor said to be allowed? (`text` normalized.)"""
    return _ENDS_AND.search(text) is None and _ALLOWS.search(text) is None and _SUBJECT_ITEM.match(text) is not None


def _patient_item(text: str, lead: str) -> bool:
    del lead  # (the same call as _kind_item's)
    return names_patient_kind(text)


def _subject_options(criteria: list[Criterion]) -> frozenset[int]:
    """The inclusions that spell themselves out as kinds of patient or treatment histories (_SPELT_OUT over
    _kind_item bullets)."""
    found = set()
    for index, crit in enumerate(criteria):
        lead = normalize(crit.text)
        if crit.section != "inclusion" or _EVERY.search(lead):
            continue
        spelt, including = _SPELT_OUT.search(lead) is not None, _INCLUDING.search(lead) is not None
        if not spelt and not including:
            continue
        nested = sub_bullets(criteria, index)
        items = [normalize(below.text) for below in nested if below.depth == nested[0].depth]
        kind = _kind_item if spelt else _patient_item
        if len(items) >= 2 and all(kind(item, lead) for item in items):
            found.add(index)
    return frozenset(found)


def read_alternatives(criteria: list[Criterion]) -> Alternatives:
    """The alternatives structure of a trial's criteria (NONE when no inclusion opens a list)."""
    spelt = _subject_options(criteria) if any(":" in c.text for c in criteria) else frozenset()
    if not spelt and not any(c.section == "inclusion" and (list_intro(c.text) or inline_options(c.text))
                             for c in criteria):
        return NONE
    paths: list[Path] = []
    closed: dict[int, Scope] = {}
    options: list[Path] = []
    ancestors: list[int] = []
    for index, crit in enumerate(criteria):
        ancestors = [a for a in ancestors if criteria[a].depth < crit.depth and criteria[a].section == crit.section]
        parent = ancestors[-1] if ancestors else None
        path: Path = paths[parent] if parent is not None else ()
        if parent is not None and criteria[parent].section == "inclusion" and (
                parent in spelt or list_intro(criteria[parent].text)):
            path = (*path, index)
            options.append(path)
            why = _closed(crit.text)
            if why is not None:
                closed[index] = why
        if crit.section == "inclusion" and ":" in crit.text:  # inline options follow a colon
            options += [(*path, inline_step(index, k)) for k in range(len(inline_options(crit.text)))]
        paths.append(path)
        ancestors.append(index)
    if not options:
        return NONE
    prefixes = {option[:n] for option in options for n in range(1, len(option))}
    leaves = [option for option in options if option not in prefixes]
    open_leaves = [leaf for leaf in leaves if not any(step in closed for step in leaf)]
    # Every way named is another cancer's: the list says nothing about NSCLC, and the rules stay as read.
    foreign = {k: s for k, s in closed.items() if s.diseases}
    return Alternatives(tuple(paths), foreign, tuple(open_leaves or leaves))


def on_path(alt: list[int] | None, leaf: Path) -> bool:
    """Whether a rule on alternative path `alt` applies to a patient who takes the way `leaf`."""
    return not alt or tuple(alt) == leaf[:len(alt)]
