"""`trialmatch screen`: batch screening of many patients from a CSV file."""

from __future__ import annotations

import gc
from pathlib import Path

import click

from trialmatch.cli import main
from trialmatch.cli.match_cmd import DB_OPTION, KIND_OPTION, kinds_option
from trialmatch.errors import ProfileError, TrialmatchError
from trialmatch.matching.screen import BadRow
from trialmatch.matching.screen_batch import MAX_DEFAULT_JOBS, default_jobs, screen_batch


@main.command()
@click.argument("patients", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the matches: .csv, or .jsonl for JSON lines.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default=None,
              help="Output format (default: from the --out extension).")
@click.option("--top", type=click.IntRange(min=1), default=None, metavar="N",
              help="Keep each patient's N best possible trials (default: every possible trial).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help=f"Worker processes (default: the machine's cores, up to {MAX_DEFAULT_JOBS}).")
@KIND_OPTION
@DB_OPTION
def screen(patients: Path, out_path: Path, fmt: str | None, top: int | None, jobs: int | None,
           kinds: tuple[str, ...], db: str | None) -> None:
    """Screen many patients at once: one output row per patient and possible trial.

    PATIENTS is a CSV with one profile per row (columns: see `trialmatch.matching.screen` or the README).
    Bad rows are reported with their line number and skipped; the rest are still processed.

    \b
    Example:
      trialmatch screen patients.csv --out matches.csv
      trialmatch screen patients.csv --out matches.jsonl
      trialmatch screen patients.csv --out shortlist.csv --top 10
      trialmatch screen patients.csv --out treatments.csv --kind treatment
    """
    from trialmatch.cache.store import open_cache
    from trialmatch.matching.index import load_index

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
    # Write to a temporary file and rename at the end, so an interrupted run never leaves half a file.
    partial = out_path.with_name(out_path.name + ".partial")
    try:
        with source, partial.open("wb") as sink:
            try:
                result = screen_batch(compiled, source, sink, "jsonl" if fmt == "jsonl" else "csv", _report_bad_row,
                                      jobs=jobs or default_jobs(), top=top, kinds=kinds_option(kinds))
            except UnicodeDecodeError:
                raise ProfileError(f"{patients} is not a UTF-8 text CSV file") from None
    except BaseException:
        partial.unlink(missing_ok=True)  # a failed run leaves no half-written output behind
        raise
    partial.replace(out_path)
    for warning in result.warnings:
        click.echo(warning, err=True)
    click.echo(f"Screened {result.screened} patient(s) against {len(index)} trial(s): {result.rows} possible match "
               f"row(s) written to {out_path}; {result.bad} bad row(s) skipped.")
    if result.screened == 0 and result.bad:
        raise SystemExit(1)


def _report_bad_row(row: BadRow) -> None:
    click.echo(f"Skipped line {row.line}: {row.message}", err=True)
