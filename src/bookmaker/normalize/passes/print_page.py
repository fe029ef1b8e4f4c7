"""Pass ``print_page``: a newspaper page copied from its PDF viewer (지면 보기) — no blank lines,
the text in narrow columns, the page's own header and footer around it.

When the top names a print page (a date line with its page, ``2026년 12월 10일 (목) 8면 사회``)
and most lines are as narrow as a column, the viewer's lines above that date line go; in the
viewer's article view (whole paragraphs) only the lines naming the viewer (``동아일보 지면보기``,
``지면 PDF 다운로드 …``) go and nothing else is read. In a page of columns the lines set wider than
the column between the date line and the body are the page's head: a run of them up to a
reporter's sign-off (``… 이수민 기자``) is the end of the neighbouring article, continued from the
column before, and goes; a headline's quoted remark on a line of its own
(``대구 버스 노선 개편 석 달`` / ``"환승 늘고 배차 길어졌다"``) joins the headline, which the
``title`` pass takes, with the decks under it. The page's footer (page number, date, paper) goes.
Column lines are joined into paragraphs: a paragraph ends at a line that ends a sentence short of
the column; a cut between two Hangul syllables is read by the morphological analyzer (columns are
justified: a line ends anywhere inside a word), a closing bracket or punctuation mark at the next
line's start, a number's digits after its unit (``5천`` / ``412곳``) and a counter after a number
(``30`` / ``분``) join without a space.
"""

from __future__ import annotations

import re
from collections import Counter

from bookmaker.korean.morphology import cut_inside_word
from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.passes.dates import DATE_RE, PRINT_SECTIONS
from bookmaker.normalize.text import ends_sentence

_PAGE_LINE = re.compile(rf"^\s*{DATE_RE.pattern}\s*[A-Z]?\d{{1,3}}\s*면(?:\s+(?:{PRINT_SECTIONS}))?\s*$")
"""The print page's header line: its date, page and section."""
_WEEKDAY = r"(?:\s*[(（]?[월화수목금토일](?:요일)?[)）]?)?"
_FOOTER = re.compile(
    r"^\s*(?:\d{1,3}\s+(?P<a>\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일)" + _WEEKDAY + r"\s+[가-힣A-Za-z]{2,12}"
    r"|[가-힣A-Za-z]{2,12}\s+(?P<b>\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일)" + _WEEKDAY + r"\s+\d{1,3})\s*$"
)
"""The print page's footer: its number, date and paper (``8 2026년 12월 10일 목요일 매일신문``)."""
_SIGN_OFF = re.compile(r"(?:^|\s)[가-힣]{2,4}\s*기자\s*$")
_QUOTED = re.compile(r"^\s*[\"“'‘][^\"“”'‘’]+[\"”'’]\s*$")
_CLOSING = re.compile(r"^[)\]}”’」』〉》,.·]")
_OPENING = re.compile(r"[(\[{“‘「『〈《]$")
_HANGUL_END = re.compile(r"[가-힣]$")
_HANGUL_START = re.compile(r"^[가-힣]")
_NUMBER_CUT = re.compile(r"\d[천만억조]$")
"""A number in Korean notation cut after a unit (``5천`` / ``412곳``): the digits below go on."""
_COUNTER = re.compile(
    r"^(?:분|초|명|건|곳|개|원|년|월|일|시|세|살|배|회|차|층|호|대|권|편|종|척|채|kg|km|%)"
    r"(?:[이가은는을를의에도만]|에서|으로|까지|부터|째)?(?=\s|$)"
)
"""A counter, a particle perhaps after it, as the first word of a line (``분 넘게``): it belongs to
the number ending the line above (``30``)."""
_VIEWER = re.compile(r"지면\s*(?:보기|뷰어|PDF|목록)|PDF\s*(?:보기|다운로드)|(?i:e-?paper)|e-?신문")
"""A line naming the e-paper viewer ("동아일보 지면보기", "지면 PDF 다운로드 …")."""
HEAD_LINES = 4
"""The date line naming the print page is among the page's first lines."""
MAX_COLUMN = 20
"""A column line of a newspaper page holds at most this many characters."""
FEWEST_COLUMN_LINES = 8
COLUMN_SHARE = 0.5
SHORT_OF_COLUMN = 0.8
"""A line ending a sentence at less than this share of the column ends its paragraph."""


def _line(ctx: Context, item: Item) -> str:
    """The whole source line of ``item`` (a piece split off a line, ``… 이수민 기자``, is judged by
    its line's width)."""
    return ctx.source_text.get(item.line, item.text) if item.last in (None, item.line) else item.text


def _column(ctx: Context) -> int | None:
    """The column's width in characters (the commonest length of the narrow lines, or one above it
    when that is nearly as common), or None when most lines are not that narrow."""
    lines = {it.line: len(_line(ctx, it)) for it in ctx.items if unclaimed(it)}
    narrow = [n for n in lines.values() if n <= MAX_COLUMN]
    if len(narrow) < FEWEST_COLUMN_LINES or len(narrow) < COLUMN_SHARE * len(lines):
        return None
    counts = Counter(narrow)
    width = max(counts, key=lambda n: (counts[n], n))
    return width + 1 if counts[width + 1] * 2 >= counts[width] else width


def _separator(line: str, below: str) -> str:
    """What joins a column line to the line below it: nothing across a word's cut (a particle, an
    ending, a bracket's close), a space between words."""
    if _CLOSING.match(below) or _OPENING.search(line):
        return ""
    if (_NUMBER_CUT.search(line) and below[:1].isdigit()) or (line[-1:].isdigit() and _COUNTER.match(below)):
        return ""
    if _HANGUL_END.search(line) and _HANGUL_START.match(below):
        return "" if cut_inside_word(line, below) else " "
    return " "


def _reflow(ctx: Context, width: int) -> None:
    """Join the column lines into paragraphs."""
    out: list[Item] = []
    line: Item | None = None  # the last column line joined
    for item in ctx.items:
        column = unclaimed(item) and len(_line(ctx, item)) <= width
        prev = out[-1] if out else None
        if (
            column
            and prev is not None
            and line is not None
            and (line.last or line.line) == item.line - 1
            and not (ends_sentence(line.text) and len(line.text) < SHORT_OF_COLUMN * width)
        ):
            prev.text = f"{prev.text}{_separator(line.text, item.text)}{item.text}"
            prev.last = item.last or item.line
            line = item
            continue
        out.append(item)
        line = item if column else None
    ctx.items = out


def _head(ctx: Context, page: int, width: int) -> None:
    """The page's head under its date line: the end of the neighbouring article (the lines up to a
    reporter's sign-off among the first few) goes; the next line is the headline, joined by a
    quoted line under it (the ``title`` pass takes the decks under it: set wider than the column,
    they are no column lines)."""
    top = [it for it in ctx.items[page + 1 : page + 1 + HEAD_LINES] if unclaimed(it)]
    signed = max((i for i, it in enumerate(top) if _SIGN_OFF.search(_line(ctx, it))), default=-1)
    recorded: set[int] = set()
    for item in top[: signed + 1]:
        if item.line in recorded:  # a piece split off a line recorded whole: out of the text only
            ctx.items.remove(item)
            continue
        recorded.add(item.line)
        ctx.drop(
            item,
            "the end of the neighbouring article above the headline (its reporter's sign-off)",
            "print.neighbour",
        )
    at = page + 1
    if at >= len(ctx.items) or not unclaimed(ctx.items[at]) or ends_sentence(ctx.items[at].text):
        return
    title = ctx.items[at]
    title.kind = "title"
    quote = ctx.items[at + 1] if at + 1 < len(ctx.items) else None
    if quote is not None and unclaimed(quote) and _QUOTED.match(quote.text):
        title.text = f"{title.text} {quote.text}"
        title.last = quote.last or quote.line
        ctx.items.remove(quote)


def run(ctx: Context) -> None:
    """Read a newspaper page copied from its PDF viewer."""
    if ctx.source_format != "text" or any(it.attrs.get("after_blank") for it in ctx.items):
        return
    page = next(
        (i for i, it in enumerate(ctx.items[:HEAD_LINES]) if unclaimed(it) and _PAGE_LINE.match(it.text)),
        None,
    )
    if page is None:
        return
    width = _column(ctx)
    for item in ctx.items[:page]:
        if width is not None or _VIEWER.search(item.text):  # an article view: only the viewer's own lines
            ctx.drop(item, "the PDF viewer's header above the print page", "print.viewer")
    if width is None:
        return  # the viewer's article view: whole paragraphs, no columns to join
    for item in [it for it in ctx.items[-HEAD_LINES:] if unclaimed(it) and _FOOTER.match(it.text)]:
        ctx.drop(item, "the print page's footer (page number, date, paper)", "print.footer")
    _head(ctx, 0, width)
    _reflow(ctx, width)
