"""How an EPUB table fits a phone's page: as it is, smaller, or with its words broken.

A reading system lays a table out at least as wide as the sum of its columns' longest unbreakable
pieces (the CSS ``min-content``): with ``keep-all`` a Korean word is one piece, an address one piece
per stretch between its marked breaks (:func:`bookmaker.korean.eojeol.wrap_word`). A paginated
reader clips what runs past the page. So a table whose estimate exceeds :data:`PHONE_EM` is
``wide``, set smaller with narrower padding, its words whole; one still too wide so is also
``breaking``: its cells' words may break where nothing else fits.
"""

from __future__ import annotations

import re

from bookmaker.ir import Table
from bookmaker.korean.eojeol import pieces, width
from bookmaker.layout.table_grid import grid

PHONE_EM = 20.0
"""A phone's text width in the body's em: 320–360 CSS px less the reader's margins, at 16 px."""
FONT, PADDING = 0.9, 1.2
"""A table's font size (epub.css: ``table { font-size: 0.9em }``) and a cell's padding left and right
in its own em (0.6em each side) ..."""
WIDE_FONT, WIDE_PADDING = 0.8, 0.7
"""... and a wide table's (``table.wide``)."""
_HYPHEN = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")  # a hyphen between letters: a break after it


def min_width_em(table: Table, font: float = FONT, padding: float = PADDING) -> float:
    """The table's narrowest layout with its words whole, in the body's em: each column as wide as
    its widest piece, plus the cells' padding, at the table's font size."""
    columns: dict[int, float] = {}
    for column, cell in grid(table.head + table.body):
        if cell.colspan > 1:
            continue  # a spanning cell's pieces share its columns' widths
        widest = max((width(piece) for word in cell.text.split() for piece in _pieces(word)), default=0.0)
        columns[column] = max(columns.get(column, 0.0), widest)
    return font * sum(widest + padding for widest in columns.values())


def phone_fit(table: Table) -> str:
    """The table's classes for a phone's page: ``""``, ``"wide"`` or ``"wide breaking"``."""
    if min_width_em(table) <= PHONE_EM:
        return ""
    return "wide" if min_width_em(table, WIDE_FONT, WIDE_PADDING) <= PHONE_EM else "wide breaking"


def _pieces(word: str) -> list[str]:
    return [part for piece in pieces(word) for part in _HYPHEN.split(piece)]
