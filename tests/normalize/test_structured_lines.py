"""Normalization of a structured reader's lines: inline runs survive the passes, whole blocks stay as
they are, pieces of one ``<br>``-broken paragraph are judged alone and joined again, decks the markup
names are subtitles, and the reader's own removals are kept."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import (
    Cell,
    Figure,
    Footnote,
    LineBreak,
    NoteRef,
    Paragraph,
    Removal,
    Row,
    Source,
    Strong,
    Table,
    Text,
)
from bookmaker.normalize import normalize
from bookmaker.pipeline import load
from bookmaker.raw import RawDocument, SourceLine

LEAD = "서울시가 내년부터 65세 이상 시민에게 교통카드를 무료로 발급한다고 23일 밝혔다."
NEXT = "시는 이번 조치로 약 160만 명이 혜택을 볼 것으로 내다봤다."


def _doc(lines: list[SourceLine], removed: list[Removal] | None = None) -> RawDocument:
    return RawDocument(lines=lines, source=Source(format="html"), removed=removed or [])


def test_runs_survive_the_passes() -> None:
    content = [Text(value="서울시가 "), Strong(content=[Text(value="내년부터")]), Text(value=LEAD[9:])]
    doc = normalize(
        _doc([SourceLine("제목입니다 교통카드", 1, "title"), SourceLine(LEAD, 2, content=content)])
    )
    paragraph = doc.blocks[0]
    assert isinstance(paragraph, Paragraph) and Strong(content=[Text(value="내년부터")]) in paragraph.content


def test_a_glued_footer_split_off_keeps_the_runs_of_the_rest() -> None:
    text = f"{LEAD} ⓒ 연합뉴스 무단전재 및 재배포 금지"
    content = [Strong(content=[Text(value="서울시가")]), Text(value=text[4:])]
    doc = normalize(
        _doc([SourceLine("교통카드 무료 발급", 1, "title"), SourceLine(text, 2, content=content)])
    )
    paragraph = doc.blocks[0]
    assert isinstance(paragraph, Paragraph) and paragraph.text == LEAD
    assert paragraph.content[0] == Strong(content=[Text(value="서울시가")])
    assert doc.meta.rights is not None


def test_a_block_is_never_judged_as_a_line() -> None:
    table = Table(body=[Row(cells=[Cell(content=[Text(value="공유")]), Cell(content=[Text(value="댓글")])])])
    lines = [
        SourceLine("교통카드 무료 발급", 1, "title"),
        SourceLine(LEAD, 2),
        SourceLine(table.text, 3, "block", block=table),
        SourceLine(table.text, 4, "block", block=table),
    ]
    doc = normalize(_doc(lines))
    assert [type(b).__name__ for b in doc.blocks] == [
        "Paragraph",
        "Table",
        "Table",
    ]  # not chrome, not a repeat
    assert doc.blocks[1].lines == [3, 3]


def test_pieces_of_a_broken_paragraph_are_judged_alone_then_joined() -> None:
    group = {"br_group": "7"}
    lines = [
        SourceLine("교통카드 무료 발급", 1, "title"),
        SourceLine(LEAD, 2, attrs=dict(group)),
        SourceLine(NEXT, 2, attrs=dict(group)),
        SourceLine("홍길동 기자 hong@yna.co.kr", 3, attrs=dict(group)),
    ]
    doc = normalize(_doc(lines))
    assert [a.name for a in doc.meta.authors] == ["홍길동"]
    assert len(doc.blocks) == 1
    paragraph = doc.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.content == [Text(value=LEAD), LineBreak(), Text(value=NEXT)]


def test_decks_the_markup_names_are_subtitles_and_no_more_are_guessed() -> None:
    lines = [
        SourceLine("교통카드 무료 발급", 1, "title"),
        SourceLine("65세 이상 160만 명 혜택", 2, "subtitle"),
        SourceLine("■ 신청: 주민센터", 3),
        SourceLine(LEAD, 4),
    ]
    doc = normalize(_doc(lines))
    assert doc.meta.subtitles == ["65세 이상 160만 명 혜택"]
    assert doc.blocks[0].text == "■ 신청: 주민센터"


def test_an_image_without_a_caption_is_a_figure() -> None:
    lines = [
        SourceLine("교통카드 무료 발급", 1, "title"),
        SourceLine("", 2, "caption", {"src": "photo_files/a.jpg"}),
        SourceLine(LEAD, 3),
    ]
    figure = normalize(_doc(lines)).blocks[0]
    assert isinstance(figure, Figure) and figure.src == "photo_files/a.jpg" and figure.caption == []


def test_the_readers_removals_are_kept() -> None:
    removal = Removal(text="홈 정치 경제", reason="page chrome", line=1, rule="html.outside-article")
    doc = normalize(_doc([SourceLine("교통카드 무료 발급", 2, "title"), SourceLine(LEAD, 3)], [removal]))
    assert removal in doc.removed


def test_a_bracketed_outlet_dateline_names_one_reporter() -> None:
    lead = f"[이데일리 조민정 기자] {LEAD}"
    doc = normalize(_doc([SourceLine("교통카드 무료 발급", 1, "title"), SourceLine(lead, 2)]))
    assert [(a.name, a.role) for a in doc.meta.authors] == [("조민정", "기자")]
    assert doc.meta.dateline == "[이데일리 조민정 기자]" and doc.blocks[0].text == LEAD


def test_a_bold_line_that_is_a_heading_is_not_bold() -> None:
    bold = [Strong(content=[Text(value="배터리 제조사 공개 의무화")])]
    lines = [
        SourceLine("교통카드 무료 발급", 1, "title"),
        SourceLine(LEAD, 2),
        SourceLine("배터리 제조사 공개 의무화", 3, content=bold),
        SourceLine(NEXT + " " + LEAD, 4),
    ]
    heading = normalize(_doc(lines)).blocks[1]
    assert type(heading).__name__ == "Heading" and heading.content == [
        Text(value="배터리 제조사 공개 의무화")
    ]


def test_a_line_a_footnote_refers_from_is_text_whatever_its_words(tmp_path: Path) -> None:
    """``본문[^a]`` (an interface word) and ``입력[^a]`` (a date label) were removed as chrome, and
    their notes then as never referred to; a line with a note reference is text."""
    for word in ("본문", "입력"):
        source = tmp_path / f"{word}.md"
        text = f"# 제목입니다\n\n{LEAD}\n\n{word}[^a]\n\n{NEXT}\n\n[^a]: 각주 설명입니다.\n"
        source.write_text(text, encoding="utf-8")
        doc = load(source)
        assert not doc.removed, doc.removed
        kept = doc.blocks[1]
        assert isinstance(kept, Paragraph) and kept.content == [Text(value=word), NoteRef(note="a")]
        assert isinstance(doc.blocks[-1], Footnote) and doc.blocks[-1].text == "각주 설명입니다."
