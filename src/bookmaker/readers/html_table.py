"""HTML tables: a table of content becomes an IR :class:`~bookmaker.ir.Table`; a layout table (page
structure, a photo with its caption in the next row) is walked as ordinary flow. A first row of
cells all in bold over rows that are not is the header of a table without ``<th>``, and so is one
cell across the first row of a table of labelled values (an infobox's title), and a first row of short
labels over rows of data (:func:`_label_row`: a blog editor's table); a row of only a photo
is left out (an infobox's photo is a figure of its own).

A table is taken as *content* on evidence: it has a ``<caption>``, ``<th>`` or ``<thead>``, or at
least two rows of two or more cells; and it is *layout* when it says so (``role="presentation"``),
nests another table, holds an image (unless it is a table of labelled values, an infobox, whose
photo becomes a figure after it), or has a cell of long prose (over 300 characters).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from bs4.element import PageElement, Tag

from bookmaker.ir import Cell, Inline, Row, Table
from bookmaker.readers.html_dom import hides

MAX_SPAN = 1000
MAX_PROSE_CELL = 300
ICON_SIZE = 50
MIN_PAIRS = 3
_ALIGN = re.compile(r"text-align\s*:\s*(left|center|right|start|end)", re.IGNORECASE)
Align = Literal["left", "center", "right"]


def rows(table: Tag) -> list[Tag]:
    """The table's own rows (not a nested table's), ``<tfoot>`` rows last."""
    own: list[Tag] = []
    foot: list[Tag] = []
    for child in table.find_all(["tr", "thead", "tbody", "tfoot"], recursive=False):
        if child.name == "tr":
            own.append(child)
        else:
            (foot if child.name == "tfoot" else own).extend(child.find_all("tr", recursive=False))
    return own + foot


def cells(row: Tag) -> list[Tag]:
    """The row's cells, hidden ones left out."""
    return [c for c in row.find_all(["td", "th"], recursive=False) if not hides(c)]


def is_icon(img: Tag) -> bool:
    """A small decorative image (both sides given and under 50 px, or either 1 px or less)."""
    sizes = []
    for name in ("width", "height"):
        value = img.get(name)
        digits = re.match(r"\s*(\d+)", value) if isinstance(value, str) else None
        sizes.append(int(digits.group(1)) if digits else None)
    if any(size is not None and size <= 1 for size in sizes):
        return True
    return all(size is not None and size < ICON_SIZE for size in sizes)


def key_value(table: Tag) -> bool:
    """A table of labelled values (an encyclopedia's infobox): three or more rows of one label
    cell (a header cell, or a data cell all in bold: 나무위키's infobox) and one data cell; its photo
    is taken out of it as a figure."""
    return sum(1 for row in rows(table) if _label_pair(cells(row))) >= MIN_PAIRS


def _label_pair(row: list[Tag]) -> bool:
    if [cell.name for cell in row] == ["th", "td"]:
        return True
    return [cell.name for cell in row] == ["td", "td"] and _bold_cell(row[0]) and not _bold_cell(row[1])


def is_data_table(table: Tag) -> bool:
    """True when ``table`` holds content, not page layout (see the module)."""
    if str(table.get("role") or "").strip().lower() in ("presentation", "none"):
        return False
    if table.find("table") is not None:
        return False
    if any(not is_icon(img) for img in table.find_all("img")) and not key_value(table):
        return False
    if table.find(["figure", "video", "iframe", "object", "embed"]) is not None:
        return False
    table_rows = rows(table)
    all_cells = [cell for row in table_rows for cell in cells(row)]
    if not all_cells or any(len(cell.get_text(strip=True)) > MAX_PROSE_CELL for cell in all_cells):
        return False
    if table.find(["caption", "th", "thead"]) is not None:
        return True
    return sum(1 for row in table_rows if len(cells(row)) >= 2) >= 2


def _span(cell: Tag, name: str) -> int:
    value = cell.get(name)
    digits = re.match(r"\s*(\d+)", value) if isinstance(value, str) else None
    return max(1, min(int(digits.group(1)), MAX_SPAN)) if digits else 1


def _align(cell: Tag) -> Align | None:
    for tag in (cell, cell.parent):
        if not isinstance(tag, Tag):
            continue
        value = str(tag.get("align") or "").strip().lower()
        style = tag.get("style")
        found = _ALIGN.search(style) if isinstance(style, str) else None
        value = value or (found.group(1).lower() if found else "")
        if value in ("left", "start"):
            return "left"
        if value == "center":
            return "center"
        if value in ("right", "end"):
            return "right"
    return None


def _bold_row(row: Tag) -> bool:
    """Every cell of ``row`` has text, all of it bold: a header row set as ``<td><b>…</b></td>``
    (Word's tables, old CMS pages)."""
    return all(_bold_cell(cell) for cell in cells(row))


def _bold_cell(cell: Tag) -> bool:
    """The cell has text, all of it bold."""
    strings = [s for s in cell.find_all(string=True) if s.strip()]
    return bool(strings) and all(_in_bold(s, cell) for s in strings)


def _photo_row(row: Tag) -> bool:
    """A row of nothing but a photo, which an infobox gives as a figure of its own."""
    return not row.get_text(strip=True) and any(not is_icon(img) for img in row.find_all("img"))


def _title_row(row: Tag, table: Tag) -> bool:
    """One cell across the row, opening a table of labelled values: the infobox's title
    ("한빛역" over its romanized name)."""
    only = cells(row)
    return len(only) == 1 and _span(only[0], "colspan") >= 2 and key_value(table)


_LABEL = re.compile(r"^[^\d.,:;!?()\[\]<>]{1,10}$")


def _label_row(table_rows: list[Tag]) -> bool:
    """A first row of short labels over rows of data, all of one width (a blog editor's table, its
    header set as plain cells: "장소 | 가는 법 | 머문 시간" over "성산 | 201번 버스 | 2시간"): three
    columns or more, three rows or more, the labels without digits and found nowhere below them, a
    digit somewhere below."""
    first = [" ".join(cell.get_text(" ").split()) for cell in cells(table_rows[0])]
    body = [[" ".join(cell.get_text(" ").split()) for cell in cells(row)] for row in table_rows[1:]]
    if len(first) < 3 or len(body) < 2 or any(len(row) != len(first) for row in body):
        return False
    if any(
        _span(cell, "colspan") > 1 or _span(cell, "rowspan") > 1 for row in table_rows for cell in cells(row)
    ):
        return False
    if not all(_LABEL.match(text) for text in first) or len(set(first)) < len(first):
        return False
    below = {text for row in body for text in row}
    return not below & set(first) and any(re.search(r"\d", text) for text in below)


def _in_bold(string: PageElement, cell: Tag) -> bool:
    """``string`` is inside a ``<b>`` or ``<strong>`` within ``cell``."""
    for parent in string.parents:
        if parent is cell:
            return False
        if parent.name in ("b", "strong"):
            return True
    return False


def build_table(table: Tag, runs_of: Callable[[Tag], list[Inline]]) -> Table:
    """``table`` as an IR table; ``runs_of`` gives the inline runs of a cell or caption."""
    caption_tag = table.find("caption", recursive=False)
    caption = runs_of(caption_tag) if caption_tag is not None else []
    head: list[Row] = []
    body: list[Row] = []
    table_rows = [row for row in rows(table) if cells(row) and not _photo_row(row)]
    bold_head = (
        table.find(["th", "thead"]) is None
        and len(table_rows) >= 2
        and (_bold_row(table_rows[0]) or _title_row(table_rows[0], table) or _label_row(table_rows))
        and not all(_bold_row(row) for row in table_rows[1:])
    )
    for index, row in enumerate(table_rows):
        row_cells = cells(row)
        made = Row(
            cells=[
                Cell(
                    content=runs_of(cell),
                    header=cell.name == "th" or (bold_head and index == 0),
                    colspan=_span(cell, "colspan"),
                    rowspan=_span(cell, "rowspan"),
                    align=_align(cell),
                )
                for cell in row_cells
            ]
        )
        in_head = isinstance(row.parent, Tag) and row.parent.name == "thead"
        all_th = all(cell.name == "th" for cell in row_cells) or (bold_head and index == 0)
        (head if in_head or (all_th and not body) else body).append(made)
    if head and not body:  # a table of header cells only: they are its content
        body, head = head, []
    return Table(caption=caption, head=head, body=body)
