"""Raw HTML inside Markdown: never markup in the output, always its text.

CommonMark passes HTML through; bookmaker takes what it means instead. An inline tag is read
with the standard library's HTML parser (:func:`read_tag`), so the Markdown converter can turn
``<b>``/``<strong>``, ``<i>``/``<em>``, ``<sup>``, ``<sub>``, ``<a href>``, ``<br>``, ``<img>`` and
``<ruby>`` into the IR's runs and keep the text of any other element. An HTML block becomes its
visible text, one line per block-level element, and the images in it (:func:`block_text`);
scripts, styles and comments are not visible and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

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
