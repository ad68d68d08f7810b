"""Biomarker kinds of helper round bio7 (invented sentences and profiles only).

1. A treatment rule whose marker only chooses which treatment it asks for ("Prior EGFR TKI, which must include
   osimertinib unless the tumour lacked T790M after an earlier TKI", "Prior treatment with a MET inhibitor, unless MET
   exon 14 skipping was confirmed after it"): the sentence is about earlier treatment, the marker after "unless" no
   requirement. It was read as "T790M required" (everyone without T790M shut out) or, with "was ALK-negative", as
   both a requirement and an exclusion. A marker before the "unless" ("Known EGFR mutation unless progressed on a
   TKI") is still a marker rule with a treatment exception.
2. "lacked" is a negation as "lacks" and "lacking" were: "Tumour lacked a sensitising EGFR mutation" asks for none
   (it read as asking for one).
3. A change matched to a study drug by rules outside the text ("a genomic variant for which one of the study drugs is
   a matched treatment according to the molecular tumour board's rules"): which changes count is not written, a
   question for everyone. It set no rule at all (everyone eligible). A named gene beside the matching words is read
   as before.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_L858R, KRAS_G12C, MET_EX14, NO_DRIVER, UNTESTED, exc, inc, verdict

# --------------------------------------------------------------- 1. the marker only picks the treatment
TREATMENT_CHOSEN_BY_MARKER = [
    inc("Prior treatment with an EGFR TKI, which must include osimertinib unless the tumour lacked T790M after "
        "progression on an earlier TKI"),
    inc("Previous therapy must include a third-generation EGFR inhibitor, unless the cancer was T790M-negative at "
        "progression"),
    inc("Must have received a KRAS G12C inhibitor unless the tumour did not harbour KRAS G12C on local testing"),
    inc("Prior platinum-based chemotherapy is required unless the tumour harbours an ALK fusion or ROS1 "
        "rearrangement"),
    exc("Prior treatment with a MET inhibitor, unless MET exon 14 skipping was confirmed after that treatment"),
    exc("Previous anti-PD-1 therapy, except when PD-L1 expression was at least 50%"),
    inc("At least two prior regimens, which must include an ALK inhibitor (eg, alectinib) unless the tumour was "
        "found to be ALK-negative on central testing"),
]


@pytest.mark.parametrize("criteria", TREATMENT_CHOSEN_BY_MARKER)
@pytest.mark.parametrize("profile", [EGFR_19, ALK, KRAS_G12C, MET_EX14, NO_DRIVER, UNTESTED],
                         ids=["egfr19", "alk", "kras", "met", "no-driver", "untested"])
def test_a_marker_that_only_chooses_the_treatment_is_no_marker_rule(criteria: str, profile: object) -> None:
    assert verdict(criteria, profile) == "eligible"  # type: ignore[arg-type]


def test_the_marker_before_unless_is_still_a_marker_rule() -> None:
    # Near-misses: the marker opens the sentence, the treatment is its exception.
    assert verdict(exc("Known EGFR mutation unless the patient progressed on an EGFR TKI"), EGFR_19) != "eligible"
    assert verdict(exc("Known EGFR mutation unless the patient progressed on an EGFR TKI"), ALK) == "eligible"
    assert verdict(inc("Documented KRAS G12C mutation unless enrolled after a prior KRAS inhibitor"),
                   EGFR_L858R) == "excluded"
    # No "unless": a plain requirement beside a treatment stays one.
    assert verdict(inc("Prior osimertinib and a T790M mutation at progression"), ALK) == "excluded"


# --------------------------------------------------------------- 2. "lacked"
@pytest.mark.parametrize("sentence", [
    "Tumour lacked a sensitizing EGFR mutation on prior testing",
    "The tumor lacked an activating EGFR mutation by next-generation sequencing",
    "Biopsy lacked EGFR exon 19 deletion or L858R",
])
def test_lacked_is_a_negation(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_19) == "excluded"
    assert verdict(inc(sentence), ALK) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Tumor lacked ALK rearrangement by FISH",
    "The cancer lacked an ALK fusion",
    "Tumour lacks an ALK fusion",  # near-miss: read before this round too
])
def test_lacked_negates_a_fusion(sentence: str) -> None:
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), EGFR_L858R) == "eligible"


# --------------------------------------------------------------- 3. a change matched by rules outside the text
MATCHED_ELSEWHERE = [
    "A genomic variant must be identified in the tumour for which one of the study drugs is a matched treatment "
    "according to the molecular tumour board's rules",
    "Tumour harbours an alteration matching one of the study arms, as decided by the central molecular tumor board",
    "Patients must be matched to a treatment arm on the basis of a genomic alteration found by sequencing",
    "Presence of an actionable aberration that matches one of the trial drugs per the protocol matching algorithm",
    "A molecular alteration with a matched therapy under the study's matching rules",
    "Biomarker result that is matched to a sub-study according to the master protocol's matching table",
]


@pytest.mark.parametrize("sentence", MATCHED_ELSEWHERE)
@pytest.mark.parametrize("profile", [EGFR_19, KRAS_G12C, NO_DRIVER, UNTESTED],
                         ids=["egfr19", "kras", "no-driver", "untested"])
def test_a_change_matched_by_rules_outside_the_text_is_a_question(sentence: str, profile: object) -> None:
    assert verdict(inc(sentence), profile) == "unknown"  # type: ignore[arg-type]


def test_a_named_change_beside_matching_words_is_read_as_before() -> None:
    sentence = inc("Tumour must harbour a KRAS G12C mutation, matched to the study drug by local testing")
    assert verdict(sentence, KRAS_G12C) == "eligible"
    assert verdict(sentence, EGFR_19) == "excluded"
    # No change word: "matched" about something else sets no marker rule.
    assert verdict(inc("Patients will be matched to controls by age and sex"), EGFR_19) == "eligible"
    # Among exclusions the matching words set nothing (an on-label use rule is not a marker rule).
    assert verdict(exc("The matched study drug is approved for the patient's tumour type with the variant of "
                       "interest"), EGFR_19) == "eligible"
