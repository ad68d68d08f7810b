"""Prior-therapy exclusions a careful reader makes that the engine left unknown or eligible (session 20, round 3),
with invented sentences only. Every slot (drug, class, verb, order, setting) is varied; near-misses keep their verdict.

- "<progression> of disease amenable to biopsy while on <X>": the biopsy describes the disease, the rule is still the
  progression on X (was soft, as a sample's timing is: "biopsy obtained after progression on X" stays soft);
- "At least has one type of <class>", "at least received two regimens": the verb inside the count;
- "No prior systemic therapy (for advanced disease). <Treatment> for localized / locally advanced disease is allowed
  (if ...)": the allowance cannot cover a line for advanced disease, so a patient with one is excluded;
- a title "... in previously treated NSCLC" beside the criteria's only line rule "no more than N prior lines": a
  ceiling says nothing of the floor, so the title's "at least one line" stands;
- groups with and without the same markers that both ask for earlier treatment: a patient whose results do not say
  which group is theirs, but who fails both, is excluded either way.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import invented_patient as _p
from tests.prior_therapy_cases import prior_verdict

EL, UN, EX = "eligible", "unknown", "excluded"

PROFILES: dict[str, dict[str, Any]] = {
    "naive": _p([], [], 0),
    "naive-untested": _p([], [], 0, negative=[]),
    "naive-lines-null": _p([], [], None),
    "adjuvant-chemo": _p([], ["cisplatin", "vinorelbine"], 0),
    "chemo-io": _p([], ["carboplatin", "pemetrexed", "pembrolizumab"], 1, pdl1=5),
    "chemo-io-untested": _p([], ["carboplatin", "pemetrexed", "pembrolizumab"], 1, negative=[]),
    "chemo-lines-null": _p([], ["carboplatin", "gemcitabine"], None, histology="large cell"),
    "io-mono-squamous": _p([], ["cemiplimab"], 1, histology="squamous", pdl1=70),
    "chemo-io-docetaxel": _p([], ["cisplatin", "pemetrexed", "nivolumab", "docetaxel"], 2, ecog=2),
    "crizotinib": _p([("ALK", "fusion")], ["crizotinib"], 1),
    "alectinib": _p([("ALK", "fusion")], ["alectinib"], 1),
    "egfr-osimertinib": _p([("EGFR", "exon 19 deletion")], ["osimertinib"], 1),
    "egfr-g719x-afatinib": _p([("EGFR", "G719X")], ["afatinib"], 1),
    "egfr-s768i-naive": _p([("EGFR", "S768I")], [], 0),
    "kras-g12v-naive": _p([("KRAS", "G12V")], [], 0, pdl1=90),
    "met-amp-3-lines": _p([("MET", "amplification")], ["carboplatin", "paclitaxel", "atezolizumab", "tepotinib"], 3,
                          ecog=2, histology="large cell"),
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None,
            title: str = "A trial") -> str:
    return prior_verdict(PROFILES[who], inclusion or [], exclusion or [], title=title)


# ---------------------------------------------------------------- progression amenable to biopsy, on a named drug
@pytest.mark.parametrize("line", [
    "Radiographic progression of disease amenable to biopsy while on treatment with crizotinib.",
    "Progressive disease amenable to a repeat biopsy while on crizotinib.",
    "Disease progression suitable for biopsy after treatment with crizotinib per RECIST.",
    "Clinical progression on crizotinib with a lesion accessible for core biopsy.",
    "Documented progression on crizotinib, with disease amenable to tissue biopsy.",
    "Progression of a tumour that can be safely biopsied while on crizotinib.",
    "Radiological progression while on crizotinib in a lesion appropriate for a fresh biopsy.",
    "Acquired resistance to crizotinib with at least one lesion amenable to biopsy.",
])
def test_progression_open_to_biopsy_still_requires_the_drug(line: str) -> None:
    assert verdict("crizotinib", [line]) == EL
    assert verdict("alectinib", [line]) == EX
    assert verdict("naive", [line]) == EX
    assert verdict("egfr-osimertinib", [line]) == EX
    assert verdict("naive-lines-null", [line]) != EX


@pytest.mark.parametrize("line", [
    "Tumour biopsy obtained after progression on crizotinib.",
    "Willing to undergo a biopsy at progression on crizotinib.",
    "A tissue sample collected after progression on crizotinib must be available.",
    "Archival specimen taken before the start of crizotinib.",
])
def test_a_sample_timed_by_the_drug_stays_a_question(line: str) -> None:
    assert verdict("alectinib", [line]) != EX
    assert verdict("naive", [line]) != EX


# ---------------------------------------------------------------- "at least has one"
@pytest.mark.parametrize("line", [
    "At least has one type of platinum-containing chemotherapy.",
    "At least has one platinum-based regimen, absence of progression after chemoradiotherapy.",
    "At least had one cycle course of platinum doublet chemotherapy as a prior line.",
    "At least received one prior line of platinum-based chemotherapy.",
    "Patients at least have one prior platinum-containing regimen.",
    "At least has one line of cisplatin- or carboplatin-based chemotherapy.",
    "At least had one regimen of platinum chemotherapy before enrolment.",
    "At least received one platinum doublet.",
])
def test_the_verb_inside_the_count(line: str) -> None:
    assert verdict("chemo-io", [line]) == EL
    assert verdict("naive", [line]) == EX
    assert verdict("egfr-osimertinib", [line]) == EX
    assert verdict("io-mono-squamous", [line]) == EX


@pytest.mark.parametrize("line", [
    "At least received two prior regimens of systemic therapy.",
    "At least had two lines of systemic treatment for advanced disease.",
])
def test_the_verb_inside_a_count_of_lines(line: str) -> None:
    assert verdict("chemo-io-docetaxel", [line]) == EL
    assert verdict("chemo-io", [line]) == EX
    assert verdict("naive", [line]) == EX


@pytest.mark.parametrize("line", [
    "Patient at least has one measurable lesion.",
    "At least has one target lesion per RECIST 1.1.",
])
def test_a_count_of_lesions_is_no_treatment(line: str) -> None:
    assert verdict("naive", [line]) == EL
    assert verdict("chemo-io", [line]) == EL


# ---------------------------------------------------------------- naive for advanced disease, early treatment allowed
@pytest.mark.parametrize("line", [
    "No prior systemic therapy for advanced or metastatic NSCLC. Patients who received chemotherapy or immunotherapy "
    "for localized or locally advanced NSCLC are eligible if progression occurred at least 6 months after the last "
    "dose.",
    "No previous systemic treatment for metastatic disease. Chemotherapy given for localised disease is allowed.",
    "No prior systemic anticancer therapy for stage IV disease; immunotherapy or chemotherapy for early-stage disease "
    "is permitted provided it ended 12 months before.",
    "Have not received systemic therapy for advanced NSCLC. Platinum chemotherapy with curative intent for stage III "
    "disease is acceptable.",
    "Treatment-naive for advanced disease. Chemoradiotherapy with consolidation durvalumab for locally advanced "
    "disease is allowed if completed more than 6 months before.",
    "No prior systemic therapy for recurrent or metastatic disease. Patients who had chemotherapy for resected "
    "disease are eligible.",
    "No prior systemic therapy for advanced NSCLC. Prior chemotherapy for non-metastatic disease is allowed.",
    "No prior systemic treatment in the advanced setting. Immunotherapy given for stage I-III disease is permitted.",
])
def test_an_early_allowance_cannot_cover_a_line_for_advanced_disease(line: str) -> None:
    assert verdict("naive", [line]) == EL
    assert verdict("chemo-io", [line]) == EX
    assert verdict("io-mono-squamous", [line]) == EX
    assert verdict("chemo-io-docetaxel", [line]) == EX
    assert verdict("met-amp-3-lines", [line]) == EX
    assert verdict("adjuvant-chemo", [line]) != EX  # treatment before advanced disease: what the allowance is for
    assert verdict("chemo-lines-null", [line]) != EX  # lines not given: the drugs may have been early


@pytest.mark.parametrize("line", [
    # The allowance takes in advanced disease: a line for it may be covered.
    "No prior systemic therapy for advanced NSCLC. Patients who received one line of chemotherapy for metastatic "
    "disease are eligible.",
    "No prior systemic therapy. Prior immunotherapy for advanced disease is allowed if stopped for toxicity.",
    "No prior systemic therapy for advanced NSCLC. First-line chemotherapy is allowed.",
])
def test_an_allowance_for_advanced_disease_stays_a_question(line: str) -> None:
    assert verdict("chemo-io", [line]) != EX


# ---------------------------------------------------------------- title floor beside a criteria ceiling
@pytest.mark.parametrize(("title", "line"), [
    ("A study of drug X in subjects with previously treated MET-positive NSCLC",
     "Must have received no more than 2 lines of prior systemic therapy in the metastatic setting."),
    ("Drug Y in pretreated advanced non-small cell lung cancer",
     "No more than 3 prior systemic regimens for advanced disease."),
    ("Drug Z for previously treated NSCLC", "Up to 2 prior lines of therapy are allowed."),
    ("Antibody W in patients with previously treated non-small cell lung cancer",
     "Must have received at most 2 prior lines (including no more than 1 line of cytotoxic chemotherapy)."),
    ("Conjugate V in pretreated NSCLC", "Not more than two prior systemic therapies for advanced disease."),
    ("Drug U in previously treated advanced lung cancer", "A maximum of 3 prior lines of systemic therapy."),
    ("Inhibitor T in Previously Treated Solid Tumours including NSCLC", "No more than 4 prior regimens."),
    ("Drug S in pretreated patients with NSCLC", "Prior lines of therapy must not exceed 2."),
])
def test_a_title_floor_stands_beside_a_ceiling(title: str, line: str) -> None:
    assert verdict("naive", [line], title=title) == EX
    assert verdict("egfr-s768i-naive", [line], title=title) == EX
    assert verdict("chemo-io", [line], title=title) == EL
    assert verdict("adjuvant-chemo", [line], title=title) != EX  # early treatment may count: a question


@pytest.mark.parametrize(("title", "line"), [
    ("Drug X in previously treated NSCLC", "0-2 prior lines of systemic therapy."),
    ("Drug X in previously treated NSCLC", "Zero to two prior lines of systemic therapy."),
    ("Drug X in pretreated NSCLC",
     "No more than 2 prior lines; first-line patients who decline chemotherapy may enrol."),
    ("Drug X in advanced NSCLC", "No more than 2 prior lines of systemic therapy."),
])
def test_a_ceiling_that_lets_the_untreated_in_or_no_floor_in_the_title(title: str, line: str) -> None:
    assert verdict("naive", [line], title=title) != EX


# ---------------------------------------------------------------- complementary marker groups
_AGA_PAIRS = [
    ["Patients without actionable genomic alterations: failure of at least 1 prior line including a PD-1/PD-L1 "
     "antibody and platinum-based chemotherapy.",
     "Patients with actionable genomic alterations: failure of at least 1 prior line including targeted therapy."],
    ["Subjects without AGAs: disease progression after at least one prior line of systemic therapy.",
     "Subjects with AGAs: disease progression after at least one prior line of targeted therapy."],
    ["EGFR-mutant patients: disease progression on a prior EGFR TKI.",
     "EGFR wild-type patients: disease progression after platinum-based chemotherapy."],
    ["Participants without actionable driver alterations: progressed on at least 1 prior line including platinum "
     "chemotherapy.",
     "Participants with actionable driver alterations: progressed on at least 1 prior line including targeted "
     "therapy."],
    ["EGFR-mutated tumours: prior EGFR TKI therapy.",
     "EGFR wild-type tumours: prior platinum-based chemotherapy and immunotherapy."],
    ["Patients without actionable genomic alterations: at least one prior line of systemic therapy for advanced "
     "disease.",
     "Patients with actionable genomic alterations: at least one prior line of approved targeted therapy."],
    ["Patients with no actionable oncogenic driver: at least 1 prior line of therapy including a checkpoint inhibitor.",
     "Patients with an actionable oncogenic driver: at least 1 prior line of therapy including targeted therapy."],
    ["ALK-positive patients: progression on alectinib or lorlatinib.",
     "ALK-negative patients: progression on platinum doublet chemotherapy."],
]


@pytest.mark.parametrize("pair", _AGA_PAIRS)
def test_an_untreated_patient_fails_every_marker_group(pair: list[str]) -> None:
    assert verdict("naive-untested", pair) == EX  # whichever group is theirs, untreated fails it
    assert verdict("naive-lines-null", pair) != EX  # lines not given: maybe treated


@pytest.mark.parametrize("pair", _AGA_PAIRS)
def test_a_treated_patient_of_unknown_group_stays_a_question(pair: list[str]) -> None:
    assert verdict("chemo-io-untested", pair) != EX


def test_a_treated_patient_who_fits_one_side_is_not_excluded_by_the_other() -> None:
    pair = _AGA_PAIRS[2]
    assert verdict("chemo-io-untested", pair) == UN  # platinum had: in if wild-type
    assert verdict("egfr-osimertinib", pair) == EL


def test_one_marker_group_alone_never_excludes_the_untested() -> None:
    line = "EGFR-mutant patients: disease progression on a prior EGFR TKI."
    assert verdict("naive-untested", [line]) != EX
    line = "Patients without actionable genomic alterations: at least 1 prior line of platinum chemotherapy."
    assert verdict("naive-untested", [line]) != EX


def test_a_third_way_in_keeps_the_question() -> None:
    pair = [*_AGA_PAIRS[2], "Cohort C: patients of any EGFR status who are treatment-naive."]
    assert verdict("naive-untested", pair) != EX


def test_a_carrier_known_is_read_by_its_own_group() -> None:
    pair = _AGA_PAIRS[0]
    assert verdict("egfr-s768i-naive", pair) == EX
    assert verdict("kras-g12v-naive", pair) == EX
    assert verdict("egfr-g719x-afatinib", pair) != EX  # targeted therapy had: the group with alterations takes it
