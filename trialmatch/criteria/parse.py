"""Parse a trial's text once into the structured rules every dimension check reads."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from types import ModuleType
from typing import Any

from trialmatch.criteria.rules import (
    biomarker,
    brain_metastases,
    disease,
    performance_status,
    prior_therapy,
)
from trialmatch.criteria.text import TrialText
from trialmatch.criteria.vocab import VOCAB_DIR


def _source_fingerprint() -> int:
    """A number that changes whenever the parser's code or vocabularies change.

    Derived, not hand-bumped: a forgotten bump would leave stale rules in every cache. The cache
    re-parses each trial whose stored version differs (trialmatch.cache.write.reparse_outdated).
    """
    # The whole criteria stage: everything that reads text into rules lives in it, and nothing
    # else does (tests/test_layers.py keeps other stages out of its imports).
    package = Path(__file__).resolve().parent
    files = sorted([*package.rglob("*.py"), *VOCAB_DIR.glob("*.json")])
    digest = hashlib.sha256()
    for path in files:
        name = path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return int(digest.hexdigest()[:7], 16)  # fits the cache's integer column


log = logging.getLogger("trialmatch.parse")

PARSER_VERSION = _source_fingerprint()
# Rules of a trial whose criteria could not be read hold only this key, with the reason: every
# dimension is then unknown (compiled.NOT_READ), never "no requirement".
UNREADABLE = "unreadable"

DIMENSIONS: dict[str, ModuleType] = {
    "disease": disease,
    "biomarker": biomarker,
    "prior_therapy": prior_therapy,
    "performance_status": performance_status,
    "brain_metastases": brain_metastases,
}


def parse_text(text: TrialText) -> dict[str, Any]:
    """Structured rules for every dimension, JSON-serializable, keyed by dimension name.

    A dimension that fails to read the text makes the whole trial unreadable: its rules are
    {UNREADABLE: reason}, so every dimension answers unknown and says why, and the failure is
    logged once, when the trial is saved (not on every match)."""
    rules: dict[str, Any] = {}
    for name, module in DIMENSIONS.items():
        try:
            rules[name] = module.parse(text)
        except Exception as exc:  # noqa: BLE001 - one unreadable trial must not stop a sync or a match
            log.warning("the criteria of %s could not be read (%s, %s: %s); every dimension is unknown",
                        text.nct_id or "a trial", name, type(exc).__name__, exc)
            return {UNREADABLE: f"{name}: {type(exc).__name__}: {exc}"[:300]}
    return rules


def parse_record(record: dict[str, Any]) -> dict[str, Any]:
    """Rules for an API v2 study object (full, or trimmed to the synced fields)."""
    return parse_text(TrialText.from_record(record))
