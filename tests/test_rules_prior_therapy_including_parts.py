"""Kind 13 (sets K/L diagnosis): required parts of earlier treatment.

1. "Has received 1 to 4 prior lines of therapy in the metastatic setting, including:" over sub-bullets
   ("Platinum-based chemotherapy" / "An anti-PD-1 or anti-PD-L1 antibody") asks for every item (AND). The items
   alone had said nothing, so only the count was kept and a patient without them passed.
2. "targeted therapy that is approved for the participant's genomic alteration" (no "patients with ..." clause) is a
   condition on every driver carrier: their own driver's approved drug.
3. "Participants with known genomic aberrations for which targeted therapy is available (e.g. EGFR, ALK) must have
   also progressed on an approved targeted therapy": the class is told by its therapy; the examples do not close it,
   so a KRAS G12C or HER2 carrier without their drug is a question, not "only for EGFR / ALK".

Near-misses keep their verdict: a list of alternatives ("..., or"), a "Note:" item, an "including:" after a
disease, a washout, a negated requirement, and a driver clause whose examples are the only genes named without the
therapy words.
"""

from __future__ import annotations

import pytest
from invented import invented_trial, whole_parse_verdict

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.matching.profile import Profile

NAIVE = stage_iv_profile()
CHEMO_IO = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
CHEMO = stage_iv_profile(prior_therapies=["cisplatin", "gemcitabine"], prior_lines=1)
OSI = stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                       tested_negative=["ALK", "ROS1", "KRAS"], prior_therapies=["osimertinib"], prior_lines=1)
OSI_CHEMO = stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "L858R"}], tested_negative=["ALK", "ROS1"],
                             prior_therapies=["osimertinib", "carboplatin", "pemetrexed"], prior_lines=2)
G12C_CHEMO_IO = stage_iv_profile(biomarkers=[{"gene": "KRAS", "alteration": "G12C"}], tested_negative=["EGFR", "ALK"],
                                 prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
G12C_SOTORASIB = stage_iv_profile(biomarkers=[{"gene": "KRAS", "alteration": "G12C"}], tested_negative=["EGFR", "ALK"],
                                  prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"],
                                  prior_lines=2)
ALK_CHEMO = stage_iv_profile(biomarkers=[{"gene": "ALK", "alteration": "fusion"}], tested_negative=["EGFR"],
                             prior_therapies=["cisplatin", "pemetrexed"], prior_lines=1)


def verdict(profile: Profile, inclusion: str, exclusion: str = "* Pregnancy") -> str:
    return whole_parse_verdict(invented_trial(f"* Stage IV NSCLC\n{inclusion}", exclusion,
                                              "Drug W in advanced NSCLC"), "prior_therapy", profile)


# Named parts: every one is asked for.
NAMED_PARTS = [
    "* Has received at least 1 but no more than 4 prior lines of therapy in the metastatic setting, including:\n"
    "  * Platinum-based chemotherapy\n  * An anti-PD-1 or anti-PD-L1 antibody\n",
    "* Participants must have received 1-3 prior regimens for advanced disease, which must include:\n"
    "  * a platinum doublet\n  * a checkpoint inhibitor (pembrolizumab, nivolumab or atezolizumab)\n",
    "* Prior treatment for metastatic NSCLC with up to 2 lines of systemic therapy, including both of the following:\n"
    "  * cisplatin or carboplatin based chemotherapy;\n  * immunotherapy with a PD-1 or PD-L1 inhibitor.\n",
    "* Subjects previously treated for recurrent disease, including all of the following:\n"
    "  * Platinum-containing chemotherapy\n  * Anti-PD-(L)1 therapy\n",
    "* Has progressed after no more than three prior lines of therapy, including:\n"
    "  - carboplatin- or cisplatin-based doublet\n  - PD-1/PD-L1 blockade, given with the doublet or after it\n",
    "* Received 1 or 2 prior systemic regimens in the advanced setting, including:\n"
    "  * a platinum agent\n  * an immune checkpoint inhibitor\n  * Note: maintenance therapy is not counted as a"
    " separate line\n",
]


@pytest.mark.parametrize("inclusion", NAMED_PARTS)
def test_every_named_part_is_asked_for(inclusion: str) -> None:
    assert verdict(CHEMO_IO, inclusion) == "eligible"
    assert verdict(CHEMO, inclusion) == "excluded"  # no checkpoint inhibitor
    assert verdict(OSI, inclusion) == "excluded"  # neither part
    assert verdict(NAIVE, inclusion) == "excluded"  # no line at all


# The patient's own driver's approved drug, as one of the parts.
OWN_DRIVER = [
    "* Has received at least 1 but no more than 4 prior lines of therapy in the metastatic setting, including:\n"
    "  * At least 1 line of therapy containing targeted therapy that is approved for the participant's genomic"
    " alteration at the time of screening\n  * Platinum-based chemotherapy\n",
    "* Participants must have had 1 to 3 prior regimens for advanced disease, including:\n"
    "  * platinum-based chemotherapy\n  * a targeted agent approved for their driver mutation\n",
    "* Prior therapy for stage IV disease with at most 4 lines, which must include:\n"
    "  * matched therapy approved for the patient's oncogenic alteration\n"
    "  * cisplatin or carboplatin doublet chemotherapy\n",
    "* Must have progressed on 1-4 prior lines of therapy, including:\n"
    "  * targeted therapy indicated for the subject's molecular alteration\n  * a platinum-containing regimen\n",
    "* Patients have received up to four earlier lines in the metastatic setting including:\n"
    "  * precision therapy approved for their genomic aberration\n  * platinum chemotherapy\n",
    "* Previously treated with no more than 3 lines of systemic therapy, including:\n"
    "  * targeted therapies available for the patient's actionable alteration, by local approval\n"
    "  * platinum-based chemotherapy\n",
]


@pytest.mark.parametrize("inclusion", OWN_DRIVER)
def test_own_driver_drug_and_platinum_are_both_asked(inclusion: str) -> None:
    assert verdict(OSI_CHEMO, inclusion) == "eligible"
    assert verdict(OSI, inclusion) == "excluded"  # no platinum
    assert verdict(ALK_CHEMO, inclusion) == "excluded"  # no ALK inhibitor
    assert verdict(G12C_SOTORASIB, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", OWN_DRIVER[:2])
def test_later_line_driver_without_its_drug_is_excluded(inclusion: str) -> None:
    assert verdict(G12C_CHEMO_IO, inclusion) == "excluded"


# The class told by its therapy, with examples that do not close it.
AVAILABLE_CLASS = [
    "* Participants with known genomic tumor aberrations for which targeted therapy is available (e.g. EGFR, ALK,"
    " ROS1, BRAF) must have also progressed on at least one approved targeted therapy.\n",
    "* Patients with genomic alterations for which an approved targeted therapy exists (such as EGFR or ALK) must"
    " have received approved targeted therapy for it.\n",
    "* Subjects with tumour mutations for which approved targeted therapies are available (e.g., EGFR, ALK) must have"
    " progressed on approved targeted therapy.\n",
    "* Participants with molecular aberrations with an approved targeted therapy (for example EGFR, ALK or ROS1)"
    " should have progressed on an approved targeted therapy.\n",
    "* Patients with known alterations for which matched therapy is available (e.g. EGFR, ALK, ROS1) must have"
    " failed an approved targeted agent.\n",
    "* Those with gene aberrations for which targeted drugs are approved (e.g. ALK, EGFR, BRAF) must have received"
    " approved targeted therapy.\n",
]


@pytest.mark.parametrize("inclusion", AVAILABLE_CLASS)
def test_examples_do_not_close_a_class_told_by_its_therapy(inclusion: str) -> None:
    assert verdict(G12C_CHEMO_IO, inclusion) == "unknown"  # not "only for EGFR / ALK"
    assert verdict(ALK_CHEMO, inclusion) == "excluded"
    assert verdict(OSI, inclusion) == "eligible"
    assert verdict(CHEMO_IO, inclusion) == "eligible"  # no finding: the condition does not bind


# Near-misses.
def test_alternatives_after_including_stay_alternatives() -> None:
    inclusion = ("* Has received 1 to 2 prior lines of therapy, including:\n  * platinum-based chemotherapy, or\n"
                 "  * an anti-PD-1 antibody\n")
    assert verdict(CHEMO, inclusion) != "excluded"


def test_including_after_a_disease_is_no_treatment_list() -> None:
    inclusion = ("* Histologically confirmed NSCLC of any subtype, including:\n  * adenocarcinoma\n"
                 "  * squamous cell carcinoma\n")
    assert verdict(NAIVE, inclusion) == "eligible"


def test_negated_own_driver_sets_no_requirement() -> None:
    inclusion = "* Must not have received targeted therapy approved for their genomic alteration.\n"
    assert verdict(ALK_CHEMO, inclusion) != "excluded"


def test_washout_stays_a_washout() -> None:
    inclusion = ("* At least 4 weeks since prior chemotherapy or targeted therapy approved for the patient's"
                 " alteration.\n")
    assert verdict(ALK_CHEMO, inclusion) == "eligible"
    assert verdict(NAIVE, inclusion) == "eligible"


def test_closed_example_list_without_therapy_words_is_unchanged() -> None:
    inclusion = ("* Patients with actionable genomic alterations such as EGFR, ALK, ROS1 must have progressed on"
                 " approved targeted therapy.\n")
    assert verdict(G12C_CHEMO_IO, inclusion) == "unknown"
    assert verdict(ALK_CHEMO, inclusion) == "excluded"


# The trial's own list of actionable alterations is what "the participant's genomic alteration" means: a KRAS G12C
# carrier outside it (in the cohort without actionable alterations) is not bound by the targeted-therapy part.
LISTED_TRIAL = [
    ("* Has documentation of one or more of the following actionable genomic alterations: EGFR, ALK, ROS1, NTRK,"
     " BRAF, RET, or MET\n"),
    "* Tumour must harbour one of these actionable alterations: EGFR, ALK, ROS1 or RET\n",
    "* Documented driver mutations: EGFR, ALK, BRAF, MET\n",
]


@pytest.mark.parametrize("listed", LISTED_TRIAL)
def test_trial_list_narrows_the_participants_alteration(listed: str) -> None:
    inclusion = (f"{listed}* Has been treated with 1 or 2 prior lines of applicable targeted therapy that is locally"
                 " approved for the participant's genomic alteration\n")
    assert verdict(G12C_CHEMO_IO, inclusion) == "eligible"
    assert verdict(ALK_CHEMO, inclusion) == "excluded"
    assert verdict(OSI, inclusion) == "eligible"
