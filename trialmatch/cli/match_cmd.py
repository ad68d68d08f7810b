"""`trialmatch match` and `trialmatch eval`: check a profile against the cache, score the matcher."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import click

from trialmatch.cli import main
from trialmatch.criteria.rules.base import UNKNOWN
from trialmatch.criteria.study_kind import GROUPS
from trialmatch.matching.match import MatchFilters, TrialMatch, match_profile
from trialmatch.matching.profile import load_profile, unknown_treatments
from trialmatch.present.plain import dimension_name, phase_words, status_words

DB_OPTION = click.option(
    "--db", envvar="TRIALMATCH_DB", default=None, help="Cache file or SQLAlchemy URL [env TRIALMATCH_DB]."
)
# `--kind` for match and screen: study_kind.GROUPS, spelled with hyphens on the command line.
KIND_OPTION = click.option(
    "--kind", "kinds", multiple=True, type=click.Choice([g.replace("_", "-") for g in GROUPS]),
    help="Kinds of study to list (repeat for several; default all): treatment, other-interventional "
         "(diagnosis, imaging, supportive care...), observational (registries, sample collections). "
         "A study whose kind is not stated is kept under each kind it could be.")


def kinds_option(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """`--kind` values as MatchFilters.kinds."""
    return tuple(k.replace("-", "_") for k in kinds)


def _format_match(rank: int, m: TrialMatch) -> str:
    c = m.candidate
    lines = [
        f"{rank}. {c.nct_id}  {phase_words(c.phases)} · {status_words(c.status)}",
        f"   {c.title}",
        f"   {c.kind_words}",
    ]
    if m.verdict == "excluded":
        for name in m.exclusions:
            f = m.dimensions[name]
            lines.append(f"   Does not fit ({dimension_name(name)}): {f.reason}")
            if f.evidence:
                lines.append(f'     "{f.evidence}"')
    else:
        lines.append(f"   Why it ranks here: {'; '.join(m.rank_reasons)}")
        for name, f in m.dimensions.items():
            if f.verdict == UNKNOWN:
                lines.append(f"   Check with your doctor ({dimension_name(name)}): {f.reason}")
                if f.evidence:
                    lines.append(f'     "{f.evidence}"')
    if m.nearest is not None:
        lines.append(f"   Nearest open site: {m.nearest.site.facility or '?'}, {m.nearest.site.place} "
                     f"({m.nearest.miles:.0f} miles)")
    elif m.distance_unknown:
        lines.append(f"   Nearest open site: {c.distance_unknown_words()}")
    lines.append(f"   https://clinicaltrials.gov/study/{c.nct_id}")
    return "\n".join(lines)


@main.command()
@click.option("--profile", "profile_path", required=True, type=click.Path(path_type=Path),
              help="Patient profile JSON (schema: README, 'Profile file').")
@click.option("--all", "show_all", is_flag=True,
              help="Every cached trial, including excluded and closed ones.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per trial.")
@click.option("--near", default=None, help="US ZIP code or city, for distances to open sites.")
@click.option("--max-miles", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Only trials with an open site this close (needs --near); trials none of whose sites can be "
                   "placed are kept, listed after them.")
@KIND_OPTION
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many trials.")
@DB_OPTION
def match(profile_path: Path, show_all: bool, as_json: bool, near: str | None, max_miles: float | None,
          kinds: tuple[str, ...], limit: int | None, db: str | None) -> None:
    """Match a patient profile against the cached trials.

    Lists possible matches (to discuss with a doctor), best first, each with why it may fit and
    what to check. With --all, excluded and closed trials are listed too, with the reason.

    \b
    Example:
      trialmatch match --profile me.json --near 02115 --max-miles 100
      trialmatch match --profile me.json --all --json > matches.json
      trialmatch match --profile me.json --kind treatment
    """
    from trialmatch.cache.store import open_cache
    from trialmatch.matching.index import load_index

    profile = load_profile(profile_path)
    if warning := unknown_treatments(profile):
        click.echo(f"Warning: {warning}", err=True)
    origin = None
    if near is not None:
        from trialmatch.cache.geo import geocode

        place = geocode(near)
        origin = (place.latitude, place.longitude)
    filters = MatchFilters(
        statuses=() if show_all else MatchFilters().statuses,
        origin=origin,
        max_distance_miles=max_miles if origin is not None else None,
        include_excluded=show_all,
        kinds=kinds_option(kinds),
    )
    index = load_index(open_cache(db))
    results = match_profile(index, profile, filters)
    shown = results[:limit] if limit else results
    if as_json:
        click.echo(json.dumps([m.to_json() for m in shown], indent=1, ensure_ascii=False))
        return
    possible = [m for m in results if m.verdict == "possible"]
    click.echo(f"{len(possible)} possible match(es) to discuss with your doctor, "
               f"out of {len(index)} cached trial(s).")
    if not index:
        click.echo("The cache is empty: run `trialmatch sync` first.")
    for rank, m in enumerate(shown, start=1):
        click.echo("")
        click.echo(_format_match(rank, m))


@main.command(name="eval")
@click.option("--shared", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The shared folder holding eval/ and ctgov/.")
@click.option("--part", type=click.Choice(["all", "working", "held-back"]), default="all", show_default=True,
              help="The recruiting set's part: the first 48 trials by NCT id, or the last 16 (held back until "
                   "measured twice; see README, Scores).")
@click.option("--show-disagreements", is_flag=True, help="List every verdict that differs from its label.")
def eval_command(shared: Path | None, part: str, show_disagreements: bool) -> None:
    """Score the matcher on the labelled cases: false exclusions, exclusion recall, agreement, hidden.

    Each labelled set (studies, recruiting) is scored alone and then together. "Hidden" counts
    the trial/profile pairs a careful reader lists as possible that the matcher files as excluded.

    \b
    Example:
      trialmatch eval --shared ../shared
    """
    from trialmatch.errors import TrialmatchError
    from trialmatch.matching.evaluate import DEFAULT_SHARED, Part, evaluate_sets, format_sets, together

    folder = shared or DEFAULT_SHARED
    if not (folder / "eval" / "labels.json").is_file():
        raise TrialmatchError(f"no labelled cases at {folder / 'eval'}; pass --shared")
    chosen = cast(Part, part)  # click.Choice keeps it to the parts
    reports = evaluate_sets(folder, part=chosen)
    click.echo(format_sets(reports, show_disagreements, chosen))
    if together(reports).false_exclusions:
        raise SystemExit(1)
