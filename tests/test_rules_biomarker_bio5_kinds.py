"""Biomarker kinds of helper round bio5 (invented sentences and profiles only).

1. "X or Y, with or without a co-occurring / concurrent / secondary Z": whatever qualifies the change after "with or
   without" (how it comes beside the asked one, how it arose, "the presence of") leaves it allowed; it was read as
   "without Z", so a carrier of the asked change with Z on top was excluded.
2. A requirement with a dash note in a paragraph of criteria ("EGFR exon 19 deletion or L858R - patients whose
   tumour also shows T790M at baseline are NOT eligible. At least one measurable lesion. Brain metastases allowed
   provided ..."): the note shuts out only what it names. It was read as a note only at the very end of the
   criterion, so a longer paragraph made the whole sentence an exclusion of the asked changes. A bare "at baseline"
   is the trial's own screening (an acquired change is there then), not the time before treatment.
3. A prior-drug sentence naming the drug's targets in any spelling the vocabulary gives a gene ("EGFR-cMet
   bispecific antibody", "anti-EGFR/c-Met", "Her2-directed ADC") is no marker rule; only "EGFR-MET" and "c-MET"
   were known as targets, so the mixed-case spellings were read as the tumour's genes.
4. An exception that lets a group back in ("Exception: patients with ROS1-rearranged NSCLC who have had CNS-only
   progression on crizotinib are eligible"): its marker is no rule for anyone else. A plain "are eligible" after
   "Exception:" was not known as the exception's way in, and a hyphened "CNS-only" was read as the restriction
   "only", so the sentence asked every patient for the group's marker.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_19_MET_AMP,
    EGFR_19_T790M,
    EGFR_EX20,
    EGFR_L858R,
    HER2_EX20,
    KRAS_G12C,
    L858R_C797S,
    L858R_T790M,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    UNTESTED,
    exc,
    inc,
    patient,
    verdict,
)

TREATED_19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("gefitinib",), lines=1)


# --- 1. "with or without <qualifier> X" ------------------------------------------------------------------------------

WITH_OR_WITHOUT = [
    ("Documented EGFR exon 19 deletion or exon 21 L858R mutation, with or without a co-occurring EGFR T790M "
     "mutation, from tissue or plasma", (EGFR_19_T790M, L858R_T790M)),
    ("Exon 19 deletion or L858R EGFR mutation with or without concurrent T790M", (EGFR_19_T790M, L858R_T790M)),
    ("Sensitising EGFR mutation (del19, L858R), with or without the presence of a T790M mutation",
     (EGFR_19_T790M, L858R_T790M)),
    ("L858R or exon 19 deletion with or without a secondary EGFR T790M resistance mutation",
     (EGFR_19_T790M, L858R_T790M)),
    ("EGFR exon 19 deletion or L858R, with or without an acquired C797S", (L858R_C797S,)),
    ("Tumour with an exon 19 deletion or L858R in EGFR, with or without evidence of T790M", (L858R_T790M,)),
    ("Activating EGFR mutation (Ex19del or L858R) with or without coexisting MET amplification",
     (EGFR_19_MET_AMP,)),
]


@pytest.mark.parametrize(("sentence", "carriers"), WITH_OR_WITHOUT)
def test_what_may_come_with_or_without_is_allowed(sentence: str, carriers: tuple) -> None:
    for carrier in (*carriers, EGFR_19, EGFR_L858R):
        assert verdict(inc(sentence), carrier) == "eligible", carrier
    for other in (EGFR_EX20, ALK, KRAS_G12C, NO_DRIVER):
        assert verdict(inc(sentence), other) == "excluded", other
    assert verdict(inc(sentence), UNTESTED) == "unknown"


WITH_OR_WITHOUT_NEAR_MISSES = [
    # a plain "without" negates
    ("Exon 19 deletion or L858R without T790M", EGFR_19_T790M, "excluded"),
    ("Exon 19 deletion or L858R; no co-occurring T790M", EGFR_19_T790M, "excluded"),
    ("Exon 19 deletion or L858R, without a T790M", L858R_T790M, "excluded"),
    # "with" alone: the change beside is no reason to exclude
    ("EGFR exon 19 deletion with a co-occurring MET amplification", EGFR_19_MET_AMP, "eligible"),
]


@pytest.mark.parametrize(("sentence", "profile", "expected"), WITH_OR_WITHOUT_NEAR_MISSES)
def test_with_or_without_near_misses_keep_their_reading(sentence: str, profile: object, expected: str) -> None:
    assert verdict(inc(sentence), profile) == expected  # type: ignore[arg-type]


# --- 2. a dash note inside a paragraph of criteria -------------------------------------------------------------------

TAIL = ("At least one measurable lesion. Brain metastases allowed provided the patient has completed radiotherapy "
        "or surgery for them and is neurologically stable off steroids.")
DASH_NOTES = [
    ("Presence of an activating EGFR mutation (exon 19 deletion or exon 21 L858R point mutation) in tumour tissue - "
     "patients whose tumour also shows the T790M mutation at baseline are NOT eligible.", "T790M"),
    ("Stage IV adenocarcinoma; EGFR exon 19 deletion or L858R by a validated test - tumours with a concurrent "
     "T790M are excluded.", "T790M"),
    ("Sensitising EGFR mutation (Del19 or L858R) in a tissue sample - patients with de novo T790M are ineligible; "
     "no prior EGFR TKI.", "T790M"),
    ("Documented L858R or exon 19 deletion - patients whose tumours also carry C797S are not eligible.", "C797S"),
    ("Activating EGFR mutation (exon 19 deletion or L858R) - MET-amplified tumours are not allowed.", "MET"),
    ("EGFR exon 19 deletion or exon 21 L858R - KRAS-mutant tumours are excluded.", "KRAS"),
]
# Untreated (no line given), so a change dated to diagnosis ("de novo") is as it was then.
SECOND_CHANGE = {"T790M": patient("EGFR:L858R", "EGFR:T790M", lines=0),
                 "C797S": patient("EGFR:L858R", "EGFR:C797S", lines=0),
                 "MET": patient("EGFR:exon 19 deletion", "MET:amplification", lines=0),
                 "KRAS": patient("EGFR:exon 19 deletion", "KRAS:G12C", lines=0)}


@pytest.mark.parametrize(("sentence", "shut"), DASH_NOTES)
@pytest.mark.parametrize("layout", ["alone", "paragraph", "paragraph-first"])
def test_dash_note_in_a_paragraph_shuts_out_only_what_it_names(sentence: str, shut: str, layout: str) -> None:
    text = {"alone": sentence, "paragraph": f"Adults only. {sentence} {TAIL}",
            "paragraph-first": f"{sentence} {TAIL}"}[layout]
    for carrier in (EGFR_19, EGFR_L858R):
        assert verdict(inc(text), carrier) == "eligible", (layout, carrier)
    for other in (EGFR_EX20, ALK, NO_DRIVER):
        assert verdict(inc(text), other) == "excluded", (layout, other)
    assert verdict(inc(text), SECOND_CHANGE[shut]) == "excluded", layout


def test_a_bare_baseline_is_the_trials_screening_not_diagnosis() -> None:
    text = inc(f"{DASH_NOTES[0][0]} {TAIL}")
    # the T790M came after gefitinib, but the trial's baseline is its own screening: it is there
    assert verdict(text, TREATED_19_T790M) == "excluded"
    # dated to diagnosis or before treatment: the acquired change is a question, as before
    for dated in ("Patients with de novo T790M are excluded", "T790M detected before any EGFR TKI therapy",
                  "Baseline (pre-treatment) EGFR T790M detected in the diagnostic biopsy"):
        assert verdict(exc(dated), TREATED_19_T790M) == "unknown", dated


DASH_NEAR_MISSES = [
    # a dash that opens no note: the requirement stands whole
    (inc(f"EGFR exon 19 deletion or L858R - confirmed by a local test. {TAIL}"), EGFR_19, "eligible"),
    (inc(f"EGFR exon 19 deletion or L858R - confirmed by a local test. {TAIL}"), ALK, "excluded"),
    # the note's own sentence is a condition, not a requirement: no note, no rule read (as before)
    (inc(f"If EGFR status is known - patients with EGFR mutations are not eligible. {TAIL}"), EGFR_19, "eligible"),
    # a whole-criterion exclusion of the changes themselves still excludes them
    (exc(f"EGFR exon 19 deletion or L858R - such patients are not eligible. {TAIL}"), EGFR_19, "excluded"),
]


@pytest.mark.parametrize(("criteria", "profile", "expected"), DASH_NEAR_MISSES)
def test_dash_near_misses_keep_their_reading(criteria: str, profile: object, expected: str) -> None:
    assert verdict(criteria, profile) == expected  # type: ignore[arg-type]


# --- 3. a drug named by its targets, in any spelling of the gene ----------------------------------------------------

TARGET_SPELLINGS = [
    "Participant has received any prior treatment with JNJ-0000001 or any other EGFR-cMet bispecific antibody",
    "Prior treatment with an anti-EGFR/c-Met bispecific antibody",
    "Has received amivantamab or another bispecific antibody against EGFR and cMet",
    "Previous exposure to any c-Met/HGF-targeting agent",
    "Received an EGFR-c-Met bispecific in a previous line",
    "Prior therapy with any EGFR or cMet tyrosine kinase inhibitor",
    "Previous treatment with a Her2-directed antibody drug conjugate (e.g. trastuzumab deruxtecan)",
    "Prior K-ras G12C-targeted therapy",
]


@pytest.mark.parametrize("sentence", TARGET_SPELLINGS)
def test_a_drug_named_by_its_targets_sets_no_marker_rule(sentence: str) -> None:
    for profile in (MET_EX14, MET_AMP, EGFR_19_T790M, EGFR_EX20, HER2_EX20, KRAS_G12C, UNTESTED):
        assert verdict(exc(sentence), profile) == "eligible", profile


TARGET_NEAR_MISSES = [
    # the tumour's change, in the same spellings: still a marker rule
    (exc("Tumours harbouring c-Met amplification"), MET_AMP, "excluded"),
    (exc("Known cMet exon 14 skipping mutation"), MET_EX14, "excluded"),
    (inc("Her2 exon 20 insertion mutation"), HER2_EX20, "eligible"),
    (inc("Her2 exon 20 insertion mutation"), EGFR_19, "excluded"),
    (inc("Documented c-Met exon 14 skipping"), MET_EX14, "eligible"),
]


@pytest.mark.parametrize(("criteria", "profile", "expected"), TARGET_NEAR_MISSES)
def test_target_near_misses_keep_their_reading(criteria: str, profile: object, expected: str) -> None:
    assert verdict(criteria, profile) == expected  # type: ignore[arg-type]


# --- 4. an exception's group is let in, nobody else is held to its marker --------------------------------------------

EXCEPTIONS = [
    "Prior anticancer therapy is allowed (excluding approved ROS1 or ALK inhibitors in tumours with those fusions). "
    "Exception: patients with ROS1-rearranged NSCLC who have had CNS-only progression on crizotinib are eligible",
    "Exception: patients with ROS1-rearranged NSCLC who have had CNS-only progression on crizotinib are eligible",
    "As an exception, subjects with ALK-positive tumours who progressed only in the brain on alectinib remain eligible",
    "Exceptions: participants whose RET fusion-positive cancer progressed on selpercatinib with intracranial-only "
    "progression are also eligible",
    "An exception is made for HER2-mutant NSCLC previously treated with trastuzumab deruxtecan, which is eligible",
    "No prior ALK inhibitor. Exception: ALK-rearranged patients intolerant of crizotinib are eligible",
    "Patients with ROS1-rearranged NSCLC who had brain-only progression on crizotinib are eligible",
    "Participants with KRAS G12C NSCLC with liver-only progression on sotorasib are eligible",
]


@pytest.mark.parametrize("sentence", EXCEPTIONS)
def test_an_exceptions_group_sets_no_marker_rule(sentence: str) -> None:
    for profile in (EGFR_19, ALK, KRAS_G12C, HER2_EX20, NO_DRIVER, UNTESTED, patient("ROS1:fusion")):
        assert verdict(inc("Solid tumour", sentence), profile) == "eligible", profile


EXCEPTION_NEAR_MISSES = [
    # a restriction to the group: a requirement
    (inc("Only patients with ROS1-rearranged NSCLC are eligible"), EGFR_19, "excluded"),
    (inc("Only patients with ROS1-rearranged NSCLC are eligible"), patient("ROS1:fusion"), "eligible"),
    # the exception shuts a change out: still read
    (inc("EGFR mutation. Exception: EGFR exon 20 insertion mutations are not eligible"), EGFR_EX20, "excluded"),
    (inc("EGFR mutation. Exception: EGFR exon 20 insertion mutations are not eligible"), EGFR_19, "eligible"),
    # the rule before the exception still binds
    (inc("ROS1 fusion. Exception: patients previously treated with crizotinib are eligible"), ALK, "excluded"),
]


@pytest.mark.parametrize(("criteria", "profile", "expected"), EXCEPTION_NEAR_MISSES)
def test_exception_near_misses_keep_their_reading(criteria: str, profile: object, expected: str) -> None:
    assert verdict(criteria, profile) == expected  # type: ignore[arg-type]
