"""Batch screening output at the speed of string joins: CSV or JSON lines, one line per patient
and trial.

A thousand patients against 20,000 trials is millions of lines, and building a TrialMatch, a
tuple and a csv call per line costs more than the matching. Most of a line repeats: the trial's
own cells are the same for every patient, and the verdict cells depend only on the seven
verdicts and the reasons of the unknowns, which a batch repeats over and over. So each trial's
cells are encoded once, each distinct combination of verdicts and reasons once, and a line is a
join of ready-made pieces. tests/test_screen.py checks the lines equal csv.writer / json.dumps of
the same values, in match_profile's order.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Sequence
from typing import Any, Literal

import numpy as np

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.matching.compiled import CODE, CompiledIndex, Table
from trialmatch.matching.match import NearestSite, Ranking
from trialmatch.matching.profile import Profile

Format = Literal["csv", "jsonl"]
# What a finding shows in a row: its verdict and, for an unknown, its reason (numbered from here).
ELIGIBLE_CELL, EXCLUDED_CELL, UNKNOWN_CELLS = 0, 1, 2
TRIAL_COLUMNS = ("nct_id", "title", "status", "phases", "kind")
SITE_COLUMNS = ("nearest_site", "miles")
DIMENSION_COLUMNS = (*DIMENSIONS, "age", "sex")
OUTPUT_COLUMNS = ("patient_id", "rank", *TRIAL_COLUMNS, *DIMENSION_COLUMNS, "to_check", *SITE_COLUMNS, "url")
# Past this many distinct reasons or tables the caches start again (between patients): memory
# stays bounded.
MAX_CACHED_REASONS = 1_000_000
MAX_CACHED_TABLES = 512


def csv_cell(value: Any) -> str:
    """One cell as csv.writer writes it (excel dialect, minimal quoting) in a row of several."""
    text = "" if value is None else str(value)
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def json_value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Syntax:
    """How one format writes a line: `open`, the patient cell, `rank_prefix` and the rank, `sep`,
    then the trial, verdict and site cells (each followed by `sep`), the url cell and `close`."""

    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt
        if fmt == "csv":
            self.cell: Callable[[str, Any], str] = lambda _name, value: csv_cell(value)
            self.sep, self.open, self.close, self.rank_prefix = ",", "", "\r\n", ","
        else:
            self.cell = lambda name, value: f"{json_value(name)}: {json_value(value)}"
            self.sep, self.open, self.close, self.rank_prefix = ", ", "{", "}\n", ', "rank": '

    def cells(self, names: Sequence[str], values: Sequence[Any]) -> str:
        """Encoded cells, each followed by the separator (the url cell, last, is not in a group)."""
        return "".join(self.cell(name, value) + self.sep for name, value in zip(names, values, strict=True))


class RowEncoder:
    """Encodes every patient's ranked trials; reuse one encoder for the whole batch."""

    def __init__(self, compiled: CompiledIndex, fmt: Format) -> None:
        self.compiled = compiled
        self.syntax = _Syntax(fmt)
        s = self.syntax
        self.dims = compiled.dims
        assert self.dims == DIMENSION_COLUMNS, "the verdict cells follow the compiled index's dimensions"
        self._trial_cells = [
            s.cells(TRIAL_COLUMNS, (c.nct_id, c.title, c.status, "/".join(c.phases), c.kind_words))
            for c in compiled.candidates
        ]
        self._url_cells = [
            s.cell("url", f"https://clinicaltrials.gov/study/{c.nct_id}") + s.close for c in compiled.candidates
        ]
        self._no_site = s.cells(SITE_COLUMNS, ("", ""))
        self._unplaced: dict[int, str] = {}  # trial row -> its "distance unknown: sites in ..." cells
        self._number_of: dict[str, int] = {}  # an unknown's reason -> its number in _reasons
        self._reasons: list[str] = []
        self._verdict_cells: dict[tuple[int, ...], str] = {}  # finding numbers per dim -> cells
        # id(table) -> (weak reference to it, its numbers): weak, so the batch memo alone decides
        # how long a table (and its findings) lives; a dead reference marks a stale entry.
        self._tables: dict[int, tuple[weakref.ref[Table], np.ndarray]] = {}

    def header(self) -> str:
        return ",".join(OUTPUT_COLUMNS) + "\r\n" if self.syntax.fmt == "csv" else ""

    def lines(self, profile: Profile, ranking: Ranking) -> str:
        """All of one patient's lines, in rank order."""
        rows = ranking.rows
        if not len(rows):
            return ""
        if len(self._reasons) > MAX_CACHED_REASONS or len(self._tables) > MAX_CACHED_TABLES:
            self._number_of.clear()
            self._reasons.clear()
            self._verdict_cells.clear()
            self._tables.clear()
        combos, which = np.unique(self._finding_numbers(ranking, rows), axis=0, return_inverse=True)
        verdict_cells = [self._verdict_cells_of(tuple(combo)) for combo in combos.tolist()]
        s = self.syntax
        head = s.open + s.cell("patient_id", profile.id)
        rank_prefix, sep = s.rank_prefix, s.sep
        trial_cells, url_cells = self._trial_cells, self._url_cells
        nearest = ranking.nearest
        if ranking.located:
            sites = [self._site_cells(n) if n is not None else self._unplaced_cells(row)
                     for n, row in zip(nearest, rows.tolist(), strict=True)]
        else:
            sites = [self._no_site] * len(rows)
        return "".join([
            f"{head}{rank_prefix}{rank}{sep}{trial_cells[row]}{verdict_cells[k]}{site}{url_cells[row]}"
            for rank, row, k, site in zip(range(1, len(rows) + 1), rows.tolist(), which.reshape(-1).tolist(), sites,
                                          strict=True)
        ])

    def _finding_numbers(self, ranking: Ranking, rows: np.ndarray) -> np.ndarray:
        """(rows, dims) what each check's finding shows in each ranked trial's row (see _table_numbers)."""
        ids = self.compiled.ids[rows]
        columns = []
        for j, tables in enumerate(ranking.verdicts.parts):
            numbers = [self._table_numbers(table) for table in tables]
            columns.append((numbers[0] if len(numbers) == 1 else np.concatenate(numbers))[ids[:, j]])
        return np.column_stack(columns)

    def _table_numbers(self, table: Table) -> np.ndarray:
        """Each of a table's findings as the number of what its row cells show: ELIGIBLE_CELL,
        EXCLUDED_CELL, or for an unknown, UNKNOWN_CELLS + the number of its reason. The batch
        memo hands the same tables to many patients, so a table is numbered once."""
        cached = self._tables.get(id(table))
        if cached is None or cached[0]() is not table:
            numbers = np.where(table.codes == CODE[EXCLUDED], EXCLUDED_CELL, ELIGIBLE_CELL).astype(np.int64)
            unknown = np.flatnonzero(table.codes == CODE[UNKNOWN])
            numbers[unknown] = [UNKNOWN_CELLS + self._reason_number(table.findings[i].reason) for i in unknown.tolist()]
            cached = self._tables[id(table)] = (weakref.ref(table), numbers)
        return cached[1]

    def _reason_number(self, reason: str) -> int:
        number = self._number_of.get(reason)
        if number is None:
            number = self._number_of[reason] = len(self._reasons)
            self._reasons.append(reason)
        return number

    def _verdict_cells_of(self, combo: tuple[int, ...]) -> str:
        cells = self._verdict_cells.get(combo)
        if cells is None:
            verdicts = [ELIGIBLE if n == ELIGIBLE_CELL else EXCLUDED if n == EXCLUDED_CELL else UNKNOWN for n in combo]
            to_check = " | ".join(f"{dim}: {self._reasons[n - UNKNOWN_CELLS]}"
                                  for dim, n in zip(self.dims, combo, strict=True) if n >= UNKNOWN_CELLS)
            cells = self._verdict_cells[combo] = self.syntax.cells((*self.dims, "to_check"), (*verdicts, to_check))
        return cells

    def _unplaced_cells(self, row: int) -> str:
        cells = self._unplaced.get(row)
        if cells is None:
            words = self.compiled.candidates[row].distance_unknown_words()
            cells = self._unplaced[row] = self.syntax.cells(SITE_COLUMNS, (words, ""))
        return cells

    def _site_cells(self, nearest: NearestSite | None) -> str:
        if nearest is None:
            return self._no_site
        place = f"{nearest.site.facility or ''}, {nearest.site.place}"
        return self.syntax.cells(SITE_COLUMNS, (place, round(nearest.miles, 1)))
