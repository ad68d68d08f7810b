"""Screen a CSV of patients against the match index, on several cores when there are.

The parent reads and validates the rows (bad ones are reported in order, on the main thread)
and hands patients out in small chunks; each worker process, forked with the compiled index
already in memory, ranks and encodes its chunk and sends back the bytes; the parent writes the
chunks in input order, so the output is the same whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import IO

from trialmatch.cores import usable_cores
from trialmatch.matching.compiled import CompiledIndex, Memo
from trialmatch.matching.match import MatchFilters, rank_profile
from trialmatch.matching.profile import Profile, unknown_treatments
from trialmatch.matching.screen import BadRow, PlaceLookup, read_profiles
from trialmatch.matching.screen_rows import Format, RowEncoder

Chunk = list[tuple[Profile, MatchFilters]]
PATIENTS_PER_CHUNK = 4
CHUNKS_PER_WAVE = 16  # per worker: chunks read ahead, so no worker waits for the reader
MAX_DEFAULT_JOBS = 4


@dataclass
class BatchResult:
    screened: int = 0
    bad: int = 0
    rows: int = 0
    warnings: list[str] = field(default_factory=list)


class Screener:
    """Ranks and encodes chunks of patients; one per process, keeping its memo across chunks."""

    def __init__(self, compiled: CompiledIndex, fmt: Format, top: int | None = None) -> None:
        self.compiled = compiled
        self.top = top  # trials kept per patient, best first; None: every possible trial
        self.encoder = RowEncoder(compiled, fmt)
        self.memo = Memo()  # findings shared by patients who agree on what a dimension reads

    def screen(self, chunk: Chunk) -> tuple[bytes, int]:
        """The chunk's lines, encoded (bytes cross the pipe from a worker as a plain copy), and their count."""
        texts, rows = [], 0
        for profile, filters in chunk:
            ranking = rank_profile(self.compiled, profile, filters, self.memo)
            if self.top is not None:
                ranking = ranking.best(self.top)
            rows += len(ranking.rows)
            texts.append(self.encoder.lines(profile, ranking))
        return "".join(texts).encode("utf-8"), rows


def default_jobs() -> int:
    """Worker processes to use: the cores this process may run on, up to MAX_DEFAULT_JOBS."""
    return min(MAX_DEFAULT_JOBS, usable_cores())


def screen_batch(compiled: CompiledIndex, source: IO[str], sink: IO[bytes], fmt: Format,
                 on_bad_row: Callable[[BadRow], None], jobs: int = 1, top: int | None = None,
                 kinds: tuple[str, ...] = ()) -> BatchResult:
    """Match every patient of a CSV and write their ranked possible trials to `sink`; a bad row
    goes to `on_bad_row` and the rest are still screened. `top` keeps each patient's best trials
    only; `kinds` the kinds of study wanted (study_kind.GROUPS; empty: all)."""
    screener = Screener(compiled, fmt, top)
    places = PlaceLookup()
    result = BatchResult(warnings=places.warnings)
    sink.write(screener.encoder.header().encode("utf-8"))

    def patients() -> Iterator[tuple[Profile, MatchFilters]]:
        for item in read_profiles(source):
            if isinstance(item, BadRow):
                result.bad += 1
                on_bad_row(item)
                continue
            result.screened += 1
            if warning := unknown_treatments(item):
                result.warnings.append(f"Patient {item.id}: {warning}")
            yield item, MatchFilters(origin=places.origin(item), max_distance_miles=item.max_distance_miles,
                                     kinds=kinds)

    with _runner(screener, jobs) as run:
        chunks = _chunks(patients(), PATIENTS_PER_CHUNK)
        # Read a wave of chunks on this thread (bad rows are reported here, in order), then screen it.
        while wave := list(islice(chunks, max(1, jobs) * CHUNKS_PER_WAVE)):
            for encoded, rows in run(wave):
                sink.write(encoded)
                result.rows += rows
    return result


def _chunks(items: Iterable[tuple[Profile, MatchFilters]], size: int) -> Iterator[Chunk]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


Runner = Callable[[list[Chunk]], Iterable[tuple[bytes, int]]]
_worker_screener: Screener | None = None  # set in the parent before forking: workers inherit it


def _screen_in_worker(chunk: Chunk) -> tuple[bytes, int]:
    assert _worker_screener is not None, "worker started without a screener"
    return _worker_screener.screen(chunk)


@contextmanager
def _runner(screener: Screener, jobs: int) -> Iterator[Runner]:
    """Screen chunks in this process, or in `jobs` forked workers where the platform can fork
    (workers started by spawning would each load the index again: not worth it)."""
    global _worker_screener
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda wave: map(screener.screen, wave)
        return
    _worker_screener = screener
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield lambda wave: pool.imap(_screen_in_worker, wave)
    finally:
        _worker_screener = None
