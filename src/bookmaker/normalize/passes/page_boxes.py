"""Regions of a page that pass ``boilerplate`` removes whole, above or inside the text: ranked rows,
text boxes, ads, a portal's machine summaries, a translation menu, embedded social posts."""

from __future__ import annotations

import re

from bookmaker.ir import Figure
from bookmaker.normalize.blocks import keep_as_printed, structured, unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.passes.captions import split_credit
from bookmaker.normalize.passes.chrome_lines import bare_text, is_chrome, line_family
from bookmaker.normalize.text import ends_sentence, is_prose

_SUMMARY_HEADER = re.compile(r"자동\s*요약한\s*결과|자동\s*추출\s*기술로\s*요약된")
_SUMMARY_MOST = 5
_SUMMARY_REASON = "the portal's automatic summary (sentences of the body)"


def drop_auto_summary(ctx: Context) -> None:
    """A portal's automatic summary (Daum's 자동요약, Naver's 요약봇): a few sentences copied from
    the body, after the summary panel's own explanation (…자동요약한 결과입니다) and before more
    interface text (음성재생 설정), with the article still to come. Left in, they open the article
    out of order (or repeat it)."""
    items = ctx.items
    start = 0
    while start < len(items):
        if not (_SUMMARY_HEADER.search(items[start].text) and is_chrome(ctx, items[start].text)):
            start += 1
            continue
        first = start + 1
        while first < len(items) and is_chrome(ctx, items[first].text):
            first += 1
        end = first
        while end < len(items) and end - first < _SUMMARY_MOST and _summary_line(ctx, items[end]):
            end += 1
        closed = first < end < len(items) and is_chrome(ctx, items[end].text)
        if closed and any(_summary_line(ctx, item) for item in items[end:]):  # the body follows
            for item in items[first:end]:
                ctx.drop(item, _SUMMARY_REASON, "boilerplate.summary")
        start = end


def language_menu(ctx: Context) -> None:
    """A translation menu copied as text, each language named in itself on a line of its own
    (English / 日本語 / 简体中文): two or more such lines in a row go; one alone is a heading."""
    names = ctx.rules.patterns("boilerplate", "language_names", whole=True)
    run: list[Item] = []
    for item in [*ctx.items, None]:
        if item is not None and any(p.match(item.text.strip()) for p in names):
            run.append(item)
            continue
        for named in run if len(run) >= 2 else []:
            ctx.drop(named, "a translation menu (each language named in itself)", "boilerplate.chrome")
        run = []


SUMMARY_REACH = 8
"""At most this many lines from a machine summary's header up to its disclaimer."""


def drop_machine_summary(ctx: Context) -> None:
    """An app's machine summary box over the text (``AI 요약``, three bullets, ``AI가 … 요약한
    내용입니다``): from the header to the disclaimer all goes — the bullets are the machine's words."""
    headers = ctx.rules.patterns("boilerplate", "summary_headers", whole=True)
    notices = ctx.rules.patterns("boilerplate", "summary_notices")
    items = ctx.items
    for end, item in enumerate(items):
        if structured(item) or len(item.text) > 200 or not any(p.search(item.text) for p in notices):
            continue
        start = next(
            (
                at
                for at in range(end - 1, max(-1, end - SUMMARY_REACH - 1), -1)
                if any(p.match(bare_text(items[at].text)) for p in headers)
            ),
            None,
        )
        if start is not None:
            for box in items[start : end + 1]:
                ctx.drop(box, "an app's machine summary of the text", "boilerplate.summary")
            return


EMBED_REACH = 6
"""At most this many lines above an embedded post's footer up to the poster's handle."""
_HANDLE = re.compile(r"@?[a-z0-9][a-z0-9._]{1,29}")


def embedded_posts(ctx: Context) -> None:
    """A social post embedded in the page and copied as text: its footer (``Instagram에서 이 게시물
    보기``), and above it up to the poster's handle (``haarin_lumina``) its buttons and counters go;
    the words between are the post's caption, quoted."""
    footers = ctx.rules.patterns("boilerplate", "embed_footers", whole=True)
    buttons = ctx.rules.patterns("boilerplate", "embed_chrome", whole=True)
    for footer in list(ctx.items):
        if structured(footer) or not any(p.match(footer.text.strip()) for p in footers):
            continue
        at = ctx.items.index(footer)
        window = ctx.items[max(0, at - EMBED_REACH) : at]
        top = next(
            (i for i in range(len(window) - 1, -1, -1) if _HANDLE.fullmatch(window[i].text.strip())), None
        )
        for item in [*(window[top:] if top is not None else []), footer]:
            text = item.text.strip()
            if (
                item is footer
                or _HANDLE.fullmatch(text)
                or any(p.match(text) for p in buttons)
                or is_chrome(ctx, text)
            ):
                ctx.drop(item, "an embedded social post's handle, buttons and counters", "boilerplate.embed")
            elif not structured(item):
                item.role = "quote"


def _summary_line(ctx: Context, item: Item) -> bool:
    plain = item.kind is None and not structured(item)
    return plain and is_prose(item.text) and not is_chrome(ctx, item.text)


_AD_LABEL = re.compile(r"(?i:광고|AD|advertisement|sponsored|스폰서)")


def ad_images(ctx: Context) -> None:
    """An image whose own box carries an ad label (``<img alt="위시켓 프로젝트 찾기"><span>광고</span>``,
    both on one source line): an advertisement, its alt text no caption."""
    items = ctx.items
    for at, label in enumerate(list(items)):
        if not _AD_LABEL.fullmatch(label.text.strip()):
            continue
        for image in items[max(0, at - 1) : at] + items[at + 1 : at + 2]:
            if (
                image.kind == "caption"
                and image.line == label.line
                and image.attrs.get("alt") == image.text
                and image in ctx.items
            ):
                ctx.drop(image, "an advertisement (an image labelled as one)", "boilerplate.ad")
                ctx.drop(label, "an advertisement (its label)", "boilerplate.ad")
                break


_RANKED_ROW = re.compile(r"^\s*(?P<rank>\d{1,3})\s*(?P<sep>[/|ㅣ·])\s*[^\d\s/|ㅣ·]")
"""A row of a ranking set out in text: its rank, a separator, then a name (``1 / FC서울 / 2만 7,412명``)."""


def ranked_rows(ctx: Context) -> None:
    """Rows of a ranking: two lines or more in a row, ranked one after another (1, 2, 3 …) with the same
    separator — text of the story however short their cells (a menu's ``5 / 수원FC / 9,874명``)."""
    rows: list[Item] = []
    previous: re.Match[str] | None = None
    for item in ctx.items:
        m = _RANKED_ROW.match(item.text) if unclaimed(item) else None
        if m and previous and int(m["rank"]) == int(previous["rank"]) + 1 and m["sep"] == previous["sep"]:
            rows.append(item)
        else:
            _mark_rows(rows)
            rows = [item] if m else []
        previous = m
    _mark_rows(rows)


_RANK = re.compile(r"^\s*(\d{1,3})\s*$")
_ENTRY = re.compile(r"[가-힣A-Za-z]")
MIN_RANKS = 3


def ranks_over_entries(ctx: Context) -> None:
    """A ranking set out as its rank alone over each entry (``1`` / ``FC서울`` / ``2`` / ``울산 HD`` …),
    three ranks or more counted from 1: each line is text as printed — no lone number of a page's
    chrome, no entry a heading."""
    items = ctx.items
    at = 0
    while at < len(items):
        pairs = 0
        while at + 2 * pairs + 1 < len(items):
            rank, entry = items[at + 2 * pairs], items[at + 2 * pairs + 1]
            m = _RANK.match(rank.text) if unclaimed(rank) and unclaimed(entry) else None
            if m is None or int(m.group(1)) != pairs + 1 or not _ENTRY.search(entry.text):
                break  # a ranking counts from 1 (a like counter's "0" over "많이 본 뉴스" is none)
            pairs += 1
        if pairs < MIN_RANKS:
            at += 1
            continue
        for item in items[at : at + 2 * pairs]:
            keep_as_printed(item)
        at += 2 * pairs


def _mark_rows(rows: list[Item]) -> None:
    for row in rows if len(rows) >= 2 else []:
        row.attrs["own_text"] = "1"


_BOX_TOP = re.compile(r"^\s*[┌╔┏][─━═]{3,}[┐╗┓]?\s*$")
_BOX_BOTTOM = re.compile(r"^\s*[└╚┗][─━═]{3,}[┘╝┛]?\s*$")
_BOX_SIDE = re.compile(r"^\s*[│┃║]\s?(?P<text>.*?)\s*[│┃║]?\s*$")
MAX_BOX_LINES = 40
"""The most lines a text box drawn with box-drawing characters may hold."""


def _box_below(items: list[Item], at: int) -> int | None:
    """The index of the bottom frame line of a one-column text box whose top frame is ``items[at]``
    (``┌────`` / ``│ …`` lines / ``└────``, consecutive source lines), else ``None``."""
    if not _BOX_TOP.match(items[at].text):
        return None
    for k in range(at + 1, min(len(items), at + 2 + MAX_BOX_LINES)):
        if items[k].line != items[k - 1].line + 1:
            return None
        if _BOX_BOTTOM.match(items[k].text):
            return k if k > at + 1 else None
        if not _BOX_SIDE.match(items[k].text):
            return None
    return None


def text_boxes(ctx: Context) -> None:
    """A one-column box drawn around lines of a text copy (a printed page's sidebar): its frame lines
    are decoration and go, its lines lose their side bars; a box calling for readers' letters
    (``독자 여러분의 목소리를 기다립니다`` … ``보내실 곳``) goes whole, as its lines would one by one."""
    if ctx.source_format != "text":
        return
    items = list(ctx.items)
    at = 0
    while at < len(items):
        end = _box_below(items, at)
        if end is None:
            at += 1
            continue
        inner = items[at + 1 : end]
        texts = [m["text"] if (m := _BOX_SIDE.match(it.text)) else it.text for it in inner]
        if any(line_family(ctx, text) == "contribute" for text in texts):
            ctx.drop_all(
                (it, "a boxed call for readers' letters (length, address)", "boilerplate.contribute")
                for it in items[at : end + 1]
            )
        else:
            for it, text in zip(inner, texts, strict=True):
                it.text = text
            ctx.drop_all(
                (it, "a text box's frame line (decoration)", "chrome.frame") for it in (items[at], items[end])
            )
        at = end + 1


_AD_BLOCK_LABEL = re.compile(r"^\s*[\[(<〈【]?\s*(?:광고|AD|전면\s*광고)\s*[\])>〉】]?\s*$")
MAX_AD_LINES = 6
MAX_AD_LINE = 80


def ad_blocks(ctx: Context) -> None:
    """A text copy's ad label alone on a line after a blank (``[광고]``) with short lines right under it,
    no blank between, up to the next blank: an advertisement's copy (the clinic, its hours, its phone),
    dropped with its label. Lines that end as sentences are text the label stood over, and stay."""
    if ctx.source_format != "text":
        return
    items = list(ctx.items)
    for at, label in enumerate(items):
        if not (label.attrs.get("after_blank") and _AD_BLOCK_LABEL.match(label.text)):
            continue
        copy: list[Item] = []
        for it in items[at + 1 : at + 2 + MAX_AD_LINES]:
            if it.attrs.get("after_blank") or it.line != (copy[-1] if copy else label).line + 1:
                break
            copy.append(it)
        block_ends = at + 1 + len(copy) >= len(items) or bool(
            items[at + 1 + len(copy)].attrs.get("after_blank")
        )
        if (
            not copy
            or len(copy) > MAX_AD_LINES
            or not block_ends
            or any(len(it.text) > MAX_AD_LINE or ends_sentence(it.text) or it.kind for it in copy)
        ):
            continue
        ctx.drop_all(
            (it, "an advertisement's copy under its label", "boilerplate.ad") for it in (label, *copy)
        )


_SLIDE_COUNT = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*")
"""A photo slider's counter (``1 / 5``): the photo shown, of how many."""


def pictured(ctx: Context, item: Item | None) -> bool:
    """A photo, its caption, or a line that ends with a photo credit (a caption not read yet)."""
    if item is None:
        return False
    if isinstance(item.block, Figure) or "caption" in (item.kind, item.role):
        return True
    found = None if structured(item) else split_credit(ctx.rules, item.text)
    return found is not None and found[1] is not None


def slide_counters(ctx: Context) -> None:
    """A photo slider's counter alone on its line (``1 / 2``) right beside a photo or its caption. (In
    a text with two counters or more, pass ``pages`` tells a gallery's counters from page numbers.)"""
    items = ctx.items
    counters = [it for it in items if _SLIDE_COUNT.fullmatch(it.text)]
    if not counters or (ctx.source_format == "text" and len(counters) >= 2):
        return
    for at, item in enumerate(items):
        count = _SLIDE_COUNT.fullmatch(item.text)
        if count is None or item.kind is not None or structured(item):
            continue
        shown, of = int(count[1]), int(count[2])
        before = items[at - 1] if at else None
        after = items[at + 1] if at + 1 < len(items) else None
        if 1 <= shown <= of and (pictured(ctx, before) or pictured(ctx, after)):
            ctx.drop(item, "a photo slider's counter (the photo shown, of how many)", "boilerplate.chrome")
