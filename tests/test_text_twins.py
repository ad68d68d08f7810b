"""split_criteria points a repeated criterion to the first of its text: same sentences, fields and purpose."""

from trialmatch.criteria.text import split_criteria

_TEXT = """Inclusion Criteria:

* Cohort A: ECOG 0-1. Stage IV NSCLC; measurable disease.
* Cohort B: ECOG 0-1. Stage IV NSCLC; measurable disease.
* At least 4 weeks since prior chemotherapy. Recovered from toxicity.

Exclusion Criteria:

* At least 4 weeks since prior chemotherapy. Recovered from toxicity.
* Untreated brain metastases.
* Untreated brain metastases.
"""


def test_repeats_read_as_their_first() -> None:
    criteria = split_criteria(_TEXT)
    alone = [split_criteria(f"Inclusion Criteria:\n\n* {c.text}\n")[0] for c in criteria]
    for criterion, single in zip(criteria, alone, strict=True):
        assert criterion.sentences() == single.sentences()
        assert criterion.purpose == single.purpose
        assert criterion.labelled_fields() == single.labelled_fields()


def test_twin_is_no_field() -> None:
    criteria = split_criteria(_TEXT)
    repeats = [c for c in criteria if "_twin" in c.__dict__]
    assert repeats  # the washout bullet and the brain bullet come twice
    for criterion in repeats:
        twin = criterion.__dict__["_twin"]
        assert twin.text == criterion.text and twin is not criterion
        assert "_twin" not in repr(criterion)
    washout = [c for c in criteria if c.text.startswith("At least 4 weeks")]
    assert washout[0] != washout[1]  # sections differ: equality still reads the fields alone
    assert washout[0].sentences() == washout[1].sentences()
