"""Prior-therapy sentence kinds from a fifth invented-sentence probe, each a false exclusion before:
"neither required nor prohibited" and its kin, an allowance for treated driver carriers, "naive or one
prior line", and gene labels ("EGFR pts: ...") that scope a rule to one group."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
EGFR = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]
ALK = [{"gene": "ALK", "alteration": "fusion"}]
NOT_EGFR = {"biomarkers": EGFR, "tested_negative": [g for g in GENES if g != "EGFR"]}
NOT_ALK = {"biomarkers": ALK, "tested_negative": [g for g in GENES if g != "ALK"]}
PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "null-lines": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "paclitaxel"], "prior_lines": None},
    "osimertinib": {**NOT_EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "egfr-naive": {**NOT_EGFR, "prior_therapies": [], "prior_lines": 0},
    "alk-two": {**NOT_ALK, "prior_therapies": ["alectinib", "lorlatinib"], "prior_lines": 2},
    "alk-naive": {**NOT_ALK, "prior_therapies": [], "prior_lines": 0},
    "g12c-sotorasib": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "prior_lines": 2,
                       "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"]},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"]},
    "g12d-chemo": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "tested_negative": GENES[:-2],
                   "prior_therapies": ["cisplatin", "pemetrexed"], "prior_lines": 1},
}
EVERYONE = list(PATIENTS)


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> str:
    return prior_verdict(PATIENTS[who], inclusion or [], exclusion or [])


# --- 1. "neither required nor prohibited": both ways said, so no rule -----------------------------------------

NO_RULE = [
    "Prior KRAS G12C inhibitor therapy is neither required nor exclusionary",
    "Prior sotorasib or adagrasib is not exclusionary and not required",
    "Prior osimertinib: neither required nor exclusionary",
    "Irrespective of prior osimertinib exposure",
    "Regardless of prior immunotherapy",
    "Prior anti-PD-1 therapy: permitted, not required",
    "Prior platinum-based chemotherapy is not a requirement",
    "Prior immunotherapy is neither required nor prohibited",
    "Prior docetaxel is neither mandatory nor excluded",
    "Previous treatment with a taxane is not a prerequisite",
    "Earlier ALK inhibitor therapy: neither mandatory nor prohibited",
]


@pytest.mark.parametrize("sentence", NO_RULE)
@pytest.mark.parametrize("who", EVERYONE)
def test_neither_required_nor_prohibited_sets_no_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"
    assert verdict(who, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("inclusion", "exclusion", "who", "expected"), [
    # The rule beside the "regardless" / "not required" clause still holds.
    (["Must have progressed on platinum-based chemotherapy, regardless of prior immunotherapy"], [], "naive",
     "excluded"),
    (["Must have progressed on platinum-based chemotherapy, regardless of prior immunotherapy"], [], "chemo-io",
     "eligible"),
    (["Progression on osimertinib is required; prior chemotherapy is not required"], [], "chemo-io", "excluded"),
    (["Progression on osimertinib is required; prior chemotherapy is not required"], [], "osimertinib", "eligible"),
    (["Prior osimertinib: required"], [], "chemo-io", "excluded"),
    ([], ["Prior docetaxel: not permitted"], "chemo-io-docetaxel", "excluded"),
    ([], ["Prior anti-PD-1 therapy regardless of setting"], "chemo-io", "excluded"),
    (["Prior platinum chemotherapy is required; prior immunotherapy is neither required nor prohibited"], [],
     "naive", "excluded"),
    (["Prior platinum chemotherapy is required; prior immunotherapy is neither required nor prohibited"], [],
     "chemo-io", "eligible"),
])
def test_a_rule_beside_a_no_rule_clause_stands(inclusion: list[str], exclusion: list[str], who: str,
                                                expected: str) -> None:
    assert verdict(who, inclusion, exclusion) == expected


# --- 2. an allowance or exemption for a marker group binds only that group -------------------------------------

@pytest.mark.parametrize("sentence", [
    "Anti-PD-(L)1 pretreated (not applicable to patients with EGFR/ALK alterations)",
    "Must have progressed on immunotherapy (not required for EGFR-mutant or ALK-positive patients)",
    "Progression after a PD-1 or PD-L1 inhibitor (patients with EGFR or ALK alterations exempt)",
    "Prior platinum-based chemotherapy required (does not apply to patients with EGFR or ALK alterations)",
])
def test_an_exemption_for_a_marker_group_lifts_the_rule_for_it(sentence: str) -> None:
    for who in ("osimertinib", "egfr-naive", "alk-two", "alk-naive"):
        assert verdict(who, [sentence]) == "eligible", who
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("chemo-io", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "No ALK fusion (ALK-positive patients may enrol if previously treated with an ALK inhibitor)",
    "Known EGFR mutation (EGFR-mutant patients may enroll after progression on osimertinib)",
    "Documented ALK rearrangement; ALK-positive patients can participate if previously treated with alectinib",
])
def test_an_allowance_for_treated_carriers_is_no_ban_on_their_drug(sentence: str) -> None:
    for who in EVERYONE:
        assert verdict(who, exclusion=[sentence]) != "excluded", who


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Previously untreated for stage IV disease, except EGFR-mutant patients who must have received osimertinib",
     {"naive": "eligible", "osimertinib": "eligible", "egfr-naive": "excluded", "chemo-io": "excluded",
      "alk-two": "excluded"}),
    ("No prior systemic therapy for metastatic disease, except ALK-positive patients, who must have progressed on "
     "alectinib", {"naive": "eligible", "alk-two": "eligible", "alk-naive": "excluded", "osimertinib": "excluded",
                   "chemo-io": "excluded"}),
    ("Treatment-naive for advanced NSCLC except for patients with an EGFR mutation, who should have had an EGFR TKI",
     {"naive": "eligible", "osimertinib": "eligible", "egfr-naive": "excluded", "chemo-io": "excluded"}),
])
def test_an_excepted_marker_group_with_its_own_rule(sentence: str, expected: dict[str, str]) -> None:
    for who, want in expected.items():
        assert verdict(who, [sentence]) == want, who


@pytest.mark.parametrize(("inclusion", "exclusion", "who", "expected"), [
    # Near misses: an exemption for no marker group, and a ban that says "may not enrol".
    (["Must have progressed on immunotherapy (not required for patients older than 75)"], [], "osimertinib",
     "excluded"),
    ([], ["Prior treatment with an ALK inhibitor (patients may not enrol)"], "alk-two", "excluded"),
    ([], ["Prior docetaxel (not applicable to patients with EGFR mutations)"], "chemo-io-docetaxel", "excluded"),
])
def test_exemption_near_misses(inclusion: list[str], exclusion: list[str], who: str, expected: str) -> None:
    assert verdict(who, inclusion, exclusion) == expected


# --- 3. "naive or one prior line", "zero or one": a range from nothing, both sides kept -------------------------

NAIVE_OR_ONE = [
    "Treatment-naive OR having received one prior line",
    "Treatment-naive (Cohort A) or after one prior line (Cohort B)",
    "Zero or one prior lines of therapy",
    "None or one prior regimen for metastatic NSCLC",
    "Untreated, or having progressed after exactly one prior systemic regimen",
    "Therapy-naive or treated with a single prior line for advanced disease",
    "zero to one prior lines of systemic therapy",
]


@pytest.mark.parametrize("sentence", NAIVE_OR_ONE)
def test_naive_or_one_prior_line_takes_both(sentence: str) -> None:
    for who in ("naive", "osimertinib", "chemo-io", "egfr-naive", "g12d-chemo"):
        assert verdict(who, [sentence]) == "eligible", who
    assert verdict("chemo-io-docetaxel", [sentence]) == "excluded"
    assert verdict("alk-two", [sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    ("Zero to two prior lines of systemic therapy for advanced disease", "naive", "eligible"),
    ("Zero to two prior lines of systemic therapy for advanced disease", "chemo-io-docetaxel", "eligible"),
    ("No prior systemic therapy, or one prior line of chemotherapy", "naive", "eligible"),
    ("No prior systemic therapy, or one prior line of chemotherapy", "g12d-chemo", "eligible"),
    # Near misses: one side only.
    ("Exactly one prior line of therapy", "naive", "excluded"),
    ("Zero prior lines of therapy for metastatic disease", "naive", "eligible"),
    ("Zero prior lines of therapy for metastatic disease", "chemo-io", "excluded"),
    ("Treatment-naive for advanced disease", "chemo-io", "excluded"),
    ("At least one prior line of therapy", "naive", "excluded"),
])
def test_line_count_near_misses(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


# --- 4. a gene named as a label or as the tumour's marker scopes the rule to its carriers ------------------------

@pytest.mark.parametrize("sentence", [
    "NSCLC harbouring EGFR, ALK, ROS1, RET, MET, BRAF, NTRK, HER2 or KRAS G12C alterations must have received at "
    "least one matched targeted therapy",
    "Tumours with EGFR or ALK alterations must have progressed on at least one approved TKI",
    "Tumors harboring ALK or EGFR alterations must have been treated with a tyrosine kinase inhibitor",
    "EGFR ex19del/L858R pts: post-3rd-gen TKI. ALK+ pts: post-2 ALK TKIs.",
    "EGFR exon19/L858R patients: progressed on osimertinib",
])
def test_a_rule_for_marker_carriers_spares_the_rest(sentence: str) -> None:
    for who in ("naive", "chemo-io", "chemo-io-docetaxel"):
        assert verdict(who, [sentence]) == "eligible", who
    assert verdict("egfr-naive", [sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    ("Tumours with EGFR or ALK alterations must have progressed on at least one approved TKI", "osimertinib",
     "eligible"),
    ("Tumours with EGFR or ALK alterations must have progressed on at least one approved TKI", "alk-naive",
     "excluded"),
    # Near misses: no marker group, so the rule binds everyone.
    ("Tumours must have progressed on at least one platinum-based regimen", "naive", "excluded"),
    ("Pretreated patients: progressed on platinum-based chemotherapy", "naive", "excluded"),
    ("Patients must have progressed on osimertinib", "naive", "excluded"),
])
def test_marker_label_near_misses(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected
