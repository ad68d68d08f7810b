"""Trial text is untrusted: scripts, HTML, markdown links and images are shown as text, never run.

Checked where a patient sees trial text: every element of the page (AppTest, details and
shortlist open), the shortlist PDF (read back with pypdf) and, in a real Chromium, the served
page (no dialog fires, no injected element exists, the literal `<script>` is on screen).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest
from test_app import fill, study, submit, unescape

from trialmatch.cache.reads import get_trial, sites_for
from trialmatch.matching.index import load_index
from trialmatch.matching.match import match_profile
from trialmatch.matching.profile import profile_from_dict
from trialmatch.present.export import shortlist_entry, shortlist_pdf

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="window.__xss=1">'
LINK = "[win a prize](javascript:alert(1))"
PICTURE = "![x](http://evil.example/x.png)"
HTML = '<b>bold</b> <a href="http://evil.example/a">click</a> <iframe src="http://evil.example/f"></iframe>'
ALL = (SCRIPT, IMG, LINK, PICTURE, HTML)
# What must never reach a markdown or HTML renderer unescaped (a backslash before it makes it text).
RAW_MARKUP = re.compile(r"(?<!\\)<(?:script|img|iframe|a |b>)|(?<!\\)\]\(javascript|(?<!\\)!(?<!\\)\[x")


def hostile_record() -> dict[str, Any]:
    record = study("NCT00000666", f"{SCRIPT} EGFR trial {LINK}",
                   criteria=f"Inclusion Criteria:\n\n* ECOG 0-1 {SCRIPT}\n* Age 18 or older {IMG} {LINK}\n\n"
                            f"Exclusion Criteria:\n\n* Pregnancy {PICTURE} {HTML}")
    ps = record["protocolSection"]
    ps["descriptionModule"]["briefSummary"] = f"Summary {IMG} {PICTURE} {HTML}"
    ps["armsInterventionsModule"]["armGroups"] = [{"label": f"Arm {SCRIPT}", "description": f"Daily {HTML}",
                                                    "interventionNames": [f"Drug: {LINK}"]}]
    site = ps["contactsLocationsModule"]["locations"][0]
    site["facility"] = f"{SCRIPT} Hospital"
    site["contacts"] = [{"name": f"Nurse {IMG}", "phone": "617-555-0100", "email": f"{LINK}@example.org"}]
    ps["sponsorCollaboratorsModule"] = {"leadSponsor": {"name": f"Sponsor {SCRIPT}"}}
    return record


@pytest.fixture
def hostile_engine(engine: Engine) -> Engine:
    fill(engine, [hostile_record(), study("NCT00000001", "A plain trial")], finished=True)
    return engine


@pytest.fixture
def page(hostile_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("TRIALMATCH_DB", str(hostile_engine.url.database))
    monkeypatch.setenv("TRIALMATCH_API_URL", "http://127.0.0.1:9")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def rendered(at: AppTest) -> list[Any]:
    """Every element whose text Streamlit renders as markdown."""
    kinds = ("markdown", "caption", "info", "error", "success", "warning", "title", "subheader", "header")
    return [e for kind in kinds for e in getattr(at, kind)]


def test_the_page_shows_hostile_trial_text_escaped_in_every_view(page: AppTest) -> None:
    at = submit(page, age=64, ecog="1")
    at.button(key="detail-NCT00000666").click().run()
    at.button(key="short-NCT00000666").click().run()
    assert not at.exception, at.exception
    elements = rendered(at)
    for element in elements:
        assert not RAW_MARKUP.search(element.value), f"unescaped markup in {element.value[:200]!r}"
        assert not getattr(element.proto, "allow_html", False)
    shown = unescape("\n".join(e.value for e in elements))
    for text in (f"{SCRIPT} EGFR trial", "Summary <img src=x", "ECOG 0-1 <script>", "Arm <script>"):
        assert text in shown, f"{text!r} should be on the page, as text"
    table = next(d.value for d in at.dataframe if "Site" in d.value.columns)
    assert table["Site"].tolist() == [f"{SCRIPT} Hospital"]  # a data grid shows cells as text
    assert [b.proto.url for b in at.get("link_button")] == ["https://clinicaltrials.gov/study/NCT00000666"]


pypdf = pytest.importorskip("pypdf")


def test_the_pdf_prints_hostile_trial_text_as_text_with_nothing_to_run(hostile_engine: Engine) -> None:
    profile = profile_from_dict({"age": 64, "ecog": 1})
    match = next(m for m in match_profile(load_index(hostile_engine), profile) if m.candidate.nct_id == "NCT00000666")
    entry = shortlist_entry(match, get_trial(hostile_engine, "NCT00000666"), sites_for(hostile_engine, "NCT00000666"),
                            None)
    data = shortlist_pdf(profile, [entry])
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert f"{SCRIPT} EGFR trial {LINK}" in text and f"{SCRIPT} Hospital" in text
    for marker in (b"/JavaScript", b"/JS", b"/Launch", b"/AA", b"/SubmitForm", b"/ImportData"):
        assert marker not in data, f"{marker!r}: the PDF must not carry actions"
    uris = [a.get_object().get("/A", {}).get("/URI") for p in reader.pages for a in p.get("/Annots") or []]
    assert all(uri is None or uri.startswith("https://clinicaltrials.gov/") for uri in uris), uris


# -- the real browser ---------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def served(hostile_engine: Engine, tmp_path: Path) -> Iterator[str]:
    from test_browser import streamlit_page

    with streamlit_page(str(hostile_engine.url.database), tmp_path) as url:
        yield url


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_in_a_real_browser_hostile_text_is_visible_and_nothing_runs(served: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    from test_browser import CHROMIUM_ARGS

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            fetched: list[str] = []
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(served, wait_until="domcontentloaded")
            page.get_by_label("Age (years)").fill("64")
            page.get_by_role("button", name="Find trials").click()
            page.get_by_text("possible match(es)").first.wait_for(timeout=30_000)
            page.locator(".st-key-detail-NCT00000666 button").click()
            page.get_by_text("Open this trial on ClinicalTrials.gov").wait_for(timeout=30_000)
            page.wait_for_timeout(500)

            assert dialogs == [], f"a dialog fired: {dialogs}"
            assert page.evaluate("window.__xss") is None, "an injected handler ran"
            assert page.get_by_text(f"{SCRIPT} EGFR trial", exact=False).first.is_visible()
            assert page.get_by_text("ECOG 0-1 <script>alert(1)</script>", exact=False).first.is_visible()
            main = page.locator("[data-testid='stMain']")
            for selector in ("script", "img[src='x']", "img[src*='evil.example']", "iframe", "a[href^='javascript']"):
                assert main.locator(selector).count() == 0, f"{selector} was injected into the page"
            assert not [url for url in fetched if "evil.example" in url], "a remote image was loaded"
            # Streamlit's markdown (GFM) turns a bare URL into a link even when escaped; such a link
            # shows exactly where it goes. A link whose text says something else must not exist.
            links = main.locator("a[href*='evil.example']").evaluate_all(
                "els => els.map(e => [decodeURI(e.getAttribute('href')), e.textContent])")
            assert all(href == shown for href, shown in links), links
        finally:
            browser.close()
