"""A sub-bullet that opens with a bare code ("2A:", "C1:", "B2 -", "2D (CNS cohort):") under a parent that names the
kind of group its sub-bullets are ("Part 2 cohorts (...):", "Cohorts:", "Expansion cohorts:", "Treatment arms:") is
that group, as "Cohort 2A:" is (reader/cohort_codes.py, reader/lists.py): one cohort's brain-metastasis requirement
or ban is not every patient's. Near-misses keep their reading: numbered items under an ordinary lead ("1:", "a)"),
a parent that is every group's rule ("Patients in all cohorts must have:") or that names its own groups ("Cohorts A
and B:"), lab rows, staging and cycle-day codes.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain, bullets

from trialmatch.criteria.rules.reader.cohort_codes import coded_group_line, group_list_kind
from trialmatch.criteria.text import split_criteria


def _scopes(inclusion: str = "", exclusion: str = "") -> dict[str, str | None]:
    markdown = (f"Inclusion Criteria:\n\n{bullets(inclusion) or '* Stage IV NSCLC'}\n\nExclusion Criteria:\n\n"
                f"{bullets(exclusion) or '* Pregnancy'}\n")
    return {c.text: (c.scope.label if c.scope else None) for c in split_criteria(markdown)}


# Inclusion: one coded cohort needs untreated brain metastases; a patient without any may join a sibling cohort.
COHORT_NEEDS_BRAIN = [
    "Cohorts: >> C1: treatment-naive. >> C2: at least one previously untreated brain metastasis >= 10 mm; asymptomatic "
    "patients only.",
    "Part 2 cohorts (EGFR-mutant NSCLC unless stated): >> 2A: progressed on osimertinib (any line). >> 2D (CNS "
    "cohort): at least one measurable, untreated brain metastasis >= 5 mm not requiring immediate local therapy.",
    "Expansion cohorts: >> B1 - previously treated with a KRAS G12C inhibitor. >> B2 - active brain metastases "
    "(untreated or progressing) that do not need urgent radiotherapy.",
    "Treatment arms: >> A1: eligible for docetaxel. >> A2: untreated, asymptomatic brain metastases are required.",
    "The following cohorts will be enrolled: >> 3a: PD-L1 TPS >= 50%. >> 3b (intracranial): at least one untreated "
    "CNS lesion of 5 mm or more.",
    "Dose expansion groups (NSCLC): >> E1: no prior systemic therapy. >> E2: newly diagnosed untreated brain "
    "metastases, measurable on MRI.",
]


@pytest.mark.parametrize("inclusion", COHORT_NEEDS_BRAIN)
def test_a_coded_cohorts_brain_requirement_does_not_exclude(inclusion: str) -> None:
    verdicts = brain(inclusion)
    assert EX not in verdicts[:2]  # no brain metastases, or treated ones: another cohort may take them


@pytest.mark.parametrize("inclusion", COHORT_NEEDS_BRAIN)
def test_each_coded_sub_bullet_is_its_group(inclusion: str) -> None:
    scoped = _scopes(inclusion)
    coded = [label for text, label in scoped.items() if text[:3] != inclusion[:3] and text != "Pregnancy"]
    assert coded and all(label is not None for label in coded)


def test_coded_exclusion_is_one_cohorts() -> None:
    # "Cohorts: >> E1: any brain metastases": a ban in one cohort never excludes, read as "Cohort E1:" is.
    coded = brain(exclusion="Cohorts: >> E1: any brain metastases. >> E2: leptomeningeal disease.")
    assert EX not in coded
    assert coded == brain(exclusion="Cohort E1: any brain metastases. // Cohort E2: leptomeningeal disease.")


def test_the_group_kind_and_the_cohorts_other_cancer() -> None:
    scoped = _scopes("Part 2 cohorts (RET fusion-positive NSCLC unless stated): >> 2A: progressed on selpercatinib. "
                     ">> 2C: RET-mutant medullary thyroid cancer (not applicable to lung cancer participants).")
    assert scoped["2A: progressed on selpercatinib."] == "Cohort 2A"
    assert str(scoped["2C: RET-mutant medullary thyroid cancer (not applicable to lung cancer participants)."]
               ).startswith("Cohort 2C")
    scoped = _scopes("Treatment arms: >> A1: eligible for docetaxel.")
    assert scoped["A1: eligible for docetaxel."] == "Arm A1"


# --- near-misses: no group, and the verdicts of main ----------------------------------------------------------------

@pytest.mark.parametrize(("inclusion", "expected"), [
    # numbered items under an ordinary lead: every patient's requirement
    ("Patients must have: >> 1: at least one untreated brain metastasis >= 5 mm. >> 2: ECOG 0-1.", (EX, EX, EL, UN)),
    # every group's rule, though it names cohorts
    ("Patients in all cohorts must have: >> C1: at least one untreated brain metastasis >= 5 mm.", (EX, EX, EL, UN)),
    # staging codes under an ordinary lead
    ("Measurable disease: >> T1: at least one untreated brain metastasis >= 5 mm.", (EX, EX, EL, UN)),
])
def test_near_misses_keep_their_verdicts(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion) == expected


def test_near_miss_scopes() -> None:
    scoped = _scopes("Patients must have: >> 1: untreated brain metastases. >> a) ECOG 0-1.")
    assert scoped["1: untreated brain metastases."] is None and scoped["a) ECOG 0-1."] is None
    scoped = _scopes("Cohorts A and B: >> 1: untreated brain metastases.")
    assert scoped["1: untreated brain metastases."] == "Cohorts A and B"  # the parent's groups, not "Cohort 1"
    scoped = _scopes("Adequate organ function: >> ANC: >= 1.5 x 10^9/L >> B2: vitamin level normal")
    assert scoped["ANC: >= 1.5 x 10^9/L"] is None and scoped["B2: vitamin level normal"] is None


@pytest.mark.parametrize("line", ["T1: tumour <= 3 cm", "N2: ipsilateral nodes", "M1a: pleural effusion",
                                  "C1D1: first dose", "ANC: >= 1.5", "(i) untreated brain metastases",
                                  "a) untreated brain metastases", "EGFR: exon 19 deletion"])
def test_not_a_code(line: str) -> None:
    assert coded_group_line("cohort", line) is None


@pytest.mark.parametrize("line", ["Patients in all cohorts must have:", "Cohorts A and B:", "Cohort 2:",
                                  "Adequate organ function:", "Each arm has its own criteria:",
                                  "Patients must meet one of the following:"])
def test_not_a_group_list_lead(line: str) -> None:
    assert group_list_kind(line) is None


def test_a_gene_in_the_codes_bracket_is_left_to_the_bullet() -> None:
    # "C1 (HER2): HER2 mutation": the bracket restates the bullet's way in; a carriers' group would free everyone else.
    scoped = _scopes("Molecular cohorts: >> C1 (HER2): HER2 activating mutation. >> C2 (ALK): ALK fusion.")
    assert scoped["C1 (HER2): HER2 activating mutation."] == "Cohort C1"
