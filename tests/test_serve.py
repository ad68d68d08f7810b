"""`trialmatch serve`: Streamlit on localhost with usage statistics off, syncing first into an empty cache."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine

import trialmatch.registry.sync as sync_module
from trialmatch.cli import main, serve_cmd
from trialmatch.errors import APIUnavailableError

ROOT = Path(__file__).resolve().parents[1]


class Launched:
    """Stands in for subprocess.run: records what would have been started."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append({"argv": argv, **kwargs})
        return subprocess.CompletedProcess(argv, 0)


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> Launched:
    recorder = Launched()
    monkeypatch.setattr(serve_cmd.subprocess, "run", recorder)
    return recorder


def seed(engine: Engine) -> None:
    from trialmatch.cache.store import save_page, start_run

    record = {"protocolSection": {"identificationModule": {"nctId": "NCT00000001", "briefTitle": "A trial"},
                                  "statusModule": {"overallStatus": "RECRUITING"}}}
    save_page(engine, [record], start_run(engine, mode="full").id, cursor=None)


def test_serve_runs_streamlit_on_localhost_with_usage_stats_off(engine: Engine, launched: Launched) -> None:
    seed(engine)
    result = CliRunner().invoke(main, ["serve", "--db", str(engine.url.database), "--port", "8765"])
    assert result.exit_code == 0, result.output
    (call,) = launched.calls
    argv = call["argv"]
    assert argv[:4] == [sys.executable, "-m", "streamlit", "run"] and argv[4].endswith("streamlit_app.py")
    options = dict(zip(argv[5::2], argv[6::2], strict=True))
    assert options == {"--server.address": "127.0.0.1", "--server.port": "8765", "--server.headless": "true",
                       "--browser.gatherUsageStats": "false"}
    assert call["env"]["TRIALMATCH_DB"] == f"sqlite:///{engine.url.database}"
    assert Path(call["cwd"]) == ROOT  # so .streamlit/config.toml applies
    assert "syncing" not in result.output and "Open http://localhost:8765" in result.output


def test_serve_syncs_first_when_the_cache_is_empty(
    engine: Engine, launched: Launched, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[Engine] = []

    def fake_sync(eng: Engine, client: Any, **_: Any) -> Any:
        seed(eng)
        synced.append(eng)
        return type("Summary", (), {"line": lambda self: "Synced (full): 1 new."})()

    monkeypatch.setattr(sync_module, "sync", fake_sync)
    result = CliRunner().invoke(main, ["serve", "--db", str(engine.url.database)])
    assert result.exit_code == 0, result.output
    assert "The trial cache is empty: syncing first" in result.output and "Synced (full): 1 new." in result.output
    assert len(synced) == 1 and len(launched.calls) == 1


def test_a_failed_first_sync_still_starts_the_page_with_the_reason(
    engine: Engine, launched: Launched, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_sync(*_: Any, **__: Any) -> Any:
        raise APIUnavailableError("ClinicalTrials.gov did not answer")

    monkeypatch.setattr(sync_module, "sync", failing_sync)
    result = CliRunner().invoke(main, ["serve", "--db", str(engine.url.database)])
    assert result.exit_code == 0, result.output
    assert "Sync failed: ClinicalTrials.gov did not answer. Starting the page anyway" in result.output
    assert len(launched.calls) == 1


def test_no_sync_starts_on_an_empty_cache_without_syncing(
    engine: Engine, launched: Launched, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_module, "sync", lambda *a, **k: pytest.fail("must not sync"))
    result = CliRunner().invoke(main, ["serve", "--db", str(engine.url.database), "--no-sync"])
    assert result.exit_code == 0 and len(launched.calls) == 1


def test_serving_beyond_this_machine_warns(engine: Engine, launched: Launched) -> None:
    seed(engine)
    result = CliRunner().invoke(main, ["serve", "--db", str(engine.url.database), "--host", "0.0.0.0"])
    assert "other computers on the network can open the page" in result.output


def test_streamlit_config_keeps_the_page_local_and_silent() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "localhost" and config["server"]["headless"] is True


@pytest.mark.slow
def test_the_real_server_answers_on_localhost(engine: Engine, tmp_path: Path) -> None:
    import socket

    seed(engine)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exe = Path(sys.executable).with_name("trialmatch")
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([str(exe), "serve", "--db", str(engine.url.database), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, env={**os.environ})
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).text == "ok":
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            pytest.fail(f"serve did not come up: {(tmp_path / 'serve.log').read_text()[-2000:]}")
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
        # SIGTERM (systemd, kill, timeout) stops the page too: no orphaned server keeps the port.
        process.terminate()
        process.wait(timeout=15)
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
