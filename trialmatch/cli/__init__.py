"""The `trialmatch` command: parses options, calls the package, prints. Errors become one line."""

from __future__ import annotations

import sys

import click

from trialmatch.errors import TrialmatchError


class TrialmatchGroup(click.Group):
    """A group that turns every TrialmatchError into `Error: ...` and exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TrialmatchError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted: nothing half-written was kept; run the command again.", err=True)
            sys.exit(130)


@click.group(cls=TrialmatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="trialmatch")
def main() -> None:
    """Find stage IV NSCLC clinical trials worth discussing with your doctor.

    \b
    Example:
      trialmatch sync && trialmatch match --profile me.json
    """


# Each command lives in its own module and registers itself on `main`.
from trialmatch.cli import commands_registry  # noqa: E402,F401
