"""Brain metastasis rules: real criteria sentences, one row per rule, checked per profile state."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile

STATES = ("none", "treated_stable", "active", None)
VERDICTS = {"eligible", "excluded", "unknown"}


def trial(inclusion: str = "", exclusion: str = "", title: str = "A trial in advanced NSCLC") -> TrialText:
    return invented_trial(inclusion, exclusion, title)


def verdicts(text: TrialText) -> tuple[str, ...]:
    """Verdicts for the states none, treated_stable, active, unknown, in that order."""
    rules = brain_metastases.parse(text)
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


EL, UN, EX = "eligible", "unknown", "excluded"

# (inclusion bullet, exclusion bullet, title or "", expected (none, treated_stable, active, unknown))
CASES = {
    "any-cns-metastases-excludes-treated-too": (
        "", "* Central nervous system metastases", "", (EL, EX, EX, UN)),
    "presence-of-cerebral-metastases-excludes-treated": (
        "", "* Presence of cerebral metastases;", "", (EL, EX, EX, UN)),
    "active-brain-metastases-excludes-active-only": (
        "", "* Has known active central nervous system (CNS) metastases;", "", (EL, EL, EX, UN)),
    "symptomatic-only-leaves-active-unclear": (
        "", "* Symptomatic brain or meningeal metastasis;", "", (EL, EL, UN, UN)),
    "untreated-symptomatic-needs-both-so-unclear": (
        "", "* Untreated symptomatic central nervous system metastases", "", (EL, EL, UN, UN)),
    "symptomatic-or-untreated-excludes-active": (
        "", "* Symptomatic or untreated brain metastases", "", (EL, EL, EX, UN)),
    "active-and-uncontrolled-synonyms-exclude-active": (
        "", "* Active and uncontrolled CNS metastases (indicated by clinical symptoms, cerebral edema, "
            "corticosteroid and/or anticonvulsant requirement, or progressive disease)", "", (EL, EL, EX, UN)),
    "uncontrollable-is-unclear-for-active": (
        "", "* Patients with uncontrollable brain metastases;", "", (EL, EL, UN, UN)),
    "untreated-or-meningeal-still-excludes-active": (
        "", "* Untreated brain metastasis or accompanied by meningeal metastases, spinal cord compression;", "",
        (EL, EL, EX, UN)),
    "unless-completed-local-therapy-excludes-active": (
        "", "* Documented brain metastases unless the patient has completed successful local therapy for central "
            "nervous system metastases and has been off of corticosteroids for at least 4 weeks before enrollment. "
            "Brain imaging is required in symptomatic patients to rule out brain metastases", "", (EL, EL, EX, UN)),
    "except-asymptomatic-leaves-active-unclear": (
        "", "* Evidence of CNS metastases, except for the patients without any symptom or the patients with "
            "symptom but have stable disease for at least 28 days after treatment of CNS metastases.", "",
        (EL, EL, UN, UN)),
    "parenthetical-completed-treatment-keeps-treated": (
        "", "* Patients with active brain metastasis, carcinomatous meningitis, or spinal compression (patients who "
            "have completed the treatment and in a stable condition 21 days before screening could be included).",
        "", (EL, EL, EX, UN)),
    "follow-up-permission-lets-treated-back-in": (
        "", "* Presence of brain metastases and/or cancerous meningitis. Subjects who have been treated for brain "
            "metastases may be considered for participation in this study provided that the disease has been "
            "stable for at least 3 months.", "", (EL, EL, EX, UN)),
    "allowed-if-stable-leaves-active-unclear": (
        "* Brain metastases are allowed, given that are clinically stable and the patient does not present "
        "neurologic symptoms.", "", "", (EL, EL, UN, UN)),
    "allowed-when-treated-and-stable-excludes-active": (
        "* Subjects with asymptomatic brain metastases or brain metastases can be included in this study when the "
        "following conditions are met: brain metastases are treated and stable, no neurological symptoms and no "
        "need for corticosteroid therapy.", "", "", (EL, EL, EX, UN)),
    "no-active-cns-metastases-in-inclusion": (
        "* No active CNS metastases or spinal cord compression (i.e., progressing or requiring anticonvulsants or "
        "corticosteroids for symptomatic control);", "", "", (EL, EL, EX, UN)),
    "without-or-asymptomatic-alternative": (
        "* Patients without CNS metastases or asymptomatic patients with brain metastases.", "", "",
        (EL, EL, UN, UN)),
    "must-have-stable-status-after-local-therapy": (
        "", "* Patients with uncontrolled brain metastasis. Note: Patients with brain metastases must have stable "
            "neurologic status following local therapy (surgery or radiation) for at least 2 weeks", "",
        (EL, EL, EX, UN)),
    "permission-for-active-is-no-restriction": (
        "* Patients with active brain metastases and liver metastases could be enrolled.", "", "",
        (EL, EL, EL, EL)),
    "leptomeningeal-only-unclear-when-unknown": (
        "", "* Cancer meningitis in subjects", "", (EL, EL, EL, UN)),
    "brainstem-location-only-unclear-when-unknown": (
        "", "* Brain metastases in the brainstem", "", (EL, EL, EL, UN)),
    "target-lesion-rule-is-not-a-brain-rule": (
        "* Patient has measurable disease, as per RECIST 1.1. Metastatic lesions in CNS or in brain cannot be used "
        "for target lesions.", "", "", (EL, EL, EL, EL)),
    "radiosensitizer-mention-is-not-a-brain-rule": (
        "", "* Any prior systemic chemotherapy for the treatment of lung cancer. This includes systemic "
            "radiosensitizers used to treat brain metastases and any biologic agent.", "", (EL, EL, EL, EL)),
    "brain-metastasis-trial-requires-them": (
        "* histologically diagnosed as NSCLC, stage IVb, Brain metastasis", "",
        "Temozolomide and Whole Brain Radiotherapy in NSCLC Patients With Brain Metastases", (EX, EL, EL, UN)),
    "prior-brain-radiation-unclear-for-treated": (
        "* The patient with brain metastases confirmed by histopathology or imaging.",
        "* Patients with recurrent brain metastases have previously received brain radiation therapy",
        "Apatinib Combined With Radiotherapy in Patient With Brain Metastases From NSCLC", (EX, UN, EL, UN)),
    "untreated-target-lesion-excludes-treated": (
        "* According to RECIST1.1, the patient has at least 1 intracranial target lesion. The requirements for "
        "target lesions are: measurable lesions that have not undergone local treatment such as irradiation or "
        "have clearly progressed after local treatment.", "",
        "Almonertinib in Advanced NSCLC With Brain Metastases", (EX, EX, EL, UN)),
    "not-irradiated-lesion-rule-is-not-about-brain": (
        "* At least one lesion that is not irradiated; brain lesion is not included as measurable target lesion;",
        "", "", (EL, EL, EL, EL)),
    "with-or-without-brain-metastases-requires-nothing": (
        "", "", "Osimertinib in EGFR NSCLC With or Without Brain Metastases", (EL, EL, EL, EL)),
    "with-or-without-brain-metastases-is-not-a-rule": (
        "* Patients with NSCLC with or without brain metastases", "", "", (EL, EL, EL, EL)),
    "including-asymptomatic-brain-metastases-is-not-a-rule": (
        "* Stage IV NSCLC (including patients with asymptomatic brain metastases)", "", "", (EL, EL, EL, EL)),
    "whole-brain-radiotherapy-alone-sets-no-rule": (
        "", "* Prior whole brain radiotherapy (WBRT);", "", (EL, EL, EL, EL)),
}

# Kinds of sentence read since the recruiting set showed them misread: invented wordings of each kind.
KINDS = {
    # "metastatic disease involving the CNS": the site after the noun is still a brain metastasis.
    "metastatic-disease-involving-the-cns": (
        "", "* Known metastatic disease involving the central nervous system", "", (EL, EX, EX, UN)),
    "metastatic-lesions-within-the-brain": (
        "", "* Metastatic lesions within the brain", "", (EL, EX, EX, UN)),
    "metastatic-spread-to-brain-unless-treated": (
        "", "* Metastatic spread to the brain, unless previously irradiated and stable", "", (EL, EL, EX, UN)),
    # "must not have evidence of active ...": a permission on condition of inactivity.
    "must-not-have-evidence-of-active": (
        "* Patients with a history of brain metastases must not have evidence of progressive intracranial disease",
        "", "", (EL, EL, EX, UN)),
    "should-not-show-signs-of-active": (
        "* Participants with known CNS metastases should not show any signs of active disease on MRI",
        "", "", (EL, EL, EX, UN)),
    # A treatment status left open in an aside is no qualifier: the other words decide.
    "symptomatic-aside-treated-or-untreated": (
        "", "* Symptomatic (treated or untreated) CNS metastases", "", (EL, EL, UN, UN)),
    "symptomatic-aside-whether-treated": (
        "", "* Symptomatic (whether treated or not) brain metastases", "", (EL, EL, UN, UN)),
    "history-of-treated-or-untreated-excludes-all": (
        "", "* History of treated or untreated brain metastases", "", (EL, EX, EX, UN)),
    # A present need for local treatment: treated, stable metastases need none now.
    "requiring-immediate-local-therapy": (
        "", "* Participants requiring immediate local therapy for brain metastases", "", (EL, EL, UN, UN)),
    "in-need-of-urgent-radiotherapy": (
        "", "* In need of urgent radiotherapy for CNS metastases", "", (EL, EL, UN, UN)),
    "would-require-whole-brain-radiotherapy": (
        "", "* Brain metastases that would need whole brain radiotherapy during the study", "", (EL, EL, UN, UN)),
    # The permission after an exclusion may drop the site: "treated metastases" are the same ones.
    "bare-metastases-permission-after-exclusion": (
        "", "* Active brain metastases. Asymptomatic small metastases not needing treatment are permitted.", "",
        (EL, EL, UN, UN)),
    "bare-lesions-permission-after-exclusion": (
        "", "* Any CNS metastases. Previously irradiated lesions that are stable may be included.", "",
        (EL, EL, EX, UN)),
    # An exception whose conditions follow as a list ("eligible if they are:") reads the list.
    "exception-conditions-in-sub-bullets": (
        "", "* Untreated or progressing brain metastases, except as below. Patients with brain metastases are "
            "eligible if they meet all of:\n    * Neurologically stable\n    * Completed radiotherapy at least "
            "2 weeks before\n    * Off steroids", "", (EL, EL, EX, UN)),
    "exclusion-unless-list-of-conditions": (
        "", "* Brain metastases, unless all of the following are met:\n    * treated with radiosurgery or surgery"
            "\n    * stable for 4 weeks\n    * off steroids", "", (EL, EL, EX, UN)),
    "exclusion-except-when-asymptomatic-list": (
        "", "* CNS metastases, except when:\n    * asymptomatic\n    * not requiring steroids", "",
        (EL, EL, UN, UN)),
    "permission-conditions-in-flat-list": (
        "* Treated or untreated asymptomatic brain metastases are allowed provided all of the following apply:\n"
        "* No ongoing need for corticosteroids\n* No radiotherapy within 14 days", "", "", (EL, EL, UN, UN)),
    "exception-with-unstated-conditions-adds-no-rule": (
        "", "* Uncontrolled or untreated CNS metastases. Participants with treated brain metastases may be "
            "eligible if additional requirements are met.", "", (EL, EL, EX, UN)),
    "exception-naming-treatment-excludes-untreated": (
        "", "* Uncontrolled brain metastases. Brain metastases are permitted if previously treated with surgery or "
            "radiosurgery and stable.", "", (EL, EL, EX, UN)),
    # "Must have one of the following" over sub-bullets: any one is enough.
    "one-of-the-following-brain-states": (
        "* Patients must meet one of the following:\n    * No evidence of brain metastases\n    * Untreated brain "
        "metastases not requiring immediate therapy\n    * Previously treated brain metastases that are stable",
        "", "", (EL, EL, UN, UN)),
    "either-of-the-following-brain-states": (
        "* Either of the following:\n    * Absence of CNS metastases\n    * Brain metastases irradiated and "
        "stable", "", "", (EL, EL, EX, UN)),
    # A bare "untreated brain metastases" in an inclusion list cannot tell treated patients they are out.
    "bare-untreated-in-inclusion-is-not-a-requirement": (
        "* Untreated brain metastases not requiring urgent local treatment", "", "", (EL, UN, UN, UN)),
    # A trial for uncontrolled or untreated brain metastases: treated, stable ones are not what it asks for.
    "inclusion-sentence-about-imaging-is-no-requirement": (
        "* Patients with treated brain metastases will need repeat MRI to confirm stability", "", "",
        (EL, EL, UN, UN)),
    "inclusion-bare-treated-stable-is-a-question-for-active": (
        "* Brain metastases treated and stable", "", "", (EL, EL, UN, UN)),
    # A permission word straight after the mention, without a verb, in an exclusion list.
    "allowed-if-treated-without-verb": (
        "", "* Brain metastases allowed if treated and stable", "", (EL, EL, EX, UN)),
    "permitted-if-irradiated-without-verb": (
        "", "* CNS metastases permitted when irradiated and neurologically stable", "", (EL, EL, EX, UN)),
    # "regardless of treatment" qualifies the exclusion: every brain metastasis is out.
    "regardless-of-treatment-excludes-all": (
        "", "* Known brain metastases, regardless of treatment status", "", (EL, EX, EX, UN)),
    "irrespective-of-symptoms-untreated": (
        "", "* Untreated brain metastases irrespective of symptoms", "", (EL, EL, EX, UN)),
    "regardless-of-other-things-names-no-rule": (
        "* Advanced NSCLC regardless of PD-L1 status or brain metastases", "", "", (EL, EL, EL, EL)),
    # "who have not completed radiotherapy": untreated ones, not treated ones.
    "not-completed-radiotherapy-excludes-active": (
        "", "* Patients with brain metastases who have not completed radiotherapy", "", (EL, EL, EX, UN)),
    "not-yet-received-local-therapy": (
        "", "* CNS metastases that have not yet received local therapy", "", (EL, EL, EX, UN)),
    "requires-uncontrolled-brain-metastases": (
        "* Must have progressive brain metastases after prior local therapy", "", "", (EX, EX, EL, UN)),
    "title-requires-untreated-brain-metastases": (
        "", "", "A Study of Drug X in NSCLC Patients With Untreated Brain Metastases", (EX, EX, EL, UN)),
    # A title saying whom the trial is for ("for", "in") names its patients; prevention trials do not.
    # A requirement said after the mention ("are required", "must be present").
    "active-brain-metastases-are-required": (
        "* Active brain metastases (new or progressing) are required", "", "", (EX, EX, EL, UN)),
    "untreated-brain-metastases-must-be-present": (
        "* Untreated CNS metastases must be present on MRI", "", "", (EX, EX, EL, UN)),
    "brain-metastases-mandatory": (
        "* Brain metastases are mandatory", "", "", (EX, EL, EL, UN)),
    # A title asking for untreated or progressive brain metastases leaves out treated, stable ones even
    # when the criteria name brain metastases plainly.
    "title-untreated-with-plain-criterion": (
        "* Brain metastases confirmed by MRI", "", "Drug U in NSCLC Patients With Untreated Brain Metastases",
        (EX, EX, EL, UN)),
    "title-progressive-after-radiotherapy": (
        "", "", "Drug T for Progressive Brain Metastases After Radiotherapy in NSCLC", (EX, EX, EL, UN)),
    # A clause narrowing which metastases are meant, in words no qualifier reads: a question for anyone with them.
    "with-midline-shift-is-a-question": (
        "", "* Brain metastases with midline shift", "", (EL, UN, UN, UN)),
    "causing-mass-effect-is-a-question": (
        "", "* CNS metastases causing significant mass effect", "", (EL, UN, UN, UN)),
    # A measured size is a lesion property no profile gives: treated, stable ones are taken to fit (the adjudicated
    # synthN label of "Any brain metastasis > 3 cm in size", N kind 9); an active one is a question.
    "larger-than-size-is-a-question": (
        "", "* Brain metastases > 3 cm", "", (EL, EL, UN, UN)),
    "plain-known-brain-metastases-still-excludes": (
        "", "* Known brain metastases", "", (EL, EX, EX, UN)),
    # "... are excluded / not eligible" after the mention is an exclusion in any section.
    "inclusion-section-are-excluded": (
        "* Patients with active brain metastases are excluded", "", "", (EL, EL, EX, UN)),
    "inclusion-section-not-eligible": (
        "* Participants with untreated CNS metastases are not eligible", "", "", (EL, EL, EX, UN)),
    "inclusion-section-not-permitted-unless-treated": (
        "* Brain metastases not permitted unless irradiated", "", "", (EL, EL, EX, UN)),
    # A trial for leptomeningeal disease: patients without brain or meningeal disease are out.
    "must-have-leptomeningeal-metastases": (
        "* Must have leptomeningeal metastases confirmed by CSF cytology", "", "", (EX, UN, UN, UN)),
    "required-to-have-meningeal-carcinomatosis": (
        "* Participants are required to have meningeal carcinomatosis on MRI", "", "", (EX, UN, UN, UN)),
    # "active CNS disease": qualified by activity, the disease is the metastases; alone it is not read.
    "known-active-cns-disease": (
        "", "* Known active CNS disease", "", (EL, EL, EX, UN)),
    "symptomatic-intracranial-disease": (
        "", "* Symptomatic intracranial disease", "", (EL, EL, UN, UN)),
    "untreated-cns-involvement-unless-stable": (
        "", "* Untreated CNS involvement; patients with treated brain metastases that are stable may enrol", "",
        (EL, EL, EX, UN)),
    "history-of-cns-disease-is-not-brain-metastases": (
        "", "* History of CNS disease such as stroke", "", (EL, EL, EL, EL)),
    # A requirement naming a treated, stable alternative, or said "if present", leaves treated patients in.
    "requires-active-or-stable-treated": (
        "* Must have active brain metastases or stable treated brain metastases", "", "", (EX, EL, EL, UN)),
    "must-have-if-present-is-a-condition": (
        "* Must have brain metastases treated and stable, if present", "", "", (EL, EL, UN, UN)),
    "must-parent-if-any-is-a-condition": (
        "* Patients must:\n    * have CNS metastases irradiated and stable, if any", "", "", (EL, EL, UN, UN)),
    # A title that includes or allows patients with brain metastases does not ask for them.
    "title-including-patients-with-brain-metastases": (
        "", "", "Drug Q in Advanced NSCLC Including Patients With Brain Metastases", (EL, EL, EL, EL)),
    "title-allowing-untreated-brain-metastases": (
        "", "", "Drug Q in Advanced NSCLC, Allowing Patients With Untreated Brain Metastases", (EL, EL, EL, EL)),
    # Treatments of brain metastases: a washout or a permission about the treatment sets no brain rule.
    "radiosurgery-within-days-is-a-washout": (
        "", "* Stereotactic radiosurgery for brain metastases within 7 days", "", (EL, EL, EL, EL)),
    "prior-radiotherapy-allowed-if-completed": (
        "", "* Prior radiotherapy for brain metastases is allowed if completed 2 weeks before", "",
        (EL, EL, EL, EL)),
    # An exclusion of metastases treated a certain way: treated ones are a question, untreated ones are not meant.
    "treated-with-whole-brain-radiotherapy": (
        "", "* Brain metastases treated with whole brain radiotherapy", "", (EL, UN, EL, UN)),
    "previously-resected-brain-metastases": (
        "", "* CNS metastases that have been resected within the last 3 months", "", (EL, UN, EL, UN)),
    # Steroid use for brain metastases: a question for patients with them, not an exclusion.
    "receiving-steroids-for-brain-metastases": (
        "", "* Patients with brain metastases who are receiving steroids above 10 mg prednisone daily", "",
        (EL, EL, UN, UN)),
    # Brain metastases of another cancer are not the patient's NSCLC (the reader's "other cancer" purpose).
    "other-malignancy-with-brain-metastases": (
        "", "* Other malignancy with brain metastases", "", (EL, EL, EL, EL)),
    "brain-metastases-from-another-primary": (
        "", "* Glioblastoma or brain metastases from another primary tumor", "", (EL, EL, EL, EL)),
    "title-for-brain-metastases": (
        "", "", "Stereotactic Radiosurgery Plus Drug Y for NSCLC Brain Metastases", (EX, EL, EL, UN)),
    "title-in-brain-metastases": (
        "", "", "Efficacy of Drug Z in Brain Metastases of EGFR-mutant Lung Cancer", (EX, EL, EL, UN)),
    "title-for-leptomeningeal-metastases": (
        "", "", "Intrathecal Drug W for Leptomeningeal Metastases From NSCLC", (EX, UN, UN, UN)),
    "title-prevention-of-brain-metastases-requires-none": (
        "", "", "Prophylactic Cranial Irradiation for Prevention of Brain Metastases in NSCLC", (EL, EL, EL, EL)),
    "title-reducing-risk-of-brain-metastases": (
        "", "", "Drug V to Reduce the Risk of Brain Metastases in Stage IV NSCLC", (EL, EL, EL, EL)),
    "number-not-specified-is-not-a-rule": (
        "* The number of brain metastases is not specified and left to the investigator", "", "",
        (EL, EL, EL, EL)),
    # Scope (read by the shared reader): a rule for one part or cohort cannot exclude everyone.
    "escalation-only-exclusion-is-a-question": (
        "", "* Known CNS metastases (dose escalation only)", "", (EL, UN, UN, UN)),
    "arm-only-exclusion-is-a-question": (
        "", "* Any history of brain metastases (Arms 2 and 3 only)", "", (EL, UN, UN, UN)),
    "cohort-heading-without-brain-metastases": (
        "* Cohort B (expansion):\n    * Patients without brain metastases\n    * Measurable disease", "", "",
        (EL, UN, UN, UN)),
    "other-cancer-cohort-rule-does-not-apply": (
        "", "* Cohort 4 (breast cancer): any brain metastases", "", (EL, EL, EL, EL)),
    "one-cohort-asks-for-brain-metastases": (
        "* Cohort A: NSCLC after one prior line\n* Cohort C: NSCLC with untreated brain metastases", "", "",
        (EL, EL, EL, EL)),
    "every-part-asks-for-brain-metastases": (
        "* Part 1: patients must have progressive brain metastases\n"
        "* Part 2: patients must have progressive brain metastases and measurable disease", "", "",
        (EX, EX, EL, UN)),
    # "Patient must:" over sub-bullets: each sub-bullet is a requirement.
    "must-parent-over-brain-requirement": (
        "* Patient must:\n    * be 18 or older\n    * have uncontrolled brain metastases despite radiotherapy",
        "", "", (EX, EX, EL, UN)),
    # A permission whose subject is qualified lets in only those: active ones outside it are a question.
    "asymptomatic-untreated-allowed": (
        "* Asymptomatic untreated brain metastases are allowed", "", "", (EL, EL, UN, UN)),
    "untreated-asymptomatic-eligible": (
        "* Participants with untreated, asymptomatic CNS metastases are eligible", "", "", (EL, EL, UN, UN)),
    # Only stable ones are permitted: active (untreated or progressing) metastases are not stable.
    "stable-brain-metastases-permitted": (
        "* Stable brain metastases are permitted", "", "", (EL, EL, EX, UN)),
    "small-brain-metastases-may-enrol": (
        "* Patients with small (< 1 cm) brain metastases may be enrolled", "", "", (EL, UN, UN, UN)),
    "treated-allowed-makes-untreated-a-question": (
        "* Treated brain metastases are allowed", "", "", (EL, EL, UN, UN)),
    "previously-irradiated-may-enrol": (
        "* Patients with previously irradiated CNS metastases may be enrolled", "", "", (EL, EL, UN, UN)),
    # "No brain metastases, or ... treated and stable": the alternative after "or" lets treated ones in.
    "no-brain-metastases-or-treated-stable": (
        "* Either no CNS metastases or CNS metastases that are treated and stable", "", "", (EL, EL, EX, UN)),
    "without-brain-metastases-or-irradiated": (
        "* Without brain metastases, or brain metastases irradiated and controlled", "", "", (EL, EL, EX, UN)),
    "no-brain-metastases-or-spinal-compression-is-no-alternative": (
        "* No brain metastases or spinal cord compression", "", "", (EL, EX, EX, UN)),
    # Time windows in a stability condition are assumed met: treated, stable metastases meet them.
    "stable-for-weeks-after-treatment": (
        "* Brain metastases must be stable for at least 4 weeks after local treatment", "", "", (EL, EL, EX, UN)),
    "exception-stable-for-months-after-radiotherapy": (
        "", "* CNS metastases, unless irradiated more than 3 months earlier and stable since", "", (EL, EL, EX, UN)),
    # Leptomeningeal disease and spinal cord compression are not brain metastases.
    "leptomeningeal-only-does-not-exclude-brain": (
        "", "* Leptomeningeal carcinomatosis", "", (EL, EL, EL, UN)),
    "spinal-cord-compression-is-not-a-brain-rule": (
        "", "* Symptomatic spinal cord compression unless treated", "", (EL, EL, EL, EL)),
    "manageable-with-radiosurgery-fits-treated": (
        "* Brain metastases are allowed if they can be managed with stereotactic radiosurgery before enrolment",
        "", "", (EL, EL, UN, UN)),
    # A part, arm or cohort named inside a criterion the reader left unscoped: that part's rule, a question.
    "exclusion-in-a-marker-cohort": (
        "", "* Patients with brain metastases in the EGFR cohort", "", (EL, UN, UN, UN)),
    "exclusion-for-part-1-only": ("", "* Known CNS metastases (Part 1 only)", "", (EL, UN, UN, UN)),
    "exclusion-in-the-expansion-cohort": (
        "", "* Active brain metastases in the dose expansion cohort", "", (EL, EL, UN, UN)),
    "exclusion-in-the-control-arm": ("", "* Untreated brain metastases in the control arm", "", (EL, EL, UN, UN)),
    # Near misses: a rule for every part, or a part named as a moment, is everyone's.
    "exclusion-for-all-cohorts": ("", "* Known brain metastases (all cohorts)", "", (EL, EX, EX, UN)),
    "exclusion-in-any-part": ("", "* Active CNS metastases in any part of the study", "", (EL, EL, EX, UN)),
    "exclusion-before-sub-study-registration": (
        "", "* Untreated brain metastases found before sub-study registration", "", (EL, EL, EX, UN)),
    # A leptomeningeal-only exclusion leaves treated (and untreated) parenchymal brain metastases alone.
    "leptomeningeal-even-if-treated": ("", "* Leptomeningeal disease, even if treated", "", (EL, EL, EL, UN)),
    "history-of-meningeal-carcinomatosis": (
        "", "* History of meningeal carcinomatosis or cord compression", "", (EL, EL, EL, UN)),
    # An inclusion stating brain or leptomeningeal disease as a fact to document is a requirement.
    "documented-brain-metastases-treated-or-untreated": (
        "* Documented brain metastases (treated or untreated)", "", "", (EX, EL, EL, UN)),
    "radiologically-confirmed-brain-metastases": (
        "* Radiologically confirmed brain metastases, treated or untreated", "", "", (EX, EL, EL, UN)),
    "cns-metastases-confirmed-on-mri": ("* CNS metastases confirmed on MRI", "", "", (EX, EL, EL, UN)),
    "newly-diagnosed-untreated-confirmed": (
        "* Newly diagnosed, untreated brain metastases confirmed by contrast MRI", "", "", (EX, EX, EL, UN)),
    "leptomeningeal-confirmed-by-csf": (
        "* Leptomeningeal metastases confirmed by CSF cytology", "", "", (EX, UN, UN, UN)),
    "nsclc-with-proven-leptomeningeal-disease": (
        "* Histologically confirmed NSCLC with MRI-proven leptomeningeal disease", "", "", (EX, UN, UN, UN)),
    "patients-with-documented-meningeal-carcinomatosis": (
        "* Patients with meningeal carcinomatosis documented by MRI or positive CSF", "", "", (EX, UN, UN, UN)),
    # Near misses: a permission, "if present", a plain mention or one cohort's sentence is no requirement for all.
    "confirmed-leptomeningeal-disease-allowed": (
        "* Radiologically confirmed leptomeningeal disease is allowed", "", "", (EL, EL, EL, EL)),
    "confirmed-brain-metastases-if-present": (
        "* Confirmed brain metastases, if present, must be stable", "", "", (EL, EL, EX, UN)),
    "plain-leptomeningeal-disease-inclusion": ("* Leptomeningeal disease", "", "", (EL, EL, EL, EL)),
    "cohort-documented-brain-metastases": (
        "* Cohort B: documented brain metastases", "", "", (EL, UN, UN, UN)),
    # An earlier whole brain radiotherapy is a kind of treatment the profile does not give (labels: no limit), and
    # a location (brain stem) is not a state: neither keeps treated metastases out.
    "prior-wbrt-for-brain-metastases": ("", "* Prior WBRT for brain metastases", "", (EL, EL, EL, EL)),
    "previously-received-whole-brain-radiotherapy": (
        "", "* Previously received whole-brain radiotherapy for CNS metastases", "", (EL, EL, EL, EL)),
    "metastases-in-the-brain-stem": ("", "* Metastases in the brain stem", "", (EL, EL, EL, UN)),
    # Near miss: a permission after an exclusion keeps reading, whole brain radiotherapy named or not.
    "allowed-if-treated-with-wbrt": (
        "", "* History of uncontrolled brain metastases. Patients with brain metastases are allowed if previously "
        "treated with whole-brain radiation or radiosurgery and stable", "", (EL, EL, EX, UN)),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "title", "expected"), [*CASES.values(), *KINDS.values()],
                         ids=[*CASES.keys(), *KINDS.keys()])
def test_brain_metastases_rule(inclusion: str, exclusion: str, title: str, expected: tuple[str, ...]) -> None:
    text = trial(inclusion, exclusion, title) if title else trial(inclusion, exclusion)
    assert verdicts(text) == expected


@pytest.mark.parametrize(("conditions", "expected"), [
    # A short condition list naming brain metastases makes a brain-metastasis trial...
    (("Non-small Cell Lung Cancer", "Brain Metastases"), (EX, EL, EL, UN)),
    (("Brain Metastases, Adult",), (EX, EL, EL, UN)),
    # ... one entry among a basket trial's many cancers does not.
    (("Melanoma", "Colorectal Cancer", "Breast Cancer", "NSCLC", "Brain Metastases", "Gastric Cancer"),
     (EL, UN, UN, UN)),
])
def test_condition_list_names_a_brain_trial(conditions: tuple[str, ...], expected: tuple[str, ...]) -> None:
    base = trial("* Solid tumour with brain metastases", "")
    assert verdicts(TrialText(nct_id=base.nct_id, title=base.title, conditions=conditions,
                              criteria=base.criteria)) == expected


def test_finding_quotes_the_sentence_and_explains() -> None:
    rules = brain_metastases.parse(trial(exclusion="* Age over 90\n* Untreated brain metastasis;"))
    finding = brain_metastases.check(rules, Profile(brain_metastases="active"))
    assert finding.verdict == "excluded"
    assert finding.evidence == "Untreated brain metastasis;"
    assert "active or untreated" in finding.reason


def test_rules_survive_a_json_round_trip() -> None:
    rules = brain_metastases.parse(trial(exclusion="* Symptomatic or untreated brain metastases"))
    assert json.loads(json.dumps(rules)) == rules


# Speed on these inputs (each parse under 0.5 s, 40,000 characters of one repeated sentence under 3 s) is
# bench/bench_guards.py's to measure, on the same strategies and sentences; here each parse ends (the timeouts stop
# a backtracking hang) with rules that are stored and checked as any other.
ARBITRARY_BODY, ARBITRARY_TITLE = st.text(max_size=2000), st.text(max_size=200)
WORDS = ["brain", " metastases", " untreated", " or", " and", " unless", " treated", " stable", " (", ")",
         " symptomatic", " no", " allowed", " if", " with", " leptomeningeal", ",", ";", ". ", " may be enrolled"]
NOISE = st.lists(st.sampled_from(WORDS), max_size=600)
REPEATED_SENTENCES = [
    "Brain metastases are allowed if stable. ",
    "Symptomatic brain metastases unless treated. Patients with treated brain metastases may participate. ",
    "(" * 40 + "brain metastases unless ",
]


def checked_by_every_state(rules: dict[str, Any]) -> None:
    assert json.loads(json.dumps(rules)) == rules
    for state in STATES:
        assert brain_metastases.check(rules, Profile(brain_metastases=state)).verdict in VERDICTS


@pytest.mark.timeout(600)
@settings(max_examples=200, deadline=None)
@given(ARBITRARY_BODY, ARBITRARY_TITLE)
def test_parse_never_raises(body: str, title: str) -> None:
    rules = brain_metastases.parse(TrialText(nct_id="X", title=title, criteria=tuple(split_criteria(body))))
    json.dumps(rules)
    for state in STATES:
        brain_metastases.check(rules, Profile(brain_metastases=state))


@pytest.mark.timeout(600)
@settings(max_examples=100, deadline=None)
@given(NOISE)
def test_parse_survives_long_brain_like_noise(tokens: list[str]) -> None:
    body = "".join(tokens)
    checked_by_every_state(brain_metastases.parse(trial(body, body, body[:300])))


@pytest.mark.timeout(120)
@pytest.mark.parametrize("sentence", REPEATED_SENTENCES)
def test_parse_ends_on_long_repetitive_criteria(sentence: str) -> None:
    body = sentence * (40_000 // len(sentence))
    checked_by_every_state(brain_metastases.parse(trial(f"* {body}", f"* {body}")))


@pytest.mark.parametrize("exclusion", [
    "* CNS metastases (with exception of stable brain metastases treated with radiotherapy)",
    "* Brain metastases, with the exception of stable, previously treated lesions",
    "* Known brain metastases, with exception of treated metastases stable for 4 weeks",
])
def test_an_exception_for_treated_stable_metastases_lets_them_in(exclusion: str) -> None:
    none, treated, active, _ = verdicts(trial(exclusion=exclusion))
    assert (none, treated) == (EL, EL) and active != EL
