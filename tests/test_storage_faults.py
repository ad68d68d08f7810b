"""The disk fills up, or the cache cannot be written: one clear line, and the old data intact.

Disk full is simulated two ways: SQLite's own `max_page_count` cap (always runs), and for the
real command a tiny tmpfs mounted for the test (root only; skipped elsewhere). Read-only is a
tmpfs remounted read-only (a read-only folder) or the cache file bind-mounted read-only.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cache_checks import check_sound, check_whole_pages, cli, served_pages
from fakeapi import FakeAPI
from helpers import dump, quick_rules
from sqlalchemy import event
from sqlalchemy.engine import Engine

from trialmatch.cache import reads
from trialmatch.cache.store import open_cache, unfinished_run
from trialmatch.criteria import parse
from trialmatch.errors import CacheError
from trialmatch.registry.client import CTGovClient
from trialmatch.registry.sync import sync

PAGE = 5


def nct(record: dict[str, Any]) -> str:
    return str(record["protocolSection"]["identificationModule"]["nctId"])


def grown(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same studies, each updated upstream with a much longer summary (so rewriting needs space)."""
    updated = copy.deepcopy(records)
    for n, record in enumerate(updated):
        ps = record["protocolSection"]
        ps.setdefault("descriptionModule", {})["briefSummary"] = f"Updated summary {n}. " + "lorem ipsum " * 2000
        ps["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2025-12-20", "type": "ACTUAL"}
    return updated


def cap_pages(engine: Engine, pages: int) -> None:
    """From now on the database file cannot grow past `pages` pages: SQLite answers SQLITE_FULL."""
    event.listen(engine, "connect", lambda conn, _: conn.execute(f"PRAGMA max_page_count = {pages}"))
    engine.dispose()  # pooled connections reconnect with the cap


def page_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def api(study_records: list[dict[str, Any]]) -> Iterator[FakeAPI]:
    with FakeAPI(copy.deepcopy(study_records)) as server:
        yield server


# -- disk full, in process: SQLite's page cap -------------------------------------------------------

def test_disk_full_during_an_update_keeps_every_trial_whole_and_the_next_run_finishes(
    engine: Engine, api: FakeAPI, study_records: list[dict[str, Any]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parse, "parse_record", quick_rules)
    client = CTGovClient(base_url=api.url, sleep=lambda s: None, max_attempts=2)
    sync(engine, client, page_size=PAGE)
    before = {row[0]: row for row in dump(engine)["trials"]}
    api.set_records(grown(study_records))
    api.data_timestamp = "2025-12-21T09:00:00"

    cap_pages(engine, page_count(engine) + 40)  # room for a page or two of the longer records
    with pytest.raises(CacheError, match="could not save a page to the cache: database or disk is full"):
        sync(engine, client, page_size=PAGE)

    path = Path(str(engine.url.database))
    assert check_sound(path) == set(before), "no trial lost, none half-rewritten"
    after = {row[0]: row for row in dump(engine)["trials"]}
    rewritten = [n for n in after if after[n] != before[n]]
    assert 0 < len(rewritten) < len(before), "the disk filled part-way through the update"
    assert all(after[n][4]["protocolSection"]["descriptionModule"]["briefSummary"].startswith("Updated")
               for n in rewritten)
    stopped = unfinished_run(engine)
    assert stopped is not None and stopped.status == "failed" and "disk is full" in (stopped.error or "")

    engine.dispose()
    freed = open_cache(str(path))  # space freed: no cap any more
    summary = sync(freed, client, page_size=PAGE)
    assert summary.resumed
    reference = open_cache(str(tmp_path / "reference.db"))
    sync(reference, client, page_size=PAGE, full=True)
    assert dump(freed) == dump(reference)
    client.close()


# -- disk full, for real: `trialmatch sync` on a tiny tmpfs ---------------------------------------------

def _can_mount() -> bool:
    if os.geteuid() != 0:
        return False
    probe = Path("/proc/self/status").read_text()
    return "CapEff:\t0000000000000000" not in probe


class Mount:
    """A tmpfs of `size` mounted on `where` for one test; remountable; always unmounted after."""

    def __init__(self, where: Path, size: str) -> None:
        self.where = where
        where.mkdir(parents=True, exist_ok=True)
        self._run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where))

    @staticmethod
    def _run(*argv: str) -> None:
        result = subprocess.run(argv, capture_output=True, text=True, check=False)
        if result.returncode:
            pytest.skip(f"cannot {' '.join(argv[:2])}: {result.stderr.strip()}")

    def remount(self, options: str) -> None:
        self._run("mount", "-o", f"remount,{options}", str(self.where))

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.where)], capture_output=True, check=False)


needs_mount = pytest.mark.skipif(not _can_mount(), reason="needs root with mount rights (tmpfs, bind mounts)")


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[list[Mount]]:
    mounts: list[Mount] = []
    yield mounts
    for mount in reversed(mounts):
        mount.unmount()


def env_for(api: FakeAPI, db: Path) -> dict[str, str]:
    return {**os.environ, "TRIALMATCH_API_URL": api.url, "TRIALMATCH_DB": str(db), "PYTHONHASHSEED": "0"}


def one_line_error(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, (out, err)
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert err.startswith("Error: "), err
    return err.strip()


@pytest.mark.slow
@needs_mount
def test_sync_on_a_full_disk_says_so_in_one_line_keeps_whole_pages_and_resumes_when_space_is_freed(
    api: FakeAPI, tmp_path: Path, mounted: list[Mount], shared_dir: Path
) -> None:
    # The disk is sized at half the real records' cache; the small synthetic stand-ins of a bare
    # clone fill it with SQLite's WAL before a page lands, so this needs the shared records.
    reference_db = tmp_path / "reference.db"
    reference = cli("sync", "--page-size", str(PAGE), env=env_for(api, reference_db))
    assert reference.wait(timeout=60) == 0
    full_size = reference_db.stat().st_size

    mounted.append(Mount(tmp_path / "small", f"{full_size // 2 // 1024}k"))
    db = tmp_path / "small" / "trials.db"
    error = one_line_error(cli("sync", "--page-size", str(PAGE), env=env_for(api, db)))
    assert error == "Error: could not save a page to the cache: database or disk is full"

    pages = served_pages(api, PAGE)
    kept = check_whole_pages(db, pages)
    assert 0 < kept < len(pages), f"{kept} of {len(pages)} pages fit"
    stats = cli("stats", "--json", env=env_for(api, db))
    out, err = stats.communicate(timeout=60)
    assert stats.returncode == 0, err  # reading still works on the full disk

    mounted[0].remount("size=64m")
    rerun = cli("sync", "--page-size", str(PAGE), env=env_for(api, db))
    out, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0 and out.startswith("Synced (full, resumed)"), err
    assert dump(open_cache(str(db))) == dump(open_cache(str(reference_db)))


# -- read-only: a read-only folder, a read-only file --------------------------------------------------

@pytest.fixture
def synced_db(api: FakeAPI, tmp_path: Path, mounted: list[Mount]) -> Path:
    """A synced cache on its own tmpfs (mounted for the test)."""
    mounted.append(Mount(tmp_path / "disk", "64m"))
    db = tmp_path / "disk" / "trials.db"
    proc = cli("sync", "--page-size", str(PAGE), env=env_for(api, db))
    assert proc.wait(timeout=60) == 0, proc.communicate()
    return db


@pytest.mark.slow
@needs_mount
def test_a_cache_on_a_read_only_file_system_gets_a_clear_error_not_advice_to_move_it_away(
    api: FakeAPI, synced_db: Path, mounted: list[Mount]
) -> None:
    before = fingerprint(synced_db)
    mounted[0].remount("ro")
    for args in (["sync"], ["stats"]):
        error = one_line_error(cli(*args, env=env_for(api, synced_db)))
        assert "read-only" in error and str(synced_db) in error, error
        assert "damaged" not in error and "move it away" not in error, error
    assert fingerprint(synced_db) == before


@pytest.mark.slow
@needs_mount
def test_a_read_only_cache_file_is_still_read_and_a_sync_is_refused_in_one_line(
    api: FakeAPI, synced_db: Path, mounted: list[Mount], tmp_path: Path
) -> None:
    before = fingerprint(synced_db)
    expected = reads.stats(open_cache(str(synced_db)))
    file_mount = Mount.__new__(Mount)
    file_mount.where = synced_db
    Mount._run("mount", "--bind", str(synced_db), str(synced_db))
    mounted.append(file_mount)
    file_mount.remount("ro,bind")

    error = one_line_error(cli("sync", "--full", "--page-size", str(PAGE), env=env_for(api, synced_db)))
    assert "readonly" in error.replace("read-only", "readonly"), error
    stats = cli("stats", "--json", env=env_for(api, synced_db))
    out, err = stats.communicate(timeout=60)
    assert stats.returncode == 0, err
    assert json.loads(out)["trials"] == expected["trials"]
    assert fingerprint(synced_db) == before
