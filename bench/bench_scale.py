"""Scale benchmark: sync (with criteria parsing) and match at 2,000, 20,000 and 100,000 studies.

For each size, the shared records are cloned under new NCT ids (all open) and served by a
stand-in API in its own process on 127.0.0.1 (bench/clones.py, constant memory). Then, each in
a fresh process so its peak resident memory (ru_maxrss) is its own:

- sync:  a full `trialmatch` sync into an empty SQLite cache (or --db-url, e.g. PostgreSQL),
         criteria parsed as each page is saved, by a worker per core (trialmatch.criteria.parse_pool);
         the parsing's share of the wall time and the workers' peak memory are reported;
- match: load the match index from the cache and match one profile (the first shared eval
         profile) against every trial, as `trialmatch match` does.

Memory should stay flat as N grows for the sync (pages are streamed); the match index holds
every trial's light columns and rules, so it grows with N by design.

    .venv/bin/python bench/bench_scale.py                          # 2000 20000
    .venv/bin/python bench/bench_scale.py --sizes 100000 --timeout 1800 --out bench/out/scale.jsonl
    .venv/bin/python bench/bench_scale.py --sizes 20000 --keep-db bench/out/scale_20000.db
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clones import REPO, serve_clones, shared_studies  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# -- child processes -------------------------------------------------------------------------


def _vm_hwm_mb(pid: int) -> float:
    """A live process's peak resident memory, from /proc (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def sync_child(url: str, db: str) -> dict[str, Any]:
    """A full sync into `db`, timing the criteria parsing (wall time, workers included) and
    recording the parser workers' peak memory before they stop."""
    from trialmatch.cache.store import open_cache
    from trialmatch.criteria.parse_pool import CriteriaParser
    from trialmatch.registry.client import CTGovClient
    from trialmatch.registry.sync import sync

    parse_seconds = 0.0
    workers_mb: list[float] = []
    real_parse, real_close = CriteriaParser.parse_many, CriteriaParser.close

    def timed_parse(self: CriteriaParser, jobs: Any) -> Any:
        nonlocal parse_seconds
        started = time.perf_counter()
        try:
            return real_parse(self, jobs)
        finally:
            parse_seconds += time.perf_counter() - started

    def measured_close(self: CriteriaParser) -> None:
        if self._pool is not None:
            workers_mb.extend(_vm_hwm_mb(pid) for pid in list(self._pool._processes))
        real_close(self)

    CriteriaParser.parse_many = timed_parse  # type: ignore[method-assign]
    CriteriaParser.close = measured_close  # type: ignore[method-assign]
    engine = open_cache(db)
    started = time.perf_counter()
    with CTGovClient(base_url=url, timeout=120) as client:
        summary = sync(engine, client)
    seconds = time.perf_counter() - started
    engine.dispose()
    return {"seconds": seconds, "parse_seconds": parse_seconds, "studies": summary.new, "peak_mb": peak_mb(),
            "workers": len(workers_mb), "worker_peak_mb": max(workers_mb, default=0.0)}


def match_child(db: str, profile_path: str) -> dict[str, Any]:
    """Load the match index and match one profile, timing both."""
    from trialmatch.cache.store import open_cache
    from trialmatch.matching.index import load_index
    from trialmatch.matching.match import MatchFilters, match_profile
    from trialmatch.matching.profile import load_profile

    profile = load_profile(Path(profile_path))
    started = time.perf_counter()
    index = load_index(open_cache(db))
    loaded = time.perf_counter()
    results = match_profile(index, profile, MatchFilters())
    done = time.perf_counter()
    return {"load_seconds": loaded - started, "match_seconds": done - loaded, "trials": len(index),
            "possible": sum(m.verdict == "possible" for m in results), "peak_mb": peak_mb()}


def run_child(args: list[str], timeout: float) -> dict[str, Any]:
    """Run this script as a child; its last stdout line is its JSON result."""
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        sys.exit(f"the child {args[0]} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- driver ----------------------------------------------------------------------------------


def first_profile(folder: Path) -> Path:
    profile = json.loads((shared_studies().parents[1] / "eval" / "profiles.json").read_text(encoding="utf-8"))[0]
    path = folder / "profile.json"
    path.write_text(json.dumps({k: v for k, v in profile.items() if k not in ("id", "summary")}), encoding="utf-8")
    return path


def measure(count: int, db: str, profile: Path, timeout: float) -> dict[str, Any]:
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(count)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        synced = run_child(["--sync-child", url, db], timeout)
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=60)
    if synced["studies"] != count:
        sys.exit(f"the sync saved {synced['studies']} studies, not {count}")
    matched = run_child(["--match-child", db, str(profile)], timeout)
    size_mb = Path(db.removeprefix("sqlite:///")).stat().st_size / 2**20 if db.startswith("sqlite") else None
    return {"count": count, "sync": synced, "match": matched, "db_mb": size_mb}


def report_line(r: dict[str, Any]) -> str:
    s, m = r["sync"], r["match"]
    db = f"{r['db_mb']:>7.0f}" if r["db_mb"] is not None else f"{'-':>7}"
    workers = f"{s['workers']} x {s['worker_peak_mb']:.0f}" if s["workers"] else "none"
    return (f"{r['count']:>8} {s['seconds']:>8.1f} {s['parse_seconds']:>8.1f} {r['count'] / s['seconds']:>9.0f} "
            f"{s['peak_mb']:>8.0f} {workers:>11} {m['load_seconds']:>7.1f} {m['match_seconds']:>8.2f} "
            f"{m['peak_mb']:>9.0f} {db}")


HEADER = (f"{'studies':>8} {'sync s':>8} {'parse s':>8} {'studies/s':>9} {'sync MB':>8} {'workers MB':>11} "
          f"{'load s':>7} {'match s':>8} {'match MB':>9} {'db MB':>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000], help="numbers of studies")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per child process")
    parser.add_argument("--db-url", help="sync into this (empty) database instead of a temporary SQLite file")
    parser.add_argument("--keep-db", type=Path, help="keep the SQLite cache of the (single) size here")
    parser.add_argument("--out", type=Path, help="also append each size's measurements to this JSON-lines file")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sync-child", nargs=2, metavar=("URL", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--match-child", nargs=2, metavar=("DB", "PROFILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_clones(args.serve)
        return
    if args.sync_child:
        print(json.dumps(sync_child(*args.sync_child)))
        return
    if args.match_child:
        print(json.dumps(match_child(*args.match_child)))
        return
    if not shared_studies().is_dir():
        sys.exit(f"the shared records are not at {shared_studies()} (set TRIALMATCH_SHARED)")
    if args.keep_db and len(args.sizes) != 1:
        sys.exit("--keep-db needs exactly one size")
    os.chdir(REPO)
    print(HEADER, flush=True)
    with tempfile.TemporaryDirectory() as folder:
        profile = first_profile(Path(folder))
        for count in args.sizes:
            if args.db_url:
                db = args.db_url
            elif args.keep_db:
                args.keep_db.parent.mkdir(parents=True, exist_ok=True)
                args.keep_db.unlink(missing_ok=True)
                db = f"sqlite:///{args.keep_db.resolve()}"
            else:
                db = f"sqlite:///{Path(folder) / f'scale_{count}.db'}"
            row = measure(count, db, profile, args.timeout)
            print(report_line(row), flush=True)
            if args.out:
                with args.out.open("a", encoding="utf-8") as out:
                    out.write(json.dumps(row) + "\n")
            if not args.keep_db and not args.db_url:
                for leftover in Path(folder).glob(f"scale_{count}.db*"):
                    leftover.unlink()


if __name__ == "__main__":
    main()
