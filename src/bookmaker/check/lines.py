"""Text lines of a PDF as pdfplumber sees them: characters grouped by baseline and cut at the
gutters between text columns, gaps in em.

A gutter is an x-range of a page that holds no ink in most rows, with text pieces of at least three
rows ending on its left and of three starting on its right; a headline over the columns may cross it.
A page where none is found (a short last page) tries the gutters the other pages have."""

from __future__ import annotations

import collections
import itertools
import statistics
from dataclasses import dataclass
from typing import Any

WORD_GAP = 0.15  # em: a wider gap between two characters is a word space
COLUMN_GAP = 1.0  # em: a wider gap may be a gutter
MIN_GUTTER_ROWS = 3
ROW_REACH = 0.5  # em: characters whose baselines differ less share a row
INK_ABOVE, INK_BELOW = 0.75, 0.05  # em: a glyph's body around its baseline, for overlaps
OVERLAP = 0.25  # em: text drawn over text by more than this, across and down, is an overlap


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
    last_column: int = 0  # the column it ends in: more than ``column`` for a headline over columns
    top: float = 0.0  # pt from the page's top, of its characters' boxes
    bottom: float = 0.0


@dataclass(frozen=True, slots=True)
class PageInfo:
    """A page's boxes in points."""

    number: int
    width: float
    height: float
    trim: tuple[float, float, float, float]
    overlaps: tuple[str, ...] = ()  # "text ⟂ text" of two rows drawn over each other


def read_lines(path: str, min_size: float = 6.0) -> tuple[list[TextLine], list[PageInfo]]:
    """All text lines of the PDF at ``path`` (characters smaller than ``min_size`` pt ignored)."""
    import pdfplumber

    pages: list[PageInfo] = []
    page_rows: list[list[list[dict[str, Any]]]] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            trim = page.page_obj.attrs.get("TrimBox") or page.mediabox
            x0, y0, x1, y1 = (float(v) for v in trim)
            chars = [c for c in page.chars if c["size"] >= min_size and c["text"].strip()]
            rows = [sorted(row, key=lambda c: c["x0"]) for row in _rows(chars)]
            box = (x0, y0, x1, y1)
            pages.append(PageInfo(number, float(page.width), float(page.height), box, overlaps(rows)))
            page_rows.append(rows)
    found = [gutters(rows) for rows in page_rows]
    out: list[TextLine] = []
    for info, rows, middles in zip(pages, page_rows, found, strict=True):
        middles = middles or _borrowed(rows, found)
        for chars in rows:
            for column, part in split_at(chars, middles):
                last = sum(m < part[-1]["x1"] for m in middles)
                out.append(_text_line(info.number, part, column, last))
    return out, pages


def _rows(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The characters in rows, top to bottom, by baseline (faces whose ascents differ, a bold
    Gothic label in a Myeongjo line, share a row); a row of smaller characters (a superscript, a
    subscript) joins the row whose baseline is within :data:`ROW_REACH` em of its own."""
    by_base: dict[int, list[dict[str, Any]]] = {}
    for char in chars:
        by_base.setdefault(round(_baseline(char) / 2), []).append(char)
    if not by_base:
        return []
    size = statistics.median(c["size"] for c in chars)
    keys = sorted(by_base)
    for key in keys:
        row = by_base[key]
        if max(c["size"] for c in row) >= 0.85 * size:
            continue
        near = [k for k in keys if k != key and abs(k - key) * 2 <= ROW_REACH * size and by_base.get(k)]
        full = [k for k in near if max(c["size"] for c in by_base[k]) >= 0.85 * size]
        if full:
            by_base[min(full, key=lambda k: abs(k - key))].extend(row)
            by_base[key] = []
    return [by_base[key] for key in keys if by_base[key]]


def _baseline(char: dict[str, Any]) -> float:
    return float(-char["matrix"][5])  # PDF y is up: larger further down the page


def overlaps(rows: list[list[dict[str, Any]]]) -> tuple[str, ...]:
    """Text drawn over text (a block positioned onto others, a box too small for its lines): a row
    whose characters overlap, or two rows whose glyph bodies meet by more than :data:`OVERLAP` em
    across and down ("text ⟂ text"); rows are sorted by baseline and their characters by x."""
    bases = [statistics.median(_baseline(c) for c in row) for row in rows]
    sizes = [max(c["size"] for c in row) for row in rows]
    largest = max(sizes, default=0.0)
    found = [_text(row) for row in rows if _crowded(row)]
    for i, upper in enumerate(rows):
        for j in range(i + 1, len(rows)):
            if bases[j] - bases[i] > (INK_ABOVE + INK_BELOW) * largest:
                break
            top = max(bases[i] - INK_ABOVE * sizes[i], bases[j] - INK_ABOVE * sizes[j])
            bottom = min(bases[i] + INK_BELOW * sizes[i], bases[j] + INK_BELOW * sizes[j])
            reach = OVERLAP * min(sizes[i], sizes[j])
            if bottom - top > reach and _cross(upper, rows[j], reach):
                found.append(f"{_text(upper)} ⟂ {_text(rows[j])}")
    return tuple(found)


def _crowded(row: list[dict[str, Any]]) -> bool:
    """Whether two characters of one row (sorted by x; a smaller line drawn onto a larger one
    joins its row) share more than :data:`OVERLAP` em of their widths."""
    return any(
        a["x1"] - b["x0"] > OVERLAP * min(a["size"], b["size"]) and b["x1"] > a["x0"]
        for a, b in itertools.pairwise(row)
    )


def _cross(a: list[dict[str, Any]], b: list[dict[str, Any]], reach: float) -> bool:
    """Whether a character of ``a`` and one of ``b`` (each sorted by x) share more than ``reach``
    of their widths."""
    i = j = 0
    while i < len(a) and j < len(b):
        if min(a[i]["x1"], b[j]["x1"]) - max(a[i]["x0"], b[j]["x0"]) > reach:
            return True
        if a[i]["x1"] < b[j]["x1"]:
            i += 1
        else:
            j += 1
    return False


def _text(row: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in row)[:30]


def _segments(row: list[dict[str, Any]], em: float) -> list[tuple[float, float]]:
    """(x0, x1) of the pieces of a row between gaps wider than :data:`COLUMN_GAP` em."""
    pieces = [(row[0]["x0"], row[0]["x1"])]
    for a, b in itertools.pairwise(row):
        if b["x0"] - a["x1"] > COLUMN_GAP * em:
            pieces.append((b["x0"], b["x1"]))
        else:
            pieces[-1] = (pieces[-1][0], b["x1"])
    return pieces


def gutters(rows: list[list[dict[str, Any]]]) -> list[float]:
    """The x middles of a page's gutters, left to right: x-ranges at least 0.8 em wide where few rows
    have ink (see :func:`_low`), with at least three rows' pieces ending just left of it and three
    starting just right of it. The columns' lines need not share baselines (a heading in one column
    shifts them)."""
    if not rows:
        return []
    em = statistics.median(c["size"] for row in rows for c in row)
    lo = int(min(c["x0"] for row in rows for c in row))
    hi = int(max(c["x1"] for row in rows for c in row)) + 1
    ink_count = [0] * (hi - lo + 1)
    for row in rows:
        for c in row:
            for x in range(int(c["x0"]), int(c["x1"]) + 1):
                ink_count[x - lo] += 1
    pieces = [piece for row in rows for piece in _segments(row, em)]
    reach = int(3 * em)
    middles: list[float] = []
    run: int | None = None
    for x in range(len(ink_count) + 1):
        inside = x < len(ink_count) and _low(ink_count, x, reach)
        if inside and run is None:
            run = x
        elif not inside and run is not None:
            left, right = lo + run, lo + x
            if right - left >= 0.8 * em and _lined_up(pieces, left, right, 2 * em):
                middles.append((left + right) / 2)
            run = None
    return middles


def _low(ink: list[int], x: int, reach: int) -> bool:
    """Whether few rows have ink at ``x``: a quarter of the most on each side within ``reach`` (a
    short page's columns have few rows, a headline over them inks the gutter in one or two)."""
    left, right = ink[max(0, x - reach) : x], ink[x + 1 : x + 1 + reach]
    return bool(left and right) and ink[x] <= 0.25 * min(max(left), max(right))


def _lined_up(pieces: list[tuple[float, float]], left: float, right: float, reach: float) -> bool:
    """Whether three pieces end within ``reach`` left of ``left`` and three start within ``reach``
    right of ``right``."""
    ends = sum(1 for _, x1 in pieces if left - reach <= x1 <= left + 1)
    starts = sum(1 for x0, _ in pieces if right - 1 <= x0 <= right + reach)
    return ends >= MIN_GUTTER_ROWS and starts >= MIN_GUTTER_ROWS


def _borrowed(rows: list[list[dict[str, Any]]], found: list[list[float]]) -> list[float]:
    """For a page where none was found (a short last page), the gutters most pages found, when
    three of its rows start just right of each and few rows' ink crosses it."""
    if not rows:
        return []
    common = collections.Counter(tuple(middles) for middles in found if middles).most_common(1)
    if not common:
        return []
    middles = list(common[0][0])
    em = statistics.median(c["size"] for row in rows for c in row)
    for middle in middles:
        starts = sum(1 for row in rows for x0, _ in _segments(row, em) if middle < x0 <= middle + 2 * em)
        crossing = sum(1 for row in rows if any(c["x0"] < middle < c["x1"] for c in row))
        if starts < MIN_GUTTER_ROWS or crossing > 0.25 * len(rows):
            return []
    return middles


def split_at(chars: list[dict[str, Any]], middles: list[float]) -> list[tuple[int, list[dict[str, Any]]]]:
    """A row cut where a gap holds a gutter's middle: (column number, characters) parts (a part whose
    ink crosses a gutter, a headline over the columns, stays whole and takes the first one's number)."""
    parts: list[tuple[int, list[dict[str, Any]]]] = []
    current = [chars[0]]
    for a, b in itertools.pairwise(chars):
        if any(a["x1"] <= m <= b["x0"] for m in middles):
            parts.append((sum(m < current[0]["x0"] for m in middles), current))
            current = []
        current.append(b)
    parts.append((sum(m < current[0]["x0"] for m in middles), current))
    return parts


def _text_line(page: int, chars: list[dict[str, Any]], column: int, last_column: int) -> TextLine:
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
        max(column, last_column),
        min(c["top"] for c in chars),
        max(c["bottom"] for c in chars),
    )
