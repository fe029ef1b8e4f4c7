"""Pass ``slides``: a slide deck saved as text (a presentation's PDF through ``pdftotext``).

Each slide ends with its number alone on a line — ``1``, ``2``, ``3`` … in order, three or more,
the first after the title slide, two lines or more between two numbers, the last ending the text
(a ranking's ``1`` / headline / ``2`` … is none) — which goes (``slides.number``), and with the
deck's footer, the same line right above the number on two slides or more
(``2026 지역정책 포럼 | 한국지역정책연구원``), which goes wherever it stands (``slides.footer``).
The first line of each slide after the title slide is the slide's title, a heading when it is
short and no sentence or bullet. On the last slide a closing word (``감사합니다``, ``Q&A``) and a
contact line (``문의: …@…``) go (``slides.closing``). On the title slide a presenter's credit
(``이도현 연구위원 (한국지역정책연구원)``) is the author, the organisation in brackets the
author's affiliation, and the publisher when the footer names it too; an event named after the
date (``2026. 11. 20. | 2026 지역정책 포럼 제2세션``) is the deck's series.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from bookmaker.ir import Author
from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.text import ends_sentence

_NUMBER = re.compile(r"^\d{1,3}$")
_CLOSING = re.compile(r"^(?:감사합니다|고맙습니다|thank\s*you|q\s*&\s*a|질의\s*응답)\s*[.!]?$", re.IGNORECASE)
_CONTACT = re.compile(r"^(?:문의|연락처|contact|e-?mail)\s*[:：]?\s*\S+@\S+$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•·*▪◦○●□■※]|\d{1,2}[.)])\s*")
_PRESENTER = re.compile(
    r"^(?P<name>[가-힣]{2,4})\s+(?P<role>[가-힣]{2,10})\s*[(（](?P<org>[^()（）]{2,40})[)）]$"
)
_DATED_EVENT = re.compile(
    r"^(?P<date>\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?)\s*[|｜·]\s*(?P<event>\S.{1,60})$"
)
MIN_SLIDES = 3
MIN_SLIDE_LINES = 2
"""A slide between two numbers has a title and a line at least (a ranking has one line a number)."""
MAX_AFTER_LAST = 2
MAX_SLIDE_TITLE = 40
MAX_TITLE_SLIDE = 6


def _numbers(items: list[Item]) -> list[int]:
    """Indexes of the slide numbers (1, 2, 3 … in order, every bare number of the text), or none."""
    bare = [i for i, it in enumerate(items) if unclaimed(it) and _NUMBER.match(it.text.strip())]
    if len(bare) < MIN_SLIDES or bare[0] == 0:
        return []
    if any(int(items[i].text.strip()) != n for n, i in enumerate(bare, 1)):
        return []
    if any(b - a <= MIN_SLIDE_LINES for a, b in pairwise(bare)) or len(items) - 1 - bare[-1] > MAX_AFTER_LAST:
        return []  # a ranking's "1" over one headline each, or numbers that stop before the text does
    return bare


def _event(ctx: Context, cover: list[Item]) -> None:
    """The title slide's date line naming the event the deck was shown at (``2026. 11. 20. | 2026
    지역정책 포럼 제2세션``): the event is the deck's series, the date stays for pass ``dates``."""
    for item in cover:
        m = _DATED_EVENT.match(item.text.strip()) if unclaimed(item) else None
        if m is not None:
            item.text = m["date"]
            ctx.hints["series"] = [*ctx.hinted_list("series"), m["event"].strip()]
            ctx.note_line("series", item.line)
            return


def _presenter(ctx: Context, cover: list[Item], footer: set[str]) -> None:
    contributors = set(ctx.rules.strings("roles", "contributors"))
    for item in cover:
        m = _PRESENTER.match(item.text.strip())
        if not unclaimed(item) or m is None or m["role"] not in contributors:
            continue
        org = m["org"].strip()
        ctx.add_author(Author(name=m["name"], role=m["role"], affiliations=[org]), item.line)
        ctx.to_meta(item, "authors")
        if any(org in line.split("|")[-1] for line in footer):
            ctx.vote_publisher(org, Evidence.COPYRIGHT)
        return


def run(ctx: Context) -> None:
    """Read a slide deck's numbers, footer, slide titles, closing slide and presenter."""
    if ctx.source_format != "text":
        return
    items = ctx.items
    numbers = _numbers(items)
    if not numbers:
        return
    above = Counter(items[i - 1].text.strip() for i in numbers if unclaimed(items[i - 1]))
    footer = {text for text, n in above.items() if n >= 2 and not _NUMBER.match(text)}
    drops: list[tuple[Item, str, str]] = [(items[i], "a slide's number", "slides.number") for i in numbers]
    drops += [
        (it, "the slide deck's footer, on every slide", "slides.footer")
        for it in items
        if unclaimed(it) and it.text.strip() in footer
    ]
    gone = {id(it) for it, _, _ in drops}
    for start in numbers[:-1]:
        first = next((it for it in items[start + 1 :] if id(it) not in gone), None)
        text = first.text.strip() if first is not None else ""
        if (
            first is not None
            and unclaimed(first)
            and len(text) <= MAX_SLIDE_TITLE
            and not ends_sentence(text)
            and not _BULLET.match(text)
            and not _CLOSING.match(text)
        ):
            first.kind = "heading"
    last = numbers[-2] if len(numbers) > 1 else numbers[0]
    drops += [
        (it, "the last slide's closing words and contact", "slides.closing")
        for it in items[last + 1 :]
        if unclaimed(it)
        and id(it) not in gone
        and (_CLOSING.match(it.text.strip()) or _CONTACT.match(it.text.strip()))
    ]
    ctx.drop_all(sorted(drops, key=lambda d: d[0].line))
    cover = [it for it in items[: numbers[0]] if id(it) not in gone][:MAX_TITLE_SLIDE]
    _presenter(ctx, cover, footer)
    _event(ctx, cover)
