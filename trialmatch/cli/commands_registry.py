"""Import every command module so it registers on the `main` group. One line per module."""

# Append-only: one line per command module, so isort is off for this file.
# ruff: noqa: I001, F401
from trialmatch.cli import match_cmd  # noqa: F401
from trialmatch.cli import screen_cmd  # noqa: F401
from trialmatch.cli import sync_cmd  # noqa: F401
from trialmatch.cli import import_cmd  # noqa: F401
from trialmatch.cli import serve_cmd  # noqa: F401
from trialmatch.cli import digest_cmd  # noqa: F401
