"""Classify cached trials whose kind of study is missing or was decided by an older classifier.

A cache migrated from an older schema has the kind columns empty, and a change to
trialmatch.criteria.study_kind (KIND_VERSION) makes the stored kinds stale. Both are fixed from the raw
records already in the cache, with no download: on the next load of the match index and after
an import. Until then a missing kind reads as "kind not stated".
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from trialmatch.cache.models import Meta, Trial
from trialmatch.criteria.record_values import as_dict, as_text
from trialmatch.criteria.study_kind import KIND_VERSION, design_columns
from trialmatch.errors import CacheError

log = logging.getLogger(__name__)

TRIALS = Trial.__table__  # type: ignore[attr-defined]
META = Meta.__table__  # type: ignore[attr-defined]
VERSION_KEY = "study_kind_version"
_BATCH = 500
_COLUMNS = ("primary_purpose", "observational_model", "intervention_types", "study_kind", "disease_scope")


def refresh_kinds(engine: Engine) -> int:
    """Classify every trial that needs it; returns how many. One transaction per batch, so a
    stop half-way leaves the rest for the next call. CacheError if the cache cannot be written."""
    try:
        with engine.connect() as conn:
            stored = conn.execute(select(META.c.value).where(META.c.key == VERSION_KEY)).scalar_one_or_none()
            # No stored version: every kind written so far came from the first classifier.
            everything = (int(stored) if stored and stored.isdigit() else 1) != KIND_VERSION
            if not everything and not _any_missing(conn):
                return 0  # the usual case: one cheap query
        done = 0
        after = ""
        while True:
            with engine.begin() as conn:
                query = select(TRIALS.c.nct_id, TRIALS.c.raw).where(TRIALS.c.nct_id > after)
                if not everything:
                    query = query.where(TRIALS.c.study_kind.is_(None))
                rows = conn.execute(query.order_by(TRIALS.c.nct_id).limit(_BATCH)).all()
                if not rows:
                    conn.execute(META.delete().where(META.c.key == VERSION_KEY))
                    conn.execute(META.insert().values(key=VERSION_KEY, value=str(KIND_VERSION)))
                    break
                conn.execute(
                    update(TRIALS).where(TRIALS.c.nct_id == bindparam("key")),
                    [{"key": nct_id, **_columns(raw)} for nct_id, raw in rows],
                )
                done += len(rows)
                after = rows[-1][0]
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise CacheError(f"could not classify the cached trials: {detail}") from exc
    if done:
        log.info("classified the kind of study of %d cached trial(s)", done)
    return done


def _any_missing(conn: Connection) -> bool:
    return conn.execute(select(TRIALS.c.nct_id).where(TRIALS.c.study_kind.is_(None)).limit(1)).first() is not None


def _columns(raw: Any) -> dict[str, Any]:
    protocol = as_dict(as_dict(raw).get("protocolSection"))
    ident = as_dict(protocol.get("identificationModule"))
    titles = [as_text(ident.get("briefTitle")) or "", as_text(ident.get("officialTitle")) or ""]
    columns = design_columns(protocol, titles)
    return {name: columns[name] for name in _COLUMNS}
