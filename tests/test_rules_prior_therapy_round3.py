"""Prior-therapy kinds from the second probe, each with invented wordings and near misses.

- Negation words "lack of", "lacking", "devoid of" before an exposure: a ban, not a requirement. In an exclusion,
  a bullet that opens by negating an exposure or a progression ("Not having received X", "Absence of documented
  progression on X") is a requirement: the patients without X are excluded.
- A group named by one ALTERATION of a gene ("patients with an EGFR exon 20 insertion", "KRAS G12C", "HER2-amplified",
  "EGFR L858R cohort", "common EGFR mutations") binds the carriers of that alteration only; a marker-named cohort is
  one way in beside the other cohorts the criteria name.
- A part of the trial with no prior-therapy rule whose own inclusion asks for a marker the patient clearly lacks is
  no way in (a question at worst, never an exclusion from that reasoning alone).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

ALL_NEG = ["ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3"]


def egfr(alteration: str, prior: list[str], lines: int) -> dict[str, Any]:
    return {"biomarkers": [{"gene": "EGFR", "alteration": alteration}], "tested_negative": ALL_NEG,
            "prior_therapies": prior, "prior_lines": lines}


def marker(gene: str, alteration: str, prior: list[str], lines: int) -> dict[str, Any]:
    return {"biomarkers": [{"gene": gene, "alteration": alteration}],
            "tested_negative": [g for g in [*ALL_NEG, "EGFR"] if g != gene], "prior_therapies": prior,
            "prior_lines": lines}


NAIVE = {"prior_therapies": [], "prior_lines": 0, "tested_negative": [*ALL_NEG, "EGFR"]}
CHEMO_IO = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
CHEMO = {"prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1}
DOCETAXEL = {"prior_therapies": ["carboplatin", "paclitaxel", "nivolumab", "docetaxel"], "prior_lines": 2}


# --- negation words before an exposure ---------------------------------------------------------------------

@pytest.mark.parametrize("inclusion", [
    "Lack of prior exposure to immune checkpoint inhibitors",
    "Lacking any previous anti-PD-1 or anti-PD-L1 antibody",
    "Devoid of any prior immunotherapy",
    "Lacks prior treatment with a checkpoint inhibitor",
])
def test_lack_of_checkpoint_inhibitor_is_a_ban(inclusion: str) -> None:
    assert prior_verdict(NAIVE, [inclusion]) == "eligible"
    assert prior_verdict(CHEMO, [inclusion]) == "eligible"
    assert prior_verdict(CHEMO_IO, [inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", [
    "Lack of prior exposure to docetaxel",
    "Devoid of previous docetaxel treatment",
])
def test_lack_of_a_named_drug_is_a_ban(inclusion: str) -> None:
    assert prior_verdict(CHEMO_IO, [inclusion]) == "eligible"
    assert prior_verdict(DOCETAXEL, [inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", [
    "Lacking prior systemic therapy for metastatic disease",
    "Lack of prior systemic treatment for advanced disease",
    "Devoid of any previous systemic therapy for stage IV NSCLC",
])
def test_lack_of_systemic_therapy_is_treatment_naive(inclusion: str) -> None:
    assert prior_verdict(NAIVE, [inclusion]) == "eligible"
    assert prior_verdict(CHEMO_IO, [inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", [
    # Near misses: no response to a treatment is progression on it; "lack of" something other than an exposure.
    "Lack of response to prior platinum-based chemotherapy",
    "Disease progression or lack of benefit from prior platinum-based chemotherapy",
])
def test_lack_of_response_still_asks_for_the_drug(inclusion: str) -> None:
    assert prior_verdict(NAIVE, [inclusion]) != "eligible"
    assert prior_verdict(CHEMO, [inclusion]) != "excluded"  # a response the profile does not give: a question


@pytest.mark.parametrize("exclusion", [
    "Not having received prior platinum-based chemotherapy",
    "Never having been treated with platinum-based chemotherapy",
    "Lack of prior exposure to platinum-containing chemotherapy",
    "Absence of prior platinum doublet chemotherapy",
])
def test_exclusion_double_negative_requires_the_drug(exclusion: str) -> None:
    assert prior_verdict(NAIVE, exclusion=[exclusion]) == "excluded"
    assert prior_verdict(CHEMO, exclusion=[exclusion]) == "eligible"


@pytest.mark.parametrize("exclusion", [
    "Absence of documented progression on prior osimertinib",
    "Not having progressed on osimertinib",
    "Lack of radiographic progression on prior osimertinib",
])
def test_exclusion_double_negative_progression(exclusion: str) -> None:
    assert prior_verdict(egfr("exon 19 deletion", ["osimertinib"], 1), exclusion=[exclusion]) == "eligible"
    assert prior_verdict(egfr("L858R", [], 0), exclusion=[exclusion]) == "excluded"


@pytest.mark.parametrize("exclusion", [
    # Near misses: the ban reads as before ("No prior X" in an exclusion is left alone; toxicity is another purpose).
    "No prior platinum-based chemotherapy",
    "Lack of recovery from toxicities of prior platinum-based chemotherapy",
    "Absence of adequate organ function after prior chemotherapy",
])
def test_exclusion_near_misses_never_require(exclusion: str) -> None:
    assert prior_verdict(NAIVE, exclusion=[exclusion]) == "eligible"


def test_double_negative_with_an_unless_is_a_question() -> None:
    exclusion = ["Not having received prior platinum-based chemotherapy, unless the patient was ineligible for it"]
    assert prior_verdict(NAIVE, exclusion=exclusion) == "unknown"


# --- a group named by one alteration -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Patients with an EGFR exon 20 insertion must have progressed on platinum-based chemotherapy",
    "Patients harbouring EGFR exon 20 insertion mutations must have received prior platinum chemotherapy",
    "In patients with EGFR ex20ins, progression after platinum-based chemotherapy is required",
])
def test_exon_20_group_binds_exon_20_only(sentence: str) -> None:
    inclusion = ["EGFR-mutant NSCLC", sentence]
    assert prior_verdict(egfr("exon 19 deletion", ["osimertinib"], 1), inclusion) == "eligible"
    assert prior_verdict(egfr("L858R", [], 0), inclusion) == "eligible"
    assert prior_verdict(egfr("exon 20 insertion", [], 0), inclusion) == "excluded"
    assert prior_verdict(egfr("exon 20 insertion", ["carboplatin", "pemetrexed"], 1), inclusion) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients with KRAS G12C mutation must have progressed on sotorasib or adagrasib",
    "KRAS G12C-mutant patients must have received prior sotorasib or adagrasib",
    "KRAS G12C cohort: progression on a KRAS G12C inhibitor (sotorasib or adagrasib)",
])
def test_g12c_group_does_not_bind_other_kras(sentence: str) -> None:
    inclusion = ["KRAS-mutant NSCLC", sentence]
    assert prior_verdict(marker("KRAS", "G12D", CHEMO_IO["prior_therapies"], 1), inclusion) == "eligible"
    assert prior_verdict(marker("KRAS", "G12C", CHEMO_IO["prior_therapies"], 1), inclusion) == "excluded"
    assert prior_verdict(marker("KRAS", "G12C", [*CHEMO_IO["prior_therapies"], "sotorasib"], 2), inclusion) \
        == "eligible"


@pytest.mark.parametrize("sentence", [
    "For HER2-amplified patients: prior trastuzumab deruxtecan is required",
    "Patients with HER2 amplification must have received prior trastuzumab deruxtecan",
])
def test_amplified_group_does_not_bind_a_mutation(sentence: str) -> None:
    inclusion = ["HER2-altered NSCLC", sentence]
    assert prior_verdict(marker("ERBB2", "exon 20 insertion", CHEMO_IO["prior_therapies"], 1), inclusion) \
        == "eligible"
    assert prior_verdict(marker("ERBB2", "amplification", CHEMO_IO["prior_therapies"], 1), inclusion) == "excluded"
    # Overexpression may or may not go with amplification: a question, not an exclusion.
    assert prior_verdict(marker("ERBB2", "overexpression", CHEMO_IO["prior_therapies"], 1), inclusion) == "unknown"


@pytest.mark.parametrize("inclusion", [
    ["EGFR-mutant NSCLC", "EGFR L858R cohort: no prior EGFR TKI",
     "EGFR exon 19 deletion cohort: progression on first-line osimertinib"],
    ["EGFR-mutant NSCLC", "EGFR L858R cohort: no prior EGFR tyrosine kinase inhibitor",
     "EGFR exon 19 deletion cohort: must have progressed on osimertinib"],
])
def test_alteration_cohorts(inclusion: list[str]) -> None:
    assert prior_verdict(egfr("L858R", [], 0), inclusion) == "eligible"
    assert prior_verdict(egfr("exon 19 deletion", ["osimertinib"], 1), inclusion) == "eligible"
    assert prior_verdict(egfr("exon 19 deletion", [], 0), inclusion) == "excluded"
    assert prior_verdict(egfr("L858R", ["osimertinib"], 1), inclusion) == "excluded"


def test_common_and_exon_20_groups() -> None:
    inclusion = ["EGFR-mutant NSCLC", "Patients with EGFR exon 20 insertion must have received prior amivantamab",
                 "Patients with common EGFR mutations must have received prior osimertinib"]
    assert prior_verdict(egfr("exon 19 deletion", ["osimertinib"], 1), inclusion) == "eligible"
    assert prior_verdict(egfr("exon 20 insertion", ["carboplatin", "amivantamab"], 1), inclusion) == "eligible"
    assert prior_verdict(egfr("L858R", ["carboplatin", "amivantamab"], 1), inclusion) == "excluded"
    # An uncommon mutation is neither group's.
    assert prior_verdict(egfr("G719X", ["afatinib"], 1), inclusion) == "eligible"


def test_unspecified_alteration_is_a_question() -> None:
    inclusion = ["EGFR-mutant NSCLC", "Patients with an EGFR exon 20 insertion must have progressed on platinum"]
    assert prior_verdict(egfr("mutation", [], 0), inclusion) == "unknown"


@pytest.mark.parametrize("inclusion", [
    # Near misses: the group is the gene (any alteration), so every carrier is bound as before.
    ["Patients with EGFR mutation must have progressed on osimertinib"],
    ["EGFR-mutant patients must have received prior osimertinib"],
])
def test_gene_group_still_binds_every_carrier(inclusion: list[str]) -> None:
    assert prior_verdict(egfr("L858R", [], 0), inclusion) == "excluded"
    assert prior_verdict(egfr("exon 20 insertion", [], 0), inclusion) == "excluded"


@pytest.mark.parametrize("inclusion", [
    ["NSCLC", "EGFR cohort: progressed on osimertinib", "Cohort B: no prior systemic therapy for advanced disease"],
    ["NSCLC", "ALK cohort: must have progressed on alectinib or lorlatinib",
     "Cohort 2: treatment-naive for metastatic disease"],
])
def test_marker_cohort_beside_another_cohort(inclusion: list[str]) -> None:
    gene = "EGFR" if "EGFR" in inclusion[1] else "ALK"
    assert prior_verdict(marker(gene, "L858R" if gene == "EGFR" else "fusion", [], 0), inclusion) == "eligible"
    assert prior_verdict(NAIVE, inclusion) == "eligible"
    assert prior_verdict({**CHEMO_IO, "tested_negative": [*ALL_NEG, "EGFR"]}, inclusion) == "excluded"


def test_lone_marker_cohort_still_binds_its_carriers() -> None:
    inclusion = ["EGFR-mutant NSCLC", "EGFR cohort: progressed on osimertinib"]
    assert prior_verdict(egfr("L858R", [], 0), inclusion) == "excluded"


# --- a part with no prior-therapy rule, open only to a marker -------------------------------------------------

def _parts(expansion: str) -> list[str]:
    return ["Locally advanced or metastatic NSCLC", "Part-specific criteria:",
            "For the dose escalation part, patients must have progressed on standard therapy",
            expansion]


@pytest.mark.parametrize("expansion", [
    "For the expansion part, patients have documented EGFR exon 20 insertion mutations",
    "For the dose expansion part, patients must have a KRAS G12C mutation confirmed by a local laboratory",
    "For the expansion part, patients with ROS1 fusion-positive NSCLC",
])
def test_part_without_rule_for_a_marker(expansion: str) -> None:
    inclusion = _parts(expansion)
    # Untreated and clearly without the marker: only the escalation part, which asks for earlier treatment.
    assert prior_verdict(egfr("L858R", [], 0) if "EGFR" not in expansion else NAIVE, inclusion) == "excluded" \
        or prior_verdict(egfr("L858R", [], 0) if "EGFR" not in expansion else NAIVE, inclusion) == "unknown"
    assert prior_verdict(NAIVE, inclusion) != "eligible"
    # Marker status not known: a question.
    assert prior_verdict({"prior_therapies": [], "prior_lines": 0}, inclusion) == "unknown"
    # Previously treated: the escalation part takes them.
    assert prior_verdict({**CHEMO_IO, "tested_negative": [*ALL_NEG, "EGFR"]}, inclusion) == "eligible"


def test_part_without_rule_takes_its_marker_carriers() -> None:
    inclusion = _parts("For the expansion part, patients have documented EGFR exon 20 insertion mutations")
    assert prior_verdict(egfr("exon 20 insertion", [], 0), inclusion) == "eligible"
    assert prior_verdict(egfr("L858R", [], 0), inclusion) != "eligible"


def test_never_harsher_than_unknown_from_parts() -> None:
    inclusion = ["Metastatic NSCLC", "For the escalation part, patients must have progressed on osimertinib",
                 "For the expansion part, patients have documented EGFR exon 20 insertion mutations"]
    assert prior_verdict(egfr("L858R", [], 0), inclusion) == "unknown"


@pytest.mark.parametrize("expansion", [
    # Near misses: the part without a rule names no marker, or a negative one: it may take anyone.
    "For the expansion part, patients must have measurable disease",
    "For the expansion part, patients without EGFR mutations or ALK fusions",
])
def test_part_without_rule_open_to_anyone(expansion: str) -> None:
    assert prior_verdict(NAIVE, _parts(expansion)) == "eligible"
