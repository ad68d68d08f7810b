"""'Must have received prior platinum-based chemotherapy and a PD-1/PD-L1 inhibitor, and a KRAS G12C inhibitor if
KRAS G12C mutated and such therapy is available': one more item of the list, asked of a marker's carriers only.
Read as one list, the last item was asked of everyone, so patients without the marker were a question."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import invented_patient, prior_verdict

CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]

# (sentence, carrier finding, the carriers' drug, whether availability is left open)
CASES = [
    ("Must have received prior standard therapy with a platinum-based chemotherapy and a PD-1/PD-L1 inhibitor, "
     "and a KRAS G12C inhibitor if KRAS G12C mutated and such therapy is available.",
     ("KRAS", "G12C"), "sotorasib", True),
    ("Must have progressed on a platinum doublet and anti-PD-(L)1 therapy (NSCLC), plus an EGFR TKI if EGFR-mutant "
     "disease.", ("EGFR", "L858R"), "osimertinib", False),
    ("Patients must have progressed after platinum-based chemotherapy and immunotherapy, as well as an ALK inhibitor "
     "when ALK rearranged.", ("ALK", "EML4-ALK fusion"), "alectinib", False),
    ("Participants who received platinum chemotherapy and a checkpoint inhibitor, and a BRAF inhibitor if BRAF V600E "
     "mutated where such treatment is approved.", ("BRAF", "V600E"), "dabrafenib", True),
    ("Must have had prior platinum-based chemotherapy and pembrolizumab, and a RET inhibitor (e.g. selpercatinib) in "
     "case of RET fusion.", ("RET", "KIF5B-RET fusion"), "selpercatinib", False),
    ("Patients who must have received carboplatin and an anti-PD-1 antibody, and sotorasib or adagrasib "
     "when KRAS G12C-mutated.", ("KRAS", "G12C"), "adagrasib", False),
]


@pytest.mark.parametrize(("sentence", "finding", "drug", "open_"), CASES)
def test_non_carriers_are_not_asked_for_the_carriers_item(sentence: str, finding: tuple[str, str], drug: str,
                                                          open_: bool) -> None:
    none = invented_patient([], CHEMO_IO, 1)
    assert prior_verdict(none, inclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "finding", "drug", "open_"), CASES)
def test_carriers_are_asked_for_it(sentence: str, finding: tuple[str, str], drug: str, open_: bool) -> None:
    without = invented_patient([finding], CHEMO_IO, 1)
    had = invented_patient([finding], [*CHEMO_IO, drug], 2)
    assert prior_verdict(without, inclusion=[sentence]) == ("unknown" if open_ else "excluded")
    assert prior_verdict(had, inclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "finding", "drug", "open_"), CASES)
def test_everyone_still_needs_the_rest(sentence: str, finding: tuple[str, str], drug: str, open_: bool) -> None:
    assert prior_verdict(invented_patient([], [], 0), inclusion=[sentence]) == "excluded"


# Near-misses: an "or" alternative for carriers (marker_branch) and a plain list keep their reading.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Must have received platinum-based chemotherapy and a KRAS G12C inhibitor.",
     invented_patient([], CHEMO_IO, 1), "excluded"),
    ("At least one prior line, which should have included a platinum doublet or, for patients with an EGFR "
     "mutation, an EGFR TKI.", invented_patient([("EGFR", "L858R")], ["osimertinib"], 1), "eligible"),
    ("Must have received platinum-based chemotherapy and docetaxel if eligible.",
     invented_patient([], ["carboplatin", "pemetrexed"], 1), "unknown"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == expected
