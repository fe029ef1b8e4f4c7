"""Shared constants and helpers of the EPUB tests (a unique module name, unlike ``conftest``)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bookmaker.ir import Document
from bookmaker.pipeline import load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ir"
ARTICLES = ("seed", "many-headings", "list-quote", "hanja-latin", "no-meta")
EPOCH = 1763900000
MOMENT = datetime.fromtimestamp(EPOCH, tz=UTC)


def load_article(name: str) -> Document:
    return load(FIXTURES / f"{name}.json")  # as a user's IR JSON: 1.x migrated, languages marked
