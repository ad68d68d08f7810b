"""Score the matcher on labelled cases (../shared/eval/): false exclusions, recall, agreement.

Run: python -m trialmatch.evaluate [--dimension biomarker] [--show-disagreements]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trialmatch.parse import DIMENSIONS, parse_record
from trialmatch.profile import Profile, profile_from_dict
from trialmatch.rules.base import Finding

DEFAULT_SHARED = Path(os.environ.get("TRIALMATCH_SHARED", Path(__file__).resolve().parents[2] / "shared"))


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


@dataclass
class EvalReport:
    per_dimension: dict[str, DimensionScore] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def false_exclusions(self) -> int:
        return sum(s.false_exclusions for s in self.per_dimension.values())

    @property
    def exclusion_recall(self) -> float:
        labelled = sum(s.labelled_excluded for s in self.per_dimension.values())
        caught = sum(s.caught_excluded for s in self.per_dimension.values())
        return caught / labelled if labelled else 1.0


def _as_list(label: str | list[str]) -> list[str]:
    return [label] if isinstance(label, str) else list(label)


def evaluate(shared: Path = DEFAULT_SHARED, dimensions: list[str] | None = None) -> EvalReport:
    """Parse each labelled trial from its record and check every labelled profile against it."""
    eval_dir, studies = shared / "eval", shared / "ctgov" / "studies"
    labels: list[dict[str, Any]] = json.loads((eval_dir / "labels.json").read_text())
    profiles: dict[str, Profile] = {
        p["id"]: profile_from_dict(p) for p in json.loads((eval_dir / "profiles.json").read_text())
    }
    dims = dimensions or list(DIMENSIONS)
    report = EvalReport({d: DimensionScore() for d in dims})
    for case in labels:
        record = json.loads((studies / f"{case['nct_id']}.json").read_text())
        rules = parse_record(record)
        for profile_id, expected_by_dim in case["labels"].items():
            profile = profiles[profile_id]
            for dim in dims:
                expected = _as_list(expected_by_dim[dim])
                got = DIMENSIONS[dim].check(rules[dim], profile)
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
    return report


def format_report(report: EvalReport, show_disagreements: bool = False) -> str:
    lines = [f"{'dimension':<20}{'agreement':>10}{'false excl':>12}{'excl recall':>13}"]
    for dim, s in report.per_dimension.items():
        lines.append(
            f"{dim:<20}{s.agreement:>10.1%}{s.false_exclusions:>12}"
            f"{s.exclusion_recall:>13.1%}  ({s.agree}/{s.total})"
        )
    lines.append(
        f"{'all':<20}{'':>10}{report.false_exclusions:>12}{report.exclusion_recall:>13.1%}"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--dimension", action="append", choices=list(DIMENSIONS))
    parser.add_argument("--show-disagreements", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(args.shared, args.dimension)
    print(format_report(report, args.show_disagreements))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
