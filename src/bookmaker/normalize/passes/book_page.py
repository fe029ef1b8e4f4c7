"""Pass ``book_page``: an online bookshop's page of one book copied as text.

Its credit line names the book's writer, publisher and publication date (``김유진 저 | 한빛마루 |
2026년 10월 15일``, ``… 지음 | …``), above any sentence (under an article's sentences it is a
review's): the writers are the authors, the publisher the page's
publisher (the book's, over the shop's), the date stays for pass ``dates``. The line above it is
the subtitle when another is above that, which is the title: the shop's type tag before it
(``[도서]``, ``[eBook]``) is recorded and cut."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.text import ends_sentence

_CREDIT = re.compile(
    r"^\s*(?P<names>[가-힣]{2,4}(?:\s*,\s*[가-힣]{2,4}){0,3})\s*(?:저|지음|글|엮음|편저|공저)\s*[|ㅣ]\s*"
    r"(?P<publisher>[^|ㅣ]{2,20}?)\s*[|ㅣ]\s*(?P<date>\d{4}\s*년\s*\d{1,2}\s*월\s*(?:\d{1,2}\s*일)?|"
    r"\d{4}\s*[.\-/]\s*\d{1,2}(?:\s*[.\-/]\s*\d{1,2})?\.?)\s*$"
)
_TYPE_TAG = re.compile(r"^\s*\[(?:도서|eBook|전자책|중고|외서|국내도서|오디오북)\]\s*", re.IGNORECASE)
COVER = 15
MAX_TITLE = 60


def _short(item: Item) -> bool:
    return unclaimed(item) and 0 < len(item.text.strip()) <= MAX_TITLE and not ends_sentence(item.text)


def run(ctx: Context) -> None:
    """Read a book page's credit line, title and subtitle."""
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
