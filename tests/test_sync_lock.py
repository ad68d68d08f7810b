"""`trialmatch sync` from cron or a systemd timer: one at a time, bounded waits, a log line per run.

Every test runs real processes against the local stand-in API, on SQLite and (when
$TRIALMATCH_TEST_PG_URL is set) on PostgreSQL.
"""

from __future__ import annotations

import copy
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fakeapi import FakeAPI, Fault
from sqlalchemy.engine import make_url

from trialmatch.cache import reads
from trialmatch.cache.store import open_cache
from trialmatch.registry.query import OPEN_STATUSES

pytestmark = pytest.mark.slow

PAGE = 5
REFUSED = re.compile(
    r"^Error: another sync is running \(since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, process (\d+) on (\S+)\); "
)
# Takes the sync lock like a sync does, says so, and keeps it until its stdin closes.
HOLDER = """
import sys
from trialmatch.cache.store import open_cache
from trialmatch.cache.lock import sync_lock
with sync_lock(open_cache(sys.argv[1]), task=sys.argv[2] if len(sys.argv) > 2 else "sync"):
    print("held", flush=True)
    sys.stdin.readline()
"""


@pytest.fixture
def api(study_records: list[dict[str, Any]]) -> Iterator[FakeAPI]:
    with FakeAPI(copy.deepcopy(study_records)) as server:
        yield server


@pytest.fixture
def open_count(study_records: list[dict[str, Any]]) -> int:
    return sum(r["protocolSection"]["statusModule"]["overallStatus"] in OPEN_STATUSES for r in study_records)


@pytest.fixture
def env(api: FakeAPI, cache_url: str) -> dict[str, str]:
    return {**os.environ, "TRIALMATCH_API_URL": api.url, "TRIALMATCH_DB": cache_url}


def start_sync(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    code = "from trialmatch.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, "sync", "--page-size", str(PAGE), *args], env=env,
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def cli_startup_seconds(env: dict[str, str]) -> float:
    """How long this machine takes, right now, to start the CLI and have it refuse a sync (no lock holder needed:
    a bad page size fails after the same imports). Time bounds below are this plus a margin, so a loaded machine,
    where a fresh interpreter takes tens of seconds to import the package, does not fail them."""
    started = time.monotonic()
    code, _, _ = finish(start_sync(env, "--page-size", "0"))
    assert code != 0
    return time.monotonic() - started


def finish(proc: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


@pytest.fixture
def holder(cache_url: str) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the sync lock until the test closes its stdin."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, cache_url], text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()


def release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=10)


def trials_in(cache_url: str) -> int:
    engine = open_cache(cache_url)
    try:
        return int(reads.stats(engine)["trials"])
    finally:
        engine.dispose()


def wait_for_request(api: FakeAPI, page_token: bool, timeout: float = 30) -> None:
    """Until the API has been asked for a first page (False) or a following page (True)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(bool(r.params.get("pageToken")) == page_token for r in api.studies_requests):
            return
        time.sleep(0.02)
    raise AssertionError("the sync never asked the API for that page")


def test_a_second_sync_is_refused_at_once_naming_the_holder_and_touches_nothing(
    holder: subprocess.Popen[str], env: dict[str, str], api: FakeAPI, cache_url: str
) -> None:
    startup = cli_startup_seconds(env)
    started = time.monotonic()
    code, out, err = finish(start_sync(env))
    assert code == 1 and out == ""
    match = REFUSED.match(err)
    assert match, err
    assert (int(match[1]), match[2]) == (holder.pid, socket.gethostname())
    assert time.monotonic() - started < startup + 10, "refused at once, not after a timeout"
    assert api.studies_requests == [] and trials_in(cache_url) == 0


def test_with_wait_the_second_sync_runs_as_soon_as_the_first_lets_go(
    holder: subprocess.Popen[str], env: dict[str, str], open_count: int
) -> None:
    waiting = start_sync(env, "--wait", "60")
    time.sleep(1.0)
    assert waiting.poll() is None, "the second sync should be waiting, not finished"
    release(holder)
    code, out, err = finish(waiting)
    assert code == 0, err
    assert out.startswith(f"Synced (full): {open_count} new, ")


def test_wait_gives_up_after_the_seconds_it_was_given(holder: subprocess.Popen[str], env: dict[str, str]) -> None:
    startup = cli_startup_seconds(env)
    started = time.monotonic()
    code, _, err = finish(start_sync(env, "--wait", "1.5"))
    waited = time.monotonic() - started
    assert code == 1 and REFUSED.match(err), err
    assert 1.5 <= waited < startup + 1.5 + 10


def test_two_syncs_started_together_without_wait_one_runs_and_one_is_refused(
    env: dict[str, str], api: FakeAPI, cache_url: str, open_count: int
) -> None:
    # The first sync holds the lock across this page: long enough that the second process (a fresh
    # interpreter importing the package, slow on a loaded machine) asks for the lock before it is let go.
    api.add_fault(Fault("slow", delay=8), page=2)
    first = start_sync(env)
    wait_for_request(api, page_token=True)
    second = start_sync(env)
    code2, out2, err2 = finish(second)
    code1, out1, err1 = finish(first)
    assert code1 == 0 and out1.startswith(f"Synced (full): {open_count} new, "), err1
    assert code2 == 1 and out2 == "" and REFUSED.match(err2), err2
    assert trials_in(cache_url) == open_count


def test_two_syncs_started_together_with_wait_both_finish_one_after_the_other(
    env: dict[str, str], api: FakeAPI, cache_url: str, open_count: int
) -> None:
    api.add_fault(Fault("slow", delay=1), page=2)
    procs = [start_sync(env, "--wait", "120") for _ in range(2)]
    results = [finish(p, timeout=180) for p in procs]
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    firsts = sorted(out.split(":")[0] for _, out, _ in results)
    assert firsts == ["Synced (full)", "Synced (incremental)"]
    assert trials_in(cache_url) == open_count


def test_a_sync_killed_with_sigkill_leaves_no_lock_and_the_next_one_resumes(
    env: dict[str, str], api: FakeAPI, cache_url: str, open_count: int
) -> None:
    api.add_fault(Fault("slow", delay=30), page=3)
    victim = start_sync(env)
    wait_for_request(api, page_token=True)
    deadline = time.monotonic() + 30
    while len(api.studies_requests) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=10)
    api.clear_faults()
    # A few seconds of grace: PostgreSQL ends the dead client's session (and its lock) on its own.
    code, out, err = finish(start_sync(env, "--wait", "10"))
    assert code == 0, err
    assert out.startswith("Synced (full, resumed): ")
    assert trials_in(cache_url) == open_count


def test_the_log_file_gets_one_line_per_run_whatever_the_outcome(
    env: dict[str, str], api: FakeAPI, tmp_path: Path, open_count: int, cache_url: str
) -> None:
    log = tmp_path / "logs" / "sync.log"
    assert finish(start_sync(env, "--log-file", str(log)))[0] == 0

    holding = subprocess.Popen([sys.executable, "-c", HOLDER, cache_url], text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert holding.stdout is not None and holding.stdout.readline().strip() == "held"
    assert finish(start_sync(env, "--log-file", str(log)))[0] == 1
    release(holding)
    assert holding.stdout is not None
    holding.stdout.close()

    api.add_fault(Fault("status", status=403, body="Forbidden"))
    code, _, err = finish(start_sync({**env, "TRIALMATCH_SYNC_LOG": str(log)}))
    assert code == 1 and err.startswith("Error: ") and "Traceback" not in err

    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3, lines
    stamp = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00 sync \[[^\]]+\] "
    assert re.match(stamp + rf"ok: Synced \(full\): {open_count} new, .* in \d+\.\d s", lines[0]), lines[0]
    assert re.match(stamp + r"refused: another sync is running \(since ", lines[1]), lines[1]
    assert re.match(stamp + r"failed after \d+\.\d s: .*403", lines[2]), lines[2]
    secret = make_url(cache_url).password
    assert not secret or f":{secret}@" not in log.read_text(encoding="utf-8"), "the log hides the password"


def test_a_log_file_that_cannot_be_written_is_reported_before_any_download(
    env: dict[str, str], api: FakeAPI, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    code, out, err = finish(start_sync(env, "--log-file", str(blocker / "sync.log")))
    assert code == 1 and out == ""
    assert err.startswith(f"Error: cannot write the log file {blocker / 'sync.log'}: ") and err.count("\n") == 1
    assert api.studies_requests == []


def start_import(cache_url: str, folder: Path, *args: str) -> subprocess.Popen[str]:
    code = "from trialmatch.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, "import", str(folder), "--db", cache_url, *args],
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_an_import_never_writes_while_a_sync_holds_the_cache(
    holder: subprocess.Popen[str], cache_url: str, shared_dir: Path
) -> None:
    code, out, err = finish(start_import(cache_url, shared_dir / "ctgov" / "studies"))
    assert code == 1 and out == "" and REFUSED.match(err), err
    assert trials_in(cache_url) == 0
    waiting = start_import(cache_url, shared_dir / "ctgov" / "studies", "--wait", "60")
    time.sleep(0.5)
    assert waiting.poll() is None, "the import waits for the sync"
    release(holder)
    code, out, err = finish(waiting)
    assert code == 0 and "100 new" in out, err
    assert trials_in(cache_url) == 100


def test_a_sync_started_during_an_import_says_an_import_is_running(cache_url: str, env: dict[str, str]) -> None:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, cache_url, "import"], text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        code, _, err = finish(start_sync(env))
        assert code == 1 and err.startswith("Error: another import is running (since "), err
    finally:
        release(proc)
        assert proc.stdout is not None
        proc.stdout.close()


@pytest.mark.parametrize("note", ["", "not json", "[1, 2]", '{"task": "import"}', '{"pid": "x", "since": 5}'])
def test_an_unreadable_lock_note_still_gives_a_one_line_refusal(tmp_path: Path, note: str) -> None:
    """The note only describes the holder: whatever it holds, the refusal is a clear sentence."""
    from sqlalchemy import insert

    from trialmatch.cache.lock import HOLDER_KEY, _locked
    from trialmatch.cache.schema import META

    engine = open_cache(str(tmp_path / "c.db"))
    with engine.begin() as conn:
        conn.execute(insert(META).values(key=HOLDER_KEY, value=note))
    message = str(_locked(engine))
    task = "import" if "import" in note else "sync"
    assert message == (f"another {task} is running (since an unknown time); wait for it to finish, "
                       "or give --wait SECONDS")
