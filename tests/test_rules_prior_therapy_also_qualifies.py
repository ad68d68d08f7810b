"""A clause that ADDS a way in beside a requirement ("progression within 6 months of adjuvant cisplatin also
qualifies", "... will also be considered", "adjuvant carboplatin also counts") never becomes a requirement of its
own. Before, "also qualifies" was not read as a permission, so the drug it names (cisplatin) was asked of every
patient: a carboplatin-treated patient was excluded (false exclusion).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_CARBO = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
_NAIVE = {"prior_therapies": [], "prior_lines": 0}

SENTENCES = [
    "Progression after platinum-based chemotherapy for metastatic disease; progression within 6 months of adjuvant "
    "cisplatin also qualifies",
    "Disease progression on a platinum doublet for advanced NSCLC. Recurrence within 12 months of completing "
    "neoadjuvant cisplatin and vinorelbine also qualifies.",
    "Relapse after one prior platinum-containing regimen; relapse within six months of adjuvant cisplatin will also "
    "be considered",
    "Progressed following platinum chemotherapy in the metastatic setting; relapse during consolidation cisplatin-"
    "etoposide is also accepted",
    "Must have progressed on a platinum-based regimen; progression within 3 months of adjuvant cisplatin also counts",
    "Documented progression after platinum-based therapy for stage IV disease; early relapse (< 6 months) after "
    "perioperative cisplatin-gemcitabine would also be considered",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_an_added_way_in_is_no_requirement(sentence: str) -> None:
    assert prior_verdict(_CARBO, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_near_miss_the_main_requirement_still_holds(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Must have received prior cisplatin",
    "Prior cisplatin is required; carboplatin is not accepted",
])
def test_near_miss_a_plain_requirement_is_kept(sentence: str) -> None:
    assert prior_verdict(_CARBO, [sentence]) == "excluded"
