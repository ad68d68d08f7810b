"""Criteria parsing over several processes: same rules as in-process, and no stray workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from typing import Any

import pytest

from trialmatch.criteria.parse_pool import MIN_PARALLEL, CriteriaParser

pytestmark = pytest.mark.slow


def jobs_from(records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], str]]:
    count = max(MIN_PARALLEL, len(records))
    return [(records[n % len(records)], f"NCT{n:08d}") for n in range(count)]


def test_a_pool_of_workers_gives_the_same_rules_in_the_same_order_as_one_process(
    study_records: list[dict[str, Any]],
) -> None:
    jobs = jobs_from(study_records)
    with CriteriaParser(workers=1) as alone:
        expected = alone.parse_many(jobs)
    with CriteriaParser(workers=2) as pool:
        got = pool.parse_many(jobs)
        assert pool._pool is not None, "a batch this large goes to the workers"
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_a_small_batch_is_parsed_without_starting_workers(study_records: list[dict[str, Any]]) -> None:
    with CriteriaParser(workers=2) as parser:
        parser.parse_many(jobs_from(study_records)[: MIN_PARALLEL - 1])
        assert parser._pool is None


# Parses one large batch with two workers, prints their pids, then waits to be killed.
KEEPER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from conftest import shared_path
from fakeapi import load_records, synthetic_records
from trialmatch.criteria.parse_pool import MIN_PARALLEL, CriteriaParser
folder = shared_path() / "ctgov" / "studies"
records = load_records(folder) if folder.is_dir() else synthetic_records(100)
parser = CriteriaParser(workers=2)
parser.parse_many([(records[n % len(records)], f"NCT{n:08d}") for n in range(MIN_PARALLEL)])
print(json.dumps(list(parser._pool._processes)), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split()[2] != "Z"  # a zombie is dead, just not yet reaped


def test_workers_exit_when_the_sync_that_started_them_is_killed_with_sigkill() -> None:
    tests = os.path.dirname(__file__)
    keeper = subprocess.Popen([sys.executable, "-c", KEEPER, tests], stdout=subprocess.PIPE, text=True)
    assert keeper.stdout is not None
    workers = json.loads(keeper.stdout.readline())
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    os.kill(keeper.pid, signal.SIGKILL)
    keeper.wait(timeout=10)
    keeper.stdout.close()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "orphaned parser workers left running"
