"""A gene's long name holds a cancer word ("anaplastic lymphoma kinase", "Kirsten rat sarcoma viral oncogene"):
the shared reader must not take it for a lymphoma or sarcoma cohort, or a lung cancer rule written with the long
name would be filed as another cancer's rule and never apply to the lung cancer patient it is about."""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.reader.scope import cancers_named


@pytest.mark.parametrize("text", [
    "Patients with anaplastic lymphoma kinase (ALK) rearrangement",
    "anaplastic lymphoma kinase-positive tumours",
    "v-Ki-ras2 Kirsten rat sarcoma viral oncogene homolog (KRAS) G12C",
    "v-raf murine sarcoma viral oncogene homolog B (BRAF) V600E cohort",
    "Harvey rat sarcoma virus (HRAS) mutant tumours",
])
def test_a_gene_long_name_names_no_cancer(text: str) -> None:
    assert cancers_named(text) == ()


@pytest.mark.parametrize(("text", "cancer"), [
    ("Anaplastic large cell lymphoma cohort", "haematological"),
    ("Relapsed lymphoma: at least two prior lines", "haematological"),
    ("Soft tissue sarcoma cohort", "sarcoma"),
    ("Lymphoma or kinase-inhibitor-refractory solid tumours", "haematological"),
])
def test_the_cancer_itself_is_still_named(text: str, cancer: str) -> None:
    assert cancer in cancers_named(text)


def test_lung_cancer_with_a_long_gene_name_is_lung_cancer_only() -> None:
    assert cancers_named("NSCLC with anaplastic lymphoma kinase fusion") == ("nsclc",)
