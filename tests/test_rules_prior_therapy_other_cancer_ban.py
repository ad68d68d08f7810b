"""A ban on earlier treatment "for [another cancer]", the cancer named by its abbreviation too ("No prior systemic
therapy for MPM"): the treatment an NSCLC patient lists was not given for that cancer, so the ban does not reach
them. The same ban for NSCLC, or with no cancer named, still excludes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

TKI: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
CHEMO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}


@pytest.mark.parametrize("text", [
    "No prior systemic therapy for MPM",
    "No previous chemotherapy for malignant pleural mesothelioma (MPM)",
    "Patients must not have received any systemic treatment for MPM",
    "No prior systemic anticancer therapy for small cell lung cancer (SCLC)",
    "Treatment-naive for mesothelioma (no prior chemotherapy)",
    "No prior systemic treatment for TNBC",
])
def test_ban_for_another_cancer_spares_nsclc_history(text: str) -> None:
    assert prior_verdict(TKI, [text]) != "excluded"
    assert prior_verdict(CHEMO, [text]) != "excluded"


@pytest.mark.parametrize("text", [
    "No prior systemic therapy for metastatic NSCLC",
    "No prior systemic therapy for advanced disease",
])
def test_ban_for_nsclc_still_excludes(text: str) -> None:
    assert prior_verdict(CHEMO, [text]) == "excluded"
