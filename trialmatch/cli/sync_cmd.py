"""`trialmatch sync`, `trialmatch stats`, `trialmatch show`: fill the cache and look into it."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path
from typing import Any

import click

from trialmatch.cli import main
from trialmatch.criteria.study_kind import kind_of
from trialmatch.criteria.text import unescape
from trialmatch.errors import TrialmatchError

DB_OPTION = click.option(
    "--db", envvar="TRIALMATCH_DB", default=None,
    help="Cache file or SQLAlchemy URL [env TRIALMATCH_DB; default data/trialmatch.db].",
)
NCT_ID = re.compile(r"^NCT\d{8}$", re.I)
# Control characters (ANSI escapes included) in registry text must not drive the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _safe(text: Any) -> str:
    """Registry text made safe to print: no control characters, no escape sequences."""
    return _CONTROL.sub("", str(text)) if text is not None else ""


def _quiet_logging() -> None:
    """Warnings (retries, skipped records) as one line each on stderr; no library chatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("warning: %(message)s"))
    root = logging.getLogger("trialmatch")
    if not root.handlers:
        root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)


@main.command()
@click.option("--full", is_flag=True, help="Fetch every open NSCLC trial again instead of only updates.")
@click.option("--api-url", envvar="TRIALMATCH_API_URL", default=None, metavar="URL",
              help="API base URL [env TRIALMATCH_API_URL; default https://clinicaltrials.gov/api/v2].")
@DB_OPTION
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar [default: when stderr is a terminal].")
@click.option("--page-size", type=click.IntRange(1, 1000), default=1000, hidden=True)
@click.option("--wait", type=click.FloatRange(min=0), default=0, metavar="SECONDS", show_default=True,
              help="If another sync is running on this cache, wait up to this long for it to finish "
                   "(0: give up at once).")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              envvar="TRIALMATCH_SYNC_LOG",
              help="Append one line per run (time, outcome, counts) to this file [env TRIALMATCH_SYNC_LOG].")
def sync(
    full: bool, api_url: str | None, db: str | None, progress: bool | None, page_size: int, wait: float,
    log_file: Path | None,
) -> None:
    """Download NSCLC trials from ClinicalTrials.gov into the local cache.

    The first run fetches every recruiting, not-yet-recruiting and enrolling-by-invitation NSCLC
    trial; later runs fetch only what changed since the last successful sync, including trials
    that closed. Each page is saved with its place in the download, so an interrupted sync
    (Ctrl-C, lost network, killed) resumes where it stopped when you run it again. Only the
    condition is sent to the API: no patient data ever leaves this machine.

    Safe from cron or a systemd timer: one sync at a time per cache (a second one waits up to
    --wait seconds, then exits with status 1), one line per run, exit status 1 on any failure.

    \b
    Example:
      trialmatch sync
      TRIALMATCH_API_URL=http://127.0.0.1:8765/api/v2 trialmatch sync --db /tmp/trials.db --full
      trialmatch sync --wait 600 --log-file /var/log/trialmatch/sync.log
    """
    from tqdm import tqdm

    from trialmatch.cache.store import open_cache
    from trialmatch.cli.run_log import run_log
    from trialmatch.registry.client import CTGovClient
    from trialmatch.registry.sync import Progress
    from trialmatch.registry.sync import sync as run_sync

    _quiet_logging()
    with run_log(log_file, db) as record:
        engine = open_cache(db)
        show_bar = sys.stderr.isatty() if progress is None else progress
        with tqdm(total=None, unit=" studies", disable=not show_bar, file=sys.stderr, leave=False) as bar, \
                CTGovClient(base_url=api_url) as client:

            def on_progress(p: Progress) -> None:
                bar.set_description(p.step)
                if p.total is not None and p.total != bar.total:
                    bar.total = p.total
                bar.update(p.done - bar.n)

            summary = run_sync(engine, client, full=full, progress=on_progress, page_size=page_size, wait=wait)
        record(summary.line())
    click.echo(summary.line())


def _format_stats(stats: dict[str, Any]) -> str:
    lines = [f"Trials: {stats['trials']}    Sites: {stats['sites']}"]
    if stats["last_sync"]:
        data = f" (registry data of {stats['data_timestamp']})" if stats["data_timestamp"] else ""
        lines.append(f"Last sync: {stats['last_sync']}{data}")
    else:
        lines.append("Last sync: never (run `trialmatch sync`)")
    for title, counts in (("By status", stats["by_status"]), ("By phase", stats["by_phase"])):
        if counts:
            lines.append(f"{title}:")
            label = _phase if title == "By phase" else _words
            lines.extend(f"  {label(name):<26}{n:>6}" for name, n in counts.items())
    return "\n".join(lines)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@DB_OPTION
def stats(as_json: bool, db: str | None) -> None:
    """Count the cached trials and sites, by status and phase, with the last sync time.

    With --json: {"trials": N, "sites": N, "by_status": {...}, "by_phase": {...},
    "last_sync": "<ISO time>" or null, "data_timestamp": "<registry data time>" or null}.

    \b
    Example:
      trialmatch stats
      trialmatch stats --json --db /tmp/trials.db
    """
    from trialmatch.cache import reads
    from trialmatch.cache.store import open_cache

    result = reads.stats(open_cache(db))
    click.echo(json.dumps(result, indent=1) if as_json else _format_stats(result))


def _words(value: str | None) -> str:
    return (value or "unknown").replace("_", " ").lower()


def _phase(value: str) -> str:
    """PHASE2 -> "phase 2", EARLY_PHASE1 -> "early phase 1", NA -> "no phase"."""
    return "no phase" if value == "NA" else re.sub(r"(\d)$", r" \1", _words(value))


def _format_trial(trial: Any, sites: list[Any], criteria_limit: int | None) -> str:
    phases = ", ".join(_phase(p) for p in trial.phases)
    ages = " to ".join(a for a in (trial.minimum_age, trial.maximum_age) if a) or "any age"
    if trial.minimum_age and not trial.maximum_age:
        ages = f"{trial.minimum_age} and older"
    lines = [
        f"{trial.nct_id}  {_safe(trial.brief_title)}",
        f"Status: {_words(trial.overall_status)}"
        + (f" (last known: {_words(trial.last_known_status)})" if trial.last_known_status else "")
        + f" · {phases or 'no phase'} · {_words(trial.study_type)}",
        f"Sponsor: {_safe(trial.sponsor) or 'not stated'}",
        f"Conditions: {_safe('; '.join(trial.conditions)) or 'not stated'}",
        f"Ages: {ages} · Sex: {_words(trial.sex)}",
        f"Last updated: {trial.last_update_posted or 'unknown'} · https://clinicaltrials.gov/study/{trial.nct_id}",
    ]
    if trial.interventions:
        names = "; ".join(_safe(i.get("name")) for i in trial.interventions if i.get("name"))
        lines.append(f"Interventions: {names}")
    lines.append(f"Kind of study: {kind_of(trial.study_kind).words}")
    criteria = _safe(unescape(trial.eligibility_criteria)).strip() or "not stated"
    if criteria_limit is not None and len(criteria) > criteria_limit:
        criteria = criteria[:criteria_limit].rstrip() + " … (use --full-criteria for the rest)"
    lines += ["", "Eligibility criteria:", *("  " + line for line in criteria.splitlines()), ""]
    lines.append(f"Sites ({len(sites)}):" if sites else "Sites: none listed")
    for site in sites:
        place = ", ".join(_safe(p) for p in (site.city, site.state, site.country) if p)
        status = _words(site.status) if site.status else "status not given"
        lines.append(f"  {_safe(site.facility) or 'unnamed site'}, {place or 'place not given'} · {status}")
    return "\n".join(lines)


@main.command()
@click.argument("nct_id")
@click.option("--json", "as_json", is_flag=True, help="Print the stored API record as JSON.")
@click.option("--full-criteria", is_flag=True, help="Print the eligibility criteria in full.")
@DB_OPTION
def show(nct_id: str, as_json: bool, full_criteria: bool, db: str | None) -> None:
    """Show one cached trial: status, phase, ages, criteria and sites.

    \b
    Example:
      trialmatch show NCT06029816
      trialmatch show NCT06029816 --json > NCT06029816.json
    """
    from trialmatch.cache import reads
    from trialmatch.cache.store import open_cache

    wanted = nct_id.strip().upper()
    if not NCT_ID.match(wanted):
        raise TrialmatchError(f"{_safe(nct_id)!r} is not an NCT id (NCT followed by 8 digits, e.g. NCT06029816)")
    engine = open_cache(db)
    trial = reads.get_trial(engine, wanted)
    if trial is None:
        raise TrialmatchError(
            f"{wanted} is not in the cache: run `trialmatch sync`, or it is not an open NSCLC trial"
        )
    if as_json:
        click.echo(json.dumps(trial.raw, indent=1, ensure_ascii=False))
        return
    click.echo(_format_trial(trial, reads.sites_for(engine, wanted), None if full_criteria else 3000))
