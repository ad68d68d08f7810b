"""The cache: every shared record loads, pages are atomic, re-saving is a no-op, schema and bad files."""

from __future__ import annotations

import copy
import logging
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers import dump, quick_rules
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from trialmatch.cache import reads
from trialmatch.cache.models import SCHEMA_VERSION
from trialmatch.cache.store import (
    DB_ENV,
    get_run,
    open_cache,
    reparse_outdated,
    resolve_db_url,
    save_page,
    start_run,
)
from trialmatch.criteria import parse
from trialmatch.errors import CacheError


def study(nct: str, status: str = "RECRUITING", **status_extra: Any) -> dict[str, Any]:
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct, "briefTitle": f"Study {nct}"},
            "statusModule": {"overallStatus": status, **status_extra},
            "contactsLocationsModule": {"locations": [{"facility": "Site A", "city": "Boston"}]},
        }
    }


@pytest.fixture
def engine(cache_engine: Engine) -> Engine:
    """Cache tests run on SQLite and on PostgreSQL (see conftest.cache_url)."""
    return cache_engine


@pytest.fixture
def synced_engine(request: pytest.FixtureRequest, cache_url: str, shared_records: list[dict[str, Any]]) -> Engine:
    """Every shared record saved the way a sync saves them: the session's SQLite copy, or saved
    afresh into PostgreSQL."""
    if cache_url.startswith("sqlite"):
        return request.getfixturevalue("synced_engine")  # conftest's copy of a template file
    engine = request.getfixturevalue("cache_engine")
    when = datetime(2025, 12, 10, tzinfo=UTC)
    run = start_run(engine, mode="full", data_timestamp="2025-12-09T09:00:00", now=when)
    save_page(engine, shared_records, run.id, cursor=None, keep_closed=True, now=when)
    return engine


@pytest.fixture
def run_id(engine: Engine) -> int:
    run = start_run(engine, mode="full")
    assert run.id is not None
    return run.id


@pytest.mark.shared
def test_every_shared_record_loads_with_its_sites_and_parsed_criteria(
    synced_engine: Engine, shared_records: list[dict[str, Any]]
) -> None:
    listed = sum(len(r["protocolSection"].get("contactsLocationsModule", {}).get("locations", []))
                 for r in shared_records)
    summary = reads.stats(synced_engine)
    assert (summary["trials"], summary["sites"]) == (100, listed)
    rows = reads.load_match_rows(synced_engine)
    assert len(rows) == 100
    assert all(set(rules) == set(parse.DIMENSIONS) for _, rules in rows)
    assert all(trial.raw == {} for trial, _ in rows), "the matcher's rows must not carry the raw record"


@pytest.mark.shared
def test_saving_the_same_page_again_changes_nothing(
    synced_engine: Engine, shared_records: list[dict[str, Any]]
) -> None:
    before = dump(synced_engine)
    run = start_run(synced_engine, mode="full")
    counts = save_page(synced_engine, shared_records, run, cursor=None, keep_closed=True)
    assert (counts.new, counts.updated, counts.unchanged, counts.closed) == (0, 0, 100, 0)
    assert dump(synced_engine) == before


def test_a_changed_record_replaces_the_old_one_and_keeps_first_seen(engine: Engine, run_id: int) -> None:
    save_page(engine, [study("NCT00000001")], run_id, cursor=None)
    first_seen = reads.get_trial(engine, "NCT00000001").first_seen  # type: ignore[union-attr]
    changed = study("NCT00000001")
    changed["protocolSection"]["contactsLocationsModule"]["locations"].append({"facility": "Site B"})
    counts = save_page(engine, [changed], run_id, cursor=None)
    assert (counts.updated, counts.unchanged) == (1, 0)
    assert [s.facility for s in reads.sites_for(engine, "NCT00000001")] == ["Site A", "Site B"]
    assert reads.get_trial(engine, "NCT00000001").first_seen == first_seen  # type: ignore[union-attr]


def test_a_cached_trial_that_closes_is_counted_closed_and_no_longer_listed_open(engine: Engine, run_id: int) -> None:
    save_page(engine, [study("NCT00000001")], run_id, cursor=None)
    counts = save_page(engine, [study("NCT00000001", "COMPLETED")], run_id, cursor=None)
    assert (counts.closed, counts.updated) == (1, 0)
    assert reads.get_trial(engine, "NCT00000001").overall_status == "COMPLETED"  # type: ignore[union-attr]


def test_a_closed_trial_never_cached_is_skipped_unless_asked_to_keep(engine: Engine, run_id: int) -> None:
    counts = save_page(engine, [study("NCT00000002", "COMPLETED")], run_id, cursor=None)
    assert (counts.new, counts.skipped) == (0, 1)
    assert reads.get_trial(engine, "NCT00000002") is None
    save_page(engine, [study("NCT00000002", "COMPLETED")], run_id, cursor=None, keep_closed=True)
    assert reads.get_trial(engine, "NCT00000002") is not None


def test_the_page_and_the_cursor_are_saved_together(engine: Engine, run_id: int) -> None:
    save_page(engine, [study("NCT00000001"), study("NCT00000002")], run_id, cursor="0:token-2")
    run = get_run(engine, run_id)
    assert (run.cursor, run.pages, run.new) == ("0:token-2", 1, 2)


def test_ctrl_c_in_the_middle_of_a_page_leaves_neither_the_page_nor_the_cursor(
    engine: Engine, run_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_page(engine, [study("NCT00000001")], run_id, cursor="0:token-2")
    before = dump(engine)
    calls = {"n": 0}
    real = parse.parse_record

    def interrupted(record: dict[str, Any]) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(record)

    monkeypatch.setattr(parse, "parse_record", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_page(engine, [study(f"NCT0000001{i}") for i in range(5)], run_id, cursor="0:token-3")
    assert dump(engine) == before
    assert get_run(engine, run_id).cursor == "0:token-2"


def test_a_parser_crash_stores_empty_rules_and_is_retried_by_reparse(
    engine: Engine, run_id: int, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = parse.parse_record

    def broken(record: dict[str, Any]) -> dict[str, Any]:
        if record["protocolSection"]["identificationModule"]["nctId"] == "NCT00000002":
            raise RuntimeError("rule module bug")
        return real(record)

    monkeypatch.setattr(parse, "parse_record", broken)
    with caplog.at_level(logging.WARNING):
        counts = save_page(engine, [study("NCT00000001"), study("NCT00000002")], run_id, cursor=None)
    assert counts.new == 2
    assert "NCT00000002" in caplog.text and "rule module bug" in caplog.text
    rules = dict((t.nct_id, r) for t, r in reads.load_match_rows(engine))
    assert rules["NCT00000002"] == {} and rules["NCT00000001"] != {}
    monkeypatch.setattr(parse, "parse_record", real)
    assert reparse_outdated(engine) == 1
    assert dict((t.nct_id, r) for t, r in reads.load_match_rows(engine))["NCT00000002"] != {}


@pytest.mark.shared
def test_a_new_parser_version_reparses_every_trial_once(
    synced_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse, "PARSER_VERSION", parse.PARSER_VERSION + 1)
    monkeypatch.setattr(parse, "parse_record", quick_rules)
    assert reparse_outdated(synced_engine) == 100
    assert reparse_outdated(synced_engine) == 0
    with synced_engine.connect() as conn:
        versions = set(conn.execute(text("SELECT DISTINCT parser_version FROM parsedcriteria")).scalars())
    assert versions == {parse.PARSER_VERSION}


def test_a_nul_byte_in_registry_text_does_not_fail_the_page(engine: Engine, run_id: int) -> None:
    hostile = study("NCT00000001")
    hostile["protocolSection"]["identificationModule"]["briefTitle"] = "Study\x00 NCT00000001"
    hostile["protocolSection"]["eligibilityModule"] = {"eligibilityCriteria": "Inclusion Criteria:\n* Age\x00 >= 18"}
    counts = save_page(engine, [hostile, study("NCT00000002")], run_id, cursor=None)
    assert counts.new == 2
    trial = reads.get_trial(engine, "NCT00000001")
    assert trial is not None and trial.brief_title.replace("\x00", "") == "Study NCT00000001"
    assert trial.raw == hostile, "the raw record keeps every character"


def test_records_without_an_id_are_skipped_not_fatal(engine: Engine, run_id: int) -> None:
    counts = save_page(engine, [{"protocolSection": {}}, study("NCT00000001")], run_id, cursor=None)
    assert (counts.new, counts.skipped) == (1, 1)


def test_a_file_that_is_not_a_database_gives_a_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    bad = tmp_path / "trialmatch.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CacheError, match=r"cannot open the cache .*trialmatch\.db.*move it away"):
        open_cache(str(bad))
    assert bad.read_bytes() == b"this is not sqlite" * 100


def test_a_cache_from_a_newer_trialmatch_is_refused(cache_url: str) -> None:
    engine = open_cache(cache_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(SCHEMA_VERSION + 1)})
    engine.dispose()
    with pytest.raises(CacheError, match="newer trialmatch"):
        open_cache(cache_url)


def test_a_cache_too_old_to_migrate_is_rebuilt_with_a_warning(
    cache_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    old = create_engine(cache_url)
    with old.begin() as conn:
        conn.execute(text("CREATE TABLE trial (nct_id TEXT PRIMARY KEY, title TEXT)"))
        conn.execute(text("CREATE TABLE site (id INTEGER PRIMARY KEY, nct_id TEXT REFERENCES trial (nct_id))"))
        conn.execute(text("INSERT INTO trial VALUES ('NCT00000001', 'old layout')"))
        conn.execute(text("INSERT INTO site VALUES (1, 'NCT00000001')"))
    old.dispose()
    with caplog.at_level(logging.WARNING):
        engine = open_cache(cache_url)
    assert "rebuilt" in caplog.text and "trialmatch sync" in caplog.text
    assert reads.stats(engine)["trials"] == 0
    engine.dispose()


def test_readers_are_not_blocked_by_a_writer(cache_url: str) -> None:
    writer = open_cache(cache_url)
    run = start_run(writer, mode="full")
    save_page(writer, [study("NCT00000001")], run, cursor=None)
    if writer.dialect.name == "sqlite":
        with writer.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    reader = open_cache(cache_url)
    with writer.begin() as conn:  # an open write transaction...
        conn.execute(text("UPDATE trial SET brief_title = 'being rewritten'"))
        assert reads.get_trial(reader, "NCT00000001").brief_title == "Study NCT00000001"  # type: ignore[union-attr]
        assert reads.stats(reader)["trials"] == 1
    writer.dispose()
    reader.dispose()


def test_many_processes_opening_a_new_cache_at_once_all_get_one_schema(cache_url: str) -> None:
    """A team's page workers and the scheduled sync may all start against an empty database."""
    errors: list[BaseException] = []
    engines: list[Engine] = []
    start = threading.Barrier(6)

    def open_one() -> None:
        start.wait()
        try:
            engines.append(open_cache(cache_url))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    with engines[0].connect() as conn:
        versions = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalars().all()
    assert versions == [str(SCHEMA_VERSION)]
    for e in engines:
        e.dispose()


@pytest.mark.parametrize(
    ("db", "expected"),
    [
        ("sqlite:///tmp/x.db", "sqlite:///tmp/x.db"),
        ("postgresql://u@h/trials", "postgresql://u@h/trials"),
        ("cache/my.db", "sqlite:///{cwd}/cache/my.db"),
        (None, "sqlite:///{cwd}/data/trialmatch.db"),
    ],
    ids=["sqlite-url", "postgres-url", "relative-path", "default-under-current-directory"],
)
def test_db_option_takes_a_path_or_an_sqlalchemy_url(
    db: str | None, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(DB_ENV, raising=False)
    assert resolve_db_url(db) == expected.format(cwd=tmp_path.resolve())


def test_the_environment_variable_names_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.db"))
    assert resolve_db_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_db_url("other.db") != resolve_db_url()


def test_a_folder_is_not_a_cache_file(tmp_path: Path) -> None:
    with pytest.raises(CacheError, match="is a folder"):
        resolve_db_url(str(tmp_path))


def test_in_memory_caches_work_across_connections() -> None:
    engine = open_cache("sqlite://")
    run = start_run(engine, mode="full")
    save_page(engine, [study("NCT00000001")], run, cursor=None)
    assert reads.stats(engine)["trials"] == 1


@pytest.mark.shared
def test_stats_and_reads_for_the_page(synced_engine: Engine, shared_records: list[dict[str, Any]]) -> None:
    summary = reads.stats(synced_engine)
    assert sum(summary["by_status"].values()) == 100
    assert summary["by_status"]["RECRUITING"] == 26
    assert summary["last_sync"] is None, "the fixture's run never finished"
    nct = shared_records[0]["protocolSection"]["identificationModule"]["nctId"]
    trial = reads.get_trial(synced_engine, nct.lower())
    assert trial is not None and trial.raw == shared_records[0]
    assert reads.get_trial(synced_engine, "NCT99999999") is None
    assert sum(len(v) for v in reads.all_sites(synced_engine).values()) == summary["sites"]


def test_a_changed_record_does_not_touch_other_trials(engine: Engine, run_id: int) -> None:
    save_page(engine, [study("NCT00000001"), study("NCT00000002")], run_id, cursor=None)
    before = dump(engine)
    changed = copy.deepcopy(study("NCT00000002"))
    changed["protocolSection"]["identificationModule"]["briefTitle"] = "Renamed"
    save_page(engine, [changed], run_id, cursor=None)
    after = dump(engine)
    assert after["trials"][0] == before["trials"][0] and after["trials"][1] != before["trials"][1]


def _raw_rows(path: Path, table: str, order: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
        return conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}").fetchall()


def test_the_fast_sqlite_insert_stores_exactly_what_sqlalchemy_would(
    tmp_path: Path, study_records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from trialmatch.cache import write as cache_write

    when = datetime(2025, 12, 10, 8, 30, 15, 123456, tzinfo=UTC)
    monkeypatch.setattr(parse, "parse_record", quick_rules)
    for name, fast in (("fast.db", True), ("core.db", False)):
        monkeypatch.setattr(cache_write, "FAST_SQLITE_INSERTS", fast)
        engine = open_cache(str(tmp_path / name))
        save_page(engine, study_records, start_run(engine, mode="full", now=when), cursor=None,
                  keep_closed=True, now=when)
        engine.dispose()
    for table, order in (("trial", "nct_id"), ("site", "nct_id, id"), ("parsedcriteria", "nct_id")):
        fast_rows = _raw_rows(tmp_path / "fast.db", table, order)
        assert fast_rows, table
        assert fast_rows == _raw_rows(tmp_path / "core.db", table, order), table
    engine = open_cache(str(tmp_path / "fast.db"))
    trial = reads.load_match_rows(engine)[0][0]
    assert trial.first_seen == when and isinstance(trial.phases, list)
