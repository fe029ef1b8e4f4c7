"""More kinds from held-out round 22 read by kind (a company release's ■/○ outline, its footer's
company over an English copyright, …), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, ListBlock, Paragraph, Strong
from tests.normalize.test_real_shapes import norm, read_page, removed

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


# --- a help centre's manual page: its modified time, its site name, a tip box, the view count -----

STEPS = (
    "<p>필터는 사용 환경에 따라 3개월마다 교체하는 것이 좋습니다. "
    "필터가 막히면 흡입력이 약해지니 새 필터로 바꿔 주세요.</p>"
)


def _manual(tmp_path: Path, box: str, meta: str = "최종 수정일 2026.10.14", head: str = "") -> Document:
    return read_page(
        tmp_path,
        f"<article><h1>먼지통 필터 교체하기</h1>\n<div class='meta'><span>{meta}</span></div>\n"
        f"{STEPS}\n{box}\n</article>",
        head,
    )[1]


def test_modified_time_gives_the_shown_day_its_time(tmp_path: Path) -> None:
    head = '<meta property="article:modified_time" content="2026-10-14T09:20:00+09:00">'
    doc = _manual(tmp_path, "", head=head)
    assert doc.meta.date == "2026-10-14T09:20:00+09:00"


def test_modified_time_of_another_day_is_not_the_shown_days(tmp_path: Path) -> None:
    head = '<meta property="article:modified_time" content="2026-11-02T09:20:00+09:00">'
    doc = _manual(tmp_path, "", head=head)
    assert doc.meta.date == "2026-10-14"


def test_help_centre_site_name_names_the_company(tmp_path: Path) -> None:
    for site, company in (
        ("누리전자 고객지원", "누리전자"),
        ("Nuri Support", "Nuri"),
        ("고객센터", "고객센터"),
    ):
        doc = _manual(tmp_path, "", head=f'<meta property="og:site_name" content="{site}">')
        assert doc.meta.publisher == company


def test_tip_box_label_opens_its_paragraph(tmp_path: Path) -> None:
    doc = _manual(
        tmp_path,
        "<div class='box'><strong>참고</strong><p>필터는 물로 씻어 말리면 다시 쓸 수 있습니다.</p></div>",
    )
    last = doc.blocks[-1]
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert isinstance(last, Paragraph) and last.text.startswith("참고 필터는")
    assert isinstance(last.content[0], Strong)


def test_box_title_over_more_than_a_paragraph_stays_a_heading(tmp_path: Path) -> None:
    box = (
        "<div class='box'><strong>세척 방법</strong><p>필터를 꺼내 흐르는 물에 헹굽니다.</p>"
        "<p>그늘에서 하루 동안 말립니다.</p></div>"
    )
    doc = _manual(tmp_path, box)
    assert any(isinstance(b, Heading) and b.text == "세척 방법" for b in doc.blocks)


def test_view_count_beside_a_kept_field_is_recorded(tmp_path: Path) -> None:
    doc = _manual(
        tmp_path,
        "",
        meta="적용 모델: RC-7, RC-7 Plus</span> <span>최종 수정일 2026.10.14</span> <span>조회 18,422",
    )
    assert doc.meta.subtitles == ["적용 모델: RC-7, RC-7 Plus"]
    assert removed(doc)["조회 18,422"] == "dates.views"


# --- a thesis as PDF text: its cover, its parts, a chapter after a page break --------------------

BODY = (
    "이 연구는 지역 도서관을 이용하는 노인이 정보를 찾는 과정에서 겪는 어려움을 밝히는 데 목적이 있다. "
    "설문조사와 면담을 함께 사용하였다."
)


def _thesis(*body: str) -> Document:
    return norm(
        "박사학위논문",
        "",
        "지역 도서관 노인 이용자의",
        "정보 이용에 관한 연구",
        "- 충청남도 솔내군을 중심으로 -",
        "",
        "A Study on the Information Use of Older Adults in Local Libraries",
        "",
        "2026년 8월",
        "",
        "솔내대학교 대학원",
        "문헌정보학과",
        "김 도 윤",
        "",
        *body,
    )[1]


def test_thesis_cover_is_read_by_kind() -> None:
    doc = _thesis(BODY)
    meta = doc.meta
    assert meta.title == "지역 도서관 노인 이용자의 정보 이용에 관한 연구"
    assert meta.series == ["박사학위논문"]
    assert meta.subtitles == [
        "충청남도 솔내군을 중심으로",
        "A Study on the Information Use of Older Adults in Local Libraries",
    ]
    assert meta.date == "2026-08"
    assert meta.publisher == "솔내대학교 대학원"
    assert [a.name for a in meta.authors] == ["김도윤"]
    assert [b.text for b in doc.blocks] == [BODY]


def test_no_thesis_cover_without_its_kind_line() -> None:
    _, doc = norm("지역 도서관 노인 이용자의 정보 이용", "", "솔내대학교 대학원", "김 도 윤", "", BODY)
    assert doc.meta.series == [] and doc.meta.date is None


def test_paginated_paper_parts_fields_and_chapter_after_a_page_break() -> None:
    doc = _thesis(
        "국문초록",
        "",
        BODY,
        "",
        "주제어: 노인, 지역 도서관, 정보 이용",
        "학 번: 2024-30112",
        "",
        "                - i -",
        "제1장 서론",
        "",
        "1.1 연구의 목적",
        "",
        "노인 이용자는 도서관 목록보다 가족에게 먼저 묻는 경우가 많았으며, 사서에게 묻는 일은 적었다.",
        "",
        "                - 1 -",
        "면담 참여자들은 물어보기가 어색하다는 이유를 가장 많이 들었다.",
    )
    kinds = [(type(b).__name__, b.text[:10]) for b in doc.blocks]
    assert kinds[:6] == [
        ("Heading", "국문초록"),
        ("Paragraph", BODY[:10]),
        ("Paragraph", "주제어: 노인, 지"),
        ("Paragraph", "학 번: 2024-"),
        ("Heading", "제1장 서론"),
        ("Heading", "1.1 연구의 목적"),
    ]


def test_part_name_in_an_unpaginated_text_is_no_heading_by_its_name() -> None:
    _, doc = norm("도서관 이용 조사 결과 발표", "", BODY, "", "요약", "", BODY)
    assert not any(isinstance(b, Heading) for b in doc.blocks)
