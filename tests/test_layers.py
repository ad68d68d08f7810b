"""The package's folders are the data's stages, and imports only point down them.

registry -> cache -> criteria -> matching -> presenting is the way a study travels; the import
layers are: criteria at the bottom (text in, rules out), cache above it (it parses when it
saves), registry and matching above the cache and blind to each other, present above matching,
and the CLI and the page on top. `errors` and `cores` serve everyone and import no stage.
Every import counts, including those inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "trialmatch"
SHARED = "shared"  # errors.py, cores.py: importable from anywhere
MAY_IMPORT: dict[str, frozenset[str]] = {
    "criteria": frozenset(),
    "cache": frozenset({"criteria"}),
    "registry": frozenset({"cache", "criteria"}),
    "matching": frozenset({"cache", "criteria"}),
    "present": frozenset({"matching", "cache", "criteria"}),
    "cli": frozenset({"present", "registry", "matching", "cache", "criteria"}),
    "page": frozenset({"present", "registry", "matching", "cache", "criteria"}),
    SHARED: frozenset(),
}
TOP_LEVEL = {"__init__.py", "errors.py", "cores.py"}
# Data, not code: a link to data/vocab/ so that the wheel carries the vocabularies (tests/test_packaging.py).
DATA = {"vocab_data"}


def stage_of_module(dotted: str) -> str | None:
    """The stage a `trialmatch...` module belongs to; None for anything outside the package."""
    parts = dotted.split(".")
    if parts[0] != "trialmatch":
        return None
    if len(parts) == 1 or parts[1] in {"errors", "cores", "__version__"}:
        return SHARED
    return parts[1]


def stage_of_file(path: Path) -> str:
    if path == ROOT / "streamlit_app.py":
        return "page"
    relative = path.relative_to(PACKAGE)
    return SHARED if len(relative.parts) == 1 else relative.parts[0]


def imported_modules(tree: ast.AST, module: str) -> list[tuple[int, str]]:
    """(line, dotted module) for every import in `tree`; `from a import b` counts as a.b, so
    `from trialmatch import matching` is seen as the stage it names."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing module's package
                package = module.split(".")[: -node.level]
                base = ".".join([*package, base] if base else package)
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def layer_violations(sources: dict[Path, str]) -> list[str]:
    """Every import in `sources` that points up or sideways across the stages."""
    problems = []
    for path, source in sources.items():
        stage = stage_of_file(path)
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for line, imported in imported_modules(ast.parse(source), module):
            target = stage_of_module(imported)
            if target is None or target in (stage, SHARED) or target in MAY_IMPORT[stage]:
                continue
            problems.append(f"{path.relative_to(ROOT)}:{line}: {stage} imports {imported} ({target})")
    return problems


def package_sources() -> dict[Path, str]:
    files = [*PACKAGE.rglob("*.py"), ROOT / "streamlit_app.py"]
    return {path: path.read_text() for path in files}


def test_no_import_points_up_or_across_the_stages() -> None:
    assert layer_violations(package_sources()) == []


@pytest.mark.parametrize(
    ("where", "source"),
    [
        ("criteria/rules/biomarker/verdicts.py", "from trialmatch.matching.profile import Profile\n"),
        ("criteria/parse.py", "if TYPE_CHECKING:\n    import trialmatch.cache.models\n"),
        ("cache/write.py", "def save():\n    from trialmatch.registry import query\n"),
        ("registry/sync.py", "from trialmatch import matching\n"),
        ("matching/match.py", "from trialmatch.registry.client import CTGovClient\n"),
        ("matching/match.py", "from ..present import plain\n"),
        ("present/plain.py", "import trialmatch.cli\n"),
        ("errors.py", "from trialmatch.criteria import vocab\n"),
    ],
)
def test_a_back_pointing_import_is_caught(where: str, source: str) -> None:
    assert len(layer_violations({PACKAGE / where: source})) == 1


@pytest.mark.parametrize(
    ("where", "source"),
    [
        ("cache/write.py", "from trialmatch.criteria import parse\nfrom trialmatch.errors import CacheError\n"),
        ("present/plain.py", "from trialmatch.matching.match import TrialMatch\nfrom . import trial_view\n"),
        ("criteria/rules/base.py", "from trialmatch.criteria.rules.patient import Patient\nimport json\n"),
    ],
)
def test_a_downward_import_passes(where: str, source: str) -> None:
    assert layer_violations({PACKAGE / where: source}) == []


def test_only_the_stages_and_shared_helpers_sit_at_the_top() -> None:
    top = {path.name for path in PACKAGE.iterdir() if path.name != "__pycache__"}
    stages = {stage for stage in MAY_IMPORT if stage not in {SHARED, "page"}}
    assert top == TOP_LEVEL | DATA | stages


def test_each_stage_says_what_it_owns_and_may_import() -> None:
    for stage in ("criteria", "cache", "registry", "matching", "present"):
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc and "import" in doc, stage
