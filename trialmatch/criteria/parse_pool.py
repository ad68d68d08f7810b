"""Criteria parsing for the cache, spread over the machine's cores when there is a lot of it.

The rule modules are pure CPU, ~12 ms a trial, and dominate a first sync: 100,000 studies are
20 minutes on one core. A page of new trials is parsed by a pool of worker processes (one per
core, `TRIALMATCH_PARSE_WORKERS` to change it, 1 = none); small batches, as in incremental syncs
and tests, are parsed in-process, where starting workers would cost more than it saves.

Workers come from a fork server, so they never inherit the sync's threads or locks; they ignore
Ctrl-C (the sync decides what an interrupt means) and exit when the sync's process is gone.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from trialmatch.cores import usable_cores
from trialmatch.criteria import parse

log = logging.getLogger("trialmatch.cache")

WORKERS_ENV = "TRIALMATCH_PARSE_WORKERS"
# parser_version stored when parsing raised: never current, so the next reparse tries again.
FAILED_PARSE_VERSION = 0
MIN_PARALLEL = 64  # fewer trials than this are parsed in-process
CHUNK = 16  # trials per task: small enough that an interrupt is not kept waiting

Job = tuple[dict[str, Any], str]  # (raw API record, NCT id)
Parsed = tuple[dict[str, Any], int]  # (rules, parser_version)


def _parse_one(raw: dict[str, Any], nct_id: str) -> tuple[dict[str, Any], int, str | None]:
    """(rules, version, problem). A parser bug must not stop a sync: it yields {} and a message."""
    try:
        return parse.parse_record(raw), parse.PARSER_VERSION, None
    except Exception as exc:  # noqa: BLE001 - a bug in a rule module is contained to its trial
        log.debug("parser traceback for %s", nct_id, exc_info=True)
        return {}, FAILED_PARSE_VERSION, f"{type(exc).__name__}: {exc}"


def _report(nct_id: str, problem: str | None) -> None:
    if problem is not None:
        log.warning("parsing the criteria of %s failed (%s); stored without rules, retried next sync",
                    nct_id, problem)


def parse_rules(raw: dict[str, Any], nct_id: str) -> Parsed:
    """(rules, parser_version) for one record, in this process."""
    rules, version, problem = _parse_one(raw, nct_id)
    _report(nct_id, problem)
    return rules, version


def default_workers() -> int:
    value = os.environ.get(WORKERS_ENV, "")
    if value.strip().isdigit():
        return max(1, int(value))
    return usable_cores()


def _worker_start(parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:  # a sync killed with SIGKILL cannot stop its workers: they notice instead
        while True:
            time.sleep(1)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=watch, name="trialmatch-parent-watch", daemon=True).start()


def _parse_chunk(jobs: list[Job]) -> list[tuple[dict[str, Any], int, str | None]]:
    return [_parse_one(raw, nct_id) for raw, nct_id in jobs]


class CriteriaParser:
    """Parses batches of records; a process pool is started the first time a batch is large."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = default_workers() if workers is None else max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> CriteriaParser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def parse_many(self, jobs: Sequence[Job]) -> list[Parsed]:
        """(rules, parser_version) for each job, in order."""
        if self.workers == 1 or len(jobs) < MIN_PARALLEL:
            return [parse_rules(raw, nct_id) for raw, nct_id in jobs]
        chunks = [list(jobs[i:i + CHUNK]) for i in range(0, len(jobs), CHUNK)]
        results = [item for chunk in self._executor().map(_parse_chunk, chunks) for item in chunk]
        for (_, nct_id), (_, _, problem) in zip(jobs, results, strict=True):
            _report(nct_id, problem)
        return [(rules, version) for rules, version, _ in results]

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["trialmatch.criteria.parse"])
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_start,
                                             initargs=(os.getpid(),))
        return self._pool


IN_PROCESS = CriteriaParser(workers=1)
