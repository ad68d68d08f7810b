"""Sub-bullets after a lead-in "progression on X, given as either:" / "... administered as one of the following:" are
OR alternatives of the lead-in's requirement (X). A first alternative that is only a line position, with or without
the setting it was given in ("first-line treatment for advanced disease"), asks nothing more, so the condition of
another alternative ("second-line after a 1st/2nd-generation TKI in patients with T790M") binds only that branch."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _profile(alterations: list[str], drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"ep-{alterations}-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma",
                              "stage": "IV", "ecog": 1,
                              "biomarkers": [{"gene": "EGFR", "alteration": a} for a in alterations],
                              "tested_negative": ["ALK", "ROS1"], "prior_therapies": drugs, "prior_lines": lines})


def _verdict(lead: str, first: str, second: str, profile: Any) -> str:
    text = (f"Inclusion Criteria:\n\n* Stage IV NSCLC\n* {lead}\n  * {first}, or\n  * {second}\n\n"
            "Exclusion Criteria:\n\n* Pregnancy")
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": text}}}
    return DIMENSIONS["prior_therapy"].check(parse_record(rec)["prior_therapy"], profile).verdict


FIRST_LINE_ONLY = _profile(["L858R"], ["osimertinib"], 1)
NAIVE = _profile(["exon 19 deletion"], [], 0)

CASES = [
    ("Radiological progression while on osimertinib, administered as either:",
     "first-line treatment for advanced disease",
     "second-line treatment following a first- or second-generation EGFR-TKI in patients with T790M mutation."),
    ("Documented disease progression on osimertinib, given as one of the following:",
     "1st line therapy in the metastatic setting",
     "2nd line therapy after erlotinib or afatinib for participants with an acquired T790M"),
    ("Progressed on osimertinib received as either:",
     "first-line therapy for locally advanced or metastatic NSCLC",
     "second-line therapy after prior gefitinib in subjects with EGFR T790M"),
    ("Disease progression on osimertinib, used as either:",
     "the first-line treatment for metastatic disease",
     "a later line after dacomitinib in patients whose tumours acquired T790M"),
    ("Radiographic progression during osimertinib administered as either:",
     "first line treatment in the advanced setting",
     "second line treatment following an earlier-generation EGFR TKI for T790M-positive patients"),
    ("Progression on osimertinib, taken as one of the following:",
     "1st-line treatment for recurrent disease",
     "2nd-line treatment following icotinib in patients with T790M mutation"),
]


@pytest.mark.parametrize(("lead", "first", "second"), CASES)
def test_first_line_use_meets_the_lead_in(lead: str, first: str, second: str) -> None:
    assert _verdict(lead, first, second, FIRST_LINE_ONLY) == "eligible"


@pytest.mark.parametrize(("lead", "first", "second"), CASES)
def test_lead_in_drug_still_required(lead: str, first: str, second: str) -> None:
    assert _verdict(lead, first, second, NAIVE) == "excluded"


# Near-miss: a first alternative that names a treatment of its own is a requirement, not a bare position.
def test_first_alternative_with_drug_keeps_its_requirement() -> None:
    verdict = _verdict("Disease progression on osimertinib, given as either:",
                       "second-line treatment after erlotinib",
                       "third-line treatment after erlotinib and platinum chemotherapy", FIRST_LINE_ONLY)
    assert verdict == "excluded"
