"""Real texts (../shared/corpus, read in place) in narrow and wide measures, judged by the shared
yardsticks (../shared/tools/breaks.py, loose.py): the thresholds of issue #21 on a representative
subset (bench/typography.py measures every article in every preset and theme)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bench.typography import TOOLS, measure

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
ARTICLES = ("busanilbo-straight-1.html", "nocutnews-interview-1.html", "yonhap-straight-2.html")
CONFIGS = ("book:a5", "book:46", "newspaper:b4")


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory):
    if not (CORPUS.is_dir() and TOOLS.is_dir()):
        pytest.skip("../shared/corpus or ../shared/tools is not beside the repository")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    folder = tmp_path_factory.mktemp("real")
    return [measure((str(CORPUS / name), config, str(folder), "")) for name in ARTICLES for config in CONFIGS]


def test_no_bad_splits_and_few_principled_ones(judged):
    assert all(r.error is None for r in judged), [r.error for r in judged]
    assert sum(r.bad for r in judged) == 0, [(r.article, r.config, r.bad_examples) for r in judged if r.bad]
    breaks, splits = sum(r.breaks for r in judged), sum(r.splits for r in judged)
    assert breaks > 300 and splits <= 0.03 * breaks


def test_tracking_steady(judged):
    for r in judged:
        assert r.jumps <= 0.10, (r.article, r.config, r.jumps)


def test_word_spaces_even(judged):
    """Looseness over all lines of the nine PDFs: p95 within issue #21's 0.45 em; no line past 1 em."""
    gaps = sorted(gap for r in judged for gap in r.gaps)
    assert len(gaps) > 400 and gaps[int(0.95 * len(gaps))] <= 0.45
    assert all(r.max_em <= 1.0 for r in judged), [(r.article, r.config, r.max_em) for r in judged]


def test_no_line_past_the_limit(judged):
    for r in judged:
        assert r.max_em <= 0.8, (r.article, r.config, r.max_em)
