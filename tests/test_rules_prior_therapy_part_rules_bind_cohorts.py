"""A trial with an escalation part (heading on a line of its own, its only rule on earlier treatment hedged: "who
have failed standard treatments or are not candidates") and an expansion part whose cohorts each ask for a treatment,
with a part-level count ("no more than 4 prior regimens"). The part's count binds each of its cohorts and forms no
group of its own; the escalation heading's rule is stated on the next line, so that part is not one "without rules";
no group is left with only the trial-wide rules. A naive patient is therefore never waved through."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict

_PANEL = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "KRAS", "NTRK1", "NTRK2", "NTRK3"]


def _profile(drugs: list[str], lines: int, tested: bool = True) -> Any:
    return profile_from_dict({"id": f"p-{drugs}-{lines}-{tested}", "age": 60, "histology": "adenocarcinoma",
                              "stage": "IV", "ecog": 1, "biomarkers": [],
                              "tested_negative": _PANEL if tested else [], "prior_therapies": drugs,
                              "prior_lines": lines})


UNTESTED_NAIVE = _profile([], 0, tested=False)
NEGATIVE_NAIVE = _profile([], 0)


def _record(text: str) -> dict[str, Any]:
    return {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
            "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer", "Solid Tumor"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


def _verdict(text: str, profile: Any) -> str:
    return DIMENSIONS["prior_therapy"].check(parse_record(_record(text))["prior_therapy"], profile).verdict


def _trial(escalation: str, rule: str, expansion: str, first: str, second: str, count: str) -> str:
    return (f"Inclusion Criteria:\n\n{escalation}\n\n- {rule}\n\n{expansion}\n\n- Confirmed NSCLC.\n- {first}\n"
            f"- {second}\n- {count}\n\nAll patients:\n\n- ECOG 0 or 1.\n\nExclusion Criteria:\n\n"
            "- Any prior therapy with an ADC carrying a topoisomerase I inhibitor payload.")


# (escalation heading, its hedged rule, expansion heading, cohort 1, cohort 2, the part-level count)
CASES = [
    ("Dose escalation:",
     "Patients with relapsed or refractory advanced solid tumours who have failed available standard treatments or "
     "who are not candidates for standard therapy.",
     "Expansion part - NSCLC cohorts:",
     "NSCLC cohort 1: must have progressed on or after a PD-1/PD-L1 inhibitor and platinum-based chemotherapy.",
     "NSCLC cohort 2: must have progressed on an ALK inhibitor.",
     "Subjects must not have received more than 4 prior systemic treatment regimens for advanced disease."),
    ("Dose escalation phase:",
     "Advanced solid tumor that has progressed on standard therapy, or for which no standard therapy is available "
     "or tolerated.",
     "Dose expansion part:",
     "Cohort A: disease progression after platinum-based chemotherapy and an anti-PD-1 antibody.",
     "Cohort B: disease progression after osimertinib.",
     "No more than 3 prior lines of systemic therapy in the metastatic setting."),
    ("Dose escalation:",
     "Metastatic solid malignancy refractory to, or intolerant of, established therapy, or for which the "
     "investigator judges standard therapy unsuitable.",
     "Expansion part (NSCLC):",
     "Cohort 1: prior treatment with docetaxel for metastatic NSCLC.",
     "Cohort 2: prior treatment with a KRAS G12C inhibitor such as sotorasib.",
     "A maximum of 5 prior regimens for advanced disease."),
    ("Dose escalation:",
     "Patients with recurrent advanced solid tumours who have progressed after all available standard therapy or "
     "for whom standard therapy is not suitable.",
     "Expansion part - lung cohorts:",
     "Cohort A1: must have received at least one platinum doublet for metastatic disease.",
     "Cohort A2: must have progressed on a prior RET inhibitor.",
     "Must not have received more than 3 prior systemic regimens for metastatic disease."),
    ("Dose escalation:",
     "Patients with advanced cancers who have failed all available standard treatments or who are not candidates "
     "for standard therapy.",
     "Expansion part - NSCLC cohorts:",
     "NSCLC cohort 1: must have progressed on or after pembrolizumab-containing therapy.",
     "NSCLC cohort 2: must have progressed on a prior EGFR TKI.",
     "Subjects must not have received more than 2 prior systemic regimens for advanced disease."),
    ("Dose escalation:",
     "Patients with relapsed advanced solid tumours for whom standard therapy has failed, or who have refused or are "
     "not eligible for it.",
     "Expansion part - cohorts:",
     "Cohort 1: must have progressed on a prior MET inhibitor (e.g., capmatinib, tepotinib).",
     "Cohort 2: must have progressed on platinum-based chemotherapy.",
     "Subjects must not have received more than 4 prior systemic regimens for metastatic disease."),
]


@pytest.mark.parametrize("case", CASES, ids=[c[3][:24] for c in CASES])
def test_no_group_is_made_of_trial_wide_or_part_level_rules_alone(case: tuple[str, ...]) -> None:
    parsed = parse_record(_record(_trial(*case)))["prior_therapy"]
    rules, groups = parsed["rules"], parsed["groups"]
    for group in groups:
        # every way in holds a rule of its own part or cohort (not only the trial-wide ban, not only the count)
        own = [rules[i] for i in group if rules[i]["cohorts"]]
        assert own, groups
        assert not all(rules[i]["kind"] == "lines" and rules[i].get("max") and not rules[i].get("min")
                       for i in group if rules[i]["cohorts"]), groups


@pytest.mark.parametrize("case", CASES, ids=[c[3][:24] for c in CASES])
def test_a_naive_patient_is_not_waved_through(case: tuple[str, ...]) -> None:
    text = _trial(*case)
    assert _verdict(text, UNTESTED_NAIVE) != "eligible"
    assert _verdict(text, NEGATIVE_NAIVE) != "eligible"


def test_the_part_count_binds_the_cohort() -> None:
    parsed = parse_record(_record(_trial(*CASES[0])))["prior_therapy"]
    rules, groups = parsed["rules"], parsed["groups"]
    count = next(i for i, r in enumerate(rules) if r["kind"] == "lines" and r.get("max") == 4)
    cohort_groups = [g for g in groups if any("cohort 1" in rules[i]["cohorts"] for i in g)]
    assert cohort_groups and all(count in g for g in cohort_groups)


# Near miss: an escalation heading whose lines state no rule on earlier treatment stays a way in for anyone.
def test_an_escalation_part_without_a_rule_stays_open() -> None:
    text = ("Inclusion Criteria:\n\nDose escalation:\n\n- Advanced solid tumour of any type.\n\n"
            "Expansion part - NSCLC cohorts:\n\n- NSCLC cohort 1: must have progressed on a prior ALK inhibitor.\n"
            "- NSCLC cohort 2: must have progressed on platinum-based chemotherapy.\n\nExclusion Criteria:\n\n"
            "- Pregnancy.")
    assert _verdict(text, NEGATIVE_NAIVE) == "eligible"


# Near miss: a ban marked for one cohort ("(Phase 2 Cohort C1 only)") but read as the whole part's is not folded into
# the part's other cohorts: the part's grouping stays as it was.
def test_a_part_with_an_exclusion_is_not_folded_into_its_cohorts() -> None:
    text = ("Inclusion Criteria:\n\n* Phase 1 only: progression after at least one prior ALK inhibitor\n"
            "* Phase 2 only: patients must be assigned to one of the following cohorts:\n\n"
            "  * Cohort C1: treatment naive (no prior systemic therapy for metastatic disease)\n"
            "  * Cohort C2: progression after alectinib only\n"
            "  * Cohort C3: any number of prior therapies\n\nExclusion Criteria:\n\n"
            "* Prior anti-PD-1 or anti-PD-L1 antibody (Phase 2 Cohort C1 only)")
    parsed = parse_record(_record(text))["prior_therapy"]
    rules, groups = parsed["rules"], parsed["groups"]
    bans = [i for i, r in enumerate(rules) if r["section"] == "exclusion" and r["cohorts"]]
    for group in groups:
        if any(rules[i]["cohorts"] and rules[i]["section"] == "inclusion" for i in group):
            assert not set(bans) & set(group) or all("c1" in " ".join(rules[i]["cohorts"]) for i in group
                                                       if rules[i]["cohorts"] and i not in bans), groups
