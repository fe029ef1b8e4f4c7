"""Document kinds from held-out round 22 read by kind after the first run (a tender notice, …),
each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, ListBlock, Paragraph, Table
from tests.normalize.test_real_shapes import body, norm, removed
from tests.normalize.test_round15_shapes import read_text

INTRO = (
    "「지방자치단체를 당사자로 하는 계약에 관한 법률」에 따라 다음과 같이 입찰에 부치고 "
    "계약 대상자를 선정하고자 공고합니다."
)

# --- a public notice: number line, title, field box, lettered items, schedule, footer -----------


def test_title_under_a_notice_number_line_below_site_chrome() -> None:
    _, doc = norm(
        "조달 포털 전자조달시스템",
        "로그인 | 회원가입 | 사이트맵",
        "",
        "공고일반",
        "공고명 : 2027년 청사 청소 용역",
        "공고번호-차수 : 20270100001-00",
        "공고기관 : 충청남도 솔내군",
        "입찰방식 : 전자입찰",
        "",
        "충청남도 솔내군 공고 제2027-12호",
        "",
        "2027년 청사 청소 용역 입찰공고",
        "",
        INTRO,
    )
    assert doc.meta.title == "2027년 청사 청소 용역 입찰공고"
    assert doc.meta.series == ["충청남도 솔내군 공고 제2027-12호"]
    assert doc.meta.publisher == "충청남도 솔내군"
    assert removed(doc)["조달 포털 전자조달시스템"] == "chrome.before_title"
    heading, fields = doc.blocks[:2]
    assert isinstance(heading, Heading) and heading.text == "공고일반"
    assert isinstance(fields, ListBlock) and len(fields.items) == 4
    assert "공고번호-차수 : 20270100001-00" in body(doc)


def test_lettered_items_of_a_notice_are_a_list_counting_in_their_letters() -> None:
    _, doc = norm(
        "솔내군 공고 제2027-12호",
        "",
        "2027년 청사 청소 용역 입찰공고",
        "",
        INTRO,
        "",
        "4. 기타 사항",
        "가. 자세한 사항은 첨부된 과업지시서를 참고하시기 바랍니다.",
        "나. 이 공고에 명시되지 않은 사항은 관계 법령을 따릅니다.",
    )
    heading, items = doc.blocks[1:3]
    assert isinstance(heading, Heading) and heading.text == "4. 기타 사항"
    assert isinstance(items, ListBlock) and items.ordered and items.style == "hangul-syllable"
    assert [item.text for item in items.items] == [  # the letters are the list's own (가., 나.)
        "자세한 사항은 첨부된 과업지시서를 참고하시기 바랍니다.",
        "이 공고에 명시되지 않은 사항은 관계 법령을 따릅니다.",
    ]


def test_lettered_fields_are_a_list_but_lettered_sentences_stay_paragraphs() -> None:
    fields = ("가. 용역기간 : 계약일로부터 2027. 12. 31.까지", "나. 기초금액 : 금12,400,000원")
    sentences = (
        "가. 피고는 이 아파트를 신축하여 분양하였고, 원고는 그 입주자이다.",
        "나. 원고는 2022. 8. 17. 상해를 입었다.",
    )
    _, doc = norm("하자 손해배상 사건의 판단", "", INTRO, "", "1. 사업 개요", *fields)
    assert isinstance(doc.blocks[-1], ListBlock) and len(doc.blocks[-1].items) == 2
    assert isinstance(doc.blocks[-2], Heading)
    _, doc = norm("하자 손해배상 사건의 판단", "", INTRO, "", "1. 사안의 개요", *sentences)
    assert [type(b) for b in doc.blocks[-2:]] == [Paragraph, Paragraph]


def test_lettered_lines_are_not_joined_as_a_wrapped_paragraph() -> None:
    wrapped = (
        "가. 「소프트웨어 진흥법」 제58조에 따른 소프트웨어사업자(업종코드 1468)로 등록한 업체",
        "나. 「중소기업제품 구매촉진 및 판로지원에 관한 법률」에 따른 중소기업자",
        "다. 공동수급은 허용하지 않습니다.",
    )
    _, doc = norm(
        "솔내군 공고 제2027-12호",
        "",
        "2027년 청사 청소 용역 입찰공고",
        "",
        INTRO,
        "",
        "2. 입찰참가자격",
        *wrapped,
    )
    items = doc.blocks[-1]
    assert isinstance(items, ListBlock) and [item.text for item in items.items] == [w[3:] for w in wrapped]
    assert items.style == "hangul-syllable"  # 가., 나., 다.: the list's own letters


def test_a_schedule_of_dates_and_times_is_a_table(tmp_path: Path) -> None:
    text = (
        "솔내군 공고 제2027-12호\n\n2027년 청사 청소 용역 입찰공고\n\n"
        f"{INTRO}\n\n3. 입찰 일정\n"
        "구분\t일시\t장소\n"
        "입찰서 제출 개시\t2027. 1. 22.(금) 10:00\t전자조달시스템\n"
        "입찰서 제출 마감\t2027. 1. 29.(금) 10:00\t전자조달시스템\n"
        "개찰\t2027. 2. 3.(수) 14:00\t솔내군청 2층 회의실\n"
    )
    _, doc = read_text(tmp_path, text)
    table = doc.blocks[-1]
    assert isinstance(table, Table) and len(table.head) == 1 and len(table.body) == 3
    assert isinstance(doc.blocks[-2], Heading) and doc.blocks[-2].text == "3. 입찰 일정"


def test_agency_footer_with_postal_code_after_the_name_is_chrome() -> None:
    footer = "조달청 (35208) 대전광역시 서구 청사로 189 | 고객지원센터 1588-0800"
    _, doc = norm("2027년 청사 청소 용역 입찰공고", "", INTRO, "", footer)
    assert removed(doc)[footer] == "boilerplate.board"
    assert "청사로 189" not in body(doc)
