"""Anticancer drugs and drug classes, from data/vocab/drugs.json.

A small public lookup: the page uses it for search-as-you-type, the prior-therapy rules use it
to know that pembrolizumab is a PD-1 inhibitor, an immune checkpoint inhibitor and an
immunotherapy. Names are matched case-insensitively and with or without hyphens and spaces,
so "Tagrisso", "AZD-9291" and "azd9291" all mean osimertinib.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from trialmatch.criteria.vocab import load

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """How drug names are compared: lower case, letters and digits only ("MK-3475" -> "mk3475")."""
    return _NOT_ALNUM.sub("", name.lower())


@cache
def _vocab() -> dict[str, Any]:
    return load("drugs")


@cache
def _aliases() -> dict[str, str]:
    """Every spelling of every drug (as name_key) -> its generic name."""
    aliases: dict[str, str] = {}
    for generic, entry in _vocab()["drugs"].items():
        for name in [generic, *entry["names"]]:
            aliases.setdefault(name_key(name), generic)
    return aliases


@cache
def ancestors(class_key: str) -> frozenset[str]:
    """A class and every class above it: "egfr_tki_3g" -> {egfr_tki_3g, egfr_tki, tki, targeted, ...}."""
    classes = _vocab()["classes"]
    seen: set[str] = set()
    todo = [class_key]
    while todo:
        key = todo.pop()
        if key in seen or key not in classes:
            continue
        seen.add(key)
        todo.extend(classes[key]["parents"])
    return frozenset(seen)


def class_keys() -> list[str]:
    """Every class key in the vocabulary."""
    return list(_vocab()["classes"])


def class_label(class_key: str) -> str:
    """A class in plain words: "pd1_pdl1" -> "PD-1/PD-L1 inhibitor"."""
    entry = _vocab()["classes"].get(class_key)
    return str(entry["label"]) if entry else class_key.replace("_", " ")


def canonical_drug(name: str) -> str | None:
    """The generic name for any spelling of a drug ("Keytruda" -> "pembrolizumab"), else None."""
    return _aliases().get(name_key(name))


@cache
def _classes_of_generic(generic: str) -> frozenset[str]:
    entry = _vocab()["drugs"].get(generic)
    if entry is None:
        return frozenset()
    out: set[str] = set()
    for key in entry["classes"]:
        out |= ancestors(key)
    return frozenset(out)


def classes_of(name: str) -> set[str]:
    """Class keys a drug belongs to, ancestors included; empty for a name we do not know."""
    generic = canonical_drug(name)
    return set(_classes_of_generic(generic)) if generic else set()


def drug_names(generic: str) -> list[str]:
    """The brand and code names listed for a generic drug."""
    entry = _vocab()["drugs"].get(generic)
    return list(entry["names"]) if entry else []


@cache
def all_drugs() -> list[tuple[str, str]]:
    """Every drug as (generic name, its classes in plain words), sorted by name, for pickers."""
    rows = []
    for generic, entry in _vocab()["drugs"].items():
        rows.append((generic, ", ".join(class_label(k) for k in entry["classes"])))
    return sorted(rows, key=lambda row: row[0].lower())
