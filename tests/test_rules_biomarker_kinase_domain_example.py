"""A change located in the protein ("activating HER2 (ERBB2) mutation in the kinase domain (including exon 20
insertions)") keeps its example: the bracketed change after the location is still that gene's. Before, the location
words cut the phrase, the bare "exon 20 insertions" stood alone and took the first gene it may belong to (EGFR), so
an EGFR exon 20 patient met a HER2 trial's requirement.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, EGFR_EX20, HER2_EX20, NO_DRIVER, inc, verdict

from trialmatch.matching.profile import Profile

CASES = [
    ("NSCLC with a documented activating HER2 (ERBB2) mutation in the kinase domain (including exon 20 insertions)",
     HER2_EX20, EGFR_EX20),
    ("Activating ERBB2 mutation in the kinase domain (including exon 20 insertions)", HER2_EX20, EGFR_EX20),
    ("Known HER2 mutation in the tyrosine kinase domain (for example exon 20 insertion)", HER2_EX20, EGFR_EX20),
    ("Oncogenic HER2 mutation within the kinase domain, such as exon 20 insertions, by local NGS", HER2_EX20,
     EGFR_EX20),
    ("EGFR mutation within the tyrosine kinase domain (e.g. exon 19 deletion)", EGFR_19, HER2_EX20),
    ("Documented EGFR mutation of the kinase domain (such as exon 20 insertion or exon 19 deletion)", EGFR_EX20,
     HER2_EX20),
]


@pytest.mark.parametrize(("bullet", "carrier", "other_gene"), CASES)
def test_the_example_after_the_domain_is_the_genes(bullet: str, carrier: Profile, other_gene: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, carrier) == "eligible"
    assert verdict(text, other_gene) == "excluded"
    assert verdict(text, NO_DRIVER) == "excluded"


def test_a_bare_change_without_a_gene_phrase_is_unchanged() -> None:
    # Near-miss: with no gene before it, "exon 20 insertion" keeps its old reading.
    text = inc("Exon 20 insertion in the kinase domain, confirmed by NGS")
    assert verdict(text, EGFR_EX20) != "excluded"


def test_exons_after_the_domain_do_not_narrow_the_gene() -> None:
    # Near-miss: "in the kinase domain of exons 18, 19, 20 or 21" spells out where; a HER2 exon 20 carrier still fits.
    text = inc("NSCLC with HER2 mutations in the kinase domain of exons 18, 19, 20, or 21")
    assert verdict(text, HER2_EX20) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
