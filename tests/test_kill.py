"""`trialmatch sync` killed with SIGKILL at random moments, 20 times in a row, on one cache.

After every kill the SQLite file passes `PRAGMA integrity_check`, holds only whole pages (each
cached trial with all its sites and its parsed rules, and exactly the trials of the first pages
the API served), and a plain rerun at the end leaves the same cache as an uninterrupted sync.
The stand-in API answers each page slowly, so most kills land in the middle of the download.
"""

from __future__ import annotations

import copy
import os
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cache_checks import check_whole_pages, cli, pages_saved, served_pages
from fakeapi import FakeAPI, Fault
from helpers import dump

from trialmatch.cache.store import open_cache

pytestmark = pytest.mark.slow

KILLS = 20
PAGE = 2  # small pages, so a sync is many page transactions
PAGE_DELAY = 0.12  # seconds the stand-in waits before each page: kills then land mid-sync
SEED = int(os.environ.get("TRIALMATCH_KILL_SEED", "20251210"))


@pytest.fixture
def api(study_records: list[dict[str, Any]]) -> Iterator[FakeAPI]:
    with FakeAPI(copy.deepcopy(study_records)) as server:
        yield server


def test_twenty_sigkills_in_a_row_never_leave_half_a_page_and_a_rerun_completes(
    api: FakeAPI, tmp_path: Path
) -> None:
    pages = served_pages(api, PAGE)
    assert len(pages) >= 6, "enough pages for kills to land between and inside them"
    api.add_fault(Fault("slow", delay=PAGE_DELAY), times=1_000_000)
    db = tmp_path / "killed.db"
    # One hash seed for every process, as in test_cli_sync: identical runs give identical rows.
    env = {**os.environ, "TRIALMATCH_API_URL": api.url, "TRIALMATCH_DB": str(db), "PYTHONHASHSEED": "0"}

    reference_db = tmp_path / "reference.db"
    started = time.monotonic()
    reference = cli("sync", "--page-size", str(PAGE), env={**env, "TRIALMATCH_DB": str(reference_db)})
    first_page = None
    while reference.poll() is None:
        if first_page is None and pages_saved(reference_db) >= 1:
            first_page = time.monotonic() - started
        time.sleep(0.02)
    per_page = (time.monotonic() - started - (first_page or 0.0)) / len(pages)
    out, err = reference.communicate(timeout=60)
    assert reference.returncode == 0 and first_page is not None, err

    # Each run resumes where the last one was killed. A quarter of the kills hit start-up; the
    # others let the run save one (or two) more pages, then strike at a random moment of the next
    # one (fetching, parsing or inside its transaction). Waiting on saved pages rather than on a
    # clock keeps the kills spread over the whole sync however busy the machine is.
    rng = random.Random(SEED)
    landed: list[int] = []
    for kill in range(KILLS):
        before = pages_saved(db)
        proc = cli("sync", "--page-size", str(PAGE), env=env)
        if rng.random() < 0.25:
            time.sleep(rng.uniform(0.0, first_page))
        else:
            target, deadline = before + rng.choice((1, 1, 2)), time.monotonic() + 10 * first_page
            while pages_saved(db) < target and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, per_page))
        proc.send_signal(signal.SIGKILL)  # a no-op if the run already ended
        _, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, f"kill {kill + 1} (seed {SEED}): {err}"
        if db.exists():
            landed.append(check_whole_pages(db, pages))

    assert len(set(landed)) >= 5, f"kills should land all along the sync; they left {landed} pages"
    rerun = cli("sync", "--page-size", str(PAGE), env=env)
    out, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err
    assert out.startswith("Synced ("), out
    assert check_whole_pages(db, pages) == len(pages)
    engine, reference_engine = open_cache(str(db)), open_cache(str(reference_db))
    got, want = dump(engine), dump(reference_engine)
    for table in want:
        differ = [(a[0], b[0]) for a, b in zip(got[table], want[table], strict=False) if a != b]
        assert got[table] == want[table], f"{table}: {len(got[table])} vs {len(want[table])} rows; {differ[:3]}"
    engine.dispose()
    reference_engine.dispose()
