"""The criteria splitter: sections, nesting, escapes, and text with no structure at all."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialmatch.criteria.text import TrialText, quote, split_criteria, unescape

MARKDOWN = """Inclusion Criteria:

* Histologically confirmed NSCLC
* ANC \\>= 1.5 x 10^9/L
* Cohort A:
  * EGFR exon 19 deletion
  * L858R

Exclusion Criteria:

1. Symptomatic brain metastases
2. Prior treatment with osimertinib
"""


def test_backslash_escapes_are_removed_before_matching() -> None:
    assert unescape(r"ANC \>= 1.5 and \[grade 2\] \< 3") == "ANC >= 1.5 and [grade 2] < 3"


def test_sections_follow_the_headings() -> None:
    criteria = split_criteria(MARKDOWN)
    inclusion = [c.text for c in criteria if c.section == "inclusion"]
    exclusion = [c.text for c in criteria if c.section == "exclusion"]
    assert "Histologically confirmed NSCLC" in inclusion
    assert exclusion == ["Symptomatic brain metastases", "Prior treatment with osimertinib"]


def test_nested_bullets_keep_their_parent_as_context() -> None:
    l858r = next(c for c in split_criteria(MARKDOWN) if c.text == "L858R")
    assert l858r.depth == 1
    assert l858r.parent == "Cohort A:"
    assert l858r.context == "Cohort A: L858R"


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Key Inclusion Criteria:", "inclusion"),
        ("**EXCLUSION CRITERIA:**", "exclusion"),
        ("Main exclusion criteria", "exclusion"),
        ("Inclusion criteria", "inclusion"),
    ],
    ids=["key-inclusion", "bold-upper-exclusion", "main-exclusion", "no-colon"],
)
def test_heading_spellings_are_recognised(heading: str, section: str) -> None:
    criteria = split_criteria(f"{heading}\n\n* ECOG 0-1\n")
    assert [(c.text, c.section) for c in criteria] == [("ECOG 0-1", section)]


@pytest.mark.parametrize(
    ("line", "section", "kept"),
    [
        ("Exclusion Criteria: -Participants are excluded from the study if any of the following criteria apply:",
         "exclusion", "-Participants are excluded from the study if any of the following criteria apply:"),
        ("**Exclusion criteria:** Patients who meet any one of the criteria below will not be enrolled in this study:",
         "exclusion", "Patients who meet any one of the criteria below will not be enrolled in this study:"),
        ("Key Exclusion Criteria (all parts): symptomatic or untreated brain metastases, or leptomeningeal disease",
         "exclusion", "symptomatic or untreated brain metastases, or leptomeningeal disease"),
        ("Inclusion criteria: patients must fulfil every one of the following requirements to take part:",
         "inclusion", "patients must fulfil every one of the following requirements to take part:"),
    ],
    ids=["lead-in", "bold-lead-in", "criterion-after-heading", "inclusion-lead-in"],
)
def test_a_heading_with_a_long_sentence_after_its_colon_still_opens_its_section(line: str, section: str,
                                                                                kept: str) -> None:
    # Read as a plain line, such a heading left every exclusion after it in the inclusion section,
    # where "Prior EGFR TKI" would become a requirement.
    criteria = split_criteria(f"Inclusion Criteria:\n* Age 18 or over\n\n{line}\n\n* Prior EGFR TKI\n")
    assert [(c.text, c.section) for c in criteria][1:] == [(kept, section), ("Prior EGFR TKI", section)]


@pytest.mark.parametrize(("section", "line"), [
    ("exclusion", "Inclusion of patients with treated brain metastases is allowed when stable: see protocol section 5"),
    ("inclusion", "Exclusion of patients with interstitial lung disease applies to every part of the study: see below"),
])
def test_a_long_sentence_that_starts_with_a_heading_word_is_not_a_heading(section: str, line: str) -> None:
    criteria = split_criteria(f"{section.title()} Criteria:\n* Pregnancy\n{line}\n* Prior EGFR TKI\n")
    assert {c.section for c in criteria} == {section}


def test_text_without_headings_counts_as_inclusion() -> None:
    criteria = split_criteria("Nil")
    assert [(c.text, c.section) for c in criteria] == [("Nil", "inclusion")]


def test_wrapped_continuation_lines_join_their_bullet() -> None:
    criteria = split_criteria("* Patients must have\n  measurable disease\n* ECOG 0-1")
    assert [c.text for c in criteria] == ["Patients must have measurable disease", "ECOG 0-1"]


def test_long_evidence_is_cut_at_a_word() -> None:
    text = "word " * 200
    quoted = quote(text, limit=50)
    assert len(quoted) <= 52 and quoted.endswith("…") and "wor …" not in quoted


def test_from_record_tolerates_an_empty_record() -> None:
    text = TrialText.from_record({})
    assert text.nct_id == "" and text.criteria == ()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_splitter_never_raises_on_arbitrary_text(text: str) -> None:
    for criterion in split_criteria(text):
        assert criterion.text


MEGABYTE_LINE = "* Patients with \\>= 2 prior lines of platinum-based chemotherapy ((((((((((\n"


@pytest.mark.timeout(60)
def test_one_megabyte_of_criteria_splits_into_its_bullets() -> None:
    # bench/bench_guards.py times this split (target: under a second).
    text = "Inclusion Criteria:\n" + MEGABYTE_LINE * (1_000_000 // len(MEGABYTE_LINE))
    criteria = split_criteria(text)
    assert len(criteria) > 10_000


@pytest.mark.parametrize(("text", "expected"), [
    ("Prior anti-PD-1 therapy (e.g. Nivolumab or Pembrolizumab). No prior docetaxel.",
     ["Prior anti-PD-1 therapy (e.g. Nivolumab or Pembrolizumab).", "No prior docetaxel."]),
    ("A platinum doublet, i.e. Cisplatin or Carboplatin with a second drug.",
     ["A platinum doublet, i.e. Cisplatin or Carboplatin with a second drug."]),
    ("ECOG 0-1 (Oken et al. 1982). Life expectancy of 12 weeks.",
     ["ECOG 0-1 (Oken et al. 1982).", "Life expectancy of 12 weeks."]),
    ("Randomised to osimertinib vs. Docetaxel in the earlier study.",
     ["Randomised to osimertinib vs. Docetaxel in the earlier study."]),
    ("ECOG 0-1 (ECOG 2 allowed. See section 5.2). Adequate organ function.",
     ["ECOG 0-1 (ECOG 2 allowed. See section 5.2).", "Adequate organ function."]),
    ("No EGFR mutation. No ALK fusion; Prior docetaxel allowed.",
     ["No EGFR mutation.", "No ALK fusion;", "Prior docetaxel allowed."]),
    ("An unclosed aside (Arms A and B. Prior docetaxel.", ["An unclosed aside (Arms A and B. Prior docetaxel."]),
])
def test_sentences_end_at_a_stop_not_at_an_abbreviation_or_inside_brackets(text: str, expected: list[str]) -> None:
    (criterion,) = split_criteria(f"Inclusion Criteria:\n\n* {text}")
    assert criterion.sentences() == expected


def test_roman_numeral_sub_bullets_are_bullets() -> None:
    markdown = ("Inclusion Criteria:\n\n1. Must have received one of:\n\n   i. prior osimertinib\n\n   or\n\n"
                "   ii. prior platinum-based chemotherapy\n\n   iii. prior docetaxel\n")
    texts = [c.text for c in split_criteria(markdown)]
    # A bullet ending in "or" takes the next one (tests/test_reader_continuations.py); "iii." stays its own.
    assert texts == ["Must have received one of:", "prior osimertinib or prior platinum-based chemotherapy",
                     "prior docetaxel"]


def test_an_indented_heading_among_sub_bullets_scopes_the_bullets_after_it() -> None:
    # Read as the end of the bullet before it, "Part B (Dose Expansion):" left Part B without rules of its own.
    markdown = (
        "Inclusion Criteria:\n\n"
        "1. Patients must have received the following treatment:\n\n"
        "   Part A (Dose Escalation):\n\n"
        "   i. Progressed on or intolerant to standard therapy\n\n"
        "   Part B (Dose Expansion):\n\n"
        "   i. At least two prior lines of platinum-based chemotherapy\n"
        "2. ECOG 0-1\n"
    )
    rows = [(c.text, c.scope.label if c.scope else None) for c in split_criteria(markdown)]
    assert rows == [
        ("Patients must have received the following treatment:", None),
        ("Part A (Dose Escalation):", "Part A (Dose Escalation)"),
        ("Progressed on or intolerant to standard therapy", "Part A (Dose Escalation)"),
        ("Part B (Dose Expansion):", "Part B (Dose Expansion)"),
        ("At least two prior lines of platinum-based chemotherapy", "Part B (Dose Expansion)"),
        ("ECOG 0-1", None),
    ]


@pytest.mark.parametrize("line", [
    "   with measurable disease per RECIST 1.1 and adequate organ function:",  # names no group: a continuation
    "   and the following laboratory values:",
])
def test_an_indented_line_that_names_no_group_still_continues_its_bullet(line: str) -> None:
    criteria = split_criteria(f"Inclusion Criteria:\n* Stage IV NSCLC\n{line}\n* ECOG 0-1\n")
    assert [c.text for c in criteria] == [f"Stage IV NSCLC {line.strip()}", "ECOG 0-1"]
