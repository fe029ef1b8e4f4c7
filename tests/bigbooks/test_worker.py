"""A chunk worker's garbage collector: its passes spaced out for rendering, and each part's cyclic
garbage freed before the next part, so a worker's memory stays that of one part."""

from __future__ import annotations

import gc
import operator
import weakref
import zlib
from datetime import UTC, datetime

from bookmaker.chunked import pool
from bookmaker.chunked.work import PartJob, Setup, render_part
from bookmaker.collector import YOUNG_EVERY
from bookmaker.fonts.subsetting import codepoints
from bookmaker.layout.style import default_style

_PAGES = '<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body><p>쪽 하나</p></body></html>'


class _Node:
    """An object in a reference cycle: only the garbage collector frees it."""

    def __init__(self) -> None:
        self.itself = self


def test_local_workers_space_out_the_collector_and_leave_their_modules_out_of_it() -> None:
    local = pool.LocalPool(1)
    try:
        [threshold] = local.submit(operator.call, [gc.get_threshold])
        [frozen] = local.submit(operator.call, [gc.get_freeze_count])
    finally:
        local.close()
    assert threshold[0] == YOUNG_EVERY
    assert frozen > 0


def test_a_part_frees_the_cyclic_garbage_before_it_returns() -> None:
    setup = Setup(
        style=default_style(),
        print_ready=False,
        break_style="ranked",
        created=datetime(2025, 11, 23, tzinfo=UTC),
        identifier=b"0" * 16,
        base_url=None,
        roots=(),
        allow_remote=False,
        characters=frozenset(codepoints(_PAGES)),
    )
    node = _Node()
    gone = weakref.ref(node)
    del node
    gc.disable()  # only the part's own collection may free it
    try:
        rendered = render_part(PartJob(0, setup, (), html=zlib.compress(_PAGES.encode())))
        freed = gone() is None  # asked before the collector runs again on its own
    finally:
        gc.enable()
    assert rendered.pdf.startswith(b"%PDF")
    assert freed
