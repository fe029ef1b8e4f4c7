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
    if len(articles) < _FEWEST_ARTICLES:
        return None
    if line is None:
        return _regulation(ctx, cover)
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
    _headings(ctx)
    return title, [], [" ".join(line.text.split())]


def _headings(ctx: Context) -> None:
    for item in ctx.items:
        if item.role is None and not structured(item) and _HEADING.match(item.text):
            item.kind = "heading"


_REGISTER = re.compile(
    rf"^\s*규정\s*번호\s*[:：]?\s*\S.{{0,80}}?시행\s*(?:일|일자)?\s*[:：]?\s*(?P<effective>{_DATE})\s*$"
)
"""A company regulation's register line under its name: its number, office, date in force."""
_HISTORY = re.compile(rf"^\s*제\s*정\s*{_DATE}(?:\s*[,|]?\s*(?:전부|일부)?\s*개\s*정\s*{_DATE})*\s*$")
"""Its history line: ``제정 2021. 3. 1.   개정 2023. 7. 1.   개정 2026. 12. 1.``."""
_GROUPWARE = re.compile(
    r"^\s*(?P<org>\S.{0,30}?)\s*(?:그룹웨어|인트라넷|사내\s*포털|규정\s*관리\s*시스템)\s*$"
)
"""A company's groupware named at the top of the page that shows the regulation."""


def _regulation(ctx: Context, cover: list[Item]) -> tuple[Item, list[str], list[str]] | None:
    """A company's internal regulation (사내 규정) as its groupware shows it: the name over the
    register line (``규정번호 HR-07 | 관리부서 인사팀 | 시행일 2027. 1. 1.``, whole, a subtitle), then
    the history line, whose last date dates the text (the version shown) and whose dates stay in
    it; the company in the groupware's name (``한빛데이터 그룹웨어``) is the publisher."""
    register = next((it for it in cover if _REGISTER.match(ctx.source_text.get(it.line, it.text))), None)
    if register is None:
        return None
    index = ctx.items.index(register)
    title = ctx.items[index - 1] if index > 0 else None
    if title is None or structured(title) or title.role is not None:
        return None
    subtitle = " ".join(ctx.source_text.get(register.line, register.text).split())
    ctx.to_meta(register, "subtitles")
    history = ctx.items[index] if index < len(ctx.items) else None
    source = " ".join(ctx.source_text.get(history.line, "").split()) if history is not None else ""
    if history is not None and not structured(history) and _HISTORY.match(source):
        history.text = source  # the dates are the regulation's text, not a dateline
        year, month, day = re.findall(r"\d+", re.findall(_DATE, source)[-1])
        ctx.meta["date"] = f"{year}-{int(month):02d}-{int(day):02d}"  # pass dates imports this module
        ctx.note_line("date", history.line)
    for item in cover[: cover.index(title) if title in cover else 0]:
        if (site := _GROUPWARE.match(item.text)) is not None:
            ctx.vote_publisher(site["org"].strip(), Evidence.DECISION)
            ctx.drop(
                item, "the company's groupware showing its regulation (a publisher vote)", "statute.site"
            )
            break
    _headings(ctx)
    return title, [], [subtitle]
