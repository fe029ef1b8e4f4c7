"""The HTML reader on a list of fields (``<dl>`` of short terms): each term and its value one line,
``term: value``, the fields of one list one paragraph; such a field is no deck, and its date stays in
the text unless its label dates the page (``작성일``) — a page with no other date is dated by the
first field's day. A job board's company, linked in the headline's box and named in og:title's
bracket, is the publisher."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Paragraph
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

PROSE = (
    "<p>누리소프트는 중소 화주와 운송사를 잇는 화물 중개 플랫폼을 운영합니다. "
    "함께 키워 갈 동료를 모십니다.</p>"
)


def _doc(tmp_path: Path, body: str, head: str = "", box: str = "") -> Document:
    path = tmp_path / "page.html"
    path.write_text(
        f"<!DOCTYPE html><html lang='ko'><head><title>채용</title>{head}</head><body>"
        f"<div class='head'>{box}<h1>백엔드 개발자 경력 채용</h1></div>"
        f"<article>{body}</article></body></html>",
        "utf-8",
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_each_term_and_its_value_are_one_line(tmp_path: Path) -> None:
    fields = "<dl><dt>경력</dt><dd>경력 3년 이상</dd></dl><dl><dt>근무지역</dt><dd>서울 구로구</dd></dl>"
    doc = _doc(tmp_path, fields + PROSE)
    assert _paragraphs(doc)[:2] == ["경력: 경력 3년 이상", "근무지역: 서울 구로구"]
    assert doc.meta.subtitles == []


def test_the_fields_of_one_list_are_one_paragraph_and_keep_their_dates(tmp_path: Path) -> None:
    period = "<dl><dt>시작일</dt><dd>2026.12.01 10:00</dd><dt>마감일</dt><dd>2026.12.31 23:59</dd></dl>"
    doc = _doc(tmp_path, PROSE + period)
    assert "시작일: 2026.12.01 10:00\n마감일: 2026.12.31 23:59" in _paragraphs(doc)
    assert doc.meta.date == "2026-12-01"


def test_a_field_labelled_as_the_page_s_date_dates_it(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "<dl><dt>작성일</dt><dd>2026.11.20 09:30</dd></dl>" + PROSE)
    assert doc.meta.date == "2026-11-20T09:30:00+09:00"
    assert not any("작성일" in p for p in _paragraphs(doc))


def test_several_values_are_joined_with_commas(tmp_path: Path) -> None:
    doc = _doc(tmp_path, PROSE + "<dl><dt>기술</dt><dd>Java</dd><dd>Spring</dd></dl>")
    assert "기술: Java, Spring" in _paragraphs(doc)


def test_a_photo_or_a_glossary_of_paragraphs_is_no_list_of_fields(tmp_path: Path) -> None:
    photo = "<dl><dt><img src='data:image/png;base64,AAAA' alt=''></dt><dd>사무실 전경입니다</dd></dl>"
    long_term = "<dl><dt>배차 정산 자동화 프로젝트의 전체 범위</dt><dd>정산 배치 운영</dd></dl>"
    doc = _doc(tmp_path, PROSE + photo + long_term)
    assert not any(": " in p for p in _paragraphs(doc))
    assert any(isinstance(b, Figure) for b in doc.blocks) or "사무실 전경입니다" in _paragraphs(doc)


def test_the_company_a_board_links_over_the_headline_publishes_the_posting(tmp_path: Path) -> None:
    head = (
        "<meta property='og:site_name' content='사람인'>"
        "<meta property='og:title' content='[누리소프트] 백엔드 개발자 경력 채용'>"
    )
    box = "<a class='company' href='/company/1'>(주)누리소프트</a>"
    doc = _doc(tmp_path, PROSE, head, box)
    assert doc.meta.publisher == "(주)누리소프트"
    assert doc.meta.series == []
