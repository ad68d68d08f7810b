"""A sentence that lets patients of a PD-L1 level in ("Participants with TPS < 1% are eligible", "PD-L1 1-49% is also
allowed") is a permission: beside a PD-L1 requirement it widens it (low expressers are in too), and alone it is a
question, never a bar. Read as a rule of its own it had demanded the level it allows: a patient with TPS 30% was
excluded from a "TPS < 50%" trial by "Participants with TPS < 1% are eligible". Near-misses: a level that is the
condition of a permission ("eligible if PD-L1 >= 50%"), an obligation ("only ... are eligible"), a permission whose
subject is another clause ("PD-L1 >= 1%; squamous tumours are eligible") keep their readings."""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, verdict

PD30, PD0, PD80, PD10, PD_NONE = patient(pdl1=30), patient(pdl1=0), patient(pdl1=80), patient(pdl1=10), patient()

# (requirement, permission beside it): every patient the two together let in is eligible.
WIDENED = [
    ("PD-L1 tumor proportion score (TPS) < 50% by 22C3 assay.", "Participants with TPS < 1% are eligible."),
    ("PD-L1 expression below 50% (TPS, SP263).", "Patients whose tumours are PD-L1 negative are also eligible."),
    ("PD-L1 TPS of 1% to 49%, as determined by a central laboratory.", "Tumours with PD-L1 TPS < 1% are allowed."),
    ("Tumour PD-L1 TPS >= 50% by local testing.", "Participants with PD-L1 TPS 1-49% may also enrol in this study."),
    ("PD-L1 TPS < 50% (22C3 pharmDx).", "Subjects with PD-L1 TPS below 1% are permitted to enroll."),
    ("Low PD-L1 expression (TPS < 50%).", "PD-L1 TPS < 1% is also acceptable."),
]


@pytest.mark.parametrize(("rule", "permission"), WIDENED)
def test_permission_beside_requirement_widens_it(rule: str, permission: str) -> None:
    for text in (inc(rule + " " + permission), inc(rule, permission)):  # same bullet, or the next
        allowed = [p for p in (PD30, PD0, PD80, PD10) if p.pdl1_tps is not None and (
            _meets(rule, p.pdl1_tps) or _meets(permission, p.pdl1_tps))]
        for profile in allowed:
            assert verdict(text, profile) == "eligible", (text, profile.pdl1_tps)
        assert verdict(text, PD_NONE) == "unknown"


def _meets(sentence: str, tps: float) -> bool:
    """The invented sentences' own levels, written out (not read by the code under test)."""
    if "< 50%" in sentence or "below 50%" in sentence:
        return tps < 50
    if "1% to 49%" in sentence or "1-49%" in sentence:
        return 1 <= tps <= 49
    if ">= 50%" in sentence:
        return tps >= 50
    return tps < 1  # "< 1%", "below 1%", "negative"


def test_requirement_still_bars_outside_both() -> None:
    assert verdict(inc("PD-L1 TPS < 50% by 22C3.", "Participants with TPS < 1% are eligible."), PD80) == "excluded"
    assert verdict(inc("PD-L1 TPS >= 50%.", "Participants with TPS 1-49% are also eligible."), PD0) == "excluded"
    assert verdict(inc("PD-L1 TPS 1% to 49%.", "Tumours with PD-L1 TPS < 1% are allowed."), PD80) == "excluded"


@pytest.mark.parametrize("permission", [
    "Participants with PD-L1 TPS >= 50% are eligible.",
    "Patients with PD-L1 TPS 1-49% may enrol.",
    "PD-L1 TPS < 1% is allowed.",
])
def test_permission_alone_is_a_question(permission: str) -> None:
    text = inc("Histologically confirmed stage IV NSCLC.", permission)
    assert "excluded" not in {verdict(text, p) for p in (PD30, PD0, PD80, PD10, PD_NONE)}


@pytest.mark.parametrize(("text", "profile", "expected"), [
    # the level is the condition of the permission, not the group let in
    (inc("Patients with squamous histology are eligible if PD-L1 TPS >= 50%."), PD10, "excluded"),
    # an obligation
    (inc("Only patients with PD-L1 TPS >= 50% are eligible."), PD30, "excluded"),
    (inc("Patients must have PD-L1 TPS >= 1% to be eligible."), PD0, "excluded"),
    # another clause's permission after the level
    (inc("PD-L1 TPS >= 1%; patients with squamous histology are eligible."), PD0, "excluded"),
    # a plain requirement, no permission
    (inc("PD-L1 TPS < 50% by 22C3."), PD80, "excluded"),
    (inc("Patients with PD-L1 TPS >= 50% who are eligible for pembrolizumab monotherapy."), PD30, "excluded"),
])
def test_near_misses_keep_their_reading(text: str, profile: object, expected: str) -> None:
    assert verdict(text, profile) == expected  # type: ignore[arg-type]
