"""The match index compiled for speed: each distinct rule is checked once per profile, and the
per-trial verdicts are combined with numpy instead of a Python loop over 20,000 trials.

A check's answer depends only on its rules and a few profile fields (DIMENSION_READS), so
findings are memoised on (dimension, rule, those fields): in a batch of patients, two people with
the same ECOG share every performance-status finding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from trialmatch.parse import DIMENSIONS
from trialmatch.profile import Profile
from trialmatch.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding
from trialmatch.rules.structured import check_age, check_sex

# Every profile field each dimension's check reads. tests/test_compiled.py guards this list:
# changing any other field must never change a finding.
DIMENSION_READS: dict[str, tuple[str, ...]] = {
    "disease": ("histology", "stage"),
    "biomarker": ("biomarkers", "tested_negative", "pdl1_tps", "histology"),
    "prior_therapy": ("prior_therapies", "prior_lines", "biomarkers", "tested_negative"),
    "performance_status": ("ecog",),
    "brain_metastases": ("brain_metastases",),
    "age": ("age",),
    "sex": ("sex",),
}
CODE = {ELIGIBLE: 0, UNKNOWN: 1, EXCLUDED: 2}
# Recruiting now ranks before enrolling by invitation, before not yet recruiting.
STATUS_RANK = {"RECRUITING": 0, "ENROLLING_BY_INVITATION": 1, "NOT_YET_RECRUITING": 2}
NOT_READ = Finding(UNKNOWN, "", "This trial's criteria have not been read yet.")
# A batch memo past this many findings is emptied: memory stays bounded however many patients.
MAX_MEMO_ENTRIES = 2_000_000

Memo = dict[tuple[Any, ...], Finding]
Check = Callable[[Any, Profile], Finding]


def _criteria_check(name: str) -> Check:
    module = DIMENSIONS[name]

    def check(rules: Any, profile: Profile) -> Finding:
        return NOT_READ if rules is None else module.check(rules, profile)

    return check


CHECKS: dict[str, Check] = {name: _criteria_check(name) for name in DIMENSIONS}
CHECKS["age"] = lambda limits, profile: check_age(limits[0], limits[1], profile)
CHECKS["sex"] = lambda sex, profile: check_sex(sex, profile)


@dataclass
class Verdicts:
    """One profile's findings over a compiled index."""

    dims: tuple[str, ...]
    luts: list[list[Finding]]  # per dimension: finding of each distinct rule
    codes: np.ndarray  # (trials, dims) verdict codes

    specific: np.ndarray  # (trials,) the biomarker finding asks for a marker the patient has

    @property
    def excluded(self) -> np.ndarray:
        return (self.codes == CODE[EXCLUDED]).any(axis=1)

    @property
    def unknown_counts(self) -> np.ndarray:
        return (self.codes == CODE[UNKNOWN]).sum(axis=1)

    def findings(self, row: int, ids: np.ndarray) -> dict[str, Finding]:
        return {dim: self.luts[j][ids[row, j]] for j, dim in enumerate(self.dims)}


class CompiledIndex:
    """Candidates with their rules replaced by small integers, one column per dimension."""

    def __init__(self, candidates: Sequence[Any]) -> None:
        self.candidates = list(candidates)
        self.dims: tuple[str, ...] = (*DIMENSIONS, "age", "sex")
        self.rules: list[list[Any]] = [[] for _ in self.dims]
        self.ids = np.zeros((len(self.candidates), len(self.dims)), dtype=np.int32)
        seen: list[dict[Any, int]] = [{} for _ in self.dims]
        for row, c in enumerate(self.candidates):
            values = [c.rules.get(name) for name in DIMENSIONS]
            values += [(c.minimum_age_years, c.maximum_age_years), c.sex]
            for j, value in enumerate(values):
                # Interned rules (load_index) are shared objects, so identity finds equal ones.
                key = value if j >= len(DIMENSIONS) else id(value)
                slot = seen[j].get(key)
                if slot is None:
                    slot = seen[j][key] = len(self.rules[j])
                    self.rules[j].append(value)
                self.ids[row, j] = slot
        self.status = np.array([c.status for c in self.candidates], dtype=object)
        self.interventional = np.array([c.study_type == "INTERVENTIONAL" for c in self.candidates], dtype=bool)
        self._phases = [frozenset(c.phases) for c in self.candidates]
        self._first_seen: list[datetime | None] = [c.first_seen for c in self.candidates]
        self._masks: dict[tuple[Any, ...], np.ndarray] = {}
        # Ranking keys that do not depend on the profile.
        self.status_rank = np.array([STATUS_RANK.get(c.status, 9) for c in self.candidates], dtype=np.int8)
        self.nct_order = np.argsort(np.argsort(np.array([c.nct_id for c in self.candidates], dtype=object)))

    def verdicts(self, profile: Profile, memo: Memo | None = None) -> Verdicts:
        memo = {} if memo is None else memo
        if len(memo) > MAX_MEMO_ENTRIES:
            memo.clear()
        luts: list[list[Finding]] = []
        for j, dim in enumerate(self.dims):
            check = CHECKS[dim]
            projection = tuple(getattr(profile, field) for field in DIMENSION_READS[dim])
            lut = []
            for slot, rules in enumerate(self.rules[j]):
                key = (j, slot, projection)
                found = memo.get(key)
                if found is None:
                    found = memo[key] = check(rules, profile)
                lut.append(found)
            luts.append(lut)
        codes = np.empty(self.ids.shape, dtype=np.int8)
        for j, lut in enumerate(luts):
            table = np.fromiter((CODE[f.verdict] for f in lut), dtype=np.int8, count=len(lut))
            codes[:, j] = table[self.ids[:, j]] if len(lut) else 0
        bio = self.dims.index("biomarker")
        specific_table = np.fromiter((f.specific for f in luts[bio]), dtype=bool, count=len(luts[bio]))
        specific = specific_table[self.ids[:, bio]] if len(luts[bio]) else np.zeros(len(self.candidates), bool)
        return Verdicts(self.dims, luts, codes, specific)

    def mask(self, statuses: tuple[str, ...], phases: tuple[str, ...], interventional_only: bool,
             new_since: Any) -> np.ndarray:
        """Which trials pass the filters (cached: the page asks the same filters again and again)."""
        key = (statuses, phases, interventional_only, new_since)
        cached = self._masks.get(key)
        if cached is not None:
            return cached
        keep = np.ones(len(self.candidates), dtype=bool)
        if statuses:
            keep &= np.isin(self.status, list(statuses))
        if interventional_only:
            keep &= self.interventional
        if phases:
            wanted = set(phases)
            keep &= np.fromiter((bool(p & wanted) for p in self._phases), dtype=bool, count=len(keep))
        if new_since is not None:
            keep &= np.fromiter((f is not None and f.date() >= new_since for f in self._first_seen),
                                dtype=bool, count=len(keep))
        if len(self._masks) > 32:
            self._masks.clear()
        self._masks[key] = keep
        return keep
