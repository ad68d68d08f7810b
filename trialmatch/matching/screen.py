"""Batch screening for research nurses: many profiles from a CSV, one row per patient and trial.

Column format (header row required; only `id` is required, empty cells mean unknown):

| column | example | meaning |
| --- | --- | --- |
| id | MRN-0042 | patient identifier, echoed in the output |
| age, sex | 64, female | years; female / male |
| histology | adenocarcinoma | adenocarcinoma / squamous / large cell / nsclc-nos |
| stage | IV | I-IV |
| biomarkers | EGFR:exon 19 deletion; KRAS:G12C | positive findings, gene:alteration, `;`-separated |
| tested_negative | ALK; ROS1 | genes tested without a driver |
| pdl1_tps | 30 | PD-L1 tumour proportion score, percent |
| prior_therapies | carboplatin; pembrolizumab | drugs received, `;`-separated |
| prior_lines | 1 | lines of systemic treatment for advanced disease |
| ecog | 1 | ECOG performance status 0-4 |
| brain_metastases | none | none / treated_stable / active |
| location | 02115 | US ZIP code or city, for the nearest open site and its distance |
| max_distance_miles | 100 | trials with an open site this close, then those of unknown distance |

Output (CSV or JSON lines), one row per patient and possible trial, best first (match.rank_profile's
order): patient_id, rank, nct_id, title, status, phases, kind (of study, in plain words), the
verdict on each of disease, biomarker, prior_therapy, performance_status, brain_metastases, age
and sex (eligible / unknown), to_check (each unknown with what to ask), nearest_site and miles
(when the patient has a location; "distance unknown: sites in ..." when no site can be placed), url.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from trialmatch.cache.geo import geocode
from trialmatch.errors import ProfileError
from trialmatch.matching.profile import Profile, profile_from_dict

LIST_COLUMNS = ("tested_negative", "prior_therapies")
NUMBER_COLUMNS = {"age": int, "pdl1_tps": float, "prior_lines": int, "ecog": int, "max_distance_miles": float}


@dataclass(frozen=True)
class BadRow:
    """A CSV row that could not become a profile: reported with its line number, then skipped."""

    line: int
    message: str


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def row_to_profile(row: dict[str, str | None]) -> Profile:
    """One CSV row as a validated Profile; raises ProfileError naming the column."""
    data: dict[str, Any] = {}
    for key, raw in row.items():
        if key is None:
            raise ProfileError("the row has more cells than the header has columns")
        cell = (raw or "").strip()
        if not cell:
            continue
        if key in NUMBER_COLUMNS:
            try:
                data[key] = NUMBER_COLUMNS[key](cell)
            except ValueError:
                raise ProfileError(f"column '{key}': {cell!r} is not a number", field=key) from None
        elif key in LIST_COLUMNS:
            data[key] = _split(cell)
        elif key == "biomarkers":
            findings = []
            for item in _split(cell):
                gene, _, alteration = item.partition(":")
                findings.append({"gene": gene.strip(), "alteration": alteration.strip()})
            data[key] = findings
        else:
            data[key] = cell
    if not data.get("id"):
        raise ProfileError("column 'id' is empty", field="id")
    return profile_from_dict(data)


def read_profiles(stream: IO[str]) -> Iterator[Profile | BadRow]:
    """Yield a Profile per good row and a BadRow per bad one, so one bad row loses nothing else."""
    reader = csv.DictReader(stream)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise ProfileError(f"line 1 of the CSV cannot be read ({exc})") from None
    if not header or "id" not in [f.strip() for f in header]:
        raise ProfileError("the CSV needs a header row with at least an 'id' column")
    reader.fieldnames = [f.strip() for f in header]
    for row in _rows(reader):
        try:
            yield row_to_profile(row)
        except ProfileError as exc:
            yield BadRow(reader.line_num, str(exc))


def _rows(reader: csv.DictReader[str]) -> Iterator[dict[str, str | None]]:
    """The reader's rows; a line the csv module cannot read at all (a cell over its 128 kB limit)
    becomes a ProfileError naming the line, not a traceback."""
    try:
        yield from reader
    except csv.Error as exc:
        # line_num counts the lines read before the one that failed
        raise ProfileError(f"line {reader.line_num + 1} of the CSV cannot be read ({exc})") from None


class PlaceLookup:
    """Each patient's location as coordinates, looked up once per distinct place; a place that
    cannot be found leaves that patient without distances (and a warning), never unscreened."""

    def __init__(self) -> None:
        self._origins: dict[str, tuple[float, float] | str] = {}  # place -> coordinates, or why not
        self.warnings: list[str] = []

    def origin(self, profile: Profile) -> tuple[float, float] | None:
        if not profile.location:
            return None
        found = self._origins.get(profile.location)
        if found is None:
            try:
                place = geocode(profile.location)
                found = (place.latitude, place.longitude)
            except ProfileError as exc:
                found = str(exc)
            self._origins[profile.location] = found
        if isinstance(found, str):
            self.warnings.append(f"Patient {profile.id}: {found}; screened without distances.")
            return None
        return found
