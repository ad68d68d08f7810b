"""Helpers shared by the brain-metastasis and performance-status kind tests: an invented trial judged for each brain
state, or each ECOG score."""

from __future__ import annotations

from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases, performance_status
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


def bullets(text: str) -> str:
    """Bullets from one line: " // " starts another bullet, " >> " a sub-bullet."""
    return text and "* " + text.replace(" // ", "\n* ").replace(" >> ", "\n  * ") + "\n"


def brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for none, treated_stable, active, unknown, on a trial of these one-line bullet lists."""
    return brain_verdicts(bullets(inclusion), bullets(exclusion), title="A trial")


def ecog(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for ECOG 0-4, on a trial of these one-line bullet lists."""
    rules = performance_status.parse(invented_trial(bullets(inclusion), bullets(exclusion)))
    return tuple(performance_status.check(rules, Profile(ecog=e)).verdict for e in range(5))
