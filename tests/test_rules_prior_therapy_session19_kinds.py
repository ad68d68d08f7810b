"""Prior-therapy sentence kinds of session 19 (from the fresh blind sets), each a false or a missed exclusion:

1. A washout said of the treatment in an inclusion ("Prior chemotherapy or TKI therapy must be completed at least
   2 weeks before the first dose"): a condition on whoever had it, no requirement to have had it.
2. Lines that point back to the study's own first line ("After progression on this first-line therapy, patients
   receive X as second-line therapy", "the resection is done before this 1st-line therapy starts"): no count.
3. A name joined by "or" to a capped count ("standard therapy, including an approved EGFR TKI and/or up to 1
   platinum chemotherapy"): one of the ways through, not asked for by itself.
4. A form and its target read as one name: "KRAS G12C tyrosine kinase inhibitor" is no ban on every TKI, "ADCs
   targeting c-Met" or "anti-MET antibodies" no ban on a small-molecule MET inhibitor.
5. Old run-together records: "PRIOR CONCURRENT THERAPY: Chemotherapy: No prior chemotherapy No other concurrent
   chemotherapy" bans earlier chemotherapy (the concurrent item is about the study's time only).
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19 as EGFR
from tests.prior_therapy_cases import FULL_PANEL as GENES
from tests.prior_therapy_cases import named_verdict, prior_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "chemo": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_lines": 1,
                 "prior_therapies": ["cisplatin", "gemcitabine", "tislelizumab"]},
    "two-lines-null": {"tested_negative": GENES, "prior_lines": None,
                       "prior_therapies": ["carboplatin", "nab-paclitaxel", "pembrolizumab", "docetaxel"]},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "g719x-afatinib": {"biomarkers": [{"gene": "EGFR", "alteration": "G719X"}], "prior_therapies": ["afatinib"],
                       "prior_lines": 1},
    "tepotinib": {"biomarkers": [{"gene": "MET", "alteration": "amplification"}], "prior_therapies": ["tepotinib"],
                  "prior_lines": None},
    "capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}],
                   "prior_therapies": ["capmatinib"], "prior_lines": 1},
    "telisotuzumab": {"biomarkers": [{"gene": "MET", "alteration": "amplification"}], "prior_lines": 2,
                      "prior_therapies": ["carboplatin", "pemetrexed", "telisotuzumab vedotin"]},
    "lorlatinib": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "prior_therapies": ["lorlatinib"],
                   "prior_lines": 1},
    "adagrasib": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "prior_lines": 2,
                  "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "adagrasib"]},
    "dato-dxd": {"tested_negative": GENES, "prior_lines": 2,
                 "prior_therapies": ["carboplatin", "paclitaxel", "cemiplimab", "datopotamab deruxtecan"]},
    "t-dxd": {"biomarkers": [{"gene": "ERBB2", "alteration": "amplification"}], "prior_lines": 2,
              "prior_therapies": ["cisplatin", "pemetrexed", "trastuzumab deruxtecan"]},
    "poziotinib": {"biomarkers": [{"gene": "ERBB2", "alteration": "exon 20 insertion"}], "prior_lines": 1,
                   "prior_therapies": ["poziotinib"]},
}

verdict = partial(named_verdict, PATIENTS)
EVERYONE = list(PATIENTS)


# --- 1. a washout said of the treatment ------------------------------------------------------------------------

WASHOUTS = [
    "Prior chemotherapy, TKI therapy or immunotherapy (vaccine, cytokine) must be completed at least 2 weeks before "
    "the first dose of study drug.",
    "Previous systemic anticancer therapy should be discontinued at least 21 days prior to randomization.",
    "Any prior immunotherapy or targeted therapy must have been stopped 4 weeks before the start of study treatment.",
    "Prior EGFR tyrosine kinase inhibitors must be stopped at least 8 days before day 1.",
    "Prior chemotherapy or immunotherapy must be finished at least 14 days before the first zipalertinib dose.",
    "All prior platinum-based chemotherapy must be completed >= 3 weeks prior to enrolment.",
]


@pytest.mark.parametrize("sentence", WASHOUTS)
@pytest.mark.parametrize("who", EVERYONE)
def test_washout_said_of_the_treatment_asks_for_nothing(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) != "excluded"


ASKED_WITH_A_WINDOW = [
    "Patients must have progressed after prior platinum-based chemotherapy for advanced disease.",
    "Must have received prior platinum-based chemotherapy for metastatic disease.",
]


@pytest.mark.parametrize("sentence", ASKED_WITH_A_WINDOW)
def test_a_requirement_with_a_window_still_asks(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("chemo", [sentence]) == "eligible"


# --- 2. the study's own first line ---------------------------------------------------------------------------

STUDY_LINES = [
    "After documented progression on or after this first line of treatment, participants will receive the study "
    "drug as second-line therapy.",
    "The tumour biopsy for cell manufacturing should be performed before the initiation of this 1st-line therapy.",
    "Following progression on this front-line regimen, subjects go on to the investigational agent as 2nd line.",
    "Leukapheresis must take place before the start of this first-line chemoimmunotherapy.",
    "Patients proceed to the cell product after radiographic progression on the same first-line treatment.",
]


@pytest.mark.parametrize("sentence", STUDY_LINES)
@pytest.mark.parametrize("who", ["naive", "chemo", "chemo-io", "osimertinib", "two-lines-null"])
def test_the_study_own_first_line_counts_no_earlier_line(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) != "excluded"


LINE_COUNTS_KEPT = [
    ("Patients must have progressed on first-line platinum-based therapy.", "naive"),
    ("Progression after one prior line of systemic therapy for metastatic disease.", "naive"),
    ("Candidates for first-line treatment of metastatic NSCLC (no prior systemic therapy).", "chemo"),
]


@pytest.mark.parametrize(("sentence", "who"), LINE_COUNTS_KEPT)
def test_line_counts_without_this_still_exclude(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


# --- 3. a name joined by "or" to a capped count ---------------------------------------------------------------

OR_CAPPED = [
    "Disease progression after standard anticancer therapy, including an approved EGFR-TKI and/or up to 1 "
    "platinum-based chemotherapy.",
    "Progression after standard treatment, including osimertinib or no more than one prior platinum doublet.",
    "Progressed on prior ALK inhibitor therapy and/or at most 2 lines of chemotherapy.",
    "Relapse after standard systemic therapy including an approved KRAS G12C inhibitor or up to two prior regimens of "
    "chemotherapy.",
]


@pytest.mark.parametrize("sentence", OR_CAPPED)
@pytest.mark.parametrize("who", ["chemo", "chemo-io", "capmatinib", "adagrasib", "lorlatinib"])
def test_name_or_capped_count_is_one_way_through(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) != "excluded"


def test_name_and_capped_count_still_asks_for_the_name() -> None:
    sentence = "Progression after an approved EGFR TKI and up to 1 platinum-based chemotherapy."
    assert verdict("chemo", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "eligible"


# --- 4. a form and its target as one name ---------------------------------------------------------------------

NARROWED_TKI = [
    "Prior treatment with KRAS G12C tyrosine kinase inhibitor.",
    "Previous therapy with a KRAS G12C TKI.",
    "Has received a KRAS G12C tyrosine-kinase inhibitor in any setting.",
    "Prior exposure to any KRAS G12C tyrosine kinase inhibitors.",
]


@pytest.mark.parametrize("sentence", NARROWED_TKI)
def test_target_before_a_bare_tki_narrows_the_ban(sentence: str) -> None:
    for who in ("osimertinib", "g719x-afatinib", "capmatinib", "lorlatinib", "tepotinib"):
        assert verdict(who, exclusion=[sentence]) == "eligible", who
    assert verdict("adagrasib", exclusion=[sentence]) == "excluded"


def test_unknown_target_before_a_tki_is_no_ban_on_every_tki() -> None:
    for sentence in ("Prior treatment with a KRAS G12D tyrosine kinase inhibitor.", "Prior pan-RAS TKI therapy."):
        assert verdict("osimertinib", exclusion=[sentence]) != "excluded"


def test_a_bare_tki_still_bans_every_tki() -> None:
    for sentence in ("Prior treatment with any tyrosine kinase inhibitor.", "Previous TKI therapy."):
        assert verdict("osimertinib", exclusion=[sentence]) == "excluded"
        assert verdict("chemo", exclusion=[sentence]) == "eligible"


FORM_AND_TARGET = [
    "Received prior antibody-drug conjugates targeting c-Met.",
    "Prior treatment with an ADC either targeting MET or carrying a topoisomerase payload.",
    "Previous anti-MET monoclonal antibody therapy.",
    "Prior c-Met-targeted antibodies or antibody-drug conjugates directed against c-Met.",
]


@pytest.mark.parametrize("sentence", FORM_AND_TARGET)
def test_form_and_target_spare_the_small_molecule(sentence: str) -> None:
    assert verdict("capmatinib", exclusion=[sentence]) == "eligible"
    assert verdict("tepotinib", exclusion=[sentence]) == "eligible"
    assert verdict("telisotuzumab", exclusion=[sentence]) == "excluded"


def test_targeted_adc_spares_other_adcs_and_small_molecules() -> None:
    for sentence in ("Prior HER2-targeted ADC.", "Prior treatment with a HER2-targeted antibody-drug conjugate."):
        assert verdict("t-dxd", exclusion=[sentence]) == "excluded"
        assert verdict("dato-dxd", exclusion=[sentence]) == "eligible"
        assert verdict("poziotinib", exclusion=[sentence]) == "eligible"


def test_antibody_against_a_mixed_target_spares_its_tki() -> None:
    sentence = "Prior anti-HER2 antibody therapy."
    assert verdict("t-dxd", exclusion=[sentence]) == "excluded"
    assert verdict("poziotinib", exclusion=[sentence]) == "eligible"


def test_plain_target_class_still_bans_the_small_molecule() -> None:
    for sentence in ("Prior MET inhibitor therapy.", "Prior therapy targeting c-Met.", "Any prior ADC."):
        who = "telisotuzumab" if "ADC" in sentence else "capmatinib"
        assert verdict(who, exclusion=[sentence]) == "excluded"


# --- 5. old run-together records -----------------------------------------------------------------------------

OLD_STYLE = [
    "PRIOR CONCURRENT THERAPY: No prior chemotherapy",
    "PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy No other "
    "concurrent chemotherapy Endocrine therapy: Not specified",
    "PRIOR CONCURRENT THERAPY: Biologic therapy: At least 4 weeks since prior biologic therapy Chemotherapy: No prior "
    "chemotherapy for metastatic disease Radiotherapy: Prior radiotherapy allowed",
    "PRIOR CONCURRENT THERAPY: Chemotherapy: No prior systemic chemotherapy No concurrent chemotherapy Surgery: "
    "Recovered from prior surgery",
]


@pytest.mark.parametrize("sentence", OLD_STYLE)
def test_old_style_run_together_ban_on_chemotherapy(sentence: str) -> None:
    assert verdict("chemo", [sentence]) == "excluded"
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("lorlatinib", [sentence]) == "eligible"  # a TKI is no chemotherapy


OLD_STYLE_NO_BAN = [
    "PRIOR CONCURRENT THERAPY: Chemotherapy: At least 3 weeks since prior chemotherapy No concurrent chemotherapy",
    "PRIOR CONCURRENT THERAPY: See Disease Characteristics No concurrent immunotherapy",
    "PRIOR CONCURRENT THERAPY: Endocrine therapy: No concurrent hormonal therapy Radiotherapy: Not specified",
]


@pytest.mark.parametrize("sentence", OLD_STYLE_NO_BAN)
@pytest.mark.parametrize("who", ["chemo", "chemo-io", "osimertinib"])
def test_old_style_windows_and_concurrent_items_ban_nothing(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) != "excluded"


# --- invented profiles: unusual drugs through the new kinds -------------------------------------------------------

def test_invented_profiles_through_the_new_kinds() -> None:
    lines_null = {"tested_negative": GENES, "prior_therapies": ["vinorelbine", "cisplatin"], "prior_lines": None}
    assert prior_verdict(lines_null, inclusion=[STUDY_LINES[0]]) != "excluded"
    assert prior_verdict(lines_null, inclusion=[WASHOUTS[0]]) != "excluded"
    entrectinib = {"biomarkers": [{"gene": "ROS1", "alteration": "fusion"}], "prior_therapies": ["entrectinib"],
                   "prior_lines": 1}
    assert prior_verdict(entrectinib, exclusion=[NARROWED_TKI[0]]) == "eligible"
    assert prior_verdict(entrectinib, inclusion=[OR_CAPPED[0]]) != "excluded"
    sotorasib = {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "prior_lines": 1,
                 "prior_therapies": ["sotorasib"]}
    assert prior_verdict(sotorasib, exclusion=[NARROWED_TKI[1]]) == "excluded"
    gemcitabine = {"tested_negative": GENES, "prior_therapies": ["gemcitabine"], "prior_lines": 1}
    assert prior_verdict(gemcitabine, inclusion=[OLD_STYLE[1]]) == "excluded"


def test_target_written_before_antibodies_names_its_antibodies() -> None:
    amivantamab = {"biomarkers": [{"gene": "EGFR", "alteration": "exon 20 insertion"}], "prior_lines": 1,
                   "prior_therapies": ["carboplatin", "pemetrexed", "amivantamab"]}
    for sentence in ("Prior c-Met-targeted antibodies.", "Previous MET directed monoclonal antibody therapy."):
        assert prior_verdict(amivantamab, exclusion=[sentence]) == "excluded"
        assert verdict("capmatinib", exclusion=[sentence]) == "eligible"
