"""Brain: kinds of sentence from session 32.

- "Participants with untreated, asymptomatic brain metastases ... may be enrolled ..., provided no immediate local
  therapy is required": the list's first qualifier sat after "with" before a comma and was dropped, so the permission
  read as one of any metastases and its proviso left treated, stable patients a question. A permission of untreated
  ones, and its proviso, says nothing of treated ones.
- "Brain metastases are allowed provided no immediate local therapy is required": treated, stable metastases need no
  local therapy now; they meet the proviso (as "not requiring ..." already read).
Invented sentences only; near-misses keep their verdicts."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain


@pytest.mark.parametrize("exclusion", [
    "Brain metastases unless asymptomatic, stable and off steroids for 14 days. // Patients with untreated, "
    "asymptomatic brain metastases up to 1 cm may be enrolled in Cohort 2, provided no immediate local therapy is "
    "required.",
    "Symptomatic or progressing CNS metastases. // Subjects with untreated, asymptomatic CNS metastases <= 10 mm may "
    "enrol in the dose-escalation part if no urgent radiotherapy is needed.",
    "Active brain metastases. // Participants with untreated, small brain metastases (< 5 mm) may participate "
    "provided they do not need immediate local treatment.",
    "Known brain metastases unless treated and stable for 4 weeks. // Patients with untreated, asymptomatic brain "
    "metastases may be enrolled in Arm B at the investigator's discretion, provided no corticosteroids are required.",
    "CNS metastases unless asymptomatic and stable. // Patients with new, asymptomatic brain metastases may be "
    "enrolled provided that no local therapy is indicated.",
    "Brain metastases unless clinically stable. // Patients having untreated, asymptomatic brain metastases may join, "
    "provided no immediate treatment is planned or required.",
])
def test_a_permission_of_untreated_ones_with_a_proviso_leaves_treated_ones_in(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("exclusion", [
    # the list's qualifiers after "with" all bind an exclusion: both must hold
    ("Patients with untreated, asymptomatic brain metastases.", (EL, EL, EX)),
    ("Patients with active, untreated brain metastases.", (EL, EL, EX)),
    ("Patients with untreated, symptomatic brain metastases.", (EL, EL, UN)),
    ("Patients with symptomatic, untreated brain metastases are not eligible.", (EL, EL, UN)),
    # a treated subject's permission still leaves untreated ones to the ban
    ("Brain metastases unless treated and stable. // Patients with treated, asymptomatic brain metastases may be "
     "enrolled provided no steroids are required.", (EL, EL, EX)),
    ("Patients with treated, stable brain metastases are eligible. // Untreated brain metastases.", (EL, EL, EX)),
    ("Brain metastases requiring immediate local therapy.", (EL, EL, UN)),
])
def test_near_misses_keep_their_verdicts(exclusion: tuple[str, tuple[str, ...]]) -> None:
    text, expected = exclusion
    assert brain(exclusion=text)[:3] == expected


@pytest.mark.parametrize("inclusion", [
    "Brain metastases are allowed provided no immediate local therapy is required.",
    "CNS metastases are permitted as long as no urgent radiotherapy or surgery is needed.",
    "Patients with brain metastases may enrol if no steroid treatment is currently required.",
    "Brain metastases are eligible, provided that no local treatment is indicated at the time of enrolment.",
    "Participants with brain metastases may be included if no immediate neurosurgical intervention is required.",
    "Asymptomatic brain metastases are allowed if no local therapy is planned.",
    "Brain metastases are permitted provided that no radiotherapy or surgery is anticipated during the study.",
])
def test_no_local_therapy_required_is_met_by_treated_stable_ones(inclusion: str) -> None:
    assert brain(inclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize(("inclusion", "expected"), [
    # a proviso that is not a need for treatment keeps its reading
    ("Brain metastases are allowed provided a brain MRI is required at screening.", (EL, UN, UN)),
    ("Brain metastases are allowed only if treated and stable.", (EL, EL, EX)),
    ("Brain metastases are allowed provided they are stable.", (EL, EL, EX)),
])
def test_other_provisos_keep_their_verdicts(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion)[:3] == expected


# "Active brain metastases. // Asymptomatic brain metastases are allowed.": a permission of asymptomatic ones lets
# untreated ones without symptoms in, so a ban of active (untreated, progressing) ones leaves an active patient whose
# symptoms are not given a question, as a permission naming untreated ones already did.
@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("", "Active brain metastases. // Asymptomatic brain metastases are allowed."),
    ("", "Progressing or untreated CNS metastases. // Patients with asymptomatic CNS metastases are eligible."),
    ("", "Uncontrolled brain metastases. // Subjects with brain metastases that are asymptomatic may be enrolled."),
    ("Patients with asymptomatic brain metastases are eligible.", "Active CNS metastases."),
    ("", "Active brain metastases. // Asymptomatic brain metastases not requiring steroids are permitted."),
    ("", "Brain metastases unless treated and stable. // Asymptomatic brain metastases are allowed."),
])
def test_a_permission_of_asymptomatic_ones_makes_a_ban_of_active_ones_a_question(inclusion: str,
                                                                                exclusion: str) -> None:
    assert brain(inclusion, exclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("exclusion", [
    "Active brain metastases.",
    # the asymptomatic ones let in are treated ones
    "Active brain metastases. // Patients with treated, asymptomatic brain metastases are allowed.",
    "Active brain metastases. // Asymptomatic brain metastases are allowed if previously irradiated.",
    "Untreated CNS metastases. // Asymptomatic brain metastases that have been resected are permitted.",
    # a rule on asymptomatic ones, no permission
    "Active brain metastases. // Asymptomatic brain metastases must have been treated.",
])
def test_a_permission_of_treated_asymptomatic_ones_keeps_the_ban(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, EX)


# "Any symptoms attributed to brain metastases must be stable for 4 weeks": the rule is about the symptoms, which an
# untreated metastasis may not cause; an active patient whose symptoms are not given is a question, not excluded.
@pytest.mark.parametrize("exclusion", [
    "Any symptoms attributed to brain metastases must be stable for at least 4 weeks before enrolment.",
    "Neurological symptoms due to CNS metastases must be stable for 2 weeks.",
    "Symptoms related to brain metastases should have been stable for at least 14 days.",
    "Patients whose symptoms are caused by brain metastases must be clinically stable for 7 days.",
    "Any neurological symptoms secondary to brain metastases must have been stable for 1 month.",
])
def test_a_stability_rule_on_the_symptoms_leaves_active_ones_a_question(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("exclusion", [
    "Brain metastases must be stable for at least 4 weeks.",
    "Symptomatic brain metastases. // Brain metastases must be radiologically stable for 4 weeks.",
    "Brain metastases unless stable for 4 weeks after radiotherapy.",
])
def test_a_stability_rule_on_the_metastases_keeps_active_ones_out(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, EX)


# "Brain metastases are allowed if asymptomatic; no other malignancy, except ...": a semicolon joins another rule to
# the permission. It is neither one of the permission's conditions ("no active infection" read as "no active
# metastases" excluded active patients) nor a reason to read the whole bullet as another cancer's rule.
@pytest.mark.parametrize("inclusion", [
    "Brain metastases are allowed if asymptomatic; no other malignancy, except basal cell carcinoma of the skin.",
    "Brain metastases are allowed if asymptomatic; no other malignancy within 3 years.",
    "Brain metastases are allowed if asymptomatic; no active infection.",
    "CNS metastases are permitted if asymptomatic; no uncontrolled hypertension or diabetes.",
    "Patients with brain metastases may be enrolled if asymptomatic; no active infection requiring IV antibiotics.",
    "Asymptomatic brain metastases are allowed; no other active cancer, except treated in situ carcinoma.",
])
def test_a_run_on_rule_after_a_semicolon_is_not_the_permissions_condition(inclusion: str) -> None:
    assert brain(inclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    # the clause after the semicolon is the metastases' own condition
    ("Brain metastases are allowed if treated; no progression on MRI for 4 weeks.", "", (EL, EL, EX)),
    ("Brain metastases are allowed if asymptomatic; no new lesions.", "", (EL, EL, EX)),
    ("Brain metastases are allowed if asymptomatic; no steroids for 2 weeks.", "", (EL, EL, UN)),
    ("Patients with brain metastases may enrol if treated and stable; no active infection.", "", (EL, EL, EX)),
    # another cancer's brain metastases set no rule; a bare ban run on with another rule still bans
    ("", "Patients with another malignancy with brain metastases.", (EL, EL, EL)),
    ("", "Brain metastases; no other malignancy within 3 years.", (EL, EX, EX)),
])
def test_clauses_of_the_metastases_keep_their_verdicts(inclusion: str, exclusion: str,
                                                       expected: tuple[str, ...]) -> None:
    assert brain(inclusion, exclusion)[:3] == expected
