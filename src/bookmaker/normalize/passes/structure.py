"""Pass ``structure``: decide the remaining lines' roles — section heading (a short line
without sentence punctuation between body text, or marked ``■``/``◆``), quote, list item or
paragraph."""

from __future__ import annotations

import re

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


def run(ctx: Context) -> None:
    """Assign heading/paragraph/quote/list roles."""
    items = ctx.items
    for i, item in enumerate(items):
        if item.role is not None:
            continue
        if item.kind in ("heading", "quote", "list-item"):
            item.role = item.kind
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
        else:
            item.role = "paragraph"
