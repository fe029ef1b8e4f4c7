"""A serial's episode page (a web novel's, a webtoon's text), scraped as text: over the episode's
title (``37화. 젖은 책은 마르지 않는다``, ``제12화 …``, ``EP.3 …``) with its date line right under it stand
the work's title and its writer (``서고의 마지막 사서`` / ``한도윤``), the page's frame around them removed
already. The episode's line is the title, the work's the series, the writer the author."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence

_EPISODE = re.compile(
    r"^\s*(?:제\s*)?\d{1,4}\s*[화회]\.?\s+\S.{0,50}$|^\s*(?:EP|Ep|ep)\.?\s*\d{1,4}\.?\s+\S.{0,50}$"
)
_WRITER = re.compile(r"^\s*(?:(?:글|작가|저자)\s*[:：]?\s*)?(?P<name>[^\s|:：,.·]{2,12})\s*$")
SCAN = 12
"""The episode's title is among the page's first lines (after its frame is gone)."""


def read_episode(ctx: Context) -> tuple[Item, list[str], list[str]] | None:
    """The episode's title item, the work as its series (None when the page is no episode's)."""
    dated = set(ctx.meta_lines.get("date", []))
    top = ctx.items[:SCAN]
    for at, item in enumerate(top):
        if structured(item) or not _EPISODE.match(item.text) or ends_sentence(item.text):
            continue
        if not dated & {item.line + 1, item.line + 2}:
            continue  # "3화 …" with no date under it: a list's entry, a heading in the text
        above = [it for it in top[max(0, at - 2) : at] if not structured(it)]
        if not above or len(above[0].text) > 40 or ends_sentence(above[0].text):
            return None
        work, *rest = above
        ctx.to_meta(work, "series")
        for writer in rest:
            if m := _WRITER.match(writer.text):
                ctx.add_author(Author(name=m["name"]), writer.line)
                ctx.to_meta(writer, "authors")
        return item, [work.text.strip()], []
    return None
