"""Helpers shared by the cache, sync and CLI tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """The cache's content, minus bookkeeping that legitimately changes (seen times, site ids)."""
    with engine.connect() as conn:
        trials = conn.execute(text(
            "SELECT nct_id, overall_status, record_hash, eligibility_criteria, raw FROM trial ORDER BY nct_id"
        )).all()
        sites = conn.execute(text(
            "SELECT nct_id, facility, city, latitude, longitude, status, contacts FROM site ORDER BY nct_id, id"
        )).all()
        parsed = conn.execute(text("SELECT nct_id, parser_version, rules FROM parsedcriteria ORDER BY nct_id")).all()
    return {"trials": [tuple(r) for r in trials], "sites": [tuple(r) for r in sites],
            "parsed": [tuple(r) for r in parsed]}


def quick_rules(record: dict[str, Any]) -> dict[str, Any]:
    """A cheap, deterministic stand-in for trialmatch.parse.parse_record: sync tests are about
    moving records, and the real rule modules (tested on their own) take tens of ms a trial."""
    from trialmatch.parse import DIMENSIONS

    title = str(((record.get("protocolSection") or {}).get("identificationModule") or {}).get("briefTitle") or "")
    return {name: {"title_chars": len(title)} for name in DIMENSIONS}
