"""The date line under a title, in the forms Korean pages print it: each gives the publication date
and none is read as a subtitle or removed as a menu."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm


def _story(date_line: str) -> list[str]:
    return [
        "청년 창업 지원금 두 배로 늘린다",
        date_line,
        "최유나 기자",
        "",
        "서울시는 내년부터 청년 창업 지원금을 두 배로 늘린다고 7일 밝혔다.",
        "",
        "시는 이를 위해 예산 200억원을 편성했다. 시 관계자는 자금난을 덜겠다고 말했다.",
    ]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("입력 2026.12.07 10:00 | 수정 2026.12.07 11:20", "2026-12-07T10:00:00+09:00"),
        ("수정 2026-12-07 11:20 등록 2026-12-07 10:00", "2026-12-07T10:00:00+09:00"),
        ("2026/12/07 10:00", "2026-12-07T10:00:00+09:00"),
        ("입력 2026/12/07 10:00", "2026-12-07T10:00:00+09:00"),
        ("2026-12-07T10:00:00+09:00", "2026-12-07T10:00:00+09:00"),
        ("게재 일자 : 2026년 12월 7일(월)", "2026-12-07"),
        ("2026. 12. 7. 10:00", "2026-12-07T10:00:00+09:00"),
    ],
)
def test_a_date_line_gives_the_date(line: str, date: str) -> None:
    _, doc = norm(*_story(line))
    assert doc.meta.date == date
    assert doc.meta.subtitles == []
    assert [a.name for a in doc.meta.authors] == ["최유나"]
    assert not [r for r in doc.removed if r.text.strip() == line.strip()]
    assert "2026" not in body(doc)


def test_a_menu_with_slashes_is_still_a_menu() -> None:
    _, doc = norm(*_story("2026.12.07 10:00"), "", "홈 / 정치 / 경제 / 사회")
    assert "홈 / 정치" not in body(doc)


@pytest.mark.parametrize(
    ("lang", "date"), [("", "2026-12-07T10:00:00+09:00"), (" lang='en'", "2026-12-07T01:00:00+00:00")]
)
def test_a_korean_pages_utc_metadata_time_is_shown_in_korean_time(
    tmp_path: Path, lang: str, date: str
) -> None:
    """A page that declares no language but is written in Korean gives its metadata time in Korean time,
    as a page declared Korean does; an English page keeps the time as given."""
    text = (
        "<p>서울시는 내년부터 청년 창업 지원금을 두 배로 늘린다고 7일 밝혔다.</p>"
        if not lang
        else "<p>Seoul will double its grants for young founders next year, the city said on Monday.</p>"
    )
    html = (
        f"<html{lang}><head><meta charset='utf-8'><title>t</title>"
        "<meta property='article:published_time' content='2026-12-07T01:00:00Z'></head>"
        f"<body><article><h1>청년 창업 지원금</h1>{text}{text}</article></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    assert normalize(raw).meta.date == date
