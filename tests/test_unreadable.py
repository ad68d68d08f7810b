"""A trial whose criteria cannot be read is unknown on every dimension, and says why, once."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from trialmatch.cache.importer import import_records
from trialmatch.cache.store import open_cache
from trialmatch.criteria import parse
from trialmatch.criteria.rules import biomarker
from trialmatch.matching.index import load_index
from trialmatch.matching.match import Candidate, check_all
from trialmatch.matching.profile import profile_from_dict

RECORD = {"protocolSection": {
    "identificationModule": {"nctId": "NCT09999901", "briefTitle": "A drug in advanced NSCLC"},
    "statusModule": {"overallStatus": "RECRUITING"},
    "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* EGFR mutation\n* ECOG 0-1\n"},
}}


def _fail(_text: object) -> dict[str, object]:
    raise KeyError("a vocabulary gap")


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(biomarker, "parse", _fail)


def test_a_failing_dimension_makes_every_dimension_unknown(unreadable: None) -> None:
    rules = parse.parse_record(RECORD)
    assert set(rules) == {parse.UNREADABLE}
    candidate = Candidate(nct_id="NCT09999901", title="t", status="RECRUITING", rules=rules)
    # An ECOG 3 patient would be excluded by "ECOG 0-1" if anything had been read: nothing was.
    findings = check_all(candidate, profile_from_dict({"id": "p", "ecog": 3}))
    for name in parse.DIMENSIONS:
        assert findings[name].verdict == "unknown"
        assert "could not be read" in findings[name].reason


def test_the_failure_is_logged_when_saved_not_at_every_match(
    unreadable: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "NCT09999901.json"
    path.write_text(json.dumps(RECORD))
    engine = open_cache(tmp_path / "cache.db")
    with caplog.at_level(logging.WARNING):
        import_records(engine, [path])
    assert sum("could not be read" in r.getMessage() for r in caplog.records) == 1
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        index = load_index(engine)
        load_index(engine)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [c.nct_id for c in index] == ["NCT09999901"]
