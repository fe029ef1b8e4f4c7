"""The credit before a lead in the forms Korean papers print it: a place and the reporter, or the
reporter alone in brackets, is the dateline and the byline; a photo's credit is neither."""

from __future__ import annotations

import pytest

from bookmaker.ir import Paragraph, plain
from tests.normalize.test_real_shapes import norm

LEAD = "서울시는 내년부터 청년 창업 지원금을 두 배로 늘린다고 7일 밝혔다."


def _story(lead: str) -> list[str]:
    return [
        "청년 창업 지원금 두 배로 늘린다",
        "2026.12.07 10:00",
        "",
        lead,
        "",
        "시는 이를 위해 예산 200억원을 편성했다. 시 관계자는 자금난을 덜겠다고 말했다.",
    ]


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("【워싱턴=최유나 특파원】", [("최유나", "특파원")]),
        ("[워싱턴=최유나 특파원]", [("최유나", "특파원")]),
        ("[최유나 기자]", [("최유나", "기자")]),
        ("(최유나·김도윤 기자)", [("최유나", "기자"), ("김도윤", "기자")]),
    ],
)
def test_a_reporters_credit_before_the_lead_is_the_dateline(
    credit: str, authors: list[tuple[str, str]]
) -> None:
    _, doc = norm(*_story(f"{credit} {LEAD}"))
    assert doc.meta.dateline == credit
    assert [(a.name, a.role) for a in doc.meta.authors] == authors
    assert doc.meta.publisher is None
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and plain(first.content) == LEAD


def test_a_photo_credit_before_the_lead_names_no_publisher() -> None:
    _, doc = norm(*_story(f"[사진=최유나 기자] {LEAD}"))
    assert doc.meta.publisher != "사진"
    assert doc.meta.dateline is None
