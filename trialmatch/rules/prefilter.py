"""A cheap substring test in front of a slow case-insensitive phrase regex.

Python's regex engine tries every alternative of a case-insensitive alternation at every position of
the text: a vocabulary of a few hundred phrases costs tens of microseconds per sentence, and most
sentences contain none of the phrases. Every match of a phrase needs its words in the text, so one
word per phrase, looked for by plain substring search in folded text, says when the regex cannot match.
The answer is the same as the regex's; only the work is skipped.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

# The only characters a case-insensitive regex matches to an ASCII letter that lower() does not turn into
# that letter (checked over all of Unicode, see tests/test_prefilter.py): "İ" and "ı" match "i", "ſ"
# matches "s". Every other one lower-cases to the letter it matches.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_WORD_BREAK = re.compile(r"[\s\-]+")


@lru_cache(maxsize=64)  # one sentence is checked against many phrase lists in a row
def folded(text: str) -> str:
    """`text` lower-cased so that whatever a case-insensitive regex matches to an ASCII letter reads as it."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def key_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """The longest word of each phrase, lower-case: a match of a case-insensitive pattern made of these
    phrases, with only spaces or hyphens between their words, needs one of them in folded(text).

    None (no pre-check) when some phrase has no plain ASCII word to look for.
    """
    found: list[str] = []
    for phrase in phrases:
        words = [w for w in _WORD_BREAK.split(phrase.strip()) if w and w.isascii()]
        if not words:
            return None
        found.append(max(words, key=len).lower())
    return tuple(dict.fromkeys(found))


def may_match(text: str, words: tuple[str, ...] | None) -> bool:
    """False when a pattern with these key_words() cannot match anywhere in `text`."""
    if words is None:
        return True
    low = folded(text)
    return any(word in low for word in words)


class PhrasePattern:
    """A compiled case-insensitive phrase pattern with the same search / finditer / sub answers,
    that skips the regex when none of the phrases' key words is in the text."""

    def __init__(self, pattern: re.Pattern[str], phrases: Iterable[str]) -> None:
        self.pattern = pattern
        self.words = key_words(phrases)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if may_match(text, self.words) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if may_match(text, self.words) else iter(())

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.pattern.sub(repl, text, count) if may_match(text, self.words) else text
