"""A bracket that opens on "or" right after a drug of a required regimen ("carboplatin, etoposide and atezolizumab
(or durvalumab)") offers another drug in that drug's place: a patient who had the alternative fits, one who had
neither is still missing that part of the regimen. Before, every drug inside brackets was read as an aside, so a
patient with durvalumab instead of atezolizumab was excluded.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(*drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": 1 if drugs else 0}


# (requirement, a patient who had the alternative, a patient who had neither the drug nor its alternative)
CASES = [
    ("Patients must have received 4 cycles of first-line carboplatin, etoposide and atezolizumab (or durvalumab)",
     _had("carboplatin", "etoposide", "durvalumab"), _had("carboplatin", "etoposide", "pembrolizumab")),
    ("Prior treatment with cisplatin (or carboplatin) and pemetrexed is required",
     _had("carboplatin", "pemetrexed"), _had("paclitaxel", "pemetrexed")),
    ("Must have progressed after paclitaxel (or docetaxel) and ramucirumab",
     _had("docetaxel", "ramucirumab"), _had("gemcitabine", "ramucirumab")),
    ("Received first-line platinum (cisplatin or carboplatin) and etoposide chemotherapy with atezolizumab "
     "(or durvalumab)", _had("cisplatin", "etoposide", "durvalumab"), _had("cisplatin", "etoposide", "nivolumab")),
    ("Documented progression on prior nivolumab (or pembrolizumab) given as monotherapy",
     _had("pembrolizumab"), _had("durvalumab")),
    ("Previously treated with osimertinib (or gefitinib) and carboplatin/pemetrexed",
     _had("gefitinib", "carboplatin", "pemetrexed"), _had("erlotinib", "carboplatin", "pemetrexed")),
    ("Must have received prior dabrafenib (or encorafenib) and trametinib",
     _had("encorafenib", "trametinib"), _had("vemurafenib", "trametinib")),
]


@pytest.mark.parametrize(("sentence", "alternative", "neither"), CASES)
def test_bracketed_or_is_an_alternative(sentence: str, alternative: dict, neither: dict) -> None:
    assert prior_verdict(alternative, [sentence]) == "eligible"
    assert prior_verdict(neither, [sentence]) != "eligible"
    assert prior_verdict(_had(), [sentence]) == "excluded"


def test_the_drug_named_first_still_fits() -> None:
    sentence = ("Patients must have received 4 cycles of first-line carboplatin, etoposide and atezolizumab "
                "(or durvalumab)")
    assert prior_verdict(_had("carboplatin", "etoposide", "atezolizumab"), [sentence]) == "eligible"


def test_a_missing_component_still_excludes() -> None:
    # the alternative widens one component only: no etoposide is still no etoposide
    sentence = "Must have received first-line platinum and etoposide chemotherapy with atezolizumab (or durvalumab)"
    assert prior_verdict(_had("carboplatin", "pemetrexed", "durvalumab"), [sentence]) == "excluded"


def test_near_miss_example_bracket_unchanged() -> None:
    # "(e.g. ...)" names examples of a class, as before
    sentence = "Prior anti-PD-1 or anti-PD-L1 antibody (e.g., nivolumab, durvalumab)"
    assert prior_verdict(_had("pembrolizumab"), [sentence]) == "eligible"
    assert prior_verdict(_had(), [sentence]) == "excluded"


def test_near_miss_ban_with_or_bracket_unchanged() -> None:
    assert prior_verdict(_had("durvalumab"), exclusion=["Prior treatment with atezolizumab (or any other anti-PD-L1 "
                                                         "antibody)"]) == "excluded"
    ban = ["Prior treatment with atezolizumab (or any other anti-PD-L1 antibody)"]
    assert prior_verdict(_had("carboplatin", "pemetrexed"), exclusion=ban) == "eligible"


def test_near_miss_whole_regimen_alternative_not_split() -> None:
    # "(or X and Y)" offers a whole regimen; it is not read as one drug's alternative (no drug pair is mixed up)
    sentence = "Must have received prior dabrafenib and trametinib (or encorafenib and binimetinib)"
    assert prior_verdict(_had("dabrafenib", "trametinib"), [sentence]) == "eligible"
    assert prior_verdict(_had("trametinib", "encorafenib"), [sentence]) != "eligible"
