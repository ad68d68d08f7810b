"""`trialmatch digest` as cron runs it: two syncs from the local stand-in API, then what is new per
profile. Verdicts here rest on the age and sex the registry states (the criteria parser is
stubbed out: these tests are about what changed, not about reading criteria)."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from digest_records import changed, record
from fakeapi import FakeAPI

from trialmatch.cli import main
from trialmatch.criteria import parse

SCRIPT = "<script>alert(1)</script>"
STEADY = record("NCT00000001", "Steady trial for everyone")
SITES_ONLY = record("NCT00000002", "Trial whose sites change")
CLOSING = record("NCT00000003", "Trial for people under 50, closing", max_age="50 Years")
FOR_MEN = record("NCT00000004", "Trial for men whose criteria change", sex="MALE")
ADDED = changed(record("NCT00000005", f"New trial for women {SCRIPT}", sex="FEMALE", max_age="60 Years"))

PROFILES = {
    "man.json": {"id": "man", "age": 67, "sex": "male"},
    "woman.json": {"id": "woman", "age": 45, "sex": "female"},
    "older-woman.json": {"id": "older woman", "age": 80, "sex": "female"},
}


@pytest.fixture(autouse=True)
def _no_criteria_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "parse_record", lambda record: {})


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def api() -> Iterator[FakeAPI]:
    with FakeAPI(copy.deepcopy([STEADY, SITES_ONLY, CLOSING, FOR_MEN])) as server:
        yield server


@pytest.fixture
def profiles(tmp_path: Path) -> dict[str, str]:
    paths = {}
    for name, data in PROFILES.items():
        path = tmp_path / name
        path.write_text(json.dumps(data))
        paths[name] = str(path)
    return paths


@pytest.fixture
def db(tmp_path: Path, api: FakeAPI) -> str:
    """A cache after two syncs: the second adds a trial for women, closes one for people under 50,
    changes the criteria of one for men and only the sites of another."""
    path = str(tmp_path / "trials.db")
    assert run("sync", "--api-url", api.url, "--db", path).exit_code == 0
    api.set_records([STEADY, changed(SITES_ONLY, facility="Another hospital"), changed(CLOSING, status="COMPLETED"),
                     changed(FOR_MEN, criteria="Inclusion Criteria:\n\n* ECOG 0-1"), ADDED])
    second = run("sync", "--api-url", api.url, "--db", path)
    assert second.exit_code == 0 and "1 new, 2 updated, 0 unchanged, 1 closed" in second.stdout, second.output
    return path


def lines(result: Result) -> list[str]:
    return result.stdout.splitlines()


def test_each_change_is_reported_to_the_profiles_it_concerns_and_to_no_other(
    db: str, profiles: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "digest.csv"
    result = run("digest", *profiles.values(), "--since-last-sync", "--db", db, "--out", str(out))

    assert result.exit_code == 0, result.output
    man, woman, older = lines(result)
    assert man.startswith(f"{profiles['man.json']}: 0 possible trial(s) new, 0 reopened, 1 with changed criteria; "
                          "0 closed since ")
    assert "1 possible trial(s) new, 0 reopened, 0 with changed criteria; 1 closed" in woman
    assert older.startswith(f"{profiles['older-woman.json']}: nothing new since")
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    reported = {(Path(r["profile"]).name, r["change"], r["nct_id"]) for r in rows}
    assert reported == {("man.json", "criteria changed", "NCT00000004"), ("woman.json", "new", "NCT00000005"),
                        ("woman.json", "closed", "NCT00000003")}


def test_a_digest_with_nothing_new_prints_nothing_so_cron_mails_nothing(
    db: str, profiles: dict[str, str], api: FakeAPI
) -> None:
    nothing_for_her = run("digest", profiles["older-woman.json"], "--db", db)  # --since-last-sync is the default
    assert (nothing_for_her.exit_code, nothing_for_her.stdout) == (0, "")

    assert run("sync", "--api-url", api.url, "--db", db).exit_code == 0  # a quiet night: nothing changed
    quiet = run("digest", *profiles.values(), "--since-last-sync", "--db", db)
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


def test_since_a_date_before_the_first_sync_everything_possible_is_new(db: str, profiles: dict[str, str]) -> None:
    result = run("digest", profiles["woman.json"], "--since", "2000-01-01", "--db", db)
    # Steady, sites-only and the added trial are open and possible for her; the closed one is closed.
    assert "3 possible trial(s) new, 0 reopened, 0 with changed criteria; 1 closed" in result.stdout


def test_a_trial_that_reopens_is_reported_as_open_again(
    db: str, profiles: dict[str, str], api: FakeAPI, tmp_path: Path
) -> None:
    reopened = changed(changed(CLOSING, status="COMPLETED"), status="RECRUITING")
    reopened["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2025-12-28"}
    api.set_records([STEADY, reopened])
    api.data_timestamp = "2025-12-29T09:00:00"
    assert run("sync", "--api-url", api.url, "--db", db).exit_code == 0
    out = tmp_path / "digest.md"

    result = run("digest", profiles["woman.json"], profiles["man.json"], "--db", db, "--out", str(out))

    woman, man = lines(result)
    assert "0 possible trial(s) new, 1 reopened, 0 with changed criteria; 0 closed" in woman
    assert "nothing new" in man
    assert "Open again" in out.read_text() and "NCT00000003" in out.read_text()


def test_a_bad_profile_is_one_line_naming_it_and_the_others_still_get_their_digest(
    db: str, profiles: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "ecog": 9}')
    missing = tmp_path / "missing.json"
    out = tmp_path / "digest.html"

    folder = tmp_path / "profiles"
    folder.mkdir()

    result = run("digest", str(bad), profiles["woman.json"], str(missing), str(folder), "--db", db, "--out", str(out))

    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"Error: {bad}: profile field 'ecog'") and len(errors) == 3
    assert errors[1].startswith("Error: cannot read profile file") and str(missing) in errors[1]
    assert errors[2].startswith("Error: cannot read profile file") and str(folder) in errors[2]
    assert lines(result) == [line for line in lines(result) if line.startswith(profiles["woman.json"])]
    assert len(lines(result)) == 1 and "woman.json" in out.read_text()


def test_the_html_digest_is_one_self_contained_file_with_trial_text_escaped(
    db: str, profiles: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "digest.html"
    result = run("digest", profiles["woman.json"], "--db", db, "--out", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "http://" not in page and "src=" not in page.lower(), "nothing fetched from elsewhere"
    assert 'name="viewport"' in page and "Possible match: discuss with your doctor" in page
    text = re.sub(r"<[^>]*>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S))
    assert "eligible" not in text.lower(), "a patient is never told they are eligible"
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("args, message", [
    (["--since", "yesterday"], "is not a date"),
    (["--since", "2025-01-01", "--since-last-sync"], "not both"),
    (["--out", "digest.pdf"], "must end in .html, .md or .csv"),
])
def test_bad_options_are_one_line_errors(db: str, profiles: dict[str, str], args: list[str], message: str) -> None:
    result = run("digest", profiles["man.json"], *args, "--db", db)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and message in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_cache_never_synced_says_what_to_do(tmp_path: Path, profiles: dict[str, str]) -> None:
    result = run("digest", profiles["man.json"], "--db", str(tmp_path / "empty.db"))
    assert result.exit_code == 1
    assert result.stderr.strip() == ("Error: no sync has finished on this cache yet: run `trialmatch sync`, "
                                     "or give --since DATE")


def test_an_output_that_cannot_be_written_is_one_line_and_leaves_nothing_behind(
    db: str, profiles: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "no-such-folder" / "digest.html"
    result = run("digest", profiles["woman.json"], "--db", db, "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: cannot write {out}: No such file or directory"
    assert not out.parent.exists()
