"""The shared criterion reader: scope and purpose, read from invented sentences of each kind."""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding
from trialmatch.criteria.rules.reader import apply_scope, criterion_scope, heading_scope, purpose_of
from trialmatch.criteria.text import split_criteria
from trialmatch.matching.profile import profile_from_dict

# (criterion, expected kind or None, cancers it names, genes it names)
SCOPES = {
    "cohort prefix with colon": ("Cohort B: no prior treatment with docetaxel", "cohort", (), ()),
    "bracketed cohort": ("[Cohort 3] Must have received a platinum doublet", "cohort", (), ()),
    "part with aside and no colon": ("Part 1C (Combination Dose Escalation) Histological diagnosis of solid tumour",
                                     "part", (), ()),
    "part naming another cancer": ("Part 3 (HER2-positive gastric cancer): prior trastuzumab required",
                                   "part", ("gastric",), ("ERBB2",)),
    "arms only suffix": ("No prior immunotherapy (Arms 2 and 3 only).", "arm", (), ()),
    "dose escalation only suffix": ("Untreated CNS metastases (dose escalation only)", "part", (), ()),
    "phase aside": ("Measurable disease per RECIST 1.1 (Phase 1b)", "phase", (), ()),
    "only for a part": ("Prior anti-PD-1 therapy is required only for the expansion cohort", "part", (), ()),
    "patients in a part": ("Patients in Part 2 who received prior docetaxel", "part", (), ()),
    "disease cohort heading": ("SCLC cohort: progressed after platinum-etoposide", "cohort", ("sclc",), ()),
    "marker cohort heading": ("EGFR-mutant cohort: progressed on osimertinib", "cohort", (), ("EGFR",)),
    "condition on a marker group": ("Patients with EGFR or ALK alterations must have progressed on approved "
                                    "targeted therapy", "condition", (), ("EGFR", "ALK")),
    "condition on another cancer": ("Participants with head and neck cancer must have received cetuximab",
                                    "condition", ("head_and_neck",), ()),
    "condition on a resistance marker": ("For patients with T790M, prior osimertinib is required",
                                         "condition", (), ("EGFR",)),
    "condition on NSCLC": ("Patients with NSCLC must have received a platinum doublet", "condition", ("nsclc",), ()),
    "non-small cell is not small cell": ("Subjects with non-small cell lung cancer should have progressed on "
                                         "one line", "condition", ("nsclc", "lung"), ()),
}

UNSCOPED = {
    "plain rule": "No prior treatment with an EGFR tyrosine kinase inhibitor",
    "group that is the rule": "Patients with EGFR mutations are excluded",
    "group that is the rule, modal": "Patients with known ALK rearrangement must not be enrolled",
    "group without a cancer or marker": "Patients with brain metastases must be stable for 4 weeks",
    "stage is not a part": "Stage IV disease: confirmed by imaging",
    "a word that starts like a part": "Partial response to prior therapy is not required",
    "a phase of treatment in the sentence": "Progressed after a phase 3 trial regimen of chemotherapy",
    "cancer inside a longer word": "Patients with adequate organ function, who can swallow tablets",
}


@pytest.mark.parametrize(("text", "kind", "cancers", "genes"), SCOPES.values(), ids=SCOPES.keys())
def test_scope_is_read_from_the_criterion(text: str, kind: str, cancers: tuple[str, ...],
                                          genes: tuple[str, ...]) -> None:
    scope = criterion_scope(text)
    assert scope is not None
    assert (scope.kind, scope.diseases, scope.genes) == (kind, cancers, genes)


@pytest.mark.parametrize("text", UNSCOPED.values(), ids=UNSCOPED.keys())
def test_a_rule_about_every_patient_has_no_scope(text: str) -> None:
    assert criterion_scope(text) is None


@pytest.mark.parametrize("line", ["Cohort A:", "Phase 1: (dose escalation)", "Part B (NSCLC expansion):",
                                  "Dose expansion only:", "For patients with small cell lung cancer:"])
def test_a_line_that_only_names_a_group_is_a_heading(line: str) -> None:
    assert heading_scope(line) is not None


@pytest.mark.parametrize("line", ["Cohort A: must have EGFR mutation", "Patients must meet all of the following:"])
def test_a_line_that_says_more_is_not_a_heading(line: str) -> None:
    assert heading_scope(line) is None


@pytest.mark.parametrize("text", [
    "Neoadjuvant cohort: known distant metastases",
    "For the perioperative cohort: no prior systemic therapy",
    "Second-line arm: prior platinum-based chemotherapy",
    "Maintenance cohorts: no progression after 4 cycles of induction",
    "Treatment-naive group: no prior anticancer therapy",
    "Locally advanced cohort: unresectable stage III disease",
])
def test_a_cohort_named_by_its_setting_is_a_group(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.kind == "cohort" and not scope.diseases and not scope.genes


@pytest.mark.parametrize("line", ["Inclusion criteria for all cohorts:", "Criteria for both arms:",
                                  "Exclusion criteria (any cohort):", "Patients in the study cohort:",
                                  "Monotherapy cohorts:", "Metastatic cohort:"])
def test_a_heading_about_every_group_scopes_nothing(line: str) -> None:
    assert heading_scope(line) is None


def _scopes(markdown: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope.label if c.scope else None) for c in split_criteria(markdown)]


def test_a_plain_heading_scopes_the_list_after_it_until_the_next_plain_line() -> None:
    markdown = ("Inclusion Criteria:\n\n* Age 18 or older\n\nPart A: (dose escalation)\n\n"
                "* No prior docetaxel\n* ECOG 0-1\n\nPart B: (expansion)\n\n* Prior platinum\n\n"
                "Exclusion Criteria:\n\n* Active brain metastases\n")
    assert _scopes(markdown) == [
        ("Age 18 or older", None),
        ("Part A: (dose escalation)", "Part A"),
        ("No prior docetaxel", "Part A"),
        ("ECOG 0-1", "Part A"),
        ("Part B: (expansion)", "Part B"),
        ("Prior platinum", "Part B"),
        ("Active brain metastases", None),
    ]


def test_a_heading_bullet_scopes_only_its_sub_bullets() -> None:
    markdown = ("Inclusion Criteria:\n\n* Cohort 2 (SCLC):\n  * Progressed on platinum-etoposide\n"
                "  * No prior topotecan\n* ECOG 0-2\n")
    scopes = _scopes(markdown)
    assert scopes[1][1] == scopes[2][1] == "Cohort 2 (SCLC)"
    assert scopes[3] == ("ECOG 0-2", None)
    cohort = split_criteria(markdown)[2].scope
    assert cohort is not None and cohort.other_disease


@pytest.mark.parametrize(("line", "label", "cancers", "genes"), [
    ("Part 2D (HR+/HER2- breast cancer (CDK4i-naive)):", "Part 2D (HR+/HER2- breast cancer (CDK4i-naive))",
     ("breast",), ()),
    ("Cohort 4 (SCLC (post-platinum)):", "Cohort 4 (SCLC (post-platinum))", ("sclc",), ()),
    ("Arm B [NSCLC (EGFR-mutant)]:", "Arm B [NSCLC (EGFR-mutant)", ("nsclc",), ("EGFR",)),
    ("Gastric cancer (HER2+ (IHC 3+)):", "Gastric cancer (HER2+ (IHC 3+))", ("gastric",), ("ERBB2",)),
])
def test_a_heading_with_an_aside_inside_its_aside_is_still_a_heading(
        line: str, label: str, cancers: tuple[str, ...], genes: tuple[str, ...]) -> None:
    scope = heading_scope(line)
    assert scope is not None
    assert (scope.label, scope.diseases, scope.genes) == (label, cancers, genes)


def test_a_nested_bracket_heading_scopes_its_list_like_a_plain_one() -> None:
    nested = ("Inclusion Criteria:\n\n* Part 2D (HR+/HER2- breast cancer (CDK4i-naive)):\n"
              "  * Progressed on endocrine therapy\n  * No prior fulvestrant\n* ECOG 0-1\n")
    plain = nested.replace(" (CDK4i-naive)", "")
    for markdown in (nested, plain):
        criteria = split_criteria(markdown)
        assert criteria[1].scope == criteria[2].scope == criteria[0].scope
        assert criteria[1].scope is not None and criteria[1].scope.other_disease
        assert criteria[3].scope is None


@pytest.mark.parametrize("line", [
    # Near misses: words after the nested aside make the line a criterion with its own scope, not a heading;
    # brackets that never close name no group.
    "Part 2D (breast cancer (CDK4i-naive)): must have progressed on endocrine therapy",
    "Part 2D (breast cancer (CDK4i-naive):",
    "Prior therapy (chemotherapy (any line)):",
])
def test_a_nested_aside_that_says_more_is_no_heading(line: str) -> None:
    assert heading_scope(line) is None


def test_all_patients_closes_a_heading() -> None:
    markdown = "Cohort A:\n* No prior docetaxel\n* All patients: ECOG 0-1\n"
    assert _scopes(markdown)[-1] == ("All patients: ECOG 0-1", None)


PURPOSES = {
    "toxicity recovery": ("Adverse events from prior immunotherapy must have resolved to grade 1 or baseline",
                          "toxicity_recovery"),
    "recovered from toxicities": ("Recovered from the acute toxic effects of previous chemotherapy",
                                  "toxicity_recovery"),
    "unresolved toxicity": ("Unresolved toxicity of grade 2 or more from earlier anticancer therapy",
                            "toxicity_recovery"),
    "washout in days": ("No immunotherapy within 21 days before the first dose", "washout"),
    "washout since": ("At least 3 weeks since the last dose of chemotherapy", "washout"),
    "washout by half-lives": ("Targeted therapy within 5 half-lives of study drug", "washout"),
    "contraception with a window": ("Women of childbearing potential must use contraception for 90 days after "
                                    "the last dose", "contraception"),
    "hypersensitivity to a drug": ("Known hypersensitivity to pembrolizumab or any of its excipients",
                                   "hypersensitivity"),
    "concomitant medicine": ("Concomitant use of strong CYP3A4 inhibitors", "concomitant"),
    "another cancer": ("Another malignancy treated with chemotherapy within 3 years", "other_cancer"),
    "archival tissue": ("Archival tumour tissue collected before first-line treatment must be available",
                        "logistics"),
}


@pytest.mark.parametrize(("sentence", "purpose"), PURPOSES.values(), ids=PURPOSES.keys())
def test_purpose_is_read(sentence: str, purpose: str) -> None:
    assert purpose_of(sentence) == purpose


@pytest.mark.parametrize("sentence", [
    "No prior treatment with an EGFR TKI",
    "Must have progressed on or after platinum-based chemotherapy",
    "Prior treatment with osimertinib is required",
    "At most two prior lines of systemic therapy for advanced disease",
])
def test_a_treatment_rule_has_no_purpose(sentence: str) -> None:
    assert purpose_of(sentence) is None


EGFR_POSITIVE = profile_from_dict({"id": "a", "biomarkers": [{"gene": "EGFR", "alteration": "L858R"}]})
EGFR_NEGATIVE = profile_from_dict({"id": "b", "tested_negative": ["EGFR", "ALK"]})
UNTESTED = profile_from_dict({"id": "c"})
EXCLUDING = Finding(EXCLUDED, "No prior docetaxel", "You had docetaxel.")


def _scope_json(text: str) -> dict[str, object]:
    scope = criterion_scope(text)
    assert scope is not None
    return scope.to_json()


@pytest.mark.parametrize(("scope_text", "profile", "verdict"), [
    ("Participants with breast cancer must have ...", UNTESTED, ELIGIBLE),
    ("SCLC cohort: ...", EGFR_POSITIVE, ELIGIBLE),
    ("Patients with EGFR mutation must have ...", EGFR_POSITIVE, EXCLUDED),
    ("Patients with EGFR mutation must have ...", EGFR_NEGATIVE, ELIGIBLE),
    ("Patients with EGFR mutation must have ...", UNTESTED, UNKNOWN),
    ("Cohort B: ...", EGFR_POSITIVE, UNKNOWN),
    ("Patients with NSCLC must have ...", UNTESTED, EXCLUDED),
    ("Patients without EGFR mutations must have ...", EGFR_NEGATIVE, EXCLUDED),
    ("Patients without EGFR mutations must have ...", EGFR_POSITIVE, ELIGIBLE),
    ("Patients without EGFR mutations must have ...", UNTESTED, UNKNOWN),
], ids=["other cancer", "small cell cohort", "marker group, positive", "marker group, negative",
        "marker group, untested", "cohort without cancer or marker", "NSCLC group", "without a marker, negative",
        "without a marker, positive", "without a marker, untested"])
def test_a_scoped_exclusion_binds_only_its_group(scope_text: str, profile: object, verdict: str) -> None:
    found = apply_scope(EXCLUDING, _scope_json(scope_text), profile)  # type: ignore[arg-type]
    assert found.verdict == verdict
    assert found.evidence == EXCLUDING.evidence


def test_no_scope_leaves_the_finding_alone() -> None:
    assert apply_scope(EXCLUDING, None, UNTESTED) is EXCLUDING


@pytest.mark.parametrize(("text", "label"), [
    ("Part 2A3: Advanced NSCLC with active CNS metastatic disease", "Part 2A3"),
    ("Cohort B1: prior anti-PD-1 therapy", "Cohort B1"),
])
def test_labels_with_letters_and_digits(text: str, label: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.label == label


@pytest.mark.parametrize("text", [
    "ECOG PS <= 1 (Part A); ECOG PS <= 2 (Part B)",
    "ECOG 0-2 (PS 2 allowed only in the expansion cohort)",
    "No prior docetaxel in dose escalation only or in cohort 2, and no prior pemetrexed",
])
def test_an_aside_about_part_of_a_criterion_does_not_scope_all_of_it(text: str) -> None:
    assert criterion_scope(text) is None


def test_a_singular_patient_condition_is_a_scope() -> None:
    scope = criterion_scope("Patient with glioblastoma must have a KPS of 60 or more")
    assert scope is not None and scope.other_disease


@pytest.mark.parametrize("heading", ["Selected Exclusion Criteria:", "9.2 Exclusion Criteria: (all Phases)",
                                     "Additional exclusion criteria"])
def test_numbered_and_qualified_exclusion_headings(heading: str) -> None:
    criteria = split_criteria(f"Inclusion Criteria:\n\n* Age 18\n\n{heading}\n\n* Active brain metastases\n")
    assert [c.section for c in criteria if c.text == "Active brain metastases"] == ["exclusion"]


@pytest.mark.parametrize(("text", "other"), [
    ("Small cell lung cancer cohort: prior platinum-etoposide", True),
    ("Extensive-stage SCLC group: progressed after one line", True),
    ("Non-NSCLC solid tumors cohort: at least one prior line", True),
    ("Solid tumours other than NSCLC: progressed on standard therapy", True),
    ("Breast cancer (2L+): prior CDK4/6 inhibitor", True),
    ("Non-small cell lung cancer cohort: prior platinum", False),
    ("Solid tumor cohort: at least one prior line", False),
])
def test_which_cancer_a_group_names(text: str, other: bool) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.other_disease is other


@pytest.mark.parametrize(("text", "genes"), [
    ("Part 2 (ER+ HER2- breast cancer): prior fulvestrant", ()),
    ("Participants with EGFR wild-type tumours must have had chemotherapy", ()),
    ("Participants with HER2-positive tumours must have had trastuzumab", ("ERBB2",)),
])
def test_a_negative_result_names_no_marker_group(text: str, genes: tuple[str, ...]) -> None:
    # A negative result names the group WITHOUT the marker (session 20: "EGFR wild-type" is EGFR absent), never the
    # carriers' group.
    scope = criterion_scope(text)
    assert (scope.genes if scope and not scope.absent else ()) == genes


@pytest.mark.parametrize("text", [
    "For the expansion part, patients have an EGFR exon 20 insertion",
    "In Cohort 2, prior docetaxel is required",
    "Prior docetaxel (Subprotocol C and Subprotocol D)",
    "NOTE: Patients with an EGFR or ALK alteration must have progressed on targeted therapy",
])
def test_more_ways_of_naming_a_group(text: str) -> None:
    assert criterion_scope(text) is not None


@pytest.mark.parametrize(("sentence", "purpose"), [
    ("No prior cancer therapy for metastatic disease", None),
    ("Previous cancer treatment with docetaxel is not permitted", None),
    ("Must have progressed on or within 6 months of platinum-based chemotherapy", None),
    ("Relapse within 12 months of completing adjuvant therapy", None),
    ("Progressed on osimertinib or have it contraindicated", None),
    ("No concomitant driver mutations in EGFR or ALK", None),
    ("Prior malignancy within the last 3 years", "other_cancer"),
    ("Curative resection planned within 6 weeks after enrolment", None),
    ("Surgery scheduled within 4 weeks of the last dose of neoadjuvant chemotherapy", None),
    ("Newly diagnosed within the last 3 months with no prior systemic therapy", None),
    ("Expected to start first-line chemotherapy within 2 weeks", None),
    ("No chemotherapy within 21 days before the first dose", "washout"),
    ("Time between prior anticancer therapy including investigational agents and first dose of X as below:",
     "washout"),
    ("Interval since the last dose of prior systemic therapy: at least 3 weeks", "washout"),
    ("Time elapsed from previous immunotherapy must be 28 days or more", "washout"),
])
def test_what_is_not_a_purpose(sentence: str, purpose: str | None) -> None:
    assert purpose_of(sentence) == purpose


def test_a_part_closed_to_enrolment_binds_no_one_and_the_open_part_binds_everyone() -> None:
    markdown = ("Inclusion Criteria:\n\n* Age 18 or older\n\nPhase 1 [closed to enrollment]:\n\n"
                "* No prior docetaxel\n\nPhase 2 [open to enrollment]:\n\n* Non-squamous histology\n")
    criteria = {c.text: c.scope for c in split_criteria(markdown)}
    closed = criteria["No prior docetaxel"]
    assert closed is not None and closed.closed
    assert criteria["Non-squamous histology"] is None
    assert apply_scope(EXCLUDING, closed.to_json(), UNTESTED).verdict == ELIGIBLE


def test_a_plain_heading_keeps_its_scope_over_plain_lines() -> None:
    markdown = "Cohort B (SCLC):\nProgressed after platinum\nNo prior topotecan\n"
    assert [scope for _, scope in _scopes(markdown)] == ["Cohort B (SCLC)"] * 3


@pytest.mark.parametrize("markdown", [
    "* For NSCLC:\n* PD-L1 TPS of 1% or more. Melanoma:\n* As first-line treatment for melanoma\n",
    "* Cohort A (NSCLC):\n  * PD-L1 TPS of 1% or more. Breast cancer:\n  * After a CDK4/6 inhibitor\n",
])
def test_a_heading_at_the_end_of_a_bullet_scopes_the_bullets_after_it(markdown: str) -> None:
    last = split_criteria(markdown)[-1].scope
    assert last is not None and last.other_disease


@pytest.mark.parametrize(("text", "other"), [
    ("Treatment with imatinib for GIST (at least one line of therapy)", True),
    ("Prior trastuzumab for HER2-positive breast cancer is required", True),
    ("Must have received platinum-etoposide for small cell lung cancer", True),
    ("Prior osimertinib for EGFR-mutant NSCLC", None),
    ("At least one prior line of therapy for metastatic disease", None),
    ("Prior chemotherapy for NSCLC or for breast cancer", None),
])
def test_a_treatment_given_for_another_cancer_scopes_the_criterion(text: str, other: bool | None) -> None:
    scope = criterion_scope(text)
    assert (scope.other_disease if scope else None) is other


@pytest.mark.parametrize(("text", "genes"), [
    ("Patients without EGFR mutations must have progressed on platinum", ("EGFR",)),
    ("Participants lacking an ALK rearrangement should have received a PD-1 inhibitor", ("ALK",)),
    ("For patients with no EGFR or ALK alteration, prior chemotherapy is required", ("EGFR", "ALK")),
    ("Subjects who do not have a KRAS G12C mutation must have PD-L1 TPS of 50% or more", ("KRAS",)),
])
def test_a_group_without_a_marker_is_those_with_none_of_it(text: str, genes: tuple[str, ...]) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.absent and scope.genes == genes


@pytest.mark.parametrize("text", ["Patients without brain metastases must have ECOG 0-1",
                                  "Participants without prior therapy must be 18 or older"])
def test_without_a_marker_or_cancer_is_no_group(text: str) -> None:
    assert criterion_scope(text) is None


@pytest.mark.parametrize("markdown", [
    "* Patients with EGFR mutations must have had osimertinib; patients without EGFR mutations must have had "
    "platinum-based chemotherapy.",
    "* Patients with an EGFR mutation must have received osimertinib. All other patients must have received "
    "platinum-based chemotherapy.",
    "* Participants with EGFR alterations must have progressed on osimertinib; participants without these alterations "
    "must have received platinum-based chemotherapy.",
    "* Patients with EGFR mutations must have had osimertinib. Others must have received platinum-based "
    "chemotherapy.",
])
def test_each_marker_group_in_one_criterion_keeps_its_own_clause(markdown: str) -> None:
    first, second = split_criteria("Inclusion Criteria:\n\n" + markdown)
    assert first.scope is not None and first.scope.genes == ("EGFR",) and not first.scope.absent
    assert second.scope is not None and second.scope.genes == ("EGFR",) and second.scope.absent
    assert "osimertinib" in first.text and "platinum" in second.text and "osimertinib" not in second.text


@pytest.mark.parametrize("markdown", [
    "* Prior platinum-based chemotherapy is required. Patients with EGFR mutations must have had osimertinib.",
    "* Patients must have had platinum; patients with a prior TKI are allowed.",
    "* Patients with EGFR mutations must have had osimertinib, and patients must be 18 or older.",
])
def test_a_criterion_that_does_not_open_with_a_marker_group_stays_whole(markdown: str) -> None:
    assert len(split_criteria("Inclusion Criteria:\n\n" + markdown)) == 1


def test_the_rest_of_a_marker_group_is_not_bound_by_its_rule() -> None:
    """End to end: an EGFR patient treated with osimertinib is not excluded by the rule for the others."""
    from trialmatch.criteria.parse import parse_text
    from trialmatch.criteria.rules import prior_therapy
    from trialmatch.criteria.text import TrialText

    text = TrialText(nct_id="NCT00000000", title="Drug X in advanced NSCLC", criteria=tuple(split_criteria(
        "Inclusion Criteria:\n\n* Patients with EGFR mutations must have progressed on osimertinib; patients "
        "without EGFR mutations must have progressed on platinum-based chemotherapy.")))
    rules = parse_text(text)["prior_therapy"]
    egfr_treated = profile_from_dict({"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}],
                                      "prior_therapies": ["osimertinib"], "prior_lines": 1})
    negative_naive = profile_from_dict({"tested_negative": ["EGFR"], "prior_therapies": [], "prior_lines": 0})
    assert prior_therapy.check(rules, egfr_treated).verdict == ELIGIBLE
    assert prior_therapy.check(rules, negative_naive).verdict == EXCLUDED


@pytest.mark.parametrize(("text", "other"), [
    ("Combination Cohorts (drug X with fulvestrant): Enrollment is restricted to only participants with HR+/HER2- "
     "breast cancer. Participants must have received a CDK4/6 inhibitor.", True),
    ("Cohort C (drug X plus cetuximab): enrollment is limited to patients with colorectal cancer; prior "
     "oxaliplatin is required.", True),
    ("Part 2 (expansion): This cohort is restricted to patients with NSCLC. Prior platinum is required.", False),
    ("Cohort B: Enrollment is restricted to patients with measurable disease. Prior platinum is required.", None),
])
def test_a_cohort_restricted_to_a_cancer_in_its_own_words(text: str, other: bool | None) -> None:
    scope = criterion_scope(text)
    assert scope is not None
    if other is None:
        assert not scope.diseases
    else:
        assert scope.other_disease is other
