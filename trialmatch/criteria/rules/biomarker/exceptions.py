"""Exceptions written with examples beside them, read before the sentence's phrases.

"Activating EGFR mutation (excluding exon 20 insertions), e.g. exon 19 deletion, L858R or G719X": the examples
illustrate what the trial takes, not the exception. Read as they stand, the examples were folded into the exception
("other than exon 19 deletion, L858R, ...") or, after "(X excluded)", negated, so the patients the trial wants were
excluded. The sentence is read as "Activating EGFR mutation other than exon 20 insertions": the head stands, the
exception spares, the examples add nothing the head does not already say.

Every regex here is a bounded window or a flat alternation (linear in the sentence length).
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.biomarker.phrases import tokens
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.vocabulary import COPULA, SHUT_WORD

_EXCEPT_WORD = r"(?:excluding|except(?:ing)?(?:\s+for)?|other\s+than|but\s+not|not\s+including)"
_EXCLUDED_WORD = rf"(?:{COPULA}\s+)?{SHUT_WORD}"
_EXAMPLE_WORD = r"(?:eg|e\.g\.?|for\s+example|for\s+instance|such\s+as|including)\b"
# Three ways to write the exception: "(excluding X)", "(X excluded)" and a bare "except X," before the examples.
_EXCEPTION_THEN_EXAMPLES = guarded(
    r"(?:\(\s*" + _EXCEPT_WORD + r"\s+(?P<a>[^()]{1,60}?)\s*\)"
    r"|\(\s*(?P<b>[^()]{1,60}?)\s+" + _EXCLUDED_WORD + r"\s*\)"
    r"|\b" + _EXCEPT_WORD + r"\s+(?P<c>[^(),;.:]{1,60}?)\s*(?=,))"
    r"\s*,?\s*(?P<ex>" + _EXAMPLE_WORD + r"[^;.()]{0,200})",
    re.I,
)
# "KRAS mutation other than G12V (including G12C, G12D, G13X)": a bare exception followed by bracketed examples. The
# bracket lists members of the set the exception leaves, not more exceptions.
_EXCEPTION_THEN_BRACKET = guarded(
    r"\b" + _EXCEPT_WORD + r"\s+(?P<x>[^(),;.:]{1,60}?)\s*"
    r"(?P<br>\(\s*" + _EXAMPLE_WORD + r"\s*,?\s*(?P<ex>[^()]{1,200})\))",
    re.I,
)
# Classes an exception can name that no example of a mutation falls in ("HER2 mutation (amplification excluded)").
_SEPARATE_CLASSES = frozenset({"amplification", "overexpression", "expression", "low", "fusion"})


def examples_after_exception(sentence: str) -> str:
    """The sentence with "(excluding X), e.g. A, B" read as "other than X" (the examples dropped); unchanged when
    the exception may be what the examples illustrate ("except uncommon mutations, such as G719X")."""
    match = _EXCEPTION_THEN_EXAMPLES.search(sentence)
    if match is None:
        return _bracketed_members(sentence)
    head = sentence[: match.start()]
    excepted = _without_gene(match.group("a") or match.group("b") or match.group("c") or "")
    if not _names_gene(head) or not _specific(excepted) or not _names_marker(match.group("ex")):
        return sentence
    if not any(t.type == "alt" for t in tokens(excepted)):
        # "HER2 mutation (amplification excluded)": a class of its own, which the head's word leaves out already;
        # "other than amplification" would read as a second way in.
        return f"{head.rstrip()}{sentence[match.end():]}"
    return f"{head.rstrip()} other than {excepted.strip()}{sentence[match.end():]}"


def _bracketed_members(sentence: str) -> str:
    """The sentence with "other than X (including A, B)" read as "other than X" (the members dropped)."""
    match = _EXCEPTION_THEN_BRACKET.search(sentence)
    if match is None:
        return sentence
    head = sentence[: match.start()]
    excepted = tokens(_without_gene(match.group("x")))
    # a named change ("G12V", "the T790M mutation"), never a class the members could be of ("common mutations")
    named = any(t.type == "alt" for t in excepted) and all(t.type in {"alt", "gene", "kind"} for t in excepted)
    if not _names_gene(head) or not named or not _names_marker(match.group("ex")):
        return sentence
    return f"{sentence[:match.start('br')].rstrip()}{sentence[match.end('br'):]}"


def _without_gene(excepted: str) -> str:
    """"(excluding HER2 amplification)": the head's gene said again; "other than amplification" reads it as the
    head's exception, not as another gene's way in."""
    toks = tokens(excepted)
    if len(toks) > 1 and toks[0].type == "gene":
        return excepted[toks[0].end:].lstrip(" -")
    return excepted


def _names_gene(text: str) -> bool:
    toks = tokens(text)
    return any(t.type == "gene" for t in toks) and not any(t.type == "driver" for t in toks)


def _specific(excepted: str) -> bool:
    """A named change (exon 20 insertion, G12C) or a class of its own (amplification): never a kind of mutation the
    examples could illustrate, never a whole gene."""
    toks = tokens(excepted)
    if not toks or any(t.type not in {"alt", "gene", "kind"} for t in toks):
        return False
    if any(t.type == "kind" and t.key not in _SEPARATE_CLASSES for t in toks):
        return False
    return any(t.type == "alt" or t.type == "kind" for t in toks)


def _names_marker(examples: str) -> bool:
    return any(t.type in {"alt", "kind"} for t in tokens(examples))
