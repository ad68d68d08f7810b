"""Helpers shared by the tests (and the benchmarks that reuse their inputs)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """The cache's content, minus bookkeeping that legitimately changes (seen times, site ids).

    Read through the tables' column types, so JSON comes back decoded and two caches compare
    equal across SQLite and PostgreSQL."""
    from trialmatch.cache.models import ParsedCriteria, Site, Trial

    trial, site, parsed = (m.__table__.c for m in (Trial, Site, ParsedCriteria))  # type: ignore[attr-defined]
    with engine.connect() as conn:
        trials = conn.execute(
            select(trial.nct_id, trial.overall_status, trial.record_hash, trial.eligibility_criteria, trial.raw)
            .order_by(trial.nct_id)
        ).all()
        sites = conn.execute(
            select(site.nct_id, site.facility, site.city, site.latitude, site.longitude, site.status, site.contacts)
            .order_by(site.nct_id, site.id)
        ).all()
        rules = conn.execute(
            select(parsed.nct_id, parsed.parser_version, parsed.rules).order_by(parsed.nct_id)
        ).all()
    return {"trials": [tuple(r) for r in trials], "sites": [tuple(r) for r in sites],
            "parsed": [tuple(r) for r in rules]}


def quick_rules(record: dict[str, Any]) -> dict[str, Any]:
    """A cheap, deterministic stand-in for trialmatch.criteria.parse.parse_record: sync tests are about
    moving records, and the real rule modules (tested on their own) take tens of ms a trial."""
    from trialmatch.criteria.parse import DIMENSIONS

    title = str(((record.get("protocolSection") or {}).get("identificationModule") or {}).get("briefTitle") or "")
    return {name: {"title_chars": len(title)} for name in DIMENSIONS}


def adversarial_criteria(size: int) -> str:
    """Criteria aimed at regex backtracking and per-token work: long runs of what the patterns
    repeat, never closed (the hostile-input test and bench/bench_parse.py both parse it)."""
    pieces = ["* " + "EGFR " * 400, "* " + "(" * 2000, "* PD-L1 TPS >= " + "1% or " * 300,
              "* no prior " * 200, "* " + "a" * 3000, "* treated with " + "osimertinib, " * 200,
              "* ECOG " + "0-1, " * 400, "Exclusion Criteria:", "* brain metastases " * 100]
    text = "Inclusion Criteria:\n" + "\n".join(pieces)
    return (text * (size // len(text) + 1))[:size]


# The columns of a `trialmatch screen` patients file, as README.md documents them.
PATIENT_COLUMNS = ("id", "age", "sex", "histology", "stage", "biomarkers", "tested_negative", "pdl1_tps",
                   "prior_therapies", "prior_lines", "ecog", "brain_metastases", "location", "max_distance_miles")


def patient_cell(profile: dict[str, Any], column: str) -> str:
    """One profile field as a screen CSV cell ("EGFR:L858R; KRAS:G12C", "ALK; ROS1", "" for unknown)."""
    value = profile.get(column)
    if column == "biomarkers":
        return "; ".join(f"{b['gene']}:{b['alteration']}" for b in value or [])
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def patients_csv(path: Path, profiles: list[dict[str, Any]]) -> Path:
    """A screen patients file with one row per profile (profiles in the eval JSON shape)."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(PATIENT_COLUMNS)
        writer.writerows([patient_cell(p, c) for c in PATIENT_COLUMNS] for p in profiles)
    return path
