"""Kind 1 (synthK/L): a marker named only as the CONDITION of a therapy allowance, or as the TAG of an arm on a
sentence about something else.

a. "Participants with known EGFR mutation or ALK translocation may have received one prior TKI in addition to the
   platinum-based chemotherapy": a permission about treatment for the marker's carriers. It was read as requiring
   EGFR or ALK (driver-negative patients excluded, untested ones unknown). The marker says who is allowed the drug;
   it is no population rule, so every profile passes the sentence.
b. "Left ventricular ejection fraction below 50% (HER2 arm)", "QTc > 470 ms for the RET cohort": the gene names the
   arm the sentence binds. It was read as an exclusion of the gene (unknown for HER2 carriers and the untested). The
   tag is a scope; with nothing else about markers the sentence sets no marker rule. A marker bar tagged with
   another arm binds that arm alone, so it is a question, never a bar.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_L858R,
    HER2_AMP,
    HER2_EX20,
    KRAS_G12C,
    NO_DRIVER,
    RET,
    ROS1,
    UNTESTED,
    exc,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

EVERYONE = (NO_DRIVER, UNTESTED, EGFR_19, ALK, KRAS_G12C, RET, HER2_EX20)

# --- a. the marker conditions a therapy allowance -----------------------------------------------------------------

ALLOWANCES = [
    "Participants with known epidermal growth factor receptor (EGFR) mutation or anaplastic lymphoma kinase (ALK) "
    "translocation may have received one prior tyrosine kinase inhibitor in addition to the platinum-based "
    "chemotherapy",
    "Patients with an ALK rearrangement may have had up to two prior ALK inhibitors",
    "Subjects whose tumours harbour a ROS1 or RET fusion are allowed to have received one prior targeted agent",
    "Patients with KRAS G12C mutation can have previously received sotorasib",
    "Participants with a sensitising EGFR mutation are permitted to have had osimertinib before study entry",
    "Those with BRAF V600E mutation may also have been treated with dabrafenib plus trametinib",
    "Patients with HER2 exon 20 insertion may have progressed on prior trastuzumab deruxtecan",
]


@pytest.mark.parametrize("sentence", ALLOWANCES)
def test_a_therapy_allowance_for_carriers_sets_no_marker_rule(sentence: str) -> None:
    for text in (inc(sentence), inc("Progression after one prior platinum doublet", f"  * {sentence}")):
        for profile in EVERYONE:
            assert verdict(text, profile) == "eligible", (sentence, profile)


# --- b. the marker names the arm a sentence binds -----------------------------------------------------------------

ARM_TAGS = [
    "Left ventricular ejection fraction (LVEF) below 50% (HER2 arm)",
    "QTc > 470 ms (for the RET cohort)",
    "Interstitial lung disease or pneumonitis (EGFR cohort only)",
    "Grade 2 or higher diarrhoea for the KRAS G12C cohort",
    "Known hypersensitivity to crizotinib (in the ALK group)",
    "Uncontrolled hypertension, in the BRAF V600E arm only",
    "Prior severe skin toxicity (ROS1 module)",
]


@pytest.mark.parametrize("sentence", ARM_TAGS)
def test_an_arm_tag_on_another_subject_sets_no_marker_rule(sentence: str) -> None:
    text = exc(sentence)
    for profile in (*EVERYONE, HER2_AMP, ROS1):
        assert verdict(text, profile) == "eligible", (sentence, profile)


NEAR_MISSES = [
    # A requirement of the marker stays a requirement.
    (inc("Participants must have an EGFR mutation"), NO_DRIVER, "excluded"),
    (inc("Participants must have an EGFR mutation and may have received prior osimertinib"), NO_DRIVER, "excluded"),
    (inc("Documented ALK rearrangement"), EGFR_L858R, "excluded"),
    # A carrier rule with "must" stays a carrier rule (no population rule either).
    (inc("Patients with EGFR mutation must have received prior EGFR TKI"), NO_DRIVER, "eligible"),
    # An exclusion of the marker stays an exclusion.
    (exc("Patients with EGFR mutation are excluded"), EGFR_19, "excluded"),
    (exc("Known HER2 mutation"), HER2_EX20, "excluded"),
    (exc("EGFR mutation in the tumour"), EGFR_L858R, "excluded"),
    # A marker bar tagged with an arm binds that arm alone: a question, never a bar.
    (exc("Known EGFR mutation (KRAS cohort)"), EGFR_19, "unknown"),
    (exc("Known EGFR mutation (KRAS cohort)"), NO_DRIVER, "eligible"),
    # A requirement with its own arm tag still asks for its marker.
    (inc("EGFR exon 19 deletion or L858R (EGFR cohort)"), EGFR_19, "eligible"),
]


@pytest.mark.parametrize(("text", "profile", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_verdict(text: str, profile: Profile, expected: str) -> None:
    assert verdict(text, profile) == expected
