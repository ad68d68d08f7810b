"""Load study records from JSON files into the cache, whatever their status.

For offline use and evaluation: records exported from ClinicalTrials.gov (a single study
object, a list of them, or an API page `{"studies": [...]}`) go through the same save path as
a sync, one transaction per batch, so parsing and idempotence are the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from trialmatch.cache.kind_refresh import refresh_kinds
from trialmatch.cache.models import utcnow
from trialmatch.cache.store import PageCounts, save_page, set_run, start_run
from trialmatch.errors import TrialmatchError

BATCH = 500


def _studies_in(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TrialmatchError(f"cannot read study records from {path}: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get("studies"), list):
        data = data["studies"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise TrialmatchError(f"{path} holds neither a study record nor a list of them")
    return [study for study in data if isinstance(study, dict)]


def record_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every .json file named, or found (sorted) in a named folder."""
    for path in paths:
        if path.is_dir():
            yield from sorted(path.glob("*.json"))
        elif path.exists():
            yield path
        else:
            raise TrialmatchError(f"no such file or folder: {path}")


def import_records(engine: Engine, paths: Iterable[Path]) -> PageCounts:
    """Save every record in `paths`, open or closed; returns the counts over all batches."""
    run = start_run(engine, mode="import")
    assert run.id is not None
    set_run(engine, run.id, status="importing")  # not "running": a sync must never resume it
    total = PageCounts()
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        total.add(save_page(engine, batch, run.id or 0, cursor=None, keep_closed=True))
        batch.clear()

    for path in record_files(paths):
        batch.extend(_studies_in(path))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    set_run(engine, run.id, status="imported", finished_at=utcnow())
    refresh_kinds(engine)  # unchanged records were not rewritten: classify those an older trialmatch saved
    return total
