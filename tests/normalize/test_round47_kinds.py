"""Failure kinds from held-out round 47 (a news app's live page; a fact-check platform's page with its
verdict meter copied as lines; an English-Korean parallel article), each on a small made-up input
shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Heading, ListBlock, Quote
from tests.normalize.test_real_shapes import body, norm, removed

# --- a live page ---------------------------------------------------------------------------------------


def _live(*top: str) -> list[str]:
    return [
        "가람뉴스",
        "[실시간] 중부지방 첫 대설특보…출근길 곳곳 정체",
        "입력 2027.01.12 06:10",
        "",
        *top,
        "08:40",
        "서울 도심 버스 20분 넘게 지연",
        "서울시는 오전 8시 기준 시내버스 150여 개 노선이 평소보다 20분 이상 늦게 운행되고 있다고 밝혔다.",
        "정하람 기자",
        "",
        "07:15",
        "경기 북부 적설 12㎝",
        "기상청은 경기 북부에 밤사이 12㎝의 눈이 쌓였다며 출근길 빙판길에 주의해 달라고 당부했다.",
        "윤서진 기자",
    ]


def test_each_updates_time_and_headline_are_one_heading() -> None:
    _, doc = norm(*_live())
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["08:40 서울 도심 버스 20분 넘게 지연", "07:15 경기 북부 적설 12㎝"]
    assert [(a.name, a.role) for a in doc.meta.authors] == [("정하람", "기자"), ("윤서진", "기자")]


def test_a_lone_time_line_over_a_headline_is_no_live_page() -> None:
    _, doc = norm(
        "가람뉴스",
        "중부지방 첫 대설특보…출근길 곳곳 정체",
        "입력 2027.01.12 06:10",
        "",
        "08:40",
        "서울 도심 버스 20분 넘게 지연",
        "서울시는 오전 8시 기준 시내버스 150여 개 노선이 평소보다 20분 이상 늦게 운행되고 있다고 밝혔다.",
    )
    assert "08:40 서울 도심 버스" not in body(doc)


def test_a_live_pages_buttons_and_status_go() -> None:
    _, doc = norm(*_live("실시간 업데이트 중 · 최종 업데이트 오전 8:42", "📌 고정", "새 소식 3건 보기", ""))
    for line in ("실시간 업데이트 중 · 최종 업데이트 오전 8:42", "📌 고정", "새 소식 3건 보기"):
        assert line in removed(doc)
    assert "업데이트" not in body(doc)


def test_a_short_label_over_bullets_under_the_title_heads_a_list_not_a_deck() -> None:
    _, doc = norm(*_live("핵심 정리", "· 서울·경기 대설주의보", "· 출근길 버스 지연", ""))
    assert doc.meta.subtitles == []
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "핵심 정리"
    assert isinstance(doc.blocks[1], ListBlock) and len(doc.blocks[1].items) == 2


# --- a fact-check page ----------------------------------------------------------------------------------


def _fact_check(*meter: str, source: str = "가람일보 | 2027.02.03 09:00") -> list[str]:
    return [
        "검증넷",
        "팩트체크 | 참여 언론사 | 소개",
        "“수도권 인구, 전체의 절반 넘었다”…사실일까",
        source,
        "",
        "검증 대상",
        "“수도권 인구가 처음으로 전체 인구의 절반을 넘었다.”",
        "발언자: 한도윤 국회의원",
        "발언 일시: 2027.01.20",
        "",
        *meter,
        "",
        "통계청 주민등록 인구통계를 보면 수도권 인구 비중은 2019년 50.0%로 처음 절반을 넘었다."
        " 처음이라는 말은 사실이 아니다.",
        "다만 비중이 해마다 늘고 있다는 취지는 맞아 대체로 사실로 본다.",
        "박지안 기자 jian@garamilbo.com",
        "",
        "© 2027 검증넷. All rights reserved.",
    ]


_METER = (
    "판정",
    "사실 아님",
    "대체로 사실 아님",
    "절반의 사실",
    "대체로 사실",
    "사실",
    "판정 결과: 절반의 사실",
)


def test_a_verdict_meters_grades_and_label_go_and_the_verdict_stays() -> None:
    _, doc = norm(*_fact_check(*_METER))
    gone = removed(doc)
    for grade in ("판정", "사실 아님", "대체로 사실 아님", "대체로 사실", "사실"):
        assert gone.get(grade) == "factcheck.meter"
    assert "판정 결과: 절반의 사실" in body(doc)


def test_three_grade_lines_are_no_meter() -> None:
    _, doc = norm(*_fact_check("사실", "거짓", "판단 유보"))
    assert not any(rule == "factcheck.meter" for rule in removed(doc).values())


def test_a_claim_box_is_a_heading_over_a_quote_and_a_list_of_fields() -> None:
    _, doc = norm(*_fact_check(*_METER))
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "검증 대상"
    assert isinstance(doc.blocks[1], Quote)
    assert isinstance(doc.blocks[2], ListBlock) and len(doc.blocks[2].items) == 2
    assert doc.meta.date == "2027-02-03T09:00:00+09:00"  # the claim's date is the claim's


def test_the_outlet_beside_the_date_is_the_publisher_and_the_line_above_the_title() -> None:
    _, doc = norm(*_fact_check(*_METER))
    assert doc.meta.title == "“수도권 인구, 전체의 절반 넘었다”…사실일까"
    assert doc.meta.publisher == "가람일보"
    assert [a.name for a in doc.meta.authors] == ["박지안"]


def _sourced(*tail: str) -> list[str]:
    return [
        "가람일보",
        "수도권 인구 비중, 10년 새 2%p 늘어",
        "입력 2027.02.03 09:00",
        "",
        "통계청 주민등록 인구통계를 보면 수도권 인구 비중은 2019년 50.0%로 처음 절반을 넘었다."
        " 그 뒤로도 비중은 해마다 조금씩 늘었다.",
        "",
        '국토연구원 한서진 연구위원은 "일자리가 수도권에 몰린 결과"라고 설명했다.',
        "",
        "박지안 기자 jian@garamilbo.com",
        "",
        "참고 자료",
        "- 통계청, 「주민등록 인구통계」, 2027.01.15",
        "- 국토연구원, 「수도권 집중의 현황과 과제」, 2026.11",
        *tail,
    ]


def test_a_sources_section_after_the_closing_byline_stays() -> None:
    _, doc = norm(*_sourced())
    assert "국토연구원, 「수도권 집중의 현황과 과제」, 2026.11" in body(doc)
    assert any(isinstance(b, Heading) and b.text == "참고 자료" for b in doc.blocks)


def test_a_fact_check_pages_footer_under_its_sources_goes() -> None:
    _, doc = norm(
        *_sourced(
            "",
            "이 기사가 도움이 되었나요?",
            "공감 12  비공감 1",
            "비슷한 분야의 다른 팩트체크",
            "“전기차 화재, 내연기관차보다 잦다”…사실 아님",
            "검증넷은 언론사들이 함께 운영하는 검증 플랫폼입니다.",
        )
    )
    text = body(doc)
    assert "통계청, 「주민등록 인구통계」, 2027.01.15" in text
    for gone in ("도움이 되었나요", "공감 12", "다른 팩트체크", "전기차 화재", "검증 플랫폼"):
        assert gone not in text


# --- an English-Korean parallel article -------------------------------------------------------------------


def _parallel(*tail: str) -> list[str]:
    return [
        "가람일보",
        "English Corner",
        "[English Corner] 서울 지하철, 새벽 운행 늘린다",
        "Seoul subway to run more early-morning trains",
        "입력 2027.01.05 07:00",
        "",
        "Seoul will add 40 early-morning subway runs from March, the city said Monday.",
        "서울시는 3월부터 새벽 지하철 운행을 40회 늘린다고 4일 밝혔다.",
        "",
        "The change is aimed at workers who start their day before 6 a.m.",
        "오전 6시 이전에 일을 시작하는 노동자를 위한 조치다.",
        "",
        *tail,
    ]


def test_a_section_label_repeating_the_tag_below_is_no_title() -> None:
    _, doc = norm(*_parallel())
    assert doc.meta.title == "서울 지하철, 새벽 운행 늘린다"
    assert doc.meta.series == ["English Corner"]
    assert doc.meta.subtitles == ["Seoul subway to run more early-morning trains"]
    assert "English Corner" in removed(doc)


def test_a_bracketed_label_over_a_glossary_is_a_heading() -> None:
    _, doc = norm(*_parallel("[오늘의 단어]", "· run: (열차 등의) 운행", "· be aimed at: ~을 겨냥하다"))
    heads = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [h.text for h in heads] == ["오늘의 단어"]
    assert isinstance(doc.blocks[-1], ListBlock) and len(doc.blocks[-1].items) == 2


def test_a_series_more_link_and_its_headlines_go() -> None:
    _, doc = norm(
        *_parallel(
            "[오늘의 단어]",
            "· run: (열차 등의) 운행",
            "· be aimed at: ~을 겨냥하다",
            "English Corner 뉴스 더보기",
            "한파 속 난방비 지원 확대 / City expands heating aid",
            "시내버스 요금 동결 / Bus fares frozen for 2027",
        )
    )
    assert "English Corner 뉴스 더보기" in removed(doc)
    assert "City expands heating aid" not in body(doc)


# --- a newspaper's corrections page -----------------------------------------------------------------------


def _notice(series: str, *tail: str) -> list[str]:
    return [
        "가람일보",
        f"[{series}] 정정보도문",
        "입력 2027.01.09 00:05",
        "",
        "본지는 지난 1월 3일자 A6면 「가람시, 청사 이전 확정」 제목의 기사에서"
        " 청사 이전이 확정됐다고 보도했습니다.",
        "그러나 가람시의회는 아직 이전안을 의결하지 않았으므로 이를 바로잡습니다.",
        "",
        "가람일보 독자권익위원회",
        *tail,
    ]


def test_a_papers_notice_tagged_alripnida_is_signed_by_its_committee() -> None:
    _, doc = norm(*_notice("알립니다"))
    last = doc.blocks[-1]
    assert last.text == "가람일보 독자권익위원회"
    assert getattr(last, "role", None) == "signature"


def test_an_untagged_texts_last_short_line_is_no_signature() -> None:
    _, doc = norm(*_notice("단독"))
    assert getattr(doc.blocks[-1], "role", None) != "signature"


def test_a_sections_more_link_and_its_headlines_go_but_a_review_boxs_stays_chrome() -> None:
    _, doc = norm(
        *_notice(
            "알립니다",
            "",
            "ⓒ 가람일보 무단전재 및 재배포 금지",
            "독자권익 더보기",
            "[바로잡습니다] 12월 30일자 A2면 기사 外",
            "[옴부즈맨 칼럼] 제목은 기사의 얼굴이다",
        )
    )
    gone = removed(doc)
    assert gone.get("독자권익 더보기") == "boilerplate.related"
    assert gone.get("[옴부즈맨 칼럼] 제목은 기사의 얼굴이다") == "boilerplate.related"
    _, shop = norm(
        "가람 무선 청소기 X9",
        "판매가 189,000원",
        "",
        "흡입력이 강하고 무게가 1.2kg으로 가볍습니다. 먼지통은 버튼 하나로 비울 수 있습니다.",
        "",
        "리뷰 더보기",
    )
    assert removed(shop).get("리뷰 더보기") == "boilerplate.chrome"
