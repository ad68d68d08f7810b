"""Set O kind 3: a marker named inside a therapy phrase read as a population marker rule.

"..., or on a first-generation EGFR TKI with T790M-negative status" puts the marker on one of several treatment
options (a prior-therapy matter), and "any EGFR TKI or EGFR exon20ins targeted therapy" names a drug class, so an
exclusion bans the drug, never the marker. Every sentence is invented; near-misses keep their old reading.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_19_T790M,
    EGFR_EX20,
    KRAS_G12C,
    L858R_T790M,
    NO_DRIVER,
    exc,
    inc,
    verdict,
)

# ---- a marker that qualifies one OR'd treatment option -----------------------------------------------------------

EGFR_BASE = "Advanced NSCLC with a documented EGFR mutation."
OPTIONS = [
    "Must have progressed on osimertinib, or on a first- or second-generation EGFR TKI with T790M-negative status "
    "confirmed after progression.",
    "Progression after osimertinib; or after gefitinib, erlotinib or afatinib with documented T790M-negative status.",
    "Patients must have had disease progression on a third-generation TKI or on an earlier TKI with T790M negative "
    "result on re-biopsy.",
    "Prior lazertinib, or prior dacomitinib with confirmed absence of T790M at progression.",
    "Progressed on osimertinib or on afatinib with T790M-negative tissue or plasma testing.",
    "Must have received aumolertinib, or erlotinib with a T790M-negative status at progression.",
]


@pytest.mark.parametrize("sentence", OPTIONS)
def test_marker_on_one_therapy_option_sets_no_marker_rule(sentence: str) -> None:
    criteria = inc(EGFR_BASE, sentence)
    assert verdict(criteria, EGFR_19_T790M) == "eligible"
    assert verdict(criteria, L858R_T790M) == "eligible"
    assert verdict(criteria, EGFR_19) == "eligible"
    assert verdict(criteria, KRAS_G12C) == "excluded"  # the trial's own EGFR rule still binds


def test_single_route_with_marker_keeps_its_rule() -> None:
    # no alternative option: the marker is the patient's, as before
    criteria = inc(EGFR_BASE, "Progressed on gefitinib with T790M-negative status")
    assert verdict(criteria, EGFR_19_T790M) == "excluded"
    assert verdict(criteria, EGFR_19) == "eligible"


def test_or_between_markers_is_not_a_therapy_option() -> None:
    criteria = inc("Documented EGFR exon 19 deletion or with L858R mutation")
    assert verdict(criteria, EGFR_19) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "excluded"


# ---- "[marker] targeted therapy" names a drug class: in an exclusion it bans the drug --------------------------

EX20_BASE = "Documented EGFR exon 20 insertion mutation."
CLASS_BANS = [
    "Prior treatment with any EGFR TKI or with EGFR exon20ins targeted therapy, including but not limited to "
    "mobocertinib, amivantamab, poziotinib.",
    "Previous therapy with osimertinib or with EGFR exon 20 insertion targeted agents (e.g. sunvozertinib).",
    "Received any EGFR inhibitor or an EGFR exon 20 insertion targeted drug before enrolment.",
    "Prior exposure to an approved EGFR exon20ins targeted therapy or to any investigational EGFR TKI.",
    "Prior treatment with chemotherapy or with EGFR ex20ins targeted treatment is not allowed.",
    "Treatment with any HER2 or EGFR exon 20 targeted therapy within 4 weeks.",
]


@pytest.mark.parametrize("sentence", CLASS_BANS)
def test_targeted_therapy_class_bans_no_marker(sentence: str) -> None:
    criteria = inc(EX20_BASE) + "\n" + exc(sentence)
    assert verdict(criteria, EGFR_EX20) == "eligible"
    assert verdict(criteria, EGFR_19) == "excluded"  # the inclusion still asks for exon 20 insertion


def test_known_marker_ban_kept() -> None:
    criteria = exc("Known EGFR exon 20 insertion or ALK fusion")
    assert verdict(criteria, EGFR_EX20) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_marker_required_before_a_therapy_option_kept() -> None:
    # the marker heads the sentence, the options only follow it: still the population rule
    criteria = inc("Documented EGFR T790M mutation, after progression on gefitinib or on erlotinib")
    assert verdict(criteria, EGFR_19_T790M) == "eligible"
    assert verdict(criteria, EGFR_19) == "excluded"


def test_driver_class_with_treatment_tail_kept() -> None:
    # "aberration for which targeted therapy exists" names the tumour's driver class, not a drug class
    criteria = inc("No known EGFR mutation, ALK fusion, or other genomic aberration for which targeted therapy exists")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"
