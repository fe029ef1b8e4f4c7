"""More kinds from held-out round 22 read by kind (a company release's ■/○ outline, its footer's
company over an English copyright, …), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Heading, ListBlock, Paragraph
from tests.normalize.test_real_shapes import norm

LEAD = (
    "누리테크는 3일 연결 기준 2026년 3분기 매출 4,210억 원, 영업이익 380억 원을 기록했다고 밝혔다. "
    "매출은 전년 동기보다 8.1% 늘었다."
)

# --- a company release's outline: ○ points under a ■ heading ------------------------------------


def test_points_under_a_square_heading_are_a_list() -> None:
    _, doc = norm(
        "누리테크, 2026년 3분기 실적 발표",
        "",
        LEAD,
        "",
        "■ 부문별 실적",
        "○ 반도체 장비: 매출 2,100억 원. 신규 고객사 납품으로 전 분기보다 6.0% 늘었다.",
        "○ 디스플레이 장비: 매출 1,300억 원. 중국 고객사의 투자 지연으로 줄었다.",
        "",
        "■ 전망",
        "회사는 내년 매출 목표를 1조 8,000억 원으로 제시했다.",
    )
    heading, points = doc.blocks[1:3]
    assert isinstance(heading, Heading) and heading.text == "부문별 실적"
    assert isinstance(points, ListBlock) and len(points.items) == 2
    assert points.items[0].blocks[0].text.startswith("반도체 장비:")  # the ○ is the bullet


def test_points_under_a_hollow_square_stay_paragraphs() -> None:
    """Under □, the top level of a government outline, a ○ line is a paragraph of its own."""
    _, doc = norm(
        "보건복지부, 돌봄로봇 1만 대 보급",
        "",
        "□ 보건복지부는 홀로 사는 노인 1만 명에게 돌봄로봇을 보급한다고 밝혔다.",
        " ○ 이번 사업은 고독사 위험이 높은 노인의 일상을 살피기 위해 마련되었다.",
        " ○ 로봇이 수집한 정보는 생활지원사가 확인한다.",
    )
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert all(isinstance(b, Paragraph) for b in doc.blocks)


def test_one_point_under_a_square_heading_is_no_list() -> None:
    _, doc = norm(
        "누리테크, 2026년 3분기 실적 발표",
        "",
        LEAD,
        "",
        "■ 부문별 실적",
        "○ 반도체 장비: 매출 2,100억 원. 신규 고객사 납품으로 전 분기보다 6.0% 늘었다.",
        "",
        "회사는 내년 매출 목표를 1조 8,000억 원으로 제시했다.",
    )
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)


# --- the publisher: a footer's Korean company over an English copyright cut at its first word ----


def test_footer_company_over_a_capitals_copyright_holder() -> None:
    _, doc = norm(
        "누리테크, 2026년 3분기 실적 발표",
        "",
        LEAD,
        "",
        "누리테크주식회사 | 경기도 성남시 분당구 판교로 255 | 대표전화 031-700-1234",
        "Copyright © NURI TECHNOLOGY CO., LTD. All rights reserved.",
    )
    assert doc.meta.publisher == "누리테크"


def test_one_word_capitals_copyright_holder_still_counts() -> None:
    _, doc = norm(
        "누리테크, 2026년 3분기 실적 발표",
        "",
        LEAD,
        "",
        "Copyright © NURITECH. All rights reserved.",
    )
    assert doc.meta.publisher == "NURITECH"
