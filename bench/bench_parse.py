"""Benchmark: parse 1 MB of eligibility criteria into rules (issue 5: under one second).

    .venv/bin/python bench/bench_parse.py [--repeat 7] [--size 1000000]

Two texts of --size characters, each parsed --repeat times in this process (after one warm-up run
that compiles the patterns):

- real: the 100 shared records' eligibilityCriteria joined and repeated (../shared, or
  TRIALMATCH_SHARED); skipped with a message when the records are absent.
- adversarial: text aimed at regex backtracking and per-token work (tests/helpers.py's
  adversarial_criteria, which tests/test_hostile.py parses too: one bullet of "EGFR EGFR ...",
  2,000 open brackets, ...).
- records: the same shared records, each parsed as its own trial from its API record (title,
  conditions and criteria: trialmatch.criteria.parse.parse_record, as a sync does), over and over until
  --size characters of criteria. One long text repeats its sentences, and a reader that answers
  a repeated sentence once inside one parse is faster on "real" than a sync is: this line is the
  figure a cache of distinct trials sees.

A run is the whole parse from markdown: split_criteria, then every dimension (trialmatch.criteria.parse.parse_text).
Reports best and median seconds, their ratio to the 1 s target, and each step's best time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clones import REPO, shared_studies  # noqa: E402  (also puts tests/ on the path)
from helpers import adversarial_criteria  # noqa: E402

sys.path.insert(0, str(REPO))

from trialmatch.criteria.parse import DIMENSIONS  # noqa: E402
from trialmatch.criteria.text import TrialText, split_criteria  # noqa: E402

TARGET_SECONDS = 1.0


def real_criteria(size: int) -> str | None:
    studies = sorted(shared_studies().glob("*.json"))
    if not studies:
        return None
    texts = [((json.loads(p.read_text(encoding="utf-8")).get("protocolSection") or {}).get("eligibilityModule")
              or {}).get("eligibilityCriteria", "") for p in studies]
    joined = "\n".join(texts)
    return (joined * (size // len(joined) + 1))[:size]


def timed_parse(markdown: str) -> dict[str, float]:
    """Seconds per step of one full parse: split, then each dimension in parse_text's order."""
    steps: dict[str, float] = {}
    start = time.perf_counter()
    criteria = tuple(split_criteria(markdown))
    steps["split"] = time.perf_counter() - start
    text = TrialText(nct_id="NCT00000001", title="Study", criteria=criteria)
    for name, module in DIMENSIONS.items():
        started = time.perf_counter()
        module.parse(text)
        steps[name] = time.perf_counter() - started
    return steps


def report(label: str, markdown: str, repeat: int) -> None:
    timed_parse(markdown)  # warm-up: patterns compiled, vocabularies loaded
    runs = [timed_parse(markdown) for _ in range(repeat)]
    totals = [sum(run.values()) for run in runs]
    best, median = min(totals), statistics.median(totals)
    steps = ", ".join(f"{step} {min(run[step] for run in runs):.3f}" for step in runs[0])
    print(f"{label}: {len(markdown) / 1e6:.1f} MB, best of {repeat} {best:.3f} s, median {median:.3f} s "
          f"(best/target {best / TARGET_SECONDS:.2f}, median/target {median / TARGET_SECONDS:.2f})")
    print(f"  best per step (s): {steps}")


def report_records(size: int, repeat: int) -> None:
    """Seconds to parse --size characters of criteria as separate records, as a sync parses them."""
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(shared_studies().glob("*.json"))]
    if not records:
        print(f"records: skipped, no records under {shared_studies()} (set TRIALMATCH_SHARED)")
        return
    lengths = [len(((r.get("protocolSection") or {}).get("eligibilityModule") or {}).get("eligibilityCriteria") or "")
               for r in records]
    batch: list[dict[str, object]] = []
    chars = 0
    while chars < size:
        for record, length in zip(records, lengths, strict=True):
            batch.append(record)
            chars += length
            if chars >= size:
                break
    from trialmatch.criteria.parse import parse_record

    for record in records:  # warm-up
        parse_record(record)
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for record in batch:
            parse_record(record)
        runs.append(time.perf_counter() - started)
    best, median = min(runs), statistics.median(runs)
    print(f"records: {chars / 1e6:.1f} MB as {len(batch)} trials, best of {repeat} {best:.3f} s, median {median:.3f} s "
          f"(best/target {best / TARGET_SECONDS:.2f}, median/target {median / TARGET_SECONDS:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of criteria per text")
    args = parser.parse_args()

    real = real_criteria(args.size)
    if real is None:
        print(f"real: skipped, no records under {shared_studies()} (set TRIALMATCH_SHARED)")
    else:
        report("real", real, args.repeat)
    report("adversarial", adversarial_criteria(args.size), args.repeat)
    report_records(args.size, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
