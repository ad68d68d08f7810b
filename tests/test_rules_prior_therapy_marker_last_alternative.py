"""A marker clause ending the last of several "or" alternatives ("... as either: * first-line treatment, or
* second-line treatment after a 1st-generation TKI in participants with a documented T790M mutation") scopes that
alternative only. The sentence's rule stays everyone's (a patient without the marker is still judged by it and by
the trial-wide bans); a carrier, who also has the last alternative, is never excluded by the unsplit reading.
A drug list ending in "or" ("erlotinib, gefitinib, or afatinib in patients with ...") is one alternative and keeps its
scope."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import panel_profile as _profile
from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.prior_therapy.scope import biomarker_condition, last_alternative_condition

NO_DRIVER_CHEMO = _profile([], ["carboplatin", "pemetrexed"], 1)
NO_DRIVER_NAIVE = _profile([], [], 0)


def _verdict(text: str, profile: Any) -> str:
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": text}}}
    return DIMENSIONS["prior_therapy"].check(parse_record(rec)["prior_therapy"], profile).verdict


def _trial(lead: str, first: str, second: str, ban: str) -> str:
    return (f"Inclusion Criteria:\n\n* Stage IV NSCLC\n* {lead}\n  * {first}, or\n  * {second}\n\n"
            f"Exclusion Criteria:\n\n* {ban}")


# (lead-in, first alternative, last alternative with its marker clause, trial-wide ban, a carrier who took the last
# alternative's way: two lines)
CASES = [
    ("Has progressed on or after prior 3rd-generation EGFR TKI therapy (e.g. lazertinib, aumolertinib) as either:",
     "First-line treatment",
     "Second-line treatment following first-line erlotinib or gefitinib in participants with a documented EGFR T790M "
     "mutation",
     "Prior systemic anticancer therapy for metastatic disease other than EGFR TKI",
     _profile([{"gene": "EGFR", "alteration": "exon 19 deletion"}, {"gene": "EGFR", "alteration": "T790M"}],
              ["gefitinib", "osimertinib"], 2)),
    ("Documented radiographic progression on osimertinib, given as one of the following:",
     "initial therapy for metastatic disease",
     "subsequent therapy after a first- or second-generation EGFR inhibitor in patients harbouring an acquired EGFR "
     "T790M",
     "Any prior chemotherapy for advanced disease",
     _profile([{"gene": "EGFR", "alteration": "L858R"}, {"gene": "EGFR", "alteration": "T790M"}],
              ["afatinib", "osimertinib"], 2)),
    ("Must have progressed on lorlatinib administered either:",
     "As the first ALK inhibitor for advanced disease",
     "As second ALK inhibitor after crizotinib failure in subjects with ALK-rearranged NSCLC",
     "Prior cytotoxic chemotherapy in any setting",
     _profile([{"gene": "ALK", "alteration": "fusion"}], ["crizotinib", "lorlatinib"], 2)),
    ("Disease progression after repotrectinib, received as:",
     "Front-line treatment of metastatic disease",
     "Later-line treatment following prior crizotinib or entrectinib among patients with ROS1 fusion-positive tumors",
     "Prior treatment with platinum-based chemotherapy for metastatic NSCLC",
     _profile([{"gene": "ROS1", "alteration": "fusion"}], ["crizotinib", "repotrectinib"], 2)),
    ("Has had disease progression on selpercatinib or pralsetinib given as either:",
     "first-line systemic therapy",
     "second-line systemic therapy after prior multikinase inhibitor cabozantinib in individuals with RET fusion",
     "Previous immunotherapy with a PD-1 or PD-L1 antibody",
     _profile([{"gene": "RET", "alteration": "fusion"}], ["cabozantinib", "selpercatinib"], 2)),
    ("Progressed on a prior third generation EGFR tyrosine kinase inhibitor such as furmonertinib, used as:",
     "the first treatment for recurrent or metastatic disease",
     "the second treatment after dacomitinib in participants with an acquired EGFR T790M mutation",
     "Prior anticancer therapy for advanced disease other than an EGFR TKI",
     _profile([{"gene": "EGFR", "alteration": "exon 19 deletion"}, {"gene": "EGFR", "alteration": "T790M"}],
              ["dacomitinib", "furmonertinib"], 2)),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0][:30] for c in CASES])
def test_marker_clause_scopes_the_last_alternative_only(case: tuple[str, str, str, str, Any]) -> None:
    lead, first, second, ban, carrier = case
    text = _trial(lead, first, second, ban)
    # without the marker: judged by the rule (no third-generation drug), never waved through as "not your group"
    assert _verdict(text, NO_DRIVER_CHEMO) == "excluded"
    assert _verdict(text, NO_DRIVER_NAIVE) == "excluded"
    # the carrier who went the last alternative's way is not shut out by the unsplit reading
    assert _verdict(text, carrier) != "excluded"


@pytest.mark.parametrize("case", CASES, ids=[c[0][:30] for c in CASES])
def test_the_clause_is_read_as_the_last_alternatives(case: tuple[str, str, str, str, Any]) -> None:
    _, first, second, _, _ = case
    norm = f"{first}, or {second}".lower()
    assert biomarker_condition(norm) == ([], None)
    assert last_alternative_condition(norm)[0]


# Near misses: the marker clause scopes the whole sentence, and keeps doing so.
WHOLE = [
    "Prior erlotinib, gefitinib, or afatinib is required in patients with EGFR mutations",
    "Must have received prior crizotinib, or alectinib in patients with ALK rearrangement",
    "Second-line treatment following first-line gefitinib in participants with a documented EGFR T790M mutation",
    "Prior osimertinib (first-line, or second-line after gefitinib) is required in participants with EGFR mutations",
]


@pytest.mark.parametrize("norm", WHOLE)
def test_a_list_or_a_single_clause_keeps_the_whole_scope(norm: str) -> None:
    assert biomarker_condition(norm.lower())[0]
    assert last_alternative_condition(norm.lower()) == ([], None)


def test_a_list_scoped_whole_still_spares_non_carriers() -> None:
    text = ("Inclusion Criteria:\n\n* Stage IV NSCLC\n* Prior erlotinib, gefitinib, or afatinib is required in "
            "patients with EGFR mutations\n\nExclusion Criteria:\n\n* Pregnancy")
    assert _verdict(text, NO_DRIVER_NAIVE) == "eligible"
