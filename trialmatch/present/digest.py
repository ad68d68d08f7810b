"""What is new for a saved profile since a moment: the trials `trialmatch digest` reports.

For one profile, since a time: the possible trials (ranked by the matcher, as `match` ranks
them) that are new in the cache, reopened (closed in the cache, open again) or whose
eligibility criteria changed; and the trials the profile would have been a possible match for
that have closed. The cache dates each of these per trial (trialmatch.cache.write); this module
only reads. Rendering is trialmatch.present.digest_render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from trialmatch.cache.models import Trial
from trialmatch.cache.reads import last_sync_run
from trialmatch.errors import CacheError
from trialmatch.matching.match import OPEN_STATUSES, Candidate, MatchFilters, TrialMatch, match_profile
from trialmatch.matching.profile import Profile

TRIALS = Trial.__table__  # type: ignore[attr-defined]

Change = Literal["new", "reopened", "criteria changed"]
CHANGES: tuple[Change, ...] = ("new", "reopened", "criteria changed")
CHANGE_WORDS: dict[str, str] = {"new": "New", "reopened": "Open again", "criteria changed": "Criteria changed"}


def as_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive time is taken as UTC (how the cache stores times)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class CacheChanges:
    """What happened in the cache since `since`, by NCT id."""

    since: datetime
    opened: dict[str, Change]  # open now: new, reopened or criteria changed (the first that applies)
    closed: frozenset[str]  # went from open to closed since

    @property
    def nct_ids(self) -> frozenset[str]:
        """Every trial that changed in one of these ways (the page's "changed since" filter)."""
        return frozenset(self.opened) | self.closed


def changes_since(engine: Engine, since: datetime) -> CacheChanges:
    """The trials that appeared, reopened, changed their criteria or closed at or after `since`."""
    since = as_utc(since)
    c = TRIALS.c
    query = select(c.nct_id, c.overall_status, c.first_seen, c.criteria_changed_at, c.opened_or_closed_at).where(
        or_(c.first_seen >= since, c.criteria_changed_at >= since, c.opened_or_closed_at >= since))
    try:
        with engine.connect() as conn:
            rows = conn.execute(query).all()
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise CacheError(f"could not read the cache: {detail}") from exc
    opened: dict[str, Change] = {}
    closed: set[str] = set()

    def after(moment: datetime | None) -> bool:
        return moment is not None and as_utc(moment) >= since

    for nct_id, status, first_seen, criteria_at, flipped_at in rows:
        if status not in OPEN_STATUSES:
            if after(flipped_at):
                closed.add(nct_id)
        elif after(first_seen):
            opened[nct_id] = "new"
        elif after(flipped_at):  # open now and flipped since: it was closed before
            opened[nct_id] = "reopened"
        elif after(criteria_at):
            opened[nct_id] = "criteria changed"
    return CacheChanges(since, opened, frozenset(closed))


def last_sync_start(engine: Engine) -> datetime | None:
    """When the latest successful sync started: `--since-last-sync` reports what it brought."""
    run = last_sync_run(engine)
    return as_utc(run.started_at) if run is not None else None


@dataclass(frozen=True)
class NewTrial:
    match: TrialMatch
    change: Change


@dataclass(frozen=True)
class ProfileDigest:
    """One profile's digest. `source` names the profile (its file); nothing else about the
    patient goes into the summary line, which cron may mail."""

    source: str
    profile: Profile
    since: datetime
    opened: list[NewTrial]  # best first, as the matcher ranks
    closed: list[TrialMatch]
    note: str = ""  # e.g. the profile's place could not be found: shown without distances

    @property
    def has_news(self) -> bool:
        return bool(self.opened or self.closed)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {change: sum(1 for t in self.opened if t.change == change) for change in CHANGES}
        return {**counts, "closed": len(self.closed)}

    def summary(self) -> str:
        """One line: `kras.json: 2 possible trial(s) new, 1 reopened, 0 with changed criteria; 1 closed
        since 2025-12-20 03:30 UTC`."""
        when = since_words(self.since)
        if not self.has_news:
            return f"{self.source}: nothing new since {when}"
        n = self.counts()
        return (f"{self.source}: {n['new']} possible trial(s) new, {n['reopened']} reopened, "
                f"{n['criteria changed']} with changed criteria; {n['closed']} closed since {when}")


def since_words(moment: datetime) -> str:
    return as_utc(moment).strftime("%Y-%m-%d %H:%M UTC")


def profile_digest(
    index: Sequence[Candidate], changes: CacheChanges, profile: Profile, source: str, *,
    origin: tuple[float, float] | None = None, note: str = "",
) -> ProfileDigest:
    """The digest of one profile. Open trials are ranked by match_profile with the profile's own
    distance limit; closed ones are matched without one (a closed trial lists no open site)."""
    opened: list[NewTrial] = []
    if changes.opened:
        filters = MatchFilters(origin=origin, max_distance_miles=profile.max_distance_miles if origin else None)
        opened = [NewTrial(m, changes.opened[m.candidate.nct_id]) for m in match_profile(index, profile, filters)
                  if m.candidate.nct_id in changes.opened and m.verdict == "possible"]
    closed: list[TrialMatch] = []
    if changes.closed:
        closed = [m for m in match_profile(index, profile, MatchFilters(statuses=()))
                  if m.candidate.nct_id in changes.closed and m.verdict == "possible"]
    return ProfileDigest(source, profile, changes.since, opened, closed, note)
