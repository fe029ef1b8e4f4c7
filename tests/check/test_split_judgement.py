"""``bookmaker check`` judges a line break inside an eojeol as ``../shared/tools/breaks.py`` does: a
headline's break after an ellipsis that ends a clause, the next word able to open a line, is
principled (the referee: a morpheme boundary before a noun); before a quotation mark or a bound
syllable it is bad."""

from __future__ import annotations

import pytest

from bookmaker.check.splits import judge_splits

SOURCE = "정부, 차관급 8명 인사…인사혁신처장 김우호 회담…“셔틀외교 복원” 고시…월 1회 점검"


@pytest.mark.parametrize(
    ("left", "right", "bad"),
    [
        ("인사…", "인사혁신처장", 0),  # a clause's end, then a noun: as headlines break
        ("회담…", "“셔틀외교", 1),  # the quotation mark would open the line: torn
        ("고시…", "월", 1),  # one bound syllable alone
    ],
)
def test_break_after_a_glued_ellipsis(left: str, right: str, bad: int) -> None:
    report = judge_splits([(left, right)], SOURCE)
    assert (report.bad, report.principled) == (bad, 1 - bad)


def test_break_inside_a_morpheme_is_still_bad() -> None:
    report = judge_splits([("인사혁", "신처장")], SOURCE)
    assert report.bad == 1
