"""Plain-language wording: badges, ECOG in everyday words, escaping untrusted text, questions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import Finding
from trialmatch.matching.match import Candidate, TrialMatch
from trialmatch.matching.profile import profile_from_dict
from trialmatch.present.plain import (
    BADGES,
    DIMENSION_NAMES,
    ECOG_WORDS,
    GENERAL_QUESTIONS,
    GLOSSARY,
    badge,
    escape_markdown,
    miles_words,
    phase_words,
    profile_lines,
    questions_for_doctor,
    status_words,
    what_to_check,
    why_it_may_fit,
)


@pytest.mark.parametrize(
    ("verdict", "words"),
    [("eligible", "fits"), ("unknown", "check with your doctor"), ("excluded", "does not fit"),
     ("something-new", "check with your doctor")],
    ids=["eligible-reads-fits", "unknown-reads-check", "excluded-reads-does-not-fit", "unexpected-is-unknown"],
)
def test_badges_never_say_eligible(verdict: str, words: str) -> None:
    assert badge(verdict) == words
    assert "eligible" not in badge(verdict)


def test_every_badge_and_dimension_avoids_the_word_eligible() -> None:
    wording = " ".join([*BADGES.values(), *DIMENSION_NAMES.values(), *ECOG_WORDS.values(), *GLOSSARY.values()])
    assert "eligible" not in wording.lower()


def test_every_matcher_dimension_has_a_plain_name() -> None:
    assert set(DIMENSIONS) | {"age", "sex"} <= set(DIMENSION_NAMES)


@pytest.mark.parametrize(
    ("level", "words"),
    [(0, "I can do everything I could before my illness"),
     (1, "I can't do heavy physical work but can do light work"),
     (2, "I can look after myself but can't work; up and about more than half the day"),
     (3, "I rest in bed or a chair more than half the day"),
     (4, "I'm in bed or a chair all day")],
    ids=["ecog-0", "ecog-1", "ecog-2", "ecog-3", "ecog-4"],
)
def test_ecog_levels_in_everyday_words(level: int, words: str) -> None:
    assert ECOG_WORDS[level] == words


@pytest.mark.parametrize("term", ["PD-L1", "TPS", "ECOG", "NSCLC"])
def test_jargon_is_explained(term: str) -> None:
    assert len(GLOSSARY[term]) > 40


@pytest.mark.parametrize(
    ("phases", "words"),
    [(("PHASE1", "PHASE2"), "Phase 1 / Phase 2"), (("EARLY_PHASE1",), "Early phase 1"), ((), "No phase"),
     (("NA",), "No phase")],
    ids=["phase-1-2", "early-phase-1", "none-listed", "not-applicable"],
)
def test_phases_in_words(phases: tuple[str, ...], words: str) -> None:
    assert phase_words(phases) == words


def test_statuses_in_words_including_unknown_ones() -> None:
    assert status_words("NOT_YET_RECRUITING") == "Not yet recruiting"
    assert status_words("SOMETHING_ELSE") == "Something else"
    assert status_words(None) == "Status unknown"


@pytest.mark.parametrize(("miles", "words"), [(0.2, "under 1 mile"), (1.1, "1 mile"), (12.6, "13 miles"),
                                              (2500, "2,500 miles")])
def test_distances_read_naturally(miles: float, words: str) -> None:
    assert miles_words(miles) == words


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", "[click me](javascript:alert(1))", "![img](http://evil.example/x.png)",
     "# Heading\n\n---", "**bold** _it_ `code`", ":red[colour] :material/warning:", "$x^2$ maths",
     "<img src=x onerror=alert(1)>", "line1\nline2\r\n* bullet", "\x1b[31m ansi \x00 nul"],
    ids=["script-tag", "js-link", "remote-image", "heading-and-rule", "emphasis-and-code", "streamlit-directives",
         "latex", "html-attribute", "newlines-and-bullets", "control-characters"],
)
def test_escaped_trial_text_has_no_live_markdown(hostile: str) -> None:
    escaped = escape_markdown(hostile)
    assert "\n" not in escaped and "\x1b" not in escaped and "\x00" not in escaped
    # Every markdown/HTML special character is preceded by a backslash.
    assert not re.search(r"(?<!\\)[<>\[\]()*_`#:$!]", escaped.replace("\\\\", ""))


@given(st.text())
def test_escaping_never_loses_visible_words(text: str) -> None:
    escaped = escape_markdown(text)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert unescaped.split() == escape_markdown_words(text)


def escape_markdown_words(text: str) -> list[str]:
    """The words a reader should see: the text without control characters, split on white space."""
    return "".join(ch for ch in text if ch in "\t\n\r" or not (ord(ch) < 32 or ord(ch) == 127)).split()


def _match(**findings: Finding) -> TrialMatch:
    return TrialMatch(Candidate("NCT00000001", "A trial", "RECRUITING"), "possible", dict(findings))


def test_why_it_fits_lists_stated_requirements_and_what_to_check_lists_unknowns() -> None:
    m = _match(
        biomarker=Finding("eligible", "EGFR exon 19 deletion or L858R", "Your EGFR L858R is one the trial asks for."),
        prior_therapy=Finding("eligible", "", "The trial text sets no requirement on prior therapy."),
        brain_metastases=Finding("unknown", "No active brain metastases", "Your profile does not say."),
    )
    assert why_it_may_fit(m) == ["Tumour markers (biomarkers): Your EGFR L858R is one the trial asks for."]
    assert what_to_check(m) == ["Cancer spread to the brain: Your profile does not say."]
    questions = questions_for_doctor(m)
    assert questions[0] == ('The trial asks about cancer spread to the brain: "No active brain metastases". '
                            "Does that apply to me?")
    assert questions[1:] == list(GENERAL_QUESTIONS)


def test_profile_lines_say_what_is_not_given() -> None:
    profile = profile_from_dict({
        "age": 64, "ecog": 1, "biomarkers": [{"gene": "HER2", "alteration": "exon 20 insertion"}],
        "tested_negative": ["EGFR"], "location": "02115", "max_distance_miles": 50,
    })
    lines = profile_lines(profile)
    assert "Age: 64" in lines
    assert "Sex: not given" in lines
    assert "Tumour markers found: ERBB2 exon 20 insertion" in lines
    assert "Tested, no change found: EGFR" in lines
    assert "PD-L1 (TPS): not tested" in lines
    assert "Day-to-day activity (ECOG): 1: I can't do heavy physical work but can do light work" in lines
    assert "Near: 02115 (within 50 miles)" in lines
