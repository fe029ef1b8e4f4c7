"""Failure kinds from held-out round 34 (documents made into books: an e-mail reply, a screenplay,
an exam paper, a Bible chapter, a bookshop page, a slide deck), each on a small made-up input
shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, removed


def _read(tmp_path: Path, name: str, data: bytes) -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


# --- a personal e-mail reply -----------------------------------------------------------------------

MAIL = """From: =?utf-8?b?7J207ZWY64qY?= <haneul@example.com>
To: someone@example.com
Subject: Re: RE: 회의 일정
Date: Tue, 01 Dec 2026 09:00:00 +0900
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

안녕하세요. 목요일 오후 두 시에 뵙겠습니다.

이하늘 드림

--\x20
이하늘 | 기획팀
T. 02-000-0000

On Mon, Dec 1, 2026 at 3:00 PM Kim <kim@example.com> wrote:
> 회의는 언제가 좋을까요?
>
> 김 드림

[첨부] 안건.pdf (120KB)
"""


def test_plain_mail_from_a_person_names_its_author_and_title_without_reply_prefix(tmp_path: Path) -> None:
    doc = _read(tmp_path, "reply.eml", MAIL.encode())
    assert doc.meta.title == "회의 일정"
    assert [(a.name, a.email) for a in doc.meta.authors] == [("이하늘", "haneul@example.com")]
    assert doc.meta.publisher is None


def test_reply_tail_quoted_message_signature_and_attachment_go(tmp_path: Path) -> None:
    doc = _read(tmp_path, "reply.eml", MAIL.encode())
    gone = removed(doc)
    assert gone["> 회의는 언제가 좋을까요?"] == "email.quoted"
    assert gone["T. 02-000-0000"] == "email.signature"
    assert gone["[첨부] 안건.pdf (120KB)"] == "email.attachment"
    assert "회의는 언제가" not in body(doc) and "기획팀" not in body(doc)
    assert doc.blocks[-1].role == "signature" and doc.blocks[-1].text == "이하늘 드림"


def test_newsletter_sender_stays_a_site_and_text_without_a_quote_is_kept() -> None:
    _, doc = norm("첫 문단이다. 이것은 본문이다.", "> 인용처럼 보이는 줄이다.", "둘째 문단이다.")
    assert "인용처럼 보이는 줄" in body(doc)
    assert "email.quoted" not in removed(doc).values()


def test_sign_off_only_at_the_very_end() -> None:
    _, doc = norm("편지를 씁니다. 잘 지내시지요.", "박지현 드림", "추신을 덧붙입니다. 건강하세요.")
    assert all(getattr(b, "role", None) != "signature" for b in doc.blocks)


# --- a slide deck saved as text --------------------------------------------------------------------

DECK = [
    "발표 제목",
    "부제가 여기 있다",
    "김하나 연구위원 (미래연구원)",
    "2026. 10. 1. | 가을 정책 세미나",
    "1",
    "첫 번째 슬라이드",
    "• 첫 요점이다",
    "• 둘째 요점이다",
    "가을 정책 세미나 | 미래연구원",
    "2",
    "두 번째 슬라이드",
    "• 셋째 요점이다",
    "• 넷째 요점이다",
    "가을 정책 세미나 | 미래연구원",
    "3",
    "마무리",
    "• 다섯째 요점이다",
    "감사합니다",
    "문의: hana@example.org",
    "가을 정책 세미나 | 미래연구원",
    "4",
]


def test_slide_numbers_footer_and_closing_go_slide_titles_are_headings() -> None:
    _, doc = norm(*DECK)
    gone = removed(doc)
    assert gone["1"] == gone["4"] == "slides.number"
    assert gone["가을 정책 세미나 | 미래연구원"] == "slides.footer"
    assert gone["감사합니다"] == gone["문의: hana@example.org"] == "slides.closing"
    headings = [b.text for b in doc.blocks if type(b).__name__ == "Heading"]
    assert headings == ["첫 번째 슬라이드", "두 번째 슬라이드", "마무리"]


def test_title_slide_presenter_affiliation_publisher_and_event() -> None:
    _, doc = norm(*DECK)
    assert [(a.name, a.role, a.affiliations) for a in doc.meta.authors] == [
        ("김하나", "연구위원", ["미래연구원"])
    ]
    assert doc.meta.publisher == "미래연구원"
    assert doc.meta.series == ["가을 정책 세미나"]
    assert doc.meta.date == "2026-10-01"


def test_a_ranking_numbered_one_line_each_is_no_deck() -> None:
    _, doc = norm(
        "본문 첫 문단이다. 기사가 이어진다.",
        "둘째 문단이다. 기사가 끝난다.",
        "1",
        "첫째 기사 제목",
        "2",
        "둘째 기사 제목",
        "3",
        "셋째 기사 제목",
    )
    assert "slides.number" not in removed(doc).values()


def test_table_cells_counted_in_man_units_make_a_table(tmp_path: Path) -> None:
    rows = [
        "지역별 인구 이동이다.",
        "구분\t순유입\t요인",
        "혁신도시\t+3.1만 명\t일자리",
        "구도심\t-5.4만 명\t주거",
    ]
    doc = _read(tmp_path, "table.txt", "\n".join([*rows, "군 지역\t-8.7만 명\t교육", ""]).encode())
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table"]


# --- a test paper ----------------------------------------------------------------------------------

PASSAGE = "할머니의 장독대에는 항아리가 일곱 개 있었다. 가장 큰 항아리에는 된장이, 옆에는 간장이 있었다."


def test_a_questions_circled_choices_are_a_list_a_provisions_are_not() -> None:
    _, doc = norm(
        "2026 국어 단원평가",
        PASSAGE,
        "1. 윗글의 내용으로 알맞은 것은? [2점]",
        "① 첫째 보기는 이렇다.",
        "② 둘째 보기는 저렇다.",
        "③ 셋째 보기는 그렇다.",
    )
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "ListBlock"]
    _, law = norm(
        "제3조(회원의 의무) 회원은 다음을 지켜야 한다.",
        "① 회원은 회비를 내야 한다.",
        "② 회원은 총회에 나와야 한다.",
        "③ 회원은 규약을 따라야 한다.",
    )
    assert "ListBlock" not in [type(b).__name__ for b in law.blocks]


def test_points_tag_ends_a_question_and_a_fill_in_line_goes() -> None:
    _, doc = norm(
        "2026 국어 단원평가",
        "1학년 (   )반 (   )번 이름 (        )",
        PASSAGE,
        "2. 윗글에서 알 수 있는 것을 쓰시오. [서술형 5점]",
        "〈보기〉",
        "보기의 글이 여기 있다. 이것은 상자 안의 글이다.",
    )
    assert removed(doc)["1학년 (   )반 (   )번 이름 (        )"] == "boilerplate.chrome"
    assert [type(b).__name__ for b in doc.blocks].count("Heading") == 0
    assert "〈보기〉" in body(doc)


# --- a Bible chapter from a reader's page ----------------------------------------------------------


def test_numbered_verses_are_paragraphs_under_the_chapter_title() -> None:
    _, doc = norm(
        "성서공회",
        "번역본 선택 개역한글 ▼ 권 선택 창세기 ▼",
        "◀ 이전 장 | 다음 장 ▶",
        "시편 23편",
        "1 여호와는 나의 목자시니 내가 부족함이 없으리로다",
        "2 그가 나를 푸른 초장에 누이시며 쉴만한 물가으로 인도하시는도다",
        "3 내 영혼을 소생시키시고 자기 이름을 위하여 의의 길로 인도하시는도다",
        "이 장을 공유하기 : 카카오톡 | 페이스북",
        "개역한글판 성경의 저작권은 만료되었습니다.",
    )
    assert doc.meta.title == "시편 23편"
    assert [b.text[:2] for b in doc.blocks] == ["1 ", "2 ", "3 "]
    gone = removed(doc)
    assert (
        gone["번역본 선택 개역한글 ▼ 권 선택 창세기 ▼"]
        == gone["◀ 이전 장 | 다음 장 ▶"]
        == "boilerplate.chrome"
    )
    assert gone["이 장을 공유하기 : 카카오톡 | 페이스북"] == "boilerplate.chrome"
    assert gone["개역한글판 성경의 저작권은 만료되었습니다."] == "boilerplate.policy"


def test_a_numbered_ranking_in_an_article_is_no_chapter_of_verses() -> None:
    """Rows of names and figures (``1 삼성전자 7만2000원``) are no verses, and a short line above a
    numbered run after the article's own sentences is no chapter title."""
    _, doc = norm(
        "코스피, 외국인 매수에 2900선 회복",
        "코스피가 외국인 매수세에 힘입어 2900선을 회복했다.",
        "시가총액 상위 종목",
        "1 삼성전자 7만2000원",
        "2 SK하이닉스 18만5000원",
        "3 LG에너지솔루션 38만원",
        "증권가에서는 당분간 외국인 수급이 지수 방향을 결정할 것으로 보고 있다.",
    )
    assert doc.meta.title == "코스피, 외국인 매수에 2900선 회복"
    _, later = norm(
        "시편 강해",
        "오늘은 시편 23편을 함께 읽는다.",
        "시편 23편",
        "1 여호와는 나의 목자시니 내가 부족함이 없으리로다",
        "2 그가 나를 푸른 초장에 누이시며 쉴만한 물가으로 인도하시는도다",
        "3 내 영혼을 소생시키시고 자기 이름을 위하여 의의 길로 인도하시는도다",
    )
    assert later.meta.title != "시편 23편"  # the verses' heading under a sentence of the text
    assert [b.text[:2] for b in later.blocks][-3:] == ["1 ", "2 ", "3 "]


def test_a_foundations_mark_is_not_part_of_the_publisher() -> None:
    _, doc = norm(
        "긴 본문이다. 이 글은 재단이 펴냈다. 여러 문장이 이어지고 글은 충분히 길어서 본문으로 읽힌다.",
        "(재)가람문화재단 | 서울특별시 종로구 세종대로 1 | 대표전화 02-000-0000",
    )
    assert doc.meta.publisher == "가람문화재단"


# --- a screenplay ----------------------------------------------------------------------------------


def test_screenplay_cover_cast_scene_headings_and_end_mark() -> None:
    _, doc = norm(
        "겨울 정류장",
        "― 단편 시나리오 ―",
        "극본 한서윤",
        "2026. 10. 2. (초고)",
        "등장인물",
        "민수(40) 버스 기사",
        "지연(12) 민수의 딸",
        "S#1. 정류장 ― 밤",
        "눈이 내린다. 민수가 버스에서 내린다.",
        "민수 (혼잣말) 오늘도 늦었네.",
        "S#2. 집 ― 밤",
        "지연이 문을 연다.",
        "(끝)",
    )
    assert doc.meta.title == "겨울 정류장" and doc.meta.subtitles == ["단편 시나리오"]
    assert [a.name for a in doc.meta.authors] == ["한서윤"] and doc.meta.date == "2026-10-02"
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds[:3] == ["Heading", "ListBlock", "Heading"] and kinds.count("Heading") == 3
    assert doc.blocks[-1].text == "(끝)"
    assert removed(doc)["(초고)"] == "screenplay.draft"


def test_one_scene_mark_makes_no_screenplay() -> None:
    _, doc = norm(
        "제목이다",
        "S#1. 이런 줄이 있다",
        "본문 문단이다. 이 글은 기사다. 충분히 긴 문장으로 이어진다.",
        "(끝)",
    )
    assert "(끝)" not in body(doc)


# --- an online bookshop's page of one book ---------------------------------------------------------


def test_book_page_credit_line_title_and_shop_chrome() -> None:
    _, doc = norm(
        "서점",
        "[도서] 바다의 문장",
        "파도를 옮겨 적는 법",
        "한가람 지음 | 물결출판 | 2026년 3월 2일",
        "정가 15,000원",
        "판매가 13,500원 (10% 할인)",
        "북포인트 750원 (5% 적립)",
        "장바구니 | 바로구매 | 선물하기",
        "책소개",
        "바다를 오래 바라본 사람이 쓴 산문이다. 물결이 문장이 되는 과정을 따라간다. 이 책은 그 기록이다.",
        "★★★★★ 좋아요 | 독자1 | 2026-03-10",
        "발행일 2026년 3월 2일 | 쪽수 240쪽 | ISBN13 9791100000000",
    )
    assert doc.meta.title == "바다의 문장" and doc.meta.subtitles == ["파도를 옮겨 적는 법"]
    assert [a.name for a in doc.meta.authors] == ["한가람"]
    assert doc.meta.publisher == "물결출판" and doc.meta.date == "2026-03-02"
    gone = removed(doc)
    assert gone["[도서]"] == "book.type"
    for line in ("정가 15,000원", "북포인트 750원 (5% 적립)", "장바구니 | 바로구매 | 선물하기"):
        assert gone[line] == "boilerplate.chrome"
    assert "★" not in body(doc) and "ISBN" not in body(doc)


def test_a_book_credit_under_an_articles_sentences_is_a_reviews() -> None:
    _, doc = norm(
        "[신간] 소년이 온다 개정판",
        "광주의 오월을 다룬 소설이 개정판으로 나왔다.",
        "한강 지음 | 창비 | 2024년 5월 10일",
        "작가는 서문을 새로 썼다.",
    )
    assert doc.meta.authors == [] or doc.meta.authors[0].name != "한강"
    assert doc.meta.publisher != "창비"
