"""`trialmatch digest`: what is new for saved profiles since a date or the last sync (for cron)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from trialmatch.cli import main
from trialmatch.cli.match_cmd import DB_OPTION
from trialmatch.errors import ProfileError, TrialmatchError

if TYPE_CHECKING:
    from trialmatch.present.digest_render import Format

# The digest's formats by file suffix (digest_render.Format; that module is imported only when a
# digest is made: it pulls in the PDF and page code, and every CLI start pays for what it imports).
FORMATS: dict[str, str] = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".csv": "csv"}


def _since(value: str) -> datetime:
    """A date (midnight UTC) or an ISO date and time (UTC unless it says otherwise)."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise TrialmatchError(f"--since {value!r} is not a date (YYYY-MM-DD) or an ISO date and time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _error(path: Path, exc: TrialmatchError) -> str:
    """The one-line error for a profile file, naming it once."""
    message = str(exc)
    return f"Error: {message}" if str(path) in message else f"Error: {path}: {message}"


@main.command()
# Any path: a folder or a missing file is one profile's error, reported while the others go on.
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--since", "since_text", default=None, metavar="DATE",
              help="Report what changed on or after this date (YYYY-MM-DD, UTC) or ISO date and time.")
@click.option("--since-last-sync", is_flag=True,
              help="Report what the latest successful sync brought (the default).")
@click.option("--out", "out_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the full digest to this file: .html (one self-contained page), .md or .csv.")
@DB_OPTION
def digest(profiles: tuple[Path, ...], since_text: str | None, since_last_sync: bool, out_path: Path | None,
           db: str | None) -> None:
    """What is new for saved profiles: possible trials that appeared, reopened or changed their
    criteria, ranked as `match` ranks them, and possible trials that closed.

    Made for cron after the nightly sync: one line per profile on stdout when anything is new,
    nothing at all when nothing is, so cron mails only news. The lines name the profile files
    and count trials; the details (with each profile's verdicts) go only to --out, on this
    machine. A bad profile file is reported in one line and skipped; the others still get
    their digest, and the exit status is then 1.

    \b
    Example:
      trialmatch digest me.json --since 2025-12-01
      trialmatch digest profiles/*.json --since-last-sync --out digest.html
    """
    from trialmatch.cache.geo import geocode
    from trialmatch.cache.store import open_cache
    from trialmatch.matching.index import load_index
    from trialmatch.matching.profile import load_profile
    from trialmatch.present.digest import changes_since, last_sync_start, profile_digest
    from trialmatch.present.digest_render import render

    if since_text is not None and since_last_sync:
        raise TrialmatchError("give --since DATE or --since-last-sync, not both")
    fmt = FORMATS.get(out_path.suffix.lower()) if out_path is not None else None
    if out_path is not None and fmt is None:
        raise TrialmatchError(f"--out {out_path} must end in .html, .md or .csv")
    asked = _since(since_text) if since_text is not None else None  # bad input refused before any work
    engine = open_cache(db)
    since = asked or last_sync_start(engine)
    if since is None:
        raise TrialmatchError("no sync has finished on this cache yet: run `trialmatch sync`, or give --since DATE")
    changes = changes_since(engine, since)
    index = load_index(engine) if changes.opened or changes.closed else []
    digests, failed = [], False
    for path in profiles:
        try:
            profile = load_profile(path)
        except ProfileError as exc:
            click.echo(_error(path, exc), err=True)
            failed = True
            continue
        origin, note = None, ""
        if profile.location and index:
            try:
                place = geocode(profile.location)
                origin = (place.latitude, place.longitude)
            except ProfileError as exc:
                note = f"Distances left out: {exc}."
                click.echo(f"Warning: {path}: {exc}; digest without distances", err=True)
        digests.append(profile_digest(index, changes, profile, str(path), origin=origin, note=note))
    if out_path is not None and fmt is not None:
        _write(out_path, render(digests, cast("Format", fmt)))
    if any(d.has_news for d in digests):
        for d in digests:
            click.echo(d.summary())
    if failed:
        sys.exit(1)


def _write(path: Path, text: str) -> None:
    """Write to a temporary file and rename it, so a reader never sees half a digest."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise TrialmatchError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise

