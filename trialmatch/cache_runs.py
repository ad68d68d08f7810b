"""Sync runs and the one-sync-at-a-time lock: where a run stands, where it resumes.

Use through trialmatch.cache, which re-exports these.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from trialmatch.cache_write import META, RUNS, TRIALS, log, wrap_error
from trialmatch.errors import SyncLockedError
from trialmatch.models import SyncRun, utcnow
from trialmatch.query import OPEN_STATUSES

# -- one sync at a time ---------------------------------------------------------------------

LOCK_KEY = "sync_lock"
# A lock taken on another machine (a shared PostgreSQL cache) cannot be checked for life; it is
# considered abandoned after this long.
FOREIGN_LOCK_HOURS = 6


def _lock_is_live(value: str) -> bool:
    host, _, rest = value.partition("|")
    pid_text, _, taken = rest.partition("|")
    if host == socket.gethostname():
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            return False  # killed or crashed: the lock is stale
        except (PermissionError, ValueError):
            return True
        return True
    try:
        age = utcnow() - datetime.fromisoformat(taken)
    except ValueError:
        return False
    return age < timedelta(hours=FOREIGN_LOCK_HOURS)


def acquire_sync_lock(engine: Engine) -> str:
    """Claim the cache for this process's sync. SyncLockedError if a live sync holds it.

    A lock left by a process that died (kill -9, power loss) is taken over. Returns the token
    to pass to release_sync_lock.
    """
    token = f"{socket.gethostname()}|{os.getpid()}|{utcnow().isoformat()}"
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")  # no other writer between the check and the claim
            holder = conn.execute(select(META.c.value).where(META.c.key == LOCK_KEY)).scalar_one_or_none()
            if holder and _lock_is_live(holder):
                conn.rollback()
                host, _, rest = holder.partition("|")
                raise SyncLockedError(
                    f"another sync (process {rest.partition('|')[0]} on {host}) is writing to this cache; "
                    "wait for it to finish, or use another --db"
                )
            conn.execute(delete(META).where(META.c.key == LOCK_KEY))
            conn.execute(insert(META).values(key=LOCK_KEY, value=token))
            conn.commit()
    except SQLAlchemyError as exc:
        raise wrap_error("lock", exc) from exc
    return token


def release_sync_lock(engine: Engine, token: str) -> None:
    try:
        with engine.begin() as conn:
            conn.execute(delete(META).where(META.c.key == LOCK_KEY, META.c.value == token))
    except SQLAlchemyError as exc:
        log.warning("could not release the sync lock: %s", wrap_error("unlock", exc))


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
