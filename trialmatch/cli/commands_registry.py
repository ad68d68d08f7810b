"""Import every command module so it registers on the `main` group. One line per module."""

from __future__ import annotations
from trialmatch.cli import match_cmd  # noqa: F401
from trialmatch.cli import screen_cmd  # noqa: F401
