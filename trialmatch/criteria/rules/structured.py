"""Checks on the structured eligibility fields (age limits, sex): no text to read."""

from __future__ import annotations

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding
from trialmatch.criteria.rules.patient import Patient


def _years(value: float) -> str:
    return f"{value:g} years"


def check_age(minimum: float | None, maximum: float | None, profile: Patient) -> Finding:
    """Age limits as the registry records them; no limit stated means no requirement."""
    if minimum is None and maximum is None:
        return Finding(ELIGIBLE, "", "The trial sets no age limit.")
    limits = " to ".join(
        part for part in (
            f"from {_years(minimum)}" if minimum is not None else "",
            f"up to {_years(maximum)}" if maximum is not None else "",
        ) if part
    )
    evidence = f"Ages {limits}"
    if profile.age is None:
        return Finding(UNKNOWN, evidence, f"The trial takes ages {limits}; your age was not given.")
    if minimum is not None and profile.age < minimum:
        return Finding(EXCLUDED, evidence, f"The trial takes ages {limits}; you are {profile.age}.")
    if maximum is not None and profile.age > maximum:
        return Finding(EXCLUDED, evidence, f"The trial takes ages {limits}; you are {profile.age}.")
    return Finding(ELIGIBLE, evidence, f"The trial takes ages {limits}; you are {profile.age}.")


def check_sex(sex: str | None, profile: Patient) -> Finding:
    """Sex as the registry records it (FEMALE / MALE / ALL)."""
    wanted = (sex or "ALL").upper()
    if wanted not in ("FEMALE", "MALE"):
        return Finding(ELIGIBLE, "", "The trial is open to all sexes.")
    evidence = f"Sex: {wanted.lower()} only"
    if profile.sex is None:
        return Finding(UNKNOWN, evidence, f"The trial takes {wanted.lower()} patients only; your sex was not given.")
    if profile.sex.upper() != wanted:
        return Finding(EXCLUDED, evidence, f"The trial takes {wanted.lower()} patients only.")
    return Finding(ELIGIBLE, evidence, f"The trial takes {wanted.lower()} patients only.")
