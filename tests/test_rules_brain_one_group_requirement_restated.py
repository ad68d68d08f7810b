"""Brain: one cohort's requirement of brain metastases, stated in its row of a cohort table ("Cohort 4 (CNS cohort):
intracranial progression ..., with at least one measurable, untreated or progressing brain metastasis") and again in
a later sentence that opens with the same group's label ("Cohorts 1-3: measurable disease per RECIST v1.1. Cohort 4:
measurable intracranial disease per RANO-BM."), was read as the trial's: the later sentence took the scope of the
group its bullet opened with ("Cohorts 1-3"), and "Cohort 4 (CNS cohort)" and "Cohort 4" counted as two groups both
asking for brain metastases. A patient without them (who may join another cohort) was excluded. Now a sentence that
opens with its own group's label is that group's, and a group's label with or without its aside is one group.
Near-misses: a requirement stated for everyone, or by two different groups of a trial that names no other, keeps
excluding patients without brain metastases. Invented sentences only."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain


def _table(heading: str, rows: list[str]) -> str:
    return heading + "".join(f" >> {row}" for row in rows)


_KINDS = [
    # an EGFR trial's cohort table, the CNS cohort's lesion restated beside the others' RECIST rule
    (_table("Cohort assignment by prior treatment:", [
        "Cohort A (TKI-naive): no prior EGFR TKI.",
        "Cohort B: progression on osimertinib given first line.",
        "Cohort C (intracranial cohort): CNS progression on a prior EGFR TKI, with at least one untreated or "
        "progressing brain metastasis >= 5 mm that does not need urgent local therapy."])
     + " // Cohorts A and B: at least one measurable lesion per RECIST 1.1. Cohort C: measurable brain disease per "
       "RANO-BM."),
    # parts instead of cohorts, the restated requirement a count of lesions
    (_table("Enrollment by part:", [
        "Part 1 (dose escalation): any line of therapy.",
        "Part 2 (CNS expansion): progression in the brain after a prior KRAS inhibitor, with at least one measurable "
        "untreated brain metastasis."])
     + " // Part 1: measurable or evaluable disease. Part 2: at least one measurable intracranial lesion >= 10 mm."),
    # arms, the restatement in its own bullet after a first sentence for the other arm
    (_table("Arm assignment:", [
        "Arm A: no prior therapy for metastatic disease.",
        "Arm B (brain metastasis arm): at least one active brain metastasis not requiring immediate radiotherapy."])
     + " // Arm A: measurable disease per RECIST v1.1. Arm B: at least one measurable brain lesion per RANO-BM."),
    # a ROS1 trial, four cohorts, the CNS cohort's row last
    (_table("Cohorts:", [
        "Cohort 1: ROS1 TKI-naive.",
        "Cohort 2: progression on one prior ROS1 TKI.",
        "Cohort 3: progression on two prior ROS1 TKIs.",
        "Cohort 4 (CNS): intracranial progression on a prior ROS1 TKI, with at least one measurable untreated or "
        "progressing brain metastasis."])
     + " // Cohorts 1-3: measurable extracranial or intracranial disease per RECIST v1.1. Cohort 4: measurable "
       "intracranial disease per RANO-BM."),
    # the restated label carries a different aside from the table's
    (_table("Patients will be assigned to one of the following cohorts:", [
        "Cohort 1 (first line): no prior systemic therapy.",
        "Cohort 2 (CNS cohort): at least one untreated brain metastasis >= 5 mm."])
     + " // Cohort 1: measurable disease per RECIST 1.1. Cohort 2 (brain): measurable intracranial disease per "
       "RANO-BM."),
]


@pytest.mark.parametrize("inclusion", _KINDS)
def test_one_cohorts_restated_requirement_leaves_the_others_open(inclusion: str) -> None:
    none, treated, active, _ = brain(inclusion=inclusion)
    assert (none, treated, active) == (EL, EL, EL)


@pytest.mark.parametrize("inclusion", _KINDS)
def test_a_limit_for_everyone_beside_them(inclusion: str) -> None:
    none, treated, _, _ = brain(inclusion=inclusion, exclusion="Leptomeningeal disease.")
    assert (none, treated) == (EL, EL)
    # an urgent need the active patient's profile does not settle: a question, for the CNS cohort's patients too
    none, treated, active, _ = brain(inclusion=inclusion, exclusion="Brain metastases requiring immediate "
                                                                    "radiotherapy or surgery.")
    assert (none, treated, active) == (EL, EL, UN)


@pytest.mark.parametrize("inclusion", [
    # no group label on the restated sentence: it is the whole trial's, as before
    "Measurable disease per RECIST v1.1. At least one untreated brain metastasis >= 5 mm.",
    "Adequate organ function. Patients must have at least one measurable untreated brain metastasis.",
    # two different groups ask for them, and the trial names no other group
    "Cohort 1: at least one untreated brain metastasis. // Cohort 2: at least one progressing brain metastasis after "
    "radiotherapy.",
    # the label opens the bullet itself: its first sentence keeps the bullet's group, everyone else's rule follows
    "Cohort 1: at least one untreated brain metastasis >= 5 mm. // Cohort 2: at least one brain metastasis "
    "progressing after radiosurgery.",
    "Part A: at least one untreated brain metastasis >= 5 mm. // Part B: at least one brain metastasis progressing "
    "after whole-brain radiotherapy.",
])
def test_a_requirement_of_everyone_still_excludes_patients_without(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[0] == EX
