"""A byline under the title names the reporter after an outlet the rules do not list, whatever kind of
outlet its last word says it is (a sports paper, a wire, a magazine)."""

from __future__ import annotations

import pytest

from tests.normalize.test_real_shapes import body, norm


@pytest.mark.parametrize(
    "outlet",
    [
        "가람스포츠",
        "누리투데이",
        "한결통신",
        "월간가람",
        "일간누리",
        "가람매거진",
        "누리포스트",
        "가람헤럴드",
    ],
)
def test_an_unlisted_outlets_byline_under_the_title_is_the_byline(outlet: str) -> None:
    _, doc = norm(
        "KIA, 한국시리즈 3차전 잡고 우승 1승 남겨…김도윤 결승타",
        "2026.10.28 22:41",
        f"{outlet} 이준서 기자",
        "",
        "KIA 타이거즈가 한국시리즈 3차전에서 LG 트윈스를 꺾고 우승까지 1승만 남겼다.",
        "",
        "KIA는 28일 서울 잠실야구장에서 열린 2026 한국시리즈 3차전에서 LG를 4-2로 이겼다.",
    )
    assert [(a.name, a.role) for a in doc.meta.authors] == [("이준서", "기자")]
    assert doc.meta.subtitles == []
    assert outlet not in body(doc)
