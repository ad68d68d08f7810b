"""Build the in-memory match index from the cache: read once, match many profiles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.engine import Engine

from trialmatch import queries
from trialmatch.match import Candidate, SiteInfo, intern_rules
from trialmatch.models import Site, Trial


def site_info(site: Site) -> SiteInfo:
    return SiteInfo(
        facility=site.facility,
        city=site.city,
        state=site.state,
        country=site.country,
        latitude=site.latitude,
        longitude=site.longitude,
        status=site.status,
    )


def candidate_from_trial(trial: Trial, rules: dict[str, Any] | None, sites: Iterable[Site] = ()) -> Candidate:
    return Candidate(
        nct_id=trial.nct_id,
        title=trial.brief_title,
        status=trial.overall_status,
        phases=tuple(trial.phases or ()),
        study_type=trial.study_type,
        conditions=tuple(trial.conditions or ()),
        minimum_age_years=trial.minimum_age_years,
        maximum_age_years=trial.maximum_age_years,
        sex=trial.sex,
        first_seen=trial.first_seen,
        last_update_posted=trial.last_update_posted,
        rules=rules or {},
        sites=tuple(site_info(s) for s in sites),
    )


def load_index(engine: Engine) -> list[Candidate]:
    """Every cached trial with its parsed rules and sites, ready for match_profile."""
    sites_by_trial = queries.all_sites(engine)
    index = [
        candidate_from_trial(trial, rules, sites_by_trial.get(trial.nct_id, ()))
        for trial, rules in queries.load_match_rows(engine)
    ]
    intern_rules(index)
    return index
