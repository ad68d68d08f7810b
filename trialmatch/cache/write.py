"""Writes to the cache: one page of studies plus the sync cursor per transaction; re-parsing.

Use through trialmatch.cache.store, which re-exports these. Bulk SQL (SQLAlchemy Core) rather than
ORM objects: a page is a thousand trials and tens of thousands of sites.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from trialmatch.cache.models import OPEN_STATUSES, Meta, ParsedCriteria, Site, SyncRun, Trial, utcnow
from trialmatch.cache.records import InvalidRecordError, TrialRows, nct_id_of, record_hash, trial_rows
from trialmatch.criteria import parse
from trialmatch.criteria.parse_pool import IN_PROCESS, CriteriaParser
from trialmatch.errors import CacheError

log = logging.getLogger(__name__)

TRIALS = Trial.__table__  # type: ignore[attr-defined]
SITES = Site.__table__  # type: ignore[attr-defined]
PARSED = ParsedCriteria.__table__  # type: ignore[attr-defined]
RUNS = SyncRun.__table__  # type: ignore[attr-defined]
META = Meta.__table__  # type: ignore[attr-defined]

# Off only in tests, to compare the fast SQLite path with SQLAlchemy's own insert.
FAST_SQLITE_INSERTS = True
# What a patient's eligibility depends on: a change here (not elsewhere in the record) sets
# criteria_changed_at, which `trialmatch digest` reports as "criteria changed".
ELIGIBILITY_COLUMNS = ("eligibility_criteria", "minimum_age", "maximum_age", "sex")
_REPARSE_BATCH = 200


@dataclass
class PageCounts:
    """What saving one page did. `closed`: cached open trials that arrive no longer open."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    skipped: int = 0

    def add(self, other: PageCounts) -> None:
        for name in ("new", "updated", "unchanged", "closed", "skipped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.closed + self.skipped


def _identify(studies: Iterable[dict[str, Any]]) -> tuple[dict[str, tuple[dict[str, Any], str]], int]:
    """{nct_id: (record, record_hash)} (a later duplicate within the page wins) and the number of
    records without a usable id. Conversion waits until a record is known to be new or changed:
    re-syncs are mostly unchanged records, which are only hashed."""
    found: dict[str, tuple[dict[str, Any], str]] = {}
    bad = 0
    for record in studies:
        try:
            nct_id = nct_id_of(record)
        except InvalidRecordError as exc:
            log.warning("skipped a study record: %s", exc)
            bad += 1
            continue
        found[nct_id] = (record, record_hash(record))
    return found, bad


def wrap_error(action: str, exc: SQLAlchemyError) -> CacheError:
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return CacheError(f"could not {action} the cache: {detail}")


def save_page(
    engine: Engine,
    studies: Sequence[dict[str, Any]],
    run: SyncRun | int,
    *,
    cursor: str | None,
    keep_closed: bool = False,
    now: datetime | None = None,
    parser: CriteriaParser = IN_PROCESS,
    skipped_ids: set[str] | None = None,
) -> PageCounts:
    """Upsert one page of API records and move the run's cursor, all in one transaction.

    New trials are inserted with their sites and parsed criteria; changed ones (different
    record_hash) are replaced, keeping first_seen; unchanged ones only get last_seen. A record
    for a trial not yet cached whose status is not open is skipped unless `keep_closed`.
    A trial that comes again unchanged in the same run (the run's two searches both return it)
    is counted once; `skipped_ids`, kept by the caller across pages, does the same for skips.
    If anything fails, nothing of the page and nothing of the cursor is written. `parser` may
    spread the criteria parsing over several processes (a sync passes one).
    """
    run_id = run if isinstance(run, int) else run.id
    if run_id is None:
        raise ValueError("save_page needs a SyncRun that has been stored (start_run)")
    now = now or utcnow()
    found, bad = _identify(studies)
    counts = PageCounts(skipped=bad)
    try:
        with engine.begin() as conn:
            existing = _existing(conn, list(found))
            run_started = conn.execute(select(RUNS.c.started_at).where(RUNS.c.id == run_id)).scalar_one()
            this_run = {n for n, old in existing.items() if old["last_seen"] >= run_started}
            fresh: list[TrialRows] = []
            replaced: list[TrialRows] = []
            seen_only: list[str] = []
            for nct_id, (record, digest) in found.items():
                old = existing.get(nct_id)
                if old is not None and old["record_hash"] == digest:
                    seen_only.append(nct_id)
                    if nct_id not in this_run:  # else this run's other search counted it already
                        counts.unchanged += 1
                    continue
                converted = trial_rows(record, digest=digest)
                if old is None:
                    if converted.status in OPEN_STATUSES or keep_closed:
                        fresh.append(converted)
                        counts.new += 1
                    elif skipped_ids is None or nct_id not in skipped_ids:
                        counts.skipped += 1
                        if skipped_ids is not None:
                            skipped_ids.add(nct_id)
                else:
                    converted.trial["first_seen"] = old["first_seen"]
                    replaced.append(converted)
                    if old["overall_status"] in OPEN_STATUSES and converted.status not in OPEN_STATUSES:
                        counts.closed += 1
                    else:
                        counts.updated += 1
            _carry_change_times(conn, replaced, existing, now)
            _replace(conn, [r.nct_id for r in replaced])
            _insert(conn, fresh + replaced, now, parser)
            if seen_only:
                conn.execute(update(TRIALS).where(TRIALS.c.nct_id.in_(seen_only)).values(last_seen=now))
            conn.execute(
                update(RUNS)
                .where(RUNS.c.id == run_id)
                .values(
                    cursor=cursor,
                    pages=RUNS.c.pages + 1,
                    new=RUNS.c.new + counts.new,
                    updated=RUNS.c.updated + counts.updated,
                    unchanged=RUNS.c.unchanged + counts.unchanged,
                    closed=RUNS.c.closed + counts.closed,
                    skipped=RUNS.c.skipped + counts.skipped,
                )
            )
    except SQLAlchemyError as exc:
        raise wrap_error("save a page to", exc) from exc
    return counts


def _existing(conn: Connection, nct_ids: list[str]) -> dict[str, dict[str, Any]]:
    if not nct_ids:
        return {}
    query = select(TRIALS.c.nct_id, TRIALS.c.record_hash, TRIALS.c.overall_status, TRIALS.c.first_seen,
                   TRIALS.c.last_seen).where(TRIALS.c.nct_id.in_(nct_ids))
    return {row.nct_id: row._asdict() for row in conn.execute(query)}


def _carry_change_times(
    conn: Connection, replaced: list[TrialRows], existing: dict[str, dict[str, Any]], now: datetime
) -> None:
    """Set criteria_changed_at and opened_or_closed_at on changed trials: now if their eligibility
    or their being open changed, else the stored time. Reads the old criteria of changed trials
    only: re-syncs are mostly unchanged records, which never get here."""
    if not replaced:
        return
    columns = [TRIALS.c[name] for name in ELIGIBILITY_COLUMNS]
    query = select(TRIALS.c.nct_id, TRIALS.c.criteria_changed_at, TRIALS.c.opened_or_closed_at, *columns).where(
        TRIALS.c.nct_id.in_([r.nct_id for r in replaced]))
    stored = {row.nct_id: row._asdict() for row in conn.execute(query)}
    for rows in replaced:
        old, trial = stored[rows.nct_id], rows.trial
        same = all(old[name] == trial.get(name) for name in ELIGIBILITY_COLUMNS)
        trial["criteria_changed_at"] = (old["criteria_changed_at"] or existing[rows.nct_id]["first_seen"]
                                        if same else now)
        was_open = existing[rows.nct_id]["overall_status"] in OPEN_STATUSES
        trial["opened_or_closed_at"] = (
            old["opened_or_closed_at"] if was_open == (rows.status in OPEN_STATUSES) else now)


def _replace(conn: Connection, nct_ids: list[str]) -> None:
    """Delete trials (and what hangs off them) that are about to be written again."""
    if not nct_ids:
        return
    conn.execute(delete(SITES).where(SITES.c.nct_id.in_(nct_ids)))
    conn.execute(delete(PARSED).where(PARSED.c.nct_id.in_(nct_ids)))
    conn.execute(delete(TRIALS).where(TRIALS.c.nct_id.in_(nct_ids)))


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same keys.

    On SQLite, values go through each column type's own bind processor (so they are stored
    exactly as `conn.execute(insert(table), rows)` would store them) and then straight to the
    driver's executemany: SQLAlchemy's per-row parameter handling was a third of a page's
    save time. Other databases take the ordinary Core path.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        rows = [_without_nul(row) for row in rows]
    if conn.dialect.name != "sqlite" or not FAST_SQLITE_INSERTS:
        conn.execute(insert(table), rows)
        return
    columns = [c for c in table.columns if c.name in rows[0]]
    names = [c.name for c in columns]
    processors = [c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for c in columns]
    pairs = list(zip(names, processors, strict=True))
    quoted = ", ".join(f'"{n}"' for n in names)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
    conn.exec_driver_sql(sql, [tuple(p(row[n]) if p else row[n] for n, p in pairs) for row in rows])


def _without_nul(row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL text cannot hold NUL: one such byte in a registry record would fail its page on
    every sync. JSON columns keep it (escaped as \\u0000); text columns drop it."""
    return {k: v.replace("\x00", "") if isinstance(v, str) and "\x00" in v else v for k, v in row.items()}


def _insert(conn: Connection, items: list[TrialRows], now: datetime, parser: CriteriaParser) -> None:
    if not items:
        return
    # Every row gets the same keys (bulk_insert needs that): a new trial's criteria are new.
    bulk_insert(conn, TRIALS, [{"first_seen": now, "criteria_changed_at": now, "opened_or_closed_at": None,
                                **r.trial, "last_seen": now} for r in items])
    bulk_insert(conn, SITES, [site for r in items for site in r.sites])
    results = parser.parse_many([(r.trial["raw"], r.nct_id) for r in items])
    bulk_insert(conn, PARSED, [{"nct_id": r.nct_id, "parser_version": version, "rules": rules}
                               for r, (rules, version) in zip(items, results, strict=True)])


def reparse_outdated(
    engine: Engine, *, on_progress: Callable[[int, int], None] | None = None, parser: CriteriaParser = IN_PROCESS
) -> int:
    """Re-parse every trial whose stored parser_version is not the current one. Returns how many.

    Reads `raw` in batches, so memory stays flat however large the cache; each batch is its
    own transaction (stopping half-way leaves the rest for the next call).
    """
    current = parse.PARSER_VERSION
    stale = (
        select(TRIALS.c.nct_id)
        .outerjoin(PARSED, PARSED.c.nct_id == TRIALS.c.nct_id)
        .where((PARSED.c.parser_version.is_(None)) | (PARSED.c.parser_version != current))
        .order_by(TRIALS.c.nct_id)
    )
    try:
        with engine.connect() as conn:
            ids = list(conn.execute(stale).scalars())
        for start in range(0, len(ids), _REPARSE_BATCH):
            batch = ids[start:start + _REPARSE_BATCH]
            with engine.begin() as conn:
                raws = conn.execute(select(TRIALS.c.nct_id, TRIALS.c.raw).where(TRIALS.c.nct_id.in_(batch))).all()
                results = parser.parse_many([(raw or {}, nct_id) for nct_id, raw in raws])
                parsed = [{"nct_id": nct_id, "parser_version": version, "rules": rules}
                          for (nct_id, _), (rules, version) in zip(raws, results, strict=True)]
                conn.execute(delete(PARSED).where(PARSED.c.nct_id.in_(batch)))
                bulk_insert(conn, PARSED, parsed)
            if on_progress is not None:
                on_progress(min(start + _REPARSE_BATCH, len(ids)), len(ids))
    except SQLAlchemyError as exc:
        raise wrap_error("re-parse criteria in", exc) from exc
    if ids:
        log.info("re-parsed %d trial(s) for parser version %d", len(ids), current)
    return len(ids)
