"""Match a patient profile against every cached trial and rank the possible ones.

Pure functions over frozen dataclasses: the index is built once from the cache (`load_index`),
then `match_profile` reads no free text and touches no database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from trialmatch.distance import haversine_miles
from trialmatch.parse import DIMENSIONS
from trialmatch.profile import Profile
from trialmatch.rules.base import EXCLUDED, UNKNOWN, Finding
from trialmatch.rules.structured import check_age, check_sex

OPEN_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")
# Sites where a patient could be seen now or soon.
OPEN_SITE_STATUSES = frozenset({*OPEN_STATUSES, "AVAILABLE"})
_STATUS_RANK = {"RECRUITING": 0, "ENROLLING_BY_INVITATION": 1, "NOT_YET_RECRUITING": 2}

Overall = Literal["possible", "excluded"]
NOT_READ = Finding(UNKNOWN, "", "This trial's criteria have not been read yet.")


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


@dataclass(frozen=True)
class MatchFilters:
    """What to consider. Empty tuples mean "any"."""

    statuses: tuple[str, ...] = OPEN_STATUSES
    phases: tuple[str, ...] = ()
    interventional_only: bool = False
    new_since: date | None = None  # first seen in the cache on or after this day
    origin: tuple[float, float] | None = None  # patient's (lat, lon), for distances
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

    @property
    def rank_reasons(self) -> list[str]:
        return _rank_reasons(self.dimensions, self.candidate, self.nearest)

    @property
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
            "rank_reasons": self.rank_reasons,
            "url": f"https://clinicaltrials.gov/study/{c.nct_id}",
        }
        if self.nearest is not None:
            out["nearest_site"] = {
                "facility": self.nearest.site.facility,
                "place": self.nearest.site.place,
                "miles": round(self.nearest.miles, 1),
            }
        return out


FindingMemo = dict[tuple[Any, ...], Finding]


def check_all(candidate: Candidate, profile: Profile, memo: FindingMemo | None = None) -> dict[str, Finding]:
    """Every dimension's finding: the five criteria families, then age and sex.

    `memo` reuses a finding for rules that are the very same object (see intern_rules): many
    trials share rules such as "ECOG 0-1", and a check's answer depends only on rules and profile.
    """
    memo = {} if memo is None else memo
    findings: dict[str, Finding] = {}
    for name, module in DIMENSIONS.items():
        rules = candidate.rules.get(name)
        if rules is None:  # never parsed: say so rather than guess
            findings[name] = NOT_READ
            continue
        key = (name, id(rules))
        found = memo.get(key)
        if found is None:
            found = memo[key] = module.check(rules, profile)
        findings[name] = found
    ages = ("age", candidate.minimum_age_years, candidate.maximum_age_years)
    if (age := memo.get(ages)) is None:
        age = memo[ages] = check_age(candidate.minimum_age_years, candidate.maximum_age_years, profile)
    findings["age"] = age
    sexes = ("sex", candidate.sex)
    if (sex := memo.get(sexes)) is None:
        sex = memo[sexes] = check_sex(candidate.sex, profile)
    findings["sex"] = sex
    return findings


def intern_rules(index: Iterable[Candidate]) -> None:
    """Make equal rules the same object across the index, so check_all's memo can reuse findings."""
    pool: dict[str, Any] = {}
    for candidate in index:
        for name, rules in candidate.rules.items():
            key = name + json.dumps(rules, sort_keys=True, default=str)
            candidate.rules[name] = pool.setdefault(key, rules)


def nearest_open_site(sites: Iterable[SiteInfo], origin: tuple[float, float]) -> NearestSite | None:
    """The closest site that is recruiting (or about to), or None when none has coordinates."""
    best: NearestSite | None = None
    lat, lon = origin
    for site in sites:
        if site.latitude is None or site.longitude is None or site.status not in OPEN_SITE_STATUSES:
            continue
        miles = haversine_miles(lat, lon, site.latitude, site.longitude)
        if best is None or miles < best.miles:
            best = NearestSite(site, miles)
    return best


def _passes_filters(c: Candidate, f: MatchFilters) -> bool:
    if f.statuses and c.status not in f.statuses:
        return False
    if f.phases and not set(c.phases) & set(f.phases):
        return False
    if f.interventional_only and c.study_type != "INTERVENTIONAL":
        return False
    if f.new_since is not None and (c.first_seen is None or c.first_seen.date() < f.new_since):
        return False
    return True


def _rank_reasons(findings: dict[str, Finding], c: Candidate, nearest: NearestSite | None) -> list[str]:
    reasons = []
    bio = findings.get("biomarker")
    if bio is not None and bio.specific:
        reasons.append("it asks for a tumour marker your profile has")
    unknown = [n.replace("_", " ") for n, f in findings.items() if f.verdict == UNKNOWN]
    if unknown:
        reasons.append(f"{len(unknown)} thing(s) to check with your doctor: {', '.join(unknown)}")
    else:
        reasons.append("nothing left to check on the criteria we read")
    reasons.append(c.status.replace("_", " ").lower())
    if nearest is not None:
        reasons.append(f"nearest open site {nearest.miles:.0f} miles ({nearest.site.place})")
    return reasons


def _sort_key(m: TrialMatch) -> tuple[Any, ...]:
    bio = m.dimensions.get("biomarker")
    specific = bio is not None and bio.specific
    return (
        m.verdict == "excluded",
        not specific,
        len(m.unknowns),
        _STATUS_RANK.get(m.candidate.status, 9),
        m.nearest.miles if m.nearest is not None else float("inf"),
        m.candidate.nct_id,
    )


def match_candidate(
    candidate: Candidate,
    profile: Profile,
    origin: tuple[float, float] | None = None,
    memo: FindingMemo | None = None,
) -> TrialMatch:
    findings = check_all(candidate, profile, memo)
    verdict: Overall = "excluded" if any(f.verdict == EXCLUDED for f in findings.values()) else "possible"
    nearest = nearest_open_site(candidate.sites, origin) if origin is not None else None
    return TrialMatch(candidate, verdict, findings, nearest)


def match_profile(
    index: Sequence[Candidate], profile: Profile, filters: MatchFilters | None = None
) -> list[TrialMatch]:
    """Ranked matches: possible trials first (specific biomarker match, fewer unknowns, recruiting,
    closer), then, when `filters.include_excluded`, the excluded ones with their reasons."""
    filters = filters or MatchFilters()
    results = []
    memo: FindingMemo = {}
    for candidate in index:
        if not _passes_filters(candidate, filters):
            continue
        m = match_candidate(candidate, profile, filters.origin, memo)
        if m.verdict == "excluded" and not filters.include_excluded:
            continue
        if filters.max_distance_miles is not None and filters.origin is not None:
            if m.nearest is None or m.nearest.miles > filters.max_distance_miles:
                continue
        results.append(m)
    results.sort(key=_sort_key)
    return results
