"""Pass ``market_post``: a used-goods market's post (당근, 번개장터, 중고나라 …) copied from the web: the
service's name and tabs, the seller's box (``프로필 이미지`` / nickname / neighbourhood / ``매너온도
38.7°C``), the item's name, its category and bump time ``디지털기기 ∙ 끌올 3일 전``, the price
``450,000원``, the seller's description, the counters ``관심 12 ∙ 채팅 5 ∙ 조회 387``, then the seller's
and the service's other items as name / price pairs and the footer.

The item's name is the title and the seller the author; the price and each line of the description
are paragraphs of their own (a listing's lines are the seller's, not wrapped text); the service's name
(the page's first line) votes for the publisher. The tabs and the seller's box (``market.chrome``), the
category line (``market.meta``) and everything from the counters on (``market.footer``; a copyright
line is left to pass ``boilerplate``) go. A text is read so only with the category line right over
the price and a counters line below them, and no running text above the item's name or below the
counters (an article quoting a post)."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.text import is_prose

_AGO = re.compile(r"^\s*\S.{0,20}?\s*[∙·•]\s*(?:끌올\s*)?\d{1,2}\s*(?:초|분|시간|일|주|개월|달|년)\s*전\s*$")
_PRICE = re.compile(r"^\s*(?:\d{1,3}(?:,\d{3})+|\d{1,9})\s*원\s*$|^\s*(?:나눔|무료\s*나눔)\s*[🧡♡]?\s*$")
_COUNTER = r"(?:관심|채팅|조회|찜)\s*\d[\d,]*"
_COUNTERS = re.compile(rf"^\s*{_COUNTER}(?:\s*[∙·•|]\s*{_COUNTER}){{1,3}}\s*$")
_MANNER = re.compile(r"매너\s*온도\s*\d{1,2}(?:\.\d)?\s*°?\s*C")
_PLACE = re.compile(r"^\s*(?:\S{1,8}\s)?\S{1,8}[동읍면리가]\s*$")
_RIGHTS = re.compile(r"^\s*(?:©|ⓒ|\(c\)|copyright)", re.IGNORECASE)
MAX_TITLE = 80
MAX_SERVICE = 10

_CHROME = "a used-goods market's tabs and the seller's box above the item"
_META = "a used-goods post's category and bump time"
_FOOTER = "a used-goods post's counters, other items and footer"


def _start(items: list[Item]) -> int | None:
    """The index of the category line right over the price, under the item's name."""
    for i in range(1, len(items) - 1):
        if _AGO.match(items[i].text) and _PRICE.match(items[i + 1].text):
            return i
    return None


def _seller(items: list[Item], top: int) -> Item | None:
    """The seller's nickname in the box above the item: over the neighbourhood, over the manner line."""
    manner = next((i for i in range(top - 1, -1, -1) if _MANNER.search(items[i].text)), None)
    if manner is None or manner == 0:
        return None
    at = manner - 1
    if _PLACE.match(items[at].text) and at > 0:
        at -= 1
    return items[at]


def run(ctx: Context) -> None:
    """Read a used-goods post (see the module); any other text is left as it is."""
    items = [item for item in ctx.items if item.text.strip() and not structured(item)]
    start = _start(items)
    if start is None:
        return
    counters = next((i for i in range(start + 2, len(items)) if _COUNTERS.match(items[i].text)), None)
    title = items[start - 1]
    if counters is None or len(title.text) > MAX_TITLE or "|" in title.text:
        return
    if any(is_prose(item.text) for item in [*items[: start - 1], *items[counters + 1 :]]):
        return  # running text around the post: an article quoting one (a fraud story), no post page
    title.kind = "title"
    seller = _seller(items, start - 1)
    if seller is not None:
        ctx.add_author(Author(name=seller.text.strip()), seller.line)
        ctx.to_meta(seller, "authors")
    first = items[0]
    if first is not title and len(first.text.strip()) <= MAX_SERVICE and " " not in first.text.strip():
        ctx.vote_publisher(first.text.strip(), Evidence.SITE_LABEL)
    drops: list[tuple[Item, str, str]] = []
    for index, item in enumerate(items):
        if index < start - 1 and item is not seller:
            drops.append((item, _CHROME, "market.chrome"))
        elif index == start:
            drops.append((item, _META, "market.meta"))
        elif start < index < counters:
            item.role = "paragraph"
        elif index >= counters and not _RIGHTS.match(item.text):
            drops.append((item, _FOOTER, "market.footer"))
    ctx.drop_all(drops)
