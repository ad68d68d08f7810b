""""[count] prior line(s), which should have included A or, for patients with [marker], (at least one) B": the count
binds everyone, and the line must hold A, or B for a carrier of the marker. The marker words bind only the alternative
they sit in (at its start or its end), and a quantifier opening an "or" alternative ("or at least one B") says how
much of B, never a second requirement asked of everyone."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import one_bullet_verdict as _verdict
from tests.prior_therapy_cases import panel_profile as _profile

ALK_ON_TKI = _profile([{"gene": "ALK", "alteration": "EML4-ALK fusion"}], ["alectinib"], 1)
ROS1_ON_TKI = _profile([{"gene": "ROS1", "alteration": "CD74-ROS1 fusion"}], ["entrectinib"], 1)
EGFR_ON_TKI = _profile([{"gene": "EGFR", "alteration": "exon 19 deletion"}], ["osimertinib"], 1)
NO_DRIVER_CHEMO = _profile([], ["cisplatin", "pemetrexed"], 1)
NO_DRIVER_NAIVE = _profile([], [], 0)
EGFR_NAIVE = _profile([{"gene": "EGFR", "alteration": "L858R"}], [], 0)
NO_DRIVER_IO = _profile([], ["nivolumab"], 1)

# (sentence, carrier who had only B, a patient without the marker who had only B's kind of drug: not in by B)
CASES = [
    ("Progressed after at least 1 prior line of systemic therapy, which should have included a platinum-containing "
     "regimen or, for patients with an actionable driver mutation, at least one appropriate targeted agent",
     ALK_ON_TKI),
    ("Disease progression following one or more earlier regimens for metastatic disease that must have included a "
     "platinum doublet or, in participants with a targetable oncogenic alteration, one or more approved TKIs",
     ROS1_ON_TKI),
    ("Has received at least one prior therapy for advanced NSCLC, which needs to have included cisplatin or "
     "carboplatin or, for subjects whose tumours harbour an EGFR mutation, osimertinib",
     EGFR_ON_TKI),
    ("Relapsed after 1 or more previous lines, which should have contained platinum-based chemotherapy or at least "
     "one ALK inhibitor in patients with ALK rearrangement",
     ALK_ON_TKI),
    ("Progression after at least one line of treatment that included platinum chemotherapy, or, among patients with "
     "ROS1 fusion, at least one ROS1 tyrosine kinase inhibitor",
     ROS1_ON_TKI),
    ("Must have progressed on at least one prior systemic regimen, which should include a platinum agent or, for "
     "patients with EGFR sensitizing mutations, an EGFR TKI",
     EGFR_ON_TKI),
]


@pytest.mark.parametrize(("text", "carrier"), CASES)
def test_carrier_in_by_own_alternative(text: str, carrier: Any) -> None:
    assert _verdict(text, carrier) == "eligible"


@pytest.mark.parametrize(("text", "carrier"), CASES)
def test_first_alternative_for_everyone(text: str, carrier: Any) -> None:
    assert _verdict(text, NO_DRIVER_CHEMO) == "eligible"


@pytest.mark.parametrize(("text", "carrier"), CASES)
def test_count_binds_everyone(text: str, carrier: Any) -> None:
    # The marker scope never swallows the leading count: an untreated patient without the marker is not in.
    assert _verdict(text, NO_DRIVER_NAIVE) == "excluded"
    assert _verdict(text, EGFR_NAIVE) == "excluded"


@pytest.mark.parametrize(("text", "carrier"), CASES)
def test_non_carrier_without_first_alternative(text: str, carrier: Any) -> None:
    # A line of neither A nor (for a carrier) B: the requirement is unmet.
    assert _verdict(text, NO_DRIVER_IO) == "excluded"


@pytest.mark.parametrize("text", [
    "Must have received a platinum doublet or at least one EGFR TKI",
    "Prior treatment with docetaxel or one or more PD-1 inhibitors is required",
    "Progressed after 1 prior line, which should have included a platinum-containing regimen or at least one "
    "targeted agent",
])
def test_quantifier_inside_or_item_is_no_conjunct(text: str) -> None:
    assert _verdict(text, NO_DRIVER_CHEMO if "docetaxel" not in text else NO_DRIVER_IO) == "eligible"


def test_scope_of_another_egfr_finding_does_not_bind() -> None:
    # "for patients with T790M, osimertinib": an exon 19 carrier without T790M has only the first alternative.
    text = ("Previously treated with one prior line that included pembrolizumab or, for participants harbouring an "
            "EGFR T790M mutation, osimertinib")
    assert _verdict(text, EGFR_ON_TKI) == "excluded"


# Near-misses that keep their verdicts.
def test_count_of_named_class_still_read() -> None:
    # "at least one" opening the sentence, not an "or" item: still a count.
    assert _verdict("Must have received at least one EGFR TKI", NO_DRIVER_CHEMO) == "excluded"
    assert _verdict("Must have received at least one EGFR TKI", EGFR_ON_TKI) == "eligible"


def test_two_counts_joined_by_or_keep_their_numbers() -> None:
    text = "Prior platinum chemotherapy and at least two prior lines of therapy"
    assert _verdict(text, NO_DRIVER_CHEMO) == "excluded"


def test_whole_sentence_scope_stays_a_group_rule() -> None:
    # The marker clause opens the sentence: the requirement is the carriers' only.
    text = "For patients with ALK rearrangement, progression on at least one ALK inhibitor is required"
    assert _verdict(text, NO_DRIVER_NAIVE) == "eligible"
    assert _verdict(text, _profile([{"gene": "ALK", "alteration": "EML4-ALK fusion"}], [], 0)) == "excluded"
