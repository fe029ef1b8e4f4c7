"""A saved feed: the channel's title names the site, and a feed of several items says which one the book
holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read


def _feed(channel: str, items: int) -> str:
    entries = "".join(
        f"<item>\n<title>기사 {n}번 제목입니다</title>\n"
        f"<description><![CDATA[<p>가람시가 {n}번째 사업을 시작한다고 7일 밝혔다.</p>]]></description>\n"
        "</item>\n"
        for n in range(1, items + 1)
    )
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n<title>{channel}</title>\n'
    )
    return f"{head}{entries}</channel>\n</rss>\n"


def _read(tmp_path: Path, text: str) -> RawDocument:
    path = tmp_path / "feed.xml"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw


@pytest.mark.parametrize(
    "channel",
    ["가람일보", "가람일보 - 전체기사", "가람일보 전체기사", "가람일보 경제 RSS", "가람일보 : 최신기사"],
)
def test_the_channels_title_without_its_section_names_the_publisher(tmp_path: Path, channel: str) -> None:
    doc = normalize(_read(tmp_path, _feed(channel, 1)))
    assert doc.meta.publisher == "가람일보"


def test_a_feed_of_several_items_warns_that_the_book_is_the_first(tmp_path: Path) -> None:
    raw = _read(tmp_path, _feed("가람일보", 3))
    assert raw.warnings == [
        "the feed holds 3 items; the book is its first (기사 1번 제목입니다); "
        "the others are recorded as removed (feed.other-item)"
    ]
    doc = normalize(raw)
    assert doc.meta.title == "기사 1번 제목입니다"
    assert sum(r.rule == "feed.other-item" for r in doc.removed) == 2 * 4


def test_a_feed_of_one_item_has_no_warning(tmp_path: Path) -> None:
    assert _read(tmp_path, _feed("가람일보", 1)).warnings == []
