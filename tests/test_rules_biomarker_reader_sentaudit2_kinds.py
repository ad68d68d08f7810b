"""Biomarker and shared-reader kinds found by two more sentence audits on criteria nobody had read.

- A treatment alternative limited to a gene subgroup ("platinum doublet, or an EGFR or ALK inhibitor for patients
  with EGFR mutations or ALK rearrangements") is a route for those carriers, not a marker requirement for everyone.
- A cohort label with its population in brackets ("Cohort C (NSCLC with untreated brain metastases): ...") names a
  subgroup of NSCLC: its rule cannot exclude a patient who may join another group (every dimension).
- A line over a list that says "only" ("Dose expansion part 2 only:") scopes the rules listed under it too.
- "tested by ARMS-PCR" is an assay, not treatment arms; "testing to rule out EGFR mutations" excludes them.
- Long gene names ("rapidly accelerated fibrosarcoma B", "proto-oncogene B-Raf", ...) are their genes.

Every sentence and profile is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay
put.
"""

from __future__ import annotations

from typing import Any

import pytest
from biomarker_cases import inc, patient, verdict

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.base import EXCLUDED, Finding
from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.reader import Scope, apply_scope, read_scope
from trialmatch.matching.profile import Profile, profile_from_dict

NO_DRIVER = patient()
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12D = patient("KRAS:G12D", lines=2)
MET_AMP = patient("MET:amplification")
ERBB2_AMP = patient("ERBB2:amplification")
EGFR = patient("EGFR:L858R")
EGFR_G719X = patient("EGFR:G719X")
ALK = patient("ALK:EML4-ALK fusion")
ROS1 = patient("ROS1:CD74-ROS1 fusion")
RET = patient("RET:KIF5B-RET fusion")
BRAF = patient("BRAF:V600E")
SQUAMOUS = patient(negative=["EGFR", "ALK", "ROS1"], histology="squamous")
DRIVER_NEGATIVE = (NO_DRIVER, KRAS_G12C, KRAS_G12D, MET_AMP, ERBB2_AMP, SQUAMOUS)


# ---- kind 1: a therapy route for a gene subgroup is no marker requirement ---------------------------------------

SUBGROUP_ROUTES = [
    "Front-line therapy was at least 4 cycles of platinum doublet or at least 3 months of inhibitors of epidermal "
    "growth factor receptor (EGFR) or anaplastic lymphoma kinase (ALK) for patients with EGFR mutations or ALK "
    "rearrangements.",
    "Prior first-line therapy with at least 4 cycles of platinum-based chemotherapy, or at least 3 months of an EGFR "
    "or ALK tyrosine kinase inhibitor for patients whose tumours harbour EGFR mutations or ALK rearrangements.",
    "Completed induction with platinum doublet chemotherapy, or with a ROS1 inhibitor in patients with ROS1 fusion.",
    "Must have received at least 4 cycles of first-line chemotherapy, or at least 8 weeks of a RET inhibitor if the "
    "tumour has a RET fusion.",
    "Stable disease after carboplatin-based chemotherapy, or after lorlatinib in those with ALK rearrangement.",
    "Disease control after 4 cycles of chemo-immunotherapy, or after at least 12 weeks of inhibitors of MET for "
    "participants whose tumours carry a MET exon 14 skipping mutation.",
    "Completed first-line therapy: platinum doublet, or a BRAF/MEK inhibitor combination if their tumour harbours "
    "BRAF V600E.",
]


@pytest.mark.parametrize("sentence", SUBGROUP_ROUTES)
def test_a_route_for_carriers_does_not_exclude_patients_without_the_marker(sentence: str) -> None:
    for profile in DRIVER_NEGATIVE:
        assert verdict(inc(sentence), profile) == "eligible", profile
    for profile in (EGFR, ALK, ROS1, RET, BRAF):
        assert verdict(inc(sentence), profile) != "excluded"


@pytest.mark.parametrize("sentence, carriers", [
    ("Patients with EGFR mutations or ALK rearrangements who received at least 3 months of an EGFR or ALK inhibitor.",
     (EGFR, ALK)),
    ("Documented EGFR mutation or ALK rearrangement.", (EGFR, ALK)),
    ("Tumour harbours a ROS1 fusion; prior crizotinib is allowed.", (ROS1,)),
    ("RET fusion-positive NSCLC treated with at least 8 weeks of a RET inhibitor.", (RET,)),
])
def test_near_miss_a_marker_requirement_still_excludes_non_carriers(sentence: str, carriers: tuple[Profile, ...]
                                                                     ) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), KRAS_G12C) == "excluded"
    for profile in carriers:
        assert verdict(inc(sentence), profile) == "eligible"


def test_inhibitors_of_a_gene_name_a_drug_not_the_tumour() -> None:
    assert "EGFR" not in normalise("at least 3 months of inhibitors of EGFR or ALK")
    assert "DRUG" in normalise("at least 3 months of inhibitors of EGFR or ALK")
    # Near miss: "EGFR mutation associated with sensitivity to inhibitors" keeps its gene.
    assert "EGFR mutation" in normalise("EGFR mutation of any kind")


# ---- kind 4: an assay called ARMS; testing "to rule out" a change excludes it -------------------------------------

@pytest.mark.parametrize("sentence, positive", [
    ("Negative for EGFR mutation and ALK rearrangement (tested by ARMS-PCR, NGS, or equivalent methods);",
     (EGFR, EGFR_G719X, ALK)),
    ("Negative for EGFR mutation and ALK rearrangement (tested by ARMS-PCR).", (EGFR, ALK)),
    ("Negative for KRAS G12C and BRAF V600E (tested by ARMS-PCR, NGS, or equivalent methods).", (KRAS_G12C, BRAF)),
    ("EGFR sensitising mutation negative by ARMS or NGS testing.", (EGFR,)),
    ("Wild-type EGFR confirmed by an ARMS assay (ARMS method).", (EGFR,)),
])
def test_arms_assay_is_no_treatment_arm(sentence: str, positive: tuple[Profile, ...]) -> None:
    for profile in positive:
        assert verdict(inc(sentence), profile) == "excluded", profile
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


def test_near_miss_real_arms_still_scope_the_rule() -> None:
    assert verdict(inc("No EGFR mutation (arms A and B only)."), EGFR) == "unknown"
    assert verdict(inc("No EGFR mutation (for the combination arms)."), EGFR) == "unknown"


@pytest.mark.parametrize("sentence, excluded", [
    ("Histologically confirmed NSCLC. If the pathological type is adenocarcinoma, genetic testing should be "
     "performed to exclude EGFR/ALK mutations.", (EGFR,)),
    ("For non-squamous histology, molecular testing should be performed to exclude EGFR mutations and ALK "
     "rearrangements.", (EGFR, ALK)),
    ("Adenocarcinoma patients should have genetic testing to exclude EGFR/ALK/ROS1 alterations.", (EGFR, ALK, ROS1)),
    ("Molecular testing to rule out EGFR mutations and ALK rearrangements.", (EGFR, ALK)),
    ("Genetic testing must rule out EGFR mutations.", (EGFR,)),
    ("NGS performed ruling out ROS1 and RET fusions.", (ROS1, RET)),
])
def test_testing_to_rule_out_a_change_excludes_it(sentence: str, excluded: tuple[Profile, ...]) -> None:
    for profile in excluded:
        assert verdict(inc(sentence), profile) == "excluded", profile
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), KRAS_G12C) == "eligible"


def test_near_miss_testing_without_a_result_and_named_tests_before_a_driver_word() -> None:
    waived = inc("Genetic testing for EGFR/ALK should be performed if tissue allows (results not required for "
                 "enrolment).")
    for profile in (EGFR, ALK, NO_DRIVER):
        assert verdict(waived, profile) == "eligible"
    # The genes tested are named: "driver alterations" means those, so other drivers are only a question.
    named = inc("If the tumour is an adenocarcinoma, EGFR and ALK testing is required to rule out driver alterations.")
    assert verdict(named, KRAS_G12C) == "unknown"
    assert verdict(named, NO_DRIVER) == "eligible"
    assert verdict(inc("EGFR mutations must be ruled out."), EGFR) == "excluded"


# ---- kind 5: long gene names --------------------------------------------------------------------------------------

LONG_NAMES = [
    ("rapidly accelerated fibrosarcoma B", "BRAF", "V600E", BRAF),
    ("B isoform of rapidly accelerated fibrosarcoma", "BRAF", "V600E", BRAF),
    ("B-rapidly accelerated fibrosarcoma proto-oncogene", "BRAF", "V600E", BRAF),
    ("proto-oncogene B-Raf", "BRAF", "V600E", BRAF),
    ("v-raf murine sarcoma viral oncogene homologue B1", "BRAF", "V600E", BRAF),
    ("serine/threonine-protein kinase B-raf", "BRAF", "V600E", BRAF),
    ("v-Ki-ras2 Kirsten rat sarcoma viral oncogene homolog", "KRAS", "G12C", KRAS_G12C),
    ("Kirsten rat sarcoma 2 viral oncogene homolog", "KRAS", "G12C", KRAS_G12C),
    ("anaplastic lymphoma receptor tyrosine kinase", "ALK", "rearrangement", ALK),
    ("proto-oncogene tyrosine-protein kinase ROS", "ROS1", "fusion", ROS1),
    ("ROS proto-oncogene receptor tyrosine kinase", "ROS1", "fusion", ROS1),
    ("erythroblastic oncogene B2", "HER2", "amplification", ERBB2_AMP),
    ("v-erb-b2 avian erythroblastic leukemia viral oncogene homolog 2", "HER2", "amplification", ERBB2_AMP),
    ("neurotrophic tropomyosin receptor kinase", "NTRK", "fusion", None),
]


@pytest.mark.parametrize("name, symbol, change, carrier", LONG_NAMES)
def test_long_gene_names_are_their_genes(name: str, symbol: str, change: str, carrier: Profile | None) -> None:
    assert normalise(f"Documented {name} {change}.") == f"Documented {symbol} {change}."
    required = inc(f"Tumour harbours a {name} {change}.")
    forbidden = inc(f"No known {name} alteration.")
    assert verdict(required, NO_DRIVER) == "excluded"
    assert verdict(forbidden, NO_DRIVER) == "eligible"  # the negation reaches over the long name
    if carrier is not None:
        assert verdict(required, carrier) == "eligible"
        assert verdict(forbidden, carrier) == "excluded"


def test_near_miss_names_of_other_genes_stay_unread() -> None:
    # RAF1 (C-RAF) is "rapidly accelerated fibrosarcoma" without the B; "neuregulin" alone is a family.
    assert "BRAF" not in normalise("Rapidly Accelerated Fibrosarcoma (RAF1) amplification")
    assert verdict(inc("Documented rapidly accelerated fibrosarcoma mutation."), NO_DRIVER) == "eligible"
    assert verdict(inc("Documented neuregulin mutation."), NO_DRIVER) == "eligible"


# ---- kinds 2 and 3: the shared reader, checked on every dimension ----------------------------------------------

def _person(**fields: Any) -> Profile:
    base: dict[str, Any] = {"age": 60, "sex": "female", "histology": "adenocarcinoma", "stage": "IV",
                            "biomarkers": [], "tested_negative": ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET",
                                                                  "ERBB2"],
                            "pdl1_tps": 60, "prior_therapies": [], "prior_lines": 0, "ecog": 1,
                            "brain_metastases": "none"}
    base.update(fields)
    return profile_from_dict(base)


NO_METS = _person()
TREATED_METS = _person(brain_metastases="treated_stable")
ACTIVE_METS = _person(brain_metastases="active")
ECOG2 = _person(ecog=2)
PRETREATED = _person(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
EGFR_PERSON = _person(biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                      tested_negative=["ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2"])


def _record(criteria: str) -> dict[str, Any]:
    return {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000000", "briefTitle": "A study in advanced NSCLC"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Non-Small Cell Lung Cancer"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "eligibilityModule": {"eligibilityCriteria": criteria, "sex": "ALL", "minimumAge": "18 Years"}}}


def _verdict(criteria: str, dimension: str, profile: Profile) -> str:
    rules = parse_record(_record(criteria))
    return DIMENSIONS[dimension].check(rules[dimension], profile).verdict


BASE = "Inclusion Criteria:\n\n* Histologically confirmed stage IV NSCLC.\n"


@pytest.mark.parametrize("line", [
    "Cohort C (NSCLC with untreated brain metastases): at least one measurable, untreated brain metastasis of 5 mm or "
    "more not requiring immediate local therapy.",
    "Arm 2 (non-small cell lung cancer with active CNS disease): at least one untreated brain metastasis.",
    "Part B (NSCLC, brain metastases cohort): measurable untreated brain metastases.",
])
def test_a_cohort_of_some_nsclc_patients_does_not_bind_everyone_brain(line: str) -> None:
    criteria = BASE + f"* {line}\n"
    for profile in (NO_METS, TREATED_METS):
        assert _verdict(criteria, "brain_metastases", profile) != "excluded"
    assert _verdict(criteria, "brain_metastases", TREATED_METS) == "unknown"
    assert _verdict(criteria, "brain_metastases", ACTIVE_METS) != "excluded"


@pytest.mark.parametrize("line, dimension, outside", [
    ("Cohort 2 (previously treated NSCLC): ECOG performance status 0-1.", "performance_status", ECOG2),
    ("Cohort A (treatment-naive NSCLC): no prior systemic therapy for advanced disease.", "prior_therapy", PRETREATED),
    ("Cohort 1 (squamous NSCLC): no known EGFR mutation.", "biomarker", EGFR_PERSON),
    ("Arm B (NSCLC without brain metastases): no brain metastases.", "brain_metastases", TREATED_METS),
])
def test_a_cohort_of_some_nsclc_patients_is_a_question_on_every_dimension(line: str, dimension: str,
                                                                         outside: Profile) -> None:
    # (prior therapy reads a cohort's rule as one route of several: eligible there)
    assert _verdict(BASE + f"* {line}\n", dimension, outside) in {"unknown", "eligible"}
    assert _verdict(BASE + f"* {line}\n", dimension, outside) == "unknown" or dimension == "prior_therapy"


@pytest.mark.parametrize("line, dimension, outside", [
    ("Cohort C (NSCLC): ECOG performance status 0-1.", "performance_status", ECOG2),
    ("NSCLC cohort: ECOG performance status 0-1.", "performance_status", ECOG2),
    ("Part B (advanced or metastatic NSCLC): ECOG performance status 0-1.", "performance_status", ECOG2),
    ("Cohort 3 (solid tumours other than glioma): ECOG 0 or 1.", "performance_status", ECOG2),
    ("Cohort 2 (stage IV non-small cell lung cancer): no brain metastases.", "brain_metastases", TREATED_METS),
    ("Part 2 (solid tumours that meet the following criteria): ECOG 0-1.", "performance_status", ECOG2),
])
def test_near_miss_a_cohort_of_every_nsclc_patient_still_binds(line: str, dimension: str, outside: Profile) -> None:
    assert _verdict(BASE + f"* {line}\n", dimension, outside) == "excluded"


def test_subgroup_scope_in_the_reader_and_apply_scope() -> None:
    own = read_scope("Cohort C (NSCLC with untreated brain metastases): at least one brain metastasis.")[1]
    assert own is not None and own.subgroup and own.diseases == ("nsclc",)
    plain = read_scope("Cohort C (NSCLC): at least one brain metastasis.")[1]
    assert plain is not None and not plain.subgroup
    assert Scope.from_json(own.to_json()) == own
    assert "subgroup" not in plain.to_json()  # stored rules of every other scope are unchanged
    excluded = Finding(EXCLUDED, "at least one brain metastasis", "needs brain metastases")
    assert apply_scope(excluded, own.to_json(), NO_METS).verdict == "unknown"
    assert apply_scope(excluded, plain.to_json(), NO_METS).verdict == "excluded"


ONLY_HEADINGS = [
    "Dose expansion part 2 only:",
    "Phase 2 dose expansion part only:",
    "Additional criteria, Cohort B only:",
    "Criteria applying to Arm C only:",
]


@pytest.mark.parametrize("heading", ONLY_HEADINGS)
@pytest.mark.parametrize("plain", [True, False])
def test_an_only_heading_scopes_the_list_under_it(heading: str, plain: bool) -> None:
    rules = ["ECOG performance status 0-1.", "Documented EGFR exon 19 deletion or L858R mutation.",
             "At least one untreated brain metastasis.", "No prior systemic therapy for advanced disease."]
    head = f"\n{heading}\n\n" if plain else f"* {heading}\n"
    criteria = BASE + "* ECOG performance status 0-2.\n" + head + "".join(f"* {r}\n" for r in rules)
    assert _verdict(criteria, "performance_status", ECOG2) != "excluded"
    # (the biomarker reader may also read a cohort's requirement as one cohort's route: eligible)
    assert _verdict(criteria, "biomarker", NO_METS) != "excluded"
    assert _verdict(criteria, "brain_metastases", TREATED_METS) == "unknown"
    assert _verdict(criteria, "prior_therapy", PRETREATED) != "excluded"
    # Alone under the heading, the part's ECOG limit is a question for an ECOG 2 patient.
    alone = BASE + head + "* ECOG performance status 0-1.\n"
    assert _verdict(alone, "performance_status", ECOG2) == "unknown"


@pytest.mark.parametrize("heading", [
    "Inclusion criteria applicable to all study treatment modules (Groups A/B):",
    "For all patients (Parts 1 and 2):",
    "Patients must meet the following:",
])
def test_near_miss_a_heading_for_everyone_scopes_nothing(heading: str) -> None:
    criteria = BASE + f"* {heading}\n* ECOG performance status 0-1.\n* Documented EGFR exon 19 deletion.\n"
    assert _verdict(criteria, "performance_status", ECOG2) == "excluded"
    assert _verdict(criteria, "biomarker", NO_METS) == "excluded"


def test_an_only_line_that_is_a_rule_scopes_itself_alone() -> None:
    # Not a list lead-in: the rule after it binds everyone.
    criteria = BASE + "* ECOG 0-1 (Part 2 only).\n* No brain metastases.\n"
    assert _verdict(criteria, "performance_status", ECOG2) == "unknown"
    assert _verdict(criteria, "brain_metastases", TREATED_METS) == "excluded"
    heading, own = read_scope("Dose expansion part 2 only:")
    assert heading is not None and heading == own
    assert read_scope("ECOG 0-1 (Part 2 only).")[0] is None
