"""Prior-therapy kinds of sentence: inclusion lists of alternatives ("for one of the following indications:"),
on invented criteria and invented profiles.

Each sub-bullet of such a list is one way in; a sub-bullet for another cancer or for resected disease
only is no way in for a stage IV NSCLC patient; a condition word in another sentence of the bullet that
opens the list does not soften the alternatives.
"""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import profile_from_dict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS"]


def _neg(*positive: str) -> list[str]:
    return [g for g in GENES if g not in positive]


PROFILES: dict[str, dict[str, Any]] = {
    "naive-no-driver": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0, "pdl1_tps": 50},
    "naive-egfr-s768i": {"biomarkers": [{"gene": "EGFR", "alteration": "S768I"}], "tested_negative": _neg("EGFR"),
                         "prior_therapies": [], "prior_lines": 0},
    "naive-g12v": {"biomarkers": [{"gene": "KRAS", "alteration": "G12V"}], "tested_negative": _neg("KRAS"),
                   "prior_therapies": [], "prior_lines": 0},
    "post-cisplatin-etoposide": {"histology": "large cell", "tested_negative": GENES, "prior_lines": 1,
                                 "prior_therapies": ["cisplatin", "etoposide", "atezolizumab"]},
    "post-carboplatin-g12d": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "tested_negative": _neg("KRAS"),
                              "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
    "egfr-g719x-post-afatinib": {"biomarkers": [{"gene": "EGFR", "alteration": "G719X"}],
                                 "tested_negative": _neg("EGFR"), "prior_therapies": ["afatinib"], "prior_lines": 1},
    "egfr-post-osimertinib-chemo": {"biomarkers": [{"gene": "EGFR", "alteration": "L861Q"}],
                                    "tested_negative": _neg("EGFR"), "prior_lines": 2,
                                    "prior_therapies": ["osimertinib", "carboplatin", "pemetrexed"]},
    "history-not-given": {"histology": "nsclc-nos"},
    "post-io-only": {"tested_negative": ["EGFR", "ALK"], "prior_therapies": ["cemiplimab"], "prior_lines": 1},
}


def verdict(inclusion: list[str], who: str, exclusion: list[str] | None = None) -> str:
    md = "Inclusion Criteria:\n\n" + "".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n"
                                             for line in inclusion)
    if exclusion:
        md += "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion)
    text = TrialText(nct_id="NCT00000000", title="A study", criteria=tuple(split_criteria(md)))
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict(PROFILES[who])).verdict


# --- alternatives with an NSCLC way that needs earlier platinum -----------------------------------

PLATINUM_LISTS = [
    ["Advanced cancer for which the study drug is approved, for one of the following indications:",
     "  * Renal cell carcinoma after prior anti-angiogenic therapy",
     "  * Non-small cell lung cancer with progression on or after platinum-based chemotherapy",
     "  * Recurrent or metastatic squamous cell carcinoma of the head and neck after platinum-based therapy",
     "  * Hepatocellular carcinoma previously treated with sorafenib"],
    ["Patients must have one or more of the following tumour types:",
     "  * Metastatic urothelial carcinoma, as first-line treatment",
     "  * Metastatic NSCLC that progressed during or after platinum-containing chemotherapy",
     "  * Unresectable esophageal squamous cell carcinoma (ESCC) after fluoropyrimidine and platinum chemotherapy"],
    ["Any of the indications listed below:",
     "  * Unresectable or metastatic cutaneous melanoma",
     "  * NSCLC after failure of a cisplatin or carboplatin doublet",
     "  * Gastric cancer after two prior lines of chemotherapy"],
]


@pytest.mark.parametrize("inclusion", PLATINUM_LISTS)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive-no-driver", "excluded"), ("naive-g12v", "excluded"), ("egfr-g719x-post-afatinib", "excluded"),
    ("post-io-only", "excluded"),
    ("post-cisplatin-etoposide", "eligible"), ("post-carboplatin-g12d", "eligible"),
    ("egfr-post-osimertinib-chemo", "eligible"),
    ("history-not-given", "unknown"),
])
def test_nsclc_alternative_needs_platinum(inclusion: list[str], who: str, expected: str) -> None:
    assert verdict(inclusion, who) == expected


def test_condition_word_in_another_sentence_does_not_soften_the_alternatives() -> None:
    parent = ("Cancers for which the study drug is approved, for any of the indications outlined below. "
              "Additionally, patients already on the drug are eligible, provided they switch to the new form.")
    inclusion = [parent, "  * Renal cell carcinoma after prior anti-angiogenic therapy",
                 "  * Non-small cell lung cancer with progression after platinum-based chemotherapy"]
    assert verdict(inclusion, "naive-no-driver") == "excluded"
    assert verdict(inclusion, "post-carboplatin-g12d") == "eligible"


def test_condition_word_in_the_sentence_that_opens_the_list_still_softens() -> None:
    inclusion = ["Patients are eligible if they meet one of the following, unless the investigator decides otherwise:",
                 "  * Renal cell carcinoma after prior anti-angiogenic therapy",
                 "  * Non-small cell lung cancer with progression after platinum-based chemotherapy"]
    assert verdict(inclusion, "naive-no-driver") == "unknown"


def test_nested_lists_and_resected_alternatives() -> None:
    """A way for resected disease after surgery and ways for other cancers leave the NSCLC way alone."""
    inclusion = [
        "Recommended to start the study drug for any of the indications below:",
        "  * Adjuvant setting for one of the following indications:",
        "    * Completely resected melanoma",
        "    * Urothelial carcinoma after radical resection",
        "  * Advanced or metastatic cancer for one of the following indications:",
        "    * NSCLC with progression on or after platinum-based chemotherapy",
        "    * Renal cell carcinoma, first-line treatment",
        "  * Adjuvant treatment after neoadjuvant chemotherapy with cisplatin for patients with resectable NSCLC",
    ]
    assert verdict(inclusion, "naive-no-driver") == "excluded"
    assert verdict(inclusion, "post-cisplatin-etoposide") == "eligible"
    assert verdict(inclusion, "history-not-given") == "unknown"


# --- near misses: other ways in, bans, lists that are not alternatives ----------------------------

@pytest.mark.parametrize("who", list(PROFILES))
def test_an_nsclc_alternative_without_a_treatment_rule_lets_everyone_in(who: str) -> None:
    inclusion = ["One of the following:",
                 "  * NSCLC with progression on or after platinum-based chemotherapy",
                 "  * Stage IV NSCLC of any treatment history"]
    assert verdict(inclusion, who) == "eligible"


@pytest.mark.parametrize(("who", "expected"), [
    ("naive-no-driver", "eligible"), ("naive-g12v", "eligible"),
    ("post-carboplatin-g12d", "excluded"), ("post-io-only", "excluded"),
])
def test_other_cancers_alternative_cannot_admit_a_treated_nsclc_patient(who: str, expected: str) -> None:
    inclusion = ["Patients with one of the following:",
                 "  * Esophageal squamous cell carcinoma after prior platinum-based chemotherapy",
                 "  * Metastatic NSCLC with no prior systemic therapy for advanced disease"]
    assert verdict(inclusion, who) == expected


@pytest.mark.parametrize(("who", "expected"), [
    ("egfr-g719x-post-afatinib", "eligible"), ("post-carboplatin-g12d", "eligible"),
    ("post-cisplatin-etoposide", "eligible"), ("naive-no-driver", "excluded"), ("post-io-only", "excluded"),
])
def test_treatments_listed_as_alternatives_need_only_one(who: str, expected: str) -> None:
    inclusion = ["Must have progressed on at least one of the following treatments:",
                 "  * An EGFR tyrosine kinase inhibitor",
                 "  * Platinum-based chemotherapy"]
    assert verdict(inclusion, who) == expected


@pytest.mark.parametrize("inclusion", [
    ["Must not have received any of the following:", "  * Prior EGFR tyrosine kinase inhibitor",
     "  * Prior platinum chemotherapy"],
    ["No prior treatment with any of the following:", "  * Treatment with an EGFR TKI",
     "  * Previous platinum-based chemotherapy"],
    ["Patients must not have had any of the following therapies:", "  * Received erlotinib, gefitinib or afatinib",
     "  * Received cisplatin or carboplatin"],
])
@pytest.mark.parametrize(("who", "expected"), [
    ("egfr-g719x-post-afatinib", "excluded"), ("post-carboplatin-g12d", "excluded"), ("naive-no-driver", "eligible"),
])
def test_a_negated_list_is_every_ban_never_a_requirement(inclusion: list[str], who: str, expected: str) -> None:
    assert verdict(inclusion, who) == expected


@pytest.mark.parametrize(("who", "expected"), [
    ("egfr-g719x-post-afatinib", "excluded"), ("post-carboplatin-g12d", "excluded"), ("naive-no-driver", "eligible"),
])
def test_exclusion_any_of_the_following_is_every_ban(who: str, expected: str) -> None:
    md_inclusion = ["Metastatic NSCLC"]
    exclusion = ["Treatment with any of the following:", "  * Prior treatment with an EGFR-TKI",
                 "  * Prior platinum-based chemotherapy for metastatic disease"]
    assert verdict(md_inclusion, who, exclusion) == expected


@pytest.mark.parametrize("inclusion", [
    ["None of the following prior treatments:", "  * EGFR TKI", "  * Platinum-based chemotherapy"],
    ["Must not have received any of the following:", "  * Afatinib, gefitinib or osimertinib", "  * Carboplatin"],
])
@pytest.mark.parametrize(("who", "expected"), [
    ("naive-no-driver", "eligible"), ("naive-g12v", "eligible"), ("post-io-only", "eligible"),
    ("egfr-g719x-post-afatinib", "excluded"), ("post-carboplatin-g12d", "excluded"),
    ("history-not-given", "unknown"),
])
def test_bare_names_under_a_banning_lead_in_are_bans(inclusion: list[str], who: str, expected: str) -> None:
    assert verdict(inclusion, who) == expected


# --- "or have it contraindicated": one reading for every kind of rule ----------------------------
# The patient who had the treatment meets the rule. Since s27 (sets R, Z and the shared NCT06451497 labelled it so),
# one who did not is excluded when the contraindication is the only way around it: the profile states what was given
# and states no contraindication; since s27 round 4 also for the treatment named again ("or contraindication to
# platinum", "or standard therapy is contraindicated").

CONTRAINDICATED = [
    ("Progressed on platinum-based chemotherapy or have it contraindicated", "post-carboplatin-g12d", "excluded"),
    ("Must have progressed on or be contraindicated to carboplatin or cisplatin", "post-cisplatin-etoposide",
     "excluded"),
    ("Disease progression after at least one line of platinum-based chemotherapy, or contraindication to platinum",
     "post-carboplatin-g12d", "excluded"),
    ("Prior anti-PD-1 therapy, unless there is a contraindication to immunotherapy", "post-io-only", "excluded"),
    ("Prior treatment with a PD-(L)1 inhibitor is required unless medically contraindicated", "post-io-only",
     "excluded"),
    ("Must have received at least one prior line of systemic therapy for metastatic disease or have a "
     "contraindication to it", "post-io-only", "excluded"),
    ("Progressed after standard therapy or standard therapy is contraindicated", "post-carboplatin-g12d", "excluded"),
]


@pytest.mark.parametrize(("sentence", "treated", "untreated"), CONTRAINDICATED)
def test_contraindicated_alternative_and_the_untreated(sentence: str, treated: str, untreated: str) -> None:
    assert verdict([sentence], treated) == "eligible"
    for who in ("naive-no-driver", "naive-g12v", "naive-egfr-s768i"):
        assert verdict([sentence], who) == untreated


@pytest.mark.parametrize("sentence", [
    "Patients with actionable mutations should have progressed on all approved targeted therapies or have them "
    "contraindicated.",
    "Patients with an EGFR mutation must have received approved EGFR targeted therapy, or such therapy is "
    "contraindicated.",
    "Patients with EGFR mutation must have progressed on osimertinib or have it contraindicated",
])
def test_contraindicated_driver_therapy_and_the_untreated_carrier(sentence: str) -> None:
    assert verdict([sentence], "naive-egfr-s768i") == "excluded"
    assert verdict([sentence], "naive-no-driver") == "eligible"  # no driver: the rule is not about them


@pytest.mark.parametrize("sentence", [
    "Progressed on platinum-based chemotherapy",
    "Patients with an EGFR mutation must have progressed on approved EGFR targeted therapy.",
])
def test_without_the_alternative_the_untreated_are_excluded(sentence: str) -> None:
    assert verdict([sentence], "naive-egfr-s768i") == "excluded"


@pytest.mark.parametrize(("section", "sentence"), [
    ("exclusion", "Known contraindication to pembrolizumab or carboplatin"),
    ("exclusion", "Hypersensitivity or contraindication to any component of docetaxel"),
    ("inclusion", "No contraindication to platinum-based chemotherapy"),
])
def test_contraindication_sentences_set_no_rule(section: str, sentence: str) -> None:
    inclusion, exclusion = ([sentence], None) if section == "inclusion" else (["Metastatic NSCLC"], [sentence])
    for who in ("naive-no-driver", "post-carboplatin-g12d", "post-io-only"):
        assert verdict(inclusion, who, exclusion) == "eligible"


# --- a part named for another cancer's treatment never binds an NSCLC patient ----------------------

OTHER_CANCER_PARTS = [
    ["Part A (Dose Escalation): Treatment with sunitinib for GIST with documented progression, or ii. intolerance "
     "to sunitinib", "Part B (Dose Expansion): metastatic NSCLC previously treated with platinum-based chemotherapy"],
    ["Part A (Dose Escalation):", "  * i. Progression on sunitinib for gastrointestinal stromal tumour",
     "  * ii. intolerance to sunitinib",
     "Part B (Dose Expansion):", "  * metastatic NSCLC previously treated with platinum-based chemotherapy"],
    ["Part 1 (Escalation): Treatment with regorafenib for metastatic colorectal cancer, or intolerance to regorafenib",
     "Part 2 (Expansion): metastatic NSCLC previously treated with platinum-based chemotherapy"],
    ["Cohort 1 (Dose escalation):", "  * Progression on enzalutamide for metastatic prostate cancer",
     "  * Prior docetaxel is required",
     "Cohort 2:", "  * NSCLC that progressed after platinum-based chemotherapy"],
]


@pytest.mark.parametrize("inclusion", OTHER_CANCER_PARTS)
@pytest.mark.parametrize(("who", "expected"), [
    ("post-carboplatin-g12d", "eligible"), ("post-cisplatin-etoposide", "eligible"),
    ("naive-no-driver", "excluded"), ("post-io-only", "excluded"), ("history-not-given", "unknown"),
])
def test_another_cancers_part_is_no_way_in_and_never_the_reason(inclusion: list[str], who: str,
                                                                 expected: str) -> None:
    md = "Inclusion Criteria:\n\n" + "".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n"
                                             for line in inclusion)
    text = TrialText(nct_id="NCT00000000", title="A study", criteria=tuple(split_criteria(md)))
    found = prior_therapy.check(prior_therapy.parse(text), profile_from_dict(PROFILES[who]))
    assert found.verdict == expected
    # Only the NSCLC part's sentence may decide: never the other cancer's treatment.
    assert not any(drug in found.evidence.lower() for drug in ("sunitinib", "regorafenib", "enzalutamide", "docetaxel"))


@pytest.mark.parametrize(("who", "expected"), [
    ("naive-no-driver", "eligible"), ("naive-egfr-s768i", "eligible"),
    ("post-carboplatin-g12d", "excluded"), ("post-io-only", "excluded"),
])
def test_the_nsclc_part_alone_decides_when_the_other_part_is_another_cancers(who: str, expected: str) -> None:
    inclusion = ["Part A (Dose Escalation): Treatment with sunitinib for GIST with documented progression",
                 "Part B (Dose Expansion): metastatic NSCLC with no prior systemic therapy"]
    assert verdict(inclusion, who) == expected


def test_parts_not_placed_in_another_cancer_keep_their_rules() -> None:
    # The part names NSCLC too: it is a way in, with its rule.
    both = ["Part A: progression on sunitinib for renal cell carcinoma or NSCLC",
            "Part B: NSCLC with no prior systemic therapy"]
    assert verdict(both, "naive-no-driver") == "eligible"
    assert verdict(both, "post-carboplatin-g12d") == "excluded"
    # A part whose disease is not named may take the patient: its rule counts like any other part's.
    unnamed = ["Part A (Dose Escalation): progression on sunitinib", "Part B (Dose Expansion): NSCLC after platinum"]
    assert verdict(unnamed, "naive-no-driver") == "excluded"
    assert verdict(unnamed, "post-carboplatin-g12d") == "eligible"
