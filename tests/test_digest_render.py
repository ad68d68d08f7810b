"""The digest's files carry each unknown's sentence, and trial text stays text in every format."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from trialmatch.criteria.rules.base import ELIGIBLE, UNKNOWN, Finding
from trialmatch.matching.match import Candidate, TrialMatch
from trialmatch.matching.profile import Profile
from trialmatch.present.digest import NewTrial, ProfileDigest
from trialmatch.present.digest_render import digest_csv, digest_html, digest_markdown

SCRIPT = "<script>alert(1)</script>"
SENTENCE = f"ECOG performance status 0-1 {SCRIPT} [x](javascript:alert(1))"


def a_digest() -> ProfileDigest:
    candidate = Candidate(nct_id="NCT00000009", title=f"=HYPERLINK(\"http://evil.example\") {SCRIPT}",
                          status="RECRUITING", phases=("PHASE2",))
    findings = {"performance_status": Finding(UNKNOWN, SENTENCE, "Your activity level is not given."),
                "age": Finding(ELIGIBLE, "", "The trial takes ages from 18 years; you are 60.")}
    match = TrialMatch(candidate, "possible", findings)
    closed = TrialMatch(Candidate(nct_id="NCT00000010", title=f"Closed {SCRIPT}", status="COMPLETED"), "possible", {})
    return ProfileDigest("me.json", Profile(id="me"), datetime(2025, 12, 20, 3, 30, tzinfo=UTC),
                         [NewTrial(match, "criteria changed")], [closed])


def test_html_shows_the_unknown_sentence_escaped_and_has_no_markup_from_the_trial() -> None:
    page = digest_html([a_digest()])
    assert "ECOG performance status 0-1 &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower() and 'href="javascript' not in page
    assert "check with your doctor" in page and "Criteria changed" in page and "Closed &lt;script&gt;" in page
    assert 'href="https://clinicaltrials.gov/study/NCT00000009"' in page and page.count("<a ") == 1


def test_markdown_escapes_trial_text_so_it_cannot_become_a_link_or_html() -> None:
    text = digest_markdown([a_digest()])
    assert r"\<script\>" in text and "<script>" not in text
    assert r"\[x\]\(javascript\:alert\(1\)\)" in text
    assert "Possible match: discuss with your doctor" in text


def test_csv_names_each_unknown_with_its_sentence_and_defuses_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(digest_csv([a_digest()]))))
    changed, closed = rows
    assert changed["title"].startswith("'=HYPERLINK")
    assert changed["performance_status"] == "check with your doctor" and changed["age"] == "fits"
    assert SENTENCE in changed["to_check"] and changed["change"] == "criteria changed" and changed["rank"] == "1"
    assert (closed["change"], closed["nct_id"], closed["rank"]) == ("closed", "NCT00000010", "")


CHROMIUM = Path("/usr/bin/chromium")
IMG = '<img src=x onerror="window.__xss=1">'


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_the_html_digest_in_a_real_browser_shows_hostile_text_and_runs_nothing(tmp_path: Path) -> None:
    """The file cron leaves behind, opened as a patient would open it: on a phone-sized screen."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from test_browser import CHROMIUM_ARGS

    digest = a_digest()
    hostile = replace(digest.opened[0].match.candidate, title=f"Trial {IMG} {SCRIPT}")
    digest.opened[0] = replace(digest.opened[0], match=replace(digest.opened[0].match, candidate=hostile))
    path = tmp_path / "digest.html"
    path.write_text(digest_html([digest]), encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_timeout(300)
            assert dialogs == [] and page.evaluate("window.__xss") is None, "trial text ran as code"
            assert page.locator("body script, body img, body iframe").count() == 0
            assert page.get_by_text(f"Trial {IMG} {SCRIPT}", exact=False).first.is_visible()
            assert page.get_by_text("ECOG performance status 0-1 <script>", exact=False).first.is_visible()
            # Readable on a phone: nothing wider than the screen.
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
        finally:
            browser.close()
