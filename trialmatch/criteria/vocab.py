"""Load the clinician-reviewable vocabularies kept as JSON in data/vocab/."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any


def _vocab_dir() -> Path:
    """trialmatch/vocab_data (a link to data/vocab/ in a clone, a real folder once installed from a wheel)."""
    packaged = Path(__file__).resolve().parents[1] / "vocab_data"
    # A checkout whose file system kept the link as a plain file (e.g. Windows without symlinks).
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "data" / "vocab"


VOCAB_DIR = _vocab_dir()


@cache
def load(name: str) -> dict[str, Any]:
    """Return data/vocab/<name>.json as a dict (cached: vocabularies never change at run time)."""
    path = VOCAB_DIR / f"{name}.json"
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@cache
def gene_aliases() -> dict[str, str]:
    """Map every spelling of a gene (upper-cased) to its HGNC symbol: "HER2" -> "ERBB2"."""
    aliases: dict[str, str] = {}
    for symbol, names in load("genes")["genes"].items():
        for name in [symbol, *names]:
            aliases[name.upper()] = symbol
    return aliases


def canonical_gene(name: str) -> str | None:
    """The HGNC symbol for a gene name, or None when the name is not a gene we know."""
    return gene_aliases().get(name.strip().upper())
