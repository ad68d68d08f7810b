"""A line requirement with an escape for patients who cannot or will not have standard therapy: "progressed on at
least one prior systemic therapy, or not a candidate for / not amenable to / ineligible for / who refused / unable
to receive / for whom ... is contraindicated ... standard therapy". The escape lets in a patient who never had the
treatment, so an untreated patient is a question, not an exclusion. Before, only some wordings of the escape were
read ("unsuitable for", "refused", "unable to receive" did; "not a candidate for", "not amenable to", "who are
ineligible for" did not); the words are now one shared vocabulary (reader/vocabulary.CANNOT_HAVE), read in every
layout: after the requirement or before it, in brackets, as its own "OR" bullet, as "for whom ..." or "who ...".

Near-misses keep the exclusion: "progressed on or intolerant to" (the treatment was had), "or no standard therapy
exists" (standard first-line therapy exists for every patient), a substitute for one drug of the required class
("patients ineligible for cisplatin may receive carboplatin"), and an unfitness for curative local treatment that
describes the disease ("not amenable to curative therapy, or metastatic").
"""

from __future__ import annotations

import re
from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.biomarker.treated import condition_after
from trialmatch.criteria.rules.reader.vocabulary import CANNOT_HAVE
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, age=57, histology="adenocarcinoma", tested_negative=["EGFR", "ALK"], pdl1_tps=20,
                   prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)
TREATED = _patient()
NAIVE = _patient(prior_therapies=[], prior_lines=0)
TITLE = "A first-in-human study of ABC-123 in advanced solid tumours"


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnant or breastfeeding", TITLE, ["Solid Tumor"]))
    return str(prior_therapy.check(rules, profile).verdict)


ESCAPES = [
    # after the requirement, "or not a candidate ... in the investigator's opinion"
    "* Metastatic solid malignancy that has progressed on at least one prior line of systemic therapy, or not a "
    "candidate for standard treatment in the opinion of the treating investigator",
    # "or are not amenable to"
    "* Advanced cancer progressing after one or more standard systemic regimens or are not amenable to "
    "standard-of-care therapy",
    # "or who are ineligible for"
    "* Participants with unresectable tumours who have received at least one prior systemic regimen, or who are "
    "ineligible for approved therapies",
    # the investigator's opinion first
    "* Disease progression following at least 1 prior systemic anticancer therapy, or, in the investigator's "
    "judgement, not an appropriate candidate for standard therapy",
    # in brackets
    "* Relapsed after at least one standard systemic treatment (or who are deemed unsuitable for standard "
    "chemotherapy by the treating physician)",
    # the escape first
    "* Patients who are not considered candidates for, or have progressed on, at least one prior standard "
    "systemic therapy",
    # "for whom ..." after a semicolon
    "* Progression on at least one prior systemic therapy for advanced disease; or patients for whom standard "
    "therapy is not appropriate per the investigator",
    # "who rejected"
    "* Previously treated with at least one line of systemic therapy for metastatic disease, or who rejected "
    "standard treatment",
    # its own "OR" bullet
    "* Documented progression on at least one prior line of systemic therapy for metastatic disease\n* OR\n"
    "* Not amenable to standard therapy",
    # "medically unfit for"
    "* Has received at least one prior systemic regimen for advanced disease, or is medically unfit for "
    "standard systemic therapy",
]


@pytest.mark.parametrize("inclusion", ESCAPES)
def test_an_escape_for_those_who_cannot_have_it_makes_an_untreated_patient_a_question(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "unknown"
    assert verdict(TREATED, inclusion) == "eligible"


NEAR_MISSES = [
    # the treatment was had (intolerance), not declined
    "* Metastatic solid malignancy that progressed on or was intolerant to at least one prior line of systemic therapy",
    # no standard therapy: standard first-line therapy exists for every patient
    "* Advanced solid tumour that has progressed on at least one prior standard therapy, or for which no standard "
    "therapy exists",
    # a substitute drug of the required class, no way around it
    "* Must have progressed on prior platinum-based chemotherapy (cisplatin or carboplatin; patients ineligible for "
    "cisplatin may receive carboplatin)",
    "* Disease progression after a platinum doublet (patients not candidates for cisplatin can be treated with "
    "carboplatin)",
    # an unfitness for curative local treatment that describes the disease
    "* Locally advanced solid tumour not amenable to curative therapy, or metastatic, that has progressed on at "
    "least one prior line of systemic therapy",
    # a refusal joined by "and": a second requirement, not an alternative
    "* Progressed after at least one prior line of systemic therapy and refused further chemotherapy",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES)
def test_without_such_an_escape_an_untreated_patient_stays_out(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "excluded"


@pytest.mark.parametrize("words", [
    "refused", "declines", "rejected", "unwilling to receive", "not willing to accept", "ineligible for",
    "not eligible to", "not a candidate for", "not considered candidates for", "not an appropriate candidate for",
    "unsuitable for", "medically unfit for", "not amenable to", "contraindicated", "unable to receive",
    "cannot tolerate", "could not be treated",
])
def test_the_vocabulary_reads_every_wording(words: str) -> None:
    assert re.search(CANNOT_HAVE, words)


@pytest.mark.parametrize("words", ["intolerant to", "patients with EGFR mutations are not eligible", "declining in",
                                   "progressed on", "no standard therapy exists"])
def test_the_vocabulary_leaves_out_what_is_no_escape(words: str) -> None:
    assert not re.search(CANNOT_HAVE, words)


@pytest.mark.parametrize("text", [
    "they have progressed on approved targeted therapy or are not amenable to it.",
    "progressed on a KRAS G12C inhibitor, or who rejected such therapy.",
    "have received standard targeted therapy or are not considered candidates for it)",
])
def test_the_biomarker_treatment_condition_reads_the_same_escape(text: str) -> None:
    # A marker's treatment condition ("unless they have progressed on ... or ...") with the escape is read, and the
    # escape is a way in for an untreated carrier, as "or refused it" is.
    spec = condition_after(text)
    assert spec is not None and spec.get("other_way") is True
