"""A class of changes closed by the list after its colon: "documentation of an EGFR-activating mutation from tissue
or blood: exon 19 deletion or L858R". The list says which activating mutations count; the class word is no further
way in (an exon 20 insertion, activating or not, does not meet it). The bracketed form, "sensitising EGFR mutation
(exon 19 deletion or L858R)", was read so already."""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.biomarker.phrases import Statement

_CLASS_KINDS = frozenset({"activating", "sensitizing"})
_BROAD_KINDS = _CLASS_KINDS | frozenset({"any", "mutation", "alteration", "uncommon", "common"})
# The class word, then (within the sentence) a colon and the list that ends it.
_CLOSED_BY_COLON = re.compile(
    r"\b(?:activating|sensiti[sz]ing)\b[^:;]{0,160}:\s*(?P<list>[^:;]{3,160})$", re.I)
# A list that only gives examples, or leaves room for more, closes nothing.
_OPEN_LIST = re.compile(r"\b(?:other|others|including|e\.?g|such\s+as|for\s+example|etc|any|among\s+others)\b",
                        re.I)


def closed_by_list(sentence: str) -> bool:
    """Does the sentence close its activating / sensitising class by a list after a colon?"""
    match = _CLOSED_BY_COLON.search(sentence.rstrip(" ."))
    return match is not None and _OPEN_LIST.search(match.group("list")) is None


def _specific(atom: dict[str, Any]) -> bool:
    return atom.get("t") == "alt" and atom.get("kind") not in _BROAD_KINDS


def drop_closed_class(statements: list[Statement]) -> None:
    """In each required list, the class atom of a gene whose named changes are listed too."""
    for statement in statements:
        if statement.polarity != "+":
            continue
        listed = {a["gene"] for a in statement.atoms if _specific(a)}
        kept = [a for a in statement.atoms
                if not (a.get("t") == "alt" and a.get("kind") in _CLASS_KINDS and a.get("gene") in listed)]
        if kept and len(kept) < len(statement.atoms):
            statement.atoms = kept
