"""Text lines of a PDF as pdfplumber sees them: characters grouped by baseline, gaps in em."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from typing import Any

WORD_GAP = 0.15  # em: a wider gap between two characters is a word space


@dataclass(frozen=True, slots=True)
class TextLine:
    """One visual line on a page."""

    page: int
    text: str  # words separated by single spaces
    x0: float
    x1: float
    size: float
    gaps: tuple[float, ...]  # word spaces in em
    fonts: tuple[str, ...]
    chars: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PageInfo:
    """A page's boxes in points."""

    number: int
    width: float
    height: float
    trim: tuple[float, float, float, float]


def read_lines(path: str, min_size: float = 6.0) -> tuple[list[TextLine], list[PageInfo]]:
    """All text lines of the PDF at ``path`` (characters smaller than ``min_size`` pt ignored)."""
    import pdfplumber

    out: list[TextLine] = []
    pages: list[PageInfo] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            trim = page.page_obj.attrs.get("TrimBox") or page.mediabox
            x0, y0, x1, y1 = (float(v) for v in trim)
            pages.append(PageInfo(number, float(page.width), float(page.height), (x0, y0, x1, y1)))
            rows: dict[int, list[dict[str, Any]]] = {}
            for char in page.chars:
                if char["size"] < min_size or not char["text"].strip():
                    continue
                rows.setdefault(round(char["top"] / 2), []).append(char)
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda c: c["x0"])
                size = statistics.median(c["size"] for c in chars)
                text, gaps = chars[0]["text"], []
                for a, b in itertools.pairwise(chars):
                    gap = (b["x0"] - a["x1"]) / size
                    if gap >= WORD_GAP:
                        gaps.append(gap)
                        text += " "
                    text += b["text"]
                out.append(
                    TextLine(
                        number,
                        text,
                        chars[0]["x0"],
                        chars[-1]["x1"],
                        size,
                        tuple(gaps),
                        tuple(c["fontname"] for c in chars),
                        tuple(c["text"] for c in chars),
                    )
                )
    return out, pages
