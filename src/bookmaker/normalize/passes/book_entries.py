"""Pass ``book_entries``: a news item of new books (a wire's ``[신간]``) opens each book with an entry
line, ``▲ 물의 시간 = 한지우 지음.`` (the first right after the dateline). A ``▲`` line alone reads as a
photo caption; a book's entry line (rules ``book_entries.entry``, matched on the source line) is a
heading over the book's description, its mark dropped."""

from __future__ import annotations

import re

from bookmaker.normalize.context import Context

_MARK = re.compile(r"^\s*▲\s*")


def run(ctx: Context) -> None:
    """Make each book's entry line a heading."""
    entry = ctx.rules.any_of("book_entries", "entry")
    for item in ctx.items:
        if (
            item.role not in (None, "figure", "paragraph")
            or item.credit
            or item.kind not in (None, "caption")
        ):
            continue
        if item.last not in (None, item.line):
            continue  # one source line
        source = ctx.source_text.get(item.line, "")
        if len(source) > 200 or not entry.search(source):
            continue
        item.role, item.text = "heading", _MARK.sub("", item.text)
