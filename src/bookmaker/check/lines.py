"""Text lines of a PDF as pdfplumber sees them: characters grouped by baseline and cut at the
gutters between text columns, gaps in em.

A gutter is an x-range of a page that holds no ink in most rows while at least three rows have a gap
wider than 1 em across it (the gaps line up); a headline over the columns may cross it."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from typing import Any

WORD_GAP = 0.15  # em: a wider gap between two characters is a word space
COLUMN_GAP = 1.0  # em: a wider gap may be a gutter
MIN_GUTTER_ROWS = 3


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
    column: int = 0  # 0 = leftmost column of the page


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
            ordered = [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows)]
            middles = gutters(ordered)
            for chars in ordered:
                for column, part in split_at(chars, middles):
                    out.append(_text_line(number, part, column))
    return out, pages


def gutters(rows: list[list[dict[str, Any]]]) -> list[float]:
    """The x middles of a page's gutters, left to right."""
    if not rows:
        return []
    em = statistics.median(c["size"] for row in rows for c in row)
    holes = [
        (a["x1"], b["x0"])
        for row in rows
        for a, b in itertools.pairwise(row)
        if b["x0"] - a["x1"] > COLUMN_GAP * em
    ]
    if len(holes) < MIN_GUTTER_ROWS:
        return []
    lo = int(min(c["x0"] for row in rows for c in row))
    hi = int(max(c["x1"] for row in rows for c in row)) + 1
    hole_count = [0] * (hi - lo + 1)
    ink_count = [0] * (hi - lo + 1)
    for a, b in holes:
        for x in range(int(a) + 1, int(b)):
            hole_count[x - lo] += 1
    for row in rows:
        for c in row:
            for x in range(int(c["x0"]), int(c["x1"]) + 1):
                ink_count[x - lo] += 1
    limit = 0.25 * max(ink_count)
    middles: list[float] = []
    run: int | None = None
    for x in range(len(hole_count) + 1):
        inside = x < len(hole_count) and hole_count[x] >= MIN_GUTTER_ROWS and ink_count[x] <= limit
        if inside and run is None:
            run = x
        elif not inside and run is not None:
            if x - run >= 0.8 * em:
                middles.append(lo + (run + x) / 2)
            run = None
    return middles


def split_at(chars: list[dict[str, Any]], middles: list[float]) -> list[tuple[int, list[dict[str, Any]]]]:
    """A row cut where a gap holds a gutter's middle: (column number, characters) parts."""
    parts: list[tuple[int, list[dict[str, Any]]]] = []
    current = [chars[0]]
    for a, b in itertools.pairwise(chars):
        if any(a["x1"] <= m <= b["x0"] for m in middles):
            parts.append((sum(m < current[0]["x0"] for m in middles), current))
            current = []
        current.append(b)
    parts.append((sum(m < current[0]["x0"] for m in middles), current))
    return parts


def _text_line(page: int, chars: list[dict[str, Any]], column: int) -> TextLine:
    size = statistics.median(c["size"] for c in chars)
    text, gaps = chars[0]["text"], []
    for a, b in itertools.pairwise(chars):
        gap = (b["x0"] - a["x1"]) / size
        if gap >= WORD_GAP:
            gaps.append(gap)
            text += " "
        text += b["text"]
    return TextLine(
        page,
        text,
        chars[0]["x0"],
        chars[-1]["x1"],
        size,
        tuple(gaps),
        tuple(c["fontname"] for c in chars),
        tuple(c["text"] for c in chars),
        column,
    )
