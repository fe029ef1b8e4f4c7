"""A wire story signed by two reporters in its dateline and one e-mail at its end: the e-mail is
the reporter whose given name it spells (before: a third author with no name)."""

from __future__ import annotations

import pytest

from tests.normalize.test_real_shapes import norm

STORY = [
    "부산시가 내년부터 시내버스 심야 노선 6개를 새로 운행한다.",
    "시는 심야 이동 수요가 많은 서면과 해운대를 잇는 노선부터 운행할 계획이다.",
]


@pytest.mark.parametrize(
    ("mail", "owner"),
    [("haram@yna.co.kr", "정하람"), ("seojun.park@yna.co.kr", "박서준"), ("psj@yna.co.kr", "박서준")],
)
def test_lone_mail_goes_to_the_reporter_it_spells(mail: str, owner: str) -> None:
    _, doc = norm(f"(부산=연합뉴스) 박서준 정하람 기자 = {STORY[0]}", STORY[1], mail)
    assert [(a.name, a.email) for a in doc.meta.authors] == [
        ("박서준", mail if owner == "박서준" else None),
        ("정하람", mail if owner == "정하람" else None),
    ]


def test_a_mail_spelling_no_reporter_stays_apart() -> None:
    _, doc = norm(f"(부산=연합뉴스) 박서준 정하람 기자 = {STORY[0]}", STORY[1], "busan@yna.co.kr")
    assert [a.email for a in doc.meta.authors if a.name] == [None, None]
