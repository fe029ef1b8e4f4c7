"""Pass ``scripture``: a chapter of numbered verses copied as text (a Bible reader's 창세기 1장, a
sutra's or a classic's numbered sections): three lines or more in a row, each opening with its
number and a space (``1 태초에 …``, ``2 땅이 …``), the numbers counting up by one, each a clause
(a ranking's ``1 삼성전자 7만2000원`` is none). Each verse is a paragraph with its number kept (the
number is cited: "창세기 1장 3절"), never a list item, a deck line or the title; the short line right
above the first run, when it starts at 1 and no sentence of the text stands before it, is the
chapter's title (``창세기 1장``)."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence

_VERSE = re.compile(r"^\s*(\d{1,3})\s+(?=[^\s\d.)])")
MIN_VERSES = 3
MIN_WORDS = 4  # a verse is a clause or more; a ranking's rows (1 삼성전자 7만2000원) are names and figures
MAX_TITLE = 30


def _number(item: Item) -> int | None:
    m = _VERSE.match(item.text) if unclaimed(item) else None
    return int(m[1]) if m else None


def _chapter_title(item: Item) -> bool:
    text = item.text.strip()
    return unclaimed(item) and 0 < len(text) <= MAX_TITLE and not ends_sentence(text)


def _verses(run: list[Item]) -> bool:
    """Whether the numbered lines read as verses: clauses of :data:`MIN_WORDS` words or more on
    average, not a ranking's or a table's short rows."""
    return sum(len(item.text.split()) - 1 for item in run) >= MIN_WORDS * len(run)


def _body_text(item: Item) -> bool:
    """Whether ``item`` is a sentence of the text (a chapter's title stands above all of them)."""
    return unclaimed(item) and ends_sentence(item.text)


def run(ctx: Context) -> None:
    """Make runs of numbered verses paragraphs."""
    if ctx.source_format != "text":
        return
    items = ctx.items
    i = 0
    titled = False
    while i < len(items):
        first = _number(items[i])
        j = i + 1
        while first is not None and j < len(items) and _number(items[j]) == first + (j - i):
            j += 1
        if first is not None and j - i >= MIN_VERSES and _verses(items[i:j]):
            for item in items[i:j]:
                item.role = "paragraph"
            above = items[i - 1] if i else None
            opening = not any(_body_text(item) for item in items[: i - 1])
            if first == 1 and not titled and opening and above is not None and _chapter_title(above):
                above.kind = "title"  # "창세기 1장" over verse 1, before any text: the chapter's title
            titled = True
        i = max(j, i + 1)
