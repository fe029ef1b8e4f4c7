"""Shared constants and helpers of the EPUB tests (a unique module name, unlike ``conftest``)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bookmaker.ir import Collection, CollectionMeta, Document
from bookmaker.layout.style import default_style
from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "ir"
SEED = ROOT / "seeds" / "000_782556e6ec3af548.txt"
KITCHEN_SINK = ROOT / "tests" / "fixtures" / "ir2" / "kitchen-sink.json"
ARTICLES = ("seed", "many-headings", "list-quote", "hanja-latin", "no-meta")
EPOCH = 1763900000
MOMENT = datetime.fromtimestamp(EPOCH, tz=UTC)


def load_article(name: str) -> Document:
    return load(FIXTURES / f"{name}.json")  # as a user's IR JSON: 1.x migrated, languages marked


# Built for the reading-system tests besides ARTICLES: the seed in each theme, a collection, the sink.
READING_BOOKS = ("seed-book", "seed-newspaper", "seed-report", "collection", "kitchen-sink")


def build_reading_book(name: str) -> bytes:
    """The EPUB of one of :data:`READING_BOOKS`."""
    if name.startswith("seed-"):
        theme = name.removeprefix("seed-")
        return write_epub(load(SEED), modified=MOMENT, style=default_style(theme)).data
    if name == "collection":
        articles = [load_article(n) for n in ("long-climate", "hanja-latin", "list-quote")]
        meta = CollectionMeta(title="주간 뉴스 묶음", editor="편집부", date="2026-07-21", language="ko")
        return write_epub(Collection(meta=meta, articles=articles), modified=MOMENT).data
    return write_epub(load(KITCHEN_SINK), modified=MOMENT).data
