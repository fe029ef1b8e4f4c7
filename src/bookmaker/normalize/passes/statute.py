"""Part of pass ``title``: a statute (법률, 시행령, 조례, 규칙) as a law database shows it, read by kind
before the title is looked for.

Right above its enforcement line (``[시행 2026. 7. 1.] [서울특별시성북구조례 제1587호, 2026. 6. 30.,
일부개정]``) stands the statute's name: the title. The enforcement line is a subtitle, whole (the
``dates`` pass takes the promulgation date, the one in the second bracket, and leaves the text). The
lines of the offices in charge under it (``서울특별시 성북구 (문화체육과) 02-2241-3352``) go to the
metadata, the body they name voting for the publisher over the database showing the text. Chapter
lines (``제1장 총칙``, ``제2절 …``), the supplementary provisions (``부칙 <제1587호, 2026. 6. 30.>``)
and the annexed tables' titles (``[별표 1] …``) are headings. Read only with articles in the text
(``제1조(목적) …``)."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.release import opening_lines

_DATE = r"(?:19|20)\d{2}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\s*\.?"
ENFORCEMENT = re.compile(
    rf"^\s*\[\s*시행\s*(?:일\s*)?(?P<effective>{_DATE})\s*\]\s*"
    rf"\[\s*(?P<kind>[^\[\],]{{1,40}}?)\s*제\s*[\d-]+\s*호\s*,\s*(?P<promulgated>{_DATE})\s*,?\s*[^\[\]]{{0,12}}\]\s*$"
)
"""A statute's enforcement line: when it took effect, its kind and number, its promulgation date and
how it was made (제정, 일부개정, 타법개정 …)."""
_OFFICE = re.compile(
    r"^\s*(?P<body>[가-힣][가-힣 ]{1,30}?)\s*\(\s*[가-힣A-Za-z ·]{1,20}\s*\)"
    r"\s*(?:\d{2,4}-\d{3,4}(?:-\d{4})?\s*)*$"
)
"""An office in charge under the enforcement line: body, (office), phone numbers."""
_ARTICLE = re.compile(r"^\s*제\s*\d+\s*조(?:\s*의\s*\d+)?\s*\(")
_HEADING = re.compile(
    r"^\s*(?:제\s*\d+\s*(?:편|장|절|관)(?:\s*의\s*\d+)?\s+\S.{0,40}"
    r"|부\s*칙(?:\s*<[^<>]{1,40}>)?"
    r"|\[\s*(?:별\s*표|별\s*지|별\s*도)\s*(?:\d+(?:의\s*\d+)?|제\s*\d+\s*호\s*서식)?\s*\]\s*.{0,80})\s*$"
)
"""A statute's chapter, section, supplementary provisions or annex title."""
_FEWEST_ARTICLES = 2


def read_statute(ctx: Context) -> tuple[Item, list[str], list[str]] | None:
    """The title item of a statute, its series (none) and subtitles (None when it is none)."""
    cover = opening_lines(ctx)
    line = next((it for it in cover if ENFORCEMENT.match(it.text)), None)
    articles = [it for it in ctx.items if not structured(it) and _ARTICLE.match(it.text)]
    if line is None or len(articles) < _FEWEST_ARTICLES:
        return None
    index = ctx.items.index(line)
    title = ctx.items[index - 1] if index > 0 else None
    if title is None or structured(title) or title.role is not None:
        return None
    offices = ctx.items[index + 1 :]
    ctx.to_meta(line, "subtitles")
    for office in offices:
        m = _OFFICE.match(office.text) if not structured(office) and office.role is None else None
        if m is None:
            break
        ctx.vote_publisher(m["body"].strip(), Evidence.DECISION)
        ctx.to_meta(office, "publisher")
    for item in ctx.items:
        if item.role is None and not structured(item) and _HEADING.match(item.text):
            item.kind = "heading"
    return title, [], [" ".join(line.text.split())]
