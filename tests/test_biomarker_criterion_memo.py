"""criteria_clauses reads a repeated criterion once per parse (same text, place, scope and cohorts): its clauses and
facts are those of reading it again, and a repeat's clauses are its own (later criteria edit clauses)."""

import json
from typing import Any

import pytest

from trialmatch.criteria.rules.biomarker import reading
from trialmatch.criteria.text import TrialText, split_criteria

_TEXTS = [
    """Inclusion Criteria:

* Cohort A: NSCLC with EGFR exon 19 deletion or L858R mutation
* Cohort B: NSCLC with ALK rearrangement
* Documented activating EGFR mutation.
* EGFR mutations include exon 20 insertions.
* Documented activating EGFR mutation.
* EGFR mutations include exon 20 insertions.
* Tumour tissue for PD-L1 testing; a result is not required.
* Tumour tissue for PD-L1 testing; a result is not required.

Exclusion Criteria:

* Known KRAS G12C mutation, unless treated with a KRAS inhibitor.
* Known KRAS G12C mutation, unless treated with a KRAS inhibitor.
* Cohort A: prior osimertinib
* Cohort B: prior osimertinib
""",
    """Inclusion Criteria:

* Part 1:
  * PD-L1 TPS >= 50% as per local test
  * No known ROS1 fusion or BRAF V600E mutation
* Part 2:
  * PD-L1 TPS >= 50% as per local test
  * No known ROS1 fusion or BRAF V600E mutation
* Arm C (HER2-mutant NSCLC), after one prior line
* Arm C (HER2-mutant NSCLC), after one prior line
* Patients with an EGFR mutation must have:
  * PD-L1 TPS >= 1%
* Patients without an EGFR mutation must have:
  * PD-L1 TPS >= 1%

Exclusion Criteria:

* Patients with the following:
  * MET exon 14 skipping alteration
  * RET fusion
* Patients with the following:
  * MET exon 14 skipping alteration
  * RET fusion
* Head and neck cancer cohort: HPV-negative tumour
* Head and neck cancer cohort: HPV-negative tumour
""",
]


def _read(markdown: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    return reading.criteria_clauses(TrialText(nct_id="NCT00000001", title="Study",
                                              criteria=tuple(split_criteria(markdown))))


def _dumped(read: tuple[list[dict[str, Any]], dict[str, Any]]) -> str:
    return json.dumps(read, sort_keys=True, default=lambda value: sorted(value))


@pytest.mark.parametrize("markdown", _TEXTS)
def test_memo_reads_as_without(markdown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_memo = _dumped(_read(markdown))
    first_reading = reading._read_criterion

    def never_repeated(*args: Any) -> reading._CriterionRead:
        read = first_reading(*args)
        read.repeatable = False  # every repeat read again
        return read

    monkeypatch.setattr(reading, "_read_criterion", never_repeated)
    assert with_memo == _dumped(_read(markdown))


def test_repeat_has_its_own_clauses() -> None:
    clauses, _ = _read("""Inclusion Criteria:

* Known KRAS G12C mutation.
* Known KRAS G12C mutation.
""")
    assert len(clauses) == 2 and clauses[0] == clauses[1]
    assert clauses[0] is not clauses[1] and clauses[0]["atoms"] is not clauses[1]["atoms"]
    assert all(a is not b for a, b in zip(clauses[0]["atoms"], clauses[1]["atoms"], strict=True))
