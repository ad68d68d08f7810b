"""Cohorts named by a description under one part's heading ("Part 2 (Dose Expansion), NSCLC cohorts: * 1L NSCLC: no
prior systemic therapy ... * 2L NSCLC: progression after one platinum doublet; immunotherapy naive") are each a way
into that part. Before, the labels ("1L NSCLC") named no cohort this module knows, so every bullet read as the whole
part's rule: "no prior therapy" and "after a platinum doublet" together, which no patient meets, and the untreated
patient was excluded from a trial with a first-line cohort.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

ESCALATION = "Part 1 (Dose Escalation): progressed on, or intolerant of, standard therapy for their tumour type"


def _had(lines: int, *drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": lines}


def _part(heading: str, *cohorts: str) -> str:
    return heading + "\n\n" + "\n".join(f"  * {cohort}" for cohort in cohorts)


# (the part with its described cohorts, an untreated patient's verdict, a patient after one platinum doublet)
CASES = [
    _part("Part 2 (Dose Expansion), NSCLC cohorts:",
          "1L NSCLC: no prior systemic therapy for metastatic disease",
          "2L NSCLC: progression during or after one prior platinum-based doublet; immunotherapy naive"),
    _part("Part B (Expansion), lung cohorts:",
          "First-line: treatment-naive for advanced disease",
          "Second-line: progressed after exactly one platinum-containing regimen"),
    _part("Part 2 expansion cohorts:",
          "Untreated NSCLC: no previous systemic treatment in the advanced setting",
          "Pretreated NSCLC: must have received a prior platinum doublet"),
    _part("Part 3 (Expansion):",
          "Frontline cohort: no prior therapy for stage IV disease",
          "Relapsed cohort: disease progression after platinum-based chemotherapy"),
    _part("Part 2 (Cohort Expansion), lung cohorts:",
          "Chemo-naive: no prior chemotherapy for metastatic NSCLC",
          "Chemo-pretreated: progressed after cisplatin or carboplatin doublet"),
    _part("Part II (dose expansion), NSCLC groups:",
          "Naive group: previously untreated advanced NSCLC",
          "Refractory group: progression on one prior platinum-based regimen"),
]


@pytest.mark.parametrize("part", CASES)
def test_each_described_cohort_is_a_way_in(part: str) -> None:
    assert prior_verdict(_had(0), [ESCALATION, part]) == "eligible"
    assert prior_verdict(_had(1, "carboplatin", "pemetrexed"), [ESCALATION, part]) == "eligible"


def test_a_ban_every_part_shares_still_binds() -> None:
    assert prior_verdict(_had(1, "carboplatin", "pembrolizumab"), [ESCALATION, CASES[0]],
                         ["Prior therapy with an anti-PD-1 or anti-PD-L1 antibody"]) == "excluded"


def test_a_part_wide_rule_beside_the_cohorts_keeps_the_old_reading() -> None:
    # A rule of the whole part sits beside the cohorts: the split is left alone (no way in is guessed), and the
    # untreated patient stays out as before.
    part = CASES[0] + "\n  * Prior docetaxel is not allowed"
    wide = "Part 2 (Dose Expansion): at least one prior line of systemic therapy"
    assert prior_verdict(_had(0), [ESCALATION, part, wide]) != "eligible"


def test_a_patient_no_part_takes_stays_out() -> None:
    # After osimertinib only: too few lines for the escalation part, not untreated, no platinum (the chemo-naive
    # cohort of CASES[4] does take this patient).
    escalation = "Part 1 (Dose Escalation): at least two prior lines of systemic therapy"
    for part in CASES[:4] + CASES[5:]:
        assert prior_verdict(_had(1, "osimertinib"), [escalation, part]) != "eligible"
