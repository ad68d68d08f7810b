"""The match index compiled for speed: each distinct rule is checked once per profile, and the
per-trial verdicts are combined with numpy instead of a Python loop over 20,000 trials.

A check's answer depends only on its rules and a few profile fields (DIMENSION_READS), so a
dimension's findings for every rule are memoised as one table on (dimension, those fields): in a
batch of patients, two people with the same ECOG share the whole performance-status table.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

import numpy as np

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding
from trialmatch.criteria.rules.structured import check_age, check_sex
from trialmatch.criteria.study_kind import LUNG, group_bits, groups_of, kind_of
from trialmatch.matching.profile import Profile
from trialmatch.matching.site_distances import SiteTable

# Every profile field each dimension's check reads. tests/test_compiled.py guards this list:
# changing any other field must never change a finding.
DIMENSION_READS: dict[str, tuple[str, ...]] = {
    "disease": ("histology", "stage"),
    "biomarker": ("biomarkers", "tested_negative", "pdl1_tps", "histology", "prior_therapies", "prior_lines"),
    "prior_therapy": ("prior_therapies", "prior_lines", "biomarkers", "tested_negative"),
    "performance_status": ("ecog", "age"),
    "brain_metastases": ("brain_metastases",),
    "age": ("age",),
    "sex": ("sex",),
}
CODE = {ELIGIBLE: 0, UNKNOWN: 1, EXCLUDED: 2}
# Recruiting now ranks before enrolling by invitation, before not yet recruiting.
STATUS_RANK = {"RECRUITING": 0, "ENROLLING_BY_INVITATION": 1, "NOT_YET_RECRUITING": 2}
NOT_READ = Finding(UNKNOWN, "", "trialmatch has not read this trial's criteria (not yet, or the text could "
                             "not be read): ask your doctor to check them.")
# A batch memo keeps findings for at most this many rule slots (tables used longest ago go first).
# Measured on the worst-case batch (bench_screen --distinct-rules, 2 workers): 2M slots, 55 s and
# 700 MB in the largest worker; 1M slots, 63 s and 580 MB.
MAX_MEMO_SLOTS = 2_000_000

Check = Callable[[Any, Profile], Finding]


@dataclass(frozen=True)
class Table:
    """One dimension's findings for one projection of a profile: one per distinct rule (slot)."""

    findings: list[Finding]
    codes: np.ndarray  # int8 verdict code per slot
    specific: np.ndarray | None  # per slot, biomarker only: asks for a marker the profile has


class Memo:
    """Tables of findings kept across the profiles of a batch, keyed on (dimension, the profile
    fields that dimension reads): two patients with the same ECOG share the whole
    performance-status table, looked up once instead of once per trial. Past `max_slots`, the
    tables used longest ago go first, so the common ones (ECOG 1, no brain metastases) stay."""

    def __init__(self, max_slots: int = MAX_MEMO_SLOTS) -> None:
        self.max_slots = max_slots
        self._tables: OrderedDict[tuple[Any, ...], Table] = OrderedDict()
        self._slots = 0

    def get(self, key: tuple[Any, ...]) -> Table | None:
        table = self._tables.get(key)
        if table is not None:
            self._tables.move_to_end(key)
        return table

    def put(self, key: tuple[Any, ...], table: Table) -> Table:
        self._tables[key] = table
        self._slots += len(table.findings)
        while self._slots > self.max_slots and len(self._tables) > 1:
            _, oldest = self._tables.popitem(last=False)
            self._slots -= len(oldest.findings)
        return table


def _criteria_check(name: str) -> Check:
    module = DIMENSIONS[name]

    def check(rules: Any, profile: Profile) -> Finding:
        return NOT_READ if rules is None else module.check(rules, profile)

    return check


CHECKS: dict[str, Check] = {name: _criteria_check(name) for name in DIMENSIONS}
CHECKS["age"] = lambda limits, profile: check_age(limits[0], limits[1], profile)
CHECKS["sex"] = lambda sex, profile: check_sex(sex, profile)


@dataclass(frozen=True)
class Group:
    """Slots start..stop-1 of a dimension, whose checks read only `fields` of a profile."""

    fields: tuple[str, ...]
    start: int
    stop: int


@dataclass
class Verdicts:
    """One profile's findings over a compiled index."""

    dims: tuple[str, ...]
    parts: list[list[Table]]  # per dimension, per group: the finding of each slot in the group
    codes: np.ndarray  # (trials, dims) verdict codes
    specific: np.ndarray  # (trials,) the biomarker finding asks for a marker the patient has
    _slot_findings: dict[int, list[Finding]] = field(default_factory=dict, repr=False)

    @property
    def excluded(self) -> np.ndarray:
        return (self.codes == CODE[EXCLUDED]).any(axis=1)

    @property
    def unknown_counts(self) -> np.ndarray:
        return (self.codes == CODE[UNKNOWN]).sum(axis=1)

    def slot_findings(self, j: int) -> list[Finding]:
        """Dimension j's finding for every slot (its groups' tables, end to end)."""
        found = self._slot_findings.get(j)
        if found is None:
            tables = self.parts[j]
            found = tables[0].findings if len(tables) == 1 else [f for t in tables for f in t.findings]
            self._slot_findings[j] = found
        return found

    def findings(self, rows: np.ndarray, ids: np.ndarray) -> list[dict[str, Finding]]:
        """Each row's finding per dimension. Built for thousands of rows at a time (a match lists every
        trial), so the slot numbers leave numpy in one tolist() and no method is called per row."""
        dims = self.dims
        tables = [self.slot_findings(j) for j in range(len(dims))]
        return [dict(zip(dims, map(list.__getitem__, tables, slots), strict=True)) for slots in ids[rows].tolist()]


class CompiledIndex:
    """Candidates with their rules replaced by small integers, one column per dimension.

    A dimension module may say, per rule, which profile fields its check reads (`reads(rules)`,
    a subset of DIMENSION_READS): its slots are then grouped by those fields, so patients who
    differ only in a field some rules ignore share those rules' findings.
    """

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
        self.groups = [self._group_slots(j) for j in range(len(self.dims))]
        self.status = np.array([c.status for c in self.candidates], dtype=object)
        self.interventional = np.array([c.study_type == "INTERVENTIONAL" for c in self.candidates], dtype=bool)
        self._phases = [frozenset(c.phases) for c in self.candidates]
        self._first_seen: list[datetime | None] = [c.first_seen for c in self.candidates]
        self._masks: dict[tuple[Any, ...], np.ndarray] = {}
        # Ranking keys that do not depend on the profile.
        self.status_rank = np.array([STATUS_RANK.get(c.status, 9) for c in self.candidates], dtype=np.int8)
        self.kind_tier = np.array([kind_of(c.study_kind).tier for c in self.candidates], dtype=np.int8)
        self.scope_rank = np.array([c.disease_scope != LUNG for c in self.candidates], dtype=np.int8)
        # One bit per study_kind.GROUPS entry the trial may belong to (the "Kinds of study" filter).
        self.kind_bits = np.array([group_bits(groups_of(c.study_kind, c.study_type)) for c in self.candidates],
                                  dtype=np.uint8)
        self.nct_order = np.argsort(np.argsort(np.array([c.nct_id for c in self.candidates], dtype=object)))

    @cached_property
    def site_table(self) -> SiteTable:
        """The placed open sites as arrays, for distances from a patient (built on first use)."""
        return SiteTable(self.candidates)

    def _group_slots(self, j: int) -> list[Group]:
        """Renumber dimension j's slots so those reading the same fields are contiguous."""
        dim, rules = self.dims[j], self.rules[j]
        declared = DIMENSION_READS[dim]
        reads = getattr(DIMENSIONS[dim], "reads", None) if dim in DIMENSIONS else None
        if reads is None or not rules:
            return [Group(declared, 0, len(rules))]
        fields = [() if r is None else tuple(f for f in declared if f in reads(r)) for r in rules]
        order = sorted(range(len(rules)), key=lambda slot: (len(fields[slot]), fields[slot]))
        new_slot = np.empty(len(rules), dtype=np.int32)
        new_slot[order] = np.arange(len(rules), dtype=np.int32)
        self.rules[j] = [rules[slot] for slot in order]
        self.ids[:, j] = new_slot[self.ids[:, j]]
        groups: list[Group] = []
        for position, slot in enumerate(order):
            if not groups or groups[-1].fields != fields[slot]:
                groups.append(Group(fields[slot], position, position))
            groups[-1] = Group(fields[slot], groups[-1].start, position + 1)
        return groups

    def verdicts(self, profile: Profile, memo: Memo | None = None) -> Verdicts:
        memo = Memo() if memo is None else memo
        parts: list[list[Table]] = []
        codes = np.empty(self.ids.shape, dtype=np.int8)
        specific = np.zeros(len(self.candidates), bool)
        for j, dim in enumerate(self.dims):
            tables = []
            for group in self.groups[j]:
                key = (j, group.start, tuple(getattr(profile, name) for name in group.fields))
                tables.append(memo.get(key) or memo.put(key, self._table(j, group, profile)))
            parts.append(tables)
            if not self.rules[j]:
                codes[:, j] = 0
                continue
            codes[:, j] = _joined([t.codes for t in tables])[self.ids[:, j]]
            if dim == "biomarker":
                specific = _joined([t.specific for t in tables if t.specific is not None])[self.ids[:, j]]
        return Verdicts(self.dims, parts, codes, specific)

    def _table(self, j: int, group: Group, profile: Profile) -> Table:
        dim, rules = self.dims[j], self.rules[j][group.start:group.stop]
        if dim in DIMENSIONS:  # the module's own check, without CHECKS' wrapper: one call less per trial
            check = DIMENSIONS[dim].check
            findings = [NOT_READ if r is None else check(r, profile) for r in rules]
        else:
            findings = [CHECKS[dim](r, profile) for r in rules]
        codes = np.fromiter((CODE[f.verdict] for f in findings), dtype=np.int8, count=len(findings))
        specific = None
        if self.dims[j] == "biomarker":
            specific = np.fromiter((f.specific for f in findings), dtype=bool, count=len(findings))
        return Table(findings, codes, specific)

    def mask(self, statuses: tuple[str, ...], phases: tuple[str, ...], interventional_only: bool,
             new_since: Any, kinds: tuple[str, ...] = ()) -> np.ndarray:
        """Which trials pass the filters (cached: the page asks the same filters again and again)."""
        key = (statuses, phases, interventional_only, new_since, kinds)
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
        if kinds:
            keep &= (self.kind_bits & group_bits(frozenset(kinds))) != 0
        if len(self._masks) > 32:
            self._masks.clear()
        self._masks[key] = keep
        return keep


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)
