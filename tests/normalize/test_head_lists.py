"""Lists a web clipper kept from a page's head (Markdown): the site's menu of links goes; the
byline box set as a list is read line by line (writer, date). Before, both stayed lists above the
story, and the date's time was lost."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, ListBlock
from tests.helpers import read_written

STORY = [
    "가람시가 내년부터 공공자전거 대여료를 1시간 1천원에서 500원으로 내린다고 3일 밝혔다.",
    "시는 대여소 40곳을 새로 열고 전기자전거 300대도 들여온다.",
]


def _doc(tmp_path: Path, text: str) -> Document:
    return read_written(tmp_path / "clip.md", text)[1]


def _clip(head: str, after: str = "") -> str:
    return "\n\n".join(
        [
            "---\ntitle: 공공자전거 대여료 절반으로\nsource: https://news.example.kr/a/77\n---",
            head,
            "# 공공자전거 대여료 절반으로",
            after,
            *STORY,
        ]
    )


MENU = "- [지역](https://news.example.kr/local)\n- [교통](https://news.example.kr/traffic)\n- [환경](https://news.example.kr/env)"


def test_a_clipped_pages_menu_and_byline_box(tmp_path: Path) -> None:
    doc = _doc(tmp_path, _clip(MENU, "- 한지민 기자\n- 입력 2026.12.03 09:30"))
    assert [b.text for b in doc.blocks] == STORY
    assert [a.name for a in doc.meta.authors] == ["한지민"]
    assert doc.meta.date == "2026-12-03T09:30:00+09:00"
    assert {r.rule for r in doc.removed if "지역" in r.text} == {"boilerplate.chrome"}


def test_lists_that_are_no_menu_or_byline_stay_lists(tmp_path: Path) -> None:
    plain = "- 대여료 인하\n- 대여소 확대\n- 전기자전거 도입"  # key points: no credit, no date
    doc = _doc(tmp_path, _clip(plain))
    assert isinstance(doc.blocks[0], ListBlock)
    # the same menu of links inside the text, after its prose: the story's own list
    doc = _doc(tmp_path, _clip("", "") + "\n\n" + MENU + "\n\n" + STORY[1])
    assert any(isinstance(b, ListBlock) and "교통" in b.text for b in doc.blocks)
