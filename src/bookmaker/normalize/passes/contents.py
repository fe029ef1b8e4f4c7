"""Pass ``contents``: a document's own navigation, which the book makes itself, is removed with its
reason — a table of contents (a list whose every entry is a link to a place in the same document,
``- [설치](#설치)``, with the heading right above it), and a section heading with nothing under it
but footnotes (MediaWiki's ``각주``: the notes are set at the page's foot) or nothing at all (a
``외부 링크`` whose links were removed), and a thematic break at the end with nothing under it but removed
chrome (the outro it set apart: no byline)."""

from __future__ import annotations

from bookmaker.ir import Footnote, Link, ListBlock, Text, ThematicBreak, inlines_of, walk
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import key

TOC = "a table of contents (links to places in the same document; the book makes its own)"
END_BREAK = "a thematic break at the end, setting nothing apart (what followed it was removed)"
EMPTY_SECTION = (
    "a section heading with nothing under it but footnotes, or nothing (the book sets the notes itself)"
)


def _is_contents(item: Item) -> bool:
    """A list whose every entry is only links to anchors in the same document (two or more)."""
    if not isinstance(item.block, ListBlock):
        return False
    links = 0
    for block in walk([item.block]):
        for inlines in inlines_of(block):
            for run in inlines:
                if isinstance(run, Link):
                    if not run.href.startswith("#"):
                        return False
                    links += 1
                elif not (isinstance(run, Text) and not run.value.strip()):
                    return False
    return links >= 2


def _level(item: Item) -> int | None:
    """The heading's level from the markup (``<h2>``, ``##``); None for one found in plain text."""
    level = item.attrs.get("level", "")
    return int(level) if level.isdigit() else None


def _empty_section(items: list[Item], i: int) -> bool:
    """The heading ``items[i]`` heads nothing but footnotes before the next heading of its level
    (a heading of no known level — a bold line taken for one — may be its subsection)."""
    own = _level(items[i])
    for after in items[i + 1 :]:
        if after.role == "heading":
            level = _level(after)
            return own is not None and level is not None and level <= own
        if not isinstance(after.block, Footnote):
            return False
    return True


_CONTENTS_LABEL = frozenset({"목차", "차례", "contents", "tableofcontents"})


def _plain_contents(ctx: Context) -> list[Item]:
    """A table of contents without links (a page copied as text): a heading ``목차`` or ``차례`` over a
    list whose every entry is the title of a heading further down (two or more)."""
    items = ctx.items
    later: set[str] = set()
    found: list[Item] = []
    for i in range(len(items) - 1, -1, -1):  # from the end: the headings below each item are known
        item = items[i]
        if item.role == "heading" and key(item.text).lower() in _CONTENTS_LABEL:
            entries = []
            for below in items[i + 1 :]:
                if below.role != "list-item" or below.attrs.get("list") != items[i + 1].attrs.get("list"):
                    break
                entries.append(below)
            if len(entries) >= 2 and all(key(e.text) in later for e in entries):
                found = [item, *entries]
        elif item.role == "heading":
            later.add(key(item.text))
    return found


def run(ctx: Context) -> None:
    """Remove the document's table of contents and the headings of empty sections."""
    for item in _plain_contents(ctx):
        ctx.drop(item, TOC, "contents.toc")
    for item in [it for it in ctx.items if _is_contents(it)]:
        at = ctx.items.index(item)
        if at and ctx.items[at - 1].role == "heading":
            ctx.drop(ctx.items[at - 1], TOC, "contents.toc")
        ctx.drop(item, TOC, "contents.toc")
    empty = [it for i, it in enumerate(ctx.items) if it.role == "heading" and _empty_section(ctx.items, i)]
    for item in empty:
        ctx.drop(item, EMPTY_SECTION, "contents.empty-section")
    while ctx.items and isinstance(ctx.items[-1].block, ThematicBreak) and not _signed_below(ctx):
        ctx.drop(ctx.items[-1], END_BREAK, "contents.end-break")


def _signed_below(ctx: Context) -> bool:
    """A line under the last item went to the metadata (a byline, a date; not the copyright): the
    break there sets the text apart from its signature, which the book prints."""
    last = ctx.items[-1].line
    return any(line > last for key, lines in ctx.meta_lines.items() if key != "rights" for line in lines)
