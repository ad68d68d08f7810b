"""A cache written by an older trialmatch: migrated when a migration exists, else rebuilt with a
clear message (it is a copy of public data: a sync restores it); never a crash or a traceback.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from trialmatch.cache import reads
from trialmatch.cache import schema as cache_schema
from trialmatch.cache.models import SCHEMA_VERSION
from trialmatch.cache.store import open_cache, save_page, start_run
from trialmatch.cli import main
from trialmatch.errors import CacheError

ROOT = Path(__file__).resolve().parents[1]


def record(n: int) -> dict[str, object]:
    return {"protocolSection": {
        "identificationModule": {"nctId": f"NCT{n:08d}", "briefTitle": f"Study {n}"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "contactsLocationsModule": {"locations": [{"facility": "Site A", "city": "Boston"}]},
    }}


def current_cache(path: Path, trials: int = 2) -> None:
    engine = open_cache(str(path))
    save_page(engine, [record(n) for n in range(1, trials + 1)], start_run(engine, mode="full"), cursor=None)
    engine.dispose()


def pre_versioning_cache(path: Path) -> None:
    """A cache from before the schema was versioned: other columns, no meta table."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE trial (nct_id TEXT PRIMARY KEY, title TEXT, raw TEXT)")
        conn.execute("CREATE TABLE site (id INTEGER PRIMARY KEY, nct_id TEXT, name TEXT)")
        conn.execute("INSERT INTO trial VALUES ('NCT00000001', 'old layout', '{}')")


def cache_missing_a_column(path: Path) -> None:
    """Stamped with today's version, but written before a column was added without a version bump."""
    current_cache(path)
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE trial DROP COLUMN acronym")


def version_of(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])


def cli(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("make", [pre_versioning_cache, cache_missing_a_column],
                         ids=["pre-versioning-layout", "same-version-but-a-column-missing"])
def test_an_outdated_cache_is_rebuilt_with_a_message_and_then_works(
    tmp_path: Path, make: object, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.db"
    make(path)  # type: ignore[operator]
    with caplog.at_level(logging.WARNING, logger="trialmatch"):
        engine = open_cache(str(path))
    assert "rebuilt empty" in caplog.text and "run `trialmatch sync`" in caplog.text
    assert reads.stats(engine)["trials"] == 0
    save_page(engine, [record(7)], start_run(engine, mode="full"), cursor=None)
    assert reads.get_trial(engine, "NCT00000007") is not None
    assert version_of(path) == str(SCHEMA_VERSION)
    engine.dispose()


@pytest.mark.parametrize("command", [["stats"], ["stats", "--json"], ["show", "NCT00000001"]],
                         ids=["stats", "stats-json", "show"])
def test_the_cli_on_an_outdated_cache_says_what_happened_without_a_traceback(
    tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "old.db"
    cache_missing_a_column(path)
    result = cli(*command, "--db", str(path))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if command[0] == "stats":
        assert result.exit_code == 0
        if "--json" in command:
            assert json.loads(result.stdout)["trials"] == 0
    else:
        assert result.exit_code == 1 and "not in the cache: run `trialmatch sync`" in result.stderr


def test_the_page_on_an_outdated_cache_asks_for_a_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    pre_versioning_cache(path)
    monkeypatch.setenv("TRIALMATCH_DB", str(path))
    monkeypatch.setenv("TRIALMATCH_API_URL", "http://127.0.0.1:9")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert not at.exception and not at.error
    assert "No trials are saved on this computer yet" in at.info[0].value


# -- migrations: applied in one transaction, or not at all ---------------------------------------------

def upgrade_trialmatch(monkeypatch: pytest.MonkeyPatch, migrations: list[str], steps: int = 1) -> int:
    """Pretend this trialmatch is `steps` schema versions newer than the caches written so far."""
    monkeypatch.setattr(cache_schema, "SCHEMA_VERSION", SCHEMA_VERSION + steps)
    monkeypatch.setattr(cache_schema, "MIGRATIONS", {SCHEMA_VERSION: migrations})
    return SCHEMA_VERSION + steps


def test_a_migration_keeps_the_data_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "c.db"
    current_cache(path, trials=3)
    next_version = upgrade_trialmatch(monkeypatch, ["ALTER TABLE trial ADD COLUMN note TEXT"])
    with caplog.at_level(logging.WARNING, logger="trialmatch"):
        engine = open_cache(str(path))
    assert f"migrated the cache {path} from schema {SCHEMA_VERSION} to {next_version}" in caplog.text
    assert reads.stats(engine)["trials"] == 3 and version_of(path) == str(next_version)
    with sqlite3.connect(path) as conn:
        assert "note" in [row[1] for row in conn.execute("PRAGMA table_info(trial)")]
    engine.dispose()


def test_a_migration_that_fails_half_way_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.db"
    current_cache(path, trials=3)
    upgrade_trialmatch(monkeypatch, [
        "ALTER TABLE trial ADD COLUMN note TEXT", "UPDATE trial SET note = 'x'", "ALTER TABLE nowhere ADD COLUMN y",
    ])
    with pytest.raises(CacheError, match=r"cannot open the cache .*no such table: nowhere"):
        open_cache(str(path))
    assert version_of(path) == str(SCHEMA_VERSION)
    with sqlite3.connect(path) as conn:
        assert "note" not in [row[1] for row in conn.execute("PRAGMA table_info(trial)")]
        assert conn.execute("SELECT count(*) FROM trial").fetchone()[0] == 3


def test_a_gap_in_the_migrations_rebuilds_rather_than_half_migrating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "c.db"
    current_cache(path)
    upgrade_trialmatch(monkeypatch, ["ALTER TABLE trial ADD COLUMN note TEXT"], steps=2)
    with caplog.at_level(logging.WARNING, logger="trialmatch"):
        engine: Engine = open_cache(str(path))
    assert "cannot migrate it: rebuilt empty" in caplog.text
    assert reads.stats(engine)["trials"] == 0 and version_of(path) == str(SCHEMA_VERSION + 2)
    engine.dispose()
