"""An organ word in its other sense names no cancer: "oral" as a route of administration ("the Oral TRK Inhibitor",
"an oral KRAS G12C inhibitor", "oral tablets") is no oral cavity cancer, and an organ's function, feeding or
metastases ("liver and renal function", "breast-feeding", "liver metastases") are no cancer of that organ. Read as
another cancer, a basket title such as "... of the Oral TRK Inhibitor X in Subjects With NTRK Fusion-Positive
Tumors" became a list of cancers without the lung (a question for every NSCLC patient). "Oral cavity", "oral
squamous cell carcinoma", "oral or oropharyngeal cancer" still name the mouth's cancer."""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, ALL_UN, trial, verdicts

from trialmatch.criteria.rules.disease.words import vocab

NEUTRAL = "* Age 18 years or older"


# A basket title (or condition) whose only "other organ" is a route or a function: open to NSCLC.
@pytest.mark.parametrize(("title", "conditions"), [
    # (Brief and official titles joined, as a record's are.)
    ("Drug A in Adults and Children With NTRK-Fusion Positive Solid Tumors / A Basket Study of the Oral TRK "
     "Inhibitor Drug A in Subjects With NTRK Fusion-Positive Tumors", ("Solid Tumors Harboring NTRK Fusion",)),
    ("Drug B, an Oral Selective RET Inhibitor, in Patients With RET-Altered Solid Tumours",
     ("Solid Tumor, Adult",)),
    ("Phase 1 Study of Oral KRAS G12D Inhibitor C-123 in Advanced Solid Tumors", ("Advanced Solid Tumor",)),
    ("Orally Administered Drug D Tablets in Patients With HER2-Mutant Solid Tumours", ("Solid Tumours",)),
    ("An Oral TKI, Drug E, for Advanced Solid Malignancies With NRG1 Fusions", ("Solid Malignancy",)),
    ("Drug F in Solid Tumours With Liver Metastases", ("Solid Tumor",)),
    ("Oral Drug G Given by Mouth in Advanced Solid Tumours", ("Neoplasms, Solid",)),
])
def test_route_or_function_words_leave_a_basket_open(title: str, conditions: tuple[str, ...]) -> None:
    assert verdicts(trial(NEUTRAL, "", title, conditions)) == ALL_EL


# Near-misses: the mouth's cancer (or another organ's) named in the basket keeps the question.
@pytest.mark.parametrize(("title", "conditions"), [
    ("Drug H in Oral Cavity and Oropharyngeal Squamous Cell Carcinoma and Other Solid Tumors", ("Solid Tumor",)),
    ("Drug J in Oral Squamous Cell Carcinoma and Selected Solid Tumours", ("Solid Tumours",)),
    ("Oral Drug K in Solid Tumours", ("Oral Cancer", "Solid Tumor")),
    ("The Oral Inhibitor L in Breast and Ovarian Solid Tumours", ("Solid Tumor",)),
])
def test_a_named_site_still_makes_the_basket_a_question(title: str, conditions: tuple[str, ...]) -> None:
    assert verdicts(trial(NEUTRAL, "", title, conditions)) == ALL_UN


@pytest.mark.parametrize("text", [
    "the Oral TRK Inhibitor", "an oral EGFR TKI", "oral medication", "Oral osimertinib", "oral tablets",
    "oral mucositis", "adequate renal function", "breast-feeding women", "liver metastases", "skin rash",
])
def test_not_a_site(text: str) -> None:
    assert vocab()["other_organs"].search(text) is None


@pytest.mark.parametrize("text", [
    "oral squamous cell carcinoma", "oral cancer", "oral or oropharyngeal cancer", "cancer of the oral cavity",
    "head and neck cancer (oral, laryngeal)", "oral tumours", "breast cancer", "liver cancer", "renal cell carcinoma",
])
def test_still_a_site(text: str) -> None:
    assert vocab()["other_organs"].search(text) is not None
