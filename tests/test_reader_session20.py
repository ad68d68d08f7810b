"""Reader structures of session 20, round 2 (invented sentences only; every slot varied, near-misses kept).

- a washout named by its unit alone, with "from" / "after" and no "within", "since", "prior to" or "before":
  "at least 28 days from the previous immunotherapy" (was read as a requirement of immunotherapy); also "≥ 21 days
  from X" after a space (the pattern wanted a word boundary before "≥");
- a parent bullet whose whole text is a cancer's name, with an abbreviation in brackets ("5. Classical Hodgkin
  Lymphoma (HL)" over "* Patients must have received ..."): scopes its sub-bullets to that cancer, as the same name
  with a colon does (under "one of the following solid tumours:" it says which one, so "solid" goes);
- a heading indented or quoted under a bullet ("    Additional exclusion criteria for Phase 1 combination therapy
  only:", "   > Criteria related to X (participants in Parts D and E)"), with bullets set back after it: its own line
  heading those bullets, never glued to the bullet before it;
- a phase named by its bare label before a colon ("Ia: ...", "Ib: ...", "IIa: ...", "1b: ..."): the criterion is that
  phase's rule (was read as every patient's, and excluded treatment-naive patients from a basket's Phase Ia).
"""

from __future__ import annotations

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE, prior_verdict
from tests.prior_therapy_cases import invented_patient as _p
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.reader import criterion_scope, purpose_of
from trialmatch.criteria.text import split_criteria
from trialmatch.matching.profile import profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"
NAIVE = _p([], [], 0)
CHEMO_ONLY = _p([], ["carboplatin", "pemetrexed"], 1)
EGFR_TKI = _p([("EGFR", "G719X")], ["afatinib"], 1)


# ---------------------------------------------------------------- a washout named by its unit
@pytest.mark.parametrize("line", [
    "At the first dose of study drug: at least 28 days from the previous immunotherapy or biological therapy",
    "A minimum of 3 weeks from prior cytotoxic chemotherapy, and 2 weeks from small-molecule targeted therapy",
    "More than 4 weeks after the previous anti-PD-1 antibody",
    "At least 14 days from the last administration of an EGFR tyrosine kinase inhibitor",
    "The following intervals must have been met: ≥ 21 days from major surgery, immunotherapy or radiotherapy",
    "at least two weeks after previous hormonal therapy or targeted agents",
    "A minimum of 5 days from previous tyrosine kinase inhibitor therapy",
    "At least 6 weeks from the previous nitrosourea or mitomycin C; at least 4 weeks from other chemotherapy",
])
def test_a_window_named_by_its_unit_is_a_washout(line: str) -> None:
    assert purpose_of(line) == "washout"
    for patient in (NAIVE, CHEMO_ONLY, EGFR_TKI):  # never a requirement of what it names
        assert prior_verdict(patient, [line]) == EL


@pytest.mark.parametrize("line", [
    "At least 6 months from the end of adjuvant chemotherapy to disease recurrence",
    "Relapse more than 12 months after completing platinum-based chemoradiation",
    "At least 1 prior line of platinum-based chemotherapy for metastatic disease",
    "Received at least 2 cycles of docetaxel",
    "Progression at least 3 months after the start of first-line immunotherapy",
])
def test_a_window_dating_the_disease_or_a_count_is_no_washout(line: str) -> None:
    assert purpose_of(line) != "washout"


def test_a_plain_washout_with_its_old_words_is_still_one() -> None:
    for line in ("No chemotherapy within 21 days before the first dose",
                 "At least 4 weeks since prior immunotherapy; patients who progressed on it are eligible"):
        assert purpose_of(line) == "washout"


# ---------------------------------------------------------------- a phase named by its bare label
@pytest.mark.parametrize("line", [
    "Ia: Subjects with advanced solid tumours that are refractory or intolerant to standard treatment",
    "Ib: Metastatic NSCLC that has progressed after at least one line of systemic therapy",
    "IIa: Participants must have received prior platinum-based chemotherapy",
    "IIb: Prior treatment with an anti-PD-1 antibody is required",
    "1a: Relapsed or refractory solid tumours after standard therapy",
    "1b: Patients who have failed at least two prior regimens",
    "IA: Advanced malignancies with no remaining standard option",
    "- Ib: Patients previously treated with docetaxel",
])
def test_a_bare_phase_label_before_a_colon_scopes_the_criterion(line: str) -> None:
    scope = criterion_scope(line.lstrip("- "))
    assert scope is not None and scope.kind == "phase" and scope.label.startswith("Phase ")
    # a rule for one phase: the patient may join the other one, so a failure is a question, never an exclusion
    assert prior_verdict(NAIVE, [line.lstrip("- ")]) != EX


@pytest.mark.parametrize("line", [
    "1: Stage IV NSCLC",  # a numbered list
    "B: Prior platinum-based chemotherapy",  # a lettered list
    "Ibrutinib: not allowed",  # a drug name
    "In: the opinion of the investigator",
    "Iab: a typo",
])
def test_a_list_number_or_a_word_before_a_colon_is_no_phase(line: str) -> None:
    scope = criterion_scope(line)
    assert scope is None or scope.kind != "phase"


def test_the_phase_rule_still_binds_when_it_is_the_only_phase_named() -> None:
    # an unscoped requirement beside it still decides
    assert prior_verdict(NAIVE, ["Ia: Prior anti-PD-1 therapy", "Must have received at least 1 prior line of "
                                 "platinum-based chemotherapy for metastatic disease"]) == EX


# ---------------------------------------------------------------- a heading indented or quoted under a bullet
def _rows(markdown: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope.label if c.scope else None) for c in split_criteria(markdown)]


@pytest.mark.parametrize(("heading", "group"), [
    ("    Additional exclusion criteria for Phase 1 combination therapy only:", "Phase 1"),
    ("   Exclusion criteria for Part B only:", "Part B"),
    ("  Additional criteria for the expansion cohorts:", "expansion"),
    ("    Cohort 3 (combination) specific criteria:", "Cohort 3"),
    ("   > Criteria related to the antibody combination (participants in Parts C and D)", "Parts C and D"),
    ("> Requirements for the dose escalation part:", "escalation"),
    ("  > Additional criteria (Arm B only)", "Arm B"),
    ("     Further requirements specific to Phase 1b monotherapy:", "Phase 1b"),
])
def test_a_heading_indented_or_quoted_after_a_bullet_heads_the_bullets_after_it(heading: str, group: str) -> None:
    text = ("Exclusion Criteria:\n\n1. Pregnancy or breastfeeding\n2. Any laboratory value of Grade 2 or worse\n\n"
            f"{heading}\n3. Prior treatment with docetaxel\n4. Known active brain metastases\n")
    rows = _rows(text)
    before = next(label for t, label in rows if t.startswith("Any laboratory value"))
    after = [label for t, label in rows if t.startswith(("Prior treatment", "Known active"))]
    assert before is None  # the bullet before keeps its own words and no scope
    assert not any(t.startswith("Any laboratory") and len(t) > 45 for t, _ in rows)
    assert all(label is not None and group.lower() in label.lower() for label in after)


def test_a_docetaxel_ban_under_a_quoted_part_heading_is_no_exclusion() -> None:
    text = invented_trial("* Stage IV NSCLC\n", "* Pregnancy\n\n   > Criteria for participants in Part B\n"
                          "* Prior treatment with docetaxel\n")
    patient = profile_from_dict({**BASE, **_p([], ["carboplatin", "pemetrexed", "docetaxel"], 2)})
    assert prior_therapy.check(prior_therapy.parse(text), patient).verdict != EX  # another part sets no such rule


@pytest.mark.parametrize("text", [
    # a wrapped line of the bullet before (no blank line, no heading's words)
    "1. Participants must have one of the following\n   tumour types in Part A:\n   * NSCLC\n   * SCLC\n",
    # a heading over its own deeper sub-bullets: read as before
    "1. Disease characteristics:\n\n   For Dose Escalation:\n   * Solid tumour\n2. ECOG 0-1\n",
    # a note indented under a bullet
    "1. Adequate organ function\n\n   Note: values may be repeated once within 3 days.\n2. ECOG 0-1\n",
    # an indented line that ends a sentence
    "1. Measurable disease\n\n   Criteria for Part B are described in the protocol.\n2. ECOG 0-1\n",
])
def test_a_wrapped_line_a_note_or_a_sub_heading_is_read_as_before(text: str) -> None:
    rows = _rows("Inclusion Criteria:\n\n" + text)
    assert rows[-1][1] is None or rows[-1][0] != "ECOG 0-1"  # the last top-level bullet stays everyone's
    assert not any(label and "Part B" in label for _, label in rows)


# ---------------------------------------------------------------- a parent bullet that is a cancer's name alone
@pytest.mark.parametrize(("parent", "disease"), [
    ("Classical Hodgkin Lymphoma (HL)", "haematological"),
    ("Triple Negative Breast Cancer (TNBC)", "breast"),
    ("Malignant Melanoma (MM)", "melanoma"),
    ("Head and Neck squamous cell carcinoma (HNSCC)", "head_and_neck"),
    ("Pancreatic ductal adenocarcinoma (PDAC)", "pancreatic"),
    ("Metastatic colorectal cancer (mCRC)", "colorectal"),
    ("Urothelial carcinoma", "urothelial"),
    ("High-grade serous ovarian cancer or primary peritoneal cancer", "ovarian"),
])
def test_a_cancer_name_alone_scopes_its_sub_bullets(parent: str, disease: str) -> None:
    text = (f"Inclusion Criteria:\n\n1. Advanced solid tumour of one of these types:\n   1. {parent}\n\n"
            "      * Patients must have received prior treatment with docetaxel\n"
            "      * Must have progressed on at least two prior systemic regimens\n"
            "2. ECOG 0-1\n")
    rows = {c.text: c.scope for c in split_criteria(text)}
    for line in ("Patients must have received prior treatment with docetaxel",
                 "Must have progressed on at least two prior systemic regimens"):
        scope = rows[line]
        assert scope is not None and disease in scope.diseases and scope.other_disease
    assert rows["ECOG 0-1"] is None  # the next top-level bullet is everyone's again
    assert rows[parent] is None or not rows[parent].other_disease  # the name itself keeps its own reading
    naive = profile_from_dict({**BASE, **_p([], [], 0)})
    assert prior_therapy.check(prior_therapy.parse(invented_trial(text.split("\n", 2)[2], "* Pregnancy\n")),
                               naive).verdict != EX  # another cancer's rule never excludes an NSCLC patient


def test_an_nsclc_name_alone_still_binds_its_sub_bullets() -> None:
    text = ("1. Tumour types:\n   1. Non-Small Cell Lung Cancer (NSCLC)\n\n"
            "      * Patients must have received prior platinum-based chemotherapy\n")
    naive = profile_from_dict({**BASE, **_p([], [], 0)})
    assert prior_therapy.check(prior_therapy.parse(invented_trial(text, "* Pregnancy\n")), naive).verdict == EX


@pytest.mark.parametrize("parent", [
    "Patients with melanoma",  # a condition: read by its own pattern
    "Small cell lung cancer is excluded",
    "Stage IV breast cancer after 2 prior lines",
    "Prior therapy for colorectal cancer",
    "Melanoma, excluding uveal melanoma",
    "History of another malignancy",
])
def test_a_line_that_says_more_than_a_name_is_no_cancer_heading(parent: str) -> None:
    from trialmatch.criteria.rules.reader.scope import cancer_name_only
    assert cancer_name_only(parent) is None
