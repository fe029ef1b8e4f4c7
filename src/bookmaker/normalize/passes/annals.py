"""Pass ``annals``: an entry of the annals (조선왕조실록's 기사) copied as text from its database.

The entry opens with its citation (``세종실록 102권, 세종 25년 12월 30일 경술 2번째기사 1443년 명 정통(正統)
8년``) over its title (``훈민정음을 창제하다``): the title line, and the citation its deck. The
translation and the classical text stand under ``국역`` / ``원문``, each a heading (one word alone, which
elsewhere is a page's button); the source lines (``【태백산사고본】 …``, ``【분류】 …``) are paragraphs of
their own; the database's list of the day's other entries (``같은 날 기사`` over ``… 1번째기사 / …``
lines) goes (``annals.same-day``). The notes (``[註 001] 언문(諺文) : …``) are read as footnotes by the
structure pass (:mod:`bookmaker.normalize.passes.notes`), wherever they stand. A citation under a
sentence of running text (:func:`~bookmaker.normalize.text.quoted_in_article`) is quoted in a column:
left alone.
"""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence, quoted_in_article

_CITATION = re.compile(
    r"^\s*\S{1,10}(?:실록|일기)\s*\d{1,3}\s*권\s*,\s*\S{1,10}\s*\d{1,2}\s*년\s*(?:윤\s*)?\d{1,2}\s*월"
    r"\s*\d{1,2}\s*일.{0,20}?\d{1,2}\s*번째\s*기사"
)
_PART = re.compile(r"^\s*(?:원문|국역|국역문|번역문?)\s*$")
_SOURCE = re.compile(r"^\s*【[^【】]{1,12}】\s*\S")
_SAME_DAY = re.compile(r"^\s*같은\s*날\s*(?:의\s*)?기사\s*$")
_DAY_ENTRY = re.compile(r"^.{0,40}\d{1,2}\s*번째\s*기사\s*/\s*\S.{0,80}$")
COVER = 12
MAX_TITLE = 60
_SAME_DAY_REASON = "the database's list of the day's other entries (links), not the entry"


def run(ctx: Context) -> None:
    """Read an annals entry's citation, title, parts and source lines."""
    if ctx.source_format != "text":
        return
    top = ctx.items[:COVER]
    at = next((i for i, it in enumerate(top) if unclaimed(it) and _CITATION.match(it.text)), None)
    if at is None or at + 1 >= len(ctx.items):
        return
    title = ctx.items[at + 1]
    if not unclaimed(title) or len(title.text) > MAX_TITLE or ends_sentence(title.text):
        return
    if quoted_in_article(it.text for it in ctx.items[:at]):
        return  # an entry quoted in a column on it: the column keeps its head
    ctx.items[at].kind, title.kind = "subtitle", "title"
    drops: list[tuple[Item, str, str]] = []
    listing = False
    for item in ctx.items[at + 2 :]:
        if not unclaimed(item):
            listing = False
            continue
        if _SAME_DAY.match(item.text):
            listing = True
            drops.append((item, _SAME_DAY_REASON, "annals.same-day"))
        elif listing and _DAY_ENTRY.match(item.text):
            drops.append((item, _SAME_DAY_REASON, "annals.same-day"))
        else:
            listing = False
            if _PART.match(item.text):
                item.kind = "heading"
            elif _SOURCE.match(item.text):
                item.role = "paragraph"
    ctx.drop_all(drops)
