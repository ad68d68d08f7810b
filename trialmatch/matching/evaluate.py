"""Score the matcher on labelled cases (../shared/eval/): false exclusions, recall, agreement, hidden.

Two labelled sets are scored, separately and together: `studies` (labels.json, records in
ctgov/studies/) and `recruiting` (labels_recruiting.json, records in ctgov/recruiting/). The last
HELD_BACK trials of the recruiting set by NCT id were kept back while rules were written, until they
had been measured twice (README, "Scores": now retired); `--part working` and `--part held-back`
still score the two parts apart.

Run: python -m trialmatch.matching.evaluate [--part working] [--dimension biomarker] [--show-disagreements]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.base import Finding
from trialmatch.matching.compiled import CHECKS
from trialmatch.matching.profile import Profile, profile_from_dict

DEFAULT_SHARED = Path(os.environ.get("TRIALMATCH_SHARED", Path(__file__).resolve().parents[3] / "shared"))

Part = Literal["all", "working", "held-back"]
PARTS: tuple[Part, ...] = ("all", "working", "held-back")
HELD_BACK = 16  # trials of the recruiting set (the last by NCT id) the rules are not written against


@dataclass(frozen=True)
class LabelSet:
    """One file of labelled cases and the folder of the records it judges."""

    name: str
    labels_file: str  # under eval/
    records_dir: str  # under ctgov/
    holds_back: bool = False  # its last HELD_BACK trials are the held-back part


LABEL_SETS: tuple[LabelSet, ...] = (
    LabelSet("studies", "labels.json", "studies"),
    LabelSet("recruiting", "labels_recruiting.json", "recruiting", holds_back=True),
)


@dataclass
class Disagreement:
    nct_id: str
    profile_id: str
    dimension: str
    expected: list[str]
    got: Finding
    constraint: str


@dataclass
class DimensionScore:
    total: int = 0
    agree: int = 0
    false_exclusions: int = 0
    labelled_excluded: int = 0
    caught_excluded: int = 0

    @property
    def agreement(self) -> float:
        return self.agree / self.total if self.total else 1.0

    @property
    def exclusion_recall(self) -> float:
        return self.caught_excluded / self.labelled_excluded if self.labelled_excluded else 1.0

    def add(self, other: DimensionScore) -> None:
        self.total += other.total
        self.agree += other.agree
        self.false_exclusions += other.false_exclusions
        self.labelled_excluded += other.labelled_excluded
        self.caught_excluded += other.caught_excluded


@dataclass
class EvalReport:
    per_dimension: dict[str, DimensionScore] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    trials: int = 0
    # (trial, profile) pairs a careful reader lists as possible (no dimension labelled excluded
    # alone), and how many of those the matcher files as excluded: what a patient never sees.
    possible_pairs: int = 0
    hidden_pairs: int = 0

    @property
    def false_exclusions(self) -> int:
        return sum(s.false_exclusions for s in self.per_dimension.values())

    @property
    def exclusion_recall(self) -> float:
        labelled = sum(s.labelled_excluded for s in self.per_dimension.values())
        caught = sum(s.caught_excluded for s in self.per_dimension.values())
        return caught / labelled if labelled else 1.0

    @property
    def total(self) -> int:
        return sum(s.total for s in self.per_dimension.values())

    @property
    def agreement(self) -> float:
        agree = sum(s.agree for s in self.per_dimension.values())
        return agree / self.total if self.total else 1.0

    @property
    def hidden_rate(self) -> float:
        return self.hidden_pairs / self.possible_pairs if self.possible_pairs else 0.0

    def add(self, other: EvalReport) -> None:
        for dim, score in other.per_dimension.items():
            self.per_dimension.setdefault(dim, DimensionScore()).add(score)
        self.disagreements.extend(other.disagreements)
        self.trials += other.trials
        self.possible_pairs += other.possible_pairs
        self.hidden_pairs += other.hidden_pairs


def _as_list(label: str | list[str]) -> list[str]:
    return [label] if isinstance(label, str) else list(label)


def load_profiles(shared: Path) -> dict[str, Profile]:
    return {p["id"]: profile_from_dict(p) for p in json.loads((shared / "eval" / "profiles.json").read_text())}


def select_cases(cases: list[dict[str, Any]], label_set: LabelSet, part: Part) -> list[dict[str, Any]]:
    """The cases of one part: a set that holds nothing back is whole in `working` and empty in `held-back`."""
    if part == "all":
        return cases
    ordered = sorted(cases, key=lambda c: c["nct_id"])
    held = {c["nct_id"] for c in ordered[-HELD_BACK:]} if label_set.holds_back else set()
    keep = (lambda c: c["nct_id"] in held) if part == "held-back" else (lambda c: c["nct_id"] not in held)
    return [c for c in cases if keep(c)]


def score_cases(cases: Iterable[dict[str, Any]], records_dir: Path, profiles: dict[str, Profile],
                dimensions: list[str] | None = None) -> EvalReport:
    """Parse each labelled trial from its record and check every labelled profile against it."""
    dims = dimensions or list(DIMENSIONS)
    report = EvalReport({d: DimensionScore() for d in dims})
    for case in cases:
        record = json.loads((records_dir / f"{case['nct_id']}.json").read_text())
        rules = parse_record(record)
        report.trials += 1
        for profile_id, expected_by_dim in case["labels"].items():
            profile = profiles[profile_id]
            possible = all(_as_list(expected_by_dim[d]) != ["excluded"] for d in DIMENSIONS)
            hidden = False
            for dim in dims:
                expected = _as_list(expected_by_dim[dim])
                got = CHECKS[dim](rules.get(dim), profile)
                hidden |= got.verdict == "excluded"
                score = report.per_dimension[dim]
                score.total += 1
                if got.verdict in expected:
                    score.agree += 1
                else:
                    report.disagreements.append(
                        Disagreement(case["nct_id"], profile_id, dim, expected, got,
                                     case["constraints"].get(dim, ""))
                    )
                if got.verdict == "excluded" and "excluded" not in expected:
                    score.false_exclusions += 1
                if expected == ["excluded"]:
                    score.labelled_excluded += 1
                    score.caught_excluded += got.verdict == "excluded"
            report.possible_pairs += possible
            report.hidden_pairs += possible and hidden
    return report


def evaluate_sets(shared: Path = DEFAULT_SHARED, dimensions: list[str] | None = None,
                  part: Part = "all") -> dict[str, EvalReport]:
    """One report per labelled set found under `shared` (a set whose files are absent is left out)."""
    profiles = load_profiles(shared)
    reports: dict[str, EvalReport] = {}
    for label_set in LABEL_SETS:
        labels_path = shared / "eval" / label_set.labels_file
        records_dir = shared / "ctgov" / label_set.records_dir
        if not labels_path.is_file() or not records_dir.is_dir():
            continue
        cases = select_cases(json.loads(labels_path.read_text()), label_set, part)
        if cases:
            reports[label_set.name] = score_cases(cases, records_dir, profiles, dimensions)
    return reports


def together(reports: dict[str, EvalReport]) -> EvalReport:
    total = EvalReport()
    for report in reports.values():
        total.add(report)
    return total


def evaluate(shared: Path = DEFAULT_SHARED, dimensions: list[str] | None = None, part: Part = "all") -> EvalReport:
    """Every labelled set scored as one."""
    return together(evaluate_sets(shared, dimensions, part))


def format_report(report: EvalReport, show_disagreements: bool = False, title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'dimension':<20}{'agreement':>10}{'false excl':>12}{'excl recall':>13}")
    for dim, s in report.per_dimension.items():
        lines.append(
            f"{dim:<20}{s.agreement:>10.1%}{s.false_exclusions:>12}"
            f"{s.exclusion_recall:>13.1%}  ({s.agree}/{s.total})"
        )
    lines.append(
        f"{'all':<20}{report.agreement:>10.1%}{report.false_exclusions:>12}{report.exclusion_recall:>13.1%}"
    )
    lines.append(
        f"hidden: {report.hidden_pairs} of {report.possible_pairs} possible trial/profile pairs "
        f"({report.hidden_rate:.1%}) filed as excluded"
    )
    if show_disagreements:
        kinds = Counter((d.dimension, tuple(d.expected), d.got.verdict) for d in report.disagreements)
        lines.append("")
        lines.append("disagreements by (dimension, expected, got): " + ", ".join(
            f"{k[0]} {'/'.join(k[1])}->{k[2]}: {n}" for k, n in kinds.most_common()))
        for d in report.disagreements:
            lines.append(
                f"- {d.nct_id} {d.profile_id} {d.dimension}: expected {'/'.join(d.expected)}, "
                f"got {d.got.verdict}\n    label: {d.constraint}\n    evidence: {d.got.evidence[:200]}"
                f"\n    reason: {d.got.reason[:200]}"
            )
    return "\n".join(lines)


def format_sets(reports: dict[str, EvalReport], show_disagreements: bool = False, part: Part = "all") -> str:
    """Each set, then all of them together."""
    suffix = "" if part == "all" else f", {part} part"
    blocks = [
        format_report(report, show_disagreements, f"== {name}: {report.trials} trials{suffix} ==")
        for name, report in reports.items()
    ]
    if len(reports) > 1:
        total = together(reports)
        blocks.append(format_report(total, False, f"== together: {total.trials} trials{suffix} =="))
    return "\n\n".join(blocks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--dimension", action="append", choices=list(DIMENSIONS))
    parser.add_argument("--part", choices=PARTS, default="all")
    parser.add_argument("--show-disagreements", action="store_true")
    args = parser.parse_args(argv)
    reports = evaluate_sets(args.shared, args.dimension, args.part)
    print(format_sets(reports, args.show_disagreements, args.part))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
