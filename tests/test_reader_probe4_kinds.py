"""The shared reader on kinds of sentence a probe found misread: invented sentences only.

- Country or region scope: "Japan part: ...", "Chinese patients: ...", "(China only)". A profile has no
  country, so such a rule can only be a question, never an exclusion.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.rules.reader import criterion_scope, heading_scope
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
