"""Pass ``show_page``: a ticket shop's page of one show (a play, a musical, a
concert) copied as text. Its head is the show's genre before its name in
brackets (``연극 〈겨울 정거장〉``; rules ``show_page.genres``) with the show's fields in
the lines below it (``장소 …``, ``공연기간 …``, ``관람연령 …``, ``가격 …``;
``show_page.fields``, two or more within :data:`FIELD_WINDOW` lines). The name
is the title (the genre recorded and cut), each field a paragraph of the text
(what a reader of the page needs: where, when, for whom, for how much — no
deck), the first day of the run dates the page (``공연기간 2026.12.12 ~
2027.02.28``), and the organizer's field (``주최 (주)극단 가람``;
``show_page.organizer``) names the publisher; the page's section labels alone on
a line (``캐스팅일정``, ``작품 소개``, ``기획 의도``; ``show_page.sections``) are headings.
The shop's rows (discounts, tabs, reviews, its sales box) are its chrome,
removed by pass ``boilerplate``. Runs before it, as ``book_page`` does. A head under a sentence of
running text (:func:`~bookmaker.normalize.text.quoted_in_article`) is quoted in a review: left alone."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Evidence
from bookmaker.normalize.text import key, quoted_in_article

COVER = 15
"""Lines looked at for the show's head."""
FIELD_WINDOW = 10
FEWEST_FIELDS = 2
MAX_SECTION = 12
"""The longest section label."""
_DAY = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<d>\d{1,2})")
_PERIOD = re.compile(r"기간|일시")


def run(ctx: Context) -> None:
    """Read a show page's head: its title, its fields as text, its date and its organizer."""
    if ctx.source_format != "text":
        return
    genres = "|".join(ctx.rules.strings("show_page", "genres"))
    head = re.compile(
        rf"^\s*(?P<genre>{genres})\s*[〈<《「『\[]\s*(?P<name>[^〉>》」』\]]{{1,40}}?)\s*[〉>》」』\]]\s*$"
    )
    labels = "|".join(ctx.rules.strings("show_page", "fields"))
    field = re.compile(rf"^\s*(?P<label>{labels})\s*[:：]?\s+\S")
    items = ctx.items
    at = next((i for i, it in enumerate(items[:COVER]) if unclaimed(it) and head.match(it.text)), None)
    if at is None:
        return
    fields = [it for it in items[at + 1 : at + 1 + FIELD_WINDOW] if unclaimed(it) and field.match(it.text)]
    if len(fields) < FEWEST_FIELDS or quoted_in_article(it.text for it in items[:at]):
        return  # (a show's head quoted under a story's sentence: the story's, not a ticket page)
    title = items[at]
    m = head.match(title.text)
    assert m is not None
    ctx.record(m["genre"], "the show's genre before its name", title.line, "show.genre")
    title.text, title.kind = m["name"], "title"
    for it in fields:
        it.role = "paragraph"
        label = field.match(it.text)
        day = _DAY.search(it.text)
        if label and _PERIOD.search(label["label"]) and day and not ctx.meta.get("date"):
            ctx.meta["date"] = f"{int(day['y']):04d}-{int(day['m']):02d}-{int(day['d']):02d}"
    sections = {key(label) for label in ctx.rules.strings("show_page", "sections")}
    for it in items[at + 1 :]:
        if unclaimed(it) and len(it.text) <= MAX_SECTION and key(it.text) in sections:
            it.role = "heading"  # "캐스팅일정" over the casting's days, "작품 소개" over its text
    organizer = ctx.rules.patterns("show_page", "organizer")
    for it in items[at + 1 :]:
        source = ctx.source_text.get(it.line, it.text)  # its spacing: two spaces end the name
        found = next((f for p in organizer if unclaimed(it) and (f := p.match(source))), None)
        if found:
            ctx.vote_publisher(found["name"].strip(), Evidence.DECISION)
            ctx.note_line("publisher", it.line)
            break
