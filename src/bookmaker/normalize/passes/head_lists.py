"""Pass ``head_lists``: lists a web clipper kept from a page's head, above the text's first prose.

A page saved as Markdown by a clipper (or an HTML page setting its head as lists) keeps the site's
menu as a list of links (``- [정치](https://…)`` / ``- [경제](…)``): it goes as the site's menu. The
byline box set as a list (``- 박서준 기자`` / ``- 승인 2026.12.01 16:40``) is read as its lines, each
item a line of its own, so that the ``dates`` and ``bylines`` passes read them as they read a text's
head.
"""

from __future__ import annotations

import re

from bookmaker.ir import Link, ListBlock, Paragraph, Text
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import is_prose

MENU_ITEMS = 3
MENU_LABEL = 10
"""A menu's entries: at least this many, each a link whose words are at most this long."""
HEAD_ITEMS = 4
HEAD_LINE = 40
_DATED = re.compile(r"(?:19|20)\d{2}\s*(?:[.\-/]|년)\s*\d{1,2}")
_SIGNED = re.compile(r"[가-힣]{2,4}\s*(?:기자|특파원|선임기자|전문기자|PD|앵커|에디터|칼럼니스트)(?![가-힣])")


def _entries(block: ListBlock) -> list[Paragraph] | None:
    """The list's entries, when each is one paragraph and nothing nests."""
    out = [item.blocks[0] for item in block.items if len(item.blocks) == 1]
    if len(out) != len(block.items) or not all(isinstance(p, Paragraph) for p in out):
        return None
    return [p for p in out if isinstance(p, Paragraph)]


def _runs(paragraph: Paragraph) -> list[object]:
    return [r for r in paragraph.content if not (isinstance(r, Text) and not r.value.strip())]


def _menu(entries: list[Paragraph]) -> bool:
    """Every entry one link to a page of the web, its words short (a section's name)."""
    return len(entries) >= MENU_ITEMS and all(
        len(runs := _runs(p)) == 1
        and isinstance(runs[0], Link)
        and runs[0].href.startswith(("http://", "https://"))
        and len(p.text.strip()) <= MENU_LABEL
        for p in entries
    )


def _byline_box(entries: list[Paragraph]) -> bool:
    """A few short entries without links, each a writer's credit or a date line."""
    return len(entries) <= HEAD_ITEMS and all(
        len(p.text) <= HEAD_LINE
        and not any(isinstance(r, Link) for r in p.content)
        and (_DATED.search(p.text) or _SIGNED.search(p.text))
        for p in entries
    )


def run(ctx: Context) -> None:
    """Remove a head's menu list; open a head's byline-box list into its lines."""
    items: list[Item] = []
    prose = False
    changed = False
    for item in ctx.items:
        entries = None if prose or not isinstance(item.block, ListBlock) else _entries(item.block)
        prose = prose or (item.block is None and is_prose(item.text))
        if entries and _menu(entries):
            ctx.drop(item, "the site's menu (a list of links above the text)", "boilerplate.chrome")
            changed = True
            continue
        if entries and _byline_box(entries):
            for entry in entries:
                line = entry.lines[0] if entry.lines else item.line
                items.append(Item(entry.text, line, entry.text.strip(), content=list(entry.content)))
            changed = True
            continue
        items.append(item)
    if changed:
        ctx.items = [it for it in items if not ctx.is_dropped(it)]
