"""How a table is set in print so it never runs past the measure.

A cell's words never break inside (the print rendition glues them with word joiners), so a table is
at least as wide as the sum of its columns' widest words. That width is measured here with
HarfBuzz (body cells in the body face, header cells in bold Gothic, plus padding) and the table is
given the first setting that fits: its own size (85 % of the body) in the column, then smaller
(75 %, 65 %, 60 %); then the same sizes across all columns of a multi-column page, or on a landscape
page of its own on a one-column page. Only a table too wide even there is ``tight``: its words may
break where the line breaker's ranked opportunities allow (연금개혁|특별위원회, 창신메모리|(CXMT)).
Its columns get fixed widths (``widths``): each at least as wide as its widest piece of a word
between those opportunities, at the largest size at which that fits; the room left goes first to the
columns that lack least to keep their words whole (as few columns split as may be); and each cell is
set by the ragged-right breaker at its width (:meth:`~bookmaker.layout.print_layout.PrintLayout.cell`),
so WeasyPrint never wraps a cell's text itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bookmaker.fonts.shaping import Shaper, shaper
from bookmaker.ir import Cell, Table
from bookmaker.korean.linebreak import Paragraph, Run
from bookmaker.layout.print_runs import nest_inset
from bookmaker.layout.table_grid import MAX_SPAN, grid, rows

if TYPE_CHECKING:
    from bookmaker.layout.print_layout import PrintLayout

SIZES = (0.85, 0.75, 0.65, 0.6)  # of the body size, largest first
PADDING_EM = 1.2  # a cell's left + right padding (print.css.j2: 0.6em each)
SAFETY = 1.05  # marks inside cells (bold, code) and rounding
PT_PER_MM = 72 / 25.4

Placement = Literal["column", "span", "wide"]


@dataclass(frozen=True, slots=True)
class TableFit:
    """Where and how large a table is set: ``size_pt``; ``placement`` ``column`` (in the text
    column), ``span`` (across all columns) or ``wide`` (a landscape page); ``tight``: fixed columns
    ``widths`` (pt, padding included) whose words may break at ranked opportunities (nothing else
    fitted), ``cells``: each row's cells' text widths (pt), header rows first."""

    size_pt: float
    placement: Placement = "column"
    tight: bool = False
    widths: tuple[float, ...] = ()
    cells: tuple[tuple[float, ...], ...] = ()

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
    whole = _column_widths_em(layout, table, _widest_word)
    widths = sum(whole)
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
    return _tight(layout, table, whole, *places[-1])


def _tight(
    layout: PrintLayout, table: Table, words: Sequence[float], placement: Placement, measure: float
) -> TableFit:
    """A ``tight`` setting in ``measure`` pt (see the module); ``words``: each column's width in em
    with its words whole."""
    margin = 2 * layout.tune.safety  # the breaker's safety margin, and as much for rounding
    whole = [width + margin for width in words]
    pieces = [width + margin for width in _column_widths_em(layout, table, _pieces(layout))]
    lacking = [max(w - p, 0.0) for w, p in zip(whole, pieces, strict=True)]
    size = round(layout.scale.body_pt * SIZES[-1], 2)
    for ratio in SIZES:  # the largest size at which every piece fits
        if sum(pieces) * layout.scale.body_pt * ratio * SAFETY <= measure:
            size = round(layout.scale.body_pt * ratio, 2)
            break
    room = measure / size - sum(pieces)
    if room < 0:  # even the pieces do not fit: in proportion to them
        share = measure / size / sum(pieces)
        columns = [p * share for p in pieces]
    else:  # the columns that lack least made whole first (as few split as may be), the rest shared
        columns = list(pieces)
        short = sorted(range(len(columns)), key=lambda index: lacking[index])
        while short and lacking[short[0]] <= room:
            index = short.pop(0)
            columns[index] += lacking[index]
            room -= lacking[index]
        for index in short or range(len(columns)):
            columns[index] += room / len(short or columns)
    widths = tuple(round(em * size, 2) for em in columns)
    padding = PADDING_EM * size
    cells = tuple(
        tuple(sum(widths[first : first + min(cell.colspan, MAX_SPAN)]) - padding for first, cell in row)
        for row in rows([*table.head, *table.body])
    )
    return TableFit(size, placement, True, widths, cells)


def _widest_word(face: Shaper, text: str) -> float:
    """A cell text's widest word (em of its size)."""
    return max((face.width(part) for part in text.split()), default=0.0)


def _pieces(layout: PrintLayout) -> Callable[[Shaper, str], float]:
    """A cell text's widest piece of a word between the line breaker's ranked opportunities (em of
    its size; the analyzer is loaded for long words)."""
    analyze = layout.break_style != "word"

    def widest(face: Shaper, text: str) -> float:
        paragraph = Paragraph([Run(text)], lambda part, _run: face.width(part))
        analyzer = None
        if analyze and paragraph.wants_analysis():  # only now: it may load kiwipiepy
            from bookmaker.korean.morphology import shared_analyzer

            analyzer = shared_analyzer()
        inside = paragraph.opportunities(analyzer)
        most = 0.0
        for start, end in paragraph.tokens():
            cuts = [start, *(start + o.at for o in inside.get(start, [])), end]
            most = max(most, *(face.width(text[a:b]) for a, b in itertools.pairwise(cuts)))
        return most

    return widest


def _column_widths_em(
    layout: PrintLayout, table: Table, words: Callable[[Shaper, str], float]
) -> list[float]:
    """Each column's narrowest width in em of the table's size: as wide as its widest word, as
    ``words`` measures it, plus padding."""
    body = shaper(layout.scale.body_font)
    header = shaper(layout.scale.heading_font, 700)

    def word(cell: Cell) -> float:
        return words(header if cell.header else body, cell.text) + PADDING_EM

    columns: list[float] = []
    spanning: list[tuple[int, int, float]] = []  # (first column, columns, width)
    for first, cell in grid([*table.head, *table.body]):
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
    return columns
