"""The match index read from a cache: complete, and never built on rules from an older parser."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.engine import Engine

from trialmatch.cache.models import ParsedCriteria
from trialmatch.criteria import parse
from trialmatch.matching.index import load_index


def test_index_holds_every_cached_trial_with_rules_and_sites(synced_engine: Engine) -> None:
    index = load_index(synced_engine)
    assert len(index) == 100
    assert all(set(parse.DIMENSIONS) <= set(c.rules) for c in index)
    assert sum(len(c.sites) for c in index) > 500


def test_rules_from_an_older_parser_are_reparsed_before_matching(synced_engine: Engine) -> None:
    table = ParsedCriteria.__table__  # type: ignore[attr-defined]
    with synced_engine.begin() as conn:
        conn.execute(update(table).values(parser_version=parse.PARSER_VERSION - 1, rules={}))
    index = load_index(synced_engine)
    assert all(set(parse.DIMENSIONS) <= set(c.rules) for c in index)
    with synced_engine.connect() as conn:
        versions = set(conn.execute(table.select().with_only_columns(table.c.parser_version)).scalars())
    assert versions == {parse.PARSER_VERSION}
