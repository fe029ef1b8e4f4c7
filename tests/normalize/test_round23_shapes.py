"""Failure kinds from held-out round 23 (a numbered photo gallery, a 블로그형 언론 essay with a
comment section, a robot-written 마감시황 with an investment disclaimer, a local cable transcript
with [인터뷰] speaker lines, a column with its writer's box), each on a small made-up input shaped
like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, Paragraph
from tests.normalize.test_real_shapes import body, norm, read_page, removed

TITLE = "도심 침수 막는다…노후 하수관 12㎞ 교체"
PROSE = "시는 내년 상반기까지 노후 하수관로 12㎞를 교체하고 침수 취약 지역 3곳에 빗물 저류조를 짓기로 했다."
MORE = "시 관계자는 공사 기간 교통 통제 구간을 미리 알리겠다고 말했다. 공사는 3월에 시작한다."

# --- a photo gallery ------------------------------------------------------------------------------


def test_gallery_counters_are_no_page_numbers() -> None:
    _, doc = norm(
        "[포토] 첫눈 내린 남산",
        "1 / 3",
        "첫눈이 내린 9일 오전 서울 남산을 찾은 시민들이 산책하고 있다.",
        "2 / 3",
        "남산타워 아래 눈 덮인 계단을 시민들이 오르고 있다.",
        "3 / 3",
        "아이들이 눈사람을 만들고 있다.",
        "이전 사진",
        "다음 사진",
    )
    assert doc.meta.title == "첫눈 내린 남산"  # not run into the first caption as over a page break
    assert doc.blocks[0].text.startswith("첫눈이 내린 9일")
    assert len(doc.blocks) == 3
    gone = removed(doc)
    assert gone["2 / 3"] == "pages.gallery"
    assert gone["이전 사진"] == gone["다음 사진"] == "boilerplate.chrome"


def test_page_numbers_far_apart_still_paginate() -> None:
    page = [PROSE, MORE, PROSE.replace("12㎞", "9㎞"), MORE.replace("3월", "4월")]
    _, doc = norm(TITLE, *page, "1 / 2", *page[:2], "2 / 2")
    assert removed(doc)["1 / 2"] == "pages.number"


def test_gallery_link_header_goes() -> None:
    _, doc = norm(TITLE, PROSE, MORE, "[TEN포토] 관련 사진 더보기", "남산의 겨울 풍경")
    assert "더보기" not in body(doc) and "겨울 풍경" not in body(doc)


# --- a 블로그형 언론 essay: comments, tags, the writer's bio, a republication note ---------------------


def test_comment_section_with_count_bars_goes_and_dates_nothing() -> None:
    _, doc = norm(
        TITLE,
        "2026년 12월 3일",
        PROSE,
        MORE,
        "댓글 2",
        "최신순 | 공감순",
        "책읽는고양이",
        "2026.12.04 09:12",
        "저희 동네도 올해 침수가 있었어요.",
        "답글 1 공감 12 신고",
        "hyun****",
        "2026.12.03 22:47",
        "예산은 얼마인지 궁금합니다.",
        "답글 0 공감 3 신고",
    )
    assert doc.meta.date == "2026-12-03"
    assert "침수가 있었어요" not in body(doc) and "궁금합니다" not in body(doc)
    assert removed(doc)["답글 0 공감 3 신고"] == "boilerplate.comments"


def test_counts_alone_in_the_text_are_no_comment_footer() -> None:
    _, doc = norm(TITLE, PROSE, "댓글", MORE, "공감 12", PROSE.replace("12㎞", "9㎞"))
    assert MORE in body(doc)  # no comment's footer closes the header: the text under it stays


def test_tag_line_and_reader_support_notice_below_the_text() -> None:
    _, doc = norm(
        TITLE,
        PROSE,
        MORE,
        "태그 #하수관 #침수",
        "슬로우뉴스는 독자의 후원으로 운영됩니다. 후원하기",
    )
    assert body(doc) == f"{PROSE}\n{MORE}"


def test_writer_name_over_bio_is_the_byline_again() -> None:
    bio = "도시계획을 공부했고, 지금은 동네 하수도 이야기를 쓰고 있다."
    _, doc = norm(TITLE, "글: 윤서재", PROSE, MORE, "윤서재", bio)
    assert [a.name for a in doc.meta.authors] == ["윤서재"]
    assert [b.text for b in doc.blocks] == [PROSE, MORE, bio]


def test_republication_note_closing_the_text_is_an_editors_note() -> None:
    note = "이 글은 필자의 브런치에 먼저 실렸고, 필자의 동의를 얻어 옮겼습니다."
    _, doc = norm(TITLE, PROSE, MORE, note)
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "editor-note" and last.text == note
    _, doc = norm(TITLE, PROSE, note, MORE)  # in the middle of the text: running text
    assert all(b.role is None for b in doc.blocks if isinstance(b, Paragraph))


# --- a markets report ----------------------------------------------------------------------------


def test_outlet_alone_in_brackets_is_the_dateline() -> None:
    _, doc = norm(TITLE, f"[파이낸셜뉴스] {PROSE}", MORE)
    assert doc.meta.dateline == "[파이낸셜뉴스]"
    assert doc.blocks[0].text == PROSE


def test_bracketed_tag_that_is_no_outlet_is_no_dateline() -> None:
    _, doc = norm(TITLE, f"[현장] {PROSE}", MORE)
    assert doc.meta.dateline is None
    assert doc.blocks[0].text.startswith("[현장]")


def test_investment_disclaimer_and_marked_copyright() -> None:
    _, doc = norm(
        TITLE,
        PROSE,
        MORE,
        "※ 본 기사는 투자 참고용으로, 특정 종목에 대한 매수·매도 추천이 아닙니다.",
        "투자 판단의 최종 책임은 투자자 본인에게 있습니다.",
        "※ 저작권자 ⓒ 파이낸셜뉴스, 무단전재-재배포 금지",
    )
    assert body(doc) == f"{PROSE}\n{MORE}"
    assert doc.meta.rights == "저작권자 ⓒ 파이낸셜뉴스, 무단전재-재배포 금지"


# --- a local cable transcript ----------------------------------------------------------------------


def test_sound_bite_speaker_line_loses_its_label_only() -> None:
    _, doc = norm(
        TITLE,
        "VOD",
        "[앵커]",
        "창원시가 노후 하수관을 교체합니다.",
        "[리포트]",
        "창원 마산합포구의 한 골목입니다.",
        "[인터뷰] 박정숙 / 창동 상인회장",
        '"비만 오면 가게에 물이 차요."',
        "[스탠딩]",
        "공사는 내년 3월에 시작됩니다.",
        "헬로tv뉴스 김도윤입니다.",
    )
    texts = [b.text for b in doc.blocks]
    assert "박정숙 / 창동 상인회장" in texts
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert "[인터뷰]" not in body(doc) and "[스탠딩]" not in body(doc) and "VOD" not in body(doc)
    assert removed(doc)["[인터뷰]"] == "roles.sound_bite_label"
    assert [(a.name, a.role) for a in doc.meta.authors] == [("김도윤", "기자")]


# --- a column's writer box -----------------------------------------------------------------------


def test_column_writer_box_and_tag(tmp_path: Path) -> None:
    page = (
        "<h1 class='title'>[동아광장/김현정]돌봄은 누구의 일인가</h1>"
        "<div class='article_txt'><div class='column_writer'>"
        "<img src='kim.jpg' alt='김현정 한빛대 사회학과 교수'>"
        "<p class='writer_name'>김현정</p><p class='writer_job'>한빛대 사회학과 교수</p></div>"
        f"<p>{PROSE}</p><p>{MORE}</p><p>{PROSE.replace('12㎞', '9㎞')}</p>"
        "<p>김현정 한빛대 사회학과 교수</p></div>"
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.series == ["동아광장"]
    assert doc.meta.title == "돌봄은 누구의 일인가"
    assert [(a.name, a.role) for a in doc.meta.authors] == [("김현정", "교수")]
    assert doc.blocks[0].text == PROSE  # no portrait, name or title above the text
    assert removed(doc)["김현정 한빛대 사회학과 교수"] == "bylines.portrait"


def test_slash_tag_without_a_credited_writer_stays_whole() -> None:
    _, doc = norm(f"[기획/연재]{TITLE}", PROSE, MORE, "권나래 기자 nrkwon@example.co.kr")
    assert doc.meta.series == ["기획/연재"]
