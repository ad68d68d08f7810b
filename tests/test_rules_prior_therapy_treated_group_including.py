"""A requirement named as a group of patients by what they were given, spelt out by kinds of patient:

    "Subjects with radiographic progression after EGFR-TKI treatment, including:
       * Subjects who progressed on a first- or second-generation EGFR TKI ...;
       * Subjects who progressed on first-line osimertinib."

Two faults made it a rule for EGFR carriers only, so every patient without an EGFR finding (never given an EGFR TKI)
was let through (set S, 6 verdicts):
1. the group's gene was read from the drug class ("EGFR-TKI", "ALK inhibitors", "KRAS G12C-directed agent",
   "anti-EGFR therapy"): a gene named as a drug's target names no marker group (reader.scope DRUG_CLASS);
2. the "including:" items were joined by "and" as parts of one history (including.py), though each names a kind of
   patient: each is one way in (alternatives.py), as under "specifically:".

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import FULL_PANEL, prior_verdict
from trialmatch.criteria.rules.reader.scope import condition_scope


def _patient(gene: str | None, alteration: str, drugs: list[str]) -> dict[str, object]:
    bio = [{"gene": gene, "alteration": alteration}] if gene else []
    negative = [g for g in FULL_PANEL if g != gene]
    return {"biomarkers": bio, "tested_negative": negative, "prior_therapies": drugs, "prior_lines": 1 if drugs else 0}


NO_DRIVER_CHEMO_IO = _patient(None, "", ["carboplatin", "pemetrexed", "pembrolizumab"])
NO_DRIVER_NAIVE = _patient(None, "", [])

# (lead-in and items, a patient who had one listed treatment, the matching untreated carrier)
CASES = [
    ("Subjects with radiographic disease progression after EGFR-TKI treatment, including:\n"
     "  * Subjects who progressed on first-line osimertinib;\n"
     "  * Subjects with progression after gefitinib, erlotinib or afatinib.",
     _patient("EGFR", "L858R", ["gefitinib"]), _patient("EGFR", "L858R", [])),
    ("Patients with resistance to ALK inhibitors (ALK-TKIs), including:\n"
     "  * Patients who progressed on alectinib, brigatinib or ensartinib\n"
     "  * Patients who progressed on crizotinib",
     _patient("ALK", "EML4-ALK fusion", ["crizotinib"]), _patient("ALK", "EML4-ALK fusion", [])),
    ("Participants with documented progression on a KRAS G12C-directed agent, including:\n"
     "  * Participants who received sotorasib\n"
     "  * Participants who received adagrasib",
     _patient("KRAS", "G12C", ["carboplatin", "pemetrexed", "sotorasib"]),
     _patient("KRAS", "G12C", [])),
    ("Patients with failure of prior EGFR tyrosine kinase inhibitor therapy, including:\n"
     "  1) Patients whose disease progressed on dacomitinib or afatinib;\n"
     "  2) Patients whose disease progressed on osimertinib (3rd generation EGFR-TKI).",
     _patient("EGFR", "exon 19 deletion", ["osimertinib"]), _patient("EGFR", "exon 19 deletion", [])),
    ("Subjects with disease progression after 3rd-generation EGFR-TKI, include:\n"
     "  a. Subjects who have received osimertinib as first line;\n"
     "  b. Subjects who have received aumolertinib or furmonertinib as first line.",
     _patient("EGFR", "exon 19 deletion", ["osimertinib"]), _patient("EGFR", "exon 19 deletion", [])),
    ("Patients with relapse following ROS1 targeted therapy, including:\n"
     "  - Patients with progression on crizotinib\n"
     "  - Patients with progression on entrectinib",
     _patient("ROS1", "CD74-ROS1 fusion", ["entrectinib"]), _patient("ROS1", "CD74-ROS1 fusion", [])),
]


@pytest.mark.parametrize(("inclusion", "had", "naive"), CASES)
def test_a_listed_history_is_a_way_in(inclusion: str, had: dict[str, object], naive: dict[str, object]) -> None:
    assert prior_verdict(had, [inclusion]) == "eligible"


@pytest.mark.parametrize(("inclusion", "had", "naive"), CASES)
def test_the_untreated_carrier_is_excluded(inclusion: str, had: dict[str, object], naive: dict[str, object]) -> None:
    assert prior_verdict(naive, [inclusion]) == "excluded"


@pytest.mark.parametrize(("inclusion", "had", "naive"), CASES)
@pytest.mark.parametrize("other", [NO_DRIVER_CHEMO_IO, NO_DRIVER_NAIVE])
def test_a_patient_without_the_marker_is_not_let_through(inclusion: str, had: dict[str, object],
                                                          naive: dict[str, object], other: dict[str, object]) -> None:
    assert prior_verdict(other, [inclusion]) == "excluded"


@pytest.mark.parametrize("text", [
    "Subjects with radiographic disease progression after EGFR-TKI treatment, including:",
    "Participants with resistance to ALK inhibitors:",
    "Patients with progression on a KRAS G12C-directed agent must have measurable disease",
    "Patients with failure of anti-EGFR therapy must have a new biopsy",
    "Subjects with HER2-targeted therapy exposure:",
])
def test_a_drug_class_names_no_marker_group(text: str) -> None:
    scope = condition_scope(text)
    assert scope is None or not scope.genes


@pytest.mark.parametrize(("text", "genes"), [
    # A marker named beside the drug class still names the group.
    ("Patients with EGFR mutation after EGFR-TKI failure must have a biopsy", ("EGFR",)),
    ("Patients with EGFR TKI-sensitising mutations must have received osimertinib", ("EGFR",)),
    ("Patients with ALK-positive NSCLC who progressed on an ALK inhibitor must ...", ("ALK",)),
    ("Subjects with ROS1 fusion:", ("ROS1",)),
])
def test_near_miss_marker_groups_keep_their_gene(text: str, genes: tuple[str, ...]) -> None:
    scope = condition_scope(text)
    assert scope is not None and scope.genes == genes


def test_near_miss_treatments_under_including_still_add_up() -> None:
    inclusion = ("Has received at least 1 prior line of therapy for metastatic disease, including:\n"
                 "  * Platinum-based chemotherapy\n"
                 "  * An anti-PD-1 or anti-PD-L1 antibody")
    assert prior_verdict(_patient(None, "", ["carboplatin", "pemetrexed"]), [inclusion]) == "excluded"
    assert prior_verdict(NO_DRIVER_CHEMO_IO, [inclusion]) == "eligible"


def test_near_miss_marker_kinds_under_including_set_no_therapy_rule() -> None:
    inclusion = ("Subjects with EGFR-mutant NSCLC, including:\n"
                 "  * Subjects with exon 19 deletion\n"
                 "  * Subjects with L858R mutation")
    assert prior_verdict(_patient("EGFR", "L858R", []), [inclusion]) == "eligible"
