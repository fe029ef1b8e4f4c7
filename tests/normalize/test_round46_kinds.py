"""Failure kinds from held-out round 46 (an agency's forecast bulletin copied from its page; a
used-goods market's post; a securities firm's company report as PDF text), each on a small made-up
input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import ListBlock
from tests.normalize.test_real_shapes import body, norm, removed

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
