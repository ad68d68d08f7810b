"""Biomarker kinds found on a fourth blind set of real trials (invented sentences only).

1. A drug class spelt out with its short form in brackets ("an epidermal growth factor receptor (EGFR TKI)"): once the
   short form is read as a drug, the gene's name left before the bracket is the drug's target, not the tumour's.
2. A carrier exclusion limited to untreated carriers ("EGFR-positive and never took TKIs", "... and not previously
   treated with an EGFR TKI", "... and naive to ALK inhibitors"): the gene alone never excludes; a question at most.
3. A negated requirement on what was found before ("should not have a previously detected activating EGFR mutation
   or ALK fusion"): "previously" dates the finding (no treatment word), so carriers are excluded, others eligible, and
   an untested tumour has nothing previously detected. "EFGR" is a slip of the pen for EGFR.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

L858R = patient("EGFR:L858R")
EX19_AFTER_OSIMERTINIB = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
ALK = patient("ALK:fusion")
G12C = patient("KRAS:G12C")
G12D = patient("KRAS:G12D")
NO_DRIVER = patient(pdl1=80)
UNTESTED = patient(negative=[])
MET_AMP = patient("MET:amplification", negative=["EGFR", "ALK"])

# ---- kind 1: a drug class with its short form in brackets --------------------------------------------------------

DRUG_CLASS_IN_BRACKETS = [
    "Have had prior chemotherapy (or an epidermal growth factor receptor (EGFR TKI) for treatment of advanced disease",
    "Prior systemic therapy (chemotherapy or an anaplastic lymphoma kinase (ALK inhibitor)) for metastatic disease",
    "Received an epidermal growth factor receptor (EGFR tyrosine kinase inhibitor) or chemotherapy for stage IV",
]


@pytest.mark.parametrize("sentence", DRUG_CLASS_IN_BRACKETS)
def test_drug_class_spelt_out_is_no_marker_rule(sentence: str) -> None:
    criteria = exc(sentence)
    for profile in (L858R, EX19_AFTER_OSIMERTINIB, ALK, G12C, UNTESTED):
        assert verdict(criteria, profile) == "eligible"


def test_near_miss_gene_name_with_a_marker_in_brackets_still_excludes() -> None:
    criteria = exc("Known epidermal growth factor receptor (EGFR) mutation or ALK rearrangement")
    assert verdict(criteria, L858R) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, G12C) == "eligible"


# ---- kind 2: an exclusion of untreated carriers only --------------------------------------------------------------

UNTREATED_CARRIERS = [
    "examined as positive in EGFR&ALK mutation detection and never take the treatment of TKIs",
    "EGFR mutation positive and not previously treated with an EGFR TKI",
    "Known ALK rearrangement and naive to ALK inhibitors",
    "EGFR sensitizing mutation and TKI-naive",
    "Tumours positive for EGFR or ALK that have not yet received targeted therapy",
]


@pytest.mark.parametrize("sentence", UNTREATED_CARRIERS)
def test_untreated_carrier_exclusion_never_excludes_on_the_gene(sentence: str) -> None:
    criteria = exc(sentence)
    gene = "ALK" if "EGFR" not in sentence else "EGFR"
    carrier = ALK if gene == "ALK" else L858R
    assert verdict(criteria, carrier) == "unknown"  # the treatment history decides, elsewhere
    if gene == "EGFR":
        assert verdict(criteria, EX19_AFTER_OSIMERTINIB) != "excluded"
    assert verdict(criteria, G12C) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "EGFR mutation positive and never smoked",
    "EGFR mutation positive and no prior chemotherapy",
    "Documented EGFR mutation",
])
def test_near_miss_other_conditions_still_exclude_carriers(sentence: str) -> None:
    assert verdict(exc(sentence), L858R) == "excluded"
    assert verdict(exc(sentence), G12C) == "eligible"


# ---- kind 3: must not have a previously detected marker -----------------------------------------------------------

NOT_PREVIOUSLY_DETECTED = [
    "Subjects should not have a previously detected activating Epidermal Growth Factor Receptor (EFGR) mutation or "
    "Anaplastic Lymphoma Kinase (ALK) fusion oncogene",
    "Patients must not have a previously identified sensitizing EGFR mutation or ALK rearrangement",
    "No previously documented EGFR mutation or ALK fusion",
    "Participants should not have a previously detected EGFR mutation or ALK translocation",
]


@pytest.mark.parametrize("sentence", NOT_PREVIOUSLY_DETECTED)
def test_not_previously_detected_excludes_carriers_only(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, L858R) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    for profile in (G12C, G12D, NO_DRIVER, MET_AMP):
        assert verdict(criteria, profile) == "eligible"
    assert verdict(criteria, UNTESTED) == "eligible"  # nothing was detected before


def test_near_miss_previously_detected_required() -> None:
    criteria = inc("Patients must have a previously detected EGFR mutation")
    assert verdict(criteria, L858R) == "eligible"
    assert verdict(criteria, G12C) == "excluded"
    assert verdict(criteria, UNTESTED) == "unknown"


def test_near_miss_previously_received_a_drug_is_no_marker_rule() -> None:
    criteria = inc("Patients must not have previously received an EGFR TKI")
    for profile in (L858R, G12C, UNTESTED):
        assert verdict(criteria, profile) == "eligible"


def test_near_miss_plain_negation_leaves_untested_unknown() -> None:
    criteria = inc("Patients must not have an EGFR mutation or ALK rearrangement")
    assert verdict(criteria, L858R) == "excluded"
    assert verdict(criteria, G12C) == "eligible"
    assert verdict(criteria, UNTESTED) == "unknown"


def test_egfr_slip_of_the_pen_is_egfr() -> None:
    criteria = inc("Tumour with an EFGR activating mutation")
    assert verdict(criteria, L858R) == "eligible"
    assert verdict(criteria, G12C) == "excluded"
