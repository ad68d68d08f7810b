"""The start checks put in front of prior-therapy patterns (cues.OPTIONAL's _OPTIONAL_START, word_start_first on
sentence._HAD_OR_PLANNED and scope_cohort_marker._NOT_CARRIERS, reading._NEGATED_CLAUSE's comma-or-space check) find
exactly the matches of the patterns without them: same spans, same groups."""

from __future__ import annotations

import re

import pytest

from trialmatch.criteria.rules.prior_therapy import cues, reading, scope_cohort_marker, sentence

SENTENCES = [
    "prior platinum-based chemotherapy with or without bevacizumab is allowed",
    "pemetrexed with/without pembrolizumab, or docetaxel w/o ramucirumab",
    "carboplatin \u00b1 paclitaxel; cisplatin +/- etoposide",
    "an egfr tki alone or in combination with chemotherapy, or combined with an antibody",
    "osimertinib monotherapy or osimertinib combined with savolitinib; non-combined regimens",
    "patients who have or have not received immunotherapy, whether or not treated with radiotherapy",
    "participants may or may not have received a pd-1 inhibitor",
    "osimertinib, given as either first-line treatment or second-line treatment following a 1st/2nd-generation tki",
    "osimertinib , received as 2nd line",
    "patients may be receiving chemotherapy or may not be receiving any treatment",
    "regardless of prior immunotherapy, irrespective of prior osimertinib exposure",
    "did or did not receive docetaxel; are or are not on treatment",
    "prior or planned chemotherapy, previous or scheduled radiotherapy",
    "received, or is scheduled to receive, a pd-1 inhibitor; prior/planned egfr tki; previously received and planned x",
    "transplant planned; no prior therapy; explanation of the plan",
    "met overexpression by ihc, egfr wild-type, without alk, no known kras mutation, lacking ros1",
    "Cohort 2: EGFR Negative, Non-mutated KRAS, absence of ALK, H-score 200, protein expression",
    "",
    "no match here at all",
]


def _without_start(pattern: re.Pattern[str], prefix: str) -> re.Pattern[str]:
    assert pattern.pattern.startswith(prefix)
    return re.compile(pattern.pattern[len(prefix):], pattern.flags)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_optional_start_check_keeps_matches(text: str) -> None:
    checked = cues.OPTIONAL.pattern
    plain = _without_start(checked, cues._OPTIONAL_START)
    assert _found(checked, text) == _found(plain, text)
    assert _found(checked, text.lower()) == _found(plain, text.lower())


@pytest.mark.parametrize("text", SENTENCES)
def test_word_start_checks_keep_matches(text: str) -> None:
    for checked in (sentence._HAD_OR_PLANNED, scope_cohort_marker._NOT_CARRIERS):
        prefix = checked.pattern[:checked.pattern.index(r")))\b(?:") + len(r")))\b(?:")]
        plain = re.compile(checked.pattern[len(prefix):-1], checked.flags)
        assert _found(checked, text) == _found(plain, text)


def test_examples_match_at_all() -> None:
    """The sentences above do reach every pattern (the comparison is not of empty lists only)."""
    assert all(_found(cues.OPTIONAL.pattern, text) for text in SENTENCES[:12])
    assert _found(sentence._HAD_OR_PLANNED, SENTENCES[12])
    assert _found(scope_cohort_marker._NOT_CARRIERS, SENTENCES[15])


NEGATED = [
    "progressed on osimertinib and no prior chemotherapy",
    "platinum doublet, with no prior docetaxel",
    "after a pd-1 inhibitor but have not received prior docetaxel",
    "one prior second-generation alk tki, no prior lorlatinib",
    "egfr tki failure without any prior chemotherapy",
    "Progression on a KRAS G12C inhibitor\tand\tNEVER received prior immunotherapy",
    "chemotherapy or without prior treatment; and no more than two prior lines",
    "no match, here",
]


@pytest.mark.parametrize("text", NEGATED + SENTENCES)
def test_negated_clause_start_check_keeps_matches(text: str) -> None:
    checked = reading._NEGATED_CLAUSE.pattern
    prefix = r"(?=[,\s])(?:"
    assert checked.pattern.startswith(prefix) and checked.pattern.endswith(")")
    plain = re.compile(checked.pattern[len(prefix):-1], checked.flags)
    assert _found(checked, text) == _found(plain, text)


def test_negated_examples_match_at_all() -> None:
    assert sum(bool(_found(reading._NEGATED_CLAUSE.pattern, text)) for text in NEGATED) >= 5
