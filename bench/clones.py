"""A stand-in API serving N open studies cloned from the shared records, in constant memory.

tests/fakeapi.FakeAPI keeps every record as a Python dict and caches its JSON: fine for the
tests' hundred studies, ~15 GB at 100,000. ClonedAPI keeps only the source records; clone n is
source n % len(sources) under NCT id NCT8nnnnnnn with an open status, and its JSON is the
source's encoded bytes with those two values swapped in. Searches are evaluated on the sources,
so clone n matches a search exactly when its source does, the way tests/fakeapi evaluates it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from fakeapi import FakeAPI, load_records, nct_id  # noqa: E402

OPEN = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")
_CLONE_ID = re.compile(r"^NCT8(\d{7})$")


def shared_studies() -> Path:
    override = os.environ.get("TRIALMATCH_SHARED")
    return (Path(override) if override else REPO.parent / "shared") / "ctgov" / "studies"


def clone_id(n: int) -> str:
    return f"NCT8{n:07d}"


def clone_status(n: int) -> str:
    return OPEN[n % len(OPEN)]


class ClonedAPI(FakeAPI):
    """FakeAPI whose records are clone numbers 0..count-1 (ints), encoded on the fly."""

    def __init__(self, sources: list[dict[str, Any]], count: int, **kwargs: Any) -> None:
        super().__init__(sources, **kwargs)
        self.sources = sources
        self.count = count
        self._source_bytes: dict[tuple[int, str], bytes] = {}

    def _select(self, params: dict[str, str]) -> list[Any]:
        search = {k: v for k, v in params.items() if k not in ("filter.overallStatus", "filter.ids")}
        matching = {id(r) for r in super()._select(search)}
        hits = {i for i, r in enumerate(self.sources) if id(r) in matching}
        clones: list[int] = [n for n in range(self.count) if n % len(self.sources) in hits]
        if statuses := params.get("filter.overallStatus"):
            wanted = set(re.split(r"[,|]", statuses))
            clones = [n for n in clones if clone_status(n) in wanted]
        if ids := params.get("filter.ids"):
            numbers = {int(m[1]) for i in re.split(r"[,|]", ids) if (m := _CLONE_ID.match(i.strip().upper()))}
            clones = [n for n in clones if n in numbers]
        return clones

    def _encode(self, record: Any, fields: str) -> bytes:
        n = int(record)
        source_index = n % len(self.sources)
        key = (source_index, fields)
        encoded = self._source_bytes.get(key)
        if encoded is None:
            encoded = self._source_bytes[key] = super()._encode(self.sources[source_index], fields)
        source = self.sources[source_index]
        status = source["protocolSection"]["statusModule"]["overallStatus"]
        return (
            encoded.replace(f'"{nct_id(source)}"'.encode(), f'"{clone_id(n)}"'.encode())
            .replace(f'"overallStatus":"{status}"'.encode(), f'"overallStatus":"{clone_status(n)}"'.encode())
        )


def serve_clones(count: int) -> None:
    """Serve `count` clones on 127.0.0.1 until stdin closes; print the base URL first."""
    api = ClonedAPI(load_records(shared_studies()), count)
    api.start()
    print(api.url, flush=True)
    sys.stdin.read()
    api.stop()
