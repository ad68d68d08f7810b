"""The substring pre-check in front of phrase regexes never changes what the regex finds."""

from __future__ import annotations

import re
import string
import sys

import pytest

from trialmatch.rules.prefilter import PhrasePattern, folded, key_words

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


@pytest.mark.parametrize("letter", string.ascii_lowercase)
def test_folded_reads_whatever_a_case_insensitive_regex_matches_to_a_letter_as_that_letter(letter: str) -> None:
    matched = re.findall(letter, EVERY_CHARACTER, re.I)
    assert matched, letter
    assert {char: folded(char) for char in matched} == {char: letter for char in matched}


PHRASES = ["squamous cell carcinoma", "non-small cell", "EGFR-TKI", "stage IV"]
PATTERN = re.compile(r"(?<![\w-])(?:" + "|".join(
    re.escape(p.lower()).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?") for p in PHRASES) + r")(?![\w])", re.I)


@pytest.mark.parametrize("text", [
    "Squamous Cell Carcinoma of the lung",
    "SQUAMOUS-CELL-CARCINOMA",
    "ſquamous cell carcinoma",  # long s: the regex engine matches it to "s"
    "non small cell, stage İV",  # dotted capital I: matched to "i"
    "stage ıv disease",  # dotless i
    "egfr tki naive",
    "EGFRTKI",
    "nothing relevant here",
    "",
], ids=lambda t: repr(t[:30]))
def test_phrase_pattern_answers_as_the_regex_does(text: str) -> None:
    quick = PhrasePattern(PATTERN, PHRASES)
    direct = PATTERN.search(text)
    found = quick.search(text)
    assert (found.span() if found else None) == (direct.span() if direct else None)
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in PATTERN.finditer(text)]
    assert quick.sub("#", text) == PATTERN.sub("#", text)


def test_a_phrase_without_an_ascii_word_turns_the_pre_check_off() -> None:
    assert key_words(["stage IV", "≥ 18"]) == ("stage", "18")
    assert key_words(["≥"]) is None
    assert PhrasePattern(re.compile("≥", re.I), ["≥"]).search("age ≥ 18") is not None
