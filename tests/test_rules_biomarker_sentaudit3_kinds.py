"""Biomarker and shared-reader kinds found by a sentence audit of targeted-therapy trials.

- An exception followed by examples ("(excluding exon 20 insertions), e.g. L858R, G719X"; "(G12C excluded), for
  example G12D"; "except exon 20 insertion, including uncommon mutations such as G719X"): the examples illustrate
  what the trial takes; only the exception is shut out.
- A dated exclusion ("de novo T790M at diagnosis", "MET amplification before any EGFR TKI", "baseline T790M"): a
  treated patient's resistance change may have come later, so it is a question, not an exclusion.
- The same patient gets the same verdict however the profile spells the alteration ("EML4-ALK", "Del19", ...).
- A marker group narrowed by another fact ("Cohort 2 (EGFR-mutant NSCLC with brain metastases)"): a carrier may join
  another group, so its rule is a question (every dimension that reads markers).
- "other than G12C or G12D" spares both; "BRAF-mutant NSCLC other than V600E" takes no V600E; "MET exon 14 skipping;
  MET amplification alone is not sufficient" shuts out amplification alone; "absence of T790M after progression"
  excludes a T790M carrier.

Every sentence and profile is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay
put.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding
from trialmatch.criteria.rules.reader import Scope, apply_scope
from trialmatch.matching.profile import Profile

EX19 = patient("EGFR:exon 19 deletion")
L858R = patient("EGFR:L858R")
G719X = patient("EGFR:G719X", drugs=("afatinib",), lines=1)
L861Q = patient("EGFR:L861Q")
EX20 = patient("EGFR:exon 20 insertion")
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12D = patient("KRAS:G12D", lines=2)
KRAS_G12V = patient("KRAS:G12V")
HER2_MUT = patient("ERBB2:exon 20 insertion")
HER2_AMP = patient("ERBB2:amplification")
MET_EX14 = patient("MET:exon 14 skipping")
MET_AMP = patient("MET:amplification", drugs=("carboplatin", "pemetrexed", "pembrolizumab"), lines=1)
BRAF_V600E = patient("BRAF:V600E")
BRAF_G469A = patient("BRAF:G469A")
NO_DRIVER = patient()
T790M_AFTER_TKI = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("gefitinib",), lines=1)
T790M_UNKNOWN_HISTORY = patient("EGFR:L858R", "EGFR:T790M")
T790M_UNTREATED = patient("EGFR:L858R", "EGFR:T790M", lines=0)
MET_AMP_AFTER_OSIMERTINIB = patient("EGFR:exon 19 deletion", "MET:amplification",
                                    drugs=("osimertinib", "carboplatin", "pemetrexed"), lines=2)
MET_AMP_UNTREATED = patient("MET:amplification", lines=0)


# ---- kind 1: an exception followed by examples -------------------------------------------------------------------

EGFR_EXCEPT_EX20 = [
    "Any EGFR mutation except exon 20 insertion, including uncommon mutations such as G719X, L861Q and S768I.",
    "Activating EGFR mutation (excluding exon 20 insertions), e.g. exon 19 deletion, L858R, G719X, L861Q or S768I.",
    "NSCLC with an activating EGFR mutation (exon 20 insertions excluded), for example exon 19 deletion, L858R or "
    "G719X.",
    "Sensitising EGFR mutation (other than exon 20 insertion), such as L858R, G719A or L861Q.",
    "EGFR-mutant NSCLC (exon 20 insertions are not eligible), for instance exon 19 deletion or L858R.",
]


@pytest.mark.parametrize("sentence", EGFR_EXCEPT_EX20)
def test_examples_after_an_egfr_exception_are_taken(sentence: str) -> None:
    for profile in (EX19, L858R, G719X, L861Q):
        assert verdict(inc(sentence), profile) == "eligible", profile
    assert verdict(inc(sentence), EX20) == "excluded"
    assert verdict(inc(sentence), KRAS_G12C) == "excluded"


@pytest.mark.parametrize("sentence", EGFR_EXCEPT_EX20)
def test_examples_after_an_exception_among_exclusions_shut_out_the_class_not_the_exception(sentence: str) -> None:
    assert verdict(exc(sentence), EX20) == "eligible"
    assert verdict(exc(sentence), L858R) == "excluded"
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "KRAS mutation (G12C excluded), e.g. G12D, G12V or G13D.",
    "KRAS-mutant NSCLC (excluding G12C), for example G12D or G12V.",
    "Any KRAS mutation except G12C, such as G12D, G12V or G12A.",
])
def test_examples_after_a_kras_exception_are_taken(sentence: str) -> None:
    assert verdict(inc(sentence), KRAS_G12D) == "eligible"
    assert verdict(inc(sentence), KRAS_G12V) == "eligible"
    assert verdict(inc(sentence), KRAS_G12C) == "excluded"
    assert verdict(inc(sentence), EX19) == "excluded"


@pytest.mark.parametrize("sentence", [
    "HER2-mutant NSCLC (amplification excluded), such as exon 20 insertions or G776C.",
    "HER2 mutation (excluding HER2 amplification), e.g. exon 20 insertion.",
])
def test_examples_after_a_class_exception_are_taken(sentence: str) -> None:
    assert verdict(inc(sentence), HER2_MUT) == "eligible"
    assert verdict(inc(sentence), HER2_AMP) == "excluded"
    assert verdict(inc(sentence), EX20) == "excluded"  # an EGFR exon 20 insertion is no HER2 example


@pytest.mark.parametrize("sentence, spared, refused", [
    # no example word: the list after "other than" is what is spared
    ("EGFR mutation other than exon 20 insertion, G719X or L861Q.", (EX19, L858R), (G719X, L861Q, EX20)),
    # the examples are allowed in their own clause
    ("Sensitizing EGFR mutation other than exon 20 insertion; uncommon mutations such as G719X or L861Q are "
     "allowed.", (EX19, G719X, L861Q), (EX20,)),
    # examples already in brackets after the exception
    ("KRAS mutation other than G12C (e.g., G12D, G12V, G13D).", (KRAS_G12D, KRAS_G12V), (KRAS_G12C,)),
])
def test_near_miss_exception_lists_and_bracketed_examples(sentence: str, spared: tuple[Profile, ...],
                                                          refused: tuple[Profile, ...]) -> None:
    for profile in spared:
        assert verdict(inc(sentence), profile) == "eligible", profile
    for profile in refused:
        assert verdict(inc(sentence), profile) == "excluded", profile


def test_near_miss_examples_of_a_class_exception_stay_in_the_exception() -> None:
    # "except uncommon mutations, such as G719X": the examples illustrate the exception; never a way in for G719X
    sentence = "Any EGFR mutation except uncommon mutations, such as G719X or L861Q."
    assert verdict(inc(sentence), G719X) != "eligible"
    assert verdict(inc(sentence), L861Q) != "eligible"


# ---- kind 2: a dated exclusion -----------------------------------------------------------------------------------

DATED_T790M = [
    "EGFR exon 20 insertion or de novo EGFR T790M at diagnosis.",
    "Presence of a primary (de novo) EGFR T790M mutation before any EGFR TKI therapy.",
    "Baseline (pre-treatment) EGFR T790M detected in the diagnostic biopsy.",
    "Concurrent EGFR T790M at the time of initial diagnosis.",
    "EGFR T790M mutation detected in the pre-treatment diagnostic sample.",
]


@pytest.mark.parametrize("sentence", DATED_T790M)
def test_a_dated_t790m_exclusion_is_a_question_for_a_treated_carrier(sentence: str) -> None:
    assert verdict(exc(sentence), T790M_AFTER_TKI) == "unknown"
    assert verdict(exc(sentence), T790M_UNKNOWN_HISTORY) == "unknown"
    assert verdict(exc(sentence), T790M_UNTREATED) == "excluded"  # found now, before any treatment
    assert verdict(exc(sentence), L858R) == "eligible"


@pytest.mark.parametrize("sentence", [
    "MET amplification detected at initial diagnosis, before any EGFR TKI.",
    "Tumours with co-occurring MET amplification present before first-line treatment.",
    "De novo MET amplification.",
])
def test_a_dated_met_amplification_exclusion_is_a_question_for_a_treated_carrier(sentence: str) -> None:
    assert verdict(exc(sentence), MET_AMP_AFTER_OSIMERTINIB) == "unknown"
    assert verdict(exc(sentence), MET_AMP_UNTREATED) == "excluded"
    assert verdict(exc(sentence), EX19) == "eligible"


def test_a_dated_exclusion_still_shuts_out_a_primary_driver() -> None:
    # exon 20 insertion is the tumour's own driver: it was there at diagnosis whatever came after
    treated_ex20 = patient("EGFR:exon 20 insertion", drugs=("carboplatin", "amivantamab"), lines=1)
    assert verdict(exc(DATED_T790M[0]), treated_ex20) == "excluded"


@pytest.mark.parametrize("sentence, carrier", [
    ("Presence of EGFR T790M mutation.", T790M_AFTER_TKI),
    ("Tumours harbouring EGFR exon 20 insertion.", EX20),
    ("Known MET amplification.", MET_AMP_AFTER_OSIMERTINIB),
])
def test_near_miss_an_undated_exclusion_still_excludes(sentence: str, carrier: Profile) -> None:
    assert verdict(exc(sentence), carrier) == "excluded"
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


# ---- kind 3: the same patient whatever the alteration's spelling -------------------------------------------------

SPELLINGS = {
    "ALK": ["fusion", "EML4-ALK fusion", "rearrangement", "ALK rearrangement", "ALK-positive", "EML4-ALK"],
    "ROS1": ["fusion", "CD74-ROS1 fusion", "CD74-ROS1", "ROS1 rearrangement"],
    "RET": ["fusion", "KIF5B-RET", "KIF5B-RET fusion", "CCDC6-RET"],
    "NTRK3": ["fusion", "ETV6-NTRK3", "ETV6-NTRK3 fusion"],
    "MET": ["exon 14 skipping", "METex14", "MET ex14", "exon 14 skipping mutation"],
    "EGFR": ["exon 19 deletion", "Del19", "exon 19 del", "E746_A750del"],
    "KRAS": ["G12C", "p.G12C", "KRAS G12C"],
    "ERBB2": ["exon 20 insertion", "ERBB2 exon 20 insertion", "YVMA insertion", "A775_G776insYVMA"],
    "BRAF": ["V600E", "p.V600E", "BRAF V600E"],
}
SPELLING_SENTENCES = [
    exc("Known EGFR/ALK mutations."),
    exc("Tumours with ALK, ROS1, RET or NTRK fusions."),
    inc("No known actionable driver alteration (EGFR, ALK, ROS1, RET, MET, KRAS G12C, BRAF V600E, HER2)."),
    inc("Documented EGFR exon 19 deletion, KRAS G12C, MET exon 14 skipping, BRAF V600E or HER2 exon 20 insertion."),
    exc("Known oncogenic driver alteration with an approved targeted therapy."),
]


@pytest.mark.parametrize("gene", sorted(SPELLINGS))
@pytest.mark.parametrize("criteria", SPELLING_SENTENCES)
def test_the_same_alteration_gets_the_same_verdict_however_it_is_spelt(gene: str, criteria: str) -> None:
    found = {spelling: verdict(criteria, patient(f"{gene}:{spelling}")) for spelling in SPELLINGS[gene]}
    assert len(set(found.values())) == 1, found


# ---- kind 4: a marker group narrowed by another fact -------------------------------------------------------------

def _trial(*bullets: str) -> dict:
    criteria = "Inclusion Criteria:\n\n" + "".join(f"* {b}\n" for b in bullets)
    return {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000000", "briefTitle": "A study in advanced NSCLC"},
        "conditionsModule": {"conditions": ["Non-Small Cell Lung Cancer"]},
        "eligibilityModule": {"eligibilityCriteria": criteria}}}


@pytest.mark.parametrize("label", [
    "Cohort A (EGFR-mutant NSCLC previously treated with osimertinib)",
    "Cohort 2 (EGFR-mutant NSCLC after progression on osimertinib)",
    "Arm B (EGFR mutation-positive NSCLC with brain metastases, after osimertinib)",
])
def test_a_narrowed_marker_group_label_is_a_question_for_carriers(label: str) -> None:
    rules = parse_record(_trial("Histologically confirmed NSCLC.", f"{label}: ECOG 0-1."))
    naive = patient("EGFR:L858R", lines=0)
    # the label's own treatment words never bind an EGFR carrier who may join another cohort
    assert DIMENSIONS["prior_therapy"].check(rules["prior_therapy"], naive).verdict != EXCLUDED
    assert DIMENSIONS["prior_therapy"].check(rules["prior_therapy"], NO_DRIVER).verdict == ELIGIBLE


def test_a_narrowed_label_that_names_the_treatment_was_binding_every_carrier() -> None:
    rules = parse_record(_trial("Histologically confirmed NSCLC.",
                                "Cohort A (EGFR-mutant NSCLC previously treated with osimertinib): ECOG 0-1."))
    naive = patient("EGFR:L858R", lines=0)
    assert DIMENSIONS["prior_therapy"].check(rules["prior_therapy"], naive).verdict == UNKNOWN


@pytest.mark.parametrize("label, narrowed", [
    ("Cohort 2 (EGFR-mutant NSCLC with brain metastases)", True),
    ("Cohort C (ROS1 fusion-positive NSCLC, TKI-naive)", True),
    ("Patients with EGFR-mutant NSCLC previously treated with osimertinib", True),
    ("Cohort 1 (EGFR-mutant NSCLC)", False),
    ("Patients with EGFR-mutant NSCLC", False),
    ("Cohort 3 (KRAS G12C-mutated NSCLC)", False),
    ("Cohort 4 (EGFR exon 19 deletion or L858R)", False),
    ("Arm B (HER2 exon 20 insertion NSCLC)", False),
    ("Cohort 5 (MET exon 14 skipping mutation)", False),
    ("Cohort D (NRG1 fusion-positive, any solid tumour)", False),
])
def test_which_marker_group_labels_narrow_the_group(label: str, narrowed: bool) -> None:
    from trialmatch.criteria.rules.reader.scope import _scope_from

    scope = _scope_from(label, "cohort")
    assert scope.genes
    assert scope.subgroup is narrowed


def test_apply_scope_of_a_narrowed_marker_group() -> None:
    narrowed = Scope("Cohort 2 (EGFR-mutant NSCLC with brain metastases)", "cohort", ("nsclc",), ("EGFR",),
                     subgroup=True).to_json()
    plain = Scope("Patients with EGFR-mutant NSCLC", "cohort", ("nsclc",), ("EGFR",)).to_json()
    out = Finding(EXCLUDED, "x", "y")
    assert apply_scope(out, narrowed, L858R).verdict == UNKNOWN  # a carrier may be in another cohort
    assert apply_scope(out, narrowed, NO_DRIVER).verdict == ELIGIBLE  # not a carrier: outside it
    assert apply_scope(out, plain, L858R).verdict == EXCLUDED  # near miss: every carrier is in the group


# ---- kind 5: recall ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, taken, refused", [
    ("KRAS mutation other than G12C or G12D.", (KRAS_G12V,), (KRAS_G12C, KRAS_G12D)),
    ("KRAS mutation other than G12C, G12D or G12V.", (), (KRAS_G12C, KRAS_G12D, KRAS_G12V)),
    ("BRAF-mutant NSCLC other than V600E, including class II and class III mutations.", (BRAF_G469A,), (BRAF_V600E,)),
    ("KRAS-mutant NSCLC other than G12C, including G12D and G12V.", (KRAS_G12D, KRAS_G12V), (KRAS_G12C,)),
    ("BRAF mutation other than V600E.", (BRAF_G469A,), (BRAF_V600E,)),
])
def test_other_than_a_list_spares_every_change_listed(sentence: str, taken: tuple[Profile, ...],
                                                      refused: tuple[Profile, ...]) -> None:
    for profile in taken:
        assert verdict(inc(sentence), profile) == "eligible", profile
    for profile in refused:
        assert verdict(inc(sentence), profile) == "excluded", profile


def test_near_miss_a_second_gene_after_other_than_is_another_way_in() -> None:
    sentence = "KRAS mutation other than G12C, or BRAF V600E."
    assert verdict(inc(sentence), BRAF_V600E) == "eligible"
    assert verdict(inc(sentence), KRAS_G12D) == "eligible"
    assert verdict(inc(sentence), KRAS_G12C) != "eligible"


@pytest.mark.parametrize("sentence, taken, refused", [
    ("MET exon 14 skipping mutation; MET amplification alone is not sufficient.", (MET_EX14,), (MET_AMP,)),
    ("Activating HER2 mutation; HER2 amplification or overexpression alone does not qualify.", (HER2_MUT,),
     (HER2_AMP,)),
    ("MET exon 14 skipping. MET amplification by itself is not enough.", (MET_EX14,), (MET_AMP,)),
])
def test_a_change_that_alone_does_not_qualify_is_shut_out_alone(sentence: str, taken: tuple[Profile, ...],
                                                                refused: tuple[Profile, ...]) -> None:
    for profile in taken:
        assert verdict(inc(sentence), profile) == "eligible", profile
    for profile in refused:
        assert verdict(inc(sentence), profile) == "excluded", profile


def test_near_miss_an_alone_change_with_a_mutation_beside_it_is_not_alone() -> None:
    both = patient("ERBB2:exon 20 insertion", "ERBB2:amplification")
    sentence = "Activating HER2 mutation; HER2 amplification alone does not qualify."
    assert verdict(inc(sentence), both) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Documented absence of EGFR T790M after progression on a first- or second-generation EGFR TKI.",
    "EGFR T790M-negative status confirmed after progression on gefitinib, erlotinib or afatinib.",
])
def test_absence_of_an_acquired_change_after_progression_excludes_a_carrier(sentence: str) -> None:
    assert verdict(inc(sentence), T790M_AFTER_TKI) == "excluded"
    assert verdict(inc(sentence), EX19) == "eligible"


def test_near_miss_a_later_finding_among_exclusions_stays_a_question() -> None:
    # "T790M after progression on osimertinib": which drug came first is not the profile's to settle here
    sentence = "EGFR T790M detected after progression on osimertinib."
    assert verdict(exc(sentence), T790M_AFTER_TKI) == "unknown"
