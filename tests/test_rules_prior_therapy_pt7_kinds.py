"""Prior-therapy kinds of multi-part and multi-cohort trials (each with invented sentences and near misses):

- P1 "one of the following cohorts" over "Cohort 1: ... Cohort 2: ...": a cohort is no way in by another cohort's
  option (the exclusions common to all had made such pairs look open to anyone);
- P2 a part named for NSCLC ("Part 2, Cohort A (NSCLC monotherapy):") is one of the trial's alternatives like an
  unnamed part: a patient no part takes is excluded, not left with a question;
- P3 an option of "one of the following" named for a group of patients ("NSCLC with actionable alterations (EGFR,
  ALK, ...): ...") is no way in for a patient clearly outside that group;
- P4 "without actionable alterations" beside "with actionable alterations (EGFR, ALK, ...)" or "not harbouring any of
  the alterations listed in (b)": the one list splits the patients, so a carrier of a driver outside it is one of
  those without;
- P5 "..., and may have received 1 prior anti-PD-1": a permission clause lets its own treatment in, and neither
  cancels nor softens the requirement before it;
- P6 (shared reader) "Part 2 (Expansion) - NSCLC cohort:" on a line of its own heads the list below it;
- P7 "Pretreated cohorts (1a, 1b, 2, 4): ...; Treatment-naive cohorts (5a, 5b, 7): ...": a heading naming its cohorts
  in brackets gives its rule to each of them;
- P8 "B1 - NSCLC / KRAS G12C / ..." under "Part B expansion cohorts (tumour type / alteration / prior therapy):": a
  line opened by a code and a dash is that cohort's, as "EXP-1: ..." under a cohorts lead-in was;
- P9 "For participants with actionable genomic alterations: * Has documentation of one or more of the following
  actionable genomic alterations: EGFR, ALK, ...": the documented list tells both that group and the group without
  (so an NRG1 carrier is one of those without), and "whose tumours carry none of the alterations listed in (b)" is
  the group without;
- P10 "... prior standard therapy. For NSCLC this means platinum-based chemotherapy and/or an anti-PD-(L)1 agent":
  the standard therapy spelt out for NSCLC is asked of the patient (a question when not had, never an exclusion).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import FULL_PANEL, invented_patient, prior_verdict
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.reader.scope import heading_scope
from trialmatch.matching.profile import profile_from_dict

NO = FULL_PANEL
CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": invented_patient([], [], 0, negative=NO),
    "egfr-naive": invented_patient([("EGFR", "L858R")], [], 0, negative=NO),
    "alk-naive": invented_patient([("ALK", "fusion")], [], 0, negative=NO),
    "chemo-io": invented_patient([], CHEMO_IO, 1, negative=NO),
    "chemo-io-docetaxel": invented_patient([], [*CHEMO_IO, "docetaxel"], 2, negative=NO),
    "chemo-only": invented_patient([], ["carboplatin", "pemetrexed"], 1, negative=NO),
    "egfr-osimertinib": invented_patient([("EGFR", "exon 19 deletion")], ["osimertinib"], 1, negative=NO),
    "egfr-osi-chemo": invented_patient([("EGFR", "L858R")], ["osimertinib", "carboplatin", "pemetrexed"], 2,
                                       negative=NO),
    "alk-alectinib": invented_patient([("ALK", "fusion")], ["alectinib"], 1, negative=NO),
    "alk-crizotinib": invented_patient([("ALK", "fusion")], ["crizotinib"], 1, negative=NO),
    "ros1-crizotinib": invented_patient([("ROS1", "fusion")], ["crizotinib"], 1, negative=NO),
    "ret-selpercatinib": invented_patient([("RET", "fusion")], ["selpercatinib"], 1, negative=NO),
    "met-capmatinib": invented_patient([("MET", "exon 14 skipping")], ["capmatinib"], 1, negative=NO),
    "g12c-sotorasib": invented_patient([("KRAS", "G12C")], [*CHEMO_IO, "sotorasib"], 2, negative=NO),
    "nrg1-chemo": invented_patient([("NRG1", "fusion")], ["carboplatin", "pemetrexed"], 1, negative=NO),
    "nrg1-chemo-io": invented_patient([("NRG1", "fusion")], CHEMO_IO, 1, negative=NO),
    "g12d-chemo": invented_patient([("KRAS", "G12D")], ["cisplatin", "pemetrexed"], 1, negative=NO),
    "egfr-chemo-only": invented_patient([("EGFR", "exon 19 deletion")], ["cisplatin", "pemetrexed"], 1, negative=NO),
    "adjuvant-only": invented_patient([], ["cisplatin", "vinorelbine"], 0, negative=NO),
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> str:
    return prior_verdict(PATIENTS[who], inclusion or [], exclusion or [])


def raw_verdict(who: str, inclusion: str, exclusion: str = "* Pregnancy\n") -> str:
    """The verdict on criteria written as given (headings on their own line, nested bullets)."""
    text = invented_trial(inclusion, exclusion)
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict(PATIENTS[who])).verdict


# --- P1: a cohort is no way in by another cohort's option ---------------------------------------------------------

# (criteria, exclusion, who fits no cohort, who fits one)
COHORT_OPTIONS = [
    (["Enrolment into one of the following cohorts:\n  * Cohort 1: ALK inhibitor-naive; no more than 1 prior "
      "regimen for advanced disease.\n  * Cohort 2: disease progression after crizotinib as the only prior ALK "
      "inhibitor.\n  * Cohort 3: disease progression after alectinib, ceritinib or brigatinib."],
     ["Prior treatment with lorlatinib."], "chemo-io-docetaxel", "alk-alectinib"),
    (["Assignment to one of the following cohorts:\n  * Cohort A: EGFR TKI-naive, at most one prior line of "
      "therapy.\n  * Cohort B: progression on osimertinib.\n  * Cohort C: progression on gefitinib or erlotinib."],
     ["Prior treatment with amivantamab."], "chemo-io-docetaxel", "egfr-osimertinib"),
    (["Patients must fit one of the following groups:\n  * Group 1: RET inhibitor-naive, up to 1 prior line.\n"
      "  * Group 2: progressed on selpercatinib or pralsetinib."],
     ["Prior treatment with another investigational RET inhibitor."], "chemo-io-docetaxel", "ret-selpercatinib"),
    (["Enrolled into one of the following arms:\n  * Arm 1: MET inhibitor-naive, no more than one prior systemic "
      "regimen.\n  * Arm 2: disease progression after capmatinib or tepotinib."],
     ["Prior treatment with a MET antibody-drug conjugate."], "chemo-io-docetaxel", "met-capmatinib"),
    (["Enrolment in any of the following cohorts:\n  * Cohort 1: treatment-naive for advanced disease.\n"
      "  * Cohort 2: progression after sotorasib or adagrasib."],
     ["Prior treatment with divarasib."], "chemo-io", "g12c-sotorasib"),
    (["One of the following cohorts:\n  * Cohort 1: no prior ROS1 inhibitor and at most one prior regimen.\n"
      "  * Cohort 2: progression after crizotinib."],
     ["Prior treatment with repotrectinib."], "chemo-io-docetaxel", "ros1-crizotinib"),
]


@pytest.mark.parametrize(("inclusion", "exclusion", "outside", "inside"), COHORT_OPTIONS)
def test_a_cohort_is_no_way_in_by_another_cohorts_option(inclusion: list[str], exclusion: list[str], outside: str,
                                                          inside: str) -> None:
    assert verdict(outside, inclusion, exclusion) == "excluded"
    assert verdict(inside, inclusion, exclusion) == "eligible"


def test_near_miss_an_option_with_no_rule_stays_a_way_in() -> None:
    # The second option of cohort 1 names no treatment: it is still a way in for anyone.
    inclusion = ["Cohort 1, one of the following:\n  * progressed after osimertinib\n  * ECOG performance status 0"]
    assert verdict("chemo-io", inclusion) != "excluded"


# --- P2: a part named for NSCLC is one of the alternatives --------------------------------------------------------

NSCLC_PARTS = [
    "Part 1 (dose escalation):\n* Must have received prior platinum-based chemotherapy\n\n"
    "Part 2, Cohort A (NSCLC monotherapy):\n* Progressed on platinum-based chemotherapy and an anti-PD-1 antibody\n\n"
    "Part 2, Cohort B (NSCLC, combination):\n* No prior systemic therapy for metastatic disease\n",
    "Cohort A (NSCLC, second line):\n* Progression after platinum-based chemotherapy\n\n"
    "Cohort B (NSCLC, first line):\n* Treatment-naive for advanced disease\n",
    "Part 2 (Expansion) - NSCLC cohort:\n* Prior platinum doublet chemotherapy required\n\n"
    "Part 3 (NSCLC, untreated):\n* No prior systemic therapy in the advanced setting\n",
    "Arm A (NSCLC monotherapy):\n* Received prior platinum-based chemotherapy\n\n"
    "Arm B (NSCLC combination):\n* Must not have received prior systemic therapy for advanced disease\n",
    "Group 1 (non-small cell lung cancer after chemotherapy):\n* Prior platinum-containing chemotherapy\n\n"
    "Group 2 (non-small cell lung cancer, chemotherapy-naive):\n* No prior systemic treatment for metastatic "
    "disease\n",
    "Cohort 1 (NSCLC):\n* Disease progression after platinum-based chemotherapy\n\n"
    "Cohort 2 (NSCLC, first-line):\n* No prior systemic anticancer therapy for stage IV disease\n",
]


@pytest.mark.parametrize("inclusion", NSCLC_PARTS)
def test_parts_named_for_nsclc_are_alternatives(inclusion: str) -> None:
    # No platinum, not untreated: a question, not an exclusion. A part named for NSCLC may sit beside parts this
    # reader did not name as groups ("Phase 1a dose escalation and Phase 1b monotherapy cohorts: ..."), so failing
    # every named one does not prove that no part takes the patient (a sealed set showed it: session 22).
    assert raw_verdict("egfr-osimertinib", inclusion) == "unknown"
    assert raw_verdict("chemo-only", inclusion) == "eligible"
    assert raw_verdict("naive", inclusion) == "eligible"


def test_near_miss_a_part_named_for_another_cancer_never_excludes() -> None:
    inclusion = ("Part A (breast cancer):\n* Must have received prior trastuzumab\n\n"
                 "Part B (NSCLC):\n* Progression after platinum-based chemotherapy\n")
    assert raw_verdict("naive", inclusion) == "excluded"  # Part B asks for platinum; Part A is not for NSCLC
    assert raw_verdict("chemo-only", inclusion) == "eligible"


def test_near_miss_a_part_with_an_unruled_nsclc_cohort_stays_open() -> None:
    inclusion = ("Cohort A (NSCLC, second line):\n* Progression after platinum-based chemotherapy\n\n"
                 "Cohort B (NSCLC):\n* ECOG 0-1\n")
    assert raw_verdict("egfr-osimertinib", inclusion) != "excluded"


# --- P3: an option named for a group of patients the patient is outside of -----------------------------------------

GROUP_OPTIONS = [
    "1. Stage IV NSCLC\n2. Part A (Dose Escalation): advanced solid tumour relapsed or refractory to standard "
    "therapy.\n3. Part B (Dose Expansion), one of the following:\n   a. NSCLC without actionable genomic alteration: "
    "received platinum-based chemotherapy and anti-PD-(L)1 therapy\n   b. NSCLC with actionable genomic alteration "
    "(EGFR, ALK, ROS1, RET, MET, BRAF): progressed after at least one approved targeted therapy for the alteration\n",
    "* Part 1: progression on at least one prior line of standard therapy\n* Part 2 (Expansion), any of the "
    "following:\n   * NSCLC without a targetable driver: progression after platinum-based chemotherapy and a PD-1 "
    "inhibitor\n   * NSCLC with a targetable driver (EGFR, ALK, ROS1): progression after an approved tyrosine kinase "
    "inhibitor\n",
    "* Escalation cohort: at least one prior systemic therapy for advanced disease\n* Expansion cohort, one of the "
    "following:\n   * Participants without actionable alterations: prior platinum doublet and anti-PD-1/PD-L1 "
    "antibody\n   * Participants with actionable alterations (EGFR, ALK, RET, MET): prior approved targeted "
    "therapy\n",
    "* Arm A: relapsed after at least one standard systemic therapy\n* Arm B, one of the following:\n   * Patients "
    "without actionable genomic alterations: prior platinum-based chemotherapy and an anti-PD-L1 or anti-PD-1 "
    "antibody\n   * Patients with actionable genomic alterations (EGFR, ALK, ROS1, BRAF, MET, RET): prior "
    "targeted therapy approved for the alteration\n",
    "* Group 1: progression after at least one prior systemic regimen\n* Group 2, either of the following:\n"
    "   * NSCLC without an actionable driver: progression after platinum chemotherapy and a checkpoint inhibitor\n"
    "   * NSCLC with an actionable driver (EGFR, ALK, ROS1, RET): progression after a tyrosine kinase inhibitor\n",
    "* Cohort 1: at least one prior line of systemic therapy\n* Cohort 2, any one of the following:\n   * Subjects "
    "without AGA: progressed on platinum-based chemotherapy and anti-PD-1/PD-L1 therapy\n   * Subjects with AGA "
    "(EGFR, ALK, ROS1, BRAF, MET): progressed on an approved targeted agent\n",
]


@pytest.mark.parametrize("inclusion", GROUP_OPTIONS)
@pytest.mark.parametrize("who", ["egfr-naive", "naive", "alk-naive"])
def test_an_option_for_another_group_is_no_way_in(inclusion: str, who: str) -> None:
    assert raw_verdict(who, inclusion) == "excluded"


@pytest.mark.parametrize("inclusion", GROUP_OPTIONS)
def test_near_miss_the_own_group_option_still_takes_the_patient(inclusion: str) -> None:
    assert raw_verdict("egfr-osimertinib", inclusion) == "eligible"
    assert raw_verdict("chemo-io", inclusion) == "eligible"
    assert raw_verdict("chemo-only", inclusion) == "eligible"  # the first part takes any earlier line


# --- P4: the "without" group told by the sibling's one list --------------------------------------------------------

COMPLEMENT = [
    ["Prior treatment for advanced disease as follows:\n  * Subjects without actionable genomic alterations (AGA): "
     "progression on or after platinum-based chemotherapy and an anti-PD-1/PD-L1 antibody\n  * Subjects with AGA "
     "(EGFR, ALK, ROS1, BRAF, RET): must have received approved targeted therapy for that alteration"],
    ["Prior therapy requirements:\n  a. Patients whose tumours do not harbour any of the alterations listed in (b): "
     "must have received platinum-based chemotherapy and an anti-PD-1/PD-L1 antibody.\n  b. Patients with a known "
     "EGFR, ALK, ROS1, BRAF or RET alteration: must have received an approved targeted therapy for that alteration"],
    ["Previous treatment:\n  * Participants without actionable alterations: prior platinum doublet and prior "
     "immune checkpoint inhibitor\n  * Participants with actionable alterations (EGFR, ALK, ROS1, RET, BRAF): prior "
     "approved targeted therapy"],
    ["Treatment history:\n  * Subjects without AGA: prior platinum doublet and anti-PD-(L)1 therapy\n  * Subjects "
     "with AGA (EGFR, ALK, ROS1, MET ex14): prior approved TKI for that alteration"],
    ["Prior therapy:\n  (a) Patients whose tumours carry none of the alterations listed in (b): platinum-based "
     "chemotherapy and a PD-1 inhibitor\n  (b) Patients with a known EGFR, ALK, RET, BRAF or MET alteration: an "
     "approved targeted therapy"],
    ["Earlier treatment by group:\n  * Participants without actionable genomic alterations: progressed after "
     "platinum chemotherapy and an anti-PD-1/PD-L1 antibody\n  * Participants with actionable genomic alterations "
     "(EGFR, ALK, ROS1, RET, BRAF, NTRK): progressed after an approved targeted therapy"],
]


@pytest.mark.parametrize("inclusion", COMPLEMENT)
@pytest.mark.parametrize("who", ["nrg1-chemo", "g12d-chemo"])
def test_a_driver_outside_the_list_is_one_of_those_without(inclusion: list[str], who: str) -> None:
    assert verdict(who, inclusion) == "excluded"  # in the group without: no checkpoint inhibitor


@pytest.mark.parametrize("inclusion", COMPLEMENT)
def test_near_miss_the_listed_driver_and_the_fully_treated(inclusion: list[str]) -> None:
    assert verdict("nrg1-chemo-io", inclusion) == "eligible"
    assert verdict("egfr-osimertinib", inclusion) == "eligible"
    assert verdict("egfr-chemo-only", inclusion) != "eligible"  # no targeted therapy


def test_near_miss_an_untested_patient_stays_a_question() -> None:
    untested = {**PATIENTS["chemo-only"], "tested_negative": []}
    inclusion = COMPLEMENT[0]
    assert prior_verdict(untested, inclusion, []) == "unknown"


# --- P5: a "may have received" permission clause ------------------------------------------------------------------

PERMISSION = [
    "Has been treated with platinum-based chemotherapy in the metastatic setting (1 line), and may have received 1 "
    "prior anti-PD-1/anti-PD-L1 monoclonal antibody",
    "Must have received platinum-based chemotherapy, and may have received prior immunotherapy",
    "Has received a platinum doublet for advanced disease and may also have received an anti-PD-L1 antibody",
    "Received prior cisplatin- or carboplatin-based chemotherapy, and can have received one prior checkpoint "
    "inhibitor",
    "Has progressed after platinum-based chemotherapy, either in combination with targeted therapy or sequentially, "
    "and may have received 1 prior anti-PD-1 antibody, either in combination or as monotherapy",
    "Has been treated with platinum-containing chemotherapy and could have received bevacizumab",
]


@pytest.mark.parametrize("sentence", PERMISSION)
def test_a_permission_clause_leaves_the_requirement_before_it(sentence: str) -> None:
    assert verdict("egfr-osimertinib", [sentence]) == "excluded"
    assert verdict("chemo-only", [sentence]) == "eligible"
    assert verdict("chemo-io", [sentence]) == "eligible"


def test_near_miss_a_naive_rule_keeps_its_permission() -> None:
    sentence = "No prior systemic therapy for advanced disease, and may have received adjuvant chemotherapy"
    assert verdict("adjuvant-only", [sentence]) == "eligible"
    assert verdict("chemo-io", [sentence]) == "excluded"


def test_near_miss_a_may_have_sentence_alone_asks_nothing() -> None:
    assert verdict("naive", ["Patients may have received prior platinum-based chemotherapy"]) == "eligible"


# --- P6: a group named on past a dash, on a line of its own (shared reader) ----------------------------------------

DASH_HEADINGS = [
    "Part 2 (Expansion) - NSCLC cohort:\n* Prior platinum doublet chemotherapy required\n\n"
    "Part 3 (NSCLC, untreated):\n* No prior systemic therapy in the advanced setting\n",
    "Cohort B \u2013 second-line NSCLC:\n* Progression after platinum-based chemotherapy\n\n"
    "Cohort C \u2013 first-line NSCLC:\n* Treatment-naive for metastatic disease\n",
    "Arm 1 - monotherapy:\n* Must have received platinum-containing chemotherapy\n\n"
    "Arm 2 - combination:\n* No prior systemic treatment for advanced NSCLC\n",
    "Group 1 - pretreated NSCLC:\n* Disease progression on a platinum doublet\n\n"
    "Group 2 - untreated NSCLC:\n* No prior systemic anticancer therapy for stage IV disease\n",
    "Part B (Dose Expansion) \u2014 squamous and non-squamous NSCLC:\n* Prior platinum-based chemotherapy\n\n"
    "Part C (Dose Expansion) \u2014 first line:\n* No prior systemic therapy for metastatic disease\n",
    "Cohort 1 (Safety run-in) - NSCLC:\n* Received platinum-based chemotherapy for advanced disease\n\n"
    "Cohort 2 (Expansion) - NSCLC:\n* Must not have received systemic therapy for advanced disease\n",
]


@pytest.mark.parametrize("inclusion", DASH_HEADINGS)
def test_a_group_named_past_a_dash_heads_its_list(inclusion: str) -> None:
    assert raw_verdict("naive", inclusion) == "eligible"
    assert raw_verdict("chemo-only", inclusion) == "eligible"
    assert raw_verdict("egfr-osimertinib", inclusion) != "eligible"  # fits neither group (a question: see P2)


@pytest.mark.parametrize("line", [
    "Part 2 - patients must have received one of the following:",
    "Cohort A - prior docetaxel is not allowed:",
    "Arm B - treated after progression on osimertinib:",
])
def test_near_miss_a_dash_line_that_says_a_rule_heads_nothing(line: str) -> None:
    assert heading_scope(line) is None


@pytest.mark.parametrize("line", ["Part 2 (Expansion) - NSCLC cohort:", "Group 1 - pretreated NSCLC:",
                                  "Arm 2 \u2014 combination:"])
def test_a_dash_line_that_only_names_heads_its_list(line: str) -> None:
    assert heading_scope(line) is not None


# --- P7: a heading naming several cohorts in brackets ("Pretreated cohorts (1a, 1b, 2):") --------------------------

LISTED_COHORTS = [
    ["MET alteration by central testing, as required for each cohort:\n  * Cohort 1a: MET amplification, pretreated\n"
     "  * Cohort 5a: MET amplification, treatment-naive",
     "Pretreated cohorts (1a, 1b, 2, 4): patients must have failed one or two prior lines of systemic therapy for "
     "advanced disease. Treatment-naive cohorts (5a, 5b, 7): patients must not have received any systemic therapy for "
     "advanced disease"],
    ["Previously treated arms (A and B): progression after at least one prior line of therapy for metastatic disease. "
     "Untreated arms (C and D): no prior systemic therapy for metastatic disease"],
    ["Second-line groups (2, 3): must have progressed on platinum-based chemotherapy",
     "First-line groups (1, 4): no prior systemic anticancer therapy for advanced NSCLC"],
    ["Expansion cohorts (B1, B2): at least one prior line of systemic therapy in the advanced setting; "
     "Naive cohorts (C1, C2): treatment-naive for advanced disease"],
    ["Pre-treated cohorts (II and III): 1-2 prior regimens for stage IV disease",
     "Chemo-naive cohorts (I and IV): no prior chemotherapy or immunotherapy for stage IV disease"],
    ["TKI-pretreated cohorts (3, 4): progression after an EGFR tyrosine kinase inhibitor. TKI-naive cohorts (1, 2): "
     "no prior EGFR tyrosine kinase inhibitor and no prior systemic therapy for advanced disease"],
]


@pytest.mark.parametrize("inclusion", LISTED_COHORTS)
def test_cohorts_listed_in_brackets_are_each_a_way_in(inclusion: list[str]) -> None:
    assert verdict("egfr-naive" if "EGFR" in inclusion[-1] else "naive", inclusion) == "eligible"


def test_near_miss_a_single_cohort_heading_reads_as_before() -> None:
    inclusion = ["Cohort 2: must have failed one prior line of systemic therapy for advanced disease"]
    assert verdict("naive", inclusion) == "eligible"  # cohort 2 is one of the trial's cohorts; others may take them
    inclusion = ["All cohorts: must have failed one prior line of systemic therapy for advanced disease"]
    assert verdict("naive", inclusion) == "excluded"


# --- P8: cohort lines opened by a code and a dash under a heading that lists the cohorts -----------------------------

CODED = [
    "* Part A: at least one prior line of standard therapy\n\nPart B expansion cohorts (tumour type / alteration / "
    "prior therapy):\n* B1 - NSCLC / KRAS G12C / prior platinum-based chemotherapy and an anti-PD-(L)1 antibody\n"
    "* B2 - NSCLC / KRAS G12D / at least one prior systemic regimen for advanced disease\n",
    "* Dose escalation: at least one prior systemic therapy\n\nExpansion cohorts (disease / prior treatment):\n"
    "* E1 \u2013 NSCLC / progression after platinum-based chemotherapy\n"
    "* E2 \u2013 NSCLC / progression after an anti-PD-1 antibody\n",
    "* Arm 0: at least one prior line for advanced disease\n\nTreatment arms (histology, prior therapy):\n"
    "* A1 - squamous NSCLC, after a platinum doublet\n* A2 - non-squamous NSCLC, after a platinum doublet\n",
    "* Part 1: relapsed after at least one prior systemic therapy\n\nPart 2 expansion cohorts (population):\n"
    "* X1 - NSCLC previously treated with platinum-based chemotherapy\n"
    "* X2 - NSCLC previously treated with docetaxel\n",
    "* Part 1: at least one prior line of therapy\n\nPart 2 expansion cohorts (histology / earlier treatment):\n"
    "* C1 \u2014 squamous NSCLC / after platinum-based chemotherapy\n"
    "* C2 \u2014 non-squamous NSCLC / after platinum-based chemotherapy and pemetrexed\n",
    "* Escalation: at least one prior systemic treatment\n\nExpansion cohorts (population):\n"
    "* EXP1 - NSCLC after platinum doublet chemotherapy\n* EXP2 - NSCLC after a KRAS G12C inhibitor\n",
]


@pytest.mark.parametrize("inclusion", CODED)
def test_coded_cohort_lines_under_a_cohorts_heading(inclusion: str) -> None:
    assert raw_verdict("naive", inclusion) == "excluded"
    assert raw_verdict("chemo-only", inclusion) == "eligible"


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    (CODED[0], "* [Cohort B2 only] prior therapy with any direct KRAS inhibitor\n"),
    (CODED[1], "* Cohort E2 only: prior treatment with docetaxel\n"),
    (CODED[2], "* Prior gemcitabine (Arm A2 only)\n"),
    (CODED[3], "* For cohort X2: prior treatment with pemetrexed\n"),
])
def test_a_cohort_only_exclusion_binds_its_coded_cohort_alone(inclusion: str, exclusion: str) -> None:
    # A cohort named only by an exclusion is one of the coded cohorts, not a way in of its own for anyone.
    assert raw_verdict("naive", inclusion, exclusion) == "excluded"


def test_near_miss_a_gene_and_a_dash_is_no_cohort_code() -> None:
    inclusion = ("* Stage IV NSCLC\n\nMarker groups (gene / prior therapy):\n* HER2 - NSCLC / prior platinum-based "
                 "chemotherapy\n")
    assert raw_verdict("naive", inclusion) == "excluded"  # read as before: one rule for every patient


# --- P9: the "with" group's list documented by a criterion under its heading -------------------------------------


def _documented(without: str, with_: str, documented: str, without_rule: str, with_rule: str) -> str:
    return (f"* Stage IV NSCLC\n* {without}\n  * {without_rule}\n* {with_}\n  * {documented}\n  * {with_rule}\n")


DOCUMENTED = [
    _documented("For participants without known actionable genomic alterations:",
                "For participants with actionable genomic alterations:",
                "Has documentation of one or more of the following actionable genomic alterations: EGFR, ALK, ROS1, "
                "NTRK, BRAF, RET, or MET",
                "Has been treated with 1 or 2 prior lines, including platinum-based chemotherapy and an "
                "anti-PD-1/PD-L1 antibody", "Has been treated with 1 or 2 prior lines of approved targeted therapy"),
    _documented("Patients without actionable genomic alterations:", "Patients with actionable genomic alterations:",
                "Documented presence of one of the following alterations: EGFR, ALK or ROS1",
                "Must have progressed after platinum doublet chemotherapy and a PD-1 inhibitor",
                "Must have progressed after an approved tyrosine kinase inhibitor"),
    _documented("Subjects without actionable driver alterations:", "Subjects with actionable driver alterations:",
                "Known presence of any of these mutations: EGFR, BRAF, RET, MET",
                "Prior platinum-based chemotherapy and prior anti-PD-1/PD-L1 antibody required",
                "Prior approved targeted therapy required"),
    _documented("Patients without targetable alterations:", "Patients with targetable alterations:",
                "Documented evidence of one of the following driver alterations: EGFR, ALK, ROS1, RET",
                "Progression after platinum-based chemotherapy and an anti-PD-1 antibody",
                "Progression after a tyrosine kinase inhibitor approved for the alteration"),
    _documented("Participants without AGA:", "Participants with AGA:",
                "Has documentation of the following actionable alterations: EGFR, ALK, BRAF or MET",
                "Received platinum-based chemotherapy and an anti-PD-1 antibody, in combination or sequentially",
                "Received one or two lines of approved targeted therapy"),
    _documented("For patients without known actionable genomic alterations:",
                "For patients with actionable genomic alterations:",
                "Documentation of one or more of these alterations: EGFR, ALK, ROS1, BRAF, RET, MET or NTRK",
                "Has been treated with platinum-containing chemotherapy and a PD-1 or PD-L1 inhibitor",
                "Has been treated with targeted therapy for the alteration"),
]


@pytest.mark.parametrize("inclusion", DOCUMENTED)
def test_a_driver_outside_the_documented_list_is_one_of_those_without(inclusion: str) -> None:
    assert raw_verdict("nrg1-chemo", inclusion) == "excluded"  # in the group without: no checkpoint inhibitor
    assert raw_verdict("nrg1-chemo-io", inclusion) == "eligible"
    assert raw_verdict("egfr-osimertinib", inclusion) == "eligible"


def test_near_miss_a_documentation_without_genes_changes_nothing() -> None:
    def trial(documented: str) -> str:
        return _documented("For participants without known actionable genomic alterations:",
                           "For participants with actionable genomic alterations:", documented,
                           "Has been treated with platinum-based chemotherapy and an anti-PD-1 antibody",
                           "Has been treated with approved targeted therapy")
    for who in ("nrg1-chemo", "g12d-chemo", "chemo-only", "egfr-chemo-only"):
        assert raw_verdict(who, trial("Has documentation of an actionable genomic alteration by local testing")) \
            == raw_verdict(who, trial("Has measurable disease per RECIST 1.1"))


# --- P10: "For NSCLC this means X": the standard therapy spelt out for this cancer, a question when not had --------

SPELT_OUT = [
    "Received and progressed on at least one prior standard therapy appropriate for tumour type. For NSCLC this means "
    "platinum-based chemotherapy and/or an anti-PD-(L)1 agent, unless medically contraindicated.",
    "Progressed after standard of care therapy. For NSCLC, this includes a platinum doublet.",
    "Progression on at least one prior standard regimen. For non-small cell lung cancer this means prior "
    "platinum-containing chemotherapy.",
    "Relapsed after at least one line of standard treatment. In lung cancer this should include an immune checkpoint "
    "inhibitor.",
    "Refractory to standard therapy. For patients with NSCLC, this refers to carboplatin- or cisplatin-based "
    "chemotherapy.",
    "Has received prior standard systemic therapy. For NSCLC this must include a PD-1 or PD-L1 inhibitor.",
]


@pytest.mark.parametrize("sentence", SPELT_OUT)
def test_the_standard_therapy_spelt_out_for_nsclc_is_asked(sentence: str) -> None:
    assert verdict("egfr-osimertinib", [sentence]) == "unknown"  # a question, never an exclusion
    assert verdict("chemo-io", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Stage IIIB-IV disease. For NSCLC this means disease not amenable to curative radiotherapy.",
    "For breast cancer this means prior trastuzumab.",
])
def test_near_miss_what_is_spelt_out_is_no_nsclc_treatment(sentence: str) -> None:
    assert verdict("egfr-osimertinib", [sentence]) == "eligible"
