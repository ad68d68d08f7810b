"""One sync at a time per cache, held by the operating system or the database server.

- SQLite file: an exclusive `flock` on `<cache file>.lock` beside it.
- PostgreSQL: a session-level `pg_advisory_lock` on a dedicated connection (advisory locks are
  per database, so two caches in one cluster do not block each other).
- In-memory SQLite (tests): a lock per engine, since no other process can see the database.

Either way the lock dies with its holder: a sync killed with SIGKILL, or a machine that loses
power, never leaves a lock behind that someone has to remove by hand. Who holds the lock (process,
host, since when) is written to the Meta table only so that a refused sync can say so.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from trialmatch.cache.models import utcnow
from trialmatch.cache.write import META, wrap_error
from trialmatch.errors import CacheError, SyncLockedError

HOLDER_KEY = "sync_lock"  # Meta row describing the current holder (informational only)
POLL_SECONDS = 0.2
# Any fixed 64-bit number identifies the lock; derived from a name so it is not a magic constant.
PG_LOCK_KEY = int.from_bytes(hashlib.sha256(b"trialmatch sync").digest()[:8], "big", signed=True)

_memory_locks: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()
_memory_locks_guard = threading.Lock()


def lock_path(engine: Engine) -> Path | None:
    """The lock file beside an SQLite cache file; None for in-memory SQLite or a server database."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    if database in ("", ":memory:") or database.startswith("file::memory:") or "mode=memory" in database:
        return None
    return Path(database + ".lock")


@contextmanager
def sync_lock(engine: Engine, *, wait: float = 0.0, task: str = "sync") -> Iterator[None]:
    """Hold the cache's sync lock for the `with` block (a sync, or an import: `task` names it).

    If another sync holds it, retry for up to `wait` seconds, then raise SyncLockedError naming
    the holder and since when it has run.
    """
    deadline = time.monotonic() + max(wait, 0.0)
    if engine.dialect.name == "postgresql":
        acquire = _postgres_lock
    elif lock_path(engine) is not None:
        acquire = _file_lock
    else:
        acquire = _memory_lock
    with acquire(engine, deadline):
        _write_holder(engine, task)
        try:
            yield
        finally:
            _clear_holder(engine)


def _retry_until(deadline: float, attempt: Callable[[], bool]) -> bool:
    """Call `attempt` until it returns True or the deadline passes; True if it succeeded."""
    while True:
        if attempt():
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(POLL_SECONDS, left))


@contextmanager
def _file_lock(engine: Engine, deadline: float) -> Iterator[None]:
    path = lock_path(engine)
    assert path is not None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise CacheError(f"cannot create the sync lock file {path}: {exc.strerror}") from exc

    def attempt() -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    try:
        if not _retry_until(deadline, attempt):
            raise _locked(engine)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)  # the file stays: deleting it would let two processes lock two different files


@contextmanager
def _postgres_lock(engine: Engine, deadline: float) -> Iterator[None]:
    try:
        # Autocommit: the lock belongs to the session, so no transaction needs to stay open.
        conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    except SQLAlchemyError as exc:
        raise wrap_error("lock", exc) from exc
    try:
        def attempt() -> bool:
            return bool(conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({PG_LOCK_KEY})").scalar())

        try:
            got = _retry_until(deadline, attempt)
        except SQLAlchemyError as exc:
            raise wrap_error("lock", exc) from exc
        if not got:
            raise _locked(engine)
        try:
            yield
        finally:
            try:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({PG_LOCK_KEY})")
            except SQLAlchemyError:
                pass  # the connection is gone, and the lock with it
    finally:
        conn.close()


@contextmanager
def _memory_lock(engine: Engine, deadline: float) -> Iterator[None]:
    with _memory_locks_guard:
        lock = _memory_locks.setdefault(engine, threading.Lock())
    left = deadline - time.monotonic()
    if not (lock.acquire(timeout=left) if left > 0 else lock.acquire(blocking=False)):
        raise _locked(engine)
    try:
        yield
    finally:
        lock.release()


def _holder_value(task: str) -> str:
    return json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": utcnow().isoformat(),
                       "task": task})


def _write_holder(engine: Engine, task: str) -> None:
    try:
        with engine.begin() as conn:
            _delete_holder(conn)
            conn.execute(insert(META).values(key=HOLDER_KEY, value=_holder_value(task)))
    except SQLAlchemyError as exc:
        raise wrap_error("lock", exc) from exc


def _clear_holder(engine: Engine) -> None:
    try:
        with engine.begin() as conn:
            _delete_holder(conn)
    except SQLAlchemyError:
        pass  # informational only; the next holder overwrites it


def _delete_holder(conn: Connection) -> None:
    conn.execute(delete(META).where(META.c.key == HOLDER_KEY))


def _locked(engine: Engine) -> SyncLockedError:
    """SyncLockedError saying who holds the lock, as far as the Meta note tells."""
    try:
        with engine.connect() as conn:
            value = conn.execute(select(META.c.value).where(META.c.key == HOLDER_KEY)).scalar_one_or_none()
        holder = json.loads(value) if value else {}
    except (SQLAlchemyError, ValueError):
        holder = {}
    if not isinstance(holder, dict):
        holder = {}  # a note that is not an object says nothing
    task = holder.get("task") if holder.get("task") in ("sync", "import") else "sync"
    try:
        since = datetime.fromisoformat(holder["since"]).strftime("%Y-%m-%d %H:%M:%S UTC")
        who = f"{since}, process {int(holder['pid'])} on {holder['host']}"
    except (ValueError, KeyError, TypeError):
        who = "an unknown time"  # the holder has not written its note yet, or it is unreadable
    return SyncLockedError(
        f"another {task} is running (since {who}); wait for it to finish, or give --wait SECONDS"
    )
