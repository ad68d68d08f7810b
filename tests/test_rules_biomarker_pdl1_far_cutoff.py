"""PD-L1 cut-offs some sponsors write with ">/=" and "</=" ("TPS >/= 50%", "TC >/= 1% or IC >/= 1%"), and a cut-off
in a score bracket of its own at the end of a long sentence about the assay ("Tumor PD-L1 expression, as determined
by an IHC assay performed by a central laboratory on archival tissue or a fresh biopsy (TC >= 1% or IC >= 1%)").
Before, ">/=" was no comparison and the bracket lay past the PD-L1 word's window: no level was read, and a patient
with no PD-L1 result (or one below the cut-off) was let in.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, verdict

NONE, ZERO, LOW, HIGH = (patient(pdl1=v) for v in (None, 0, 5, 60))

CASES = [
    # (bullet, verdicts for PD-L1 unknown / 0% / 5% / 60%)
    ("PD-L1 TPS >/= 50%", ("unknown", "excluded", "excluded", "eligible")),
    ("PD-L1 tumour proportion score </= 49%", ("unknown", "eligible", "eligible", "excluded")),
    ("PD-L1 expression TC >/= 1% or IC >/= 1%", ("unknown", "unknown", "eligible", "eligible")),
    ("Tumor PD-L1 expression, as determined by immunohistochemistry (IHC) assay performed by a central laboratory "
     "on previously obtained archival tumor tissue or tissue obtained from a biopsy at screening (TC >/= 1% or "
     "IC >/= 1%)", ("unknown", "unknown", "eligible", "eligible")),
    ("PD-L1 expression assessed by the central laboratory using the 22C3 pharmDx assay on an archival or freshly "
     "obtained tumour sample of the primary or a metastatic lesion (TPS >= 50%)",
     ("unknown", "excluded", "excluded", "eligible")),
    ("Tumour PD-L1 status determined by a central laboratory with the SP263 assay on tissue obtained within 6 months "
     "before enrolment, with no intervening systemic therapy (TPS >/= 1%)", ("unknown", "excluded", "eligible",
                                                                            "eligible")),
]


@pytest.mark.parametrize(("bullet", "expected"), CASES)
def test_the_cut_off_is_read(bullet: str, expected: tuple[str, str, str, str]) -> None:
    got = tuple(verdict(inc(bullet), p) for p in (NONE, ZERO, LOW, HIGH))
    assert got == expected


def test_a_bracket_that_waives_the_result_sets_no_level() -> None:
    # Near-miss: the far bracket names no score level, only that the result is not needed.
    text = inc("A tumour sample for PD-L1 testing by a central laboratory must be provided before randomisation, "
               "archival or fresh (TPS result not required)")
    assert {verdict(text, p) for p in (NONE, ZERO, HIGH)} == {"eligible"}


def test_another_measure_between_keeps_the_bracket_its_own() -> None:
    # Near-miss: the far bracket belongs to the heart test named after the PD-L1 words.
    text = inc("Tumour tissue available for PD-L1 testing and adequate cardiac function on an echocardiogram done at "
               "the screening visit (LVEF >= 50%)")
    assert {verdict(text, p) for p in (NONE, ZERO, HIGH)} == {"eligible"}
