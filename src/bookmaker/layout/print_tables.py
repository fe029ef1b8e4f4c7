"""How a table is set in print so it never runs past the measure.

A cell's words never break inside (the print rendition glues them with word joiners), so a table is
at least as wide as the sum of its columns' widest words. That width is measured here with
HarfBuzz (body cells in the body face, header cells in bold Gothic, plus padding) and the table is
given the first setting that fits: its own size (85 % of the body) in the column, then smaller
(75 %, 65 %, 60 %); then the same sizes across all columns of a multi-column page, or on a landscape
page of its own on a one-column page. Only a table too wide even there is set with fixed columns whose
words may break (``tight``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bookmaker.fonts.shaping import shaper
from bookmaker.ir import Cell, Row, Table
from bookmaker.layout.print_runs import nest_inset

if TYPE_CHECKING:
    from bookmaker.layout.print_layout import PrintLayout

SIZES = (0.85, 0.75, 0.65, 0.6)  # of the body size, largest first
PADDING_EM = 1.2  # a cell's left + right padding (print.css.j2: 0.6em each)
SAFETY = 1.05  # marks inside cells (bold, code) and rounding
PT_PER_MM = 72 / 25.4
MAX_SPAN = 1000  # as HTML caps colspan: a larger span counts as this many columns

Placement = Literal["column", "span", "wide"]


@dataclass(frozen=True, slots=True)
class TableFit:
    """Where and how large a table is set: ``size_pt``; ``placement`` ``column`` (in the text
    column), ``span`` (across all columns) or ``wide`` (a landscape page); ``tight``: fixed columns
    whose words may break (nothing else fitted)."""

    size_pt: float
    placement: Placement = "column"
    tight: bool = False

    @property
    def classes(self) -> str:
        """The table's CSS classes."""
        placed = [self.placement] if self.placement != "column" else []
        return " ".join(["tbl", *placed, *(["tight"] if self.tight else [])])


def table_fit(layout: PrintLayout, table: Table, nest: Sequence[str] = ()) -> TableFit:
    """The first setting of :data:`SIZES` × placements in which ``table``'s words fit (see the
    module); a table in a list or quotation (``nest``, as :func:`~bookmaker.layout.print_runs.set_lines`
    takes it) stays where it is, narrowed by their indents."""
    body_pt = layout.scale.body_pt
    widths = _min_widths_em(layout, table)
    places: list[tuple[Placement, float]] = [("column", layout.measure_pt - nest_inset(layout, nest))]
    if nest:  # in a list or quotation: only smaller
        pass
    elif layout.columns > 1:
        places.append(("span", layout.text_width_pt))
    else:
        page = layout.page
        places.append(("wide", (page.height_mm - 2 * page.top_mm) * PT_PER_MM))
    for placement, measure in places:
        for ratio in SIZES:
            size = round(body_pt * ratio, 2)
            if widths * size * SAFETY <= measure:
                return TableFit(size, placement)
    return TableFit(round(body_pt * SIZES[-1], 2), places[-1][0], tight=True)


def _min_widths_em(layout: PrintLayout, table: Table) -> float:
    """The table's narrowest width in em of its size: each column as wide as its widest word."""
    body = shaper(layout.scale.body_font)
    header = shaper(layout.scale.heading_font, 700)

    def word(cell: Cell) -> float:
        face = header if cell.header else body
        return max((face.width(part) for part in cell.text.split()), default=0.0) + PADDING_EM

    columns: list[float] = []
    spanning: list[tuple[int, int, float]] = []  # (first column, columns, width)
    for first, cell in _grid([*table.head, *table.body]):
        need = word(cell)
        span = min(cell.colspan, MAX_SPAN)
        if span == 1:
            columns.extend([0.0] * (first + 1 - len(columns)))
            columns[first] = max(columns[first], need)
        else:
            spanning.append((first, span, need))
    for first, span, need in spanning:
        columns.extend([0.0] * (first + span - len(columns)))
        short = need - sum(columns[first : first + span])
        if short > 0:
            for index in range(first, first + span):
                columns[index] += short / span
    return sum(columns)


def _grid(rows: list[Row]) -> list[tuple[int, Cell]]:
    """Each cell with the index of its first column, rows' cells placed around the cells spanning
    down from the rows above."""
    placed: list[tuple[int, Cell]] = []
    taken: set[tuple[int, int]] = set()
    for number, row in enumerate(rows):
        column = 0
        for cell in row.cells:
            while (number, column) in taken:
                column += 1
            placed.append((column, cell))
            span = min(cell.colspan, MAX_SPAN)
            for down in range(1, min(cell.rowspan, len(rows) - number)):
                for across in range(span):
                    taken.add((number + down, column + across))
            column += span
    return placed
