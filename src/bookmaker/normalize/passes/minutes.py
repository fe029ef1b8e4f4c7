"""Part of pass ``title``: the cover of a meeting's minutes (국회·지방의회 회의록), read by kind before
the title is looked for.

Above the first line of running text, a line ending in ``회의록`` or ``속기록`` is the title; the
session line above it (``제422회 국회(정기회)``) is the series, the number line below it (``제5호``)
a subtitle, and a letter-spaced issuer (``국 회 사 무 처``) votes for the publisher (its spaces
closed); ``의사일정`` is a heading over the agenda. The cover's date field,
once the ``dates`` pass has taken its date, leaves its label (``일 시``), which goes to metadata
with it."""

from __future__ import annotations

import re

from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.release import MAX_HEADER, issuer, opening_lines

_TITLE = re.compile(r"(?:회의록|속기록)$")
_SESSION = re.compile(r"^제\s*\d{1,4}\s*회\s*\S")
_NUMBER = re.compile(r"^제\s*\d{1,4}\s*호$")
_SPACED = re.compile(r"^[가-힣](?:\s[가-힣]){2,}$")
_DATE_LABEL = re.compile(r"^(?:일\s*시|날\s*짜|일\s*자)$")


def read_cover(ctx: Context) -> tuple[Item, list[str], list[str]] | None:
    """The title item of a minutes' cover, its series and subtitles (None when there is none)."""
    cover = opening_lines(ctx)
    title = next((it for it in cover if len(it.text) <= 40 and _TITLE.search(it.text.strip())), None)
    if title is None:
        return None
    series: list[str] = []
    subtitles: list[str] = []
    for item in cover:
        text = " ".join(item.text.split())
        if item is title:
            continue
        if item.line < title.line and _SESSION.match(text):
            series.append(text)
            ctx.to_meta(item, "series")
        elif item.line > title.line and _NUMBER.match(text):
            subtitles.append(text)
            ctx.to_meta(item, "subtitles")
        elif _SPACED.match(text) and (body := issuer(ctx.rules, text.replace(" ", ""))):
            ctx.vote_publisher(body, Evidence.ISSUER)
            ctx.to_meta(item, "publisher")
        elif "date_residue" in item.attrs and _DATE_LABEL.match(text):
            ctx.to_meta(item, "date")
    _agenda(ctx)
    return title, series, subtitles


def _agenda(ctx: Context) -> None:
    """The cover's ``의사일정`` is a heading (over the numbered agenda, a list when it has two items
    or more, as any other)."""
    for item in ctx.items[:MAX_HEADER]:
        if item.role is None and item.text.replace(" ", "") == "의사일정":
            item.kind = "heading"
            return
