"""Part of pass ``title``: the cover of a degree thesis (학위논문) in a text copy (``pdftotext``
output), read by kind before the title is looked for.

Its first line names the kind (``석사학위논문``, ``박사학위논문``: the series); the lines under it are
the title, set on one line or two (one title), then a subtitle between dashes (``- … 을 중심으로
-``) and the title in English (subtitles); the month of submission (``2027년 2월``) dates it, the
graduate school (``한빛대학교 대학원``) published it with its department (``문헌정보학과``, kept with
the publisher), and the author's name, often letter-spaced (``이 하 윤``), is the author."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.release import opening_lines

_KIND = re.compile(r"^(?:석사|박사|학사)?\s*(?:학위\s*)?(?:청구\s*)?논문$|^졸업\s*논문$")
_DECK = re.compile(r"^[-–—]\s*(?P<deck>\S.*?\S)\s*[-–—]$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.:;'’&()-]+$")
_MONTH = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*년\s*(?P<month>\d{1,2})\s*월$")
_SCHOOL = re.compile(r"^[가-힣]+(?:대학교|대학원대학교)(?:\s+[가-힣]*대학원)?$")
_DEPARTMENT = re.compile(r"^[가-힣]+(?:학과|학부|전공|협동과정)$")
_NAME = re.compile(r"^[가-힣](?:\s?[가-힣]){1,3}$")
MAX_TITLE_LINES = 2
MAX_COVER = 8


def read_thesis(ctx: Context) -> tuple[Item, list[str], list[str]] | None:
    """The title item of a thesis cover, its series and subtitles (None when there is none)."""
    cover = opening_lines(ctx)
    if not cover or not _KIND.match(cover[0].text.strip()):
        return None
    kind, rest = cover[0], cover[1:]
    titles: list[Item] = []
    while rest and len(titles) < MAX_TITLE_LINES and not _cover_field(rest[0].text.strip()):
        if titles and rest[0].attrs.get("after_blank"):
            break
        titles.append(rest.pop(0))
    if not titles:
        return None
    title = titles[0]
    for tail in titles[1:]:  # the title set on two lines: one title
        title.text = f"{title.text} {tail.text}"
        title.last = tail.last or tail.line
        ctx.items.remove(tail)
    ctx.to_meta(kind, "series")
    subtitles: list[str] = []
    at = ctx.items.index(title) + 1
    for item in ctx.items[at : at + MAX_COVER]:  # an English title may read as prose: read on past it
        if item.role is not None or item.kind is not None:
            break
        text = " ".join(item.text.split())
        if deck := _DECK.match(text):
            subtitles.append(deck["deck"])
            ctx.to_meta(item, "subtitles")
        elif _LATIN.match(text):
            subtitles.append(text)
            ctx.to_meta(item, "subtitles")
        elif month := _MONTH.match(text):
            ctx.meta.setdefault("date", f"{month['year']}-{int(month['month']):02d}")
            ctx.to_meta(item, "date")
        elif _SCHOOL.match(text) or _DEPARTMENT.match(text):
            if _SCHOOL.match(text):
                ctx.vote_publisher(text, Evidence.DECISION)
            ctx.to_meta(item, "publisher")
        elif _NAME.match(text):
            ctx.add_author(Author(name=text.replace(" ", "")), item.line)
            ctx.to_meta(item, "authors")
            break  # the author's name closes the cover
        else:
            break
    return title, [" ".join(kind.text.split())], subtitles


def _cover_field(text: str) -> bool:
    return any(p.match(text) for p in (_DECK, _LATIN, _MONTH, _SCHOOL, _DEPARTMENT))
