"""A negated exposure ("must not have received prior systemic therapy for <disease>, including A, B, C") whose
list lies far from the "not": the cue reach (CUE_REACH characters before a name) could cut between "not" and
"have received", so the items read as required and the verdict flipped (naive patients excluded, treated ones let
in). Found by the meta30b wording tests: "NSCLC" spelt out as "non-small cell lung cancer" lengthened the sentence
past the reach. The negation just left of the cut belongs to the verb the cut kept."""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE = {"prior_therapies": [], "prior_lines": 0}
TREATED = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}

BANS = [
    "Patients must not have received prior systemic anticancer therapy for advanced/metastatic {d}, including "
    "standard chemotherapy, biological therapy, targeted therapy, immunotherapy, or investigational drug therapy.",
    "Patients must not have received prior systemic therapy for advanced/metastatic {d}, including standard "
    "chemotherapy, biological therapy, targeted therapy, immunotherapy, or investigational drug therapy.",
    "Participants must not have received any prior systemic anticancer treatment for advanced or metastatic {d}, "
    "including chemotherapy, immunotherapy or targeted therapy.",
    "Subjects should not have been previously treated with systemic therapy for recurrent or metastatic {d}, "
    "including chemotherapy, immunotherapy, or investigational agents.",
    "Patients who have never received prior systemic treatment for their unresectable or metastatic {d}, including "
    "platinum-based chemotherapy and immune checkpoint inhibitors.",
    "Patients must not have had any systemic anticancer therapy in the advanced or metastatic setting of {d}, "
    "including chemotherapy, immunotherapy or targeted therapy.",
]
DISEASES = ["NSCLC", "non-small cell lung cancer", "Non-Small-Cell Lung Carcinoma"]


@pytest.mark.parametrize("disease", DISEASES)
@pytest.mark.parametrize("sentence", BANS)
def test_negated_list_far_from_its_not_bans(sentence: str, disease: str) -> None:
    text = sentence.format(d=disease)
    assert prior_verdict(NAIVE, [text]) == "eligible"
    assert prior_verdict(TREATED, [text]) in ("excluded", "unknown")
    assert prior_verdict(TREATED, [text]) == prior_verdict(TREATED, [sentence.format(d="NSCLC")])


# Near-misses: a requirement with a "not" far before it in another clause keeps its verdict (the reach still ends
# the "not" there), and short negated bans are read as before.
@pytest.mark.parametrize(("sentence", "naive", "treated"), [
    ("Patients must have received prior platinum-based chemotherapy for advanced/metastatic non-small cell lung "
     "cancer, including carboplatin or cisplatin.", "excluded", "eligible"),
    ("No prior systemic therapy for advanced non-small cell lung cancer, including chemotherapy.", "eligible",
     "excluded"),
    ("Patients must have progressed on prior platinum-based chemotherapy for advanced or metastatic non-small cell "
     "lung cancer, including carboplatin or cisplatin doublets.", "excluded", "eligible"),
])
def test_near_misses_keep_their_verdicts(sentence: str, naive: str, treated: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == naive
    assert prior_verdict(TREATED, [sentence]) == treated
