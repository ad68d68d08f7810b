"""The shortlist exports: a PDF a patient can read at the appointment, a CSV a nurse can sort."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialmatch.cache.models import Site, Trial
from trialmatch.criteria.rules.base import Finding
from trialmatch.matching.match import Candidate, NearestSite, SiteInfo, TrialMatch
from trialmatch.matching.profile import profile_from_dict
from trialmatch.present import export
from trialmatch.present.export import ShortlistEntry, SiteContact, shortlist_csv, shortlist_entry, shortlist_pdf
from trialmatch.present.plain import POSSIBLE_MATCH

pypdf = pytest.importorskip("pypdf")

PROFILE = profile_from_dict({
    "age": 64, "sex": "female", "histology": "adenocarcinoma",
    "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}], "tested_negative": ["ALK"],
    "pdl1_tps": 10, "prior_therapies": ["osimertinib"], "prior_lines": 1, "ecog": 1, "brain_metastases": "none",
})


def make_match(title: str = "Amivantamab after osimertinib", evidence: str = "EGFR exon 19 deletion or L858R",
               reason: str = "Your EGFR exon 19 deletion is one the trial asks for.",
               verdict: str = "possible") -> TrialMatch:
    site = SiteInfo("Dana-Farber", "Boston", "Massachusetts", "United States", 42.34, -71.10, "RECRUITING")
    findings = {
        "biomarker": Finding("eligible", evidence, reason),
        "brain_metastases": Finding("unknown", "No untreated brain metastases", "Your profile does not say."),
        "age": Finding("excluded" if verdict == "excluded" else "eligible", "Ages 18 to 50", "You are 64."),
    }
    candidate = Candidate("NCT01234567", title, "RECRUITING", ("PHASE2",), last_update_posted="2025-11-03")
    return TrialMatch(candidate, verdict, findings, NearestSite(site, 2.4))  # type: ignore[arg-type]


def entry(match: TrialMatch | None = None) -> ShortlistEntry:
    return ShortlistEntry(
        match or make_match(),
        sites=(SiteContact("Dana-Farber", "Boston, MA", 2.4, "Study Nurse, 617-555-0100, nurse@example.org"),),
        central_contacts="Trial Desk, 800-555-0199",
        last_updated="2025-11-03",
    )


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(params=["dejavu", "latin-1-fallback"])
def font(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Both ways of writing text: Debian's DejaVu (Unicode) and the built-in latin-1 font."""
    if request.param == "dejavu" and export._font_files() is None:
        pytest.skip("fonts-dejavu-core is not installed")
    if request.param == "latin-1-fallback":
        monkeypatch.setattr(export, "FONT_DIRS", (Path("/nonexistent"),))
    export._font_files.cache_clear()
    yield request.param
    export._font_files.cache_clear()


def test_pdf_has_profile_trial_reasons_contacts_and_questions(font: str) -> None:
    text = pdf_text(shortlist_pdf(PROFILE, [entry()], today=date(2025, 12, 1), data_as_of="2025-12-01T08:00:00"))
    for expected in [
        "Clinical trials to discuss with my doctor", "Printed 2025-12-01", "Age: 64",
        "Tumour markers found: EGFR exon 19 deletion", "Amivantamab after osimertinib", POSSIBLE_MATCH,
        "Why it may fit", "Your EGFR exon 19 deletion is one the trial asks for", "What to check",
        "Cancer spread to the brain: Your profile does not say", "Dana-Farber, Boston, MA (2 miles)",
        "617-555-0100", "Trial Desk, 800-555-0199", "Questions to ask my doctor",
        "https://clinicaltrials.gov/study/NCT01234567",
    ]:
        assert expected in text, expected
    assert "eligible" not in text.lower()


def test_a_shortlisted_trial_that_does_not_fit_says_so_plainly() -> None:
    text = pdf_text(shortlist_pdf(PROFILE, [entry(make_match(verdict="excluded"))]))
    assert "may not fit you: ask your doctor" in text and "Age: You are 64." in text


def test_an_empty_shortlist_still_prints_the_profile() -> None:
    text = pdf_text(shortlist_pdf(PROFILE, []))
    assert "Age: 64" in text and "No trials were shortlisted" in text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(max_size=300), evidence=st.text(max_size=300), reason=st.text(max_size=100))
def test_any_unicode_from_a_trial_never_crashes_the_pdf(font: str, title: str, evidence: str, reason: str) -> None:
    data = shortlist_pdf(PROFILE, [entry(make_match(title, evidence, reason))])
    assert data.startswith(b"%PDF")


@pytest.mark.parametrize(
    "title",
    ["中文 العربية עברית 😀 ≥ ≤ µ", "\u202eevil override\u202c and \u200b zero width", "x" * 2000,
     "https://example.org/" + "a/" * 300, "\x00\x07\x1b[31m control", "\ud800 lone surrogate"],
    ids=["scripts-and-emoji", "bidi-overrides", "one-huge-word", "long-url", "control-characters", "lone-surrogate"],
)
def test_hard_text_prints_without_crashing(font: str, title: str) -> None:
    text = pdf_text(shortlist_pdf(PROFILE, [entry(make_match(title=title))]))
    assert POSSIBLE_MATCH in text


def test_csv_has_one_row_per_trial_with_verdicts_evidence_and_reasons() -> None:
    rows = list(csv.DictReader(io.StringIO(shortlist_csv([entry(), entry(make_match(title="Second trial"))]))))
    assert len(rows) == 2
    row = rows[0]
    assert row["nct_id"] == "NCT01234567"
    assert row["overall"] == POSSIBLE_MATCH
    assert row["biomarker_verdict"] == "fits"
    assert row["biomarker_evidence"] == "EGFR exon 19 deletion or L858R"
    assert row["brain_metastases_verdict"] == "check with your doctor"
    assert row["brain_metastases_reason"] == "Your profile does not say."
    assert row["nearest_miles"] == "2.4"
    assert "617-555-0100" in row["site_contacts"]
    assert row["url"] == "https://clinicaltrials.gov/study/NCT01234567"
    assert row["disease_verdict"] == ""  # a dimension the match did not report stays empty, never guessed


@pytest.mark.parametrize("formula", ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)"],
                         ids=["equals", "plus", "minus", "at-sign"])
def test_csv_cells_a_spreadsheet_would_run_are_quoted(formula: str) -> None:
    rows = list(csv.DictReader(io.StringIO(shortlist_csv([entry(make_match(title=formula))]))))
    assert rows[0]["title"] == "'" + formula


def test_csv_of_an_excluded_trial_says_why() -> None:
    row = next(csv.DictReader(io.StringIO(shortlist_csv([entry(make_match(verdict="excluded"))]))))
    assert row["overall"] == "does not fit: Age: You are 64."
    assert row["age_verdict"] == "does not fit"


def _site(name: str, lat: float | None, status: str, phone: str = "") -> Site:
    contacts = [{"name": f"{name} nurse", "phone": phone}] if phone else []
    return Site(nct_id="NCT01234567", facility=name, city=name, country="United States", latitude=lat,
                longitude=-71.0 if lat is not None else None, status=status, contacts=contacts)


def test_entry_lists_the_nearest_open_sites_with_their_contacts() -> None:
    sites = [_site("Far", 30.0, "RECRUITING"), _site("Closed", 42.3, "COMPLETED"),
             _site("Near", 42.0, "RECRUITING", "555-1"), _site("Mid", 40.0, "NOT_YET_RECRUITING"),
             _site("Unknown", None, "RECRUITING")]
    trial = Trial(nct_id="NCT01234567", central_contacts=[{"name": "Desk", "email": "desk@example.org"}],
                  last_update_posted="2025-10-01")
    made = shortlist_entry(make_match(), trial, sites, (42.36, -71.06), limit=3)
    assert [s.facility for s in made.sites] == ["Near", "Mid", "Far"]
    assert made.sites[0].contacts == "Near nurse, 555-1"
    assert made.central_contacts == "Desk, desk@example.org"
    assert made.last_updated == "2025-10-01"


def test_entry_without_open_sites_or_a_place_still_lists_sites() -> None:
    made = shortlist_entry(make_match(), None, [_site("Closed", 42.3, "COMPLETED")], None)
    assert [s.facility for s in made.sites] == ["Closed"] and made.sites[0].miles is None
    assert made.last_updated == "2025-11-03"



def test_the_csv_says_the_kind_of_study_and_an_unknown_distance() -> None:
    candidate = Candidate(nct_id="NCT00000031", title="A registry", status="RECRUITING", study_kind="registry",
                          sites=(SiteInfo(None, None, None, "Germany", None, None, None),))
    match = TrialMatch(candidate, "possible", {}, None, located=True)
    rows = list(csv.DictReader(io.StringIO(shortlist_csv([ShortlistEntry(match)]))))
    assert rows[0]["kind"] == "Registry: collects information, gives no treatment"
    assert rows[0]["nearest_place"] == "distance unknown: sites in Germany" and rows[0]["nearest_miles"] == ""
