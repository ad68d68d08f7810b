"""A gene said negative, then "or" one of its own changes: "EGFR wild-type or exon 20 insertion". The change after
"or" is the other way in; it was read as one more change said absent, so the exon 20 carriers (the trial's own
patients) were excluded and the sensitising carriers let in. It now reads as the wording that names the gene again
("EGFR wild-type or EGFR exon 20 insertion"): the gene both ways, no marker rule (see reading._drop_both_ways), never
a bar on the carriers the trial asks for. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_EX20, KRAS_G12C, NO_DRIVER, inc, verdict

SAME_GENE = [
    "EGFR wild-type or exon 20 insertion",
    "EGFR negative or harbouring an exon 20 insertion",
    "EGFR wild-type, or exon 20 insertion mutation",
    "Tumour EGFR wild-type or with an exon 20 insertion",
    "EGFR mutation-negative, or exon 20 insertion",
]


@pytest.mark.parametrize("text", SAME_GENE)
def test_change_after_or_is_never_banned(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    assert verdict(criteria, EGFR_EX20) == "eligible", text
    assert verdict(criteria, NO_DRIVER) == "eligible", text
    assert verdict(criteria, KRAS_G12C) == "eligible", text


# Near-misses: absent genes or another gene's change keep the "(no X) or Y" reading; a plain ban stays one.
def test_other_gene_after_or_keeps_both_sides() -> None:
    criteria = inc("Stage IV NSCLC", "EGFR and ALK negative or KRAS G12C")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, KRAS_G12C) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_bracketed_negated_changes_stay_absent() -> None:
    criteria = inc("Stage IV NSCLC", "EGFR wild-type (no exon 19 deletion or L858R)")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, KRAS_G12C) == "eligible"


def test_plain_negative_still_bans() -> None:
    criteria = inc("Stage IV NSCLC", "EGFR wild-type")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, EGFR_EX20) == "excluded"
