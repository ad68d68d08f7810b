"""The local trial cache: where it lives, opening it safely, and its schema version.

This module (with write, runs and schema re-exported here) owns all SQL that changes the cache;
trialmatch.cache.reads holds the read-only queries.

`--db` / $TRIALMATCH_DB takes a file path or an SQLAlchemy URL; the default is
data/trialmatch.db under the current directory. SQLite runs in WAL mode with a busy timeout,
so the page can read while a sync writes.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from trialmatch.cache.models import utcnow
from trialmatch.cache.runs import (
    abandon_unfinished,
    get_run,
    last_ok_run,
    open_trials_not_seen_since,
    set_run,
    start_run,
    unfinished_run,
)
from trialmatch.cache.schema import ensure_schema
from trialmatch.cache.write import PageCounts, reparse_outdated, save_page
from trialmatch.errors import CacheError

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "PageCounts",
    "abandon_unfinished",
    "get_run",
    "last_ok_run",
    "open_cache",
    "open_trials_not_seen_since",
    "reparse_outdated",
    "resolve_db_url",
    "save_page",
    "set_run",
    "start_run",
    "unfinished_run",
    "utcnow",
]

log = logging.getLogger(__name__)

DB_ENV = "TRIALMATCH_DB"
DEFAULT_DB = Path("data") / "trialmatch.db"
BUSY_TIMEOUT_MS = 30_000  # wait this long for another writer before failing
CACHE_KIB = 64 * 1024
WAL_CHECKPOINT_PAGES = 10_000


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> str:
    """An SQLAlchemy URL from `db`, else $TRIALMATCH_DB, else data/trialmatch.db (a path or a URL)."""
    value = os.fspath(db) if db is not None else os.environ.get(DB_ENV) or os.fspath(DEFAULT_DB)
    if "://" in value:
        try:
            make_url(value)
        except ArgumentError as exc:
            raise CacheError(f"{value!r} is neither a file path nor a valid database URL") from exc
        return value
    path = Path(value).expanduser()
    if path.is_dir():
        raise CacheError(f"{path} is a folder; --db needs a file path such as {path / 'trialmatch.db'}")
    return f"sqlite:///{path.resolve()}"


def _set_wal(cursor: Any) -> None:
    """WAL mode (in-memory databases answer "memory": fine). Switching a new file to WAL needs an
    exclusive lock and SQLite reports a busy file at once instead of waiting, so two processes
    creating the cache together (two syncs from cron) retry here within the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_pragmas(dbapi_connection: object, connection_record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _set_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed page
        # A full sync writes ~15 KB a trial: a 64 MiB page cache keeps the indexes in memory as the
        # file grows, and checkpointing every ~40 MB instead of every 4 MB halves the copying.
        # Both are caps, not allocations, so memory stays bounded however many trials there are.
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    finally:
        cursor.close()


def _postgres_session(dbapi_connection: object, connection_record: object) -> None:
    """Sessions in UTC: the timestamp columns hold UTC without a zone, as on SQLite, whatever
    the server's or the client machine's time zone."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    try:
        cursor.execute("SET TIME ZONE 'UTC'")
    finally:
        cursor.close()
    dbapi_connection.commit()  # type: ignore[attr-defined]


def _json_dumps(value: Any) -> str:
    """JSON columns via orjson: several times faster than json.dumps on a page of records."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: e.g. an integer wider than 64 bits
        return json.dumps(value, ensure_ascii=False)


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    options: dict[str, Any] = {"json_serializer": _json_dumps, "json_deserializer": orjson.loads}
    if parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True, **options)
        event.listen(engine, "connect", _postgres_session)
        return engine
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **options)
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file::memory:"):
        # One connection shared by every session, or each would see its own empty database.
        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool, **options)
    else:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}, **options
        )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_cache(db: str | os.PathLike[str] | None = None) -> Engine:
    """Open (creating if needed) the cache and bring its schema to the current version.

    Raises CacheError with a one-line explanation if the file is not a database, belongs to a
    newer trialmatch, or cannot be created.
    """
    url = resolve_db_url(db)
    where = make_url(url).database or url
    try:
        engine = _make_engine(url)
        ensure_schema(engine)
    except CacheError:
        raise
    except (SQLAlchemyError, OSError) as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        if make_url(url).get_backend_name() == "sqlite" and _read_only(Path(where)):
            # Not damage: advising to move the file away would send a user to discard good data.
            raise CacheError(
                f"cannot open the cache {where}: it is on a read-only file system or in a read-only folder "
                f"({detail}); make it writable, or give --db a writable place"
            ) from exc
        raise CacheError(
            f"cannot open the cache {where}: {detail}. If the file is damaged, move it away and run "
            "`trialmatch sync` to rebuild it"
        ) from exc
    return engine


def _read_only(path: Path) -> bool:
    """True if SQLite cannot write beside `path`: a read-only mount, or a folder we may not write to."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(folder, os.W_OK)
