"""A drug said to be the only one of its class ("has received osimertinib as the only prior EGFR TKI", "whose only
prior KRAS G12C inhibitor was sotorasib"): the class after "as the only" names the drug's own class, to say no other
of it was had. It was read as a second way in ("osimertinib or any EGFR TKI"), so a patient who had only gefitinib
fit. Now the drug is asked. Near-misses keep a class offered as a true alternative ("osimertinib or another
third-generation EGFR TKI") and a class asked beside the drug ("sotorasib and a PD-1 inhibitor").
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.prior_therapy.names import Context
from trialmatch.criteria.rules.prior_therapy.sentence import read_sentence, reading_rules


def groups(sentence: str) -> list[list[list[str]]]:
    read = read_sentence(sentence, "inclusion")
    assert read is not None
    return [rule["groups"] for rule in reading_rules(read, Context(section="inclusion")) if rule["kind"] == "require"]


ONLY = [
    ("Patient has received osimertinib as the only prior EGFR TKI and has a documented C797S mutation",
     "d:osimertinib"),
    ("Must have been treated with sotorasib as their sole KRAS G12C inhibitor", "d:sotorasib"),
    ("Progressed on alectinib, with alectinib being the only previous ALK inhibitor", "d:alectinib"),
    ("Participants whose only prior EGFR tyrosine kinase inhibitor was osimertinib", "d:osimertinib"),
    ("Prior selpercatinib as the single prior selective RET inhibitor is required", "d:selpercatinib"),
    ("Subjects whose sole prior ALK TKI was lorlatinib", "d:lorlatinib"),
    ("Received adagrasib as the only KRAS G12C inhibitor, with progression", "d:adagrasib"),
]


@pytest.mark.parametrize(("sentence", "drug"), ONLY)
def test_the_only_drug_of_its_class_is_asked_not_the_class(sentence: str, drug: str) -> None:
    assert groups(sentence) == [[[drug]]]


def test_near_miss_a_class_offered_beside_the_drug_stays_a_way_in() -> None:
    found = groups("Must have received osimertinib or another third-generation EGFR TKI")
    assert len(found) == 1 and len(found[0]) == 1 and len(found[0][0]) == 2


def test_near_miss_a_class_asked_as_well_stays_asked() -> None:
    found = groups("Must have received sotorasib and a PD-1 inhibitor")
    assert len(found) == 1 and len(found[0]) == 2


def test_near_miss_only_with_no_drug_named_after() -> None:
    # "the only prior therapy allowed is an EGFR TKI": no drug to stand for the class.
    found = groups("Must have received an EGFR TKI, which must be the only prior therapy")
    assert found and any("c:egfr_tki" in group for rule in found for group in rule)
