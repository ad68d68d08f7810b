"""A plain `pip install .` (a wheel, not the README's editable install) must carry the vocabularies."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VOCAB_FILES = sorted(p.name for p in (ROOT / "data" / "vocab").glob("*.json"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Build from a copy of what a clone holds: a stale build/ folder in the working tree would hide a miss.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    skip = shutil.ignore_patterns("__pycache__", "*.db*")
    shutil.copytree(ROOT / "trialmatch", source / "trialmatch", symlinks=True, ignore=skip)
    shutil.copytree(ROOT / "data" / "vocab", source / "data" / "vocab")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("trialmatch-*.whl"))


def test_the_wheel_holds_every_vocabulary(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert VOCAB_FILES, "data/vocab/ is empty"
    assert [n for n in VOCAB_FILES if f"trialmatch/vocab_data/{n}" not in names] == []


def test_an_installed_wheel_reads_trials_away_from_the_clone(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # Run from an empty folder with only the unpacked wheel on the path: no clone, no data/ beside it.
    code = (
        "import trialmatch.criteria.vocab as v; from trialmatch.criteria.parse import UNREADABLE, parse_record;"
        "print(v.VOCAB_DIR.resolve()); "
        "crit = 'Inclusion Criteria:\\n* EGFR exon 19 deletion\\n* ECOG 0-1\\n';"
        "rules = parse_record({'protocolSection': {'eligibilityModule': {'eligibilityCriteria': crit}}});"
        "print(UNREADABLE not in rules and rules['biomarker'] is not None)"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    vocab_dir, read = done.stdout.split()
    assert Path(vocab_dir).is_relative_to(site)
    assert read == "True"
