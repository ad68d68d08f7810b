"""Nothing about a patient leaves the machine.

Every connection a process opens is recorded at the socket: across sync, match, screen, show
and the page, the only ones go to the API base URL, from the sync, and carry no profile data.
The page sends no telemetry and listens on this machine only; profiles are written only where
the user asks (the page offers a download and writes no file).
"""

from __future__ import annotations

import copy
import json
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from fakeapi import FakeAPI
from sqlalchemy.engine import Engine
from test_browser import CHROMIUM, CHROMIUM_ARGS, free_port, served_page  # noqa: F401 - served_page is a fixture

from trialmatch.cli import main

ROOT = Path(__file__).resolve().parents[1]
# Values only the patient's profile holds: none may appear in anything sent.
PRIVATE = {"id": "MRN-PRIVATE-7731", "location": "62701", "drug": "osimertinib", "alteration": "L858R"}
PROFILE = {"id": PRIVATE["id"], "age": 64, "sex": "female", "ecog": 1, "location": PRIVATE["location"],
           "biomarkers": [{"gene": "EGFR", "alteration": PRIVATE["alteration"]}],
           "prior_therapies": [PRIVATE["drug"]], "summary": "private notes about the patient"}


class Wiretap:
    """Records every DNS lookup and socket connection this process makes (the network's only doors)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.lookups: list[str] = []
        self.connections: list[Any] = []
        real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

        def connect(sock: socket.socket, address: Any) -> None:
            self.connections.append(address)
            return real_connect(sock, address)

        def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
            self.lookups.append(str(host))
            return real_getaddrinfo(host, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    def clear(self) -> None:
        self.lookups.clear()
        self.connections.clear()


@pytest.fixture
def api(study_records: list[dict[str, Any]]) -> Iterator[FakeAPI]:
    with FakeAPI(copy.deepcopy(study_records)) as server:
        yield server


def run(*args: str) -> Any:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.slow
def test_the_only_traffic_is_the_syncs_to_the_api_and_it_carries_no_profile_data(
    api: FakeAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIALMATCH_API_URL", api.url)
    monkeypatch.setenv("TRIALMATCH_DB", str(tmp_path / "trials.db"))
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps(PROFILE))
    patients = tmp_path / "patients.csv"
    patients.write_text(f"id,age,biomarkers,prior_therapies\n{PRIVATE['id']},64,EGFR:{PRIVATE['alteration']},"
                        f"{PRIVATE['drug']}\n")
    tap = Wiretap(monkeypatch)

    run("sync", "--page-size", "10")
    host, port = api._server.server_address[:2]
    assert tap.connections and set(map(tuple, tap.connections)) == {(host, port)}, tap.connections
    assert set(tap.lookups) <= {host}, tap.lookups
    sent = [json.dumps([r.path, r.params]) for r in api.requests]
    assert {r.path for r in api.requests} == {"/api/v2/studies", "/api/v2/version"}
    for value in PRIVATE.values():
        assert not [s for s in sent if value.lower() in s.lower()], f"{value!r} was sent to the API"

    tap.clear()
    asked = len(api.requests)
    run("match", "--profile", str(profile), "--near", PRIVATE["location"], "--json")
    run("screen", str(patients), "--out", str(tmp_path / "out.csv"))
    run("stats")
    trial = api.records[0]["protocolSection"]["identificationModule"]["nctId"]
    CliRunner().invoke(main, ["show", trial])
    assert tap.connections == [] and tap.lookups == [], "matching, screening and reading stay offline"
    assert len(api.requests) == asked


def test_the_page_matches_offline_and_writes_no_file(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest
    from test_app import fill, study

    fill(engine, [study("NCT00000001", "Osimertinib after progression")], finished=True)
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    monkeypatch.setenv("TRIALMATCH_DB", str(engine.url.database))
    monkeypatch.setenv("TRIALMATCH_API_URL", "http://127.0.0.1:9")
    before = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    tap = Wiretap(monkeypatch)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    at.number_input(key="age").set_value(64)
    at.text_input(key="location").input(PRIVATE["location"])
    at.button(key="find").click().run()
    at.button(key="short-NCT00000001").click().run()
    assert not at.exception, at.exception
    assert tap.connections == [] and tap.lookups == [], "the page must not call out while matching"

    saves = [b for b in at.get("download_button") if b.proto.label == "Save my answers (JSON file)"]
    assert saves, "the page offers the answers as a download"
    after = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    written = [p for p in after if p not in before and not p.name.endswith(("-wal", "-shm", ".lock"))]
    assert written == [], f"the page wrote files: {written}"


def test_streamlit_config_keeps_the_page_local_and_quiet() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "localhost"
    assert config["browser"]["serverAddress"] == "localhost"


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.add(address)
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc")
def test_trialmatch_serve_listens_on_this_machine_only(engine: Engine, tmp_path: Path) -> None:
    from test_app import fill, study

    fill(engine, [study("NCT00000001", "A trial")], finished=True)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen(
        [sys.executable, "-c", "from trialmatch.cli import main; main()", "serve", "--no-sync", "--port", str(port),
         "--db", str(engine.url.database)],
        env={**os.environ, "TRIALMATCH_API_URL": "http://127.0.0.1:9"}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so the Streamlit child stops with it
    )
    try:
        deadline = time.monotonic() + 60
        while not _listening_addresses(port) and time.monotonic() < deadline and serve.poll() is None:
            time.sleep(0.3)
        assert httpx.get(f"http://127.0.0.1:{port}/_stcore/health", timeout=5).text == "ok"
        loopback = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1, ::1 as /proc writes them
        assert _listening_addresses(port) and _listening_addresses(port) <= loopback, _listening_addresses(port)
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
        log.close()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_the_page_in_a_browser_asks_nothing_of_any_other_host(served_page: str) -> None:  # noqa: F811
    sync_api = pytest.importorskip("playwright.sync_api")
    requests: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.on("websocket", lambda ws: requests.append(ws.url))
            page.goto(served_page, wait_until="domcontentloaded")
            page.get_by_label("Age (years)").fill("64")
            page.get_by_label("US ZIP code or city").fill(PRIVATE["location"])
            page.get_by_role("button", name="Find trials").click()
            page.get_by_text("possible match(es)").first.wait_for(timeout=30_000)
            page.wait_for_timeout(1000)
        finally:
            browser.close()
    origin = served_page.split("//", 1)[1]
    assert requests and all(url.split("//", 1)[1].startswith(origin) for url in requests if "//" in url), \
        [url for url in requests if origin not in url]
    assert not [url for url in requests if PRIVATE["location"] in url], "the ZIP code went into a URL"
