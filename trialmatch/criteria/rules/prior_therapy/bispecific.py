"""A bispecific antibody named by its two targets: "amivantamab or other anti-EGFR/cMET bispecific antibodies",
"an anti-PD-1/CTLA-4 bispecific antibody", "EGFR x MET bispecific antibody".

The words name one kind of drug, one that hits both targets; read name by name they banned every EGFR-targeted drug
(a patient after gefitinib) or every PD-1 inhibitor, or, from "bispecific antibody" alone, every antibody. The
targets' mentions become one mention of the drugs the vocabulary puts in every target named (amivantamab for EGFR and
MET); when it knows none, the words name nothing this reader can check.
"""

from __future__ import annotations

import re
from functools import cache

from trialmatch.criteria.drugs import all_drugs, classes_of
from trialmatch.criteria.rules.prior_therapy.terms import GENERIC_CLASSES, Mention
from trialmatch.criteria.rules.reader.scope import genes_named

_BISPECIFIC = re.compile(r"\bbi-?specific\b")
_TOKEN = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")
# Words that may join the targets: "anti-EGFR/cMET", "EGFR x MET", "PD-1 and CTLA-4".
_JOINERS = frozenset({"and", "anti", "x", "c", "/", "-", "\u2013", "&"})
_REACH = 60  # the targets are named within this many characters before "bispecific"
# Targets written bare, as no gene symbol: "PD-1/VEGF bispecific", "PD-L1 x CTLA-4 bispecific".
_BARE_TARGET = re.compile(r"\b(?:pd-?l1|pd-?1|ctla-?4|vegf)(?![a-z0-9])")
_BARE_CLASS = {"pdl1": "pdl1", "pd1": "pd1", "ctla4": "ctla4", "vegf": "anti_vegf"}
_BARE_PARTS = frozenset({"pd", "l1", "1", "4", "ctla", "vegf"})


@cache
def _generics() -> tuple[str, ...]:
    return tuple(generic for generic, _ in all_drugs())


@cache
def _gene_classes(gene: str) -> frozenset[str]:
    """The class keys named after a gene ("MET" -> met_inhibitor, ...)."""
    prefix = gene.lower() + "_"
    return frozenset(key for generic in _generics() for key in classes_of(generic) if key.startswith(prefix))


def _hits(generic: str, target: frozenset[str]) -> bool:
    classes = classes_of(generic)
    return any(item == f"d:{generic}" or (item.startswith("c:") and item[2:] in classes) for item in target)


def _phrase_start(norm: str, end: int, mentions: list[Mention]) -> int:
    """Where the run of target words before `end` opens: genes, joiners and named targets only."""
    low = max(0, end - _REACH)
    start = end
    for token in reversed(list(_TOKEN.finditer(norm, low, end))):
        word = token.group()
        inside = any(m.start <= token.start() < m.end and not m.generic for m in mentions)
        if not (inside or word in _JOINERS or word in _BARE_PARTS or genes_named(word.upper())):
            break
        start = token.start()
    return start


def bispecific_mentions(norm: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each bispecific's targets made one mention of the drugs hitting all of them."""
    for match in _BISPECIFIC.finditer(norm):
        start = _phrase_start(norm, match.start(), mentions)
        # (A phrase the vocabulary holds may run on over "bispecific": "CTLA-4 bispecific antibody".)
        targets = [m for m in mentions if start <= m.start < match.start() and not m.generic]
        covered = {item[2:] for m in targets for item in m.items}
        wanted = [frozenset((item,)) for m in targets for item in m.items]
        for bare in _BARE_TARGET.finditer(norm, start, match.start()):
            key = _BARE_CLASS[bare.group().replace("-", "")]
            if key not in covered:
                wanted.append(frozenset((f"c:{key}",)))
                covered.add(key)
        for gene in genes_named(norm[start:match.start()].upper()):
            classes = _gene_classes(gene)
            if not covered & classes:
                wanted.append(frozenset(f"c:{k}" for k in classes))  # empty: a target no drug known hits
        if len(wanted) < 2:
            continue
        drugs = tuple(f"d:{g}" for g in _generics() if all(_hits(g, target) for target in wanted))
        tail = next((m for m in mentions if match.start() <= m.start <= match.end() + 1
                     and set(m.items) <= GENERIC_CLASSES), None)
        end = max([match.end(), *(m.end for m in targets), *([tail.end] if tail else [])])
        dropped = {id(m) for m in targets} | ({id(tail)} if tail else set())
        kept = [m for m in mentions if id(m) not in dropped]
        if drugs:
            kept.append(Mention(targets[0].start if targets else start, end, drugs))
        mentions = sorted(kept, key=lambda m: m.start)
    return mentions
