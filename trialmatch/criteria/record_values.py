"""Tolerant readers for values in API study records.

Real records leave out almost anything, and a field may arrive with another type than the
documented one (a list sent as a string, an object as a list). Each reader takes a wrong type as
absent, so one odd field never costs a trial its other fields. They run a few hundred times per
trial (sites, contacts, interventions): fast paths for the usual types.
"""

from __future__ import annotations

from typing import Any


def as_dict(value: Any) -> dict[str, Any]:
    return value if type(value) is dict else {}


def as_list(value: Any) -> list[Any]:
    return value if type(value) is list else []


def as_text(value: Any) -> str | None:
    """A non-empty string, stripped, or None."""
    if type(value) is not str:
        if value is None:
            return None
        value = str(value)
    value = value.strip()
    return value or None


def as_strings(value: Any) -> list[str]:
    """The non-empty strings of a list."""
    return [text for v in as_list(value) if (text := as_text(v))]
