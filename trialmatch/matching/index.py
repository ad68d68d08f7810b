"""Build the in-memory match index from the cache: read once, match many profiles."""

from __future__ import annotations

import logging
from collections import defaultdict

from sqlalchemy.engine import Engine

from trialmatch.cache import reads
from trialmatch.cache.kind_refresh import refresh_kinds
from trialmatch.cache.site_places import place_unplaced_sites
from trialmatch.cache.write import reparse_outdated
from trialmatch.errors import CacheError
from trialmatch.matching.match import Candidate, MatchIndex, SiteInfo, intern_rules

log = logging.getLogger(__name__)


def load_index(engine: Engine) -> MatchIndex:
    """Every cached trial with its parsed rules and sites, ready for match_profile.

    Rules parsed by an older parser are re-parsed first (a no-op query when none are), so an
    upgrade never matches on stale rules; a cache that cannot be written is read as it is.
    """
    try:
        reparse_outdated(engine)
    except CacheError as exc:
        log.warning("matching on rules from an older parser: %s", exc)
    try:
        refresh_kinds(engine)  # a migrated cache, or a newer classifier: no download needed
    except CacheError as exc:
        log.warning("some trials' kind of study is shown as not stated: %s", exc)
    try:
        place_unplaced_sites(engine)  # sites an older trialmatch saved without coordinates, once
    except CacheError as exc:
        log.warning("sites without coordinates keep an unknown distance: %s", exc)
    rows, site_rows = reads.index_snapshot(engine)  # one state of the cache, even mid-sync
    sites_by_trial: dict[str, list[SiteInfo]] = defaultdict(list)
    for nct_id, *fields in site_rows:
        sites_by_trial[nct_id].append(SiteInfo(*fields))
    index = MatchIndex(
        Candidate(
            nct_id=row["nct_id"],
            title=row["brief_title"],
            status=row["overall_status"],
            phases=tuple(row["phases"] or ()),
            study_type=row["study_type"],
            conditions=tuple(row["conditions"] or ()),
            minimum_age_years=row["minimum_age_years"],
            maximum_age_years=row["maximum_age_years"],
            sex=row["sex"],
            first_seen=row["first_seen"],
            last_update_posted=row["last_update_posted"],
            rules=row["rules"] or {},
            sites=tuple(sites_by_trial.get(row["nct_id"], ())),
            study_kind=row["study_kind"],
            disease_scope=row["disease_scope"],
        )
        for row in rows
    )
    intern_rules(index)
    return index
