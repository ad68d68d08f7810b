"""Treatment the study gives itself: a requirement that the trial's own run-in may meet.

A maintenance trial may ask for "completion of 4 cycles of platinum-based chemotherapy without progression"
and also exclude "prior chemotherapy for advanced disease", or say "pemetrexed allowed during the chemotherapy
run-in": the chemotherapy is given in the study, so a patient who has not had it yet may still enter. The
requirement is then a question (unknown), not an exclusion. With a treatment run-in named, the ban on earlier
treatment is what it says (a patient treated before the study is excluded); without one, the usual
reconciliation of a requirement and a ban stands (reading._reconcile).

A requirement to have progressed on, failed or been refractory to a treatment is never met by a run-in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.terms import find_mentions, normalize
from trialmatch.criteria.text import TrialText

# "the chemotherapy run-in", "a run-in period with carboplatin": a run-in named beside a treatment. A "safety
# run-in" is a phase of the experimental drug, not a treatment the requirement could mean.
_RUN_IN = guarded(r"(?<!safety )(?<!safety-)\brun[\s-]?in\b")
# Progression, failure or resistance on the treatment: no run-in gives that. ("Without progression" is a
# maintenance trial's condition on the run-in, not progression.)
_NOT_PROGRESSED = re.compile(r"\b(?:without|no|not|absence of|free of)\s+(?:\w+\s+){0,2}?(?:progress\w*|relaps\w*"
                             r"|recurr\w*)")
_PROGRESSED = re.compile(r"\b(?:progress\w*|fail\w*|refractory|resist\w*|relaps\w*|recurr\w*|intoleran\w*)")


# "Initiated first-line (1L) nivolumab, ipilimumab and chemotherapy between 2018 and 2022": the first line, started
# and so had; a ban on earlier treatment for metastatic disease beside it means before that line.
_LINE_STARTED = re.compile(r"\b(?:initiated|started|commenced|began|begun)\s+(?:(?:the|their|a|an)\s+)?"
                           r"(?:(?:first|1st|front)[\s-]*line|1l)\b")

Covered = Callable[[str, set[str]], bool]


def run_in_items(text: TrialText) -> frozenset[str]:
    """The treatments named in criteria that speak of a run-in ("pemetrexed allowed during the chemotherapy
    run-in"); empty when none does."""
    items: set[str] = set()
    for raw in {crit.text for crit in text.criteria}:  # each distinct bullet once: long texts repeat bullets
        low = normalize(raw)
        if "run" in low and _RUN_IN.search(low):
            items.update(i for m in find_mentions(low) for i in m.items)
    return frozenset(items)


def _progression_asked(evidence: str) -> bool:
    low = _NOT_PROGRESSED.sub(" ", normalize(evidence))
    return _PROGRESSED.search(low) is not None


def _needs(rules: list[dict[str, Any]]) -> Iterable[tuple[int, dict[str, Any]]]:
    """Firm inclusion requirements of a treatment that a run-in could give."""
    for index, rule in enumerate(rules):
        if rule["section"] == "inclusion" and rule["kind"] == "require" and not rule["soft"] \
                and not rule.get("genes") and rule.get("setting") in ("any", "advanced") \
                and not _progression_asked(rule["evidence"]):
            yield index, rule


def given_in_study(rules: list[dict[str, Any]], run_in: frozenset[str], covered: Covered) -> list[dict[str, Any]]:
    """Requirements the study's own treatment may meet made questions (see the module's docstring).

    `run_in`: the treatments named beside a run-in (run_in_items); `covered(item, banned)`: whether a ban on
    `banned` items also bans `item` (reading._covered)."""
    bans = [r for r in rules if r["section"] == "exclusion" and r["kind"] in ("forbid", "naive") and not r["soft"]]
    if not run_in and not any(b.get("setting") == "advanced" for b in bans):
        return rules  # most trials: neither a run-in nor a ban on earlier treatment for advanced disease
    # Rules repeat ("Cohort 1: prior X; Cohort 2: prior X"): each distinct need and ban is compared once.
    distinct_bans = list({_ban_key(b): b for b in bans}.values())
    decided: dict[tuple[Any, ...], tuple[bool, frozenset[tuple[Any, ...]]]] = {}
    out = list(rules)
    kept_bans: set[tuple[Any, ...]] = set()
    before: set[tuple[Any, ...]] = set()
    for index, need in _needs(rules):
        key = (repr(need["groups"]), tuple(need["cohorts"]))
        if key not in decided:
            given = _run_in_gives(need, run_in, covered)
            # Without the run-in only the bans for advanced disease count: the others are not compared.
            clashing = [b for b in distinct_bans if (given or b.get("setting") == "advanced") and _overlaps(b, need)
                        and _bans_every_group(b, need, covered)]
            if not given and clashing and _LINE_STARTED.search(normalize(need["evidence"])):
                before.update(_ban_key(b) for b in clashing)  # the ban is on what came before the line asked for
                decided[key] = (False, frozenset())
                continue
            soft = given or any(b.get("setting") == "advanced" for b in clashing)
            decided[key] = (soft, frozenset(_ban_key(b) for b in clashing) if given else frozenset())
        soft, kept = decided[key]
        if soft:
            out[index] = {**need, "soft": True, "in_study": True}
            kept_bans |= kept
    if before:
        # What came before the line asked for is not in the profile's list (its order is no promise): a question.
        out = [{**r, "soft": True} if r in bans and _ban_key(r) in before else r for r in out]
    if not kept_bans:
        return out
    # With a run-in named, a ban on what the run-in gives stands as written: treatment before the study.
    ban_ids = {id(b) for b in bans}
    return [{**r, "in_study": True} if id(r) in ban_ids and _ban_key(r) in kept_bans else r for r in out]


def _ban_key(ban: dict[str, Any]) -> tuple[Any, ...]:
    return (ban["kind"], repr(ban.get("items")), repr(ban.get("allow")), ban.get("setting"), tuple(ban["cohorts"]))


def _run_in_gives(need: dict[str, Any], run_in: frozenset[str], covered: Covered) -> bool:
    """Whether the run-in's treatments may meet every group of `need` (platinum within a chemotherapy run-in)."""
    if not run_in:
        return False
    named = set(run_in)
    return all(any(covered(item, named) or any(covered(r, {item}) for r in named) for item in group)
               for group in need["groups"])


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return not a["cohorts"] or not b["cohorts"] or bool(set(a["cohorts"]) & set(b["cohorts"]))


def _bans_every_group(ban: dict[str, Any], need: dict[str, Any], covered: Covered) -> bool:
    """Whether `ban` excludes every way of meeting `need` (each group has an item banned and not allowed)."""
    banned = set(ban.get("items") or ()) if ban["kind"] == "forbid" else {"c:systemic"}
    allowed = set(ban.get("allow") or ())
    return all(any(covered(item, banned) and not covered(item, allowed) for item in group)
               for group in need["groups"])
