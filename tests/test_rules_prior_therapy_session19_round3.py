"""Prior-therapy structures behind the failures of two opened blind sets, with invented sentences only.

- a part heading named with its regimen ("Monotherapy Dose Escalation:", "Combination dose expansion:"): the rule
  under it is that part's, so a patient another part takes is not excluded by it;
- "no prior systemic therapy" under EVERY part heading of a trial, worded alike or not: everyone's rule (a part
  left without it, or a part taking pretreated patients, keeps each copy a question);
- "any medication targeting <target>, including chemotherapy or ADCs": the forms listed are that target's therapy,
  not bans of their own (a taxane is no topoisomerase I drug);
- "... or standard therapy is considered inappropriate": a judgement (a way in), not a definition of terms;
- "standard curative or palliative measures do not exist or are no longer effective": earlier treatment asked
  ("standard curative measures" alone is true of every stage IV disease: no rule);
- "progressed during/following the last treatment": a slash joins the two like "or";
- "completed at least 20 of an anticipated 24 months of X": X is asked for, its length not checkable.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import invented_patient as _p
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.prior_therapy.terms import find_mentions, normalize
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

# Invented profiles over facts unseen profiles may hold: uncommon EGFR, KRAS G12D, HER2 amplification, NRG1,
# large cell and NOS histology, lines not given, consolidation only.
PROFILES: dict[str, dict[str, Any]] = {
    "naive": _p([], [], 0, pdl1=60),
    "nrg1-naive": _p([("NRG1", "fusion")], [], 0, negative=["EGFR", "ALK"]),
    "g719x-naive": _p([("EGFR", "G719X")], [], 0),
    "chemo-io": _p([], ["carboplatin", "pemetrexed", "pembrolizumab"], 1, pdl1=5),
    "cemiplimab-largecell": _p([], ["cemiplimab"], 1, histology="large cell", pdl1=80),
    "chemo-nulllines-nos": _p([], ["cisplatin", "gemcitabine"], None, histology="nsclc-nos"),
    "g719x-afatinib": _p([("EGFR", "G719X")], ["afatinib"], 1),
    "kras-g12d-docetaxel": _p([("KRAS", "G12D")], ["carboplatin", "paclitaxel", "tislelizumab", "docetaxel"], 2),
    "her2-amp-tdxd": _p([("ERBB2", "amplification")], ["carboplatin", "pemetrexed", "trastuzumab deruxtecan"], 2),
    "irinotecan": _p([], ["carboplatin", "irinotecan"], 1, histology="nsclc-nos"),
    "durvalumab-consolidation": _p([], ["cisplatin", "etoposide", "durvalumab"], 0),
    "osimertinib": _p([("EGFR", "exon 19 deletion")], ["osimertinib"], 1),
}


def profile(name: str) -> Profile:
    return profile_from_dict({"id": name, **PROFILES[name]})


def trial(inclusion: list[str], exclusion: list[str] | None = None) -> TrialText:
    # A line written "* ..." or ending with ":" (a heading) is kept as it is; any other becomes a bullet.
    md = "Inclusion Criteria:\n\n" + "".join(f"{line}\n\n" if line.endswith(":") else f"{line}\n"
                                              if line.startswith("*") else f"* {line}\n" for line in inclusion)
    if exclusion:
        md += "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion)
    return TrialText(nct_id="NCT00000000", title="A study", criteria=tuple(split_criteria(md)))


def verdict(text: TrialText, who: str) -> str:
    return prior_therapy.check(prior_therapy.parse(text), profile(who)).verdict


# --- a part heading named with its regimen -----------------------------------------------------------------------

REGIMEN_PARTS = [
    ("Monotherapy Dose Escalation: Patients with relapsed metastatic solid tumours who have progressed on or are "
     "intolerant to standard therapy", "Arm F: Patients with NSCLC who have received no more than 3 prior lines"),
    ("Combination dose escalation: solid tumours that progressed after standard treatment",
     "Cohort 4: NSCLC with no more than two prior regimens"),
    ("Single-agent Dose Expansion: participants must have progressed on at least one prior line of therapy",
     "Arm B: participants with lung cancer who received at most 2 earlier lines"),
    ("Combination Therapy Escalation: patients previously treated with standard systemic therapy",
     "Arm C: non-small cell lung cancer, no more than 4 prior lines of therapy"),
    ("Mono-therapy dose expansion: refractory to or relapsed after standard treatment",
     "Part 2: NSCLC patients who have had up to 3 prior systemic regimens"),
    ("Combo dose escalation: disease progressed following the last prior treatment",
     "Arm G: patients with NSCLC and no more than 2 prior lines of therapy"),
    ("Monotherapy escalation: Patients must have progressed on prior standard therapy",
     "Cohort 3: NSCLC who received no more than three prior lines"),
    ("Combination Dose Extension: relapsed after, or refractory to, available standard therapies",
     "Arm D: NSCLC, at most one prior line for metastatic disease"),
]


@pytest.mark.parametrize(("part", "arm"), REGIMEN_PARTS)
@pytest.mark.parametrize("who", ["naive", "nrg1-naive", "g719x-naive"])
def test_a_regimen_named_part_binds_only_its_own_patients(part: str, arm: str, who: str) -> None:
    assert verdict(trial([part, arm]), who) != "excluded"


@pytest.mark.parametrize(("part", "arm"), REGIMEN_PARTS)
def test_a_regimen_named_part_still_lets_in_the_pretreated(part: str, arm: str) -> None:
    assert verdict(trial([part, arm]), "chemo-io") == "eligible"


@pytest.mark.parametrize("sentence", [
    # Near-misses: no part named, so the requirement is everyone's.
    "Monotherapy with standard therapy must have failed: progressed on prior standard therapy",
    "Patients must have progressed on or be intolerant to standard therapy",
    "Disease progressed following the last prior treatment",
])
def test_a_requirement_without_a_part_heading_still_binds_the_untreated(sentence: str) -> None:
    assert verdict(trial([sentence]), "naive") == "excluded"


# --- the same first-line rule under every part heading -----------------------------------------------------------

# (Headings of the shape the shared reader reads as a cohort; "Tissue cohort:" alone it does not read today.)
EVERY_PART = [
    ("Targeted Cohort - Biopsy:", "No prior systemic therapy for metastatic disease.",
     "Immunotherapy Cohort - Blood Only:", "No prior systemic therapy or radiotherapy for metastatic lung cancer"),
    ("Chemotherapy Cohort - Tissue:", "No previous systemic treatment for advanced disease",
     "Exploratory Cohort - Blood Only:", "No previous systemic treatment for advanced disease"),
    ("Immunotherapy Cohort - Blood Only:", "No prior systemic anticancer therapy for stage IV NSCLC",
     "Targeted Cohort - Biopsy:", "No prior systemic therapy for locally advanced or metastatic disease"),
    ("Targeted Therapy Cohort - Tissue and Blood:", "Patients must not have received any prior systemic therapy for "
     "metastatic NSCLC", "Chemoimmunotherapy Cohort - Plasma Only:", "No prior systemic therapy for advanced disease "
     "(surgery alone permitted)"),
]
@pytest.mark.parametrize(("head1", "rule1", "head2", "rule2"), EVERY_PART)
@pytest.mark.parametrize("who", ["chemo-io", "g719x-afatinib", "kras-g12d-docetaxel", "osimertinib",
                                 "cemiplimab-largecell"])
def test_a_first_line_rule_in_every_part_is_everyones(head1: str, rule1: str, head2: str, rule2: str,
                                                       who: str) -> None:
    text = trial([head1, f"* {rule1}", "* ECOG 0-2", head2, f"* {rule2}", "* Age 18 or older"])
    assert verdict(text, who) == "excluded"


@pytest.mark.parametrize(("head1", "rule1", "head2", "rule2"), EVERY_PART)
@pytest.mark.parametrize("who", ["naive", "durvalumab-consolidation"])
def test_a_first_line_rule_in_every_part_keeps_the_untreated(head1: str, rule1: str, head2: str, rule2: str,
                                                              who: str) -> None:
    text = trial([head1, f"* {rule1}", head2, f"* {rule2}"])
    assert verdict(text, who) != "excluded"


@pytest.mark.parametrize(("head1", "rule1", "head2", "rule2"), EVERY_PART)
def test_a_part_without_the_rule_keeps_each_copy_a_question(head1: str, rule1: str, head2: str, rule2: str) -> None:
    text = trial([head1, f"* {rule1}", head2, f"* {rule2}", "Maintenance Cohort - Biopsy:",
                  "* ECOG 0-1", "* Measurable disease"])
    assert verdict(text, "chemo-io") != "excluded"


@pytest.mark.parametrize(("head1", "rule1", "head2", "rule2"), EVERY_PART)
def test_a_part_that_takes_the_pretreated_keeps_each_copy_a_question(head1: str, rule1: str, head2: str,
                                                                     rule2: str) -> None:
    text = trial([head1, f"* {rule1}", head2, f"* {rule2}", "* Must have progressed on at least one prior line "
                  "of platinum-based chemotherapy"])
    assert verdict(text, "chemo-io") != "excluded"


# --- the forms listed after therapy against one target -----------------------------------------------------------

TARGET_BANS = [
    "Prior treatment with any medication targeting topoisomerase I, including chemotherapy or ADCs",
    "Previous therapy with drugs directed against topoisomerase 1, including ADCs and chemotherapy",
    "Any prior agent targeting DNA topoisomerase I (e.g. ADC or chemotherapy)",
    "Prior exposure to a topoisomerase I inhibitor, including antibody-drug conjugates or chemotherapy",
    "History of treatment with agents that target topoisomerase-I, such as chemotherapy or ADCs",
    "Prior compounds targeted against topoisomerase I, including cytotoxic chemotherapy",
    "Received any treatment aimed at topoisomerase 1, including chemotherapy, ADCs",
    "Prior medication targeting topoisomerase I (including chemotherapy and ADC)",
]


@pytest.mark.parametrize("sentence", TARGET_BANS)
@pytest.mark.parametrize("who", ["chemo-io", "kras-g12d-docetaxel", "cemiplimab-largecell"])
def test_forms_listed_after_a_target_ban_nothing_of_their_own(sentence: str, who: str) -> None:
    assert verdict(trial(["Stage IV NSCLC"], [sentence]), who) != "excluded"


@pytest.mark.parametrize("sentence", TARGET_BANS)
@pytest.mark.parametrize("who", ["irinotecan", "her2-amp-tdxd"])
def test_a_target_ban_still_excludes_a_drug_against_the_target(sentence: str, who: str) -> None:
    assert verdict(trial(["Stage IV NSCLC"], [sentence]), who) == "excluded"


@pytest.mark.parametrize("sentence", [
    # Near-misses: the chemotherapy is a ban of its own (after a closing bracket, or beside the target).
    "Prior therapy directed at topoisomerase-1 (e.g. ADC, irinotecan) or chemotherapy",
    "Prior chemotherapy or drugs targeting topoisomerase I",
    "Prior platinum-based chemotherapy, or agents targeting topoisomerase I",
])
def test_a_chemotherapy_ban_beside_a_target_still_excludes(sentence: str) -> None:
    assert verdict(trial(["Stage IV NSCLC"], [sentence]), "chemo-io") == "excluded"


def test_a_target_the_vocabulary_holds_only_as_an_inhibitor_is_read_as_that_class() -> None:
    mentions = find_mentions(normalize("any medication targeting topoisomerase i, including chemotherapy or adcs"))
    assert [m.items for m in mentions] == [("c:topoisomerase_i_inhibitor",)]


# --- a judgement, not a definition ---------------------------------------------------------------------------------

JUDGED = [
    "Received and progressed or been intolerant to prior standard therapy OR standard therapy is considered "
    "inappropriate OR an investigational agent is considered standard of care",
    "Patients who progressed on standard therapy or for whom standard therapy is considered unsuitable",
    "Progressed on prior standard treatment, or standard treatment is regarded as not appropriate",
    "Must have progressed after standard therapy or standard therapy is considered contraindicated",
    "Relapsed after standard systemic therapy, or the investigator considers that standard therapy is considered "
    "inappropriate",
    "Failed prior standard therapy OR the study drug is considered standard of care for the patient",
    "Progressed on or intolerant of standard therapy, or standard therapy is considered to be inappropriate",
    "Previously treated with standard therapy or standard therapy is considered medically inappropriate",
]


@pytest.mark.parametrize("sentence", JUDGED)
@pytest.mark.parametrize("who", ["naive", "nrg1-naive"])
def test_a_judged_alternative_leaves_the_untreated_a_question(sentence: str, who: str) -> None:
    assert verdict(trial([sentence]), who) == "unknown"


@pytest.mark.parametrize("sentence", JUDGED)
def test_a_judged_alternative_still_lets_in_the_pretreated(sentence: str) -> None:
    assert verdict(trial([sentence]), "chemo-io") == "eligible"


@pytest.mark.parametrize("sentence", [
    # Near-misses: definitions of terms set no rule.
    "Patients treated with adjuvant chemotherapy are considered to have received one prior line",
    "Maintenance therapy is considered part of the first line",
    "Platinum given with radiotherapy is regarded as one line of therapy",
])
def test_a_definition_still_sets_no_rule(sentence: str) -> None:
    assert verdict(trial([sentence]), "naive") == "eligible"


# --- standard measures that do not exist ---------------------------------------------------------------------------

NO_MEASURES = [
    "Unresectable or metastatic disease for which standard curative or palliative measures do not exist or are no "
    "longer effective",
    "Metastatic solid tumour for which standard palliative measures do not exist",
    "Advanced cancer for which standard curative and palliative measures are not available",
    "Disease for which standard curative or palliative therapies do not exist or are no longer effective",
    "Solid tumours for which standard palliative treatments are unavailable",
    "Patients for whom standard curative or palliative interventions no longer provide benefit",
    "Locally advanced tumour and for which standard life-prolonging measures do not exist",
    "Metastatic disease for which the standard palliative regimens are non-existent",
]


@pytest.mark.parametrize("sentence", NO_MEASURES)
@pytest.mark.parametrize("who", ["naive", "g719x-naive"])
def test_no_standard_measures_left_excludes_the_untreated(sentence: str, who: str) -> None:
    assert verdict(trial([sentence]), who) == "excluded"


@pytest.mark.parametrize("sentence", NO_MEASURES)
def test_no_standard_measures_left_never_excludes_the_pretreated(sentence: str) -> None:
    assert verdict(trial([sentence]), "chemo-io") != "excluded"


@pytest.mark.parametrize("sentence", [
    # Near-misses: no curative measure exists for any stage IV disease.
    "Metastatic cancer for which standard curative measures do not exist",
    "Patients for whom standard curative measures are not available",
])
def test_no_curative_measures_sets_no_rule(sentence: str) -> None:
    assert verdict(trial([sentence]), "naive") == "eligible"


# --- progression joined by a slash ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Disease progressed during/following last prior treatment",
    "Tumour progressing on/after the most recent therapy",
    "Progressive disease during / after the last treatment regimen",
    "Disease progression on/following prior systemic therapy and no satisfactory alternative treatment options",
    "Cancer that relapsed during/after previous therapy",
    "Documented progression on/after the last line of therapy",
    "Progressed during/after standard therapy",
    "Disease that failed on/after prior systemic therapy",
])
def test_progression_joined_by_a_slash_asks_for_earlier_treatment(sentence: str) -> None:
    text = trial([sentence])
    assert verdict(text, "naive") == "excluded"
    assert verdict(text, "chemo-io") == "eligible"


# --- part of a planned course --------------------------------------------------------------------------------------

COURSES = [
    ("Patients have completed at least 20 of an anticipated 24 months of pembrolizumab", "chemo-io"),
    ("Must have completed 10 of the planned 12 months of anti-PD-1 therapy in the first-line setting", "chemo-io"),
    ("Have received at least 18 out of 24 months of immune checkpoint inhibitor therapy", "cemiplimab-largecell"),
    ("Completed at least 20 of an anticipated 24 months of immune checkpoint inhibitor monotherapy or "
     "pembrolizumab with chemotherapy in the first line setting", "chemo-io"),
    ("Must have completed at least 18 months of anti-PD-1 therapy", "cemiplimab-largecell"),
    ("Patients must have received 12 of 12 planned months of PD-1 blockade", "chemo-io"),
    ("Completed at least 22 of an intended 24 months of checkpoint inhibitor treatment", "cemiplimab-largecell"),
    ("Has completed 20 of a maximum 24 months of first-line pembrolizumab", "chemo-io"),
]


@pytest.mark.parametrize(("sentence", "had_it"), COURSES)
@pytest.mark.parametrize("who", ["naive", "g719x-afatinib", "osimertinib", "irinotecan"])
def test_part_of_a_course_asks_for_its_drug(sentence: str, had_it: str, who: str) -> None:
    assert verdict(trial([sentence]), who) == "excluded"


@pytest.mark.parametrize(("sentence", "had_it"), COURSES)
def test_part_of_a_course_leaves_its_length_a_question(sentence: str, had_it: str) -> None:
    assert verdict(trial([sentence]), had_it) in ("unknown", "eligible")


@pytest.mark.parametrize("sentence", [
    # Near-misses: a washout after the course, and a count of cycles that is no length of use.
    "Must have completed prior chemotherapy at least 4 weeks before enrolment",
    "At least 2 of 3 doses of the study vaccine must be given",
])
def test_a_washout_or_study_dosing_asks_for_no_drug(sentence: str) -> None:
    assert verdict(trial([sentence]), "naive") == "eligible"
