"""Part of pass ``title``: the cover of a meeting's minutes (국회·지방의회 회의록), read by kind before
the title is looked for.

Above the first line of running text, a line ending in ``회의록`` or ``속기록`` is the title; the
session line above it (``제422회 국회(정기회)``) is the series, the number line below it (``제5호``)
a subtitle, and the issuer, letter-spaced or not (``국 회 사 무 처``, ``국회사무처``), votes for
the publisher (its spaces closed); ``의사일정`` is a heading over the agenda. The cover's date field,
once the ``dates`` pass has taken its date, leaves its label (``일 시``), which goes to metadata
with it."""

from __future__ import annotations

import re

from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.release import issuer, opening_lines

_TITLE = re.compile(r"(?:회의록|속기록)$")
_SESSION = re.compile(r"^제\s*\d{1,4}\s*회\s*\S")
_NUMBER = re.compile(r"^제\s*\d{1,4}\s*호$")
_SPACED = re.compile(r"^[가-힣](?:\s[가-힣]){2,}$")
_DATE_LABEL = re.compile(r"^(?:일\s*시|날\s*짜|일\s*자)$")


def _issuer(ctx: Context, text: str) -> str | None:
    """The issuing body a cover's line names, its spaces closed (a name of three letters at least:
    ``일시``, ``장소`` end like a city's name but are labels)."""
    closed = text.replace(" ", "")
    return issuer(ctx.rules, closed) if len(closed) >= 3 else None


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
        elif "date_residue" in item.attrs and _DATE_LABEL.match(text):
            ctx.to_meta(item, "date")
        elif (_SPACED.match(text) or " " not in text) and (body := _issuer(ctx, text)):
            ctx.vote_publisher(body, Evidence.ISSUER)
            ctx.to_meta(item, "publisher")
    _agenda(ctx)
    return title, series, subtitles


_AGENDA_LABELS = frozenset({"의사일정", "상정된안건", "상정안건", "부의된안건", "심사안건", "보고사항"})
"""Labels over a cover's numbered lists of business: the agenda and the items taken up."""


def _agenda(ctx: Context) -> None:
    """The cover's ``의사일정`` and ``상정된 안건`` are headings (over the numbered items, a list when
    there are two or more, as any other); the cover ends at the first speech turn (``○위원장 …``)."""
    for item in ctx.items:
        if item.text.startswith("○"):
            return
        if item.role is None and item.kind is None and item.text.replace(" ", "") in _AGENDA_LABELS:
            item.kind = "heading"
