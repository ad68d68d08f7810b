"""An inline "Exclusion of patients with NSCLC <site> metastases with positive EGFR ... and ALK ..." reaches its
marker across the site however it is named: "CNS metastases", "brain mets", "liver metastases" as "brain
metastases" did. Found by the meta30b wording tests ("brain metastases" -> "CNS metastases"): the "exclusion of"
stopped at the unknown site word and "with positive EGFR and ALK" read as a requirement of both (driver-negative
patients excluded: a false exclusion)."""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, inc, verdict

SITES = ["brain metastases", "CNS metastases", "brain mets", "central nervous system metastases",
         "intracranial metastases", "liver metastases", "bone metastases", "leptomeningeal metastases"]
SENTENCES = [
    "Exclusion of patients with NSCLC {s} with positive EGFR-sensitive mutations and ALK gene rearrangement.",
    "Exclusion of patients with advanced lung adenocarcinoma {s} with positive EGFR mutation or ALK fusion",
    "All patients should be tested for EGFR and ALK, exclusion of patients with NSCLC {s} with positive EGFR "
    "mutations and ALK rearrangement detection.",
    "Exclusion of patients with stage IV NSCLC and {s} with EGFR sensitizing mutation or ALK rearrangement",
    "Exclusion of subjects with NSCLC {s} harboring EGFR mutation or ALK translocation.",
]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_exclusion_of_reaches_marker_across_any_site(sentence: str, site: str) -> None:
    text = inc(sentence.format(s=site))
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"


# Near-misses: a requirement stays one ("Patients with NSCLC CNS metastases with EGFR mutation"), and therapy words
# still stop the "exclusion of" ("exclusion of ... previously treated with a TKI").
@pytest.mark.parametrize("site", ["brain metastases", "CNS metastases", "brain mets"])
def test_requirement_with_site_keeps_its_verdict(site: str) -> None:
    text = inc(f"Patients with NSCLC {site} with a confirmed EGFR exon 19 deletion or L858R mutation")
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, EGFR_19) == "eligible"
