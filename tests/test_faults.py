"""Faults the API can throw at a sync, injected for real on a local stand-in (127.0.0.1).

Each fault: the sync retries (or skips the bad record) and says why in a logged line, the cache
holds every good record, and when the fault outlasts the retry budget a later run completes the
cache so that it equals an uninterrupted sync. Backoff waits are recorded, never slept.
"""

from __future__ import annotations

import base64
import copy
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fakeapi import FakeAPI, Fault
from helpers import dump, quick_rules
from sqlalchemy.engine import Engine

from trialmatch.cache import reads
from trialmatch.cache.store import open_cache, unfinished_run
from trialmatch.criteria import parse
from trialmatch.errors import APIError, APIResponseError, APIUnavailableError
from trialmatch.registry.client import CTGovClient
from trialmatch.registry.query import OPEN_STATUSES
from trialmatch.registry.sync import sync

pytestmark = pytest.mark.slow  # real sockets

PAGE = 5
REAL_PARSE_RECORD = parse.parse_record  # before the quick stand-in replaces it in each test
ATTEMPTS = 4
Tamper = Callable[[dict[str, Any]], dict[str, Any]]


def nct(record: dict[str, Any]) -> str:
    return str(record["protocolSection"]["identificationModule"]["nctId"])


class Sleeps(list[float]):
    """What backoff would have waited: recorded so the tests never wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


class TamperingAPI(FakeAPI):
    """The stand-in, able to rewrite a /studies page's JSON body (once, or every time it is served)."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        super().__init__(records)
        self.tampers: dict[int, Tamper] = {}  # page number -> rewrite, used once
        self.always: dict[int, Tamper] = {}  # page number -> rewrite, used every time

    def studies_body(self, params: dict[str, str]) -> tuple[int, bytes, int | None]:
        status, body, page = super().studies_body(params)
        if status != 200 or page is None:
            return status, body, page
        tamper = self.tampers.pop(page, None) or self.always.get(page)
        if tamper is None:
            return status, body, page
        return status, json.dumps(tamper(json.loads(body))).encode(), page


def token_for(offset: int) -> str:
    """A page token the stand-in accepts, pointing at `offset`."""
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


@pytest.fixture(autouse=True)
def _quick_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "parse_record", quick_rules)


@pytest.fixture
def api(study_records: list[dict[str, Any]]) -> Iterator[TamperingAPI]:
    with TamperingAPI(copy.deepcopy(study_records)) as server:
        yield server


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(api: FakeAPI, sleeps: Sleeps) -> Iterator[CTGovClient]:
    with CTGovClient(base_url=api.url, sleep=sleeps, max_attempts=ATTEMPTS, timeout=0.5,
                     backoff_initial=0.001) as c:
        yield c


@pytest.fixture(scope="module")
def reference(study_records: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The cache content after one uninterrupted sync of the same records: what every fault must end at."""
    with pytest.MonkeyPatch.context() as mp, FakeAPI(copy.deepcopy(study_records)) as server:
        mp.setattr(parse, "parse_record", quick_rules)
        engine = open_cache(str(tmp_path_factory.mktemp("reference") / "reference.db"))
        with CTGovClient(base_url=server.url, sleep=lambda s: None) as c:
            sync(engine, c, page_size=PAGE)
        content = dump(engine)
        engine.dispose()
    return content


@pytest.fixture
def open_ids(study_records: list[dict[str, Any]]) -> set[str]:
    return {nct(r) for r in study_records if r["protocolSection"]["statusModule"]["overallStatus"] in OPEN_STATUSES}


def warnings(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)


# -- faults the retry budget absorbs ----------------------------------------------------------------

ABSORBED = [
    (Fault("status", status=429, retry_after="3"), ATTEMPTS - 1, "HTTP 429; retrying in 3.0 s"),
    (Fault("status", status=429), ATTEMPTS - 1, "HTTP 429; retrying in"),
    (Fault("status", status=500, body="Internal Server Error"), 2, "HTTP 500; retrying"),
    (Fault("status", status=502, body="Bad Gateway"), 2, "HTTP 502; retrying"),
    (Fault("status", status=503), 2, "HTTP 503; retrying"),
    (Fault("reset"), 2, "lost the connection"),
    (Fault("slow", delay=1.0), 1, "timed out"),
    (Fault("truncate"), 2, "lost the connection"),
    (Fault("bad_json"), 2, "not valid JSON"),
]
ABSORBED_IDS = ["429-storm-with-retry-after", "429-storm-without-retry-after", "500", "502", "503",
                "connection-reset", "timeout", "body-cut-off-mid-transfer", "body-cut-off-mid-json"]


@pytest.mark.parametrize(("fault", "times", "logged"), ABSORBED, ids=ABSORBED_IDS)
def test_a_fault_within_the_retry_budget_is_retried_logged_and_loses_nothing(
    engine: Engine, api: FakeAPI, client: CTGovClient, sleeps: Sleeps, caplog: pytest.LogCaptureFixture,
    reference: dict[str, Any], fault: Fault, times: int, logged: str,
) -> None:
    api.add_fault(fault, page=2, times=times)
    with caplog.at_level(logging.WARNING, logger="trialmatch"):
        summary = sync(engine, client, page_size=PAGE)
    assert summary.mode == "full" and not summary.resumed
    assert len(sleeps) == times, "one backoff per failed attempt"
    if fault.retry_after is not None:
        assert sleeps == [3.0] * times, "Retry-After is honoured"
    assert warnings(caplog).count(logged) == times, warnings(caplog)
    assert dump(engine) == reference


# -- faults that outlast it: the run stops clearly and the next one completes the cache --------------

PERSISTENT = [
    (Fault("status", status=429), APIUnavailableError, "HTTP 429"),
    (Fault("status", status=503), APIUnavailableError, "HTTP 503"),
    (Fault("reset"), APIUnavailableError, "lost the connection"),
    (Fault("slow", delay=1.0), APIUnavailableError, "timed out"),
    (Fault("bad_json"), APIResponseError, "not valid JSON"),
]


@pytest.mark.parametrize(("fault", "error", "message"), PERSISTENT,
                         ids=["429-forever", "503-forever", "resets-forever", "timeouts-forever", "cut-json-forever"])
def test_a_fault_past_the_retry_budget_keeps_whole_pages_and_the_next_run_completes(
    engine: Engine, api: FakeAPI, client: CTGovClient, reference: dict[str, Any],
    fault: Fault, error: type[APIError], message: str,
) -> None:
    api.add_fault(fault, page=3, times=ATTEMPTS)
    with pytest.raises(error, match=f"{message}.*after {ATTEMPTS} attempts"):
        sync(engine, client, page_size=PAGE)
    stopped = unfinished_run(engine)
    assert stopped is not None and stopped.status == "failed" and message in (stopped.error or "")
    kept = dump(engine)
    assert stopped.pages == 2 and len(kept["trials"]) == 2 * PAGE, "the two pages before the fault, whole"
    for table in ("trials", "sites", "parsed"):
        assert all(row in reference[table] for row in kept[table]), f"{table}: only rows an uninterrupted sync has"

    later = sync(engine, client, page_size=PAGE)
    assert later.resumed and later.run_id == stopped.id
    assert dump(engine) == reference


def test_a_429_storm_across_every_page_still_ends_complete(
    engine: Engine, api: FakeAPI, client: CTGovClient, sleeps: Sleeps, reference: dict[str, Any]
) -> None:
    # Two refusals before every page of the first search: each page costs three requests.
    for page in range(1, 12):
        api.add_fault(Fault("status", status=429, retry_after="1"), page=page, times=2)
    sync(engine, client, page_size=PAGE)
    assert dump(engine) == reference
    assert sleeps and set(sleeps) == {1.0}


# -- bad content: skip what cannot be read, keep everything else -------------------------------------

def _with_junk(body: dict[str, Any]) -> dict[str, Any]:
    junk: list[Any] = [
        {"hasResults": False},  # no protocolSection at all
        {"protocolSection": "not an object"},
        {"protocolSection": {"identificationModule": {"nctId": 12345678}}},
        {"protocolSection": {"identificationModule": {"nctId": "NCT-broken"}}},
        ["a", "list"],
        None,
        "a string",
    ]
    return {**body, "studies": [*junk[:3], *body["studies"], *junk[3:]]}


def test_malformed_records_are_skipped_with_a_reason_and_every_good_one_is_kept(
    engine: Engine, api: TamperingAPI, client: CTGovClient, caplog: pytest.LogCaptureFixture,
    reference: dict[str, Any],
) -> None:
    api.tampers[2] = _with_junk
    with caplog.at_level(logging.WARNING, logger="trialmatch"):
        summary = sync(engine, client, page_size=PAGE)
    assert dump(engine) == reference
    said = warnings(caplog)
    assert said.count("skipped a study record: study record without a valid NCT id (None)") == 2
    assert "study record without a valid NCT id (12345678)" in said
    assert "study record without a valid NCT id ('NCT-broken')" in said
    assert "skipped 3 study entries that are not a JSON object" in said
    assert summary.skipped == 4


def _retype(body: dict[str, Any]) -> dict[str, Any]:
    """The API changes the type of fields it used to send (a list becomes a string, and so on)."""
    for study in body["studies"]:
        ps = study["protocolSection"]
        ps.setdefault("designModule", {})["phases"] = "PHASE2"
        ps.setdefault("conditionsModule", {})["conditions"] = "Non-small Cell Lung Cancer"
        ps.setdefault("armsInterventionsModule", {})["interventions"] = ["Drug: osimertinib", 7]
        ps["armsInterventionsModule"]["armGroups"] = {"label": "Arm A"}
        elig = ps.setdefault("eligibilityModule", {})
        elig["minimumAge"] = 18
        elig["eligibilityCriteria"] = ["Inclusion Criteria:", "* ECOG 0-1", "* EGFR mutation"]
        contacts = ps.setdefault("contactsLocationsModule", {})
        contacts["locations"] = [{"facility": 7, "geoPoint": "42.3,-71.1", "contacts": "call the site"}, "Boston"]
    return body


def test_fields_that_change_type_are_read_tolerantly_and_still_parsed(
    engine: Engine, api: TamperingAPI, client: CTGovClient, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture, open_ids: set[str],
) -> None:
    monkeypatch.setattr(parse, "parse_record", REAL_PARSE_RECORD)
    api.tampers[1] = _retype
    with caplog.at_level(logging.WARNING, logger="trialmatch"):
        summary = sync(engine, client, page_size=PAGE)
    assert summary.new == len(open_ids) and summary.skipped == 0
    assert "failed" not in warnings(caplog), warnings(caplog)
    retyped = {t.nct_id: (t, rules) for t, rules in reads.load_match_rows(engine)}
    first_page = sorted(open_ids)[:PAGE]
    for nct_id in first_page:
        trial, rules = retyped[nct_id]
        assert set(rules) == set(parse.DIMENSIONS), f"{nct_id} was stored without parsed rules"
        assert trial.phases == [] and trial.minimum_age_years is None  # unreadable, so unknown
    sites = reads.sites_for(engine, first_page[0])
    assert [(s.facility, s.latitude) for s in sites] == [("7", None), (None, None)]


# -- paging oddities ----------------------------------------------------------------------------------

def test_an_empty_page_that_still_has_a_next_token_is_followed_not_taken_as_the_end(
    engine: Engine, api: TamperingAPI, client: CTGovClient, reference: dict[str, Any]
) -> None:
    # Page 2 comes back empty but says where page 3 is. Stopping there would drop every later
    # page while the run looked complete, and later incremental runs would never ask again.
    emptied: set[str] = set()

    def empty_it(body: dict[str, Any]) -> dict[str, Any]:
        emptied.update(nct(s) for s in body["studies"])
        return {**body, "studies": []}

    api.tampers[2] = empty_it
    sync(engine, client, page_size=PAGE)
    kept = {row[0] for row in dump(engine)["trials"]}
    assert len(emptied) == PAGE
    assert kept == {row[0] for row in reference["trials"]} - emptied, "everything but what was never sent"


def test_endless_empty_pages_pointing_at_themselves_end_the_walk_with_a_warning(
    engine: Engine, api: TamperingAPI, client: CTGovClient, caplog: pytest.LogCaptureFixture
) -> None:
    # Page 2 is empty and points at itself, every time: a broken API must not spin a sync forever.
    api.always[2] = lambda body: {"studies": [], "nextPageToken": token_for(PAGE)}
    with caplog.at_level(logging.WARNING, logger="trialmatch"):
        summary = sync(engine, client, page_size=PAGE)
    assert "empty pages that point to more" in warnings(caplog)
    assert summary.pages >= 1 and len(dump(engine)["trials"]) >= PAGE
    assert len(api.studies_requests) < 20
