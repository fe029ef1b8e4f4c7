"""Failure kinds from held-out round 45 (a sports portal's text relay copied from the page; a school
homepage's lunch menu of day heads each over dish lines), each on a small made-up input shaped like
the real ones."""

from __future__ import annotations

from bookmaker.ir import Document, Heading, Paragraph
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
