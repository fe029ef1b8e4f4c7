"""Pass ``browser_print``: a web page a desktop browser printed to PDF, as ``pdftotext`` gives it.

The browser sets its own header and footer on every page: the date and time of printing and the
page's title (``… | 한겨레``) at the top, the page's address and its counter (``1/3``) at the foot.
A text is read as one only when its counters run 1, 2, … of one total, each under the same address;
then every address line over a counter goes, and at the top of the text and of each page after a
counter the time stamp and the title repeated on every page go, the first page's too (the page's
``<title>``, no publication's running header). The title is kept as the title hint: the ``title``
pass joins a headline the page wrapped over two lines when together they make it. The counters go
too (the ``byline`` pass may have taken the last ones, so ``pages`` would see too few), and a
paragraph a page break cut runs on, as in any paginated source.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bookmaker.korean.morphology import cut_inside_word
from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.passes.pages import counted_through, is_counter
from bookmaker.normalize.text import ends_sentence

_ADDRESS = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_STAMP = re.compile(
    r"^\s*(?:\d{2,4}\.\s*\d{1,2}\.\s*\d{1,2}\.?\s*(?:오전|오후)\s*\d{1,2}:\d{2}"  # 2026. 12. 7. 오전 9:41
    r"|\d{1,2}/\d{1,2}/\d{2,4},?\s*\d{1,2}:\d{2}(?:\s*[AP]M)?"  # 12/7/26, 9:41 AM
    r"|\d{4}-\d{1,2}-\d{1,2},?\s*\d{1,2}:\d{2}(?::\d{2})?)\s*$",  # 2026-12-07 09:41
    re.IGNORECASE,
)
"""A browser's print time stamp, as Chrome, Edge and Firefox set it in the page's header."""
TOP = 2
"""Lines at the top of a page that may be the browser's header (its stamp and the page's title)."""
FOOT = 2
"""Lines over a counter that may hold the browser's footer address."""
FULL = 0.8
"""Share of the page's usual line length (the median) a line cut by a page break fills."""
MIN_LINE = 10
"""Lines shorter than this (menus, buttons) do not count in the usual line length."""


def _key(text: str) -> str:
    return " ".join(text.split())


def _counters(ctx: Context) -> list[int] | None:
    """Where the counters 1/N … N/N stand, when the text has them all and in order."""
    at = [i for i, it in enumerate(ctx.items) if unclaimed(it) and is_counter(it.text)]
    return at if len(at) >= 2 and counted_through([ctx.items[i] for i in at]) == len(at) else None


def runs_on(before: Item, after: Item, width: float) -> str | None:
    """The separator when the page break cut a paragraph (``before`` fills the column, ends no
    sentence, and ``after`` goes on in Hangul or lower case), else None: a cut between two syllables
    is read by the analyzer (a browser breaks Korean between any two syllables)."""
    if not (unclaimed(before) and unclaimed(after)) or ends_sentence(before.text):
        return None
    if len(before.text) < FULL * width:
        return None  # a short line (a sign-off) ends its block
    if not re.match(r"[가-힣a-z]", after.text):
        return None
    if re.search(r"[가-힣]$", before.text) and re.match(r"[가-힣]", after.text):
        return "" if cut_inside_word(before.text, after.text) else " "
    return " "


def run(ctx: Context) -> None:
    """Remove a browser's print header and footer from a printed web page; join cut paragraphs."""
    if ctx.source_format != "text":
        return
    at = _counters(ctx)
    if at is None or any(b - a <= TOP + FOOT for a, b in pairwise([-1, *at])):
        return
    items = ctx.items
    footers = [
        next((it for it in items[i - FOOT : i] if unclaimed(it) and _ADDRESS.match(it.text)), None)
        for i in at
    ]
    if any(f is None for f in footers) or len({_key(f.text) for f in footers if f}) != 1:
        return
    tops = [items[0:TOP], *(items[i + 1 : i + 1 + TOP] for i in at[:-1])]
    stamps = [it for top in tops for it in top if unclaimed(it) and _STAMP.match(it.text)]
    if not stamps:
        return  # the address under each page is no proof alone: a browser stamps the time too
    shared = set.intersection(*({_key(it.text) for it in top if unclaimed(it)} for top in tops))
    titles = [it for top in tops for it in top if _key(it.text) in shared and not _STAMP.match(it.text)]
    if titles and not isinstance(ctx.hints.get("title"), str):
        ctx.hints["title"] = _key(titles[0].text)
    counters = [items[i] for i in at]
    header = "a browser's print header"
    drops = [
        *((it, f"{header} (the date and time of printing)", "pages.print-header") for it in stamps),
        *((it, f"{header} (the page's title)", "pages.print-header") for it in titles),
        *(
            (it, "a browser's print footer (the page's address)", "pages.print-footer")
            for it in footers
            if it
        ),
        *((it, "a page number of a paginated source", "pages.number") for it in counters),
    ]
    gone = {id(it) for it, _, _ in drops}
    breaks = {id(it) for it in counters}
    lengths = sorted(len(it.text) for it in items if len(it.text) >= MIN_LINE)
    width = lengths[len(lengths) // 2] if lengths else 0
    kept: list[Item] = []
    cut = False  # a page break stands between the last line kept and the next one
    for item in items:
        if id(item) in breaks:
            cut = True
        if id(item) in gone:
            continue
        sep = runs_on(kept[-1], item, width) if cut and kept else None
        cut = False
        if sep is None:
            kept.append(item)
            continue
        kept[-1].text = f"{kept[-1].text}{sep}{item.text}"  # the paragraph runs on over the page break
        kept[-1].last = item.last or item.line
    ctx.paginated = True
    ctx.drop_all(drops)
    ctx.items = kept
