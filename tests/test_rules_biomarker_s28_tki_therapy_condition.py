"""Biomarker: a carrier rule whose condition names the drug class before "therapy" ("participants with an EGFR
sensitizing mutation or ALK translocation must have progressed on appropriate tyrosine kinase inhibitor therapy")
was not read as a treatment condition, so it put the trial's own bar on those genes ("no EGFR sensitizing mutation
and no ALK translocation" for the treatment-naive part) in doubt: an untreated EGFR carrier was a question. The
condition is now read ("... TKI therapy", "... inhibitor treatment"), so the bar means "no untreated carriers": an
untreated carrier is excluded, a carrier treated with the drug is not.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import KRAS_G12C, patient, verdict

from trialmatch.matching.profile import Profile

EGFR_19 = patient("EGFR:exon 19 deletion", lines=0)  # untreated
ALK = patient("ALK:fusion", lines=0)
EGFR_19_TREATED = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
ALK_TREATED = patient("ALK:fusion", drugs=("alectinib",), lines=1)


def _trial(carrier_rule: str, ban: str) -> str:
    return ("Inclusion Criteria:\n\n* Metastatic non-small cell lung cancer (NSCLC)\n"
            f"* {carrier_rule}\n\nExclusion Criteria:\n\n* {ban}")


# (carrier rule, bar, untreated carrier, the same carrier treated with its drug)
CASES = [
    ("Participants with an EGFR sensitizing mutation or ALK translocation must have progressed on appropriate "
     "tyrosine kinase inhibitor therapy", "EGFR sensitizing mutation or ALK translocation", EGFR_19, EGFR_19_TREATED),
    ("Patients with ALK-positive NSCLC should have progressed on ALK inhibitor therapy.",
     "Known ALK rearrangement (FISH or IHC)", ALK, ALK_TREATED),
    ("Subjects harbouring EGFRm must have progressed on an approved EGFR TKI therapy",
     "Activating EGFR mutations (exon 19 del, L858R)", EGFR_19, EGFR_19_TREATED),
    ("Patients with EGFR or ALK aberrations need to have failed prior kinase inhibitor treatment;",
     "Tumours harbouring EGFR mutation or ALK fusion are not allowed to be enrolled", EGFR_19, EGFR_19_TREATED),
    ("Participants with ALK gene rearrangement must have received prior tyrosine kinase inhibitor therapies",
     "ALK translocation", ALK, ALK_TREATED),
    ("Patients with sensitising EGFR mutations (EGFRm) must have progressed on EGFR tyrosine kinase inhibitor "
     "treatment", "EGFR-sensitising mutation", EGFR_19, EGFR_19_TREATED),
]


@pytest.mark.parametrize(("carrier_rule", "ban", "untreated", "treated"), CASES)
def test_a_tki_therapy_condition_keeps_the_bar_on_untreated_carriers(
        carrier_rule: str, ban: str, untreated: Profile, treated: Profile) -> None:
    text = _trial(carrier_rule, ban)
    assert verdict(text, untreated) == "excluded"
    assert verdict(text, treated) != "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"


def test_near_miss_a_condition_we_cannot_read_leaves_the_bar_a_question() -> None:
    text = _trial("Participants with an EGFR mutation must have progressed on therapy chosen by the investigator",
                  "EGFR mutation")
    assert verdict(text, EGFR_19) != "excluded"
