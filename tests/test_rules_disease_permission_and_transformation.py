"""Disease kinds from opened set AH (session 31, round 3).

1. A permission that lets one histology in under a proviso ("Squamous histology is eligible provided that the exon 20
   insertion has been confirmed on tissue") widens the trial: it never limits it to that histology. Beside a limit to
   other histologies it is a question for that histology. Before, the histology counted as the only one asked for and
   every other histology was excluded.
2. An exclusion of a histological transformation ("Histological transformation to small cell or squamous cell
   carcinoma") names what an earlier tumour turned into, not the histology at diagnosis: a squamous profile (no
   transformation recorded) is not excluded. Before, squamous was read as shut out.
"""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EL, EL, EX, UN, trial, verdicts

# (adenocarcinoma, squamous, large cell, NSCLC-NOS)
PERMITTED_UNDER_A_PROVISO = [
    "Metastatic NSCLC. Squamous histology is eligible provided that the KRAS G12C mutation was confirmed on tissue.",
    "Advanced NSCLC. Patients with squamous histology are eligible if they have never smoked.",
    "Metastatic NSCLC. Squamous NSCLC may be enrolled as long as a HER2 mutation is confirmed centrally.",
    "Recurrent or metastatic NSCLC. Tumours of squamous histology are acceptable only if confirmed by a second "
    "pathologist.",
    "Stage IV NSCLC. Adenocarcinoma is eligible provided the MET exon 14 skipping was found in tissue.",
    "Locally advanced or metastatic NSCLC; squamous cell carcinoma can be included when the ALK fusion is confirmed by "
    "FISH",
    "Stage IV NSCLC. Squamous histology is also eligible.",
    "Stage IV NSCLC; squamous NSCLC patients are eligible only if PD-L1 >= 50%",
]


@pytest.mark.parametrize("inclusion", PERMITTED_UNDER_A_PROVISO)
def test_a_permission_under_a_proviso_limits_no_histology(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion))) == ALL_EL


PERMISSION_BESIDE_A_LIMIT = [
    "Non-squamous NSCLC. Squamous histology is eligible provided that the RET fusion has been confirmed on tissue.",
    "Stage IV non-squamous NSCLC // Patients with squamous NSCLC may enrol if they never smoked",
    "Adenocarcinoma or large cell carcinoma. Squamous carcinoma is permitted, but only if an EGFR mutation is found.",
]


@pytest.mark.parametrize("inclusion", PERMISSION_BESIDE_A_LIMIT)
def test_a_permission_beside_a_limit_is_a_question(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion)))[:3] == (EL, UN, EL)


PERMISSION_NEAR = [
    ("Non-squamous NSCLC", (EL, EX, EL, UN)),
    # no permission verb: the marker is the condition of the histology asked for
    ("Squamous NSCLC provided an ALK fusion is found", (EX, EL, EX, UN)),
    # "only" before the histology: the limit is said
    ("Stage IV NSCLC. Only squamous histology is eligible, provided PD-L1 was tested.", (EX, EL, EX, UN)),
    # a bare statement of whom it takes
    ("Squamous histology is eligible.", (EX, EL, EX, UN)),
    # a condition beside a histology taken outright: still a question (the older kind)
    ("Non-squamous NSCLC, or squamous NSCLC provided a driver mutation (EGFR, ALK, ROS1) is documented",
     (EL, UN, EL, UN)),
]


@pytest.mark.parametrize(("inclusion", "expected"), PERMISSION_NEAR)
def test_permission_near_misses_keep_their_reading(inclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(bullets(inclusion))) == expected


TRANSFORMATIONS = [
    "Histological transformation to small cell or squamous cell carcinoma.",
    "Histologic transformation to squamous cell carcinoma",
    "Transformation to squamous cell or small cell carcinoma.",
    "Documented histological transformation into squamous cell carcinoma or SCLC",
    "Tumour transformation to sarcomatoid or squamous cell carcinoma",
    "Transformed squamous cell carcinoma",
    "Squamous cell transformation",
]


@pytest.mark.parametrize("exclusion", TRANSFORMATIONS)
def test_a_transformation_is_not_the_histology_at_diagnosis(exclusion: str) -> None:
    assert verdicts(trial(bullets("Stage IV NSCLC"), bullets(exclusion))) == ALL_EL


TRANSFORMATION_NEAR = [
    "Squamous cell carcinoma histology",
    "Squamous or mixed adenosquamous histology",
    # a transformation beside, in another sentence or clause: squamous itself is still shut out
    "Transformation to small cell lung cancer. Squamous cell histology.",
    "Small cell transformation; squamous cell carcinoma",
]


@pytest.mark.parametrize("exclusion", TRANSFORMATION_NEAR)
def test_squamous_shut_out_beside_a_transformation_stays_out(exclusion: str) -> None:
    assert verdicts(trial(bullets("Stage IV NSCLC"), bullets(exclusion))) == (EL, EX, EL, UN)


# 3. A small cell lung cancer trial that names NSCLC only as the disease its patients had before ("SCLC on a biopsy
#    after an EGFR TKI, in a participant with a previously documented EGFR-mutant NSCLC"): a transformation without
#    the word. Whether a profile's NSCLC has turned into small cell is not recorded: a question (as for "NSCLC
#    transformed to small cell"). Before, the NSCLC named made the trial read as open to NSCLC.
LUNG_TITLE = "A Study of Drug Z in Lung Cancer"
SMALL_CELL_FROM_EARLIER_NSCLC = [
    "SCLC documented on a biopsy taken after progression on an EGFR TKI, in a patient with a previously documented "
    "EGFR-mutant NSCLC",
    "Small cell lung cancer arising from a prior EGFR-mutant non-small cell lung cancer",
    "Small cell carcinoma on re-biopsy in a participant originally diagnosed with ALK-positive NSCLC",
    "Extensive-stage SCLC, or SCLC found on biopsy after TKI in patients with a history of EGFR-mutant NSCLC",
    "Histologically confirmed SCLC in a patient whose initial diagnosis was EGFR-mutant non-small cell lung cancer",
    "Cohort A: extensive-stage SCLC // Cohort B: SCLC on biopsy after an EGFR TKI, in a participant with previously "
    "documented EGFR-mutant NSCLC",
]


@pytest.mark.parametrize("inclusion", SMALL_CELL_FROM_EARLIER_NSCLC)
def test_small_cell_from_an_earlier_nsclc_is_a_question(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title=LUNG_TITLE)) == (UN,) * 4


EARLIER_NSCLC_NEAR = [
    ("Stage IV NSCLC", ALL_EL),
    ("Previously documented EGFR-mutant NSCLC with progression on osimertinib", ALL_EL),
    ("Metastatic NSCLC previously treated with platinum; no prior SCLC", ALL_EL),
    ("Extensive-stage SCLC or metastatic NSCLC", ALL_EL),
    ("Metastatic NSCLC with no history of small cell lung cancer", ALL_EL),
    ("Extensive-stage small cell lung cancer", (EX,) * 4),
]


@pytest.mark.parametrize(("inclusion", "expected"), EARLIER_NSCLC_NEAR)
def test_earlier_nsclc_near_misses_keep_their_reading(inclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(bullets(inclusion), title=LUNG_TITLE)) == expected
