"""`trialmatch import`: load study records from JSON files into the cache."""

from __future__ import annotations

from pathlib import Path

import click

from trialmatch.cli import main
from trialmatch.cli.match_cmd import DB_OPTION


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--wait", type=click.FloatRange(min=0), default=0, metavar="SECONDS", show_default=True,
              help="If a sync or another import is writing to this cache, wait up to this long for it.")
@DB_OPTION
def import_command(paths: tuple[Path, ...], wait: float, db: str | None) -> None:
    """Load ClinicalTrials.gov study records (JSON files or folders of them) into the cache.

    Every record is kept, whatever its status, and its criteria are parsed as in a sync.
    Files may hold one study object, a list of them, or an API page {"studies": [...]}.
    An import takes the sync lock: it never writes while a sync does.

    \b
    Example:
      trialmatch import ../shared/ctgov/studies/
    """
    from trialmatch.cache.importer import import_records
    from trialmatch.cache.lock import sync_lock
    from trialmatch.cache.store import open_cache

    engine = open_cache(db)
    with sync_lock(engine, wait=wait, task="import"):
        counts = import_records(engine, paths)
    click.echo(f"Imported: {counts.new} new, {counts.updated} updated, {counts.unchanged} unchanged, "
               f"{counts.skipped} skipped.")
