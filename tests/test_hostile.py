"""Hostile and broken input: profiles, patient CSVs and trial text.

Profiles and CSVs get one clear line naming the field (exit code 1 or 2), never a traceback and
never a silently wrong profile. Criteria text never makes the parser raise, and parsing stays
linear in the length of the text (no regex that backtracks catastrophically).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import adversarial_criteria
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialmatch.cli import main
from trialmatch.criteria.parse import DIMENSIONS, parse_record, parse_text
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.errors import ProfileError
from trialmatch.matching.profile import profile_from_json

GOOD = {"age": 64, "ecog": 1, "biomarkers": [{"gene": "EGFR", "alteration": "L858R"}]}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A cache with one open trial, so `match` has something to check."""
    from trialmatch.cache.store import open_cache, save_page, start_run

    path = str(tmp_path_factory.mktemp("hostile") / "trials.db")
    engine = open_cache(path)
    record = {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "briefTitle": "Osimertinib in EGFR NSCLC"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Age >= 18\n* ECOG 0-1",
                              "minimumAge": "18 Years"},
    }}
    save_page(engine, [record], start_run(engine, mode="full"), cursor=None)
    engine.dispose()
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def assert_one_line_error(result: Any, *needles: str) -> None:
    assert result.exit_code in (1, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    error = result.stderr.strip()
    assert error.count("\n") == 0 and error.startswith("Error"), error
    for needle in needles:
        assert needle in error, error


# -- profiles ------------------------------------------------------------------------------------------

def write(tmp_path: Path, content: bytes | str) -> Path:
    path = tmp_path / "profile.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


PROFILE_FILES: list[tuple[Any, tuple[str, ...]]] = [
    ({"age": True}, ("'age'", "number")),
    ({"ecog": False}, ("'ecog'", "number")),
    ({"prior_lines": True}, ("'prior_lines'", "number")),
    ({"pdl1_tps": True}, ("'pdl1_tps'", "number")),
    ({"age": 64.5}, ("'age'",)),
    ({"age": -1}, ("'age'", "greater than or equal to 0")),
    ({"age": 10**30}, ("'age'",)),
    ({"ecog": 5}, ("'ecog'",)),
    ({"pdl1_tps": -3}, ("'pdl1_tps'",)),
    ({"max_distance_miles": 0}, ("'max_distance_miles'",)),
    ({"biomarkers": "EGFR"}, ("'biomarkers'",)),
    ({"biomarkers": [{"gene": "EGFRX1", "alteration": "L858R"}]}, ("'biomarkers.0.gene'", "unknown gene 'EGFRX1'")),
    ({"biomarkers": [{"gene": "EGFR", "alteration": "x" * 101}]}, ("'biomarkers.0.alteration'",)),
    ({"biomarkers": [None]}, ("'biomarkers.0'",)),
    ({"tested_negative": "ALK"}, ("'tested_negative'",)),
    ({"prior_therapies": {"drug": "osimertinib"}}, ("'prior_therapies'",)),
    ({"sex": ["female"]}, ("'sex'",)),
    ({"id": 5}, ("'id'",)),
    ({"summary": "x" * 5000}, ("'summary'",)),
    ([GOOD], ("JSON object",)),
    ("null", ("JSON object",)),
]
PROFILE_IDS = [
    "age-true-is-not-age-1", "ecog-false-is-not-ecog-0", "prior-lines-true", "pdl1-true", "age-fractional",
    "age-negative", "age-huge-integer", "ecog-5", "pdl1-negative", "distance-zero", "biomarkers-a-string",
    "unknown-gene", "alteration-too-long", "biomarker-null", "tested-negative-a-string", "drugs-an-object",
    "sex-a-list", "id-a-number", "summary-too-long", "a-list-of-profiles", "json-null",
]


@pytest.mark.parametrize(("content", "needles"), PROFILE_FILES, ids=PROFILE_IDS)
def test_a_bad_profile_field_is_named_in_one_line(tmp_path: Path, db: str, content: Any, needles: tuple[str]) -> None:
    text = content if isinstance(content, str) else json.dumps(content)
    result = run("match", "--profile", str(write(tmp_path, text)), "--db", db)
    assert_one_line_error(result, *needles)


def _deep(tmp_path: Path) -> Path:
    return write(tmp_path, "[" * 200_000 + "]" * 200_000)


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "folder.json").mkdir()
    return tmp_path / "folder.json"


BAD_FILES: list[tuple[Callable[[Path], Path], str]] = [
    (_deep, "nested too deeply"),
    (_folder, "folder.json"),
    (lambda p: Path("/dev/zero"), "/dev/zero"),
    (lambda p: write(p, bytes(range(256)) * 40), "not text"),
    (lambda p: write(p, b""), "not valid JSON"),
    (lambda p: write(p, "{'age': 64}"), "not valid JSON (line 1"),
    (lambda p: write(p, '{"age": 64,}'), "not valid JSON"),
    (lambda p: write(p, "x" * 1_500_000), "small JSON file"),
    (lambda p: write(p, '{"age": NaN}'), "'age'"),
    (lambda p: write(p, '{"pdl1_tps": Infinity}'), "'pdl1_tps'"),
]


# The timeout is the hang guard (an endless /dev/zero or a 200,000-deep nesting read to the end): a wall-clock
# assert of 10 s failed only on a loaded machine.
@pytest.mark.timeout(120)
@pytest.mark.parametrize(("make", "needle"), BAD_FILES, ids=[
    "json-nested-200000-deep", "a-folder", "dev-zero-endless", "binary", "empty", "python-dict-syntax",
    "trailing-comma", "huge-file", "nan", "infinity",
])
def test_a_file_that_is_not_a_profile_gets_one_line(
    tmp_path: Path, db: str, make: Callable[[Path], Path], needle: str
) -> None:
    result = run("match", "--profile", str(make(tmp_path)), "--db", db)
    assert_one_line_error(result, needle)


def test_a_profile_saved_with_a_byte_order_mark_loads(tmp_path: Path, db: str) -> None:
    """Notepad on Windows writes one: the file is still the user's valid JSON."""
    result = run("match", "--profile", str(write(tmp_path, b"\xef\xbb\xbf" + json.dumps(GOOD).encode())), "--db", db)
    assert result.exit_code == 0, result.output
    assert "possible match(es)" in result.stdout


def test_an_unknown_drug_is_named_in_a_warning_and_the_match_still_runs(tmp_path: Path, db: str) -> None:
    profile = {**GOOD, "prior_therapies": ["osimertinib", "Tagriso-typo", "chemotherapy"]}
    result = run("match", "--profile", str(write(tmp_path, json.dumps(profile))), "--db", db)
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if "prior_therapies" in line]
    assert len(warning) == 1 and "'tagriso-typo'" in warning[0], result.stderr
    assert "osimertinib" not in warning[0] and "chemotherapy" not in warning[0]
    assert "possible match(es)" in result.stdout


@pytest.mark.parametrize(("raw", "needle"), [
    (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    (b"\xff\xfe\x00{", "not text"),
    (b'{"age": 64', "not valid JSON"),
    (b'{"ecog": true}', "'ecog'"),
], ids=["deep-nesting", "utf16-or-binary", "cut-off", "boolean-ecog"])
def test_the_pages_upload_reads_a_profile_the_same_way_as_the_cli(raw: bytes, needle: str) -> None:
    with pytest.raises(ProfileError, match=needle):
        profile_from_json(raw, "upload.json")


# -- patient CSVs (trialmatch screen) ---------------------------------------------------------------

CSVS: list[tuple[bytes, str]] = [
    (b"id,age\np1," + b"9" * 200_000 + b"\n", "line 2"),
    (b"id,age\np1,64\x00\n", "line 2"),
    (bytes(range(256)) * 10, "not a UTF-8 text CSV"),
    (b"", "header row"),
]


@pytest.mark.parametrize(("content", "needle"), CSVS, ids=["a-200k-character-cell", "nul-byte", "binary", "empty"])
def test_a_hostile_patient_csv_is_reported_not_a_traceback(
    tmp_path: Path, db: str, content: bytes, needle: str
) -> None:
    patients = tmp_path / "patients.csv"
    patients.write_bytes(content)
    result = run("screen", str(patients), "--out", str(tmp_path / "out.csv"), "--db", db)
    assert "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit))
    assert result.exit_code in (0, 1, 2)
    assert needle in result.stderr, result.stderr
    assert not (tmp_path / "out.csv.partial").exists(), "no half-written output left behind"


# -- criteria text ------------------------------------------------------------------------------------

# Words the rule modules react to, so generated text reaches deep into every parser.
VOCAB = [
    "Inclusion Criteria:", "Exclusion Criteria:", "*", "-", "1.", "a)", "(", ")", "[", "]", "\\>=", "<=", "\\<",
    "%", "≥", ",", ";", ":", ".", "/", "or", "and", "not", "no", "without", "except", "unless", "prior", "previous",
    "treated", "with", "after", "progression", "on", "at", "least", "one", "two", "2", "lines", "line", "of",
    "therapy", "EGFR", "ALK", "ROS1", "KRAS", "G12C", "HER2", "exon", "20", "19", "deletion", "L858R", "T790M",
    "mutation", "positive", "negative", "fusion", "rearrangement", "PD-L1", "TPS", "50", "1", "ECOG", "0-1",
    "Karnofsky", "70", "brain", "metastases", "CNS", "leptomeningeal", "stable", "untreated", "symptomatic",
    "stage", "IV", "IIIB", "NSCLC", "non-small", "cell", "lung", "cancer", "squamous", "adenocarcinoma",
    "small-cell", "osimertinib", "pembrolizumab", "platinum-based", "chemotherapy", "immunotherapy", "TKI",
    "inhibitor", "Cohort", "A", "B", "Part", "\n", "\n  ", "\n    * ", "**", "__", "\t", "µ", "İ", "\u200b",
]
words = st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=6)), max_size=80).map(" ".join)
criteria_texts = st.lists(words, max_size=12).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(criteria=criteria_texts, title=words, conditions=st.lists(words, max_size=3))
def test_parse_text_never_raises_and_gives_json_for_every_dimension(
    criteria: str, title: str, conditions: list[str]
) -> None:
    text = TrialText(nct_id="NCT00000001", title=title, conditions=tuple(conditions),
                     criteria=tuple(split_criteria(criteria)))
    rules = parse_text(text)
    assert set(rules) == set(DIMENSIONS)
    json.dumps(rules)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
MODULES = ["identificationModule", "conditionsModule", "descriptionModule", "armsInterventionsModule",
           "designModule", "eligibilityModule"]


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(MODULES), json_values | st.dictionaries(
    st.sampled_from(["briefTitle", "conditions", "interventions", "armGroups", "phases", "eligibilityCriteria",
                     "otherNames", "name", "label", "keywords", "briefSummary", "studyType"]),
    json_values, max_size=6), max_size=6))
def test_any_json_shaped_record_parses_without_raising(protocol: dict[str, Any]) -> None:
    rules = parse_record({"protocolSection": protocol})
    assert set(rules) == set(DIMENSIONS)


MEGABYTE = 1_000_000


def _parsed_whole(criteria: str) -> dict[str, Any]:
    """Every dimension's rules for one trial of these criteria, as the cache stores them."""
    rules = parse_text(TrialText(nct_id="NCT00000001", title="Study", criteria=tuple(split_criteria(criteria))))
    assert set(rules) == set(DIMENSIONS)
    assert json.loads(json.dumps(rules)) == rules
    return rules


# The issue asks for 1 MB in under a second: bench/bench_parse.py times it (split and all five dimensions, best of
# 7); bench/bench_guards.py checks the bounds these tests once timed (adversarial text four times longer takes less
# than 8 times as long plus 0.2 s; 1 MB of real or adversarial criteria under 5 s). Here each parse ends (the
# timeout stops a backtracking hang) with every dimension's rules.
@pytest.mark.slow
@pytest.mark.timeout(300)
def test_adversarial_text_of_two_lengths_parses() -> None:
    _parsed_whole(adversarial_criteria(MEGABYTE // 16))
    _parsed_whole(adversarial_criteria(MEGABYTE // 4))


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_megabyte_of_real_criteria_parses(study_records: list[dict[str, Any]]) -> None:
    real = "\n".join((r["protocolSection"].get("eligibilityModule") or {}).get("eligibilityCriteria", "")
                     for r in study_records)
    _parsed_whole((real * (MEGABYTE // len(real) + 1))[:MEGABYTE])


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_megabyte_of_adversarial_criteria_parses() -> None:
    # Long lists in one sentence ("osimertinib, osimertinib, ...") once cost time per name times
    # the sentence's length: linear overall (sentences are cut at 2,500 characters), but 4 s a MB.
    _parsed_whole(adversarial_criteria(MEGABYTE))
