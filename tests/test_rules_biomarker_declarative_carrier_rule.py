"""A treatment rule for a marker's carriers in the registry's declarative voice ("Patients with a known driver have
received and progressed past driver-specific therapy") is the same rule as with "must have": the marker names who
the treatment rule is for, not a marker everyone must have. Found by the meta30b wording tests ("must have" ->
"have"): the bare form was read as "a driver required", excluding driver-negative patients (a false exclusion)."""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, NO_DRIVER, UNTESTED, exc, inc, verdict

RULES = [
    "Patients with known oncogenic driver (including but not limited to EGFR, ALK, ROS, MET alterations) {m} "
    "received and progressed past driver-specific therapy",
    "Participants with an EGFR mutation or ALK rearrangement {m} progressed on at least one approved TKI",
    "Patients with a known actionable genomic alteration {m} received prior targeted therapy",
    "Subjects with EGFR, ALK or ROS1 alterations {m} been treated with an approved targeted agent",
    "Patients with a driver mutation {m} failed the standard targeted therapy.",
    "Patients harboring an ALK fusion {m} had disease progression on alectinib or lorlatinib",
    "Participants whose tumours harbour EGFR mutations {m} progressed on osimertinib.",
    "NOTE: Patients with EGFR or ALK alterations {m} also received an approved targeted therapy",
]


@pytest.mark.parametrize("modal", ["must have", "have"])
@pytest.mark.parametrize("sentence", RULES)
def test_carrier_treatment_rule_requires_no_marker(sentence: str, modal: str) -> None:
    text = inc(sentence.format(m=modal))
    for person in (NO_DRIVER, UNTESTED, EGFR_19, ALK):
        assert verdict(text, person) == "eligible"


# Near-misses: a marker everyone must have keeps its verdict; "who have X and have received Y" asks for both.
@pytest.mark.parametrize("sentence", [
    "Patients with an EGFR exon 19 deletion or L858R mutation",
    "Patients have an EGFR exon 19 deletion or L858R mutation",
    "Patients with EGFR mutation have measurable disease",
    "Patients who have an EGFR mutation and have received a prior EGFR TKI",
    "Patients who have received prior EGFR TKI and have an EGFR mutation",
])
def test_marker_required_keeps_its_verdict(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), UNTESTED) == "unknown"
    assert verdict(inc(sentence), EGFR_19) == "eligible"


# Near-misses in an exclusion: the marker's exception in a clause of its own stays a doubt, not a carrier rule.
@pytest.mark.parametrize("sentence", [
    "Patients with EGFR sensitizing mutations or ALK translocation (unless they have progressed on at least one TKI)",
    "Patients with an EGFR mutation, unless they have received an approved EGFR TKI",
    "Patients with EGFR mutation if they have not received an EGFR TKI",
    "Participants with a known EGFR mutation (unless they have received and progressed on osimertinib)",
    "Patients with an EGFR mutation",
])
def test_exclusion_with_clause_keeps_the_marker(sentence: str) -> None:
    assert verdict(exc(sentence), EGFR_19) in ("unknown", "excluded")
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"
