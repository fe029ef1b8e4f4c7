"""A page's ``<time datetime="…Z">`` showing only the day (``12월 6일``): the date is the Korean
time of that day, and the short date is the date line, no deck (before: the UTC time of the day
before, and "12월 6일" the article's subtitle)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import read_written

TEXT = [
    "가람군이 마을버스 12개 노선의 막차 시간을 밤 11시로 늦춘다고 6일 밝혔다.",
    "군은 야간 운행에 드는 비용 4억원을 내년 예산에 반영했다.",
]


def _page(time: str, body_class: str = "content") -> str:
    return (
        "<html lang='ko'><head><meta charset='utf-8'>"
        "<title>마을버스 막차 늦춘다 - 가람군민신문</title></head>"
        f"<body><main><h1>마을버스 막차 늦춘다</h1><div class='meta'>{time}</div>"
        f"<div class='{body_class}'>" + "".join(f"<p>{t}</p>" for t in TEXT) + "</div></main></body></html>"
    )


def test_short_day_inside_the_article(tmp_path: Path) -> None:
    _, doc = read_written(tmp_path / "a.html", _page("<time datetime='2026-12-05T23:30:00Z'>12월 6일</time>"))
    assert doc.meta.date == "2026-12-06T08:30:00+09:00"
    assert doc.meta.subtitles == []
    assert [b.text for b in doc.blocks] == TEXT


def test_short_day_outside_the_body_container(tmp_path: Path) -> None:
    html = _page("<time datetime='2026-12-05T23:30:00Z'>12월 6일</time>", body_class="article_body")
    _, doc = read_written(tmp_path / "b.html", html)
    assert doc.meta.date == "2026-12-06T08:30:00+09:00"
    assert doc.meta.subtitles == []


def test_a_day_that_is_not_the_articles_stays(tmp_path: Path) -> None:
    """In a text dated the 6th, '12월 9일' under the headline is no short form of its date."""
    text = "\n".join(["마을버스 막차 늦춘다", "입력 2026.12.06 08:30", "12월 9일", "", *TEXT])
    _, doc = read_written(tmp_path / "c.txt", text)
    assert "12월 9일" in [*doc.meta.subtitles, *(b.text for b in doc.blocks)]
    text = text.replace("12월 9일", "12월 6일")
    _, doc = read_written(tmp_path / "d.txt", text)
    assert "12월 6일" not in [*doc.meta.subtitles, *(b.text for b in doc.blocks)]
