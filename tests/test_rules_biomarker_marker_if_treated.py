"""A marker asked only in the treated branch of an either/or: "Patients may be EGFR TKI naive, OR have received a
first- or second-generation EGFR TKI provided they have a documented T790M mutation". Before, the T790M requirement
bound everyone (a naive exon 19 deletion was a question). Now it binds only patients who had the named drugs or
classes: an untreated patient passes, a treated one needs the marker as written (excluded, or unknown where the
sentence's wording leaves it open), and a history we cannot read is never excluded.

Near-misses: a carrier rule naming a marker before the drugs ("EGFR-mutant patients who received ... must have
T790M") and a sentence naming no drug keep their old reading.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, verdict

from trialmatch.criteria.rules.biomarker.if_treated import marker_if_treated

NAIVE_19 = patient("EGFR:exon 19 deletion", lines=0)
NAIVE_L858R = patient("EGFR:L858R", lines=0)
GEFITINIB_19 = patient("EGFR:exon 19 deletion", drugs=("gefitinib",), lines=1)
ERLOTINIB_L858R_T790M = patient("EGFR:L858R", "EGFR:T790M", drugs=("erlotinib",), lines=1)
AFATINIB_19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("afatinib",), lines=1)
OSIMERTINIB_19 = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
NO_HISTORY_19 = patient("EGFR:exon 19 deletion")

SENTENCES = [
    "Patients may be EGFR TKI naive, OR have received a first- or second-generation EGFR TKI provided they have a "
    "documented T790M mutation",
    "Either no prior EGFR-directed therapy, or prior treatment with gefitinib, erlotinib or afatinib provided that "
    "an EGFR T790M mutation was confirmed after progression",
    "Participants previously treated with a 1st or 2nd generation EGFR tyrosine kinase inhibitor must have a "
    "documented EGFR T790M resistance mutation",
    "Subjects who progressed on erlotinib, gefitinib, afatinib or dacomitinib must have an EGFR T790M mutation "
    "shown on tissue or plasma",
    "Patients may be treatment naive or may have received an earlier-generation EGFR TKI (gefitinib, erlotinib, "
    "icotinib, afatinib) as long as the tumour carries the T790M mutation",
    "Patients who have been treated with an earlier-generation EGFR TKI (e.g. icotinib) should have a confirmed EGFR "
    "T790M mutation",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_marker_binds_the_treated_branch_alone(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, NAIVE_19) == "eligible"
    assert verdict(text, NAIVE_L858R) == "eligible"
    assert verdict(text, ERLOTINIB_L858R_T790M) == "eligible"
    assert verdict(text, AFATINIB_19_T790M) == "eligible"
    assert verdict(text, GEFITINIB_19) in {"excluded", "unknown"}
    assert verdict(text, NO_HISTORY_19) != "excluded"


def test_a_later_generation_drug_is_not_the_treated_branch() -> None:
    # Osimertinib is third generation: the T790M condition of earlier-generation takers does not reach it.
    assert verdict(inc(SENTENCES[0]), OSIMERTINIB_19) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients with EGFR mutation who received erlotinib must have a T790M mutation",
    "Patients must have a documented EGFR T790M mutation",
    "Patients must have received platinum-based chemotherapy",
    "EGFR exon 19 deletion or L858R, with or without T790M",
])
def test_near_misses_are_not_read_as_a_treated_branch(sentence: str) -> None:
    assert marker_if_treated(sentence) is None


def test_a_plain_requirement_still_binds_everyone() -> None:
    assert verdict(inc("Tumour must carry an EGFR T790M mutation"), NAIVE_19) == "excluded"
