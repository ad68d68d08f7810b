"""The brain reader's per-parse memo of sentence readings gives the reading without it, repeats or not."""

from typing import Any

import pytest

from trialmatch.criteria.rules import brain_metastases as brain
from trialmatch.criteria.text import TrialText, split_criteria

_TEXTS = [
    """Inclusion Criteria:

* Cohort A: Stage IV NSCLC
  * Treated, stable brain metastases are allowed if off steroids for 2 weeks.
* Cohort B: Stage IV NSCLC
  * Treated, stable brain metastases are allowed if off steroids for 2 weeks.

Exclusion Criteria:

* Untreated brain metastases. Patients with treated brain metastases may participate.
* Untreated brain metastases. Patients with treated brain metastases may participate.
* Symptomatic CNS metastases; leptomeningeal disease.
* Symptomatic CNS metastases; leptomeningeal disease.
""",
    """Inclusion Criteria:

* At least one untreated brain metastasis of 5 mm or more.
* Part 1: At least one untreated brain metastasis of 5 mm or more.

Exclusion Criteria:

* Active brain metastases unless treated and stable for 4 weeks.
* Active brain metastases unless treated and stable for 4 weeks.
""",
]


@pytest.mark.parametrize("markdown", _TEXTS)
def test_memo_reads_as_without(markdown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def text() -> TrialText:
        return TrialText(nct_id="NCT00000001", title="Study", criteria=tuple(split_criteria(markdown)))

    with_memo = brain.parse(text())

    def fresh(said: Any, criterion: Any, index: int, sentences: list[str], header_requires: bool, follow: str,
              alternative: bool, head_requires: bool) -> Any:
        return brain._mention_statements(criterion, index, sentences, header_requires, None, follow,
                                         alternative=alternative, head_requires=head_requires)

    monkeypatch.setattr(brain, "_mention_statements_once", fresh)
    assert brain.parse(text()) == with_memo
