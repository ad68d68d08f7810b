"""`trialmatch screen`: batch screening of many patients from a CSV file."""

from __future__ import annotations

import gc
from pathlib import Path

import click

from trialmatch.cli import main
from trialmatch.cli.match_cmd import DB_OPTION
from trialmatch.compiled import Memo
from trialmatch.errors import ProfileError, TrialmatchError
from trialmatch.match import MatchFilters, rank_profile
from trialmatch.screen import BadRow, PlaceLookup, read_profiles
from trialmatch.screen_rows import RowEncoder


@main.command()
@click.argument("patients", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the matches: .csv, or .jsonl for JSON lines.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default=None,
              help="Output format (default: from the --out extension).")
@DB_OPTION
def screen(patients: Path, out_path: Path, fmt: str | None, db: str | None) -> None:
    """Screen many patients at once: one output row per patient and possible trial.

    PATIENTS is a CSV with one profile per row (columns: see `trialmatch.screen` or the README).
    Bad rows are reported with their line number and skipped; the rest are still processed.

    \b
    Example:
      trialmatch screen patients.csv --out matches.csv
      trialmatch screen patients.csv --out matches.jsonl
    """
    from trialmatch.cache import open_cache
    from trialmatch.index import load_index

    fmt = fmt or ("jsonl" if out_path.suffix.lower() in (".jsonl", ".ndjson") else "csv")
    index = load_index(open_cache(db))
    try:
        source = patients.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise TrialmatchError(f"cannot read {patients}: {exc.strerror}") from None
    compiled = index.compiled
    # The index lives for the whole run: keep the garbage collector from walking its millions of
    # objects again and again while the batch allocates findings and lines (~10% of the run).
    gc.freeze()
    encoder = RowEncoder(compiled, "jsonl" if fmt == "jsonl" else "csv")
    places = PlaceLookup()
    screened = bad = rows = 0
    memo = Memo()  # findings shared by patients who agree on what a dimension reads
    # Write to a temporary file and rename at the end, so an interrupted run never leaves half a file.
    partial = out_path.with_name(out_path.name + ".partial")
    try:
        with source, partial.open("w", newline="", encoding="utf-8") as sink:
            sink.write(encoder.header())
            try:
                for item in read_profiles(source):
                    if isinstance(item, BadRow):
                        bad += 1
                        click.echo(f"Skipped line {item.line}: {item.message}", err=True)
                        continue
                    screened += 1
                    filters = MatchFilters(origin=places.origin(item), max_distance_miles=item.max_distance_miles)
                    ranking = rank_profile(compiled, item, filters, memo)
                    rows += len(ranking.rows)
                    sink.write(encoder.lines(item, ranking))
            except UnicodeDecodeError:
                raise ProfileError(f"{patients} is not a UTF-8 text CSV file") from None
    except BaseException:
        partial.unlink(missing_ok=True)  # a failed run leaves no half-written output behind
        raise
    partial.replace(out_path)
    for warning in places.warnings:
        click.echo(warning, err=True)
    click.echo(f"Screened {screened} patient(s) against {len(index)} trial(s): {rows} possible match row(s) "
               f"written to {out_path}; {bad} bad row(s) skipped.")
    if screened == 0 and bad:
        raise SystemExit(1)

