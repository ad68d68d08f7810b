"""One sync: fetch NSCLC studies page by page and save each page with the cursor, resumably.

Modes:
- full (first sync, or --full): the open NSCLC studies (trialmatch.registry.query), then a re-check by
  id of cached trials still listed as open that the run did not see, so closures are learnt.
- incremental (after a successful sync): every study of the same searches updated since the
  last successful sync's data date minus a safety margin, whatever its status.

The cursor is "<step>:<pageToken>": step i < len(plan) is the i-th query of the plan, step
len(plan) the re-check. It is saved in the same transaction as each page (cache.save_page),
so a run killed anywhere resumes at the first page not saved.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from queue import Full, Queue
from typing import Any, TypeVar

from sqlalchemy.engine import Engine

from trialmatch.cache import store as cache
from trialmatch.cache.lock import sync_lock
from trialmatch.cache.models import SyncRun
from trialmatch.criteria.parse_pool import CriteriaParser
from trialmatch.errors import APIRequestError, APIResponseError
from trialmatch.registry.client import CTGovClient, Page
from trialmatch.registry.query import IDS_PER_REQUEST, PAGE_SIZE, ids_query, study_queries

log = logging.getLogger(__name__)
T = TypeVar("T")

# Updates are posted by day in weekday batches: ask again for a couple of days before the
# last successful sync, so a batch landing around it is never missed (re-reads are no-ops).
INCREMENTAL_OVERLAP_DAYS = 2


@dataclass(frozen=True)
class Progress:
    """Where a sync is: studies handled so far in this process, and the expected total if known."""

    step: str  # "search 1/2", "re-check"
    done: int
    total: int | None


ProgressCallback = Callable[[Progress], None]


@dataclass
class SyncSummary:
    run_id: int
    mode: str
    resumed: bool
    new: int
    updated: int
    unchanged: int
    closed: int
    skipped: int
    pages: int
    seconds: float
    data_timestamp: str | None

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        how = f"{self.mode}{', resumed' if self.resumed else ''}"
        return (
            f"Synced ({how}): {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.closed} closed, {self.skipped} skipped in {self.seconds:.1f} s"
            + (f" (registry data of {self.data_timestamp})" if self.data_timestamp else "")
            + "."
        )


def parse_cursor(cursor: str | None) -> tuple[int, str | None]:
    """(step, pageToken or None) from a stored cursor; None means the very start."""
    if not cursor:
        return 0, None
    step, _, token = cursor.partition(":")
    try:
        return int(step), token or None
    except ValueError:
        log.warning("unreadable sync cursor %r: starting the run's searches again", cursor)
        return 0, None


def _since_for(previous: SyncRun) -> str:
    """The LastUpdatePostDate lower bound for an incremental run after `previous`."""
    stamp = previous.data_timestamp
    try:
        base = datetime.fromisoformat(stamp) if stamp else previous.started_at
    except ValueError:
        base = previous.started_at
    return (base.date() - timedelta(days=INCREMENTAL_OVERLAP_DAYS)).isoformat()


def _data_timestamp(client: CTGovClient) -> str | None:
    try:
        value = client.version().get("dataTimestamp")
    except (APIRequestError, APIResponseError) as exc:  # a stand-in without /version is fine
        log.warning("could not read the API's data timestamp: %s", exc)
        return None
    return str(value) if value else None


def _begin(engine: Engine, client: CTGovClient, full: bool) -> tuple[SyncRun, bool]:
    """The run to carry on (resumed=True) or a new one."""
    pending = cache.unfinished_run(engine)
    if pending is not None and (not full or pending.mode == "full"):
        log.info("resuming sync run %s (%s) at cursor %r", pending.id, pending.mode, pending.cursor)
        return cache.set_run(engine, pending.id, status="running", error=None), True  # type: ignore[arg-type]
    if pending is not None:
        cache.abandon_unfinished(engine, "superseded by a full sync")
    previous = None if full else cache.last_ok_run(engine)
    mode, since = ("full", None) if previous is None else ("incremental", _since_for(previous))
    return cache.start_run(engine, mode=mode, since=since, data_timestamp=_data_timestamp(client)), False


def _pages(client: CTGovClient, params: Mapping[str, str], token: str | None) -> Iterator[Page]:
    """Pages from `token`; a saved token the API no longer accepts restarts the search from page 1."""
    try:
        first = next(client.iter_pages(params, page_token=token), None)
    except APIRequestError as exc:
        if token is None:
            raise
        log.warning("the API refused the saved page token (%s): restarting this search from page 1", exc)
        token, first = None, next(client.iter_pages(params), None)
    if first is None:
        return
    yield first
    if first.next_page_token is not None:
        yield from client.iter_pages(params, page_token=first.next_page_token)


def prefetched(pages: Iterator[T], depth: int = 1) -> Iterator[T]:
    """Download the next page in a background thread while the current one is being saved.

    Network time then overlaps with parsing and SQL; at most `depth` pages wait in the queue,
    so memory stays bounded whatever the number of studies. Errors (including the client's
    final APIError) surface in the caller at the page where they happened.
    """
    queue: Queue[tuple[str, Any]] = Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: tuple[str, Any]) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for page in pages:
                if not put(("page", page)):
                    return
            put(("end", None))
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which re-raises
            put(("error", exc))

    worker = threading.Thread(target=produce, name="trialmatch-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = queue.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()


def sync(
    engine: Engine,
    client: CTGovClient,
    *,
    full: bool = False,
    progress: ProgressCallback | None = None,
    page_size: int = PAGE_SIZE,
    wait: float = 0.0,
) -> SyncSummary:
    """Bring the cache up to date with the API, resuming an interrupted run if there is one.

    One sync at a time per cache (trialmatch.cache.lock): if another sync is running, wait up
    to `wait` seconds for it, then raise SyncLockedError.

    `page_size` is for tests and benchmarks; the API's maximum (1000) needs the fewest requests.
    """
    started = time.monotonic()
    with sync_lock(engine, wait=wait), CriteriaParser() as parser:
        return _locked_sync(engine, client, full, progress, page_size, started, parser)


def _locked_sync(
    engine: Engine, client: CTGovClient, full: bool, progress: ProgressCallback | None, page_size: int,
    started: float, parser: CriteriaParser,
) -> SyncSummary:
    cache.reparse_outdated(engine, parser=parser)  # rule modules changed since the last run: no network needed
    run, resumed = _begin(engine, client, full)
    assert run.id is not None
    try:
        _run(engine, client, run, progress, page_size, parser)
    except BaseException as exc:
        reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc) or type(exc).__name__
        try:
            cache.set_run(engine, run.id, status="failed", error=reason)
        except Exception:  # noqa: BLE001 - the original error is the one to report
            log.exception("could not record the failed sync run")
        raise
    done = cache.set_run(engine, run.id, status="ok", finished_at=cache.utcnow(), cursor=None, error=None)
    return SyncSummary(
        run_id=run.id, mode=done.mode, resumed=resumed, new=done.new, updated=done.updated,
        unchanged=done.unchanged, closed=done.closed, skipped=done.skipped, pages=done.pages,
        seconds=time.monotonic() - started, data_timestamp=done.data_timestamp,
    )


def _run(
    engine: Engine, client: CTGovClient, run: SyncRun, progress: ProgressCallback | None, page_size: int,
    parser: CriteriaParser,
) -> None:
    assert run.id is not None
    plan = study_queries(run.since if run.mode == "incremental" else None, page_size=page_size)
    step, token = parse_cursor(run.cursor)
    done, total = 0, 0
    skipped: set[str] = set()  # skipped records are not stored: count each once however often it comes
    known_total = True
    for index in range(step, len(plan)):
        label = f"search {index + 1}/{len(plan)}"
        page_token = token if index == step else None
        if page_token is not None:
            known_total = False  # the total only comes with a search's first page
        for page in prefetched(_pages(client, plan[index], page_token)):
            if page.total_count is not None:
                total += page.total_count
            elif page.token is None:
                known_total = False
            more = page.next_page_token is not None
            cache.save_page(engine, page.studies, run.id, cursor=f"{index}:{page.next_page_token}" if more
                            else f"{index + 1}:", parser=parser, skipped_ids=skipped)
            done += len(page.studies)
            if progress is not None:
                progress(Progress(label, done, total if known_total else None))
        cache.set_run(engine, run.id, cursor=f"{index + 1}:")
    if run.mode == "full":
        _recheck(engine, client, run, len(plan), done, progress, page_size, parser)


def _recheck(
    engine: Engine,
    client: CTGovClient,
    run: SyncRun,
    step: int,
    done: int,
    progress: ProgressCallback | None,
    page_size: int,
    parser: CriteriaParser,
) -> None:
    """Ask by id for cached open trials the searches did not return: they closed or left the search."""
    assert run.id is not None
    missing = cache.open_trials_not_seen_since(engine, run.started_at)
    if missing:
        log.info("re-checking %d cached open trial(s) the searches did not return", len(missing))
    for start in range(0, len(missing), IDS_PER_REQUEST):
        chunk = missing[start:start + IDS_PER_REQUEST]
        for page in client.iter_pages(ids_query(chunk, page_size=page_size)):
            cache.save_page(engine, page.studies, run.id, cursor=f"{step}:", parser=parser)
            done += len(page.studies)
            if progress is not None:
                progress(Progress("re-check", done, None))
