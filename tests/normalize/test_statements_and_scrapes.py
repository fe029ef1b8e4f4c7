"""Failure kinds from held-out round 10 (a union's statement on a bulletin board, an opinion piece's
reader-support prompts, a scrape with invisible characters and HTML character references, photos
captioned below the sign-off), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, ListBlock
from bookmaker.normalize import normalize
from bookmaker.readers.html import read_html
from tests.normalize.test_real_shapes import BODY, body, norm, removed

TITLE = "시, 버스 노선 12개→8개로 줄인다"


def test_a_line_of_invisible_characters_only_is_removed_with_its_reason() -> None:
    _, doc = norm(TITLE, BODY[0], "\u200b", "\ufeff\u200b", *BODY[1:])
    assert body(doc).splitlines() == BODY
    assert [r.rule for r in doc.removed] == ["clean.invisible", "clean.invisible"]
    assert [r.line for r in doc.removed] == [3, 4]


def test_html_character_references_in_a_text_scrape_are_decoded() -> None:
    _, doc = norm(
        TITLE,
        "시 관계자는 &quot;배차 간격이&nbsp;줄어든다&quot;고 말했다. 노선은 A&amp;B로 나뉜다.",
        "요금은 &#8361;1,500 그대로이고 &foo; 표시는 그대로 둔다.",
        *BODY[1:],
    )
    first, second = body(doc).splitlines()[:2]
    assert first == "시 관계자는 “배차 간격이 줄어든다”고 말했다. 노선은 A&B로 나뉜다."
    assert second == "요금은 ₩1,500 그대로이고 &foo; 표시는 그대로 둔다."


def test_a_reference_written_out_in_an_html_page_stays_as_written(tmp_path: Path) -> None:
    """The HTML reader decodes references itself: ``&amp;nbsp;`` on a page is the text ``&nbsp;``
    (an article about markup), not a space."""
    page = (
        "<html><body><article><h1>웹 접근성 안내</h1>"
        "<p>줄바꿈 없는 공백은 &amp;nbsp;로 적는다고 담당자는 설명했다. 표기는 그대로 둔다.</p>"
        "<p>따옴표는 &amp;quot;로 쓴다고 덧붙였다. 이 방식은 오래전부터 쓰였다.</p>"
        "</article></body></html>"
    )
    doc = normalize(read_html(page.encode(), tmp_path / "page.html"))
    assert "&nbsp;로 적는다" in body(doc)
    assert "&quot;로 쓴다" in body(doc)


def test_an_outlet_s_company_in_the_copyright_line_names_the_outlet() -> None:
    for line, outlet in [
        ("ⓒ 한겨레신문사 : 무단전재 및 재배포 금지", "한겨레"),
        ("ⓒ 경향신문사, 무단전재 및 재배포 금지", "경향신문"),
    ]:
        _, doc = norm(TITLE, *BODY, line)
        assert doc.meta.publisher == outlet


def test_photo_captions_below_the_sign_off_stay_as_figures() -> None:
    captions = [
        "지난달 31일 서울 지하철 2호선 강남역 승강장에서 시민들이 열차를 기다리고 있다. 연합뉴스",
        "서울교통공사 관제센터에서 직원들이 열차 운행 상황을 살피고 있다. 서울교통공사 제공",
    ]
    profile = "발로 뛰는 기자가 되겠습니다."
    _, doc = norm(TITLE, *BODY, "박은서 기자 eunseo@seoul.co.kr", *captions, profile)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.credit for f in figures] == ["연합뉴스", "서울교통공사 제공"]
    assert removed(doc)[profile] == "boilerplate.after-byline"


def test_reader_support_prompts_and_counter_bars_are_removed() -> None:
    promos = [
        "오마이뉴스 취재후원",
        "이 기사가 마음에 드셨나요? 좋은기사 원고료로 응원하세요",
        "원고료로 응원하기",
    ]
    bar = "추천 42 댓글 7 스크랩 페이스북 트위터 공유"
    _, doc = norm(TITLE, *BODY, *promos, bar)
    assert body(doc).splitlines() == BODY
    assert all(removed(doc)[p] == "boilerplate.promo" for p in promos)
    assert removed(doc)[bar] == "boilerplate.chrome"


def test_a_view_count_beside_the_date_is_not_a_deck() -> None:
    _, doc = norm(TITLE, "등록일 2025-03-05 10:42 | 조회수 1,284", *BODY)
    assert doc.meta.date == "2025-03-05T10:42:00+09:00"
    assert doc.meta.subtitles == []
    assert body(doc).splitlines() == BODY


def test_a_statement_on_a_bulletin_board() -> None:
    demands = ["하나. 시는 노선 개편안을 즉각 철회하라.", "하나. 시의회는 공청회를 열어라."]
    board = [
        "첨부파일 : 250305_성명_노선개편.hwp",
        "이전글 [논평] 마을버스 준공영제, 이제는 결단할 때",
        "다음글 [성명] 심야버스 감축 반대한다",
        "(04519) 서울특별시 중구 세종대로 124 1501호 | TEL 02-739-7285 | FAX 02-739-7288",
    ]
    _, doc = norm(
        "전국버스노동조합",
        "[성명] 버스 노선 개편, 지금이라도 멈춰라",
        "등록일 2025-03-05 10:42 | 조회수 1,284",
        "시가 다음 달부터 시내버스 노선을 대폭 줄이는 개편안을 발표했다. "
        "출퇴근 시간 배차 간격이 늘어날 것이라는 우려가 나온다.",
        *BODY,
        "우리는 다음과 같이 요구한다.",
        *demands,
        "2025년 3월 5일",
        "전국버스노동조합",
        *board,
        "Copyright © 2025 전국버스노동조합. All rights reserved.",
    )
    assert (doc.meta.title, doc.meta.series) == ("버스 노선 개편, 지금이라도 멈춰라", ["성명"])
    assert (doc.meta.publisher, doc.meta.date) == ("전국버스노동조합", "2025-03-05T10:42:00+09:00")
    assert (
        removed(doc)["전국버스노동조합"] == "boilerplate.outlet"
    )  # the site's name above; the signature stays
    assert body(doc).splitlines()[-2:] == ["2025년 3월 5일", "전국버스노동조합"]
    # the demands keep their 하나. (a word of the text a bullet would replace)
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert body(doc).splitlines()[-4:-2] == demands
    assert all(removed(doc)[line] == "boilerplate.board" for line in board)


def test_sentences_about_the_next_post_one_hana_or_a_fax_number_are_body_text() -> None:
    lines = [
        "다음 글에서는 외곽 노선의 배차 간격을 자세히 다루겠습니다.",
        "하나. 둘. 셋을 세고 문이 닫혔다.",
        "문의는 대표전화 02-739-7285나 팩스 02-739-7288로 하면 된다.",
    ]
    _, doc = norm(TITLE, *BODY, *lines)
    assert body(doc).splitlines() == [*BODY, *lines]


def test_a_site_s_address_and_masthead_footer_is_board_boilerplate() -> None:
    footers = [
        "주소 : 서울특별시 중구 세종대로 124 | 대표전화 : 02-739-7285 | 팩스 : 02-739-7288",
        "발행인 : 홍길동 | 편집인 : 김철수 | 청소년보호책임자 : 이영희 | 등록번호 : 서울 아00000",
    ]
    _, doc = norm(TITLE, *BODY, *footers)
    assert body(doc).splitlines() == BODY
    assert all(removed(doc)[f] == "boilerplate.board" for f in footers)
