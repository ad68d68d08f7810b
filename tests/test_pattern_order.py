"""The same criteria must get the same verdict on every run. Patterns built from vocabulary sets once put
equal-length phrases in hash order, which changes with Python's hash seed: two runs could try the
alternatives of a regex in a different order. Every compiled pattern of the rules must be the same text
whatever the seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Imports every rules module and prints a digest of every module-level compiled pattern (and those held in
# module-level tuples, lists and dicts, in Guarded wrappers, and returned by cached vocabulary builders).
DIGEST = r"""
import hashlib, importlib, pkgutil, re
import trialmatch.criteria as criteria
texts = []
def collect(name, value, depth=0):
    if isinstance(value, re.Pattern):
        texts.append(f"{name}={value.pattern}")
    elif hasattr(value, "pattern") and isinstance(getattr(value, "pattern"), re.Pattern):
        texts.append(f"{name}={value.pattern.pattern}")
    elif depth < 2 and isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            collect(f"{name}[{i}]", item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for key in sorted(value, key=str):
            collect(f"{name}[{key}]", value[key], depth + 1)
import inspect
for info in sorted(pkgutil.walk_packages(criteria.__path__, criteria.__name__ + "."), key=lambda i: i.name):
    module = importlib.import_module(info.name)
    for attr in sorted(vars(module)):
        value = getattr(module, attr)
        # Vocabulary patterns are built on first use by cached functions of no argument: build them.
        if hasattr(value, "cache_info") and getattr(value, "__module__", "") == info.name:
            if not [p for p in inspect.signature(value).parameters.values() if p.default is p.empty]:
                value = value()
        collect(f"{info.name}.{attr}", value)
print(len(texts), hashlib.sha256("\n".join(texts).encode()).hexdigest())
"""


def _digest(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", DIGEST], env=env, capture_output=True, text=True, check=True,
                          cwd=ROOT)
    return done.stdout.strip()


def test_rule_patterns_do_not_depend_on_the_hash_seed() -> None:
    first, second = _digest("1"), _digest("2")
    assert int(first.split()[0]) > 100  # the walk found the rules' patterns
    assert first == second
