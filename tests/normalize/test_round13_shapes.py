"""Failure kinds from held-out round 13 (a Brunch essay, a PDF brief as pdftotext gives it, a press
release forwarded as an e-mail, a Word-exported notice, a committee transcript, a fact-check page),
each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Table
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.helpers import unaccounted_lines
from tests.normalize.test_real_shapes import BODY, body, norm, read_page, removed

TITLE = "시, 버스 노선 12개→8개로 줄인다"
PARAGRAPHS = "".join(f"<p>{line}</p>" for line in BODY)


# --- a blogging platform's cover -----------------------------------------------------------------


def test_a_by_label_before_a_name_is_the_byline_and_regdate_gives_the_shown_day_its_time(
    tmp_path: Path,
) -> None:
    page = (
        f"<div class='cover'><h1 class='cover_title'>{TITLE}</h1>"
        "<div class='cover_cell'><span class='txt_by'>by</span> <a href='/@a'><span>한결</span></a>"
        " <span class='date'>Nov 14. 2026</span></div></div>"
        f"<div class='wrap_body'>{PARAGRAPHS}</div>"
    )
    _, doc = read_page(tmp_path, page, "<meta property='og:regDate' content='20261114083012'>")
    assert [(a.name, a.role) for a in doc.meta.authors] == [("한결", None)]
    assert doc.meta.date == "2026-11-14T08:30:12+09:00"
    assert body(doc).splitlines() == BODY


def test_regdate_does_not_override_a_shown_date_with_its_own_time(tmp_path: Path) -> None:
    page = (
        f"<h1 class='title'>{TITLE}</h1><span class='date'>입력 2018. 05. 16. 16:23</span>"
        f"<div class='article'>{PARAGRAPHS}</div>"
    )
    _, doc = read_page(tmp_path, page, "<meta property='og:regDate' content='20180516162312'>")
    assert doc.meta.date == "2018-05-16T16:23:00+09:00"


# --- a press release forwarded as an e-mail --------------------------------------------------------


def test_a_forwarded_messages_envelope_cover_note_separators_and_signature_are_removed() -> None:
    _, doc = norm(
        "---------- Forwarded message ---------",
        "보낸사람: 한국소비자원 홍보팀 <press@kca.go.kr>",
        "Date: 2026년 11월 18일 (수) 오전 10:02",
        f"Subject: [보도자료] {TITLE}",
        "To: <news@example.co.kr>",
        "안녕하세요, 홍보팀입니다. 보도자료를 보내드립니다.",
        "----------------------------------------",
        "보도자료 | 보도일시: 2026. 11. 19.(목) 조간 | 배포일시: 2026. 11. 18.(수)",
        TITLE,
        *BODY,
        "----------------------------------------",
        "한국소비자원 홍보팀 | 담당: 이수민 대리 | 043-880-5512",
        "※ 본 메일은 발신 전용입니다.",
    )
    assert (doc.meta.title, doc.meta.series, doc.meta.date) == (TITLE, ["보도자료"], "2026-11-19")
    assert doc.meta.publisher == "한국소비자원"
    assert body(doc).splitlines() == BODY
    rules = removed(doc)
    assert rules["To: <news@example.co.kr>"] == "email.envelope"
    assert rules["안녕하세요, 홍보팀입니다. 보도자료를 보내드립니다."] == "email.cover-note"
    assert rules["※ 본 메일은 발신 전용입니다."] == "email.signature"


def test_header_fields_without_an_envelope_are_left_alone() -> None:
    _, doc = norm(TITLE, "제목: 버스 노선 개편안", *BODY, "----------------------------------------", "끝")
    assert not [r for r in doc.removed if (r.rule or "").startswith("email.")]
    _, memo = norm("제목: 버스 노선 개편안", "날짜: 2026. 11. 18.", *BODY, "-" * 20, "담당: 교통정책과")
    assert not [r for r in memo.removed if (r.rule or "").startswith("email.")]


# --- a PDF as pdftotext gives it ---------------------------------------------------------------------

BRIEF = [
    "정책 브리프                                        No. 12",
    "",
    "시내버스 노선 개편, 출퇴근 시간",
    "4분 줄였다",
    "",
    "김서연 국토연구원 연구위원",
    "",
    "1. 개편 내용",
    "",
    "시는 도심을 지나는 간선 노선 12개를 8개로 줄이고 외곽 마을버스를 늘렸다. 배차 간격",
    "은 출퇴근 시간 평균 4분 줄었고, 환승 데이터의 상호운용성(interoper-",
    "ability)을 높여 노선별 이용을 매일 집계한다. 이용객은 한 달 만에 절반",
    "",
    "1) 시 교통정책과 집계(2026년 10월).",
    "",
    "- 1 -",
    "\f정책 브리프                                        No. 12",
    "",
    "이상 늘었다.1) 시는 내년에 외곽 노선 네 개를 더 늘릴 계획이다. 노선 개편의 효과를",
    "지켜본 뒤 요금 체계도 손볼 방침이다.",
    "",
    "발행인 홍길동 | 발행처 국토연구원 | 세종특별자치시 국책연구원로 5",
    "",
    "- 2 -",
]


def test_page_furniture_of_a_pdf_text_goes_and_a_paragraph_runs_on_over_the_page_break(
    tmp_path: Path,
) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("\n".join(BRIEF), "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    m = doc.meta
    assert (m.title, m.series) == ("시내버스 노선 개편, 출퇴근 시간 4분 줄였다", ["정책 브리프 No. 12"])
    assert [(a.name, a.role) for a in m.authors] == [("김서연", "연구위원")]
    assert m.publisher == "국토연구원"
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Paragraph", "Footnote"]
    text = body(doc)
    assert "상호운용성(interoperability)을" in text
    assert "이용객은 한 달 만에 절반 이상 늘었다." in text
    # a justified line ends anywhere: the analyzer reads 간격|은 as one word, 절반|이상 as two
    assert "배차 간격은 출퇴근" in text
    rules = removed(doc)
    assert rules["- 1 -"] == rules["- 2 -"] == "pages.number"
    assert [r.rule for r in doc.removed if r.line == 17] == ["pages.header"]
    assert (
        rules["발행인 홍길동 | 발행처 국토연구원 | 세종특별자치시 국책연구원로 5"] == "boilerplate.colophon"
    )


def test_a_single_page_number_paginates_nothing() -> None:
    _, doc = norm(TITLE, BODY[0], "1/6", *BODY[1:])
    assert not [r for r in doc.removed if (r.rule or "").startswith("pages.")]
    assert BODY[0] in body(doc) and BODY[1] in body(doc)


def test_a_deck_set_right_under_a_title_is_not_a_wrapped_title(tmp_path: Path) -> None:
    path = tmp_path / "scrape.txt"
    path.write_text("\n".join([TITLE, "외곽 마을버스 늘려 배차 간격 4분 단축", "", *BODY]), "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert doc.meta.title == TITLE


# --- a notice saved from Word as a web page --------------------------------------------------------

WORD_NOTICE = (
    "<div class=WordSection1><p class=MsoNormal>서울특별시 마포구 공고 제2026-1187호</p>"
    "<p class=MsoTitle><b>청년 창업공간 입주기업 모집 공고</b></p>"
    "<p class=MsoNormal>마포구 청년 창업공간에 입주하여 사업을 함께 키워 갈 청년 창업기업을 "
    "다음과 같이 모집하오니, 관심 있는 분들의 많은 신청 바랍니다.</p>"
    "<p class=MsoNormal><b>1. 모집 개요</b></p>"
    "<p class=MsoNormal>○ 모집 규모: 12개 기업</p>"
    "<p class=MsoNormal>○ 입주 기간: 1년</p>"
    "<table class=MsoTableGrid><tr><td><p><b>구분</b></p></td><td><p><b>내용</b></p></td></tr>"
    "<tr><td>접수 기간</td><td>11. 23. ~ 12. 11.</td></tr>"
    "<tr><td>접수 방법</td><td>전자우편 접수</td></tr></table>"
    "<p class=MsoNormal align=center>2026년 11월 20일</p>"
    "<p class=MsoNormal align=center><b>서울특별시 마포구청장</b></p>"
    "<p class=MsoNormal>붙임 1. 입주신청서 양식 1부.</p>"
    "<p class=MsoNormal>2. 개인정보 수집·이용 동의서 1부. 끝.</p></div>"
)


def test_a_word_notice_title_number_outline_table_head_signature_and_attachments(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, WORD_NOTICE.replace("><", ">\n<"), "<title>공고문(최종)</title>")
    m = doc.meta
    assert (m.title, m.series) == (
        "청년 창업공간 입주기업 모집 공고",
        ["서울특별시 마포구 공고 제2026-1187호"],
    )
    assert (m.publisher, m.date) == ("서울특별시 마포구", "2026-11-20")
    kinds = [(type(b).__name__, getattr(b, "role", None)) for b in doc.blocks]
    assert kinds == [
        ("Paragraph", None),
        ("Heading", None),
        ("Paragraph", None),  # ○ lines are points of the outline, not headings
        ("Paragraph", None),
        ("Table", None),
        ("Paragraph", "signature"),
        ("Paragraph", "signature"),
    ]
    table = doc.blocks[4]
    assert isinstance(table, Table) and (len(table.head), len(table.body)) == (1, 2)
    assert set(removed(doc).values()) >= {"boilerplate.release"}
    assert "개인정보" not in body(doc)


# --- a fact check's boxes beside its body -----------------------------------------------------------


VERDICT = "노선을 줄여도 배차 간격이 줄어 불편해진다는 주장은 대체로 사실이 아니다."


def test_boxes_of_the_articles_own_beside_its_body_are_read_and_boxes_of_links_are_not(
    tmp_path: Path,
) -> None:
    page = "\n".join(
        [
            f"<div class='head'><h3 class='title'>{TITLE}</h3></div>",
            "<div class='fc_box'><h4>검증 대상</h4>",
            "<blockquote>“노선을 줄이면 불편해진다.”</blockquote></div>",
            f"<div id='articleBody'>{PARAGRAPHS}<p><b>■ 판정</b></p><p>{VERDICT}</p></div>",
            "<div class='fc_source'><h4>참고 자료</h4>",
            "<ul><li>시 교통정책과, 「노선 개편 효과 분석」</li></ul></div>",
            "<div class='more'><h4>많이 본 기사</h4>",
            "<ul><li><a href='/1'>수도권 아파트값 상승</a></li></ul></div>",
        ]
    )
    _, doc = read_page(tmp_path, page)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Heading", "Quote", *["Paragraph"] * 3, "Heading", "Paragraph", "Heading", "ListBlock"]
    assert "판정" in [b.text for b in doc.blocks if type(b).__name__ == "Heading"]
    assert "「노선 개편 효과 분석」" in body(doc) and "아파트값" not in body(doc)


# --- a committee's minutes -------------------------------------------------------------------------

MINUTES = [
    "제422회 국회(정기회)",
    "",
    "국토교통위원회회의록",
    "",
    "제5호",
    "",
    "국 회 사 무 처",
    "",
    "일 시 2026년 11월 12일(목)",
    "",
    "의사일정",
    "1. 2027년도 예산안",
    "",
    "(10시02분 개의)",
    "",
    "○위원장 한정민  성원이 되었으므로 제5차 국토교통위원회를 개의하겠습니다. 의사일정 제1항을 상정합니다.",
    "",
    "○윤영희 위원  장관님, 전세사기 피해 지원 예산이 올해보다 800억 원 줄었는데 그 이유가 뭡니까?",
]


def test_a_minutes_cover_gives_title_series_number_issuer_date_and_agenda_heading(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("\n".join(MINUTES), "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    m = doc.meta
    assert (m.title, m.series, m.subtitles) == ("국토교통위원회회의록", ["제422회 국회(정기회)"], ["제5호"])
    assert (m.publisher, m.date) == ("국회사무처", "2026-11-12")
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", *["Paragraph"] * 4]  # one item: no list
    assert "(10시02분 개의)" in body(doc) and "일 시" not in body(doc)


def test_paragraphs_set_directly_in_the_body_are_the_article_not_a_table_cell(tmp_path: Path) -> None:
    table = (
        "<table><tr><td>구분</td><td>내용</td></tr><tr><td>기간</td><td>11. 23. ~ 12. 11.</td></tr></table>"
    )
    page = "\n".join([f"<h1>{TITLE}</h1>", *(f"<p>{line}</p>" for line in BODY), table])
    _, doc = read_page(tmp_path, page)
    assert doc.meta.title == TITLE
    assert body(doc).splitlines()[:3] == BODY
