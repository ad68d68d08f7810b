"""`trialmatch serve`: start the web page on this machine, syncing first when the cache is empty."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import click

from trialmatch.cli import main
from trialmatch.errors import TrialmatchError

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def streamlit_command(host: str, port: int) -> list[str]:
    """`streamlit run` bound to `host`, headless, with usage statistics off whatever the user config says."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]


@main.command()
@click.option("--db", envvar="TRIALMATCH_DB", default=None,
              help="Cache file or SQLAlchemy URL [env TRIALMATCH_DB; default data/trialmatch.db].")
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True, help="Port to serve on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this machine makes the page reachable from the network.")
@click.option("--no-sync", is_flag=True, help="Start even when the cache is empty, without syncing first.")
@click.pass_context
def serve(ctx: click.Context, db: str | None, port: int, host: str, no_sync: bool) -> None:
    """Start the trialmatch web page (Streamlit) on this computer.

    When the cache is empty it syncs first, so the page opens with trials. Answers typed into
    the page stay in the browser session; nothing is stored or sent.

    \b
    Example:
      trialmatch serve
      trialmatch serve --db /tmp/trials.db --port 8600
    """
    from trialmatch.cache import reads
    from trialmatch.cache.store import open_cache, resolve_db_url

    if not APP.is_file():
        raise TrialmatchError(f"the page {APP} is missing: run trialmatch from its source folder")
    url = resolve_db_url(db)
    if not no_sync and reads.stats(open_cache(url))["trials"] == 0:
        from trialmatch.cli.sync_cmd import sync as sync_command

        click.echo("The trial cache is empty: syncing first (a few minutes)...")
        try:
            ctx.invoke(sync_command, db=url)
        except TrialmatchError as exc:
            click.echo(f"Sync failed: {exc}. Starting the page anyway; it can retry the sync.", err=True)
    if host not in LOOPBACK:
        click.echo(f"Warning: serving on {host}: other computers on the network can open the page.", err=True)
    click.echo(f"Open http://{'localhost' if host in LOOPBACK else host}:{port} (Ctrl-C to stop).")
    env = {**os.environ, "TRIALMATCH_DB": url}
    # A SIGTERM (systemd, `timeout`, kill) must not orphan the server: raising here makes
    # subprocess.run kill its child before the exception leaves it.
    previous = signal.signal(signal.SIGTERM, _raise_exit)
    try:
        # From the repository folder, so Streamlit reads .streamlit/config.toml.
        code = subprocess.run(streamlit_command(host, port), cwd=APP.parent, env=env, check=False).returncode
    except KeyboardInterrupt:
        code = 0
    finally:
        signal.signal(signal.SIGTERM, previous)
    if code:
        raise SystemExit(code)


def _raise_exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
