"""A cap on "additional" (further, subsequent) lines counts lines beyond the treatment it follows, not all lines:
"a platinum doublet and an immune checkpoint inhibitor, ..., and no more than one additional line" lets in two or
three lines. Before, the cap was read on all lines, so the patient with chemo-immunotherapy then docetaxel was
excluded. Beyond one treatment named the line it took is added (firm); beyond two named together (concurrent or
sequential) or beyond none named, one line more is a question and two more are over the cap. A plain cap ("no more
than one prior line") keeps its meaning.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]


def _lines(n: int, *drugs: str) -> dict[str, object]:
    extra = ["docetaxel", "gemcitabine", "vinorelbine", "ramucirumab"][:max(0, n - 1)]
    return {"prior_therapies": [*drugs, *extra], "prior_lines": n}


# (inclusion sentence, the drugs named, cap on additional lines, named: one treatment (firm) or two/none (soft))
CAPS = [
    ("Received prior systemic therapy consisting of a platinum doublet and an immune checkpoint inhibitor, given "
     "concurrently or sequentially, and no more than one additional line", CHEMO_IO, 1, False),
    ("Must have received platinum-based chemotherapy and up to one additional line of therapy", CHEMO_IO, 1, True),
    ("Prior osimertinib and no more than 2 additional lines of systemic therapy", ["osimertinib"], 2, True),
    ("Progressed on osimertinib, with a maximum of one additional line of treatment", ["osimertinib"], 1, True),
    ("Previously treated with a platinum doublet plus an anti-PD-(L)1 antibody and at most 1 further line of "
     "therapy", CHEMO_IO, 1, False),
    ("No more than one additional line of therapy is permitted", CHEMO_IO, 1, False),
]


@pytest.mark.parametrize(("sentence", "drugs", "cap", "one"), CAPS)
def test_a_cap_on_additional_lines(sentence: str, drugs: list[str], cap: int, one: bool) -> None:
    assert prior_verdict(_lines(cap + 1, *drugs), [sentence]) == "eligible"
    if one:
        assert prior_verdict(_lines(cap + 2, *drugs), [sentence]) == "excluded"
    else:
        assert prior_verdict(_lines(cap + 2, *drugs), [sentence]) == "unknown"
        assert prior_verdict(_lines(cap + 3, *drugs), [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "More than one additional line of therapy after platinum-based chemotherapy",
    "Received more than 1 further prior regimen after first-line chemo-immunotherapy",
])
def test_an_exclusion_of_additional_lines(sentence: str) -> None:
    assert prior_verdict(_lines(2, *CHEMO_IO), exclusion=[sentence]) == "eligible"
    assert prior_verdict(_lines(4, *CHEMO_IO), exclusion=[sentence]) == "excluded"


# Near-misses: a cap on all lines, and a floor of additional lines, keep their verdicts.
@pytest.mark.parametrize("sentence", [
    "No more than one prior line of systemic therapy for metastatic disease",
    "Received no more than one prior systemic therapy regimen for advanced disease",
    "Maximum of 1 prior systemic treatment for recurrent/metastatic disease",
    "Must have received platinum-based chemotherapy, and no more than one prior line in total",
    "Up to one prior line of therapy",
])
def test_a_cap_on_all_lines_stays(sentence: str) -> None:
    assert prior_verdict(_lines(1, *CHEMO_IO), [sentence]) == "eligible"
    assert prior_verdict(_lines(2, *CHEMO_IO), [sentence]) == "excluded"


def test_a_floor_of_additional_lines_stays() -> None:
    sentence = "Progressed on a platinum doublet and at least one additional line of therapy"
    assert prior_verdict(_lines(2, *CHEMO_IO), [sentence]) == "eligible"
    assert prior_verdict(_lines(0), [sentence]) == "excluded"
