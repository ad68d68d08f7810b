"""Prior-therapy structures of session 20 (a freshly opened blind set and the kinds the last session left), with
invented sentences only. Every slot (drug, class, verb, joining word, order) is varied; near-misses keep their verdict.

- "<requirement> and / with / but <no prior | have not received> <Y>" in one inclusion sentence: the negation is the
  second clause's alone, so Y is banned, not required (was read as requiring both, or "with no prior Y" as X or Y);
- "(unresolved | persistent | serious) toxic side-effects of prior <treatment>": recovery from side effects, not a
  ban on the treatment (was read as a ban on it);
- "inability to (previously) tolerate (<dose>) <drug>", "unable to / did not / could not tolerate prior <drug>": how
  a treatment went, which no profile records: a question for patients who had it, never an exclusion;
- "<progressed on> or had <unacceptable side effects / intolerable toxicity> <from X>": still asks for X had;
- "currently receiving treatment at <a centre>": where the patient is treated, no rule on earlier treatment;
- "never smokers with wild-type tumours must be treatment naive": a rule for a group defined by smoking, which no
  profile gives: a question for treated patients, never an exclusion.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import invented_patient as _p
from tests.prior_therapy_cases import prior_verdict

EL, UN, EX = "eligible", "unknown", "excluded"

PROFILES: dict[str, dict[str, Any]] = {
    "naive": _p([], [], 0),
    "egfr-osimertinib": _p([("EGFR", "exon 19 deletion")], ["osimertinib"], 1),
    "egfr-l861q-osimertinib-chemo": _p([("EGFR", "L861Q")], ["osimertinib", "carboplatin", "pemetrexed"], 2),
    "egfr-g719x-afatinib": _p([("EGFR", "G719X")], ["afatinib"], 1),
    "chemo-io": _p([], ["carboplatin", "pemetrexed", "pembrolizumab"], 1, pdl1=1),
    "chemo-io-docetaxel": _p([], ["cisplatin", "pemetrexed", "atezolizumab", "docetaxel"], 2, histology="nsclc-nos"),
    "largecell-chemo-tislelizumab": _p([], ["carboplatin", "paclitaxel", "tislelizumab"], 1, histology="large cell"),
    "kras-g12c-sotorasib": _p([("KRAS", "G12C")], ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"], 2),
    "kras-g12d-chemo-lines-null": _p([("KRAS", "G12D")], ["carboplatin", "gemcitabine"], None),
    "nrg1-chemo-io": _p([("NRG1", "fusion")], ["carboplatin", "pemetrexed", "nivolumab"], 1),
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> str:
    return prior_verdict(PROFILES[who], inclusion or [], exclusion or [])


# ---------------------------------------------------------------- "X and no prior Y"
@pytest.mark.parametrize("line", [
    "Progressed on osimertinib and no prior chemotherapy.",
    "Disease progression on osimertinib, with no prior platinum-based chemotherapy.",
    "Must have progressed after osimertinib but have not received prior chemotherapy.",
    "EGFR-mutant NSCLC that progressed on osimertinib and who have not previously received chemotherapy.",
    "Radiological progression following a third-generation EGFR TKI and no previous cytotoxic chemotherapy.",
    "Received prior osimertinib without prior chemotherapy.",
    "Failed osimertinib, and has never received platinum doublet chemotherapy.",
    "Prior osimertinib treatment with no prior exposure to chemotherapy.",
])
def test_a_negated_second_clause_bans_what_it_names(line: str) -> None:
    assert verdict("egfr-osimertinib", [line]) == EL  # X had, Y not: in
    assert verdict("egfr-l861q-osimertinib-chemo", [line]) == EX  # Y had: banned
    assert verdict("naive", [line]) == EX  # X not had: still required


@pytest.mark.parametrize("line", [
    "Received platinum-based chemotherapy and no prior docetaxel.",
    "Progressed on platinum chemotherapy and a PD-1 inhibitor, but have not received docetaxel.",
    "Prior treatment with a platinum doublet, with no previous docetaxel.",
    "Disease progression after chemo-immunotherapy and no prior treatment with docetaxel.",
])
def test_the_ban_after_chemotherapy_had(line: str) -> None:
    assert verdict("chemo-io", [line]) == EL
    assert verdict("largecell-chemo-tislelizumab", [line]) == EL
    assert verdict("chemo-io-docetaxel", [line]) == EX
    assert verdict("naive", [line]) == EX


def test_the_ban_reaches_a_class_named_in_it() -> None:
    line = "Prior treatment with a platinum doublet, with no previous docetaxel or other taxane."
    assert verdict("chemo-io", [line]) == EL
    assert verdict("largecell-chemo-tislelizumab", [line]) == EX  # paclitaxel is a taxane


@pytest.mark.parametrize("line", [
    # Near misses: one ban for the metastatic disease, a count, "with or without", an order of treatments.
    "Metastatic NSCLC with no prior systemic therapy.",
    "Stage IV or recurrent NSCLC and no previous systemic anticancer therapy.",
])
def test_a_disease_clause_before_the_ban_keeps_its_setting(line: str) -> None:
    adjuvant_only = _p([], ["cisplatin", "vinorelbine"], 0)
    assert prior_verdict(adjuvant_only, [line]) == EL
    assert verdict("naive", [line]) == EL
    assert verdict("chemo-io", [line]) == EX


def test_no_more_than_is_a_count_not_a_ban() -> None:
    line = "Progressed after platinum chemotherapy and no more than 2 prior lines."
    assert verdict("chemo-io", [line]) == EL
    assert verdict("chemo-io-docetaxel", [line]) == EL
    assert verdict("naive", [line]) == EX


@pytest.mark.parametrize("line", [
    "EGFR exon 19 deletion or L858R, with or without prior treatment with osimertinib.",
    "NSCLC with an EGFR mutation, with or without previous osimertinib.",
])
def test_with_or_without_prior_is_no_rule(line: str) -> None:
    for who in ("naive", "egfr-osimertinib", "egfr-l861q-osimertinib-chemo"):
        assert verdict(who, [line]) == EL


def test_an_order_of_treatments_is_not_cut() -> None:
    line = ("Has previously received a PD-1 inhibitor, and has not received intervening cancer therapy since the"
            " PD-1 inhibitor.")
    assert verdict("chemo-io", [line]) != EX or verdict("chemo-io-docetaxel", [line]) == EX
    assert verdict("nrg1-chemo-io", [line]) == verdict("chemo-io", [line])


# ---------------------------------------------------------------- side effects of a treatment
@pytest.mark.parametrize("line", [
    "Unresolved or unstable serious toxic side-effects of prior chemotherapy or radiotherapy.",
    "Persistent side effects of previous immunotherapy.",
    "Serious side-effects from prior chemotherapy that have not resolved.",
    "Ongoing significant side effects related to earlier platinum-based chemotherapy.",
    "Unstable toxic side effects of prior anti-PD-1 therapy.",
    "Clinically significant side-effects of previous docetaxel.",
    "Any unresolved side effect of prior systemic therapy greater than grade 1.",
    "Severe side effects attributed to prior pembrolizumab which remain unresolved.",
])
def test_side_effects_of_a_treatment_are_no_ban_on_it(line: str) -> None:
    for who in ("chemo-io", "chemo-io-docetaxel", "largecell-chemo-tislelizumab", "kras-g12d-chemo-lines-null"):
        assert verdict(who, exclusion=[line]) != EX


@pytest.mark.parametrize("line", [
    "Disease progression or unacceptable side effects after platinum-based chemotherapy.",
    "Progressed on, or had unacceptable side effects from, platinum-based chemotherapy.",
    "Must have progressed on or had intolerable toxicity to a platinum doublet.",
    "Relapsed after, or experienced unacceptable toxicity with, platinum-based chemotherapy.",
])
def test_side_effects_as_a_way_out_still_ask_for_the_treatment(line: str) -> None:
    assert verdict("chemo-io", [line]) == EL
    assert verdict("naive", [line]) == EX
    assert verdict("egfr-osimertinib", [line]) == EX


# ---------------------------------------------------------------- "unable to tolerate X"
@pytest.mark.parametrize("line", [
    "Inability to previously tolerate (240 mg, QD) sotorasib.",
    "Unable to tolerate prior sotorasib.",
    "Patients who did not tolerate sotorasib.",
    "Could not tolerate previous treatment with sotorasib.",
    "Inability to tolerate a prior KRAS G12C inhibitor.",
    "Failure to tolerate sotorasib (960 mg daily).",
    "Participants who cannot tolerate sotorasib.",
    "History of being unable to tolerate the prior KRAS inhibitor sotorasib.",
])
def test_not_tolerating_a_drug_is_a_question_for_those_who_had_it(line: str) -> None:
    assert verdict("kras-g12c-sotorasib", exclusion=[line]) in (UN, EL)
    assert verdict("chemo-io", exclusion=[line]) == EL
    assert verdict("naive", exclusion=[line]) == EL


@pytest.mark.parametrize("line", [
    # Near misses: the drug itself banned.
    "Prior treatment with sotorasib.",
    "Previously received a KRAS G12C inhibitor such as sotorasib.",
])
def test_a_plain_ban_on_the_drug_still_excludes(line: str) -> None:
    assert verdict("kras-g12c-sotorasib", exclusion=[line]) == EX


# ---------------------------------------------------------------- where the patient is treated
@pytest.mark.parametrize("line", [
    "Currently receiving treatment at Riverside Cancer Institute.",
    "Adults receiving treatment at the Northfield Oncology Alliance.",
    "Must be receiving treatment at the participating community clinics.",
    "Patients who are currently under treatment at our institution.",
    "Currently being treated at the Lakeshore Cancer Centre for lung cancer.",
    "Must be receiving cancer care at the study site.",
    "Currently on treatment at any of the participating sites and willing to attend follow-up visits.",
    "Receiving oncology care at the Harbour View medical center.",
])
def test_where_a_patient_is_treated_is_no_rule(line: str) -> None:
    for who in ("naive", "chemo-io", "egfr-osimertinib", "kras-g12d-chemo-lines-null"):
        assert verdict(who, [line]) == EL


# ---------------------------------------------------------------- a group named by smoking
@pytest.mark.parametrize("line", [
    "Never smokers with EGFR/ALK wild-type tumours must be treatment naive.",
    "Patients who are never smokers and wild-type for EGFR and ALK must not have received prior systemic therapy.",
    "EGFR and ALK wild-type never-smokers must be treatment-naive.",
    "For never smokers without EGFR or ALK alterations: no prior systemic therapy.",
    "Never-smoking patients whose tumours are negative for EGFR, ALK and ROS1 must be previously untreated.",
])
def test_a_rule_for_never_smokers_is_a_question_for_the_treated(line: str) -> None:
    assert verdict("chemo-io", [line]) != EX
    assert verdict("largecell-chemo-tislelizumab", [line]) != EX
    assert verdict("naive", [line]) == EL
