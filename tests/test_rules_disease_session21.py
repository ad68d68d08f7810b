"""Disease kinds of session 21 (found on an invented, independently labelled set).

"No prior systemic therapy for lung cancer" in a small cell trial names the disease a treatment was for (the small
cell cancer itself), not lung cancer in general: the trial stays small cell only. Before, the generic "lung cancer"
opened the trial to every NSCLC patient.
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, ALL_EX, EX, trial, verdicts

SCLC_TITLE = "Drug X Plus Chemo-Immunotherapy in First-line Extensive-Stage SCLC"
SCLC_CONDITIONS = ("Small Cell Lung Carcinoma",)


@pytest.mark.parametrize("line", [
    "No prior systemic anticancer therapy (chemotherapy, immunotherapy or targeted therapy) for lung cancer.",
    "No previous treatment for lung cancer, except chemoradiotherapy for limited-stage disease.",
    "Must not have received chemotherapy for extensive-stage lung cancer.",
    "No prior immunotherapy given for lung cancer.",
    "Prior radiotherapy of lung cancer completed more than 6 months ago is allowed.",
    "No prior systemic treatments against metastatic lung carcinoma.",
])
def test_a_treatment_for_lung_cancer_leaves_a_small_cell_trial_small_cell(line: str) -> None:
    text = trial(f"* Histologically confirmed extensive-stage small cell lung cancer\n* {line}\n",
                 "* Mixed small cell and non-small cell histology\n", SCLC_TITLE, SCLC_CONDITIONS)
    assert verdicts(text) == ALL_EX


@pytest.mark.parametrize("line", [
    "Histologically confirmed lung cancer of any type.",  # lung cancer in general, enrolled: NSCLC may join
    "Stage IV lung cancer (small cell or non-small cell).",
])
def test_lung_cancer_enrolled_still_opens_the_trial(line: str) -> None:
    text = trial(f"* Histologically confirmed extensive-stage small cell lung cancer\n* {line}\n", "",
                 SCLC_TITLE, SCLC_CONDITIONS)
    assert verdicts(text) == ALL_EL


# "Small cell lung cancer; mixed histology with a non-small cell component is not allowed": the NSCLC named is a
# component of a small cell tumour (and left out); the ban after the semicolon is not the small cell cancer's.
@pytest.mark.parametrize("line", [
    "Histologically or cytologically confirmed small cell lung cancer (SCLC); mixed histology with a non-small cell "
    "component is not allowed.",
    "Confirmed SCLC; combined histology with NSCLC elements is excluded.",
    "Small cell lung cancer confirmed by biopsy; tumours with non-small cell lung cancer components are not eligible.",
    "Pathologically confirmed extensive-stage SCLC; mixed tumours with NSCLC features are not allowed.",
    "Histologically confirmed small cell lung carcinoma; a non-small cell carcinoma component is not permitted.",
    "Relapsed small cell lung cancer; any NSCLC component excludes the patient.",
])
def test_an_nsclc_component_of_a_small_cell_tumour_leaves_the_trial_small_cell(line: str) -> None:
    text = trial(f"* {line}\n* ECOG 0-2\n", "* Pregnancy\n", "Drug Y in Relapsed Small Cell Lung Cancer",
                 SCLC_CONDITIONS)
    assert verdicts(text) == ALL_EX


def test_nsclc_enrolled_beside_small_cell_still_opens_the_trial() -> None:
    text = trial("* Small cell lung cancer or non-small cell lung cancer with neuroendocrine features\n", "",
                 "Drug Y in Lung Cancer", ("Lung Cancer",))
    assert EX not in verdicts(text)


# "Histologically confirmed primary malignancy, except for small cell carcinoma, germ cell tumour, lymphoma": small cell
# cancer named only to be left out (every other cancer is taken), not the trial's disease (it had been read as
# "small cell lung cancer only", excluding every NSCLC patient from a brain radiosurgery trial).
@pytest.mark.parametrize("line", [
    "Histologically confirmed primary malignancy, except for small cell carcinoma, germ cell tumor, lymphoma, "
    "leukemia, or multiple myeloma",
    "Any solid tumour histology excluding small cell lung cancer and lymphoma",
    "Pathologically proven cancer other than small cell lung cancer",
    "Confirmed primary malignancy (all histologies except SCLC and germ cell tumours)",
    "Any cancer diagnosis, with the exception of small cell carcinoma",
    "Biopsy-proven malignancy but not small cell lung carcinoma",
])
def test_small_cell_cancer_left_out_is_not_the_trials_disease(line: str) -> None:
    text = trial(f"* {line}\n* 1-3 brain metastases on MRI\n", "* Pregnancy\n",
                 "Radiosurgery With or Without Whole Brain Radiotherapy for Brain Metastases", ("Brain Metastases",))
    assert EX not in verdicts(text)
