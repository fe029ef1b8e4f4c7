"""Pass ``menu_days``: a menu or schedule of days, each a day's head alone on its line
(``12월 7일(월)``, ``12/8(화)``, ``12.9.(수)``) over short unmarked lines (a school's lunch menu:
``쇠고기미역국 5.6.13.16``, ``배추김치 9.13``, ``귤``).

Each day's head is a heading and its lines a list under it, one item a line, as printed (allergen
numbers and all); a dish served again on another day stays (no copy for pass ``dedupe``). A text
is read so only with two day heads or more, each over at least :data:`MIN_ENTRIES` such lines; a
day head over prose or over a single line is left as it is."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence

_DAY = re.compile(
    r"^\s*(?:\d{1,2}\s*월\s*\d{1,2}\s*일|\d{1,2}\s*[./]\s*\d{1,2}\.?)\s*\(\s*[월화수목금토일]\s*\)\s*$"
)
MIN_DAYS, MIN_ENTRIES = 2, 3
MAX_ENTRY = 30


def _entry(item: Item) -> bool:
    """A short unmarked line of a day's menu or schedule: no sentence, no day's head."""
    text = item.text.strip()
    return (
        0 < len(text) <= MAX_ENTRY
        and not structured(item)
        and item.kind is None
        and not ends_sentence(text)
        and not _DAY.match(text)
        and not text.startswith(("※", "*", "-", "•"))
    )


def _entries(items: list[Item], head: int) -> list[Item]:
    """The lines under the day's head at ``head``, up to a blank line or the next head."""
    out: list[Item] = []
    for item in items[head + 1 :]:
        if out and item.attrs.get("after_blank"):
            break
        if not _entry(item):
            break
        out.append(item)
    return out


def run(ctx: Context) -> None:
    """Read the days of a menu or schedule (see the module); any other text is left as it is."""
    items = ctx.items
    days: list[tuple[Item, list[Item]]] = []
    for index, item in enumerate(items):
        if _DAY.match(item.text) and not structured(item) and item.kind is None:
            entries = _entries(items, index)
            if len(entries) >= MIN_ENTRIES:
                days.append((item, entries))
    if len(days) < MIN_DAYS:
        return
    for head, entries in days:
        head.kind = head.role = "heading"
        head.attrs["own_text"] = "1"  # a day's head, no date line or menu (passes dates, boilerplate)
        for entry in entries:
            entry.kind = entry.role = "list-item"
            entry.attrs["list"] = str(entries[0].line)
            entry.attrs["own_text"] = "1"  # a dish served again another day is no copy (pass dedupe)
