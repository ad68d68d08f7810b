"""Disease: NSCLC named as one item of a list of cancers a basket leaves out ("other solid tumours (rare tumours
cohort), excluding breast cancer, non-small cell lung cancer, gastric cancer and colorectal cancer"). The left-out
word heads the whole list, so NSCLC is left out as it is in "solid tumours other than NSCLC"; before, only one or two
words could stand between them, and the NSCLC named further on was read as taken."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile


def verdict(inclusion: str) -> str:
    text = invented_trial(f"* {inclusion}\n", "* Pregnancy\n", title="A basket study of a drug in rare tumours",
                          conditions=("Solid Tumor",))
    return str(disease.check(disease.parse(text), Profile(histology="adenocarcinoma", stage="IV")).verdict)


LEFT_OUT = [
    "Metastatic disease in one of: biliary cancer, ovarian cancer or other solid tumours, excluding breast cancer, "
    "non-small cell lung cancer, gastric cancer and colorectal cancer",
    "Advanced solid tumour of any type, excluding melanoma, NSCLC and renal cell carcinoma",
    "Any advanced solid tumour except prostate cancer, glioblastoma, or non-small-cell lung cancer",
    "Locally advanced or metastatic solid tumours other than hepatocellular carcinoma, NSCLC or sarcoma",
    "Other solid tumours, with the exception of gastric, breast, non-small cell lung and ovarian cancers",
    "Unresectable solid tumors but not thyroid cancer / NSCLC / mesothelioma",
]


@pytest.mark.parametrize("inclusion", LEFT_OUT)
def test_nsclc_in_a_left_out_list_is_excluded(inclusion: str) -> None:
    assert verdict(inclusion) == "excluded"


NEAR = [
    "Advanced solid tumours, excluding primary CNS tumours, including NSCLC with a HER2 mutation",
    "Advanced solid tumours including breast cancer, NSCLC and colorectal cancer",
    "Metastatic solid tumours other than melanoma; NSCLC cohort: non-small cell lung cancer after platinum",
    "Stage IV non-small cell lung cancer",
    "Advanced solid tumour other than colorectal or pancreatic cancer, or NSCLC with a KRAS mutation",
]


@pytest.mark.parametrize("inclusion", NEAR)
def test_nsclc_taken_stays_eligible(inclusion: str) -> None:
    assert verdict(inclusion) == "eligible"
