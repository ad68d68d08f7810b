"""What a sync remembers per trial for `trialmatch digest` (when its criteria last changed, when it
last opened or closed), counts that add up when both searches return a trial, and the migration
of an older cache."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from digest_records import changed, nct, record
from fakeapi import FakeAPI
from helpers import quick_rules
from sqlalchemy import select
from sqlalchemy.engine import Engine

from trialmatch.cache import schema as cache_schema
from trialmatch.cache.models import Trial
from trialmatch.cache.store import open_cache, save_page, start_run
from trialmatch.criteria import parse
from trialmatch.registry.client import CTGovClient
from trialmatch.registry.sync import sync

TRIALS = Trial.__table__  # type: ignore[attr-defined]
PAGE = 2


@pytest.fixture(autouse=True)
def _quick_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "parse_record", quick_rules)


@pytest.fixture
def engine(cache_engine: Engine) -> Engine:
    return cache_engine


@pytest.fixture
def api() -> Iterator[FakeAPI]:
    with FakeAPI([]) as server:
        yield server


@pytest.fixture
def client(api: FakeAPI) -> Iterator[CTGovClient]:
    with CTGovClient(base_url=api.url, sleep=lambda s: None, max_attempts=2, timeout=5) as c:
        yield c


def times(engine: Engine) -> dict[str, dict[str, Any]]:
    query = select(TRIALS.c.nct_id, TRIALS.c.first_seen, TRIALS.c.criteria_changed_at, TRIALS.c.opened_or_closed_at)
    with engine.connect() as conn:
        return {row.nct_id: row._asdict() for row in conn.execute(query)}


def test_a_trial_both_searches_return_is_counted_once(engine: Engine, api: FakeAPI, client: CTGovClient) -> None:
    # Conditions naming NSCLC and "Solid Tumor": the NSCLC search and the basket search both return them.
    basket = [record(f"NCT0000010{i}", f"NSCLC basket {i}", conditions=("Solid Tumor", "NSCLC")) for i in range(3)]
    api.set_records([*basket, record("NCT00000201", "Lung only"), record("NCT00000202", "Lung only too")])

    first = sync(engine, client, page_size=PAGE)
    again = sync(engine, client, full=True, page_size=PAGE)

    assert len([r for r in api.studies_requests if "query.term" in r.params]) >= 2, "the basket search ran"
    assert "5 new, 0 updated, 0 unchanged, 0 closed, 0 skipped" in first.line()
    assert "0 new, 0 updated, 5 unchanged, 0 closed, 0 skipped" in again.line()


def test_a_closed_trial_never_cached_that_both_searches_return_is_skipped_once(
    engine: Engine, api: FakeAPI, client: CTGovClient
) -> None:
    api.set_records([record("NCT00000201", "Lung")])
    sync(engine, client, page_size=PAGE)
    api.set_records([record("NCT00000201", "Lung"),
                     changed(record("NCT00000101", "NSCLC basket", conditions=("Solid Tumor", "NSCLC")),
                             status="COMPLETED")])
    api.data_timestamp = "2025-12-21T09:00:00"
    summary = sync(engine, client, page_size=PAGE)  # incremental: no status filter, both searches return it
    assert "0 new, 0 updated, 0 unchanged, 0 closed, 1 skipped" in summary.line()


def test_criteria_changes_and_closures_are_dated_other_changes_are_not(
    engine: Engine, api: FakeAPI, client: CTGovClient
) -> None:
    criteria, sites, closing, age = (record(f"NCT0000000{i}", f"Trial {i}") for i in range(1, 5))
    api.set_records([criteria, sites, closing, age])
    sync(engine, client, page_size=PAGE)
    before = times(engine)
    assert all(t["criteria_changed_at"] == t["first_seen"] and t["opened_or_closed_at"] is None
               for t in before.values())

    api.set_records([changed(criteria, criteria="Inclusion Criteria:\n\n* ECOG 0-1"),
                     changed(sites, facility="Another hospital"), changed(closing, status="COMPLETED"),
                     changed(age, max_age="70 Years")])
    api.data_timestamp = "2025-12-21T09:00:00"
    summary = sync(engine, client, page_size=PAGE)
    after = times(engine)

    assert (summary.updated, summary.closed) == (3, 1)
    assert after[nct(criteria)]["criteria_changed_at"] > before[nct(criteria)]["criteria_changed_at"]
    assert after[nct(age)]["criteria_changed_at"] > before[nct(age)]["criteria_changed_at"]
    assert after[nct(sites)]["criteria_changed_at"] == before[nct(sites)]["criteria_changed_at"]
    assert after[nct(closing)]["criteria_changed_at"] == before[nct(closing)]["criteria_changed_at"]
    closed_at = after[nct(closing)]["opened_or_closed_at"]
    assert closed_at is not None and after[nct(criteria)]["opened_or_closed_at"] is None

    reopened = changed(changed(closing, status="COMPLETED"), status="RECRUITING")
    reopened["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2025-12-28"}
    api.set_records([reopened])
    api.data_timestamp = "2025-12-29T09:00:00"
    sync(engine, client, page_size=PAGE)
    assert times(engine)[nct(closing)]["opened_or_closed_at"] > closed_at


def _as_schema_1(path: Path) -> None:
    """Turn a current cache file into what schema 1 wrote: without the columns later migrations add."""
    added = [re.match(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", s) for steps in cache_schema.MIGRATIONS.values()
             for s in steps]
    with sqlite3.connect(path) as conn:
        for m in added:
            if m is not None:
                table, column = m.groups()
                for (index,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                             "AND sql LIKE ?", (table, f"%{column}%")).fetchall():
                    conn.execute(f'DROP INDEX "{index}"')  # SQLite drops no indexed column
                conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")


def test_a_schema_1_cache_is_migrated_and_its_trials_count_as_changed_when_first_seen(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = open_cache(str(path))
    when = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)
    save_page(engine, [record("NCT00000001", "Old"), record("NCT00000002", "Older")],
              start_run(engine, mode="full", now=when), cursor=None, now=when)
    engine.dispose()
    _as_schema_1(path)

    engine = open_cache(str(path))
    migrated = times(engine)
    assert {t["criteria_changed_at"] for t in migrated.values()} == {when}
    assert {t["opened_or_closed_at"] for t in migrated.values()} == {None}
    engine.dispose()
