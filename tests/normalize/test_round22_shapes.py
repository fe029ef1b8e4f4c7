"""Failure kinds from held-out round 22 (terms of service, a thesis as pdftotext output, a help
page's manual, a company's earnings release, a tender notice and a bill copied as text), each on a
small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import ListBlock, Paragraph
from bookmaker.readers.encoding import looks_like_mojibake, repair_mojibake
from tests.normalize.test_real_shapes import body, norm, read_page, removed
from tests.normalize.test_round15_shapes import read_text

PROSE = (
    "회사는 연중무휴, 1일 24시간 서비스를 제공합니다. "
    "다만, 시스템 점검 등 부득이한 사유가 있으면 중단할 수 있습니다."
)

# --- terms of service -----------------------------------------------------------------------------


def test_circled_provisions_stay_paragraphs_with_their_marks(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        "<main><h1>모아페이 서비스 이용약관</h1><h3>제3조 (약관의 게시)</h3>\n"
        "<p>① 회사는 이 약관의 내용을 회원이 쉽게 알 수 있도록 초기 화면에 게시합니다.</p>\n"
        "<p>② 회사가 약관을 개정할 경우에는 적용일자 7일 전부터 공지합니다.</p>\n"
        f"<p>{PROSE}</p></main>",
    )
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert "① 회사는 이 약관의" in body(doc) and "② 회사가 약관을" in body(doc)


def test_terms_version_line_is_a_deck_whole_and_dates_the_terms() -> None:
    line = "공고일자: 2027년 1월 2일 / 시행일자: 2027년 2월 1일"
    _, doc = norm("모아페이 서비스 이용약관", line, "", PROSE)
    assert doc.meta.subtitles == [line]
    assert doc.meta.date == "2027-01-02"


def test_file_buttons_and_feedback_box_are_chrome(tmp_path: Path) -> None:
    _, doc = norm(
        "한빛전자, 2026년 4분기 잠정 실적 발표",
        "[PDF 다운로드] [프레젠테이션 보기] [공유하기]",
        "",
        PROSE,
        "",
        "PDF 다운로드",
        "이 문서가 도움이 되었나요?",
        "1,204명에게 도움이 되었습니다",
        "정품 물걸레 패드 구매하기 (6장 19,900원)",
    )
    assert doc.meta.series == []
    assert body(doc) == PROSE
    assert removed(doc)["이 문서가 도움이 되었나요?"] == "boilerplate.chrome"


def test_related_documents_box_is_a_list_of_other_pages(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<article><h1>물걸레 패드 교체하기</h1><p>{PROSE}</p>\n<h3>관련 문서</h3>\n<ul>\n"
        "<li><a href='/m/brush'>메인 브러시 청소하기</a></li>\n"
        "<li><a href='/m/filter'>먼지통 필터 교체 주기</a></li>\n</ul></article>",
    )
    assert body(doc) == PROSE


# --- a thesis as pdftotext output -----------------------------------------------------------------

_THESIS = (
    "석사학위논문\n\n공공도서관 청소년 이용자의\n정보탐색 행태에 관한 연구\n\n한빛대학교 대학원\n"
    "\f목   차\n\n국문초록 ······························ i\n제1장 서론 ···························· 1\n"
    "  1.1 연구의 목적 ······················· 1\n제2장 이론적 배경 ···················· 5\n"
    "\f국문초록\n\n이 연구는 공공도서관을 이용하는 청소년의 정보탐색을 다룬다.\n\n      - i -\n"
    "\f제1장 서론\n\n청소년기는 스스로 정보를 찾고 평가하는 능력이 자라는 시기이다.\n\n      - 1 -\n"
    "\f공공도서관 청소년 이용자의 정보탐색 행태에 관한 연구\n\n"
    "이 연구는 설문조사와 면담을 함께 사용하였다.\n\n"
    "      - 2 -\n"
)


def test_leader_dots_are_no_mojibake() -> None:
    toc = "목차\n" + "".join(f"제{n}장 서론 {'·' * 40} {n}\n" for n in range(1, 6))
    assert not looks_like_mojibake(toc)
    assert repair_mojibake("국문초록 ·········· i") == "국문초록 ·········· i"


def test_printed_table_of_contents_is_removed(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, _THESIS)
    rules = removed(doc)
    assert [rule for text, rule in rules.items() if text.startswith("목")] == ["pages.contents"]
    assert not any("···" in b.text or "이론적 배경" in b.text for b in doc.blocks)
    assert "이 연구는 설문조사와" in body(doc)


def test_roman_page_number_and_wrapped_title_running_header(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, _THESIS)
    rules = removed(doc)
    assert rules["- i -"] == "pages.number"
    assert rules["공공도서관 청소년 이용자의 정보탐색 행태에 관한 연구"] == "pages.header"
    assert all(isinstance(b, Paragraph) is False or "- i -" not in b.text for b in doc.blocks)
