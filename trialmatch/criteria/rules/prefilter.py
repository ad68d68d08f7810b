"""A cheap substring test in front of a slow regex: same answers, less work.

Python's regex engine tries every alternative of an alternation at every position of the text, and
under IGNORECASE (or behind a lookbehind or a word boundary) it cannot skip ahead to where a match
could start: a list of a few hundred phrases costs tens of microseconds per sentence, and most
sentences hold none of them. But every match contains certain literal text ("karnofsky",
"performance" or "ECOG" ...). Guarded(pattern) works out such a set of needles from the pattern
itself and runs the regex only when one of them is in the text; when none is, the regex could not
have matched, so the answer is the one the regex would have given.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

try:  # the regex parser of the standard library; without it nothing is skipped
    from re import _constants as _op  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without these modules
    _parser = None

# The only characters a case-insensitive regex matches to an ASCII character that lower() does not turn
# into it (checked over all of Unicode in tests/test_prefilter.py): "İ" and "ı" match "i", "ſ" matches
# "s". Every other one lower-cases to the character it matches.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def translator(table: dict[int, Any]) -> Callable[[str], str]:
    """str.translate(table), skipped when none of the table's characters is in the text: translate()
    with a dict table looks up every character, which costs more than one scan for the few it changes."""
    changed = re.compile("[" + "".join(re.escape(chr(code)) for code in table) + "]")

    def apply(text: str) -> str:
        return text.translate(table) if changed.search(text) else text

    return apply


Needle = tuple[str, bool]  # (text, look in folded text: the literal was matched without case)


@lru_cache(maxsize=256)  # one sentence is checked against many patterns in a row, by every dimension in turn
def folded(text: str) -> str:
    """`text` lower-cased so that whatever a case-insensitive regex matches to an ASCII character reads as it."""
    if text.isascii():
        return text.lower()
    # Three substring tests cost less than translator()'s character-class search over a whole sentence.
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_FOLD)
    return text.lower()


# Only the last tree: Guarded asks for its pattern's needles and first characters in a row. Kept for every pattern, the
# trees (some 117,000 objects the garbage collector tracks, three in four of a warm process's) were scanned by every
# full collection, for nothing: no tree is asked for again once its Guarded is built.
@lru_cache(maxsize=1)
def _parse_tree(pattern: re.Pattern[str]) -> tuple[tuple[Any, Any], ...]:
    """The pattern's parse tree, read once: a Guarded pattern asks it for its needles and for its first characters
    (a tuple: the cached tree is shared, and nothing may change it)."""
    assert _parser is not None
    return tuple(_parser.parse(pattern.pattern, pattern.flags))


def required_needles(pattern: re.Pattern[str]) -> frozenset[Needle] | None:
    """Literal strings one of which every match of `pattern` contains; None when none can be named."""
    if _parser is None or not isinstance(pattern.pattern, str):
        return None
    try:
        return _sequence(list(_parse_tree(pattern)), bool(pattern.flags & re.IGNORECASE))
    except Exception:  # an unexpected parse tree: check nothing rather than guess
        return None


def _better(a: frozenset[Needle] | None, b: frozenset[Needle] | None) -> frozenset[Needle] | None:
    """The more selective of two needle sets (longer shortest needle, then fewer needles)."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda s: (min(len(text) for text, _ in s), -len(s)))


def _sequence(items: list[tuple[Any, Any]], ignore_case: bool) -> frozenset[Needle] | None:
    """Needles for items matched one after the other: any one item's needles hold for the whole."""
    best: frozenset[Needle] | None = None
    run: list[str] = []

    def close_run() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset({("".join(run), ignore_case)}))
            run.clear()

    for op, av in items:
        if op is _op.LITERAL:
            char = chr(av)
            if ignore_case and not char.isascii():
                close_run()  # no claim about how a non-ASCII character folds
            else:
                run.append(char.lower() if ignore_case else char)
            continue
        chars = _few_chars(av, ignore_case) if op is _op.IN and run else None
        if chars is not None:  # "T[12]": every match holds "T1" or "T2", rarer than a bare "T"
            stem = "".join(run)
            close_run()
            best = _better(best, frozenset((stem + char, ignore_case) for char in chars))
            continue
        close_run()
        found: frozenset[Needle] | None = None
        if op is _op.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            flag_on = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            found = _sequence(list(sub), flag_on)
        elif op is _op.ATOMIC_GROUP:
            found = _sequence(list(av), ignore_case)
        elif op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
            low, _high, sub = av
            found = _sequence(list(sub), ignore_case) if low >= 1 else None
        elif op is _op.BRANCH:
            options = [_sequence(list(alt), ignore_case) for alt in av[1]]
            found = None if any(o is None for o in options) else frozenset().union(*options)  # type: ignore[arg-type]
        elif op is _op.ASSERT:  # a lookahead or lookbehind that must match: its text is in the text too
            found = _sequence(list(av[1]), ignore_case)
        # Character sets, negative assertions, anchors and back-references name no literal text.
        best = _better(best, found)
    close_run()
    if best is not None and any(not text for text, _ in best):
        return None
    return best


def _few_chars(items: list[tuple[Any, Any]], ignore_case: bool) -> list[str] | None:
    """The characters of a small set of plain ASCII characters ("[12]"), lower-cased without case; None for any
    other set (ranges, classes, negation, a character outside ASCII, more than four)."""
    if len(items) > 4 or any(op is not _op.LITERAL or not chr(av).isascii() for op, av in items):
        return None
    return [chr(av).lower() if ignore_case else chr(av) for _, av in items]


def _shortest(needles: Iterable[str]) -> tuple[str, ...]:
    """The needles none of the others is part of: a text holding "metastases" holds "metasta" too, so
    looking for the longer one can only repeat an answer the shorter one gives."""
    kept: list[str] = []
    for needle in sorted(set(needles), key=lambda n: (len(n), n)):
        if not any(part in needle for part in kept):
            kept.append(needle)
    return tuple(kept)


# How many characters a match may start with for word_start_first to bother: more, and its check skips little.
_MAX_START_CHARS = 30


def word_start_first(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a check of where a match can start, or `pattern` itself when none can be named.

    A pattern that opens with a word boundary ("\\b(?:no|without|never)\\s+...") gives the engine no character
    to skip ahead to, so it tries every alternative at every position of the text. When every match starts with
    one of a few characters right after a word boundary, (?=[those])\\b in front fails at most positions in one
    step. The check is zero-width and holds wherever the pattern can match, so matches, groups, spans, sub()
    and split() are the pattern's own.

    Two more shapes get the check: a pattern with no word boundary first ("(?<![\\w-])(?:squamous...", "(?i:lansky
    ..."), unless the engine already skips ahead by itself (_engine_skips); and one where some alternative may
    instead start at "^" ("\\b(?:treatment|therapy)...|(?:^[\\W\\d]*|\\bwho\\s+...)untreated"), whose check is
    "(?:(?=[those])\\b|^)": where "^" holds, the pattern is tried as it stands."""
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.VERBOSE | re.LOCALE):
        return pattern
    try:
        tree = list(_parse_tree(pattern))
        first = _first(tree, bool(pattern.flags & re.IGNORECASE))
        if first is None or not first[0] or sum(_size(item) for item, _ in first[0]) > _MAX_START_CHARS:
            return pattern
        if not first[1] and _engine_skips(tree, pattern.flags):
            return pattern
        chars = sorted(first[0])
        sets = [f"(?{'i' if ignore_case else '-i'}:[{''.join(c for c, i in chars if i == ignore_case)}])"
                for ignore_case in (False, True) if any(i == ignore_case for _, i in chars)]
        check = f"(?=(?:{'|'.join(sets)}))" + (r"\b" if first[1] else "")
        if first[2]:
            check = f"(?:{check}|^)"
        fast = re.compile(f"{check}(?:{pattern.pattern})", pattern.flags)
    except Exception:  # an unexpected parse tree or a pattern that does not nest: run it as it is
        return pattern
    same = fast.groups == pattern.groups and fast.groupindex == pattern.groupindex
    return fast if same else pattern


def _engine_skips(tree: list[tuple[Any, Any]], flags: int) -> bool:
    """Does the engine skip ahead to where a match can start by itself? As the standard library's compiler does:
    past the groups in front, a literal ("prior\\s+..."), alternatives that each open with one ("ndicat|andidate|...")
    or a character set, where a literal is matched with case or is no letter. A lookahead first was put there by
    hand. A check in front of these would only slow them down."""
    if not tree:
        return False
    ignore_case = bool(flags & re.IGNORECASE)
    op, av = tree[0]
    while op is _op.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if not len(sub):
            return False
        ignore_case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        op, av = sub[0]

    def plain(item: tuple[Any, Any]) -> bool:
        return item[0] is _op.LITERAL and not (ignore_case and chr(item[1]).lower() != chr(item[1]).upper())

    if op is _op.IN or (op is _op.ASSERT and av[0] == 1):
        return True
    if op is _op.BRANCH:
        return all(alt and plain(alt[0]) for alt in av[1])
    return plain((op, av))


# (start characters as class items, each with its case flag; a word boundary stands before them; a match may instead
# start where "^" holds)
_Start = tuple[frozenset[tuple[str, bool]], bool, bool]


def _first(items: list[tuple[Any, Any]], ignore_case: bool) -> _Start | None:
    """The characters the first character of any match of `items` (matched in a row) is one of, as character class
    items (escaped), whether a word boundary stands right before it, and whether a match may instead start at "^"
    (any character); None when that cannot be said. An item that opens with "^" claims no character and, as it
    can match nowhere else, the boundary vacuously."""
    boundary = False
    for op, av in items:
        if op is _op.AT:
            if av in (_op.AT_BEGINNING, _op.AT_BEGINNING_STRING):
                return frozenset(), True, True  # "\\A" holds only where "^" does
            if av is not _op.AT_BOUNDARY:
                return None  # "$", "\\B", ...
            boundary = True
        elif op in (_op.ASSERT, _op.ASSERT_NOT):
            continue  # zero-width: the next item still has to match here
        elif op is _op.LITERAL:
            return frozenset({(re.escape(chr(av)), ignore_case)}), boundary, False
        elif op is _op.IN:
            found = _class_items(av, ignore_case)
            return None if found is None else (found, boundary, False)
        elif op is _op.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~re.IGNORECASE:
                return None  # an ASCII or other flag could move the word boundary
            flag_on = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            return _then(_first(list(sub), flag_on), boundary)
        elif op is _op.ATOMIC_GROUP:
            return _then(_first(list(av), ignore_case), boundary)
        elif op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _then(_first(list(av[2]), ignore_case), boundary)
        elif op is _op.BRANCH:
            options = [_first(list(alt), ignore_case) for alt in av[1]]
            if any(o is None for o in options):
                return None
            chars = frozenset().union(*(o[0] for o in options))  # type: ignore[index]
            return (chars, boundary or all(o[1] for o in options),  # type: ignore[index]
                    any(o[2] for o in options))  # type: ignore[index]
        else:
            return None  # an optional item, any character, a back-reference: no claim
    return None  # nothing consumed: an empty match is possible anywhere


def _size(item: str) -> int:
    """How many characters a class item (an escaped character or a range "a-z") stands for."""
    low, dash, high = item.replace("\\", "").partition("-")
    return ord(high) - ord(low) + 1 if dash and low and high else 1


def _then(found: _Start | None, boundary: bool) -> _Start | None:
    return None if found is None else (found[0], boundary or found[1], found[2])


def _class_items(items: list[tuple[Any, Any]], ignore_case: bool) -> frozenset[tuple[str, bool]] | None:
    """A character set's literals and ranges as class items; None for a negated set or a class (\\w, \\d)."""
    out: set[tuple[str, bool]] = set()
    for op, av in items:
        if op is _op.LITERAL:
            out.add((re.escape(chr(av)), ignore_case))
        elif op is _op.RANGE:
            out.add((f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}", ignore_case))
        else:
            return None
    return frozenset(out)


# Longer than any real criterion sentence: match() past this length skips the needle scan.
_MATCH_SCAN_LIMIT = 2_000


def _window(text: str, pos: int, endpos: int) -> str:
    """The part of `text` a search from `pos` to `endpos` can match in. A match lies inside it, so the needles every
    match holds do too; checking only this part keeps a rule that searches many small windows of one long text
    (a window after each marker) from scanning the whole text each time, which grew with the square of its length."""
    return text if pos <= 0 and endpos >= len(text) else text[pos:endpos]


# How many case-sensitive needles, each opening with a capital or a digit, make one scan for all of them cheaper than
# a substring test each: most of a sentence is lower case, and the scan skips it in C ("EGFR", "ALK", "HER2", ...).
_CAPITAL_NEEDLES = 6


def _literal_trie(needles: Iterable[str]) -> str:
    """A regex matching any of `needles` literally, branching one character at a time (the engine tries a few
    characters at each position, not every needle in turn)."""
    if "" in needles:
        return ""
    by_first: dict[str, set[str]] = {}
    for needle in sorted(needles):
        by_first.setdefault(needle[0], set()).add(needle[1:])
    branches = [re.escape(first) + _literal_trie(rests) for first, rests in by_first.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def capital_scan(needles: tuple[str, ...]) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """One regex finding any of the needles that open with an ASCII capital or a digit, when they are many (None
    otherwise: a substring test each is then as cheap), and the needles left to test one by one. The regex matches
    wherever one of its needles is in the text, so asking it gives the answer the tests give."""
    capital = tuple(n for n in needles if n[:1].isascii() and (n[0].isupper() or n[0].isdigit()))
    if len(capital) < _CAPITAL_NEEDLES:
        return None, needles
    return re.compile(_literal_trie(set(capital))), tuple(n for n in needles if n not in capital)


def _always(text: str) -> bool:
    return True


def needle_check(needles: frozenset[Needle] | None, scan: re.Pattern[str] | None, plain: tuple[str, ...],
                 folded_needles: tuple[str, ...]) -> Callable[[str], bool]:
    """Guarded.possible for these needles (its capital scan, the plain needles left, the folded ones), as a function
    that tests only the kinds of needle there are: most guards have one kind, many one needle. Same answers."""
    if needles is None:
        return _always
    if scan is None and not plain and len(folded_needles) == 1:
        (needle,) = folded_needles
        return lambda text: needle in folded(text)
    if scan is None and not folded_needles and len(plain) == 1:
        (needle,) = plain
        return lambda text: needle in text
    if scan is None and not plain:
        def folded_only(text: str) -> bool:
            low = folded(text)
            for needle in folded_needles:
                if needle in low:
                    return True
            return False
        return folded_only
    if scan is None and not folded_needles:
        def plain_only(text: str) -> bool:
            for needle in plain:
                if needle in text:
                    return True
            return False
        return plain_only

    def every_kind(text: str) -> bool:
        if scan is not None and scan.search(text):
            return True
        for needle in plain:
            if needle in text:
                return True
        if folded_needles:
            low = folded(text)
            for needle in folded_needles:
                if needle in low:
                    return True
        return False
    return every_kind


class Guarded:
    """A compiled regex with the same search / match / finditer / findall / sub / split answers, that
    skips the regex when the text holds none of the literal text every match needs."""

    def __init__(self, pattern: re.Pattern[str], needles: frozenset[tuple[str, bool]] | None = None) -> None:
        self.pattern = pattern
        # `needles` (text, folded) given by the caller when it knows narrower ones than the regex shows: every match
        # must hold one of them.
        self.needles = needles if needles is not None else required_needles(pattern)
        # Split once: asked of every sentence, the check is all loop overhead.
        self._plain = _shortest(text for text, fold in self.needles or () if not fold)
        self._folded = _shortest(text for text, fold in self.needles or () if fold)
        self._plain_scan, self._plain_rest = capital_scan(self._plain)
        self._run = word_start_first(pattern)  # the regex the methods run: the same matches, found sooner
        if type(self).possible is Guarded.possible:  # a subclass's own check stays its own
            # Asked some 160,000 times a parse: a function made for this guard's needles answers as the method does,
            # without its tests for the kinds of needle it has not got.
            check = needle_check(self.needles, self._plain_scan, self._plain_rest, self._folded)
            self.possible = check  # type: ignore[method-assign, assignment]

    def possible(self, text: str) -> bool:
        """False when the pattern cannot match anywhere in `text`."""
        if self.needles is None:
            return True
        if self._plain_scan is not None and self._plain_scan.search(text):
            return True
        for needle in self._plain_rest:
            if needle in text:
                return True
        if self._folded:
            low = folded(text)
            for needle in self._folded:
                if needle in low:
                    return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        window = text if pos <= 0 and endpos >= len(text) else text[pos:endpos]  # _window, inlined: the usual call
        return self._run.search(text, pos, endpos) if self.possible(window) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # An anchored match tries one position, so on a long rest of text the needle scan would cost more than the
        # match it saves (and a rule matching after every marker of a long text would grow with its square).
        if min(endpos, len(text)) - pos > _MATCH_SCAN_LIMIT:
            return self._run.match(text, pos, endpos)
        return self._run.match(text, pos, endpos) if self.possible(_window(text, pos, endpos)) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self._run.finditer(text, pos, endpos) if self.possible(_window(text, pos, endpos)) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self._run.findall(text, pos, endpos) if self.possible(_window(text, pos, endpos)) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self._run.sub(repl, text, count) if self.possible(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self._run.split(text, maxsplit) if self.possible(text) else [text]


class AnyOf:
    """One needle check for several guarded patterns: False when none of them can match in the text.

    For a block of code that does something only when one of its patterns matches: asked first, it
    skips the block with one loop over the needles instead of one call per pattern. `masked` patterns
    also run on the text with matches of another pattern blanked out (disease._mask): that only turns
    characters into spaces, so a needle without a space is in the blanked text only if it is in the text.
    """

    def __init__(self, *guards: Guarded, masked: tuple[Guarded, ...] = ()) -> None:
        every = [*guards, *masked]
        unknown = any(g.needles is None for g in every) or any(" " in n for g in masked for n, _ in g.needles or ())
        self.always = unknown  # some pattern names no needle: never skip
        self._plain = _shortest(n for g in every for n in g._plain)
        self._folded = _shortest(n for g in every for n in g._folded)
        self._plain_scan, self._plain_rest = capital_scan(self._plain)

    def possible(self, text: str) -> bool:
        if self.always:
            return True
        if self._plain_scan is not None and self._plain_scan.search(text):
            return True
        for needle in self._plain_rest:
            if needle in text:
                return True
        if self._folded:
            low = folded(text)
            for needle in self._folded:
                if needle in low:
                    return True
        return False


def guarded(source: str, flags: int = 0) -> Guarded:
    """re.compile(source, flags) behind its needle check."""
    return Guarded(re.compile(source, flags))
