"""Lists the normalizer finds in plain lines keep how they count: 가. 나. in Hangul syllables, ①
② in circled figures, 1) 2) with their parenthesis; the marker leaves the text for the list's own
(a 가. list used to read "• 가. 조사 대상")."""

from __future__ import annotations

from bookmaker.ir import ListBlock, Paragraph
from tests.normalize.test_real_shapes import norm

TITLE = "2027년 학교 급식 만족도 조사 계획"
PROSE = "교육청은 내년 상반기 관내 초등학교를 대상으로 급식 만족도 조사를 실시한다고 밝혔다."


def _only_list(*lines: str) -> ListBlock:
    _, doc = norm(TITLE, PROSE, *lines, PROSE.replace("상반기", "하반기"))
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    return lists[0]


def test_lettered_lines_are_a_hangul_list_without_their_letters() -> None:
    block = _only_list(
        "가. 조사 대상 : 관내 초등학교 12곳", "나. 조사 방법 : 설문과 면담", "다. 조사 기간 : 3월"
    )
    assert (block.ordered, block.style, block.start, block.punctuation) == (True, "hangul-syllable", 1, None)
    assert [item.text for item in block.items] == [
        "조사 대상 : 관내 초등학교 12곳",
        "조사 방법 : 설문과 면담",
        "조사 기간 : 3월",
    ]


def test_lettered_list_may_start_later() -> None:
    block = _only_list("다. 조사 대상 : 관내 초등학교 12곳", "라. 조사 방법 : 설문과 면담")
    assert (block.style, block.start) == ("hangul-syllable", 3)


def test_lettered_sentences_stay_paragraphs() -> None:
    _, doc = norm(TITLE, PROSE, "가. 피고는 이 사건 아파트의 입주자이다.", "나. 원고는 관리주체이다.")
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert any(isinstance(b, Paragraph) and b.text.startswith("가. 피고는") for b in doc.blocks)


def test_circled_lines_are_a_circled_list() -> None:
    block = _only_list("① 문 닫는 학교", "② 떠나는 아이들", "③ 버스가 끊긴 마을")
    assert (block.ordered, block.style, block.start) == (True, "circled-decimal", 1)
    assert [item.text for item in block.items] == ["문 닫는 학교", "떠나는 아이들", "버스가 끊긴 마을"]


def test_parenthesised_numbers_keep_their_parenthesis() -> None:
    block = _only_list("1) 조사 대상 선정", "2) 설문지 배포", "3) 결과 분석")
    assert (block.ordered, block.style, block.punctuation) == (True, None, "paren")


def test_numbers_with_periods_are_a_plain_numbered_list() -> None:
    block = _only_list("1. 조사 대상 선정", "2. 설문지 배포")
    assert (block.ordered, block.style, block.punctuation) == (True, None, None)


def test_mixed_closing_marks_are_plain_numbers() -> None:
    block = _only_list("1) 조사 대상 선정", "2. 설문지 배포")
    assert block.punctuation is None
