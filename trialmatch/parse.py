"""Parse a trial's text once into the structured rules every dimension check reads."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType
from typing import Any

from trialmatch.rules import (
    biomarker,
    brain_metastases,
    disease,
    performance_status,
    prior_therapy,
)
from trialmatch.text import TrialText
from trialmatch.vocab import VOCAB_DIR


def _source_fingerprint() -> int:
    """A number that changes whenever the parser's code or vocabularies change.

    Derived, not hand-bumped: a forgotten bump would leave stale rules in every cache. The cache
    re-parses each trial whose stored version differs (trialmatch.cache_write.reparse_outdated).
    """
    package = Path(__file__).resolve().parent
    files = sorted([package / "text.py", package / "parse.py", *(package / "rules").rglob("*.py"),
                    *VOCAB_DIR.glob("*.json")])
    digest = hashlib.sha256()
    for path in files:
        name = path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return int(digest.hexdigest()[:7], 16)  # fits the cache's integer column


PARSER_VERSION = _source_fingerprint()

DIMENSIONS: dict[str, ModuleType] = {
    "disease": disease,
    "biomarker": biomarker,
    "prior_therapy": prior_therapy,
    "performance_status": performance_status,
    "brain_metastases": brain_metastases,
}


def parse_text(text: TrialText) -> dict[str, Any]:
    """Structured rules for every dimension, JSON-serializable, keyed by dimension name."""
    return {name: module.parse(text) for name, module in DIMENSIONS.items()}


def parse_record(record: dict[str, Any]) -> dict[str, Any]:
    """Rules for an API v2 study object (full, or trimmed to the synced fields)."""
    return parse_text(TrialText.from_record(record))
