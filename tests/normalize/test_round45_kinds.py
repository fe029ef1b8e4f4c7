"""Failure kinds from held-out round 45 (a sports portal's text relay copied from the page; a school
homepage's lunch menu of day heads each over dish lines), each on a small made-up input shaped like
the real ones."""

from __future__ import annotations

from bookmaker.ir import Document, Heading, ListBlock, Paragraph
from tests.normalize.test_real_shapes import body, norm, removed


def _headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# --- a text relay ----------------------------------------------------------------------------------


def _relay(*innings: tuple[str, ...]) -> list[str]:
    lines = ["다음 스포츠", "야구 축구 농구 배구", "2026 KBO리그", "두산 베어스 3 : 1 삼성 라이온즈"]
    lines += ["2026.05.02 (토) 17:00", "문자중계", "전체 | 득점"]
    for inning in innings:
        lines += list(inning)
    return [*lines, "많이 본 뉴스", "'곽빈 7이닝 무실점' 두산 3연승", "ⓒ Kakao Corp."]


def test_a_text_relay_keeps_innings_as_heads_and_every_play_line() -> None:
    _, doc = norm(
        *_relay(
            ("9회초 삼성 공격", "경기종료", "4번타자 강민호 : 삼진 아웃", "1구 볼 / 2구 스트라이크"),
            (
                "8회말 두산 공격",
                "3번타자 양의지 : 좌월 솔로 홈런",
                "두산 3 : 1 삼성",
                "2번타자 정수빈 : 볼넷",
            ),
        )
    )
    assert doc.meta.title == "2026 KBO리그"
    assert doc.meta.subtitles == ["두산 베어스 3 : 1 삼성 라이온즈"]
    assert doc.meta.date is not None and doc.meta.date.startswith("2026-05-02T17:00")
    assert _headings(doc) == ["9회초 삼성 공격", "8회말 두산 공격"]
    assert "1구 볼 / 2구 스트라이크" in _paragraphs(doc)
    assert "두산 3 : 1 삼성" in _paragraphs(doc)
    assert doc.meta.publisher is None  # a portal is not the relay's publisher
    gone = removed(doc)
    assert "전체 | 득점" in gone and "많이 본 뉴스" in gone and "'곽빈 7이닝 무실점' 두산 3연승" in gone
    assert "곽빈" not in body(doc)


def test_one_inning_head_is_no_relay() -> None:
    _, doc = norm(
        "프로야구 두산, 삼성 꺾고 3연승",
        "두산 베어스가 2일 잠실에서 삼성 라이온즈를 3-1로 이겼다. 8회말 공격에서 양의지가 홈런을 쳤다.",
        "8회말 두산 공격",
        "3번타자 양의지 : 좌월 솔로 홈런",
        "2번타자 정수빈 : 볼넷",
        "1번타자 조수행 : 삼진 아웃",
    )
    assert doc.meta.title == "프로야구 두산, 삼성 꺾고 3연승"
    assert not any("relay" in (r.rule or "") for r in doc.removed)


def test_innings_with_too_few_plays_are_no_relay() -> None:
    _, doc = norm(
        "이닝별 정리",
        "LG 2 : 4 KIA",
        "9회말 LG 공격",
        "오스틴이 땅볼로 물러나며 경기가 끝났다.",
        "9회초 KIA 공격",
        "최형우가 쐐기 솔로 홈런을 쳤다.",
    )
    assert not any("relay" in (r.rule or "") for r in doc.removed)


# --- a menu of days ---------------------------------------------------------------------------------


def test_day_heads_over_short_lines_are_heads_over_lists() -> None:
    _, doc = norm(
        "3월 첫째 주 유치원 식단",
        "작성자 영양사 | 등록일 2026-02-27",
        "이번 주 식단을 안내합니다. 식재료 사정에 따라 바뀔 수 있습니다.",
        "3/2(월)",
        "현미밥",
        "된장국 5.6",
        "불고기 5.6.16",
        "3/3(화)",
        "볶음밥 1.5.6",
        "어묵국 1.5.6",
        "깍두기 9.13",
        "요구르트 2",
    )
    assert _headings(doc) == ["3/2(월)", "3/3(화)"]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3, 4]
    assert "불고기 5.6.16" in body(doc)


def test_dishes_served_again_another_day_stay() -> None:
    _, doc = norm(
        "12월 식단표",
        "작성자 영양교사 | 등록일 2026-12-04",
        "12월 식단을 안내합니다. 식재료 사정에 따라 바뀔 수 있습니다.",
        "12월 7일(월)",
        "기장밥",
        "미역국 5.6",
        "배추김치 9.13",
        "우유 2",
        "12월 8일(화)",
        "흑미밥",
        "된장국 5.6",
        "배추김치 9.13",
        "우유 2",
    )
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [4, 4]
    assert not any((r.rule or "").startswith("dedupe") for r in doc.removed)


def test_a_single_day_head_or_a_day_over_prose_stays_as_it_is() -> None:
    _, doc = norm(
        "주간 일정 안내",
        "이번 주 행사를 알려 드립니다. 참석 여부를 회신해 주시기 바랍니다.",
        "12월 7일(월)",
        "오전 10시에 강당에서 개회식을 엽니다. 학부모도 참석할 수 있습니다.",
        "12월 8일(화)",
        "체육대회",
    )
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)


# --- a board post, its footer and its signature ---------------------------------------------------


def test_a_board_posts_title_is_the_line_over_its_writer_and_date() -> None:
    _, doc = norm(
        "한빛중학교",
        "학교소개 학교생활 학부모마당 급식실",
        "가정통신문",
        "겨울방학 방과후학교 수강 신청 안내",
        "작성자 교무부 | 등록일 2026-12-03 | 조회 77",
        "학부모님께 겨울방학 방과후학교 수강 신청 방법을 안내해 드립니다. 신청은 12월 10일까지입니다.",
        "강좌는 모두 12개이며, 자세한 내용은 첨부한 안내문을 참고해 주십시오.",
    )
    assert doc.meta.title == "겨울방학 방과후학교 수강 신청 안내"
    assert doc.meta.date == "2026-12-03"


def test_an_address_and_phones_footer_is_removed() -> None:
    _, doc = norm(
        "도서관 휴관 안내",
        "시설 점검으로 12월 14일 하루 휴관합니다. 이용에 참고하시기 바랍니다.",
        "경기도 수원시 팔달구 한빛로 12 (우)16200 | 교무실 031-000-1234 | 행정실 031-000-1235",
    )
    assert removed(doc)[
        "경기도 수원시 팔달구 한빛로 12 (우)16200 | 교무실 031-000-1234 | 행정실 031-000-1235"
    ] == ("boilerplate.board")


def test_an_address_in_a_sentence_is_text() -> None:
    _, doc = norm(
        "도서관 이전 안내",
        "새 도서관은 경기도 수원시 팔달구 한빛로 12에 있으며 문의는 031-000-1234로 하면 된다.",
    )
    assert "한빛로 12에 있으며" in body(doc)


def test_a_school_notice_signed_by_its_staff_member_is_signed() -> None:
    _, doc = norm(
        "12월 보건 소식",
        "겨울철 독감 예방을 위해 손 씻기와 마스크 착용을 지도해 주시기 바랍니다.",
        "발열 증상이 있으면 등교 전에 담임 선생님께 알려 주십시오.",
        "한빛초등학교 보건교사",
    )
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "signature"
