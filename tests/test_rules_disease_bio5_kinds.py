"""Disease kind of helper round bio5 (invented sentences only).

"No metastases in the brainstem, midbrain, pons or medulla, or within 5 mm of the optic chiasm": metastases of one
site named after the word ("in the liver", "within 3 mm of the optic nerve") limit where metastases may be, as "no
brain metastases" does with the site before the word; neither is a limit on metastatic disease as a stage. The site
after the word was not known in a negation, so the sentence shut out stage IV (an exclusion, or a question where the
trial also named metastatic disease).
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile


def stage_iv(sentence: str) -> str:
    text = invented_trial(f"* Non-small cell lung cancer\n* {sentence}\n", "* Pregnancy\n", title="A study")
    return str(disease.check(disease.parse(text), Profile(histology="adenocarcinoma", stage="IV")).verdict)


SITE_AFTER = [
    "No metastases in the brainstem, midbrain, pons, or medulla, or within 5 mm of the optic chiasm or optic nerve",
    "Without metastases within 3 mm of the optic nerve",
    "No metastases in the posterior fossa",
    "No metastases to the cerebellum or brainstem",
    "No metastasis involving the optic apparatus",
    "No metastases in the liver",
    "Absence of metastases in the adrenal glands",
]


@pytest.mark.parametrize("sentence", SITE_AFTER)
def test_metastases_of_one_site_are_no_stage_limit(sentence: str) -> None:
    assert stage_iv(sentence) == "eligible"


NEAR_MISSES = [
    # metastatic disease itself shut out: still a stage limit
    ("No distant metastases", "excluded"),
    ("No metastases to distant organs", "excluded"),
    ("Without metastatic disease", "excluded"),
    # the site before the word, as before
    ("No brain metastases", "eligible"),
]


@pytest.mark.parametrize(("sentence", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_reading(sentence: str, expected: str) -> None:
    assert stage_iv(sentence) == expected
