"""Benchmark: the speed guards the unit tests used to time (per-check budgets, adversarial inputs, linear growth).

    .venv/bin/python bench/bench_guards.py [--only NAME] [--examples-scale 1.0]

The unit tests parse the same inputs and check the output; timing them there failed whenever the machine was
loaded, so each budget is measured here instead. One line per guard: the measured figure, its budget, and `ok` or
`MISS`; the exit status is 1 if any guard missed (2 for bad arguments).

- Generated inputs (hypothesis strategies the tests use: arbitrary text, word salads): every example is parsed
  once and timed; the slowest five are parsed again three times and the best of those is the figure (a single run
  slowed by another process is not a regression; a parse that is slow every time is).
- Fixed inputs (long repeated sentences, huge sentences, a megabyte of criteria): best of three runs each, the
  worst input reported.
- Linear growth: best of three at two lengths, the ratio against the bound.

Inputs come from the test modules themselves (tests/ is put on the path), so a test and its guard never drift.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clones import REPO, shared_studies  # noqa: E402  (also puts tests/ on the path)

sys.path.insert(0, str(REPO))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from trialmatch.criteria.text import TrialText, split_criteria  # noqa: E402

RETRIED = 5  # slowest generated examples parsed again
BEST_OF = 3


@dataclass
class Result:
    name: str
    figure: float  # seconds, or a ratio where `unit` says so
    budget: float
    detail: str = ""
    unit: str = "s"

    @property
    def ok(self) -> bool:
        return self.figure < self.budget

    def line(self) -> str:
        shown = f"{self.figure * 1e6:.0f} us" if self.unit == "us" else f"{self.figure:.3f} {self.unit}"
        limit = f"{self.budget * 1e6:.0f} us" if self.unit == "us" else f"{self.budget:.3f} {self.unit}"
        verdict = "ok" if self.ok else "MISS"
        return f"{self.name}: {shown} (budget {limit}) {verdict}" + (f"  {self.detail}" if self.detail else "")


def best_seconds(run: Callable[[], object], times: int = BEST_OF) -> float:
    """Best wall-clock seconds of `times` runs: a loaded machine slows single runs, never the best."""
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def slowest_generated(strategy: st.SearchStrategy[Any], parse: Callable[[Any], object], examples: int) -> float:
    """Seconds of the slowest parse over `examples` generated inputs, the slowest few re-run best of three."""
    timed: list[tuple[float, Any]] = []

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def probe(value: Any) -> None:
        started = time.perf_counter()
        parse(value)
        timed.append((time.perf_counter() - started, value))

    probe()
    timed.sort(key=lambda pair: pair[0], reverse=True)
    return max(best_seconds(lambda v=value: parse(v)) for _, value in timed[:RETRIED])


def slowest_fixed(inputs: Iterable[Any], parse: Callable[[Any], object]) -> tuple[float, int]:
    """Seconds of the slowest input (best of three each), and which one it was."""
    figures = [best_seconds(lambda v=value: parse(v)) for value in inputs]
    worst = max(range(len(figures)), key=figures.__getitem__)
    return figures[worst], worst


# ---- one group of guards per test module --------------------------------------------------------------------------

def biomarker_guards(scale: float) -> list[Result]:
    import test_rules_biomarker as tests
    from biomarker_cases import inc, trial

    from trialmatch.criteria.rules import biomarker

    rules = biomarker.parse(trial(tests.CHECK_SPEED_CRITERIA, tests.CHECK_SPEED_TITLE))
    biomarker.check(rules, tests.T790M)  # warm the caches
    per_check = best_seconds(lambda: [biomarker.check(rules, tests.T790M) for _ in range(2000)]) / 2000
    results = [Result("biomarker check, per call", per_check, 200e-6, "(20,000 trials a profile)", unit="us")]

    worst_long, worst_ratio, worst_name = 0.0, 0.0, ""
    for name, chunk in tests.REPETITIVE_CHUNKS.items():
        def seconds(length: int, chunk: str = chunk) -> float:
            return best_seconds(lambda: biomarker.parse(trial(inc(chunk * (length // len(chunk))))))

        short, long = seconds(10_000), seconds(40_000)
        ratio = long / max(short, 0.05)
        worst_long = max(worst_long, long)
        if ratio > worst_ratio:
            worst_ratio, worst_name = ratio, name
    results.append(Result("biomarker parse, 40,000 repeated characters", worst_long, 20.0))
    results.append(Result("biomarker parse, 4x the repeated text", worst_ratio, 10.0,
                          f"(time ratio against max(short, 0.05 s), worst: {worst_name})", unit="x"))

    studies = sorted(shared_studies().glob("*.json"))
    if studies:
        texts = [TrialText.from_record(json.loads(p.read_text(encoding="utf-8"))) for p in studies]
        seconds = best_seconds(lambda: [biomarker.parse(t) for t in texts])
        results.append(Result(f"biomarker parse, the {len(texts)} shared records", seconds, 10.0))
    else:
        print(f"biomarker parse, shared records: skipped, none under {shared_studies()} (set TRIALMATCH_SHARED)")
    return results


def prior_therapy_guards(scale: float) -> list[Result]:
    import test_rules_prior_therapy as tests

    from trialmatch.criteria.rules import prior_therapy

    def arbitrary(text: str) -> object:
        return prior_therapy.parse(TrialText(nct_id="NCT0", title=text[:200], criteria=tuple(split_criteria(text))))

    def salad(words: list[str]) -> object:
        text = "".join(words)
        return prior_therapy.parse(tests.trial(inclusion=[text], exclusion=[text]))

    huge, which = slowest_fixed(tests.HUGE_SENTENCES.values(),
                                lambda s: prior_therapy.parse(tests.trial(inclusion=[s], exclusion=[s], title=s)))
    return [
        Result("prior_therapy parse, arbitrary text (slowest)",
               slowest_generated(tests.ARBITRARY_TEXT, arbitrary, examples(150, scale)), 1.0),
        Result("prior_therapy parse, word salad (slowest)",
               slowest_generated(tests.WORD_SALAD, salad, examples(60, scale)), 1.0),
        Result("prior_therapy parse, huge sentence (slowest)", huge, 2.0, f"({list(tests.HUGE_SENTENCES)[which]})"),
    ]


def dimension_guards(label: str, tests_name: str, parse_arbitrary: Callable[[Any, Any], object],
                     parse_noise: Callable[[str], object], parse_repeated: Callable[[str], object],
                     scale: float) -> list[Result]:
    """The three guards the brain, disease and performance-status tests share."""
    tests = __import__(tests_name)
    strategy = (st.tuples(tests.ARBITRARY_BODY, tests.ARBITRARY_TITLE) if hasattr(tests, "ARBITRARY_TITLE")
                else st.tuples(tests.ARBITRARY_BODY, st.just("")))
    repeated, which = slowest_fixed(tests.REPEATED_SENTENCES, parse_repeated)
    return [
        Result(f"{label} parse, arbitrary text (slowest)",
               slowest_generated(strategy, lambda pair: parse_arbitrary(*pair), examples(200, scale)), 0.5),
        Result(f"{label} parse, word noise (slowest)",
               slowest_generated(tests.NOISE, lambda tokens: parse_noise("".join(tokens)), examples(100, scale)), 0.5),
        Result(f"{label} parse, one sentence repeated (slowest)", repeated, 3.0,
               f"({tests.REPEATED_SENTENCES[which][:40]!r})"),
    ]


def brain_guards(scale: float) -> list[Result]:
    import test_rules_brain_metastases as tests

    from trialmatch.criteria.rules import brain_metastases as module

    def arbitrary(body: str, title: str) -> object:
        return module.parse(TrialText(nct_id="X", title=title, criteria=tuple(split_criteria(body))))

    def repeated(sentence: str) -> object:
        body = sentence * (40_000 // len(sentence))
        return module.parse(tests.trial(f"* {body}", f"* {body}"))

    return dimension_guards("brain_metastases", "test_rules_brain_metastases", arbitrary,
                            lambda body: module.parse(tests.trial(body, body, body[:300])), repeated, scale)


def disease_guards(scale: float) -> list[Result]:
    import test_rules_disease as tests

    from trialmatch.criteria.rules import disease as module

    def arbitrary(body: str, title: str) -> object:
        return module.parse(TrialText(nct_id="X", title=title, conditions=(title[:50],),
                                      criteria=tuple(split_criteria(body))))

    def repeated(sentence: str) -> object:
        body = sentence * (60_000 // len(sentence))
        return module.parse(tests.trial(f"* {body}", f"* {body}", body[:2000]))

    return dimension_guards("disease", "test_rules_disease", arbitrary,
                            lambda body: module.parse(tests.trial(body, body, body[:300])), repeated, scale)


def performance_status_guards(scale: float) -> list[Result]:
    import test_rules_performance_status as tests

    from trialmatch.criteria.rules import performance_status as module

    def repeated(sentence: str) -> object:
        body = sentence * (60_000 // len(sentence))
        return module.parse(tests.trial(f"* {body}", f"* {body}"))

    return dimension_guards("performance_status", "test_rules_performance_status",
                            lambda body, _title: module.parse(tests.trial(body, body)),
                            lambda body: module.parse(tests.trial(body, body)), repeated, scale)


def split_guards(scale: float) -> list[Result]:
    import test_text as tests

    text = "Inclusion Criteria:\n" + tests.MEGABYTE_LINE * (1_000_000 // len(tests.MEGABYTE_LINE))
    return [Result("split_criteria, 1 MB", best_seconds(lambda: split_criteria(text)), 1.0)]


def whole_parse_guards(scale: float) -> list[Result]:
    from bench_parse import real_criteria
    from helpers import adversarial_criteria

    from trialmatch.criteria.parse import parse_text

    megabyte = 1_000_000

    def parse(criteria: str) -> Callable[[], object]:
        text = TrialText(nct_id="NCT00000001", title="Study", criteria=tuple(split_criteria(criteria)))
        return lambda: parse_text(text)

    small = best_seconds(parse(adversarial_criteria(megabyte // 16)))
    large = best_seconds(parse(adversarial_criteria(megabyte // 4)))
    results = [Result("whole parse, adversarial 250 kB against 8 x 62.5 kB + 0.2 s", large, 8 * small + 0.2,
                      f"(62.5 kB: {small:.3f} s; linear is about 4x, quadratic 16x)")]
    real = real_criteria(megabyte)
    if real is None:
        print(f"whole parse, 1 MB of real criteria: skipped, no records under {shared_studies()}")
    else:
        results.append(Result("whole parse, 1 MB of real criteria", best_seconds(parse(real)), 5.0,
                              "(bench_parse.py holds the 1 s target)"))
    results.append(Result("whole parse, 1 MB of adversarial criteria",
                          best_seconds(parse(adversarial_criteria(megabyte))), 5.0))
    return results


GROUPS: dict[str, Callable[[float], list[Result]]] = {
    "biomarker": biomarker_guards,
    "prior_therapy": prior_therapy_guards,
    "brain_metastases": brain_guards,
    "disease": disease_guards,
    "performance_status": performance_status_guards,
    "split": split_guards,
    "whole_parse": whole_parse_guards,
}


def examples(count: int, scale: float) -> int:
    return max(1, round(count * scale))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=sorted(GROUPS), action="append", help="run only this group (repeatable)")
    parser.add_argument("--examples-scale", type=float, default=1.0,
                        help="generated examples per guard, as a multiple of the tests' own counts")
    args = parser.parse_args(argv)
    missed = []
    for name in args.only or GROUPS:
        for result in GROUPS[name](args.examples_scale):
            print(result.line(), flush=True)
            if not result.ok:
                missed.append(result.name)
    print(f"{len(missed)} guard(s) missed" + (": " + "; ".join(missed) if missed else ""))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
