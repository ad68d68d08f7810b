"""What a rule may ask about a patient.

The rules sit below the matching stage, so they judge a patient through this protocol rather
than through matching.profile.Profile, which satisfies it (mypy checks that wherever a Profile
is handed to a rule). A field left out is unknown, never assumed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

Histology = Literal["adenocarcinoma", "squamous", "large cell", "nsclc-nos"]
BrainMets = Literal["none", "treated_stable", "active"]
Stage = Literal["I", "II", "III", "IV"]
Sex = Literal["female", "male"]
GeneStatus = Literal["positive", "negative", "unknown"]


class Marker(Protocol):
    """A positive finding: an HGNC gene symbol and its alteration as the patient gave it."""

    @property
    def gene(self) -> str: ...

    @property
    def alteration(self) -> str: ...


class Patient(Protocol):
    """The facts the rules read (compare matching.compiled.DIMENSION_READS)."""

    @property
    def age(self) -> int | None: ...

    @property
    def sex(self) -> Sex | None: ...

    @property
    def histology(self) -> Histology | None: ...

    @property
    def stage(self) -> Stage | None: ...

    @property
    def biomarkers(self) -> Sequence[Marker]: ...

    @property
    def tested_negative(self) -> Sequence[str]: ...

    @property
    def pdl1_tps(self) -> float | None: ...

    @property
    def prior_therapies(self) -> Sequence[str]: ...

    @property
    def prior_lines(self) -> int | None: ...

    @property
    def ecog(self) -> int | None: ...

    @property
    def brain_metastases(self) -> BrainMets | None: ...

    def has_gene(self, gene: str) -> bool: ...

    def alterations(self, gene: str) -> list[str]: ...

    def gene_status(self, gene: str) -> GeneStatus: ...
