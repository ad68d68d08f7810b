"""Whole syncs against the local stand-in API: full, incremental, interrupted and resumed."""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fakeapi import FakeAPI, Fault
from helpers import dump, quick_rules
from sqlalchemy.engine import Engine

from trialmatch.cache import reads
from trialmatch.cache.store import get_run, open_cache, set_run, unfinished_run
from trialmatch.criteria import parse
from trialmatch.errors import APIForbiddenError, APIUnavailableError
from trialmatch.registry.client import CTGovClient
from trialmatch.registry.query import OPEN_STATUSES
from trialmatch.registry.sync import Progress, sync

pytestmark = pytest.mark.slow

PAGE = 5  # small pages, so a sync takes several of them (36 open shared studies: 8)


def nct(record: dict[str, Any]) -> str:
    return str(record["protocolSection"]["identificationModule"]["nctId"])


def status_of(record: dict[str, Any]) -> str:
    return str(record["protocolSection"]["statusModule"]["overallStatus"])



@pytest.fixture(autouse=True)
def _quick_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "parse_record", quick_rules)
@pytest.fixture
def engine(cache_engine: Engine) -> Engine:
    """Every sync test runs on SQLite and on PostgreSQL (see conftest.cache_url)."""
    return cache_engine


@pytest.fixture
def api(study_records: list[dict[str, Any]]) -> Iterator[FakeAPI]:
    with FakeAPI(copy.deepcopy(study_records)) as server:
        yield server


@pytest.fixture
def client(api: FakeAPI) -> Iterator[CTGovClient]:
    with CTGovClient(base_url=api.url, sleep=lambda s: None, max_attempts=2, timeout=5) as c:
        yield c


@pytest.fixture
def open_ids(study_records: list[dict[str, Any]]) -> set[str]:
    return {nct(r) for r in study_records if status_of(r) in OPEN_STATUSES}


def test_full_sync_caches_every_open_study_and_asks_with_the_status_filter(
    engine: Engine, api: FakeAPI, client: CTGovClient, open_ids: set[str]
) -> None:
    summary = sync(engine, client, page_size=PAGE)
    assert summary.mode == "full" and not summary.resumed
    assert summary.new == len(open_ids) > 2 * PAGE
    assert {t.nct_id for t, _ in reads.load_match_rows(engine)} == open_ids
    first = api.studies_requests[0].params
    assert first["filter.overallStatus"] == "RECRUITING,NOT_YET_RECRUITING,ENROLLING_BY_INVITATION"
    assert reads.stats(engine)["last_sync"] is not None
    assert f"{len(open_ids)} new, 0 updated, 0 unchanged, 0 closed" in summary.line()


def test_an_exactly_full_last_page_ends_on_the_empty_page_that_follows(
    engine: Engine, api: FakeAPI, client: CTGovClient, study_records: list[dict[str, Any]]
) -> None:
    api.set_records([r for r in study_records if status_of(r) in OPEN_STATUSES][:30])
    summary = sync(engine, client, page_size=6)  # 30 open studies = 5 full pages, then a token
    assert summary.new == 30 and summary.pages == 5
    first_search = [r for r in api.studies_requests if "query.term" not in r.params]
    assert len(first_search) == 6, "five full pages and the empty one after the last token"


def test_a_second_sync_is_incremental_and_changes_nothing(
    engine: Engine, api: FakeAPI, client: CTGovClient
) -> None:
    sync(engine, client, page_size=PAGE)
    before = dump(engine)
    summary = sync(engine, client, page_size=PAGE)
    assert summary.mode == "incremental"
    assert (summary.new, summary.updated, summary.closed) == (0, 0, 0)
    assert dump(engine) == before


def test_incremental_sync_asks_by_update_date_without_status_filter_and_applies_closures(
    engine: Engine, api: FakeAPI, client: CTGovClient, study_records: list[dict[str, Any]]
) -> None:
    sync(engine, client, page_size=PAGE)
    records = copy.deepcopy(study_records)
    open_records = [r for r in records if status_of(r) in OPEN_STATUSES]
    closing, renamed = open_records[0], open_records[1]
    closing["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    renamed["protocolSection"]["identificationModule"]["briefTitle"] = "Renamed upstream"
    for r in (closing, renamed):
        r["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2025-12-20", "type": "ACTUAL"}
    api.set_records(records)
    api.requests.clear()
    api.data_timestamp = "2025-12-21T09:00:00"

    summary = sync(engine, client, page_size=PAGE)

    assert (summary.mode, summary.closed, summary.updated, summary.new) == ("incremental", 1, 1, 0)
    asked = api.studies_requests[0].params
    assert asked["filter.advanced"] == "AREA[LastUpdatePostDate]RANGE[2025-12-07,MAX]"
    assert "filter.overallStatus" not in asked
    assert reads.get_trial(engine, nct(closing)).overall_status == "COMPLETED"  # type: ignore[union-attr]
    assert reads.get_trial(engine, nct(renamed)).brief_title == "Renamed upstream"  # type: ignore[union-attr]
    following = sync(engine, client, page_size=PAGE)
    assert api.studies_requests[-1].params["filter.advanced"] == "AREA[LastUpdatePostDate]RANGE[2025-12-19,MAX]"
    assert (following.updated, following.closed) == (0, 0)


def test_a_full_resync_learns_that_a_cached_trial_closed(
    engine: Engine, api: FakeAPI, client: CTGovClient, study_records: list[dict[str, Any]]
) -> None:
    sync(engine, client, page_size=PAGE)
    records = copy.deepcopy(study_records)
    closing = next(r for r in records if status_of(r) == "RECRUITING")
    closing["protocolSection"]["statusModule"]["overallStatus"] = "TERMINATED"
    api.set_records(records)

    summary = sync(engine, client, full=True, page_size=PAGE)

    assert summary.mode == "full" and summary.closed == 1
    assert reads.get_trial(engine, nct(closing)).overall_status == "TERMINATED"  # type: ignore[union-attr]
    assert api.studies_requests[-1].params["filter.ids"] == nct(closing)


class FailingOnPage(httpx.BaseTransport):
    """A transport that loses the connection from the `fail_on`-th /studies request on."""

    def __init__(self, fail_on: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.fail_on = fail_on
        self.studies_requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/studies"):
            self.studies_requests += 1
            if self.studies_requests >= self.fail_on:
                raise httpx.ConnectError("network is unreachable", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_a_network_loss_on_page_3_keeps_two_pages_and_the_next_run_resumes_there(
    engine: Engine, api: FakeAPI, tmp_path: Path, open_ids: set[str]
) -> None:
    with httpx.Client(transport=FailingOnPage(3)) as failing:
        flaky = CTGovClient(client=failing, base_url=api.url, sleep=lambda s: None, max_attempts=2)
        with pytest.raises(APIUnavailableError, match="lost the connection"):
            sync(engine, flaky, page_size=PAGE)
    assert reads.stats(engine)["trials"] == 2 * PAGE
    stopped = unfinished_run(engine)
    assert stopped is not None and stopped.status == "failed" and stopped.cursor and stopped.pages == 2

    api.requests.clear()
    with CTGovClient(base_url=api.url, sleep=lambda s: None) as healthy:
        summary = sync(engine, healthy, page_size=PAGE)
    assert summary.resumed and summary.run_id == stopped.id
    assert api.studies_requests[0].params.get("pageToken"), "resumed from the saved token, not page 1"
    assert summary.new == len(open_ids) and summary.pages == math.ceil(len(open_ids) / PAGE)

    reference = open_cache(str(tmp_path / "reference.db"))
    with CTGovClient(base_url=api.url) as c:
        sync(reference, c, page_size=PAGE)
    assert dump(engine) == dump(reference)


def test_a_saved_token_the_api_no_longer_accepts_restarts_that_search(
    engine: Engine, api: FakeAPI, client: CTGovClient, open_ids: set[str]
) -> None:
    api.add_fault(Fault("status", status=503), times=10)
    with pytest.raises(APIUnavailableError):
        sync(engine, client, page_size=PAGE)
    run = unfinished_run(engine)
    assert run is not None and run.id is not None
    set_run(engine, run.id, cursor="0:expired-token")
    api.clear_faults()
    summary = sync(engine, client, page_size=PAGE)
    assert summary.resumed and summary.new == len(open_ids)


def test_transient_faults_mid_sync_are_absorbed(
    engine: Engine, api: FakeAPI, client: CTGovClient, open_ids: set[str]
) -> None:
    api.add_fault(Fault("status", status=429, retry_after="0"), page=2)
    api.add_fault(Fault("truncate"), page=4)
    assert sync(engine, client, page_size=PAGE).new == len(open_ids)


def test_403_stops_the_sync_with_its_own_error_and_records_it(
    engine: Engine, api: FakeAPI, client: CTGovClient
) -> None:
    api.add_fault(Fault("status", status=403, body="Forbidden"))
    with pytest.raises(APIForbiddenError):
        sync(engine, client, page_size=PAGE)
    run = unfinished_run(engine)
    assert run is not None and "403" in (run.error or "")


def test_a_broken_rule_module_does_not_fail_the_sync(
    engine: Engine, client: CTGovClient, monkeypatch: pytest.MonkeyPatch, open_ids: set[str]
) -> None:
    def broken(record: dict[str, Any]) -> dict[str, Any]:
        raise ZeroDivisionError("half-written rule")

    monkeypatch.setattr(parse, "parse_record", broken)
    assert sync(engine, client, page_size=PAGE).new == len(open_ids)
    assert all(rules == {} for _, rules in reads.load_match_rows(engine))


def test_progress_reports_studies_done_out_of_the_total(
    engine: Engine, client: CTGovClient, open_ids: set[str]
) -> None:
    seen: list[Progress] = []
    sync(engine, client, page_size=PAGE, progress=seen.append)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert seen[-1].done == seen[-1].total == len(open_ids)


def test_a_finished_run_has_no_cursor_and_a_finish_time(engine: Engine, client: CTGovClient) -> None:
    summary = sync(engine, client, page_size=PAGE)
    run = get_run(engine, summary.run_id)
    assert run.status == "ok" and run.cursor is None and run.finished_at is not None
    assert run.data_timestamp == "2025-12-09T09:00:00"

