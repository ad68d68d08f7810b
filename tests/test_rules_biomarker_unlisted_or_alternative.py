"""A marker rule the reader knows, joined by "or" to a marker no profile lists ("KRAS G12C mutation or B7-H3
overexpression", "Arm H: NAGC (no actionable genetic change) or high tumour mutational burden"). The unlisted marker
is a second way in, not a second requirement: meeting the read rule is enough (`eligible`), and failing it leaves the
other way open (`unknown`). Before, the unlisted marker became a requirement of its own beside the read rule, so a
carrier was `unknown` and a non-carrier `excluded` (a false exclusion: the tumour may have the other marker).

Near-misses keep their verdict: "and" between them (both required: a non-carrier is still excluded), and the
unlisted marker alone (a question for everyone).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, BRAF_V600E, EGFR_19, KRAS_G12C, KRAS_G12D, MET_EX14, NO_DRIVER, RET, inc, verdict

from trialmatch.matching.profile import Profile

ALTERNATIVES: list[tuple[str, Profile]] = [
    ("KRAS G12C mutation or B7-H3 overexpression by IHC", KRAS_G12C),
    ("MET exon 14 skipping or DLL3 expression by IHC", MET_EX14),
    ("ALK fusion or Claudin 18.2 positive tumour", ALK),
    ("KRAS G12D mutation, or an MSI-high tumour", KRAS_G12D),
    ("BRAF V600E mutation or high tumour mutational burden (>= 10 mut/Mb)", BRAF_V600E),
    ("RET fusion or CEACAM5 high expression on central review", RET),
]


@pytest.mark.parametrize(("sentence", "carrier"), ALTERNATIVES)
def test_the_unlisted_marker_is_a_second_way_in(sentence: str, carrier: Profile) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"
    assert verdict(inc(sentence), EGFR_19) == "unknown"


def test_no_change_or_an_unlisted_marker_in_one_arm() -> None:
    text = inc("Arm H (durvalumab): NAGC (no actionable genetic change) or high tumour mutational burden",
               "Arm G (selumetinib): KRAS mutation")
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, EGFR_19) == "unknown"


@pytest.mark.parametrize("sentence", [
    "KRAS G12C mutation and B7-H3 overexpression by IHC",
    "ALK fusion; Claudin 18.2 positive tumour also required",
])
def test_both_required_still_excludes_a_non_carrier(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_19) == "excluded"


def test_the_unlisted_marker_alone_is_a_question() -> None:
    assert verdict(inc("DLL3 expression by IHC in at least 1% of tumour cells"), NO_DRIVER) == "unknown"


# A group's ban on drivers spares only the genes its own group (or the whole trial) asks for: "Arm H: no actionable
# change" beside "Arm F: EGFR T790M" still bars an EGFR exon 19 deletion without T790M from arm H.
@pytest.mark.parametrize("ban", [
    "Arm H (durvalumab): no actionable genetic change",
    "Arm H (durvalumab): NAGC (no actionable genetic change) or high tumour mutational burden",
    "Arm H (immunotherapy): tumours without a targetable driver alteration",
    "Arm H: absence of any actionable oncogenic alteration",
    "Arm H (pembrolizumab): no known actionable driver",
    "Arm H: driver-negative by the study panel",
])
def test_a_groups_driver_ban_spares_only_its_own_genes(ban: str) -> None:
    text = inc("Arm F (osimertinib): EGFR T790M", "Arm G (selumetinib): KRAS mutation", ban)
    assert verdict(text, EGFR_19) != "eligible", ban
    assert verdict(text, KRAS_G12C) == "eligible", ban
    assert verdict(text, NO_DRIVER) == "eligible", ban


def test_a_trial_wide_gene_is_still_spared() -> None:
    text = inc("EGFR exon 19 deletion or L858R", "No other actionable driver alteration (ALK, ROS1, KRAS)")
    assert verdict(text, EGFR_19) == "eligible"
