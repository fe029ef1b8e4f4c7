"""Shared constants and helpers of the EPUB tests (a unique module name, unlike ``conftest``)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bookmaker.ir import Document, from_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ir"
ARTICLES = ("seed", "many-headings", "list-quote", "hanja-latin", "no-meta")
EPOCH = 1763900000
MOMENT = datetime.fromtimestamp(EPOCH, tz=UTC)


def load_article(name: str) -> Document:
    return from_json((FIXTURES / f"{name}.json").read_bytes())
