"""One line per scheduled run, appended to a log file: when, which cache, the outcome, how long.

cron and systemd timers run `trialmatch sync` with nobody watching; the log file is how someone
later learns that last night's sync was refused because the previous one was still running, or
failed on a network error, without reading mail or the journal.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from trialmatch.cache.models import utcnow
from trialmatch.errors import SyncLockedError, TrialmatchError


def _cache_label(db: str | None) -> str:
    """The cache as the log shows it: a path, or a URL without its password."""
    from trialmatch.cache.store import resolve_db_url

    try:
        url = make_url(resolve_db_url(db))
    except TrialmatchError:
        return str(db)
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


@contextmanager
def run_log(path: Path | None, db: str | None) -> Iterator[Callable[[str], None]]:
    """Append one line to `path` (if given) when the block ends, however it ends.

    The block calls the yielded function with its success summary; an exception becomes a
    `refused`, `failed` or `interrupted` line and is re-raised. An unwritable log file is
    reported before any work starts.
    """
    if path is None:
        yield lambda summary: None
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.open("a", encoding="utf-8").close()
    except OSError as exc:
        raise TrialmatchError(f"cannot write the log file {path}: {exc.strerror or exc}") from exc
    started = time.monotonic()
    stamp = utcnow().replace(microsecond=0).isoformat()
    summary: list[str] = []
    outcome = "failed"
    try:
        yield summary.append
        outcome = "ok: " + (summary[0] if summary else "done")
    except SyncLockedError as exc:
        outcome = f"refused: {exc}"
        raise
    except KeyboardInterrupt:
        outcome = f"interrupted after {time.monotonic() - started:.1f} s"
        raise
    except Exception as exc:
        detail = str(exc) if isinstance(exc, TrialmatchError) else f"{type(exc).__name__}: {exc}"
        outcome = f"failed after {time.monotonic() - started:.1f} s: {detail}"
        raise
    finally:
        line = f"{stamp} sync [{_cache_label(db)}] {outcome}".replace("\n", " ")
        try:
            with path.open("a", encoding="utf-8") as log:  # one write of one line: appends do not interleave
                log.write(line + "\n")
        except OSError:
            pass  # the outcome still reaches stdout/stderr and the exit status
