"""End to end in a real browser: `streamlit run` on 127.0.0.1, Debian's headless Chromium, a profile in, results out.

Skipped cleanly when /usr/bin/chromium (apt: chromium) or the playwright package is missing.
Playwright only drives the system Chromium: `playwright install` is never needed.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
STARTUP_SECONDS = 60

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def streamlit_page(db_path: str, tmp_path: Path) -> Iterator[str]:
    """`streamlit run` on a free local port against the cache at `db_path`; yields the page's URL."""
    port = free_port()
    log = (tmp_path / "streamlit.log").open("w")
    env = {**os.environ, "TRIALMATCH_DB": db_path, "TRIALMATCH_API_URL": "http://127.0.0.1:9"}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                if httpx.get(f"{url}/_stcore/health", timeout=2).text == "ok":
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start: {(tmp_path / 'streamlit.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def served_page(synced_engine: Engine, tmp_path: Path) -> Iterator[str]:
    """The page served against a cache of the shared records."""
    with streamlit_page(str(synced_engine.url.database), tmp_path) as url:
        yield url


def test_patient_enters_a_profile_and_sees_possible_matches(served_page: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(served_page, wait_until="domcontentloaded")
            page.get_by_text("Lung cancer trials to discuss with your doctor").first.wait_for(timeout=60_000)

            page.get_by_label("Age (years)").fill("64")
            page.get_by_label("US ZIP code or city").fill("02115")
            page.get_by_test_id("stForm").get_by_text("I can't do heavy physical work but can do light work").click()
            page.get_by_role("button", name="Find trials").click()

            summary = page.get_by_text("possible match(es)").first
            summary.wait_for(timeout=60_000)
            assert page.get_by_text("Possible match: discuss with your doctor").first.is_visible()
            assert page.get_by_text("Distances are from Boston, MA 02115").is_visible()
            # Put the first results at the top of the view for the screenshot.
            page.get_by_text("Your possible matches").evaluate("element => element.scrollIntoView()")
            page.wait_for_timeout(300)

            shots = [tmp_path / "page.png"]
            page.screenshot(path=str(shots[0]))

            page.get_by_role("button", name="Details and criteria").first.click()
            page.get_by_text("Open this trial on ClinicalTrials.gov").wait_for(timeout=60_000)
            page.get_by_text("Who can join").first.evaluate("element => element.scrollIntoView()")
            page.wait_for_timeout(300)
            shots.append(tmp_path / "page-detail.png")
            page.screenshot(path=str(shots[-1]))

            page.set_viewport_size({"width": 390, "height": 844})  # a phone
            page.get_by_text("Your possible matches").evaluate("element => element.scrollIntoView()")
            page.wait_for_timeout(500)
            shots.append(tmp_path / "page-phone.png")
            page.screenshot(path=str(shots[-1]))

            out = ROOT / "bench" / "out"
            out.mkdir(parents=True, exist_ok=True)
            for shot in shots:
                assert shot.stat().st_size > 10_000
                shutil.copy(shot, out / shot.name)
        finally:
            browser.close()


def test_a_saved_profile_file_loads_into_the_form_and_shows_results(served_page: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    saved = tmp_path / "me.json"
    saved.write_text(json.dumps({
        "age": 58, "ecog": 0, "biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": ["ALK"],
        "prior_therapies": ["Tagrisso"], "location": "Denver, CO",
    }))
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(served_page, wait_until="domcontentloaded")
            page.get_by_text("Load answers saved earlier").wait_for(timeout=60_000)
            page.locator("input[type=file]").set_input_files(str(saved))
            page.get_by_text("Loaded your answers from me.json").wait_for(timeout=60_000)
            page.get_by_text("possible match(es)").first.wait_for(timeout=60_000)
            assert page.get_by_text("Distances are from Denver, CO, US").is_visible()
            assert page.get_by_label("Age (years)").input_value() == "58"
            assert page.get_by_text("osimertinib (third-generation EGFR TKI)").first.is_visible()
        finally:
            browser.close()
