"""Pass ``structure``: decide the remaining lines' roles — section heading (a short line
without sentence punctuation between body text, or marked ``■``/``◆``), quote, list item or
paragraph."""

from __future__ import annotations

import re

from bookmaker.ir import Strong
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence

_MARKER = re.compile(r"^\s*[■◆▲◇●○□◎▣]\s*")
MAX_HEADING = 60


def _bodyish(item: Item | None) -> bool:
    return item is not None and item.role in (None, "paragraph") and item.kind in (None, "paragraph")


def _heading_like(item: Item) -> bool:
    text = _MARKER.sub("", item.text)
    return (
        4 <= len(text) <= MAX_HEADING
        and len(text.split()) >= 2
        and not ends_sentence(text)
        and not text.endswith((",", ":", "·"))
    )


_LIST_ITEM = re.compile(r"^\s*(?:(?P<num>\d{1,2})[.)]|[-•·*]|[①-⑳])\s+(?=\S)")


def _mark_lists(items: list[Item]) -> None:
    """Two or more consecutive short lines numbered 1., 2. … (or bulleted) form a list."""
    i = 0
    while i < len(items):
        j = i
        while (
            j < len(items)
            and items[j].role is None
            and items[j].kind is None
            and len(items[j].text) <= 120
            and _LIST_ITEM.match(items[j].text)
        ):
            j += 1
        run = items[i:j]
        numbers = [m["num"] for it in run if (m := _LIST_ITEM.match(it.text)) and m["num"]]
        sequential = not numbers or numbers == [
            str(n) for n in range(int(numbers[0]), int(numbers[0]) + len(run))
        ]
        if len(run) >= 2 and sequential and (not numbers or len(numbers) == len(run)):
            for it in run:
                it.role = "list-item"
                if numbers:
                    it.attrs["ordered"] = "1"
                it.text = _LIST_ITEM.sub("", it.text)
        i = max(j, i + 1)


def _unbold(item: Item) -> None:
    """A heading the page set all in bold is a heading, not a bold run (the theme sets headings)."""
    if item.content is not None and len(item.content) == 1 and isinstance(item.content[0], Strong):
        item.content = item.content[0].content


def run(ctx: Context) -> None:
    """Assign heading/paragraph/quote/list roles."""
    items = ctx.items
    _mark_lists(items)
    for i, item in enumerate(items):
        if item.role is not None:
            continue
        if item.kind in ("heading", "quote", "list-item"):
            item.role = item.kind
            if item.kind == "heading":
                _unbold(item)
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        has_before = i > 0
        marked = bool(_MARKER.match(item.text)) and len(item.text) <= MAX_HEADING
        if (
            has_before
            and nxt is not None
            and _heading_like(item)
            and (marked or (_bodyish(nxt) and (len(nxt.text) >= 60 or ends_sentence(nxt.text))))
        ):
            item.role = "heading"
            item.text = _MARKER.sub("", item.text)
            _unbold(item)
        else:
            item.role = "paragraph"
