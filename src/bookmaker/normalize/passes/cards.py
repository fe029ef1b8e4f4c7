"""Pass ``cards``: a card news text (카드뉴스) copied from its page, one card after each image marker.

A card news page shows its text on a series of images; a copy of the page keeps each card's few short
lines, broken where the card's design broke them, under an image control (``이미지 확대``) that
``boilerplate`` removes. When at least three such markers stand between runs of short lines, each run
is one card: its plain lines are joined into one paragraph (``겨울철 교통사고의 숨은 주범,`` /
``'블랙아이스'를 아시나요?``), and marked (``attrs["card"]``) so that the first cards are no deck. A
list (``① …``), a source line (``<자료: …>``) and lines other passes named (byline, date) stay apart;
the last card ends at the first of those.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item

MARKER = re.compile(r"^\s*(?:(?:이미지|사진|그림|카드)\s*(?:확대(?:\s*보기)?|크게\s*보기)|확대\s*보기)\s*$")
"""An image control left in a copied page (``이미지 확대``), removed as chrome before this pass."""
MIN_CARDS = 3
MAX_CARD_LINE = 60
MAX_CARD_LINES = 6
_APART = re.compile(r"^\s*(?:[①-⑳•·▶▷■□◆◇○●\-–]|\d{1,2}[.)]\s|<?\s*(?:자료|출처|그래픽|사진)\s*[:=/])")


def _plain(item: Item) -> bool:
    return (
        item.role is None
        and item.kind is None
        and item.content is None
        and not structured(item)
        and len(item.text) <= MAX_CARD_LINE
        and not _APART.match(item.text)
    )


def run(ctx: Context) -> None:
    """Join each card's lines into one paragraph when the text is a series of cards."""
    markers = sorted({r.line for r in ctx.removed if isinstance(r.line, int) and MARKER.match(r.text)})
    if len(markers) < MIN_CARDS:
        return
    bounds = [*markers, max((it.last or it.line for it in ctx.items), default=0) + 1]
    between: list[list[Item]] = [[] for _ in markers]  # the items between each marker and the next
    for item in ctx.items:  # one pass: a scan of every item for each marker was quadratic
        at = bisect_right(markers, item.line) - 1
        if at >= 0 and bounds[at] < item.line < bounds[at + 1]:
            between[at].append(item)
    runs: list[list[Item]] = []
    for inside in between:
        run: list[Item] = []
        for item in inside:
            if not _plain(item) or len(run) >= MAX_CARD_LINES:
                break
            run.append(item)
        runs.append(run)
    if sum(1 for run in runs[:-1] if run) < MIN_CARDS - 1:
        return  # markers over photos in running text, not cards
    joined: set[int] = set()
    for run in runs:
        if not run:
            continue
        first = run[0]
        first.attrs["card"] = "1"
        for item in run[1:]:
            first.text = f"{first.text} {item.text}"
            first.last = item.last or item.line
            joined.add(id(item))
    ctx.items = [it for it in ctx.items if id(it) not in joined]
