"""Place, once, the cached sites an older trialmatch saved without coordinates.

New sites are placed when saved (records.site_rows); a cache written before that keeps sites
whose registry record gave only a city. The migration to schema 3 leaves a mark in `meta`
(TODO_KEY); the first load of the trials then places those sites from their city, state and
country with the packaged gazetteer (geo.place_site) and removes the mark. Any other load costs
one lookup of the mark and never loads the gazetteer.
"""

from __future__ import annotations

import logging

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from trialmatch.cache.geo import place_site
from trialmatch.cache.models import Meta, Site
from trialmatch.errors import CacheError

log = logging.getLogger(__name__)

SITES = Site.__table__  # type: ignore[attr-defined]
META = Meta.__table__  # type: ignore[attr-defined]
TODO_KEY = "sites_to_place"  # written by the schema's migration 2 -> 3


def place_unplaced_sites(engine: Engine) -> int:
    """Give coordinates to the unplaced sites the gazetteer can place; returns how many.
    CacheError if the cache cannot be written (the sites then keep an unknown distance)."""
    try:
        with engine.connect() as conn:
            todo = conn.execute(select(META.c.value).where(META.c.key == TODO_KEY)).scalar_one_or_none()
        if todo is None:
            return 0
        with engine.begin() as conn:
            unplaced = conn.execute(
                select(SITES.c.id, SITES.c.city, SITES.c.state, SITES.c.country)
                .where(SITES.c.latitude.is_(None) & SITES.c.city.is_not(None) & SITES.c.country.is_not(None))
            ).all()
            placed = [(row.id, place_site(row.city, row.state, row.country)) for row in unplaced]
            values = [{"key": site_id, "latitude": point[0], "longitude": point[1]}
                      for site_id, point in placed if point is not None]
            if values:
                conn.execute(update(SITES).where(SITES.c.id == bindparam("key")), values)
            conn.execute(META.delete().where(META.c.key == TODO_KEY))
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise CacheError(f"could not place the cached sites: {detail}") from exc
    if values:
        log.info("placed %d cached site(s) from their city", len(values))
    return len(values)
