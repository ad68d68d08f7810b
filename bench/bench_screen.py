"""Batch screening benchmark: `trialmatch screen` with 1,000 patients against 20,000 trials.

The patients are the shared eval profiles, perturbed with a fixed seed (age, sex, ECOG, PD-L1,
lines of treatment, brain metastases, which genes were tested, sometimes an unknown field), so
rows differ the way a clinic's list does. The trials are a cache of 20,000 clones of the shared
records, built by bench/bench_scale.py if --db does not exist yet. The timed run is the real
command in its own process: wall time and peak memory (ru_maxrss via wait4). Target: < 60 s.

Clones repeat 100 criteria texts, so the batch memo shares each rule's findings across 200
trials. --distinct-rules measures the case where no two trials share a rule: in this process,
the loaded index gets its own copy of every rule, then trialmatch.matching.screen_batch.screen_batch,
the function the command runs, screens the same patients. The checks still share answers per
rule content (without the quoted sentence) for one profile, as for real trials that word the
same rule differently.

    .venv/bin/python bench/bench_screen.py --db bench/out/scale_20000.db
    .venv/bin/python bench/bench_screen.py --patients 1000 --trials 20000 --format jsonl
    .venv/bin/python bench/bench_screen.py --distinct-rules
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clones import REPO, shared_studies  # noqa: E402

from trialmatch.matching.screen_batch import default_jobs  # noqa: E402

TARGET_SECONDS = 60.0
COLUMNS = ("id", "age", "sex", "histology", "stage", "biomarkers", "tested_negative", "pdl1_tps",
           "prior_therapies", "prior_lines", "ecog", "brain_metastases")

# Drugs a clinic's list adds to the eval profiles' histories, so treatment histories vary too.
COMMON_DRUGS = ("carboplatin", "cisplatin", "pemetrexed", "paclitaxel", "docetaxel", "gemcitabine", "pembrolizumab",
                "atezolizumab", "nivolumab", "durvalumab", "osimertinib", "ramucirumab", "bevacizumab", "sotorasib")


def eval_profiles() -> list[dict[str, Any]]:
    path = shared_studies().parents[1] / "eval" / "profiles.json"
    return list(json.loads(path.read_text(encoding="utf-8")))


def perturbed(base: dict[str, Any], number: int, rng: random.Random) -> dict[str, Any]:
    """One CSV row: `base` with plausible variations; some fields left unknown (empty)."""
    age = min(90, max(18, int(base.get("age") or 60) + rng.randint(-12, 12)))
    tested = [g for g in base.get("tested_negative") or [] if rng.random() > 0.2]
    therapies = list(base.get("prior_therapies") or [])
    if therapies and rng.random() < 0.2:
        therapies.remove(rng.choice(therapies))
    if rng.random() < 0.3:
        therapies.append(rng.choice(COMMON_DRUGS))
    pdl1 = base.get("pdl1_tps")
    if rng.random() < 0.5:
        pdl1 = rng.choice([None, 0, 1, 5, 20, 50, 80, 95])
    row = {
        "id": f"PT-{number:05d}",
        "age": str(age),
        "sex": base.get("sex") if rng.random() > 0.1 else rng.choice(["female", "male"]),
        "histology": base.get("histology") or "",
        "stage": base.get("stage") or "IV",
        "biomarkers": "; ".join(f"{b['gene']}:{b['alteration']}" for b in base.get("biomarkers") or []),
        "tested_negative": "; ".join(tested),
        "pdl1_tps": "" if pdl1 is None else str(pdl1),
        "prior_therapies": "; ".join(dict.fromkeys(therapies)),
        "prior_lines": str(base.get("prior_lines") if base.get("prior_lines") is not None else ""),
        "ecog": str(min(4, max(0, int(base.get("ecog") or 0) + rng.choice([-1, 0, 0, 0, 1])))),
        "brain_metastases": rng.choice([base.get("brain_metastases") or "", "none", "treated_stable", "active"])
        if rng.random() < 0.3 else (base.get("brain_metastases") or ""),
    }
    for column in ("pdl1_tps", "ecog", "prior_lines", "brain_metastases", "histology"):
        if rng.random() < 0.08:
            row[column] = ""  # not known for this patient
    return row


def write_patients(path: Path, count: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    bases = eval_profiles()
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for n in range(count):
            writer.writerow(perturbed(bases[n % len(bases)], n, rng))


def timed_screen(patients: Path, out: Path, db: Path, jobs: int) -> dict[str, Any]:
    """Run `trialmatch screen` in its own process; wall time, exit status, peak memory."""
    command = [sys.executable, "-c", "from trialmatch.cli import main; main()", "screen", str(patients),
               "--out", str(out), "--db", str(db), "--jobs", str(jobs)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    assert proc.stdout is not None and proc.stderr is not None
    stdout, stderr = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"trialmatch screen failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "stdout": stdout.strip(),
            "stderr": stderr.strip()}


def distinct_rules(patients: Path, out: Path, db: Path, fmt: str, jobs: int) -> None:
    """The worst case: every trial with its own copy of its rules, so no finding is shared
    between trials (patients who agree on what a rule reads still share it, as in a real batch)."""
    import copy
    import gc

    from trialmatch.cache.store import open_cache
    from trialmatch.matching.index import load_index
    from trialmatch.matching.match import MatchIndex
    from trialmatch.matching.screen_batch import screen_batch

    started = time.perf_counter()
    loaded = load_index(open_cache(db))
    for candidate in loaded:
        for name, rules in candidate.rules.items():
            candidate.rules[name] = copy.deepcopy(rules)
    index = MatchIndex(loaded)
    compiled = index.compiled
    gc.freeze()  # as the command does
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    with patients.open(newline="", encoding="utf-8") as source, out.open("wb") as sink:
        result = screen_batch(compiled, source, sink, "jsonl" if fmt == "jsonl" else "csv", lambda row: None,
                              jobs=jobs)
    seconds = time.perf_counter() - started
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker
    slots = max(len(rules) for rules in compiled.rules)
    verdict = "within" if seconds < TARGET_SECONDS else "OVER"
    print(f"distinct rules ({slots} distinct rule sets in a dimension): {result.screened} patients x {len(index)} "
          f"trials, {jobs} job(s): screening {seconds:.1f} s ({verdict} the {TARGET_SECONDS:.0f} s target) after "
          f"loading and copying the index in {load_s:.1f} s; {result.rows} output rows ({fmt}); peak "
          f"{own_mb:.0f} MB here, {workers_mb:.0f} MB in the largest worker")


def output_rows(out: Path) -> int:
    with out.open(encoding="utf-8") as f:
        lines = sum(1 for _ in f)
    return lines - 1 if out.suffix == ".csv" else lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--trials", type=int, default=20000, help="studies in the cache built when --db is missing")
    parser.add_argument("--db", type=Path, default=REPO / "bench" / "out" / "scale_20000.db")
    parser.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    parser.add_argument("--repeat", type=int, default=1, help="runs; the fastest counts")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="worker processes (as `screen --jobs`)")
    parser.add_argument("--distinct-rules", action="store_true",
                        help="worst case: no two trials share a rule (in this process, see above)")
    args = parser.parse_args()
    if not shared_studies().is_dir():
        sys.exit(f"the shared records are not at {shared_studies()} (set TRIALMATCH_SHARED)")
    if not args.db.exists():
        print(f"building {args.db} with {args.trials} studies (bench_scale.py) ...", flush=True)
        subprocess.run([sys.executable, str(Path(__file__).with_name("bench_scale.py")), "--sizes",
                        str(args.trials), "--keep-db", str(args.db)], check=True)
    with tempfile.TemporaryDirectory() as folder:
        patients = Path(folder) / "patients.csv"
        write_patients(patients, args.patients)
        out = Path(folder) / f"matches.{args.format}"
        if args.distinct_rules:
            distinct_rules(patients, out, args.db, args.format, args.jobs)
            return
        runs = [timed_screen(patients, out, args.db, args.jobs) for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r["seconds"])
        rows = output_rows(out)
    from trialmatch.cache import reads
    from trialmatch.cache.store import open_cache

    trials = reads.stats(open_cache(args.db))["trials"]
    verdict = "within" if best["seconds"] < TARGET_SECONDS else "OVER"
    print(f"{args.patients} patients x {trials} trials, {args.jobs} job(s): {best['seconds']:.1f} s ({verdict} the "
          f"{TARGET_SECONDS:.0f} s target), peak {best['peak_mb']:.0f} MB, {rows} output rows ({args.format})")
    if best["stderr"]:
        print(f"stderr: {best['stderr'][:500]}")
    if best["stdout"]:
        print(f"stdout: {best['stdout'][:500]}")


if __name__ == "__main__":
    main()
