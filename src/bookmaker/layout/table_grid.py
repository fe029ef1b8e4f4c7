"""Where a table's cells stand and how they are aligned, for both renditions.

A cell keeps its own alignment (the page's ``align``, a Markdown ``--:``). A page that set none
still meant a column of figures to be compared: such a column is set flush right (1,204 under 412,
their digits in line), and a column head is aligned as the cells below it (수출액(억 달러) over
129.1), not left with the figures far from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bookmaker.ir import Cell, Row, Table

MAX_SPAN = 1000  # as HTML caps colspan: a larger span counts as this many columns

_FIGURE = re.compile(
    r"[-+−±▲▼△]?\s?[₩$€£¥]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s?(?:%p?|‰|(?![년월일])[가-힣]{1,2}|[A-Za-z]{1,3}))?"
)
"""A figure: a signed or changed (▲▼) number, thousands grouped, maybe a decimal fraction, a currency
sign before or a short unit after (%, %p, 원, 억원, 가구, ms, kg): ``-1.8``, ``48,000원``, ``▲3.2%p``;
not a date's part (2024년, 12월, 3일), which names a row or a column rather than counts."""
_BLANK = frozenset({"", "-", "–", "—", "−", "…", "·", "="})
"""What an empty cell of a figure column holds instead (no figure, nothing to set otherwise)."""


@dataclass(frozen=True)
class Aligns:
    """Each cell's alignment (None: left, the stylesheet's), row by row as the table lists them."""

    head: list[list[str | None]]
    body: list[list[str | None]]


def aligns(table: Table) -> Aligns:
    """The alignment of ``table``'s cells: their own, else flush right in a column of figures (two
    or more, no other text); a head as the cells below it when they share one (centred when it
    spans several columns of figures)."""
    figures = _figure_columns(table)
    body: list[list[str | None]] = [
        [cell.align or ("right" if column in figures and not cell.header else None) for column, cell in row]
        for row in rows(table.body)
    ]
    below: dict[int, set[str | None]] = {}
    for row, set_as in zip(rows(table.body), body, strict=True):
        for (column, cell), align in zip(row, set_as, strict=True):
            if cell.colspan == 1 and not cell.header:
                below.setdefault(column, set()).add(align)
    head: list[list[str | None]] = []
    for row in rows(table.head):
        head.append([])
        for column, cell in row:
            span = range(column, column + min(cell.colspan, MAX_SPAN))
            under = set().union(*(below.get(index, {None}) for index in span))
            shared = next(iter(under)) if len(under) == 1 else None
            if cell.colspan > 1 and shared == "right":
                shared = "center"  # a head over several columns of figures stands over their middle
            head[-1].append(cell.align or shared)
    return Aligns(head, body)


def _figure_columns(table: Table) -> set[int]:
    """The columns whose body cells (one column wide, not headers) are figures or blank, two or more
    of them figures; never the first column, which names the rows (their stub, left as a label)."""
    counts: dict[int, int] = {}
    other: set[int] = set()
    for column, cell in grid(table.body):
        if cell.colspan > 1 or cell.header:
            continue
        text = cell.text.strip()
        if _FIGURE.fullmatch(text):
            counts[column] = counts.get(column, 0) + 1
        elif text not in _BLANK:
            other.add(column)
    return {column for column, count in counts.items() if count >= 2 and column > 0 and column not in other}


def grid(rows_: list[Row]) -> list[tuple[int, Cell]]:
    """Each cell with the index of its first column (see :func:`rows`)."""
    return [placed for row in rows(rows_) for placed in row]


def rows(rows_: list[Row]) -> list[list[tuple[int, Cell]]]:
    """Each row's cells with the index of their first column, placed around the cells spanning
    down from the rows above."""
    placed: list[list[tuple[int, Cell]]] = []
    taken: set[tuple[int, int]] = set()
    for number, row in enumerate(rows_):
        column = 0
        placed.append([])
        for cell in row.cells:
            while (number, column) in taken:
                column += 1
            placed[-1].append((column, cell))
            span = min(cell.colspan, MAX_SPAN)
            for down in range(1, min(cell.rowspan, len(rows_) - number)):
                for across in range(span):
                    taken.add((number + down, column + across))
            column += span
    return placed
