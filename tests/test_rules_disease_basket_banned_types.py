"""Disease: a basket or first-in-human trial that names NSCLC only as a tumour type it does not take.

- an exclusion that is nothing but a list of cancers naming NSCLC ("Non-small cell lung cancer or breast cancer
  (enrolled in separate studies)", "Patients with NSCLC are not eligible", "Histologies excluded: ...");
- an inclusion clause that says the listed types are shut out ("Common histologies are not eligible: NSCLC, ...",
  "Any solid tumour; NSCLC and melanoma are excluded").

Before, both read as "any solid tumour" (eligible for every NSCLC). Near-misses keep their verdict: an exclusion
scoped to NSCLC with some property, a history of another cancer, small cell lung cancer, a part's scope."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile

_INCLUSIONS = (
    "Advanced solid tumour with a documented HER2 mutation",
    "Histologically confirmed metastatic solid malignancy refractory to standard therapy",
    "Locally advanced or metastatic solid tumour harbouring an NTRK fusion",
)


def verdict(inclusion: str, exclusion: str = "Pregnancy or breast-feeding", histology: str = "adenocarcinoma") -> str:
    text = invented_trial(f"* {inclusion}\n", f"* {exclusion}\n", title="A first-in-human study of ABC-123",
                          conditions=("Advanced Solid Tumors",))
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


EXCLUSION_BANS = [
    "Non-small cell lung cancer or breast cancer (enrolled in separate studies)",
    "Patients with NSCLC are not eligible",
    "Tumour types: non-small-cell lung carcinoma and ovarian cancer are excluded",
    "Histologies excluded: NSCLC, colorectal cancer, melanoma",
    "NSCLC of any histology",
    "Participants with a known diagnosis of non small cell lung cancer",
    "Lung cancer (all histologies) or hepatocellular carcinoma",
    "Excluded tumor types: triple-negative breast cancer, NSCLC",
    "Known NSCLC, colorectal or prostate cancer, as they are studied in a separate protocol",
    "Subjects whose primary tumor is NSCLC will not be enrolled",
]


@pytest.mark.parametrize("exclusion", EXCLUSION_BANS)
@pytest.mark.parametrize("inclusion", _INCLUSIONS)
def test_exclusion_naming_nsclc_as_a_type_excludes(inclusion: str, exclusion: str) -> None:
    assert verdict(inclusion, exclusion) == "excluded"
    assert verdict(inclusion, exclusion, histology="squamous") == "excluded"


EXCLUSION_NEAR = [
    "NSCLC with an activating EGFR mutation",
    "NSCLC patients who received prior docetaxel",
    "History of another malignancy within 3 years",
    "Small cell lung cancer or mesothelioma",
    "Extensive-stage small cell lung cancer or mixed histology",
    "NSCLC or breast cancer is enrolled in Part B only",
    "Patients with NSCLC must have received a platinum doublet",
    "Squamous NSCLC or gastric cancer",
    "NSCLC or melanoma harbouring an actionable driver such as ALK",
    "Prior malignancy other than NSCLC within 5 years",
    "Patients with NSCLC and symptomatic brain metastases are not eligible",
    "NSCLC or breast cancer (enrolled in Cohort B)",
    "Mixed NSCLC and SCLC histology",
]


@pytest.mark.parametrize("exclusion", EXCLUSION_NEAR)
def test_exclusion_with_a_condition_or_scope_keeps_nsclc(exclusion: str) -> None:
    assert verdict(_INCLUSIONS[0], exclusion) == "eligible"


@pytest.mark.parametrize("exclusion", [
    "History of any of the following within 5 years:\n  * NSCLC or breast cancer\n  * Melanoma",
    "Prior malignancies:\n* NSCLC or breast cancer\n* Melanoma",
    "Part B only:\n  * NSCLC or breast cancer",
])
def test_an_item_of_a_history_or_part_list_keeps_nsclc(exclusion: str) -> None:
    assert verdict(_INCLUSIONS[0], exclusion) == "eligible"


@pytest.mark.parametrize("exclusion", [
    "Excluded tumour types:\n* Non-small cell lung cancer or breast cancer\n* Colorectal cancer",
    "The following cancers are not eligible:\n  * NSCLC or melanoma\n  * Prostate cancer",
])
def test_an_item_of_a_shut_out_list_excludes(exclusion: str) -> None:
    assert verdict(_INCLUSIONS[1], exclusion) == "excluded"


INCLUSION_BANS = [
    "Rare solid tumour. Common histologies are not eligible: non-small cell lung cancer, breast, colorectal, prostate",
    "Any solid tumour; NSCLC and breast cancer are excluded",
    "Metastatic solid malignancy (patients with non-small cell lung cancer are not eligible)",
    "Advanced solid tumours. The following tumour types are not eligible: NSCLC, melanoma and renal cell carcinoma",
    "Rare cancers only; common cancers (lung, breast, colorectal, prostate) are not eligible",
    "Unresectable solid tumour of any origin; excluded: NSCLC, pancreatic cancer",
]


@pytest.mark.parametrize("inclusion", INCLUSION_BANS)
def test_inclusion_shutting_nsclc_out_excludes(inclusion: str) -> None:
    assert verdict(inclusion) == "excluded"


INCLUSION_NEAR = [
    "Any advanced solid tumour except small cell lung cancer",
    "Advanced solid tumours including NSCLC",
    "Advanced solid tumour; NSCLC with an EGFR mutation is not eligible",
    "Advanced solid tumour; patients with NSCLC must have had a platinum doublet",
    "Advanced solid tumour including NSCLC; melanoma and breast cancer are excluded",
    "Any solid tumour (NSCLC is enrolled in Part B only)",
]


@pytest.mark.parametrize("inclusion", INCLUSION_NEAR)
def test_inclusion_taking_nsclc_stays_eligible(inclusion: str) -> None:
    assert verdict(inclusion) == "eligible"


def test_trial_naming_nsclc_in_its_title_is_not_shut() -> None:
    text = invented_trial("* Advanced solid tumour with a KRAS G12C mutation\n", "* NSCLC or colorectal cancer\n",
                          title="Drug Y in NSCLC and other solid tumours", conditions=("NSCLC", "Solid Tumor"))
    assert disease.check(disease.parse(text), Profile(histology="adenocarcinoma", stage="IV")).verdict == "eligible"


@pytest.mark.parametrize("inclusion", [
    "Advanced solid tumour\n* The following tumour types are not eligible:\n  * NSCLC\n  * Breast cancer",
    "Metastatic solid malignancy\n* Histologies excluded:\n* Non-small cell lung cancer\n* Colorectal cancer",
])
def test_an_item_of_an_inclusion_shut_out_list_excludes(inclusion: str) -> None:
    assert verdict(inclusion) == "excluded"


@pytest.mark.parametrize("inclusion", [
    "Advanced solid tumour of one of these types:\n  * NSCLC\n  * Breast cancer",
    "Tumour types:\n* Non-small cell lung cancer\n* Colorectal cancer",
])
def test_an_item_of_an_inclusion_list_of_types_taken_stays_eligible(inclusion: str) -> None:
    assert verdict(inclusion) == "eligible"
