"""The page's side of the digest: "changed since" beside "new since", and a saved profile that
remembers when it was saved, so loading it offers what is new since."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from digest_records import changed, record
from sqlalchemy.engine import Engine
from test_app import page as _page
from test_app import submit, texts, unescape

from trialmatch.cache.store import save_page, set_run, start_run
from trialmatch.matching.profile import Profile, load_profile, profile_from_dict
from trialmatch.present import form

page = _page  # the page fixture, run against a test cache

JUNE, DECEMBER = datetime(2025, 6, 1, tzinfo=UTC), datetime(2025, 12, 10, tzinfo=UTC)
OLD = record("NCT00000001", "Old trial nothing changed")
RECAST = record("NCT00000002", "Old trial whose criteria changed")
FRESH = record("NCT00000003", "Trial added in December")


def two_syncs(engine: Engine) -> None:
    for when, records in ((JUNE, [OLD, RECAST]), (DECEMBER, [FRESH, changed(RECAST, criteria="* ECOG 0-2")])):
        run = start_run(engine, mode="full", now=when)
        save_page(engine, records, run.id, cursor=None, now=when)
        set_run(engine, run.id, status="ok", finished_at=when, cursor=None)


def test_a_saved_profile_says_when_and_still_loads_everywhere(tmp_path: Path, shared_dir: Path) -> None:
    profile = Profile(id="me", age=60)
    saved = tmp_path / "me.json"
    saved.write_text(form.saved_profile_json(profile, DECEMBER))
    assert load_profile(saved) == profile
    assert form.saved_at_of(saved.read_bytes()) == DECEMBER
    assert form.saved_at_of(b'{"id": "me", "saved_at": "last week"}') is None
    assert form.saved_at_of(b'{"id": "me"}') is None and form.saved_at_of(b"not json") is None
    for data in json.loads((shared_dir / "eval" / "profiles.json").read_text()):
        assert profile_from_dict({**data, "saved_at": "2025-12-10T00:00:00+00:00"}) == profile_from_dict(data)


def test_changed_since_keeps_only_trials_new_or_changed_since_that_day(page: Any, engine: Engine) -> None:
    two_syncs(engine)
    at = page(engine)
    at.date_input(key=form.CHANGED_SINCE).set_value(date(2025, 12, 1))
    at = submit(at, age=60)
    shown = unescape(texts(at))
    assert "**2 possible match(es)**" in shown
    assert "Trial added in December" in shown and "Old trial whose criteria changed" in shown
    assert "Old trial nothing changed" not in shown


def test_a_loaded_profile_offers_what_is_new_since_it_was_saved(page: Any, engine: Engine) -> None:
    two_syncs(engine)
    at = page(engine)
    at.session_state[form.AGE] = 60
    at.session_state["profile_json"] = form.profile_json(Profile(id="me", age=60))
    at.session_state["loaded_saved_at"] = datetime(2025, 11, 1, tzinfo=UTC)
    at.run()
    at.button(key="whats_new").click()
    at.run()
    assert not at.exception, at.exception
    shown = unescape(texts(at))
    assert "2 possible match(es) new, open again or with changed criteria" in shown
    assert "Trial added in December (NCT00000003): new" in shown
    assert "Old trial whose criteria changed (NCT00000002): criteria changed" in shown
    assert "Old trial nothing changed (NCT" not in shown
