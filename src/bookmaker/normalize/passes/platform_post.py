"""Pass ``platform_post``: a post on a content platform (an interior community's 집들이, a hobby
platform's story) copied from the web as text, one line a box: the service's name and menus, the
title, a tag line, the writer's card (nickname / date / ``팔로우``), an info grid of label and value
lines (``주거형태`` / ``아파트`` / ``평수`` / ``24평`` …), the post with a short label over each part
(``현관``, ``거실``) and ``상품 태그 보기`` buttons among its lines, then the engagement bar (``좋아요
1,204`` / ``스크랩 2,381`` / ``댓글 46`` / ``공유``) and, below it, products, comments, other posts
and the footer.

The line over the card (the nearest of eight letters or more, no bar) is the title, the lines
between them its tags (``post.meta``); the nickname is the author; the first line, one short word,
votes for the publisher. Each label and its value become one item of a list (``주거형태: 아파트``);
each part's label is a heading when three parts or more have one; the post's lines are paragraphs
of their own. The follow button and the tag buttons (``post.chrome``) and everything from the
engagement bar on (``post.footer``; a copyright line is left to pass ``boilerplate``) go. A text is
read so only with the card (a nickname right over a date line right over a follow button, or right
over the button) and a bar of three counter lines or more below it. A post under a sentence of
running text (:func:`~bookmaker.normalize.text.quoted_in_article`) is quoted in a story: its lines
from the title to the bar stay as printed, each its own paragraph, and the story around them stays."""

from __future__ import annotations

import re
from itertools import pairwise

from bookmaker.ir import Author
from bookmaker.normalize.blocks import keep_as_printed, structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.text import ends_sentence, quoted_in_article

_FOLLOW = re.compile(r"^\s*\+?\s*(?:팔로우|팔로잉|구독하기|구독|이웃\s*추가)\s*$")
_DAY = re.compile(
    r"^\s*\d{4}\s*(?:[.\-/]|년)\s*\d{1,2}\s*(?:[.\-/]|월)\s*\d{1,2}\s*일?\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_LABEL = re.compile(r"^[가-힣]{2,6}$")
_PART = re.compile(r"^[가-힣A-Za-z][가-힣A-Za-z0-9 ·&]{0,11}$")
_COUNTER = re.compile(r"^\s*(?:좋아요|스크랩|저장|댓글|공유|조회|추천|북마크)(?:\s*\d[\d,.]*[천만]?)?\s*$")
_BUTTON = re.compile(r"^\s*(?:상품\s*태그\s*(?:보기|\d+)|사진\s*속\s*상품(?:\s*\d+)?|제품\s*정보\s*보기)\s*$")
_RIGHTS = re.compile(r"^\s*(?:©|ⓒ|\(c\)|copyright)", re.IGNORECASE)
MIN_TITLE = 8
MAX_TAG_LINES = 2
MAX_NAME = 20
MAX_VALUE = 30
MIN_PAIRS = 3
MIN_BAR = 3
MIN_PARTS = 3
MIN_PART_TEXT = 30
MAX_SERVICE = 10

_META = "a platform post's tag line between its title and the writer's card"
_CHROME = "a platform post's follow and product-tag buttons"
_FOOTER = "a platform post's engagement bar, products, comments, other posts and footer"


def _card(items: list[Item]) -> tuple[int, int] | None:
    """The indices of the writer's nickname and of the follow button under it (a date between)."""
    for f in range(1, len(items)):
        if not _FOLLOW.match(items[f].text):
            continue
        name = f - 2 if f >= 2 and _DAY.match(items[f - 1].text) else f - 1
        text = items[name].text.strip()
        if name > 0 and 0 < len(text) <= MAX_NAME and len(text.split()) <= 2 and not _DAY.match(text):
            return name, f
    return None


def _title(items: list[Item], name: int) -> int | None:
    """The title's index: the nearest line over the card of eight letters or more without a bar,
    at most two tag lines between."""
    for at in range(name - 1, max(-1, name - 2 - MAX_TAG_LINES), -1):
        text = items[at].text.strip()
        if len(text) >= MIN_TITLE and "|" not in text:
            return at
    return None


def _pairs(items: list[Item], start: int) -> int:
    """How many label / value pairs open ``items[start:]``."""
    count = 0
    while start + 2 * count + 1 < len(items):
        label, value = items[start + 2 * count], items[start + 2 * count + 1]
        text = value.text.strip()
        if not _LABEL.match(label.text.strip()) or not text or len(text) > MAX_VALUE or ends_sentence(text):
            break
        count += 1
    return count


def _bar(items: list[Item], start: int) -> int | None:
    """The index of the engagement bar: three counter lines or more in a row, two with a count."""
    for at in range(start, len(items) - MIN_BAR + 1):
        run = items[at : at + MIN_BAR]
        if (
            all(_COUNTER.match(it.text) for it in run)
            and sum(bool(re.search(r"\d", it.text)) for it in run) >= 2
        ):
            return at
    return None


def _parts(body: list[Item]) -> list[Item]:
    """The labels of the post's parts: a short line right over a line of prose (a button between)."""
    lines = [it for it in body if not _BUTTON.match(it.text)]
    return [
        item
        for item, nxt in pairwise(lines)
        if _PART.match(item.text.strip())
        and len(nxt.text.strip()) >= MIN_PART_TEXT
        and ends_sentence(nxt.text.strip())
    ]


def run(ctx: Context) -> None:
    """Read a platform's post (see the module); any other text is left as it is."""
    if ctx.source_format != "text":
        return
    items = [item for item in ctx.items if item.text.strip() and not structured(item) and item.kind is None]
    card = _card(items)
    if card is None:
        return
    name, follow = card
    title = _title(items, name)
    pairs = _pairs(items, follow + 1)
    body_start = follow + 1 + 2 * pairs if pairs >= MIN_PAIRS else follow + 1
    bar = _bar(items, body_start)
    if title is None or bar is None:
        return
    if quoted_in_article(item.text for item in items[:title]):
        end = bar
        while end < len(items) and _COUNTER.match(items[end].text):
            end += 1
        for item in items[title:end]:
            keep_as_printed(item)  # a post's head quoted in a story: as printed, its own lines
        return
    items[title].kind = "title"
    writer = items[name]
    ctx.add_author(Author(name=writer.text.strip()), writer.line)
    first = items[0].text.strip()
    if title > 0 and len(first) <= MAX_SERVICE and " " not in first:
        ctx.vote_publisher(first, Evidence.SITE_LABEL)
    drops: list[tuple[Item, str, str]] = [(it, _META, "post.meta") for it in items[title + 1 : name]]
    drops.append((items[follow], _CHROME, "post.chrome"))
    body = items[body_start:bar]
    parts = _parts(body)
    heads = {id(it) for it in parts} if len(parts) >= MIN_PARTS else set()
    for item in body:
        if _BUTTON.match(item.text):
            drops.append((item, _CHROME, "post.chrome"))
        elif id(item) in heads:
            item.kind = item.role = "heading"
        else:
            item.role = "paragraph"
    drops += [(it, _FOOTER, "post.footer") for it in items[bar:] if not _RIGHTS.match(it.text)]
    merged = _grid(items, follow + 1, pairs) if pairs >= MIN_PAIRS else []
    ctx.to_meta(writer, "authors")
    if merged:
        inside = {id(it) for it in merged}
        ctx.items = [it for it in ctx.items if id(it) not in inside]
    ctx.drop_all(drops)


def _grid(items: list[Item], start: int, pairs: int) -> list[Item]:
    """Make each label and its value one list item (``주거형태: 아파트``); returns the value lines, now
    inside their labels' items."""
    values: list[Item] = []
    first = items[start].line
    for n in range(pairs):
        label, value = items[start + 2 * n], items[start + 2 * n + 1]
        label.text = f"{label.text.strip()}: {value.text.strip()}"
        label.source = label.text
        label.content = None
        label.last = value.line
        label.kind = label.role = "list-item"
        label.attrs["list"] = str(first)
        label.attrs["own_text"] = "1"
        values.append(value)
    return values
