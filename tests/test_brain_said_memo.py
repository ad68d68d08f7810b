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
    # After an open exclusion: the same permission after different exclusions, and after the same one again.
    """Inclusion Criteria:

* Part A: Brain metastases are allowed if treated; untreated ones are not allowed.
* Part B: Brain metastases are allowed if treated; untreated ones are not allowed.
* No prior brain radiotherapy.
* No prior brain radiotherapy.
* MRI showing at least 3 brain lesions.
* MRI showing at least 3 brain lesions.

Exclusion Criteria:

* Brain metastases. Patients with treated brain metastases may participate. Steroids must be stopped.
* Known CNS metastases. Patients with treated brain metastases may participate.
* Brain metastases. Patients with treated brain metastases may participate. Steroids must be stopped.
* Untreated CNS disease. Treated metastases without progression for 4 weeks will be allowed.
* Untreated CNS disease. Treated metastases without progression for 4 weeks will be allowed.
* Known CNS metastases. Patients with treated brain metastases may participate.
* Leptomeningeal disease; prior whole brain radiotherapy.
* Leptomeningeal disease; prior whole brain radiotherapy.
* Brain metastases are allowed if treated; untreated ones are not allowed.
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

    def fresh_after(said: Any, criterion: Any, index: int, sentences: list[str], header_requires: bool,
                    last: Any, follow: str, alternative: bool, head_requires: bool) -> Any:
        return brain._mention_statements(criterion, index, sentences, header_requires, last, follow,
                                         alternative=alternative, head_requires=head_requires)

    monkeypatch.setattr(brain, "_mention_statements_once", fresh)
    monkeypatch.setattr(brain, "_mention_statements_after", fresh_after)
    assert brain.parse(text()) == with_memo
