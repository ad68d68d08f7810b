"""A small stand-in for the ClinicalTrials.gov API v2 on 127.0.0.1, for tests and the benchmark.

It serves a given list of study records with the real API's paging rules (opaque
`nextPageToken`, a token even after an exactly-full last page, `pageSize` capped at 1000,
`totalCount` on the first page only when `countTotal=true`), `fields=` trimming, the filters
trialmatch uses (`filter.overallStatus`, `filter.ids`, `filter.advanced` with
`AREA[LastUpdatePostDate]RANGE[...]`), `/version`, 400 plain-text errors for unknown
parameters, and injectable faults: an HTTP status (429 with or without Retry-After, 5xx, 403,
400), a truncated body, a connection reset, invalid JSON, a slow answer.

    with FakeAPI(records) as api:
        api.add_fault(Fault("status", status=429, retry_after="0"), page=3)
        CTGovClient(base_url=api.url)...

Run standalone for manual tries and the README transcript:

    python tests/fakeapi.py --records ../shared/ctgov/studies --port 8765
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import socket
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

API_PREFIX = "/api/v2"
KNOWN_PARAMS = {
    "format", "markupFormat", "query.cond", "query.term", "query.intr", "query.locn", "query.titles",
    "query.outc", "query.spons", "query.lead", "query.id", "query.patient", "filter.overallStatus",
    "filter.geo", "filter.ids", "filter.advanced", "filter.synonyms", "fields", "sort", "countTotal",
    "pageSize", "pageToken", "aggFilters", "geoDecay",
}
# fields= names this stand-in understands -> path inside the record.
FIELD_PATHS: dict[str, tuple[str, ...]] = {
    "NCTId": ("protocolSection", "identificationModule", "nctId"),
    "BriefTitle": ("protocolSection", "identificationModule", "briefTitle"),
    "OfficialTitle": ("protocolSection", "identificationModule", "officialTitle"),
    "OverallStatus": ("protocolSection", "statusModule", "overallStatus"),
    "LastUpdatePostDate": ("protocolSection", "statusModule", "lastUpdatePostDateStruct"),
    "BriefSummary": ("protocolSection", "descriptionModule", "briefSummary"),
    "HasResults": ("hasResults",),
    "ProtocolSection": ("protocolSection",),
    "DerivedSection": ("derivedSection",),
}
for _module in (
    "identification", "status", "sponsorCollaborators", "oversight", "description", "conditions",
    "design", "armsInterventions", "outcomes", "eligibility", "contactsLocations", "references",
    "ipdSharingStatement",
):
    FIELD_PATHS[_module[0].upper() + _module[1:] + "Module"] = ("protocolSection", f"{_module}Module")

# query.* -> where it looks (a small subset of the real search areas' fields).
SEARCH_AREAS: dict[str, tuple[tuple[str, ...], ...]] = {
    "query.cond": (
        ("protocolSection", "conditionsModule", "conditions"),
        ("protocolSection", "conditionsModule", "keywords"),
        ("protocolSection", "identificationModule", "briefTitle"),
        ("protocolSection", "identificationModule", "officialTitle"),
    ),
    "query.term": (
        ("protocolSection", "conditionsModule", "conditions"),
        ("protocolSection", "conditionsModule", "keywords"),
        ("protocolSection", "identificationModule", "briefTitle"),
        ("protocolSection", "identificationModule", "officialTitle"),
        ("protocolSection", "descriptionModule", "briefSummary"),
        ("protocolSection", "armsInterventionsModule", "interventions"),
    ),
}
_PAGING_PARAMS = {"pageToken", "pageSize", "countTotal"}
_DATE_RANGE = re.compile(r"^AREA\[LastUpdatePostDate\]RANGE\[(\d{4}-\d{2}-\d{2}|MIN),\s*(\d{4}-\d{2}-\d{2}|MAX)\]$")


@dataclass
class Fault:
    """What to do instead of answering normally.

    kind: "status" (answer `status` with `body` and optional Retry-After), "truncate" (promise
    the full body, send half, drop the connection), "bad_json" (a complete but cut JSON body),
    "reset" (close without answering), "slow" (wait `delay` seconds, then answer normally),
    "hold" (wait until `gate` is set, at most HOLD_LIMIT seconds, then `delay` seconds, then answer
    normally: a test holds a client at a known page, not for a time it hopes is long enough).

    A request takes one fault, the first armed one for its page: arm a "hold" before a "slow" for
    any page, or the slow one answers that page and the hold never engages.
    """

    kind: str
    status: int = 503
    retry_after: str | None = None
    body: str = "Service Unavailable"
    delay: float = 0.0
    gate: threading.Event | None = None


HOLD_LIMIT = 300.0  # a test that fails before opening its gate must not leave a request held for ever


@dataclass
class _Armed:
    fault: Fault
    page: int | None  # 1-based page number of /studies; None = the next /studies request
    times: int


@dataclass
class RequestLog:
    path: str
    params: dict[str, str]


def _get_path(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = record
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _set_path(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value


def search_terms(expression: str) -> list[str] | None:
    """Lower-cased terms of a plain `a OR "b c"` expression; None (match all) for richer Essie."""
    if re.search(r"\bAND\b|\bNOT\b|AREA\[|[()]", expression):
        return None
    return [t.strip().strip('"').lower() for t in expression.split(" OR ") if t.strip().strip('"')]


def _mentions(record: dict[str, Any], areas: tuple[tuple[str, ...], ...], terms: list[str] | None) -> bool:
    if terms is None:
        return True
    text = " ".join(json.dumps(_get_path(record, area) or "", ensure_ascii=False) for area in areas).lower()
    return any(term in text for term in terms)


def trim(record: dict[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """The record cut down to `fields`, as the API does (unknown names raise KeyError)."""
    out: dict[str, Any] = {}
    for name in fields:
        path = FIELD_PATHS[name]
        value = _get_path(record, path)
        if value is not None:
            _set_path(out, path, value)
    return out


def nct_id(record: dict[str, Any]) -> str:
    return str(_get_path(record, ("protocolSection", "identificationModule", "nctId")) or "")


_SYNTHETIC_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING", "COMPLETED", "RECRUITING", "ENROLLING_BY_INVITATION",
                       "UNKNOWN", "RECRUITING", "ACTIVE_NOT_RECRUITING")


def synthetic_records(count: int, *, start: int = 1) -> list[dict[str, Any]]:
    """`count` made-up NSCLC records shaped like the real ones (for tests without ../shared)."""
    records = []
    for n in range(start, start + count):
        status = _SYNTHETIC_STATUSES[n % len(_SYNTHETIC_STATUSES)]
        locations = [
            {"facility": f"Cancer Center {n}-{k}", "status": "RECRUITING", "city": "Boston", "state": "Massachusetts",
             "zip": "02115", "country": "United States", "geoPoint": {"lat": 42.33 + k / 100, "lon": -71.1}}
            for k in range(n % 4)
        ]
        records.append({
            "protocolSection": {
                "identificationModule": {"nctId": f"NCT09{n:06d}", "briefTitle": f"Study {n} in Advanced NSCLC"},
                "statusModule": {
                    "overallStatus": status,
                    "startDateStruct": {"date": "2024-05" if n % 2 else "2024-05-17"},
                    "lastUpdatePostDateStruct": {"date": f"2025-11-{1 + n % 28:02d}", "type": "ACTUAL"},
                },
                "sponsorCollaboratorsModule": {"leadSponsor": {"name": f"Sponsor {n % 5}"}},
                "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer", "NSCLC Stage IV"]},
                "designModule": {"studyType": "INTERVENTIONAL",
                                 "phases": ["PHASE2"] if n % 3 else ["PHASE1", "PHASE2"]},
                "eligibilityModule": {
                    "eligibilityCriteria": "Inclusion Criteria:\n\n* Stage IV NSCLC\n* ECOG 0-1\n* ANC \\>= 1.5\n\n"
                                           "Exclusion Criteria:\n\n* Active brain metastases",
                    "sex": "ALL",
                    "minimumAge": "18 Years",
                    **({"maximumAge": "75 Years"} if n % 2 else {}),
                },
                "contactsLocationsModule": {"locations": locations} if locations else {},
            },
            "hasResults": False,
        })
    return records


def load_records(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (timed out, killed) is expected here, not an error to print."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeAPI:
    """The stand-in server. Thread-safe enough for one client at a time; records may be swapped."""

    def __init__(
        self,
        records: Iterable[dict[str, Any]] = (),
        *,
        port: int = 0,
        data_timestamp: str = "2025-12-09T09:00:00",
    ) -> None:
        self.records: list[dict[str, Any]] = list(records)
        self.data_timestamp = data_timestamp
        self.requests: list[RequestLog] = []
        self._faults: list[_Armed] = []
        self._lock = threading.Lock()
        self._encoded: dict[tuple[int, str], bytes] = {}  # (id(record), fields) -> JSON bytes
        self._selections: dict[tuple[tuple[str, str], ...], list[dict[str, Any]]] = {}
        self._server = _QuietServer(("127.0.0.1", port), self._handler_class())
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{API_PREFIX}"

    def start(self) -> FakeAPI:
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="fakeapi", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def set_records(self, records: Iterable[dict[str, Any]]) -> None:
        with self._lock:
            self.records = list(records)
            self._encoded.clear()
            self._selections.clear()

    def add_fault(self, fault: Fault, *, page: int | None = None, times: int = 1) -> None:
        """Arm `fault` for the next `times` requests of /studies page `page` (None: any page)."""
        with self._lock:
            self._faults.append(_Armed(fault, page, times))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def studies_requests(self) -> list[RequestLog]:
        return [r for r in self.requests if r.path.endswith("/studies")]

    # -- answering -------------------------------------------------------------------------

    def _take_fault(self, page: int | None) -> Fault | None:
        with self._lock:
            for armed in self._faults:
                if armed.page is None or armed.page == page:
                    armed.times -= 1
                    if armed.times <= 0:
                        self._faults.remove(armed)
                    return armed.fault
        return None

    def _select(self, params: dict[str, str]) -> list[dict[str, Any]]:
        selected = self.records
        for name, areas in SEARCH_AREAS.items():
            if params.get(name):
                terms = search_terms(params[name])
                selected = [r for r in selected if _mentions(r, areas, terms)]
        if statuses := params.get("filter.overallStatus"):
            wanted = set(re.split(r"[,|]", statuses))
            selected = [r for r in selected if _get_path(r, FIELD_PATHS["OverallStatus"]) in wanted]
        if ids := params.get("filter.ids"):
            wanted = {i.strip().upper() for i in re.split(r"[,|]", ids)}
            selected = [r for r in selected if nct_id(r) in wanted]
        if advanced := params.get("filter.advanced"):
            match = _DATE_RANGE.match(advanced.strip())
            if match is None:
                raise ValueError(f"this stand-in cannot evaluate filter.advanced={advanced!r}")
            low, high = match.groups()

            def updated(r: dict[str, Any]) -> str:
                struct = _get_path(r, FIELD_PATHS["LastUpdatePostDate"]) or {}
                return str(struct.get("date") or "")

            selected = [
                r for r in selected
                if (low == "MIN" or updated(r) >= low) and (high == "MAX" or updated(r) <= high)
            ]
        if params.get("sort", "").startswith("LastUpdatePostDate"):
            selected = sorted(selected, key=lambda r: str((_get_path(r, FIELD_PATHS["LastUpdatePostDate"]) or {})
                                                          .get("date") or ""))
        return selected

    def _encode(self, record: dict[str, Any], fields: str) -> bytes:
        key = (id(record), fields)
        cached = self._encoded.get(key)
        if cached is None:
            shaped = trim(record, fields.split(",")) if fields else record
            cached = json.dumps(shaped, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            self._encoded[key] = cached
        return cached

    def studies_body(self, params: dict[str, str]) -> tuple[int, bytes, int | None]:
        """(HTTP status, body, page number) for a /studies request."""
        unknown = sorted(set(params) - KNOWN_PARAMS)
        if unknown:
            return 400, f"`{unknown[0]}` is unknown parameter".encode(), None
        fields = params.get("fields", "")
        bad = [f for f in fields.split(",") if f and f not in FIELD_PATHS]
        if bad:
            return 400, f"Parameter 'fields' contains invalid field name: '{bad[0]}'".encode(), None
        size = int(params.get("pageSize") or 10) or 10
        size = min(size, 1000)
        offset = 0
        if token := params.get("pageToken"):
            try:
                offset = int(base64.urlsafe_b64decode(token.encode()).decode().removeprefix("o:"))
            except ValueError:
                return 400, b"Invalid page token", None
        try:
            with self._lock:
                key = tuple(sorted((k, v) for k, v in params.items() if k not in _PAGING_PARAMS))
                selected = self._selections.get(key)
                if selected is None:  # the same search page after page: select once, like an index would
                    selected = self._selections[key] = self._select(params)
        except ValueError as exc:
            return 400, str(exc).encode(), None
        chunk = selected[offset:offset + size]
        parts = [b'{"studies":[', b",".join(self._encode(r, fields) for r in chunk), b"]"]
        # The real API's quirk: a token whenever the page is full, even if nothing is left.
        if len(chunk) == size:
            token_out = base64.urlsafe_b64encode(f"o:{offset + size}".encode()).decode()
            parts.append(f',"nextPageToken":"{token_out}"'.encode())
        if params.get("countTotal") == "true" and not params.get("pageToken"):
            parts.append(f',"totalCount":{len(selected)}'.encode())
        parts.append(b"}")
        return 200, b"".join(parts), offset // size + 1

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
                pass

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                split = urlsplit(self.path)
                params = dict(parse_qsl(split.query, keep_blank_values=True))
                api.requests.append(RequestLog(split.path, params))
                if split.path == f"{API_PREFIX}/version":
                    body = json.dumps({"apiVersion": "2.0.5", "dataTimestamp": api.data_timestamp}).encode()
                    self._send(200, body, "application/json")
                    return
                if split.path != f"{API_PREFIX}/studies":
                    self._send(404, b"Not found", "text/plain")
                    return
                status, body, page = api.studies_body(params)
                fault = api._take_fault(page) if status == 200 else None
                if fault is not None and self._apply(fault, body):
                    return
                self._send(status, body, "application/json" if status == 200 else "text/plain")

            def _apply(self, fault: Fault, body: bytes) -> bool:
                """Act out `fault`; True if the request is fully handled."""
                if fault.kind in ("slow", "hold"):
                    if fault.kind == "hold" and fault.gate is not None:
                        fault.gate.wait(HOLD_LIMIT)
                    time.sleep(fault.delay)
                    return False
                if fault.kind == "status":
                    headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
                    self._send(fault.status, fault.body.encode(), "text/plain", headers)
                elif fault.kind == "bad_json":
                    self._send(200, body[: len(body) // 2], "application/json")
                elif fault.kind == "truncate":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self._drop()
                elif fault.kind == "reset":
                    self._drop()
                else:
                    raise ValueError(f"unknown fault kind {fault.kind!r}")
                return True

            def _drop(self) -> None:
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

            def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", f"{ctype}; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        return Handler


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve study records like the ClinicalTrials.gov API v2.")
    parser.add_argument("--records", type=Path, required=True, help="folder of <NCT id>.json study records")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    api = FakeAPI(load_records(args.records), port=args.port)
    print(f"Serving {len(api.records)} studies at {api.url} (Ctrl-C to stop)", flush=True)
    try:
        api._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        api._server.server_close()


if __name__ == "__main__":
    main()
