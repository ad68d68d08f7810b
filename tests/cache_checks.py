"""Checks on a cache file from outside the process that wrote it, for the kill and storage tests."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import orjson
from fakeapi import FakeAPI

from trialmatch.registry.client import CTGovClient
from trialmatch.registry.query import study_queries


def cli(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    """`trialmatch ARGS` as a separate process, its output captured as text."""
    code = "from trialmatch.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def served_pages(api: FakeAPI, page_size: int) -> list[set[str]]:
    """The NCT ids of each page a full sync is served, in order (searches one after another)."""
    pages: list[set[str]] = []
    with CTGovClient(base_url=api.url, sleep=lambda s: None) as client:
        for params in study_queries(page_size=page_size):
            for page in client.iter_pages(params):
                pages.append({s["protocolSection"]["identificationModule"]["nctId"] for s in page.studies})
    return pages


def pages_saved(path: Path) -> int:
    """Pages the latest sync run has saved so far (0 while the file or its tables do not exist yet)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            row = conn.execute("SELECT pages FROM syncrun ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row else 0


def check_sound(path: Path) -> set[str]:
    """Fail unless the cache file passes SQLite's checks and every cached trial is whole (all its
    listed sites, its parsed rules, a hash that is its record's); return the cached NCT ids."""
    from trialmatch.cache.records import record_hash

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        trials = conn.execute(
            "SELECT t.nct_id, t.raw, t.record_hash, p.nct_id IS NOT NULL, "
            "(SELECT count(*) FROM site s WHERE s.nct_id = t.nct_id) "
            "FROM trial t LEFT JOIN parsedcriteria p ON p.nct_id = t.nct_id"
        ).fetchall()
    for nct_id, raw, digest, parsed, sites in trials:
        record = orjson.loads(raw)
        locations = (record["protocolSection"].get("contactsLocationsModule") or {}).get("locations") or []
        assert parsed, f"{nct_id} is cached without its parsed rules"
        assert sites == len(locations), f"{nct_id} is cached with {sites} of its {len(locations)} sites"
        assert digest == record_hash(record), f"{nct_id}: its row and its record disagree"
    return {row[0] for row in trials}


def check_whole_pages(path: Path, pages: list[set[str]]) -> int:
    """check_sound, and the cache holds exactly the first k pages served; return k."""
    cached = check_sound(path)
    seen: set[str] = set()
    for whole, page in enumerate(pages):
        if cached == seen:
            return whole
        seen |= page
    assert cached == seen, "the cache holds part of a page"
    return len(pages)
