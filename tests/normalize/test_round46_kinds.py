"""Failure kinds from held-out round 46 (an agency's forecast bulletin copied from its page; a
used-goods market's post; a securities firm's company report as PDF text), each on a small made-up
input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, ListBlock, Table
from tests.normalize.test_real_shapes import body, norm, read_text_file, removed

# --- an agency's bulletin ----------------------------------------------------------------------------


def _bulletin(*lines: str) -> list[str]:
    return [
        "국립기상과학원 예보마당",
        "로그인 | 회원가입",
        "홈 > 예보 > 기상정보",
        "기상정보",
        "발표시각: 2027년 1월 12일(화) 17:00 | 예보관: 윤서진",
        "",
        *lines,
        "",
        "Copyright ⓒ 국립기상과학원 All rights reserved.",
    ]


_OUTLOOK = (
    "□ (종합) 내일(13일)은 찬 대륙고기압의 영향으로 전국이 대체로 맑겠습니다.",
    "",
    "○ (기온) 아침 기온은 평년보다 3~5도 낮아 매우 춥겠습니다.",
)


def test_a_bulletins_short_name_over_its_issue_line_is_the_title() -> None:
    _, doc = norm(*_bulletin(*_OUTLOOK))
    assert doc.meta.title == "기상정보"
    assert doc.meta.subtitles == []
    assert doc.meta.date == "2027-01-12T17:00:00+09:00"


def test_the_forecaster_beside_the_issue_time_is_the_author_with_the_duty_as_role() -> None:
    _, doc = norm(*_bulletin(*_OUTLOOK))
    assert [(a.name, a.role) for a in doc.meta.authors] == [("윤서진", "예보관")]
    assert "예보관" not in body(doc)


def test_an_event_presentation_time_is_no_issue_time() -> None:
    _, doc = norm(
        "졸업작품 발표회 참가 신청 안내",
        "작성일: 2026.12.01",
        "",
        "졸업작품 발표회를 아래와 같이 진행하오니 기한 안에 신청하시기 바랍니다.",
        "발표 일시: 2027. 3. 26.(금) 13:00, 공학관 대강당",
    )
    assert doc.meta.date == "2026-12-01"


def test_starred_detail_lines_are_each_a_list_item_though_they_name_a_period() -> None:
    _, doc = norm(
        *_bulletin(
            "○ (강수) 13일(수) 새벽까지 서해안에 비 또는 눈이 오겠습니다.",
            " * 예상 적설(12일 밤~13일 새벽): 충남서해안 1~3cm",
            " * 예상 강수량(12일 밤~13일 새벽): 전라서해안 5mm 미만",
        )
    )
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [2]
    assert "예상 적설(12일 밤~13일 새벽): 충남서해안 1~3cm" in body(doc)


def test_a_feedback_box_with_its_choices_on_the_line_is_removed() -> None:
    _, doc = norm(*_bulletin(*_OUTLOOK, "", "이 정보가 도움이 되었나요? 예 | 아니오"))
    assert "도움이 되었나요" not in body(doc)
    assert "이 정보가 도움이 되었나요? 예 | 아니오" in removed(doc)


# --- a used-goods market's post ----------------------------------------------------------------------


def _market_post(*description: str, ago: str = "가구/인테리어 ∙ 2시간 전") -> list[str]:
    return [
        "번개마켓",
        "중고거래 | 동네가게 | 알바",
        "프로필 이미지",
        "책읽는고양이",
        "새빛동",
        "매너온도 41.2°C",
        "",
        "이케아 원목 책상 120cm (직접 가져가셔야 해요)",
        ago,
        "35,000원",
        "",
        *description,
        "",
        "관심 4 ∙ 채팅 2 ∙ 조회 96",
        "책읽는고양이님의 판매 상품",
        "접이식 의자",
        "10,000원",
        "채팅하기",
    ]


_DESCRIPTION = ("이사 가게 되어 내놓습니다.", "상판에 작은 흠집 하나 있어요", "엘리베이터 있는 건물입니다.")


def test_a_market_posts_item_name_is_the_title_and_the_seller_the_author() -> None:
    _, doc = norm(*_market_post(*_DESCRIPTION))
    assert doc.meta.title == "이케아 원목 책상 120cm (직접 가져가셔야 해요)"
    assert [a.name for a in doc.meta.authors] == ["책읽는고양이"]
    assert doc.meta.publisher == "번개마켓"


def test_a_market_posts_price_and_description_lines_are_kept_each_its_own() -> None:
    _, doc = norm(*_market_post(*_DESCRIPTION))
    assert [b.text for b in doc.blocks] == ["35,000원", *_DESCRIPTION]


def test_a_market_posts_box_category_counters_and_other_items_go() -> None:
    _, doc = norm(*_market_post(*_DESCRIPTION, ago="가구/인테리어 ∙ 끌올 5일 전"))
    gone = removed(doc)
    assert gone["매너온도 41.2°C"] == "market.chrome"
    assert gone["새빛동"] == "market.chrome"
    assert gone["가구/인테리어 ∙ 끌올 5일 전"] == "market.meta"
    assert gone["관심 4 ∙ 채팅 2 ∙ 조회 96"] == "market.footer"
    assert gone["접이식 의자"] == "market.footer"


def test_a_price_under_a_time_line_without_counters_is_no_market_post() -> None:
    lines = [x for x in _market_post(*_DESCRIPTION) if not x.startswith("관심")]
    _, doc = norm(*lines)
    assert not any(rule and rule.startswith("market.") for rule in removed(doc).values())


def test_an_article_quoting_a_market_post_is_no_market_post() -> None:
    """A fraud story that quotes the post its victim saw: the story's paragraphs around the quoted
    lines are its text, and its title and byline stay its own."""
    _, doc = norm(
        "“중고거래 사기 주의보”…아이폰 사려다 300만원 날려",
        "가람일보 박서준 기자",
        "",
        "중고거래 플랫폼에서 휴대전화를 사려다 돈만 보내고 물건을 받지 못하는 피해가 잇따르고 있다.",
        "피해자 A씨가 본 게시글은 이랬다.",
        "아이폰 17 프로 256기가 미개봉",
        "디지털기기 ∙ 끌올 3일 전",
        "1,450,000원",
        "관심 12 ∙ 채팅 5 ∙ 조회 387",
        "",
        "A씨는 판매자의 요구대로 안전결제가 아닌 계좌이체로 돈을 보냈지만, 판매자는 연락을 끊었다.",
    )
    assert doc.meta.title == "“중고거래 사기 주의보”…아이폰 사려다 300만원 날려"
    assert [a.name for a in doc.meta.authors] == ["박서준"]
    assert not any(rule and rule.startswith("market.") for rule in removed(doc).values())
    assert "판매자는 연락을 끊었다" in body(doc) and "1,450,000원" in body(doc)


# --- a securities firm's company report ---------------------------------------------------------------


def _earnings_table(header: str) -> list[str]:
    return [
        "실적 전망은 아래와 같이 정리된다.",
        header,
        "매출액\t1,200\t1,350\t1,520",
        "영업이익\t110\t140\t175",
        "순이익\t80\t101\t128",
    ]


def test_a_financial_tables_row_of_years_is_its_header(tmp_path: Path) -> None:
    _, doc = read_text_file(
        tmp_path, "가람화학 실적 전망", "", *_earnings_table("(억원)\t2025\t2026E\t2027F")
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(len(t.head), len(t.body)) for t in tables] == [(1, 3)]


def test_a_first_row_of_figures_is_no_header(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, "가람화학 실적 전망", "", *_earnings_table("자산\t900\t950\t1,010"))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(len(t.head), len(t.body)) for t in tables] == [(0, 4)]


def _report(*tail: str) -> list[str]:
    return [
        "기업분석 | 2027. 1. 15",
        "",
        "가람바이오 (234560)",
        "신약 기술수출로 체질 개선",
        "",
        "투자의견 매수 (유지)",
        "목표주가 48,000원 (상향)",
        "현재주가(1/14) 36,100원",
        "",
        "제약/바이오 Analyst 이하은",
        "02-2003-5678 / helee@garamsec.co.kr",
        "",
        "기술수출 계약금 유입으로 1분기 흑자 전환이 예상된다. 임상 3상 결과는 하반기에 나올 전망이다.",
        "",
        *tail,
    ]


def test_a_reports_headline_is_the_title_its_ticker_the_series_its_cover_the_date() -> None:
    _, doc = norm(*_report())
    assert doc.meta.title == "신약 기술수출로 체질 개선"
    assert doc.meta.series == ["가람바이오 (234560)"]
    assert doc.meta.subtitles == []
    assert doc.meta.date == "2027-01-15"


def test_a_reports_analyst_is_the_author_with_the_mail_below() -> None:
    _, doc = norm(*_report())
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [
        ("이하은", "Analyst", "helee@garamsec.co.kr")
    ]
    assert "02-2003-5678" not in body(doc)


def test_a_reports_rating_box_is_a_list() -> None:
    _, doc = norm(*_report())
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3]
    assert "목표주가 48,000원 (상향)" in body(doc)


def test_a_reports_data_box_is_a_heading_over_a_list() -> None:
    _, doc = norm(
        *_report("Stock Data", "시가총액 1조 2,400억원", "발행주식수 34,000천주", "외국인 지분율 12.5%")
    )
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3, 3]
    assert "Stock Data" in [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_a_reports_page_footer_and_compliance_notice_go() -> None:
    _, doc = norm(
        *_report(
            "가람증권 리서치센터 1",
            "",
            "Compliance Notice",
            "- 당사는 본 자료 발간일 현재 해당 회사의 주식을 1% 이상 보유하고 있지 않습니다.",
            "투자등급 비율 (2026.12.31 기준): 매수 90.1% / 중립 9.9%",
        )
    )
    gone = removed(doc)
    assert gone["가람증권 리서치센터 1"] == "report.page_footer"
    assert gone["Compliance Notice"] == "report.compliance"
    assert "투자등급 비율" not in body(doc)
    assert doc.meta.publisher == "가람증권"


def test_a_target_price_without_a_rating_is_no_report() -> None:
    _, doc = norm(
        "증권가, 가람바이오 목표주가 줄상향",
        "",
        "목표주가 48,000원으로 올린 곳이 세 곳이다.",
        "현재주가 대비 30% 높은 수준이다.",
        "가람증권 리서치센터 1",
    )
    assert not any(rule and rule.startswith("report.") for rule in removed(doc).values())
