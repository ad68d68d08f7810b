"""The biomarker reader's copy of a cached read is deepcopy's, for less time (a pure speed change)."""

from __future__ import annotations

import copy

from trialmatch.criteria.rules.biomarker.phrases import Statement
from trialmatch.criteria.rules.biomarker.reading import _copied


def _shape(statements: list[Statement]) -> list[object]:
    ids: dict[int, int] = {}

    def key(obj: object) -> int:
        return ids.setdefault(id(obj), len(ids))

    return [(key(s), s.polarity, s.open, s.known_only, s.doubtful, key(s.atoms), [(key(a), a) for a in s.atoms])
            for s in statements]


def test_copy_equals_deepcopy_and_keeps_sharing() -> None:
    shared = {"t": "alt", "gene": "EGFR", "alt": "L858R"}
    first = Statement("+", [shared, {"t": "gene", "gene": "ALK", "score": 1.5, "vague": None}], open=True)
    second = Statement("-", [shared], doubtful=True)
    statements = [first, second, first]
    copied = _copied(statements)
    assert _shape(copied) == _shape(copy.deepcopy(statements))
    assert copied[0].atoms[0] is copied[1].atoms[0]  # an atom in two statements stays one atom
    assert copied[0] is copied[2]
    copied[0].atoms[0]["alt"] = "T790M"
    assert shared["alt"] == "L858R"  # the cached read is untouched


def test_other_shapes_go_to_deepcopy() -> None:
    nested = Statement("+", [{"t": "alt", "genes": ["EGFR", "ALK"]}])
    copied = _copied([nested])
    assert copied[0].atoms[0] == nested.atoms[0] and copied[0].atoms[0]["genes"] is not nested.atoms[0]["genes"]
