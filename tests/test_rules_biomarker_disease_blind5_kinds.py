"""Biomarker and disease kinds found on a fifth blind set of real trials (invented sentences only).

1. A marker group named at the end of a sentence about something else ("No further therapy is allowed in the
   metastatic setting for individuals with no actionable genomic alterations"): the group only says whom another rule
   is for, so no biomarker rule comes from it; the same group as the subject of a marker rule still counts.
2. A histology as the subject of a marker condition ("(patients with non-squamous NSCLC have no EGFR, ALK or ROS1
   mutation)", "For squamous histology, ...", "Non-squamous patients must ..."): no histology limit for the disease
   dimension; the marker rule binds that histology alone (another histology eligible on it, NOS a question).
3. A marker joined to a fact of another dimension: exclusions "EGFR-mutant NSCLC with untreated brain metastases",
   "PD-L1 >= 50% who have received prior chemotherapy" never exclude on the marker alone (a question); inclusions
   "PD-L1 >= 50% in patients with ECOG 0-1" bind a group the marker dimension cannot tell (never excluded); an
   exclusion joining a histology to a marker ("Squamous histology with PD-L1 TPS < 1%") binds that histology alone,
   and the disease dimension does not shut the histology out on it. "or" keeps each alternative excluding.
4. A gene symbol glued to its change ("HER2overexpression", "EGFRmutation") is read as the two words; a protein
   level's "status as determined by central review" asks for it, but names no value: carriers eligible, others a
   question (a value stated, "HER2 overexpression (IHC 3+)", still excludes a tested-negative tumour).
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict
from disease_cases import ALL_EL, EL, EX, UN, trial, verdicts

L858R = patient("EGFR:L858R")
ALK = patient("ALK:fusion")
G12C = patient("KRAS:G12C")
MET = patient("MET:exon 14 skipping")
RET = patient("RET:fusion")
NO_DRIVER = patient(pdl1=80)
UNTESTED = patient(negative=[])
CARRIERS = [L858R, ALK, G12C, MET, RET]

# ---- kind 1: a marker group that only says whom another rule is for ----------------------------------------------

GROUP_AT_THE_END = [
    "No additional treatments are allowed in the recurrent/metastatic setting for individuals with no actionable "
    "genomic alterations.",
    "Prior platinum doublet is required for patients without actionable genomic alterations",
    "At most one prior line of systemic therapy is permitted for participants with no targetable driver mutation",
    "Previous immunotherapy is mandatory for those who do not have a known oncogenic driver",
    "Only one prior regimen in the advanced setting for persons lacking an actionable alteration",
]


@pytest.mark.parametrize("sentence", GROUP_AT_THE_END)
def test_group_named_for_another_rule_sets_no_marker_rule(sentence: str) -> None:
    for profile in [*CARRIERS, NO_DRIVER, UNTESTED]:
        assert verdict(inc(sentence), profile) == "eligible", profile
        assert verdict(exc(sentence), profile) == "eligible", profile


@pytest.mark.parametrize("sentence", [
    "Patients with no actionable genomic alterations",
    "No actionable genomic alterations (EGFR, ALK, ROS1)",
    "Tumour without a targetable driver mutation",
])
def test_near_miss_group_as_the_requirement_itself_still_excludes_carriers(sentence: str) -> None:
    assert verdict(inc(sentence), L858R) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


def test_near_miss_exclusion_of_the_group_itself_still_excludes_carriers() -> None:
    assert verdict(exc("Patients with actionable genomic alterations"), L858R) == "excluded"
    assert verdict(exc("Known EGFR mutation or ALK fusion"), ALK) == "excluded"


# ---- kind 2: a histology that is the subject of a marker condition -----------------------------------------------

NON_SQUAMOUS_CONDITION = [
    "Not suitable for targeted therapy (patients with non-squamous NSCLC have no EGFR, ALK, or ROS1 gene mutation)",
    "Patients with non-squamous NSCLC must have no EGFR or ALK alteration",
    "For non-squamous histology, absence of EGFR mutation and ALK rearrangement must be documented",
    "Participants with nonsquamous histology must have documented negative EGFR and ALK status",
    "In patients with non-squamous histology: no known EGFR mutation or ALK rearrangement",
    "Non-squamous patients must have no sensitising EGFR mutation or ALK fusion",
]


@pytest.mark.parametrize("sentence", NON_SQUAMOUS_CONDITION)
def test_histology_as_subject_of_a_marker_condition_is_no_histology_limit(sentence: str) -> None:
    assert verdicts(trial(f"* Stage IV NSCLC\n* {sentence}")) == ALL_EL


@pytest.mark.parametrize("sentence", NON_SQUAMOUS_CONDITION)
def test_marker_rule_for_non_squamous_binds_that_histology_alone(sentence: str) -> None:
    assert verdict(inc(sentence), patient("EGFR:L858R", histology="squamous")) == "eligible"
    assert verdict(inc(sentence), patient("ALK:fusion", histology="squamous")) == "eligible"
    assert verdict(inc(sentence), patient("EGFR:L858R", histology="nsclc-nos")) == "unknown"
    assert verdict(inc(sentence), patient("ALK:fusion", histology="adenocarcinoma")) in {"excluded", "unknown"}
    assert verdict(inc(sentence), patient(histology="large cell")) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients with squamous histology must have an EGFR mutation",
    "For squamous NSCLC, a KRAS G12C mutation is required",
    "In squamous patients: documented EGFR mutation",
])
def test_marker_rule_for_squamous_binds_squamous_alone(sentence: str) -> None:
    assert verdict(inc(sentence), patient(histology="adenocarcinoma")) == "eligible"
    assert verdict(inc(sentence), patient(histology="large cell")) == "eligible"
    assert verdict(inc(sentence), patient(histology="squamous")) == "excluded"
    assert verdict(inc(sentence), patient(histology="nsclc-nos")) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Histologically confirmed non-squamous NSCLC",
    "Patients with non-squamous NSCLC who have measurable disease",
    "Patients with non-squamous NSCLC, stage IV",
    "Non-squamous NSCLC without EGFR mutation or ALK rearrangement",
])
def test_near_miss_histology_asked_for_still_shuts_squamous_out(sentence: str) -> None:
    assert verdicts(trial(f"* Stage IV NSCLC\n* {sentence}")) == (EL, EX, EL, UN)


def test_near_miss_histology_requirement_keeps_its_marker_rule_for_everyone() -> None:
    sentence = "Non-squamous NSCLC without EGFR mutation or ALK rearrangement"
    assert verdict(inc(sentence), patient("EGFR:L858R", histology="squamous")) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Participants with known EGFR mutations or ALK translocations (non-squamous NSCLC subjects must have confirmed "
    "EGFR/ALK mutation status)",
    "Known EGFR mutation or ALK fusion (for patients with non-squamous histology, testing is mandatory)",
])
def test_near_miss_histology_condition_in_an_aside_binds_only_the_aside(sentence: str) -> None:
    assert verdict(exc(sentence), patient("EGFR:L858R", histology="squamous")) == "excluded"
    assert verdict(exc(sentence), patient("ALK:fusion", histology="nsclc-nos")) == "excluded"


# ---- kind 3: a marker joined to a fact of another dimension --------------------------------------------------------

CROSSED_EXCLUSIONS = [
    ("EGFR-mutant NSCLC with untreated brain metastases", L858R),
    ("Symptomatic brain metastases in EGFR-mutant patients", L858R),
    ("Patients with ALK fusion and active brain metastases", ALK),
    ("EGFR-mutant patients with ECOG performance status >= 2", L858R),
    ("ROS1-rearranged tumours with leptomeningeal disease", patient("ROS1:fusion")),
    ("KRAS G12C mutation with prior sotorasib treatment", G12C),
    ("Patients with PD-L1 >= 50% who have received prior chemotherapy", NO_DRIVER),
    ("PD-L1 TPS of 50% or more and age 75 years or older", NO_DRIVER),
]


@pytest.mark.parametrize(("sentence", "carrier"), CROSSED_EXCLUSIONS)
def test_marker_joined_to_another_fact_never_excludes_on_the_marker_alone(sentence: str, carrier: object) -> None:
    assert verdict(exc(sentence), carrier) == "unknown"  # type: ignore[arg-type]
    assert verdict(exc(sentence), patient("MET:exon 14 skipping", pdl1=10)) == "eligible"


def test_treatment_joined_to_a_marker_keeps_its_own_reading() -> None:
    sentence = "RET fusion-positive participants previously treated with a selective RET inhibitor"
    assert verdict(exc(sentence), RET) != "excluded"  # never treated: the exclusion is not about them


@pytest.mark.parametrize(("sentence", "carrier"), [
    ("Known EGFR mutation, or untreated brain metastases", L858R),
    ("ALK fusion; symptomatic CNS metastases", ALK),
    ("EGFR mutation or ECOG performance status >= 2", L858R),
    ("Known EGFR mutation or ALK rearrangement", ALK),
    ("Tumours with EGFR mutation and ALK rearrangement", L858R),
    ("Known EGFR mutation with exon 19 deletion", patient("EGFR:exon 19 deletion")),
])
def test_near_miss_alternatives_and_marker_only_joins_still_exclude(sentence: str, carrier: object) -> None:
    assert verdict(exc(sentence), carrier) == "excluded"  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS >= 50% in patients with ECOG 0-1",
    "Patients aged >= 70 or with ECOG 2 must have PD-L1 TPS >= 50%",
    "EGFR mutation is required for subjects with brain metastases",
    "Participants previously treated with chemotherapy must have a KRAS G12C mutation",
])
def test_marker_required_of_a_group_set_by_another_fact_is_never_excluded(sentence: str) -> None:
    for profile in (L858R, ALK, G12C, patient(pdl1=5), patient(pdl1=60)):
        assert verdict(inc(sentence), profile) != "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients with ECOG 0-1 and PD-L1 TPS >= 50%",
    "PD-L1 TPS >= 50% and measurable disease",
    "Documented KRAS G12C mutation",
])
def test_near_miss_marker_required_of_everyone_still_excludes(sentence: str) -> None:
    assert verdict(inc(sentence), patient(pdl1=5)) == "excluded"


@pytest.mark.parametrize(("sentence", "inside", "outside_histology"), [
    ("Squamous histology with PD-L1 TPS < 1%", "squamous", "large cell"),
    ("Non-squamous NSCLC with PD-L1 TPS below 1%", "adenocarcinoma", "squamous"),
    ("Adenocarcinoma with PD-L1 negative (TPS < 1%) tumour", "adenocarcinoma", "squamous"),
])
def test_histology_joined_to_a_marker_binds_that_histology_alone(sentence: str, inside: str,
                                                                 outside_histology: str) -> None:
    assert verdict(exc(sentence), patient(pdl1=0, histology=inside)) == "excluded"
    assert verdict(exc(sentence), patient(pdl1=0, histology=outside_histology)) == "eligible"
    assert verdict(exc(sentence), patient(pdl1=0, histology="nsclc-nos")) == "unknown"
    assert verdict(exc(sentence), patient(pdl1=80, histology=inside)) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Squamous histology with PD-L1 TPS < 1%",
    "Squamous cell carcinoma in patients with ECOG 2",
    "Squamous NSCLC with untreated brain metastases",
    "Squamous cell histology with a KRAS mutation",
])
def test_histology_joined_to_another_fact_does_not_shut_the_histology_out(sentence: str) -> None:
    assert verdicts(trial("* Stage IV NSCLC", f"* {sentence}"))[1] == UN


@pytest.mark.parametrize("sentence", [
    "Squamous cell histology",
    "Squamous cell carcinoma",
    "Squamous histology or PD-L1 TPS < 1%",
])
def test_near_miss_histology_exclusion_alone_or_as_an_alternative_still_shuts_it_out(sentence: str) -> None:
    assert verdicts(trial("* Stage IV NSCLC", f"* {sentence}"))[1] == EX


# ---- kind 4: a gene glued to its change; a protein level's status to be determined centrally -----------------------

HER2_OVER = patient("ERBB2:overexpression")


@pytest.mark.parametrize("sentence", [
    "HER2overexpression status as determined by central review of tumor tissue",
    "HER2 overexpression status as determined by central review",
    "ERBB2 over-expression status confirmed by a central laboratory",
    "HER2 overexpression status as assessed by central testing (IHC)",
])
def test_protein_status_to_be_determined_asks_for_it_but_leaves_others_a_question(sentence: str) -> None:
    assert verdict(inc(sentence), HER2_OVER) == "eligible"
    for profile in (L858R, G12C, NO_DRIVER, UNTESTED, patient("ERBB2:exon 20 insertion")):
        assert verdict(inc(sentence), profile) == "unknown"


@pytest.mark.parametrize(("sentence", "carrier"), [
    ("EGFRmutation positive NSCLC", L858R),
    ("Documented ALKrearrangement", ALK),
    ("KRASmutation (G12C)", G12C),
    ("HER2overexpressing tumour (IHC 3+)", HER2_OVER),
])
def test_gene_glued_to_its_change_is_read(sentence: str, carrier: object) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


@pytest.mark.parametrize("sentence", [
    "HER2 status will be determined by central review",
    "EGFR mutation status as determined by local testing",
    "Metastatic disease per RECIST",
])
def test_near_miss_status_without_a_result_word_is_only_a_test(sentence: str) -> None:
    for profile in (HER2_OVER, L858R, NO_DRIVER):
        assert verdict(inc(sentence), profile) == "eligible"


def test_near_miss_protein_value_stated_still_excludes_a_tested_negative_tumour() -> None:
    sentence = "HER2 overexpression (IHC 3+) must be determined by a central laboratory"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), HER2_OVER) == "eligible"
