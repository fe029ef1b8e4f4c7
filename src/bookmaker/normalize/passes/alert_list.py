"""Pass ``alert_list``: a list of public alert messages (재난문자, 안전안내문자) copied from a safety
portal. Each entry is a meta line — the send time, the area, the hazard and the message's class
(``2026-12-05 14:10:23   경기도 가람시   대설   안전안내문자``; rules ``alert_list.entry``) — over the
message from its sender in brackets (``[가람시청] 오늘 14:10 …``; ``alert_list.sender``) and the lines it
runs on (an English version too). Two entries or more make a list: each entry is one paragraph of its
lines, the meta line first (no heading, no date taken out of it); the short line right above the
first entry is the list's title (``긴급재난문자``: what is left of the page's head once its chrome has
gone, so the pass runs after ``boilerplate``), and the day of the first entry — the newest, as a
portal lists them — dates the page. Text without such entries is left alone; under a sentence of running text
(:func:`~bookmaker.normalize.text.quoted_in_article`) the entries are quoted in a story: each stays a
paragraph, and no title or date is read."""

from __future__ import annotations

from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import quoted_in_article

MIN_ENTRIES = 2
MAX_TITLE = 30
"""Characters of the line above the list taken as its title."""


def run(ctx: Context) -> None:
    """Read a list of alert messages as one paragraph per message."""
    if ctx.source_format != "text":
        return
    entry = ctx.rules.any_of("alert_list", "entry")
    sender = ctx.rules.any_of("alert_list", "sender")
    items = ctx.items
    starts = [
        i
        for i, it in enumerate(items[:-1])
        if unclaimed(it) and entry.search(it.text) and sender.search(items[i + 1].text)
    ]
    if len(starts) < MIN_ENTRIES:
        return
    for n, at in enumerate(starts):
        head = items[at]
        group = f"alert-{head.line}"
        stop = starts[n + 1] if n + 1 < len(starts) else len(items)
        line = head.line
        head.attrs["br_group"], head.role = group, "paragraph"
        for item in items[at + 1 : stop]:
            if item.line != line + 1 or not unclaimed(item):
                break  # a blank line ends the message
            item.attrs["br_group"], item.role = group, "paragraph"
            line = item.line
    if quoted_in_article(item.text for item in items[: starts[0]]):
        return  # messages quoted in a story: each a paragraph, the story's head and date stand
    above = _title_above(items, starts[0])
    if above is not None:
        above.kind = "title"
    first = next(
        (m for p in ctx.rules.patterns("alert_list", "entry") if (m := p.search(items[starts[0]].text))), None
    )
    if first and not ctx.meta.get("date"):
        ctx.meta["date"] = f"{int(first['y']):04d}-{int(first['m']):02d}-{int(first['d']):02d}"


def _title_above(items: list[Item], at: int) -> Item | None:
    """The short plain line right above the first entry, if any."""
    above = items[at - 1] if at else None
    if above is None or not unclaimed(above) or len(above.text.strip()) > MAX_TITLE:
        return None
    return above
