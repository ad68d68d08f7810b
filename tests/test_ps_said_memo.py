"""The performance status reader's per-parse memo of sentence readings gives the reading without it, repeats or not."""

from typing import Any

import pytest

from trialmatch.criteria.rules import performance_status as ps
from trialmatch.criteria.text import TrialText, split_criteria

_TEXTS = [
    """Inclusion Criteria:

Part A (dose escalation):

* ECOG performance status 0-1.
* Age 18 or older.

Part B (expansion):

* ECOG performance status 0-1.
* ECOG 0-2; patients aged 70 or older must have ECOG 0-1.

Exclusion Criteria:

* ECOG 0-2; patients aged 70 or older must have ECOG 0-1.
""",
    """Inclusion Criteria:

* Part A: ECOG performance status 0-1.
* Part B: ECOG performance status 0-1.
* Part C: ECOG 0-2; patients aged 70 or older must have ECOG 0-1.
* Part D: ECOG 0-2; patients aged 70 or older must have ECOG 0-1.
* Karnofsky performance status >= 70%. Up and about for at least half the day.

Exclusion Criteria:

* ECOG performance status >= 2.
* ECOG performance status >= 2.
* ECOG 2 (except ECOG 2 due to bone pain).
* ECOG 2 (except ECOG 2 due to bone pain).
""",
    """Inclusion Criteria:

* WHO PS 0 or 1 (Cohort 1); WHO PS 0-2 (Cohort 2).
* WHO PS 0 or 1 (Cohort 1); WHO PS 0-2 (Cohort 2).
* Zubrod performance status 0-1. ECOG 2 may be enrolled after discussion with the sponsor.

Exclusion Criteria:

* Zubrod performance status 0-1. ECOG 2 may be enrolled after discussion with the sponsor.
* In bed or a chair for more than half the day.
""",
]


@pytest.mark.parametrize("markdown", _TEXTS)
def test_memo_reads_as_without(markdown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def text() -> TrialText:
        return TrialText(nct_id="NCT00000001", title="Study", criteria=tuple(split_criteria(markdown)))

    with_memo = ps.parse(text())
    assert with_memo  # the texts state limits

    once = ps._sentence_rules_once

    def fresh(said: Any, sentence: str, exclusion: bool) -> Any:
        return once(None, sentence, exclusion)

    monkeypatch.setattr(ps, "_sentence_rules_once", fresh)
    assert ps.parse(text()) == with_memo


def test_may_state_is_either_check() -> None:
    for sentence in ["ECOG 0-1", "Up and about for at least half the day", "Adequate organ function",
                     "in bed or a chair for more than half the day", "Karnofsky >= 70", "No prior chemotherapy"]:
        assert ps._may_state(sentence) == (ps._lay_possible(sentence) or ps.ANCHOR.possible(sentence))
