"""Huge or hostile pages of the shapes the HTML reader once took quadratic time on are read, not
hung on: boxes nested thousands deep (each box's rules walked its whole subtree again: page links,
prompt boxes, photo boxes, decks; the climb from the densest block walked each box's text), and
thousands of one-item lists in a row (each walked back over the run). The guard of
:func:`~tests.security.hostile.run_bounded` only turns a hang into a failure; how the time grows
is measured by ``bench/html_scaling.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.html_scaling import SHAPES

from tests.security.hostile import run_bounded

SIZES = {
    "deep": 4_980,
    "nested": 4_980,
    "deep-bare": 4_980,
    "nested-figures": 4_980,
    "one-item-lists": 15_000,
}
"""The shapes once quadratic, each at a size that took many minutes then (the lists under the
default limit of 20,000 lines)."""


@pytest.mark.parametrize("shape", sorted(SIZES))
def test_a_huge_page_of_each_shape_is_read_without_hanging(tmp_path: Path, shape: str) -> None:
    path = tmp_path / f"{shape}.html"
    path.write_text(SHAPES[shape](SIZES[shape]), encoding="utf-8")
    proc = run_bounded("normalize", path, "--max-depth", "5000")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
