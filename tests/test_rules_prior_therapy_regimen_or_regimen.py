"""A bracket opening on "or" that holds a whole regimen, right after the required regimen it replaces ("Prior dabrafenib
plus trametinib (or encorafenib and binimetinib)"), offers that regimen in full: a patient who had either regimen meets
the requirement; one who had only half of one, or neither, does not. Before, the bracket was left as an aside, and a
patient who had the bracketed regimen was excluded.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(*drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": 1 if drugs else 0}


# (requirement, the named regimen, the bracketed regimen, half of one)
CASES = [
    ("Prior treatment with dabrafenib plus trametinib (or encorafenib and binimetinib) is required.",
     ("dabrafenib", "trametinib"), ("encorafenib", "binimetinib"), ("encorafenib",)),
    ("Must have progressed on carboplatin and paclitaxel (or cisplatin and gemcitabine)",
     ("carboplatin", "paclitaxel"), ("cisplatin", "gemcitabine"), ("cisplatin",)),
    ("Patients must have received nivolumab and ipilimumab (or pembrolizumab plus pemetrexed) for advanced disease",
     ("nivolumab", "ipilimumab"), ("pembrolizumab", "pemetrexed"), ("ipilimumab",)),
    ("Documented progression after docetaxel + ramucirumab (or pemetrexed + bevacizumab)",
     ("docetaxel", "ramucirumab"), ("pemetrexed", "bevacizumab"), ("ramucirumab",)),
    ("Previously treated with cisplatin and etoposide (or carboplatin plus irinotecan)",
     ("cisplatin", "etoposide"), ("carboplatin", "irinotecan"), ("carboplatin", "etoposide")),
    ("Has received prior amivantamab and lazertinib (or osimertinib plus carboplatin and pemetrexed)",
     ("amivantamab", "lazertinib"), ("osimertinib", "carboplatin", "pemetrexed"), ("lazertinib",)),
]


@pytest.mark.parametrize(("sentence", "named", "bracketed", "half"), CASES)
def test_either_regimen_in_full(sentence: str, named: tuple, bracketed: tuple, half: tuple) -> None:
    assert prior_verdict(_had(*named), [sentence]) == "eligible"
    assert prior_verdict(_had(*bracketed), [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "named", "bracketed", "half"), CASES)
def test_half_a_regimen_or_none_is_short(sentence: str, named: tuple, bracketed: tuple, half: tuple) -> None:
    assert prior_verdict(_had(*half), [sentence]) == "excluded"
    assert prior_verdict(_had(), [sentence]) == "excluded"


def test_near_miss_one_drug_bracket_keeps_its_reading() -> None:
    # "(or durvalumab)" after one drug offers that drug in its place only (test_rules_prior_therapy_or_bracket_...)
    sentence = "Must have received carboplatin, etoposide and atezolizumab (or durvalumab)"
    assert prior_verdict(_had("carboplatin", "etoposide", "durvalumab"), [sentence]) == "eligible"
    assert prior_verdict(_had("durvalumab"), [sentence]) == "excluded"


def test_near_miss_example_bracket_is_no_alternative() -> None:
    sentence = "Must have received a platinum doublet (e.g., carboplatin and pemetrexed)"
    assert prior_verdict(_had("cisplatin", "gemcitabine"), [sentence]) == "eligible"
