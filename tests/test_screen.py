"""`trialmatch screen`: what a research nurse gets back for a list of patients.

The output is built from pre-encoded pieces for speed (trialmatch.matching.screen_rows); these tests hold
it to the plain definition: for each patient, match_profile's ranked possible trials, one row
each, written by csv.writer / json.dumps.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import patients_csv
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from trialmatch.cache.geo import geocode
from trialmatch.cli import main
from trialmatch.matching.index import load_index
from trialmatch.matching.match import MatchFilters, MatchIndex, match_profile
from trialmatch.matching.profile import Profile
from trialmatch.matching.screen import read_profiles
from trialmatch.matching.screen_rows import DIMENSION_COLUMNS, OUTPUT_COLUMNS, csv_cell


@pytest.fixture
def patients(shared_dir: Path) -> list[dict[str, Any]]:
    """The shared eval profiles, plus two with a place: one near Chicago, one the lookup cannot find."""
    profiles = json.loads((shared_dir / "eval" / "profiles.json").read_text(encoding="utf-8"))
    near = {**profiles[3], "id": "near-chicago", "location": "Chicago, IL", "max_distance_miles": 300}
    lost = {**profiles[1], "id": "lost", "location": "Atlantis Springs, Nowhere"}
    return [*profiles, near, lost]


def _expected_values(index: MatchIndex, profile: Profile) -> list[tuple[Any, ...]]:
    """The plain definition of the output rows, from match_profile's TrialMatch objects."""
    origin = None
    if profile.location and profile.location != "Atlantis Springs, Nowhere":
        place = geocode(profile.location)
        origin = (place.latitude, place.longitude)
    filters = MatchFilters(origin=origin, max_distance_miles=profile.max_distance_miles)
    rows = []
    for rank, m in enumerate(match_profile(index, profile, filters), start=1):
        c, dims, nearest = m.candidate, m.dimensions, m.nearest
        unplaced = c.distance_unknown_words() if origin is not None else ""
        rows.append((
            profile.id, rank, c.nct_id, c.title, c.status, "/".join(c.phases), c.kind_words,
            *(dims[name].verdict for name in DIMENSION_COLUMNS),
            " | ".join(f"{name}: {dims[name].reason}" for name in m.unknowns),
            f"{nearest.site.facility or ''}, {nearest.site.place}" if nearest else unplaced,
            round(nearest.miles, 1) if nearest else "",
            f"https://clinicaltrials.gov/study/{c.nct_id}",
        ))
    return rows


def _screen(patients_csv: Path, out: Path, db: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["screen", str(patients_csv), "--out", str(out), "--db", db])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_screen_rows_are_each_patients_ranked_matches(
    synced_engine: Engine, patients: list[dict[str, Any]], tmp_path: Path, fmt: str
) -> None:
    db = str(synced_engine.url.database)
    source = patients_csv(tmp_path / "patients.csv", patients)
    out = tmp_path / f"matches.{fmt}"
    code, stdout, stderr = _screen(source, out, db)
    assert code == 0, stderr

    index = load_index(synced_engine)
    with source.open(newline="", encoding="utf-8") as f:
        profiles = [p for p in read_profiles(f) if isinstance(p, Profile)]
    expected = [row for profile in profiles for row in _expected_values(index, profile)]
    if fmt == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(OUTPUT_COLUMNS)
        writer.writerows(expected)
        wanted = buffer.getvalue()
    else:
        wanted = "".join(json.dumps(dict(zip(OUTPUT_COLUMNS, row, strict=True)), ensure_ascii=False) + "\n"
                         for row in expected)
    with out.open(newline="", encoding="utf-8") as written:
        assert written.read() == wanted
    assert f"{len(expected)} possible match row(s)" in stdout

    near = [row for row in expected if row[0] == "near-chicago"]
    placed = [row for row in near if row[-2] != ""]
    assert placed and all(row[-2] <= 300 for row in placed), "distances shown and limited"
    # A trial none of whose open sites could be placed is kept, after those within the limit.
    unplaced = [row for row in near if row[-2] == ""]
    assert all(row[-3].startswith("distance unknown:") for row in unplaced)
    assert [row[-2] == "" for row in near] == sorted(row[-2] == "" for row in near)
    assert "Patient lost:" in stderr and "screened without distances" in stderr
    assert any(row[0] == "lost" for row in expected), "a place not found still screens the patient"


def test_unknowns_say_what_to_check(synced_engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text("id,histology,ecog\nQ,adenocarcinoma,1\n", encoding="utf-8")
    out = tmp_path / "m.csv"
    code, _, stderr = _screen(source, out, str(synced_engine.url.database))
    assert code == 0, stderr
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert rows and all(r["patient_id"] == "Q" for r in rows)
    with_unknowns = [r for r in rows if "unknown" in [r[d] for d in DIMENSION_COLUMNS]]
    assert with_unknowns, "a profile that says little leaves things to check"
    for r in with_unknowns:
        unknown = [d for d in DIMENSION_COLUMNS if r[d] == "unknown"]
        assert [part.split(":")[0] for part in r["to_check"].split(" | ")] == unknown
    assert all(r["to_check"] == "" for r in rows if r not in with_unknowns)


cells = st.text(alphabet=st.sampled_from('ab ,"\r\n\t;é'), max_size=12) | st.integers() | st.floats(allow_nan=False)


@given(st.lists(cells, min_size=2, max_size=6))
def test_csv_cells_are_written_as_the_csv_module_writes_them(row: list[Any]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerow(row)  # the screen's writer: excel dialect, "\r\n" line ends
    assert ",".join(csv_cell(value) for value in row) + "\r\n" == buffer.getvalue()


def test_worker_processes_write_the_same_file_as_one_process(
    synced_engine: Engine, patients: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Enough patients for several chunks and waves, with a bad row in the middle."""
    many = [{**p, "id": f"{p['id']}-{n}"} for n in range(12) for p in patients]
    source = patients_csv(tmp_path / "patients.csv", many)
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(40, "bad-row,not-an-age\n")
    source.write_text("".join(lines), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"matches-{jobs}.csv"
        result = CliRunner().invoke(main, ["screen", str(source), "--out", str(out), "--jobs", jobs,
                                           "--db", str(synced_engine.url.database)])
        assert result.exit_code == 0, result.stderr
        assert "Skipped line 41: column 'age'" in result.stderr
        assert f"Screened {len(many)} patient(s)" in result.stdout
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\r\n") > len(many)


def test_a_treatment_trialmatch_does_not_know_is_named_per_patient(synced_engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text("id,prior_therapies\nK,carboplatin\nT,carboplatn; pembrolizumab\n", encoding="utf-8")
    code, stdout, stderr = _screen(source, tmp_path / "m.csv", str(synced_engine.url.database))
    assert code == 0, stderr
    assert "Patient T: profile field 'prior_therapies': 'carboplatn' is not a treatment trialmatch knows" in stderr
    assert "Patient K" not in stderr
    assert "Screened 2 patient(s)" in stdout


def test_top_keeps_each_patients_best_trials(synced_engine: Engine, patients: list[dict[str, Any]],
                                             tmp_path: Path) -> None:
    source = patients_csv(tmp_path / "patients.csv", patients)
    db = str(synced_engine.url.database)
    every, best = tmp_path / "every.csv", tmp_path / "best.csv"
    assert _screen(source, every, db)[0] == 0
    result = CliRunner().invoke(main, ["screen", str(source), "--out", str(best), "--top", "3", "--db", db])
    assert result.exit_code == 0, result.stderr
    all_rows = list(csv.DictReader(every.open(newline="", encoding="utf-8")))
    top_rows = list(csv.DictReader(best.open(newline="", encoding="utf-8")))
    expected = [r for r in all_rows if int(r["rank"]) <= 3]
    assert top_rows == expected
    assert len(top_rows) < len(all_rows)
    assert f"{len(top_rows)} possible match row(s)" in result.stdout
