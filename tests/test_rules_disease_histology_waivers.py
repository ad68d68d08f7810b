"""Disease: a histology's testing waiver is no histology limit. Invented sentences only.

"(non-squamous patients must have gene testing; squamous patients with unknown status can be enrolled)" sets a
testing rule for one histology and lets the other enrol without a result: every histology enrols, so an
adenocarcinoma is not excluded on it. The waiver is read with the histology as an adjective ("squamous patients",
"squamous cell carcinoma subjects") or after "patients with", with a missing result ("unknown status", "whose EGFR
status is not known", "without EGFR/ALK testing", "who have not been tested") said of its enrolment either way round
("can be enrolled", "are allowed to be enrolled", "cannot be included"), or with "need not be tested". Near-misses
keep their verdicts: a plain squamous limit ("Squamous patients only", "Patients with squamous NSCLC"), and a
limit whose group is described by a marker value that may be missing ("Non-squamous NSCLC patients with EGFR wild-type
or unknown status").
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict


def _profile(histology: str | None) -> Profile:
    return profile_from_dict({"id": "invented", "age": 70, "sex": "female", "histology": histology, "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": [], "pdl1_tps": None,
                              "brain_metastases": "none", "prior_therapies": [], "prior_lines": 0})


SQUAMOUS, ADENO, NOS = _profile("squamous"), _profile("adenocarcinoma"), _profile(None)


def _verdicts(inclusion: list[str], exclusion: list[str] = ()) -> tuple[str, str, str]:  # type: ignore[assignment]
    markdown = ("Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion)
                + "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion))
    trial = TrialText(nct_id="NCT00000000", title="An invented study of drug Q in advanced lung cancer",
                      conditions=("Non-small Cell Lung Cancer",), criteria=tuple(split_criteria(markdown)))
    dim = DIMENSIONS["disease"]
    rule = dim.parse(trial)
    return tuple(dim.check(rule, patient).verdict for patient in (SQUAMOUS, ADENO, NOS))  # type: ignore[return-value]


WAIVERS = [
    "No EGFR or ALK alteration (adenocarcinoma patients must be tested; squamous cell carcinoma patients with unknown "
    "gene status are allowed to be enrolled)",
    "Patients with squamous carcinoma histology and unknown KRAS status are eligible.",
    "Negative for EGFR/ALK/ROS1 driver genes; squamous NSCLC patients may enrol without EGFR/ALK testing",
    "No known BRAF V600E or MET exon 14 alteration. Squamous cases need not be tested.",
    "EGFR wild type (EGFRm negative) and ALK negative; participants with squamous tumours whose EGFR status is not "
    "known can also participate",
    "RET, EGFR and ALK negative - never-smokers with squamous histology and missing molecular results cannot be "
    "included",
    "Driver gene negative (squamous subjects who have not been tested for ROS1 are acceptable)",
    "Patients with pure squamous NSCLC do not need a gene test to be enrolled",
]


@pytest.mark.parametrize("sentence", WAIVERS)
def test_a_histology_waiver_is_no_histology_limit(sentence: str) -> None:
    assert _verdicts(["Stage IV non-small cell lung cancer", sentence]) == ("eligible", "eligible", "eligible")


def test_the_waiver_leaves_a_squamous_exclusion_beside_it() -> None:
    verdicts = _verdicts(["Stage IV NSCLC", "No EGFR mutation (squamous patients with unknown EGFR status can be "
                                            "enrolled)"], ["Mixed small cell histology", "Large cell carcinoma"])
    assert verdicts[1] == "eligible"


NEAR_MISSES = {
    "Squamous patients only": ("eligible", "excluded", "unknown"),
    "Patients with squamous NSCLC": ("eligible", "excluded", "unknown"),
    "Squamous non-small cell lung cancer, EGFR status unknown": ("eligible", "excluded", "unknown"),
    "Non-squamous NSCLC patients with EGFR wild-type or unknown status": ("excluded", "eligible", "unknown"),
}


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_a_histology_limit_stays(sentence: str) -> None:
    assert _verdicts(["Stage IV NSCLC", sentence]) == NEAR_MISSES[sentence]
