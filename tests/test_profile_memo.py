"""Checks keep one answer per rule content for a profile (rules.profile_memo): a trial must still
quote its own sentence, and no answer may cross from one patient to another."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from trialmatch.criteria.rules import biomarker, prior_therapy
from trialmatch.matching.index import load_index
from trialmatch.matching.profile import profile_from_dict


def _reworded(rules: dict[str, Any]) -> dict[str, Any]:
    """The same rules with every quoted sentence changed, as another trial would word them."""
    other = copy.deepcopy(rules)
    for rule in other.get("rules") or other.get("clauses") or []:
        rule["evidence"] = "Reworded: " + rule["evidence"]
    return other


@pytest.mark.parametrize("module", [prior_therapy, biomarker], ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_rules_that_differ_only_in_wording_share_the_answer_and_quote_their_own(
    synced_engine: Engine, shared_dir: Path, module: Any
) -> None:
    name = module.__name__.rsplit(".", 1)[-1]
    rule_sets = [c.rules[name] for c in load_index(synced_engine) if c.rules.get(name, {}).get(
        "rules" if name == "prior_therapy" else "clauses")]
    assert len(rule_sets) > 10
    for data in json.loads((shared_dir / "eval" / "profiles.json").read_text()):
        profile = profile_from_dict(data)
        for rules in rule_sets:
            original, reworded = module.check(rules, profile), module.check(_reworded(rules), profile)
            assert (original.verdict, original.reason) == (reworded.verdict, reworded.reason)
            assert reworded.evidence == ("Reworded: " + original.evidence if original.evidence else "")


def test_an_answer_never_crosses_to_another_patient(synced_engine: Engine, shared_dir: Path) -> None:
    """Profiles checked in turn get what each gets on its own, in a fresh process state."""
    from trialmatch.criteria.rules import profile_memo
    from trialmatch.criteria.rules.prior_therapy import verdicts as therapy_check

    rule_sets = [c.rules["prior_therapy"] for c in load_index(synced_engine) if c.rules.get("prior_therapy")]
    profiles = [profile_from_dict(d) for d in json.loads((shared_dir / "eval" / "profiles.json").read_text())]
    together = [[prior_therapy.check(r, p) for r in rule_sets] for p in profiles]
    for profile, found in zip(profiles, together, strict=True):
        profile_memo.clear()
        therapy_check._CONTENT_KEYS.clear()
        assert [prior_therapy.check(r, profile) for r in rule_sets] == found
