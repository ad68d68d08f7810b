"""Prior-therapy sentence kinds met on the sixth and ninth blind sets, each a false exclusion: an allowance told
with "is allowable" ("A prior EGFR tyrosine kinase inhibitor is allowable") read as a requirement; a sentence on
tumour genomics whose driver is qualified by "for which there are approved first-line therapies" read as a
first-line-only rule; and "without standard treatment options" (none left, a fact the profile cannot show) read as
"without earlier treatment". A false exclusion is the worst error: open wording gives unknown."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19 as EGFR
from tests.prior_therapy_cases import FULL_PANEL as GENES
from tests.prior_therapy_cases import named_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "null-lines": {"biomarkers": [{"gene": "NRG1", "alteration": "fusion"}], "prior_therapies": [],
                   "prior_lines": None},
    "chemo": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "paclitaxel", "atezolizumab", "docetaxel"]},
    "erlotinib": {"biomarkers": EGFR, "prior_therapies": ["erlotinib"], "prior_lines": 1},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "io-only": {"tested_negative": GENES, "prior_therapies": ["nivolumab"], "prior_lines": 1},
    "kras-g12d": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "prior_lines": 2,
                  "prior_therapies": ["carboplatin", "pemetrexed", "cemiplimab", "docetaxel", "ramucirumab"]},
}


verdict = partial(named_verdict, PATIENTS)


# --- 1. an allowance told with "is allowable" ------------------------------------------------------------------

ALLOWABLE = [
    "A prior epidermal growth factor receptor tyrosine kinase inhibitor (EGFR-TK) antagonist is allowable (Phase II).",
    "A prior epidermal growth factor receptor tyrosine kinase inhibitor is allowable.",
    "Prior EGFR TKI therapy is allowable.",
    "Previous treatment with an anaplastic lymphoma kinase inhibitor (ALK TKI) is allowable (expansion part).",
    "Prior anti-PD-1 immunotherapy is also allowable.",
]
AFTER_CHEMO = "Stage IV NSCLC that failed a standard first line platinum-based chemotherapy regimen."


@pytest.mark.parametrize("sentence", ALLOWABLE)
@pytest.mark.parametrize("who", ["naive", "chemo", "chemo-io", "erlotinib", "io-only"])
def test_allowable_alone_sets_no_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ALLOWABLE)
@pytest.mark.parametrize("who", ["chemo", "chemo-io", "chemo-io-docetaxel", "kras-g12d"])
def test_allowable_beside_a_required_line_keeps_only_that_line(sentence: str, who: str) -> None:
    # In one bullet after the required chemotherapy: the allowance must not become a second requirement.
    assert verdict(who, [f"{AFTER_CHEMO} {sentence}"]) == "eligible"


def test_allowable_beside_a_required_line_still_asks_for_the_line() -> None:
    assert verdict("naive", [f"{AFTER_CHEMO} {ALLOWABLE[2]}"]) == "excluded"


@pytest.mark.parametrize("sentence", ["Prior EGFR TKI is not allowable.",
                                      "Previous epidermal growth factor receptor tyrosine kinase inhibitors are not"
                                      " allowable."])
def test_not_allowable_is_still_a_ban(sentence: str) -> None:
    assert verdict("erlotinib", [sentence]) == "excluded"
    assert verdict("chemo", [sentence]) == "eligible"


def test_required_tki_is_still_required() -> None:
    # Near miss: a requirement, not an allowance.
    sentence = "Must have progressed on a prior epidermal growth factor receptor tyrosine kinase inhibitor."
    assert verdict("chemo-io", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "eligible"


# --- 2. a driver qualified by "for which there are approved first-line therapies" ------------------------------

DRIVER_WITH_THERAPY = [
    "Has no known tumour genomic alterations in NTRK, BRAF, RET, MET exon 14 skipping, KRAS G12C, HER2 or any other"
    " actionable driver oncogenes for which there are locally approved and available targeted first-line therapies.",
    "No known actionable driver alterations for which approved first-line targeted therapies exist.",
    "Tumour lacks EGFR, ALK or ROS1 alterations with an approved first-line targeted treatment available.",
    "No documented oncogenic driver mutation (e.g. ROS1 fusion, BRAF V600E) for which an approved targeted"
    " first-line therapy is available in the country.",
    "Absence of genomic aberrations for which first line therapies are approved and available.",
]


@pytest.mark.parametrize("sentence", DRIVER_WITH_THERAPY)
@pytest.mark.parametrize("who", ["naive", "chemo", "chemo-io", "chemo-io-docetaxel", "kras-g12d", "io-only"])
def test_driver_qualified_by_first_line_therapy_is_no_line_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("who", ["chemo-io", "kras-g12d"])
def test_driver_sentence_beside_a_required_line_keeps_that_line(who: str) -> None:
    required = "Must have progressed on platinum-based chemotherapy and an anti-PD-1 or anti-PD-L1 antibody."
    assert verdict(who, [DRIVER_WITH_THERAPY[0], required]) == "eligible"
    assert verdict("naive", [DRIVER_WITH_THERAPY[0], required]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients must be eligible for first-line treatment with a platinum doublet.",
    "Patients who are candidates for first-line therapy.",
    "Candidates for first line systemic therapy for stage IV disease.",
])
def test_first_line_position_is_still_read(sentence: str) -> None:
    # Near misses: the line to come, told of the patient, not a therapy that exists for a driver.
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("chemo-io", [sentence]) == "excluded"


# --- 3. "without standard treatment options": none left, not "without earlier treatment" ----------------------

IO_RESISTANT_NO_OPTIONS = [
    "Malignant tumor patients with immune therapy resistance (evaluated after 6-8 weeks of treatment and no"
    " improvement in clinical symptoms) without standard treatment options.",
    "Patients with immunotherapy resistance without standard treatment options",
    "Solid tumours resistant to anti-PD-1 therapy, without any effective therapeutic alternatives.",
    "Patients with resistance to immune checkpoint inhibitors and without other standard-of-care treatment options",
]


@pytest.mark.parametrize("sentence", IO_RESISTANT_NO_OPTIONS)
@pytest.mark.parametrize("who", ["chemo-io", "chemo-io-docetaxel", "kras-g12d", "io-only"])
def test_io_resistant_without_options_never_excludes_after_immunotherapy(sentence: str, who: str) -> None:
    # Whether a standard option is left is not in the profile: never an exclusion on that part.
    assert verdict(who, [sentence]) in {"eligible", "unknown"}


@pytest.mark.parametrize("sentence", IO_RESISTANT_NO_OPTIONS)
@pytest.mark.parametrize("who", ["naive", "chemo", "erlotinib"])
def test_io_resistant_without_options_still_asks_for_immunotherapy(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", ["Patients with solid tumors without standard treatment options",
                                      "Advanced cancer without further effective treatment options.",
                                      "Advanced NSCLC without any approved therapeutic options remaining"])
@pytest.mark.parametrize("who", ["chemo", "chemo-io", "erlotinib", "kras-g12d", "io-only"])
def test_without_options_is_no_ban_on_earlier_treatment(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) in {"eligible", "unknown"}


def test_without_options_unknown_lines_is_not_excluded() -> None:
    assert verdict("null-lines", [IO_RESISTANT_NO_OPTIONS[0]]) == "unknown"


@pytest.mark.parametrize("sentence", ["Without any prior therapy for advanced NSCLC.",
                                      "No prior systemic treatment for advanced disease."])
def test_untreated_wording_is_still_read(sentence: str) -> None:
    # Near misses: no "options", these tell an untreated patient.
    assert verdict("chemo-io", [sentence]) == "excluded"
    assert verdict("naive", [sentence]) == "eligible"
