"""A drug class named by the change alone ("a prior G12C inhibitor", "G12D-targeted agents") names what the drug acts
on, as "KRAS G12C inhibitor" does: it is no marker rule. An exclusion of earlier such drugs does not shut out the
patients the trial is for (a KRAS G12C patient stays eligible). A change named as the tumour's ("G12C mutation")
is read as before.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, KRAS_G12C, KRAS_G12D, exc, inc, verdict

from trialmatch.matching.profile import Profile

REQUIRE_C = inc("Documented KRAS G12C mutation (tissue or plasma)")
REQUIRE_D = inc("Tumour harbouring a KRAS p.G12D mutation")

EXCLUSIONS = [
    ("Prior treatment with a KRAS G12C inhibitor - exception: patients who stopped a prior G12C inhibitor for "
     "intolerance may be discussed with the Sponsor", REQUIRE_C, KRAS_G12C),
    ("Previous G12C inhibitor therapy (sotorasib, adagrasib)", REQUIRE_C, KRAS_G12C),
    ("Any prior G12C-targeted agent", REQUIRE_C, KRAS_G12C),
    ("Prior exposure to a G12D inhibitor or pan-RAS inhibitor", REQUIRE_D, KRAS_G12D),
    ("Received G12D-directed therapy before", REQUIRE_D, KRAS_G12D),
    ("Patients who discontinued an earlier G12C TKI because of progression", REQUIRE_C, KRAS_G12C),
]


@pytest.mark.parametrize(("line", "require", "carrier"), EXCLUSIONS)
def test_a_drug_named_by_the_change_alone_is_no_marker_rule(line: str, require: str, carrier: Profile) -> None:
    text = require + "\n" + exc(line)
    assert verdict(text, carrier) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"  # the requirement still binds


@pytest.mark.parametrize("line", [
    "Known G12C mutation",
    "Tumours with KRAS G12D or G12C mutations",
])
def test_a_change_named_as_the_tumours_still_excludes(line: str) -> None:
    # Near-miss: no drug word after the change.
    assert verdict(exc(line), KRAS_G12C) == "excluded"
