"""A blog theme's boxes inside the post: its category and tag links go as what they are (before:
the two spans ran together into one paragraph, "카테고리: 여행태그: 제주, 올레길", when no later rule
took the line for chrome)."""

from __future__ import annotations

from pathlib import Path

from bookmaker.raw import RawDocument
from tests.helpers import read_written

TEXT = [
    "제주 올레 7코스는 외돌개에서 월평까지 이어지는 17km 길이다. 바다를 끼고 걷는 구간이 길다.",
    "아침 일찍 출발하면 해가 뜨는 법환포구를 지나며 한라산까지 볼 수 있다.",
]


def _read(tmp_path: Path, footer: str) -> tuple[RawDocument, list[str]]:
    html = (
        "<html lang='ko'><head><meta charset='utf-8'><title>올레 7코스 걷기</title></head><body>"
        "<article class='post'><h1 class='entry-title'>올레 7코스 걷기</h1><div class='entry-content'>"
        + "".join(f"<p>{t}</p>" for t in TEXT)
        + f"</div><footer class='entry-footer'>{footer}</footer></article></body></html>"
    )
    raw, doc = read_written(tmp_path / "post.html", html)
    return raw, [b.text for b in doc.blocks]


def test_category_and_tag_links_of_a_wordpress_theme(tmp_path: Path) -> None:
    footer = (
        "<span class='cat-links'>카테고리: <a href='/c/travel'>여행</a></span>"
        "<span class='tags-links'>태그: <a href='/t/jeju'>제주</a>, <a href='/t/olle'>올레길</a></span>"
    )
    raw, texts = _read(tmp_path, footer)
    assert texts == TEXT
    gone = {r.text: r.rule for r in raw.removed}
    assert gone["카테고리: 여행"] == gone["태그: 제주, 올레길"] == "html.taxonomy"


def test_a_box_so_named_without_links_stays(tmp_path: Path) -> None:
    """A box named like a tag list but holding no link is the writer's own text."""
    _, texts = _read(tmp_path, "<p class='post-tags'>다음 글에서는 8코스를 걷는다.</p>")
    assert texts[-1] == "다음 글에서는 8코스를 걷는다."
