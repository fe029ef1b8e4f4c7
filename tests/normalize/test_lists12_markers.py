"""Plain lines numbered (1) (2), lettered (가) (나), ㄱ. ㄴ., a. b., counted i. ii. or Ⅰ. Ⅱ. make a
numbered list in that style (they used to stay paragraphs with their markers); a lone line, a
judgment's sentences, ``(주)``, ``제1조`` and ``1-1.`` do not."""

from __future__ import annotations

import pytest

from bookmaker.ir import ListBlock, from_json, to_json
from bookmaker.layout.list_markers import list_markers, marker
from tests.normalize.test_real_shapes import norm

TITLE = "2027년 학교 급식 만족도 조사 계획"
PROSE = "교육청은 내년 상반기 관내 초등학교를 대상으로 급식 만족도 조사를 실시한다고 밝혔다."
ITEMS = ("조사 대상 선정", "설문지 배포", "결과 분석")


def _lists(*lines: str) -> list[ListBlock]:
    _, doc = norm(TITLE, PROSE, *lines, PROSE.replace("상반기", "하반기"))
    return [b for b in doc.blocks if isinstance(b, ListBlock)]


@pytest.mark.parametrize(
    ("marks", "style", "punctuation"),
    [
        (["(1)", "(2)", "(3)"], None, "parens"),
        (["(가)", "(나)", "(다)"], "hangul-syllable", "parens"),
        (["가)", "나)", "다)"], "hangul-syllable", "paren"),
        (["ㄱ.", "ㄴ.", "ㄷ."], "hangul-jamo", None),
        (["a.", "b.", "c."], "lower-alpha", None),
        (["a)", "b)", "c)"], "lower-alpha", "paren"),
        (["A.", "B.", "C."], "upper-alpha", None),
        (["(a)", "(b)", "(c)"], "lower-alpha", "parens"),
        (["i.", "ii.", "iii."], "lower-roman", None),
        (["(i)", "(ii)", "(iii)"], "lower-roman", "parens"),
        (["I.", "II.", "III."], "upper-roman", None),
        (["Ⅰ.", "Ⅱ.", "Ⅲ."], "upper-roman-figure", None),
        (["Ⅰ", "Ⅱ", "Ⅲ"], "upper-roman-figure", "none"),
    ],
)
def test_marked_lines_are_a_list_in_their_style(
    marks: list[str], style: str | None, punctuation: str | None
) -> None:
    (block,) = _lists(*(f"{m} {text}" for m, text in zip(marks, ITEMS, strict=True)))
    assert (block.ordered, block.style, block.punctuation, block.start) == (True, style, punctuation, 1)
    assert [item.text for item in block.items] == list(ITEMS)
    assert list_markers(block) == marks  # printed as the source had them


def test_a_list_may_start_later_and_i_after_h_is_a_letter() -> None:
    (block,) = _lists("h. 조사 대상 선정", "i. 설문지 배포")
    assert (block.style, block.start, list_markers(block)) == ("lower-alpha", 8, ["h.", "i."])
    (block,) = _lists("(다) 조사 대상 선정", "(라) 설문지 배포")
    assert (block.style, block.start) == ("hangul-syllable", 3)


@pytest.mark.parametrize(
    "lines",
    [
        ["(1) 조사 대상 선정"],  # a lone line
        ["(1) 조사 대상 선정", "(3) 설문지 배포"],  # out of sequence
        ["(1) 원고는 피고와 급식 납품 계약을 체결하였다.", "(2) 피고는 대금을 지급하지 않았다."],
        ["(가) 원고는 피고와 급식 납품 계약을 체결하였다.", "(나) 피고는 대금을 지급하지 않았다."],
        ["ㄱ. 원고는 피고와 급식 납품 계약을 체결하였다.", "ㄴ. 피고는 대금을 지급하지 않았다."],
        ["(주) 조사 대상 선정", "(주) 설문지 배포"],  # 주식회사, no letter of a list
        ["제1조 조사 대상 선정", "제2조 설문지 배포"],  # articles: provisions
        ["1-1. 조사 대상 선정", "1-2. 설문지 배포"],  # sections numbered in two levels
        ["이. 조사 대상 선정", "삼. 설문지 배포"],
    ],
)
def test_these_stay_lines_with_their_marks(lines: list[str]) -> None:
    _, doc = norm(TITLE, PROSE, *lines, PROSE.replace("상반기", "하반기"))
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert [b.text for b in doc.blocks][1:-1] == lines


def test_roman_numeral_signs_count_on_past_twelve_and_the_ir_reads_back() -> None:
    assert [marker("upper-roman-figure", None, n) for n in (1, 4, 12, 13, 40)] == [
        "Ⅰ.",
        "Ⅳ.",
        "Ⅻ.",
        "ⅩⅢ.",
        "ⅩⅬ.",
    ]
    _, doc = norm(TITLE, PROSE, "Ⅰ. 추진 배경", "Ⅱ. 추진 계획", PROSE)
    assert from_json(to_json(doc)) == doc
