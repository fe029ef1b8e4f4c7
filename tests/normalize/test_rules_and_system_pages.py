"""Lettered sentences that state rules in the present are a list (a syllabus's 수강 유의사항), lettered
facts stay paragraphs (a judgment's); an institution named in a page's system header (``가람대학교
종합정보시스템``) issued the page when nothing better names a publisher; a page's note that the
document it shows may change goes with the page's furniture."""

from __future__ import annotations

import pytest

from bookmaker.ir import Heading, ListBlock, Paragraph
from bookmaker.layout.list_markers import list_markers
from bookmaker.normalize.mood import prescribes
from tests.normalize.test_real_shapes import body, norm, removed

TITLE = "2027학년도 2학기 수업계획서"
PROSE = "이 수업은 한국 현대 소설을 읽고 토론하며, 작품이 쓰인 시대와 오늘의 독자가 만나는 자리를 살핀다."


def test_lettered_rules_in_the_present_are_a_list() -> None:
    _, doc = norm(
        TITLE,
        PROSE,
        "4. 수업 규칙",
        "가. 결석은 사전에 담당 교수에게 알려야 한다.",
        "나. 과제는 기한 안에 제출하며, 늦은 과제는 받지 않는다.",
        "다. 시험 중 부정행위가 드러나면 해당 시험을 0점으로 처리할 수 있다.",
    )
    heading, items = doc.blocks[-2:]
    assert isinstance(heading, Heading) and heading.text == "4. 수업 규칙"
    assert isinstance(items, ListBlock) and list_markers(items) == ["가.", "나.", "다."]
    assert items.items[1].text == "과제는 기한 안에 제출하며, 늦은 과제는 받지 않는다."


def test_lettered_facts_stay_paragraphs_even_with_one_rule_among_them() -> None:
    _, doc = norm(
        TITLE,
        PROSE,
        "1. 사안의 개요",
        "가. 원고는 2022. 3. 2. 피고와 임대차계약을 체결하였다.",
        "나. 피고는 계약에 따라 보증금을 반환하여야 한다.",
    )
    assert [type(b) for b in doc.blocks[-2:]] == [Paragraph, Paragraph]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("과제는 LMS로만 제출하며, 늦은 제출은 하루마다 10%를 감점한다.", True),
        ("장애 학생은 학습 편의 지원을 요청할 수 있다.", True),
        ("이 공고에 명시되지 않은 사항은 관계 법령을 따릅니다.", True),
        ("자세한 사항은 과업지시서를 참고하시기 바랍니다.", True),
        ("피고는 이 사건 아파트의 입주자이다.", False),  # a copula's statement
        ("원고는 2022. 8. 17. 상해를 입었다.", False),  # the past
        ("원고는 계약을 체결하였습니다.", False),
        ("제출 기한은 금요일입니다.", False),
        ("그렇게 봄이 타당하다.", False),  # an adjective's description
        ("과제는 LMS로 낸다. 늦으면 감점한다.", False),  # two sentences
    ],
)
def test_a_sentence_states_a_rule_or_tells_a_fact(text: str, rule: bool) -> None:
    assert prescribes(text) is rule


def _portal(header: str, *footer: str) -> tuple[str, ...]:
    return (
        header,
        "학사 | 수업 | 성적 | 로그아웃",
        "수업 > 수업계획서 조회",
        "",
        TITLE,
        "",
        PROSE,
        "과제는 매주 금요일까지 제출한다.",
        *footer,
    )


def test_the_institution_a_system_header_names_publishes_the_page() -> None:
    _, doc = norm(*_portal("한빛대학교 학사정보시스템"))
    assert doc.meta.publisher == "한빛대학교"
    assert removed(doc)["한빛대학교 학사정보시스템"] == "chrome.before_title"


def test_a_service_header_without_an_institution_names_no_publisher() -> None:
    _, doc = norm(*_portal("학사정보 통합검색서비스"))
    assert doc.meta.publisher is None


def test_a_stronger_vote_wins_over_the_system_header() -> None:
    _, doc = norm(*_portal("한빛대학교 학사정보시스템", "Copyright © 누리교육재단"))
    assert doc.meta.publisher == "누리교육재단"


def test_a_pages_note_that_its_document_may_change_goes() -> None:
    note = "본 수업계획서는 학사 일정에 따라 변경될 수 있습니다."
    _, doc = norm(*_portal("한빛대학교 학사정보시스템", "", note))
    assert removed(doc)[note] == "boilerplate.policy"


def test_a_texts_own_note_that_a_date_may_change_stays() -> None:
    notes = (
        "마감일은 기업의 사정, 조기마감 등으로 변경될 수 있습니다.",
        "본 행사는 기상 상황에 따라 변경될 수 있습니다.",
    )
    _, doc = norm(*_portal("한빛대학교 학사정보시스템", "", *notes))
    assert all(note in body(doc) for note in notes)
