"""Match a patient profile against every cached trial and rank the possible ones.

Pure functions over frozen dataclasses: the index is built once from the cache (`load_index`),
then `match_profile` reads no free text and touches no database.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal

import numpy as np
import orjson

from trialmatch.cache.distance import haversine_miles
from trialmatch.cache.models import OPEN_STATUSES
from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import EXCLUDED, UNKNOWN, Finding
from trialmatch.criteria.study_kind import SCOPE_WORDS, kind_of
from trialmatch.matching.compiled import CHECKS, CompiledIndex, Memo, Verdicts
from trialmatch.matching.profile import Profile
from trialmatch.matching.site_distances import OPEN_SITE_STATUSES, may_be_open

COUNTRIES_NAMED = 5  # in "distance unknown: sites in ..."

Overall = Literal["possible", "excluded"]


@dataclass(frozen=True)
class SiteInfo:
    """A trial site as the matcher and page need it."""

    facility: str | None
    city: str | None
    state: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    status: str | None

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.city, self.state, self.country) if p)

    @property
    def maybe_open(self) -> bool:
        """Recruiting or about to, or its status not given (reshaped records give none): unknown
        is not closed."""
        return may_be_open(self.status)


@dataclass(frozen=True)
class Candidate:
    """One cached trial with its parsed rules: everything matching needs, nothing it does not."""

    nct_id: str
    title: str
    status: str
    phases: tuple[str, ...] = ()
    study_type: str | None = None
    conditions: tuple[str, ...] = ()
    minimum_age_years: float | None = None
    maximum_age_years: float | None = None
    sex: str = "ALL"
    first_seen: datetime | None = None
    last_update_posted: str | None = None
    rules: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    sites: tuple[SiteInfo, ...] = ()
    study_kind: str | None = None  # a trialmatch.criteria.study_kind code; None: not stated
    disease_scope: str | None = None  # "lung", "basket", "solid" or None

    @property
    def kind_words(self) -> str:
        """What kind of study it is, in plain words ("Treatment study: a new drug", "Registry: ...")."""
        return kind_of(self.study_kind).words

    @property
    def site_countries(self) -> list[str]:
        """Countries of the sites a patient might go to (every site's if none is open): those with
        the most sites first, the United States first among equals (most users are there, as
        geo assumes), then in the registry's order."""
        sites = [s for s in self.sites if s.maybe_open] or list(self.sites)
        counts = Counter(s.country for s in sites if s.country)
        return sorted(counts, key=lambda country: (-counts[country], country != "United States"))

    def distance_unknown_words(self) -> str:
        """ "distance unknown: sites in United States, Germany, ...": no open site could be placed."""
        countries = self.site_countries
        if not countries:
            return "distance unknown: no sites listed yet"
        named = ", ".join(countries[:COUNTRIES_NAMED])
        more = len(countries) - COUNTRIES_NAMED
        return f"distance unknown: sites in {named}" + (f" and {more} more countries" if more > 0 else "")


@dataclass(frozen=True)
class MatchFilters:
    """What to consider. Empty tuples mean "any"."""

    statuses: tuple[str, ...] = OPEN_STATUSES
    phases: tuple[str, ...] = ()
    interventional_only: bool = False
    kinds: tuple[str, ...] = ()  # study_kind.GROUPS to keep: treatment, other_interventional, observational
    new_since: date | None = None  # first seen in the cache on or after this day
    origin: tuple[float, float] | None = None  # patient's (lat, lon), for distances
    # Trials with an open site this close are kept, and so are those none of whose sites could be
    # placed (ranked after them): an unknown distance is not a long one.
    max_distance_miles: float | None = None
    include_excluded: bool = False


@dataclass(frozen=True)
class NearestSite:
    site: SiteInfo
    miles: float


@dataclass(frozen=True)
class TrialMatch:
    """The verdict on one trial for one profile, with the evidence and the ranking reasons."""

    candidate: Candidate
    verdict: Overall
    dimensions: dict[str, Finding]
    nearest: NearestSite | None = None
    located: bool = False  # distances were asked for (the patient gave a place)

    @property
    def distance_unknown(self) -> bool:
        return self.located and self.nearest is None

    @property
    def rank_reasons(self) -> list[str]:
        return _rank_reasons(self.dimensions, self.candidate, self.nearest, self.located)

    @cached_property
    def unknowns(self) -> list[str]:
        return [name for name, f in self.dimensions.items() if f.verdict == UNKNOWN]

    @property
    def exclusions(self) -> list[str]:
        return [name for name, f in self.dimensions.items() if f.verdict == EXCLUDED]

    def to_json(self) -> dict[str, Any]:
        c = self.candidate
        out: dict[str, Any] = {
            "nct_id": c.nct_id,
            "verdict": self.verdict,
            "dimensions": {name: f.to_json() for name, f in self.dimensions.items()},
            "title": c.title,
            "status": c.status,
            "phases": list(c.phases),
            "study_kind": c.study_kind or "not_stated",
            "kind": c.kind_words,
            "disease_scope": c.disease_scope,
            "rank_reasons": self.rank_reasons,
            "url": f"https://clinicaltrials.gov/study/{c.nct_id}",
        }
        if self.nearest is not None:
            out["nearest_site"] = {
                "facility": self.nearest.site.facility,
                "place": self.nearest.site.place,
                "miles": round(self.nearest.miles, 1),
            }
        elif self.distance_unknown:
            out["distance"] = self.candidate.distance_unknown_words()
        return out


def check_all(candidate: Candidate, profile: Profile) -> dict[str, Finding]:
    """Every dimension's finding for one trial: the five criteria families, then age and sex."""
    findings = {name: CHECKS[name](candidate.rules.get(name), profile) for name in DIMENSIONS}
    findings["age"] = CHECKS["age"]((candidate.minimum_age_years, candidate.maximum_age_years), profile)
    findings["sex"] = CHECKS["sex"](candidate.sex, profile)
    return findings


class MatchIndex(list[Candidate]):
    """The cached trials, compiled once for fast matching (see trialmatch.matching.compiled)."""

    @cached_property
    def compiled(self) -> CompiledIndex:
        return CompiledIndex(self)


_CANONICAL = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def intern_rules(index: Iterable[Candidate]) -> None:
    """Make equal rules the same object across the index, so check_all's memo can reuse findings."""
    pool: dict[tuple[str, bytes], Any] = {}
    for candidate in index:
        for name, rules in candidate.rules.items():
            key = (name, orjson.dumps(rules, option=_CANONICAL, default=str))
            candidate.rules[name] = pool.setdefault(key, rules)


def nearest_open_site(sites: Iterable[SiteInfo], origin: tuple[float, float]) -> NearestSite | None:
    """The closest site that is recruiting (or about to, or whose status is not given), or None
    when none has coordinates."""
    best: NearestSite | None = None
    lat, lon = origin
    for site in sites:
        status = site.status  # inline SiteInfo.maybe_open: this runs per site per located patient
        if site.latitude is None or site.longitude is None or (status is not None and status not in OPEN_SITE_STATUSES):
            continue
        miles = haversine_miles(lat, lon, site.latitude, site.longitude)
        if best is None or miles < best.miles:
            best = NearestSite(site, miles)
    return best


def _rank_reasons(findings: dict[str, Finding], c: Candidate, nearest: NearestSite | None,
                  located: bool = False) -> list[str]:
    """Each reason rank_profile sorts on, in its order."""
    kind = kind_of(c.study_kind)
    reasons = [kind.reason if kind.tier == 0 else f"{kind.reason}: listed after treatment studies of drugs, "
               "biological medicines or radiation"]
    bio = findings.get("biomarker")
    if bio is not None and bio.specific:
        reasons.append("it asks for a tumour marker your profile has")
    if c.disease_scope in SCOPE_WORDS:
        reasons.append(SCOPE_WORDS[c.disease_scope])
    unknown = [n.replace("_", " ") for n, f in findings.items() if f.verdict == UNKNOWN]
    if unknown:
        reasons.append(f"{len(unknown)} thing(s) to check with your doctor: {', '.join(unknown)}")
    else:
        reasons.append("nothing left to check on the criteria we read")
    reasons.append(c.status.replace("_", " ").lower())
    if nearest is not None:
        reasons.append(f"nearest open site {nearest.miles:.0f} miles ({nearest.site.place})")
    elif located:
        reasons.append(c.distance_unknown_words())
    return reasons


def match_candidate(candidate: Candidate, profile: Profile, origin: tuple[float, float] | None = None) -> TrialMatch:
    """One trial, one profile (for a trial opened on its own; lists use match_profile)."""
    findings = check_all(candidate, profile)
    verdict: Overall = "excluded" if any(f.verdict == EXCLUDED for f in findings.values()) else "possible"
    nearest = nearest_open_site(candidate.sites, origin) if origin is not None else None
    return TrialMatch(candidate, verdict, findings, nearest, origin is not None)


@dataclass(frozen=True)
class Ranking:
    """One profile's verdicts over a compiled index and the trials it keeps, best first."""

    compiled: CompiledIndex
    verdicts: Verdicts
    rows: np.ndarray  # row numbers into compiled.candidates, in rank order
    nearest: list[NearestSite | None]  # aligned with rows; all None without an origin
    located: bool = False  # distances were asked for: a None in `nearest` is an unknown distance

    def best(self, count: int) -> Ranking:
        """The first `count` trials only."""
        return replace(self, rows=self.rows[:count], nearest=self.nearest[:count])

    def matches(self) -> list[TrialMatch]:
        excluded, candidates = self.verdicts.excluded.tolist(), self.compiled.candidates
        with _collector_paused():
            findings = self.verdicts.findings(self.rows, self.compiled.ids)
            results = []
            for row, found, nearest in zip(self.rows.tolist(), findings, self.nearest, strict=True):
                verdict: Overall = "excluded" if excluded[row] else "possible"
                results.append(TrialMatch(candidates[row], verdict, found, nearest, self.located))
        return results


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Build tens of thousands of result objects without the cycle collector: they hold no cycles, and
    each allocation burst would otherwise start collections that walk the whole loaded index (a match's
    time varied 2-3x between runs with them). Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compiled_index(index: Sequence[Candidate]) -> CompiledIndex:
    return index.compiled if isinstance(index, MatchIndex) else CompiledIndex(index)


def rank_profile(
    compiled: CompiledIndex, profile: Profile, filters: MatchFilters | None = None, memo: Memo | None = None
) -> Ranking:
    """The trials `filters` keep for `profile`, ranked. The page, `match` and `screen` all rank here.

    Possible trials first; with a distance limit, those with an open site within it before those
    whose distance is unknown; then treatment studies of drugs, biological medicines or radiation,
    other treatment studies, kind not stated, other interventional studies, observational ones
    (study_kind tiers); then a trial that asks for the patient's own marker; one made for lung
    cancer before a basket; fewer unknowns; recruiting before not yet recruiting; nearer; NCT id.
    `memo` may be shared across the profiles of a batch (see trialmatch.matching.compiled)."""
    filters = filters or MatchFilters()
    verdicts = compiled.verdicts(profile, memo)
    keep = compiled.mask(filters.statuses, filters.phases, filters.interventional_only, filters.new_since,
                         filters.kinds)
    excluded = verdicts.excluded
    if not filters.include_excluded:
        keep = keep & ~excluded
    rows = np.flatnonzero(keep)
    miles = np.full(len(rows), np.inf)
    site = np.full(len(rows), -1)
    unplaced = np.zeros(len(rows), dtype=bool)
    table = compiled.site_table if filters.origin is not None else None
    if table is not None and filters.origin is not None:
        best, which = table.nearest(filters.origin)
        if filters.max_distance_miles is not None:
            # Dropped only when an open site was placed and is too far; unknown is kept, ranked after.
            rows = rows[(which[rows] < 0) | (best[rows] <= filters.max_distance_miles)]
            unplaced = which[rows] < 0
        miles, site = best[rows], which[rows]
    # Rank on arrays (sorting 20,000 Python tuples costs more); np.lexsort's last key sorts first.
    order = np.lexsort((
        compiled.nct_order[rows],
        miles,
        compiled.status_rank[rows],
        verdicts.unknown_counts[rows],
        compiled.scope_rank[rows],
        ~verdicts.specific[rows],
        compiled.kind_tier[rows],
        unplaced,
        excluded[rows],
    ))
    nearest: list[NearestSite | None] = [None] * len(rows)
    if table is not None:
        sites = table.sites
        nearest = [NearestSite(sites[s], m) if s >= 0 else None
                   for s, m in zip(site[order].tolist(), miles[order].tolist(), strict=True)]
    return Ranking(compiled, verdicts, rows[order], nearest, filters.origin is not None)


def match_profile(
    index: Sequence[Candidate], profile: Profile, filters: MatchFilters | None = None, memo: Memo | None = None
) -> list[TrialMatch]:
    """Ranked matches for one profile (see rank_profile for the order)."""
    return rank_profile(compiled_index(index), profile, filters, memo).matches()
