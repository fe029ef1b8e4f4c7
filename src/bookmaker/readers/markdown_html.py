"""Raw HTML inside Markdown: never markup in the output, always its text.

CommonMark passes HTML through; bookmaker takes what it means instead. An inline tag is read
with the standard library's HTML parser (:func:`read_tag`), so the Markdown converter can turn
``<b>``/``<strong>``, ``<i>``/``<em>``, ``<sup>``, ``<sub>``, ``<a href>``, ``<br>``, ``<img>`` and
``<ruby>`` into the IR's runs and keep the text of any other element. An HTML block becomes its
visible text, one line per block-level element, and the images in it (:func:`block_text`);
scripts, styles and comments are not visible and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from bs4 import BeautifulSoup
from bs4.element import Tag as SoupTag

from bookmaker.ir import Inline, Table, Text
from bookmaker.readers.html_table import build_table, is_data_table

_BREAKING = frozenset(
    (
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav"),
        *("ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    )
)
_HIDDEN = frozenset(("script", "style", "template", "noscript"))


@dataclass(frozen=True, slots=True)
class Tag:
    """One HTML tag: its lower-case name, attributes, and whether it closes an element."""

    name: str
    attrs: dict[str, str]
    closing: bool = False


class _TagReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(Tag(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(Tag(tag, {}, closing=True))


def read_tag(markup: str) -> Tag | None:
    """The tag ``markup`` is (``<sup>``, ``</a>``, ``<br/>``), or None for a comment or declaration."""
    reader = _TagReader()
    reader.feed(markup)
    reader.close()
    return reader.tags[0] if reader.tags else None


@dataclass(slots=True)
class HtmlText:
    """The visible text of an HTML block, one string per line, and its images' attributes."""

    lines: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = HtmlText()
        self.current: list[str] = []
        self.hidden = 0

    def end_line(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.found.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "img":
            self.found.images.append({k: v or "" for k, v in attrs})
        elif tag in _BREAKING:
            self.end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKING:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data)


def block_text(markup: str) -> HtmlText:
    """The visible text and the images of an HTML block."""
    reader = _TextReader()
    reader.feed(markup)
    reader.close()
    reader.end_line()
    return reader.found


_STYLE_OPEN = re.compile(r"<style\b", re.IGNORECASE)
_STYLE_CLOSE = re.compile(r"</style\s*>", re.IGNORECASE)


def fill_style_gaps(text: str) -> str:
    """``text`` with each blank line inside a ``<style>`` element made a CSS comment (``/**/``),
    line for line: a notebook exported to Markdown (nbconvert) puts a DataFrame's ``<style scoped>``,
    blank lines and all, inside the ``<div>`` that holds its table, and CommonMark ends that HTML
    block at the first blank line, leaving the rest of the CSS and the table as text."""
    if not _STYLE_OPEN.search(text):
        return text
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        if inside and not line.strip():
            out.append("/**/")
            continue
        out.append(line)
        for _ in range(2):  # an element may open and close on one line
            if not inside and (found := _STYLE_OPEN.search(line)):
                inside, line = True, line[found.end() :]
            if inside and (found := _STYLE_CLOSE.search(line)):
                inside, line = False, line[found.end() :]
    return "\n".join(out)


TABLE_MARK = "\ue000table:"
"""The text that stands for a table in an HTML block's lines (private use: no page writes it)."""


def html_tables(markup: str, first_line: int) -> tuple[str, list[Table]]:
    """The tables of content in an HTML block (``<th>``/``<thead>``/``<caption>`` or two rows of two
    cells: :func:`~bookmaker.readers.html_table.is_data_table`) as IR tables, each on the source line
    of its ``<table>``, and the markup with each one replaced by a line :data:`TABLE_MARK` + its
    index, so that the block's text keeps them in place."""
    if "<table" not in markup.lower():
        return markup, []
    soup = BeautifulSoup(markup, "html.parser")
    tables: list[Table] = []
    for tag in soup.find_all("table"):
        if tag.find_parent("table") is not None or not is_data_table(tag):
            continue
        table = build_table(tag, _cell_runs)
        table.lines = [first_line + (tag.sourceline or 1) - 1]
        marker = soup.new_tag("p")
        marker.string = f"{TABLE_MARK}{len(tables)}"
        tag.replace_with(marker)
        tables.append(table)
    return (str(soup), tables) if tables else (markup, [])


def _cell_runs(cell: SoupTag) -> list[Inline]:
    text = " ".join(cell.get_text(" ").split())
    return [Text(value=text)] if text else []
