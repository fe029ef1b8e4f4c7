"""Pass ``jumps``: a newspaper's jump lines, as its e-paper (지면보기) or a print page's text gives a
story that goes on on another page — "▶A3면에 계속" where the story leaves the front page, "▶A1면에서
계속" where it picks up again.

Each jump out is paired with the next jump in. Both marks go (``pages.jump``), and so does what
stands between them (the rest of the first page and the head of the next: an index box, the page's
header), which is no part of the story (``pages.jump-between``); the paragraph the jump cut
mid-sentence runs on into the first line after the jump in. A jump out may also end the cut line
itself ("… 이어질 ▶A3면에 계속")."""

from __future__ import annotations

import re
from bisect import bisect_right

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence

_PAGE = r"[A-Za-z]?\s?\d{1,2}\s?면"
_OUT = re.compile(
    rf"\s*[(\[<〈]?\s*[▶►☞→>]*\s*{_PAGE}\s?(?:에|으로|로)\s?(?:계속|이어짐|이어집니다)\s*[)\]>〉]?\s*$"
)
_IN = re.compile(rf"^\s*[(\[<〈]?\s*[◀◁☜←<▶►]*\s*{_PAGE}\s?(?:에서|서)\s?(?:계속|이어짐)\s*[)\]>〉]?\s*$")


def _jump_out(item: Item) -> re.Match[str] | None:
    return None if structured(item) else _OUT.search(item.text)


def run(ctx: Context) -> None:
    """Pair jump lines, drop them and what lies between, join the cut paragraph (see the module)."""
    items = ctx.items
    ins = [j for j, item in enumerate(items) if _IN.match(item.text)]
    drops: list[tuple[Item, str, str]] = []
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
