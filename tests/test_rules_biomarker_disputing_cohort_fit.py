"""A shared closed EGFR list beside cohorts for acquired changes (session 25, round 2, kind 17 of set R).

"Documented activating EGFR mutation (exon 19 deletion or L858R) with or without T790M and/or C797S" beside
"Cohort A: C797S positive after a third-generation TKI": the cohorts ask for changes the shared list does not name,
so a carrier failing the shared list was a question (it might fit a cohort). An exon 20 insertion carrier has none
of the changes the cohorts ask for: it fits neither, and is excluded. A carrier of a cohort's change (T790M beside
an uncommon primary, for example) stays a question; a carrier of the listed changes stays eligible.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_EX20, EGFR_G719X, KRAS_G12C, L858R_C797S, UNTESTED, patient, verdict

G719X_T790M = patient("EGFR:G719X", "EGFR:T790M")
EX20_C797S = patient("EGFR:exon 20 insertion", "EGFR:C797S")


def _trial(shared: str, *cohorts: str) -> str:
    return "Inclusion Criteria:\n\n" + f"* {shared}\n" + "".join(f"* {c}\n" for c in cohorts)


# (shared rule, cohorts, a carrier of a change outside both)
CASES = [
    ("Documented EGFR activating mutation (exon 19 deletion or L858R) with or without T790M and/or C797S",
     ("Cohort A: EGFR C797S positive after a third-generation EGFR TKI",
      "Cohort B: EGFR T790M or C797S positive after a first- or second-generation EGFR TKI"), EGFR_EX20),
    ("Tumour with a sensitising EGFR mutation (L858R or exon 19 deletion), with or without an acquired T790M",
     ("Part 2 Cohort 1: T790M-positive disease after gefitinib or erlotinib",), EGFR_EX20),
    ("Classical EGFR mutation (exon 19 deletion or L858R), T790M and C797S allowed",
     ("Arm 1: acquired C797S mutation", "Arm 2: acquired T790M mutation"), EGFR_G719X),
    ("NSCLC harbouring EGFR exon 19 deletion or L858R, alone or with T790M",
     ("Expansion cohort: EGFR T790M detected in plasma after progression",), EGFR_EX20),
    ("Confirmed EGFR L858R or exon 19 deletion, with or without C797S",
     ("Cohort C: C797S positive after osimertinib",), EGFR_G719X),
    ("Documented common EGFR mutation (exon 19 deletion or L858R) with or without resistance mutations T790M/C797S",
     ("Cohort 1: C797S after third-generation TKI", "Cohort 2: T790M after first-generation TKI"), EGFR_EX20),
]


@pytest.mark.parametrize(("shared", "cohorts", "outside"), CASES)
def test_carrier_of_no_cohort_change_is_excluded(shared: str, cohorts: tuple[str, ...], outside: object) -> None:
    criteria = _trial(shared, *cohorts)
    assert verdict(criteria, outside) == "excluded"
    assert verdict(criteria, KRAS_G12C) == "excluded"
    assert verdict(criteria, UNTESTED) == "unknown"


def test_carrier_of_a_cohort_change_stays_a_question() -> None:
    criteria = _trial(*CASES[0][:1], *CASES[0][1])
    assert verdict(criteria, EX20_C797S) == "unknown"
    assert verdict(criteria, L858R_C797S) == "eligible"
    criteria = _trial(CASES[1][0], *CASES[1][1])
    assert verdict(criteria, G719X_T790M) == "unknown"


def test_shared_rule_with_cohorts_keeps_listed_carriers() -> None:
    criteria = _trial(CASES[3][0], *CASES[3][1])
    assert verdict(criteria, patient("EGFR:exon 19 deletion", "EGFR:T790M")) == "eligible"
