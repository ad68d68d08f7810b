"""The shared reader on kinds of sentence a probe found misread: invented sentences only.

- Country or region scope: "Japan part: ...", "Chinese patients: ...", "(China only)". A profile has no
  country, so such a rule can only be a question, never an exclusion.
- Alternatives inside one criterion ("Cohorts: (1) ...; (2) ...", "Cohort A: ...; Cohort B: ...", "X; otherwise
  Y", "(a) ...; or (b) ...", a markdown table of cohorts): one clause per group, so a patient who fits one group
  is not excluded by another's rule.
- A performance score joined to another fact in new wordings ("ECOG 2 patients are eligible only if PD-L1 >= 50%",
  "... brain metastases allowed if ECOG 0-1"): the score is a condition or a group's limit, never everyone's.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.rules.reader import criterion_scope, heading_scope
from trialmatch.criteria.rules.reader.alternatives import alternative_clauses
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

_BASE = {"age": 64, "sex": "female", "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
         "tested_negative": [], "pdl1_tps": None, "brain_metastases": "none", "prior_therapies": [],
         "prior_lines": 0}
_ALL = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "NRG1"]


def _profile(**facts: object) -> Profile:
    return profile_from_dict({**_BASE, "id": "invented", **facts})


def _but(gene: str) -> list[str]:
    return [g for g in _ALL if g != gene]


EGFR_NAIVE = _profile(biomarkers=[{"gene": "EGFR", "alteration": "G719X"}], tested_negative=_but("EGFR"),
                      pdl1_tps=10)
EGFR_AFTER_OSI = _profile(biomarkers=[{"gene": "EGFR", "alteration": "L861Q"}], tested_negative=_but("EGFR"),
                          prior_therapies=["osimertinib"], prior_lines=1)
ALK_AFTER_LORLATINIB = _profile(biomarkers=[{"gene": "ALK", "alteration": "fusion"}], tested_negative=_but("ALK"),
                                prior_therapies=["lorlatinib"], prior_lines=1)
KRAS_AFTER_CHEMO_IO = _profile(biomarkers=[{"gene": "KRAS", "alteration": "G12V"}], tested_negative=_but("KRAS"),
                               pdl1_tps=5, prior_therapies=["carboplatin", "pemetrexed", "nivolumab"], prior_lines=1)
AFTER_DOCETAXEL = _profile(tested_negative=_ALL, pdl1_tps=0, histology="squamous", ecog=2,
                           prior_therapies=["carboplatin", "paclitaxel", "atezolizumab", "docetaxel"], prior_lines=2)
PDL1_LOW_ECOG2 = _profile(tested_negative=_ALL, pdl1_tps=49, ecog=2)
ACTIVE_BRAIN = _profile(tested_negative=_ALL, pdl1_tps=70, brain_metastases="active")
PROFILES = (EGFR_NAIVE, EGFR_AFTER_OSI, ALK_AFTER_LORLATINIB, KRAS_AFTER_CHEMO_IO, AFTER_DOCETAXEL, PDL1_LOW_ECOG2,
            ACTIVE_BRAIN)


def _trial(inclusion: list[str], exclusion: list[str] | None = None) -> TrialText:
    markdown = ("Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion)
                + "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion or ["Pregnancy"]))
    return TrialText(nct_id="NCT00000000", title="An invented study of drug Q in advanced non-small cell lung cancer",
                     conditions=("Non-small Cell Lung Cancer",), criteria=tuple(split_criteria(markdown)))


def _verdicts(trial: TrialText, dimension: str) -> list[str]:
    dim = DIMENSIONS[dimension]
    rules = dim.parse(trial)
    return [dim.check(rules, patient).verdict for patient in PROFILES]


# --- 4. country or region scope -------------------------------------------------------------------------

REGION_SCOPED = {
    "country part": ("Japan part: prior osimertinib required", "Japan"),
    "adjective and patients": ("Chinese patients: PD-L1 TPS >= 50%", "China"),
    "for participants in": ("For participants in Germany: ECOG 0-1 only", "Germany"),
    "country only": ("Korea only: prior anti-PD-1 therapy", "Korea"),
    "aside at the end": ("Progression on a third-generation EGFR TKI (China only)", "China"),
    "aside at the start": ("(Taiwan sites only) PD-L1 TPS >= 1% by 22C3", "Taiwan"),
    "in the region cohort": ("In the EU cohort, prior docetaxel is required", "EU"),
    "patients at sites must": ("Patients enrolled at US sites must have received a platinum doublet", "US"),
    "mainland": ("Patients in mainland China: EGFR-mutant NSCLC after progression on an EGFR TKI", "mainland China"),
    "extension cohort": ("Spain extension cohort: ROS1-positive NSCLC after crizotinib", "Spain"),
    "adjective must": ("Canadian participants must have measurable disease", "Canada"),
    "for sites in": ("For sites in France: no prior bevacizumab", "France"),
    "global part": ("Global cohort: no prior amivantamab", "Global"),
}

NOT_REGION = {
    "cell line": "Known hypersensitivity to Chinese hamster ovary cell products",
    "vaccine": "Japanese encephalitis vaccine within 30 days before the first dose",
    "approval": "Prior osimertinib where approved in the EU for first-line use",
    "regulator": "EGFR mutation by a US FDA-approved test",
    "ancestry": "Asian ancestry",
    "staging system": "Stage IV per the American Joint Committee on Cancer 8th edition",
    "language": "Able to read Chinese or English",
    "rule for elsewhere too": "Patients enrolled in Japan must have ECOG 0-1; elsewhere ECOG 0-2",
    "aside with the global rule": "HLA-A*24:02 genotype (Japan cohort) or HLA-A*02:01 (global)",
    "other regions": "EGFR exon 19 deletion or L858R (Korea only); any EGFR sensitising mutation in other regions",
    "approved countries": "In countries where osimertinib is approved for first-line, patients must have received it",
}


@pytest.mark.parametrize(("text", "place"), REGION_SCOPED.values(), ids=REGION_SCOPED.keys())
def test_a_country_or_region_scopes_the_criterion(text: str, place: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.region == place


@pytest.mark.parametrize("text", NOT_REGION.values(), ids=NOT_REGION.keys())
def test_a_place_inside_the_rule_is_no_scope(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is None or not scope.region


def test_a_region_heading_scopes_the_lines_under_it() -> None:
    assert heading_scope("Japan cohort:") is not None
    rows = split_criteria("Inclusion Criteria:\n\nJapan cohort:\n\n* Prior osimertinib\n* ECOG 0-1\n\n"
                          "Exclusion Criteria:\n\n* Pregnancy\n")
    scoped = [c for c in rows if c.section == "inclusion" and c.text != "Japan cohort:"]
    assert scoped and all(c.scope is not None and c.scope.region == "Japan" for c in scoped)


@pytest.mark.parametrize(("inclusion", "exclusion", "dimension"), [
    (["Japan part: prior osimertinib required"], None, "prior_therapy"),
    (["Korean participants must have progressed on an ALK inhibitor"], None, "prior_therapy"),
    (["Age >= 18"], ["Korea only: patients with prior anti-PD-1 therapy"], "prior_therapy"),
    (["Age >= 18"], ["For sites in the EU: prior treatment with docetaxel"], "prior_therapy"),
    (["Chinese patients: PD-L1 TPS >= 50%"], None, "biomarker"),
    (["(Taiwan sites only) PD-L1 TPS >= 1% by 22C3"], None, "biomarker"),
    (["Patients in mainland China: EGFR-mutant NSCLC"], None, "biomarker"),
    (["For participants in Germany: ECOG 0-1 only"], None, "performance_status"),
    (["Age >= 18"], ["(France only) Patients with untreated brain metastases"], "brain_metastases"),
])
def test_a_region_rule_never_excludes(inclusion: list[str], exclusion: list[str] | None, dimension: str) -> None:
    verdicts = _verdicts(_trial(inclusion, exclusion), dimension)
    assert EXCLUDED not in verdicts
    assert UNKNOWN in verdicts  # the rule was read, and is a question for those it would have excluded


def test_the_same_rule_without_a_region_still_excludes() -> None:
    verdicts = _verdicts(_trial(["ECOG 0-1 only"]), "performance_status")
    assert verdicts.count(EXCLUDED) == 2  # the two ECOG 2 profiles


def test_a_region_rule_explains_itself() -> None:
    dim = DIMENSIONS["prior_therapy"]
    finding = dim.check(dim.parse(_trial(["Japan part: prior osimertinib required"])), EGFR_NAIVE)
    assert finding.verdict == UNKNOWN and "only to patients in Japan" in finding.reason


def test_a_region_rule_for_another_marker_group_leaves_the_others_eligible() -> None:
    # "Patients with ALK fusion (Japan only) must ...": an ALK-negative patient is outside it, wherever they are.
    verdicts = _verdicts(_trial(["Patients with ALK fusion (Japan only) must have received lorlatinib"]),
                         "prior_therapy")
    assert verdicts[PROFILES.index(KRAS_AFTER_CHEMO_IO)] == ELIGIBLE
    assert EXCLUDED not in verdicts


# --- 3. alternatives inside one criterion ---------------------------------------------------------------

CUT = {
    "numbered cohorts": ("Cohorts: (1) EGFR-mutant after osimertinib; (2) ALK-positive after an ALK TKI",
                         ["EGFR-mutant after osimertinib", "ALK-positive after an ALK TKI"]),
    "populations": ("Eligible populations: 1) ALK fusion after lorlatinib; 2) KRAS G12V after chemo-immunotherapy; "
                    "3) ROS1 fusion, untreated", ["ALK fusion after lorlatinib", "KRAS G12V after chemo-immunotherapy",
                                                 "ROS1 fusion, untreated"]),
    "assignment without numbers": ("Cohort assignment: EGFR (osimertinib-pretreated); ALK (lorlatinib-pretreated)",
                                   ["EGFR (osimertinib-pretreated)", "ALK (lorlatinib-pretreated)"]),
    "labelled cohorts": ("Cohort A: EGFR L861Q after afatinib; Cohort B: KRAS G12V after docetaxel",
                         ["Cohort A: EGFR L861Q after afatinib", "Cohort B: KRAS G12V after docetaxel"]),
    "otherwise": ("Prior osimertinib; otherwise, prior gefitinib or afatinib with T790M-negative progression",
                  ["Prior osimertinib", "prior gefitinib or afatinib with T790M-negative progression"]),
    "otherwise keeps the lead-in": ("For patients with EGFR mutation: prior osimertinib; otherwise prior afatinib",
                                    ["For patients with EGFR mutation: prior osimertinib",
                                     "For patients with EGFR mutation: prior afatinib"]),
    "or (b)": ("Prior therapy: (a) a platinum doublet; or (b) an ALK TKI if ALK-positive",
               ["Prior therapy: (a) a platinum doublet", "Prior therapy: (b) an ALK TKI if ALK-positive"]),
}

NOT_CUT = {
    "a list that must all hold": "Patients must satisfy (a), (b) and (c): (a) stage IV; (b) ECOG 0-2; (c) EGFR+",
    "semicolon requirements": "Age >= 18; ECOG 0-1; measurable disease",
    "one of, left to the dimension": "One of: (a) prior platinum doublet; (b) prior EGFR TKI",
    "a marker list": "EGFR mutation; ALK rearrangement; or ROS1 rearrangement",
    "a cohort's own requirements": "Cohort A: EGFR exon 19 deletion; progressed on osimertinib",
}


@pytest.mark.parametrize(("text", "clauses"), CUT.values(), ids=CUT.keys())
def test_alternatives_in_one_criterion_are_cut_into_groups(text: str, clauses: list[str]) -> None:
    found = alternative_clauses(text)
    assert found is not None and [clause for clause, _ in found] == clauses
    # each clause has its own group: a label given, or (empty) the one the clause names itself ("Cohort B: ...")
    groups = {label or getattr(criterion_scope(clause), "label", "") for clause, label in found}
    assert len(groups) == len(clauses) and "" not in groups


@pytest.mark.parametrize("text", NOT_CUT.values(), ids=NOT_CUT.keys())
def test_a_criterion_that_lists_no_groups_stays_whole(text: str) -> None:
    assert alternative_clauses(text) is None


def test_each_alternative_is_scoped_to_its_own_group() -> None:
    rows = [c for c in split_criteria("* Cohorts: (1) EGFR-mutant after osimertinib; (2) ALK-positive after "
                                      "alectinib\n") if c.section == "inclusion"]
    assert [c.text for c in rows] == ["EGFR-mutant after osimertinib", "ALK-positive after alectinib"]
    assert [c.scope.label if c.scope else None for c in rows] == ["Cohort 1", "Cohort 2"]
    assert len({c.index for c in rows}) == 1  # one bullet


_TABLE = """Inclusion Criteria:

* Stage IV NSCLC
* Cohorts:

| Cohort | Marker | Prior therapy |
|---|---|---|
| A | EGFR L861Q or G719X | progressed on osimertinib |
| B | ALK fusion | progressed on lorlatinib |
| C | KRAS G12V | progressed on chemo-immunotherapy |

Exclusion Criteria:

* Pregnancy
"""

ALTERNATIVE_TRIALS = {
    "numbered cohorts": ["Cohorts: (1) EGFR-mutant NSCLC after osimertinib; (2) ALK-positive NSCLC after lorlatinib; "
                         "(3) KRAS G12V after chemo-immunotherapy"],
    "populations": ["Eligible populations: 1) EGFR mutation, progressed on osimertinib; 2) ALK fusion, progressed on "
                    "an ALK TKI; 3) KRAS mutation after platinum and a PD-1 inhibitor"],
    "labelled cohorts": ["Cohort A: EGFR mutation, progressed on osimertinib; Cohort B: ALK rearrangement, progressed "
                         "on an ALK inhibitor; Cohort C: KRAS G12V, progressed on chemo-immunotherapy"],
}


@pytest.mark.parametrize("inclusion", ALTERNATIVE_TRIALS.values(), ids=ALTERNATIVE_TRIALS.keys())
def test_a_patient_who_fits_one_listed_cohort_is_not_excluded_by_another(inclusion: list[str]) -> None:
    trial = _trial(inclusion)
    for dimension in ("biomarker", "prior_therapy"):
        verdicts = _verdicts(trial, dimension)
        for patient in (EGFR_AFTER_OSI, ALK_AFTER_LORLATINIB, KRAS_AFTER_CHEMO_IO):
            assert verdicts[PROFILES.index(patient)] != EXCLUDED, (dimension, patient.biomarkers)


def test_a_table_of_cohorts_reads_as_cohorts() -> None:
    trial = TrialText(nct_id="NCT00000000", title="An invented study in advanced non-small cell lung cancer",
                      conditions=("Non-small Cell Lung Cancer",), criteria=tuple(split_criteria(_TABLE)))
    labels = [c.scope.label for c in trial.criteria if c.scope is not None]
    assert {"Cohort A", "Cohort B", "Cohort C"} <= {label.split(" / ")[-1] for label in labels}
    for dimension in ("biomarker", "prior_therapy"):
        verdicts = _verdicts(trial, dimension)
        for patient in (EGFR_AFTER_OSI, ALK_AFTER_LORLATINIB, KRAS_AFTER_CHEMO_IO):
            assert verdicts[PROFILES.index(patient)] != EXCLUDED, (dimension, patient.biomarkers)
    # a patient who fits no cohort's marker is still excluded on biomarker
    assert _verdicts(trial, "biomarker")[PROFILES.index(PDL1_LOW_ECOG2)] == EXCLUDED


def test_a_table_of_something_else_stays_as_it_is() -> None:
    rows = split_criteria("* Adequate labs:\n\n| Test | Limit |\n|---|---|\n| ANC | >= 1.5 |\n")
    assert any("ANC" in c.text and "Cohort" not in c.text for c in rows)


@pytest.mark.parametrize("inclusion", [
    "Prior osimertinib; otherwise, prior gefitinib, erlotinib or afatinib followed by T790M-negative progression",
    "Prior therapy: (a) at least one platinum doublet; or (b) osimertinib if EGFR-mutant; or (c) lorlatinib if "
    "ALK-positive",
])
def test_an_option_a_patient_fits_is_not_undone_by_the_other(inclusion: str) -> None:
    verdicts = _verdicts(_trial([inclusion]), "prior_therapy")
    assert verdicts[PROFILES.index(EGFR_AFTER_OSI)] != EXCLUDED


# --- 9. a performance score conditioned on another fact -------------------------------------------------

def _ps_profile(ecog: int, **facts: object) -> Profile:
    return _profile(tested_negative=_ALL, pdl1_tps=20, ecog=ecog, **facts)


def _ps(inclusion: str, patient: Profile) -> str:
    dim = DIMENSIONS["performance_status"]
    return dim.check(dim.parse(_trial([inclusion])), patient).verdict


@pytest.mark.parametrize("inclusion", [
    "ECOG 2 patients are eligible only if PD-L1 >= 50%",
    "ECOG PS 2 allowed only for patients with a KRAS G12V mutation",
    "WHO performance status 2 is acceptable provided PD-L1 TPS is at least 50%",
    "Patients with ECOG 2 are eligible only if they have no brain metastases",
    "PS 2 permitted only when the tumour proportion score is 50% or more",
])
def test_a_score_let_in_on_another_fact_does_not_exclude_better_scores(inclusion: str) -> None:
    assert _ps(inclusion, _ps_profile(0)) != EXCLUDED
    assert _ps(inclusion, _ps_profile(1)) != EXCLUDED
    assert _ps(inclusion, _ps_profile(2)) == UNKNOWN  # whether PD-L1 or the marker lets them in is the other's


@pytest.mark.parametrize("inclusion", [
    "EGFR-mutant NSCLC with asymptomatic brain metastases allowed if ECOG 0-1",
    "Asymptomatic CNS metastases are permitted provided ECOG is 0 or 1",
    "Patients with PD-L1 below 1% are eligible only when PS is 0",
])
def test_another_fact_let_in_on_a_score_is_that_groups_limit(inclusion: str) -> None:
    for ecog in (0, 2, 3):
        assert _ps(inclusion, _ps_profile(ecog)) != EXCLUDED, ecog


@pytest.mark.parametrize(("inclusion", "excluded"), [
    ("ECOG 0-1; ECOG 2 allowed if PD-L1 >= 50%", (3,)),
    ("ECOG 0-1", (2, 3)),
    ("Patients with ECOG 0-1 are eligible", (2, 3)),
    ("ECOG 0 or 1 and PD-L1 >= 50%", (2, 3)),
])
def test_plain_limits_beside_another_fact_still_exclude(inclusion: str, excluded: tuple[int, ...]) -> None:
    for ecog in (0, 1, 2, 3):
        verdict = _ps(inclusion, _ps_profile(ecog))
        assert (verdict == EXCLUDED) == (ecog in excluded), (ecog, verdict)
