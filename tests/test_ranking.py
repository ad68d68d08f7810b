"""Relevance ranking on the real records: treatment studies first for every shared profile, the
same order every time, and `screen --top N` in the page's order. Then distances: a trial whose
sites cannot be placed is never dropped by a distance limit (`match --near`, `screen`), and a
site without coordinates is placed from its city.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import patients_csv
from sqlalchemy.engine import Engine

from trialmatch.cache.geo import geocode
from trialmatch.cache.store import open_cache, save_page, start_run
from trialmatch.cli import main
from trialmatch.criteria.study_kind import KINDS, TREATMENT, kind_of
from trialmatch.matching.index import load_index
from trialmatch.matching.match import (
    Candidate,
    MatchFilters,
    MatchIndex,
    SiteInfo,
    TrialMatch,
    match_profile,
    nearest_open_site,
)
from trialmatch.matching.profile import Profile, profile_from_dict
from trialmatch.present import form

BOSTON = "Boston, MA"


def _records(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def _cache_template(path: Path, records: list[dict[str, Any]]) -> Path:
    when = datetime(2025, 12, 10, tzinfo=UTC)
    engine = open_cache(str(path))
    run = start_run(engine, mode="full", data_timestamp="2025-12-09T09:00:00", now=when)
    save_page(engine, records, run, cursor=None, keep_closed=True, now=when)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def _recruiting_template(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    """The 64 reshaped recruiting records (no designInfo, sites with only a country)."""
    records = _records(shared_dir / "ctgov" / "recruiting")
    return _cache_template(tmp_path_factory.mktemp("recruiting") / "cache.db", records)


@pytest.fixture(scope="session")
def _everything_template(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    """Both shared sets in one cache (164 trials): real records with designInfo and reshaped ones."""
    records = _records(shared_dir / "ctgov" / "studies") + _records(shared_dir / "ctgov" / "recruiting")
    return _cache_template(tmp_path_factory.mktemp("everything") / "cache.db", records)


def _copy(template: Path, tmp_path: Path) -> Iterator[Engine]:
    copy = tmp_path / "copy.db"
    shutil.copyfile(template, copy)
    engine = open_cache(str(copy))
    yield engine
    engine.dispose()


@pytest.fixture
def recruiting_engine(_recruiting_template: Path, tmp_path: Path) -> Iterator[Engine]:
    yield from _copy(_recruiting_template, tmp_path)


@pytest.fixture
def everything_engine(_everything_template: Path, tmp_path: Path) -> Iterator[Engine]:
    yield from _copy(_everything_template, tmp_path)


@pytest.fixture(scope="session")
def shared_profiles(shared_dir: Path) -> list[dict[str, Any]]:
    return list(json.loads((shared_dir / "eval" / "profiles.json").read_text(encoding="utf-8")))


def _is_treatment(m: TrialMatch) -> bool:
    return kind_of(m.candidate.study_kind).group == TREATMENT


def _assert_treatment_first(index: MatchIndex, profiles: list[dict[str, Any]]) -> tuple[int, int]:
    """For each profile, every status: no non-treatment possible study above a possible treatment one.
    Returns how many (treatment, other) possible pairs were seen, so the check is known to bite."""
    treatment = other = 0
    for data in profiles:
        possible = [m for m in match_profile(index, profile_from_dict(data), MatchFilters(statuses=()))
                    if m.verdict == "possible"]
        kinds = [_is_treatment(m) for m in possible]
        assert kinds == sorted(kinds, reverse=True), (data["id"], [m.candidate.nct_id for m in possible])
        tiers = [kind_of(m.candidate.study_kind).tier for m in possible]
        assert tiers == sorted(tiers), data["id"]
        treatment += sum(kinds)
        other += len(kinds) - sum(kinds)
    return treatment, other


@pytest.mark.shared
def test_real_records_with_design_info_rank_treatment_studies_first(
        synced_engine: Engine, shared_profiles: list[dict[str, Any]]) -> None:
    index = load_index(synced_engine)
    assert sum(c.study_kind == "imaging" for c in index) == 2 and sum(c.study_kind == "registry" for c in index) == 1
    treatment, other = _assert_treatment_first(index, shared_profiles)
    assert treatment > 100 and other > 50


@pytest.mark.shared
def test_reshaped_records_without_design_info_rank_treatment_studies_first(
        recruiting_engine: Engine, shared_profiles: list[dict[str, Any]]) -> None:
    index = load_index(recruiting_engine)
    kinds = [kind_of(c.study_kind) for c in index]
    # The fallback finds the drug trials from their drugs, phases and words, not from the types
    # (the reshaped export calls every intervention a drug).
    assert sum(k.group == TREATMENT for k in kinds) >= 50
    assert {c.nct_id: c.study_kind for c in index}["NCT00034216"] == "biobank"
    treatment, other = _assert_treatment_first(index, shared_profiles)
    assert treatment > 100 and other > 10


@pytest.mark.shared
def test_the_ranking_is_stable_whatever_order_the_trials_load_in(
        everything_engine: Engine, shared_profiles: list[dict[str, Any]]) -> None:
    index = load_index(everything_engine)
    shuffled = MatchIndex(index)
    random.Random(7).shuffle(shuffled)
    for data in shared_profiles:
        profile = profile_from_dict(data)
        first = [m.candidate.nct_id for m in match_profile(index, profile)]
        assert first == [m.candidate.nct_id for m in match_profile(index, profile)]
        assert first == [m.candidate.nct_id for m in match_profile(shuffled, profile)]


@pytest.mark.shared
def test_egfr_patient_after_osimertinib_sees_treatment_studies_first(
        everything_engine: Engine, shared_profiles: list[dict[str, Any]]) -> None:
    index = load_index(everything_engine)
    profile = profile_from_dict(next(p for p in shared_profiles if p["id"] == "egfr-ex19-post-osimertinib"))
    page_filters = form.filters_from_widgets(form.default_widgets(), None, None)
    possible = [m for m in match_profile(index, profile, page_filters) if m.verdict == "possible"]
    assert len(possible) > 10
    assert all(_is_treatment(m) for m in possible[:5]), [m.candidate.kind_words for m in possible[:5]]
    assert possible[0].rank_reasons[0].startswith("a treatment study")
    later = {m.candidate.nct_id: m for m in possible}
    # The imaging study and the registry are still listed, after the treatment studies, saying what they are.
    for nct_id, words in (("NCT05999214", "Imaging study"), ("NCT06823401", "Registry")):
        assert later[nct_id].candidate.kind_words.startswith(words)
        assert "listed after treatment studies" in later[nct_id].rank_reasons[0]






def _screen(tmp_path: Path, engine: Engine, profiles: list[dict[str, Any]], *args: str) -> list[dict[str, str]]:
    source = patients_csv(tmp_path / "patients.csv", profiles)
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["screen", str(source), "--out", str(out), "--db",
                                       str(engine.url.database), "--jobs", "1", *args])
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(out.open(newline="", encoding="utf-8")))


@pytest.mark.shared
def test_screen_top_n_lists_the_pages_order(everything_engine: Engine, shared_profiles: list[dict[str, Any]],
                                            tmp_path: Path) -> None:
    rows = _screen(tmp_path, everything_engine, shared_profiles, "--top", "5")
    index = load_index(everything_engine)
    page_filters = form.filters_from_widgets(form.default_widgets(), None, None)
    for data in shared_profiles:
        page = [m.candidate.nct_id for m in match_profile(index, profile_from_dict(data), page_filters)
                if m.verdict == "possible"][:5]
        assert [r["nct_id"] for r in rows if r["patient_id"] == data["id"]] == page, data["id"]
    assert {r["kind"] for r in rows} <= {k.words for k in KINDS.values()}


@pytest.mark.shared
def test_screen_kind_filter_keeps_only_those_kinds(everything_engine: Engine, shared_profiles: list[dict[str, Any]],
                                                   tmp_path: Path) -> None:
    rows = _screen(tmp_path, everything_engine, shared_profiles[:3], "--kind", "observational")
    assert rows and all(r["kind"].startswith(("Registry", "Observational", "Sample collection")) for r in rows)


@pytest.mark.shared
def test_a_distance_limit_keeps_trials_whose_sites_cannot_be_placed_in_screen(
        everything_engine: Engine, shared_profiles: list[dict[str, Any]], tmp_path: Path) -> None:
    """The nurse's case: a Boston patient with a 500-mile limit used to get no rows at all."""
    patient = {**shared_profiles[0], "id": "boston", "location": BOSTON, "max_distance_miles": 500}
    rows = _screen(tmp_path, everything_engine, [patient])
    assert rows
    unplaced = [r for r in rows if r["miles"] == ""]
    placed = [r for r in rows if r["miles"] != ""]
    assert all(float(r["miles"]) <= 500 for r in placed)
    assert unplaced and all(r["nearest_site"].startswith("distance unknown: sites in") for r in unplaced)
    assert any("United States" in r["nearest_site"] for r in unplaced)
    # Within the limit first, then the unknown distances.
    assert [r["miles"] == "" for r in rows] == sorted(r["miles"] == "" for r in rows)


@pytest.mark.shared
def test_match_near_with_a_limit_keeps_and_marks_unknown_distances(
        recruiting_engine: Engine, shared_profiles: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "me.json"
    path.write_text(json.dumps(shared_profiles[0]))
    db = str(recruiting_engine.url.database)
    runner = CliRunner()
    far = runner.invoke(main, ["match", "--profile", str(path), "--near", "Denver CO", "--max-miles", "500",
                               "--json", "--db", db])
    assert far.exit_code == 0, far.stderr
    results = json.loads(far.stdout)
    anywhere = json.loads(runner.invoke(main, ["match", "--profile", str(path), "--json", "--db", db]).stdout)
    assert len(results) == len(anywhere) > 0, "sites with only a country are never dropped by a distance limit"
    assert all(r["distance"].startswith("distance unknown: sites in") for r in results if "nearest_site" not in r)
    text = runner.invoke(main, ["match", "--profile", str(path), "--near", "Denver, CO", "--max-miles", "500",
                                "--limit", "1", "--db", db]).stdout
    assert "Nearest open site: distance unknown: sites in " in text
    assert "Treatment study" in text


def _candidate(nct_id: str, sites: tuple[SiteInfo, ...], kind: str = "treatment_drug") -> Candidate:
    return Candidate(nct_id=nct_id, title="Advanced NSCLC", status="RECRUITING", sites=sites, study_kind=kind)


def test_a_limit_drops_only_trials_known_to_be_far() -> None:
    boston = geocode("02115")
    near = SiteInfo("MGH", "Boston", "Massachusetts", "United States", 42.36, -71.07, "RECRUITING")
    far = SiteInfo("UCSF", "San Francisco", "California", "United States", 37.77, -122.42, "RECRUITING")
    country_only = SiteInfo(None, None, None, "Germany", None, None, None)
    index = [_candidate("NCT00000001", (far,)), _candidate("NCT00000002", (country_only,)),
             _candidate("NCT00000003", (near,), kind="registry"), _candidate("NCT00000004", ())]
    profile = Profile(id="p")
    results = match_profile(index, profile, MatchFilters(origin=(boston.latitude, boston.longitude),
                                                         max_distance_miles=100))
    # The registry within the limit comes before the treatment studies of unknown distance.
    assert [m.candidate.nct_id for m in results] == ["NCT00000003", "NCT00000002", "NCT00000004"]
    assert results[1].rank_reasons[-1] == "distance unknown: sites in Germany"
    assert results[2].rank_reasons[-1] == "distance unknown: no sites listed yet"
    assert results[1].to_json()["distance"] == "distance unknown: sites in Germany"


def test_kinds_not_stated_are_kept_by_the_filters_they_could_belong_to() -> None:
    index = [_candidate("NCT00000001", ()), _candidate("NCT00000002", (), kind="imaging"),
             _candidate("NCT00000003", (), kind="registry"),
             Candidate(nct_id="NCT00000004", title="x", status="RECRUITING", study_type="INTERVENTIONAL")]
    profile = Profile(id="p")

    def listed(*kinds: str) -> list[str]:
        return [m.candidate.nct_id for m in match_profile(index, profile, MatchFilters(kinds=kinds))]

    assert listed() == ["NCT00000001", "NCT00000004", "NCT00000002", "NCT00000003"]
    assert listed("treatment") == ["NCT00000001", "NCT00000004"]
    assert listed("other_interventional") == ["NCT00000004", "NCT00000002"]
    assert listed("observational") == ["NCT00000003"]


@pytest.mark.shared
def test_the_vectorised_nearest_site_is_the_one_trial_by_trial_search_finds(synced_engine: Engine) -> None:
    index = load_index(synced_engine)
    boston = geocode("02115")
    origin = (boston.latitude, boston.longitude)
    ranking = match_profile(index, Profile(id="p"), MatchFilters(statuses=(), origin=origin))
    placed = 0
    for m in ranking:
        alone = nearest_open_site(m.candidate.sites, origin)
        if alone is None:
            assert m.nearest is None and m.distance_unknown
            continue
        placed += 1
        assert m.nearest is not None and m.nearest.site is alone.site
        assert m.nearest.miles == pytest.approx(alone.miles, rel=1e-9)
    assert placed > 50
