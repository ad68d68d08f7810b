"""The cache's schema version: create, migrate or rebuild the tables, one process at a time.

Several processes may open a new cache at once (a team's page workers, a scheduled sync): the
check-and-create runs inside a lock on the database itself (BEGIN IMMEDIATE on SQLite, a
transaction-scoped advisory lock on PostgreSQL), so only one of them creates the tables.
"""

from __future__ import annotations

import hashlib
import logging

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from trialmatch.cache.models import SCHEMA_VERSION, Meta
from trialmatch.errors import CacheError

log = logging.getLogger("trialmatch.cache")

SCHEMA_KEY = "schema_version"
META = Meta.__table__  # type: ignore[attr-defined]
PG_SCHEMA_LOCK = int.from_bytes(hashlib.sha256(b"trialmatch schema").digest()[:8], "big", signed=True)

# Migrations from version N to N+1, applied in order. A cache older than the oldest migration,
# or with a gap, is rebuilt: it is a copy of public data, so a re-sync restores it.
MIGRATIONS: dict[int, list[str]] = {
    # 1 -> 2: when a trial's criteria last changed (unknown before: its first sighting) and when
    # it last opened or closed (unknown before: none). TIMESTAMPTZ is what the models' aware
    # datetimes are on PostgreSQL; SQLite takes any type name.
    1: [
        "ALTER TABLE trial ADD COLUMN criteria_changed_at TIMESTAMPTZ",
        "ALTER TABLE trial ADD COLUMN opened_or_closed_at TIMESTAMPTZ",
        "UPDATE trial SET criteria_changed_at = first_seen",
    ],
    # 2 -> 3: what kind of study each trial is; filled from the stored raw records by
    # trialmatch.cache.kind_refresh on the next load or import (until then "kind not stated").
    2: [
        "ALTER TABLE trial ADD COLUMN primary_purpose VARCHAR",
        "ALTER TABLE trial ADD COLUMN observational_model VARCHAR",
        "ALTER TABLE trial ADD COLUMN intervention_types JSON",
        "ALTER TABLE trial ADD COLUMN study_kind VARCHAR",
        "ALTER TABLE trial ADD COLUMN disease_scope VARCHAR",
        "CREATE INDEX IF NOT EXISTS ix_trial_study_kind ON trial (study_kind)",
        # sites saved without coordinates are placed from their city on the next load (site_places)
        "INSERT INTO meta (key, value) VALUES ('sites_to_place', '1')",
    ],
}


def ensure_schema(engine: Engine) -> None:
    """Bring the cache's tables to SCHEMA_VERSION; CacheError if a newer trialmatch wrote it."""
    with engine.connect() as conn:
        if _is_current(conn):
            return  # the usual case, answered without taking any lock
    with engine.connect() as conn:
        _lock_schema(conn)
        _upgrade(conn)
        conn.commit()


def _is_current(conn: Connection) -> bool:
    tables = set(inspect(conn).get_table_names())
    return (_stored_version(conn, tables) == SCHEMA_VERSION and set(SQLModel.metadata.tables) <= tables
            and not _missing_columns(conn, tables))


def _missing_columns(conn: Connection, tables: set[str]) -> list[str]:
    """Columns of the models that the cache's tables lack ("trial.acronym"): a column added to a model
    without a version bump would otherwise fail every query with "no such column"."""
    inspector = inspect(conn)
    missing: list[str] = []
    for name, table in SQLModel.metadata.tables.items():
        if name in tables:
            have = {column["name"] for column in inspector.get_columns(name)}
            missing += [f"{name}.{column.name}" for column in table.columns if column.name not in have]
    return missing


def _lock_schema(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, held until commit
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_SCHEMA_LOCK})")  # released at commit


def _stored_version(conn: Connection, tables: set[str]) -> int | None:
    """The schema version written in the cache; None for an empty database; 0 if unknown."""
    if not tables:
        return None
    if "meta" not in tables:
        return 0
    value = conn.execute(select(META.c.value).where(META.c.key == SCHEMA_KEY)).scalar_one_or_none()
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0


def _write_version(conn: Connection) -> None:
    conn.execute(META.delete().where(META.c.key == SCHEMA_KEY))
    conn.execute(META.insert().values(key=SCHEMA_KEY, value=str(SCHEMA_VERSION)))


def _upgrade(conn: Connection) -> None:
    tables = set(inspect(conn).get_table_names())
    version = _stored_version(conn, tables)
    if version is None:
        SQLModel.metadata.create_all(conn)
        _write_version(conn)
        return
    where = conn.engine.url.database or conn.engine.url.render_as_string(hide_password=True)
    if version == SCHEMA_VERSION:
        missing = _missing_columns(conn, tables)
        if not missing:
            SQLModel.metadata.create_all(conn)  # tables added without a version bump
            return
        log.warning("the cache %s lacks column(s) %s that this trialmatch needs: rebuilt empty; "
                    "run `trialmatch sync` to fill it again", where, ", ".join(missing))
        _rebuild(conn)
        return
    if version > SCHEMA_VERSION:
        raise CacheError(
            f"the cache {where} was written by a newer trialmatch (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade trialmatch or use another --db"
        )
    steps = [MIGRATIONS.get(v) for v in range(version, SCHEMA_VERSION)]
    if version > 0 and all(step is not None for step in steps):
        for step in steps:
            for statement in step or []:
                conn.execute(text(statement))
        SQLModel.metadata.create_all(conn)
        _write_version(conn)
        log.warning("migrated the cache %s from schema %d to %d", where, version, SCHEMA_VERSION)
        return
    log.warning(
        "the cache %s has schema %d, this trialmatch needs %d and cannot migrate it: rebuilt empty; "
        "run `trialmatch sync` to fill it again", where, version, SCHEMA_VERSION,
    )
    _rebuild(conn)


def _rebuild(conn: Connection) -> None:
    """Drop every table and create the current schema."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # drop in any order within this transaction
        cascade = ""
    else:
        cascade = " CASCADE"
    for table in inspect(conn).get_table_names():
        conn.execute(text(f'DROP TABLE IF EXISTS "{table}"{cascade}'))
    SQLModel.metadata.create_all(conn)
    _write_version(conn)
