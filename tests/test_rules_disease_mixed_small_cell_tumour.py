"""Disease, Q kind 4: "Has predominantly squamous cell histology NSCLC with mixed small cell lung cancer component" as
an exclusion shuts out the tumour mixed with small cell lung cancer, not the histology word that qualifies it. Read as
a squamous ban, a squamous profile was excluded from a trial open to "squamous or nonsquamous NSCLC"."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EL, EL, EX, UN, trial, verdicts

MIXED_WITH_SMALL_CELL = [
    "Squamous NSCLC with a combined small cell carcinoma component",
    "Predominantly squamous histology containing small-cell elements",
    "Tumours of mixed squamous/SCLC histology",
    "Mixed small cell and squamous cell lung carcinoma",
    "Squamous cell carcinoma of the lung showing any small cell lung cancer features",
    "Known squamous cell lung cancer with focal small cell differentiation, or mixed NSCLC/SCLC histology",
    "Combined SCLC with squamous carcinoma",
]


@pytest.mark.parametrize("exclusion", MIXED_WITH_SMALL_CELL)
def test_a_tumour_mixed_with_small_cell_is_no_histology_ban(exclusion: str) -> None:
    text = trial(bullets("Stage IV squamous or non-squamous non-small cell lung cancer"), bullets(exclusion))
    assert verdicts(text) == ALL_EL


# Near-misses: squamous shut out on its own, or listed beside small cell as another tumour, stays shut out; a
# squamous feature (cavitation) stays a question.
@pytest.mark.parametrize(("exclusion", "expected"), [
    ("Squamous cell carcinoma", (EL, EX, EL, UN)),
    ("Squamous or small cell histology", (EL, EX, EL, UN)),
    ("Squamous histology, or tumours with a small cell component", (EL, EX, EL, UN)),
    ("Squamous NSCLC with cavitation", (EL, UN, EL, UN)),
])
def test_near_misses_keep_their_reading(exclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(bullets("Stage IV NSCLC"), bullets(exclusion))) == expected
