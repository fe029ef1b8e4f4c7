"""Pass ``social_thread``: a thread of posts on X (Twitter) copied from the web page as text.

Each post opens with its head — the poster's name, ``@handle`` on the next line, then ``·`` and a
short date (``12월 3일``) — and its text runs to its counters: bare numbers (replies, reposts, likes,
views: ``48``, ``1,203``, ``12.4만``, ``조회수``), the first post's full time (``오후 9:14 · 2026년 12월
3일``), the reply box (``답글을 게시하세요``). With three heads or more, the first among the page's first
lines and nothing long above it, the thread is the first poster's posts: their text stays; the heads
(``thread.head``), the counters and boxes (``thread.counter``), other people's replies
(``thread.reply``) and the page around them — its tabs above, its sidebar and footer below
(``thread.chrome``) — go. The first poster is the author, the first post's full time the date, X the
publisher. A thread has no title.

Posts under a sentence of running text (:func:`~bookmaker.normalize.text.quoted_in_article`) are
quoted in a story about them: each line of each post — its head, its text, its counters — stays as
printed, its own paragraph (no copy for pass ``dedupe`` when the same head comes again, no chrome).
"""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import keep_as_printed, structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.text import quoted_in_article

_HANDLE = re.compile(r"^\s*@(?P<handle>[A-Za-z0-9_]{1,15})\s*$")
_SHORT_DATE = re.compile(
    r"^\s*(?:\d{4}년\s*)?\d{1,2}월\s*\d{1,2}일\s*$|^\s*\d{1,2}\s*(?:시간|분|초)\s*(?:전)?\s*$"
    r"|^\s*\d{1,2}[hms]\s*$|^\s*[A-Z][a-z]{2}\s+\d{1,2}(?:,\s*\d{4})?\s*$"
)
_DOT = re.compile(r"^\s*·\s*$")
_FULL_TIME = re.compile(
    r"^\s*(?P<half>오전|오후)\s*(?P<h>\d{1,2}):(?P<m>\d{2})\s*·\s*(?P<y>\d{4})년\s*(?P<mo>\d{1,2})월\s*(?P<d>\d{1,2})일"
    r"(?:\s*·.*)?$"
)
_COUNTER = re.compile(
    r"^\s*(?:[\d,.]+\s*(?:[천만억]|[KMB])?|조회수?|Views?|답글을?\s*게시하세요|Post\s+your\s+reply|답글|Reply)\s*$",
    re.IGNORECASE,
)
FEWEST_HEADS = 3
MAX_NAME = 50
MAX_ABOVE = 6
"""The thread is the page's text: its first post's head is among the first lines (under the tabs)."""
_KST = "+09:00"
_HEAD_REASON = "a post's head: the poster's name, handle and date"
_REPLY_REASON = "a reply by someone else under the thread"
_COUNTER_REASON = "a post's counters, time and reply box"
_CHROME_REASON = "the page around the thread: its tabs, prompts, sidebar and footer"


def _heads(items: list[Item]) -> list[tuple[int, int, str]]:
    """Each post head: (index of its name line, index of its first text line, handle)."""
    out: list[tuple[int, int, str]] = []
    for at in range(len(items) - 1):
        m = _HANDLE.match(items[at + 1].text)
        if m is None or len(items[at].text) > MAX_NAME or _HANDLE.match(items[at].text):
            continue
        start = at + 2
        if start < len(items) and _DOT.match(items[start].text):
            start += 1
        if start < len(items) and _SHORT_DATE.match(items[start].text):
            start += 1
        out.append((at, start, m["handle"]))
    return out


def _stat(item: Item) -> bool:
    """A line of a post's counters or its full time: the post's text ends above it."""
    return bool(_COUNTER.match(item.text) or _FULL_TIME.match(item.text) or _DOT.match(item.text))


def _iso(m: re.Match[str]) -> str:
    hour = int(m["h"]) % 12 + (12 if m["half"] == "오후" else 0)
    return f"{int(m['y']):04d}-{int(m['mo']):02d}-{int(m['d']):02d}T{hour:02d}:{int(m['m']):02d}:00{_KST}"


def run(ctx: Context) -> None:
    """Keep a copied thread's own posts and drop the page around them."""
    if ctx.source_format != "text":
        return
    items = [it for it in ctx.items if it.role is None and not structured(it)]
    heads = _heads(items)
    if heads and quoted_in_article(it.text for it in items[: heads[0][0]]):
        _keep_quoted(items, heads)
        return
    if len(heads) < FEWEST_HEADS or heads[0][0] > MAX_ABOVE:
        return
    if any(len(it.text) > MAX_NAME for it in items[: heads[0][0]]):
        return  # text above the first post: posts embedded in an article, which pass boilerplate reads
    author = heads[0][2]
    drops: list[tuple[Item, str, str]] = [
        (it, _CHROME_REASON, "thread.chrome") for it in items[: heads[0][0]]
    ]
    for n, (at, start, handle) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(items)
        drops += [(it, _HEAD_REASON, "thread.head") for it in items[at:start]]
        text_end = next((i for i in range(start, end) if _stat(items[i])), end)
        if handle != author:
            drops += [(it, _REPLY_REASON, "thread.reply") for it in items[start:text_end]]
        for it in items[text_end:end]:
            m = _FULL_TIME.match(it.text)
            if m and handle == author and not ctx.meta.get("date"):
                ctx.meta["date"] = _iso(m)
                ctx.to_meta(it, "date")
            elif m or _COUNTER.match(it.text) or _DOT.match(it.text):
                drops.append((it, _COUNTER_REASON, "thread.counter"))
            else:
                drops.append((it, _CHROME_REASON, "thread.chrome"))
    name = items[heads[0][0]]
    ctx.add_author(Author(name=name.text.strip()), name.line)
    drops = [d for d in drops if d[0] is not name]
    ctx.to_meta(name, "authors")
    ctx.vote_publisher("X", Evidence.SITE_META)
    ctx.drop_all(drops)


def _keep_quoted(items: list[Item], heads: list[tuple[int, int, str]]) -> None:
    """Each quoted post's lines as printed: its head, its text up to a blank line, a counter or the
    next head (one line when the text sets no blank lines apart), then its counters."""
    spaced = any(it.attrs.get("after_blank") for it in items)
    for n, (at, start, _) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(items)
        end = start
        while (
            end < stop and not _stat(items[end]) and (end == start or not items[end].attrs.get("after_blank"))
        ):
            end += 1
            if not spaced:
                break
        while end < stop and _stat(items[end]) and not items[end].attrs.get("after_blank"):
            end += 1
        for item in items[at:end]:
            keep_as_printed(item)
