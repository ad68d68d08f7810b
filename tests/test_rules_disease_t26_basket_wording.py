"""Disease: three wordings of early-phase and basket trials that do not take (all) NSCLC, which the basket readers
written from a description of the kind missed.

- An exclusion naming NSCLC with its abbreviation after it: "Participants with non-small cell lung cancer (NSCLC) or
  breast cancer". The list grammar took a name, not a name followed by "(NSCLC)", so the ban was not seen.
- An inclusion saying common tumours are shut out and then listing them: "Tumours of common histologies are not
  eligible, including NSCLC of any histologic subtype, breast ...". Only "not eligible: LIST" and "(LIST) are not
  eligible" were read, the lead noun could not carry "of common histologies", and "histologic subtype" was not
  "histological".
- Squamous NSCLC as one item of a list of other cancers: "melanoma, ovarian carcinoma, squamous NSCLC, ...". The
  histology word took the previous item's organ ("ovarian carcinoma,") as its own, so no histology limit was read.

Near-misses keep their verdict: a condition in the brackets or after the list, an inclusion saying the types are
eligible, an organ inside the histology's own item ("head and neck squamous cell carcinoma")."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile


def verdict(inclusion: str, exclusion: str = "* Pregnancy or breast-feeding", histology: str = "adenocarcinoma",
            title: str = "A phase 1 study of QX-404 in advanced solid tumours",
            conditions: tuple[str, ...] = ("Solid Tumor",)) -> str:
    text = invented_trial(f"{inclusion}\n* ECOG performance status 0-1\n", f"{exclusion}\n", title=title,
                          conditions=conditions)
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


_BASKET = "* Histologically confirmed advanced solid tumour with a documented FGFR2 alteration"

ABBREVIATED_BANS = [
    "* Patients with non-small cell lung cancer (NSCLC) or colorectal cancer",
    "* Subjects with non-small-cell lung carcinoma (NSCLC), melanoma or renal cell carcinoma (RCC)",
    "* Non-small cell lung cancer (NSCLC). (This population is enrolled in a separate study.)",
    "* Known diagnosis of non small cell lung cancer (NSCLC) and/or gastric cancer",
    "* Participants with hepatocellular carcinoma (HCC) or non-small cell lung cancer (NSCLC)",
    "* Individuals with non-small cell lung cancer (NSCLC) of any histology or prostate cancer",
]


@pytest.mark.parametrize("exclusion", ABBREVIATED_BANS)
def test_abbreviated_nsclc_in_a_bare_exclusion_list_shuts_it_out(exclusion: str) -> None:
    assert verdict(_BASKET, exclusion) == "excluded"


ABBREVIATED_NEAR_MISSES = [
    "* Patients with non-small cell lung cancer (NSCLC) who received prior docetaxel",
    "* Patients with NSCLC (EGFR-mutant) or breast cancer",
    "* Non-small cell lung cancer (NSCLC) patients previously treated with an FGFR inhibitor",
    "* Non-small cell lung cancer (NSCLC) with a known KRAS mutation",
    "* Small cell lung cancer (SCLC) or mesothelioma",
]


@pytest.mark.parametrize("exclusion", ABBREVIATED_NEAR_MISSES)
def test_a_condition_history_or_small_cell_keeps_nsclc_in(exclusion: str) -> None:
    assert verdict(_BASKET, exclusion) != "excluded"


INCLUDING_BANS = [
    "* Rare tumour with an incidence below 6 per 100,000. Tumors of common histologies are not eligible, including "
    "non-small cell lung cancer of any histologic subtype, breast, colorectal and prostate adenocarcinoma",
    "* Any advanced rare cancer; common cancers are excluded, including NSCLC, breast cancer and melanoma",
    "* Rare solid malignancy. Cancers of common histologies are ineligible, such as lung cancer, colorectal cancer "
    "or ovarian cancer",
    "* Uncommon tumour type. The following tumour types are not eligible, for example gastric cancer, NSCLC",
    "* Ultra-rare sarcoma or carcinoma. Common tumours will not be enrolled, including non-small-cell lung "
    "carcinoma of any histological subtype and pancreatic cancer",
    "* Advanced orphan cancer. Tumour types are not allowed, namely: NSCLC (all histologies), prostate cancer",
]


@pytest.mark.parametrize("inclusion", INCLUDING_BANS)
def test_common_types_not_eligible_including_a_list_shuts_nsclc_out(inclusion: str) -> None:
    assert verdict(inclusion, title="Checkpoint blockade in rare cancers", conditions=("Rare Neoplasm",)) \
        == "excluded"


INCLUDING_NEAR_MISSES = [
    "* Any advanced solid tumour. Common tumours are eligible, including NSCLC, breast and colorectal cancer",
    "* Any advanced solid tumour; common cancers are excluded, including NSCLC with an EGFR mutation and melanoma",
    "* Any solid tumour. Tumours are not eligible if previously treated, including NSCLC and breast cancer",
]


@pytest.mark.parametrize("inclusion", INCLUDING_NEAR_MISSES)
def test_an_open_or_conditioned_including_list_keeps_nsclc_in(inclusion: str) -> None:
    assert verdict(inclusion) != "excluded"


SQUAMOUS_IN_A_LIST = [
    "* Patients with one of the following relapsed solid tumours: cutaneous melanoma, ovarian carcinoma, squamous "
    "non-small cell lung cancer (sqNSCLC), triple-negative breast cancer",
    "* One of these cancers: synovial sarcoma, uterine carcinoma, squamous NSCLC, head and neck squamous cell "
    "carcinoma",
    "* Advanced gastric cancer, cervical cancer or squamous cell lung carcinoma",
    "* Tumour types: endometrial carcinoma; squamous non-small-cell lung cancer; bladder cancer",
    "* Refractory pancreatic cancer, ovarian cancer or squamous-cell NSCLC",
    "* Recurrent cancer of one of these types: gastric adenocarcinoma / ovarian cancer / squamous NSCLC",
]


@pytest.mark.parametrize("inclusion", SQUAMOUS_IN_A_LIST)
def test_squamous_nsclc_as_one_item_takes_squamous_only(inclusion: str) -> None:
    assert verdict(inclusion, histology="adenocarcinoma") == "excluded"
    assert verdict(inclusion, histology="squamous") == "eligible"


ORGAN_IN_OWN_ITEM = [
    "* Head and neck squamous cell carcinoma, or non-small cell lung cancer",
    "* Pancreatic ductal adenocarcinoma or NSCLC of any histology",
    "* Squamous cell carcinoma of the cervix, ovarian cancer or NSCLC",
    "* Esophageal squamous cell carcinoma, melanoma, NSCLC",
]


@pytest.mark.parametrize("inclusion", ORGAN_IN_OWN_ITEM)
def test_another_organs_histology_in_its_own_item_sets_no_limit(inclusion: str) -> None:
    assert verdict(inclusion, histology="adenocarcinoma") == "eligible"
    assert verdict(inclusion, histology="squamous") == "eligible"
