"""Scaffold for the brain_metastases dimension: replaced by the real rules (issue 3)."""

from __future__ import annotations

from typing import Any

from trialmatch.profile import Profile
from trialmatch.rules.base import Finding, no_requirement
from trialmatch.text import TrialText

NAME = "brain_metastases"


def parse(text: TrialText) -> dict[str, Any]:
    return {}


def check(rules: dict[str, Any], profile: Profile) -> Finding:
    return no_requirement("brain_metastases".replace("_", " "))
