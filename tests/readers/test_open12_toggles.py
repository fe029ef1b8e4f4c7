"""The HTML reader on content a page shows only when clicked: a button that opens a hidden panel
of prose (an FAQ's accordion) is a question heading and the panel its answer, their Q/A marks
dropped; a toggle of a menu, a help popover or a one-word button stays interface; a row of tabs, a
row of page links and a prompt beside a button inside the article are interface too; a paragraph
of prose between the headline and a densest block is the article's."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, Paragraph
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

ANSWER = "신분증을 가지고 1층 안내데스크에 오시면 바로 발급해 드립니다."
QUESTION = "회원증은 어떻게 만드나요?"


def _doc(tmp_path: Path, body: str, wrap: str = "div") -> Document:
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html lang='ko'><head><title>안내</title></head><body>"
        f"<h1>이용 안내</h1><{wrap} class='list'>{body}</{wrap}></body></html>",
        "utf-8",
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _item(question: str, answer: str, panel: str = "hidden", toggle: str = "") -> str:
    return (
        f"<div class='item'><button class='q' {toggle}>{question}</button>"
        f"<div class='a' {panel}><p>{answer}</p></div></div>"
    )


def _headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _removed(doc: Document) -> list[str]:
    return [r.text for r in doc.removed]


def test_a_button_over_a_hidden_panel_is_a_question_and_its_answer(tmp_path: Path) -> None:
    items = "".join(_item(f"{QUESTION} {n}", f"{ANSWER} ({n})") for n in range(3))
    doc = _doc(tmp_path, items)
    assert _headings(doc) == [f"{QUESTION} {n}" for n in range(3)]
    assert _paragraphs(doc) == [f"{ANSWER} ({n})" for n in range(3)]


def test_the_panel_aria_controls_names_and_a_style_hidden_one_open_too(tmp_path: Path) -> None:
    items = (
        f"<div><h3><button aria-expanded='false' aria-controls='a1'>{QUESTION}</button></h3></div>"
        f"<p>다른 문단이 사이에 있습니다. 이 문단은 처음부터 보입니다.</p>"
        f"<div id='a1' style='display: none'><p>{ANSWER}</p></div>"
    )
    doc = _doc(tmp_path, items, wrap="article")
    assert QUESTION in _headings(doc)
    assert ANSWER in _paragraphs(doc)


def test_an_open_accordion_keeps_its_question(tmp_path: Path) -> None:
    lead = "<p>도서관 이용에 관해 자주 받는 질문과 답변을 모았습니다.</p>"
    doc = _doc(tmp_path, lead + _item(QUESTION, ANSWER, panel="", toggle="aria-expanded='true'"), "article")
    assert _headings(doc) == [QUESTION]
    assert QUESTION not in " ".join(_removed(doc))


def test_question_and_answer_marks_are_dropped(tmp_path: Path) -> None:
    item = (
        f"<div><button><span>[회원]</span> <span class='mark'>Q</span> {QUESTION}</button>"
        f"<div hidden><span class='mark'>A</span><p>{ANSWER}</p></div></div>"
    )
    doc = _doc(tmp_path, "<p>도서관 이용에 관해 자주 받는 질문과 답변을 모았습니다.</p>" + item, "article")
    assert _headings(doc) == [f"[회원] {QUESTION}"]
    assert _paragraphs(doc)[1:] == [ANSWER]
    assert _removed(doc).count("Q") == 1 and _removed(doc).count("A") == 1


def test_interface_toggles_stay_closed(tmp_path: Path) -> None:
    menu = "<button aria-controls='m'>전체 메뉴</button><ul id='m' hidden>" + "".join(
        f"<li><a href='/s{n}'>섹션 이름 {n}번 바로가기 링크입니다</a></li>" for n in range(3)
    )
    popover = (
        "<a href='#t' role='button'>기사 섹션 분류 가이드</a><div style='display:none'>"
        f"<p>{ANSWER}</p><button class='btn_close'>닫기</button></div>"
    )
    one_word = f"<button>자동요약</button><div hidden><p>{ANSWER}</p></div>"
    dialog = f"<button>쿠키 설정 열기</button><div hidden role='dialog'><p>{ANSWER}</p></div>"
    for html in (menu + "</ul>", popover, one_word, dialog):
        doc = _doc(tmp_path, f"<p>{ANSWER} 본문입니다.</p>{html}", "article")
        assert _headings(doc) == [], html
        assert ANSWER not in _paragraphs(doc), html
        assert "섹션 이름 0번" not in " ".join(_paragraphs(doc)), html


def test_tabs_page_links_and_a_prompt_beside_a_button_are_interface(tmp_path: Path) -> None:
    prose = "".join(f"<p>{ANSWER} 둘째 문장이 {n}번째로 이어집니다.</p>" for n in range(3))
    tabs = "<ul role='tablist'><li><a href='?c=1'>전체</a></li><li><a href='?c=2'>회원</a></li></ul>"
    paging = (
        "<div class='paging'><strong>1</strong> <a href='?p=2'>2</a> <a href='?p=3'>3</a> "
        "<a href='?p=2'>다음</a></div>"
    )
    prompt = (
        "<div class='more'><p>원하는 답변을 찾지 못하셨나요?</p>"
        "<a href='/qna' class='btn'>1:1 문의하기</a></div>"
    )
    doc = _doc(tmp_path, tabs + prose + paging + prompt, wrap="article")
    kept = " ".join(b.text for b in doc.blocks)
    for chrome in ("전체", "회원", "다음", "찾지 못하셨나요"):
        assert chrome not in kept
    removed = {text.replace(" ", "") for text in _removed(doc)}
    assert {"전체", "회원", "123다음", "원하는답변을찾지못하셨나요?"} <= removed
    assert len(_paragraphs(doc)) == 3


def test_a_prompt_box_with_an_image_or_two_lines_stays(tmp_path: Path) -> None:
    prose = "".join(f"<p>{ANSWER} 둘째 문장이 {n}번째로 이어집니다.</p>" for n in range(3))
    two = "<div><p>첫째 줄입니다.</p><p>둘째 줄입니다.</p><a class='btn' href='/x'>보기</a></div>"
    doc = _doc(tmp_path, prose + two, wrap="article")
    assert "첫째 줄입니다." in _paragraphs(doc) and "둘째 줄입니다." in _paragraphs(doc)


def test_a_lead_paragraph_between_the_headline_and_a_densest_block_is_kept(tmp_path: Path) -> None:
    lead = "<p class='intro'>도서관 이용에 관해 자주 받는 질문과 답변을 모았습니다.</p>"
    boxes = "".join(
        f"<div class='box'><p>{ANSWER} 둘째 문장이 {n}번째로 이어집니다.</p></div>" for n in range(3)
    )
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><main><h1>자주 묻는 질문</h1>{lead}<div class='list'>{boxes}</div></main>"
        "</body></html>",
        "utf-8",
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    assert "도서관 이용에 관해 자주 받는 질문과 답변을 모았습니다." in _paragraphs(normalize(raw))
