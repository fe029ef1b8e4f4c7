"""Pass ``jumps``: a newspaper's jump lines, as its e-paper (지면보기) or a print page's text gives a
story that goes on on another page — "▶A3면에 계속" where the story leaves the front page, "▶A1면에서
계속" where it picks up again.

Each jump out is paired with the next jump in. Both marks go (``pages.jump``), and so does what
stands between them (the rest of the first page and the head of the next: an index box, the page's
header), which is no part of the story (``pages.jump-between``); the paragraph the jump cut
mid-sentence runs on into the first line after the jump in. A jump out may also end the cut line
itself ("… 이어질 ▶A3면에 계속").

A bare continuation mark ("(계속)", "<계속>", "- 계속 -") between two parts of one story — running
text above it and below it, as a paged article's pages or a print page's columns break — goes too
(``pages.continued``); at the story's end it tells of the next instalment and stays. So do the
page counters of a web page's paged article ("1 / 2" … "2 / 2", counting through in order, none
beside a photo, which makes them a slider's; ``pages.counter``); a text's page numbers are the
``pages`` pass's."""

from __future__ import annotations

import re
from bisect import bisect_right

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.passes.page_boxes import pictured
from bookmaker.normalize.passes.pages import counted_through, is_counter
from bookmaker.normalize.text import ends_sentence, is_prose

_PAGE = r"[A-Za-z]?\s?\d{1,2}\s?면"
_OUT = re.compile(
    rf"[(\[<〈]?\s{{0,3}}[▶►☞→>]{{0,3}}\s{{0,3}}{_PAGE}\s?(?:에|으로|로)\s?(?:계속|이어짐|이어집니다)\s*[)\]>〉]?\s*$"
)
"""A jump to another page closing a line (``… <2면에 계속>``, ``▶ A3면으로 이어짐``); its marks and spaces
bounded, as a search from every mark of a long run of ``>`` was quadratic."""
_OUT_FROM = re.compile(r"\s*" + _OUT.pattern)
_IN = re.compile(rf"^\s*[(\[<〈]?\s*[◀◁☜←<▶►]*\s*{_PAGE}\s?(?:에서|서)\s?(?:계속|이어짐)\s*[)\]>〉]?\s*$")
_CONTINUED = re.compile(r"^\s*(?:[(\[<〈《【]\s*계속\s*[)\]>〉》】]|[-–—]\s*계속\s*[-–—])\s*$")
"""A bare continuation mark: ``(계속)``, ``<계속>``, ``〈계속〉``, ``[계속]``, ``- 계속 -``."""


def _continued_between(items: list[Item], index: int) -> bool:
    """The bare mark at ``index`` stands between running text and more of it (a heading may open
    the part after the mark)."""
    if not _CONTINUED.match(items[index].text) or structured(items[index]) or index == 0:
        return False
    before, after = items[index - 1], items[index + 1 : index + 3]
    return is_prose(before.text) and any(is_prose(item.text) for item in after)


def _jump_out(item: Item) -> re.Match[str] | None:
    """The jump mark closing ``item``'s line, from the spaces before it."""
    found = None if structured(item) else _OUT.search(item.text)
    if found is None:
        return None
    start = len(item.text[: found.start()].rstrip())
    return _OUT_FROM.match(item.text, start)


def _page_counters(ctx: Context) -> list[tuple[Item, str, str]]:
    """A web page's page counters, "1 / 2" … "2 / 2" alone on their lines (see the module)."""
    if ctx.source_format == "text":
        return []
    items = ctx.items
    at = [i for i, item in enumerate(items) if not structured(item) and is_counter(item.text)]
    counters = [items[i] for i in at]
    if len(counters) < 2 or counted_through(counters) is None:
        return []
    if any(
        pictured(ctx, items[i - 1] if i else None)
        or pictured(ctx, items[i + 1] if i + 1 < len(items) else None)
        for i in at
    ):
        return []  # a photo slider's counters (boilerplate's slide counters)
    return [(item, "a paged article's page counter (N / M)", "pages.counter") for item in counters]


def run(ctx: Context) -> None:
    """Pair jump lines, drop them and what lies between, join the cut paragraph (see the module)."""
    items = ctx.items
    ins = [j for j, item in enumerate(items) if _IN.match(item.text)]
    drops: list[tuple[Item, str, str]] = [
        (item, "a continuation mark between two parts of the story", "pages.continued")
        for index, item in enumerate(items)
        if _continued_between(items, index)
    ]
    drops += _page_counters(ctx)
    joins: list[tuple[Item, Item]] = []
    index = 0
    while index < len(items):
        found = _jump_out(items[index])
        end = (
            ins[bisect_right(ins, index)]
            if found is not None and bisect_right(ins, index) < len(ins)
            else None
        )
        if found is None or end is None:
            index += 1
            continue
        item = items[index]
        cut: Item | None = items[index - 1] if index else None
        if found.start() > 0:  # the mark ends the cut line itself
            ctx.record(
                found.group(0).strip(), "a jump line to the page the story goes on", item.line, "pages.jump"
            )
            item.text = item.text[: found.start()].rstrip()
            cut = item
        else:
            drops.append((item, "a jump line to the page the story goes on", "pages.jump"))
        reason = "another page's matter between a jump and the story's continuation"
        drops += [(between, reason, "pages.jump-between") for between in items[index + 1 : end]]
        drops.append((items[end], "a jump line where the story picks up again", "pages.jump"))
        after = items[end + 1] if end + 1 < len(items) else None
        if cut is not None and after is not None and not ends_sentence(cut.text) and not structured(after):
            joins.append((cut, after))
        index = end + 1
    if not drops:
        return
    for cut, after in joins:
        cut.text = f"{cut.text} {after.text}"  # the paragraph runs on after the jump
        cut.last = after.last or after.line
    ctx.drop_all(drops)
    gone = {id(after) for _, after in joins}
    ctx.items = [item for item in ctx.items if id(item) not in gone]
