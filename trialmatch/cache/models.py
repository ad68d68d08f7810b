"""Table models of the local trial cache (SQLite by default, PostgreSQL for teams).

The cache module owns all SQL; these classes only describe the rows.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel

# Bump when a table's shape changes; cache.open_cache migrates or rebuilds older files.
SCHEMA_VERSION = 3
# The overall statuses a patient can still join: a full sync asks only for these, a trial leaving
# them is "closed" in the digest, and the page shows them by default.
OPEN_STATUSES: tuple[str, ...] = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")


def utcnow() -> datetime:
    """Now, timezone-aware UTC (the cache stores aware datetimes and returns them in UTC)."""
    return datetime.now(UTC)


class Trial(SQLModel, table=True):
    """One study as the cache keeps it: the fields we search and show, plus the raw record."""

    nct_id: str = Field(primary_key=True, max_length=16)
    brief_title: str = ""
    official_title: str | None = None
    acronym: str | None = None
    brief_summary: str | None = Field(default=None, sa_column=Column(Text))
    overall_status: str = Field(default="UNKNOWN", index=True)
    last_known_status: str | None = None
    phases: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    study_type: str | None = None
    # What kind of study it is (trialmatch.criteria.study_kind): the registry's design fields, and the
    # kind and disease scope decided from them once, when the record is saved. None in a row an
    # older trialmatch wrote, until the next load or import classifies it.
    primary_purpose: str | None = None  # designModule.designInfo.primaryPurpose: "TREATMENT", ...
    observational_model: str | None = None  # designInfo.observationalModel: "COHORT", ...
    intervention_types: list[str] | None = Field(default=None, sa_column=Column(JSON))  # ["DRUG", ...]
    # a study_kind.KINDS code: "treatment_drug", "imaging", ...; indexed, as kind_refresh looks for None
    study_kind: str | None = Field(default=None, index=True)
    disease_scope: str | None = None  # "lung", "basket", "solid" or None
    conditions: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    keywords: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    # [{"name", "type", "description", "other_names": [...], "arm_labels": [...]}]
    interventions: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    # [{"label", "type", "description", "interventions": [...]}]
    arms: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    eligibility_criteria: str = Field(default="", sa_column=Column(Text))
    minimum_age: str | None = None  # as the API gives it: "18 Years"
    maximum_age: str | None = None
    minimum_age_years: float | None = None  # None = no lower limit stated
    maximum_age_years: float | None = None  # None = no upper limit stated
    sex: str = "ALL"
    healthy_volunteers: bool | None = None
    sponsor: str | None = None
    # [{"name", "role", "phone", "email"}]
    central_contacts: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    start_date: str | None = None  # PartialDate text: "2024", "2024-05" or "2024-05-17"
    first_posted: str | None = None
    last_update_posted: str | None = Field(default=None, index=True)  # yyyy-MM-dd
    first_seen: datetime = Field(default_factory=utcnow, index=True)
    last_seen: datetime = Field(default_factory=utcnow)
    # When the eligibility criteria (text, ages, sex) last changed; first_seen for a new trial.
    # `trialmatch digest` reports "criteria changed" from it, not from any change of the record.
    criteria_changed_at: datetime | None = None
    # When the trial last went from open to closed or back (None: not since it was first seen).
    opened_or_closed_at: datetime | None = None
    record_hash: str = ""  # sha256 of the raw record: unchanged records are not rewritten
    raw: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


class Site(SQLModel, table=True):
    """A place a trial runs, with whom to call there."""

    id: int | None = Field(default=None, primary_key=True)
    nct_id: str = Field(foreign_key="trial.nct_id", index=True, max_length=16)
    facility: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    status: str | None = None  # per-site RecruitmentStatus
    # [{"name", "role", "phone", "phone_ext", "email"}]
    contacts: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))


class ParsedCriteria(SQLModel, table=True):
    """A trial's eligibility text parsed once into structured rules (see trialmatch.criteria.parse)."""

    nct_id: str = Field(primary_key=True, foreign_key="trial.nct_id", max_length=16)
    parser_version: int = Field(index=True)
    # {"disease": {...}, "biomarker": {...}, ...}: each dimension module's JSON form
    rules: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


class SyncRun(SQLModel, table=True):
    """One run of `trialmatch sync`: what it did, and where to resume if it stopped."""

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    mode: str = "full"  # "full" | "incremental"
    status: str = "running"  # "running" | "ok" | "failed"
    since: str | None = None  # incremental: the LastUpdatePostDate lower bound asked for
    cursor: str | None = None  # nextPageToken of the next page to fetch; None = from the start
    pages: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    skipped: int = 0
    data_timestamp: str | None = None  # /version dataTimestamp when the run started
    error: str | None = Field(default=None, sa_column=Column(Text))


class Meta(SQLModel, table=True):
    """Key/value facts about the cache file itself (schema version, ...)."""

    key: str = Field(primary_key=True)
    value: str
