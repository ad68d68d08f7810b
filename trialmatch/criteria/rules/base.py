"""What every dimension check returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Verdict = Literal["eligible", "excluded", "unknown"]
ELIGIBLE: Verdict = "eligible"
EXCLUDED: Verdict = "excluded"
UNKNOWN: Verdict = "unknown"


@dataclass(frozen=True)
class Finding:
    """A verdict on one dimension, the criteria sentence that decided it, and why in plain words."""

    verdict: Verdict
    evidence: str = ""  # quoted from the trial; "" when the trial states nothing on this
    reason: str = ""  # plain-language explanation for a patient
    # The trial asks for something the profile has (e.g. "EGFR exon 20 insertion"): ranks first.
    specific: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def no_requirement(what: str) -> Finding:
    """The trial sets no rule on this dimension: nothing to exclude on."""
    return Finding(ELIGIBLE, "", f"The trial text sets no requirement on {what}.")
