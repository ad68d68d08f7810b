"""Solid tumours in general, spelt "solid cancer(s)" or "solid neoplasm(s)" (session 22).

"Advanced solid cancer or relapsed DLBCL": the words were not in the basket vocabulary, so the trial read as a list
of named cancers (lymphoma) without lung cancer, and an NSCLC patient became a question. Solid cancers include NSCLC.
(Beside a solid-tumour basket, "DLBCL" and "CML" are blood cancers too, as "NHL" was.)
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, trial, verdicts


@pytest.mark.parametrize(("line", "title"), [
    ("Histologically confirmed advanced solid cancer or relapsed DLBCL",
     "Drug X in Solid Cancers and Diffuse Large B-cell Lymphoma"),
    ("Metastatic solid cancers refractory to standard therapy, or B-cell lymphoma after two lines",
     "Drug X in Solid Cancers and Lymphoma"),
    ("Any advanced solid neoplasm, or multiple myeloma", "A First-in-human Study of Drug X in Solid Neoplasms"),
    ("Locally advanced or metastatic solid neoplasms with no standard therapy available, or leukaemia",
     "Drug X in Solid Neoplasms or Leukaemia"),
    ("Patients with a solid cancer of any type, or with relapsed Hodgkin lymphoma", "Drug X in Solid Cancer"),
    ("Advanced solid cancers (dose escalation) or diffuse large B-cell lymphoma (expansion)",
     "Drug X for Solid Cancers and DLBCL"),
])
def test_solid_cancers_beside_blood_cancers_take_nsclc(line: str, title: str) -> None:
    assert verdicts(trial(f"* {line}\n", "", title)) == ALL_EL


@pytest.mark.parametrize("line", [
    "Histologically confirmed relapsed or refractory diffuse large B-cell lymphoma after at least two lines",
    "Histologically confirmed multiple myeloma with measurable paraprotein",
])
def test_blood_cancers_alone_still_leave_nsclc_out(line: str) -> None:
    """Near misses: no solid cancer is named, so an NSCLC patient does not fit."""
    assert "eligible" not in verdicts(trial(f"* {line}\n", "", "Drug X in Haematological Cancers"))
