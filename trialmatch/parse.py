"""Parse a trial's text once into the structured rules every dimension check reads."""

from __future__ import annotations

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

# Bump whenever a change to text handling or a rule module changes what parse() returns:
# the cache re-parses every trial whose stored version differs.
PARSER_VERSION = 1

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
