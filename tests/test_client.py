"""The API client: paging, retries and the error each failure becomes (respx; no network)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from fakeapi import FakeAPI, Fault

from trialmatch.errors import APIForbiddenError, APIRequestError, APIResponseError, APIUnavailableError
from trialmatch.registry.client import API_URL_ENV, DEFAULT_BASE_URL, USER_AGENT, CTGovClient, parse_retry_after
from trialmatch.registry.query import FIELDS, OPEN_STATUSES, date_filter, ids_query, study_queries

BASE = "https://ctgov.test/api/v2"
STUDIES = f"{BASE}/studies"


def study(n: int) -> dict[str, Any]:
    return {"protocolSection": {"identificationModule": {"nctId": f"NCT{n:08d}"}}}


def page(*ids: int, token: str | None = None, total: int | None = None) -> httpx.Response:
    body: dict[str, Any] = {"studies": [study(i) for i in ids]}
    if token:
        body["nextPageToken"] = token
    if total is not None:
        body["totalCount"] = total
    return httpx.Response(200, json=body)


class Sleeps(list[float]):
    """Records what backoff would have slept, so tests do not wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(sleeps: Sleeps) -> CTGovClient:
    with CTGovClient(base_url=BASE, sleep=sleeps, max_attempts=4) as c:
        yield c


def ids_of(pages: list[Any]) -> list[str]:
    return [s["protocolSection"]["identificationModule"]["nctId"] for p in pages for s in p.studies]


@pytest.mark.respx(base_url=BASE, assert_all_called=True)
def test_pages_are_followed_until_a_page_has_no_token(respx_mock: respx.MockRouter, client: CTGovClient) -> None:
    route = respx_mock.get("/studies")
    route.side_effect = [page(1, 2, token="t2", total=3), page(3)]
    pages = list(client.iter_pages({"query.cond": "NSCLC"}))
    assert ids_of(pages) == ["NCT00000001", "NCT00000002", "NCT00000003"]
    assert pages[0].total_count == 3
    second = route.calls[1].request.url.params
    assert second["pageToken"] == "t2" and second["query.cond"] == "NSCLC"


@pytest.mark.respx(base_url=BASE)
def test_exactly_full_last_page_token_leads_to_an_empty_page_that_ends_the_walk(
    respx_mock: respx.MockRouter, client: CTGovClient
) -> None:
    route = respx_mock.get("/studies")
    route.side_effect = [page(1, 2, token="t2"), page(3, 4, token="t3"), page()]
    pages = list(client.iter_pages({"pageSize": "2"}))
    assert ids_of(pages) == ["NCT00000001", "NCT00000002", "NCT00000003", "NCT00000004"]
    assert route.call_count == 3


@pytest.mark.respx(base_url=BASE)
def test_a_walk_can_start_from_a_saved_token(respx_mock: respx.MockRouter, client: CTGovClient) -> None:
    route = respx_mock.get("/studies", params={"pageToken": "t5"}).mock(return_value=page(9))
    assert ids_of(list(client.iter_pages({}, page_token="t5"))) == ["NCT00000009"]
    assert route.called


@pytest.mark.respx(base_url=BASE)
def test_429_then_200_waits_as_long_as_retry_after_says(
    respx_mock: respx.MockRouter, client: CTGovClient, sleeps: Sleeps
) -> None:
    respx_mock.get("/studies").side_effect = [httpx.Response(429, headers={"Retry-After": "7"}), page(1)]
    assert ids_of([client.fetch_page({})]) == ["NCT00000001"]
    assert sleeps == [7.0]


@pytest.mark.respx(base_url=BASE)
def test_429_without_retry_after_backs_off_exponentially_with_jitter(
    respx_mock: respx.MockRouter, client: CTGovClient, sleeps: Sleeps
) -> None:
    respx_mock.get("/studies").side_effect = [httpx.Response(429)] * 3 + [page(1)]
    client.fetch_page({})
    assert len(sleeps) == 3
    for attempt, slept in enumerate(sleeps):
        assert 0.75 * 2**attempt <= slept <= 1.25 * 2**attempt


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(503, text="Service Unavailable"),
        httpx.Response(502),
        httpx.ReadTimeout("read timed out"),
        httpx.ConnectTimeout("connect timed out"),
        httpx.ConnectError("connection refused"),
        httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
    ],
    ids=["503", "502", "read-timeout", "connect-timeout", "connection-refused", "dropped-mid-body"],
)
@pytest.mark.respx(base_url=BASE)
def test_transient_failures_are_retried_then_succeed(
    respx_mock: respx.MockRouter, client: CTGovClient, sleeps: Sleeps, failure: Any
) -> None:
    respx_mock.get("/studies").side_effect = [failure, failure, page(1)]
    assert ids_of([client.fetch_page({})]) == ["NCT00000001"]
    assert len(sleeps) == 2


@pytest.mark.respx(base_url=BASE)
def test_persistent_503_gives_up_after_the_attempt_budget_with_a_clear_error(
    respx_mock: respx.MockRouter, client: CTGovClient, sleeps: Sleeps
) -> None:
    route = respx_mock.get("/studies").mock(return_value=httpx.Response(503))
    with pytest.raises(APIUnavailableError, match=r"HTTP 503 \(after 4 attempts\)"):
        client.fetch_page({})
    assert route.call_count == 4 and len(sleeps) == 3


@pytest.mark.respx(base_url=BASE)
def test_persistent_timeouts_become_api_unavailable(respx_mock: respx.MockRouter, client: CTGovClient) -> None:
    respx_mock.get("/studies").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(APIUnavailableError, match="timed out"):
        client.fetch_page({})


@pytest.mark.respx(base_url=BASE)
def test_400_keeps_the_apis_plain_text_message_and_is_not_retried(
    respx_mock: respx.MockRouter, client: CTGovClient, sleeps: Sleeps
) -> None:
    route = respx_mock.get("/studies").mock(
        return_value=httpx.Response(400, text="`filter.phase` is unknown parameter")
    )
    with pytest.raises(APIRequestError, match="`filter.phase` is unknown parameter"):
        client.fetch_page({"filter.phase": "PHASE3"})
    assert route.call_count == 1 and sleeps == []


@pytest.mark.respx(base_url=BASE)
def test_403_is_its_own_error_and_is_not_retried(
    respx_mock: respx.MockRouter, client: CTGovClient, sleeps: Sleeps
) -> None:
    route = respx_mock.get("/studies").mock(return_value=httpx.Response(403, text="Forbidden"))
    with pytest.raises(APIForbiddenError, match="HTTP 403.*Forbidden"):
        client.fetch_page({})
    assert route.call_count == 1 and sleeps == []


@pytest.mark.respx(base_url=BASE)
def test_truncated_json_body_is_retried_then_reported_as_a_bad_response(
    respx_mock: respx.MockRouter, client: CTGovClient
) -> None:
    body = json.dumps({"studies": [study(1), study(2)], "nextPageToken": "x"})
    respx_mock.get("/studies").mock(return_value=httpx.Response(200, content=body[:40].encode()))
    with pytest.raises(APIResponseError, match="not valid JSON"):
        client.fetch_page({})


@pytest.mark.respx(base_url=BASE)
def test_truncated_json_once_then_a_good_page_succeeds(respx_mock: respx.MockRouter, client: CTGovClient) -> None:
    respx_mock.get("/studies").side_effect = [httpx.Response(200, content=b'{"studies": [{"pro'), page(4)]
    assert ids_of([client.fetch_page({})]) == ["NCT00000004"]


@pytest.mark.parametrize(
    "body",
    [b"[1, 2]", b'{"studies": "none"}', b'"text"'],
    ids=["a-list", "studies-not-a-list", "a-string"],
)
@pytest.mark.respx(base_url=BASE)
def test_json_of_the_wrong_shape_is_a_bad_response(
    respx_mock: respx.MockRouter, client: CTGovClient, body: bytes
) -> None:
    respx_mock.get("/studies").mock(return_value=httpx.Response(200, content=body))
    with pytest.raises(APIResponseError, match="did not return a page of studies"):
        client.fetch_page({})


@pytest.mark.respx(base_url=BASE)
def test_version_reads_the_data_timestamp(respx_mock: respx.MockRouter, client: CTGovClient) -> None:
    respx_mock.get("/version").mock(
        return_value=httpx.Response(200, json={"apiVersion": "2.0.5", "dataTimestamp": "2025-12-09T09:00:00"})
    )
    assert client.version()["dataTimestamp"] == "2025-12-09T09:00:00"


def test_base_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(API_URL_ENV, "http://127.0.0.1:9/api/v2/")
    with CTGovClient() as c:
        assert c.base_url == "http://127.0.0.1:9/api/v2"
    monkeypatch.delenv(API_URL_ENV)
    with CTGovClient() as c:
        assert c.base_url == DEFAULT_BASE_URL
    with CTGovClient(base_url="http://x.test/v2") as c:
        assert c.base_url == "http://x.test/v2"


@pytest.mark.respx(base_url=BASE)
def test_requests_say_who_we_are(respx_mock: respx.MockRouter, client: CTGovClient) -> None:
    route = respx_mock.get("/studies").mock(return_value=page(1))
    client.fetch_page({})
    assert route.calls[0].request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("trialmatch/")


def test_an_injected_httpx_client_is_used_and_left_open() -> None:
    transport = httpx.MockTransport(lambda request: page(5))
    injected = httpx.Client(transport=transport)
    with CTGovClient(client=injected, base_url=BASE) as c:
        assert ids_of([c.fetch_page({})]) == ["NCT00000005"]
    assert not injected.is_closed
    injected.close()


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("12", 12.0), ("0", 0.0), ("soon", None), ("", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 30.0)],
    ids=["delta-seconds", "zero", "junk-is-ignored", "empty", "http-date"],
)
def test_retry_after_header_forms(header: str, seconds: float | None) -> None:
    now = 1445412450.0  # 30 s before the HTTP date above
    assert parse_retry_after(header, now=now) == seconds


def test_full_query_asks_for_open_nsclc_studies_and_only_the_stored_fields() -> None:
    plan = study_queries()
    assert len(plan) == 2
    nsclc, basket = plan
    assert "NSCLC" in nsclc["query.cond"] and '"non-small cell lung cancer"' in nsclc["query.cond"]
    assert '"solid tumor"' in basket["query.cond"] and "NSCLC" in basket["query.term"]
    for params in plan:
        assert params["filter.overallStatus"].split(",") == list(OPEN_STATUSES)
        assert params["fields"].split(",") == list(FIELDS)
        assert params["pageSize"] == "1000"
        assert "filter.advanced" not in params


def test_incremental_query_filters_on_update_date_and_not_on_status() -> None:
    for params in study_queries("2025-12-01"):
        assert params["filter.advanced"] == "AREA[LastUpdatePostDate]RANGE[2025-12-01,MAX]"
        assert "filter.overallStatus" not in params
    assert date_filter("2024-01-31") == "AREA[LastUpdatePostDate]RANGE[2024-01-31,MAX]"


def test_ids_query_has_no_status_filter() -> None:
    params = ids_query(["NCT00000001", "NCT00000002"])
    assert params["filter.ids"] == "NCT00000001,NCT00000002" and "filter.overallStatus" not in params


@pytest.mark.slow
@pytest.mark.parametrize(
    "fault",
    [
        Fault("status", status=429, retry_after="0"),
        Fault("status", status=429),
        Fault("status", status=503),
        Fault("truncate"),
        Fault("bad_json"),
        Fault("reset"),
    ],
    ids=["429-retry-after", "429-bare", "503", "connection-dropped-mid-body", "cut-json", "reset"],
)
def test_real_sockets_recover_from_each_fault_on_the_second_page(fault: Fault) -> None:
    records = [study(i) for i in range(1, 6)]
    sleeps = Sleeps()
    with FakeAPI(records) as api, CTGovClient(base_url=api.url, sleep=sleeps, timeout=5) as client:
        api.add_fault(fault, page=2)
        pages = list(client.iter_pages({"pageSize": "2"}))
    assert ids_of(pages) == [f"NCT{i:08d}" for i in range(1, 6)]
    assert len(sleeps) == 1


@pytest.mark.slow
def test_a_slow_server_times_out_and_the_retry_succeeds() -> None:
    with FakeAPI([study(1)]) as api, CTGovClient(base_url=api.url, sleep=Sleeps(), timeout=0.3) as client:
        api.add_fault(Fault("slow", delay=1.0))
        assert ids_of([client.fetch_page({})]) == ["NCT00000001"]


@pytest.mark.slow
def test_the_stand_in_rejects_unknown_parameters_like_the_real_api() -> None:
    with FakeAPI([study(1)]) as api, CTGovClient(base_url=api.url, sleep=Sleeps()) as client:
        with pytest.raises(APIRequestError, match="`filter.phase` is unknown parameter"):
            client.fetch_page({"filter.phase": "PHASE3"})
        with pytest.raises(APIRequestError, match="invalid field name: 'LocationList'"):
            client.fetch_page({"fields": "NCTId,LocationList"})
