"""Read-only queries on the cache, for the matcher, the CLI and the page. Nothing here writes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from trialmatch.cache.models import ParsedCriteria, Site, SyncRun, Trial
from trialmatch.errors import CacheError

TRIALS = Trial.__table__  # type: ignore[attr-defined]
SITES = Site.__table__  # type: ignore[attr-defined]
PARSED = ParsedCriteria.__table__  # type: ignore[attr-defined]
RUNS = SyncRun.__table__  # type: ignore[attr-defined]

# Every Trial column but the raw record, which only `show` and re-parsing need.
_LIGHT_COLUMNS = [c for c in TRIALS.columns if c.name != "raw"]


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection whose reads all see the cache as it was at the first one.

    SQLite's Python driver runs each SELECT in a transaction of its own, so a sync committing a
    page between two SELECTs of one read mixed two states: counts from two moments, trials
    without the sites saved with them. One explicit read transaction pins the state (WAL lets
    the sync keep writing meanwhile); PostgreSQL gets the same from REPEATABLE READ.
    """
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN")
        elif conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        yield conn


def _read_error(exc: SQLAlchemyError) -> CacheError:
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return CacheError(f"could not read the cache: {detail}")


def get_trial(engine: Engine, nct_id: str) -> Trial | None:
    """One cached trial, raw record included; None if it is not cached."""
    try:
        with Session(engine) as session:
            trial = session.get(Trial, nct_id.strip().upper())
            if trial is not None:
                session.expunge(trial)
            return trial
    except SQLAlchemyError as exc:
        raise _read_error(exc) from exc


def sites_for(engine: Engine, nct_id: str) -> list[Site]:
    """A trial's sites, in the order the registry lists them."""
    query = select(SITES).where(SITES.c.nct_id == nct_id.strip().upper()).order_by(SITES.c.id)
    try:
        with engine.connect() as conn:
            return [Site(**row) for row in conn.execute(query).mappings()]
    except SQLAlchemyError as exc:
        raise _read_error(exc) from exc


def all_sites(engine: Engine) -> dict[str, list[Site]]:
    """Every site, grouped by trial."""
    grouped: dict[str, list[Site]] = defaultdict(list)
    try:
        with engine.connect() as conn:
            for row in conn.execute(select(SITES).order_by(SITES.c.nct_id, SITES.c.id)).mappings():
                grouped[row["nct_id"]].append(Site(**row))
    except SQLAlchemyError as exc:
        raise _read_error(exc) from exc
    return dict(grouped)


def load_match_rows(engine: Engine) -> list[tuple[Trial, dict[str, Any]]]:
    """(trial without its raw record, parsed rules) for every cached trial, by NCT id.

    `raw` is never read (it is most of the file); the returned Trial has raw == {}.
    A trial whose criteria were never parsed comes with {} rules: the matcher treats every
    dimension as unknown, never as excluded.
    """
    query = (
        select(*_LIGHT_COLUMNS, PARSED.c.rules)
        .outerjoin(PARSED, PARSED.c.nct_id == TRIALS.c.nct_id)
        .order_by(TRIALS.c.nct_id)
    )
    rows: list[tuple[Trial, dict[str, Any]]] = []
    try:
        with engine.connect() as conn:
            for row in conn.execute(query).mappings():
                values = dict(row)
                rules = values.pop("rules") or {}
                rows.append((Trial(**values), rules))
    except SQLAlchemyError as exc:
        raise _read_error(exc) from exc
    return rows


def last_sync_run(engine: Engine, *, ok_only: bool = True) -> SyncRun | None:
    """The latest sync run that finished (or, with ok_only=False, the latest of any outcome)."""
    query = select(RUNS).order_by(RUNS.c.id.desc()).limit(1)
    if ok_only:
        query = query.where(RUNS.c.status == "ok")
    try:
        with engine.connect() as conn:
            row = conn.execute(query).mappings().first()
    except SQLAlchemyError as exc:
        raise _read_error(exc) from exc
    return SyncRun(**row) if row else None


def stats(engine: Engine) -> dict[str, Any]:
    """Counts for `trialmatch stats` and the page.

    {"trials", "sites", "by_status": {status: n}, "by_phase": {phase: n}, "last_sync": ISO or
    None, "data_timestamp": the registry's data time of that sync or None}. A trial with two
    phases counts once under each; one with none counts under "NA".
    """
    try:
        with snapshot(engine) as conn:
            trials = conn.execute(select(func.count()).select_from(TRIALS)).scalar_one()
            sites = conn.execute(select(func.count()).select_from(SITES)).scalar_one()
            by_status: dict[str, int] = dict(
                conn.execute(select(TRIALS.c.overall_status, func.count()).group_by(TRIALS.c.overall_status)).all()
            )
            phases: Counter[str] = Counter()
            for (listed,) in conn.execute(select(TRIALS.c.phases)):
                phases.update(listed or ["NA"])
    except SQLAlchemyError as exc:
        raise _read_error(exc) from exc
    last = last_sync_run(engine)
    return {
        "trials": trials,
        "sites": sites,
        "by_status": dict(sorted(by_status.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_phase": dict(sorted(phases.items())),
        "last_sync": last.finished_at.isoformat(timespec="seconds") if last and last.finished_at else None,
        "data_timestamp": last.data_timestamp if last else None,
    }


# The columns the match index needs, read as plain rows: building 20,000 Trial and 200,000 Site
# model objects costs seconds that a page visitor would wait for.
_INDEX_TRIAL_COLUMNS = [
    TRIALS.c[name]
    for name in ("nct_id", "brief_title", "overall_status", "phases", "study_type", "conditions",
                 "minimum_age_years", "maximum_age_years", "sex", "first_seen", "last_update_posted",
                 "study_kind", "disease_scope")
]
_INDEX_SITE_COLUMNS = [
    SITES.c[name]
    for name in ("nct_id", "facility", "city", "state", "country", "latitude", "longitude", "status")
]


def index_snapshot(engine: Engine) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]]]:
    """For the match index: one mapping per trial (index columns + "rules") by NCT id, and
    (nct_id, facility, city, state, country, lat, lon, status) per site. Both are read from one
    state of the cache, so every trial comes with exactly the sites saved with it, even mid-sync."""
    trials = (
        select(*_INDEX_TRIAL_COLUMNS, PARSED.c.rules)
        .outerjoin(PARSED, PARSED.c.nct_id == TRIALS.c.nct_id)
        .order_by(TRIALS.c.nct_id)
    )
    sites = select(*_INDEX_SITE_COLUMNS).order_by(SITES.c.nct_id, SITES.c.id)
    try:
        with snapshot(engine) as conn:
            site_rows = [tuple(row) for row in conn.execute(sites)]
            return [dict(row) for row in conn.execute(trials).mappings()], site_rows
    except SQLAlchemyError as exc:
        raise _read_error(exc) from exc
