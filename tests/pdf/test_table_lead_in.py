"""The lines that introduce a table — its name over its unit line (``[표 2-1] …`` / ``(단위: 억원, %)``),
or the paragraph right before it — stay on the table's page: at the foot of the page before, with
the table moved on whole, they named nothing. Articles of every length from one page to two are set,
so that for some a page would otherwise end right after those lines."""

from __future__ import annotations

import collections
from pathlib import Path

from bookmaker.check.lines import read_lines
from bookmaker.ir import Cell, Collection, CollectionMeta, Document, Meta, Paragraph, Row, Table, text_runs
from bookmaker.pipeline import BuildOptions, build

TWO_LINES = (
    "국회가 추진하는 언론중재법 개정안은 언론의 자유를 심각하게 위협한다. 우리는 이 법안이 권력 감시라는 "
    "언론 본연의 기능을 무력화할 것이라고 우려한다."
)
NAME = "[표 1] 지역 유형별 자료구입비 추이"
UNIT = "(단위: 억원, %)"
HEAD = "자료구입비"


def _table() -> Table:
    def row(*texts: str, header: bool = False) -> Row:
        return Row(cells=[Cell(content=text_runs(t), header=header) for t in texts])

    body = [
        row(a, b, c)
        for a, b, c in [("광역시", "412", "-1.8"), ("시", "655", "-3.4"), ("군", "137", "-9.6")] * 2
    ]
    return Table(head=[row("구분", HEAD, "증감률", header=True)], body=body)


def _article(lines: int) -> Document:
    blocks: list = [Paragraph(content=text_runs(TWO_LINES)) for _ in range(lines // 2)]
    blocks += [Paragraph(content=text_runs(NAME)), Paragraph(content=text_runs(UNIT)), _table()]
    return Document(meta=Meta(title=f"보고서 {lines}"), blocks=blocks)


def test_a_table_s_name_and_unit_line_stay_on_its_page(tmp_path: Path) -> None:
    book = Collection(meta=CollectionMeta(title="묶음"), articles=[_article(n) for n in range(14, 40, 2)])
    result = build(book, tmp_path, "book", BuildOptions(formats=("pdf",)))
    lines, _ = read_lines(str(result.outputs[0]))
    pages: dict[int, list[str]] = collections.defaultdict(list)
    for line in lines:
        pages[line.page].append(line.text)
    named = [
        texts for texts in pages.values() if NAME in texts or UNIT in texts or any(HEAD in t for t in texts)
    ]
    assert len(named) == 13
    for texts in named:
        assert NAME in texts and UNIT in texts and any(HEAD in t for t in texts)
