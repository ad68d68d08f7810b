"""What trialmatch asks ClinicalTrials.gov for: NSCLC studies, and only the fields the cache keeps.

A sync walks a *plan*: a short list of `/studies` queries, each paged on its own. Two queries,
because the API ANDs `query.cond` with `query.term`, so "NSCLC, or a solid-tumour basket that
mentions NSCLC" cannot be one request without untested Essie syntax:

1. `query.cond` = NSCLC and its synonyms (also matches titles, keywords and condition MeSH terms,
   so basket trials that list NSCLC among their conditions come with it);
2. `query.cond` = solid tumours, `query.term` = NSCLC terms: basket and tumour-agnostic trials
   whose conditions only say "Solid Tumor" but whose title, summary or interventions name NSCLC.

Full sync: open statuses only. Incremental sync: no status filter, plus
`filter.advanced=AREA[LastUpdatePostDate]RANGE[<since>,MAX]`, so a cached trial that closes
upstream is seen and updated (see README, "What is synced and why").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from trialmatch.cache.models import OPEN_STATUSES

# Condition terms: NSCLC by name and spelling variant, its histologies, and plain "lung cancer",
# which many NSCLC trials use as their only condition (SCLC-only trials are filtered later by the
# disease rules: fetching too much costs bandwidth, missing a trial costs a patient a chance).
NSCLC_TERMS: tuple[str, ...] = (
    '"non-small cell lung cancer"',
    '"non small cell lung cancer"',
    '"non-small-cell lung cancer"',
    '"non-small cell lung carcinoma"',
    "NSCLC",
    '"lung adenocarcinoma"',
    '"adenocarcinoma of the lung"',
    '"squamous cell lung cancer"',
    '"lung squamous cell carcinoma"',
    '"large cell lung cancer"',
    '"lung cancer"',
    '"lung carcinoma"',
    '"lung neoplasms"',
)
SOLID_TUMOUR_TERMS: tuple[str, ...] = (
    '"solid tumor"',
    '"solid tumors"',
    '"solid tumour"',
    '"solid tumours"',
    '"advanced cancer"',
    '"metastatic cancer"',
)
# Named in a basket trial's title, summary, keywords or interventions (the BasicSearch area).
BASKET_NSCLC_TERMS: tuple[str, ...] = ('"non-small cell lung"', '"non small cell lung"', "NSCLC")

# What the cache stores and the criteria parser reads (trialmatch.cache.records, trialmatch.criteria.text);
# everything else (results, outcomes, references, detailed descriptions) is left on the server.
FIELDS: tuple[str, ...] = (
    "IdentificationModule",
    "StatusModule",
    "SponsorCollaboratorsModule",
    "BriefSummary",
    "ConditionsModule",
    "DesignModule",
    "ArmsInterventionsModule",
    "EligibilityModule",
    "ContactsLocationsModule",
)
PAGE_SIZE = 1000  # the API's maximum: fewest requests
# Chunk size for re-checking cached trials by id (keeps the URL well under common limits).
IDS_PER_REQUEST = 200

Params = dict[str, str]


def _any_of(terms: Iterable[str]) -> str:
    return " OR ".join(terms)


def _base(page_size: int) -> Params:
    return {
        "format": "json",
        "markupFormat": "markdown",
        "fields": ",".join(FIELDS),
        "pageSize": str(page_size),
        "countTotal": "true",
    }


def date_filter(since: date | str) -> str:
    """Essie expression for "last updated on or after `since`" (there is no filter.lastUpdatePostDate)."""
    day = since.isoformat() if isinstance(since, date) else since
    return f"AREA[LastUpdatePostDate]RANGE[{day},MAX]"


def study_queries(since: date | str | None = None, *, page_size: int = PAGE_SIZE) -> list[Params]:
    """The plan of `/studies` queries for one sync.

    `since=None`: full sync, open studies only. With a date: incremental, every status (so
    closures of cached trials arrive), updated on or after that day.
    """
    nsclc = {"query.cond": _any_of(NSCLC_TERMS)}
    basket = {"query.cond": _any_of(SOLID_TUMOUR_TERMS), "query.term": _any_of(BASKET_NSCLC_TERMS)}
    plan = []
    for search in (nsclc, basket):
        params = {**_base(page_size), **search}
        if since is None:
            params["filter.overallStatus"] = ",".join(OPEN_STATUSES)
        else:
            params["filter.advanced"] = date_filter(since)
            params["sort"] = "LastUpdatePostDate:asc"
        plan.append(params)
    return plan


def ids_query(nct_ids: Iterable[str], *, page_size: int = PAGE_SIZE) -> Params:
    """Look cached trials up by id, whatever their status (used to learn which ones closed)."""
    params = _base(page_size)
    params.pop("countTotal")
    params["filter.ids"] = ",".join(nct_ids)
    return params
