"""Photo captions in the forms Korean papers print them: each is a figure with its credit split off,
not a paragraph (and a wire caption's dateline is not the article's)."""

from __future__ import annotations

import pytest

from bookmaker.ir import Figure, plain
from tests.normalize.test_real_shapes import norm

HEAD = [
    "청년 창업 지원금 두 배로 늘린다",
    "2026.12.07 10:00",
    "최유나 기자",
    "",
    "서울시는 내년부터 청년 창업 지원금을 두 배로 늘린다고 7일 밝혔다. 지원 대상은 만 39세 이하 창업자다.",
    "",
]
TAIL = ["", "시는 이를 위해 예산 200억원을 편성했다. 시 관계자는 자금난을 덜겠다고 말했다."]
CAPTION = "오세영 서울시장이 7일 시청에서 청년 창업 지원 계획을 발표하고 있다."


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        (
            f"(서울=연합뉴스) 이준서 기자 = {CAPTION} 2026.12.7 [공동취재] junseo@yna.co.kr",
            "연합뉴스 이준서 기자",
        ),
        (
            f"(서울=연합뉴스) 이준서 기자 = {CAPTION} 2026.12.7 [대통령실통신사진기자단] junseo@yna.co.kr",
            "연합뉴스 이준서 기자",
        ),
        (f"{CAPTION} [사진 서울시]", "서울시"),
        (f"{CAPTION} [사진 가람일보 DB]", "가람일보 DB"),
    ],
)
def test_a_caption_is_a_figure_with_its_credit(line: str, credit: str) -> None:
    _, doc = norm(*HEAD, line, *TAIL)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(plain(f.caption), f.credit) for f in figures] == [(CAPTION, credit)]
    assert doc.meta.dateline is None
    assert [a.name for a in doc.meta.authors] == ["최유나"]


def test_a_bracket_that_describes_the_photo_is_no_credit() -> None:
    _, doc = norm(*HEAD, f"{CAPTION} [사진 설명]", *TAIL)
    assert not [f for f in doc.blocks if isinstance(f, Figure) and f.credit == "설명"]
