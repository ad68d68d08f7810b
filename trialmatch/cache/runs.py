"""Sync runs: where a run stands, where it resumes (the lock is trialmatch.cache.lock).

Use through trialmatch.cache.store, which re-exports these.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from trialmatch.cache.models import OPEN_STATUSES, SyncRun, utcnow
from trialmatch.cache.write import RUNS, TRIALS, wrap_error

# -- sync runs ------------------------------------------------------------------------------


def start_run(
    engine: Engine,
    *,
    mode: str,
    since: str | None = None,
    data_timestamp: str | None = None,
    now: datetime | None = None,
) -> SyncRun:
    """Record the start of a sync run and return it (with its id)."""
    values = {"started_at": now or utcnow(), "mode": mode, "status": "running", "since": since,
              "data_timestamp": data_timestamp}
    try:
        with engine.begin() as conn:
            key = conn.execute(insert(RUNS).values(**values)).inserted_primary_key
            assert key is not None
            run_id = key[0]
    except SQLAlchemyError as exc:
        raise wrap_error("start a sync run in", exc) from exc
    return get_run(engine, int(run_id))


def get_run(engine: Engine, run_id: int) -> SyncRun:
    with engine.connect() as conn:
        row = conn.execute(select(RUNS).where(RUNS.c.id == run_id)).mappings().one()
    return SyncRun(**row)


def unfinished_run(engine: Engine) -> SyncRun | None:
    """The latest run that neither finished nor was abandoned: killed, failed or interrupted."""
    query = select(RUNS).where(RUNS.c.status.in_(("running", "failed"))).order_by(RUNS.c.id.desc()).limit(1)
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    return SyncRun(**row) if row else None


def last_ok_run(engine: Engine) -> SyncRun | None:
    query = select(RUNS).where(RUNS.c.status == "ok").order_by(RUNS.c.id.desc()).limit(1)
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    return SyncRun(**row) if row else None


def set_run(engine: Engine, run_id: int, **values: Any) -> SyncRun:
    """Update fields of a run (status, finished_at, error, cursor, ...) and return it."""
    try:
        with engine.begin() as conn:
            conn.execute(update(RUNS).where(RUNS.c.id == run_id).values(**values))
    except SQLAlchemyError as exc:
        raise wrap_error("update the sync run in", exc) from exc
    return get_run(engine, run_id)


def abandon_unfinished(engine: Engine, reason: str) -> None:
    """Mark every unfinished run abandoned (it will not be resumed)."""
    try:
        with engine.begin() as conn:
            conn.execute(
                update(RUNS).where(RUNS.c.status.in_(("running", "failed"))).values(status="abandoned", error=reason)
            )
    except SQLAlchemyError as exc:
        raise wrap_error("update the sync runs in", exc) from exc


def open_trials_not_seen_since(engine: Engine, since: datetime) -> list[str]:
    """Cached trials listed as open that the current run has not seen (they may have closed)."""
    query = (
        select(TRIALS.c.nct_id)
        .where(TRIALS.c.overall_status.in_(OPEN_STATUSES), TRIALS.c.last_seen < since)
        .order_by(TRIALS.c.nct_id)
    )
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())
