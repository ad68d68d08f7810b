"""Helpers shared by the brain-metastasis kind tests: an invented trial judged for each brain state."""

from __future__ import annotations

from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.matching.profile import Profile

EL, UN, EX = "eligible", "unknown", "excluded"
# none, treated and stable, active, not given
STATES = ("none", "treated_stable", "active", None)
NO_RULE = (EL, EL, EL, EL)
TITLE = "An invented trial in metastatic NSCLC"


def brain_verdicts(inclusion: str = "", exclusion: str = "", title: str = TITLE) -> tuple[str, ...]:
    """The brain verdict for each of STATES on a trial of these criteria."""
    rules = brain_metastases.parse(invented_trial(inclusion, exclusion, title))
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)
