"""A line of bracketed tags alone right over the headline is the series, as the same tags at the
headline's head are (before: removed as page interface text before the title)."""

from __future__ import annotations

from tests.normalize.test_real_shapes import norm

STORY = [
    "가을 배추 작황이 좋아 김장 비용이 지난해보다 10% 낮아질 것으로 보인다.",
    "한국농수산식품유통공사는 4인 가족 김장 비용을 30만원 선으로 내다봤다.",
]


def test_a_columns_name_over_the_headline() -> None:
    _, doc = norm("[장바구니 물가]", "김장 비용 10% 내린다", *STORY)
    assert doc.meta.series == ["장바구니 물가"]
    assert doc.meta.title == "김장 비용 10% 내린다"


def test_same_as_at_the_headlines_head() -> None:
    _, doc = norm("[장바구니 물가] 김장 비용 10% 내린다", *STORY)
    assert doc.meta.series == ["장바구니 물가"]


def test_an_issue_number_over_the_headline_is_no_series() -> None:
    _, doc = norm("[제1204호]", "김장 비용 10% 내린다", *STORY)
    assert doc.meta.series == []
    assert doc.meta.title == "김장 비용 10% 내린다"
