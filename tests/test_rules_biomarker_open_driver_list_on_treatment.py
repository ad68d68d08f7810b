"""An open driver requirement ("harbouring an oncogenic driver alteration (e.g. EGFR mutation, ALK or ROS1
rearrangement, BRAF mutation, MET or RET alteration)") followed by the treatment the patient is on ("and currently
receiving a targeted tyrosine kinase inhibitor") takes any oncogenic driver: KRAS G12D and NRG1 fusion too. The
"targeted" of the treatment clause (a prior-therapy rule) made the class "actionable", so drivers with no approved
drug became a question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import HER2_EX20, KRAS_G12C, KRAS_G12D, NO_DRIVER, NRG1, RET, UNTESTED, inc, verdict

CASES = [
    "Stage IV NSCLC harbouring an oncogenic driver alteration (e.g. EGFR mutation, ALK rearrangement, MET or RET "
    "alteration) and currently receiving a targeted tyrosine kinase inhibitor",
    "Metastatic lung adenocarcinoma with a known driver mutation (for example EGFR, ALK, ROS1 or BRAF) and on "
    "treatment with a targeted agent",
    "Advanced NSCLC with an oncogenic driver (such as EGFR, ALK or RET) who is currently receiving targeted therapy",
    "Tumour harbouring a driver alteration (e.g. EGFR or ALK) and receiving an approved targeted drug",
    "Recurrent NSCLC with a documented oncogenic alteration (e.g., EGFR, ALK, ROS1) and progressing on a targeted "
    "inhibitor",
    "NSCLC carrying a driver gene alteration (e.g. ALK, ROS1, RET, NTRK fusions) and being treated with a targeted "
    "TKI",
]


@pytest.mark.parametrize("sentence", CASES)
def test_any_oncogenic_driver_meets_an_open_list(sentence: str) -> None:
    text = inc(sentence)
    for carrier in (KRAS_G12D, NRG1, KRAS_G12C, HER2_EX20, RET):
        assert verdict(text, carrier) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


def test_near_miss_actionable_class_stays_actionable() -> None:
    # The class itself says a drug must exist: a driver with none is a question.
    text = inc("NSCLC with an actionable driver alteration and currently receiving a targeted TKI")
    assert verdict(text, KRAS_G12D) == "unknown"
    assert verdict(text, KRAS_G12C) == "eligible"


def test_near_miss_approval_clause_on_the_driver_stays() -> None:
    text = inc("NSCLC with a driver alteration for which targeted therapy is approved")
    assert verdict(text, NRG1) == "unknown"
    assert verdict(text, NO_DRIVER) == "excluded"
