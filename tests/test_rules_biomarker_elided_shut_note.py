"""A bracket after a requirement that permits one group and then shuts another out with the word left out
("(patients with co-occurring T790M are eligible; those with an exon 20 insertion are not)", "(G12C is allowed,
but G12D is not)"): the second clause means "are not eligible". Written out, the note shuts its group out and the
main clause stays the requirement. Before, the elided clause was read as a requirement of the change it shuts out,
and the main requirement was lost.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, EGFR_EX20, EGFR_L858R, KRAS_G12C, KRAS_G12D, NO_DRIVER, inc, patient, verdict

from trialmatch.criteria.rules.biomarker.notes import note_apart
from trialmatch.matching.profile import Profile

RET_FUSION = patient("RET:fusion")
EGFR_19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M")

# (inclusion bullet, a patient the note shuts out, a patient the requirement takes)
CASES = [
    ("Tumour harbours an EGFR exon 19 deletion or L858R, alone or with other EGFR mutations (patients with "
     "co-occurring T790M are eligible; patients whose tumour has an exon 20 insertion are not)",
     EGFR_EX20, EGFR_19_T790M),
    ("Documented EGFR mutation by local testing (L858R and exon 19 deletions are accepted; exon 20 insertions are not)",
     EGFR_EX20, EGFR_L858R),
    ("Any KRAS mutation (G12C is allowed, but G12D is not)", KRAS_G12D, KRAS_G12C),
    ("KRAS-mutant non-squamous NSCLC (tumours with G12D are eligible; tumours with G12C are not.)", KRAS_G12C,
     KRAS_G12D),
    ("Activating RET alteration in tissue or plasma (RET fusions are permitted; BRAF V600E co-mutations are not)",
     patient("RET:fusion", "BRAF:V600E"), RET_FUSION),
    ("Sensitising EGFR mutation (exon 19 deletion is included, exon 20 insertion is not)", EGFR_EX20, EGFR_19),
]


@pytest.mark.parametrize(("bullet", "shut", "taken"), CASES)
def test_the_elided_clause_shuts_its_group_out(bullet: str, shut: Profile, taken: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, shut) == "excluded"
    assert verdict(text, taken) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"  # the main clause is still the requirement


def test_a_note_already_written_out_is_unchanged() -> None:
    bullet = "EGFR exon 19 deletion (patients with T790M are eligible; those with exon 20 insertion are not eligible)"
    assert note_apart(bullet) == note_apart(bullet.replace("not eligible)", "not eligible)"))
    assert "are not eligible" in note_apart(bullet)
    assert "not eligible eligible" not in note_apart(bullet)


@pytest.mark.parametrize("bullet", [
    # Near-misses: the first clause is no permission, or the "not" does not end the bracket.
    "EGFR exon 19 deletion or L858R (tissue testing is required; plasma testing is not)",
    "EGFR exon 19 deletion or L858R (central confirmation is preferred, but is not mandatory)",
    "EGFR exon 19 deletion or L858R (patients with T790M are eligible; prior TKI is not required)",
])
def test_other_brackets_keep_their_reading(bullet: str) -> None:
    text = inc(bullet)
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, patient("EGFR:L858R")) == "eligible"
