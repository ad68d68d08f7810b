"""Distances from a patient to every trial's nearest open site, for a whole index at once.

A located patient used to cost a Python loop over every site of every kept trial (150,000
sites for 20,000 trials: most of the ranking's time). The sites that count are laid out once per
index as arrays grouped by trial; each origin is then one vectorised haversine and one
per-trial minimum. The formula is distance.haversine_miles'.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

from trialmatch.cache.distance import EARTH_RADIUS_MILES

# Sites where a patient could be seen now or soon; a site whose status is not given (reshaped
# records give none) counts too: unknown is not closed.
OPEN_SITE_STATUSES = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"})
_ORIGINS_KEPT = 8  # a page re-ranks for the same place; a batch's patients often share one


def may_be_open(status: str | None) -> bool:
    return status is None or status in OPEN_SITE_STATUSES


class SiteTable:
    """Every candidate's placed, possibly open sites as arrays, grouped by candidate row."""

    def __init__(self, candidates: Sequence[Any]) -> None:
        lats: list[float] = []
        lons: list[float] = []
        counts = np.zeros(len(candidates), dtype=np.int64)
        self.sites: list[Any] = []
        for row, candidate in enumerate(candidates):
            for site in candidate.sites:
                if site.latitude is not None and site.longitude is not None and may_be_open(site.status):
                    lats.append(site.latitude)
                    lons.append(site.longitude)
                    self.sites.append(site)
                    counts[row] += 1
        self.lat = np.radians(np.array(lats, dtype=float))
        self.lon = np.radians(np.array(lons, dtype=float))
        self.cos_lat = np.cos(self.lat)
        self.counts = counts
        self.has_sites = counts > 0
        self.starts = (np.cumsum(counts) - counts)[self.has_sites]
        self.trial_of_site = np.repeat(np.arange(len(candidates)), counts)
        self._by_origin: OrderedDict[tuple[float, float], tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def nearest(self, origin: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
        """Per candidate row: miles to its nearest placed open site (inf when it has none) and that
        site's number in `sites` (-1 when none); the first listed wins a tie."""
        cached = self._by_origin.get(origin)
        if cached is not None:
            self._by_origin.move_to_end(origin)
            return cached
        lat0, lon0 = np.radians(origin[0]), np.radians(origin[1])
        a = np.sin((self.lat - lat0) / 2) ** 2 + np.cos(lat0) * self.cos_lat * np.sin((self.lon - lon0) / 2) ** 2
        miles = 2 * EARTH_RADIUS_MILES * np.arcsin(np.minimum(1.0, np.sqrt(a)))
        best = np.full(len(self.counts), np.inf)
        which = np.full(len(self.counts), -1, dtype=np.int64)
        if len(miles):
            best[self.has_sites] = np.minimum.reduceat(miles, self.starts)
            hits = np.flatnonzero(miles == best[self.trial_of_site])
            trials = self.trial_of_site[hits]
            _, first = np.unique(trials, return_index=True)
            which[trials[first]] = hits[first]
        self._by_origin[origin] = (best, which)
        if len(self._by_origin) > _ORIGINS_KEPT:
            self._by_origin.popitem(last=False)
        return best, which
