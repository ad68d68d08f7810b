"""The compiled index gives exactly the verdicts of checking each trial on its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.matching.compiled import CHECKS, DIMENSION_READS, Memo
from trialmatch.matching.index import load_index
from trialmatch.matching.match import MatchFilters, check_all, match_profile
from trialmatch.matching.profile import Profile, profile_from_dict

# Values to swap in for a field a dimension does not read: its findings must not move.
OTHER_VALUES: dict[str, Any] = {
    "age": 33, "sex": "male", "histology": "squamous", "stage": "III",
    "biomarkers": [{"gene": "ROS1", "alteration": "fusion"}], "tested_negative": ["KRAS"], "pdl1_tps": 95,
    "prior_therapies": ["docetaxel"], "prior_lines": 4, "ecog": 3, "brain_metastases": "active",
}


@pytest.fixture(scope="module")
def eval_profiles(shared_dir: Path) -> list[dict[str, Any]]:
    return json.loads((shared_dir / "eval" / "profiles.json").read_text())


def test_each_dimension_reads_only_the_fields_it_declares(synced_engine: Any, eval_profiles: list[dict]) -> None:
    """The batch memo shares findings between patients who agree on DIMENSION_READS; a check that
    read any other field would hand one patient another's verdict."""
    index = load_index(synced_engine)
    for data in eval_profiles[:6]:
        profile = profile_from_dict(data)
        before = [check_all(c, profile) for c in index]
        for field, value in OTHER_VALUES.items():
            changed = profile_from_dict({**data, field: value})
            for candidate, old in zip(index, before, strict=True):
                new = check_all(candidate, changed)
                for dim, reads in DIMENSION_READS.items():
                    if field not in reads:
                        assert new[dim] == old[dim], (candidate.nct_id, dim, field)


def test_a_rule_reads_only_the_fields_its_module_says(synced_engine: Any, eval_profiles: list[dict]) -> None:
    """Rules whose module narrows what they read (reads(rules)) share findings between patients
    who differ elsewhere: changing any other field must not move that rule's finding."""
    index = load_index(synced_engine)
    narrowed = {name: module.reads for name, module in DIMENSIONS.items() if hasattr(module, "reads")}
    assert narrowed, "some dimension narrows its reads"
    tried = 0
    for data in eval_profiles:
        profile = profile_from_dict(data)
        for field, value in OTHER_VALUES.items():
            changed = profile_from_dict({**data, field: value})
            for candidate in index:
                for dim, reads in narrowed.items():
                    rules = candidate.rules.get(dim)
                    if rules is None or field not in DIMENSION_READS[dim] or field in reads(rules):
                        continue
                    tried += 1
                    assert CHECKS[dim](rules, changed) == CHECKS[dim](rules, profile), (candidate.nct_id, dim, field)
    assert tried > 1000


def test_compiled_matching_equals_checking_trials_one_by_one(synced_engine: Any, eval_profiles: list[dict]) -> None:
    index = load_index(synced_engine)
    memo = Memo()
    for data in eval_profiles:
        profile: Profile = profile_from_dict(data)
        results = match_profile(index, profile, MatchFilters(statuses=(), include_excluded=True), memo)
        assert len(results) == len(index)
        for m in results:
            assert m.dimensions == check_all(m.candidate, profile)


def test_the_batch_memo_keeps_the_tables_used_last_within_its_bound() -> None:
    import numpy as np

    from trialmatch.criteria.rules.base import ELIGIBLE, Finding
    from trialmatch.matching.compiled import Table

    def table(size: int) -> Table:
        return Table([Finding(ELIGIBLE)] * size, np.zeros(size, np.int8), None)

    memo = Memo(max_slots=10)
    memo.put(("ecog", 1), table(4))
    memo.put(("ecog", 2), table(4))
    assert memo.get(("ecog", 1)) is not None  # used again: now the most recent
    memo.put(("ecog", 3), table(4))  # 12 slots: the table used longest ago goes
    assert memo.get(("ecog", 2)) is None
    assert memo.get(("ecog", 1)) is not None and memo.get(("ecog", 3)) is not None
