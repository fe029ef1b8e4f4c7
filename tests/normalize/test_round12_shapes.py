"""Failure kinds from held-out round 12 (a regional daily's own CMS page, a newsletter's web
version, an unsigned editorial, a mobile page's bars, a byline box at the top), each on a small
made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from tests.normalize.test_real_shapes import BODY, body, norm, read_page, removed

TITLE = "시, 버스 노선 12개→8개로 줄인다"
DATE = "입력 2025.02.14 09:00"
PARAGRAPHS = "".join(f"<p>{line}</p>" for line in BODY)


# --- the HTML reader ------------------------------------------------------------------------------


def test_a_title_box_of_headings_gives_the_headline_and_its_decks(tmp_path: Path) -> None:
    page = (
        f"<div class='news_title'><h2>{TITLE}</h2><h4>외곽 마을버스 늘려<br>배차 간격 4분 단축</h4></div>"
        f"<div class='news_date'>{DATE}</div><div id='news_textArea'>{PARAGRAPHS}</div>"
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.title == TITLE
    assert doc.meta.subtitles == ["외곽 마을버스 늘려", "배차 간격 4분 단축"]
    assert body(doc).splitlines() == BODY


def test_a_title_box_of_one_heading_is_still_the_title(tmp_path: Path) -> None:
    page = f"<div class='news_title'><h1>{TITLE}</h1></div><div class='article'>{PARAGRAPHS}</div>"
    _, doc = read_page(tmp_path, page)
    assert doc.meta.title == TITLE and doc.meta.subtitles == []


def test_a_reporter_and_email_in_text_above_the_body_are_the_byline(tmp_path: Path) -> None:
    page = (
        f"<h1 class='title'>{TITLE}</h1>"
        "<div class='news_reporter'><a href='/reporter/1'>정다은 기자</a> daeun@example.co.kr</div>"
        f"<div class='news_date'>{DATE}</div><div id='news_textArea'>{PARAGRAPHS}</div>"
    )
    _, doc = read_page(tmp_path, page)
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [
        ("정다은", "기자", "daeun@example.co.kr")
    ]


def test_an_email_in_a_box_below_the_body_makes_no_byline(tmp_path: Path) -> None:
    page = (
        f"<h1 class='title'>{TITLE}</h1><div class='news_date'>{DATE}</div>"
        f"<div id='news_textArea'>{PARAGRAPHS}</div>"
        "<div class='side_box'>이민호 기자 제보 minho@example.co.kr</div>"
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.authors == []


def test_a_copyright_box_with_only_the_sign_is_the_rights_not_the_footer(tmp_path: Path) -> None:
    page = (
        f"<h1 class='title'>{TITLE}</h1><div class='news_date'>{DATE}</div>"
        f"<div class='viewBox'><article>{PARAGRAPHS}</article></div>"
        "<div class='copyright'>ⓒ 세상을 보는 눈, 글로벌 미디어 세계일보</div>"
        "<footer><p>(주)세계일보 | 대표전화 02-2000-1234</p>"
        "<p>Copyright ⓒ Segye.com All rights reserved.</p></footer>"
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.rights == "ⓒ 세상을 보는 눈, 글로벌 미디어 세계일보"
    assert "세계일보" not in body(doc)


def test_a_series_tag_only_in_the_page_metadata_is_the_series(tmp_path: Path) -> None:
    head = f"<meta property='og:title' content='[기후 한 스푼] {TITLE}'>"
    page = f"<h1>{TITLE}</h1><div class='news_date'>{DATE}</div><article>{PARAGRAPHS}</article>"
    _, doc = read_page(tmp_path, page, head)
    assert (doc.meta.series, doc.meta.title) == (["기후 한 스푼"], TITLE)
    other = "<meta property='og:title' content='[단독] 다른 기사의 제목'>"
    _, doc = read_page(tmp_path, page, other)  # a tag over another headline says nothing of this one
    assert (doc.meta.series, doc.meta.title) == ([], TITLE)


# --- text scrapes -------------------------------------------------------------------------------


def test_a_print_page_note_in_the_date_line_is_no_byline() -> None:
    for note in ("본지 3면", "종합 05면", "A12면"):
        _, doc = norm(TITLE, f"입력 : 2025-11-17 19:42:11 | {note}", *BODY)
        assert doc.meta.authors == [] and doc.meta.date == "2025-11-17T19:42:11+09:00", note
        assert body(doc).splitlines() == BODY


def test_a_font_size_control_and_a_reporter_profile_link_are_chrome() -> None:
    _, doc = norm(
        TITLE, "부제 없이 바로 본문", DATE, "글씨 크기 조절하기", *BODY, "기자 프로필", "김서윤 기자"
    )
    assert "글씨 크기 조절하기" not in doc.meta.subtitles
    assert [a.name for a in doc.meta.authors] == ["김서윤"]
    assert removed(doc)["글씨 크기 조절하기"] == removed(doc)["기자 프로필"] == "boilerplate.chrome"


def test_a_subscription_prompt_is_a_promo_but_a_sentence_about_subscribing_stays() -> None:
    prompt = "매경 프리미엄 구독하고 깊이 있는 분석 기사를 만나보세요"
    sentence = "시는 앱을 설치하고 회원으로 가입하면 버스 도착 알림을 받을 수 있다고 설명했다."
    _, doc = norm(TITLE, DATE, *BODY, sentence, prompt, "김서윤 기자")
    assert removed(doc)[prompt] == "boilerplate.promo"
    assert body(doc).splitlines() == [*BODY, sentence]


def test_todays_most_read_header_starts_a_list_of_other_articles() -> None:
    _, doc = norm(TITLE, DATE, *BODY, "오늘의 인기 뉴스", "코스피, 외국인 매수에 2900선 회복")
    assert body(doc).splitlines() == BODY
    assert "코스피, 외국인 매수에 2900선 회복" in removed(doc)


def test_a_middle_dot_or_ellipsis_before_latin_letters_is_no_mojibake() -> None:
    # "·N" and "…S" are CP949 extension syllables read as Windows-1252 (텻, …); in Korean text they
    # are punctuation, as a line with four middle dots shows
    line = "5대 은행인 KB국민·신한·하나·우리·NH농협은 반도체 호황…SK하이닉스 대출을 늘렸다고 밝혔다."
    _, doc = norm(TITLE, DATE, line, *BODY)
    assert body(doc).splitlines() == [line, *BODY]
