"""Biomarker: "EGFR exon 20 insertion mutation as the sole EGFR mutation" (an exclusion) left an exon-20 carrier with
no other EGFR change a question when another bullet let EGFR carriers in on a condition we could not read whole
("Patients who have not received osimertinib may be enrolled if the tumour harbours an EGFR mutation that is not
responsive to approved EGFR TKIs"): the carrier permission put every EGFR bar in doubt. A bar on a change "as the
sole / only mutation" of its gene names exactly which carriers it shuts out, more specific than the permission: a
carrier of that change with no other listed change of the gene is excluded; a carrier of another change of the gene
(alone, or beside the named one) is not.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    EGFR_19,
    EGFR_19_T790M,
    EGFR_EX20,
    EGFR_G719X,
    EGFR_L858R,
    EGFR_L861Q,
    HER2_EX20,
    KRAS_G12C,
    KRAS_G12D,
    L858R_T790M,
    patient,
    verdict,
)

from trialmatch.matching.profile import Profile

KRAS_G12C_G12D = patient("KRAS:G12C", "KRAS:G12D")


def _trial(permission: str, ban: str) -> str:
    return ("Inclusion Criteria:\n\n* Stage IV non-small cell lung cancer (NSCLC)\n"
            f"* {permission}\n\nExclusion Criteria:\n\n* {ban}")


# (carrier permission we cannot read whole, sole-change bar, carrier of the named change alone, carrier of another)
CASES = [
    ("Patients who have not received a third-generation EGFR TKI may be enrolled if the tumour harbours an EGFR "
     "mutation that is not responsive to approved EGFR TKIs.",
     "Tumor harbors EGFR exon 20 insertion mutation as the sole EGFR mutation (NSCLC).", EGFR_EX20, EGFR_19),
    ("Participants with an EGFR alteration can be enrolled when the investigator judges it insensitive to "
     "available EGFR inhibitors.",
     "EGFR G719X as the only EGFR mutation detected", EGFR_G719X, L858R_T790M),
    ("Subjects carrying an EGFR mutation may participate if it is considered resistant to approved agents.",
     "Presence of an EGFR ex20ins as the sole EGFR alteration", EGFR_EX20, EGFR_L858R),
    ("Patients with KRAS mutations are eligible if no approved KRAS-directed therapy matches their variant.",
     "KRAS G12C mutation (KRASm) as the sole KRAS mutation", KRAS_G12C, KRAS_G12C_G12D),
    ("Patients whose tumours carry an EGFR mutation may be included where the sponsor agrees the mutation is "
     "non-responsive to standard TKIs.",
     "Tumours that have exon 20 insertion of EGFR as the only EGFR mutation are not allowed to be enrolled",
     EGFR_EX20, EGFR_19_T790M),
    ("Patients with EGFR-mutant NSCLC who were not given osimertinib can be enrolled if their mutation is "
     "not sensitive to approved EGFR TKIs.",
     "EGFR L861Q mutation as the sole EGFR mutation, per local test", EGFR_L861Q, EGFR_19_T790M),
]


@pytest.mark.parametrize(("permission", "ban", "sole", "other"), CASES)
def test_a_sole_change_bar_holds_beside_an_unread_carrier_permission(
        permission: str, ban: str, sole: Profile, other: Profile) -> None:
    text = _trial(permission, ban)
    assert verdict(text, sole) == "excluded"
    assert verdict(text, other) != "excluded"


def test_near_miss_a_plain_gene_bar_beside_the_permission_stays_a_question() -> None:
    text = _trial(CASES[0][0], "EGFR exon 20 insertion mutation")
    assert verdict(text, EGFR_EX20) == "unknown"


def test_near_miss_another_gene_sole_bar_does_not_touch_her2() -> None:
    text = _trial(CASES[0][0], CASES[0][1])
    assert verdict(text, HER2_EX20) != "excluded"
    assert verdict(text, KRAS_G12D) != "excluded"
