"""Whether an EPUB table is too wide for a phone's page with its words kept whole.

A reading system lays a table out at least as wide as the sum of its columns' longest unbreakable
pieces (the CSS ``min-content``): with ``keep-all`` a Korean word is one piece, an address one piece
per stretch between its marked breaks (:func:`bookmaker.korean.eojeol.wrap_word`). A paginated
reader clips what runs past the page, so a table whose estimate exceeds :data:`PHONE_EM` is marked
``wide`` and its stylesheet narrows its cells' padding and lets their words break where they must;
a table that fits keeps them whole.
"""

from __future__ import annotations

import re

from bookmaker.ir import Table
from bookmaker.korean.eojeol import pieces, width
from bookmaker.layout.table_grid import grid

PHONE_EM = 20.0
"""A phone's text width in the body's em: 320–360 CSS px less the reader's margins, at 16 px."""
CELL_FONT = 0.9  # the table's font size (epub.css: ``table { font-size: 0.9em }``) ...
CELL_PADDING = 1.2  # ... and a cell's padding left and right, in its own em (0.6em each side)
_HYPHEN = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")  # a hyphen between letters: a break after it


def min_width_em(table: Table) -> float:
    """The table's narrowest layout in the body's em: each column as wide as its widest piece."""
    columns: dict[int, float] = {}
    for column, cell in grid(table.head + table.body):
        if cell.colspan > 1:
            continue  # a spanning cell's pieces share its columns' widths
        widest = max((width(piece) for word in cell.text.split() for piece in _pieces(word)), default=0.0)
        columns[column] = max(columns.get(column, 0.0), widest)
    return CELL_FONT * sum(widest + CELL_PADDING for widest in columns.values())


def phone_wide(table: Table) -> bool:
    """Whether the table needs its words broken to fit a phone's page (see the module)."""
    return min_width_em(table) > PHONE_EM


def _pieces(word: str) -> list[str]:
    return [part for piece in pieces(word) for part in _HYPHEN.split(piece)]
