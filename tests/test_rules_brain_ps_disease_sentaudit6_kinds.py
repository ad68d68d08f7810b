"""Brain-metastasis kinds found by a sentence audit of full-text multi-cohort trials (all were false exclusions).

- A RECIST/RANO rule for recording CNS lesions ("Measurable CNS lesions >= 10 mm must be captured as intracranial
  target lesions") says how lesions are recorded if present, not that the patient must have them (was "brain
  metastases required", excluding every patient without them).
- A permission placed in or under the Exclusion section ("Participants are eligible if CNS metastases are adequately
  treated and ... neurologically stable") lets treated, stable ones in (was an exclusion of them).
- A permission with a parenthetical negative ("Subjects with treated brain metastases are eligible (untreated brain
  metastases are ineligible) provided ...") lets treated ones in; the aside leaves untreated ones out (it had been read
  as one of the conditions, and excluded the treated patient).
"""

from __future__ import annotations

import pytest

from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"
STATES = ("none", "treated_stable", "active", None)


def brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for none, treated_stable, active, unknown; " // " starts another bullet, " >> " a sub-bullet."""
    def bullets(text: str) -> str:
        return text and "* " + text.replace(" // ", "\n* ").replace(" >> ", "\n  * ") + "\n"
    rules = brain_metastases.parse(invented_trial(bullets(inclusion), bullets(exclusion)))
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


# ---------------------------------------------------------------- how CNS lesions are recorded
@pytest.mark.parametrize("sentence", [
    "Measurable CNS lesions ≥10mm must be captured as overall and intracranial RECIST target lesions.",
    "Measurable intracranial lesions ≥10 mm must be recorded as target lesions.",
    "Measurable CNS lesions ≥10mm must be captured as intracranial RECIST target lesions. CNS lesions 5-9mm may be "
    "included as non-target lesions.",
    "Measurable brain lesions (≥ 10 mm) are to be documented as target lesions for intracranial response assessment.",
    "Brain metastases measuring 10 mm or more should be selected as intracranial target lesions per RANO-BM.",
    "Measurable cerebral lesions of 5 mm or more will be followed as non-target lesions per RANO-BM.",
    "All measurable central nervous system lesions shall be tracked as target lesions according to RECIST 1.1.",
])
def test_recording_rule_for_cns_lesions_requires_nothing(sentence: str) -> None:
    assert brain(inclusion=sentence) == (EL, EL, EL, EL)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a lesion the patient must have, which is then followed as a target: still a requirement
    ("At least one measurable CNS lesion ≥10 mm that can be followed as a target lesion is required.",
     (EX, UN, UN, UN)),
    ("Measurable CNS lesions ≥10 mm must be present.", (EX, UN, UN, UN)),
    ("At least one measurable brain metastasis must be present and will be followed as a target lesion per RANO-BM.",
     (EX, UN, UN, UN)),
    ("Two or more measurable brain metastases, which will be used as target lesions.", (EX, UN, UN, UN)),
    ("Participants must have at least one measurable brain metastasis ≥10 mm not previously irradiated.",
     (EX, EX, UN, UN)),
])
def test_near_misses_of_a_recording_rule_stay_requirements(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=sentence) == expected


# ---------------------------------------------------------------- a permission listed as an exclusion
@pytest.mark.parametrize("exclusion", [
    "Participants are eligible if brain metastases have been treated and are stable for 4 weeks.",
    "Participants are eligible if CNS metastases are adequately treated and participants are neurologically stable "
    "for at least 2 weeks prior to enrollment.",
    "Patients may enrol if their brain metastases were treated with radiotherapy and have been stable for 4 weeks.",
    "Subjects will be allowed if intracranial metastases were resected or irradiated and are clinically stable.",
])
def test_permission_in_the_exclusions_lets_treated_in(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


@pytest.mark.parametrize(("exclusion", "expected"), [
    # under the exclusion it loosens: the untreated ones stay out
    ("Participants have untreated CNS metastases (including new and progressive brain metastases), or carcinomatous "
     "meningitis. >> Participants are eligible if CNS metastases are adequately treated and participants are "
     "neurologically stable for at least 2 weeks prior to enrollment.", (EL, EL, EX, UN)),
    ("Symptomatic brain metastases. Patients are allowed if brain metastases were irradiated and are radiologically "
     "stable.", (EL, EL, UN, UN)),  # an active one may have no symptoms
    ("Active brain metastases. // Patients may enrol if their brain metastases were treated with radiotherapy and "
     "have been stable for at least 4 weeks.", (EL, EL, EX, UN)),
])
def test_permission_under_an_exclusion(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion) == expected


@pytest.mark.parametrize(("exclusion", "expected"), [
    # not a permission: a refusal, a negated state, or a plain exclusion
    ("Brain metastases. Patients are not eligible if brain metastases were treated within 4 weeks.",
     (EL, EX, EX, UN)),
    ("Untreated or symptomatic brain metastases.", (EL, EL, EX, UN)),
    ("Brain metastases, unless treated and stable.", (EL, EL, EX, UN)),
    ("Known brain metastases.", (EL, EX, EX, UN)),
])
def test_near_misses_of_a_permission_in_the_exclusions(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion) == expected


# ---------------------------------------------------------------- a permission with a parenthetical negative
@pytest.mark.parametrize(("inclusion", "expected"), [
    ("Subjects with treated brain metastases are eligible (untreated brain metastases are ineligible) provided they "
     "meet the following criteria: >> Off steroids for at least 7 days. >> No evidence of progression on MRI.",
     (EL, EL, EX, UN)),
    ("Treated CNS metastases are permitted (untreated CNS metastases are excluded) provided that the patient is off "
     "steroids.", (EL, EL, EX, UN)),
    ("Previously irradiated brain metastases are allowed (active lesions are not allowed) provided they are "
     "stable for 4 weeks.", (EL, EL, EX, UN)),
    # the conditions are not given: treated ones are a question, no longer an exclusion
    ("Patients with previously irradiated brain metastases are allowed (active, untreated lesions are not allowed) if "
     "they fulfil the conditions below:", (EL, UN, EX, UN)),
])
def test_parenthetical_negative_is_not_a_condition(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion) == expected


@pytest.mark.parametrize(("inclusion", "expected"), [
    ("Subjects with treated brain metastases are eligible provided they are off steroids for 7 days.",
     (EL, EL, UN, UN)),
    ("Stable, previously treated brain metastases are allowed (new or untreated lesions are not).", (EL, EL, UN, UN)),
    # another group takes untreated ones: the aside is that group's business, a question
    ("Cohort A: subjects with treated brain metastases are eligible (untreated brain metastases are ineligible) "
     "provided they are off steroids. // Cohort B: previously untreated brain metastases are eligible.",
     (EL, EL, UN, UN)),
])
def test_near_misses_of_a_parenthetical_negative(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion) == expected


# ---------------------------------------------------------------- invented profiles through the new kinds
def _profile(**facts: object) -> Profile:
    base: dict[str, object] = {"id": "invented", "histology": "large cell", "stage": "IV",
                               "alterations": [{"gene": "NRG1", "type": "fusion"}], "pdl1_tps": None,
                               "prior_therapies": [], "prior_lines": None, "ecog": 2,
                               "brain_metastases": "treated_stable", "age": 71}
    base.update(facts)
    return profile_from_dict(base)


def test_invented_profiles_through_the_new_kinds() -> None:
    trial = invented_trial(
        "* Stage IV NSCLC\n* Measurable intracranial lesions ≥10 mm must be recorded as target lesions.\n"
        "* Subjects with treated brain metastases are eligible (untreated brain metastases are ineligible) provided "
        "they are neurologically stable.\n",
        "* Untreated CNS metastases.\n  * Participants are eligible if CNS metastases are adequately treated and "
        "stable.\n",
        title="A study", conditions=("Non-small Cell Lung Cancer",))
    rules = brain_metastases.parse(trial)
    expected = {"treated_stable": EL, "none": EL, "active": EX, None: UN}
    for state, verdict in expected.items():
        assert brain_metastases.check(rules, _profile(brain_metastases=state)).verdict == verdict
    for kras in ("G12D", "G12V"):
        patient = _profile(alterations=[{"gene": "KRAS", "type": "mutation", "detail": kras}], ecog=0,
                           brain_metastases="none")
        assert brain_metastases.check(rules, patient).verdict == EL
