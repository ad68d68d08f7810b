"""A marker an inclusion sentence bars for one treatment group only ("Participants who received only a first- or
second-generation EGFR TKI must have T790M-negative disease on re-testing"): the ban binds the treated (as the
positive "... provided they have T790M" does, if_treated.py), and even for them it is a question, not a bar. Who
is in the group turns on the whole history ("only" these drugs, a later one), and such bullets route the marker's
carriers elsewhere ("T790M-positive participants must have received a third-generation TKI": a treatment rule).
It had excluded a T790M-positive patient after gefitinib. Near-misses: a ban asked of everyone, and a ban among
the exclusions, still exclude; an untreated carrier and a treated non-carrier stay eligible."""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

PRIMARY = "Documented EGFR sensitizing mutation (exon 19 deletion or L858R)."
T790M_GEFITINIB = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("gefitinib",), lines=1)
T790M_AFATINIB = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("afatinib",), lines=1)
GEFITINIB = patient("EGFR:exon 19 deletion", drugs=("gefitinib",), lines=1)
T790M_NAIVE = patient("EGFR:exon 19 deletion", "EGFR:T790M", lines=0)
MET_AMP_OSIMERTINIB = patient("EGFR:exon 19 deletion", "MET:amplification", drugs=("osimertinib",), lines=1)

# (sentence, the treated carrier it asks about)
GROUP_BANS = [
    ("Patients previously treated with erlotinib or gefitinib must have T790M-negative disease on re-biopsy.",
     T790M_GEFITINIB),
    ("Participants who progressed on afatinib or dacomitinib must be T790M negative by plasma ctDNA testing.",
     T790M_AFATINIB),
    ("Subjects who received a first-generation EGFR TKI must have no evidence of an EGFR T790M mutation.",
     T790M_GEFITINIB),
    ("Patients who received prior osimertinib must not have MET amplification.", MET_AMP_OSIMERTINIB),
    ("Patients who received gefitinib, erlotinib or afatinib should have T790M-negative status confirmed after "
     "progression.", T790M_AFATINIB),
    ("Participants who received only a first- or second-generation EGFR TKI must lack the T790M mutation.",
     T790M_GEFITINIB),
]


@pytest.mark.parametrize(("sentence", "carrier"), GROUP_BANS)
def test_treated_group_ban_is_a_question_for_the_treated(sentence: str, carrier: object) -> None:
    assert verdict(inc(PRIMARY, sentence), carrier) == "unknown"  # type: ignore[arg-type]


@pytest.mark.parametrize(("sentence", "carrier"), GROUP_BANS)
def test_treated_group_ban_leaves_others_eligible(sentence: str, carrier: object) -> None:
    text = inc(PRIMARY, sentence)
    assert verdict(text, T790M_NAIVE) == "eligible"  # never had the group's drugs
    assert verdict(text, GEFITINIB) == "eligible"  # in the group, without the barred change


def test_bullet_with_route_for_carriers() -> None:
    text = inc(PRIMARY, "Progression on EGFR TKI therapy, as follows: Participants who received only a first- or "
               "second-generation EGFR TKI must have T790M-negative disease on tissue or plasma re-testing after "
               "progression. Participants whose tumors are T790M-positive must have received and progressed on a "
               "third-generation EGFR TKI.")
    assert verdict(text, T790M_GEFITINIB) != "excluded"
    assert verdict(text, GEFITINIB) == "eligible"


@pytest.mark.parametrize(("text", "profile", "expected"), [
    # a ban asked of everyone, not of one treatment group
    (inc(PRIMARY, "Patients must have T790M-negative disease after progression on first-line EGFR TKI."),
     T790M_GEFITINIB, "excluded"),
    (inc(PRIMARY, "Patients must have T790M-negative disease after progression on first-line EGFR TKI."),
     T790M_NAIVE, "excluded"),
    (inc(PRIMARY) + exc("Known EGFR T790M mutation."), T790M_GEFITINIB, "excluded"),
    # the positive form keeps its reading: the treated non-carrier is a question, the untreated pass
    (inc(PRIMARY, "Patients previously treated with erlotinib or gefitinib must have a documented T790M mutation."),
     GEFITINIB, "unknown"),
    (inc(PRIMARY, "Patients previously treated with erlotinib or gefitinib must have a documented T790M mutation."),
     T790M_GEFITINIB, "eligible"),
])
def test_near_misses_keep_their_verdicts(text: str, profile: object, expected: str) -> None:
    assert verdict(text, profile) == expected  # type: ignore[arg-type]
