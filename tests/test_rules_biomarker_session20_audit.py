"""Biomarker kinds from the session 20 audit of invented profiles on every open record (invented sentences only).

a. An inclusion that names the marker and then lets in patients who cannot have a treatment ("KRAS G12D mutation and
   has had standard therapy, or is ineligible to receive standard therapies"): "is ineligible to receive" is no
   exclusion of the marker's carriers. It was read as "... is ineligible", which turned the required marker into a
   forbidden one (KRAS G12D carriers excluded from a KRAS G12D trial). "are not eligible for this study" still
   excludes.
b. An exclusion of "an EGFR mutation other than in exon 19 or 21" (or "other than exon 19 deletion or L858R") beside
   a profile with the spared change AND a second one (exon 19 deletion with T790M or C797S): whether the second
   change counts is not said, so it is a question, not a bar. "No other EGFR mutation" says it: still excluded. A
   profile with only a change outside the exception is still excluded.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.matching.profile import Profile

KRAS_G12C = patient("KRAS:G12C")
KRAS_G12D = patient("KRAS:G12D")
KRAS_G12V = patient("KRAS:G12V", histology="squamous")
EGFR_19 = patient("EGFR:exon 19 deletion")
EGFR_L858R = patient("EGFR:L858R", histology="nsclc-nos")
ALK = patient("ALK:fusion")
RET = patient("RET:fusion")
HER2_EX20 = patient("ERBB2:exon 20 insertion")
BRAF = patient("BRAF:V600E")
UNTESTED = patient(negative=[], histology="large cell")
EX19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("gefitinib",), lines=1)
EX19_C797S = patient("EGFR:exon 19 deletion", "EGFR:C797S", drugs=("osimertinib",), lines=1)
L858R_T790M = patient("EGFR:L858R", "EGFR:T790M", drugs=("erlotinib",), lines=1)
G719X = patient("EGFR:G719X", drugs=("afatinib",), lines=1)
S768I = patient("EGFR:S768I", histology="large cell")
EX20INS = patient("EGFR:exon 20 insertion")


# --- a. "is ineligible to receive / not eligible for <a treatment>" inside an inclusion ------------------------------

# (sentence, the carrier it asks for, a carrier of another change of that gene, an untested-gene carrier)
INELIGIBLE_FOR_TREATMENT = [
    ("Solid tumour with documented KRAS G12D mutation and has received prior standard therapy, or is ineligible to "
     "receive or has refused standard approved therapies", KRAS_G12D, KRAS_G12C),
    ("Advanced cancer with a KRAS G12C mutation that progressed on standard treatment, or patient is ineligible to "
     "receive standard treatment", KRAS_G12C, KRAS_G12D),
    ("Documented RET fusion and has had prior systemic therapy, or is not eligible to receive chemotherapy",
     RET, ALK),
    ("NSCLC with HER2 exon 20 insertion mutation who has progressed on platinum or is ineligible for platinum-based "
     "chemotherapy", HER2_EX20, KRAS_G12C),
    ("Tumour harbouring BRAF V600E, after standard therapy, or the participant is not eligible for standard "
     "therapies", BRAF, KRAS_G12C),
    ("Locally advanced NSCLC with an ALK rearrangement in a patient who is not eligible for curative surgery",
     ALK, RET),
    ("KRAS G12D-mutant solid tumour; patient has failed, or is ineligible to undergo, standard treatment",
     KRAS_G12D, KRAS_G12V),
    ("Metastatic NSCLC with KRAS G12C mutation whose disease progressed after, or who are ineligible for, "
     "first-line immunotherapy", KRAS_G12C, KRAS_G12D),
    ("RET fusion-positive tumour, previously treated or ineligible to be treated with standard of care", RET, ALK),
    ("Advanced NSCLC with ALK fusion, and the patient is not eligible for the standard targeted therapy", ALK, RET),
]


@pytest.mark.parametrize(("sentence", "carrier", "other"), INELIGIBLE_FOR_TREATMENT)
def test_ineligible_for_a_treatment_keeps_the_marker_required(sentence: str, carrier: Profile, other: Profile) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"
    assert verdict(inc(sentence), other) in {"excluded", "unknown"}  # "or refused ..." may leave it a question
    assert verdict(inc(sentence), UNTESTED) == "unknown"


# Near misses: the carriers themselves are ineligible for the study: still an exclusion inside an inclusion.
NOT_ELIGIBLE_FOR_THE_STUDY = [
    ("Patients with EGFR mutation are not eligible for this study", EGFR_19, KRAS_G12C),
    ("Participants with a known ALK fusion are ineligible", ALK, KRAS_G12C),
    ("Tumours harbouring KRAS G12C are not eligible for the trial", KRAS_G12C, KRAS_G12D),
    ("Patients with RET fusion will be excluded", RET, ALK),
    ("Known BRAF V600E mutation is not eligible for enrolment in this protocol", BRAF, KRAS_G12C),
    ("Patients with EGFR mutations are not eligible for study treatment", EGFR_19, ALK),
    ("Patients with EGFR mutations are not eligible for the study treatment", EGFR_19, ALK),
    ("Tumours with ALK fusion are ineligible for participation in this trial", ALK, RET),
]


@pytest.mark.parametrize(("sentence", "carrier", "other"), NOT_ELIGIBLE_FOR_THE_STUDY)
def test_not_eligible_for_the_study_still_excludes(sentence: str, carrier: Profile, other: Profile) -> None:
    assert verdict(inc(sentence), carrier) == "excluded"
    assert verdict(inc(sentence), other) == "eligible"


# --- b. "other than the spared change" beside a profile with the spared change and a second one --------------------

OTHER_THAN_SPARED = [
    "Lung tumour with a known ALK rearrangement or an EGFR mutation other than in exon 19 or exon 21",
    "Tumours with EGFR mutations other than exon 19 deletion or L858R",
    "Known EGFR mutation other than exon 19 deletion or exon 21 L858R substitution",
    "Patients whose tumour harbours an EGFR mutation other than Ex19del or L858R are excluded",
    "EGFR mutations except exon 19 deletions and L858R point mutations",
    "Any EGFR mutation other than exon 19 deletion or L858R, alone or with others",
    "Presence of an EGFR alteration other than exon 19 deletion or exon 21 L858R",
    "Uncommon EGFR mutations, i.e. EGFR mutations other than del19 or L858R",
]


@pytest.mark.parametrize("sentence", OTHER_THAN_SPARED)
def test_other_than_the_spared_change_is_a_question_for_compound_profiles(sentence: str) -> None:
    for compound in (EX19_T790M, EX19_C797S, L858R_T790M):
        assert verdict(exc(sentence), compound) == "unknown", compound
    for outside in (G719X, S768I, EX20INS):  # only a change the exception does not spare
        assert verdict(exc(sentence), outside) == "excluded", outside
    for spared in (EGFR_19, EGFR_L858R):
        assert verdict(exc(sentence), spared) == "eligible", spared


# Near misses: the wording says a second change counts ("no other EGFR mutation", "with no additional EGFR
# mutation"): a second primary change beside the asked one is excluded. An acquired change that arose on the asked
# one (T790M, C797S) is not clearly "another" mutation (a trial may register patients before it arises), so it is a
# question there (test_rules_biomarker_acquired_not_other).
def test_no_other_egfr_mutation_still_excludes_compound_profiles() -> None:
    second_primary = patient("EGFR:exon 19 deletion", "EGFR:G719X")
    for sentence in (
        "Documented EGFR mutation (L858R or exon 19 deletion) with no other known EGFR mutation",
        "EGFR exon 19 deletion or L858R mutation; no other EGFR mutations will be allowed",
    ):
        assert verdict(inc(sentence), second_primary) == "excluded", sentence
        for compound in (EX19_T790M, EX19_C797S, L858R_T790M):
            assert verdict(inc(sentence), compound) == "unknown", (sentence, compound)
        assert verdict(inc(sentence), EGFR_19) == "eligible"


def test_common_change_required_keeps_compound_profiles_in() -> None:
    sentence = "Tumour harbours EGFR exon 19 deletion or L858R, alone or with other EGFR mutations"
    for compound in (EX19_T790M, EX19_C797S, L858R_T790M):
        assert verdict(inc(sentence), compound) == "eligible", compound
    assert verdict(inc(sentence), G719X) == "excluded"


def test_kras_other_than_g12c_spares_only_g12c() -> None:
    sentence = "Tumours with a KRAS mutation other than G12C"
    assert verdict(exc(sentence), KRAS_G12C) == "eligible"
    assert verdict(exc(sentence), KRAS_G12D) == "excluded"
