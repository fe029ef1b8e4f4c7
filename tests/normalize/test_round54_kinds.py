"""Failure kinds from held-out round 54 (documents and pages made into books: a reading club's
handout pasted from a two-page print, a bookshop reader's review page), each on a small made-up
input."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, Heading, Quote, Table
from tests.normalize.test_real_shapes import body, removed
from tests.normalize.test_round15_shapes import read_text

_PARA = "이번 달에는 산문집 한 권을 함께 읽었습니다. 모두 천천히 읽어 오셨으면 좋겠습니다."
_MORE = "다음 모임까지 각자 마음에 든 문장을 하나씩 골라 오시면 됩니다. 함께 읽겠습니다."


def test_a_books_sentence_with_its_page_is_a_quotation(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "가람 독서회 11월 발제문",
            "",
            _PARA,
            "",
            "“강은 흐르면서 제 이름을 잊는다.” (42쪽)",
            "",
            "“다리는 건너는 사람의 것이다.” (p. 118)",
            "",
            _MORE,
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    quotes = [b for b in doc.blocks if isinstance(b, Quote)]
    assert [q.text for q in quotes] == [
        "“강은 흐르면서 제 이름을 잊는다.” (42쪽)",
        "“다리는 건너는 사람의 것이다.” (p. 118)",
    ]


def test_a_quoted_line_with_a_year_in_brackets_is_no_quotation(tmp_path: Path) -> None:
    text = "\n".join(["가람 독서회 11월 발제문", "", _PARA, "", "“강의 시간” (2019)", "", _MORE, ""])
    _, doc = read_text(tmp_path, text)
    assert not [b for b in doc.blocks if isinstance(b, Quote)]


def test_a_running_header_shortened_from_the_title_goes_after_a_page_number(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "가람 독서회 11월 정기모임 발제문",
            "",
            _PARA,
            "",
            "- 1 -",
            "",
            "가람 독서회 11월 발제문",
            "",
            _MORE,
            "",
            "- 2 -",
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    assert removed(doc)["가람 독서회 11월 발제문"] == "pages.header"
    assert _MORE in body(doc)


def test_a_line_after_a_page_number_with_other_words_stays(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "가람 독서회 11월 정기모임 발제문",
            "",
            _PARA,
            "",
            "- 1 -",
            "",
            "독서회 다음 책 후보",
            "",
            _MORE,
            "",
            "- 2 -",
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    assert "독서회 다음 책 후보" in body(doc)


def test_a_noted_field_and_a_gatherings_time_keep_their_dates(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "가람 독서회 11월 정기모임 발제문",
            "발제 정하람 · 모임 2026년 11월 22일(토) 오후 2시, 가람도서관",
            "",
            _PARA,
            "",
            _MORE,
            "",
            "※ 다음 모임: 2026년 12월 20일(토) 오후 2시 / 『강의 이름』 / 발제 오세린",
            "※ 모임 장소는 도서관 3층 세미나실입니다.",
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    assert doc.meta.date is None
    shown = "\n".join([body(doc), *doc.meta.subtitles])
    assert "모임 2026년 11월 22일(토) 오후 2시, 가람도서관" in shown
    assert "※ 다음 모임: 2026년 12월 20일(토) 오후 2시" in body(doc)


def test_a_dated_line_of_a_news_story_still_dates_it(tmp_path: Path) -> None:
    text = "\n".join(["가람도서관, 북토크 연다", "입력 2026.11.20 10:00", "", _PARA, "", _MORE, ""])
    _, doc = read_text(tmp_path, text)
    assert doc.meta.date == "2026-11-20T10:00:00+09:00"


def test_a_books_particulars_between_bars_are_text_no_menu_no_deck(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "가람 독서회 11월 정기모임 발제문",
            "",
            "지은이 오세린 | 펴낸 곳 물빛 | 2025년 3월 | 212쪽 | 15,000원",
            "",
            _PARA,
            "",
            _MORE,
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    assert doc.meta.subtitles == []
    assert "펴낸 곳 물빛" in body(doc)


def test_a_menu_between_bars_still_goes(tmp_path: Path) -> None:
    text = "\n".join(["가람 독서회 소식", "홈 | 모임 | 게시판 | 사진첩 | 문의", "", _PARA, "", _MORE, ""])
    _, doc = read_text(tmp_path, text)
    assert "사진첩" not in body(doc)


def test_a_marked_part_opening_the_body_heads_it_and_notes_are_no_headings(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "가람 독서회 11월 정기모임 발제문",
            "",
            "■ 책을 고른 이유",
            _PARA,
            "",
            "■ 줄거리",
            _MORE,
            "",
            "■ 발제자의 말",
            _PARA,
            "",
            "※ 다음 모임은 12월 20일입니다.",
            "※ 회비 5,000원 — 가람은행 000-00-000 (예금주 정하람)",
            "※ 불참하시는 분은 미리 알려 주세요!",
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["책을 고른 이유", "줄거리", "발제자의 말"]


def test_a_star_rating_beside_a_reviews_date_goes_and_the_date_is_read(tmp_path: Path) -> None:
    page = "\n".join(
        [
            "<html><head><title>강물이 기억하는 이름들 | 가람문고</title></head><body>",
            '<div class="review-wrap">',
            '<h2 class="review-title">강물이 기억하는 이름들</h2>',
            '<div class="review-info"><span class="rating">★★★★☆</span>',
            '<span class="date">2026-11-28 21:05</span></div>',
            f'<div class="review-body"><p>{_PARA}</p><p>{_MORE}</p></div></div></body></html>',
        ]
    )
    _, doc = read_text(tmp_path, page, "page.html")
    assert doc.meta.date == "2026-11-28T21:05:00+09:00"
    assert removed(doc)["★★★★☆"] == "dates.rating"


def test_a_presenters_credit_among_head_fields_is_the_author_and_the_line_stays(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "가람 독서회 11월 정기모임 발제문",
            "",
            "지은이 오세린 | 펴낸 곳 물빛 | 212쪽",
            "발제 정하람 · 모임 11월 22일 가람도서관",
            "",
            _PARA,
            "",
            _MORE,
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    assert [a.name for a in doc.meta.authors] == ["정하람"]
    assert "발제 정하람 · 모임 11월 22일 가람도서관" in body(doc)


def test_a_credit_word_inside_a_sentence_names_no_author(tmp_path: Path) -> None:
    text = "\n".join(
        ["가람 독서회 소식", "", "이번 발표 정하람 님이 맡았고 모두 즐겁게 읽었습니다.", "", _MORE, ""]
    )
    _, doc = read_text(tmp_path, text)
    assert doc.meta.authors == []


_SHOP_PAGE = """<html><head><title>강물이 기억하는 이름들 | 가람문고</title></head><body>
<div class="blog-head"><div class="blogger-profile"><strong class="nick">강가의독자</strong>
<span class="fans">즐겨찾기 12</span></div></div>
<div class="review-wrap">
<h2 class="review-title">강물이 기억하는 이름들</h2>
<div class="book-box"><a href="/product/1"><img src="/cover/1_s.jpg" alt="강의 이름"></a>
<dl><dt><a href="/product/1">강의 이름</a></dt><dd>오세린 (지은이) | 물빛 | 2025-03-02</dd>
<dd>정가 15,000원 → 13,500원 (10% 할인), 마일리지 750원 (5% 적립)</dd>
<dd>★★★★☆ 8.8 (리뷰 12 · 100자평 30)</dd></dl></div>
<div class="review-body"><p>{para}</p><p>{more}</p></div>
<div id="comments"><ul><li><strong class="nick">지나가는이</strong><p>잘 읽었습니다.</p></li></ul></div>
</div></body></html>"""


def test_a_blogs_profile_card_names_the_writer_and_a_shop_box_loses_price_and_thumbnail(
    tmp_path: Path,
) -> None:
    _, doc = read_text(tmp_path, _SHOP_PAGE.format(para=_PARA, more=_MORE), "page.html")
    assert [a.name for a in doc.meta.authors] == ["강가의독자"]
    text = body(doc)
    assert "오세린 (지은이) | 물빛" in text
    assert "정가" not in text and "★" not in text
    assert removed(doc)["강의 이름"] == "html.shop"


def test_a_price_in_a_plain_field_list_stays(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h1>겨울 특강 안내</h1>"
        f"<p>{_PARA}</p><dl><dt>수강료</dt><dd>30,000원</dd><dt>장소</dt><dd>가람도서관</dd></dl>"
        f"<p>{_MORE}</p></article></body></html>"
    )
    _, doc = read_text(tmp_path, page, "page.html")
    assert "30,000원" in body(doc)


_EXHIBITION = """<html><head><title>강의 시간: 가람강과 근대의 풍경 | 현재 전시 | 가람미술관</title>
<meta property="og:site_name" content="가람미술관"></head><body>
<div class="exh-view">
<h3 class="exh-title">강의 시간: 가람강과 근대의 풍경</h3>
<p class="exh-title-en">The Time of the River</p>
<figure class="exh-poster"><img src="/upload/poster.jpg" alt="강의 시간 전시 포스터"></figure>
<table class="exh-info"><tr><th>기간</th><td>2026. 12. 1. ~ 2027. 2. 28.</td></tr>
<tr><th>장소</th><td>가람미술관 2층</td></tr></table>
<div class="exh-btns"><button type="button">공유하기</button></div>
<div class="exh-body"><h4>전시 소개</h4><p>{para}</p><h4>1부 강의 아침</h4><p>{more}</p></div>
</div></body></html>"""


def test_an_exhibition_pages_english_title_poster_and_facts_table_are_its_own(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, _EXHIBITION.format(para=_PARA, more=_MORE), "page.html")
    assert doc.meta.subtitles == ["The Time of the River"]
    assert isinstance(doc.blocks[0], Figure) and isinstance(doc.blocks[1], Table)
    assert "가람미술관 2층" in body(doc)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["전시 소개", "1부 강의 아침"]


def test_a_phrase_opening_the_body_is_still_a_deck_and_a_label_no_deck(tmp_path: Path) -> None:
    page = _EXHIBITION.format(para=_PARA, more=_MORE)
    start, end = page.index('<p class="exh-title-en">'), page.index('<div class="exh-btns">')
    plain = page[:start] + page[end:]
    _, doc = read_text(tmp_path, plain, "page.html")
    assert doc.meta.subtitles == []
    phrase = plain.replace("<h4>전시 소개</h4>", "<h4>강이 기억하는 겨울의 얼굴들</h4>")
    _, doc = read_text(tmp_path, phrase, "page.html")
    assert doc.meta.subtitles == ["강이 기억하는 겨울의 얼굴들"]
