"""The page, driven through streamlit.testing.v1.AppTest: form -> results, bad input, empty cache, sync."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import trialmatch.registry.sync as sync_module
from trialmatch.cache.store import save_page, set_run, start_run, utcnow
from trialmatch.errors import APIUnavailableError
from trialmatch.present.plain import POSSIBLE_MATCH

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
HOSTILE_TITLE = "<script>alert(1)</script> [win a prize](javascript:alert(1)) ![x](http://evil.example/x.png)"


def study(nct_id: str, title: str, *, criteria: str = "Inclusion Criteria:\n\n* ECOG 0-1",
          max_age: str | None = None, sex: str = "ALL", status: str = "RECRUITING") -> dict[str, Any]:
    """A small API v2 study record with one recruiting site in Boston."""
    eligibility: dict[str, Any] = {"eligibilityCriteria": criteria, "minimumAge": "18 Years", "sex": sex}
    if max_age:
        eligibility["maximumAge"] = max_age
    return {"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": title},
        "statusModule": {"overallStatus": status, "lastUpdatePostDateStruct": {"date": "2025-11-03"}},
        "descriptionModule": {"briefSummary": f"Summary of {title}."},
        "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "armsInterventionsModule": {"armGroups": [{"label": "Arm A", "interventionNames": ["Drug: osimertinib"]}]},
        "eligibilityModule": eligibility,
        "contactsLocationsModule": {"locations": [{
            "facility": "Dana-Farber Cancer Institute", "city": "Boston", "state": "Massachusetts",
            "country": "United States", "status": "RECRUITING", "geoPoint": {"lat": 42.337, "lon": -71.108},
            "contacts": [{"name": "Study Nurse", "phone": "617-555-0100", "email": "nurse@example.org"}],
        }]},
    }}


SYNTHETIC = [
    study("NCT00000001", "Osimertinib after progression in EGFR lung cancer"),
    study("NCT00000002", "A study for people under 50", max_age="50 Years"),
    study("NCT00000003", HOSTILE_TITLE),
]


def fill(engine: Engine, records: list[dict[str, Any]], *, finished: bool = False) -> None:
    run = start_run(engine, mode="full", data_timestamp="2025-12-09T09:00:00",
                    now=datetime(2025, 12, 10, tzinfo=UTC))
    save_page(engine, records, run.id, cursor=None, keep_closed=True, now=datetime(2025, 12, 10, tzinfo=UTC))
    if finished:
        set_run(engine, run.id, status="ok", finished_at=utcnow(), cursor=None)


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Callable[[Engine], AppTest]:
    """The page run against `engine`'s cache (via TRIALMATCH_DB, as `trialmatch serve` passes it)."""

    def start(engine: Engine) -> AppTest:
        monkeypatch.setenv("TRIALMATCH_DB", str(engine.url.database))
        monkeypatch.setenv("TRIALMATCH_API_URL", "http://127.0.0.1:9")  # never the real API
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        assert not at.exception, at.exception
        return at

    return start


def submit(at: AppTest, **answers: Any) -> AppTest:
    """Fill the form like a patient would and press "Find trials"."""
    if "age" in answers:
        at.number_input(key="age").set_value(answers["age"])
    if "ecog" in answers:
        at.radio(key="ecog").set_value(answers["ecog"])
    if "location" in answers:
        at.text_input(key="location").input(answers["location"])
    for gene, choice in answers.get("biomarkers", {}).items():
        at.multiselect(key=f"bio_{gene}").set_value(choice)
    at.button(key="find").click()
    at.run()
    assert not at.exception, at.exception
    return at


def unescape(markdown: str) -> str:
    """What the reader sees of escaped markdown: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "caption", "info", "error", "success", "warning")
                     for e in getattr(at, kind))


def test_form_to_ranked_possible_matches_with_distance_and_why_not(page: Any, engine: Engine) -> None:
    fill(engine, SYNTHETIC)
    at = submit(page(engine), age=64, ecog="1", location="02115")
    shown = texts(at)
    assert "**2 possible match(es)**" in shown
    assert POSSIBLE_MATCH in shown
    assert "Distances are from Boston, MA 02115" in shown
    assert "nearest open site 1 mile, Boston, Massachusetts, United States" in shown
    assert "1 do not fit" in shown
    # "Why not?" names the excluded trial and the deciding dimension with its reason.
    why_not = [m.value for m in at.markdown if "(NCT00000002)" in m.value]
    assert why_not and "A study for people under 50" in why_not[0] and "Age" in why_not[0]
    assert "eligible" not in shown.lower()


def test_trial_text_is_escaped_never_rendered_as_html_or_links(page: Any, engine: Engine) -> None:
    fill(engine, SYNTHETIC)
    at = submit(page(engine), age=64)
    hostile = [m.value for m in at.markdown if "script" in m.value]
    assert hostile, "the hostile title should be shown (escaped)"
    for value in hostile:
        assert "<script>" not in value and "](javascript" not in value and "![x](" not in value
        assert r"\<script\>" in value
    assert not any(m.proto.allow_html for m in at.markdown)


def test_details_show_criteria_sites_and_link_then_shortlist_offers_pdf_and_csv(page: Any, engine: Engine) -> None:
    fill(engine, SYNTHETIC)
    at = submit(page(engine), age=64, ecog="1", location="Boston, MA")
    at.button(key="detail-NCT00000001").click().run()
    shown = texts(at)
    assert "Summary of Osimertinib after progression" in shown
    assert "deciding" in shown and "ECOG 0\\-1" in shown
    assert any(b.proto.url == "https://clinicaltrials.gov/study/NCT00000001" for b in at.get("link_button"))
    assert "Last updated on ClinicalTrials.gov: 2025-11-03" in shown
    at.button(key="short-NCT00000001").click().run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download for my appointment (PDF)" in labels and "Download for the care team (CSV)" in labels


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"location": "99999"}, "no US ZIP code 99999"),
        ({"location": "Atlantis, ZZ"}, "'ZZ' is not a US state or a country"),
        ({"biomarkers": {"EGFR": ["L858R", "Tested: no change found"]}}, "EGFR: choose either a change"),
    ],
    ids=["unknown-zip-says-so-and-keeps-results", "unknown-state-says-so", "contradictory-biomarker-answer"],
)
def test_bad_input_gets_one_clear_line_and_loses_nothing(
    page: Any, engine: Engine, answers: dict[str, Any], message: str
) -> None:
    fill(engine, SYNTHETIC)
    at = submit(page(engine), age=64)
    at = submit(at, **answers)
    errors = [unescape(e.value) for e in at.error]
    assert any(message in e for e in errors), errors
    assert at.number_input(key="age").value == 64  # what was typed is still there
    assert "possible match(es)" in texts(at)  # and so are the results


def test_empty_cache_says_what_to_do_instead_of_failing(page: Any, engine: Engine) -> None:
    at = page(engine)
    assert "No trials are saved on this computer yet" in at.info[0].value
    assert at.button(key="sync").proto.label == "Update trial data now"
    assert not at.error


def test_sync_from_an_empty_cache_fills_the_page(page: Any, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake_sync(eng: Engine, client: Any, *, progress: Any = None, **_: Any) -> Any:
        fill(eng, SYNTHETIC, finished=True)
        progress(sync_module.Progress("search 1/1", 3, 3))
        calls.append("sync")
        return type("Summary", (), {"line": lambda self: "Synced (full): 3 new."})()

    monkeypatch.setattr(sync_module, "sync", fake_sync)
    at = page(engine)
    at.button(key="sync").click().run()
    assert calls == ["sync"]
    assert not at.exception
    assert "3 trials and 3 sites saved on this computer" in texts(at)
    assert "Synced (full): 3 new." in [unescape(s.value) for s in at.success]


def test_failed_sync_shows_the_reason_and_keeps_the_old_trials(
    page: Any, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(engine, SYNTHETIC, finished=True)

    def failing_sync(*_: Any, **__: Any) -> Any:
        raise APIUnavailableError("ClinicalTrials.gov did not answer after 6 attempts [retry](javascript:alert(1))")

    monkeypatch.setattr(sync_module, "sync", failing_sync)
    at = submit(page(engine), age=64)
    at.button(key="sync").click().run()
    assert not at.exception
    errors = unescape(" ".join(e.value for e in at.error))
    assert "ClinicalTrials.gov did not answer after 6 attempts" in errors and "kept" in errors
    assert "](javascript" not in " ".join(e.value for e in at.error)  # the API's words are shown, not linked
    shown = texts(at)
    assert "3 trials and 3 sites saved on this computer" in shown
    assert "**2 possible match(es)**" in shown


@pytest.mark.shared
def test_real_records_give_ranked_results_for_an_egfr_patient(page: Any, synced_engine: Engine) -> None:
    at = submit(page(synced_engine), age=64, ecog="1", location="02115", biomarkers={"EGFR": ["exon 19 deletion"]})
    shown = texts(at)
    assert "possible match(es)" in shown and POSSIBLE_MATCH in shown
    assert "(100 saved)" in shown
    overview = [c for c in at.get("arrow_vega_lite_chart")] or at.get("vega_lite_chart")
    assert overview, "the advocates' overview draws its charts"
