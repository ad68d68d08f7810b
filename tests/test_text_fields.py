"""Old PDQ-style labelled fields run together in one sentence, recognised once by the splitter.

"PATIENT CHARACTERISTICS: Age: 70 and over Performance status: ECOG 0-2 Life expectancy: ... PRIOR CONCURRENT
THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy ...": the labels are the text's
structure (criteria/text.py, labelled_fields and Criterion.labelled_fields), one list for every dimension.
Performance status reads its own field of a run (an age or an "unless" in another field is not its condition);
prior therapy cuts the items inside the fields from "PRIOR CONCURRENT THERAPY:" on. Every sentence here is invented.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial
from trialmatch.criteria.rules import performance_status, prior_therapy
from trialmatch.criteria.text import labelled_fields, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"


def _pairs(sentence: str) -> list[tuple[str, str]]:
    return [(field.label, field.text) for field in labelled_fields(sentence)]


# --- the splitter gives the fields ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("PATIENT CHARACTERISTICS: Age: 75 and over Performance status: ECOG 0-1 Life expectancy: At least 3 months",
     [("PATIENT CHARACTERISTICS", ""), ("Age", "75 and over"), ("Performance status", "ECOG 0-1"),
      ("Life expectancy", "At least 3 months")]),
    # order varies: the performance field first, last, or between organ fields
    ("Performance status: Zubrod 0-2 Hematopoietic: Platelets at least 90,000/mm3 Renal: Creatinine normal",
     [("Performance status", "Zubrod 0-2"), ("Hematopoietic", "Platelets at least 90,000/mm3"),
      ("Renal", "Creatinine normal")]),
    ("Sex: Male or female Menopausal status: Not specified Hepatic: Bilirubin normal Performance status: WHO 0-1",
     [("Sex", "Male or female"), ("Menopausal status", "Not specified"), ("Hepatic", "Bilirubin normal"),
      ("Performance status", "WHO 0-1")]),
    ("Cardiovascular: No heart failure Pulmonary: FEV1 over 1 L Neurologic: No seizure disorder",
     [("Cardiovascular", "No heart failure"), ("Pulmonary", "FEV1 over 1 L"), ("Neurologic", "No seizure disorder")]),
    # the heading of prior therapy and its sub-labels; a label left empty
    ("PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy No other "
     "concurrent chemotherapy Surgery:",
     [("PRIOR CONCURRENT THERAPY", ""), ("Biologic therapy", "Not specified"),
      ("Chemotherapy", "No prior chemotherapy No other concurrent chemotherapy"), ("Surgery", "")]),
    ("PRIOR CONCURRENT THERAPY: Immunotherapy: No prior interleukin-2 Hormonal therapy: No concurrent tamoxifen "
     "Radiotherapy: At least 2 weeks since prior radiotherapy",
     [("PRIOR CONCURRENT THERAPY", ""), ("Immunotherapy", "No prior interleukin-2"),
      ("Hormonal therapy", "No concurrent tamoxifen"), ("Radiotherapy", "At least 2 weeks since prior radiotherapy")]),
    # the longer label wins ("Endocrine therapy", not "Endocrine"); both kinds in one run
    ("Endocrine: No uncontrolled diabetes Endocrine therapy: No concurrent steroids",
     [("Endocrine", "No uncontrolled diabetes"), ("Endocrine therapy", "No concurrent steroids")]),
    ("DISEASE CHARACTERISTICS: Stage IV non-small cell lung cancer PATIENT CHARACTERISTICS: Age: 21 and over "
     "PERFORMANCE STATUS: Karnofsky 60-100% Other: Not pregnant",
     [("DISEASE CHARACTERISTICS", "Stage IV non-small cell lung cancer"), ("PATIENT CHARACTERISTICS", ""),
      ("Age", "21 and over"), ("PERFORMANCE STATUS", "Karnofsky 60-100%"), ("Other", "Not pregnant")]),
    # words before the first label are in no field
    ("Patients must meet: Haematopoietic: Neutrophils at least 1,500/mm3 Cardiac: No angina",
     [("Haematopoietic", "Neutrophils at least 1,500/mm3"), ("Cardiac", "No angina")]),
])
def test_the_splitter_gives_the_labelled_fields(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(sentence) == expected


def test_a_field_quotes_its_label_and_knows_where_it_starts() -> None:
    sentence = "Age: 18 and over Performance status: ECOG 0-2 Life expectancy: 12 weeks"
    field = labelled_fields(sentence)[1]
    assert field.quoted == "Performance status: ECOG 0-2"
    assert sentence[field.start:].startswith("Performance status:")


@pytest.mark.parametrize("sentence", [
    "ECOG performance status 0-1",  # no colon
    "Stage IV disease: measurable by RECIST 1.1",  # "Stage" holds "age" but is no label
    "Any other: prior therapy must be stopped",  # a lower-case word is no label
    "Chemotherapy-naive patients: no prior systemic therapy",  # a label's word inside another word
    "Surgical resection: not planned",
])
def test_a_sentence_with_no_label_has_no_fields(sentence: str) -> None:
    assert labelled_fields(sentence) == ()


def test_a_criterion_gives_each_sentence_its_fields() -> None:
    markdown = ("Inclusion Criteria:\n\n* Measurable disease. PATIENT CHARACTERISTICS: Age: 18 and over "
                "Performance status: ECOG 0-1\n* Signed consent\n")
    first, second = split_criteria(markdown)
    assert len(first.labelled_fields()) == len(first.sentences()) == 2
    assert first.labelled_fields()[0] == ()
    assert [field.label for field in first.labelled_fields()[1]] == ["PATIENT CHARACTERISTICS", "Age",
                                                                      "Performance status"]
    assert second.labelled_fields() == [()]


# --- performance status reads its field ----------------------------------------------------------------------------

def _ecog(inclusion: str) -> tuple[tuple[str, ...], str]:
    """(the verdicts for ECOG 0-4, the evidence for ECOG 4) on a trial with this one inclusion bullet."""
    rules = performance_status.parse(invented_trial(f"* {inclusion}\n", "* Pregnancy\n"))
    findings = [performance_status.check(rules, Profile(ecog=e)) for e in range(5)]
    return tuple(f.verdict for f in findings), findings[-1].evidence


@pytest.mark.parametrize("inclusion, expected, evidence", [
    ("PATIENT CHARACTERISTICS: Age: 75 and over Performance status: ECOG 0-1 Life expectancy: At least 3 months "
     "Hepatic: (Unless due to liver metastases) Bilirubin normal", (EL, EL, EX, EX, EX),
     "Performance status: ECOG 0-1"),
    ("Performance status: Zubrod 0-2 Hematopoietic: Platelets at least 90,000/mm3 Renal: Creatinine normal unless "
     "due to dehydration", (EL, EL, EL, EX, EX), "Performance status: Zubrod 0-2"),
    ("Sex: Male or female Hepatic: Bilirubin normal Performance status: WHO 0-1",
     (EL, EL, EX, EX, EX), "Performance status: WHO 0-1"),
    ("DISEASE CHARACTERISTICS: Stage IV NSCLC PATIENT CHARACTERISTICS: Age: 21 and over PERFORMANCE STATUS: "
     "Karnofsky 60-100% Other: No other cancer except skin cancer", (EL, EL, UN, EX, EX),  # KPS 60 is ECOG 2 or 3
     "PERFORMANCE STATUS: Karnofsky 60-100%"),
])
def test_performance_reads_its_own_field(inclusion: str, expected: tuple[str, ...], evidence: str) -> None:
    assert _ecog(inclusion) == (expected, evidence)


def test_a_lone_performance_field_is_read_whole() -> None:
    # One label is no run: the sentence is all there is, quoted whole.
    verdicts, evidence = _ecog("Performance status: ECOG 0-1 for patients aged 70 or over")
    assert verdicts[:2] == (EL, EL)
    assert evidence == "Performance status: ECOG 0-1 for patients aged 70 or over"


def test_the_performance_field_keeps_its_own_exception() -> None:
    verdicts, _ = _ecog("Age: 18 and over Performance status: ECOG 0-1 (ECOG 2 if due to bone pain) Renal: normal")
    assert verdicts[:3] == (EL, EL, UN)


# --- prior therapy reads the items of its fields -------------------------------------------------------------------

BASE: dict[str, Any] = {"age": 62, "histology": "large cell", "stage": "IV", "ecog": 1, "biomarkers": [],
                        "tested_negative": ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "KRAS", "NRG1"],
                        "pdl1_tps": 50, "brain_metastases": "none"}
# invented profiles: unusual but real drug names, prior lines null and 0
PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"prior_therapies": [], "prior_lines": 0},
    "vinorelbine": {"prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": None},
    "nab-paclitaxel": {"prior_therapies": ["carboplatin", "nab-paclitaxel", "cemiplimab"], "prior_lines": 1},
    "zenocutuzumab": {"biomarkers": [{"gene": "NRG1", "alteration": "fusion"}], "tested_negative": ["EGFR", "ALK"],
                      "prior_therapies": ["zenocutuzumab"], "prior_lines": 1},
}


def _prior(who: str, inclusion: str) -> str:
    text = invented_trial(f"* {inclusion}\n", "* Pregnancy\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **PATIENTS[who]})).verdict


BANS_CHEMOTHERAPY = [
    "PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy No other "
    "concurrent chemotherapy Radiotherapy: Not specified",
    "PRIOR CONCURRENT THERAPY: Surgery: Recovered from prior surgery Chemotherapy: No prior cytotoxic chemotherapy "
    "Endocrine therapy: No concurrent hormones",
    "PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-1 PRIOR CONCURRENT THERAPY: Chemotherapy: "
    "No prior systemic chemotherapy No concurrent chemotherapy",
]


@pytest.mark.parametrize("inclusion", BANS_CHEMOTHERAPY)
def test_prior_therapy_reads_the_items_of_its_fields(inclusion: str) -> None:
    assert _prior("vinorelbine", inclusion) == EX
    assert _prior("nab-paclitaxel", inclusion) == EX
    assert _prior("naive", inclusion) == EL
    assert _prior("zenocutuzumab", inclusion) == EL  # an antibody is no chemotherapy


@pytest.mark.parametrize("inclusion", [
    # near misses: a washout, a concurrent-only item, a field of another heading
    "PRIOR CONCURRENT THERAPY: Chemotherapy: At least 4 weeks since prior chemotherapy No concurrent chemotherapy",
    "PRIOR CONCURRENT THERAPY: Immunotherapy: No concurrent immunotherapy Radiotherapy: Not specified",
    "PATIENT CHARACTERISTICS: Age: 18 and over Other: No chemotherapy-induced neuropathy above grade 1",
])
@pytest.mark.parametrize("who", ["vinorelbine", "nab-paclitaxel", "zenocutuzumab"])
def test_old_style_items_that_ban_nothing(inclusion: str, who: str) -> None:
    assert _prior(who, inclusion) != EX
