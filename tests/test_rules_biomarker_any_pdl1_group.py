"""A group that says it takes any PD-L1 level ("Part C (NSCLC, drug + chemotherapy): no prior therapy, any PD-L1")
beside a group with a PD-L1 cut-off ("Part B: ... PD-L1 expression >= 50% (TPS)") is a way in for a patient below
the cut-off. Before, only the group with the cut-off was known to the biomarker reader, so a KRAS G12C patient with
PD-L1 30% fitting Part C was left a question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import patient, verdict

G12C_30 = patient("KRAS:G12C", pdl1=30)
G12C_70 = patient("KRAS:G12C", pdl1=70)
NO_G12C = patient(pdl1=30)


def _trial(cut: str, any_group: str) -> str:
    return ("Inclusion Criteria:\n\n* KRAS G12C mutation in tumour tissue or ctDNA\n* Prior therapy by part:\n"
            f"  * {cut}\n  * {any_group}\n")


CASES = [
    ("Phase 1b Part B (NSCLC, drug + pembrolizumab): no prior systemic therapy and PD-L1 expression >=50% (TPS)",
     "Phase 1b Part C (NSCLC, drug + pembrolizumab + chemotherapy): no prior systemic therapy, any PD-L1"),
    ("Phase 2 Cohort B (first line, with pembrolizumab): PD-L1 TPS of at least 50%",
     "Phase 2 Cohort C (first line, with chemotherapy): any PD-L1 TPS"),
    ("Phase 3 Part 1 (with pembrolizumab): PD-L1 >= 50%",
     "Phase 3 Part 2 (with platinum doublet): any PD-L1 status"),
    ("Phase 1b Part B (triplet): PD-L1 >= 50%",
     "Phase 1b Part D (after a KRAS G12C inhibitor): progressed on sotorasib or adagrasib, any PD-L1 expression"),
    ("Phase 2 Part A (with an anti-PD-1 antibody): PD-L1 tumour proportion score >= 1%",
     "Phase 2 Part B (with docetaxel): enrolled regardless of PD-L1 expression"),
    ("Phase 1b Cohort 2 (doublet): PD-L1 TPS 1-49%",
     "Phase 1b Cohort 3 (pretreated): all PD-L1 levels allowed"),
]


@pytest.mark.parametrize(("cut", "any_group"), CASES)
def test_the_any_level_group_is_a_way_in(cut: str, any_group: str) -> None:
    text = _trial(cut, any_group)
    assert verdict(text, G12C_30 if "1-49" not in cut else G12C_70) == "eligible"
    assert verdict(text, NO_G12C) == "excluded"  # the shared marker rule still binds


def test_without_the_any_level_group_the_cut_off_leaves_a_question() -> None:
    # Near-miss: the sibling group says nothing about PD-L1.
    text = _trial("Phase 1b Part B (NSCLC, drug + pembrolizumab): PD-L1 expression >=50% (TPS)",
                  "Phase 1b Part D (previously treated with a KRAS G12C inhibitor): progressed after sotorasib")
    assert verdict(text, G12C_30) == "unknown"


def test_an_any_pdl1_drug_is_not_a_group_s_level() -> None:
    # Near-miss: "any PD-L1 inhibitor" names drugs, not PD-L1 levels.
    text = _trial("Phase 1b Part B (NSCLC, drug + pembrolizumab): PD-L1 expression >=50% (TPS)",
                  "Phase 1b Part D (previously treated with a KRAS G12C inhibitor): no prior treatment with any "
                  "PD-L1 inhibitor")
    assert verdict(text, G12C_30) == "unknown"
