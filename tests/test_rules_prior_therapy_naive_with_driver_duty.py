"""An untreated-only inclusion beside a duty on driver carriers ("Participants with no prior treatment for Stage IV
NSCLC. Participants with a sensitizing EGFR mutation or an ALK fusion must have experienced disease progression
(during or after treatment) or intolerance to one or more approved targeted therapies"): the carriers are asked to
have had their targeted drug, so the untreated rule cannot also ban it. A carrier who had it was excluded as
treated; the duty is now their way past the untreated rule (only that rule: a treatment asked of everyone may be
asked of the carriers too). A bracketed aside between the duty's verb and the therapy no longer hides the duty, and
"a sensitizing mutation in the ... (EGFR) gene" leaves out an exon 20 insertion.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(gene: str | None, alteration: str = "", drugs: tuple[str, ...] = (), lines: int = 0) -> Profile:
    markers = [{"gene": gene, "alteration": alteration}] if gene else []
    negative = [g for g in ("EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET") if g != gene]
    return stage_iv_profile(age=57, biomarkers=markers, tested_negative=negative, pdl1_tps=30,
                            prior_therapies=list(drugs), prior_lines=lines)


EGFR_AFTER_TKI = _patient("EGFR", "exon 19 deletion", ("osimertinib",), 1)
EGFR_AFTER_GEFITINIB = _patient("EGFR", "L858R", ("gefitinib",), 1)
ALK_AFTER_TKI = _patient("ALK", "fusion", ("alectinib",), 1)
EGFR_NAIVE = _patient("EGFR", "L858R")
ALK_NAIVE = _patient("ALK", "fusion")
NO_DRIVER_NAIVE = _patient(None)
NO_DRIVER_TREATED = _patient(None, "", ("carboplatin", "pemetrexed", "pembrolizumab"), 1)
EGFR_AFTER_CHEMO = _patient("EGFR", "exon 19 deletion", ("carboplatin", "pemetrexed"), 1)
EGFR_EX20_TREATED = _patient("EGFR", "exon 20 insertion", ("carboplatin", "pemetrexed", "amivantamab"), 1)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


SENTENCES = [
    "* Participants with no prior treatment for Stage IV non-squamous NSCLC. Participants with a sensitizing mutation "
    "in the epidermal growth factor receptor (EGFR) gene or an anaplastic lymphoma kinase (ALK) fusion oncogene must "
    "have experienced disease progression (during or after treatment) or intolerance to treatment with one or more "
    "approved targeted therapies",
    "* No prior systemic therapy for metastatic NSCLC. Patients with an EGFR mutation or ALK rearrangement must have "
    "progressed on an approved TKI.",
    "* No prior systemic therapy for metastatic disease\n"
    "* Patients with EGFR or ALK genomic aberrations must have progressed on approved targeted therapy for these "
    "aberrations",
    "* Have not received any prior systemic treatment for advanced NSCLC. Subjects harboring EGFR sensitizing "
    "mutations or ALK translocations should have received (and progressed on) appropriate targeted therapy.",
    "* Treatment-naive for stage IV disease\n"
    "* Participants whose tumours have an activating EGFR mutation or an ALK fusion must have failed at least one "
    "approved tyrosine kinase inhibitor",
    "* Previously untreated advanced NSCLC. Patients with EGFR or ALK alterations need to have progressed on, or not "
    "tolerated, approved targeted treatment.",
]


@pytest.mark.parametrize("inclusion", SENTENCES)
def test_a_carrier_after_their_drug_comes_in(inclusion: str) -> None:
    assert verdict(EGFR_AFTER_TKI, inclusion) == "eligible"
    assert verdict(ALK_AFTER_TKI, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", SENTENCES)
def test_everyone_else_keeps_the_untreated_rule(inclusion: str) -> None:
    assert verdict(NO_DRIVER_NAIVE, inclusion) == "eligible"
    assert verdict(NO_DRIVER_TREATED, inclusion) == "excluded"
    assert verdict(EGFR_AFTER_CHEMO, inclusion) == "excluded"
    assert verdict(EGFR_NAIVE, inclusion) != "eligible"


def test_the_bracketed_aside_no_longer_hides_the_duty() -> None:
    assert verdict(ALK_NAIVE, SENTENCES[0]) == "excluded"
    assert verdict(EGFR_AFTER_GEFITINIB, SENTENCES[0]) == "eligible"


def test_a_sensitizing_mutation_in_the_egfr_gene_leaves_out_exon_20() -> None:
    assert verdict(EGFR_EX20_TREATED, SENTENCES[0]) == "excluded"


NEAR_MISSES = [
    # the untreated rule alone: the carrier's TKI is treatment
    "* No prior systemic therapy for metastatic NSCLC",
    # a treatment asked of everyone beside the carriers' duty: not replaced by the targeted drug
    "* Must have progressed on platinum-based chemotherapy for metastatic disease. Patients with an EGFR mutation or "
    "ALK rearrangement must also have progressed on an approved TKI.",
    # a first-line cohort's untreated rule beside another cohort's duty on carriers: their way is that cohort
    "* Cohort A (first-line): no prior systemic therapy for metastatic NSCLC\n"
    "* Cohort B (second-line): progressed on platinum-based chemotherapy; patients with EGFR or ALK alterations must "
    "have progressed on approved therapy for these alterations",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES)
def test_without_the_duty_or_with_another_requirement_the_tki_alone_is_not_enough(inclusion: str) -> None:
    assert verdict(EGFR_AFTER_TKI, inclusion) == "excluded"
