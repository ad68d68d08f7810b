"""Benchmark: match one profile against N cached trials (warm index), and parse all shared records.

    python bench/bench_match.py [--trials 20000] [--shared ../shared]

The 100 shared records are cloned under new NCT ids up to N. First each clone gets its own deep
copy of the parsed rules, so the matcher checks every trial (the biomarker and prior-therapy
checks still answer each rule content once per profile, as for real trials that word a rule
differently); then the rules are interned as load_index does. Reports times and the ratio to
the 100 ms target.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trialmatch.criteria.parse import parse_record  # noqa: E402
from trialmatch.criteria.text import TrialText  # noqa: E402
from trialmatch.matching.match import Candidate, MatchFilters, MatchIndex, intern_rules, match_profile  # noqa: E402
from trialmatch.matching.profile import profile_from_dict  # noqa: E402

TARGET_MS = 100.0


def candidate_from_record(record: dict, rules: dict) -> Candidate:
    ps = record.get("protocolSection") or {}
    status = (ps.get("statusModule") or {}).get("overallStatus", "UNKNOWN")
    design = ps.get("designModule") or {}
    return Candidate(
        nct_id=(ps.get("identificationModule") or {}).get("nctId", ""),
        title=(ps.get("identificationModule") or {}).get("briefTitle", ""),
        status=status,
        phases=tuple(design.get("phases") or ()),
        study_type=design.get("studyType"),
        rules=rules,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=20_000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    studies = sorted((args.shared / "ctgov" / "studies").glob("*.json"))
    if not studies:
        print(f"no records under {args.shared}/ctgov/studies", file=sys.stderr)
        return 2
    records = [json.loads(p.read_text()) for p in studies]

    start = time.perf_counter()
    parsed = [parse_record(r) for r in records]
    parse_s = time.perf_counter() - start
    texts_chars = sum(len(str(TrialText.from_record(r).criteria)) for r in records)

    base = [candidate_from_record(r, rules) for r, rules in zip(records, parsed, strict=True)]
    index = [
        replace(base[i % len(base)], nct_id=f"NCT9{i:07d}", rules=copy.deepcopy(base[i % len(base)].rules))
        for i in range(args.trials)
    ]
    profiles = [profile_from_dict(p) for p in json.loads((args.shared / "eval" / "profiles.json").read_text())]
    filters = MatchFilters(statuses=(), include_excluded=True)

    print(f"parse: {len(records)} records ({texts_chars / 1e6:.1f}M chars of criteria) in {parse_s:.2f}s "
          f"({parse_s / len(records) * 1000:.1f} ms/record)")
    # First every clone with its own rules (no finding can be reused: the worst case, as if all
    # 20,000 trials had different criteria), then interned as load_index does for a real cache.
    for label in ("all rules distinct (worst case)", "rules interned (as load_index does)"):
        if label.startswith("rules interned"):
            intern_rules(index)
        index = MatchIndex(index)  # compiled once, on first use, as the page and CLI do
        match_profile(index, profiles[0], filters)
        timings = []
        for profile in profiles:
            runs = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                match_profile(index, profile, filters)
                runs.append(time.perf_counter() - t0)
            timings.append(min(runs))
        median_ms = statistics.median(timings) * 1000
        worst_ms = max(timings) * 1000
        print(f"match, {label}: {args.trials} trials x {len(profiles)} profiles, best of {args.repeat}: "
              f"median {median_ms:.0f} ms, worst {worst_ms:.0f} ms per profile "
              f"(median/target {median_ms / TARGET_MS:.2f}, worst/target {worst_ms / TARGET_MS:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
