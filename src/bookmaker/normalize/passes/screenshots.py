"""Pass ``screenshots``: text read (OCR) off a phone's screenshots, one after another.

Each screenshot opens with the phone's status bar as the OCR reads it — the time, then the signal
and the battery (``오후 3:12 🔕 ⓝ • 令 LTE .ll 87%``). A text is read as screenshots when two
lines or more are such bars; then every bar goes, with the lines every screen repeats under it (the
app's bar: ``< 연합뉴스 가가 ↗ :``) and over the next one (the phone's navigation buttons ``III O <``,
also closing the last screen). A screenshot taken after scrolling repeats the last lines of the one
before: those copies go, and a paragraph the seam cut runs on (a cut between two syllables read by
the analyzer, as in any justified column).
"""

from __future__ import annotations

import re
from itertools import pairwise

from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.passes.browser_print import runs_on

_STATUS_BAR = re.compile(
    r"^\s*(?:(?:오전|오후|AM|PM)\s*)?\d{1,2}:\d{2}(?:\s*[AP]M)?\s.{0,40}?"
    r"(?:LTE|5G|4G|3G|Wi-?Fi|令|[.·]ll|📶|🔋).{0,20}?\d{1,3}\s*%\s*$",
    re.IGNORECASE,
)
"""A phone's status bar as OCR reads it: the time first, a signal mark, the battery's percentage last."""
MAX_OVERLAP = 8
"""Most lines a screenshot may repeat from the one before."""


def _key(item: Item) -> str:
    return "".join(item.text.split())


def _screens(ctx: Context) -> list[list[Item]] | None:
    """The lines of each screenshot (its status bar first), or None when the text has fewer than two."""
    screens: list[list[Item]] = []
    for item in ctx.items:
        if unclaimed(item) and _STATUS_BAR.match(item.text):
            screens.append([item])
        elif screens:
            screens[-1].append(item)
    return screens if len(screens) >= 2 and ctx.items[0] is screens[0][0] else None


def _repeated(lines: list[Item | None]) -> bool:
    """The same plain line on every screen."""
    keys = {_key(it) if it is not None and unclaimed(it) else None for it in lines}
    return len(keys) == 1 and None not in keys


def _overlap(above: list[Item], below: list[Item]) -> int:
    """How many of ``above``'s last lines ``below`` opens with again (the most that match)."""
    for n in range(min(MAX_OVERLAP, len(above), len(below)), 0, -1):
        if [_key(it) for it in above[-n:]] == [_key(it) for it in below[:n]]:
            return n
    return 0


def run(ctx: Context) -> None:
    """Remove the phone's bars and each screenshot's overlap with the one before; join cut paragraphs."""
    if ctx.source_format != "text" or (screens := _screens(ctx)) is None:
        return
    drops: list[tuple[Item, str, str]] = [
        (s[0], "a phone's status bar (time, signal, battery) over a screenshot", "screenshot.status-bar")
        for s in screens
    ]
    bodies = [s[1:] for s in screens]
    if _repeated([b[0] if b else None for b in bodies]):
        drops += [
            (b.pop(0), "an app's bar repeated at the top of each screenshot", "screenshot.app-bar")
            for b in bodies
        ]
    if _repeated([b[-1] if b else None for b in bodies]):
        drops += [
            (b.pop(), "a phone's navigation bar under each screenshot", "screenshot.nav-bar") for b in bodies
        ]
    for above, below in pairwise(bodies):
        n = _overlap(above, below)
        reason = "a screenshot's overlap with the one before (the same lines again)"
        drops += [(below.pop(0), reason, "screenshot.overlap") for _ in range(n)]
    kept: list[Item] = []
    lengths = sorted(len(it.text) for b in bodies for it in b)
    width = lengths[len(lengths) // 2] if lengths else 0
    for body in bodies:
        if kept and body and (sep := runs_on(kept[-1], body[0], width)) is not None:
            kept[-1].text = f"{kept[-1].text}{sep}{body[0].text}"  # the paragraph runs on over the seam
            kept[-1].last = body[0].last or body[0].line
            body = body[1:]
        kept += body
    ctx.drop_all(drops)
    ctx.items = kept
