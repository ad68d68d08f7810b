"""The patient profile: what a patient, nurse or advocate tells us, validated.

The JSON form is the one in ../shared/eval/README.md, so those files load directly.
Every validation problem becomes a ProfileError that names the field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from trialmatch.criteria.rules.patient import BrainMets, GeneStatus, Histology, Sex, Stage
from trialmatch.criteria.vocab import canonical_gene
from trialmatch.errors import ProfileError

# A profile file larger than this is not a profile; refuse before parsing it.
MAX_PROFILE_BYTES = 1_000_000


class Biomarker(BaseModel):
    """A positive finding: a gene (HGNC symbol; aliases such as HER2 accepted) and its alteration."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    gene: str
    alteration: str = Field(default="", max_length=100)

    @field_validator("gene")
    @classmethod
    def _known_gene(cls, value: str) -> str:
        symbol = canonical_gene(value)
        if symbol is None:
            raise ValueError(f"unknown gene {value!r} (use a gene symbol such as EGFR, ALK, ERBB2)")
        return symbol

    @field_validator("alteration")
    @classmethod
    def _tidy(cls, value: str) -> str:
        return " ".join(value.split())


class Profile(BaseModel):
    """One patient. Fields left out (None / empty) are unknown, never assumed."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(default="patient", max_length=200)
    summary: str = Field(default="", max_length=2000)
    age: int | None = Field(default=None, ge=0, le=120)
    sex: Sex | None = None
    histology: Histology | None = None
    stage: Stage | None = "IV"
    biomarkers: tuple[Biomarker, ...] = ()
    tested_negative: tuple[str, ...] = ()
    pdl1_tps: float | None = Field(default=None, ge=0, le=100)
    prior_therapies: tuple[str, ...] = ()
    prior_lines: int | None = Field(default=None, ge=0, le=20)
    ecog: int | None = Field(default=None, ge=0, le=4)
    brain_metastases: BrainMets | None = None
    # Where the patient is, for distances; never sent anywhere.
    location: str | None = Field(default=None, max_length=200)
    max_distance_miles: float | None = Field(default=None, gt=0, le=25000)

    @field_validator("age", "pdl1_tps", "prior_lines", "ecog", "max_distance_miles", mode="before")
    @classmethod
    def _not_a_boolean(cls, value: Any) -> Any:
        # JSON true/false would otherwise count as 1/0: "age": true became age 1, excluded everywhere.
        if isinstance(value, bool):
            raise ValueError("a number is needed here, not true or false")
        return value

    @field_validator("tested_negative")
    @classmethod
    def _known_genes(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for value in values:
            symbol = canonical_gene(value)
            if symbol is None:
                raise ValueError(f"unknown gene {value!r}")
            out.append(symbol)
        return tuple(out)

    @field_validator("prior_therapies")
    @classmethod
    def _tidy_drugs(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v.strip().lower() for v in values if v.strip())

    def has_gene(self, gene: str) -> bool:
        return any(b.gene == gene for b in self.biomarkers)

    def alterations(self, gene: str) -> list[str]:
        return [b.alteration.lower() for b in self.biomarkers if b.gene == gene]

    def gene_status(self, gene: str) -> GeneStatus:
        """What the profile says about a gene: a finding, tested without one, or not tested."""
        if self.has_gene(gene):
            return "positive"
        if gene in self.tested_negative:
            return "negative"
        return "unknown"


def profile_from_dict(data: Any) -> Profile:
    """Validate a decoded JSON object into a Profile, or raise ProfileError naming the field."""
    if not isinstance(data, dict):
        raise ProfileError("a profile must be a JSON object with fields such as age and ecog")
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "profile"
        raise ProfileError(f"profile field '{field}': {first['msg']}", field=field) from None


def profile_from_json(raw: bytes, source: str) -> Profile:
    """A Profile from the bytes of a JSON file called `source`; ProfileError in one line if it is not one."""
    if len(raw) > MAX_PROFILE_BYTES:
        raise ProfileError(f"profile file {source} is over {MAX_PROFILE_BYTES} bytes; a profile is a small JSON file")
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # -sig: editors on Windows start files with a BOM
    except UnicodeDecodeError:
        raise ProfileError(f"profile file {source} is not text (expected JSON)") from None
    except json.JSONDecodeError as exc:
        raise ProfileError(
            f"profile file {source} is not valid JSON (line {exc.lineno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ProfileError(f"profile file {source} is nested too deeply to be a profile") from None
    return profile_from_dict(data)


def load_profile(path: str | Path) -> Profile:
    """Read a profile JSON file. Missing, huge, non-JSON or invalid files raise ProfileError."""
    path = Path(path)
    try:
        # Read one byte past the limit instead of trusting the size: /dev/zero or a pipe has none.
        with path.open("rb") as stream:
            raw = stream.read(MAX_PROFILE_BYTES + 1)
    except OSError as exc:
        raise ProfileError(f"cannot read profile file {path}: {exc.strerror or exc}") from None
    return profile_from_json(raw, str(path))


def unknown_treatments(profile: Profile) -> str | None:
    """A warning naming the listed treatments trialmatch does not know, or None when it knows them all."""
    from trialmatch.criteria.rules.prior_therapy.verdicts import known_therapy

    unknown = [name for name in profile.prior_therapies if not known_therapy(name)]
    if not unknown:
        return None
    return (f"profile field 'prior_therapies': {', '.join(map(repr, unknown))} "
            f"{'is not a treatment' if len(unknown) == 1 else 'are not treatments'} trialmatch knows; "
            "rules on earlier treatment may show as 'check with your doctor'.")
