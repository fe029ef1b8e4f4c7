"""Pass ``pages``: the furniture of a paginated source in a text scrape (``pdftotext`` output).

A line that is only a page number (``- 1 -``, ``— 12 —``, ``3 / 8``, ``Page 2``) marks a page break
and is removed; the line right after it that repeats a line seen before (the running header
``국토정책 Brief … No. 1024``) is removed too, and when that line opens the text it names the
publication (meta.series). Counters of a photo gallery (``1 / 5`` … ``5 / 5``, each over its
caption) are no page numbers: they go, and nothing is joined across them; nor are the counters of a
web article pasted page by page (``1/3`` in its head, ``2/3`` under the title repeated). Notes set at
the foot of a page (``1) …`` right above the page number) move to the end of the text, where the
``structure`` pass reads notes; and a paragraph the page break cut (its last line before the break ends no
sentence) runs on into the first paragraph of the next page. Texts with fewer than two page numbers
are left alone, but for a dashed number (``- 1 -``) as the last line: a one-page print's foot."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.notes import NOTE
from bookmaker.normalize.text import AGENDA_ITEM, CHAPTER, LABELED, PROVISION, ends_sentence, is_prose

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)\s*$",
    re.IGNORECASE,
)

_LAST_PAGE = re.compile(r"^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$")
"""A dashed page number (``- 1 -``) as a text's last line: a one-page print's foot, no counter."""


def _plain(item: Item) -> bool:
    return item.role is None and item.kind is None and item.content is None and not structured(item)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_LEADER_ENTRY = re.compile(r"^\s*\S.{0,80}?\s*(?:[·.…‥․ㆍ]\s*){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$")
"""An entry of a printed table of contents: a heading, leader dots, its page (``제1장 서론 ····· 1``)."""
_CONTENTS_TITLE = re.compile(r"^\s*(?:목\s*차|차\s*례|(?i:table\s+of\s+contents|contents))\s*$")
CONTENTS = "a printed table of contents (the print's page numbers; the book makes its own)"
FEWEST_ENTRIES = 3


MAX_GROUP = 40
"""The longest group line of a printed contents (``세션 1. 전자책 접근성`` over its entries)."""


def _leader(item: Item) -> bool:
    return _plain(item) and bool(_LEADER_ENTRY.match(item.text))


def _entries_end(items: list[Item], start: int, titled: bool) -> int:
    """Where the contents' entries from ``start`` end: leader-dot entries, and under a ``목차`` line
    also the lines grouping them (a part's or a session's name right over its entries, no page)."""
    j = start
    while j < len(items):
        item = items[j]
        grouping = (
            titled
            and _plain(item)
            and len(item.text) <= MAX_GROUP
            and not ends_sentence(item.text)
            and j + 1 < len(items)
            and _leader(items[j + 1])
        )
        if not (_leader(item) or grouping):
            break
        j += 1
    return j


def _drop_printed_contents(ctx: Context) -> int | None:
    """Three or more leader-dot entries in a row, with the ``목차`` line right above them (and the
    lines grouping them under it), go; the index where the first such contents stood (the cover
    above it, the first page after it)."""
    i = 0
    first = None
    while i < len(ctx.items):
        titled = _plain(ctx.items[i]) and bool(_CONTENTS_TITLE.match(ctx.items[i].text))
        start = i + 1 if titled else i
        j = _entries_end(ctx.items, start, titled)
        if sum(_leader(it) for it in ctx.items[start:j]) >= FEWEST_ENTRIES:
            run = ctx.items[i:j]
            ctx.drop_all((item, CONTENTS, "pages.contents") for item in run)
            first = i if first is None else first
        else:
            i = max(j, i + 1)
    return first


def is_page_number(text: str) -> bool:
    """``text`` is a page number alone on its line (``- 1 -``, ``3 / 8``, ``Page 2``)."""
    return bool(_PAGE_NUMBER.match(text))


_DASHED = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<text>\S.*?)\s*[―—–-]{1,2}\s*$")
_YEAR_MONTH = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*(?:\.|년)\s*(?P<month>\d{1,2})\s*(?:\.|월)?\s*$")
_INSTITUTE = re.compile(
    r"^\s*[가-힣A-Za-z·()\s]{1,30}(?:연구원|연구소|재단|협회|공단|진흥원|위원회|학회|센터|공사|협의회|정책원|개발원)\s*$"
)
MAX_COVER = 6
"""Most lines of a report's cover above its printed contents."""


def _cover(ctx: Context, contents: int) -> None:
    """A report's cover above its printed contents: the first line the title, a line set between
    dashes (``― … ―``) its subtitle, a year and month alone (``2026. 11.``) its date, an institute's
    name (``…연구원``, ``…재단``) its publisher."""
    cover = ctx.items[:contents]
    if not 1 <= len(cover) <= MAX_COVER or not all(_plain(it) for it in cover):
        return
    if len(cover[0].text) > 80 or ends_sentence(cover[0].text):
        return
    cover[0].kind = "title"
    for item in cover[1:]:
        if dashed := _DASHED.match(item.text):
            item.text, item.kind = dashed["text"], "subtitle"
        elif (month := _YEAR_MONTH.match(item.text)) and 1 <= int(month["month"]) <= 12:
            ctx.meta.setdefault("date", f"{month['year']}-{int(month['month']):02d}")
            ctx.to_meta(item, "date")
        elif _INSTITUTE.match(item.text):
            ctx.vote_publisher(item.text.strip(), Evidence.DECISION)
            ctx.to_meta(item, "publisher")


def _header_after_contents(ctx: Context, contents: int) -> None:
    """The first page after the printed contents opens with the running header too (the cover's
    title again): that copy goes as the later pages' do."""
    if not 0 < contents < len(ctx.items) or not _plain(after := ctx.items[contents]):
        return
    if any(_key(it.text) == _key(after.text) for it in ctx.items[:contents]):
        ctx.drop(after, "a running header repeated at the top of each page", "pages.header")


_COUNTER = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")


def is_counter(text: str) -> bool:
    """``text`` is an ``N / M`` counter alone on its line."""
    return bool(_COUNTER.match(text))


def counted_through(items: list[Item]) -> int | None:
    """The total, when the lines count 1, 2, … of it in order (``1 / 5``, ``2 / 5``); else None."""
    counts = [_COUNTER.match(it.text) for it in items]
    totals = {m[2] for m in counts if m}
    if not items or not all(counts) or len(totals) != 1:
        return None
    if [int(m[1]) for m in counts if m] != list(range(1, len(items) + 1)):
        return None
    return int(totals.pop())


GALLERY_GAP = 2
"""Most lines between two photo counters of a gallery (a caption, perhaps its credit)."""


def _gallery(ctx: Context, breaks: list[Item]) -> bool:
    """The "N / M" lines count a photo gallery, not pages: 1, 2, … of one total, each right over its
    caption (a page holds more than a line or two), and they go as the gallery's counters."""
    if counted_through(breaks) is None:
        return False
    where = {id(it): i for i, it in enumerate(ctx.items)}
    at = [where[id(it)] for it in breaks]
    if any(b - a > GALLERY_GAP + 1 for a, b in pairwise(at)) or at[-1] == len(ctx.items) - 1:
        return False  # a page's number closes its page: the last one closes the text
    ctx.drop_all(
        (number, "a photo gallery's counter (N / M over each caption)", "pages.gallery") for number in breaks
    )
    return True


HEAD_REPEAT = 4
"""Most lines above a web page's counter that may repeat the article's head (title, byline, date)."""


def _web_pages(ctx: Context, breaks: list[Item]) -> bool:
    """The "N/M" lines count the pages of a web article pasted page by page, not a print's pages: 1, 2,
    … of one total, the first in the article's head (no running text above it), and each later one
    under a copy of a line of that head (the page's title repeated). The copies go; nothing is joined
    across the counters, as each page opens with its head."""
    if counted_through(breaks) is None:
        return False
    where = {id(it): i for i, it in enumerate(ctx.items)}
    first = where[id(breaks[0])]
    if any(is_prose(it.text) for it in ctx.items[:first]):
        return False
    head = {_key(it.text) for it in ctx.items[:first] if _plain(it)}
    copies: list[Item] = []
    for above, number in pairwise(breaks):
        start, at = where[id(above)] + 1, where[id(number)]
        window = ctx.items[max(start, at - HEAD_REPEAT) : at]  # on this page, not the head itself
        found = [it for it in window if _plain(it) and _key(it.text) in head]
        if not found:
            return False
        copies += found
    ctx.drop_all(
        [
            *((number, "a web article's page counter (N/M)", "pages.number") for number in breaks),
            *(
                (copy, "the article's head repeated at the top of each web page", "pages.header")
                for copy in copies
            ),
        ]
    )
    return True


def run(ctx: Context) -> None:
    """Remove page numbers and running headers; move page-foot notes; join cut paragraphs."""
    if ctx.source_format != "text":
        return
    contents = _drop_printed_contents(ctx)
    breaks = [it for it in ctx.items if _plain(it) and _PAGE_NUMBER.match(it.text)]
    if len(breaks) == 1 and breaks[0] is ctx.items[-1] and _LAST_PAGE.match(breaks[0].text):
        ctx.drop(breaks[0], "a page number of a paginated source (its one page)", "pages.number")
        return
    if len(breaks) < 2 or _web_pages(ctx, breaks) or _gallery(ctx, breaks):
        return  # one number alone ("1/6" under a photo) paginates nothing
    ctx.paginated = True
    if contents is not None:
        _header_after_contents(ctx, contents)
        _cover(ctx, contents)
    _sweep(ctx, breaks)


class _Prefix:
    """The body read so far, with the keys of its lines and of its pairs of plain lines in a row (a
    cover's title set on two lines, repeated whole as a running header) counted as lines come and go,
    so that each page costs only its own lines."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.seen: Counter[str] = Counter()
        self.pairs: Counter[str] = Counter()

    def _pair(self, a: Item, b: Item) -> str | None:
        return _key(f"{a.text} {b.text}") if _plain(a) and _plain(b) else None

    def push(self, item: Item) -> None:
        if self.items and (pair := self._pair(self.items[-1], item)) is not None:
            self.pairs[pair] += 1
        self.seen[_key(item.text)] += 1
        self.items.append(item)

    def pop(self, first: bool = False) -> Item:
        """Take out the last line (or the first)."""
        item = self.items.pop(0 if first else -1)
        if self.items:
            pair = self._pair(item, self.items[0]) if first else self._pair(self.items[-1], item)
            if pair is not None:
                self.pairs[pair] -= 1
        self.seen[_key(item.text)] -= 1
        return item


_PARTS = re.compile(r"\s{3,}")


def _body_in_header(ctx: Context, header: str) -> None:
    """A running header set in two parts apart, a kind of document and a body's name (``가람마을 3단지
    입주자대표회의        회의록``): the body votes for the publisher (rules ``pages``)."""
    parts = [part.strip() for part in _PARTS.split(header.strip())]
    kinds = ctx.rules.word_set(("pages", "document_kinds"))
    endings = tuple(ctx.rules.strings("pages", "body_endings"))
    if len(parts) != 2 or not any(part in kinds for part in parts):
        return
    body = parts[1] if parts[0] in kinds else parts[0]
    if body.endswith(endings) and body not in kinds:
        ctx.vote_publisher(body, Evidence.SITE_LABEL)


MAX_RUNNING = 40
"""The longest running header shortened from the text's first line."""


def _abridged(first: Item | None, after: Item) -> bool:
    """A running header shortened from the text's first line, its title (``물결 독서모임 12월 발제문``
    topping a page of ``물결 독서모임 12월 정기모임 발제문``): two words or more, all the title's, in its
    order, fewer than it has, and no sentence."""
    if first is None or not _plain(first) or len(first.text) > 2 * MAX_RUNNING:
        return False
    words, whole = after.text.split(), first.text.split()
    if not 2 <= len(words) < len(whole) or len(after.text) > MAX_RUNNING or ends_sentence(after.text):
        return False
    rest = iter(whole)
    return all(word in rest for word in words)


def _sweep(ctx: Context, breaks: list[Item]) -> None:
    """One pass over the body: each page number goes, with the running header after it; the notes
    at the page's foot move to the end; a paragraph the break cut runs on."""
    numbers = {id(it) for it in breaks}
    lines = ctx.items
    body = _Prefix()
    moved: list[Item] = []
    drops: list[tuple[Item, str, str]] = []
    running: set[str] = set()  # the keys of the running headers found
    tops: dict[str, Item] = {}  # the line topping a page, by key, before it tops another (then it runs)
    firsts: set[int] = set()  # a running header's first copy, topping a page after its number
    at = 0
    while at < len(lines):
        number = lines[at]
        at += 1
        if id(number) not in numbers:
            body.push(number)
            continue
        drops.append((number, "a page number of a paginated source", "pages.number"))
        after = lines[at] if at < len(lines) else None
        if after is not None and _plain(after) and id(after) not in numbers:
            k = _key(after.text)
            abridged = _abridged(body.items[0] if body.items else None, after)
            if body.seen[k] or body.pairs[k] or k in running or abridged:  # a line, or two, seen before
                drops.append((after, "a running header repeated at the top of each page", "pages.header"))
                at += 1
                if (copy := tops.pop(k, None)) is not None and copy.text == after.text:
                    firsts.add(id(copy))  # its first copy topped a page too: it runs from there
                    drops.append((copy, "a running header repeated at the top of each page", "pages.header"))
                running.add(k)  # every later copy goes too, when the first went to the metadata
                first = body.items[0] if body.items else None
                if first is not None and body.seen[k] and _key(first.text) == k and _plain(first):
                    ctx.hints["series"] = [*ctx.hinted_list("series"), k]  # the first page's: the publication
                    _body_in_header(ctx, ctx.source_text.get(first.line, first.text))
                    ctx.to_meta(body.pop(first=True), "series")
            else:
                tops.setdefault(k, after)
            after = lines[at] if at < len(lines) else None
        notes: list[Item] = []
        while body.items and _plain(body.items[-1]) and NOTE.match(body.items[-1].text):
            notes.append(body.pop())
        moved += reversed(notes)
        before = body.items[-1] if body.items else None
        if before is None or after is None or not (_plain(before) and _plain(after)):
            continue
        if ends_sentence(before.text) or NOTE.match(after.text) or not re.match(r"[가-힣a-z]", after.text):
            continue
        if CHAPTER.match(after.text) or PROVISION.match(after.text) or LABELED.match(before.text):
            continue  # "제1장 서론", "제5조(…)" open the next page; "학 번: 2025-21734" is a field
        if AGENDA_ITEM.match(after.text):
            continue  # "제2호 안건 : …": minutes' next agenda item opens the next page
        body.pop()
        before.text = f"{before.text} {after.text}"  # the paragraph runs on over the page break
        before.last = after.last or after.line
        body.push(before)
        at += 1
    ctx.items = [it for it in body.items if id(it) not in firsts] + moved
    ctx.drop_all(drops)
