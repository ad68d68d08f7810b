"""The needle check in front of a regex never changes what the regex finds."""

from __future__ import annotations

import re
import sys

import pytest

from trialmatch.criteria.rules.prefilter import (
    Guarded,
    capital_scan,
    folded,
    required_needles,
    translator,
    word_start_first,
)

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


@pytest.mark.parametrize("char", [c for c in map(chr, range(128)) if c not in "\n"], ids=repr)
def test_folded_reads_whatever_a_case_insensitive_regex_matches_to_an_ascii_character_as_it(char: str) -> None:
    matched = re.findall(re.escape(char), EVERY_CHARACTER, re.I)
    assert {m: folded(m) for m in matched} == {m: char.lower() for m in matched}


@pytest.mark.parametrize(("source", "flags", "needles"), [
    (r"(?i:karnofsky|\bKPS\b)|\bPS\b", 0, {("karnofsky", True), ("kps", True), ("PS", False)}),
    (r"\bno(?:t|ne)?\s+prior\b", re.I, {("prior", True)}),
    (r"(?:abc)+x", 0, {("abc", False)}),
    (r"squamous(?i: cell)", 0, {("squamous", False)}),
    (r"METΔex14", re.I, {("ex14", True)}),  # no claim about how a non-ASCII letter folds
    (r"(?<=\S)\s+(?=(?:Cohort|Arm)s?\s+\d)", 0, {("Cohort", False), ("Arm", False)}),
    (r"x(?!abc)", 0, {("x", False)}),
], ids=["scoped-ignorecase-and-exact-alternatives", "optional-part-is-not-required",
        "repeated-group-is-required", "longest-literal-wins", "non-ascii-letter-ends-the-run",
        "lookahead-text-is-in-the-text", "negative-lookahead-names-nothing"])
def test_required_needles_names_text_every_match_contains(
    source: str, flags: int, needles: set[tuple[str, bool]]
) -> None:
    assert required_needles(re.compile(source, flags)) == needles


@pytest.mark.parametrize("source", [r"x*", r"[a-z]+", r"a|b*", r"(?!abc)", r"\d{0,3}"],
                         ids=["star", "class", "branch-with-optional", "negative-lookahead-only", "optional-repeat"])
def test_patterns_that_need_no_literal_are_never_skipped(source: str) -> None:
    assert required_needles(re.compile(source)) is None
    assert Guarded(re.compile(source)).possible("")


PATTERNS = [
    re.compile(r"(?<![\w-])(?:squamous[\s-]?cell[\s-]?carcinoma|non[\s-]?small[\s-]?cell|stage[\s-]?iv)(?![\w])", re.I),
    re.compile(r"(?P<kps>(?i:karnofsky(?: performance)?|\bKPS\b))|(?P<ecog>(?i:\bECOG\b|performance status)|\bPS\b)"),
    re.compile(r"\b(?:not|no)\s+(?:prior|previous)\s+(?:treatment|therapy)\b", re.I),
    re.compile(r"\bEGFR\b(?=[^.;]{0,40}?(?i:ml\s*/\s*min))"),
    re.compile(r"(?<=\S)\s+(?=(?:Cohorts?|Phase)\s+\d)"),
]
TEXTS = [
    "Squamous Cell Carcinoma of the lung", "SQUAMOUS-CELL-CARCINOMA", "ſquamous cell carcinoma",
    "non small cell, stage İV", "stage ıv disease", "Karnofsky ≥ 70", "KARNOFSKY 70", "KPS 80", "kps 80",
    "ECOG PS 0-1", "ecog 0-1", "Performance Status 2", "perhaps", "No prior therapy", "NOT PREVIOUS TREATMENT",
    "EGFR 60 mL/min", "egfr 60 ml/min", "Cohort A: x Cohort 2: y", "cohort 1 Phase 2", "nothing relevant here", "",
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=["phrases", "mixed-case-rules", "words", "lookahead", "split"])
@pytest.mark.parametrize("text", TEXTS, ids=lambda t: repr(t[:24]))
def test_guarded_answers_as_the_regex_does(pattern: re.Pattern[str], text: str) -> None:
    quick = Guarded(pattern)
    assert quick.needles is not None
    direct = pattern.search(text)
    found = quick.search(text)
    assert (found.span() if found else None) == (direct.span() if direct else None)
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert quick.findall(text) == pattern.findall(text)
    assert quick.sub("#", text) == pattern.sub("#", text)
    assert quick.split(text) == pattern.split(text)
    assert bool(quick.match(text)) == bool(pattern.match(text))


@pytest.mark.parametrize("text", ["plain ascii", "ECOG ≤ 1", "non–small cell", "Ⅳ期 （stage IV）", ""], ids=repr)
def test_translator_gives_what_translate_gives(text: str) -> None:
    table = str.maketrans({"–": "-", "（": " (", "）": ") ", "Ⅳ": "IV"})
    assert translator(table)(text) == text.translate(table)


@pytest.mark.parametrize(("source", "flags", "needles"), [
    (r"(?<![A-Za-z])[cp]?T[12][a-c]?\s*N[01]", 0, {("T1", False), ("T2", False)}),
    (r"\bHER[23]\b", re.I, {("her2", True), ("her3", True)}),
    (r"T[a-c]x", 0, {("T", False)}),  # a range: no claim
    (r"T[^12]", 0, {("T", False)}),  # a negated set: no claim
], ids=["digit-set-after-literal", "set-without-case", "range-stays", "negated-set-stays"])
def test_a_few_plain_characters_after_a_literal_extend_its_needles(
    source: str, flags: int, needles: set[tuple[str, bool]]
) -> None:
    assert required_needles(re.compile(source, flags)) == needles


@pytest.mark.parametrize("text", ["cT1a N0 peripheral", "pT2bN1", "T3 N0", "The tumour", "her2-positive", "HER3"])
def test_set_needles_answer_as_the_regex_does(text: str) -> None:
    for source, flags in ((r"(?<![A-Za-z])[cp]?T[12][a-c]?\s*N[01]", 0), (r"\bHER[23]\b", re.I)):
        pattern = re.compile(source, flags)
        assert bool(Guarded(pattern).search(text)) == bool(pattern.search(text))


# Patterns that open with a word boundary (a start check is put in front) and some that do not (left as they are).
_STARTS = [
    (r"\b(?:no|without|never)\s+(?:any\s+)?prior\s+(?P<what>therapy|treatment)\b", 0, True),
    (r"\b(?:Kinase|kras)\b|\b[Gg]\d{2}[A-Z]\b", re.I, True),
    (r"(?<![\w-])\b(?:stage|M)\s*(?P<n>IV|4)[abc]?", 0, True),
    (r"\b(?i:ECOG)\s*[0-2]|\bPS\b", 0, True),
    (r"\b(?:naive|untreated)\b|^\W*untreated", 0, True),  # "^" may start a match: tried as it stands there
    (r"(?:^[\W\d]*|\b(?:who|patients)\s+(?:are|be)\s+)untreated\b|\bnaive\b", re.M, True),  # "^" after each line
    (r"^\W*untreated|\Auntreated", 0, False),  # "^" alone: no character to check
    (r"(?<![\w-])(?:squamous|non-squamous)[\s-]+cell", re.I, True),  # no word boundary first: checked all the same
    (r"(?P<other>(?i:lansky|karnofsky))\s*\d|ECOG", 0, True),
    (r"prior\s+\b(?:therapy|treatment)\b", re.I, True),  # a letter without case: the engine cannot skip to it
    (r"ndicat|andidate|ligible", 0, False),  # literal alternatives with case: the engine skips to them itself
    (r"(?P<q>[<>]=?)\s*\d", 0, False),  # a set first: likewise
    (r"(?=[ps])(?:prior|subsequent)", 0, False),  # a check put there by hand
    (r"\b(?:\w+)\s+lines?\b", 0, False),  # \w: too many characters to check
    (r"prior\s+\b(?:therapy|treatment)\b", 0, False),  # a literal first: the engine skips to it itself
    (r"\b(?:\s*no)", 0, False),  # optional first item
]
_START_TEXTS = ["Untreated, or patients are untreated", "x\n- untreated\nnaive", "Non-squamous cell; squamous-cell",
                "Lansky 50 or KARNOFSKY 70 or ECOG", "Indicated and eligible candidate", ">= 2, <1",
                "prior or subsequent",
                "No prior therapy.", "patients without any prior treatment, or never prior therapy", "KINASE and Kras",
                "G12C or g12d", "ſtage IV and M 4b", "\u212aras G12C", "ecog 1; PS 2", "untreated", "xno prior therapy",
                "Stage IV, stage 4c, MIV", "Prior therapy\u00e9 no prior therapy", "", "ﬁ no prior treatment"]


@pytest.mark.parametrize(("source", "flags", "checked"), _STARTS, ids=lambda v: repr(v)[:30])
def test_a_start_check_changes_no_match_span_or_group(source: str, flags: int, checked: bool) -> None:
    pattern = re.compile(source, flags)
    fast = word_start_first(pattern)
    assert (fast is not pattern) is checked
    for text in [*_START_TEXTS, *(t.lower() for t in _START_TEXTS), *(t.upper() for t in _START_TEXTS)]:
        for pos in range(len(text) + 1):
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text, pos)] == \
                [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos)]
        assert fast.sub("#", text) == pattern.sub("#", text)
        assert fast.split(text) == pattern.split(text)
        assert Guarded(pattern).findall(text) == pattern.findall(text)


def test_an_anchored_match_deep_in_a_long_text_finds_what_the_pattern_finds() -> None:
    # match() past the scan limit skips the needle check (it would cost more than the one-position match it saves):
    # the answers must stay the pattern's own, found and not found.
    guarded = Guarded(re.compile(r"\s*(?:and|or)\s+(?:no|without)\s+EGFR\b", re.IGNORECASE))
    text = "x" * 5_000 + " and no EGFR mutation" + "y" * 5_000
    assert guarded.match(text, 5_000) is not None
    assert guarded.match(text, 5_000).group(0) == guarded.pattern.match(text, 5_000).group(0)  # type: ignore[union-attr]
    assert guarded.match(text, 4_000) is None
    assert guarded.match(text[:5_030], 5_000) is not None  # short rest: the needle check runs and agrees
    assert guarded.search(text, 0, 5_010) is None  # the needle lies past endpos: no match inside the window


# Many case-sensitive needles that open with a capital (gene symbols) are looked for by one scan (capital_scan).
_GENES = ("EGFR", "ALK", "ROS1", "HER2", "HER3", "KRAS", "BRAF", "MET", "RET", "NTRK", "CDK4/6", "PD-L1", "1p/19q")


@pytest.mark.parametrize("text", [
    "EGFR-mutant NSCLC", "no ALK or ROS-1 fusion", "her2 (lower case)", "HER 2", "prior CDK4/6 inhibitor", "",
    "metastatic disease", "1p/19q codeletion", "HER3-DXd", "NTRK1/2/3", "KRA S", "ΑLK (a Greek capital alpha)",
    "c-MET amplification", "mTOR inhibitor", "c-met",
], ids=repr)
def test_one_scan_for_capital_needles_answers_as_a_test_each(text: str) -> None:
    needles = (*_GENES, "c-MET", "mTOR")
    scan, rest = capital_scan(needles)
    assert scan is not None and rest == ("c-MET", "mTOR")
    assert (bool(scan.search(text)) or any(needle in text for needle in rest)) == any(n in text for n in needles)
    pattern = re.compile("|".join(re.escape(n) for n in needles))
    assert Guarded(pattern).possible(text) == bool(pattern.search(text))


def test_few_capital_needles_keep_a_test_each() -> None:
    assert capital_scan(("EGFR", "ALK")) == (None, ("EGFR", "ALK"))
    few = ("prior", "previous", "received", "treated", "history", "failed", "EGFR")
    assert capital_scan(few) == (None, few)


# Guarded.possible is made per guard (needle_check: only the kinds of needle it has), as the method's general test.
_KINDS_OF_NEEDLES = [
    r"(?i:metasta)",  # one folded needle
    r"(?i:\b(?:karnofsky|ecog|lansky)\b)",  # folded needles
    r"EGFR",  # one plain needle
    r"\b(?:EGFR|ALK)\b",  # plain needles, too few for a scan
    r"\b(?:EGFR|ALK|ROS1|HER2|KRAS|BRAF|MET)\b",  # a capital scan
    r"\b(?:EGFR|ALK|ROS1|HER2|KRAS|BRAF|MET|c-MET)\b|(?i:exon\s+20)",  # a scan, a plain needle left and a folded one
    r"(?i:brain)|EGFR",  # a folded needle and a plain one
    r"\d+\s*mg",  # needles "mg" (the digits name none)
    r"[a-z]+",  # no needle: never skipped
]


@pytest.mark.parametrize("source", _KINDS_OF_NEEDLES)
@pytest.mark.parametrize("text", [
    "", "Metastatic NSCLC", "ECOG 0-1", "KPS (Karnofsky) >= 70", "EGFR exon 20 insertion", "egfr", "c-MET amplified",
    "BRAIN lesions", "İ ſ ı (folded to i, s, i)", "500 mg daily", "ALK+", "no marker here", "ROS 1", "Exon  20",
], ids=repr)
def test_a_guards_own_needle_check_answers_as_the_general_one(source: str, text: str) -> None:
    guard = Guarded(re.compile(source))
    assert guard.possible(text) == Guarded.possible(guard, text)
    assert bool(guard.search(text)) == bool(re.search(source, text))
    window, plain = guard.search(text, 1, 8), re.compile(source).search(text, 1, 8)
    assert (window and window.span()) == (plain and plain.span())
