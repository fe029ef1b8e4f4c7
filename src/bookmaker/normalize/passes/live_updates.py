"""Pass ``live_updates``: a live page (라이브, 실시간) copied from a news app: each update opens with its
time alone on a line (``16:18``, ``오후 4:18``) over its own headline, then its paragraphs and the
reporter's name, newest first.

Each update's time and headline are one heading (``16:18 여진 12차례…최대 규모 2.8``), so that the
time stays with the update it dates and is not read as a line of its own. A text is read so only with
two updates or more, each a time line right over a headline line (short, no sentence) with text under
it; the app's buttons and the reporters' lines are left to passes ``boilerplate`` and ``bylines``."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence

_TIME = re.compile(r"^\s*(?:(?:오전|오후)\s*)?(?:[01]?\d|2[0-3]):[0-5]\d\s*$")
MIN_UPDATES = 2
MAX_HEAD = 60
MIN_TEXT = 40


def _head(item: Item) -> bool:
    text = item.text.strip()
    return 0 < len(text) <= MAX_HEAD and not ends_sentence(text) and not _TIME.match(text)


def run(ctx: Context) -> None:
    """Join each update's time line to its headline as a heading (see the module)."""
    items = [item for item in ctx.items if not structured(item)]
    updates = [
        i
        for i in range(len(items) - 2)
        if _TIME.match(items[i].text)
        and items[i].role is None
        and items[i + 1].role is None
        and _head(items[i + 1])
        and len(items[i + 2].text) >= MIN_TEXT
    ]
    if len(updates) < MIN_UPDATES:
        return
    joined: set[int] = set()
    for i in updates:
        time, head = items[i], items[i + 1]
        time.text = f"{time.text.strip()} {head.text.strip()}"
        time.content = None
        time.last = head.last or head.line
        time.kind = time.role = "heading"
        time.attrs["own_text"] = "1"
        joined.add(id(head))
    ctx.items = [item for item in ctx.items if id(item) not in joined]
