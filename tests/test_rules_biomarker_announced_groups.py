"""Two kinds that left a shared marker rule a question for every patient:

1. A line that opens with a numbered part and only announces the labelled groups under it ("Phase 2 (Dose
   Expansion), by cohort:") is those groups, not one more group with no marker rule; a "Phase 2" named elsewhere
   ("measurable disease (Phase 2)") is that part too, not an unseen way in.
2. A marker followed by a treatment state whose "or" offers another treatment state ("EGFR exon 20 insertion, with
   disease that has progressed on standard therapy, or patient is intolerant of, or has declined, standard therapy")
   is one marker rule; the "or" is not a second way past the marker.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_EX20, HER2_EX20, KRAS_G12C, MET_EX14, NO_DRIVER, RET, UNTESTED, verdict


def _trial(shared: str, heading: str, cohorts: list[str], later: str) -> str:
    return ("Inclusion Criteria:\n\n* Advanced NSCLC\n* " + shared + "\n* Phase 1: at least one prior line of therapy\n"
            + f"* {heading}\n" + "".join(f"  * {c}\n" for c in cohorts) + f"* {later}\n")


ANNOUNCED = [
    ("Documented EGFR exon 20 insertion or HER2 exon 20 insertion by a local test",
     "Phase 2 (Dose Expansion), by cohort:",
     ["Cohort A - EGFR exon 20 insertion, no prior systemic therapy",
      "Cohort B - HER2 exon 20 insertion, after platinum"],
     "Measurable disease per RECIST 1.1 (Phase 2)", EGFR_EX20),
    ("Tumour harbouring a RET fusion or a MET exon 14 skipping mutation",
     "Part 2 (expansion), by arm:",
     ["Arm 1: RET fusion, untreated", "Arm 2: MET exon 14 skipping, after chemotherapy"],
     "Archival tissue required in Part 2", MET_EX14),
    ("Known ALK rearrangement",
     "Stage B, enrolled into one of:",
     ["Group 1: ALK-positive after alectinib", "Group 2: ALK-positive after lorlatinib"],
     "ECOG 0-1 (Stage B)", ALK),
    ("KRAS G12C mutation confirmed centrally",
     "Module 3 (combination) cohorts:",
     ["Cohort 3a: KRAS G12C, first line", "Cohort 3b: KRAS G12C, second line"],
     "Adequate organ function (Module 3)", KRAS_G12C),
    ("Documented HER2 exon 20 insertion",
     "Phase II expansion, by cohort:",
     ["Cohort 1 - HER2 exon 20 insertion, untreated", "Cohort 2 - HER2 exon 20 insertion, pretreated"],
     "Measurable disease in Phase II", HER2_EX20),
    ("RET fusion by NGS",
     "Part B (dose optimisation), by dose level:",
     ["Cohort B1 - RET fusion, 120 mg", "Cohort B2 - RET fusion, 160 mg"],
     "Brain imaging at baseline for Part B", RET),
]


@pytest.mark.parametrize(("shared", "heading", "cohorts", "later", "carrier"), ANNOUNCED)
def test_an_announcing_heading_is_its_groups(shared: str, heading: str, cohorts: list[str], later: str,
                                             carrier: object) -> None:
    text = _trial(shared, heading, cohorts, later)
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, UNTESTED) == "unknown"


def test_a_heading_with_a_rule_word_stays_a_group() -> None:
    # Near-miss: "Phase 2, no prior therapy required:" says something of its own; it is left as it was read.
    text = _trial(ANNOUNCED[0][0], "Phase 2 (any NSCLC), no prior therapy required:", ANNOUNCED[0][2], "ECOG 0-1")
    assert verdict(text, NO_DRIVER) != "eligible"


TREATMENT_OR = [
    "Documented EGFR exon 20 insertion or HER2 exon 20 insertion mutation, with disease that has progressed "
    "on or after standard therapy, or patient is intolerant of, or has declined, standard therapy",
    "KRAS G12C mutation, with progression on prior platinum chemotherapy, or patients who refused chemotherapy",
    "RET fusion-positive NSCLC that progressed on standard treatment, or patients ineligible for standard treatment",
    "MET exon 14 skipping mutation and disease progression after one prior regimen, or participants who declined "
    "that regimen",
    "HER2 exon 20 insertion with progression on platinum-based therapy, or patients intolerant of platinum therapy",
    "Documented ALK fusion; progressed on an approved TKI, or patient is intolerant to TKI treatment",
]


@pytest.mark.parametrize("sentence", TREATMENT_OR)
def test_a_treatment_alternative_after_the_marker_keeps_the_marker_rule(sentence: str) -> None:
    text = "Inclusion Criteria:\n\n* " + sentence + "\n"
    assert verdict(text, NO_DRIVER) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Must have either tumours that harbour an EGFR mutation in exon 19 or 21, or must be never smokers",
    "ALK-positive NSCLC, or patients who never smoked",
])
def test_an_unread_way_in_stays_a_question(sentence: str) -> None:
    # Near-misses: the "or" offers a way in the marker reading cannot check, with no treatment state.
    assert verdict("Inclusion Criteria:\n\n* " + sentence + "\n", NO_DRIVER) != "excluded"
