"""Disease structures from blind15 (session 20, round 3; invented sentences only).

c. A part, cohort, arm or phase whose own disease sentence names a basket and no cancer in it ("Part 1
   (monotherapy): histologically confirmed solid tumour with a KRAS G12C mutation") is open to NSCLC, even when the
   conditions list only the other parts' cancers (colorectal, head and neck): it was a question for every profile.
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, ALL_UN, trial, verdicts

OPEN_PART = [
    ("* Part 1 (monotherapy): Histologically confirmed diagnosis of a solid tumor malignancy with a KRAS G12C "
     "mutation.\n* Part 1 (combination) & Part 2: Histologically confirmed adenocarcinoma of the colon or rectum.\n",
     ("KRAS G12C Mutation", "Solid Tumor Malignancies", "Colorectal Cancer")),
    ("* Phase Ia: Patients with histologically confirmed advanced solid tumours without standard therapy. "
     "Phase Ib: Patients with confirmed locally advanced head and neck cancer.\n",
     ("Solid Tumor", "Head and Neck Cancer")),
    ("* Cohort A: Cytologically confirmed metastatic solid tumour harbouring an NRG1 fusion\n"
     "* Cohort B: Histologically confirmed pancreatic adenocarcinoma\n",
     ("Pancreatic Cancer", "Solid Tumours")),
    ("* Dose escalation part: documented advanced solid malignancy refractory to standard therapy\n"
     "* Dose expansion part: documented triple-negative breast cancer\n",
     ("Breast Cancer", "Advanced Solid Tumor")),
    ("* Arm 1: histologically proven unresectable solid tumour with HER2 amplification\n"
     "* Arm 2: histologically proven gastric or gastro-oesophageal junction adenocarcinoma\n",
     ("Gastric Cancer", "Solid Tumor")),
    ("* Part A: confirmed diagnosis of any advanced solid tumour\n* Part B: confirmed ovarian cancer\n",
     ("Ovarian Cancer", "Solid Tumor")),
    ("* Phase 1: pathologically confirmed locally advanced or metastatic solid tumors\n"
     "* Phase 2: pathologically confirmed hepatocellular carcinoma\n",
     ("Hepatocellular Carcinoma", "Solid Tumors")),
    ("* Cohort 1 (escalation): diagnosed with a relapsed solid tumour with an FGFR alteration\n"
     "* Cohort 2: diagnosed with urothelial carcinoma\n",
     ("Urothelial Carcinoma", "Solid Tumor")),
]


@pytest.mark.parametrize(("inclusion", "conditions"), OPEN_PART)
def test_part_open_to_any_solid_tumour_takes_nsclc(inclusion: str, conditions: tuple[str, ...]) -> None:
    text = trial("* Age 18 years or older\n" + inclusion, title="A Study of Drug Y in Advanced Solid Tumours",
                 conditions=conditions)
    assert verdicts(text) == ALL_EL


OPEN_PART_NEAR_MISSES = [
    # the part's basket lists its cancers
    "* Part 1: histologically confirmed solid tumour (colorectal, pancreatic or biliary)\n"
    "* Part 2: confirmed colorectal cancer\n",
    # the part's basket points to a list elsewhere
    "* Part 1: histologically confirmed solid tumour of the types listed in Appendix 2\n"
    "* Part 2: confirmed colorectal cancer\n",
    # no part: the whole trial's sentence, beside a conditions list of other cancers, stays a question
    "* Histologically confirmed advanced solid tumour\n",
    # a solid tumour in the history, not the part's disease
    "* Part 1: confirmed colorectal cancer; no prior solid tumour within 3 years\n"
    "* Part 2: confirmed colorectal cancer\n",
]


@pytest.mark.parametrize("inclusion", OPEN_PART_NEAR_MISSES)
def test_basket_near_misses_stay_a_question(inclusion: str) -> None:
    text = trial("* Age 18 years or older\n" + inclusion, title="A Study of Drug Y in Advanced Solid Tumours",
                 conditions=("Colorectal Cancer", "Solid Tumor"))
    assert verdicts(text) == ALL_UN
