"""The cycle collector paused while a trial's text is read into rules.

A parse allocates hundreds of thousands of short-lived objects (matches, strings, tuples, small dicts); every 700
container allocations start a young collection, and some of those a full one that walks every object the process
holds (the loaded vocabularies and compiled patterns, and in a sync the cache's own). Reference counting frees what
a parse leaves behind all the same; a cycle it may make is collected by the first collection after it. Output is
untouched: no reader depends on when the collector runs.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def collector_paused(read: Callable[_P, _R]) -> Callable[_P, _R]:
    """`read` run with the cycle collector off (when it was on), and back on afterwards, also on an error. A call
    inside another paused one leaves the switch to the outer one."""

    @functools.wraps(read)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return read(*args, **kwargs)
        gc.disable()
        try:
            return read(*args, **kwargs)
        finally:
            gc.enable()

    return paused
