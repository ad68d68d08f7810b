"""Continuations across bullets, read by the shared splitter before any dimension: an "or" alternative, an
exception or an allowing note in the next bullet joins the criterion it changes; flat items after an inclusion
lead-in asking for one of them become its sub-bullets; a semicolon list ending "; or Z" stays one sentence.
Every sentence here is invented; near misses of each kind must stay apart."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import biomarker, brain_metastases, prior_therapy
from trialmatch.criteria.text import Criterion, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict


def _split(inclusion: str = "", exclusion: str = "") -> list[Criterion]:
    return split_criteria(f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n{exclusion}\n")


def _texts(inclusion: str = "", exclusion: str = "") -> list[tuple[str, int, str]]:
    return [(c.section, c.depth, c.text) for c in _split(inclusion, exclusion)]


# (a) a bullet ending in "or" takes the next one in.
ENDS_WITH_OR = {
    "comma or": ("* Documented HER2 exon 20 insertion or point mutation,\n* or MET exon 14 skipping\n",
                 "Documented HER2 exon 20 insertion or point mutation, or MET exon 14 skipping"),
    "comma or, no or on the next": ("* Presence of a ROS1 fusion, or\n* an NTRK1-3 fusion\n* ECOG 0-2\n",
                                    "Presence of a ROS1 fusion, or an NTRK1-3 fusion"),
    "semicolon or, numbered": ("1. Documented RET rearrangement; or\n2. Documented NRG1 fusion\n3. Age >= 18\n",
                               "Documented RET rearrangement; or Documented NRG1 fusion"),
    "and/or": ("* Progression on a prior anti-PD-L1 antibody and/or\n* progression on platinum doublet\n",
               "Progression on a prior anti-PD-L1 antibody and/or progression on platinum doublet"),
    "capital OR": ("* Not of childbearing potential; OR\n* Agrees to use two methods of contraception\n",
                   "Not of childbearing potential; OR Agrees to use two methods of contraception"),
}


@pytest.mark.parametrize(("inclusion", "joined"), ENDS_WITH_OR.values(), ids=ENDS_WITH_OR.keys())
def test_bullet_ending_in_or_takes_the_next(inclusion: str, joined: str) -> None:
    texts = [text for _, _, text in _texts(inclusion)]
    assert joined in texts
    assert len(texts) == inclusion.count("\n") - 1


# (b) a bullet opening with a continuation word goes into the one before.
OPENS_WITH_CONTINUATION = {
    "Or patients": ("* Patients with KRAS G12D-mutant NSCLC.\n* Or patients with a BRAF V600E mutation.\n", "",
                    "Patients with KRAS G12D-mutant NSCLC or patients with a BRAF V600E mutation."),
    "lower or": ("* Progression on lorlatinib;\n* or progression on brigatinib with a G1202R mutation\n", "",
                 "Progression on lorlatinib; or progression on brigatinib with a G1202R mutation"),
    "unless": ("", "* Known untreated CNS metastases,\n* unless asymptomatic and off corticosteroids\n",
               "Known untreated CNS metastases, unless asymptomatic and off corticosteroids"),
    "Except colon": ("", "* Prior treatment with a MET inhibitor;\n* Except: crizotinib given for less than 4 weeks\n",
                     "Prior treatment with a MET inhibitor; Except: crizotinib given for less than 4 weeks"),
    "Exception colon as only sub-bullet": (
        "", "* Prior anti-TIGIT therapy\n  * Exception: a single dose in a previous trial is allowed\n",
        "Prior anti-TIGIT therapy Exception: a single dose in a previous trial is allowed"),
    "allowing note": ("", "* Leptomeningeal disease.\n* Note: patients with treated, stable parenchymal lesions "
                          "may participate.\n",
                      "Leptomeningeal disease. Note: patients with treated, stable parenchymal lesions may "
                      "participate."),
    "lower if": ("", "* Spinal cord compression\n* if not treated with surgery or radiation\n",
                 "Spinal cord compression if not treated with surgery or radiation"),
    "provided that": ("", "* Prior docetaxel,\n* provided that it was given more than 6 months ago\n",
                      "Prior docetaxel, provided that it was given more than 6 months ago"),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "joined"), OPENS_WITH_CONTINUATION.values(),
                         ids=OPENS_WITH_CONTINUATION.keys())
def test_bullet_opening_with_a_continuation_joins_the_one_before(inclusion: str, exclusion: str, joined: str) -> None:
    texts = [text for _, _, text in _texts(inclusion, exclusion)]
    assert texts == [joined]


def test_a_lone_or_line_between_sub_bullets_joins_both() -> None:
    texts = _texts("* Performance status:\n  * Zubrod 0-1\nOR\n  * Karnofsky 70-100%\n* Age >= 18\n")
    assert ("inclusion", 1, "Zubrod 0-1 OR Karnofsky 70-100%") in texts
    assert ("inclusion", 0, "Age >= 18") in texts


# Near misses: each bullet is a requirement of its own.
SEPARATE = {
    "two independent bullets": ("* ERBB2 amplification\n* ECOG 0-1\n", ""),
    "or inside a sentence": ("* Adenocarcinoma or large cell carcinoma\n* Prior nivolumab or pembrolizumab\n", ""),
    "note that only requires": ("", "* Pregnancy or breastfeeding\n* Note: contraception required for 6 months\n"),
    "numbered separate requirements": ("1. NRG1 fusion\n2. Prior platinum chemotherapy\n3. ECOG 0-2\n", ""),
    "capitalised if as a rule": ("* Stage IV disease\n* If female, a negative pregnancy test\n", ""),
    "fronted exception with a comma": ("* Life expectancy >= 12 weeks\n* Except for alopecia, toxicities of prior "
                                       "therapy recovered to grade 1\n", ""),
    "unless otherwise specified": ("* Measurable disease\n* Unless otherwise specified, age >= 18 years\n", ""),
    "ends with another word": ("* Prior pemetrexed\n* Prior bevacizumab\n", ""),
    "or bullet for another cancer": ("* Prior imatinib for GIST, or\n* progression on platinum for NSCLC\n", ""),
}


@pytest.mark.parametrize(("inclusion", "exclusion"), SEPARATE.values(), ids=SEPARATE.keys())
def test_near_misses_stay_separate(inclusion: str, exclusion: str) -> None:
    bullets = (inclusion + exclusion).count("\n")
    assert len(_texts(inclusion, exclusion)) == bullets


def test_a_continuation_never_crosses_sections() -> None:
    texts = _texts("* Prior sotorasib or\n", "* or prior adagrasib\n")
    assert texts == [("inclusion", 0, "Prior sotorasib or"), ("exclusion", 0, "or prior adagrasib")]


def test_a_note_among_several_sub_bullets_stays_with_its_parent() -> None:
    texts = _texts("", "* Active CNS metastases\n  * Note: treated lesions are allowed\n  * Note: MRI needed\n")
    assert [depth for _, depth, _ in texts] == [0, 1, 1]


# (c) flat items after a lead-in asking for one of them are its sub-bullets, up to the next requirement.
LEAD_INS = {
    "one of the following": ("* Patients must meet one of the following:\n* Progression after pemetrexed\n"
                             "* Progression after a PD-1 inhibitor\n* ECOG 0-1\n", 2),
    "1 of the following": ("* Tumour must have 1 of the following:\n* NRG1 fusion\n* MET amplification\n"
                           "* Adequate organ function\n", 2),
    "either": ("* Either:\n* No brain metastases\n* Brain metastases treated and stable for 2 weeks\n"
               "* Life expectancy of 3 months\n", 2),
    "at least one of": ("* Must have at least one of the following genomic findings:\n* EGFR G719X\n* EGFR L861Q\n"
                        "* EGFR S768I\n* Measurable disease per RECIST\n", 3),
    "any one of": ("* Meet any one of the following driver conditions:\n* KRAS G12V mutation;\n"
                   "* ERBB2 overexpression;\n* Prior chemotherapy allowed\n", 2),
    "(a) or (b)": ("1. Patients must satisfy (a) or (b):\n(a) Progression after lorlatinib\n"
                   "(b) Progression after alectinib and ALK G1202R negative\n2. ECOG 0-2\n", 2),
}


@pytest.mark.parametrize(("inclusion", "alternatives"), LEAD_INS.values(), ids=LEAD_INS.keys())
def test_flat_items_after_a_one_of_lead_in_become_its_sub_bullets(inclusion: str, alternatives: int) -> None:
    criteria = _split(inclusion)
    assert [c.depth for c in criteria] == [0] + [1] * alternatives + [0]
    assert all(c.parent == criteria[0].text for c in criteria[1:1 + alternatives])


LEAD_IN_NEAR_MISSES = {
    "a ban list": ("* Must not have any of the following:\n* Prior EGFR TKI\n* Prior chemotherapy\n", ""),
    "an exclusion lead-in": ("", "* Patients with any of the following will be excluded:\n* Prior EGFR TKI\n"
                                 "* Prior chemotherapy\n"),
    "all of the following": ("* Patients must meet all of the following:\n* Prior EGFR TKI\n* Prior chemo\n", ""),
    "already nested": ("* One of the following:\n  * No brain metastases\n  * Treated brain metastases\n"
                       "* ECOG 0-1\n", ""),
}


@pytest.mark.parametrize(("inclusion", "exclusion"), LEAD_IN_NEAR_MISSES.values(), ids=LEAD_IN_NEAR_MISSES.keys())
def test_lead_in_near_misses_keep_their_depths(inclusion: str, exclusion: str) -> None:
    written = [len(line) - len(line.lstrip()) > 0 for line in (inclusion + exclusion).splitlines()]
    assert [c.depth > 0 for c in _split(inclusion, exclusion)] == written


# (d) a semicolon list that ends "; or Z" is one sentence.
def test_a_semicolon_list_of_alternatives_is_one_sentence() -> None:
    for text in ("Must have a driver: NRG1 fusion; MET amplification; ERBB2 overexpression; or KRAS G12V",
                 "Prior therapy: Lorlatinib; Brigatinib; and/or Alectinib",
                 "Not pregnant; OR Using contraception"):
        assert Criterion(text, "inclusion").sentences() == [text]


def test_semicolon_requirements_still_split() -> None:
    text = "Age >= 18; ECOG 0-2; Measurable disease"
    assert Criterion(text, "inclusion").sentences() == ["Age >= 18;", "ECOG 0-2;", "Measurable disease"]


# Whole dimensions, for invented profiles unlike the shared ones.
def _profile(pid: str, **facts: object) -> Profile:
    base: dict[str, object] = {"id": pid, "age": 61, "sex": "female", "histology": "large cell", "stage": "IV",
                               "biomarkers": [], "tested_negative": [], "pdl1_tps": 30, "prior_therapies": [],
                               "prior_lines": 0, "ecog": 1, "brain_metastases": "none"}
    return profile_from_dict({**base, **facts})


KRAS_G12D = _profile("kras-g12d", biomarkers=[{"gene": "KRAS", "alteration": "G12D"}],
                     tested_negative=["EGFR", "ALK", "ROS1", "BRAF", "RET", "MET"])
BRAF_V600E = _profile("braf-v600e", biomarkers=[{"gene": "BRAF", "alteration": "V600E"}],
                      tested_negative=["EGFR", "ALK", "ROS1", "KRAS", "RET", "MET"])
TREATED_BRAIN = _profile("nrg1-treated-brain", biomarkers=[{"gene": "NRG1", "alteration": "fusion"}],
                         brain_metastases="treated_stable")
ACTIVE_BRAIN = _profile("nos-active-brain", histology="nsclc-nos", brain_metastases="active")
AFTER_PEMETREXED = _profile("after-pemetrexed", prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)


@pytest.mark.parametrize("inclusion", [
    "* Patients with KRAS G12D-mutant NSCLC.\n* Or patients with a BRAF V600E mutation.\n",
    "* Presence of a KRAS G12D mutation, or\n* a BRAF V600E mutation\n",
    "* Tumour must have 1 of the following:\n* KRAS G12D mutation\n* BRAF V600E mutation\n* ECOG 0-1\n",
])
def test_either_marker_alternative_lets_its_carriers_in(inclusion: str) -> None:
    rules = biomarker.parse(invented_trial(inclusion, "", "An invented trial in advanced NSCLC"))
    for patient in (KRAS_G12D, BRAF_V600E):
        assert biomarker.check(rules, patient).verdict == "eligible", patient.id


@pytest.mark.parametrize("exclusion", [
    "* Known brain metastases,\n* unless treated and neurologically stable for at least 4 weeks\n",
    "* Brain metastases.\n* Note: patients with previously treated brain metastases stable on MRI may participate.\n",
    "* Patients with brain metastases;\n* Except: brain metastases treated locally and stable for over 4 weeks\n",
])
def test_a_brain_exception_in_the_next_bullet_lets_treated_stable_in(exclusion: str) -> None:
    rules = brain_metastases.parse(invented_trial("* Stage IV NSCLC\n", exclusion, "An invented NSCLC trial"))
    assert brain_metastases.check(rules, TREATED_BRAIN).verdict == "eligible"
    assert brain_metastases.check(rules, ACTIVE_BRAIN).verdict == "excluded"


def test_flat_brain_alternatives_after_one_of() -> None:
    inclusion = "* One of the following:\n* No brain metastases\n* Treated brain metastases stable for 4 weeks\n"
    rules = brain_metastases.parse(invented_trial(inclusion, "", "An invented NSCLC trial"))
    assert brain_metastases.check(rules, TREATED_BRAIN).verdict == "eligible"
    assert brain_metastases.check(rules, KRAS_G12D).verdict == "eligible"
    assert brain_metastases.check(rules, ACTIVE_BRAIN).verdict == "excluded"


def test_flat_prior_therapy_alternatives_after_one_of() -> None:
    inclusion = ("* Patients must meet one of the following:\n* Progression after platinum-based chemotherapy\n"
                 "* Progression after an EGFR tyrosine kinase inhibitor\n")
    rules = prior_therapy.parse(invented_trial(inclusion, "", "An invented NSCLC trial"))
    assert prior_therapy.check(rules, AFTER_PEMETREXED).verdict == "eligible"
