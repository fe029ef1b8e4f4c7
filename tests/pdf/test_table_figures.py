"""A column of figures is set flush right in both renditions, though the page set no alignment
(doc12-report's 412 / 1,204 read ragged, flush left): their digits line up, and the column's head
stands over them. A column with any other text, or a single figure, keeps the page's alignment;
so does a cell that has its own."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pdfplumber
import pytest

from bookmaker.ir import Cell, Document, Meta, Paragraph, Row, Table, text_runs
from bookmaker.layout.table_grid import aligns
from bookmaker.pipeline import BuildOptions, build


def _cell(text: str, **more: object) -> Cell:
    return Cell(content=text_runs(text), **more)  # type: ignore[arg-type]


def _table() -> Table:
    head = [Row(cells=[_cell(t, header=True) for t in ("구분", "2024", "증감률", "수강료", "비고", "번호")])]
    body = [
        ("광역시", "412", "-1.8", "48,000원", "주주배정", "1"),
        ("시", "1,204", "▲3.2%p", "—", "12,000,000", "두 번째"),
        ("군", "98", "+12.5%", "30,000원", "-", "3"),
    ]
    rows = [Row(cells=[_cell(row[0], header=True), *(_cell(t) for t in row[1:])]) for row in body]
    rows[0].cells[5] = _cell("1", align="center")
    return Table(head=head, body=rows)


def test_columns_of_figures_are_set_right_and_others_as_the_page_set_them() -> None:
    set_as = aligns(_table())
    assert set_as.head == [[None, "right", "right", "right", None, None]]
    assert set_as.body[0] == [None, "right", "right", "right", None, "center"]
    assert set_as.body[1] == [None, "right", "right", "right", None, None]


def test_a_head_spanning_columns_of_figures_stands_over_their_middle() -> None:
    head = [
        Row(cells=[_cell("구분", header=True, rowspan=2), _cell("자료구입비", header=True, colspan=2)]),
        Row(cells=[_cell("2023", header=True), _cell("2024", header=True)]),
    ]
    body = [
        Row(cells=[_cell(a), _cell(b), _cell(c)]) for a, b, c in (("시", "655", "640"), ("군", "137", "125"))
    ]
    assert aligns(Table(head=head, body=body)).head == [[None, "center"], ["right", "right"]]


@pytest.mark.parametrize("theme", ["book", "report"])
def test_figures_line_up_at_their_right_edge_in_print_and_epub(tmp_path: Path, theme: str) -> None:
    doc = Document(
        meta=Meta(title="지역별 자료구입비"), blocks=[Paragraph(content=text_runs("다음과 같다.")), _table()]
    )
    result = build(doc, tmp_path, "t", BuildOptions(formats=("epub", "pdf"), theme=theme))
    epub, pdf = sorted(result.outputs, key=lambda p: p.suffix)
    with pdfplumber.open(pdf) as document:
        words = {w["text"]: w for w in document.pages[-1].extract_words()}
    rights = [words[t]["x1"] for t in ("412", "1,204", "98")]
    assert max(rights) - min(rights) < 0.5
    assert abs(words["2024"]["x1"] - words["412"]["x1"]) < 0.5  # the head over its figures
    assert words["주주배정"]["x0"] == pytest.approx(words["12,000,000"]["x0"], abs=0.5)  # mixed: left
    with zipfile.ZipFile(epub) as book:
        page = next(book.read(n).decode() for n in book.namelist() if n.endswith("article.xhtml"))
    assert '<td class="align-right">1,204</td>' in page
    assert "<td>12,000,000</td>" in page


def test_the_row_names_stay_left_though_they_are_numbers_or_dates() -> None:
    """The first column names the rows (12월, 2024): a label, not a figure to compare; so is a
    column of dates elsewhere."""
    head = [
        Row(
            cells=[_cell("월별", header=True), _cell("거래량(건)", header=True), _cell("기준일", header=True)]
        )
    ]
    body = [
        Row(cells=[_cell(m), _cell(n), _cell(d)])
        for m, n, d in (("12월", "3,124", "3일"), ("1월", "3,333", "4일"))
    ]
    assert aligns(Table(head=head, body=body)).body == [[None, "right", None]] * 2
    years = [Row(cells=[_cell(y), _cell(n)]) for y, n in (("2023", "412"), ("2024", "398"))]
    assert aligns(Table(body=years)).body == [[None, "right"]] * 2
