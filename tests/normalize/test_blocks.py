"""Normalization on the structured model: blocks a reader gives whole are never classified, moved or
deleted as lines; the passes that clean text edit the text inside them and keep their runs; a short
repeated answer in an interview is not a duplicate."""

from __future__ import annotations

from bookmaker.ir import (
    Cell,
    CodeBlock,
    Document,
    Footnote,
    ListBlock,
    ListItem,
    NoteRef,
    Paragraph,
    Quote,
    Row,
    Source,
    Strong,
    Table,
    Text,
    plain,
    walk,
)
from bookmaker.normalize import normalize
from bookmaker.normalize.inlines import slice_runs
from bookmaker.raw import RawDocument, SourceLine


def _cell(text: str) -> Cell:
    return Cell(content=[Text(value=text)])


def _raw(lines: list[SourceLine]) -> RawDocument:
    return RawDocument(lines=lines, source=Source(path="t.md", format="markdown"))


def _block_line(block: Table | ListBlock | Quote | CodeBlock | Footnote, line: int) -> SourceLine:
    return SourceLine(block.text, line, str(type(block).__struct_config__.tag), block=block)


TITLE = SourceLine("서울시, 교통카드 무료 발급…내년부터 160만 명 혜택", 1, "title")
LEAD = SourceLine("서울시가 내년부터 교통카드를 무료로 발급한다. 시는 160만 명이 혜택을 볼 것으로 봤다.", 3)


def test_blocks_that_look_like_metadata_or_chrome_stay() -> None:
    """A table whose text is a date, a byline, a copyright line or a repeat of the title is still a table."""
    tables = [
        Table(body=[Row(cells=[_cell("2024.03.05 14:07")])]),  # the dates pass would take it
        Table(body=[Row(cells=[_cell("홍길동 기자 hong@yna.co.kr")])]),  # bylines
        Table(body=[Row(cells=[_cell("ⓒ 연합뉴스, 무단 전재 및 재배포 금지")])]),  # boilerplate
        Table(body=[Row(cells=[_cell("공유하기")])]),  # chrome
        Table(body=[Row(cells=[_cell(TITLE.text)])]),  # title
    ]
    lines = [TITLE, LEAD, *(_block_line(table, 5 + 2 * i) for i, table in enumerate(tables))]
    doc = normalize(_raw(lines))
    assert [block for block in doc.blocks if isinstance(block, Table)] == [
        Table(body=table.body, lines=[5 + 2 * i, 5 + 2 * i]) for i, table in enumerate(tables)
    ]
    assert doc.removed == [] and doc.meta.date is None and doc.meta.authors == []


def test_repeated_blocks_and_cells_are_not_duplicates() -> None:
    table = Table(body=[Row(cells=[_cell("네"), _cell("네")]), Row(cells=[_cell("네"), _cell("아니요")])])
    items = ListBlock(items=[ListItem(blocks=[Paragraph(content=[Text(value=LEAD.text)])])])
    doc = normalize(_raw([TITLE, LEAD, _block_line(table, 5), _block_line(table, 8), _block_line(items, 11)]))
    assert [type(block).__name__ for block in doc.blocks] == ["Paragraph", "Table", "Table", "ListBlock"]
    assert doc.removed == []


def test_a_short_repeated_answer_stays_but_a_repeated_passage_goes() -> None:
    interview = [
        SourceLine("―해외 시장 반응은 어떤가.", 3),
        SourceLine("네.", 4),
        SourceLine("―불법 유통 문제도 해결됐나.", 5),
        SourceLine("네.", 6),  # answers another question: stays
        SourceLine("그렇다.", 7),
        SourceLine("그렇다.", 8),  # repeats the line just before it
    ]
    again = [SourceLine(line.text, line.line + 10) for line in interview[:4]]  # the passage pasted again
    doc = normalize(_raw([TITLE, *interview, *again]))
    assert [block.lines[0] for block in doc.blocks] == [3, 4, 5, 6, 7]
    assert [(r.line, r.rule) for r in doc.removed] == [
        (8, "dedupe.exact"),
        (13, "dedupe.exact"),
        (14, "dedupe.exact"),
        (15, "dedupe.exact"),
        (16, "dedupe.exact"),
    ]


def test_text_inside_blocks_is_cleaned_and_keeps_its_runs() -> None:
    runs = [Text(value='그는 "반도체가  '), Strong(content=[Text(value="핵심")]), Text(value='"이라며...')]
    quote = Quote(blocks=[Paragraph(content=runs)])
    table = Table(body=[Row(cells=[Cell(content=[Strong(content=[Text(value="전력ㆍ용수")])])])])
    code = CodeBlock(value='print("a...b")  # 그대로')
    doc = normalize(_raw([TITLE, LEAD, _block_line(quote, 5), _block_line(table, 7), _block_line(code, 9)]))
    quote_out, table_out, code_out = doc.blocks[1:]
    assert isinstance(quote_out, Quote) and isinstance(table_out, Table)
    paragraph = quote_out.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert plain(paragraph.content) == "그는 “반도체가 핵심”이라며…"
    assert Strong(content=[Text(value="핵심")]) in paragraph.content
    assert table_out.body[0].cells[0].content == [Strong(content=[Text(value="전력·용수")])]
    assert code_out == CodeBlock(value=code.value, lines=[9, 9])  # code is kept as written


def test_a_glued_footer_split_off_keeps_the_runs_on_each_side() -> None:
    text = "서울시가 교통카드를 무료로 발급한다. ⓒ 연합뉴스, 무단 전재 및 재배포 금지"
    runs = [
        Text(value="서울시가 "),
        Strong(content=[Text(value="교통카드")]),
        Text(value="를 무료로 발급한다."),
        NoteRef(note="1"),
        Text(value=" ⓒ 연합뉴스, 무단 전재 및 재배포 금지"),
    ]
    assert plain(runs) == text
    note = Footnote(id="1", blocks=[Paragraph(content=[Text(value="시 보도자료.")])])
    doc = normalize(_raw([TITLE, SourceLine(text, 3, content=runs), _block_line(note, 5)]))
    body = doc.blocks[0]
    assert isinstance(body, Paragraph)
    assert body.content == runs[:4]
    assert doc.meta.rights == "ⓒ 연합뉴스, 무단 전재 및 재배포 금지"
    assert any(isinstance(block, Footnote) for block in walk(doc.blocks))


def test_slice_runs() -> None:
    bold, note = Strong(content=[Text(value="다라")]), NoteRef(note="n")
    runs = [Text(value="가나 "), bold, note, Text(value=" 마바")]
    assert slice_runs(runs, 0, 5) == [Text(value="가나 "), bold, note]
    assert slice_runs(runs, 6, 8) == [Text(value="마바")]
    assert slice_runs(runs, 4, 7) == [Strong(content=[Text(value="라")]), note, Text(value=" 마")]
    assert slice_runs([], 0, 0) == []


def test_a_document_of_blocks_only_normalizes() -> None:
    head = [Row(cells=[Cell(content=[Text(value="품목")], header=True)])]
    table = Table(head=head, body=[Row(cells=[_cell("1")])])
    doc = normalize(_raw([_block_line(table, 1)]))
    assert isinstance(doc, Document) and doc.blocks == [Table(head=table.head, body=table.body, lines=[1, 1])]


def test_notes_nothing_refers_to_are_removed_with_a_reason() -> None:
    cell_ref = Table(body=[Row(cells=[Cell(content=[Text(value="표"), NoteRef(note="t")])])])
    notes = [
        Footnote(id=name, blocks=[Paragraph(content=[Text(value=f"{name} 각주.")])])
        for name in ("a", "t", "a (2)", "unused")
    ]
    body = SourceLine("본문이다.", 3, content=[Text(value="본문이다."), NoteRef(note="a")])
    defined = [_block_line(note, 7 + i) for i, note in enumerate(notes)]
    lines = [TITLE, body, _block_line(cell_ref, 5), *defined]
    doc = normalize(_raw(lines))
    assert sorted(doc.footnotes()) == ["a", "t"]
    assert [(r.line, r.text, r.rule) for r in doc.removed] == [
        (9, "a (2) 각주.", "structure.unreferenced_note"),
        (10, "unused 각주.", "structure.unreferenced_note"),
    ]


def test_two_lists_in_a_row_stay_two_lists() -> None:
    from bookmaker.ir import ListBlock, Source
    from bookmaker.normalize import normalize
    from bookmaker.raw import RawDocument, SourceLine

    lines = [
        "정부, 내년 예산안 발표…복지 지출 늘려",
        "정부가 내년 예산안을 발표했다. 복지 지출이 크게 늘어난 것이 특징이다.",
        "1. 첫째 항목",
        "2. 둘째 항목",
        "- 가 항목",
        "- 나 항목",
        "예산안은 다음 달 국회에서 심의된다.",
    ]
    raw = RawDocument(
        [SourceLine(text, number) for number, text in enumerate(lines, 1)], Source(format="text")
    )
    lists = [block for block in normalize(raw).blocks if isinstance(block, ListBlock)]
    assert [[item.text for item in block.items] for block in lists] == [
        ["첫째 항목", "둘째 항목"],
        ["가 항목", "나 항목"],
    ]
    assert [block.ordered for block in lists] == [True, False]
