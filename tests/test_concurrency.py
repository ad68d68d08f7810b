"""Reading while a sync writes: no "database is locked", and every read is one consistent state.

A read sees the cache as it was after some whole number of pages: never a trial without the
sites or rules saved with it, never counts taken from two different moments. Real processes
read (the matcher's index, `stats`, `match`, the page) while a real `trialmatch sync` writes;
then the same guarantee is pinned down exactly, by committing a page in the middle of a read.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cache_checks import check_sound, cli, pages_saved, served_pages
from fakeapi import FakeAPI, Fault
from helpers import dump, quick_rules
from sqlalchemy import event
from sqlalchemy.engine import Engine

from trialmatch.cache import reads
from trialmatch.cache.store import open_cache, save_page, start_run
from trialmatch.criteria import parse
from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.matching.index import load_index

PAGE = 3
# Each page is held back this long, so readers and CLI commands see the sync at many points.
PAGE_DELAY = 0.4
# The sync is held at these pages (of its searches, 1-based) until the test lets it go on: at the first, with a page
# saved and the lock held, while a second sync is refused and the CLI reads; at the second, until the readers have
# seen a later state. A page delay alone could not make the sync outlast a second CLI's start-up: that took 20-35 s
# on a loaded machine, the whole sync 13 s.
HELD_PAGES = (2, 4)
WAIT = 180.0  # seconds for any one step on a loaded machine: a bound that fails the test, never a timing
# Reads the cache in a loop, one JSON line per read, until the file named by argv[2] exists.
READER = """
import json, pathlib, sys
from trialmatch.cache import reads
from trialmatch.cache.store import open_cache
from trialmatch.matching.index import load_index
engine = open_cache(sys.argv[1])
stop = pathlib.Path(sys.argv[2])
while not stop.exists():
    try:
        stats = reads.stats(engine)
        index = [(c.nct_id, len(c.sites), sorted(c.rules)) for c in load_index(engine)]
        print(json.dumps({"trials": stats["trials"], "sites": stats["sites"], "index": index}), flush=True)
    except Exception as exc:
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
"""


def nct(record: dict[str, Any]) -> str:
    return str(record["protocolSection"]["identificationModule"]["nctId"])


def locations(record: dict[str, Any]) -> int:
    return len((record["protocolSection"].get("contactsLocationsModule") or {}).get("locations") or [])


@pytest.fixture
def api(study_records: list[dict[str, Any]]) -> Iterator[FakeAPI]:
    with FakeAPI(copy.deepcopy(study_records)) as server:
        yield server


class States:
    """Every state a reader may legitimately see: the cache after 0, 1, 2... whole pages."""

    def __init__(self, pages: list[set[str]], records: list[dict[str, Any]]) -> None:
        sites = {nct(r): locations(r) for r in records}
        self.sites = sites
        self.by_size: dict[int, tuple[frozenset[str], int]] = {}
        seen: set[str] = set()
        self.by_size[0] = (frozenset(), 0)
        for page in pages:
            seen |= page
            self.by_size[len(seen)] = (frozenset(seen), sum(sites[n] for n in seen))
        self.final = len(seen)

    def check(self, read: dict[str, Any]) -> None:
        assert "error" not in read, read["error"]
        assert read["trials"] in self.by_size, f"{read['trials']} trials is not a whole number of pages"
        ids, sites = self.by_size[read["trials"]]
        assert read["sites"] == sites, f"stats mixed two states: {read['trials']} trials but {read['sites']} sites"
        index = {n: (count, dims) for n, count, dims in read["index"]}
        assert len(index) in self.by_size and set(index) == self.by_size[len(index)][0], "index: part of a page"
        for n, (count, dims) in index.items():
            assert count == self.sites[n], f"index: {n} with {count} of its {self.sites[n]} sites"
            assert dims == sorted(DIMENSIONS), f"index: {n} without its parsed rules"


@pytest.mark.slow
def test_readers_in_other_processes_see_whole_pages_and_never_a_locked_database(
    api: FakeAPI, study_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    states = States(served_pages(api, PAGE), study_records)
    db, stop = tmp_path / "trials.db", tmp_path / "stop"
    env = {**os.environ, "TRIALMATCH_API_URL": api.url, "TRIALMATCH_DB": str(db), "PYTHONHASHSEED": "0"}
    open_cache(str(db)).dispose()  # readers start on an existing, empty cache
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps({"age": 64, "ecog": 1, "biomarkers": [{"gene": "EGFR", "alteration": "L858R"}]}))

    # Each reader writes to a file, never a pipe: nobody drains a pipe until the end, and a reader that has filled
    # one (64 KiB) blocks in print() and reads no more, so what it sees would depend on how long the sync lasts.
    logs = [(tmp_path / f"reader{n}.out", tmp_path / f"reader{n}.err") for n in range(2)]
    readers = []
    for out_path, err_path in logs:
        with out_path.open("w") as out_file, err_path.open("w") as err_file:
            readers.append(subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)], env=env, text=True,
                                            stdout=out_file, stderr=err_file))
    gates = [threading.Event() for _ in HELD_PAGES]
    # Holds first: a request takes the first armed fault for its page, so the slow one would take it.
    for gate, page in zip(gates, HELD_PAGES, strict=True):
        api.add_fault(Fault("hold", delay=PAGE_DELAY, gate=gate), page=page, times=1_000_000)
    api.add_fault(Fault("slow", delay=PAGE_DELAY), times=1_000_000)
    writer = cli("sync", "--page-size", str(PAGE), env=env)
    commands: list[tuple[str, int, str, str]] = []

    def run_commands() -> None:
        for args in (["stats", "--json"], ["match", "--profile", str(profile), "--json", "--all"]):
            proc = cli(*args, env=env)
            out, err = proc.communicate(timeout=WAIT)
            commands.append((args[0], proc.returncode, out, err))

    def reads_so_far() -> list[dict[str, Any]]:
        lines = [line for out_path, _ in logs for line in out_path.read_text().split("\n")[:-1]]  # whole lines
        return [json.loads(line) for line in lines]

    def wait_for(what: str, done: Callable[[], bool]) -> None:
        deadline = time.monotonic() + WAIT
        while not done():
            assert time.monotonic() < deadline and all(r.poll() is None for r in readers), f"never: {what}"
            time.sleep(0.05)

    try:
        wait_for("the first sync saved a page", lambda: pages_saved(db) >= 1 or writer.poll() is not None)
        wait_for("a reader read the first page", lambda: max(r.get("trials", 0) for r in reads_so_far() or [{}]) > 0)
        # A second sync meanwhile: refused in one line, and it writes nothing. The first one cannot
        # finish before the gates open, however long this process takes to start.
        second = cli("sync", "--page-size", str(PAGE), env=env)
        _, second_err = second.communicate(timeout=WAIT)
        assert writer.poll() is None, "the first sync should still be running"
        assert second.returncode == 1 and second_err.startswith("Error: another sync is running"), second_err
        run_commands()  # at least once in the middle of the sync, whatever the machine's load
        held = {r.get("trials") for r in reads_so_far()}
        gates[0].set()
        wait_for("a reader read a later page", lambda: any(r.get("trials", 0) not in held for r in reads_so_far()))
        gates[1].set()
        while writer.poll() is None:
            run_commands()
        out, err = writer.communicate(timeout=WAIT)
        assert writer.returncode == 0, err
        wait_for("a reader read the finished sync",
                 lambda: any(r.get("trials") == states.final for r in reads_so_far()))
    finally:
        for gate in gates:
            gate.set()
        stop.touch()
    for reader, (_, err_path) in zip(readers, logs, strict=True):
        assert reader.wait(timeout=WAIT) == 0, err_path.read_text()
    reads = reads_so_far()

    assert len({r.get("trials") for r in reads}) >= 3, "readers should have seen the sync at several points"
    for read in reads:
        states.check(read)
    for name, code, out, err in commands:
        assert code == 0 and "locked" not in err and "Traceback" not in err, (name, err)
        if name == "stats":
            stats = json.loads(out)
            states.check({"trials": stats["trials"], "sites": stats["sites"], "index": []} | {"index": [
                (n, states.sites[n], sorted(DIMENSIONS)) for n in states.by_size[stats["trials"]][0]]})
        else:
            listed = {m["nct_id"] for m in json.loads(out)}
            assert len(listed) in states.by_size and listed == states.by_size[len(listed)][0], "match: part of a page"
    assert check_sound(db) == states.by_size[states.final][0]

    reference_db = tmp_path / "reference.db"
    api.clear_faults()
    reference = cli("sync", "--page-size", str(PAGE), env={**env, "TRIALMATCH_DB": str(reference_db)})
    assert reference.wait(timeout=60) == 0
    assert dump(open_cache(str(db))) == dump(open_cache(str(reference_db)))


@pytest.mark.slow
def test_the_page_loads_while_a_sync_writes(
    api: FakeAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    db = tmp_path / "trials.db"
    env = {**os.environ, "TRIALMATCH_API_URL": api.url, "TRIALMATCH_DB": str(db), "PYTHONHASHSEED": "0"}
    first = cli("sync", "--page-size", str(PAGE), env=env)  # some trials already there
    assert first.wait(timeout=60) == 0
    monkeypatch.setenv("TRIALMATCH_DB", str(db))
    monkeypatch.setenv("TRIALMATCH_API_URL", "http://127.0.0.1:9")
    api.add_fault(Fault("slow", delay=PAGE_DELAY), times=1_000_000)
    writer = cli("sync", "--full", "--page-size", str(PAGE), env=env)
    loads = 0
    try:
        while writer.poll() is None or loads == 0:
            at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "streamlit_app.py"), default_timeout=60)
            at.run()
            assert not at.exception, at.exception
            assert not at.error, [e.value for e in at.error]
            loads += 1
    finally:
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err


# -- the same guarantee, pinned down: a page committed in the middle of one read -------------------

def study(n: int) -> dict[str, Any]:
    return {"protocolSection": {
        "identificationModule": {"nctId": f"NCT{n:08d}", "briefTitle": f"Study {n}"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "contactsLocationsModule": {"locations": [{"facility": f"Site {n}-{k}", "city": "Boston"} for k in range(2)]},
    }}


def commit_a_page_during(reader: Engine, writer: Engine, after: str) -> Callable[[], int]:
    """Once the reader has run a statement starting with `after`, the writer commits a page of 3 trials."""
    fired = {"n": 0}

    def on_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if fired["n"] == 0 and " ".join(statement.split()).startswith(after):
            fired["n"] += 1
            run = start_run(writer, mode="full")
            save_page(writer, [study(n) for n in range(100, 103)], run, cursor=None)

    event.listen(reader, "after_cursor_execute", on_execute)
    return lambda: fired["n"]


@pytest.fixture
def two_engines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Engine, Engine]]:
    monkeypatch.setattr(parse, "parse_record", quick_rules)
    path = str(tmp_path / "c.db")
    writer = open_cache(path)
    save_page(writer, [study(n) for n in range(1, 4)], start_run(writer, mode="full"), cursor=None)
    reader = open_cache(path)
    yield reader, writer
    reader.dispose()
    writer.dispose()


def test_stats_counts_come_from_one_moment(two_engines: tuple[Engine, Engine]) -> None:
    reader, writer = two_engines
    fired = commit_a_page_during(reader, writer, after="SELECT count(*) AS count_1 FROM trial")
    stats = reads.stats(reader)
    assert fired() == 1
    assert (stats["trials"], stats["sites"]) in ((3, 6), (6, 12)), stats
    assert reads.stats(reader)["trials"] == 6  # the next read sees the new page


def test_the_match_index_never_holds_a_trial_without_the_sites_saved_with_it(
    two_engines: tuple[Engine, Engine],
) -> None:
    reader, writer = two_engines
    fired = commit_a_page_during(reader, writer, after="SELECT site.nct_id")
    index = load_index(reader)
    assert fired() == 1
    assert len(index) in (3, 6)
    assert {c.nct_id: len(c.sites) for c in index} == {c: 2 for c in (x.nct_id for x in index)}
