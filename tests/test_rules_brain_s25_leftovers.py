"""Brain: three kinds left over after the sets M-O (all sentences invented).

1. An allowance with "also" / "still" before its verb, inside a brain-metastasis exclusion and with no site word of
   its own: "Brain metastases (previously irradiated lesions that are stable are also allowed)". The "also" hid the
   verb, so treated, stable metastases were excluded with every other kind. It is an exception to the exclusion, as
   it is without "also".
2. A required untreated lesion whose treatments are joined by "or" ("at least one brain metastasis that has not been
   treated with radiotherapy or surgery"): the "or surgery" was taken for another way into the trial, so a patient
   without brain metastases became a question. Two treatments of one lesion open no other way in. The lesion's own
   clause may also stand behind a size aside ("(>= 5 mm)") or use a modal ("must not have been treated").
3. A bare inclusion naming brain metastases by their origin ("Brain metastases from lung or breast cancer"): read as a
   permission (or, with "lung" sharing the noun of a list, as other cancers' metastases), it set no need. It names the
   trial's population: a patient without brain metastases fails it.
4. A brain requirement narrowed by whether its metastases fit a local treatment ("Brain metastases on MRI" with the
   sub-bullet "Not suitable for surgical resection or stereotactic radiosurgery"): the sub-bullet was read as nothing,
   so an active profile met the requirement. No profile says whether its lesions suit surgery or radiosurgery: a
   treated or active patient is a question; one without brain metastases still fails.
5. A qualifier and CNS site shared by a list whose member is a bare "metastases" ("Symptomatic primary CNS tumour,
   metastases or leptomeningeal disease"): only the leptomeningeal member was read, so an active profile was not
   asked about. The metastases are the CNS ones, under the list's qualifier."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain, brain_verdicts

# none, treated and stable, active, not given
BAN_WITH_TREATED_EXCEPTION = (EL, EL, EX, UN)
ALL_BANNED = (EL, EX, EX, UN)
UNTREATED_REQUIRED = (EX, EX, EL, UN)
REQUIRED = (EX, EL, EL, UN)

ALSO_ALLOWED = [
    "Brain metastases (previously irradiated lesions that are stable are also allowed)",
    "Known CNS metastases (treated lesions that remain stable are also permitted)",
    "Intracranial metastatic disease (lesions previously treated with radiosurgery and stable for 4 weeks are also "
    "eligible)",
    "Cerebral metastases; previously resected lesions that are stable are still allowed",
    "Known brain metastases. Stable, previously treated lesions will also be allowed.",
    "Central nervous system metastases (lesions that were irradiated and are radiologically stable are also acceptable"
    " if off steroids)",
]


@pytest.mark.parametrize("exclusion", ALSO_ALLOWED)
def test_also_allowed_treated_lesions_are_an_exception(exclusion: str) -> None:
    got = brain(exclusion=exclusion)
    assert got[0] == EL and got[1] != EX and got[2] == EX and got[3] == UN


@pytest.mark.parametrize("exclusion", [
    "Brain metastases (previously irradiated lesions are also excluded)",
    "Brain metastases; treated lesions are not allowed either",
    "Known CNS metastases, including lesions that were previously irradiated",
])
def test_near_miss_no_allowance_still_bans_all(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == ALL_BANNED


def test_near_miss_untreated_ban_with_also_allowance_keeps_active_out() -> None:
    assert brain(exclusion="Untreated brain metastases (treated lesions are also allowed)") == (
        BAN_WITH_TREATED_EXCEPTION)


UNTREATED_LESION_OR_TREATMENTS = [
    "At least one brain metastasis that has not been treated with radiotherapy or surgery",
    "At least one CNS metastasis not previously treated with stereotactic radiosurgery or resection",
    "At least one cerebral metastasis that has not received WBRT or surgical excision",
    "Patients must have at least one brain metastasis that has not been treated with SRS, WBRT or neurosurgery",
    "At least one measurable intracranial lesion (>= 5 mm) that has not been previously treated with radiation or "
    "resection",
    "Confirmed brain metastases; at least one intracranial lesion must not have been treated with local therapy "
    "(radiotherapy or surgery)",
]


@pytest.mark.parametrize("inclusion", UNTREATED_LESION_OR_TREATMENTS)
def test_untreated_lesion_with_joined_treatments_is_required(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == UNTREATED_REQUIRED


@pytest.mark.parametrize("inclusion", [
    # another way in that is not about the brain keeps the patient without brain metastases a question
    "At least one brain metastasis not previously treated with radiotherapy, or measurable extracranial disease",
    "Untreated brain metastases, or an extracranial lesion amenable to biopsy",
])
def test_near_miss_a_real_other_way_in_is_kept(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[0] != EX


def test_near_miss_size_aside_without_untreated_clause_stays_a_count() -> None:
    assert brain(inclusion="At least one measurable intracranial lesion (>= 5 mm)") == (EX, UN, UN, UN)


ORIGIN_BULLETS = [
    "Brain metastases from lung or breast cancer",
    "Patients with brain metastases from non-small cell lung cancer",
    "Cerebral metastases from a solid tumour",
    "Radiologically confirmed CNS metastases from lung, renal or breast primaries.",
    "MRI-proven intracranial metastases arising from NSCLC",
    "Brain metastases secondary to lung adenocarcinoma",
]


@pytest.mark.parametrize("inclusion", ORIGIN_BULLETS)
def test_bare_origin_bullet_requires_brain_metastases(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == REQUIRED


@pytest.mark.parametrize("inclusion", [
    "Brain metastases from NSCLC are allowed",
    "Brain metastases from lung cancer, if present, must be treated and stable",
    "No brain metastases from lung cancer",
])
def test_near_miss_origin_with_a_verb_or_condition_is_no_requirement(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[0] != EX


def test_near_miss_other_primaries_only_set_no_rule() -> None:
    assert brain(exclusion="Brain metastases from small cell lung or breast cancer") == NO_RULE
    assert brain(exclusion="Brain metastases from melanoma or renal cancer") == NO_RULE


SUITABILITY = [
    ("Brain metastases, as diagnosed by CT or MRI", "Not suitable for surgical resection or stereotactic radiosurgery"),
    ("Radiologically confirmed intracranial metastases", "Not amenable to SRS"),
    ("Patients must have brain metastases", "Unsuitable for neurosurgery or radiosurgery"),
    ("At least one brain metastasis on gadolinium MRI", "Lesions not candidates for resection or gamma knife"),
    ("CNS metastases documented by MRI", "Considered inappropriate for local therapy by the tumour board"),
    ("Confirmed cerebral metastases", "Ineligible for stereotactic radiotherapy"),
]


@pytest.mark.parametrize(("parent", "child"), SUITABILITY)
def test_sub_bullet_on_local_treatment_fit_leaves_treated_and_active_open(parent: str, child: str) -> None:
    got = brain_verdicts(inclusion=f"* {parent}\n  * {child}\n", title="A trial")
    assert got[0] == EX and got[1] != EL and got[2] == UN and got[3] == UN


@pytest.mark.parametrize("inclusion", [
    "Patients must have brain metastases not suitable for surgical resection or radiosurgery",
    "Patients must have brain metastases that are not amenable to surgery or SRS",
])
def test_same_line_local_treatment_fit_leaves_them_open(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (EX, UN, UN, UN)


def test_near_miss_other_sub_bullet_keeps_the_requirement() -> None:
    got = brain_verdicts(inclusion="* Brain metastases on MRI\n  * Measurable per RANO-BM\n", title="A trial")
    assert got == REQUIRED


def test_near_miss_suitability_of_another_site_in_an_exclusion_is_untouched() -> None:
    assert brain(exclusion="Active brain metastases") == (EL, EL, EX, UN)
    assert brain(inclusion="Primary tumour not suitable for surgical resection") == NO_RULE


SHARED_SITE_LIST = [
    ("Symptomatic primary central nervous system (CNS) tumour, metastases, leptomeningeal disease, or cord compression",
     (EL, EL, UN, UN)),
    ("Symptomatic CNS tumours, metastases or meningeal carcinomatosis", (EL, EL, UN, UN)),
    ("Untreated brain tumours or metastases", (EL, EL, EX, UN)),
    ("Active primary intracranial neoplasm, metastatic disease or leptomeningeal spread", (EL, EL, EX, UN)),
    ("Progressing cerebral tumour and metastases", (EL, EL, EX, UN)),
    ("Uncontrolled primary brain malignancy, metastases, or spinal cord compression", (EL, EL, EX, UN)),
]


@pytest.mark.parametrize(("exclusion", "expected"), SHARED_SITE_LIST)
def test_list_sharing_a_cns_site_names_its_metastases(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion) == expected


def test_shared_site_list_keeps_its_permission() -> None:
    exclusion = ("Symptomatic primary CNS tumour, metastases or leptomeningeal disease. Participants are eligible if "
                 "neurological symptoms and CNS imaging are stable")
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


@pytest.mark.parametrize("exclusion", [
    "Primary CNS tumours or metastases of another cancer",   # no qualifier: not this kind
    "Symptomatic CNS tumours",                                # no metastases named
    "Symptomatic liver tumours, metastases or ascites",      # another site
])
def test_near_miss_lists_without_shared_cns_qualifier_stay_as_they_were(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[1] != EX


def test_near_miss_also_allowed_outside_a_brain_criterion_sets_no_rule() -> None:
    got = brain(inclusion="At least one measurable lesion per RECIST 1.1 (previously irradiated lesions that are "
                          "stable are also allowed)",
                exclusion="Prior thoracic radiotherapy (irradiated lesions that have progressed are also allowed)")
    assert got == NO_RULE
