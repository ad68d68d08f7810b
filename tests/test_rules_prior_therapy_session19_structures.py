"""Prior-therapy structures behind the failures of an opened blind set, with invented sentences only.

Each structure is a kind of sentence, not a wording: every slot (subject noun, verb, marker, drug, punctuation,
order) is varied, and near-misses of each kind keep their verdict.

- a condition on one marker group, whatever noun names the group and whatever verb joins it to the marker
  ("Tumours that harbour an ALK fusion must ...", "those whose cancer carries ...");
- a ban and a count of earlier lines on the two sides of an "or": two ways in ("X-naive or progressed on
  treatment"), and "newly diagnosed or ..." as the untreated patient's way in;
- a ban on CONCURRENT treatment stated after its object ("Concurrent X ... is not allowed"): no earlier X banned;
- a refusal as a bare verb before "or" ("Decline first-line chemotherapy, or ..."): a way in for the untreated;
- a requirement stated among the exclusions ("EGFR-mutant patients must have received a TKI"): never a ban;
- a group named by smoking history: a fact no profile gives, so a question;
- "the number of prior X is neither specified nor limited": no rule.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import invented_patient as _p
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

# Invented profiles over the facts of unseen profiles: uncommon EGFR, KRAS G12D/G12V, MET amplification, NRG1,
# HER2 amplification, large cell and NOS histology, lines not given.
PROFILES: dict[str, dict[str, Any]] = {
    "nodriver-naive": _p([], [], 0),
    "nodriver-chemo-io": _p([], ["carboplatin", "pemetrexed", "pembrolizumab"], 1, pdl1=50),
    "largecell-cemiplimab": _p([], ["cemiplimab"], 1, histology="large cell", pdl1=90),
    "nos-chemo-nulllines": _p([], ["cisplatin", "gemcitabine"], None, histology="nsclc-nos"),
    "untested-naive": _p([], [], 0, negative=[]),
    "kras-g12d-chemo-io": _p([("KRAS", "G12D")], ["carboplatin", "paclitaxel", "tislelizumab"], 1),
    "kras-g12v-naive": _p([("KRAS", "G12V")], [], 0, pdl1=1),
    "egfr-g719x-naive": _p([("EGFR", "G719X")], [], 0),
    "egfr-g719x-afatinib": _p([("EGFR", "G719X")], ["afatinib"], 1),
    "egfr-ex19-naive": _p([("EGFR", "exon 19 deletion")], [], 0),
    "egfr-ex19-osimertinib": _p([("EGFR", "exon 19 deletion")], ["osimertinib"], 1),
    "alk-naive": _p([("ALK", "fusion")], [], 0),
    "alk-lorlatinib": _p([("ALK", "fusion")], ["lorlatinib"], 1),
    "ros1-naive": _p([("ROS1", "fusion")], [], 0),
    "ros1-repotrectinib": _p([("ROS1", "fusion")], ["repotrectinib"], 1),
    "ret-naive": _p([("RET", "fusion")], [], 0),
    "ret-pralsetinib": _p([("RET", "fusion")], ["pralsetinib"], 1),
    "met-amp-naive": _p([("MET", "amplification")], [], 0),
    "met-ex14-tepotinib": _p([("MET", "exon 14 skipping")], ["tepotinib"], 1),
    "braf-naive": _p([("BRAF", "V600E")], [], 0),
    "braf-dab-tram": _p([("BRAF", "V600E")], ["dabrafenib", "trametinib"], 1),
    "her2-amp-tdxd": _p([("ERBB2", "amplification")], ["carboplatin", "pemetrexed", "trastuzumab deruxtecan"], 2),
    "nrg1-chemo": _p([("NRG1", "fusion")], ["carboplatin", "pemetrexed"], 1, negative=[]),
}


def profile(name: str) -> Profile:
    return profile_from_dict({"id": name, **PROFILES[name]})


def trial(inclusion: list[str], exclusion: list[str] | None = None) -> TrialText:
    md = "Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion)
    if exclusion:
        md += "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion)
    return TrialText(nct_id="NCT00000000", title="A study", criteria=tuple(split_criteria(md)))


def verdict(text: TrialText, who: str) -> str:
    return prior_therapy.check(prior_therapy.parse(text), profile(who)).verdict


# --- a condition on one marker group -----------------------------------------------------------------------------
# (sentence, a carrier without the drug: excluded; a carrier with it: eligible). A patient outside the group is
# never bound.
GROUP_CONDITIONS = [
    ("Tumours that harbour an ALK rearrangement must have received prior alectinib or lorlatinib.",
     "alk-naive", "alk-lorlatinib"),
    ("Those whose cancer carries a ROS1 fusion must have progressed on crizotinib, entrectinib or repotrectinib.",
     "ros1-naive", "ros1-repotrectinib"),
    ("Cancers which carry a RET fusion must have been treated with selpercatinib or pralsetinib",
     "ret-naive", "ret-pralsetinib"),
    ("Participants whose tumor has a BRAF V600E mutation must have received dabrafenib plus trametinib.",
     "braf-naive", "braf-dab-tram"),
    ("Individuals carrying an EGFR exon 19 deletion must have progressed on osimertinib",
     "egfr-ex19-naive", "egfr-ex19-osimertinib"),
    ("Any patient positive for an EGFR mutation must have received at least one prior EGFR TKI.",
     "egfr-g719x-naive", "egfr-g719x-afatinib"),
    ("Tumors which are positive for MET exon 14 skipping must have received capmatinib or tepotinib.",
     "met-amp-naive", "met-ex14-tepotinib"),
    ("Anyone whose disease bears a RET rearrangement must have had a RET inhibitor.",
     "ret-naive", "ret-pralsetinib"),
    ("Patients harbouring EGFR sensitising mutations, who must have progressed on a third-generation EGFR TKI.",
     "egfr-ex19-naive", "egfr-ex19-osimertinib"),
]


@pytest.mark.parametrize(("sentence", "carrier_without", "carrier_with"), GROUP_CONDITIONS)
def test_condition_binds_only_the_marker_group(sentence: str, carrier_without: str, carrier_with: str) -> None:
    text = trial([sentence])
    # The patients outside the group are not bound: never excluded by the rule of another group.
    for other in ("nodriver-naive", "kras-g12v-naive", "nodriver-chemo-io", "nrg1-chemo"):
        assert verdict(text, other) != "excluded", (sentence, other)
    assert verdict(text, carrier_with) == "eligible", sentence
    if carrier_without != "met-amp-naive":
        assert verdict(text, carrier_without) == "excluded", sentence
    else:  # MET amplification is another finding of the gene than the exon 14 group: not bound
        assert verdict(text, carrier_without) == "eligible", sentence


def test_condition_as_a_heading_with_its_rule() -> None:
    # "<tumour> that harbours X: <rule>": a heading; its carriers are asked (a question when the reader
    # reads a sub-group of the trial), the others never bound.
    text = trial(["NSCLC that harbors an ALK fusion: prior treatment with at least one ALK inhibitor is required"])
    assert verdict(text, "alk-lorlatinib") == "eligible"
    assert verdict(text, "alk-naive") != "eligible"
    assert verdict(text, "nodriver-naive") == "eligible"


@pytest.mark.parametrize("sentence", [
    "Tumours that have progressed after platinum-based chemotherapy are required",
    "Patients who have progressed on platinum-based chemotherapy are eligible; prior platinum is required",
    "Participants must have received prior platinum-based chemotherapy",
    "Subjects whose disease has progressed on platinum-based chemotherapy",
])
def test_near_miss_without_a_marker_binds_everyone(sentence: str) -> None:
    # No marker names a group: the rule is everyone's, and an untreated patient is still excluded.
    assert verdict(trial([sentence]), "nodriver-naive") == "excluded", sentence
    assert verdict(trial([sentence]), "nodriver-chemo-io") == "eligible", sentence


def test_drug_label_does_not_name_a_group() -> None:
    # "approved for NSCLC with EGFR mutations" says what the drug is for, not whom the rule binds.
    text = trial(["Must have received an EGFR TKI approved for NSCLC with EGFR mutations"])
    assert verdict(text, "egfr-ex19-naive") == "excluded"
    assert verdict(text, "egfr-ex19-osimertinib") == "eligible"


# --- a ban and a count of earlier lines as two ways in ------------------------------------------------------------
BAN_OR_COUNT = [
    "Anti-PD-1/PD-L1 naive or must have progressed on treatment",
    "Must be immunotherapy-naive, or have progressed on at least one prior line of therapy",
    "Have progressed on at least one prior systemic regimen, or be naive to checkpoint inhibitors",
    "Checkpoint inhibitor naive, or refractory to prior therapy",
    "PD-1 inhibitor-naïve or relapsed after one or more prior regimens",
    "Either anti-PD-L1 naive or failed at least 1 prior line of systemic therapy",
    "Immune checkpoint inhibitor naive or previously treated",
    "Advanced NSCLC, newly diagnosed or with progression following treatment.",
    "Newly diagnosed or previously treated metastatic NSCLC",
    "De novo stage IV disease or recurrent disease that progressed after prior therapy",
]


@pytest.mark.parametrize("sentence", BAN_OR_COUNT)
def test_ban_or_count_is_two_ways_in(sentence: str) -> None:
    text = trial([sentence])
    for who in ("nodriver-naive", "untested-naive", "nodriver-chemo-io", "largecell-cemiplimab", "kras-g12d-chemo-io"):
        assert verdict(text, who) != "excluded", (sentence, who)


@pytest.mark.parametrize(("sentence", "who"), [
    # Both at once ("and"), or in two sentences: each one binds.
    ("No prior anti-PD-1 therapy. At least one prior line of therapy is required.", "nodriver-chemo-io"),
    ("No prior anti-PD-1 therapy. At least one prior line of therapy is required.", "nodriver-naive"),
    ("Immunotherapy-naive and progressed on at least one prior line of chemotherapy", "nodriver-chemo-io"),
    ("No prior EGFR TKI and at least one prior line of chemotherapy", "nodriver-naive"),
    ("Must have progressed on at least one prior line of therapy", "untested-naive"),
])
def test_ban_and_count_both_bind(sentence: str, who: str) -> None:
    assert verdict(trial([sentence]), who) == "excluded"


# --- a ban on concurrent treatment, stated after its object -------------------------------------------------------
CONCURRENT = [
    "Concurrent chemotherapy (given from 2 days before to 2 days after radiotherapy) is NOT allowed.",
    "Concomitant use of other anticancer agents is prohibited during the study",
    "Simultaneous immunotherapy will not be permitted.",
    "Concurrent pembrolizumab is not permitted",
    "Concomitant platinum-based chemotherapy is not allowed during radiation",
    "The concurrent use of tislelizumab is prohibited.",
    "Concurrent systemic therapy will not be allowed while on study",
    "Concomitant paclitaxel is forbidden",
]


@pytest.mark.parametrize("sentence", CONCURRENT)
def test_concurrent_ban_is_no_ban_on_earlier_treatment(sentence: str) -> None:
    text = trial([sentence])
    for who in ("nodriver-chemo-io", "kras-g12d-chemo-io", "her2-amp-tdxd", "nos-chemo-nulllines"):
        assert verdict(text, who) == "eligible", (sentence, who)


@pytest.mark.parametrize("sentence", [
    "Concurrent or prior chemotherapy is not allowed",
    "Prior chemotherapy is not allowed. Concurrent radiotherapy is not allowed.",
    "No prior chemotherapy; concomitant radiotherapy is prohibited",
])
def test_near_miss_prior_ban_beside_concurrent_stands(sentence: str) -> None:
    assert verdict(trial([sentence]), "nodriver-chemo-io") == "excluded", sentence


# --- a refusal as a bare verb before "or" -------------------------------------------------------------------------
REFUSALS = [
    "Decline first-line chemotherapy and/or anti-PD-(L)1 therapy, or have progressed after adjuvant chemotherapy",
    "Refuse standard platinum doublet chemotherapy, or progressed after neoadjuvant chemotherapy",
    "Declines chemotherapy or previously progressed after consolidation durvalumab for stage III disease",
    "Refuses platinum-based chemotherapy, or have experienced relapse after adjuvant cisplatin",
]


@pytest.mark.parametrize("sentence", REFUSALS)
def test_refusal_leaves_a_way_in(sentence: str) -> None:
    text = trial([sentence])
    for who in ("nodriver-naive", "untested-naive", "kras-g12v-naive", "egfr-g719x-naive"):
        assert verdict(text, who) != "excluded", (sentence, who)


def test_near_miss_plain_requirement_still_binds() -> None:
    text = trial(["Must have progressed after platinum-based chemotherapy or anti-PD-1 therapy"])
    assert verdict(text, "nodriver-naive") == "excluded"


# --- a requirement stated among the exclusions ---------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "treated", "untreated"), [
    ("EGFR mutation-positive patients must have received prior TKI treatment", "egfr-ex19-osimertinib",
     "egfr-ex19-naive"),
    ("Patients with an ALK fusion should have been treated with an ALK inhibitor", "alk-lorlatinib", "alk-naive"),
    ("BRAF V600E-mutant participants must have received a BRAF inhibitor", "braf-dab-tram", "braf-naive"),
])
def test_requirement_among_exclusions_is_no_ban(sentence: str, treated: str, untreated: str) -> None:
    text = trial(["Stage IV NSCLC"], [sentence])
    assert verdict(text, treated) == "eligible", sentence
    assert verdict(text, untreated) == "excluded", sentence
    assert verdict(text, "nodriver-chemo-io") != "excluded", sentence


@pytest.mark.parametrize("sentence", [
    "Prior treatment with an EGFR TKI",
    "Patients previously treated with an EGFR TKI",
    "Patients with EGFR mutation who have received an EGFR TKI",
])
def test_near_miss_exclusion_ban_stands(sentence: str) -> None:
    assert verdict(trial(["Stage IV NSCLC"], [sentence]), "egfr-ex19-osimertinib") == "excluded"


# --- a group named by smoking history ----------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Patients who are never smokers must be treatment naive",
    "Never-smoking participants must not have received prior chemotherapy",
    "Former smokers must be chemotherapy-naive",
    "Subjects with a current smoking status must be untreated; others may have had one prior line",
])
def test_smoking_group_is_a_question(sentence: str) -> None:
    assert verdict(trial([sentence]), "nodriver-chemo-io") != "excluded", sentence


def test_near_miss_everyone_naive() -> None:
    assert verdict(trial(["Patients must be treatment naive"]), "nodriver-chemo-io") == "excluded"


# --- no limit stated -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The number of prior oral TKIs and duration of use is neither specified nor limited.",
    "The number of prior chemotherapy regimens is neither restricted nor specified",
    "There is no maximum number of prior lines of therapy",
    "No upper limit on prior systemic regimens",
])
def test_no_limit_is_no_rule(sentence: str) -> None:
    text = trial([sentence])
    for who in ("nodriver-naive", "her2-amp-tdxd", "egfr-ex19-naive"):
        assert verdict(text, who) == "eligible", (sentence, who)


def test_near_miss_limit_stated() -> None:
    assert verdict(trial(["No more than one prior line of systemic therapy"]), "her2-amp-tdxd") == "excluded"
