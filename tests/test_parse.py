"""Parsing is done once and stored, so it must give the same rules in every process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, sys
from pathlib import Path
from trialmatch.criteria.parse import parse_record
files = sorted(Path(sys.argv[1]).glob('*.json'))[:40]
print(json.dumps([parse_record(json.loads(f.read_text())) for f in files], sort_keys=True, default=str))
"""


def test_rules_do_not_depend_on_the_hash_seed(shared_dir: Path) -> None:
    """Set iteration order changes with PYTHONHASHSEED; stored rules must not (a re-sync would
    otherwise rewrite unchanged trials, and two processes would disagree)."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(shared_dir / "ctgov" / "studies")],
                              env=env, capture_output=True, text=True, check=True, timeout=120)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
