"""An online bookshop's page of one book: its section labels are headings, the book's own table of
contents under ``목차`` a list, the line right under another label that section's text (pass
``book_page``); a newspaper's 신간 article with a book's credit line is none of it."""

from __future__ import annotations

import pytest

from bookmaker.ir import Document, Heading, ListBlock
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument, Source, SourceLine
from tests.normalize.test_real_shapes import norm

HEAD = ("[도서] 바다의 문장", "파도를 옮겨 적는 법", "한가람 지음 | 물결출판 | 2026년 3월 2일", "")
INTRO = "바다를 오래 바라본 사람이 쓴 산문이다. 물결이 문장이 되는 과정을 따라간다."
BIO = "부산에서 태어나 오래 배를 탔다. 지금은 바닷가 마을에서 산문을 쓴다."
REVIEW = "파도를 받아 적는 일은 결국 자기 자신을 받아 적는 일이다. 저자는 그 과정을 천천히 보여 준다."


def _kinds(doc: Document) -> list[tuple[str, str]]:
    return [(type(b).__name__, b.text.split("\n")[0]) for b in doc.blocks]


def test_shop_section_labels_are_headings() -> None:
    _, doc = norm(*HEAD, "책소개", INTRO, "", "출판사 서평", REVIEW)
    assert _kinds(doc) == [
        ("Heading", "책소개"),
        ("Paragraph", INTRO),
        ("Heading", "출판사 서평"),
        ("Paragraph", REVIEW),
    ]


def test_a_books_contents_on_a_shop_page_is_a_list() -> None:
    entries = ("머리말", "1장 물결의 문법", "2장 바람의 쉼표", "맺음말")
    _, doc = norm(*HEAD, "책소개", INTRO, "", "목차", *entries, "", "추천평", REVIEW)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and not lists[0].ordered
    assert [item.text for item in lists[0].items] == list(entries)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["책소개", "목차", "추천평"]


def test_a_books_contents_in_parts_set_apart_ends_at_the_shops_rows() -> None:
    parts = (
        "머리말",
        "",
        "1부 물결의 문법",
        "1장 파도의 쉼표",
        "",
        "2부 바다의 문장",
        "2장 등대의 말",
        "",
        "맺음말",
    )
    _, doc = norm(
        *HEAD, "책소개", INTRO, "", "목차", *parts, "", "회원리뷰 (3건)", "★★★★★ 좋아요 | 독자1 | 2026-03-10"
    )
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [item.text for item in lists[0].items] == [p for p in parts if p]
    assert "회원리뷰" not in "\n".join(b.text for b in doc.blocks)


def test_marked_contents_lines_keep_their_list_markers_read() -> None:
    _, doc = norm(*HEAD, "책소개", INTRO, "", "목차", "1. 파도의 쉼표", "2. 바람의 문장", "3. 등대의 말")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].ordered
    assert [item.text for item in lists[0].items] == ["파도의 쉼표", "바람의 문장", "등대의 말"]


def test_contents_label_over_sentences_makes_no_list() -> None:
    _, doc = norm(*HEAD, "책소개", INTRO, "", "목차", "차례는 모두 세 부분이다.", "각 부에 네 편씩 실렸다.")
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)


def test_the_name_over_each_bio_in_a_writers_section_is_text_not_a_byline() -> None:
    credit = "한가람, 이하늘 지음 | 물결출판 | 2026년 3월 2일"
    other = "제주에서 나고 자랐다. 물질하는 어머니의 말을 받아 적어 왔다."
    _, doc = norm(
        HEAD[0], HEAD[1], credit, "", "책소개", INTRO, "", "저자 소개", "한가람", BIO, "이하늘", other
    )
    assert _kinds(doc)[2:] == [
        ("Heading", "저자 소개"),
        ("Paragraph", "한가람"),
        ("Paragraph", BIO),
        ("Paragraph", "이하늘"),
        ("Paragraph", other),
    ]
    assert [a.name for a in doc.meta.authors] == ["한가람", "이하늘"]
    assert doc.meta.lines.get("authors") == [3]  # the credit line only: the names stay text


def test_the_tagline_under_a_review_label_is_its_lead_paragraph() -> None:
    _, doc = norm(*HEAD, "책소개", INTRO, "", "출판사 리뷰", "바다를 받아 적는 산문집", REVIEW)
    assert _kinds(doc)[2:] == [
        ("Heading", "출판사 리뷰"),
        ("Paragraph", "바다를 받아 적는 산문집"),
        ("Paragraph", REVIEW),
    ]


def test_the_attribution_under_a_recommendation_is_text_not_a_heading() -> None:
    said, also = "파도를 이렇게 받아 적은 책은 처음이다.", "읽는 내내 바다 냄새가 났다. 오래 곁에 둘 책이다."
    _, doc = norm(*HEAD, "책소개", INTRO, "", "추천평", said, "― 이하늘 (시인)", also, "― 박바다 소설가")
    assert _kinds(doc)[2:] == [
        ("Heading", "추천평"),
        ("Paragraph", said),
        ("Paragraph", "― 이하늘 (시인)"),
        ("Paragraph", also),
        ("Paragraph", "― 박바다 소설가"),
    ]


def test_one_label_alone_is_a_word_of_the_text() -> None:
    lines = (*HEAD, "책소개", INTRO, "", "한 문장", BIO)
    _, doc = norm(*lines)
    assert _kinds(doc) == _kinds(_skipping_book_page(lines))


def _skipping_book_page(lines: tuple[str, ...]) -> Document:
    raw = RawDocument([SourceLine(t, i) for i, t in enumerate(lines, 1)], Source(format="text"))
    return normalize(raw, skip=frozenset({"book_page"}))


NEWS = (
    "[신간] 느린 문장의 쓸모",
    "입력 2026.10.20 09:00",
    "",
    "김유진 지음 | 한빛마루 | 272쪽 | 1만6000원",
    "",
    "15년간 문예지 편집자로 일해 온 저자가 오래 남는 문장을 살핀 산문집이다.",
    "",
    "목차",
    "책은 두 부분으로 나뉜다. 목차는 들어가며와 나가며 사이에 네 장을 두었다.",
    "",
    "저자 소개",
    "김유진",
    "저자 소개에 따르면 저자는 지금 글쓰기 모임을 꾸린다. 출판사 리뷰도 같은 점을 짚는다.",
    "",
    "김서연 기자 seoyeon@example.com",
)
"""A newspaper's 신간 article: the book's credit line gives pages and price (no date), and the
section words stand in its prose and alone on lines."""

REVIEW_UNDER_LEAD = (
    "[신간] 바다의 문장",
    "바다를 오래 바라본 사람이 쓴 산문집이 나왔다.",
    "한가람 지음 | 물결출판 | 2026년 3월 2일",
    "",
    "책소개",
    "책은 세 부분으로 나뉜다. 각 부에는 네 편씩 실렸다.",
    "",
    "추천사",
    "시인 이하늘이 추천사를 썼다.",
)
"""A 신간 article whose credit line, dated, stands under its first sentence: a review's."""


@pytest.mark.parametrize("lines", [NEWS, REVIEW_UNDER_LEAD], ids=["pages-and-price", "under-the-lead"])
def test_a_new_book_article_is_no_shop_page(lines: tuple[str, ...]) -> None:
    _, doc = norm(*lines)
    assert _kinds(doc) == _kinds(_skipping_book_page(lines))
    assert doc.meta.publisher not in ("한빛마루", "물결출판")
    assert all(a.name not in ("김유진", "한가람") for a in doc.meta.authors)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
