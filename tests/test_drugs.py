"""The drug vocabulary: every spelling finds its generic name, and classes include their ancestors."""

from __future__ import annotations

import pytest

from trialmatch.criteria import drugs
from trialmatch.criteria.drugs import all_drugs, canonical_drug, class_label, classes_of
from trialmatch.criteria.vocab import load


@pytest.mark.parametrize(
    ("spelling", "generic"),
    [
        pytest.param("Tagrisso", "osimertinib", id="brand-name-tagrisso-is-osimertinib"),
        pytest.param("AZD9291", "osimertinib", id="code-name-azd9291-is-osimertinib"),
        pytest.param("azd-9291", "osimertinib", id="code-name-with-hyphen-and-lower-case"),
        pytest.param("aumolertinib", "almonertinib", id="aumolertinib-is-almonertinib"),
        pytest.param("Keytruda", "pembrolizumab", id="brand-name-keytruda-is-pembrolizumab"),
        pytest.param("MK-3475", "pembrolizumab", id="code-name-mk3475-is-pembrolizumab"),
        pytest.param("alflutinib", "furmonertinib", id="alflutinib-is-furmonertinib"),
        pytest.param("T-DXd", "trastuzumab deruxtecan", id="adc-abbreviation-tdxd"),
        pytest.param("Dato-DXd", "datopotamab deruxtecan", id="adc-abbreviation-dato-dxd"),
        pytest.param("  Pembrolizumab ", "pembrolizumab", id="spaces-and-capitals-ignored"),
    ],
)
def test_canonical_drug_finds_the_generic_name(spelling: str, generic: str) -> None:
    assert canonical_drug(spelling) == generic


@pytest.mark.parametrize("name", ["aspirin", "", "EGFR", "chemotherapy"])
def test_canonical_drug_is_none_for_names_that_are_not_anticancer_drugs(name: str) -> None:
    assert canonical_drug(name) is None


@pytest.mark.parametrize(
    ("drug", "expected"),
    [
        pytest.param("osimertinib", {"egfr_tki_3g", "egfr_tki", "tki", "targeted", "systemic"},
                     id="osimertinib-is-a-third-generation-egfr-tki"),
        pytest.param("gefitinib", {"egfr_tki_1g", "egfr_tki"}, id="gefitinib-is-first-generation"),
        pytest.param("afatinib", {"egfr_tki_2g", "egfr_tki"}, id="afatinib-is-second-generation"),
        pytest.param("lazertinib", {"egfr_tki_3g"}, id="lazertinib-is-third-generation"),
        pytest.param("tislelizumab", {"pd1", "pd1_pdl1", "checkpoint_inhibitor", "immunotherapy"},
                     id="tislelizumab-is-a-pd1-checkpoint-inhibitor"),
        pytest.param("durvalumab", {"pdl1", "pd1_pdl1"}, id="durvalumab-is-pdl1"),
        pytest.param("ipilimumab", {"ctla4", "checkpoint_inhibitor"}, id="ipilimumab-is-ctla4"),
        pytest.param("nedaplatin", {"platinum", "chemotherapy"}, id="nedaplatin-is-platinum-chemotherapy"),
        pytest.param("docetaxel", {"taxane", "chemotherapy"}, id="docetaxel-is-a-taxane"),
        pytest.param("sotorasib", {"kras_g12c_inhibitor", "kras_inhibitor"}, id="sotorasib-is-kras-g12c"),
        pytest.param("Enhertu", {"adc", "her2_targeted"}, id="brand-name-enhertu-is-a-her2-adc"),
    ],
)
def test_classes_of_includes_every_ancestor_class(drug: str, expected: set[str]) -> None:
    assert expected <= classes_of(drug)


def test_classes_keep_generations_apart() -> None:
    assert "egfr_tki_3g" not in classes_of("gefitinib")
    assert "chemotherapy" not in classes_of("osimertinib")
    assert "pd1_pdl1" not in classes_of("carboplatin")


def test_classes_of_an_unknown_name_is_empty() -> None:
    assert classes_of("not-a-drug") == set()


def test_all_drugs_lists_generic_names_with_classes_in_plain_words() -> None:
    rows = dict(all_drugs())
    assert rows["osimertinib"] == "third-generation EGFR TKI"
    assert "PD-1 inhibitor" in rows["pembrolizumab"]
    names = [name for name, _ in all_drugs()]
    assert names == sorted(names, key=str.lower)


def test_class_label_is_plain_words() -> None:
    assert class_label("pd1_pdl1") == "PD-1/PD-L1 inhibitor"
    assert class_label("platinum") == "platinum-based chemotherapy"


def test_vocabulary_is_consistent() -> None:
    """Every class a drug names exists, every parent exists, and no spelling means two drugs."""
    vocab = load("drugs")
    classes = vocab["classes"]
    for key, entry in classes.items():
        assert set(entry["parents"]) <= set(classes), key
        assert "systemic" in drugs.ancestors(key), key
    seen: dict[str, str] = {}
    for generic, entry in vocab["drugs"].items():
        assert set(entry["classes"]) <= set(classes), generic
        for name in [generic, *entry["names"]]:
            key = drugs.name_key(name)
            assert seen.setdefault(key, generic) == generic, f"{name} names {seen[key]} and {generic}"
