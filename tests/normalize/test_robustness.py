"""Normalization never crashes and never loses a line, whatever order lines come in."""

from __future__ import annotations

import random
from pathlib import Path

from bookmaker.ir import Source
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument, SourceLine
from tests.helpers import unaccounted_lines

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _pool() -> list[str]:
    lines: list[str] = []
    for path in sorted(ARTICLES.glob("*.txt")):
        lines.extend(t for t in path.read_text(encoding="utf-8").splitlines() if t.strip())
    return lines


def test_shuffled_lines_conserve_everything() -> None:
    pool = _pool()
    rng = random.Random(20240305)
    for _ in range(60):
        picked = rng.sample(pool, rng.randint(1, 40))
        if rng.random() < 0.3:
            picked += picked[: rng.randint(1, 5)]  # repeats
        raw = RawDocument(
            [SourceLine(t if rng.random() > 0.1 else "", i) for i, t in enumerate(picked, 1)],
            Source(format="text"),
        )
        doc = normalize(raw)
        assert unaccounted_lines(raw, doc) == []
        for block in doc.blocks:
            assert block.text.strip()
            assert block.lines and block.lines[0] <= block.lines[-1]


def test_large_input_is_fast() -> None:
    rng = random.Random(7)
    syllables = [chr(0xAC00 + rng.randrange(11172)) for _ in range(400)]
    unique = [
        " ".join("".join(rng.choice(syllables) for _ in range(4)) for _ in range(20)) + "다."
        for _ in range(2000)
    ]
    pool = _pool()
    lines = unique + [rng.choice(pool) for _ in range(1000)]
    raw = RawDocument([SourceLine(t, i) for i, t in enumerate(lines, 1)], Source(format="text"))
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
