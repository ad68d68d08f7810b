"""Benchmark a full sync against a baseline that only downloads and parses every page.

The shared records are cloned under new NCT ids (all open) up to N studies and served by the
local stand-in API (tests/fakeapi.py) in its own process on 127.0.0.1. For each size, a fresh
process runs the baseline (walk every page, json-parse it, keep nothing) and another runs a
full `trialmatch` sync into an empty SQLite cache. The baseline is the minimal script: httpx,
follow nextPageToken, parse with the standard json module; it is also run with orjson (what
the sync's client uses) for a stricter ratio. Reported: time, studies per second, the
sync/baseline ratios (target <= 1.5) and each process's peak resident memory (ru_maxrss),
which should not grow with N since pages are streamed, not held.

    .venv/bin/python bench/bench_sync.py                     # sizes 5000 and 20000
    .venv/bin/python bench/bench_sync.py --sizes 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from fakeapi import FakeAPI, load_records  # noqa: E402

OPEN = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")
KINDS = ("baseline", "baseline_orjson", "sync", "sync_no_rules")


def shared_studies() -> Path:
    override = os.environ.get("TRIALMATCH_SHARED")
    return (Path(override) if override else REPO.parent / "shared") / "ctgov" / "studies"


def cloned_records(source: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """`count` open studies: the source records over and over, each under a new NCT id."""
    out = []
    for n in range(count):
        record = copy.deepcopy(source[n % len(source)])
        ps = record["protocolSection"]
        ps["identificationModule"]["nctId"] = f"NCT8{n:07d}"
        ps["statusModule"]["overallStatus"] = OPEN[n % len(OPEN)]
        out.append(record)
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# -- child processes -------------------------------------------------------------------------


def serve(count: int) -> None:
    """Child: serve `count` cloned studies until stdin closes; print the URL when ready."""
    api = FakeAPI(cloned_records(load_records(shared_studies()), count))
    api.start()
    print(api.url, flush=True)
    sys.stdin.read()
    api.stop()


def baseline(url: str, parser: str) -> dict[str, Any]:
    """Child: the minimal script. Download every page of the searches a full sync walks and parse
    it (stdlib json, or orjson as the sync does); keep nothing."""
    import httpx
    import orjson

    from trialmatch.registry.query import study_queries

    loads = orjson.loads if parser == "orjson" else json.loads
    started = time.perf_counter()
    studies = 0
    with httpx.Client(timeout=60) as http:
        http.get(f"{url}/version").raise_for_status()
        for params in study_queries():
            token = None
            while True:
                response = http.get(f"{url}/studies", params={**params, **({"pageToken": token} if token else {})})
                response.raise_for_status()
                page = loads(response.content)
                studies += len(page["studies"])
                token = page.get("nextPageToken")
                if not token or not page["studies"]:
                    break
    return {"seconds": time.perf_counter() - started, "studies": studies, "peak_mb": peak_mb()}


def full_sync(url: str, rules: bool = True) -> dict[str, Any]:
    """Child: a full sync into a new, empty cache. rules=False swaps the criteria parser (owned by
    the rule modules) for a no-op, to time the sync machinery alone."""
    from trialmatch.cache.store import open_cache
    from trialmatch.criteria import parse
    from trialmatch.registry.client import CTGovClient
    from trialmatch.registry.sync import sync

    if not rules:
        parse.parse_record = lambda record: {}
    with tempfile.TemporaryDirectory() as folder:
        engine = open_cache(str(Path(folder) / "bench.db"))
        started = time.perf_counter()
        with CTGovClient(base_url=url) as client:
            summary = sync(engine, client)
        seconds = time.perf_counter() - started
        size_mb = (Path(folder) / "bench.db").stat().st_size / 2**20
    return {"seconds": seconds, "studies": summary.new, "peak_mb": peak_mb(), "db_mb": size_mb}


def child(kind: str, url: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, f"--{kind}", url], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the {kind} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- driver ----------------------------------------------------------------------------------


def measure(count: int, repeat: int, kinds: tuple[str, ...] = KINDS) -> dict[str, Any]:
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(count)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        child("baseline", url)  # warm the server's encoded-record cache so every run sees the same server
        runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
        for _ in range(repeat):
            for kind in kinds:
                runs[kind].append(child(kind.replace("_", "-"), url))
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=30)
    best = {kind: min(results, key=lambda r: r["seconds"]) for kind, results in runs.items()}
    assert all(b["studies"] == count for b in best.values()), best
    ratios = {
        f"{sync_kind}/{base}": best[sync_kind]["seconds"] / best[base]["seconds"]
        for sync_kind in ("sync", "sync_no_rules") for base in ("baseline", "baseline_orjson")
        if sync_kind in best and base in best
    }
    return {"count": count, **best, "ratios": ratios}


def report(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'studies':>8} {'run':<16} {'seconds':>8} {'studies/s':>10} {'peak MB':>8}  ratio to baseline "
             "(json / orjson)"]
    for r in rows:
        for kind in KINDS:
            if kind not in r:
                continue
            m = r[kind]
            ratio = ""
            if kind.startswith("sync"):
                ratio = " / ".join(f"{r['ratios'][f'{kind}/{base}']:.2f}" for base in ("baseline", "baseline_orjson")
                                   if f"{kind}/{base}" in r["ratios"])
            lines.append(f"{r['count']:>8} {kind:<16} {m['seconds']:>8.2f} {r['count'] / m['seconds']:>10.0f} "
                         f"{m['peak_mb']:>8.0f}  {ratio}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000], help="numbers of studies")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest counts")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS),
                        help="what to time (sync with the criteria rules is slow while they are young)")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--baseline-orjson", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--sync", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--sync-no-rules", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.baseline:
        print(json.dumps(baseline(args.baseline, "json")))
        return
    if args.baseline_orjson:
        print(json.dumps(baseline(args.baseline_orjson, "orjson")))
        return
    if args.sync or args.sync_no_rules:
        print(json.dumps(full_sync(args.sync or args.sync_no_rules, rules=bool(args.sync))))
        return
    if not shared_studies().is_dir():
        sys.exit(f"the shared records are not at {shared_studies()} (set TRIALMATCH_SHARED)")
    rows = [measure(count, args.repeat, tuple(args.kinds)) for count in args.sizes]
    print(json.dumps(rows, indent=1) if args.json else report(rows))


if __name__ == "__main__":
    main()
