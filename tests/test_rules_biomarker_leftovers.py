"""Biomarker kinds left over after the first rounds, on invented sentences and invented patients.

Kind a: overexpression or amplification asked for, the gene tested without a driver: the profile schema says
        tested negative means no alteration of the gene, overexpression included, so it fails. Expression at
        any level ("HER2-low", "IHC 1+ or more") is not overexpression and stays a question.
Kind b: an exclusion of alterations with an approved targeted therapy: which findings have one today, which are
        a question (KRAS G12D, NRG1, MET amplification, HER2 copies or protein), and wording that turns it
        around ("for which NO targeted therapy is available") or ties it to a country or the first line.
Kind c: "PACC" (P-loop and alpha-C-helix compressing) EGFR mutations, a class of their own.
Kind d: "exon 19 deletion or L858R preferred": a preference requires nothing.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.matching.profile import Profile

NO_DRIVER = patient(pdl1=30)
UNTESTED = patient(negative=[])
ONLY_EGFR_ALK_TESTED = patient(negative=["EGFR", "ALK"])
HER2_AMP = patient("ERBB2:amplification")
HER2_OVER = patient("ERBB2:overexpression")
HER2_EX20 = patient("ERBB2:exon 20 insertion")
MET_AMP = patient("MET:amplification")
MET_EX14 = patient("MET:exon 14 skipping")
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12D = patient("KRAS:G12D")
KRAS_G12V = patient("KRAS:G12V")
NRG1 = patient("NRG1:fusion")
EGFR_EX20 = patient("EGFR:exon 20 insertion")
EGFR_EX19 = patient("EGFR:exon 19 deletion")
EGFR_L858R = patient("EGFR:L858R")
EGFR_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M")
EGFR_G719X = patient("EGFR:G719X")
EGFR_S768I = patient("EGFR:S768I", "EGFR:G719X")
EGFR_L861Q = patient("EGFR:L861Q")
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
RET = patient("RET:fusion")
NTRK = patient("NTRK1:fusion")
BRAF = patient("BRAF:V600E")


# ---- kind a: overexpression / amplification with the gene tested negative -----------------------------------

OVEREXPRESSION = [
    inc("HER2 overexpression (IHC 3+) must be confirmed by a central laboratory."),
    inc("Tumour with HER2 protein overexpression, IHC 3+"),
    inc("Documented ERBB2 over-expression by immunohistochemistry"),
    inc("HER2 IHC 3+ non-small cell lung cancer"),
]


@pytest.mark.parametrize("criteria", OVEREXPRESSION)
@pytest.mark.parametrize("profile", [NO_DRIVER, KRAS_G12C, MET_EX14, EGFR_EX19],
                         ids=["no-driver", "kras", "met-ex14", "egfr"])
def test_overexpression_fails_a_profile_whose_erbb2_was_tested_negative(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "excluded"


@pytest.mark.parametrize("criteria", OVEREXPRESSION)
def test_overexpression_is_met_by_overexpression_and_open_otherwise(criteria: str) -> None:
    assert verdict(criteria, HER2_OVER) == "eligible"
    for profile in (HER2_AMP, HER2_EX20, UNTESTED, ONLY_EGFR_ALK_TESTED):  # another ERBB2 finding, or no result
        assert verdict(criteria, profile) == "unknown"


AMPLIFICATION = [
    inc("MET amplification (gene copy number of 6 or more) by FISH"),
    inc("HER2-amplified NSCLC by next-generation sequencing"),
    inc("Tumours with ERBB2 gene amplification"),
]


@pytest.mark.parametrize("criteria", AMPLIFICATION)
def test_amplification_fails_a_profile_whose_gene_was_tested_negative(criteria: str) -> None:
    assert verdict(criteria, NO_DRIVER) == "excluded"
    assert verdict(criteria, UNTESTED) == "unknown"
    assert verdict(criteria, ONLY_EGFR_ALK_TESTED) == "unknown"


def test_her2_positive_fails_a_profile_whose_erbb2_was_tested_negative() -> None:
    criteria = inc("HER2-positive non-small cell lung cancer")
    assert verdict(criteria, NO_DRIVER) == "excluded"
    assert verdict(criteria, HER2_AMP) == "eligible"
    assert verdict(criteria, HER2_EX20) == "unknown"


# Near misses: protein at any level, or a low level, is found in tumours without an ERBB2 driver.
EXPRESSION_ANY_LEVEL = [
    inc("HER2 expression (IHC 1+, 2+ or 3+) by central testing"),
    inc("HER2-low (IHC 1+ or IHC 2+/ISH-) non-small cell lung cancer"),
    inc("HER2-expressing tumour, defined as IHC 1+ or higher"),
    inc("HER2 IHC 2+ or higher"),
    inc("MET overexpression (IHC 3+ in at least 50% of tumour cells)"),
    inc("c-Met protein expression by IHC"),
]


@pytest.mark.parametrize("criteria", EXPRESSION_ANY_LEVEL)
@pytest.mark.parametrize("profile", [NO_DRIVER, KRAS_G12C, UNTESTED], ids=["no-driver", "kras", "untested"])
def test_protein_at_any_level_is_a_question_for_a_tested_negative_gene(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "unknown"


def test_her2_low_is_not_met_by_overexpression_alone() -> None:
    assert verdict(inc("HER2-low (IHC 1+ or IHC 2+/ISH-) NSCLC"), HER2_OVER) == "unknown"
    assert verdict(inc("HER2 expression (IHC 1+, 2+ or 3+)"), HER2_OVER) == "eligible"


# ---- kind b: alterations with an approved targeted therapy --------------------------------------------------

ACTIONABLE = [
    exc("Tumour with an alteration for which FDA-approved targeted therapy is indicated"),
    exc("NSCLC harbouring a genomic aberration for which an FDA-approved targeted therapy is indicated"),
    exc("Known actionable genomic alteration with an approved targeted therapy"),
    exc("Patients whose tumours harbour a mutation for which approved targeted therapy exists"),
    inc("No targetable driver alteration with an approved targeted therapy"),
]
HAS_APPROVED_DRUG = [KRAS_G12C, HER2_EX20, EGFR_EX20, MET_EX14, RET, NTRK, ROS1, ALK, BRAF, EGFR_EX19, EGFR_L858R,
                     EGFR_G719X]
HAS_APPROVED_IDS = ["kras-g12c", "her2-ex20", "egfr-ex20", "met-ex14", "ret", "ntrk", "ros1", "alk", "braf",
                    "egfr-ex19", "egfr-l858r", "egfr-g719x"]
LESS_SETTLED = [NRG1, MET_AMP, HER2_AMP, HER2_OVER]
LESS_SETTLED_IDS = ["nrg1", "met-amp", "her2-amp", "her2-over"]
# No targeted drug is approved anywhere for KRAS G12D or G12V (the vocabulary's "unapproved"): not actionable, by
# the label convention of sets K and L (kind 22), where the excluded class names no gene.
NO_APPROVED_DRUG = [KRAS_G12D, KRAS_G12V]


@pytest.mark.parametrize("criteria", ACTIONABLE)
@pytest.mark.parametrize("profile", HAS_APPROVED_DRUG, ids=HAS_APPROVED_IDS)
def test_a_finding_with_an_approved_targeted_therapy_is_excluded(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "excluded"


@pytest.mark.parametrize("criteria", ACTIONABLE)
@pytest.mark.parametrize("profile", LESS_SETTLED, ids=LESS_SETTLED_IDS)
def test_a_finding_without_a_settled_approval_is_a_question(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "unknown"


@pytest.mark.parametrize("criteria", ACTIONABLE)
@pytest.mark.parametrize("profile", NO_APPROVED_DRUG, ids=["kras-g12d", "kras-g12v"])
def test_a_finding_with_no_approved_drug_anywhere_passes(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "eligible"


@pytest.mark.parametrize("criteria", ACTIONABLE)
def test_no_driver_passes_and_untested_is_open(criteria: str) -> None:
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, UNTESTED) == "unknown"


# Near miss: the sentence is about alterations WITHOUT a drug, or about drugs approved locally / for the first line.
NO_DRUG = [
    inc("Tumour with a genomic alteration for which no approved targeted therapy is available"),
    exc("Tumours with an alteration for which approved targeted therapy is not available"),
    inc("Actionable alterations without an available targeted therapy"),
    inc("Patients with a driver mutation for which there is no approved targeted treatment"),
]


@pytest.mark.parametrize("criteria", NO_DRUG)
@pytest.mark.parametrize("profile", [NO_DRIVER, KRAS_G12C, ALK, KRAS_G12D, EGFR_EX19],
                         ids=["no-driver", "kras-g12c", "alk", "kras-g12d", "egfr"])
def test_a_rule_on_alterations_without_a_drug_never_excludes(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) != "excluded"


LOCAL = [
    exc("Tumour with a genomic alteration for which a locally approved targeted therapy is available"),
    exc("Known actionable alterations for which there is a local standard of care available as front-line therapy"),
    exc("Molecular alterations for which targeted therapy is approved as first-line treatment in the country"),
]


@pytest.mark.parametrize("criteria", LOCAL)
def test_recent_or_later_line_approvals_are_a_question_where_the_text_asks_local_or_first_line(criteria: str) -> None:
    # Under "first-line" a change whose drugs are approved after prior therapy only is not actionable (session 26,
    # set Q label convention); EGFR exon 20 insertion (first-line amivantamab, approval varying by country) and,
    # under "locally" alone, every recent approval stay a question.
    first_line = "first-line" in criteria or "front-line" in criteria
    for profile in (KRAS_G12C, HER2_EX20):
        assert verdict(criteria, profile) == ("eligible" if first_line else "unknown")
    assert verdict(criteria, EGFR_EX20) == "unknown"
    for profile in (ALK, EGFR_EX19, MET_EX14, RET):
        assert verdict(criteria, profile) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_named_genes_with_approved_therapy_read_kras_g12c_as_actionable() -> None:
    criteria = exc("Known KRAS, EGFR or ALK alterations for which an approved targeted therapy exists")
    assert verdict(criteria, KRAS_G12C) == "excluded"
    assert verdict(criteria, KRAS_G12D) == "unknown"


# ---- kind c: PACC EGFR mutations ----------------------------------------------------------------------------

PACC = [
    inc("PACC EGFR mutation"),
    inc("Documented EGFR P-loop and alpha-C-helix compressing (PACC) mutation"),
    inc("Tumour harbouring an EGFR PACC mutation by local testing"),
    inc("NSCLC with a PACC mutation of EGFR"),
]


@pytest.mark.parametrize("criteria", PACC)
@pytest.mark.parametrize("profile", [EGFR_G719X, EGFR_S768I, patient("EGFR:E709K")],
                         ids=["g719x", "s768i-g719x", "e709k"])
def test_pacc_is_met_by_its_own_mutations(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "eligible"


@pytest.mark.parametrize("criteria", PACC)
@pytest.mark.parametrize("profile", [EGFR_EX19, EGFR_L858R, EGFR_T790M, KRAS_G12C, NO_DRIVER],
                         ids=["ex19", "l858r", "ex19-t790m", "kras", "no-driver"])
def test_pacc_is_not_met_by_common_mutations_or_another_gene(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "excluded"


@pytest.mark.parametrize("criteria", PACC)
@pytest.mark.parametrize("profile", [EGFR_L861Q, EGFR_EX20, UNTESTED], ids=["l861q", "egfr-ex20", "untested"])
def test_pacc_is_a_question_for_mutations_placed_by_variant(criteria: str, profile: Profile) -> None:
    # L861Q is grouped as classical-like in the structural classification; exon 20 insertions as their own class.
    assert verdict(criteria, profile) == "unknown"


def test_pacc_with_examples_takes_the_examples() -> None:
    criteria = inc("EGFR PACC mutations (e.g. G719X, S768I, L861Q)")
    assert verdict(criteria, EGFR_L861Q) == "eligible"
    assert verdict(criteria, EGFR_EX19) == "excluded"


def test_uncommon_still_takes_l861q() -> None:
    assert verdict(inc("Uncommon EGFR mutation (non-exon 19 deletion, non-L858R)"), EGFR_L861Q) == "eligible"


# ---- kind d: a preference requires nothing ------------------------------------------------------------------

PREFERRED = [
    inc("EGFR mutation; exon 19 deletion or L858R preferred"),
    inc("EGFR mutation (exon 19 deletion or L858R preferred)"),
    inc("Documented EGFR mutation, preferably exon 19 deletion or L858R"),
    inc("EGFR-mutant NSCLC. Patients with exon 19 deletion or L858R are preferred."),
    inc("EGFR mutation, exon 19 deletion or L858R mutations are preferred"),
]


@pytest.mark.parametrize("criteria", PREFERRED)
@pytest.mark.parametrize("profile", [EGFR_EX19, EGFR_L858R, EGFR_G719X, EGFR_EX20, EGFR_L861Q],
                         ids=["ex19", "l858r", "g719x", "ex20", "l861q"])
def test_any_egfr_mutation_fits_when_the_common_ones_are_only_preferred(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "eligible"


@pytest.mark.parametrize("criteria", PREFERRED)
def test_the_egfr_requirement_itself_still_binds(criteria: str) -> None:
    assert verdict(criteria, KRAS_G12C) == "excluded"
    assert verdict(criteria, UNTESTED) == "unknown"


@pytest.mark.parametrize("criteria", [
    inc("EGFR mutation: exon 19 deletion or L858R"),
    inc("Exon 19 deletion or L858R EGFR mutation is required"),
    inc("EGFR mutation limited to exon 19 deletion or L858R"),
])
def test_a_required_list_still_narrows(criteria: str) -> None:
    assert verdict(criteria, EGFR_G719X) == "excluded"
    assert verdict(criteria, EGFR_EX19) == "eligible"
