"""Test helpers shared by reader and normalize tests."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read


def unaccounted_lines(raw: RawDocument, doc: Document) -> list[int]:
    """Non-blank source lines that are in no block, no Meta.lines entry and no removal."""
    covered: set[int] = set()
    for block in doc.blocks:
        if block.lines:
            covered.update(range(block.lines[0], block.lines[-1] + 1))
    for lines in doc.meta.lines.values():
        covered.update(lines)
    covered.update(r.line for r in doc.removed)
    return [sl.line for sl in raw.lines if sl.text.strip() and sl.line not in covered]


def read_written(path: Path, text: str) -> tuple[RawDocument, Document]:
    """``text`` written to ``path``, read and normalized; every source line accounted for."""
    path.write_text(text, "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    return raw, doc
