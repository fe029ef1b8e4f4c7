"""Pass ``transcript``: a video's transcript pasted as text (YouTube's 스크립트 panel), each caption
under its time (``0:03`` on a line of its own). With six or more such times, each over a line of
text, the times go (``transcript.timestamp``); a line between a time and the same time again is
a chapter's title (YouTube repeats the time over the chapter's first caption): a heading; a sound
label alone (``[음악]``, ``[박수]``) goes (``transcript.sound``) and ends a paragraph; the captions
between are one paragraph, joined as the speaker said them; the panel's labels right above the
first time (``스크립트``, ``챕터``) go, and so does the video's folded description (between its views
line and ``...더보기``). A channel's name right above its subscriber count (``구독자 8.7만명``) is the
publisher, the count is chrome; the video's title above it, set as ``title | subtitle | channel
EP.14``, gives the series (the part naming the channel) and subtitles. Text without such times is
left alone."""

from __future__ import annotations

import re
from itertools import pairwise

from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Evidence, Item

_TIME = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$")
_SOUND = re.compile(
    r"^\s*[\[(]\s*(?:음악|박수|웃음|효과음|환호|음악\s*소리|Music|Applause|Laughter)\s*[\])]\s*$", re.I
)
_PANEL = re.compile(r"^\s*(?:스크립트|챕터|자막|대본|Transcript|Chapters)\s*$", re.I)
_SUBSCRIBERS = re.compile(
    r"^\s*구독자\s*[\d.,]+\s*(?:천|만|억)?\s*명\s*$|^\s*[\d.,]+[KM]?\s+subscribers\s*$", re.I
)
_BARE_COUNT = re.compile(r"^\s*구독자\s*[\d.,]+\s*(?:천|만|억)?\s*$")
"""A paid channel's count without 명 ("구독자 1.2만"): a channel's only over its subscribe button."""
_SUBSCRIBE = re.compile(r"^\s*\+?\s*구독(?:하기)?\s*$")
MIN_TIMES = 6


def run(ctx: Context) -> None:
    """Read a pasted transcript's times, chapters and captions."""
    if ctx.source_format != "text":
        return
    _channel(ctx)
    items = ctx.items
    times = [i for i, it in enumerate(items) if unclaimed(it) and _TIME.match(it.text)]
    captioned = [i for i in times if i + 1 < len(items) and not _TIME.match(items[i + 1].text)]
    if len(captioned) < MIN_TIMES or 2 * len(captioned) < len(times):
        return
    first = times[0]
    _description(ctx, items[:first])
    for item in items[max(0, first - 3) : first]:
        if unclaimed(item) and _PANEL.match(item.text):
            ctx.drop(item, "a transcript panel's label", "transcript.chrome")
    chapters: set[int] = set()
    for a, b in pairwise(times):
        if b == a + 2 and items[a].text.strip() == items[b].text.strip():
            chapters.add(id(items[a + 1]))
    stamped = {id(items[i]) for i in times}
    spoken = {id(items[i + 1]) for i in captioned}
    drops: list[tuple[Item, str, str]] = []
    joined: set[int] = set()
    paras: list[tuple[Item, list[str]]] = []  # each paragraph's first caption and the text of all
    para: Item | None = None
    for item in items[first:]:
        if id(item) in stamped:
            drops.append((item, "a caption's time in a transcript", "transcript.timestamp"))
        elif id(item) in chapters:
            item.role, para = "heading", None
            item.attrs["level"] = "2"
        elif _SOUND.match(item.text):
            drops.append((item, "a sound label in a transcript, no speech", "transcript.sound"))
            para = None
        elif id(item) in spoken and unclaimed(item):
            if para is None:
                para = item
                paras.append((item, [item.text]))
            else:
                paras[-1][1].append(item.text)
                para.last = item.last or item.line
                joined.add(id(item))
        else:
            break  # the transcript is over (comments, the next video …)
    for head, texts in paras:  # joined once: each caption added to a growing text was quadratic
        head.text = " ".join(texts)
    ctx.items = [it for it in ctx.items if id(it) not in joined]
    ctx.drop_all(drops)


_VIEWS = re.compile(r"^\s*조회수\s*[\d,.]+\s*[천만]?\s*회|^\s*[\d,.]+[KM]?\s+views\b", re.I)
_MORE = re.compile(r"^\s*(?:\.{3}|…)\s*(?:더보기|more)\s*$", re.I)


def _description(ctx: Context, head: list[Item]) -> None:
    """The video's folded description: the lines between its views-and-date line and the
    ``...더보기`` button (the page's own summary, tags and links), with the button."""
    views = next((i for i, it in enumerate(head) if _VIEWS.match(it.text)), None)
    more = next((i for i, it in enumerate(head) if _MORE.match(it.text)), None)
    if views is None or more is None or more <= views:
        return
    for item in head[views + 1 : more + 1]:
        ctx.drop(item, "a video's folded description and its 더보기 button", "transcript.description")


_HANDLE = re.compile(r"^\s*@[A-Za-z0-9_.]{3,40}\s*$")
"""A channel's handle (``@todaybrief_kr``), as YouTube and Telegram show it under the channel's name."""


def _counts(items: list[Item], item: Item) -> bool:
    """Whether ``item`` (among the first lines) is a channel's subscriber count."""
    at = items.index(item)
    text = item.text
    below = items[at + 1].text if at + 1 < len(items) else ""
    return bool(_SUBSCRIBERS.match(text) or (_BARE_COUNT.match(text) and _SUBSCRIBE.match(below)))


def _channel(ctx: Context) -> None:
    """A channel's name over its subscriber count (its handle may stand between them): the
    publisher; the count and the handle go, and so does the name where it heads a post."""
    for at, (prev, item) in enumerate(zip(ctx.items[:12], ctx.items[1:13], strict=False)):
        if (
            at > 0
            and unclaimed(item)
            and _counts(ctx.items, item)
            and unclaimed(prev)
            and _HANDLE.match(prev.text)
            and unclaimed(ctx.items[at - 1])
            and len(ctx.items[at - 1].text.strip()) <= 30
        ):  # "@todaybrief_kr" between the name and the count: the channel's handle, under its name
            ctx.drop(prev, "a channel's handle under its name", "transcript.chrome")
            prev = ctx.items[at - 1]
        if unclaimed(item) and _counts(ctx.items, item) and unclaimed(prev) and len(prev.text.strip()) <= 30:
            ctx.vote_publisher(prev.text.strip(), Evidence.SITE_LABEL + 1)
            _video_title(ctx, prev.text.strip(), ctx.items.index(prev))
            ctx.to_meta(prev, "publisher")
            ctx.drop(item, "a channel's subscriber count", "transcript.chrome")
            _senders(ctx, prev.text.strip())
            return


def _senders(ctx: Context, channel: str) -> None:
    """The channel's name alone on a later line: the sender over a post, as a channel's page heads
    each post with it."""
    for item in ctx.items:
        if unclaimed(item) and item.text.strip() == channel:
            ctx.drop(item, "the channel's name over its post (the sender)", "transcript.sender")


def _video_title(ctx: Context, channel: str, at: int) -> None:
    """The video's title right above its channel, set as ``title | subtitle | channel's series``:
    the part naming the channel is the series, the parts between are subtitles."""
    if at == 0 or not unclaimed(above := ctx.items[at - 1]):
        return
    parts = [part.strip() for part in above.text.split(" | ")]
    if len(parts) < 2 or channel not in parts[-1] or not all(parts):
        return
    above.text = parts[0]
    marked = [Item(text=p, line=above.line, source=above.source, kind="subtitle") for p in parts[1:-1]]
    marked.append(Item(text=parts[-1], line=above.line, source=above.source, kind="series"))
    ctx.items[at:at] = marked
