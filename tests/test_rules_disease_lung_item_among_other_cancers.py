"""Disease, Z kind 8: the lung item of a "one of the following tumor types:" list whose other items all name other
organs' cancers ("* ovarian ... * endometrial ... * NSCLC of adenocarcinoma histology that ...") is the only way in for
an NSCLC patient, so its histology is a limit: a squamous or large cell NSCLC is excluded, not "taken for one part of
it". The mirror of X kind 1 (test_rules_disease_basket_cohort_histology.py): an "other solid tumours" item or an
all-comer escalation part beside the list leaves another way in, and the histology stays one item's."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import EL, EX, UN, trial, verdicts

TITLE = "A Study of an Antibody-Drug Conjugate in Advanced Solid Tumors"
CONDITIONS = ("Solid Tumor", "Ovarian Cancer", "Non Small Cell Lung Cancer")


def _listed(lead: str, items: list[str], more: str = "ECOG performance status 0 or 1") -> tuple[str, ...]:
    inclusion = bullets(lead + "".join(f" >> {item}" for item in items) + f" // {more}")
    return verdicts(trial(inclusion, bullets("Pregnancy"), TITLE, CONDITIONS))


ADENO_ONLY = (EL, EX, EX, UN)  # adenocarcinoma, squamous, large cell, NSCLC-NOS
NON_SQUAMOUS = (EL, EX, EL, UN)
SQUAMOUS_ONLY = (EX, EL, EX, UN)

LISTS = [
    ("Histologically confirmed metastatic disease of one of the following tumor types:",
     ["Platinum-resistant high-grade serous ovarian cancer", "Endometrial carcinoma after platinum and anti-PD-1",
      "NSCLC of adenocarcinoma histology that progressed after platinum-based chemotherapy"], ADENO_ONLY),
    ("Locally advanced or metastatic cancer of one of the following types:",
     ["Gastric or gastroesophageal junction adenocarcinoma after 2 prior lines",
      "Non-squamous non-small cell lung cancer (NSCLC) after an anti-PD-(L)1 agent",
      "Pancreatic ductal adenocarcinoma"],
     NON_SQUAMOUS),
    ("Participants must have one of the following cancers:",
     ["Head and neck squamous cell carcinoma after platinum",
      "Squamous NSCLC that progressed on chemo-immunotherapy", "Cervical cancer, any line"], SQUAMOUS_ONLY),
    ("Confirmed advanced disease in one of the following indications:",
     ["Triple-negative breast cancer", "Urothelial carcinoma after enfortumab vedotin",
      "Lung adenocarcinoma (stage IV) refractory to standard therapy"], ADENO_ONLY),
    ("Patients with one of the following tumour types can be enrolled:",
     ["Colorectal cancer with RAS mutation", "Non-small cell lung cancer, adenocarcinoma subtype, after docetaxel",
      "Biliary tract cancer"], ADENO_ONLY),
    ("Subjects who have one of the following advanced malignancies:",
     ["Prostate cancer after abiraterone", "Renal cell carcinoma",
      "NSCLC of non-squamous histology without an actionable alteration"], NON_SQUAMOUS),
]


@pytest.mark.parametrize(("lead", "items", "expected"), LISTS)
def test_the_lung_item_among_other_cancers_is_nsclc_s_only_way_in(
        lead: str, items: list[str], expected: tuple[str, ...]) -> None:
    assert _listed(lead, items) == expected


# Near-misses: another way in beside the list keeps the lung item's histology one part's (or opens the trial).
def test_an_other_solid_tumours_item_keeps_it_open() -> None:
    got = _listed("Histologically confirmed cancer of one of the following tumor types:",
                  ["Ovarian cancer", "NSCLC of adenocarcinoma histology after platinum",
                   "Other advanced solid tumours after standard therapy"])
    assert EX not in got


def test_an_all_comer_escalation_part_keeps_it_open() -> None:
    got = _listed("Part B (expansion): histologically confirmed disease of one of the following tumor types:",
                  ["Ovarian cancer", "NSCLC of adenocarcinoma histology after platinum"],
                  more="Part A (dose escalation): any advanced solid tumour refractory to standard therapy")
    assert EX not in got


def test_a_part_heading_leaves_the_other_parts_open() -> None:
    # "Part B-1" implies other parts: the list is that part's, so its histology stays a question.
    got = _listed("Dose expansion (Part B-1): one of the following tumor types:",
                  ["Prostate cancer after abiraterone", "Renal cell carcinoma",
                   "NSCLC of non-squamous histology without an actionable alteration"])
    assert got == (EL, UN, EL, UN)
