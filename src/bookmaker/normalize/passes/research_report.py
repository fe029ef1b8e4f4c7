"""Pass ``research_report``: a securities firm's research report as PDF text (기업분석, Company
Report): the cover line ``Company Report | 2026. 12. 7``, the company and its ticker ``한빛전자
(123450)`` over the headline, the rating box (``투자의견 BUY (유지)``, ``목표주가 95,000원``, ``현재주가
…``, ``상승여력 …``), the analyst ``반도체 Analyst 김서진`` over a phone and e-mail line, section heads
over paragraphs, a ``Stock Data`` box of figures, tables, the page footer ``한빛증권 리서치센터 1`` and the
``Compliance Notice`` at the end.

The headline is the title and the ticker line the series; the cover line's date dates the report; the
analyst is the author (the e-mail beside); the rating box is a list, and so is the data box under its
heading. The page footers (``report.page_footer``; the firm's name a publisher vote) and the notice
from its heading on (``report.compliance``) go. A text is read so only with a rating box (투자의견 and
목표주가 lines in a row) near the top;
a box under a sentence of running text (:func:`~bookmaker.normalize.text.quoted_in_article`) is quoted in a
market story: a list, and nothing else is read."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.dates import parse_line
from bookmaker.normalize.text import quoted_in_article

_RATING = re.compile(
    r"^\s*(?:투자\s*의견|목표\s*주가|목표가|현재\s*주가|상승\s*여력|Rating|Target\s*Price)\b.{0,30}\S\s*$",
    re.IGNORECASE,
)
_KEY_RATING = re.compile(r"^\s*(?:투자\s*의견|Rating)", re.IGNORECASE)
_KEY_TARGET = re.compile(r"^\s*(?:목표\s*주가|목표가|Target\s*Price)", re.IGNORECASE)
_TICKER = re.compile(r"^\s*\S.{0,30}?\s*[(（]\s*[A-Z]?\d{6}(?:\.K[SQ])?\s*[)）]\s*$")
_ANALYST = re.compile(
    r"^\s*(?:\S{1,12}\s+)?(?P<role>Analyst|애널리스트|연구원|Research\s+Analyst)\s+(?P<name>[가-힣]{2,4})\s*$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT = re.compile(r"^\s*(?:(?:Tel\.?|T\.?)\s*)?[\d\-()\s]{7,20}(?:\s*[/|,]\s*)?[\w.+-]*@[\w.-]+\s*$")
_PAGE_FOOTER = re.compile(
    r"^\s*(?P<firm>\S{1,12}(?:증권|투자증권|금융투자))\s*(?:리서치\s*센터|Research(?:\s*Center)?)\s*\d{1,3}\s*$"
)
_COMPLIANCE = re.compile(
    r"^\s*(?:Compliance\s*Notice|Disclaimer|투자\s*의견\s*(?:비율\s*)?고지|투자\s*등급\s*(?:관련\s*)?(?:고지|안내))\s*$",
    re.IGNORECASE,
)
_DATA_HEAD = re.compile(
    r"^\s*(?:Stock\s*Data|Stock\s*Info(?:rmation)?|주가\s*(?:지표|정보|데이터)|Key\s*Data)\s*$", re.I
)
MAX_DATA_LINE = 40
MIN_DATA_LINES = 3
TOP = 12
"""The rating box stands among the first lines of the report."""

_FOOTER = "a research report's page footer (the firm's research centre and page number)"
_NOTICE = "a research report's compliance notice and its rating statistics"


def _box(items: list[Item]) -> int | None:
    """The index of the rating box's first line, if a box opens among the first :data:`TOP` lines."""
    for i in range(min(TOP, len(items) - 1)):
        run = 0
        while i + run < len(items) and _RATING.match(items[i + run].text):
            run += 1
        box = items[i : i + run]
        if (
            run >= 2
            and any(_KEY_RATING.match(x.text) for x in box)
            and any(_KEY_TARGET.match(x.text) for x in box)
        ):
            return i
    return None


def _as_list(items: list[Item]) -> None:
    for entry in items:
        entry.kind = entry.role = "list-item"
        entry.attrs["list"] = str(items[0].line)
        entry.attrs["own_text"] = "1"


def _head(ctx: Context, items: list[Item], box: int) -> None:
    """The title, the ticker line's series and the cover line's date above the rating box."""
    title_found = False
    for item in reversed(items[:box]):
        parsed = parse_line(ctx, item.text)
        if _TICKER.match(item.text):
            ctx.hints["series"] = [*ctx.hinted_list("series"), item.text.strip()]
            ctx.to_meta(item, "series")
        elif parsed is None and not title_found:
            item.kind, title_found = "title", True
        elif parsed is not None and parsed[0]:
            ctx.hints.setdefault("date", parsed[0][0].iso)
            ctx.drop(item, "a research report's cover line: its kind and date", "report.cover")


def _analyst(ctx: Context, items: list[Item], start: int) -> None:
    """The analyst under the rating box (the e-mail on the line below)."""
    for at in range(start, min(start + 4, len(items))):
        m = _ANALYST.match(items[at].text)
        if m is None:
            continue
        author = Author(name=m["name"], role=m["role"])
        below = items[at + 1] if at + 1 < len(items) else None
        if below is not None and _CONTACT.match(below.text) and (mail := _EMAIL.search(below.text)):
            author.email = mail.group(0)
            ctx.to_meta(below, "authors")
        ctx.add_author(author, items[at].line)
        ctx.to_meta(items[at], "authors")
        return


def _data_boxes(items: list[Item]) -> None:
    """A ``Stock Data`` head over key-value lines of figures: a heading over a list."""
    for i, item in enumerate(items):
        if not _DATA_HEAD.match(item.text):
            continue
        run: list[Item] = []
        for entry in items[i + 1 :]:
            if (run and entry.attrs.get("after_blank")) or len(entry.text) > MAX_DATA_LINE:
                break
            if not re.search(r"\d", entry.text) or entry.text.rstrip().endswith("다."):
                break
            run.append(entry)
        if len(run) >= MIN_DATA_LINES:
            item.kind = item.role = "heading"
            _as_list(run)


def run(ctx: Context) -> None:
    """Read a research report (see the module); any other text is left as it is."""
    items = [item for item in ctx.items if item.text.strip() and not structured(item)]
    box = _box(items)
    if box is None or box == 0:
        return
    end = box
    while end < len(items) and _RATING.match(items[end].text):
        end += 1
    _as_list(items[box:end])
    if quoted_in_article(item.text for item in items[:box]):
        return  # a box quoted in a market story: a list in the story, which keeps its head
    _head(ctx, items, box)
    _analyst(ctx, items, end)
    _data_boxes(items[end:])
    drops: list[tuple[Item, str, str]] = []
    notice = False
    for item in items[end:]:
        notice = notice or bool(_COMPLIANCE.match(item.text))
        if notice:
            drops.append((item, _NOTICE, "report.compliance"))
        elif footer := _PAGE_FOOTER.match(item.text):
            ctx.vote_publisher(footer["firm"], Evidence.SITE_LABEL)
            drops.append((item, _FOOTER, "report.page_footer"))
    ctx.drop_all(drops)
