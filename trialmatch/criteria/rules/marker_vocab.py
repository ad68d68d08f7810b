"""The biomarker vocabulary (data/vocab/biomarkers.json) compiled for reading text and checking profiles.

Every phrase list becomes one alternation of literals with fixed-width separators, so matching is
linear in the text length. Membership tables answer "does this patient's alteration belong to the
class the trial names?" with True, False or None (depends on wording: unknown).

A leaf module beside the dimension packages, not inside biomarker/: the shared reader (reader/apply.py) and
prior_therapy read the same tables, and importing biomarker/ from the reader would loop back into it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from trialmatch.criteria.rules.prefilter import Guarded, folded
from trialmatch.criteria.vocab import load

# A space or hyphen inside a phrase also matches the other, or nothing ("exon 19" / "exon-19" / "exon19").
_SEPARATOR = r"[\s\-]?"
_LEFT = r"(?<![A-Za-z0-9])"
_RIGHT = r"(?![A-Za-z0-9])"


def _phrase_parts(phrases: list[str], plural: bool) -> list[tuple[str, str, str, str]]:
    """(first letter, word-start lookbehind or "", the words, word-end lookahead or "") for each
    phrase, longest first, as a whole word (optionally plural)."""
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):  # fixed order, whatever the hash seed
        words = [w for w in re.split(r"[\s\-]+", phrase.strip()) if w]
        if not words:
            continue
        body = _SEPARATOR.join(re.escape(w) for w in words)
        if plural and phrase[-1:].isalpha():
            body += "(?:s|es)?"
        # Phrases ending in a symbol ("ALK+") cannot take a word boundary after them.
        right = _RIGHT if phrase[-1:].isalnum() else ""
        left = _LEFT if phrase[:1].isalnum() else ""
        parts.append((words[0][0], left, body, right))
    return parts


def phrase_pattern(phrases: list[str], plural: bool = True) -> str:
    """An alternation matching any phrase, longest first, as a whole word (optionally plural)."""
    parts = [left + body + right for _, left, body, right in _phrase_parts(phrases, plural)]
    return "|".join(parts) if parts else r"(?!x)x"


@cache
def _can_start(letter: str, char: str, ignore_case: bool) -> bool:
    """Does a phrase starting with `letter` match `char`? Asked of the regex engine (so case folding agrees)
    unless both are ASCII, where ignoring case is comparing lower case."""
    if letter.isascii() and char.isascii():
        return letter.lower() == char.lower() if ignore_case else letter == char
    return re.fullmatch(re.escape(letter), char, re.I if ignore_case else 0) is not None


@cache
def data() -> dict[str, Any]:
    return load("biomarkers")


@cache  # asked per gene occurrence (expand_gene); callers only read it
def _items(section: str) -> dict[str, Any]:
    return {k: v for k, v in data()[section].items() if not k.startswith("_")}


def exact_gene_names() -> tuple[str, ...]:
    """The genes the vocabulary spells with case (gene_names_exact), in its order."""
    return tuple(_items("gene_names_exact"))


@cache
def _gene_spellings_upper() -> frozenset[str]:
    return frozenset(n.upper() for names in _items("gene_names_exact").values() for n in names)


def part_of_gene_name(name: str) -> bool:
    """Is `name` a part of a gene spelling the vocabulary lists ("RAS" of KRAS, "RAF" of BRAF, "ROS" of ROS1): a
    family or a short form of genes it knows, not a gene outside it?"""
    upper = name.upper()
    return any(upper in spelling for spelling in _gene_spellings_upper())


def gene_spellings(genes: tuple[str, ...]) -> str:
    """An alternation of every exact spelling the vocabulary lists for `genes` ("c-Met", "cMET", "Her2"), longest
    first, a space or hyphen in one matching either or nothing, as the lexer reads them (no word boundaries: the
    caller sets those). Drug patterns name a drug's targets with it, so that a gene the reader takes as the tumour's
    in one spelling is taken as the drug's target in the same spelling."""
    names = {n for gene in genes for n in _items("gene_names_exact").get(gene, ())}
    pieces = (r"[\s\-]?".join(re.escape(part) for part in _SEPARATORS.split(n))
              for n in sorted(names, key=lambda n: (-len(n), n)))
    return "(?:" + "|".join(dict.fromkeys(pieces)) + ")"


@cache
def _lexer_phrases() -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """(group name, phrases, ignore case) of every biomarker word kind, in the order the lexer tries them."""
    groups: list[tuple[str, tuple[str, ...], bool]] = []
    # Specific alterations first: "METex14" must win over the gene "MET".
    for key, spec in _items("alterations").items():
        groups.append((f"alt__{_name(key)}", tuple(spec["aliases"]), True))
    for gene, names in _items("gene_names_exact").items():
        groups.append((f"gene__{_name(gene)}", tuple(names), False))
    for key, words in _items("driver_words").items():
        groups.append((f"driver__{key}", tuple(words), True))
    groups.append(("pdl1__name", tuple(data()["pdl1"]["names"]), True))
    for key, words in _items("kinds").items():
        groups.append((f"kind__{key}", tuple(words), True))
    return tuple(groups)


@cache
def _lexer_groups() -> tuple[tuple[str, bool, tuple[tuple[str, str, str, str], ...]], ...]:
    """(group name, ignore case, _phrase_parts) of every biomarker word kind, in the order the lexer
    tries them."""
    return tuple((name, ignore_case, tuple(_phrase_parts(list(phrases), plural=name.startswith("alt__"))))
                 for name, phrases, ignore_case in _lexer_phrases())


def _lexer_pattern(starts: tuple[str, ...] = ()) -> str:
    """The lexer; with `starts`, only the phrases whose first letter can match one of those characters."""
    found = []
    for name, ignore_case, parts in _lexer_groups():
        if starts:
            parts = tuple(p for p in parts if any(_can_start(p[0], char, ignore_case) for char in starts))
            if not parts:
                continue  # no phrase of this kind starts there
            body = _shared_boundaries(parts)
        else:
            body = "|".join(left + words + right for _, left, words, right in parts) or r"(?!x)x"
        found.append(f"(?P<{name}>(?i:{body}))" if ignore_case else f"(?P<{name}>{body})")
    return "|".join(found)


def _shared_boundaries(parts: tuple[tuple[str, str, str, str], ...]) -> str:
    """ "L(?:a|b)R" for neighbouring alternatives "LaR|LbR" with the same lookbehind L and lookahead R.

    The same matches in the same order (L looks at the same place for both; when R fails after a, the
    engine goes on to b either way), and each character class is compiled once, not once per phrase:
    compiling the lexer is most of a process's first parse.
    """
    runs: list[tuple[str, str, list[str]]] = []
    for _, left, words, right in parts:
        if runs and runs[-1][:2] == (left, right):
            runs[-1][2].append(words)
        else:
            runs.append((left, right, [words]))
    return "|".join(f"{left}(?:{'|'.join(bodies)}){right}" if len(bodies) > 1 else left + bodies[0] + right
                    for left, right, bodies in runs)


@cache
def lexer() -> re.Pattern[str]:
    """One regex that finds every biomarker word in a text, as named groups of the form kind__key."""
    return re.compile(_lexer_pattern())


def lexer_at(char: str) -> re.Pattern[str] | None:
    """The lexer cut down to the phrases that can start with `char` (None: none can).

    A match at a position must consume its character with some phrase's first letter, so trying only
    those alternatives, in the lexer's own order, finds the same match as lexer() at a fraction of the
    cost: Python's regex engine tries every alternative in turn, lookbehinds included. One pattern
    serves both cases of a letter (the other case's phrases cannot match, so they change nothing) and
    is compiled the first time a text needs it.
    """
    return _lexer_for(char.lower() if char.isascii() else char)


@lru_cache(maxsize=4096)
def _lexer_for(key: str) -> re.Pattern[str] | None:
    pattern = _lexer_pattern(tuple(dict.fromkeys((key, key.upper()))))
    return re.compile(pattern) if pattern else None


@cache
def name_key(name: str) -> str:
    """A full gene name as the lookup key: lower case, any run of spaces or hyphens one space.

    The pattern lets "c-ros oncogene 1" match as "c ros oncogene 1" too, so the key must not
    depend on which separator the text used."""
    return _SEPARATORS.sub(" ", name.lower())


@cache  # built once: every normalised sentence asks for it
def full_gene_names() -> tuple[Guarded, dict[str, str]]:
    """Full gene names ("anaplastic lymphoma kinase") and the symbol each stands for, to rewrite text.

    Look a match up with name_key(match)."""
    symbols: dict[str, str] = {}
    names_in_text: list[str] = []
    for gene, names in _items("gene_names_words").items():
        symbol = "HER2" if gene == "ERBB2" else gene
        for name in names:
            symbols[name_key(name)] = symbol
            names_in_text.append(name.lower())
    return Guarded(re.compile(phrase_pattern(names_in_text, plural=False), re.I)), symbols


_SEPARATORS = re.compile(r"[\s\-]+")
# Where a vocabulary phrase can start: a word start, or a "+" / "-" ("ALK+", "-positive").
_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]|[+\-]")


def _head(text: str, size: int = 2) -> str:
    head = text[:size]
    if head.isalnum() or len(head) < size:
        return head.lower()
    return _SEPARATORS.sub("", text[: size + 4])[:size].lower()


def _anchor_phrases() -> list[str]:
    """Words that can start a biomarker statement: genes, named alterations, driver and PD-L1 words."""
    phrases: list[str] = []
    for spec in _items("alterations").values():
        phrases.extend(spec["aliases"])
    for section in ("gene_names_exact", "gene_names_words", "driver_words"):
        for names in _items(section).values():
            phrases.extend(names)
    pdl1 = data()["pdl1"]
    phrases.extend([*pdl1["names"], "TPS", "CPS", "tumor proportion score", "tumour proportion score",
                    "combined positive score"])
    return phrases


@cache
def _heads() -> frozenset[str]:
    """The first two characters of every phrase the lexer knows, to skip words that start none."""
    phrases = _anchor_phrases()
    for names in _items("kinds").values():
        phrases.extend(names)
    return frozenset(_head(p) for p in phrases)


@cache
def _anchor_heads() -> tuple[frozenset[str], frozenset[str]]:
    """First three letters of anchor phrases: gene symbols with their case ("MET", not "metastases"), others without."""
    exact = [n for names in _items("gene_names_exact").values() for n in names]
    other = [p for p in _anchor_phrases() if p not in set(exact)]
    return (frozenset(_SEPARATORS.sub("", n)[:3] for n in exact), frozenset(_head(p, 3) for p in other))


def mentions_marker(text: str) -> bool:
    """Cheap pre-check: could `text` name a gene, an alteration, a driver class or PD-L1 at all?

    The words that pass _marker_at are looked for by two regex searches (see _marker_finders); only the
    word starts they find are checked one by one."""
    finders = _marker_finders()
    if finders is None or (not text.isascii() and _ODD_CASE.search(text)):
        return any(_marker_at(text, m.start()) for m in _CANDIDATE.finditer(text))
    exact, other = finders
    for finder, source in ((exact, text), (other, folded(text))):
        for boundary in finder.finditer(" " + source):
            pos = boundary.start()  # the word after the boundary, in `text` (one character shorter)
            if _CANDIDATE.match(text, pos) and _marker_at(text, pos):
                return True
    return False


def _marker_at(text: str, pos: int) -> bool:
    """Does the word at `pos` (a _CANDIDATE) start with the first three letters of an anchor phrase?"""
    exact, other = _anchor_heads()
    window = text[pos: pos + 3]
    if window.isalnum():  # the usual word start: no separator to drop, so both heads are the window
        return window in exact or window.lower() in other
    if window in exact or _SEPARATORS.sub("", text[pos: pos + 6])[:3] in exact:
        return True
    return _head(text[pos: pos + 7], 3) in other  # _head reads at most 7 characters


# The characters that lower-case (or fold, see prefilter.folded) to an ASCII letter without being one.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


@cache
def _marker_finders() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Regexes for the word starts where _marker_at can hold: a boundary, then an anchor head (separators
    allowed between its letters), gene symbols in the text as written, the others in prefilter.folded()
    text, where a word boundary stands where it does in the text unless _ODD_CASE is in it.

    A "+" or "-" never starts a head: "-EGFR" is found at "EGFR", whose head is the same. None when some
    head starts otherwise than with an ASCII letter or digit, where that reasoning would not hold."""
    exact, other = _anchor_heads()
    if any(not (head[:1].isascii() and head[:1].isalnum()) for head in exact | other):
        return None
    return (re.compile(f"[^A-Za-z0-9](?={_trie(set(exact))})"),
            re.compile(f"[^a-z0-9](?={_trie(set(other), _any_case)})"))


def _trie(prefixes: set[str], literal: Callable[[str], str] = re.escape) -> str:
    """A regex matching any of `prefixes` (separators allowed between letters), branching one letter at a time:
    the engine tries a handful of letters at a word start, not every prefix in turn."""
    if "" in prefixes:
        return ""  # a shorter prefix is already enough
    by_first: dict[str, set[str]] = {}
    for prefix in sorted(prefixes):
        by_first.setdefault(prefix[0], set()).add(prefix[1:])
    branches = []
    for first, rests in by_first.items():
        rest = _trie(rests, literal)
        branches.append(literal(first) + (rf"[\s\-]*{rest}" if rest else ""))
    return f"(?:{'|'.join(branches)})"


_ANCHOR_LETTERS = 8  # "MET amplification" and "metastases" share four letters


def _any_case(char: str) -> str:
    """A letter of a case-insensitive phrase (ASCII ones lower-cased), to be found in prefilter.folded() text; a
    letter outside ASCII is matched the way the regex engine matches it."""
    return re.escape(char) if char.isascii() else f"(?i:{re.escape(char)})"


@cache
def _anchor_finders() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Where lex() could find a gene, alteration, driver or PD-L1 word: the first letters of one of their
    phrases after a word start. Gene symbols as written (case and all), in the text; the phrases the lexer
    matches without case in prefilter.folded() text, where a word start is also where the lexer sees one."""
    exact: set[str] = set()
    any_case: set[str] = set()
    for name, phrases, ignore_case in _lexer_phrases():
        if group_keys()[name][0] != "kind":  # kinds ("mutation", "positive") are not anchors
            heads = (_SEPARATORS.sub("", p)[:_ANCHOR_LETTERS] for p in phrases)
            if ignore_case:
                any_case.update("".join(c.lower() if c.isascii() else c for c in head) for head in heads)
            else:
                exact.update(heads)
    exact.discard("")
    any_case.discard("")
    if any(not (p[0].isascii() and p[0].isalnum()) for p in exact | any_case):
        return None, None  # a phrase that needs no word start: not worth a finder
    # A consumed boundary, not a lookbehind: the engine then skips ahead to the next non-letter by itself.
    return (re.compile(f"[^A-Za-z0-9]{_trie(exact)}") if exact else None,
            re.compile(f"[^a-z0-9]{_trie(any_case, _any_case)}") if any_case else None)


def may_name_anchor(text: str) -> bool:
    """False when lex(text) can hold no gene, alteration, driver or PD-L1 word. Two regex searches
    instead of lexing every word."""
    exact, any_case = _anchor_finders()
    if exact is None and any_case is None:
        return True
    return bool((exact and exact.search(" " + text)) or (any_case and any_case.search(" " + folded(text))))


def lex(text: str) -> list[re.Match[str]]:
    """Every vocabulary phrase in `text`, in order, without trying the full pattern at every character.

    Trying ~500 alternatives at each position is what makes a big alternation slow; here it is tried only
    where a word starts with the first two letters of some phrase.
    """
    heads = _heads()
    found: list[re.Match[str]] = []
    end = 0
    for candidate in _CANDIDATE.finditer(text):
        pos = candidate.start()
        if pos < end:
            continue
        pair = text[pos: pos + 2]  # _head() inlined for the usual word start; it reads at most 6 characters
        if (pair.lower() if pair.isalnum() or len(pair) < 2 else _head(text[pos: pos + 6])) not in heads:
            continue
        pattern = lexer_at(text[pos])
        match = pattern.match(text, pos) if pattern else None
        if match and match.end() > pos:
            found.append(match)
            end = match.end()
    return found


def _name(key: str) -> str:
    """A regex group name for a vocabulary key ("non-G12C" -> "non_G12C")."""
    return re.sub(r"\W", "_", key)


@cache
def group_keys() -> dict[str, tuple[str, str]]:
    """Regex group name -> (token type, vocabulary key)."""
    out: dict[str, tuple[str, str]] = {}
    for key in _items("alterations"):
        out[f"alt__{_name(key)}"] = ("alt", key)
    for gene in _items("gene_names_exact"):
        out[f"gene__{_name(gene)}"] = ("gene", gene)
    for key in _items("driver_words"):
        out[f"driver__{key}"] = ("driver", key)
    out["pdl1__name"] = ("pdl1", "name")
    for key in _items("kinds"):
        out[f"kind__{key}"] = ("kind", key)
    return out


def alteration_genes(key: str) -> list[str]:
    return list(data()["alterations"][key]["genes"])


def alteration_label(key: str) -> str:
    spec = data()["alterations"].get(key)
    return str(spec["label"]) if spec else key


def expand_gene(gene: str) -> list[str]:
    """A name that stands for several genes ("NTRK") -> the genes."""
    return list(_items("gene_groups").get(gene, [gene]))


def driver_panel() -> tuple[list[str], list[str]]:
    panel = data()["driver_panel"]
    return list(panel["genes"]), list(panel["also_drivers"])


@cache
def _profile_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Patterns that turn a profile's free-text alteration into a vocabulary key, most specific first."""
    found: list[tuple[str, re.Pattern[str]]] = []
    for key, spec in _items("alterations").items():
        if key in {"exon20", "exon18", "exon21", "non-G12C", "non-V600"}:
            continue  # classes, never a patient's own result
        found.append((key, re.compile(phrase_pattern(spec["aliases"]), re.I)))
    for key in ("amplification", "overexpression", "fusion"):
        found.append((key, re.compile(phrase_pattern(data()["kinds"][key]), re.I)))
    return found


@cache
def profile_alteration_key(gene: str, alteration: str) -> str:
    """A profile's alteration as a vocabulary key: "exon 19 deletion" -> "ex19del"; unknown -> "other"."""
    text = alteration.strip()
    if not text:
        return "other"
    for key, pattern in _profile_patterns():
        if pattern.search(text) and (key not in data()["alterations"] or gene in alteration_genes(key)):
            return key
    if gene == "ERBB2" and re.search(r"mutat|insert|variant", text, re.I):
        return "mutation"
    return "other"


def _member(entry: dict[str, Any], alteration: str) -> bool | None:
    if alteration in entry.get("no", ()):
        return False
    yes = entry.get("yes", ())
    if alteration in yes or "*" in yes:
        return True
    maybe = entry.get("maybe", ())
    if alteration in maybe or "*" in maybe:
        return None
    return False


# The unnamed sensitising change under an acquired one (see implied_primary).
PRIMARY = "primary"


def implied_primary(gene: str, alterations: list[str]) -> bool:
    """Are all of a profile's changes in `gene` ones that arise only on top of another ("EGFR C797S" alone)?"""
    spec = (data()["membership"].get(gene) or {}).get("_implied_primary")
    return bool(spec and alterations and all(a in spec["from"] for a in alterations))


def acquired_on(gene: str, acquired: list[str], primary: list[str]) -> bool:
    """Are the `acquired` kinds all changes that arise on top of another (EGFR T790M, C797S) and the `primary` kinds
    all classes that other change belongs to (sensitising, exon 19 deletion)? Asked together, they hold together."""
    spec = (data()["membership"].get(gene) or {}).get("_implied_primary")
    if not spec or not acquired or not primary:
        return False
    base = {*spec.get("yes", ()), *spec.get("maybe", ())}
    return all(k in spec["from"] for k in acquired) and all(k in base for k in primary)


# "actionable" where the text asks for a locally approved or first-line targeted therapy (see local_maybe).
ACTIONABLE_LOCAL = "actionable_local"
# "actionable" where the text asks for a targeted therapy approved in the first-line setting: as ACTIONABLE_LOCAL, and
# a change whose drugs are approved only after prior therapy (the table's "not_first_line") is not actionable.
ACTIONABLE_FIRST_LINE = "actionable_first_line"


@cache
def membership(gene: str, kind: str, alteration: str) -> bool | None:
    """Does a patient's `alteration` (a key) of `gene` belong to `kind`? True / False / None (unknown)."""
    if kind == ACTIONABLE_FIRST_LINE:
        later = ((data()["membership"].get(gene) or {}).get("actionable") or {}).get("not_first_line", ())
        if "*" in later or alteration in later:
            return False
        return membership(gene, ACTIONABLE_LOCAL, alteration)
    if kind == ACTIONABLE_LOCAL:
        found = membership(gene, "actionable", alteration)
        entry = (data()["membership"].get(gene) or {}).get("actionable") or {}
        unapproved = entry.get("unapproved", ())
        if found is None and ("*" in unapproved or alteration in unapproved):
            # "KRAS G12D": actionable only where a text counts any change of the gene; one that asks for an approved
            # or first-line targeted therapy does not (no such drug for it anywhere).
            return False
        return None if found is True and alteration in entry.get("local_maybe", ()) else found
    if kind == alteration:
        return True
    table = data()["membership"].get(gene) or data()["membership"]["_default"]
    if alteration == PRIMARY:
        spec = table.get("_implied_primary", {})
        return True if kind in spec.get("yes", ()) else None if kind in spec.get("maybe", ()) else False
    entry = table.get(kind)
    if entry is None:
        if kind in data()["alterations"]:
            # A specific alteration the patient does not have; an unspecified "other"/"mutation" could be it.
            return None if alteration in {"other", "mutation"} else False
        entry = data()["membership"]["_default"].get(kind) or data()["membership"]["_default"]["_other_kinds"]
    return _member(entry, alteration)


@cache
def class_membership(gene: str, kind: str, alteration: str) -> bool | None:
    """membership() for a driver class the text names without genes ("no known actionable genomic alterations"): a
    change no targeted drug is approved for anywhere (KRAS G12D, the table's "unapproved") is not actionable. Only a
    text that names the gene ("actionable KRAS mutation") counts any of its changes, so there it stays a question."""
    found = membership(gene, kind, alteration)
    if found is None and kind == "actionable":
        unapproved = ((data()["membership"].get(gene) or {}).get("actionable") or {}).get("unapproved", ())
        if "*" in unapproved or alteration in unapproved:
            return False
    return found


@cache
def negative_membership(gene: str, kind: str) -> bool | None:
    """What a gene tested without a driver says about `kind`: usually False, None for protein expression."""
    table = data()["membership"].get(gene) or data()["membership"]["_default"]
    # A kind the gene's own table leaves out reads as the default table has it, as membership() does.
    entry = table.get(kind) or data()["membership"]["_default"].get(kind) or {}
    return None if entry.get("negative_is") == "maybe" else False


def pdl1_vocab() -> dict[str, Any]:
    return dict(data()["pdl1"])
