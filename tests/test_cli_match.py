"""From a cache to `trialmatch match`, `import`, `screen` and `eval`, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialmatch.cli import main
from trialmatch.matching.evaluate import evaluate

FIVE = ("disease", "biomarker", "prior_therapy", "performance_status", "brain_metastases")
PROFILE = {
    "id": "p", "age": 64, "sex": "female", "histology": "adenocarcinoma", "stage": "IV",
    "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}], "tested_negative": ["ALK"],
    "pdl1_tps": 10, "prior_therapies": ["osimertinib"], "prior_lines": 1, "ecog": 1, "brain_metastases": "none",
}


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "me.json"
    path.write_text(json.dumps(PROFILE))
    return path


@pytest.fixture
def imported_db(tmp_path: Path, shared_dir: Path) -> str:
    db = str(tmp_path / "cache.db")
    code, out, err = _run("import", str(shared_dir / "ctgov" / "studies"), "--db", db)
    assert code == 0, err
    assert "100 new" in out
    return db


def test_match_all_json_lists_every_cached_trial_in_the_eval_shape(imported_db: str, profile_file: Path) -> None:
    code, out, err = _run("match", "--profile", str(profile_file), "--all", "--json", "--db", imported_db)
    assert code == 0, err
    results = json.loads(out)
    assert len(results) == 100
    for item in results:
        assert item["verdict"] in ("possible", "excluded")
        assert set(FIVE) <= set(item["dimensions"])
        dims = item["dimensions"].values()
        assert (item["verdict"] == "excluded") == any(d["verdict"] == "excluded" for d in dims)


def test_cli_verdicts_equal_the_scored_matcher(imported_db: str, shared_dir: Path, tmp_path: Path) -> None:
    """What was parsed at import time and read back from the cache decides exactly as the eval scores."""
    profiles = json.loads((shared_dir / "eval" / "profiles.json").read_text())
    labels = json.loads((shared_dir / "eval" / "labels.json").read_text())
    report = evaluate(shared_dir)
    wrong = {(d.nct_id, d.profile_id, d.dimension): d.got.verdict for d in report.disagreements}
    for profile in profiles[:4]:
        path = tmp_path / f"{profile['id']}.json"
        path.write_text(json.dumps(profile))
        code, out, err = _run("match", "--profile", str(path), "--all", "--json", "--db", imported_db)
        assert code == 0, err
        by_id = {item["nct_id"]: item for item in json.loads(out)}
        for case in labels:
            expected = case["labels"][profile["id"]]
            for dim in FIVE:
                got = by_id[case["nct_id"]]["dimensions"][dim]["verdict"]
                label = expected[dim] if isinstance(expected[dim], list) else [expected[dim]]
                key = (case["nct_id"], profile["id"], dim)
                assert (got in label) == (key not in wrong), key


def test_default_listing_is_possible_open_trials_with_the_safe_wording(imported_db: str, profile_file: Path) -> None:
    code, out, _ = _run("match", "--profile", str(profile_file), "--db", imported_db)
    assert code == 0
    assert "possible match(es) to discuss with your doctor" in out
    assert "eligible" not in out.lower()


def test_empty_cache_says_what_to_do(tmp_path: Path, profile_file: Path) -> None:
    code, out, _ = _run("match", "--profile", str(profile_file), "--db", str(tmp_path / "empty.db"))
    assert code == 0
    assert "run `trialmatch sync` first" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps({**PROFILE, "ecog": 7}), "profile field 'ecog'"),
        (json.dumps({**PROFILE, "pdl1_tps": 140}), "profile field 'pdl1_tps'"),
        ("{oops", "not valid JSON"),
    ],
    ids=["ecog-7", "pdl1-140", "not-json"],
)
def test_bad_profile_is_one_line_and_exit_1(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    code, out, err = _run("match", "--profile", str(path), "--db", str(tmp_path / "c.db"))
    assert code == 1
    assert err.startswith("Error: ") and message in err
    assert "Traceback" not in out + err and len(err.strip().splitlines()) == 1


def test_import_of_a_broken_file_names_it(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"protocolSection": ')
    code, _, err = _run("import", str(bad), "--db", str(tmp_path / "c.db"))
    assert code == 1 and "broken.json" in err


def test_screen_reports_bad_rows_by_line_and_keeps_the_rest(imported_db: str, tmp_path: Path) -> None:
    patients = tmp_path / "patients.csv"
    patients.write_text(
        "id,age,sex,histology,biomarkers,tested_negative,pdl1_tps,prior_therapies,prior_lines,ecog,brain_metastases\n"
        "A,64,female,adenocarcinoma,EGFR:exon 19 deletion,ALK;ROS1,10,osimertinib,1,1,none\n"
        "B,70,male,squamous,,EGFR;ALK,80,,0,7,none\n"
        "C,58,male,adenocarcinoma,KRAS:G12C,EGFR,,carboplatin;pembrolizumab,1,1,\n"
    )
    out_path = tmp_path / "matches.csv"
    code, out, err = _run("screen", str(patients), "--out", str(out_path), "--db", imported_db)
    assert code == 0, err
    assert "Skipped line 3: profile field 'ecog'" in err
    rows = out_path.read_text().splitlines()
    patients_seen = {line.split(",")[0] for line in rows[1:]}
    assert patients_seen == {"A", "C"}
    assert "Screened 2 patient(s)" in out


def test_screen_writes_json_lines(imported_db: str, tmp_path: Path) -> None:
    patients = tmp_path / "p.csv"
    patients.write_text("id,ecog\nX,1\n")
    out_path = tmp_path / "m.jsonl"
    code, _, err = _run("screen", str(patients), "--out", str(out_path), "--db", imported_db)
    assert code == 0, err
    rows = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert rows and all(r["patient_id"] == "X" for r in rows)
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))


def test_eval_command_prints_scores(shared_dir: Path) -> None:
    code, out, _ = _run("eval", "--shared", str(shared_dir))
    assert "false excl" in out and "biomarker" in out
    # A false exclusion is the error that costs a patient a trial: the command fails on any.
    assert code == (1 if evaluate(shared_dir).false_exclusions else 0)
