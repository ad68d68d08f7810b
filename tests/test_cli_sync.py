"""`trialmatch sync / stats / show` as a user runs them: output, exit codes, one-line errors, kill -9."""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from cache_checks import pages_saved
from click.testing import CliRunner, Result
from fakeapi import FakeAPI, Fault
from helpers import dump, quick_rules

from trialmatch.cache.store import open_cache
from trialmatch.cli import main
from trialmatch.criteria import parse

PAGE = 5


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)



@pytest.fixture(autouse=True)
def _quick_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "parse_record", quick_rules)
@pytest.fixture
def api(study_records: list[dict[str, Any]]) -> Iterator[FakeAPI]:
    with FakeAPI(copy.deepcopy(study_records)) as server:
        yield server


OPEN = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")


@pytest.fixture
def open_records(study_records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in study_records if r["protocolSection"]["statusModule"]["overallStatus"] in OPEN]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "trials.db")


@pytest.mark.slow
def test_sync_then_stats_then_show(api: FakeAPI, db: str, open_records: list[dict[str, Any]]) -> None:
    n = len(open_records)
    result = run("sync", "--api-url", api.url, "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Synced (full): {n} new, 0 updated, 0 unchanged, 0 closed, 0 skipped in ")

    again = run("sync", "--api-url", api.url, "--db", db)
    assert again.stdout.startswith("Synced (incremental): 0 new, 0 updated, 0 unchanged")

    stats = json.loads(run("stats", "--json", "--db", db).stdout)
    assert stats["trials"] == n and stats["sites"] > 0 and stats["last_sync"].startswith("20")
    assert sum(stats["by_status"].values()) == n

    ident = open_records[-1]["protocolSection"]["identificationModule"]
    shown = run("show", ident["nctId"].lower(), "--db", db)
    assert shown.exit_code == 0
    assert f"{ident['nctId']}  {ident['briefTitle']}" in shown.stdout and "Eligibility criteria:" in shown.stdout
    raw = json.loads(run("show", ident["nctId"], "--json", "--db", db).stdout)
    assert raw["protocolSection"]["identificationModule"] == ident


@pytest.mark.slow
def test_environment_variables_name_the_api_and_the_cache(
    api: FakeAPI, db: str, monkeypatch: pytest.MonkeyPatch, open_records: list[dict[str, Any]]
) -> None:
    monkeypatch.setenv("TRIALMATCH_API_URL", api.url)
    monkeypatch.setenv("TRIALMATCH_DB", db)
    assert run("sync").exit_code == 0
    assert json.loads(run("stats", "--json").stdout)["trials"] == len(open_records)


def test_stats_on_a_new_cache_says_never_synced(db: str) -> None:
    stats = json.loads(run("stats", "--json", "--db", db).stdout)
    assert (stats["trials"], stats["sites"], stats["last_sync"]) == (0, 0, None)
    assert "Last sync: never" in run("stats", "--db", db).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "12345"], "Error: '12345' is not an NCT id"),
        (["show", "NCT00000001"], "Error: NCT00000001 is not in the cache"),
    ],
    ids=["not-an-nct-id", "not-cached"],
)
def test_show_errors_are_one_line(args: list[str], message: str, db: str) -> None:
    result = run(*args, "--db", db)
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (Fault("status", status=403, body="Forbidden"), "Error: the API at http://127.0.0.1:"),
        (Fault("status", status=400, body="`filter.phase` is unknown parameter"),
         "Error: the API rejected the request (HTTP 400): `filter.phase` is unknown parameter"),
    ],
    ids=["403-refused", "400-bad-parameter"],
)
def test_api_refusals_are_one_line_errors_with_exit_code_1(api: FakeAPI, db: str, fault: Fault, message: str) -> None:
    api.add_fault(fault, times=10)
    result = run("sync", "--api-url", api.url, "--db", db)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.output + result.stderr


def test_a_damaged_cache_file_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "trials.db"
    bad.write_text("not a database " * 200)
    result = run("stats", "--db", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open the cache") and "Traceback" not in result.stderr


def test_control_characters_in_registry_text_do_not_reach_the_terminal(db: str) -> None:
    from trialmatch.cache.store import save_page, start_run

    engine = open_cache(db)
    record = {"protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "Evil \x1b[2J\x1b]0;pwned\x07 title"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": "* ANC \\>= 1.5\x1b[31m"},
    }}
    save_page(engine, [record], start_run(engine, mode="full"), cursor=None)
    shown = run("show", "NCT01234567", "--db", db).stdout
    assert "\x1b" not in shown and "\x07" not in shown
    assert "Evil [2J]0;pwned title" in shown and "ANC >= 1.5" in shown


def test_every_command_has_help_with_an_example() -> None:
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example" in result.stdout, f"`trialmatch {name} --help` has no example"
    assert {"sync", "stats", "show"} <= set(main.commands)
    assert isinstance(main, click.Group)


def _cli(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    # Ctrl-C as at a terminal, whatever this test run inherited: a run started in the background
    # by a non-interactive shell has SIGINT ignored, and a child would inherit that.
    code = ("import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from trialmatch.cli import main; main()")
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


HOLD_WAIT = 180.0  # seconds to reach the held page on a loaded machine: a bound that fails, never a timing


@pytest.mark.slow
def test_sync_killed_with_sigkill_mid_sync_resumes_to_the_same_cache(api: FakeAPI, tmp_path: Path) -> None:
    db = str(tmp_path / "killed.db")
    # One hash seed for every process: some rule modules' output order follows set iteration.
    env = {**os.environ, "TRIALMATCH_API_URL": api.url, "TRIALMATCH_DB": db, "PYTHONHASHSEED": "0"}
    # The process is held here, three pages saved, until it is killed: a 10 s delay raced its start-up, which
    # takes 20-35 s on a loaded machine.
    gate = threading.Event()
    api.add_fault(Fault("hold", gate=gate), page=4)
    proc = _cli("sync", "--page-size", str(PAGE), env=env)
    try:
        deadline = time.monotonic() + HOLD_WAIT
        while pages_saved(Path(db)) < 3 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, f"sync ended before it could be killed: {proc.communicate()}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        gate.set()
    assert proc.returncode == -signal.SIGKILL

    engine = open_cache(db)
    with engine.connect() as conn:
        trials = conn.exec_driver_sql("SELECT count(*) FROM trial").scalar()
        run_row = conn.exec_driver_sql("SELECT status, pages, cursor FROM syncrun").one()
    assert run_row.status == "running" and run_row.cursor
    assert trials == run_row.pages * PAGE, "only whole pages are in the cache"

    api.clear_faults()
    rerun = _cli("sync", "--page-size", str(PAGE), env=env)
    out, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err
    assert out.startswith("Synced (full, resumed): ")

    reference_db = str(tmp_path / "reference.db")
    uninterrupted = _cli("sync", "--page-size", str(PAGE), env={**env, "TRIALMATCH_DB": reference_db})
    assert uninterrupted.wait(timeout=60) == 0
    assert dump(engine) == dump(open_cache(reference_db))


@pytest.mark.slow
def test_ctrl_c_mid_sync_says_so_in_one_line_and_the_next_run_resumes(api: FakeAPI, tmp_path: Path) -> None:
    db = str(tmp_path / "interrupted.db")
    env = {**os.environ, "TRIALMATCH_API_URL": api.url, "TRIALMATCH_DB": db, "PYTHONHASHSEED": "0"}
    gate = threading.Event()  # held at page 3, two pages saved, until interrupted (a 10 s delay raced start-up)
    api.add_fault(Fault("hold", gate=gate), page=3)
    proc = _cli("sync", "--page-size", str(PAGE), env=env)
    try:
        deadline = time.monotonic() + HOLD_WAIT
        while pages_saved(Path(db)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert pages_saved(Path(db)) >= 2, "the sync saved no two pages"
        assert proc.poll() is None, "the sync ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        gate.set()
    assert proc.returncode == 130
    assert err.strip().splitlines()[-1].startswith("Interrupted:") and "Traceback" not in err

    api.clear_faults()
    rerun = _cli("sync", "--page-size", str(PAGE), env=env)
    out, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err
    assert out.startswith("Synced (full, resumed): ")
