"""Pass ``book_page``: an online bookshop's page of one book copied as text.

Its credit line names the book's writer, publisher and publication date (``김유진 저 | 한빛마루 |
2026년 10월 15일``, ``… 지음 | …``), above any sentence (under an article's sentences it is a
review's): the writers are the authors, the publisher the page's
publisher (the book's, over the shop's), the date stays for pass ``dates``. The line above it is
the subtitle when another is above that, which is the title: the shop's type tag before it
(``[도서]``, ``[eBook]``) is recorded and cut.

Below the credit line, the shop's section labels alone on a line (``책소개``, ``목차``, ``저자 소개``,
``출판사 리뷰``: rules ``book_page.sections``, ``.writers``, ``.contents``) are headings, when the
page has two of them or more. Under a contents label, its short lines up to the next label, a
block of text or the shop's chrome are the book's own table of contents: content, a list (not the
page's navigation; marked lines, ``1. …``, are left to pass ``structure``). In a writers' section the short
line over each bio names its writer; under any other label the short line right below it leads
the section (the review's tagline), and a dash-led line under a sentence says who wrote it (``―
이하늘 (시인)`` under a recommendation): text, neither a heading of its own nor a byline. The shop's
other rows (prices, member reviews, 품목정보) are its chrome, removed by pass ``boilerplate``."""

from __future__ import annotations

import re
from itertools import pairwise

from bookmaker.ir import Author
from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.list_marks import readings
from bookmaker.normalize.passes.chrome_lines import is_chrome
from bookmaker.normalize.rules import Rules
from bookmaker.normalize.text import ends_sentence, key

_CREDIT = re.compile(
    r"^\s*(?P<names>[가-힣]{2,4}(?:\s*,\s*[가-힣]{2,4}){0,3})\s*(?:저|지음|글|엮음|편저|공저)\s*[|ㅣ]\s*"
    r"(?P<publisher>[^|ㅣ]{2,20}?)\s*[|ㅣ]\s*(?P<date>\d{4}\s*년\s*\d{1,2}\s*월\s*(?:\d{1,2}\s*일)?|"
    r"\d{4}\s*[.\-/]\s*\d{1,2}(?:\s*[.\-/]\s*\d{1,2})?\.?)\s*$"
)
_TYPE_TAG = re.compile(r"^\s*\[(?:도서|eBook|전자책|중고|외서|국내도서|오디오북)\]\s*", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"^\s*[―—–-]{1,2}\s*[가-힣A-Za-z]")
_BULLET = re.compile(r"^\s*[-•·*▪◦]\s+\S")
COVER = 15
MAX_TITLE = 60
MAX_LEAD = 40
"""The longest line under a section label read as its lead (a name, a tagline)."""
MAX_ENTRY = 80
"""The longest line of a book's table of contents."""
FEWEST_LABELS = 2


def _short(item: Item) -> bool:
    return unclaimed(item) and 0 < len(item.text.strip()) <= MAX_TITLE and not ends_sentence(item.text)


def run(ctx: Context) -> None:
    """Read a book page's credit line, title and subtitle, and mark its sections."""
    if ctx.source_format != "text":
        return
    items = ctx.items
    at = next((i for i, it in enumerate(items[:COVER]) if unclaimed(it) and _CREDIT.match(it.text)), None)
    if at is None or any(unclaimed(it) and ends_sentence(it.text) for it in items[:at]):
        return  # the credit opens a book's page; under an article's sentences it is a review's
    credit = items[at]
    m = _CREDIT.match(credit.text)
    assert m is not None
    for name in re.split(r"\s*,\s*", m["names"].strip()):
        ctx.add_author(Author(name=name), credit.line)
    ctx.vote_publisher(m["publisher"].strip(), Evidence.DECISION)
    ctx.note_line("authors", credit.line)
    ctx.note_line("publisher", credit.line)
    credit.text = m["date"]
    _sections(ctx, items[at + 1 :])
    above = [it for it in items[max(0, at - 2) : at] if _short(it)]
    title = next((it for it in above if _TYPE_TAG.match(it.text)), above[0] if len(above) == 2 else None)
    if title is None:
        return
    tag = _TYPE_TAG.match(title.text)
    if tag is not None:
        ctx.record(
            tag.group(0).strip(), "the shop's type tag before the book's title", title.line, "book.type"
        )
        title.text = title.text[tag.end() :]
    title.kind = "title"
    for it in items[items.index(title) + 1 : at]:
        it.kind = "subtitle"


def _labels(rules: Rules, name: str) -> frozenset[str]:
    """The shop's section labels of rule list ``book_page.name``, as comparison keys."""
    return frozenset(key(label) for label in rules.strings("book_page", name))


def _label(item: Item, labels: frozenset[str]) -> bool:
    return unclaimed(item) and len(item.text) <= MAX_TITLE and key(item.text) in labels


def _sections(ctx: Context, below: list[Item]) -> None:
    """Below the credit line: the shop's section labels are headings, the lines of a contents
    label's block the book's contents (a list), the name over each bio in a writers' section and
    the short line under another label that section's text."""
    contents, writers = _labels(ctx.rules, "contents"), _labels(ctx.rules, "writers")
    labels = contents | writers | _labels(ctx.rules, "sections")
    found = [
        i
        for i, it in enumerate(below)
        if _label(it, labels)
        and i + 1 < len(below)
        and unclaimed(below[i + 1])
        and not _label(below[i + 1], labels)
    ]
    if len({key(below[i].text) for i in found}) < FEWEST_LABELS:
        return  # one such word is a word of the text, not a shop page's sections
    for i, end in zip(found, [*found[1:], len(below)], strict=True):
        below[i].role = "heading"
        label = key(below[i].text)
        if label in contents:
            _contents(ctx, below, i + 1, labels)
        elif label in writers:
            _names(below[i + 1 : end])
        else:
            if not below[i + 1].attrs.get("after_blank") and _lead(below[i + 1]):
                below[i + 1].role = "paragraph"
            _attributions(below[i + 1 : end])


def _names(section: list[Item]) -> None:
    """In a writers' section, each short line right over a sentence (``김유진`` over ``서울에서
    태어나 …``) names the writer the bio is about: text (not a byline, not a heading)."""
    for it, nxt in pairwise(section):
        if _lead(it) and unclaimed(nxt) and ends_sentence(nxt.text):
            it.role = "paragraph"


def _attributions(section: list[Item]) -> None:
    """A dash-led short line under a sentence (``― 이하늘 (시인)`` under a recommendation) says who
    wrote it: text, not a heading."""
    for above, it in pairwise(section):
        if _ATTRIBUTION.match(it.text) and _lead(it) and ends_sentence(above.text):
            it.role = "paragraph"


def _contents(ctx: Context, items: list[Item], start: int, labels: frozenset[str]) -> None:
    """From ``items[start]`` up to the next label or the shop's chrome, the blocks (set apart by
    blank lines) whose every line is short and no sentence: the book's table of contents, a list,
    when two lines or more (its parts may stand apart: ``머리말`` / blank / ``1부 …``, ``1장 …``)."""
    entries: list[Item] = []
    block: list[Item] = []
    for it in items[start:]:
        if it.attrs.get("after_blank"):
            entries += block
            block = []
        if not unclaimed(it) or _label(it, labels) or is_chrome(ctx, it.text, vocabulary=False):
            break  # the next section, or the shop's rows (회원리뷰 (24건), 리뷰 더보기)
        if len(it.text) > MAX_ENTRY or ends_sentence(it.text):
            block = []  # a block of text: the contents end above it
            break
        block.append(it)
    entries += block
    if len(entries) < 2 or any(_BULLET.match(it.text) or readings(it.text) for it in entries):
        return  # marked lines (``1. …``, ``- …``) make their list in pass structure, markers read
    for it in entries:
        it.role, it.attrs["list"] = "list-item", f"book-contents:{entries[0].line}"


def _lead(item: Item) -> bool:
    """A short line that is no sentence (``김유진``, ``속도의 시대에 읽기를 되묻는 산문집``)."""
    return unclaimed(item) and 0 < len(item.text.strip()) <= MAX_LEAD and not ends_sentence(item.text)
