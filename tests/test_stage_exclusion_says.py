"""stage._exclusion_says: what an exclusion's own words say of the stage, read once per distinct text, and the stage
rule built from it (the purpose asked after: a washout's or another cancer's words never limit the stage)."""

import pytest

from trialmatch.criteria.rules.disease import stage
from trialmatch.criteria.text import TrialText, split_criteria


@pytest.mark.parametrize(("body", "says"), [
    ("Metastatic disease.", (False, "excludes")),
    ("Stage IV NSCLC", (False, "limited")),  # (no plain tail: decided with the inclusions)
    ("Metastatic disease with more than 3 metastatic sites.", (False, "counted")),
    ("Metastatic disease not amenable to SBRT.", (False, "limited")),
    ("Extrathoracic metastases.", (True, None)),
    ("Metastatic small cell lung cancer.", (False, None)),
    ("Metastatic NSCLC diagnosed more than 6 months before enrolment.", (False, None)),
    ("Prior chemotherapy for locally advanced disease.", (False, None)),
])
def test_exclusion_says(body: str, says: tuple[bool, str | None]) -> None:
    assert stage._exclusion_says(body) == says


def test_repeated_exclusions_read_as_one() -> None:
    once = """Inclusion Criteria:

* Stage III NSCLC

Exclusion Criteria:

* Metastatic disease.
* Extrathoracic metastases.
"""
    twice = once + "* Metastatic disease.\n* Extrathoracic metastases.\n"

    def rule(markdown: str) -> dict:
        return stage.stage_rule(TrialText(nct_id="NCT00000001", title="Study",
                                          criteria=tuple(split_criteria(markdown))))

    assert rule(once)["why"] == rule(twice)["why"]
    assert rule(twice)["IV"] == "excluded"
