"""Shared fixtures: the real study records beside the repo, and caches built from them."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

SHARED_ENV = "TRIALMATCH_SHARED"


def shared_path() -> Path:
    """Where the shared material lives: $TRIALMATCH_SHARED, else ../shared beside the repo."""
    override = os.environ.get(SHARED_ENV)
    return Path(override) if override else Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session", autouse=True)
def _default_cache_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Anything in the run that falls back to the default cache gets a temporary file, never data/trialmatch.db in
    the checkout (where a user's real cache lives) nor a cache named by the user's own $TRIALMATCH_DB. A full run
    used to leave an empty data/trialmatch.db behind. Tests that set TRIALMATCH_DB themselves still win."""
    previous = os.environ.get("TRIALMATCH_DB")
    os.environ["TRIALMATCH_DB"] = str(tmp_path_factory.mktemp("default-cache") / "trialmatch.db")
    yield
    if previous is None:
        os.environ.pop("TRIALMATCH_DB", None)
    else:
        os.environ["TRIALMATCH_DB"] = previous


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder; tests that need it are skipped when it is absent."""
    folder = shared_path()
    if not (folder / "ctgov" / "studies").is_dir():
        pytest.skip(f"shared material not found at {folder} (set {SHARED_ENV})")
    return folder


@pytest.fixture(scope="session")
def shared_records(shared_dir: Path) -> list[dict[str, Any]]:
    """The 100 real API v2 study records, in NCT id order."""
    files = sorted((shared_dir / "ctgov" / "studies").glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


@pytest.fixture(scope="session")
def study_records() -> list[dict[str, Any]]:
    """The shared records when present, else made-up ones of the same shape: sync and CLI tests
    (interrupts included) then run on a bare clone too."""
    folder = shared_path() / "ctgov" / "studies"
    if folder.is_dir():
        return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    from fakeapi import synthetic_records

    return synthetic_records(100)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """An empty cache in a temporary SQLite file (a file, so WAL and several connections behave as in use)."""
    from trialmatch.cache.store import open_cache

    eng = open_cache(str(tmp_path / "cache.db"))
    yield eng
    eng.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def cache_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty cache as a URL: an SQLite file, then a private schema in the PostgreSQL database
    of $TRIALMATCH_TEST_PG_URL (skipped when unset). Cache and sync tests run on both."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cache.db'}"
        return
    from pgtest import pg_schema_url

    with pg_schema_url() as url:
        yield url


@pytest.fixture
def cache_engine(cache_url: str) -> Iterator[Engine]:
    """An empty cache on each backend (see cache_url)."""
    from trialmatch.cache.store import open_cache

    eng = open_cache(cache_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def _synced_template(tmp_path_factory: pytest.TempPathFactory, shared_records: list[dict[str, Any]]) -> Path:
    """A cache file holding every shared record, built (and criteria parsed) once per session."""
    from trialmatch.cache.store import open_cache, save_page, start_run

    path = tmp_path_factory.mktemp("synced") / "template.db"
    when = datetime(2025, 12, 10, tzinfo=UTC)
    engine = open_cache(str(path))
    run = start_run(engine, mode="full", data_timestamp="2025-12-09T09:00:00", now=when)
    save_page(engine, shared_records, run.id, cursor=None, keep_closed=True, now=when)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, to copy it
    engine.dispose()
    return path


@pytest.fixture
def synced_engine(_synced_template: Path, tmp_path: Path) -> Iterator[Engine]:
    """A cache holding every shared record, saved the way a sync saves them (a fresh copy per test)."""
    from trialmatch.cache.store import open_cache

    copy = tmp_path / "synced.db"
    shutil.copyfile(_synced_template, copy)
    eng = open_cache(str(copy))
    yield eng
    eng.dispose()

