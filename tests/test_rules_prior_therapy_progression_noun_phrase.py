"""Kind 16 (sets K/L diagnosis): a requirement stated as a noun phrase with an adjuvant-recurrence alternative.

"Disease progression during or following treatment with a prior platinum-containing regimen for metastatic NSCLC or
disease recurrence within 6 months of treatment with a platinum-based adjuvant regimen" asks for prior platinum. The
"within 6 months of treatment with X" or "recurrence within 6 months of adjuvant X" was read as a washout, so the
whole sentence set no rule. The window dates the disease's return from the treatment had (an anchor, assumed met).
The adjuvant alternative is not in a profile, so an untreated patient is excluded (label convention); a
platinum-treated one is eligible.

Near-misses: a real washout ("chemotherapy within 4 weeks of treatment with study drug" in an exclusion, "within
21 days of the first dose") sets no requirement.
"""

from __future__ import annotations

import pytest
from invented import invented_trial, whole_parse_verdict

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.matching.profile import Profile

NAIVE = stage_iv_profile()
CHEMO = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)
OSI = stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                       prior_therapies=["osimertinib"], prior_lines=1)
IO = stage_iv_profile(prior_therapies=["pembrolizumab"], prior_lines=1)


def verdict(profile: Profile, inclusion: str, exclusion: str = "* Pregnancy") -> str:
    return whole_parse_verdict(invented_trial(f"* Stage IV NSCLC\n* {inclusion}", exclusion,
                                              "Drug W in advanced NSCLC"), "prior_therapy", profile)


PLATINUM = [
    "Disease progression during or following treatment with a prior platinum-containing regimen for locally"
    " advanced, unresectable/inoperable or metastatic NSCLC or disease recurrence within 6 months of treatment with a"
    " platinum-based adjuvant/neoadjuvant regimen or combined modality (e.g., chemoradiation) regimen with curative"
    " intent",
    "Progression on or after a platinum doublet for stage IV disease, or relapse within 12 months of treatment with"
    " adjuvant cisplatin-based chemotherapy",
    "Documented progression following a carboplatin- or cisplatin-containing regimen for advanced NSCLC or recurrence"
    " within 6 months after therapy with platinum given as adjuvant treatment",
    "Radiological progression after platinum-based chemotherapy for metastatic disease, or disease recurrence within"
    " 26 weeks of treatment with neoadjuvant platinum chemotherapy",
    "Progression after platinum-based chemotherapy for metastatic disease, or recurrence within 6 months of adjuvant"
    " platinum chemotherapy",
    "Relapse following a platinum-containing doublet in the advanced setting or failure within one year of"
    " perioperative carboplatin",
]


@pytest.mark.parametrize("inclusion", PLATINUM)
def test_prior_platinum_is_required(inclusion: str) -> None:
    assert verdict(CHEMO, inclusion) == "eligible"
    assert verdict(NAIVE, inclusion) == "excluded"
    assert verdict(OSI, inclusion) == "excluded"


IMMUNO = [
    "Disease progression during or after treatment with an anti-PD-1 or anti-PD-L1 antibody, or progression within"
    " 6 months of treatment with adjuvant immunotherapy",
    "Progression on a checkpoint inhibitor for metastatic NSCLC or recurrence within 3 months of therapy with a"
    " PD-(L)1 inhibitor given after surgery",
]


@pytest.mark.parametrize("inclusion", IMMUNO)
def test_prior_immunotherapy_is_required(inclusion: str) -> None:
    assert verdict(IO, inclusion) == "eligible"
    assert verdict(NAIVE, inclusion) == "excluded"


# Near-misses: washouts before the study stay washouts.
@pytest.mark.parametrize("exclusion", [
    "* Chemotherapy within 4 weeks of treatment with study drug",
    "* Any anticancer therapy within 21 days of the first dose of study treatment",
])
def test_washouts_set_no_requirement(exclusion: str) -> None:
    assert verdict(NAIVE, "Measurable disease per RECIST 1.1", exclusion) == "eligible"
    assert verdict(CHEMO, "Measurable disease per RECIST 1.1", exclusion) == "eligible"
