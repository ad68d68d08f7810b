"""The kind of study in the cache: an older cache is migrated and classified from its raw records
on the next load or import (no download), read as "kind not stated" until then, and classified
again when the classifier changes. Sites without coordinates are placed from their city."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from trialmatch.cache import kind_refresh, reads, site_places
from trialmatch.cache.importer import import_records
from trialmatch.cache.models import SCHEMA_VERSION
from trialmatch.cache.store import open_cache, save_page, start_run
from trialmatch.matching.index import load_index
from trialmatch.matching.match import Candidate, MatchFilters, match_profile
from trialmatch.matching.profile import Profile

KIND_COLUMNS = ("primary_purpose", "observational_model", "intervention_types", "study_kind", "disease_scope")


def _record(nct_id: str, title: str, design: dict[str, Any], location: dict[str, Any]) -> dict[str, Any]:
    return {"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": title},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
        "designModule": design,
        "contactsLocationsModule": {"locations": [location]},
    }}


RECORDS = [
    _record("NCT00000021", "Zorbatinib for NSCLC", {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"],
                                                    "designInfo": {"primaryPurpose": "TREATMENT"}},
            {"city": "Denver", "state": "Colorado", "country": "United States", "status": "RECRUITING"}),
    _record("NCT00000022", "A registry of lung cancer", {"studyType": "OBSERVATIONAL", "patientRegistry": True},
            {"country": "Germany"}),
]


def _schema_2_cache(path: Path) -> None:
    """A cache as schema 2 left it: the same trials, without the kind columns."""
    engine = open_cache(str(path))
    save_page(engine, RECORDS, start_run(engine, mode="full"), cursor=None)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX ix_trial_study_kind")
        for column in KIND_COLUMNS:
            conn.execute(f"ALTER TABLE trial DROP COLUMN {column}")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        conn.execute("UPDATE site SET latitude = NULL, longitude = NULL")  # schema 2 did not place sites


def test_an_older_cache_is_migrated_then_classified_from_its_raw_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _schema_2_cache(path)
    engine = open_cache(str(path))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        # kind_refresh's look for unclassified trials is an index probe, not a scan past the raw records.
        plan = conn.execute("EXPLAIN QUERY PLAN SELECT nct_id FROM trial WHERE study_kind IS NULL LIMIT 1").fetchall()
        assert "ix_trial_study_kind" in str(plan)
    # Before the next load: read as "kind not stated", never a crash.
    rows, _ = reads.index_snapshot(engine)
    assert [row["study_kind"] for row in rows] == [None, None]
    assert Candidate(nct_id="NCT00000021", title="x", status="RECRUITING").kind_words.startswith("Kind not stated")
    # The next load classifies them, with no download.
    index = load_index(engine)
    assert {c.nct_id: c.study_kind for c in index} == {"NCT00000021": "treatment_drug", "NCT00000022": "registry"}
    assert {c.nct_id: c.disease_scope for c in index} == {"NCT00000021": "lung", "NCT00000022": "lung"}
    assert kind_refresh.refresh_kinds(engine) == 0, "done once"
    # The site the registry gave only a city for is placed, once; the country-only one cannot be.
    denver = next(c for c in index if c.nct_id == "NCT00000021").sites[0]
    assert denver.latitude == pytest.approx(39.74, abs=0.1) and denver.longitude == pytest.approx(-104.98, abs=0.1)
    assert site_places.place_unplaced_sites(engine) == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'sites_to_place'").fetchone()[0] == 0
    engine.dispose()


def test_an_import_classifies_unchanged_trials_an_older_trialmatch_saved(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _schema_2_cache(path)
    folder = tmp_path / "records"
    folder.mkdir()
    for record in RECORDS:
        nct_id = record["protocolSection"]["identificationModule"]["nctId"]
        (folder / f"{nct_id}.json").write_text(json.dumps(record))
    engine = open_cache(str(path))
    counts = import_records(engine, [folder])
    assert counts.unchanged == 2
    rows, _ = reads.index_snapshot(engine)
    assert [row["study_kind"] for row in rows] == ["treatment_drug", "registry"]
    engine.dispose()


def test_a_new_classifier_reclassifies_every_cached_trial(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    save_page(engine, RECORDS, start_run(engine, mode="full"), cursor=None)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE trial SET study_kind = 'imaging'")
    assert kind_refresh.refresh_kinds(engine) == 0, "the stored kinds are taken as current"
    monkeypatch.setattr(kind_refresh, "KIND_VERSION", 2)
    assert kind_refresh.refresh_kinds(engine) == 2
    assert [c.study_kind for c in load_index(engine)] == ["treatment_drug", "registry"]
    assert kind_refresh.refresh_kinds(engine) == 0


def test_a_site_without_coordinates_is_placed_from_its_city_when_saved(engine: Engine) -> None:
    save_page(engine, RECORDS, start_run(engine, mode="full"), cursor=None)
    assert [s.latitude is not None for s in reads.sites_for(engine, "NCT00000021")] == [True]
    index = load_index(engine)
    denver = 39.74, -104.99
    results = match_profile(index, Profile(id="p"), MatchFilters(origin=denver, max_distance_miles=50))
    assert [m.candidate.nct_id for m in results] == ["NCT00000021", "NCT00000022"]
    assert results[0].nearest is not None and results[0].nearest.miles < 5
    assert results[1].nearest is None and results[1].distance_unknown
    # Far from both: the placed trial is dropped, the one that cannot be placed is kept.
    boston = 42.36, -71.06
    far = match_profile(index, Profile(id="p"), MatchFilters(origin=boston, max_distance_miles=50))
    assert [m.candidate.nct_id for m in far] == ["NCT00000022"]


def test_show_says_the_kind_of_study(engine: Engine) -> None:
    from click.testing import CliRunner

    from trialmatch.cli import main

    save_page(engine, RECORDS, start_run(engine, mode="full"), cursor=None)
    result = CliRunner().invoke(main, ["show", "NCT00000022", "--db", str(engine.url.database)])
    assert result.exit_code == 0, result.stderr
    assert "Kind of study: Registry: collects information, gives no treatment" in result.stdout
