"""Three kinds of biomarker sentence (invented sentences and profiles only).

a. A marker requirement written for no group ("Solid tumour with a ROS1 or NTRK fusion") above phase-labelled
   groups, beside a group named elsewhere with no marker rule of its own ("Measurable disease (Phase 2)"): the
   unlabelled requirement binds that group too, so a patient it bars is barred (it had been a question).
b. A bare alteration that several genes can carry, given as an example after one gene that can carry it, with an
   aside between ("HER2 mutation in the kinase domain, including exon 20 insertions"): that gene's change (it had
   gone to EGFR, and let an EGFR exon 20 patient into a HER2 cohort).
c. An exon closing a group's name with the gene, the gene and a change in that exon asked after the colon
   ("Cohort 1 - EGFR exon 20: documented EGFR exon 20 insertion"): the name adds nothing (read as "any exon 20
   mutation" it let a T790M patient into an insertion cohort).
d. A change said to come beside the asked one, then allowed ("(a co-existing MET amplification is allowed)"): no
   way in of its own (a MET-only patient had been let in).
e. A finding followed by the sample or place of its test ("lacked an ALK fusion on tissue testing"): a finding, not
   a test mention (it had set no rule).
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19_T790M,
    EGFR_EX20,
    EGFR_L858R,
    HER2_EX20,
    KRAS_G12C,
    MET_EX14,
    NO_DRIVER,
    ROS1,
    UNTESTED,
    exc,
    inc,
    patient,
    verdict,
)

NTRK1 = patient("NTRK1:fusion")
HER2_MUT = patient("ERBB2:mutation")

# --- a. an unlabelled requirement binds an unseen group too --------------------------------------------------------

def _nested(requirement: str, groups: list[str], *others: str) -> str:
    """The requirement as item 1 with its groups as sub-bullets (the layout of such trials), then other items."""
    lines = ["Inclusion Criteria:", "", f"1. {requirement}", *(f"   * {g}" for g in groups)]
    lines += [f"{i}. {o}" for i, o in enumerate(others, start=2)]
    return "\n".join(lines) + "\n"


SHARED_REQUIREMENTS = [
    _nested("Metastatic solid tumour with a ROS1, NTRK1, NTRK2 or NTRK3 gene fusion by a certified laboratory",
            ["Phase 1: any tumour with one of the fusions above after standard therapy",
             "Phase 2 EXP-1: ROS1-positive NSCLC, naive to ROS1 inhibitors",
             "Phase 2 EXP-2: NTRK fusion-positive tumour"], "Measurable disease (Phase 2)"),
    _nested("Advanced cancer harbouring an NTRK1-3 or ROS1 rearrangement",
            ["Part A: progressed on standard therapy", "Part B Cohort 1: ROS1-positive NSCLC",
             "Part B Cohort 2: NTRK-positive tumour"], "ECOG 0-2 (Part C)"),
    _nested("Locally advanced or metastatic disease with documented ROS1 or NTRK fusion",
            ["Dose Escalation: any solid tumour with such a fusion", "Phase 2 Cohort 1: ROS1 fusion-positive NSCLC",
             "Phase 2 Cohort 2: NTRK fusion-positive tumour"], "Adequate marrow function (Phase 3 only)"),
    _nested("Solid tumour carrying a ROS1 fusion or an NTRK gene fusion, by tissue or plasma",
            ["Phase 1: standard therapy exhausted", "Phase 2 Arm A: ROS1-positive lung cancer",
             "Phase 2 Arm B: NTRK-positive solid tumour"], "At least one target lesion (Phase 3)"),
    _nested("Metastatic tumour with NTRK1, NTRK2, NTRK3 or ROS1 fusion confirmed locally",
            ["Phase 1: any histology", "Phase 2 EXP-A: ROS1 NSCLC, TKI naive",
             "Phase 2 EXP-B: NTRK-positive, TKI naive"], "ECOG 0-1 (Phase 1) or 0-2 (Phase 2)",
            "Brain MRI at screening (Phase 2)"),
    _nested("Unresectable cancer with a ROS1 or NTRK1/2/3 fusion",
            ["Part 1: prior standard therapy", "Part 2 Group 1: ROS1 fusion NSCLC",
             "Part 2 Group 2: NTRK fusion tumour"], "Measurable lesion (Part 3)"),
]

@pytest.mark.parametrize("text", SHARED_REQUIREMENTS)
@pytest.mark.parametrize("profile", [EGFR_L858R, KRAS_G12C, ALK, NO_DRIVER, MET_EX14], ids=lambda p: "p")
def test_a_an_unlabelled_requirement_binds_an_unseen_group(text: str, profile: object) -> None:
    assert verdict(text, profile) == "excluded"  # type: ignore[arg-type]


@pytest.mark.parametrize("text", SHARED_REQUIREMENTS)
def test_a_carriers_stay_eligible_and_the_untested_a_question(text: str) -> None:
    assert verdict(text, ROS1) == "eligible"
    assert verdict(text, NTRK1) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("text", [
    # Near misses: every marker rule is a group's own, so the unseen group may take anyone (a question).
    inc("Phase 1: any tumour after standard therapy", "Phase 2 Cohort 1: ROS1 fusion-positive NSCLC",
        "Phase 2 Cohort 2: NTRK fusion-positive tumour", "Measurable disease (Phase 3)"),
    inc("For Substudy B, a BRAF V600 mutation", "For Substudy C, a non-V600 BRAF alteration",
        "Advanced solid tumour for monotherapy phase 1a dose escalation"),
])
def test_a_near_miss_group_only_rules_beside_an_unseen_group_never_exclude(text: str) -> None:
    assert verdict(text, EGFR_L858R) != "excluded"
    assert verdict(text, NO_DRIVER) != "excluded"


# --- b. an example alteration after an aside belongs to the gene before it -----------------------------------------

HER2_EXAMPLES = [
    "Cohort 1: activating HER2 (ERBB2) mutation in the kinase or extracellular domain, including exon 20 "
    "insertions, from tissue or plasma",
    "Documented ERBB2 mutation in the tyrosine kinase domain, such as exon 20 insertions",
    "HER2-mutant NSCLC (mutation within the kinase domain, e.g. exon 20 insertion)",
    "Activating HER2 mutation anywhere in the receptor, for example exon 20 insertions, by NGS",
    "ERBB2 point mutation or insertion in the kinase domain, in particular exon 20 insertions",
    "Group B: HER2 mutation in the extracellular or transmembrane domain, including exon 20 insertions, by a "
    "local laboratory",
]


@pytest.mark.parametrize("text", HER2_EXAMPLES)
def test_b_an_example_after_an_aside_is_the_genes_own(text: str) -> None:
    assert verdict(inc(text), HER2_EX20) == "eligible"
    assert verdict(inc(text), HER2_MUT) == "eligible"
    # An EGFR exon 20 insertion is no HER2 mutation: never a way in (barred, or a question for untested HER2).
    assert verdict(inc(text), EGFR_EX20) != "eligible"


@pytest.mark.parametrize("text", [
    # Near misses: the example names its own gene, or the gene before it cannot carry it.
    "EGFR mutation in the kinase domain, including exon 20 insertions",
    "KRAS G12C or exon 20 insertions",
])
def test_b_near_miss_the_example_keeps_its_reading(text: str) -> None:
    assert verdict(inc(text), EGFR_EX20) == "eligible"


# --- c. an exon naming a group before the change it asks -----------------------------------------------------------

EXON_HEADINGS = [
    ("Cohort 1 - EGFR exon 20: documented EGFR exon 20 insertion mutation",
     "Cohort 2 - HER2 exon 20: documented HER2 exon 20 insertion mutation"),
    ("Cohort 2 - EGFR exon 20, pretreated: documented EGFR exon 20 insertion and progression after platinum",
     "Cohort 3 - HER2 exon 20, pretreated: HER2 (ERBB2) exon 20 insertion"),
    ("Arm A - EGFR exon 20: EGFR exon 20 insertion by tissue NGS", "Arm B - HER2 exon 20: ERBB2 exon 20 insertion"),
    ("Part 2 - EGFR exon 20: confirmed EGFR exon 20 insertions (any variant)",
     "Part 3 - ERBB2 exon 20: confirmed ERBB2 exon 20 insertions"),
    ("Cohort C - EGFR exon 20, any line: an EGFR exon 20 in-frame insertion",
     "Cohort D: an activating HER2 mutation"),
    ("Expansion B - EGFR exon 20, untreated: EGFR exon 20 insertion mutation, no prior systemic therapy",
     "Expansion C - HER2 amplified: HER2 amplification"),
]


@pytest.mark.parametrize("texts", EXON_HEADINGS)
def test_c_an_exon_naming_a_group_adds_nothing(texts: tuple[str, str]) -> None:
    text = inc(*texts)
    assert verdict(text, EGFR_EX20) == "eligible"
    assert verdict(text, EGFR_19_T790M) == "excluded"
    assert verdict(text, EGFR_L858R) == "excluded"


@pytest.mark.parametrize("text", [
    "EGFR exon 20 insertion or other EGFR exon 20 mutation",  # the exon class is asked itself
    "Part 2 - EGFR exon 20: EGFR exon 20 mutation of any kind",  # no change in the exon after the colon
])
def test_c_near_miss_an_asked_exon_class_still_takes_t790m(text: str) -> None:
    assert verdict(inc(text), EGFR_19_T790M) != "excluded"


def test_c_near_miss_an_exclusion_is_unchanged() -> None:
    text = exc("Other EGFR mutations (exon 19 deletion, L858R, T790M) co-occurring with the exon 20 insertion")
    assert verdict(text, EGFR_EX20) == "eligible"


# --- d. a change said to come beside the asked one, then allowed ---------------------------------------------------

MET_AMP = patient("MET:amplification")
TP53 = patient("TP53:mutation")

BESIDE_ALLOWED = [
    ("EGFR exon 19 deletion or L858R mutation (a co-existing MET amplification is allowed)", EGFR_L858R),
    ("KRAS G12C mutation (co-occurring MET amplification is permitted)", KRAS_G12C),
    ("ALK fusion; concurrent MET or HER2 amplification is allowed", ALK),
    ("ROS1 rearrangement by FISH or NGS (concomitant MET amplification is acceptable)", ROS1),
    ("Documented EGFR L858R (any co-existing MET amplification or TP53 mutation is permitted)", EGFR_L858R),
    ("HER2 exon 20 insertion; an accompanying MET amplification is allowed", HER2_EX20),
]


@pytest.mark.parametrize("text, carrier", BESIDE_ALLOWED)
def test_d_a_change_allowed_beside_the_asked_one_is_no_way_in(text: str, carrier: object) -> None:
    assert verdict(inc(text), carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(inc(text), MET_AMP) == "excluded"
    assert verdict(inc(text), NO_DRIVER) == "excluded"


@pytest.mark.parametrize("text", [
    "EGFR L858R or MET amplification",  # a plain alternative stays a way in
    "EGFR L858R mutation, or MET amplification (any level is allowed)",
])
def test_d_near_miss_a_named_alternative_stays_a_way_in(text: str) -> None:
    assert verdict(inc(text), MET_AMP) == "eligible"


# --- e. a finding followed by where it was tested ------------------------------------------------------------------

ON_TESTING = [
    ("The cancer lacked an ALK fusion on tissue testing", ALK),
    ("No EGFR mutation on tissue testing", EGFR_L858R),
    ("No ROS1 rearrangement from a plasma test", ROS1),
    ("The tumour must lack a BRAF V600E mutation on the central test", patient("BRAF:V600E")),
    ("Absence of KRAS G12C on local NGS testing", KRAS_G12C),
    ("Tumour without a MET exon 14 skipping mutation on prior biopsy testing", MET_EX14),
]


@pytest.mark.parametrize("text, carrier", ON_TESTING)
def test_e_a_finding_on_testing_is_a_finding(text: str, carrier: object) -> None:
    assert verdict(inc(text), carrier) == "excluded"  # type: ignore[arg-type]
    assert verdict(inc(text), NO_DRIVER) == "eligible"


def test_e_near_miss_a_test_alone_sets_no_rule() -> None:
    assert verdict(inc("EGFR and ALK testing on tissue"), EGFR_L858R) == "eligible"
    assert verdict(inc("KRAS G12C mutation on local testing"), KRAS_G12C) == "eligible"
