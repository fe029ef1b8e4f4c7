"""A headline copied with the site's name after it (a page's ``<title>``): the name leaves the title
and votes for the publisher; a portal's name never becomes one."""

from __future__ import annotations

import pytest

from tests.normalize.test_real_shapes import norm

PARAGRAPHS = [
    "",
    "서울시는 내년부터 청년 창업 지원금을 두 배로 늘린다고 7일 밝혔다.",
    "",
    "시는 이를 위해 예산 200억원을 편성했다. 시 관계자는 자금난을 덜겠다고 말했다.",
]


@pytest.mark.parametrize(
    ("headline", "publisher"),
    [
        ("청년 창업 지원금 두 배로 늘린다 - 가람일보", "가람일보"),
        ("청년 창업 지원금 두 배로 늘린다 | 한겨레", "한겨레"),
        ("청년 창업 지원금 두 배로 늘린다 : 네이버 뉴스", None),
    ],
)
def test_the_sites_name_after_the_headline_names_the_publisher(headline: str, publisher: str | None) -> None:
    _, doc = norm(headline, *PARAGRAPHS)
    assert doc.meta.title == "청년 창업 지원금 두 배로 늘린다"
    assert doc.meta.publisher == publisher


def test_a_copyright_line_outweighs_the_name_after_the_headline() -> None:
    _, doc = norm(
        "청년 창업 지원금 두 배로 늘린다 - 누리신문", *PARAGRAPHS, "", "ⓒ 가람일보 무단전재 및 재배포 금지"
    )
    assert doc.meta.publisher == "가람일보"


def test_deck_lines_marked_with_middle_dots_lose_their_marks() -> None:
    _, doc = norm(
        "청년 창업 지원금 두 배로 늘린다",
        "· 서울시, 내년 예산 200억 편성",
        "· 만 39세 이하 대상",
        "입력 2026.12.07 10:00",
        *PARAGRAPHS,
    )
    assert doc.meta.subtitles == ["서울시, 내년 예산 200억 편성", "만 39세 이하 대상"]
