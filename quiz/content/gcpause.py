"""Pause the garbage collector around bulk work whose allocations all survive."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Bulk loading allocates millions of objects that all survive, so collecting is waste.

    Freezing afterwards keeps the next automatic collection from scanning them all again;
    models hold no reference cycles, so reference counting still frees a discarded bank.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()  # only on success: a failed load's tracebacks hold cycles to collect
    finally:
        if enabled:
            gc.enable()
